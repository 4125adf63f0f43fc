/* trib-explore-node.c
 *
 * One row of the explore tree, and, for a folder (or the source's root),
 * the list of what it holds. A folder is listed the first time its
 * number of children is asked for, which GtkTreeListModel does only when
 * the row is expanded (asking whether a row can expand makes the model
 * without counting it): a tree shown is not a tree fetched. Until the
 * listing comes, and when it comes empty or fails, one placeholder node
 * stands in the folder, so the tree says so where the user looks.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-node"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-explore-node.h"
#include "trib-flow-explore.h"
#include "trib-util.h"

struct _TribExploreNode
{
  GObject parent_instance;

  TribExploreNodeKind kind;
  TribExploreItem *item;      /* NULL for the root and placeholders */
  char *title;
  GWeakRef parent;

  /* Folders and the root only. */
  TribPlatformClient *client;
  GRefString *connection_id;  /* "" for the Data Landing Zone */
  GListModel *items;          /* the listing, once it came */
  GPtrArray *children;        /* a node per item, made when asked for */
  TribExploreNode *placeholder; /* while there is no item to show */
  GCancellable *cancellable;
  guint started : 1;
  guint loading : 1;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribExploreNode, trib_explore_node, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static TribExploreNode *
placeholder_new (TribExploreNode     *parent,
                 TribExploreNodeKind  kind,
                 const char          *title)
{
  TribExploreNode *node = g_object_new (TRIB_TYPE_EXPLORE_NODE, NULL);

  node->kind = kind;
  node->title = g_strdup (title);
  g_weak_ref_set (&node->parent, parent);

  return node;
}

static TribExploreNode *
item_node_new (TribExploreNode *parent,
               TribExploreItem *item)
{
  TribExploreNode *node = g_object_new (TRIB_TYPE_EXPLORE_NODE, NULL);

  node->kind = TRIB_EXPLORE_NODE_ITEM;
  node->item = g_object_ref (item);
  g_weak_ref_set (&node->parent, parent);
  if (trib_explore_item_get_item_type (item) == TRIB_EXPLORE_ITEM_FOLDER)
    {
      node->client = g_object_ref (parent->client);
      node->connection_id = g_ref_string_acquire (parent->connection_id);
    }

  return node;
}

static void
set_loading (TribExploreNode *self,
             gboolean         loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static guint
count_children (TribExploreNode *self)
{
  return self->items != NULL ? g_list_model_get_n_items (self->items) : (self->placeholder != NULL ? 1 : 0);
}

/* Shows @items (or, without, @placeholder) in place of what the folder
 * showed; @notify is FALSE inside get_n_items (), where a change signal
 * would reach a tree still counting.
 */
static void
show_children (TribExploreNode *self,
               GListModel      *items,
               TribExploreNode *placeholder,
               gboolean         notify)
{
  guint removed = count_children (self);
  guint added;

  g_set_object (&self->items, items);
  g_set_object (&self->placeholder, placeholder);
  g_ptr_array_set_size (self->children, 0);
  g_ptr_array_set_size (self->children, items != NULL ? g_list_model_get_n_items (items) : 0);
  added = count_children (self);

  if (notify)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/* The listing is kept as it came; a row's node is made only when the
 * tree asks for that row, which it does for the rows it shows: a folder
 * of 10,000 files makes a few dozen nodes, not 10,000.
 */
static void
browse_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribExploreNode) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = trib_flow_explore_browse_finish (result, &error);
  g_autoptr(TribExploreNode) placeholder = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    placeholder = placeholder_new (self, TRIB_EXPLORE_NODE_ERROR, error->message);
  else if (g_list_model_get_n_items (items) == 0)
    placeholder = placeholder_new (self, TRIB_EXPLORE_NODE_EMPTY,
                                   self->item != NULL ? _("Empty folder") : _("Nothing here"));

  show_children (self, placeholder == NULL ? items : NULL, placeholder, TRUE);
  set_loading (self, FALSE);
}

static void
start_listing (TribExploreNode *self,
               gboolean         notify)
{
  const char *path = self->item != NULL ? trib_explore_item_get_path (self->item) : NULL;
  g_autoptr(TribExploreNode) loading = placeholder_new (self, TRIB_EXPLORE_NODE_LOADING, _("Loading…"));

  self->started = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  show_children (self, NULL, loading, notify);
  set_loading (self, TRUE);

  if (*self->connection_id == '\0')
    trib_flow_explore_landing_zone_browse_async (self->client, path, self->cancellable,
                                                 browse_cb, g_object_ref (self));
  else
    trib_flow_explore_browse_async (self->client, self->connection_id, path, self->cancellable,
                                    browse_cb, g_object_ref (self));
}

static GType
trib_explore_node_get_item_type (GListModel *model)
{
  return TRIB_TYPE_EXPLORE_NODE;
}

static guint
trib_explore_node_get_n_items (GListModel *model)
{
  TribExploreNode *self = TRIB_EXPLORE_NODE (model);

  if (self->client == NULL)
    return 0;

  if (!self->started)
    start_listing (self, FALSE);

  return count_children (self);
}

