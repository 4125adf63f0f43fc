/* trib-result-model.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "trib-result-model.h"
#include "trib-result-row.h"

/* The rows of one result as a GListModel. Values live in the column-wise
 * arenas of the batches the worker sent, in arrival order; a row object
 * is only made when a view asks for one. Sorting never moves a value: it
 * computes an order, a permutation from position to arrival index.
 */
typedef struct
{
  char *name;
  guint32 type_oid;
  TribColumnKind kind;
} ColumnInfo;

/* Where values are: shared by the model and its snapshots. */
typedef struct
{
  TribResultBatch **batches;
  const guint *starts;        /* arrival index of each batch's first row */
  guint n_batches;
  const guint32 *order;       /* NULL: arrival order */
} Rows;

struct _TribResultSnapshot
{
  guint n_rows;
  guint n_columns;
  ColumnInfo *columns;
  GPtrArray *batches;
  guint *starts;
  guint32 *order;
};

struct _TribResultModel
{
  GObject parent_instance;

  GArray *columns;            /* ColumnInfo */
  GPtrArray *batches;
  GArray *starts;             /* guint */
  guint n_rows;

  guint32 *order;
  int sort_column;
  gboolean sort_descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribResultModel, trib_result_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

TribColumnKind
trib_column_kind_from_type_oid (guint32 type_oid)
{
  switch (type_oid)
    {
    case 16: /* bool */
      return TRIB_COLUMN_KIND_BOOLEAN;
    case 20: /* int8 */
    case 21: /* int2 */
    case 23: /* int4 */
    case 26: /* oid */
      return TRIB_COLUMN_KIND_INTEGER;
    case 700: /* float4 */
    case 701: /* float8 */
      return TRIB_COLUMN_KIND_FLOAT;
    case 1700: /* numeric */
      return TRIB_COLUMN_KIND_NUMERIC;
    case 1082: /* date */
      return TRIB_COLUMN_KIND_DATE;
    case 1083: /* time */
    case 1114: /* timestamp */
    case 1184: /* timestamptz */
    case 1266: /* timetz */
      return TRIB_COLUMN_KIND_TIMESTAMP;
    case 114:  /* json */
    case 3802: /* jsonb */
      return TRIB_COLUMN_KIND_JSON;
    case 199:  /* json[] */
    case 1000: /* bool[] */
    case 1005: /* int2[] */
    case 1007: /* int4[] */
    case 1009: /* text[] */
    case 1014: /* bpchar[] */
    case 1015: /* varchar[] */
    case 1016: /* int8[] */
    case 1021: /* float4[] */
    case 1022: /* float8[] */
    case 1115: /* timestamp[] */
    case 1182: /* date[] */
    case 1185: /* timestamptz[] */
    case 1231: /* numeric[] */
    case 2287: /* record[] */
    case 2951: /* uuid[] */
    case 3807: /* jsonb[] */
      return TRIB_COLUMN_KIND_ARRAY;
    case 2249: /* record */
      return TRIB_COLUMN_KIND_STRUCT;
    default:
      return TRIB_COLUMN_KIND_TEXT;
    }
}

static const char *
rows_get_value (const Rows *rows,
                guint       index,
                guint       column,
                gsize      *length)
{
  guint low = 0, high = rows->n_batches;

  if (rows->order != NULL)
    index = rows->order[index];

  /* The last batch whose first row is at or before index. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (rows->starts[middle] <= index)
        low = middle;
      else
        high = middle;
    }

  return trib_result_batch_get_value (rows->batches[low], index - rows->starts[low], column, length);
}

static Rows
model_rows (TribResultModel *self)
{
  return (Rows) {
    .batches = (TribResultBatch **) self->batches->pdata,
    .starts = (const guint *) (gpointer) self->starts->data,
    .n_batches = self->batches->len,
    .order = self->order,
  };
}

static void
column_info_clear (gpointer data)
{
  g_free (((ColumnInfo *) data)->name);
}

static GType
trib_result_model_get_item_type (GListModel *model)
{
  return TRIB_TYPE_RESULT_ROW;
}

static guint
trib_result_model_get_n_items (GListModel *model)
{
  return TRIB_RESULT_MODEL (model)->n_rows;
}

static gpointer
trib_result_model_get_item (GListModel *model,
                            guint       position)
{
  TribResultModel *self = TRIB_RESULT_MODEL (model);

  if (position >= self->n_rows)
    return NULL;

  return trib_result_row_new (self, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_result_model_get_item_type;
  iface->get_n_items = trib_result_model_get_n_items;
  iface->get_item = trib_result_model_get_item;
}

static void
trib_result_model_finalize (GObject *object)
{
  TribResultModel *self = (TribResultModel *) object;

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->order, g_free);

  G_OBJECT_CLASS (trib_result_model_parent_class)->finalize (object);
}

static void
trib_result_model_class_init (TribResultModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_result_model_finalize;
}

static void
trib_result_model_init (TribResultModel *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (ColumnInfo));
  g_array_set_clear_func (self->columns, column_info_clear);
  self->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_result_batch_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sort_column = -1;
}

TribResultModel *
trib_result_model_new (void)
{
  return g_object_new (TRIB_TYPE_RESULT_MODEL, NULL);
}

void
trib_result_model_set_columns (TribResultModel    *self,
                               guint               n_columns,
                               const char * const *names,
                               const guint32      *type_oids)
{
  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (self->columns->len == 0);
  g_return_if_fail (n_columns == 0 || names != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      ColumnInfo info = {
        .name = g_strdup (names[i]),
        .type_oid = type_oids != NULL ? type_oids[i] : 0,
      };

      info.kind = trib_column_kind_from_type_oid (info.type_oid);
      g_array_append_val (self->columns, info);
    }
}

void
trib_result_model_append_batch (TribResultModel *self,
                                TribResultBatch *batch)
{
  guint n_added;
  guint first;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (batch != NULL);
  g_return_if_fail (trib_result_batch_get_n_columns (batch) == self->columns->len);

  if ((n_added = trib_result_batch_get_n_rows (batch)) == 0)
    return;

  first = self->n_rows;
  g_ptr_array_add (self->batches, trib_result_batch_ref (batch));
  g_array_append_val (self->starts, first);
  self->n_rows += n_added;

  /* A sorted result keeps its sort for the rows it had; rows that come
   * later go after them, as they arrive.
   */
  if (self->order != NULL)
    {
      self->order = g_renew (guint32, self->order, self->n_rows);
      for (guint i = first; i < self->n_rows; i++)
        self->order[i] = i;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n_added);
}

guint
trib_result_model_get_n_columns (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  return self->columns->len;
}

const char *
trib_result_model_get_column_name (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, ColumnInfo, column).name;
}

