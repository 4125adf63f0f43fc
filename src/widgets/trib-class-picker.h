/* trib-class-picker.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-platform-client.h"
#include "trib-xdm-resource.h"

G_BEGIN_DECLS

#define TRIB_TYPE_CLASS_PICKER (trib_class_picker_get_type ())

G_DECLARE_FINAL_TYPE (TribClassPicker, trib_class_picker, TRIB, CLASS_PICKER, GtkWidget)

void             trib_class_picker_set_client           (TribClassPicker    *self,
                                                         TribPlatformClient *client);
gboolean         trib_class_picker_get_listing          (TribClassPicker    *self);
void             trib_class_picker_set_preferred_class  (TribClassPicker    *self,
                                                         const char         *class_id);
TribXdmResource *trib_class_picker_get_class            (TribClassPicker    *self);
char           **trib_class_picker_dup_field_group_ids  (TribClassPicker    *self);
gboolean         trib_class_picker_select_class         (TribClassPicker    *self,
                                                         const char         *class_id);
GtkWidget       *trib_class_picker_find_field_group_row (TribClassPicker    *self,
                                                         const char         *field_group_id);
gboolean         trib_class_picker_set_field_group      (TribClassPicker    *self,
                                                         const char         *field_group_id,
                                                         gboolean            chosen);

G_END_DECLS
