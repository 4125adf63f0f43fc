/* test-query-history.c
 *
 * The query history: newest first, kept on disk as JSON Lines across
 * restarts, without what it must not keep.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-distiller-error.h"
#include "trib-distiller-run-private.h"
#include "trib-query-history.h"

typedef struct
{
  char *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("trib-history-XXXXXX", NULL);
  /* A folder that is not there yet: the history makes it. */
  path = g_build_filename (fixture->dir, "tributary", "query-history.jsonl", NULL);
  fixture->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *parent = g_build_filename (fixture->dir, "tributary", NULL);

  g_file_delete (fixture->file, NULL, NULL);
  g_rmdir (parent);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static TribQueryHistoryEntry *
entry_for (const char            *sql,
           TribDistillerRunState  state,
           guint                  n_rows)
{
  g_autoptr(TribDistillerRun) run = trib_distiller_run_new (sql, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  trib_distiller_run_set_state (run, TRIB_DISTILLER_RUN_RUNNING);
  if (n_rows > 0)
    {
      const char * const names[] = { "n" };
      const guint32 types[] = { 23 };
      g_autoptr(TribResultBatch) batch = trib_result_batch_new (1, n_rows);

      trib_distiller_run_set_columns (run, 1, names, types);
      for (guint i = 0; i < n_rows; i++)
        trib_result_batch_append_row (batch, (const char *[]) { "1" }, NULL);
      trib_distiller_run_add_batch (run, batch);
    }
  if (state == TRIB_DISTILLER_RUN_FAILED)
    error = g_error_new_literal (TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_SQL, "relation \"nope\" does not exist");
  trib_distiller_run_finish (run, state, state == TRIB_DISTILLER_RUN_DONE ? "SELECT 3" : NULL, error);

  return trib_query_history_entry_new_for_run (run, "prod", "prod:all");
}

static void
add (TribQueryHistory      *history,
     TribQueryHistoryEntry *entry)
{
  trib_query_history_add (history, entry);
  g_object_unref (entry);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *loaded = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_query_history_load_finish (TRIB_QUERY_HISTORY (object), result, &error));
  g_assert_no_error (error);
  *loaded = TRUE;
}

static TribQueryHistory *
load (GFile *file)
{
  TribQueryHistory *history = trib_query_history_new (file);
  gboolean loaded = FALSE;

  trib_query_history_load_async (history, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  return history;
}

static TribQueryHistoryEntry *
nth (TribQueryHistory *history,
     guint             position)
{
  static TribQueryHistoryEntry *entry;

  /* The list keeps its own reference; this one is for the caller's view. */
  g_clear_object (&entry);
  entry = g_list_model_get_item (G_LIST_MODEL (history), position);
  g_assert_nonnull (entry);

  return entry;
}

static void
test_kept_across_restarts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TribQueryHistory) history = load (fixture->file);
  g_autoptr(TribQueryHistory) reloaded = NULL;
  TribQueryHistoryEntry *entry;

  /* Nothing on disk yet is an empty history, not an error. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  add (history, entry_for ("SELECT * FROM luma_web_events LIMIT 3", TRIB_DISTILLER_RUN_DONE, 3));
  add (history, entry_for ("SELECT * FROM nope", TRIB_DISTILLER_RUN_FAILED, 0));
  add (history, entry_for ("SELECT pg_sleep(30)", TRIB_DISTILLER_RUN_CANCELLED, 0));

  /* Newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
  g_assert_cmpstr (trib_query_history_entry_get_sql (nth (history, 0)), ==, "SELECT pg_sleep(30)");
  trib_query_history_flush (history);

  reloaded = load (fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);

  entry = nth (reloaded, 0);
  g_assert_cmpstr (trib_query_history_entry_get_outcome (entry), ==, "cancelled");

  entry = nth (reloaded, 1);
  g_assert_cmpstr (trib_query_history_entry_get_sql (entry), ==, "SELECT * FROM nope");
  g_assert_cmpstr (trib_query_history_entry_get_outcome (entry), ==, "failed");
  g_assert_cmpstr (trib_query_history_entry_get_message (entry), ==, "relation \"nope\" does not exist");

  entry = nth (reloaded, 2);
  g_assert_cmpstr (trib_query_history_entry_get_outcome (entry), ==, "done");
  g_assert_cmpstr (trib_query_history_entry_get_sandbox (entry), ==, "prod");
  g_assert_cmpstr (trib_query_history_entry_get_database (entry), ==, "prod:all");
  g_assert_cmpuint (trib_query_history_entry_get_n_rows (entry), ==, 3);
  g_assert_cmpstr (trib_query_history_entry_get_message (entry), ==, "SELECT 3");
  g_assert_nonnull (trib_query_history_entry_get_started (entry));
  g_assert_cmpint (trib_query_history_entry_get_duration_ms (entry), >=, 0);
}

static void
test_what_the_file_holds (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const allowed[] = { "sql", "sandbox", "database", "started", "duration_ms", "rows",
                                          "outcome", "message", NULL };
  g_autoptr(TribQueryHistory) history = load (fixture->file);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  add (history, entry_for ("SELECT 1", TRIB_DISTILLER_RUN_DONE, 1));
  add (history, entry_for ("SELECT 2", TRIB_DISTILLER_RUN_DONE, 1));
  trib_query_history_flush (history);

  /* One JSON object a line, oldest first, and only what a statement was:
   * no connection parameters, no token.
   */
  g_assert_true (g_file_load_contents (fixture->file, NULL, &contents, NULL, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GList) members = NULL;
      JsonObject *object;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        g_assert_true (g_strv_contains (allowed, l->data));
      g_assert_cmpstr (json_object_get_string_member (object, "sql"), ==, i == 0 ? "SELECT 1" : "SELECT 2");
    }

  /* Readable by its owner only. */
  info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0077, ==, 0);
}

