/* trib-automap.c
 *
 * Auto-map: each source column to the target schema's leaf field of the
 * same name and a compatible type. Names compare without case, without
 * `_`, `-`, `.` and spaces, so `order_id`, `OrderId` and `orderID` are
 * one name. A column whose name spells a field's whole path
 * (`person_name_firstName`) takes that field; otherwise it takes a field
 * whose last segment is its name — the shallowest, the one of its own
 * type rather than one converting it, then the first in the schema.
 * Columns are served in their order, and a field once taken is never
 * offered again: no two sources write one target, and the same inputs
 * always give the same answer.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-automap"

#include "config.h"

#include <string.h>

#include "trib-automap.h"

typedef struct
{
  TribXdmField *field;
  const char *path;
  const char *type_name;
  const char *format;
  guint depth;
  guint order;   /* in the schema, depth first */
} Leaf;

typedef struct
{
  GArray *leaves;             /* of Leaf */
  GHashTable *by_path;        /* normalized path → GArray of leaf indices */
  GHashTable *by_name;        /* normalized last segment → GArray of leaf indices */
} Index;

/**
 * trib_automap_normalize:
 * @name: a column name, a field name or a path
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): @name without case and without the
 *   characters that only separate words (`_`, `-`, `.`, spaces)
 */
char *
trib_automap_normalize (const char *name,
                        gssize      length)
{
  gsize n = length < 0 ? strlen (name) : (gsize) length;
  char *out = g_malloc (n + 1);
  gsize o = 0;

  for (gsize i = 0; i < n; i++)
    {
      char c = name[i];

      if (c == '_' || c == '-' || c == '.' || c == ' ')
        continue;
      out[o++] = g_ascii_tolower (c);
    }
  out[o] = '\0';

  return out;
}

/**
 * trib_automap_type_compatible:
 * @source: a column's type
 * @target_type: (nullable): a field's type name (`string`, `long`,
 *   `date-time`, …)
 * @target_format: (nullable): its JSON Schema format (`date-time`)
 *
 * Compatible means the value goes in unchanged or widened: anything
 * into text, whole numbers into numbers, dates into date-times; never a
 * number into a boolean or text into a number (Data Prep could try, and
 * fail on the first row that is not one).
 *
 * Returns: whether auto-map may send @source into the field
 */
gboolean
trib_automap_type_compatible (TribColumnType  source,
                              const char     *target_type,
                              const char     *target_format)
{
  TribColumnType target;

  /* Text takes any value, whatever format it announces. */
  (void) target_format;

  if (target_type == NULL)
    return FALSE;

  if (g_strcmp0 (target_type, "string") == 0)
    return TRUE;

  target = trib_column_type_from_name (target_type);
  /* A name from_name() does not know (object, map, any) is not a leaf
   * auto-map fills.
   */
  if (target == TRIB_COLUMN_STRING)
    return FALSE;

  switch (target)
    {
    case TRIB_COLUMN_INTEGER:
      return source == TRIB_COLUMN_INTEGER;
    case TRIB_COLUMN_NUMBER:
      return source == TRIB_COLUMN_INTEGER || source == TRIB_COLUMN_NUMBER;
    case TRIB_COLUMN_BOOLEAN:
      return source == TRIB_COLUMN_BOOLEAN;
    case TRIB_COLUMN_DATE:
      return source == TRIB_COLUMN_DATE;
    case TRIB_COLUMN_DATE_TIME:
      return source == TRIB_COLUMN_DATE || source == TRIB_COLUMN_DATE_TIME;
    case TRIB_COLUMN_STRING:
    default:
      return FALSE;
    }
}

/* The type a leaf holds, its format included: a `string` whose format is
 * `date-time` is where a date-time goes first.
 */
static gboolean
same_type (TribColumnType source,
           const Leaf    *leaf)
{
  if (g_strcmp0 (leaf->type_name, "string") == 0 && leaf->format != NULL)
    return g_strcmp0 (leaf->format, trib_column_type_to_xdm (source)) == 0;

  return trib_column_type_from_name (leaf->type_name) == source &&
         (source != TRIB_COLUMN_STRING || g_strcmp0 (leaf->type_name, "string") == 0);
}

static void
index_add (GHashTable *table,
           char       *key,
           guint       leaf)
{
  GArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, key, list);
    }
  else
    g_free (key);

  g_array_append_val (list, leaf);
}

