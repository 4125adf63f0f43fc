/* trib-profile-store.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-profile-store"

#include "config.h"

#include "trib-profile-store.h"

/* Profiles live in a key file, one group per profile. The client secret
 * is never among the keys: it is in the keyring, under the profile id.
 */
#define GROUP_PREFIX "Profile "

struct _TribProfileStore
{
  GObject parent_instance;

  GFile *file;
  GListStore *profiles;

  /* Saves write on threads; the newest asked for is the one that stays. */
  GMutex save_mutex;
  guint64 saves_requested;     /* main thread */
  guint64 save_written;        /* guarded by save_mutex */
};

typedef struct
{
  GBytes *bytes;
  guint64 generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribProfileStore, trib_profile_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keys in the file, paired with the profile property they hold. */
static const char * const persisted_properties[] = {
  "name", "org-id", "client-id", "technical-account-id", "scopes",
  "default-sandbox", "last-sandbox", "ims-url", "platform-url",
};

static GType
trib_profile_store_get_item_type (GListModel *model)
{
  return TRIB_TYPE_PROFILE;
}

static guint
trib_profile_store_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TRIB_PROFILE_STORE (model)->profiles));
}

static gpointer
trib_profile_store_get_item (GListModel *model,
                             guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (TRIB_PROFILE_STORE (model)->profiles), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_profile_store_get_item_type;
  iface->get_n_items = trib_profile_store_get_n_items;
  iface->get_item = trib_profile_store_get_item;
}

static void
profiles_items_changed_cb (TribProfileStore *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
trib_profile_store_dispose (GObject *object)
{
  TribProfileStore *self = (TribProfileStore *)object;

  g_clear_object (&self->profiles);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (trib_profile_store_parent_class)->dispose (object);
}

static void
trib_profile_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribProfileStore *self = TRIB_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_profile_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribProfileStore *self = TRIB_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_profile_store_finalize (GObject *object)
{
  g_mutex_clear (&TRIB_PROFILE_STORE (object)->save_mutex);

  G_OBJECT_CLASS (trib_profile_store_parent_class)->finalize (object);
}

static void
trib_profile_store_class_init (TribProfileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_profile_store_dispose;
  object_class->finalize = trib_profile_store_finalize;
  object_class->get_property = trib_profile_store_get_property;
  object_class->set_property = trib_profile_store_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_profile_store_init (TribProfileStore *self)
{
  g_mutex_init (&self->save_mutex);
  self->profiles = g_list_store_new (TRIB_TYPE_PROFILE);
  g_signal_connect_object (self->profiles, "items-changed",
                           G_CALLBACK (profiles_items_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * trib_profile_store_new:
 * @file: the key file that holds the profiles
 *
 * Returns: (transfer full): a new, empty store; call
 *   trib_profile_store_load_async() to read @file
 */
TribProfileStore *
trib_profile_store_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (TRIB_TYPE_PROFILE_STORE, "file", file, NULL);
}

/**
 * trib_profile_store_new_default:
 *
 * Returns: (transfer full): a store on `profiles.ini` in the user's
 *   configuration directory
 */
TribProfileStore *
trib_profile_store_new_default (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_config_dir (), "tributary", "profiles.ini", NULL);

  return trib_profile_store_new (file);
}

/**
 * trib_profile_store_get_file:
 * @self: a #TribProfileStore
 *
 * Returns: (transfer none): the file the profiles are kept in
 */
GFile *
trib_profile_store_get_file (TribProfileStore *self)
{
  g_return_val_if_fail (TRIB_IS_PROFILE_STORE (self), NULL);

  return self->file;
}

static gboolean
find_by_id (TribProfileStore *self,
            const char       *id,
            guint            *position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_strcmp0 (trib_profile_get_id (profile), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * trib_profile_store_lookup:
 * @self: a #TribProfileStore
 * @id: a profile id
 *
 * Returns: (transfer none) (nullable): the profile with @id
 */
TribProfile *
trib_profile_store_lookup (TribProfileStore *self,
                           const char       *id)
{
  g_autoptr(TribProfile) profile = NULL;
  guint position;

  g_return_val_if_fail (TRIB_IS_PROFILE_STORE (self), NULL);

  if (id == NULL || !find_by_id (self, id, &position))
    return NULL;

  /* The store keeps its own reference, so the one returned is borrowed. */
  profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), position);

  return profile;
}

/**
 * trib_profile_store_add:
 * @self: a #TribProfileStore
 * @profile: the profile to add, or to replace the one with the same id
 */
void
trib_profile_store_add (TribProfileStore *self,
                        TribProfile      *profile)
{
  guint position;

  g_return_if_fail (TRIB_IS_PROFILE_STORE (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));
  g_return_if_fail (!trib_profile_get_ephemeral (profile));

  if (find_by_id (self, trib_profile_get_id (profile), &position))
    g_list_store_splice (self->profiles, position, 1, (gpointer *) &profile, 1);
  else
    g_list_store_append (self->profiles, profile);
}

void
trib_profile_store_remove (TribProfileStore *self,
                           TribProfile      *profile)
{
  guint position;

  g_return_if_fail (TRIB_IS_PROFILE_STORE (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));

  if (g_list_store_find (self->profiles, profile, &position))
    g_list_store_remove (self->profiles, position);
}

static GPtrArray *
parse_profiles (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) groups = NULL;

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, error))
    return NULL;

  groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(TribProfile) profile = NULL;

      if (!g_str_has_prefix (groups[i], GROUP_PREFIX))
        continue;

      profile = trib_profile_new (groups[i] + strlen (GROUP_PREFIX));

      for (guint j = 0; j < G_N_ELEMENTS (persisted_properties); j++)
        {
          g_autofree char *value = g_key_file_get_string (key_file, groups[i], persisted_properties[j], NULL);

          if (value != NULL)
            g_object_set (profile, persisted_properties[j], value, NULL);
        }

      g_ptr_array_add (profiles, g_steal_pointer (&profile));
    }

  return g_steal_pointer (&profiles);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GPtrArray *profiles;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      /* A first run has no file yet: that is an empty store, not an error. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                               (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(profiles = parse_profiles (contents, length, &error)))
    {
      g_autofree char *path = g_file_get_path (file);

      g_task_return_new_error (task, error->domain, error->code,
                               "%s: %s", path, error->message);
      return;
    }

  g_task_return_pointer (task, profiles, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * trib_profile_store_load_async:
 * @self: a #TribProfileStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profiles have been loaded
 * @user_data: data for @callback
 *
 * Reads the key file in a worker thread and replaces the store's
 * contents with it. A missing file yields an empty store.
 */