static gpointer
trib_explore_node_get_model_item (GListModel *model,
                                  guint       position)
{
  TribExploreNode *self = TRIB_EXPLORE_NODE (model);
  g_autoptr(TribExploreItem) item = NULL;

  if (self->items == NULL)
    return position == 0 && self->placeholder != NULL ? g_object_ref (self->placeholder) : NULL;

  if (position >= self->children->len)
    return NULL;

  if (self->children->pdata[position] == NULL)
    {
      item = g_list_model_get_item (self->items, position);
      self->children->pdata[position] = item_node_new (self, item);
    }

  return g_object_ref (self->children->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_explore_node_get_item_type;
  iface->get_n_items = trib_explore_node_get_n_items;
  iface->get_item = trib_explore_node_get_model_item;
}

static void
trib_explore_node_dispose (GObject *object)
{
  TribExploreNode *self = (TribExploreNode *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (trib_explore_node_parent_class)->dispose (object);
}

static void
trib_explore_node_finalize (GObject *object)
{
  TribExploreNode *self = (TribExploreNode *) object;

  g_clear_object (&self->item);
  g_clear_object (&self->client);
  g_clear_object (&self->items);
  g_clear_object (&self->placeholder);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->connection_id, g_ref_string_release);
  g_clear_pointer (&self->title, g_free);
  g_weak_ref_clear (&self->parent);

  G_OBJECT_CLASS (trib_explore_node_parent_class)->finalize (object);
}

static void
trib_explore_node_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribExploreNode *self = TRIB_EXPLORE_NODE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, trib_explore_node_get_title (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, trib_explore_node_get_icon_name (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_explore_node_class_init (TribExploreNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_explore_node_dispose;
  object_class->finalize = trib_explore_node_finalize;
  object_class->get_property = trib_explore_node_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_explore_node_init (TribExploreNode *self)
{
  g_weak_ref_init (&self->parent, NULL);
  /* A row's slot stays NULL until the tree asks for the row. */
  self->children = g_ptr_array_new_with_free_func (trib_object_unref_nullable);
}

/**
 * trib_explore_node_new_root:
 * @connection_id: a base connection's id, or "" for the Data Landing Zone
 *
 * Returns: (transfer full): the source's root, whose children (as a
 *   #GListModel) are its top-level folders, files or tables
 */
TribExploreNode *
trib_explore_node_new_root (TribPlatformClient *client,
                            const char         *connection_id)
{
  TribExploreNode *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (connection_id != NULL, NULL);

  self = g_object_new (TRIB_TYPE_EXPLORE_NODE, NULL);
  self->kind = TRIB_EXPLORE_NODE_ITEM;
  self->client = g_object_ref (client);
  self->connection_id = g_ref_string_new (connection_id);

  return self;
}

TribExploreNodeKind
trib_explore_node_get_kind (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), TRIB_EXPLORE_NODE_ITEM);

  return self->kind;
}

/**
 * trib_explore_node_get_item:
 *
 * Returns: (nullable) (transfer none): what the row shows; %NULL for the
 *   root and placeholders
 */
TribExploreItem *
trib_explore_node_get_item (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), NULL);

  return self->item;
}

/**
 * trib_explore_node_get_parent:
 *
 * Returns: (nullable) (transfer full): the folder the node is in
 */
TribExploreNode *
trib_explore_node_get_parent (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), NULL);

  return g_weak_ref_get (&self->parent);
}

const char *
trib_explore_node_get_title (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), NULL);

  if (self->item != NULL)
    return trib_explore_item_get_name (self->item);

  return self->title;
}

const char *
trib_explore_node_get_icon_name (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), NULL);

  switch (self->kind)
    {
    case TRIB_EXPLORE_NODE_LOADING:
      return "content-loading-symbolic";
    case TRIB_EXPLORE_NODE_EMPTY:
      return "action-unavailable-symbolic";
    case TRIB_EXPLORE_NODE_ERROR:
      return "dialog-warning-symbolic";
    case TRIB_EXPLORE_NODE_ITEM:
    default:
      break;
    }

  if (self->item == NULL)
    return "folder-symbolic";

  switch (trib_explore_item_get_item_type (self->item))
    {
    case TRIB_EXPLORE_ITEM_FOLDER:
      return "folder-symbolic";
    case TRIB_EXPLORE_ITEM_TABLE:
      return "x-office-spreadsheet-symbolic";
    case TRIB_EXPLORE_ITEM_FILE:
    default:
      return "text-x-generic-symbolic";
    }
}

gboolean
trib_explore_node_is_folder (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), FALSE);

  return self->client != NULL;
}

gboolean
trib_explore_node_get_loading (TribExploreNode *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_NODE (self), FALSE);

  return self->loading;
}

/* Lists the folder again (after an error, say); one not listed yet
 * waits until it is expanded.
 */
void
trib_explore_node_reload (TribExploreNode *self)
{
  g_return_if_fail (TRIB_IS_EXPLORE_NODE (self));

  if (self->client != NULL && self->started)
    start_listing (self, TRUE);
}

void
trib_explore_node_cancel (TribExploreNode *self)
{
  g_return_if_fail (TRIB_IS_EXPLORE_NODE (self));

  g_cancellable_cancel (self->cancellable);
}
