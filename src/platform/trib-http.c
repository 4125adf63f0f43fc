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
#include "trib-text-bound.h"

/* What every exchange with IMS and the platform shares: the URL rule,
 * the request log, the limits on what an answer may cost and the
 * redirect policy. What an answer means, failures turned into
 * TRIB_PLATFORM_ERROR, is in trib-http-reply.c.
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

/* Redirects followed for one call: the platform does not redirect its
 * API calls at all, so a few hops are already suspicious.
 */
#define MAX_REDIRECTS 5

/* The body is read in pieces of this size, counted as they arrive. */
#define READ_CHUNK_BYTES (64 * 1024)

/* One call, from sending the request to the last byte of its answer,
 * across the redirects it is allowed to follow.
 */
typedef struct
{
  SoupSession *session;
  SoupMessage *message;
  TribRequestLog *log;
  TribRequestRecord *record;
  TribReplyLimits limits;
  char *content_type;
  GBytes *request_body;
  GCancellable *cancellable;      /* ours: the caller's cancels it, so do the timers */
  GCancellable *caller_cancellable;
  gulong caller_cancelled_id;
  GInputStream *stream;
  guint8 *chunk;                  /* what the current read fills */
  GByteArray *buffer;             /* the body so far */
  GSource *timer;
  GError *timer_error;            /* why the timer cancelled the exchange */
  GPtrArray *visited;             /* URLs already requested, to see a loop */
  gsize window_bytes;             /* received since the timer last looked */
  gboolean answered;              /* this hop's headers have arrived */
} Exchange;

static void
disarm_timer (Exchange *exchange)
{
  if (exchange->timer != NULL)
    {
      g_source_destroy (exchange->timer);
      g_clear_pointer (&exchange->timer, g_source_unref);
    }
}

static void
exchange_free (Exchange *exchange)
{
  disarm_timer (exchange);
  if (exchange->caller_cancellable != NULL)
    g_cancellable_disconnect (exchange->caller_cancellable, exchange->caller_cancelled_id);
  g_clear_object (&exchange->caller_cancellable);
  g_clear_object (&exchange->cancellable);
  g_clear_object (&exchange->stream);
  g_clear_pointer (&exchange->chunk, g_free);
  g_clear_pointer (&exchange->buffer, g_byte_array_unref);
  g_clear_error (&exchange->timer_error);
  g_clear_pointer (&exchange->visited, g_ptr_array_unref);
  g_clear_pointer (&exchange->request_body, g_bytes_unref);
  g_clear_pointer (&exchange->content_type, g_free);
  g_clear_object (&exchange->record);
  g_clear_object (&exchange->log);
  g_clear_object (&exchange->message);
  g_clear_object (&exchange->session);
  g_free (exchange);
}

static const char *
exchange_host (Exchange *exchange)
{
  return g_uri_get_host (soup_message_get_uri (exchange->message));
}

static guint
seconds_of (guint ms)
{
  return (ms + 999) / 1000;
}

static void
arm_timer (GTask       *task,
           guint        interval_ms,
           GSourceFunc  callback)
{
  Exchange *exchange = g_task_get_task_data (task);

  disarm_timer (exchange);

  if (interval_ms == 0)
    return;

  /* The task owns the exchange and the exchange owns the timer, which
   * is destroyed before the task can go: no reference is needed.
   */
  exchange->timer = g_timeout_source_new (interval_ms);
  g_source_set_callback (exchange->timer, callback, task, NULL);
  g_source_attach (exchange->timer, g_task_get_context (task));
}

static void
stop_with_timer_error (Exchange *exchange,
                       GError   *error)
{
  g_clear_pointer (&exchange->timer, g_source_unref);
  exchange->timer_error = error;
  g_cancellable_cancel (exchange->cancellable);
}

static gboolean
answer_timeout_cb (gpointer user_data)
{
  Exchange *exchange = g_task_get_task_data (user_data);

  stop_with_timer_error (exchange,
                         g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NO_ANSWER,
                                      /* Translators: %s is a host name, %u a number of seconds */
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%s did not answer within %u second.",
                                                   "%s did not answer within %u seconds.",
                                                   seconds_of (exchange->limits.answer_timeout_ms)),
                                      exchange_host (exchange),
                                      seconds_of (exchange->limits.answer_timeout_ms)));

  return G_SOURCE_REMOVE;
}

