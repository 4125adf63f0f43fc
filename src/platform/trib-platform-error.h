/* trib-platform-error.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_PLATFORM_ERROR (trib_platform_error_quark ())

/**
 * TribPlatformError:
 * @TRIB_PLATFORM_ERROR_FAILED: any other answer
 * @TRIB_PLATFORM_ERROR_BAD_REQUEST: 400: the platform refused the request as malformed
 * @TRIB_PLATFORM_ERROR_UNAUTHORIZED: 401: the access token was missing, expired or refused
 * @TRIB_PLATFORM_ERROR_FORBIDDEN: 403: the credentials lack a permission
 * @TRIB_PLATFORM_ERROR_NOT_FOUND: 404
 * @TRIB_PLATFORM_ERROR_CONFLICT: 409: the thing exists already
 * @TRIB_PLATFORM_ERROR_RATE_LIMITED: 429, after the allowed waits
 * @TRIB_PLATFORM_ERROR_SERVER: 5xx, after the allowed retries
 * @TRIB_PLATFORM_ERROR_INVALID_RESPONSE: the answer was not the JSON expected
 * @TRIB_PLATFORM_ERROR_INVALID_CLIENT: IMS does not know the client ID
 * @TRIB_PLATFORM_ERROR_INVALID_SECRET: IMS refused the client secret
 * @TRIB_PLATFORM_ERROR_INVALID_SCOPE: IMS refused a scope
 * @TRIB_PLATFORM_ERROR_UNKNOWN_ORG: the organization ID does not match the credentials
 * @TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX: the sandbox does not exist or is not available
 * @TRIB_PLATFORM_ERROR_UNREACHABLE: the host could not be reached
 * @TRIB_PLATFORM_ERROR_INSECURE_URL: a plain http:// URL to a host that is not loopback
 * @TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE: the answer was larger than #TribReplyLimits allow
 * @TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP: the answer's JSON nested deeper than #TribReplyLimits allow
 * @TRIB_PLATFORM_ERROR_NO_ANSWER: the server did not start answering in time
 * @TRIB_PLATFORM_ERROR_REPLY_STALLED: the answer stopped arriving, or arrived too slowly
 * @TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST: a redirect to another origin, not followed
 * @TRIB_PLATFORM_ERROR_REDIRECT_UNSAFE: a redirect of a call that is not a GET, not followed
 * @TRIB_PLATFORM_ERROR_REDIRECT_LOOP: redirects that came back to an address already visited,
 *   or too many of them
 * @TRIB_PLATFORM_ERROR_STALE: 412: the thing changed since it was read (a stale etag in If-Match)
 */
typedef enum
{
  TRIB_PLATFORM_ERROR_FAILED,
  TRIB_PLATFORM_ERROR_BAD_REQUEST,
  TRIB_PLATFORM_ERROR_UNAUTHORIZED,
  TRIB_PLATFORM_ERROR_FORBIDDEN,
  TRIB_PLATFORM_ERROR_NOT_FOUND,
  TRIB_PLATFORM_ERROR_CONFLICT,
  TRIB_PLATFORM_ERROR_RATE_LIMITED,
  TRIB_PLATFORM_ERROR_SERVER,
  TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
  TRIB_PLATFORM_ERROR_INVALID_CLIENT,
  TRIB_PLATFORM_ERROR_INVALID_SECRET,
  TRIB_PLATFORM_ERROR_INVALID_SCOPE,
  TRIB_PLATFORM_ERROR_UNKNOWN_ORG,
  TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX,
  TRIB_PLATFORM_ERROR_UNREACHABLE,
  TRIB_PLATFORM_ERROR_INSECURE_URL,
  TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE,
  TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP,
  TRIB_PLATFORM_ERROR_NO_ANSWER,
  TRIB_PLATFORM_ERROR_REPLY_STALLED,
  TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST,
  TRIB_PLATFORM_ERROR_REDIRECT_UNSAFE,
  TRIB_PLATFORM_ERROR_REDIRECT_LOOP,
  TRIB_PLATFORM_ERROR_STALE,
} TribPlatformError;

GQuark      trib_platform_error_quark           (void);
GError     *trib_platform_error_new_from_response (guint          status,
                                                   const char    *content_type,
                                                   GBytes        *body,
                                                   const char    *request_id);
GError     *trib_platform_error_new_invalid_response (const char *service,
                                                      const char *what);
guint       trib_platform_error_get_status      (const GError  *error);
const char *trib_platform_error_get_code        (const GError  *error);
const char *trib_platform_error_get_title       (const GError  *error);
const char *trib_platform_error_get_detail      (const GError  *error);
const char *trib_platform_error_get_request_id  (const GError  *error);

G_END_DECLS
