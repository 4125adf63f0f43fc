/* trib-ims-auth.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-ims-auth"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "trib-http.h"
#include "trib-ims-auth.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"
#include "trib-util.h"

/* OAuth server-to-server: a client-credentials token from IMS, cached
 * until shortly before it expires. Callers that ask while a fetch is in
 * flight wait for that fetch instead of starting their own.
 */
struct _TribImsAuth
{
  GObject parent_instance;

  SoupSession *session;
  TribRequestLog *log;
  char *token_url;
  char *client_id;
  char *client_secret;
  char *scopes;
  TribReplyLimits limits;

  char *token;
  gint64 refresh_after;   /* monotonic µs */

  GPtrArray *waiters;     /* Waiter */
  GCancellable *fetch_cancellable;
  guint n_fetches;
};

G_DEFINE_FINAL_TYPE (TribImsAuth, trib_ims_auth, G_TYPE_OBJECT)

typedef struct
{
  GTask *task;
  GCancellable *cancellable;
  gulong cancelled_id;
  gboolean answered;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancellable != NULL)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
  g_clear_object (&waiter->cancellable);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
trib_ims_auth_dispose (GObject *object)
{
  TribImsAuth *self = (TribImsAuth *)object;

  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (trib_ims_auth_parent_class)->dispose (object);
}

static void
trib_ims_auth_finalize (GObject *object)
{
  TribImsAuth *self = (TribImsAuth *)object;

  g_assert (self->waiters->len == 0);

  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_pointer (&self->token_url, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_secret, trib_secret_free);
  g_clear_pointer (&self->scopes, g_free);
  g_clear_pointer (&self->token, trib_secret_free);

  G_OBJECT_CLASS (trib_ims_auth_parent_class)->finalize (object);
}

static void
trib_ims_auth_class_init (TribImsAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_ims_auth_dispose;
  object_class->finalize = trib_ims_auth_finalize;
}

static void
trib_ims_auth_init (TribImsAuth *self)
{
  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->limits = TRIB_REPLY_LIMITS_DEFAULT;
}

/**
 * trib_ims_auth_new:
 * @session: the session to talk to IMS on
 * @log: (nullable): where calls are recorded, redacted
 * @ims_url: the IMS base URL, such as `https://ims-na1.adobelogin.com`
 * @client_id: the OAuth client ID (also the platform API key)
 * @client_secret: the client secret; kept in memory only
 * @scopes: comma-separated scopes
 *
 * Returns: (transfer full): a new #TribImsAuth
 */
TribImsAuth *
trib_ims_auth_new (SoupSession    *session,
                   TribRequestLog *log,
                   const char     *ims_url,
                   const char     *client_id,
                   const char     *client_secret,
                   const char     *scopes)
{
  TribImsAuth *self;
  g_autofree char *base = NULL;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (ims_url != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  base = g_strdup (ims_url);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  self = g_object_new (TRIB_TYPE_IMS_AUTH, NULL);
  self->session = g_object_ref (session);
  self->log = log != NULL ? g_object_ref (log) : NULL;
  self->token_url = g_strconcat (base, "/ims/token/v3", NULL);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret);
  self->scopes = g_strdup (scopes != NULL ? scopes : "");

  return self;
}

static void
complete_waiters (TribImsAuth  *self,
                  const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      /* A waiter that gave up has already been answered. */
      if (waiter->answered)
        continue;

      waiter->answered = TRUE;
      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_pointer (waiter->task, g_strdup (self->token), (GDestroyNotify) trib_secret_free);
    }
}

static gboolean
store_token (TribImsAuth  *self,
             JsonNode     *root,
             GError      **error)
{
  JsonObject *object;
  const char *token;
  gint64 expires_in;
  gint64 margin;

  /* Members of another type read as absent: json-glib's getters would
   * complain with a critical and go on with a default.
   */
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(object = json_node_get_object (root)) ||
      !(token = trib_xdm_json_get_string (object, "access_token")) || token[0] == '\0' ||
      !trib_xdm_json_get_int (object, "expires_in", &expires_in) || expires_in <= 0)
    {
      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                           _("IMS answered without an access token and its lifetime."));
      return FALSE;
    }

  /* Renew a little before expiry, so a call never leaves with a token
   * that dies on the way: a tenth of the lifetime, at most five minutes.
   */
  margin = MIN (expires_in / 10, 300);

  g_clear_pointer (&self->token, trib_secret_free);
  self->token = g_strdup (token);
  self->refresh_after = g_get_monotonic_time () + (expires_in - margin) * G_TIME_SPAN_SECOND;

  return TRUE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribImsAuth) self = user_data;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;

  message = g_object_steal_data (G_OBJECT (self), "trib-ims-message");
  g_clear_object (&self->fetch_cancellable);

  if (!(body = trib_http_send_finish (result, &error)))
    error = trib_http_error_for_transport (g_steal_pointer (&error), message);
  else if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    error = trib_http_error_for_response (message, body);
  else if ((root = trib_http_parse_json (body, message, &self->limits, &error)))
    store_token (self, root, &error);

  complete_waiters (self, error);
}