void
trib_profile_store_load_async (TribProfileStore    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_PROFILE_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_profile_store_load_async);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_worker);
}

gboolean
trib_profile_store_load_finish (TribProfileStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_autoptr(GPtrArray) profiles = NULL;

  g_return_val_if_fail (TRIB_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(profiles = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  g_list_store_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       profiles->pdata, profiles->len);

  return TRUE;
}

static GBytes *
serialize_profiles (TribProfileStore *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  char *data;
  gsize length;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_autofree char *group = g_strconcat (GROUP_PREFIX, trib_profile_get_id (profile), NULL);

      for (guint j = 0; j < G_N_ELEMENTS (persisted_properties); j++)
        {
          g_autofree char *value = NULL;

          g_object_get (profile, persisted_properties[j], &value, NULL);
          if (value != NULL)
            g_key_file_set_string (key_file, group, persisted_properties[j], value);
        }
    }

  data = g_key_file_to_data (key_file, &length, NULL);

  return g_bytes_new_take (data, length);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TribProfileStore *self = source_object;
  SaveData *data = task_data;
  g_autoptr(GFile) directory = g_file_get_parent (self->file);
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&self->save_mutex);
  g_autoptr(GError) error = NULL;

  /* A newer save already wrote a newer list. */
  if (data->generation < self->save_written)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A new account may have no configuration folder at all yet. */
  if (!g_file_make_directory_with_parents (directory, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  /* replace_contents writes a temporary file and renames it over the
   * old one, so a crash never leaves half a profiles file behind.
   */
  if (!g_file_replace_contents (self->file, g_bytes_get_data (data->bytes, NULL), g_bytes_get_size (data->bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->save_written = data->generation;
  g_task_return_boolean (task, TRUE);
}

/**
 * trib_profile_store_save_async:
 * @self: a #TribProfileStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been written
 * @user_data: data for @callback
 *
 * Writes every non-ephemeral profile to the key file, atomically.
 */
void
trib_profile_store_save_async (TribProfileStore    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (TRIB_IS_PROFILE_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_profile_store_save_async);
  data = g_new0 (SaveData, 1);
  data->bytes = serialize_profiles (self);
  data->generation = ++self->saves_requested;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
trib_profile_store_save_finish (TribProfileStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (TRIB_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
