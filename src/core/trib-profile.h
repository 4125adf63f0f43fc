/* trib-profile.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_DEFAULT_SCOPES "openid, AdobeID, read_organizations, additional_info.projectedProductContext, session"
#define TRIB_DEFAULT_IMS_URL "https://ims-na1.adobelogin.com"
#define TRIB_DEFAULT_PLATFORM_URL "https://platform.adobe.io"
#define TRIB_DEFAULT_SANDBOX "prod"

#define TRIB_TYPE_PROFILE (trib_profile_get_type ())

G_DECLARE_FINAL_TYPE (TribProfile, trib_profile, TRIB, PROFILE, GObject)

TribProfile *trib_profile_new                      (const char  *id);
TribProfile *trib_profile_copy                     (TribProfile *self);
const char  *trib_profile_get_id                   (TribProfile *self);
const char  *trib_profile_get_name                 (TribProfile *self);
void         trib_profile_set_name                 (TribProfile *self,
                                                    const char  *name);
const char  *trib_profile_get_org_id               (TribProfile *self);
void         trib_profile_set_org_id               (TribProfile *self,
                                                    const char  *org_id);
const char  *trib_profile_get_client_id            (TribProfile *self);
void         trib_profile_set_client_id            (TribProfile *self,
                                                    const char  *client_id);
const char  *trib_profile_get_technical_account_id (TribProfile *self);
void         trib_profile_set_technical_account_id (TribProfile *self,
                                                    const char  *technical_account_id);
const char  *trib_profile_get_scopes               (TribProfile *self);
void         trib_profile_set_scopes               (TribProfile *self,
                                                    const char  *scopes);
const char  *trib_profile_get_default_sandbox      (TribProfile *self);
void         trib_profile_set_default_sandbox      (TribProfile *self,
                                                    const char  *default_sandbox);
const char  *trib_profile_get_last_sandbox         (TribProfile *self);
void         trib_profile_set_last_sandbox         (TribProfile *self,
                                                    const char  *last_sandbox);
const char  *trib_profile_get_ims_url              (TribProfile *self);
void         trib_profile_set_ims_url              (TribProfile *self,
                                                    const char  *ims_url);
const char  *trib_profile_get_platform_url         (TribProfile *self);
void         trib_profile_set_platform_url         (TribProfile *self,
                                                    const char  *platform_url);
gboolean     trib_profile_get_ephemeral            (TribProfile *self);
void         trib_profile_set_ephemeral            (TribProfile *self,
                                                    gboolean     ephemeral);
const char  *trib_profile_get_start_sandbox        (TribProfile *self);
gboolean     trib_profile_validate                 (TribProfile *self,
                                                    GError     **error);

G_END_DECLS
