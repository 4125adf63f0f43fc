/* trib-xdm-field.c
 *
 * One field of a resolved XDM schema (`application/vnd.adobe.xed-full+json`),
 * and the list of the fields inside it. A real ExperienceEvent schema
 * has thousands of fields, so the tree is built once, off the main
 * thread, with the text a filter compares already folded.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-xdm-field"

#include "config.h"

#include <string.h>

#include "trib-xdm-field-private.h"

/* The tree is built from the text of the reply by
 * trib-xdm-field-builder.c. Each field is also the list of its
 * children, so an object of the schema costs no model of its own.
 */

struct _TribXdmArena
{
  gatomicrefcount ref_count;
  GPtrArray *blocks;
  char *next;
  gsize left;
};

/* Large enough that a 20,000-field schema takes a few dozen blocks. */
#define ARENA_BLOCK_BYTES (64 * 1024)

TribXdmArena *
_trib_xdm_arena_new (void)
{
  TribXdmArena *arena = g_new0 (TribXdmArena, 1);

  g_atomic_ref_count_init (&arena->ref_count);
  arena->blocks = g_ptr_array_new_with_free_func (g_free);

  return arena;
}

TribXdmArena *
_trib_xdm_arena_ref (TribXdmArena *arena)
{
  g_atomic_ref_count_inc (&arena->ref_count);

  return arena;
}

void
_trib_xdm_arena_unref (TribXdmArena *arena)
{
  if (!g_atomic_ref_count_dec (&arena->ref_count))
    return;

  g_ptr_array_unref (arena->blocks);
  g_free (arena);
}

/* Aligned for a pointer, so that children arrays can live here too. */
char *
_trib_xdm_arena_alloc (TribXdmArena *arena,
                       gsize         size)
{
  gsize aligned = (size + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
  char *memory;

  if (aligned > arena->left)
    {
      gsize block_size = MAX (aligned, ARENA_BLOCK_BYTES);

      arena->next = g_malloc (block_size);
      arena->left = block_size;
      g_ptr_array_add (arena->blocks, arena->next);
    }

  memory = arena->next;
  arena->next += aligned;
  arena->left -= aligned;

  return memory;
}

/* Gives back what the last allocation, @last, did not use of its room. */
void
_trib_xdm_arena_shrink (TribXdmArena *arena,
                        char         *last,
                        gsize         size)
{
  gsize aligned = (size + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);

  g_assert (last + aligned <= arena->next);

  arena->left += arena->next - (last + aligned);
  arena->next = last + aligned;
}

static GType
trib_xdm_field_get_item_type (GListModel *model)
{
  return TRIB_TYPE_XDM_FIELD;
}

static guint
trib_xdm_field_get_n_items (GListModel *model)
{
  return TRIB_XDM_FIELD (model)->n_children;
}

static gpointer
trib_xdm_field_get_item (GListModel *model,
                         guint       position)
{
  TribXdmField *self = TRIB_XDM_FIELD (model);

  return position < self->n_children ? g_object_ref (self->children[position]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_xdm_field_get_item_type;
  iface->get_n_items = trib_xdm_field_get_n_items;
  iface->get_item = trib_xdm_field_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TribXdmField, trib_xdm_field, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
trib_xdm_field_finalize (GObject *object)
{
  TribXdmField *self = (TribXdmField *) object;

  /* The array itself is in the arena. */
  for (guint i = 0; i < self->n_children; i++)
    g_object_unref (self->children[i]);
  g_clear_pointer (&self->arena, _trib_xdm_arena_unref);

  G_OBJECT_CLASS (trib_xdm_field_parent_class)->finalize (object);
}

static void
trib_xdm_field_class_init (TribXdmFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_xdm_field_finalize;
}

static void
trib_xdm_field_init (TribXdmField *self)
{
  self->visible = TRUE;
}

TribXdmField *
_trib_xdm_field_new (TribXdmArena *arena)
{
  TribXdmField *self = g_object_new (TRIB_TYPE_XDM_FIELD, NULL);

  self->arena = _trib_xdm_arena_ref (arena);

  return self;
}

static gboolean
filter_fields (GListModel *fields,
               const char *folded_needle,
               guint      *n_matches)
{
  guint n_items = g_list_model_get_n_items (fields);
  gboolean any_visible = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      gboolean child_visible = FALSE;

      field->matches = folded_needle == NULL || strstr (field->folded, folded_needle) != NULL;
      if (field->matches && folded_needle != NULL)
        (*n_matches)++;

      if (field->n_children > 0)
        child_visible = filter_fields (G_LIST_MODEL (field), folded_needle, n_matches);

      /* A match keeps its ancestors, so the tree still shows where it is. */
      field->visible = field->matches || child_visible;
      any_visible |= field->visible;
    }

  return any_visible;
}

/**
 * trib_xdm_field_filter_tree:
 * @roots: a tree from trib_xdm_field_build_tree()
 * @needle: (nullable): text to find in paths and titles, ignoring case;
 *   %NULL or empty shows everything
 *
 * Sets every field's visibility: a field is visible when it matches or
 * one of its descendants does.
 *
 * Returns: how many fields match @needle themselves
 */
guint
trib_xdm_field_filter_tree (GListModel *roots,
                            const char *needle)
{
  g_autofree char *folded = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), 0);

  if (needle != NULL && needle[0] != '\0')
    folded = g_utf8_casefold (needle, -1);

  filter_fields (roots, folded, &n_matches);

  return n_matches;
}

