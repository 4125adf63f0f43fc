/* trib-schema-create-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEMA_CREATE_DIALOG (trib_schema_create_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribSchemaCreateDialog, trib_schema_create_dialog, TRIB, SCHEMA_CREATE_DIALOG, AdwWindow)

TribSchemaCreateDialog *trib_schema_create_dialog_new               (TribPlatformClient     *client);
void                    trib_schema_create_dialog_set_title_text    (TribSchemaCreateDialog *self,
                                                                     const char             *title);
gboolean                trib_schema_create_dialog_select_class      (TribSchemaCreateDialog *self,
                                                                     const char             *class_id);
gboolean                trib_schema_create_dialog_set_field_group   (TribSchemaCreateDialog *self,
                                                                     const char             *field_group_id,
                                                                     gboolean                chosen);
GtkWidget              *trib_schema_create_dialog_get_culprit_row   (TribSchemaCreateDialog *self);
const char             *trib_schema_create_dialog_get_error_text    (TribSchemaCreateDialog *self);

G_END_DECLS
