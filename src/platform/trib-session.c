/* trib-session.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-session"

#include "config.h"

#include "trib-sandbox-management.h"
#include "trib-session.h"
#include "trib-xdm-titles.h"

/* A signed-in profile: its client, the sandboxes it may use and the one
 * in use. Pages bind to this; switching profile means a new session.
 */
struct _TribSession
{
  GObject parent_instance;

  TribPlatformClient *client;
  GListStore *sandboxes;
  TribSandbox *sandbox;
  TribXdmTitles *xdm_titles;
  TribSqlNames *sql_names;
  GError *error;
  guint loading;
};

G_DEFINE_FINAL_TYPE (TribSession, trib_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PROFILE,
  PROP_SANDBOXES,
  PROP_SANDBOX,
  PROP_XDM_TITLES,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_session_dispose (GObject *object)
{
  TribSession *self = (TribSession *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->sandboxes);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->xdm_titles);
  g_clear_object (&self->sql_names);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trib_session_parent_class)->dispose (object);
}

static void
trib_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribSession *self = TRIB_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, trib_session_get_profile (self));
      break;

    case PROP_SANDBOXES:
      g_value_set_object (value, self->sandboxes);
      break;

    case PROP_SANDBOX:
      g_value_set_object (value, self->sandbox);
      break;

    case PROP_XDM_TITLES:
      g_value_set_object (value, self->xdm_titles);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TribSession *self = TRIB_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_SANDBOX:
      trib_session_set_sandbox (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_session_class_init (TribSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_session_dispose;
  object_class->get_property = trib_session_get_property;
  object_class->set_property = trib_session_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, TRIB_TYPE_PLATFORM_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, TRIB_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOXES] =
    g_param_spec_object ("sandboxes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX] =
    g_param_spec_object ("sandbox", NULL, NULL, TRIB_TYPE_SANDBOX,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XDM_TITLES] =
    g_param_spec_object ("xdm-titles", NULL, NULL, TRIB_TYPE_XDM_TITLES,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_session_init (TribSession *self)
{
  self->sandboxes = g_list_store_new (TRIB_TYPE_SANDBOX);
}

/**
 * trib_session_new:
 * @client: the client of a profile
 *
 * Returns: (transfer full): a session; call trib_session_refresh_async()
 *   to sign in and list the sandboxes
 */
TribSession *
trib_session_new (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return g_object_new (TRIB_TYPE_SESSION, "client", client, NULL);
}

/**
 * trib_session_get_client:
 * @self: a #TribSession
 *
 * Returns: (transfer none): the session's client
 */
TribPlatformClient *
trib_session_get_client (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * trib_session_get_profile:
 * @self: a #TribSession
 *
 * Returns: (transfer none): the signed-in profile
 */
TribProfile *
trib_session_get_profile (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->client != NULL ? trib_platform_client_get_profile (self->client) : NULL;
}

/**
 * trib_session_get_sandboxes:
 * @self: a #TribSession
 *
 * Returns: (transfer none): the available sandboxes, a #GListModel of
 *   #TribSandbox that stays the same object across refreshes
 */
GListModel *
trib_session_get_sandboxes (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->sandboxes);
}

/**
 * trib_session_get_sandbox:
 * @self: a #TribSession
 *
 * Returns: (transfer none) (nullable): the sandbox calls are made in
 */
TribSandbox *
trib_session_get_sandbox (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->sandbox;
}

/**
 * trib_session_set_sandbox:
 * @self: a #TribSession
 * @sandbox: the sandbox to work in from now on
 *
 * Sets `x-sandbox-name` for every later call and remembers the choice in
 * the profile (the caller saves the profile store).
 */
void
trib_session_set_sandbox (TribSession *self,
                          TribSandbox *sandbox)
{
  g_return_if_fail (TRIB_IS_SESSION (self));
  g_return_if_fail (!sandbox || TRIB_IS_SANDBOX (sandbox));

  if (!g_set_object (&self->sandbox, sandbox))
    return;

  /* Tenant resources differ between sandboxes, and so may their titles. */
  g_clear_object (&self->xdm_titles);
  g_clear_object (&self->sql_names);
  if (sandbox != NULL)
    {
      trib_platform_client_set_sandbox (self->client, trib_sandbox_get_name (sandbox));
      trib_profile_set_last_sandbox (trib_session_get_profile (self), trib_sandbox_get_name (sandbox));
      self->xdm_titles = trib_xdm_titles_new (self->client);
      self->sql_names = trib_sql_names_new (self->client);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XDM_TITLES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
}

/**
 * trib_session_get_xdm_titles:
 * @self: a #TribSession
 *
 * The titles of the sandbox's XDM resources, as the pages have met them,
 * shared by every page; a new cache with each sandbox.
 *
 * Returns: (transfer none) (nullable): the cache, %NULL without a sandbox
 */
TribXdmTitles *
trib_session_get_xdm_titles (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->xdm_titles;
}

/**
 * trib_session_get_sql_names:
 * @self: a #TribSession
 *
 * The sandbox's tables and their schemas' fields for SQL completion,
 * read once and shared by every editor; new with each sandbox (the
 * session's #TribSession:sandbox says when).
 *
 * Returns: (transfer none) (nullable): the names, %NULL without a sandbox
 */
TribSqlNames *
trib_session_get_sql_names (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->sql_names;
}

gboolean
trib_session_get_loading (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), FALSE);

  return self->loading > 0;
}

/**
 * trib_session_get_error:
 * @self: a #TribSession
 *
 * Returns: (transfer none) (nullable): why the last refresh failed
 */
const GError *
trib_session_get_error (TribSession *self)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), NULL);

  return self->error;
}

