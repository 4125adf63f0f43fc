/* trib-application-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-application.h"
#include "trib-demo-platform.h"
#include "trib-profile-dialog.h"
#include "trib-sign-in.h"
#include "trib-window.h"

G_BEGIN_DECLS

struct _TribApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  TribProfileStore *profile_store;
  TribSecretStore *secret_store;
  TribRequestLog *request_log;
  TribSignIn *sign_in;
  TribQueryHistory *query_history;
  TribDemoPlatform *demo;
  TribSession *demo_session;
  GCancellable *cancellable;
  GMenu *profiles_menu;
  TribProfileDialog *profile_dialog;

  guint open_demo : 1;
  guint started : 1;
  guint painted : 1;
  guint ask_profile : 1;
};

TribWindow *_trib_application_get_window       (TribApplication *self);
void        _trib_application_profiles_changed (TribApplication *self);
void        _trib_application_add_actions      (TribApplication *self);

G_END_DECLS