static gboolean
stall_timeout_cb (gpointer user_data)
{
  Exchange *exchange = g_task_get_task_data (user_data);
  g_autofree char *progress = NULL;

  if (exchange->window_bytes >= exchange->limits.min_progress_bytes)
    {
      exchange->window_bytes = 0;
      return G_SOURCE_CONTINUE;
    }

  progress = g_format_size (exchange->limits.min_progress_bytes);
  stop_with_timer_error (exchange,
                         g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_STALLED,
                                      /* Translators: %s is a host name, then a size such as
                                       * “1.0 kB”, %u a number of seconds */
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "The answer from %s stalled: less than %s arrived in %u second.",
                                                   "The answer from %s stalled: less than %s arrived in %u seconds.",
                                                   seconds_of (exchange->limits.stall_timeout_ms)),
                                      exchange_host (exchange), progress,
                                      seconds_of (exchange->limits.stall_timeout_ms)));

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
record_headers (TribRequestRecord *record,
                SoupMessage       *message)
{
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  soup_message_headers_iter_init (&iter, soup_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    trib_request_record_add_header (record, name, value);
}

/* Ends the exchange with @error, after the record says what happened. */
static void
fail (GTask  *task,
      GError *error)
{
  Exchange *exchange = g_task_get_task_data (task);
  guint status = soup_message_get_status (exchange->message);
  gsize received = exchange->buffer != NULL ? exchange->buffer->len : 0;

  disarm_timer (exchange);

  /* A timer's error says more than the cancellation it caused. */
  if (exchange->timer_error != NULL &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (exchange->caller_cancellable))
    {
      g_error_free (error);
      error = g_steal_pointer (&exchange->timer_error);
    }

  g_debug ("%s %s failed: %s", soup_message_get_method (exchange->message),
           g_uri_get_path (soup_message_get_uri (exchange->message)), error->message);

  /* Closing a body not read to its end drops the connection with it. */
  if (exchange->stream != NULL)
    g_input_stream_close_async (exchange->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&exchange->stream);

  trib_request_record_finish (exchange->record, exchange->answered ? status : 0, received,
                              error->message);
  g_task_return_error (task, error);
}

static void start_hop (GTask *task);

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  int port_a = g_uri_get_port (a);
  int port_b = g_uri_get_port (b);

  if (port_a == -1)
    port_a = g_ascii_strcasecmp (g_uri_get_scheme (a), "https") == 0 ? 443 : 80;
  if (port_b == -1)
    port_b = g_ascii_strcasecmp (g_uri_get_scheme (b), "https") == 0 ? 443 : 80;

  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         port_a == port_b;
}

