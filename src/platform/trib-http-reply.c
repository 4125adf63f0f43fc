/* trib-http-reply.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-http"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-http.h"
#include "trib-platform-error.h"

/* What an answer means once it is in: a failure named as a
 * TRIB_PLATFORM_ERROR, and a body checked against the reply limits
 * before any parse function sees it.
 */

/**
 * trib_http_error_is_transient:
 * @error: a transport error
 *
 * Returns: whether the connection broke in a way that trying again
 *   may cure (reset, cut-off answer, timeout)
 */
gboolean
trib_http_error_is_transient (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) ||
         error->domain == SOUP_SESSION_ERROR;
}

/**
 * trib_http_error_for_transport:
 * @error: (transfer full): what libsoup reported
 * @message: the message that failed
 *
 * Returns: (transfer full): an error the user can act on, naming the host
 */
GError *
trib_http_error_for_transport (GError      *error,
                               SoupMessage *message)
{
  const char *host = g_uri_get_host (soup_message_get_uri (message));
  GError *translated;

  /* Cancelled by the caller, or refused here with a reason already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || error->domain == TRIB_PLATFORM_ERROR)
    return error;

  if (trib_http_error_is_transient (error))
    translated = g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                              /* Translators: %s is a host name, the second %s the technical reason */
                              _("The connection to %s broke before the answer was complete: %s"),
                              host, error->message);
  else
    translated = g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNREACHABLE,
                              /* Translators: %s is a host name, the second %s the technical reason */
                              _("%s could not be reached: %s"), host, error->message);

  g_error_free (error);

  return translated;
}

/**
 * trib_http_error_for_response:
 * @message: a message that was answered with an error status
 * @body: (nullable): the answer's body
 *
 * Returns: (transfer full): the platform's error as a #GError
 */
GError *
trib_http_error_for_response (SoupMessage *message,
                              GBytes      *body)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  return trib_platform_error_new_from_response (soup_message_get_status (message),
                                                soup_message_headers_get_content_type (headers, NULL),
                                                body,
                                                soup_message_headers_get_one (headers, "x-request-id"));
}

static void
set_reply_error (GError                **error,
                 SoupMessage            *message,
                 const TribReplyLimits  *limits,
                 const GError           *parse_error)
{
  const char *path = g_uri_get_path (soup_message_get_uri (message));

  if (g_error_matches (parse_error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP))
    g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP,
                 /* Translators: %s is a URL path, %u a number of levels */
                 _("The answer from %s nests more than %u levels deep; Tributary does not read it."),
                 path, limits->max_depth);
  else if (g_error_matches (parse_error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE))
    {
      g_autofree char *limit = g_format_size (limits->max_body_bytes);

      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE,
                   /* Translators: %s is a URL path, the second %s a size such as “64.0 MB” */
                   _("The answer from %s is larger than %s; Tributary does not read it."),
                   path, limit);
    }
  else
    g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                 /* Translators: %s is a URL path, the second %s the parser's explanation */
                 _("The answer from %s is not valid JSON: %s"),
                 path, parse_error->message);
}

/**
 * trib_http_parse_json:
 * @body: a successful answer's body
 * @message: the message it answers
 * @limits: how deep the JSON may nest
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the parsed document; an empty body gives a
 *   null node
 */
JsonNode *
trib_http_parse_json (GBytes                 *body,
                      SoupMessage            *message,
                      const TribReplyLimits  *limits,
                      GError                **error)
{
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  JsonNode *root;
  gsize length;

  data = g_bytes_get_data (body, &length);

  if ((root = trib_json_parse_bounded (data, length, limits, &parse_error)))
    return root;

  set_reply_error (error, message, limits, parse_error);

  return NULL;
}

/**
 * trib_http_check_json:
 * @body: a successful answer's body
 * @message: the message it answers
 * @limits: how deep the JSON may nest
 * @error: a location for a #GError
 *
 * Checks @body as trib_http_parse_json() does, without parsing it, for
 * a reader of its own.
 *
 * Returns: (transfer full): the text to read: @body, or a copy of it
 *   with its lone surrogates repaired
 */
GBytes *
trib_http_check_json (GBytes                 *body,
                      SoupMessage            *message,
                      const TribReplyLimits  *limits,
                      GError                **error)
{
  g_autoptr(GError) parse_error = NULL;
  char *repaired = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (body, &length);

  if (!trib_json_check_bounded (data, length, limits, &repaired, &parse_error))
    {
      set_reply_error (error, message, limits, parse_error);
      return NULL;
    }

  return repaired != NULL ? g_bytes_new_take (repaired, length) : g_bytes_ref (body);
}
