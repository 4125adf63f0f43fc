/* trib-window.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-application.h"
#include "trib-flow-watcher.h"

G_BEGIN_DECLS

#define TRIB_TYPE_WINDOW (trib_window_get_type ())

G_DECLARE_FINAL_TYPE (TribWindow, trib_window, TRIB, WINDOW, AdwApplicationWindow)

TribWindow  *trib_window_new             (TribApplication *application);
TribSession *trib_window_get_session     (TribWindow      *self);
void         trib_window_set_session     (TribWindow      *self,
                                          TribSession     *session);
void         trib_window_show_connecting (TribWindow      *self,
                                          const char      *message);
void         trib_window_show_signing_in (TribWindow      *self,
                                          TribProfile     *profile);
void         trib_window_show_error      (TribWindow      *self,
                                          const char      *title,
                                          const GError    *error);
void         trib_window_show_page       (TribWindow      *self,
                                          const char      *page_name);
void         trib_window_offer_unfinished_setups (TribWindow *self);
void         trib_window_add_toast       (TribWindow      *self,
                                          const char      *message);
TribFlowWatcher *trib_window_get_flow_watcher (TribWindow *self);

G_END_DECLS
