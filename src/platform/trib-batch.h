/* trib-batch.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_BATCH (trib_batch_get_type ())

G_DECLARE_FINAL_TYPE (TribBatch, trib_batch, TRIB, BATCH, GObject)

TribBatch  *trib_batch_new_from_json          (const char *id,
                                               JsonObject *object);
const char *trib_batch_get_id                 (TribBatch  *self);
const char *trib_batch_get_status             (TribBatch  *self);
GDateTime  *trib_batch_get_created            (TribBatch  *self);
GDateTime  *trib_batch_get_completed          (TribBatch  *self);
gint64      trib_batch_get_record_count       (TribBatch  *self);
gint64      trib_batch_get_failed_record_count (TribBatch *self);
const char *trib_batch_get_error_summary      (TribBatch  *self);
guint       trib_batch_get_n_errors           (TribBatch  *self);
void        trib_batch_get_error              (TribBatch  *self,
                                               guint       index,
                                               const char **code,
                                               const char **description,
                                               const char **rows);

G_END_DECLS
