/* trib-paged-list.c
 *
 * A GListModel over a list endpoint that is read a page at a time, when
 * a view first asks for an item near the end of what has arrived: the
 * first page is one round trip, and 50,000 datasets cost nothing until
 * someone scrolls to them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-paged-list"

#include "config.h"

#include "trib-paged-list.h"

/* How close to the end a view may look before the next page is asked for:
 * about two screens of rows.
 */
#define PREFETCH_ITEMS 60

struct _TribPagedList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
  TribPageFetchFunc fetch;
  gpointer fetch_data;
  GDestroyNotify fetch_data_destroy;

  GCancellable *cancellable;
  char *next_cursor;
  GError *error;
  guint n_requests;
  guint load_source;
  guint loading : 1;
  guint complete : 1;
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribPagedList, trib_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * trib_page_new:
 * @items: (transfer full): the items
 * @next_cursor: (transfer full) (nullable): the next page's cursor
 */
TribPage *
trib_page_new (GPtrArray *items,
               char      *next_cursor)
{
  TribPage *page = g_new0 (TribPage, 1);

  page->items = items;
  page->next_cursor = next_cursor;

  return page;
}

void
trib_page_free (TribPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

static gboolean
load_more_idle_cb (gpointer user_data)
{
  TribPagedList *self = user_data;

  self->load_source = 0;
  trib_paged_list_load_more (self);

  return G_SOURCE_REMOVE;
}

static GType
trib_paged_list_get_item_type (GListModel *model)
{
  return TRIB_PAGED_LIST (model)->item_type;
}

static guint
trib_paged_list_get_n_items (GListModel *model)
{
  return TRIB_PAGED_LIST (model)->items->len;
}

static gpointer
trib_paged_list_get_item (GListModel *model,
                          guint       position)
{
  TribPagedList *self = TRIB_PAGED_LIST (model);

  if (position >= self->items->len)
    return NULL;

  /* Not from here directly: a view asking for an item is no place to
   * change notify the model's properties under it.
   */
  if (position + PREFETCH_ITEMS >= self->items->len && !self->complete && !self->loading &&
      self->error == NULL && self->load_source == 0)
    self->load_source = g_idle_add (load_more_idle_cb, self);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_paged_list_get_item_type;
  iface->get_n_items = trib_paged_list_get_n_items;
  iface->get_item = trib_paged_list_get_item;
}

static void
trib_paged_list_dispose (GObject *object)
{
  TribPagedList *self = (TribPagedList *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->load_source, g_source_remove);

  G_OBJECT_CLASS (trib_paged_list_parent_class)->dispose (object);
}

static void
trib_paged_list_finalize (GObject *object)
{
  TribPagedList *self = (TribPagedList *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_error (&self->error);
  if (self->fetch_data_destroy != NULL)
    g_clear_pointer (&self->fetch_data, self->fetch_data_destroy);

  G_OBJECT_CLASS (trib_paged_list_parent_class)->finalize (object);
}

static void
trib_paged_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribPagedList *self = TRIB_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_paged_list_class_init (TribPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_paged_list_dispose;
  object_class->finalize = trib_paged_list_finalize;
  object_class->get_property = trib_paged_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_paged_list_init (TribPagedList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * trib_paged_list_new:
 * @item_type: the #GType of the items, a #GObject type
 * @fetch: fetches one page
 * @fetch_data: data for @fetch
 * @fetch_data_destroy: (nullable): frees @fetch_data
 *
 * Returns: (transfer full): a list that is already fetching its first page
 */
TribPagedList *
trib_paged_list_new (GType             item_type,
                     TribPageFetchFunc fetch,
                     gpointer          fetch_data,
                     GDestroyNotify    fetch_data_destroy)
{
  TribPagedList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (TRIB_TYPE_PAGED_LIST, NULL);
  self->item_type = item_type;
  self->fetch = fetch;
  self->fetch_data = fetch_data;
  self->fetch_data_destroy = fetch_data_destroy;

  trib_paged_list_load_more (self);

  return self;
}

static void
set_loading (TribPagedList *self,
             gboolean       loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TribPagedList) self = user_data;
  g_autoptr(TribPage) page = NULL;
  g_autoptr(GError) error = NULL;
  guint position;
  guint added = 0;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);

  if (page == NULL)
    {
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  position = self->items->len;
  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *item = g_ptr_array_index (page->items, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type))
        {
          g_critical ("A page of %s held a %s", g_type_name (self->item_type), G_OBJECT_TYPE_NAME (item));
          continue;
        }
      g_ptr_array_add (self->items, g_object_ref (item));
      added++;
    }

  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&page->next_cursor);

  /* An empty page that still promises more would have us ask forever. */
  if (self->next_cursor == NULL || added == 0)
    {
      self->complete = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }

  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * trib_paged_list_load_more:
 * @self: a #TribPagedList
 *
 * Fetches the next page, unless one is on its way or the list is
 * complete. After an error, this is how to try again.
 */
void
trib_paged_list_load_more (TribPagedList *self)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  if (self->loading || self->complete)
    return;

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  self->n_requests++;
  set_loading (self, TRUE);
  self->fetch (self->fetch_data, self->next_cursor, self->cancellable, page_cb, g_object_ref (self));
}

/**
 * trib_paged_list_cancel:
 * @self: a #TribPagedList
 *
 * Stops fetching the page on its way, as when the list is replaced.
 */
void
trib_paged_list_cancel (TribPagedList *self)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->load_source, g_source_remove);
  set_loading (self, FALSE);
}

gboolean
trib_paged_list_get_loading (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), FALSE);

  return self->loading;
}

gboolean
trib_paged_list_get_complete (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), FALSE);

  return self->complete;
}

/**
 * trib_paged_list_get_error:
 * @self: a #TribPagedList
 *
 * Returns: (nullable): why the last page could not be fetched
 */
const GError *
trib_paged_list_get_error (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), NULL);

  return self->error;
}

/**
 * trib_paged_list_get_n_requests:
 * @self: a #TribPagedList
 *
 * Returns: how many pages have been asked for
 */
guint
trib_paged_list_get_n_requests (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), 0);

  return self->n_requests;
}