guint32
trib_result_model_get_column_type (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  return g_array_index (self->columns, ColumnInfo, column).type_oid;
}

TribColumnKind
trib_result_model_get_column_kind (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), TRIB_COLUMN_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, TRIB_COLUMN_KIND_TEXT);

  return g_array_index (self->columns, ColumnInfo, column).kind;
}

/**
 * trib_result_model_get_value:
 * @position: a position in the model's current order
 * @length: (out) (optional): the value's length in bytes
 *
 * Returns: (nullable): the value, or %NULL for SQL NULL
 */
const char *
trib_result_model_get_value (TribResultModel *self,
                             guint            position,
                             guint            column,
                             gsize           *length)
{
  Rows rows;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (position < self->n_rows, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  rows = model_rows (self);

  return rows_get_value (&rows, position, column, length);
}

gsize
trib_result_model_get_memory_size (TribResultModel *self)
{
  gsize size;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  size = sizeof *self + self->columns->len * sizeof (ColumnInfo) + self->starts->len * sizeof (guint) +
         self->batches->len * sizeof (gpointer);
  for (guint i = 0; i < self->batches->len; i++)
    size += trib_result_batch_get_memory_size (g_ptr_array_index (self->batches, i));
  if (self->order != NULL)
    size += self->n_rows * sizeof (guint32);

  return size;
}

typedef struct
{
  const char *text;           /* NULL for SQL NULL */
  double number;
  guint32 index;
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
  if (key_a->text == NULL || key_b->text == NULL)
    return (key_a->text == NULL) - (key_b->text == NULL);

  if (spec->numeric)
    result = compare_numbers (key_a->number, key_b->number);
  else
    result = strcmp (key_a->text, key_b->text);

  return spec->descending ? -result : result;
}

/**
 * trib_result_model_sort:
 * @column: the column to sort by, or -1 for the order rows arrived in
 *
 * Sorts the rows loaded so far: numbers by value, everything else by
 * bytes (the "C" collation), NULLs last, ties in arrival order.
 */
void
trib_result_model_sort (TribResultModel *self,
                        int              column,
                        gboolean         descending)
{
  g_autofree SortKey *keys = NULL;
  Rows rows;
  SortSpec spec;
  TribColumnKind kind;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (column < (int) self->columns->len);

  self->sort_column = MAX (column, -1);
  self->sort_descending = column >= 0 && descending;
  g_clear_pointer (&self->order, g_free);

  if (column >= 0 && self->n_rows > 0)
    {
      kind = g_array_index (self->columns, ColumnInfo, column).kind;
      spec.numeric = kind == TRIB_COLUMN_KIND_INTEGER || kind == TRIB_COLUMN_KIND_FLOAT ||
                     kind == TRIB_COLUMN_KIND_NUMERIC;
      spec.descending = descending;

      rows = model_rows (self);
      keys = g_new (SortKey, self->n_rows);
      for (guint i = 0; i < self->n_rows; i++)
        {
          keys[i].index = i;
          keys[i].text = rows_get_value (&rows, i, column, NULL);
          keys[i].number = spec.numeric && keys[i].text != NULL ? g_ascii_strtod (keys[i].text, NULL) : 0;
        }

      /* g_qsort_with_data is a merge sort: stable. */
      g_qsort_with_data (keys, self->n_rows, sizeof (SortKey), compare_keys, &spec);

      self->order = g_new (guint32, self->n_rows);
      for (guint i = 0; i < self->n_rows; i++)
        self->order[i] = keys[i].index;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_rows, self->n_rows);
}

int
trib_result_model_get_sort_column (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), -1);

  return self->sort_column;
}

