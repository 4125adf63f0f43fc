/* trib-preferences-window.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-application.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PREFERENCES_WINDOW (trib_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TribPreferencesWindow, trib_preferences_window, TRIB, PREFERENCES_WINDOW, AdwPreferencesWindow)

TribPreferencesWindow *trib_preferences_window_new (TribApplication *application,
                                                    GtkWindow       *parent);

G_END_DECLS