static void
test_damaged_lines_skipped (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TribQueryHistory) history = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (fixture->file);
  static const char contents[] =
    "{\"sql\": \"SELECT 'old'\", \"started\": \"2026-11-01T10:00:00Z\", \"outcome\": \"done\"}\n"
    "{\"sql\": \"SELECT 'cut sh\n"
    "not json at all\n"
    "{\"started\": \"2026-11-01T10:01:00Z\"}\n"
    "{\"sql\": \"SELECT 'new'\", \"started\": \"2026-11-02T10:00:00Z\", \"rows\": 1}\n";

  /* An interrupted write loses its own line, not the history. */
  g_assert_true (g_file_make_directory_with_parents (parent, NULL, NULL));
  g_assert_true (g_file_replace_contents (fixture->file, contents, strlen (contents), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  history = load (fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  g_assert_cmpstr (trib_query_history_entry_get_sql (nth (history, 0)), ==, "SELECT 'new'");
  g_assert_cmpstr (trib_query_history_entry_get_sql (nth (history, 1)), ==, "SELECT 'old'");
}

static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TribQueryHistory) history = load (fixture->file);
  g_autoptr(TribQueryHistory) reloaded = NULL;

  for (guint i = 0; i < 2100; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %u", i);

      add (history, entry_for (sql, TRIB_DISTILLER_RUN_DONE, 0));
    }
  trib_query_history_flush (history);

  /* The newest 2,000 are kept, in memory and when read back. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2000);
  g_assert_cmpstr (trib_query_history_entry_get_sql (nth (history, 0)), ==, "SELECT 2099");
  reloaded = load (fixture->file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2000);
  g_assert_cmpstr (trib_query_history_entry_get_sql (nth (reloaded, 1999)), ==, "SELECT 100");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tributary/query-history/kept-across-restarts", Fixture, NULL, fixture_set_up,
              test_kept_across_restarts, fixture_tear_down);
  g_test_add ("/tributary/query-history/what-the-file-holds", Fixture, NULL, fixture_set_up,
              test_what_the_file_holds, fixture_tear_down);
  g_test_add ("/tributary/query-history/damaged-lines-skipped", Fixture, NULL, fixture_set_up,
              test_damaged_lines_skipped, fixture_tear_down);
  g_test_add ("/tributary/query-history/bounded", Fixture, NULL, fixture_set_up, test_bounded,
              fixture_tear_down);

  return g_test_run ();
}