static void
collect_leaves (Index      *index,
                GListModel *fields,
                guint       depth)
{
  guint n_items = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      GListModel *children = trib_xdm_field_get_children (field);
      const char *path;
      const char *name;
      Leaf leaf;

      if (children != NULL)
        {
          /* An array's items are not single fields Data Prep maps to. */
          if (trib_xdm_field_get_shape (field) == TRIB_XDM_SHAPE_OBJECT)
            collect_leaves (index, children, depth + 1);
          continue;
        }
      if (trib_xdm_field_get_shape (field) != TRIB_XDM_SHAPE_SCALAR)
        continue;

      path = trib_xdm_field_get_path (field);
      name = trib_xdm_field_get_name (field);
      leaf.field = field;
      leaf.path = path;
      leaf.type_name = trib_xdm_field_get_type_name (field);
      leaf.format = trib_xdm_field_get_format (field);
      leaf.depth = depth;
      leaf.order = index->leaves->len;
      g_array_append_val (index->leaves, leaf);

      index_add (index->by_path, trib_automap_normalize (path, -1), leaf.order);
      index_add (index->by_name, trib_automap_normalize (name, -1), leaf.order);
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->leaves, g_array_unref);
  g_clear_pointer (&index->by_path, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Index, index_clear)

/* The best free candidate for the column: its own type first, then the
 * shallowest, then the first in the schema.
 */
static gint
pick (Index          *index,
      GArray         *candidates,
      TribColumnType  type,
      GHashTable     *taken)
{
  gint best = -1;
  gboolean best_same = FALSE;

  if (candidates == NULL)
    return -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      guint order = g_array_index (candidates, guint, i);
      const Leaf *leaf = &g_array_index (index->leaves, Leaf, order);
      const Leaf *best_leaf;
      gboolean same;

      if (g_hash_table_contains (taken, leaf->path) ||
          !trib_automap_type_compatible (type, leaf->type_name, leaf->format))
        continue;

      same = same_type (type, leaf);
      if (best < 0)
        {
          best = order;
          best_same = same;
          continue;
        }

      best_leaf = &g_array_index (index->leaves, Leaf, best);
      if ((same && !best_same) ||
          (same == best_same && leaf->depth < best_leaf->depth))
        {
          best = order;
          best_same = same;
        }
    }

  return best;
}

static gint
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const TribAutomapMatch *ma = a;
  const TribAutomapMatch *mb = b;

  return (ma->column > mb->column) - (ma->column < mb->column);
}

/**
 * trib_automap:
 * @roots: the target schema's field tree (trib_xdm_field_build_tree())
 * @n_columns: how many source columns
 * @names: (array length=n_columns): their names; a %NULL name is a
 *   column not to map (it is mapped already)
 * @types: (array length=n_columns): their types
 * @taken_paths: (nullable) (array zero-terminated=1): fields already
 *   mapped, never offered
 *
 * Returns: (transfer full) (element-type TribAutomapMatch): the columns
 *   it mapped, in column order
 */
GArray *
trib_automap (GListModel           *roots,
              guint                 n_columns,
              const char * const   *names,
              const TribColumnType *types,
              const char * const   *taken_paths)
{
  g_auto(Index) index = { 0 };
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n_columns, 1));
  g_autofree char **keys = g_new0 (char *, MAX (n_columns, 1));
  GArray *matches;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);
  g_return_val_if_fail (n_columns == 0 || (names != NULL && types != NULL), NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (TribAutomapMatch));

  index.leaves = g_array_new (FALSE, FALSE, sizeof (Leaf));
  index.by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  index.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  collect_leaves (&index, roots, 0);

  for (guint i = 0; taken_paths != NULL && taken_paths[i] != NULL; i++)
    g_hash_table_add (taken, (gpointer) taken_paths[i]);

  for (guint c = 0; c < n_columns; c++)
    keys[c] = names[c] != NULL ? trib_automap_normalize (names[c], -1) : NULL;

  /* A whole path is the more precise name: those first, then last
   * segments, each pass in column order.
   */
  for (guint pass = 0; pass < 2; pass++)
    {
      GHashTable *table = pass == 0 ? index.by_path : index.by_name;

      for (guint c = 0; c < n_columns; c++)
        {
          TribAutomapMatch match;
          gint leaf;

          if (keys[c] == NULL || done[c] || keys[c][0] == '\0')
            continue;

          leaf = pick (&index, g_hash_table_lookup (table, keys[c]), types[c], taken);
          if (leaf < 0)
            continue;

          match.column = c;
          match.field = g_array_index (index.leaves, Leaf, leaf).field;
          g_hash_table_add (taken, (gpointer) trib_xdm_field_get_path (match.field));
          g_array_append_val (matches, match);
          done[c] = TRUE;
        }
    }

  for (guint c = 0; c < n_columns; c++)
    g_free (keys[c]);

  g_array_sort (matches, compare_matches);

  return matches;
}
