/* trib-sign-in.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sign-in"

#include "config.h"

#include "trib-platform-enums.h"
#include "trib-sign-in.h"
#include "trib-util.h"

/* Signing in, from a profile to a session: the client secret from the
 * keyring unless given, the client that carries the profile, then, when
 * asked to prove it, a token from IMS and the sandboxes from the
 * platform. This is the one place a client and a session are made; the
 * application, the profile dialog and the demo ask it, and watch its
 * state. A new run replaces the one in flight.
 */
struct _TribSignIn
{
  GObject parent_instance;

  TribSecretStore *secrets;
  TribRequestLog *log;

  TribSignInState state;
  TribSignInState failed_at;
  TribProfile *profile;
  TribSession *session;
  GCancellable *cancellable;
  guint run;
};

G_DEFINE_FINAL_TYPE (TribSignIn, trib_sign_in, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_FAILED_AT,
  PROP_PROFILE,
  PROP_SESSION,
  PROP_SECRETS,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  TribSignIn *self;
  TribProfile *profile;
  char *secret;
  TribSignInFlags flags;
  TribSession *session;
  GCancellable *caller_cancellable;
  gulong caller_cancelled_id;
  guint run;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->profile);
  g_clear_pointer (&run->secret, trib_secret_free);
  g_clear_object (&run->session);
  if (run->caller_cancellable != NULL)
    g_cancellable_disconnect (run->caller_cancellable, run->caller_cancelled_id);
  g_clear_object (&run->caller_cancellable);
  g_free (run);
}

static gboolean
is_current (Run *run)
{
  return run->self->run == run->run;
}

static void
set_state (TribSignIn      *self,
           TribSignInState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
fail (GTask  *task,
      GError *error)
{
  Run *run = g_task_get_task_data (task);
  TribSignIn *self = run->self;

  /* A replaced run only says it was cancelled; the state is the new one's. */
  if (is_current (run) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->failed_at = self->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_AT]);
      set_state (self, TRIB_SIGN_IN_STATE_FAILED);
    }
  else if (is_current (run))
    {
      set_state (self, TRIB_SIGN_IN_STATE_IDLE);
    }

  g_task_return_error (task, error);
}

static void
succeed (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  TribSignIn *self = run->self;

  if (g_task_return_error_if_cancelled (task))
    {
      if (is_current (run))
        set_state (self, TRIB_SIGN_IN_STATE_IDLE);
      return;
    }

  g_set_object (&self->session, run->session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  set_state (self, TRIB_SIGN_IN_STATE_SIGNED_IN);
  g_task_return_pointer (task, g_object_ref (run->session), g_object_unref);
}

static void
sandboxes_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!trib_session_refresh_finish (TRIB_SESSION (object), result, &error))
    {
      fail (task, error);
      return;
    }

  succeed (task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autofree char *token = NULL;
  GError *error = NULL;

  /* The session's calls reuse the token; it is not kept here. */
  if (!(token = trib_ims_auth_get_token_finish (TRIB_IMS_AUTH (object), result, &error)))
    {
      fail (task, error);
      return;
    }
  trib_secret_free (g_steal_pointer (&token));

  set_state (run->self, TRIB_SIGN_IN_STATE_LISTING_SANDBOXES);
  trib_session_refresh_async (run->session, g_task_get_cancellable (task), sandboxes_cb,
                              g_object_ref (task));
}

static void
make_session (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(TribPlatformClient) client = NULL;
  GError *error = NULL;

  set_state (run->self, TRIB_SIGN_IN_STATE_CONNECTING);
  if (!(client = trib_platform_client_new (run->profile, run->secret, run->self->log, &error)))
    {
      fail (task, error);
      return;
    }
  g_clear_pointer (&run->secret, trib_secret_free);
  run->session = trib_session_new (client);

  if (!(run->flags & TRIB_SIGN_IN_PROVE))
    {
      succeed (task);
      return;
    }

  set_state (run->self, TRIB_SIGN_IN_STATE_GETTING_TOKEN);
  trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), g_task_get_cancellable (task),
                                 token_cb, g_object_ref (task));
}

