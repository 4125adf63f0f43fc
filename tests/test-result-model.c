/* test-result-model.c
 *
 * TribResultModel and its batches: appending, column kinds, NULL against
 * empty, sorting, copying and memory accounting.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-result-row.h"

static const char * const names[] = { "id", "name", "score", "web" };
static const guint32 oids[] = { 20, 25, 701, 3802 };

static TribResultBatch *
make_batch (guint first,
            guint n_rows)
{
  TribResultBatch *batch = trib_result_batch_new (G_N_ELEMENTS (names), 4);

  for (guint i = first; i < first + n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("row %u", i);
      g_autofree char *score = g_strdup_printf ("%g", (i * 7 % 10) / 2.0);
      const char *values[] = { id, i % 5 == 0 ? NULL : i % 5 == 1 ? "" : name, score, "{\"a\": 1}" };

      trib_result_batch_append_row (batch, values, NULL);
    }
  trib_result_batch_seal (batch);

  return batch;
}

static TribResultModel *
make_model (guint n_batches,
            guint rows_per_batch)
{
  TribResultModel *model = trib_result_model_new ();

  trib_result_model_set_columns (model, G_N_ELEMENTS (names), names, oids);
  for (guint i = 0; i < n_batches; i++)
    {
      g_autoptr(TribResultBatch) batch = make_batch (i * rows_per_batch, rows_per_batch);

      trib_result_model_append_batch (model, batch);
    }

  return model;
}

static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  guint change[] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
count_orders (TribResultModel *model,
              guint           *n_orders)
{
  (*n_orders)++;
}

static void
test_batches (void)
{
  g_autoptr(TribResultModel) model = make_model (0, 0);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(TribResultRow) row = NULL;
  gsize length = 99;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), changes);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TribResultBatch) batch = make_batch (i * 1000, 1000);

      trib_result_model_append_batch (model, batch);
    }

  /* One signal per batch, each adding at the end. */
  g_assert_cmpuint (changes->len, ==, 9);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 1000);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 1000);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == TRIB_TYPE_RESULT_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 3000));

  /* Values across batch boundaries. */
  g_assert_cmpstr (trib_result_model_get_value (model, 999, 0, NULL), ==, "999");
  g_assert_cmpstr (trib_result_model_get_value (model, 1000, 0, NULL), ==, "1000");
  g_assert_cmpstr (trib_result_model_get_value (model, 2999, 1, &length), ==, "row 2999");
  g_assert_cmpuint (length, ==, 8);

  row = g_list_model_get_item (G_LIST_MODEL (model), 1234);
  g_assert_cmpuint (trib_result_row_get_position (row), ==, 1234);
  g_assert_true (trib_result_row_get_model (row) == model);
  g_assert_cmpstr (trib_result_row_get_value (row, 0, NULL), ==, "1234");
}

static void
test_null_and_empty (void)
{
  g_autoptr(TribResultModel) model = make_model (1, 10);
  g_autofree char *compact = NULL;
  gsize length = 99;

  /* Row 5 holds NULL, row 6 the empty string: not the same. */
  g_assert_null (trib_result_model_get_value (model, 5, 1, &length));
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (trib_result_model_get_value (model, 6, 1, &length), ==, "");
  g_assert_cmpuint (length, ==, 0);
  g_assert_null (trib_result_model_dup_compact (model, 5, 1, 10));
  compact = trib_result_model_dup_compact (model, 6, 1, 10);
  g_assert_cmpstr (compact, ==, "");
}

static void
test_binary_lengths (void)
{
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (1, 1);
  const char *values[] = { "abc\0def" };
  const int lengths[] = { 7 };
  gsize length = 0;

  /* Lengths come from the server; a value is not cut at a NUL. */
  trib_result_batch_append_row (batch, values, lengths);
  trib_result_batch_append_row (batch, values, lengths);
  g_assert_cmpuint (trib_result_batch_get_n_rows (batch), ==, 2);
  g_assert_true (memcmp (trib_result_batch_get_value (batch, 1, 0, &length), "abc\0def", 8) == 0);
  g_assert_cmpuint (length, ==, 7);
}

