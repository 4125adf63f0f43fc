/* trib-dataset-detail.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-dataset.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_DATASET_DETAIL (trib_dataset_detail_get_type ())

G_DECLARE_FINAL_TYPE (TribDatasetDetail, trib_dataset_detail, TRIB, DATASET_DETAIL, GtkWidget)

void     trib_dataset_detail_show             (TribDatasetDetail  *self,
                                               TribPlatformClient *client,
                                               TribDataset        *dataset,
                                               const char         *schema_title);
void     trib_dataset_detail_clear            (TribDatasetDetail  *self);
void     trib_dataset_detail_set_schema_title (TribDatasetDetail  *self,
                                               const char         *schema_title);
gboolean trib_dataset_detail_get_loading      (TribDatasetDetail  *self);
guint    trib_dataset_detail_get_n_batches    (TribDatasetDetail  *self);

G_END_DECLS
