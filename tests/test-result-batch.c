/* test-result-batch.c
 *
 * TribResultBatch's layout: values intact whatever it does with them, and
 * rows taken out of a batch a worker writes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-result-row.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/result-batch/layout", test_layout);
  g_test_add_func ("/tributary/result-batch/take-rows", test_take_rows);

  return g_test_run ();
}
