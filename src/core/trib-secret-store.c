/* trib-secret-store.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-secret-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "trib-error.h"
#include "trib-secret-store.h"
#include "trib-util.h"

/* Secrets go to the Secret Service through libsecret, and nowhere else.
 * Without a Secret Service the user may choose to keep them in memory
 * for this session ("session only"); there is deliberately no file
 * fallback.
 */
struct _TribSecretStore
{
  GObject parent_instance;

  /* "profile-id\nkind" → secret, used only in session-only mode */
  GHashTable *session_secrets;
  guint session_only : 1;
};

G_DEFINE_FINAL_TYPE (TribSecretStore, trib_secret_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.tributary.Tributary.Secret",
    SECRET_SCHEMA_NONE,
    {
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static char *
session_key (const char *profile_id,
             const char *kind)
{
  return g_strconcat (profile_id, "\n", kind, NULL);
}

/* libsecret reports a missing Secret Service in many ways (no bus, no
 * name owner, no activatable service); the user needs to hear one thing.
 */
static GError *
translate_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  if (error->domain == SECRET_ERROR && error->code == SECRET_ERROR_IS_LOCKED)
    {
      GError *translated = g_error_new (TRIB_ERROR, TRIB_ERROR_KEYRING_LOCKED,
                                        _("The keyring is locked. Unlock it to use the saved secret."));
      g_error_free (error);
      return translated;
    }

  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR || error->domain == G_SPAWN_ERROR)
    {
      GError *translated = g_error_new (TRIB_ERROR, TRIB_ERROR_NO_KEYRING,
                                        /* Translators: %s is the technical reason */
                                        _("No keyring (Secret Service) is available: %s"),
                                        error->message);
      g_error_free (error);
      return translated;
    }

  return error;
}

static void
trib_secret_store_finalize (GObject *object)
{
  TribSecretStore *self = (TribSecretStore *)object;

  g_clear_pointer (&self->session_secrets, g_hash_table_unref);

  G_OBJECT_CLASS (trib_secret_store_parent_class)->finalize (object);
}

static void
trib_secret_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribSecretStore *self = TRIB_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, self->session_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_secret_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribSecretStore *self = TRIB_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_SESSION_ONLY:
      trib_secret_store_set_session_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_secret_store_class_init (TribSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_secret_store_finalize;
  object_class->get_property = trib_secret_store_get_property;
  object_class->set_property = trib_secret_store_set_property;

  /**
   * TribSecretStore:session-only:
   *
   * Whether secrets are kept in memory for this session instead of the
   * keyring, for systems without a Secret Service.
   */
  properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_secret_store_init (TribSecretStore *self)
{
  self->session_secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) trib_secret_free);
}

TribSecretStore *
trib_secret_store_new (void)
{
  return g_object_new (TRIB_TYPE_SECRET_STORE, NULL);
}

gboolean
trib_secret_store_get_session_only (TribSecretStore *self)
{
  g_return_val_if_fail (TRIB_IS_SECRET_STORE (self), FALSE);

  return self->session_only;
}

void
trib_secret_store_set_session_only (TribSecretStore *self,
                                    gboolean         session_only)
{
  g_return_if_fail (TRIB_IS_SECRET_STORE (self));

  session_only = !!session_only;
  if (self->session_only != session_only)
    {
      self->session_only = session_only;
      if (!session_only)
        g_hash_table_remove_all (self->session_secrets);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ONLY]);
    }
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * trib_secret_store_store_async:
 * @self: a #TribSecretStore
 * @profile_id: the profile the secret belongs to
 * @kind: what the secret is, such as %TRIB_SECRET_KIND_CLIENT_SECRET
 * @label: what the keyring shows the user for this item
 * @secret: the secret
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secret is stored
 * @user_data: data for @callback
 *
 * Fails with %TRIB_ERROR_NO_KEYRING when no Secret Service is available,
 * so the caller can offer session-only storage.
 */
void
trib_secret_store_store_async (TribSecretStore     *self,
                               const char          *profile_id,
                               const char          *kind,
                               const char          *label,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_SECRET_STORE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (kind != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_secret_store_store_async);

  if (self->session_only)
    {
      g_hash_table_replace (self->session_secrets, session_key (profile_id, kind), g_strdup (secret));
      g_task_return_boolean (task, TRUE);
      return;
    }

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "profile", profile_id,
                         "kind", kind,
                         NULL);
}

gboolean
trib_secret_store_store_finish (TribSecretStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (TRIB_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else if (secret == NULL)
    g_task_return_new_error (task, TRIB_ERROR, TRIB_ERROR_SECRET_NOT_FOUND,
                             _("The keyring holds no secret for this profile."));
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) trib_secret_free);
}

void
trib_secret_store_lookup_async (TribSecretStore     *self,
                                const char          *profile_id,
                                const char          *kind,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_SECRET_STORE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (kind != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_secret_store_lookup_async);

  if (self->session_only)
    {
      g_autofree char *key = session_key (profile_id, kind);
      const char *secret = g_hash_table_lookup (self->session_secrets, key);

      if (secret == NULL)
        g_task_return_new_error (task, TRIB_ERROR, TRIB_ERROR_SECRET_NOT_FOUND,
                                 _("No secret was kept for this profile in this session."));
      else
        g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify) trib_secret_free);
      return;
    }

  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "profile", profile_id,
                          "kind", kind,
                          NULL);
}

/**
 * trib_secret_store_lookup_finish:
 * @self: a #TribSecretStore
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the secret; free it with trib_secret_free()
 */
char *
trib_secret_store_lookup_finish (TribSecretStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (TRIB_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * trib_secret_store_clear_async:
 * @self: a #TribSecretStore
 * @profile_id: the profile whose secrets are removed, of every kind
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
trib_secret_store_clear_async (TribSecretStore     *self,
                               const char          *profile_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_SECRET_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_secret_store_clear_async);

  if (self->session_only)
    {
      g_autofree char *prefix = g_strconcat (profile_id, "\n", NULL);
      GHashTableIter iter;
      const char *key;

      g_hash_table_iter_init (&iter, self->session_secrets);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        if (g_str_has_prefix (key, prefix))
          g_hash_table_iter_remove (&iter);

      g_task_return_boolean (task, TRUE);
      return;
    }

  secret_password_clear (get_schema (), cancellable, clear_cb, g_steal_pointer (&task),
                         "profile", profile_id,
                         NULL);
}

gboolean
trib_secret_store_clear_finish (TribSecretStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (TRIB_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