/* What row @row of column @column holds in the layout tests: short and
 * long values, NULL and "", NUL bytes inside a value, a value longer than
 * a 16-bit offset reaches, columns of NULLs only and of "" only.
 */
#define LAYOUT_COLUMNS 5

static char *
layout_value (guint  row,
              guint  column,
              int   *length)
{
  char *value;

  if (column == 3 || (column < 2 && row % 7 == 3))
    {
      *length = 0;
      return NULL;
    }
  if (column == 4 || (column < 2 && row % 7 == 4))
    {
      *length = 0;
      return g_strdup ("");
    }
  if (column == 0 && row % 11 == 5)
    {
      value = g_strdup_printf ("a%cb%u", 0, row);
      *length = 2 + strlen (value + 2);
      return value;
    }
  if (column == 0)
    value = g_strdup_printf ("%u", row);
  else if (column == 1)
    value = g_strnfill (1000 + (row * 37) % 3000, 'a' + row % 26);
  else
    value = g_strnfill (row == 150 ? 70000 : row % 5, 'A' + row % 26);
  *length = strlen (value);

  return value;
}

static void
append_layout_rows (TribResultBatch *batch,
                    guint            first,
                    guint            n_rows)
{
  for (guint row = first; row < first + n_rows; row++)
    {
      char *values[LAYOUT_COLUMNS];
      int lengths[LAYOUT_COLUMNS];

      for (guint column = 0; column < LAYOUT_COLUMNS; column++)
        values[column] = layout_value (row, column, &lengths[column]);
      trib_result_batch_append_row (batch, (const char * const *) values, lengths);
      for (guint column = 0; column < LAYOUT_COLUMNS; column++)
        g_free (values[column]);
    }
}

static void
assert_layout_value (const char *value,
                     gsize       length,
                     guint       row,
                     guint       column)
{
  int expected_length;
  g_autofree char *expected = layout_value (row, column, &expected_length);

  if (expected == NULL)
    {
      g_assert_null (value);
      g_assert_cmpuint (length, ==, 0);
      return;
    }

  g_assert_nonnull (value);
  g_assert_cmpuint (length, ==, expected_length);
  /* The value and the NUL after it, as a C string reads it. */
  g_assert_true (memcmp (value, expected, length + 1) == 0);
}

static void
assert_layout_batch (TribResultBatch *batch,
                     guint            first)
{
  for (guint row = 0; row < trib_result_batch_get_n_rows (batch); row++)
    for (guint column = 0; column < LAYOUT_COLUMNS; column++)
      {
        gsize length = 99;
        const char *value = trib_result_batch_get_value (batch, row, column, &length);

        assert_layout_value (value, length, first + row, column);
      }
}

/* Values come back intact whatever the layout does with them: across
 * blocks of rows and the batch's own growth, in columns whose offsets
 * outgrow 16 bits at the first block or in the middle of a later one,
 * before and after sealing.
 */
static void
test_layout (void)
{
  g_autoptr(TribResultBatch) first = trib_result_batch_new (LAYOUT_COLUMNS, 4);
  g_autoptr(TribResultBatch) second = NULL;
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  const char *column_names[LAYOUT_COLUMNS] = { "short", "long", "huge", "nulls", "empty" };

  append_layout_rows (first, 0, 300);
  g_assert_cmpuint (trib_result_batch_get_n_rows (first), ==, 300);
  assert_layout_batch (first, 0);
  trib_result_batch_seal (first);
  assert_layout_batch (first, 0);

  second = trib_result_batch_new (LAYOUT_COLUMNS, 64);
  append_layout_rows (second, 300, 1);
  assert_layout_batch (second, 300);
  append_layout_rows (second, 301, 199);
  trib_result_batch_seal (second);
  assert_layout_batch (second, 300);

  trib_result_model_set_columns (model, LAYOUT_COLUMNS, column_names, NULL);
  trib_result_model_append_batch (model, first);
  trib_result_model_append_batch (model, second);
  for (guint row = 0; row < 500; row++)
    for (guint column = 0; column < LAYOUT_COLUMNS; column++)
      {
        gsize length = 99;
        const char *value = trib_result_model_get_value (model, row, column, &length);

        assert_layout_value (value, length, row, column);
      }
}

