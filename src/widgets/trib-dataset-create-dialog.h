/* trib-dataset-create-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_DATASET_CREATE_DIALOG (trib_dataset_create_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribDatasetCreateDialog, trib_dataset_create_dialog, TRIB, DATASET_CREATE_DIALOG, AdwWindow)

TribDatasetCreateDialog *trib_dataset_create_dialog_new            (TribPlatformClient      *client,
                                                                    const char              *schema_id);
void                     trib_dataset_create_dialog_set_name       (TribDatasetCreateDialog *self,
                                                                    const char              *name);
gboolean                 trib_dataset_create_dialog_select_schema  (TribDatasetCreateDialog *self,
                                                                    const char              *schema_id);
GtkWidget               *trib_dataset_create_dialog_get_culprit_row (TribDatasetCreateDialog *self);

G_END_DECLS
