/* trib-platform-client.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-platform-client"

#include "config.h"

#include <string.h>

#include "trib-http.h"
#include "trib-platform-client.h"
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

typedef struct
{
  char *method;
  char *url;
  GBytes *body;
  char *accept;
  TribCallFlags flags;
  gboolean text;        /* the checked text is the answer, not its document */
  TribReplyLimits limits;
  char *token;
  SoupMessage *message;
  guint attempts;
  gboolean refreshed_token;
  guint wait_source;
  guint cancel_source;
} Call;

static void
call_free (Call *call)
{
  g_clear_handle_id (&call->wait_source, g_source_remove);
  g_clear_handle_id (&call->cancel_source, g_source_remove);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->url, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->accept, g_free);
  g_clear_pointer (&call->token, trib_secret_free);
  g_clear_object (&call->message);
  g_free (call);
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
   * The sandbox every call is made in (`x-sandbox-name`).
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

const char *
trib_platform_client_get_sandbox (TribPlatformClient *self)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);

  return self->sandbox;
}

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

/* Parses the answer, or for a text call checks it, and completes @task. */
static void
return_answer (GTask  *task,
               GBytes *body)
{
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer answer;

  if (call->text)
    {
      if ((answer = trib_http_check_json (body, call->message, &call->limits, &error)))
        g_task_return_pointer (task, answer, (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, error);
    }
  else if ((answer = trib_http_parse_json (body, call->message, &call->limits, &error)))
    g_task_return_pointer (task, answer, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, error);
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
  if (g_bytes_get_size (body) > LARGE_BODY_BYTES)
    {
      /* The task now completes from its worker; GTask brings the result
       * back to the caller's main context.
       */
      g_object_set_data_full (G_OBJECT (task), "trib-body", g_bytes_ref (body),
                              (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, parse_worker);
      return;
    }

  return_answer (task, body);
}

static gboolean
wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call->wait_source = 0;
  g_clear_handle_id (&call->cancel_source, g_source_remove);
  request_token (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call->cancel_source = 0;
  g_clear_handle_id (&call->wait_source, g_source_remove);
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
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_debug ("%s %s: attempt %u failed, next in %" G_GINT64_FORMAT " ms",
           call->method, call->url, call->attempts, delay_ms);

  call->wait_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) delay_ms,
                                          wait_done_cb, g_object_ref (task), g_object_unref);

  if (cancellable != NULL)
    {
      g_autoptr(GSource) source = g_cancellable_source_new (cancellable);

      g_source_set_callback (source, G_SOURCE_FUNC (wait_cancelled_cb), g_object_ref (task), g_object_unref);
      call->cancel_source = g_source_attach (source, g_main_context_get_thread_default ());
    }
}

static gboolean
maybe_retry (GTask *task,
             guint  status)
{
  TribPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *retry_after = NULL;
  gint64 delay_ms;

  if (status != 0)
    retry_after = soup_message_headers_get_one (soup_message_get_response_headers (call->message),
                                                "Retry-After");

  delay_ms = trib_retry_policy_next_delay_ms (&self->retry_policy, call->method, call->attempts,
                                              status, retry_after, now, g_random_double ());
  if (delay_ms < 0)
    return FALSE;

  retry_after_delay (task, delay_ms);

  return TRUE;
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  TribPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  guint status;

  if (!(body = trib_http_send_finish (result, &error)))
    {
      if (!g_task_return_error_if_cancelled (task) &&
          !(trib_http_error_is_transient (error) && maybe_retry (task, 0)))
        g_task_return_error (task, trib_http_error_for_transport (g_steal_pointer (&error), call->message));
      return;
    }

  status = soup_message_get_status (call->message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_json (task, body);
      return;
    }

  /* The token may have been revoked or may have expired early: fetch a
   * new one and try once more, whatever the method, since the platform
   * did nothing with a call it refused at the gate.
   */
  if (status == SOUP_STATUS_UNAUTHORIZED && !call->refreshed_token)
    {
      call->refreshed_token = TRUE;
      trib_ims_auth_invalidate (self->auth, call->token);
      request_token (g_steal_pointer (&task));
      return;
    }

  if (maybe_retry (task, status))
    return;

  g_task_return_error (task, trib_http_error_for_response (call->message, body));
}

