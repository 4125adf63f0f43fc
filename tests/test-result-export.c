/* test-result-export.c
 *
 * Exports of a result to CSV (as psql --csv writes it) and JSON Lines,
 * written whole or not at all.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "trib-result-export.h"

typedef struct
{
  char *dir;
  TribResultModel *model;
} Fixture;

static const char * const names[] = { "id", "note", "ok", "amount", "web" };
static const guint32 oids[] = { 23, 25, 16, 1700, 3802 };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *rows[][5] = {
    { "1", "plain", "t", "12.50", "{\"a\": 1}" },
    { "2", "a, comma", "f", NULL, "{\"b\": [1,\n 2]}" },
    { "3", "say \"hi\"", NULL, "NaN", NULL },
    { "4", "two\nlines", "t", "-0.5e3", "[]" },
    { "5", "", "f", "7", "\"text\"" },
    { "6", NULL, "t", "8", "{}" },
    { "7", "\\.", "t", "9", "{}" },
    { "8", "carriage\rreturn", "t", "10", "{}" },
  };
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (G_N_ELEMENTS (names), G_N_ELEMENTS (rows));

  fixture->dir = g_dir_make_tmp ("trib-export-XXXXXX", NULL);
  fixture->model = trib_result_model_new ();
  trib_result_model_set_columns (fixture->model, G_N_ELEMENTS (names), names, oids);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    trib_result_batch_append_row (batch, rows[i], NULL);
  trib_result_model_append_batch (fixture->model, batch);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->model);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  guint64 rows;
  GError *error;
  guint progress_calls;
  gboolean progress_after_done;
} Outcome;

static void
progress_cb (guint64  rows_written,
             guint64  total_rows,
             gpointer user_data)
{
  Outcome *outcome = user_data;

  g_assert_cmpuint (rows_written, <=, total_rows);
  outcome->progress_calls++;
  if (outcome->done)
    outcome->progress_after_done = TRUE;
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = trib_result_export_finish (result, &outcome->rows, &outcome->error);
  outcome->done = TRUE;
}

static void
export (TribResultModel  *model,
        const char       *path,
        TribExportFormat  format,
        GCancellable     *cancellable,
        Outcome          *outcome)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  trib_result_export_async (model, file, format, cancellable, progress_cb, outcome, NULL, export_cb, outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);

  /* Any tick still queued would come now. */
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (50000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_false (outcome->progress_after_done);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  Outcome outcome = { 0 };

  export (fixture->model, path, TRIB_EXPORT_FORMAT_CSV, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpuint (outcome.rows, ==, 8);

  /* psql --csv's rules: quote only what needs it, double the quotes,
   * NULL and empty both as nothing, \. quoted.
   */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "id,note,ok,amount,web\n"
                   "1,plain,t,12.50,\"{\"\"a\"\": 1}\"\n"
                   "2,\"a, comma\",f,,\"{\"\"b\"\": [1,\n 2]}\"\n"
                   "3,\"say \"\"hi\"\"\",,NaN,\n"
                   "4,\"two\nlines\",t,-0.5e3,[]\n"
                   "5,,f,7,\"\"\"text\"\"\"\n"
                   "6,,t,8,{}\n"
                   "7,\"\\.\",t,9,{}\n"
                   "8,\"carriage\rreturn\",t,10,{}\n");
  /* Nothing left beside it. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

static void
test_json_lines (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Outcome outcome = { 0 };

  export (fixture->model, path, TRIB_EXPORT_FORMAT_JSON_LINES, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  g_assert_cmpstr (lines[8], ==, "");

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *object;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpuint (json_object_get_size (object), ==, 5);
      g_assert_cmpint (json_object_get_int_member (object, "id"), ==, i + 1);
    }

  /* Typed values: numbers, booleans, documents, null; NaN stays text. */
  g_assert_cmpstr (lines[0], ==, "{\"id\":1,\"note\":\"plain\",\"ok\":true,\"amount\":12.50,\"web\":{\"a\": 1}}");
  g_assert_cmpstr (lines[1], ==, "{\"id\":2,\"note\":\"a, comma\",\"ok\":false,\"amount\":null,\"web\":{\"b\": [1,  2]}}");
  g_assert_cmpstr (lines[2], ==, "{\"id\":3,\"note\":\"say \\\"hi\\\"\",\"ok\":null,\"amount\":\"NaN\",\"web\":null}");
  g_assert_cmpstr (lines[3], ==, "{\"id\":4,\"note\":\"two\\nlines\",\"ok\":true,\"amount\":-0.5e3,\"web\":[]}");
  g_assert_cmpstr (lines[4], ==, "{\"id\":5,\"note\":\"\",\"ok\":false,\"amount\":7,\"web\":\"text\"}");
  g_assert_cmpstr (lines[5], ==, "{\"id\":6,\"note\":null,\"ok\":true,\"amount\":8,\"web\":{}}");
}