static void
set_loading (TribSession *self,
             gboolean     loading)
{
  gboolean was_loading = self->loading > 0;

  if (loading)
    self->loading++;
  else
    self->loading--;

  if (was_loading != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (TribSession  *self,
           const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The sandbox to work in after a refresh: the current or remembered one
 * if it is still there, else the organization's default, else the first.
 */
static TribSandbox *
choose_sandbox (TribSession *self,
                GListModel  *sandboxes)
{
  const char *wanted = self->sandbox != NULL
                       ? trib_sandbox_get_name (self->sandbox)
                       : trib_profile_get_start_sandbox (trib_session_get_profile (self));
  guint n_items = g_list_model_get_n_items (sandboxes);
  g_autoptr(TribSandbox) fallback = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_strcmp0 (trib_sandbox_get_name (sandbox), wanted) == 0)
        return g_steal_pointer (&sandbox);

      if (fallback == NULL ||
          (trib_sandbox_get_is_default (sandbox) && !trib_sandbox_get_is_default (fallback)))
        g_set_object (&fallback, sandbox);
    }

  return g_steal_pointer (&fallback);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribSandbox) chosen = NULL;
  TribSession *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  /* Loading ends only once the list and error say what happened, so
   * that observers of "loading" see the outcome.
   */
  if (!(sandboxes = trib_sandbox_management_list_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error);
      set_loading (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_items = g_list_model_get_n_items (sandboxes);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (sandboxes, i));

  chosen = choose_sandbox (self, sandboxes);

  set_error (self, NULL);
  g_list_store_splice (self->sandboxes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sandboxes)),
                       items->pdata, items->len);
  trib_session_set_sandbox (self, chosen);
  set_loading (self, FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * trib_session_refresh_async:
 * @self: a #TribSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the sandboxes are listed
 * @user_data: data for @callback
 *
 * Signs in if needed and lists the available sandboxes; the first call
 * is what proves the credentials work.
 */
void
trib_session_refresh_async (TribSession         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_session_refresh_async);

  set_loading (self, TRUE);
  trib_sandbox_management_list_async (self->client, TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE, cancellable,
                                      list_cb, g_steal_pointer (&task));
}

gboolean
trib_session_refresh_finish (TribSession   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (TRIB_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