static void
send_attempt (GTask *task)
{
  TribPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  call->message = soup_message_new (call->method, call->url);
  call->attempts++;

  headers = soup_message_get_request_headers (call->message);
  authorization = g_strconcat ("Bearer ", call->token, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "x-api-key", trib_profile_get_client_id (self->profile));
  soup_message_headers_replace (headers, "x-gw-ims-org-id", trib_profile_get_org_id (self->profile));
  if (!(call->flags & TRIB_CALL_NO_SANDBOX) && self->sandbox != NULL)
    soup_message_headers_replace (headers, "x-sandbox-name", self->sandbox);
  soup_message_headers_replace (headers, "Accept", call->accept != NULL ? call->accept : "application/json");

  explicit_bzero (authorization, strlen (authorization));

  trib_http_send_async (self->session, self->log, call->message, call->body,
                        call->body != NULL ? "application/json" : NULL, &call->limits,
                        g_task_get_cancellable (task), sent_cb, task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Call *call = g_task_get_task_data (task);

  g_clear_pointer (&call->token, trib_secret_free);

  if (!(call->token = trib_ims_auth_get_token_finish (TRIB_IMS_AUTH (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_attempt (g_steal_pointer (&task));
}

/* Takes over the caller's reference on @task. */
static void
request_token (GTask *task)
{
  TribPlatformClient *self = g_task_get_source_object (task);

  trib_ims_auth_get_token_async (self->auth, g_task_get_cancellable (task), token_cb, task);
}

/* Takes over the caller's reference on @task. */
static void
start_call (GTask        *task,
            const char   *method,
            const char   *path,
            JsonNode     *body,
            const char   *accept,
            TribCallFlags flags,
            gboolean      text)
{
  TribPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_new0 (Call, 1);

  call->method = g_strdup (method);
  call->url = g_strconcat (self->base_url, path, NULL);
  call->accept = g_strdup (accept);
  call->flags = flags;
  call->text = text;
  call->limits = self->reply_limits;
  if (body != NULL)
    {
      gsize length;
      char *data = json_to_string (body, FALSE);

      length = strlen (data);
      call->body = g_bytes_new_take (data, length);
    }
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  request_token (task);
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
 * @callback: called with the parsed answer
 * @user_data: data for @callback
 *
 * Calls the platform. Rate limiting (429) is waited out as
 * `Retry-After` says and server errors are retried with jittered
 * backoff, for idempotent methods only.
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_platform_client_call_async);
  start_call (g_steal_pointer (&task), method, path, body, accept, flags, FALSE);
}

/**
 * trib_platform_client_call_finish:
 * @self: a #TribPlatformClient
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the answer's JSON (a null node for an empty
 *   body), or %NULL with @error set
 */
JsonNode *
trib_platform_client_call_finish (TribPlatformClient  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_platform_client_call_text_async:
 * @self: a #TribPlatformClient
 * @method: the HTTP method
 * @path: the path and query below the platform URL
 * @accept: (nullable): the Accept header, `application/json` if %NULL
 * @flags: #TribCallFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer's text
 * @user_data: data for @callback
 *
 * Calls the platform as trib_platform_client_call_async() does, for an
 * answer read by a reader of its own (trib-json-reader.h) rather than
 * parsed into a document: large answers whose document would cost more
 * than what is read from it.
 */
void
trib_platform_client_call_text_async (TribPlatformClient  *self,
                                      const char          *method,
                                      const char          *path,
                                      const char          *accept,
                                      TribCallFlags        flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_platform_client_call_text_async);
  start_call (g_steal_pointer (&task), method, path, NULL, accept, flags, TRUE);
}

/**
 * trib_platform_client_call_text_finish:
 * @self: a #TribPlatformClient
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the answer's JSON text, checked as every
 *   answer is (within the reply limits, UTF-8 strings, no key twice in
 *   an object, lone surrogates repaired), or %NULL with @error set
 */
GBytes *
trib_platform_client_call_text_finish (TribPlatformClient  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