static void
test_sorted_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sorted.csv", NULL);
  g_autofree char *contents = NULL;
  Outcome outcome = { 0 };

  trib_result_model_sort (fixture->model, 0, TRUE);
  export (fixture->model, path, TRIB_EXPORT_FORMAT_CSV, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,note,ok,amount,web\n8,"));
  g_assert_true (g_str_has_suffix (contents, "\n1,plain,t,12.50,\"{\"\"a\"\": 1}\"\n"));
}

static void
test_never_half_a_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "existing.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome cancelled = { 0 };
  Outcome failed = { 0 };

  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));

  /* A cancelled export leaves the old file as it was, and no partial one. */
  g_cancellable_cancel (cancellable);
  export (fixture->model, path, TRIB_EXPORT_FORMAT_CSV, cancellable, &cancelled);
  g_assert_false (cancelled.ok);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  /* A folder that is not there is a clear error. */
  export (fixture->model, missing, TRIB_EXPORT_FORMAT_CSV, NULL, &failed);
  g_assert_false (failed.ok);
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_clear_error (&cancelled.error);
  g_clear_error (&failed.error);
}

static void
test_large_with_progress (void)
{
  const char * const columns[] = { "n", "payload" };
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autofree char *dir = g_dir_make_tmp ("trib-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autofree char *payload = g_strnfill (400, 'x');
  g_autofree char *contents = NULL;
  g_autofree char *last_line = NULL;
  Outcome outcome = { 0 };
  gsize length;

  trib_result_model_set_columns (model, 2, columns, NULL);
  for (guint b = 0; b < 50; b++)
    {
      g_autoptr(TribResultBatch) batch = trib_result_batch_new (2, 8192);

      for (guint i = 0; i < 8192; i++)
        {
          g_autofree char *n = g_strdup_printf ("%u", b * 8192 + i);
          const char *row[] = { n, payload };

          trib_result_batch_append_row (batch, row, NULL);
        }
      trib_result_model_append_batch (model, batch);
    }

  export (model, path, TRIB_EXPORT_FORMAT_CSV, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.rows, ==, 50 * 8192);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  last_line = g_strdup_printf ("\n409599,%s\n", payload);
  g_assert_true (g_str_has_suffix (contents, last_line));
  g_assert_cmpuint (length, >, 50 * 8192 * 400);
  g_test_message ("%u progress reports", outcome.progress_calls);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tributary/result-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/tributary/result-export/json-lines", Fixture, NULL, fixture_set_up, test_json_lines, fixture_tear_down);
  g_test_add ("/tributary/result-export/sorted-order", Fixture, NULL, fixture_set_up, test_sorted_order,
              fixture_tear_down);
  g_test_add ("/tributary/result-export/never-half-a-file", Fixture, NULL, fixture_set_up, test_never_half_a_file,
              fixture_tear_down);
  g_test_add_func ("/tributary/result-export/large-with-progress", test_large_with_progress);

  return g_test_run ();
}