static void
start_fetch (TribImsAuth *self)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *form = NULL;

  g_assert (self->fetch_cancellable == NULL);

  self->n_fetches++;
  self->fetch_cancellable = g_cancellable_new ();

  form = soup_form_encode ("grant_type", "client_credentials",
                           "client_id", self->client_id,
                           "client_secret", self->client_secret,
                           "scope", self->scopes,
                           NULL);
  body = g_bytes_new_with_free_func (form, strlen (form), (GDestroyNotify) trib_secret_free, form);
  form = NULL;

  message = soup_message_new (SOUP_METHOD_POST, self->token_url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");

  g_object_set_data_full (G_OBJECT (self), "trib-ims-message", g_object_ref (message), g_object_unref);

  trib_http_send_async (self->session, self->log, message, body,
                        "application/x-www-form-urlencoded", &self->limits,
                        self->fetch_cancellable, fetch_cb, g_object_ref (self));
}

static void
waiter_cancelled_cb (GCancellable *cancellable,
                     Waiter       *waiter)
{
  /* The fetch goes on for the other waiters; only this one stops. */
  if (!waiter->answered)
    {
      waiter->answered = TRUE;
      g_task_return_error_if_cancelled (waiter->task);
    }
}

/**
 * trib_ims_auth_get_token_async:
 * @self: a #TribImsAuth
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with a valid access token
 * @user_data: data for @callback
 *
 * Answers from the cache when the token has time left; otherwise joins
 * the fetch in flight or starts one.
 */
void
trib_ims_auth_get_token_async (TribImsAuth         *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (TRIB_IS_IMS_AUTH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_ims_auth_get_token_async);

  if (self->token != NULL && g_get_monotonic_time () < self->refresh_after)
    {
      g_task_return_pointer (task, g_strdup (self->token), (GDestroyNotify) trib_secret_free);
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_steal_pointer (&task);
  g_ptr_array_add (self->waiters, waiter);

  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                                                    waiter, NULL);
    }

  if (self->fetch_cancellable == NULL)
    start_fetch (self);
}

/**
 * trib_ims_auth_get_token_finish:
 * @self: a #TribImsAuth
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the access token; free it with trib_secret_free()
 */
char *
trib_ims_auth_get_token_finish (TribImsAuth   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (TRIB_IS_IMS_AUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_ims_auth_invalidate:
 * @self: a #TribImsAuth
 * @token: the token the platform refused
 *
 * Forgets @token so the next request fetches a new one. A token that was
 * already replaced by a newer one is left alone, so several calls failing
 * together cause a single refresh.
 */
void
trib_ims_auth_invalidate (TribImsAuth *self,
                          const char  *token)
{
  g_return_if_fail (TRIB_IS_IMS_AUTH (self));

  if (token != NULL && g_strcmp0 (token, self->token) == 0)
    {
      g_clear_pointer (&self->token, trib_secret_free);
      self->refresh_after = 0;
    }
}

/**
 * trib_ims_auth_set_reply_limits:
 * @self: a #TribImsAuth
 * @limits: what a token answer may cost
 */
void
trib_ims_auth_set_reply_limits (TribImsAuth           *self,
                                const TribReplyLimits *limits)
{
  g_return_if_fail (TRIB_IS_IMS_AUTH (self));
  g_return_if_fail (limits != NULL);

  self->limits = *limits;
}

/**
 * trib_ims_auth_get_n_fetches:
 * @self: a #TribImsAuth
 *
 * Returns: how many token requests were sent to IMS so far
 */
guint
trib_ims_auth_get_n_fetches (TribImsAuth *self)
{
  g_return_val_if_fail (TRIB_IS_IMS_AUTH (self), 0);

  return self->n_fetches;
}
