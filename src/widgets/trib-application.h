/* trib-application.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-query-history.h"

#include "trib-profile-store.h"
#include "trib-secret-store.h"
#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_APPLICATION (trib_application_get_type ())

G_DECLARE_FINAL_TYPE (TribApplication, trib_application, TRIB, APPLICATION, AdwApplication)

TribApplication  *trib_application_new                (void);
TribApplication  *trib_application_get_default        (void);
GSettings        *trib_application_get_settings       (TribApplication *self);
TribProfileStore *trib_application_get_profile_store  (TribApplication *self);
TribSecretStore  *trib_application_get_secret_store   (TribApplication *self);
TribRequestLog   *trib_application_get_request_log    (TribApplication *self);
void              trib_application_save_profiles      (TribApplication *self);
void              trib_application_use_session        (TribApplication *self,
                                                       TribSession     *session);
void              trib_application_use_profile        (TribApplication *self,
                                                       TribProfile     *profile);
GMenuModel       *trib_application_get_profiles_menu  (TribApplication *self);
TribQueryHistory *trib_application_get_query_history  (TribApplication *self);
void              trib_application_open_demo          (TribApplication *self,
                                                       GtkWindow       *parent);
void              trib_application_show_profile_dialog (TribApplication *self,
                                                        GtkWindow       *parent);

G_END_DECLS