/* host, or host:port when the port is not the scheme's own. */
static char *
dup_authority (GUri *uri)
{
  g_autofree char *host = trib_text_bound (g_uri_get_host (uri), -1, 200, 1);

  if (g_uri_get_port (uri) == -1)
    return g_steal_pointer (&host);

  return g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/* libsoup would follow a redirect anywhere, headers and all: the API key,
 * the organization, the sandbox and the token would go to whichever host
 * the answer names. Redirects are decided here instead: only a GET, only
 * on the same scheme, host and port, and only a few times.
 *
 * Returns: whether the call goes on to the next hop
 */
static gboolean
follow_redirect (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessage *message = exchange->message;
  GUri *uri = soup_message_get_uri (message);
  const char *location;
  const char *method = soup_message_get_method (message);
  guint status = soup_message_get_status (message);
  g_autoptr(GUri) target = NULL;
  g_autofree char *target_text = NULL;

  location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
  if (location == NULL)
    return FALSE;

  target = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || g_uri_get_host (target) == NULL || g_uri_get_host (target)[0] == '\0' ||
      (g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (target), "http") != 0))
    {
      g_autofree char *shown = trib_text_bound (location, -1, 200, 1);

      fail (task, g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                               /* Translators: %s is a host name, the second %s what it sent */
                               _("%s redirected the call to an address that is not one: “%s”."),
                               g_uri_get_host (uri), shown));
      return TRUE;
    }

  if (!same_origin (uri, target))
    {
      g_autofree char *here = dup_authority (uri);
      g_autofree char *other = dup_authority (target);

      fail (task, g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST,
                               /* Translators: two host names, perhaps with a port */
                               _("%s redirected the call to another host, %s. Tributary does not "
                                 "follow it: the platform’s credentials go to no other host."),
                               here, other));
      return TRUE;
    }

  if (g_strcmp0 (method, SOUP_METHOD_GET) != 0 && g_strcmp0 (method, SOUP_METHOD_HEAD) != 0)
    {
      fail (task, g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_UNSAFE,
                               /* Translators: a host name, an HTTP method such as POST, a
                                * status such as 307, then the method again */
                               _("%s answered the %s call with a redirect (HTTP %u). Tributary "
                                 "does not send a %s again by itself: the server may have acted "
                                 "on it already."),
                               g_uri_get_host (uri), method, status, method));
      return TRUE;
    }

  target_text = g_uri_to_string (target);
  for (guint i = 0; i < exchange->visited->len; i++)
    if (g_str_equal (g_ptr_array_index (exchange->visited, i), target_text))
      {
        fail (task, g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_LOOP,
                                 /* Translators: %s is a host name */
                                 _("%s redirects the call in a loop, back to an address it "
                                   "already sent it to."),
                                 g_uri_get_host (uri)));
        return TRUE;
      }

  if (exchange->visited->len > MAX_REDIRECTS)
    {
      fail (task, g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_LOOP,
                               /* Translators: %s is a host name, %u a number of redirects */
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s redirected the call more than %u time.",
                                            "%s redirected the call more than %u times.",
                                            MAX_REDIRECTS),
                               g_uri_get_host (uri), MAX_REDIRECTS));
      return TRUE;
    }

  g_debug ("Following a redirect (HTTP %u) to %s", status, g_uri_get_path (target));

  trib_request_record_finish (exchange->record, status, exchange->buffer->len, NULL);
  g_clear_object (&exchange->record);
  g_clear_pointer (&exchange->buffer, g_byte_array_unref);

  soup_message_set_uri (message, target);
  start_hop (g_object_ref (task));

  return TRUE;
}

static void
body_closed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessage *message = exchange->message;
  guint status = soup_message_get_status (message);
  g_autoptr(GBytes) body = NULL;

  /* The whole body was read: closing cannot fail in a way that matters. */
  g_input_stream_close_finish (G_INPUT_STREAM (object), result, NULL);
  g_clear_object (&exchange->stream);

  if (is_redirect (status) && follow_redirect (task))
    return;

  body = g_byte_array_free_to_bytes (g_steal_pointer (&exchange->buffer));
  g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);

  /* The start of every answer stays in the log, redacted, for the
   * Activity page: what went wrong, and what a call got. Once the caller
   * has the answer: redacting it is not on the way to a page shown.
   */
  trib_request_record_set_response (exchange->record,
                                    soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL),
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  trib_request_record_finish (exchange->record, status, g_bytes_get_size (body), NULL);
}

/* Takes over the caller's reference on @task. */
static void
finish_body (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  disarm_timer (exchange);

  /* Only once the stream is closed is the message out of the session's
   * queue, and so free to be sent again on a redirect.
   */
  g_input_stream_close_async (exchange->stream, G_PRIORITY_DEFAULT, NULL, body_closed_cb, task);
}

static GError *
too_large_error (Exchange *exchange)
{
  g_autofree char *limit = g_format_size (exchange->limits.max_body_bytes);

  return g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE,
                      /* Translators: %s is a host name, the second %s a size such as “64.0 MB” */
                      _("The answer from %s is larger than %s; Tributary stopped reading it."),
                      exchange_host (exchange), limit);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);

  if (n_read < 0)
    {
      fail (task, error);
      return;
    }

  if (n_read == 0)
    {
      finish_body (g_steal_pointer (&task));
      return;
    }

  if (exchange->buffer->len + n_read > exchange->limits.max_body_bytes)
    {
      fail (task, too_large_error (exchange));
      return;
    }

  g_byte_array_append (exchange->buffer, exchange->chunk, n_read);
  exchange->window_bytes += n_read;

  read_more (g_steal_pointer (&task));
}

