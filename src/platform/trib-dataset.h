/* trib-dataset.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_DATASET (trib_dataset_get_type ())

G_DECLARE_FINAL_TYPE (TribDataset, trib_dataset, TRIB, DATASET, GObject)

TribDataset        *trib_dataset_new_from_json        (const char   *id,
                                                       JsonObject   *object,
                                                       GError      **error);
const char         *trib_dataset_get_id               (TribDataset  *self);
const char         *trib_dataset_get_name             (TribDataset  *self);
const char         *trib_dataset_get_description      (TribDataset  *self);
const char         *trib_dataset_get_schema_id        (TribDataset  *self);
const char         *trib_dataset_get_table_name       (TribDataset  *self);
const char         *trib_dataset_get_format           (TribDataset  *self);
GDateTime          *trib_dataset_get_created          (TribDataset  *self);
GDateTime          *trib_dataset_get_updated          (TribDataset  *self);
const char         *trib_dataset_get_last_batch_id    (TribDataset  *self);
const char         *trib_dataset_get_last_batch_status (TribDataset *self);
gboolean            trib_dataset_get_profile_enabled  (TribDataset  *self);
const char * const *trib_dataset_get_tag_names        (TribDataset  *self);
char               *trib_dataset_dup_tag              (TribDataset  *self,
                                                       const char   *name);

G_END_DECLS