/* A worker writes a whole result into one batch and takes its rows out
 * batch by batch: each taken batch costs its rows only, the writing one
 * keeps its arenas, and values stay intact across takes, including after
 * a take of rows whose long values widened a column.
 */
static void
test_take_rows (void)
{
  g_autoptr(TribResultBatch) writer = trib_result_batch_new (4, 8192);
  g_autoptr(TribResultBatch) taken = NULL;
  g_autoptr(TribResultBatch) layout = NULL;
  g_autoptr(TribResultBatch) after = NULL;
  gsize reserved, payload = 0, non_null = 0;

  g_assert_null (trib_result_batch_take_rows (writer));

  for (guint i = 0; i < 8192; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("name-%u-%u", i, i * 7919);
      const char *values[] = { id, name, "2026-01-01 00:00:00+00", i % 10 == 0 ? NULL : "web.webpagedetails.pageViews" };

      trib_result_batch_append_row (writer, values, NULL);
      for (guint column = 0; column < 4; column++)
        if (values[column] != NULL)
          {
            payload += strlen (values[column]);
            non_null++;
          }
    }
  reserved = trib_result_batch_get_memory_size (writer);
  taken = trib_result_batch_take_rows (writer);

  /* The values, their NULs and offsets, and nothing to spare. */
  g_assert_cmpuint (trib_result_batch_get_n_rows (taken), ==, 8192);
  g_assert_cmpuint (trib_result_batch_get_memory_size (taken), <=,
                    payload + non_null + 4 * (8192 * sizeof (guint16) + 8192 / 64 * sizeof (guint32)) + 512);
  g_assert_cmpuint (trib_result_batch_get_n_rows (writer), ==, 0);
  g_assert_cmpuint (trib_result_batch_get_memory_size (writer), ==, reserved);
  g_assert_cmpstr (trib_result_batch_get_value (taken, 8191, 1, NULL), ==, "name-8191-64864529");
  g_assert_null (trib_result_batch_get_value (taken, 8190, 3, NULL));
  g_assert_cmpstr (trib_result_batch_get_value (taken, 8191, 3, NULL), ==, "web.webpagedetails.pageViews");
  g_clear_pointer (&writer, trib_result_batch_unref);

  /* Rows that widen columns, then rows that need not. */
  writer = trib_result_batch_new (LAYOUT_COLUMNS, 64);
  append_layout_rows (writer, 0, 300);
  layout = trib_result_batch_take_rows (writer);
  append_layout_rows (writer, 300, 1);
  after = trib_result_batch_take_rows (writer);
  assert_layout_batch (layout, 0);
  assert_layout_batch (after, 300);
  g_clear_pointer (&after, trib_result_batch_unref);
  append_layout_rows (writer, 301, 100);
  after = trib_result_batch_take_rows (writer);
  assert_layout_batch (after, 301);
  assert_layout_batch (layout, 0);
}

static void
test_column_kinds (void)
{
  g_autoptr(TribResultModel) model = make_model (1, 1);

  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, 4);
  g_assert_cmpstr (trib_result_model_get_column_name (model, 3), ==, "web");
  g_assert_cmpuint (trib_result_model_get_column_type (model, 2), ==, 701);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 0), ==, TRIB_COLUMN_KIND_INTEGER);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 1), ==, TRIB_COLUMN_KIND_TEXT);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 2), ==, TRIB_COLUMN_KIND_FLOAT);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 3), ==, TRIB_COLUMN_KIND_JSON);

  g_assert_cmpint (trib_column_kind_from_type_oid (16), ==, TRIB_COLUMN_KIND_BOOLEAN);
  g_assert_cmpint (trib_column_kind_from_type_oid (1700), ==, TRIB_COLUMN_KIND_NUMERIC);
  g_assert_cmpint (trib_column_kind_from_type_oid (1184), ==, TRIB_COLUMN_KIND_TIMESTAMP);
  g_assert_cmpint (trib_column_kind_from_type_oid (1082), ==, TRIB_COLUMN_KIND_DATE);
  g_assert_cmpint (trib_column_kind_from_type_oid (1009), ==, TRIB_COLUMN_KIND_ARRAY);
  g_assert_cmpint (trib_column_kind_from_type_oid (2249), ==, TRIB_COLUMN_KIND_STRUCT);
  g_assert_cmpint (trib_column_kind_from_type_oid (1043), ==, TRIB_COLUMN_KIND_TEXT);
}

