/* trib-profile-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-application.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PROFILE_DIALOG (trib_profile_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribProfileDialog, trib_profile_dialog, TRIB, PROFILE_DIALOG, AdwWindow)

TribProfileDialog *trib_profile_dialog_new          (TribApplication   *application,
                                                     GtkWindow         *parent);
void               trib_profile_dialog_edit_profile (TribProfileDialog *self,
                                                     TribProfile       *profile,
                                                     const GError      *reason);

G_END_DECLS
