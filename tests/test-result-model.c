/* test-result-model.c
 *
 * TribResultModel and its batches: appending, column kinds, NULL against
 * empty, sorting, memory accounting and deferred notifications. The
 * batches' layout is tested in test-result-batch.c, copying in
 * test-result-text.c.
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
  g_test_add_func ("/tributary/result-model/column-kinds", test_column_kinds);
  g_test_add_func ("/tributary/result-model/sort", test_sort);
  g_test_add_func ("/tributary/result-model/sort-async", test_sort_async);
  g_test_add_func ("/tributary/result-model/memory", test_memory);
  g_test_add_func ("/tributary/result-model/small-batches", test_small_batches_are_small);
  g_test_add_func ("/tributary/result-model/deferred", test_deferred);

  return g_test_run ();
}
