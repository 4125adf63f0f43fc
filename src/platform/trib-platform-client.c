/* trib-platform-client.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-platform-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-background.h"
#include "trib-call-private.h"
#include "trib-http.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-util.h"

/* Every REST call to Experience Platform goes through here: it adds the
 * headers the gateway insists on, signs in through TribImsAuth, retries
 * what may safely be retried, and turns error bodies into GErrors.
 */
struct _TribPlatformClient
{
  GObject parent_instance;

  TribProfile *profile;
  SoupSession *session;
  TribImsAuth *auth;
  TribRequestLog *log;
  char *base_url;
  char *sandbox;
  TribRetryPolicy retry_policy;
  TribReplyLimits reply_limits;
};

G_DEFINE_FINAL_TYPE (TribPlatformClient, trib_platform_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_SANDBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Above this size the JSON is parsed in a worker thread. Not a page of
 * a list (a hundred datasets are about 60 kB): coming back from the
 * worker takes a turn of the main loop, and where frames come back to
 * back (software rendering, a loaded machine) each turn waits for a
 * frame; paging 50,000 datasets took twice as long that way.
 */
#define LARGE_BODY_BYTES (256 * 1024)

/* One call on its way: the call as described, and what sending it takes. */
typedef struct
{
  TribPlatformClient *client;   /* the task's source may be another object */
  TribCall *call;
  char *url;
  TribReplyLimits limits;
  char *token;
  SoupMessage *message;
  guint attempts;
  gboolean may_have_acted;      /* an earlier attempt may have reached the server */
  gboolean refreshed_token;
  guint wait_source;
  guint cancel_source;
} Send;

static void
send_free (Send *send)
{
  g_clear_handle_id (&send->wait_source, g_source_remove);
  g_clear_handle_id (&send->cancel_source, g_source_remove);
  g_clear_pointer (&send->call, trib_call_free);
  g_clear_pointer (&send->url, g_free);
  g_clear_pointer (&send->token, trib_secret_free);
  g_clear_object (&send->message);
  g_clear_object (&send->client);
  g_free (send);
}

static void request_token (GTask *task);

static void
trib_platform_client_dispose (GObject *object)
{
  TribPlatformClient *self = (TribPlatformClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);

  g_clear_object (&self->auth);
  g_clear_object (&self->session);
  g_clear_object (&self->log);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (trib_platform_client_parent_class)->dispose (object);
}

static void
trib_platform_client_finalize (GObject *object)
{
  TribPlatformClient *self = (TribPlatformClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->sandbox, g_free);

  G_OBJECT_CLASS (trib_platform_client_parent_class)->finalize (object);
}

static void
trib_platform_client_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TribPlatformClient *self = TRIB_PLATFORM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_SANDBOX:
      g_value_set_string (value, self->sandbox);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_platform_client_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TribPlatformClient *self = TRIB_PLATFORM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SANDBOX:
      trib_platform_client_set_sandbox (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_platform_client_class_init (TribPlatformClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_platform_client_dispose;
  object_class->finalize = trib_platform_client_finalize;
  object_class->get_property = trib_platform_client_get_property;
  object_class->set_property = trib_platform_client_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, TRIB_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TribPlatformClient:sandbox:
   *
   * The sandbox calls made from now on work in (`x-sandbox-name`); a
   * call already made keeps the one it was made in.
   */
  properties[PROP_SANDBOX] =
    g_param_spec_string ("sandbox", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_platform_client_init (TribPlatformClient *self)
{
  self->retry_policy = TRIB_RETRY_POLICY_DEFAULT;
  self->reply_limits = TRIB_REPLY_LIMITS_DEFAULT;
}

static char *
strip_trailing_slashes (const char *url)
{
  char *copy = g_strdup (url);

  while (g_str_has_suffix (copy, "/"))
    copy[strlen (copy) - 1] = '\0';

  return copy;
}

/**
 * trib_platform_client_new:
 * @profile: the account to call the platform as
 * @client_secret: the profile's client secret, from the keyring
 * @log: (nullable): where calls are recorded, redacted
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): a client, or %NULL if the profile
 *   is incomplete or names an insecure URL
 */
TribPlatformClient *
trib_platform_client_new (TribProfile     *profile,
                          const char      *client_secret,
                          TribRequestLog  *log,
                          GError         **error)
{
  g_autoptr(TribPlatformClient) self = NULL;

  g_return_val_if_fail (TRIB_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  if (!trib_profile_validate (profile, error) ||
      !trib_http_check_base_url (trib_profile_get_ims_url (profile), error) ||
      !trib_http_check_base_url (trib_profile_get_platform_url (profile), error))
    return NULL;

  self = g_object_new (TRIB_TYPE_PLATFORM_CLIENT, NULL);
  self->profile = g_object_ref (profile);
  self->log = log != NULL ? g_object_ref (log) : trib_request_log_new (500);
  self->session = soup_session_new_with_options ("user-agent", "Tributary/" PACKAGE_VERSION " ",
                                                 "timeout", 120,
                                                 "idle-timeout", 60,
                                                 /* libsoup's default of 2 would queue a list's pages on their way */
                                                 "max-conns-per-host", 6,
                                                 NULL);
  self->auth = trib_ims_auth_new (self->session, self->log,
                                  trib_profile_get_ims_url (profile),
                                  trib_profile_get_client_id (profile),
                                  client_secret,
                                  trib_profile_get_scopes (profile));
  self->base_url = strip_trailing_slashes (trib_profile_get_platform_url (profile));
  self->sandbox = g_strdup (trib_profile_get_start_sandbox (profile));

  return g_steal_pointer (&self);
}

/**
 * trib_platform_client_get_profile:
 * @self: a #TribPlatformClient
 *
 * Returns: (transfer none): the profile the client calls as
 */
TribProfile *
trib_platform_client_get_profile (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->profile;
}

/**
 * trib_platform_client_get_auth:
 * @self: a #TribPlatformClient
 *
 * Returns: (transfer none): the token source
 */
TribImsAuth *
trib_platform_client_get_auth (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->auth;
}

/**
 * trib_platform_client_get_log:
 * @self: a #TribPlatformClient
 *
 * Returns: (transfer none): the redacted log of calls
 */
TribRequestLog *
trib_platform_client_get_log (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->log;
}

/**
 * trib_platform_client_get_base_url:
 * @self: a #TribPlatformClient
 *
 * Returns: the platform URL, without a trailing slash: the one server
 *   the client sends its token to
 */
const char *
trib_platform_client_get_base_url (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * trib_platform_client_get_sandbox:
 * @self: a #TribPlatformClient
 *
 * Returns: (nullable): the sandbox calls made from now on work in
 */
const char *
trib_platform_client_get_sandbox (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->sandbox;
}

/**
 * trib_platform_client_set_sandbox:
 * @self: a #TribPlatformClient
 * @sandbox: (nullable): the sandbox for calls made from now on
 *
 * Calls already made, even those waiting to be tried again, stay in the
 * sandbox they were made in.
 */
void
trib_platform_client_set_sandbox (TribPlatformClient *self,
                                  const char         *sandbox)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));

  if (trib_set_str (&self->sandbox, sandbox))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
}

/**
 * trib_platform_client_set_retry_policy:
 * @self: a #TribPlatformClient
 * @policy: when to try a call again
 */
void
trib_platform_client_set_retry_policy (TribPlatformClient    *self,
                                       const TribRetryPolicy *policy)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (policy != NULL);

  self->retry_policy = *policy;
}

/**
 * trib_platform_client_set_reply_limits:
 * @self: a #TribPlatformClient
 * @limits: what an answer may cost, for IMS and the platform
 *
 * Applies to calls made from now on.
 */
void
trib_platform_client_set_reply_limits (TribPlatformClient    *self,
                                       const TribReplyLimits *limits)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (limits != NULL);

  self->reply_limits = *limits;
  trib_ims_auth_set_reply_limits (self->auth, limits);
}

/* Completes @task with @error, named after the call where the user
 * would not otherwise know which call failed.
 */
static void
return_error (GTask  *task,
              GError *error)
{
  Send *send = g_task_get_task_data (task);
  const char *prefix = send->call->endpoint.error_prefix;

  if (prefix != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error_literal (&error, _(prefix));

  g_task_return_error (task, error);
}

/* Checks the answer, reads it into the call's result and completes @task. */
static void
return_answer (GTask  *task,
               GBytes *body)
{
  Send *send = g_task_get_task_data (task);
  const TribEndpoint *endpoint = &send->call->endpoint;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  gpointer answer;

  if (endpoint->flags & TRIB_CALL_TEXT)
    {
      if ((answer = trib_http_check_json (body, send->message, &send->limits, &error)))
        g_task_return_pointer (task, answer, (GDestroyNotify) g_bytes_unref);
      else
        return_error (task, error);
      return;
    }

  if (!(root = trib_http_parse_json (body, send->message, &send->limits, &error)))
    {
      return_error (task, error);
      return;
    }

  if (endpoint->parse == NULL)
    g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
  else if ((answer = endpoint->parse (root, send->call, &error)))
    g_task_return_pointer (task, answer, endpoint->free_result);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_error (task, trib_platform_error_new_invalid_response (endpoint->service, endpoint->what));
}

static void
parse_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GBytes) body = g_object_steal_data (G_OBJECT (task), "trib-body");

  return_answer (task, body);
}

