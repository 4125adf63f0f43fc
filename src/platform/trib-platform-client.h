/* trib-platform-client.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "trib-ims-auth.h"
#include "trib-reply-limits.h"
#include "trib-request-log.h"
#include "trib-retry-policy.h"
#include "trib-profile.h"

G_BEGIN_DECLS

/**
 * TribCallFlags:
 * @TRIB_CALL_NONE: a call in the current sandbox
 * @TRIB_CALL_NO_SANDBOX: leave out `x-sandbox-name`, for calls about
 *   sandboxes themselves (so a mistyped default sandbox cannot stop the
 *   user from listing the real ones)
 */
typedef enum
{
  TRIB_CALL_NONE = 0,
  TRIB_CALL_NO_SANDBOX = 1 << 0,
} TribCallFlags;

#define TRIB_TYPE_PLATFORM_CLIENT (trib_platform_client_get_type ())

G_DECLARE_FINAL_TYPE (TribPlatformClient, trib_platform_client, TRIB, PLATFORM_CLIENT, GObject)

TribPlatformClient *trib_platform_client_new              (TribProfile            *profile,
                                                           const char             *client_secret,
                                                           TribRequestLog         *log,
                                                           GError                **error);
TribProfile        *trib_platform_client_get_profile      (TribPlatformClient     *self);
TribImsAuth        *trib_platform_client_get_auth         (TribPlatformClient     *self);
TribRequestLog     *trib_platform_client_get_log          (TribPlatformClient     *self);
const char         *trib_platform_client_get_sandbox      (TribPlatformClient     *self);
void                trib_platform_client_set_sandbox      (TribPlatformClient     *self,
                                                           const char             *sandbox);
void                trib_platform_client_set_retry_policy (TribPlatformClient     *self,
                                                           const TribRetryPolicy  *policy);
void                trib_platform_client_set_reply_limits (TribPlatformClient     *self,
                                                           const TribReplyLimits  *limits);
void                trib_platform_client_call_async       (TribPlatformClient     *self,
                                                           const char             *method,
                                                           const char             *path,
                                                           JsonNode               *body,
                                                           const char             *accept,
                                                           TribCallFlags           flags,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
JsonNode           *trib_platform_client_call_finish      (TribPlatformClient     *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);
void                trib_platform_client_call_text_async  (TribPlatformClient     *self,
                                                           const char             *method,
                                                           const char             *path,
                                                           const char             *accept,
                                                           TribCallFlags           flags,
                                                           GCancellable           *cancellable,
                                                           GAsyncReadyCallback     callback,
                                                           gpointer                user_data);
GBytes             *trib_platform_client_call_text_finish (TribPlatformClient     *self,
                                                           GAsyncResult           *result,
                                                           GError                **error);

G_END_DECLS