static void
secret_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(run->secret = trib_secret_store_lookup_finish (TRIB_SECRET_STORE (object), result, &error)))
    {
      fail (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  make_session (task);
}

/**
 * trib_sign_in_run_async:
 * @profile: the account to sign in with
 * @client_secret: (nullable): its secret, or %NULL to read it from the keyring
 * @flags: whether to prove the profile before saying signed in
 *
 * Signs in with @profile, replacing a sign-in still in flight (which
 * then finishes with %G_IO_ERROR_CANCELLED). Without a secret in the
 * keyring it fails with %TRIB_ERROR_SECRET_NOT_FOUND in
 * %TRIB_SIGN_IN_STATE_READING_SECRET.
 */
void
trib_sign_in_run_async (TribSignIn          *self,
                        TribProfile         *profile,
                        const char          *client_secret,
                        TribSignInFlags      flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) run_cancellable = g_cancellable_new ();
  Run *run;

  g_return_if_fail (TRIB_IS_SIGN_IN (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));

  trib_sign_in_cancel (self);
  g_set_object (&self->cancellable, run_cancellable);

  run = g_new0 (Run, 1);
  if (cancellable != NULL)
    {
      run->caller_cancellable = g_object_ref (cancellable);
      run->caller_cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                                                        g_object_ref (run_cancellable), g_object_unref);
    }
  run->self = g_object_ref (self);
  run->profile = g_object_ref (profile);
  run->secret = g_strdup (client_secret);
  run->flags = flags;
  run->run = ++self->run;

  task = g_task_new (self, run_cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_sign_in_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);

  if (client_secret != NULL)
    {
      make_session (task);
      return;
    }

  set_state (self, TRIB_SIGN_IN_STATE_READING_SECRET);
  trib_secret_store_lookup_async (self->secrets, trib_profile_get_id (profile), TRIB_SECRET_KIND_CLIENT_SECRET,
                                  run_cancellable, secret_cb, g_object_ref (task));
}

/**
 * trib_sign_in_run_finish:
 *
 * Returns: (transfer full): the signed-in session
 */
TribSession *
trib_sign_in_run_finish (TribSignIn    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (TRIB_IS_SIGN_IN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stops the sign-in in flight, if any; the last session stays. */
void
trib_sign_in_cancel (TribSignIn *self)
{
  g_return_if_fail (TRIB_IS_SIGN_IN (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

TribSignInState
trib_sign_in_get_state (TribSignIn *self)
{
  g_return_val_if_fail (TRIB_IS_SIGN_IN (self), TRIB_SIGN_IN_STATE_IDLE);

  return self->state;
}

/* The state a failed sign-in was in when it failed: which host, or the
 * keyring, or the profile itself, refused.
 */
TribSignInState
trib_sign_in_get_failed_at (TribSignIn *self)
{
  g_return_val_if_fail (TRIB_IS_SIGN_IN (self), TRIB_SIGN_IN_STATE_IDLE);

  return self->failed_at;
}

/**
 * trib_sign_in_get_profile:
 *
 * Returns: (transfer none) (nullable): the profile of the last run
 */
TribProfile *
trib_sign_in_get_profile (TribSignIn *self)
{
  g_return_val_if_fail (TRIB_IS_SIGN_IN (self), NULL);

  return self->profile;
}

/**
 * trib_sign_in_get_session:
 *
 * Returns: (transfer none) (nullable): the last session signed in
 */
TribSession *
trib_sign_in_get_session (TribSignIn *self)
{
  g_return_val_if_fail (TRIB_IS_SIGN_IN (self), NULL);

  return self->session;
}

TribSignIn *
trib_sign_in_new (TribSecretStore *secrets,
                  TribRequestLog  *log)
{
  g_return_val_if_fail (TRIB_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (log == NULL || TRIB_IS_REQUEST_LOG (log), NULL);

  return g_object_new (TRIB_TYPE_SIGN_IN, "secrets", secrets, "log", log, NULL);
}

static void
trib_sign_in_dispose (GObject *object)
{
  TribSignIn *self = (TribSignIn *)object;

  trib_sign_in_cancel (self);
  g_clear_object (&self->secrets);
  g_clear_object (&self->log);
  g_clear_object (&self->profile);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (trib_sign_in_parent_class)->dispose (object);
}

static void
trib_sign_in_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribSignIn *self = TRIB_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_FAILED_AT:
      g_value_set_enum (value, self->failed_at);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;

    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_sign_in_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TribSignIn *self = TRIB_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_SECRETS:
      self->secrets = g_value_dup_object (value);
      break;

    case PROP_LOG:
      self->log = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_sign_in_class_init (TribSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_sign_in_dispose;
  object_class->get_property = trib_sign_in_get_property;
  object_class->set_property = trib_sign_in_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TRIB_TYPE_SIGN_IN_STATE, TRIB_SIGN_IN_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED_AT] =
    g_param_spec_enum ("failed-at", NULL, NULL, TRIB_TYPE_SIGN_IN_STATE, TRIB_SIGN_IN_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, TRIB_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRIB_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL, TRIB_TYPE_SECRET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, TRIB_TYPE_REQUEST_LOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_sign_in_init (TribSignIn *self)
{
}
