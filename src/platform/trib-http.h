/* trib-http.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "trib-reply-limits.h"
#include "trib-request-log.h"

G_BEGIN_DECLS

gboolean  trib_http_check_base_url      (const char           *url,
                                         GError              **error);
void      trib_http_send_async          (SoupSession          *session,
                                         TribRequestLog       *log,
                                         SoupMessage          *message,
                                         GBytes               *body,
                                         const char           *content_type,
                                         const TribReplyLimits *limits,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes   *trib_http_send_finish         (GAsyncResult         *result,
                                         GError              **error);
gboolean  trib_http_error_is_transient  (const GError         *error);
GError   *trib_http_error_for_transport (GError               *error,
                                         SoupMessage          *message);
GError   *trib_http_error_for_response  (SoupMessage          *message,
                                         GBytes               *body);
JsonNode *trib_http_parse_json          (GBytes               *body,
                                         SoupMessage          *message,
                                         const TribReplyLimits *limits,
                                         GError              **error);
GBytes   *trib_http_check_json          (GBytes               *body,
                                         SoupMessage          *message,
                                         const TribReplyLimits *limits,
                                         GError              **error);

G_END_DECLS
