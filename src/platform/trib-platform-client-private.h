/* trib-platform-client-private.h
 *
 * What the tests and benchmarks reach of TribPlatformClient, and the
 * app does not.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-platform-client.h"

G_BEGIN_DECLS

TribRequestLog *trib_platform_client_get_log          (TribPlatformClient     *self);
const char     *trib_platform_client_get_base_url     (TribPlatformClient     *self);
void            trib_platform_client_set_retry_policy (TribPlatformClient     *self,
                                                       const TribRetryPolicy  *policy);
void            trib_platform_client_set_reply_limits (TribPlatformClient     *self,
                                                       const TribReplyLimits  *limits);
void            trib_platform_client_call_async       (TribPlatformClient     *self,
                                                       const char             *method,
                                                       const char             *path,
                                                       JsonNode               *body,
                                                       const char             *accept,
                                                       TribCallFlags           flags,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gpointer        trib_platform_client_call_finish      (TribPlatformClient     *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);

G_END_DECLS