static void
return_json (GTask  *task,
             GBytes *body)
{
  Send *send = g_task_get_task_data (task);

  if (g_bytes_get_size (body) > LARGE_BODY_BYTES ||
      (send->call->endpoint.flags & (TRIB_CALL_WORKER | TRIB_CALL_THREAD)))
    {
      /* The task now completes from its worker; GTask brings the result
       * back to the caller's main context.
       */
      g_object_set_data_full (G_OBJECT (task), "trib-body", g_bytes_ref (body),
                              (GDestroyNotify) g_bytes_unref);
      if (send->call->endpoint.flags & TRIB_CALL_WORKER)
        trib_background_run_task (task, parse_worker);
      else
        g_task_run_in_thread (task, parse_worker);
      return;
    }

  return_answer (task, body);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);

  send->wait_source = 0;
  g_clear_handle_id (&send->cancel_source, g_source_remove);
  request_token (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Send *send = g_task_get_task_data (task);

  send->cancel_source = 0;
  g_clear_handle_id (&send->wait_source, g_source_remove);
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

/* Waits before the next attempt without blocking, and stops waiting as
 * soon as the caller cancels: a long Retry-After must not hold up a
 * window that is closing.
 */
static void
retry_after_delay (GTask  *task,
                   gint64  delay_ms)
{
  Send *send = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_debug ("%s %s: attempt %u failed, next in %" G_GINT64_FORMAT " ms",
           send->call->endpoint.method, send->url, send->attempts, delay_ms);

  send->wait_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) delay_ms,
                                          wait_done_cb, g_object_ref (task), g_object_unref);

  if (cancellable != NULL)
    {
      g_autoptr(GSource) source = g_cancellable_source_new (cancellable);

      g_source_set_callback (source, G_SOURCE_FUNC (wait_cancelled_cb), g_object_ref (task), g_object_unref);
      send->cancel_source = g_source_attach (source, g_main_context_get_thread_default ());
    }
}