static void
test_sort (void)
{
  g_autoptr(TribResultModel) model = make_model (4, 25);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(TribResultRow) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  double previous = -1;
  guint n_orders = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), changes);
  g_signal_connect (model, "order-changed", G_CALLBACK (count_orders), &n_orders);

  /* Numbers sort by value, not as text; ties keep arrival order. A new
   * order keeps the items, positions whose values changed: no row is
   * added or removed, and an item a view holds reads the new value.
   */
  g_assert_cmpstr (trib_result_row_get_value (row, 0, NULL), ==, "0");
  trib_result_model_sort (model, 2, FALSE);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (n_orders, ==, 1);
  g_assert_cmpstr (trib_result_row_get_value (row, 0, NULL), ==,
                   trib_result_model_get_value (model, 0, 0, NULL));
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 2);
  for (guint i = 0; i < 100; i++)
    {
      double score = g_ascii_strtod (trib_result_model_get_value (model, i, 2, NULL), NULL);

      g_assert_cmpfloat (score, >=, previous);
      if (score == previous)
        g_assert_cmpuint (atoi (trib_result_model_get_value (model, i, 0, NULL)), >,
                          atoi (trib_result_model_get_value (model, i - 1, 0, NULL)));
      previous = score;
    }

  /* NULLs go last in either direction. */
  trib_result_model_sort (model, 1, TRUE);
  g_assert_true (trib_result_model_get_sort_descending (model));
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 1, NULL), ==, "row 99");
  g_assert_cmpstr (trib_result_row_get_value (row, 0, NULL), ==, "99");
  g_assert_null (trib_result_model_get_value (model, 99, 1, NULL));
  g_assert_nonnull (trib_result_model_get_value (model, 79, 1, NULL));
  g_assert_null (trib_result_model_get_value (model, 80, 1, NULL));
  trib_result_model_sort (model, 1, FALSE);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 1, NULL), ==, "");
  g_assert_null (trib_result_model_get_value (model, 99, 1, NULL));

  /* Rows arriving after a sort go at the end. */
  {
    g_autoptr(TribResultBatch) batch = make_batch (100, 3);

    trib_result_model_append_batch (model, batch);
    g_assert_cmpstr (trib_result_model_get_value (model, 100, 0, NULL), ==, "100");
  }

  trib_result_model_sort (model, -1, FALSE);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, -1);
  g_assert_cmpuint (n_orders, ==, 4);
  g_assert_cmpstr (trib_result_row_get_value (row, 0, NULL), ==, "0");
  for (guint i = 0; i < 103; i++)
    g_assert_cmpuint (atoi (trib_result_model_get_value (model, i, 0, NULL)), ==, i);
}

static void
sorted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **out = user_data;
  gboolean sorted = trib_result_model_sort_finish (TRIB_RESULT_MODEL (object), result, out);

  g_assert_true (sorted == (*out == NULL));
  if (sorted)
    *out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "sorted");
}

/* Runs the main loop until @error is set: "sorted" when the sort was done. */
static void
wait_sorted (GError **error)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*error == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A sort on a thread: the same order as at once, rows arriving meanwhile
 * at the end, a later sort winning over an earlier one, a cancelled one
 * leaving the order alone.
 */
