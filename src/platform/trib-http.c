/* trib-http.c
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

/* What every exchange with IMS and the platform shares: the URL rule,
 * the request log, and turning failures into TRIB_PLATFORM_ERROR.
 */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * trib_http_check_base_url:
 * @url: an IMS or platform base URL
 * @error: a location for a #GError
 *
 * Plain http:// would send tokens and secrets in the clear, so it is
 * only accepted for loopback hosts (the local demo platform).
 *
 * Returns: whether @url may be used
 */
gboolean
trib_http_check_base_url (const char  *url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;

  if (url == NULL || url[0] == '\0' ||
      !(uri = g_uri_parse (url, G_URI_FLAGS_NONE, &local_error)) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INSECURE_URL,
                   /* Translators: %s is a URL */
                   _("“%s” is not a valid URL."), url != NULL ? url : "");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri)))
    return TRUE;

  g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INSECURE_URL,
               /* Translators: %s is a URL */
               _("“%s” must use https://; plain http:// is only allowed to this computer."), url);

  return FALSE;
}

typedef struct
{
  SoupMessage *message;
  TribRequestRecord *record;
} SendState;

static void
send_state_free (SendState *state)
{
  g_clear_object (&state->message);
  g_clear_object (&state->record);
  g_free (state);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SendState *state = g_task_get_task_data (task);

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (bytes == NULL)
    {
      trib_request_record_finish (state->record, 0, 0, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  trib_request_record_finish (state->record, soup_message_get_status (state->message),
                              g_bytes_get_size (bytes), NULL);
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/**
 * trib_http_send_async:
 * @session: the session to send on
 * @log: (nullable): the log that records the call, redacted
 * @message: the message, with its headers set
 * @body: (nullable): the request body
 * @content_type: (nullable): the body's content type
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the whole answer
 * @user_data: data for @callback
 *
 * Sends @message once and reads the whole answer, whatever its status.
 */
void
trib_http_send_async (SoupSession         *session,
                      TribRequestLog      *log,
                      SoupMessage         *message,
                      GBytes              *body,
                      const char          *content_type,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  SendState *state;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_http_send_async);

  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);

  url = g_uri_to_string (soup_message_get_uri (message));

  state = g_new0 (SendState, 1);
  state->message = g_object_ref (message);
  state->record = trib_request_record_new (soup_message_get_method (message), url);

  soup_message_headers_iter_init (&iter, soup_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    trib_request_record_add_header (state->record, name, value);

  if (body != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (body, &length);

      trib_request_record_set_body (state->record, content_type, data, length);
    }

  g_task_set_task_data (task, state, (GDestroyNotify) send_state_free);

  if (log != NULL)
    trib_request_log_add (log, state->record);

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

/**
 * trib_http_send_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the answer's body, for any status
 */
GBytes *
trib_http_send_finish (GAsyncResult  *result,
                       GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

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

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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

/**
 * trib_http_parse_json:
 * @body: a successful answer's body
 * @message: the message it answers
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the parsed document; an empty body gives a
 *   null node
 */
JsonNode *
trib_http_parse_json (GBytes       *body,
                      SoupMessage  *message,
                      GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (body, &length);

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   /* Translators: %s is a URL path, the second %s the parser's explanation */
                   _("The answer from %s is not valid JSON: %s"),
                   g_uri_get_path (soup_message_get_uri (message)), parse_error->message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