static gboolean
maybe_retry (GTask *task,
             guint  status)
{
  Send *send = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *retry_after = NULL;
  gint64 delay_ms;

  if (status != 0)
    retry_after = soup_message_headers_get_one (soup_message_get_response_headers (send->message),
                                                "Retry-After");

  delay_ms = trib_retry_policy_next_delay_ms (&send->client->retry_policy, send->call->endpoint.idempotent,
                                              send->attempts, status, retry_after, now, g_random_double ());
  if (delay_ms < 0)
    return FALSE;

  /* Lost on the way back or failed inside the platform: either way the
   * platform may have carried the call out. A 429 is the gateway's
   * refusal, and a 401 is not retried here.
   */
  if (status == 0 || status >= 500)
    send->may_have_acted = TRUE;
  retry_after_delay (task, delay_ms);

  return TRUE;
}

/* libsoup resends a request on its own when a reused connection closes
 * before any answer (SoupSession requeues it; redirects are off, so
 * nothing else restarts our messages): the first send may have reached
 * the platform as surely as one of our own retries.
 */
static void
message_restarted_cb (SoupMessage *message)
{
  g_object_set_data (G_OBJECT (message), "trib-resent", GINT_TO_POINTER (TRUE));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  Send *send = g_task_get_task_data (task);
  guint status;

  if (!(body = trib_http_send_finish (result, &error)))
    {
      if (!g_task_return_error_if_cancelled (task) &&
          !(trib_http_error_is_transient (error) && maybe_retry (task, 0)))
        return_error (task, trib_http_error_for_transport (g_steal_pointer (&error), send->message));
      return;
    }

  status = soup_message_get_status (send->message);
  if (g_object_get_data (G_OBJECT (send->message), "trib-resent") != NULL)
    send->may_have_acted = TRUE;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_json (task, body);
      return;
    }

  /* The token may have been revoked or may have expired early: fetch a
   * new one and try once more, whatever the method, since the platform
   * did nothing with a call it refused at the gate.
   */
  if (status == SOUP_STATUS_UNAUTHORIZED && !send->refreshed_token)
    {
      send->refreshed_token = TRUE;
      trib_ims_auth_invalidate (send->client->auth, send->token);
      request_token (g_steal_pointer (&task));
      return;
    }

  /* A DELETE resent after an attempt that may have reached the platform
   * meets that attempt's effect: the thing is gone, as asked. Only then,
   * since a 404 on a first attempt means a wrong id.
   */
  if (status == SOUP_STATUS_NOT_FOUND && send->may_have_acted &&
      g_str_equal (send->call->endpoint.method, "DELETE"))
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

      g_debug ("DELETE %s: 404 after a lost attempt, taken as deleted", send->url);
      return_json (task, empty);
      return;
    }

  if (maybe_retry (task, status))
    return;

  return_error (task, trib_http_error_for_response (send->message, body));
}