static void
test_sort_async (void)
{
  g_autoptr(TribResultModel) model = make_model (40, 250);
  g_autoptr(TribResultModel) reference = make_model (40, 250);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;
  g_autoptr(GError) cancelled = NULL;

  trib_result_model_sort (reference, 1, TRUE);
  trib_result_model_sort_async (model, 1, TRUE, NULL, sorted_cb, &first);
  {
    g_autoptr(TribResultBatch) batch = make_batch (10000, 3);

    /* Not sorted yet: the model keeps its order while it sorts. */
    g_assert_cmpint (trib_result_model_get_sort_column (model), ==, -1);
    trib_result_model_append_batch (model, batch);
  }
  wait_sorted (&first);
  g_assert_error (first, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 1);
  g_assert_true (trib_result_model_get_sort_descending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10003);
  for (guint i = 0; i < 10000; i++)
    g_assert_cmpstr (trib_result_model_get_value (model, i, 0, NULL), ==,
                     trib_result_model_get_value (reference, i, 0, NULL));
  g_assert_cmpstr (trib_result_model_get_value (model, 10000, 0, NULL), ==, "10000");
  g_assert_cmpstr (trib_result_model_get_value (model, 10002, 0, NULL), ==, "10002");

  g_clear_error (&first);
  trib_result_model_sort_async (model, 2, FALSE, NULL, sorted_cb, &first);
  trib_result_model_sort_async (model, 0, TRUE, NULL, sorted_cb, &second);
  wait_sorted (&first);
  wait_sorted (&second);
  g_assert_error (first, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (second, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 0);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "10002");

  trib_result_model_sort_async (model, 2, FALSE, cancellable, sorted_cb, &cancelled);
  g_cancellable_cancel (cancellable);
  wait_sorted (&cancelled);
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 0);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "10002");
}

static void
test_tsv (void)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (2, 2);
  const char * const columns[] = { "a", "b\tc" };
  const char *first[] = { "x\ty", NULL };
  const char *second[] = { "line\nbreak", "back\\slash" };
  guint positions[] = { 1, 0 };
  g_autofree char *tsv = NULL;

  trib_result_model_set_columns (model, 2, columns, NULL);
  trib_result_batch_append_row (batch, first, NULL);
  trib_result_batch_append_row (batch, second, NULL);
  trib_result_model_append_batch (model, batch);

  tsv = trib_result_model_dup_tsv (model, positions, 2, TRUE);
  g_assert_cmpstr (tsv, ==, "a\tb\\tc\nline\\nbreak\tback\\\\slash\nx\\ty\t\n");
  g_free (tsv);
  tsv = trib_result_model_dup_tsv (model, positions + 1, 1, FALSE);
  g_assert_cmpstr (tsv, ==, "x\\ty\t\n");
}

static void
test_compact (void)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (2, 1);
  const char * const columns[] = { "identitymap", "note" };
  const guint32 types[] = { 3802, 25 };
  const char *row[] = { "{\"ECID\": [\n    {\"id\": \"123\",\n     \"primary\": true}]}", "é\nà  b" };
  g_autofree char *json = NULL;
  g_autofree char *json_short = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_short = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *text_pretty = NULL;

  trib_result_model_set_columns (model, 2, columns, types);
  trib_result_batch_append_row (batch, row, NULL);
  trib_result_model_append_batch (model, batch);

  /* Nested values lose their indentation; text keeps its spaces. */
  json = trib_result_model_dup_compact (model, 0, 0, 200);
  g_assert_cmpstr (json, ==, "{\"ECID\": [ {\"id\": \"123\", \"primary\": true}]}");
  json_short = trib_result_model_dup_compact (model, 0, 0, 9);
  g_assert_cmpstr (json_short, ==, "{\"ECID\": …");
  text = trib_result_model_dup_compact (model, 0, 1, 200);
  g_assert_cmpstr (text, ==, "é à  b");
  /* Characters, not bytes. */
  text_short = trib_result_model_dup_compact (model, 0, 1, 2);
  g_assert_cmpstr (text_short, ==, "é …");

  /* One short line reads as it is, up to the last character allowed. */
  {
    g_autoptr(TribResultModel) lines = trib_result_model_new ();
    g_autoptr(TribResultBatch) line_batch = trib_result_batch_new (2, 1);
    const char *line_row[] = { "{\"a\":  1}", "né à b" };
    g_autofree char *plain = NULL;
    g_autofree char *exact = NULL;
    g_autofree char *cut = NULL;
    g_autofree char *collapsed = NULL;

    trib_result_model_set_columns (lines, 2, columns, types);
    trib_result_batch_append_row (line_batch, line_row, NULL);
    trib_result_batch_seal (line_batch);
    trib_result_model_append_batch (lines, line_batch);
    plain = trib_result_model_dup_compact (lines, 0, 1, 200);
    g_assert_cmpstr (plain, ==, "né à b");
    exact = trib_result_model_dup_compact (lines, 0, 1, 6);
    g_assert_cmpstr (exact, ==, "né à b");
    cut = trib_result_model_dup_compact (lines, 0, 1, 5);
    g_assert_cmpstr (cut, ==, "né à …");
    collapsed = trib_result_model_dup_compact (lines, 0, 0, 200);
    g_assert_cmpstr (collapsed, ==, "{\"a\": 1}");
  }

  /* The full value, for reading: JSON indented, text untouched. */
  pretty = trib_result_model_dup_pretty (model, 0, 0);
  g_assert_cmpstr (pretty, ==, "{\n  \"ECID\" : [\n    {\n      \"id\" : \"123\",\n      \"primary\" : true\n    }\n  ]\n}");
  text_pretty = trib_result_model_dup_pretty (model, 0, 1);
  g_assert_cmpstr (text_pretty, ==, "é\nà  b");
}