const char *
trib_xdm_field_get_name (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->name;
}

/**
 * trib_xdm_field_get_path:
 * @self: a #TribXdmField
 *
 * Returns: the dot path Data Distiller reads the field with, such as
 *   `web.webPageDetails.name`
 */
const char *
trib_xdm_field_get_path (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->path;
}

/**
 * trib_xdm_field_get_title:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the field's title
 */
const char *
trib_xdm_field_get_title (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->title;
}

/**
 * trib_xdm_field_get_description:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the field's description
 */
const char *
trib_xdm_field_get_description (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->description;
}

/**
 * trib_xdm_field_get_type_name:
 * @self: a #TribXdmField
 *
 * Returns: the type, such as `string`, `long`, `array[object]` or
 *   `map[string, array[object]]`
 */
const char *
trib_xdm_field_get_type_name (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->type_name;
}

/**
 * trib_xdm_field_get_format:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the JSON Schema format, such as `date-time` or `email`
 */
const char *
trib_xdm_field_get_format (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->format;
}

TribXdmShape
trib_xdm_field_get_shape (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRIB_XDM_SHAPE_SCALAR);

  return self->shape;
}

gboolean
trib_xdm_field_get_required (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), FALSE);

  return self->required;
}

/**
 * trib_xdm_field_get_identity_namespace:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the identity namespace, such as `Email`, if the
 *   field is an identity; %NULL if it is not one
 */
const char *
trib_xdm_field_get_identity_namespace (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->identity_namespace;
}

gboolean
trib_xdm_field_get_primary_identity (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), FALSE);

  return self->primary_identity;
}

/**
 * trib_xdm_field_get_children:
 * @self: a #TribXdmField
 *
 * Returns: (nullable) (transfer none): the fields inside an object, the
 *   fields of an array's items or of a map's values
 */
GListModel *
trib_xdm_field_get_children (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->has_children ? G_LIST_MODEL (self) : NULL;
}

/**
 * trib_xdm_field_get_visible:
 * @self: a #TribXdmField
 *
 * Returns: whether the last trib_xdm_field_filter_tree() kept the field
 */
gboolean
trib_xdm_field_get_visible (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRUE);

  return self->visible;
}

/**
 * trib_xdm_field_get_matches:
 * @self: a #TribXdmField
 *
 * Returns: whether the field itself matched the last filter
 */
gboolean
trib_xdm_field_get_matches (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRUE);

  return self->matches;
}
