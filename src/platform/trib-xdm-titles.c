/* trib-xdm-titles.c
 *
 * The titles of the classes and field groups that schemas name only by
 * `$id`. A lookup answers at once with what is known and, for an id not
 * seen yet, asks the registry once; "title-known" says when it answers,
 * so that whatever showed the id can show the title instead.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-xdm-titles"

#include "config.h"

#include "trib-schema-registry.h"
#include "trib-xdm-titles.h"

struct _TribXdmTitles
{
  GObject parent_instance;

  TribPlatformClient *client;
  char *sandbox;          /* where the ids are, whatever the client's sandbox later */
  GCancellable *cancellable;
  GHashTable *titles;     /* $id → title */
  GHashTable *requested;  /* $id, asked for once whatever the answer */
};

G_DEFINE_FINAL_TYPE (TribXdmTitles, trib_xdm_titles, G_TYPE_OBJECT)

enum {
  TITLE_KNOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
trib_xdm_titles_dispose (GObject *object)
{
  TribXdmTitles *self = (TribXdmTitles *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->sandbox, g_free);

  G_OBJECT_CLASS (trib_xdm_titles_parent_class)->dispose (object);
}

static void
trib_xdm_titles_finalize (GObject *object)
{
  TribXdmTitles *self = (TribXdmTitles *) object;

  g_hash_table_unref (self->titles);
  g_hash_table_unref (self->requested);

  G_OBJECT_CLASS (trib_xdm_titles_parent_class)->finalize (object);
}

static void
trib_xdm_titles_class_init (TribXdmTitlesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_xdm_titles_dispose;
  object_class->finalize = trib_xdm_titles_finalize;

  /**
   * TribXdmTitles::title-known:
   * @id: the `$id` whose title is now known
   */
  signals[TITLE_KNOWN] = g_signal_new ("title-known", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                       NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
trib_xdm_titles_init (TribXdmTitles *self)
{
  self->cancellable = g_cancellable_new ();
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->requested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * trib_xdm_titles_new:
 * @client: a client whose sandbox, now, is the one the ids belong to
 *
 * Returns: (transfer full): an empty cache of titles
 */
TribXdmTitles *
trib_xdm_titles_new (TribPlatformClient *client)
{
  TribXdmTitles *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_XDM_TITLES, NULL);
  self->client = g_object_ref (client);
  self->sandbox = g_strdup (trib_platform_client_get_sandbox (client));

  return self;
}

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(TribXdmTitles) self = user_data;
  g_autoptr(TribXdmResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  if (!(resource = trib_schema_registry_get_finish (result, &error)))
    {
      /* The id stays on show: a missing title is no reason to interrupt. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No title: %s", error->message);
      return;
    }

  trib_xdm_titles_remember (self, trib_xdm_resource_get_id (resource), trib_xdm_resource_get_title (resource));
}

/**
 * trib_xdm_titles_lookup:
 * @self: a #TribXdmTitles
 * @kind: what @id names: a class, a field group, a data type or a schema
 * @id: a `$id`
 *
 * Returns: (nullable): @id's title if known; if not, it is asked for and
 *   #TribXdmTitles::title-known follows when it arrives
 */
const char *
trib_xdm_titles_lookup (TribXdmTitles *self,
                        TribXdmKind    kind,
                        const char    *id)
{
  const char *title;

  g_return_val_if_fail (TRIB_IS_XDM_TITLES (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((title = g_hash_table_lookup (self->titles, id)))
    return title;

  if (self->client != NULL && g_hash_table_add (self->requested, g_strdup (id)))
    trib_schema_registry_get_async (self->client, self->sandbox, kind, id, self->cancellable, get_cb,
                                    g_object_ref (self));

  return NULL;
}

/**
 * trib_xdm_titles_remember:
 * @self: a #TribXdmTitles
 * @id: a `$id`
 * @title: (nullable): its title, as a listing or a lookup gave it
 */
void
trib_xdm_titles_remember (TribXdmTitles *self,
                          const char    *id,
                          const char    *title)
{
  const char *known;

  g_return_if_fail (TRIB_IS_XDM_TITLES (self));
  g_return_if_fail (id != NULL);

  if (title == NULL || ((known = g_hash_table_lookup (self->titles, id)) && g_str_equal (known, title)))
    return;

  g_hash_table_replace (self->titles, g_strdup (id), g_strdup (title));
  g_signal_emit (self, signals[TITLE_KNOWN], 0, id);
}