/* One JSON value in a one-column model of type json. */
static char *
dup_pretty_json (const char *value,
                 gsize       length)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (1, 1);
  const char * const columns[] = { "value" };
  const guint32 types[] = { 114 };
  const char *row[] = { value };
  int lengths[] = { (int) length };

  trib_result_model_set_columns (model, 1, columns, types);
  trib_result_batch_append_row (batch, row, lengths);
  trib_result_model_append_batch (model, batch);

  return trib_result_model_dup_pretty (model, 0, 0);
}

static void
test_pretty_json (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) keys = g_string_new ("{");
  g_autofree char *pretty = NULL;
  const char *numbers = "{\"a\":0.1,\"b\":12345678901234567890,\"c\":1e400,\"d\":[],\"e\":{ },\"f\":\"x\\\"[\"}";

  /* The value's own numbers, not json-glib's doubles and integers. */
  pretty = dup_pretty_json (numbers, strlen (numbers));
  g_assert_cmpstr (pretty, ==, "{\n  \"a\" : 0.1,\n  \"b\" : 12345678901234567890,\n  \"c\" : 1e400,\n"
                               "  \"d\" : [],\n  \"e\" : {},\n  \"f\" : \"x\\\"[\"\n}");
  g_clear_pointer (&pretty, g_free);

  /* json-glib would overflow its stack: shown as it is. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "[{\"a\":");
  g_string_append (deep, "1");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "}]");
  pretty = dup_pretty_json (deep->str, deep->len);
  g_assert_cmpstr (pretty, ==, deep->str);
  g_clear_pointer (&pretty, g_free);

  /* A json value may have a key twice, which json-glib would take
   * quadratic time to drop: shown as it is.
   */
  for (guint i = 0; i < 100000; i++)
    g_string_append (keys, "\"a\":1,");
  g_string_append (keys, "\"a\":1}");
  pretty = dup_pretty_json (keys->str, keys->len);
  g_assert_cmpstr (pretty, ==, keys->str);
  g_clear_pointer (&pretty, g_free);

  /* Half a surrogate pair is one replacement character; bytes that are
   * not UTF-8 are not given to a label.
   */
  pretty = dup_pretty_json ("[\"a\\ud800b\"]", 12);
  g_assert_cmpstr (pretty, ==, "[\n  \"a\\ufffdb\"\n]");
  g_clear_pointer (&pretty, g_free);
  pretty = dup_pretty_json ("[\"a\xff\"]", 6);
  g_assert_cmpstr (pretty, ==, "[\"a\xef\xbf\xbd\"]");
  g_clear_pointer (&pretty, g_free);
  pretty = dup_pretty_json ("not JSON", 8);
  g_assert_cmpstr (pretty, ==, "not JSON");
}