/* Takes over the caller's reference on @task. */
static void
read_more (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  /* Always a whole chunk: libsoup's chunked decoder reads its line ends
   * into the caller's buffer and cannot with a byte or two. The limit
   * is checked on what arrives, at most a chunk past it.
   */
  if (exchange->chunk == NULL)
    exchange->chunk = g_malloc (READ_CHUNK_BYTES);

  g_input_stream_read_async (exchange->stream, exchange->chunk, READ_CHUNK_BYTES,
                             G_PRIORITY_DEFAULT, exchange->cancellable, read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;
  goffset announced;

  exchange->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (exchange->stream == NULL)
    {
      fail (task, error);
      return;
    }

  /* The answer has begun: from now on it must keep coming. */
  exchange->answered = TRUE;
  exchange->buffer = g_byte_array_new ();
  exchange->window_bytes = 0;
  arm_timer (task, exchange->limits.stall_timeout_ms, stall_timeout_cb);

  /* A body announced too large is refused before it is read; a
   * compressed one is counted as it inflates.
   */
  headers = soup_message_get_response_headers (exchange->message);
  announced = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      announced > 0 && (guint64) announced > exchange->limits.max_body_bytes)
    {
      fail (task, too_large_error (exchange));
      return;
    }

  read_more (g_steal_pointer (&task));
}

/* Takes over the caller's reference on @task. */
static void
start_hop (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  g_autofree char *url = g_uri_to_string (soup_message_get_uri (exchange->message));

  g_ptr_array_add (exchange->visited, g_strdup (url));
  exchange->answered = FALSE;

  exchange->record = trib_request_record_new (soup_message_get_method (exchange->message), url);
  record_headers (exchange->record, exchange->message);
  if (exchange->request_body != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (exchange->request_body, &length);

      trib_request_record_set_body (exchange->record, exchange->content_type, data, length);
    }

  if (exchange->log != NULL)
    trib_request_log_add (exchange->log, exchange->record);

  arm_timer (task, exchange->limits.answer_timeout_ms, answer_timeout_cb);

  soup_session_send_async (exchange->session, exchange->message, G_PRIORITY_DEFAULT,
                           exchange->cancellable, sent_cb, task);
}

/**
 * trib_http_send_async:
 * @session: the session to send on
 * @log: (nullable): the log that records the call, redacted
 * @message: the message, with its headers set
 * @body: (nullable): the request body
 * @content_type: (nullable): the body's content type
 * @limits: what the answer may cost (#TribReplyLimits)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the whole answer
 * @user_data: data for @callback
 *
 * Sends @message and reads the whole answer, whatever its status,
 * within @limits: an answer too large, too slow to start or too slow to
 * arrive fails with its own %TRIB_PLATFORM_ERROR. Redirects are followed
 * only for a GET to the same origin.
 */
void
trib_http_send_async (SoupSession           *session,
                      TribRequestLog        *log,
                      SoupMessage           *message,
                      GBytes                *body,
                      const char            *content_type,
                      const TribReplyLimits *limits,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Exchange *exchange;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (limits != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_http_send_async);

  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  exchange = g_new0 (Exchange, 1);
  exchange->session = g_object_ref (session);
  exchange->message = g_object_ref (message);
  exchange->log = log != NULL ? g_object_ref (log) : NULL;
  exchange->limits = *limits;
  exchange->content_type = g_strdup (content_type);
  exchange->request_body = body != NULL ? g_bytes_ref (body) : NULL;
  exchange->cancellable = g_cancellable_new ();
  exchange->visited = g_ptr_array_new_with_free_func (g_free);
  if (cancellable != NULL)
    {
      exchange->caller_cancellable = g_object_ref (cancellable);
      exchange->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                             g_object_ref (exchange->cancellable),
                                                             g_object_unref);
    }
  g_task_set_task_data (task, exchange, (GDestroyNotify) exchange_free);

  start_hop (g_steal_pointer (&task));
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
