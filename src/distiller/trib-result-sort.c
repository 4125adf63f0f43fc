/* trib-result-sort.c
 *
 * The order of a result's rows sorted by one column. It reads only a
 * snapshot, so it may run on any thread while the model goes on growing.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-sort"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trib-result-sort.h"

/* Small, since a million of them move about while sorting. */
typedef struct
{
  union
  {
    const char *text;
    double number;
  } value;
  guint32 index;
  guint32 is_null;
} SortKey;

typedef struct
{
  gboolean numeric;
  gboolean descending;
} SortSpec;

static int
compare_numbers (double a,
                 double b)
{
  /* NaN sorts after every number, as in PostgreSQL. */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);

  return (a > b) - (a < b);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortKey *key_a = a;
  const SortKey *key_b = b;
  const SortSpec *spec = user_data;
  int result;

  /* NULLs go last whichever the direction. */
  if (key_a->is_null || key_b->is_null)
    return (int) key_a->is_null - (int) key_b->is_null;

  if (spec->numeric)
    result = compare_numbers (key_a->value.number, key_b->value.number);
  else
    result = strcmp (key_a->value.text, key_b->value.text);

  return spec->descending ? -result : result;
}

/**
 * trib_result_sort_order:
 * @snapshot: the rows to sort
 * @column: the column to sort by
 * @descending: whether the greatest values come first
 *
 * Numbers sort by value, everything else by bytes (the "C" collation),
 * NULLs last, ties in the snapshot's order.
 *
 * Returns: (transfer full): for each position, the snapshot position of
 *   the row that goes there
 */
guint32 *
trib_result_sort_order (TribResultSnapshot *snapshot,
                        guint               column,
                        gboolean            descending)
{
  guint n_rows = trib_result_snapshot_get_n_rows (snapshot);
  TribColumnKind kind = trib_result_snapshot_get_column_kind (snapshot, column);
  g_autofree SortKey *keys = g_new (SortKey, MAX (n_rows, 1));
  guint32 *order = g_new (guint32, MAX (n_rows, 1));
  SortSpec spec = {
    .numeric = kind == TRIB_COLUMN_KIND_INTEGER || kind == TRIB_COLUMN_KIND_FLOAT ||
               kind == TRIB_COLUMN_KIND_NUMERIC,
    .descending = descending,
  };

  for (guint i = 0; i < n_rows; i++)
    {
      const char *text = trib_result_snapshot_get_value (snapshot, i, column, NULL);

      keys[i].index = i;
      keys[i].is_null = text == NULL;
      if (spec.numeric)
        keys[i].value.number = text != NULL ? g_ascii_strtod (text, NULL) : 0;
      else
        keys[i].value.text = text;
    }

  /* g_qsort_with_data is a merge sort: stable. */
  g_qsort_with_data (keys, n_rows, sizeof (SortKey), compare_keys, &spec);

  for (guint i = 0; i < n_rows; i++)
    order[i] = keys[i].index;

  return order;
}
