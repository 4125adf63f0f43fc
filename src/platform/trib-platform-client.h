/* trib-platform-client.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "trib-call.h"
#include "trib-ims-auth.h"
#include "trib-profile.h"
#include "trib-reply-limits.h"
#include "trib-request-log.h"
#include "trib-retry-policy.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PLATFORM_CLIENT (trib_platform_client_get_type ())

G_DECLARE_FINAL_TYPE (TribPlatformClient, trib_platform_client, TRIB, PLATFORM_CLIENT, GObject)

TribPlatformClient *trib_platform_client_new         (TribProfile          *profile,
                                                      const char           *client_secret,
                                                      TribRequestLog       *log,
                                                      GError              **error);
TribProfile        *trib_platform_client_get_profile (TribPlatformClient   *self);
TribImsAuth        *trib_platform_client_get_auth    (TribPlatformClient   *self);
const char         *trib_platform_client_get_sandbox (TribPlatformClient   *self);
void                trib_platform_client_set_sandbox (TribPlatformClient   *self,
                                                      const char           *sandbox);
void                trib_platform_client_send_async  (TribPlatformClient   *self,
                                                      TribCall             *call,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gpointer            trib_platform_client_send_finish (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