static void
test_memory (void)
{
  g_autoptr(TribResultModel) model = make_model (0, 0);
  gsize empty = trib_result_model_get_memory_size (model);
  gsize payload = 0;
  gsize size;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(TribResultBatch) batch = make_batch (i * 5000, 5000);

      trib_result_model_append_batch (model, batch);
    }
  for (guint i = 0; i < 100000; i++)
    for (guint column = 0; column < 4; column++)
      {
        gsize length = 0;

        trib_result_model_get_value (model, i, column, &length);
        payload += length;
      }

  /* The values themselves, a NUL and a 16-bit offset each, a 32-bit
   * one per block of 64 rows, and little else: no object or allocation
   * per cell.
   */
  size = trib_result_model_get_memory_size (model) - empty;
  g_assert_cmpuint (size, >=, payload);
  g_assert_cmpuint (size, <=, payload + 100000 * 4 * (1 + sizeof (guint16)) + 100000 * 4 / 64 * sizeof (guint32) +
                              64 * 1024);

  /* A sort adds its order, one index per row. */
  trib_result_model_sort (model, 0, TRUE);
  g_assert_cmpuint (trib_result_model_get_memory_size (model) - empty, ==, size + 100000 * sizeof (guint32));
}

static void
test_small_batches_are_small (void)
{
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (8, 8192);
  const char *values[8] = { "1", "2", "3", "4", "5", "6", "7", "8" };
  gsize reserved;

  trib_result_batch_append_row (batch, values, NULL);
  reserved = trib_result_batch_get_memory_size (batch);
  trib_result_batch_seal (batch);

  /* A slow query sends batches of a row or two; each must not keep
   * what a full batch would reserve.
   */
  g_assert_cmpuint (trib_result_batch_get_memory_size (batch), <, 512);
  g_assert_cmpuint (reserved, >, 8192 * 8 * 4);

  /* A sealed batch is read as before. */
  g_assert_cmpstr (trib_result_batch_get_value (batch, 0, 7, NULL), ==, "8");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

static void
test_deferred (void)
{
  g_autoptr(TribResultModel) model = make_model (1, 10);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(TribResultSnapshot) snapshot = NULL;
  guint n_notified = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), changes);
  g_signal_connect (model, "notify::n-pending", G_CALLBACK (count_notify), &n_notified);

  /* A sorted result, then rows that wait for the view. */
  trib_result_model_sort (model, 0, TRUE);
  g_array_set_size (changes, 0);
  trib_result_model_set_deferred (model, TRUE);
  g_assert_true (trib_result_model_get_deferred (model));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TribResultBatch) batch = make_batch (10 + i * 1000, 1000);

      trib_result_model_append_batch (model, batch);
    }
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (n_notified, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_cmpuint (trib_result_model_get_n_pending (model), ==, 3000);

  /* Exported, they are rows of the result all the same, after the
   * sorted ones.
   */
  snapshot = trib_result_model_snapshot (model);
  g_assert_cmpuint (trib_result_snapshot_get_n_rows (snapshot), ==, 3010);
  g_assert_cmpstr (trib_result_snapshot_get_value (snapshot, 0, 0, NULL), ==, "9");
  g_assert_cmpstr (trib_result_snapshot_get_value (snapshot, 10, 0, NULL), ==, "10");
  g_assert_cmpstr (trib_result_snapshot_get_value (snapshot, 3009, 0, NULL), ==, "3009");

  /* Listed in one change each time, as many as asked, across batches. */
  g_assert_cmpuint (trib_result_model_flush (model, 1500), ==, 1500);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 10);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 1500);
  g_assert_cmpuint (trib_result_model_get_n_pending (model), ==, 1500);
  g_assert_cmpuint (n_notified, ==, 4);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "9");
  g_assert_cmpstr (trib_result_model_get_value (model, 1509, 0, NULL), ==, "1509");

  /* Undeferred, the rest come at once, and new rows as they arrive. */
  trib_result_model_set_deferred (model, FALSE);
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 1510);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, 1500);
  g_assert_cmpuint (trib_result_model_get_n_pending (model), ==, 0);
  g_assert_cmpuint (trib_result_model_flush (model, G_MAXUINT), ==, 0);
  {
    g_autoptr(TribResultBatch) batch = make_batch (3010, 5);

    trib_result_model_append_batch (model, batch);
  }
  g_assert_cmpuint (changes->len, ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3015);
  for (guint i = 10; i < 3015; i++)
    g_assert_cmpuint (atoi (trib_result_model_get_value (model, i, 0, NULL)), ==, i);
}