static void
send_attempt (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  TribPlatformClient *self = send->client;
  TribCall *call = send->call;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;

  g_clear_object (&send->message);
  send->message = soup_message_new (call->endpoint.method, send->url);
  send->attempts++;
  g_signal_connect (send->message, "restarted", G_CALLBACK (message_restarted_cb), NULL);

  headers = soup_message_get_request_headers (send->message);
  authorization = g_strconcat ("Bearer ", send->token, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "x-api-key", trib_profile_get_client_id (self->profile));
  soup_message_headers_replace (headers, "x-gw-ims-org-id", trib_profile_get_org_id (self->profile));
  if (!(call->endpoint.flags & TRIB_CALL_NO_SANDBOX) && call->sandbox != NULL)
    soup_message_headers_replace (headers, "x-sandbox-name", call->sandbox);
  soup_message_headers_replace (headers, "Accept",
                                call->endpoint.accept != NULL ? call->endpoint.accept : "application/json");
  if (call->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", call->if_match);

  explicit_bzero (authorization, strlen (authorization));

  trib_http_send_async (self->session, self->log, send->message, call->body,
                        call->body != NULL ? "application/json" : NULL, &send->limits,
                        g_task_get_cancellable (task), sent_cb, task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Send *send = g_task_get_task_data (task);

  g_clear_pointer (&send->token, trib_secret_free);

  if (!(send->token = trib_ims_auth_get_token_finish (TRIB_IMS_AUTH (object), result, &error)))
    {
      return_error (task, error);
      return;
    }

  send_attempt (g_steal_pointer (&task));
}

/* Takes over the caller's reference on @task. */
static void
request_token (GTask *task)
{
  Send *send = g_task_get_task_data (task);

  trib_ims_auth_get_token_async (send->client->auth, g_task_get_cancellable (task), token_cb, task);
}

/**
 * trib_platform_client_send_async:
 * @self: a #TribPlatformClient
 * @call: (transfer full): the call, from trib_call_new()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the call's result
 * @user_data: data for @callback
 *
 * Sends @call with the headers the gateway insists on and a token, and
 * reads its answer within the reply limits into the endpoint's result.
 * Rate limiting (429) is waited out as `Retry-After` says, and server
 * errors and broken connections are retried with jittered backoff, for
 * idempotent endpoints only: a call that creates something is sent once.
 *
 * A call without a sandbox of its own works in the client's current
 * one, read here once: every attempt goes to that sandbox, even if the
 * user switches while the call waits.
 */
void
trib_platform_client_send_async (TribPlatformClient  *self,
                                 TribCall            *call,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Send *send;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (call != NULL);

  if (!call->sandbox_chosen)
    trib_call_set_sandbox (call, self->sandbox);

  task = g_task_new (call->source_object != NULL ? call->source_object : (gpointer) self,
                     cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_platform_client_send_async);

  send = g_new0 (Send, 1);
  send->client = g_object_ref (self);
  send->call = call;
  send->url = g_strconcat (self->base_url, call->path->str, NULL);
  send->limits = self->reply_limits;
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);

  request_token (g_steal_pointer (&task));
}

/**
 * trib_platform_client_send_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): what the endpoint's parse function made of
 *   the answer, else its #JsonNode (a null node for an empty body) or for
 *   %TRIB_CALL_TEXT its #GBytes; %NULL with @error set
 */
gpointer
trib_platform_client_send_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, trib_platform_client_send_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_platform_client_call_async:
 * @self: a #TribPlatformClient
 * @method: the HTTP method
 * @path: the path and query below the platform URL, such as
 *   `/data/foundation/sandbox-management/?limit=50`
 * @body: (nullable): a JSON body
 * @accept: (nullable): the Accept header, `application/json` if %NULL
 * @flags: #TribCallFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * A call without a table entry, for the tests: sent as
 * trib_platform_client_send_async() sends any, retried if @method is
 * idempotent.
 */
void
trib_platform_client_call_async (TribPlatformClient  *self,
                                 const char          *method,
                                 const char          *path,
                                 JsonNode            *body,
                                 const char          *accept,
                                 TribCallFlags        flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  call = _trib_call_new_raw (method, path, accept, flags);
  if (body != NULL)
    trib_call_set_body (call, body);

  trib_platform_client_send_async (self, call, cancellable, callback, user_data);
}

/**
 * trib_platform_client_call_finish:
 * @self: a #TribPlatformClient
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the answer's JSON (a null node for an empty
 *   body), or with %TRIB_CALL_TEXT its checked text as #GBytes; %NULL
 *   with @error set
 */
gpointer
trib_platform_client_call_finish (TribPlatformClient  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return trib_platform_client_send_finish (result, error);
}
