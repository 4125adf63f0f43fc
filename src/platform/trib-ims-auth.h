/* trib-ims-auth.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "trib-reply-limits.h"
#include "trib-request-log.h"

G_BEGIN_DECLS

#define TRIB_TYPE_IMS_AUTH (trib_ims_auth_get_type ())

G_DECLARE_FINAL_TYPE (TribImsAuth, trib_ims_auth, TRIB, IMS_AUTH, GObject)

TribImsAuth *trib_ims_auth_new              (SoupSession          *session,
                                             TribRequestLog       *log,
                                             const char           *ims_url,
                                             const char           *client_id,
                                             const char           *client_secret,
                                             const char           *scopes);
void         trib_ims_auth_get_token_async  (TribImsAuth          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char        *trib_ims_auth_get_token_finish (TribImsAuth          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void         trib_ims_auth_invalidate       (TribImsAuth          *self,
                                             const char           *token);
void         trib_ims_auth_set_reply_limits (TribImsAuth          *self,
                                             const TribReplyLimits *limits);

G_END_DECLS