/* A preview's text rows: copied, typed by their words, NULL kept. */
static void
test_text_rows (void)
{
  const char *text_names[] = { "id", "when", "price", "note" };
  const char *types[] = { "long", "date-time", "double", "string" };
  const char *row0[] = { "1", "2026-10-01T00:00:00Z", "9.50", NULL };
  const char *row1[] = { "2", "2026-10-02T00:00:00Z", "10.00", "" };
  const char * const *rows[] = { row0, row1 };
  g_autoptr(TribResultModel) model = NULL;
  g_autoptr(TribResultModel) untyped = NULL;
  gsize length = 0;

  model = trib_result_model_new_from_text_rows (4, text_names, types, 2, rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, 4);
  g_assert_cmpstr (trib_result_model_get_column_name (model, 1), ==, "when");
  g_assert_cmpstr (trib_result_model_get_column_type_name (model, 1), ==, "date-time");
  g_assert_cmpint (trib_result_model_get_column_kind (model, 0), ==, TRIB_COLUMN_KIND_INTEGER);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 1), ==, TRIB_COLUMN_KIND_TIMESTAMP);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 2), ==, TRIB_COLUMN_KIND_FLOAT);
  g_assert_cmpint (trib_result_model_get_column_kind (model, 3), ==, TRIB_COLUMN_KIND_TEXT);
  g_assert_cmpstr (trib_result_model_get_value (model, 1, 2, &length), ==, "10.00");
  g_assert_cmpuint (length, ==, 5);
  g_assert_null (trib_result_model_get_value (model, 0, 3, NULL));
  g_assert_cmpstr (trib_result_model_get_value (model, 1, 3, NULL), ==, "");
  g_assert_null (trib_result_model_get_column_type_name (model, 4));

  /* Sorting goes by the kind: 9.50 before 10.00, as numbers. */
  trib_result_model_sort (model, 2, TRUE);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 2, NULL), ==, "10.00");

  untyped = trib_result_model_new_from_text_rows (4, text_names, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (untyped)), ==, 0);
  g_assert_null (trib_result_model_get_column_type_name (untyped, 0));
  g_assert_finalize_object (g_steal_pointer (&untyped));
  g_assert_finalize_object (g_steal_pointer (&model));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/result-model/batches", test_batches);
  g_test_add_func ("/tributary/result-model/text-rows", test_text_rows);
  g_test_add_func ("/tributary/result-model/null-and-empty", test_null_and_empty);
  g_test_add_func ("/tributary/result-model/binary-lengths", test_binary_lengths);
  g_test_add_func ("/tributary/result-model/layout", test_layout);
  g_test_add_func ("/tributary/result-model/take-rows", test_take_rows);
  g_test_add_func ("/tributary/result-model/column-kinds", test_column_kinds);
  g_test_add_func ("/tributary/result-model/sort", test_sort);
  g_test_add_func ("/tributary/result-model/sort-async", test_sort_async);
  g_test_add_func ("/tributary/result-model/tsv", test_tsv);
  g_test_add_func ("/tributary/result-model/compact", test_compact);
  g_test_add_func ("/tributary/result-model/pretty-json", test_pretty_json);
  g_test_add_func ("/tributary/result-model/memory", test_memory);
  g_test_add_func ("/tributary/result-model/small-batches", test_small_batches_are_small);
  g_test_add_func ("/tributary/result-model/deferred", test_deferred);

  return g_test_run ();
}