gboolean
trib_result_model_get_sort_descending (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), FALSE);

  return self->sort_descending;
}

static void
append_tsv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/**
 * trib_result_model_dup_tsv:
 * @positions: (array length=n_positions): the rows to copy
 * @with_header: whether the first line names the columns
 *
 * Formats rows as tab-separated values, what spreadsheets paste: tabs,
 * newlines and backslashes in values escaped with a backslash, NULL as
 * nothing.
 */
char *
trib_result_model_dup_tsv (TribResultModel *self,
                           const guint     *positions,
                           guint            n_positions,
                           gboolean         with_header)
{
  GString *out;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (n_positions == 0 || positions != NULL, NULL);

  out = g_string_new (NULL);

  if (with_header)
    {
      for (guint column = 0; column < self->columns->len; column++)
        {
          if (column > 0)
            g_string_append_c (out, '\t');
          append_tsv_field (out, g_array_index (self->columns, ColumnInfo, column).name);
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < n_positions; i++)
    {
      g_return_val_if_fail (positions[i] < self->n_rows, g_string_free (out, TRUE));

      for (guint column = 0; column < self->columns->len; column++)
        {
          if (column > 0)
            g_string_append_c (out, '\t');
          append_tsv_field (out, trib_result_model_get_value (self, positions[i], column, NULL));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_compact:
 * @max_chars: how many characters to keep at most
 *
 * Shortens a value to one line for a cell: line breaks and tabs become
 * spaces, runs of them inside nested values (JSON, arrays, structs)
 * collapse to one, and a value longer than @max_chars ends with "…".
 *
 * Returns: (nullable): the short form, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_compact (TribResultModel *self,
                               guint            position,
                               guint            column,
                               guint            max_chars)
{
  g_autofree char *valid = NULL;
  const char *value;
  gboolean nested;
  gboolean after_space = FALSE;
  TribColumnKind kind;
  GString *out;
  gsize length;
  guint chars = 0;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  kind = trib_result_model_get_column_kind (self, column);
  nested = kind == TRIB_COLUMN_KIND_JSON || kind == TRIB_COLUMN_KIND_ARRAY || kind == TRIB_COLUMN_KIND_STRUCT;

  /* No more than max_chars characters are looked at; four bytes each at most. */
  valid = g_utf8_make_valid (value, MIN (length, (gsize) max_chars * 4 + 4));
  out = g_string_sized_new (MIN (length, (gsize) max_chars * 2) + 4);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';

      if (space && nested && after_space)
        continue;
      after_space = space;

      if (chars++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (space)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_pretty:
 *
 * The whole value, for reading: JSON indented, the rest as it is.
 *
 * Returns: (nullable): the value, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_pretty (TribResultModel *self,
                              guint            position,
                              guint            column)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *value;
  gsize length;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  if (trib_result_model_get_column_kind (self, column) != TRIB_COLUMN_KIND_JSON)
    return g_strndup (value, length);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, value, length, NULL))
    return g_strndup (value, length);

  return json_to_string (json_parser_get_root (parser), TRUE);
}

/**
 * trib_result_model_snapshot:
 *
 * Returns: (transfer full): the rows as they are now, for a thread
 */
TribResultSnapshot *
trib_result_model_snapshot (TribResultModel *self)
{
  TribResultSnapshot *snapshot;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  snapshot = g_new0 (TribResultSnapshot, 1);
  snapshot->n_rows = self->n_rows;
  snapshot->n_columns = self->columns->len;
  snapshot->columns = g_new0 (ColumnInfo, snapshot->n_columns);
  for (guint i = 0; i < snapshot->n_columns; i++)
    {
      snapshot->columns[i] = g_array_index (self->columns, ColumnInfo, i);
      snapshot->columns[i].name = g_strdup (snapshot->columns[i].name);
    }
  snapshot->batches = g_ptr_array_new_full (self->batches->len, (GDestroyNotify) trib_result_batch_unref);
  for (guint i = 0; i < self->batches->len; i++)
    g_ptr_array_add (snapshot->batches, trib_result_batch_ref (g_ptr_array_index (self->batches, i)));
  snapshot->starts = g_memdup2 (self->starts->data, self->starts->len * sizeof (guint));
  if (self->order != NULL)
    snapshot->order = g_memdup2 (self->order, self->n_rows * sizeof (guint32));

  return snapshot;
}

guint
trib_result_snapshot_get_n_rows (TribResultSnapshot *snapshot)
{
  return snapshot->n_rows;
}

guint
trib_result_snapshot_get_n_columns (TribResultSnapshot *snapshot)
{
  return snapshot->n_columns;
}

const char *
trib_result_snapshot_get_column_name (TribResultSnapshot *snapshot,
                                      guint               column)
{
  g_return_val_if_fail (column < snapshot->n_columns, NULL);

  return snapshot->columns[column].name;
}

TribColumnKind
trib_result_snapshot_get_column_kind (TribResultSnapshot *snapshot,
                                      guint               column)
{
  g_return_val_if_fail (column < snapshot->n_columns, TRIB_COLUMN_KIND_TEXT);

  return snapshot->columns[column].kind;
}

const char *
trib_result_snapshot_get_value (TribResultSnapshot *snapshot,
                                guint               position,
                                guint               column,
                                gsize              *length)
{
  Rows rows = {
    .batches = (TribResultBatch **) snapshot->batches->pdata,
    .starts = snapshot->starts,
    .n_batches = snapshot->batches->len,
    .order = snapshot->order,
  };

  g_return_val_if_fail (position < snapshot->n_rows, NULL);
  g_return_val_if_fail (column < snapshot->n_columns, NULL);

  return rows_get_value (&rows, position, column, length);
}

void
trib_result_snapshot_free (TribResultSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < snapshot->n_columns; i++)
    g_free (snapshot->columns[i].name);
  g_free (snapshot->columns);
  g_ptr_array_unref (snapshot->batches);
  g_free (snapshot->starts);
  g_free (snapshot->order);
  g_free (snapshot);
}
