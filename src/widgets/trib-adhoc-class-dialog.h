/* trib-adhoc-class-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ADHOC_CLASS_DIALOG (trib_adhoc_class_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribAdhocClassDialog, trib_adhoc_class_dialog, TRIB, ADHOC_CLASS_DIALOG, AdwWindow)

TribAdhocClassDialog *trib_adhoc_class_dialog_new            (TribPlatformClient   *client);
void                  trib_adhoc_class_dialog_set_class_title (TribAdhocClassDialog *self,
                                                               const char           *title);
void                  trib_adhoc_class_dialog_add_field       (TribAdhocClassDialog *self,
                                                               const char           *name,
                                                               const char           *type);
const char           *trib_adhoc_class_dialog_get_error_text  (TribAdhocClassDialog *self);

G_END_DECLS
