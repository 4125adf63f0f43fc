/* trib-explore-item.c
 *
 * One object a source holds: a folder, a file or a table, with the path
 * that names it in the next explore or preview.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-item"

#include "config.h"

#include "trib-explore-item-private.h"
#include "trib-platform-enums.h"

struct _TribExploreItem
{
  GObject parent_instance;

  TribExploreItemType item_type;
  char *name;
  char *path;
  gboolean can_preview;
  gboolean can_fetch_schema;
};

G_DEFINE_FINAL_TYPE (TribExploreItem, trib_explore_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_NAME,
  PROP_PATH,
  PROP_CAN_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_explore_item_finalize (GObject *object)
{
  TribExploreItem *self = (TribExploreItem *) object;

  g_free (self->name);
  g_free (self->path);

  G_OBJECT_CLASS (trib_explore_item_parent_class)->finalize (object);
}

static void
trib_explore_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribExploreItem *self = TRIB_EXPLORE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_enum (value, self->item_type);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CAN_PREVIEW:
      g_value_set_boolean (value, self->can_preview);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_explore_item_class_init (TribExploreItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_explore_item_finalize;
  object_class->get_property = trib_explore_item_get_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_enum ("item-type", NULL, NULL, TRIB_TYPE_EXPLORE_ITEM_TYPE, TRIB_EXPLORE_ITEM_FILE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_PREVIEW] =
    g_param_spec_boolean ("can-preview", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_explore_item_init (TribExploreItem *self)
{
}

/**
 * _trib_explore_item_new_take:
 * @name: (transfer full): its `name`
 * @path: (transfer full): its `path`, not empty
 * @can_preview: its `canPreview`, or -1 if absent
 * @can_fetch_schema: its `canFetchSchema`, or -1 if absent
 *
 * For the listing reader, which has the strings already: a folder of
 * 10,000 files need not copy them all again.
 *
 * Returns: (transfer full): the item
 */
TribExploreItem *
_trib_explore_item_new_take (TribExploreItemType  item_type,
                             char                *name,
                             char                *path,
                             int                  can_preview,
                             int                  can_fetch_schema)
{
  TribExploreItem *self = g_object_new (TRIB_TYPE_EXPLORE_ITEM, NULL);

  self->item_type = item_type;
  self->name = name;
  self->path = path;
  /* Older answers leave these out; a file or a table can be looked at. */
  self->can_preview = can_preview >= 0 ? can_preview != 0 : item_type != TRIB_EXPLORE_ITEM_FOLDER;
  self->can_fetch_schema = can_fetch_schema >= 0 ? can_fetch_schema != 0 : item_type != TRIB_EXPLORE_ITEM_FOLDER;

  return self;
}

/**
 * trib_explore_item_new:
 * @type: the listing's `type`: `folder`, `file` or `table`, in any case
 *   (the platform's documents write "File" and "folder")
 * @name: its `name`
 * @path: its `path`
 * @can_preview: its `canPreview`, or -1 if absent
 * @can_fetch_schema: its `canFetchSchema`, or -1 if absent
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an element
 *   of unknown type, or without a name or a path
 */
TribExploreItem *
trib_explore_item_new (const char *type,
                       const char *name,
                       const char *path,
                       int         can_preview,
                       int         can_fetch_schema)
{
  TribExploreItemType item_type;

  if (name == NULL || path == NULL || path[0] == '\0' || !trib_explore_item_type_from_string (type, &item_type))
    return NULL;

  return _trib_explore_item_new_take (item_type, g_strdup (name), g_strdup (path), can_preview, can_fetch_schema);
}

/**
 * trib_explore_item_type_from_string:
 * @type: (nullable): a listing's `type`, in any case
 * @item_type: (out): the type it names
 *
 * Returns: whether @type is `folder`, `file` or `table`
 */
gboolean
trib_explore_item_type_from_string (const char          *type,
                                    TribExploreItemType *item_type)
{
  static const char * const names[] = { "folder", "file", "table" };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (type, names[i]) == 0)
      {
        *item_type = (TribExploreItemType) i;
        return TRUE;
      }

  return FALSE;
}

TribExploreItemType
trib_explore_item_get_item_type (TribExploreItem *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_ITEM (self), TRIB_EXPLORE_ITEM_FILE);

  return self->item_type;
}

const char *
trib_explore_item_get_name (TribExploreItem *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_ITEM (self), NULL);

  return self->name;
}

const char *
trib_explore_item_get_path (TribExploreItem *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_ITEM (self), NULL);

  return self->path;
}

gboolean
trib_explore_item_get_can_preview (TribExploreItem *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_ITEM (self), FALSE);

  return self->can_preview;
}

gboolean
trib_explore_item_get_can_fetch_schema (TribExploreItem *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_ITEM (self), FALSE);

  return self->can_fetch_schema;
}
