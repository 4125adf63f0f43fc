/* test-script-run.c
 *
 * TribScriptRun, what Run and Run Script do below the widgets: split,
 * run against the real PostgreSQL of test-distiller.c, stop at the
 * first failure and say where in the text it is, cancel, and record
 * the history.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-distiller-error.h"
#include "trib-error.h"
#include "trib-script-run.h"
#include "trib-sql-splitter.h"
#include "trib-test-distiller.h"

static TribTestDistiller *env;

/* What the UI would see of a script run. */
typedef struct
{
  GArray *states;               /* TribScriptRunState, as notified */
  GArray *finished_statements;  /* guint, in the order they finished */
  guint n_finished;
  guint n_error_notifies;
} Watch;

static void
state_cb (TribScriptRun *run,
          GParamSpec    *pspec,
          Watch         *watch)
{
  TribScriptRunState state = trib_script_run_get_state (run);

  g_array_append_val (watch->states, state);
}

static void
statement_finished_cb (TribScriptRun *run,
                       guint          index,
                       Watch         *watch)
{
  /* Each statement's run has finished by the time it says so. */
  g_assert_true (trib_distiller_run_get_finished (trib_script_run_get_run (run, index)));
  g_array_append_val (watch->finished_statements, index);
}

static void
finished_cb (TribScriptRun *run,
             Watch         *watch)
{
  g_assert_cmpint (trib_script_run_get_state (run), >=, TRIB_SCRIPT_RUN_DONE);
  watch->n_finished++;
}

static void
error_index_cb (TribScriptRun *run,
                GParamSpec    *pspec,
                Watch         *watch)
{
  /* The offset and the error are there when the index says so. */
  g_assert_nonnull (trib_script_run_get_error (run));
  watch->n_error_notifies++;
}

static void
watch_init (Watch         *watch,
            TribScriptRun *run)
{
  watch->states = g_array_new (FALSE, FALSE, sizeof (TribScriptRunState));
  watch->finished_statements = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (run, "notify::state", G_CALLBACK (state_cb), watch);
  g_signal_connect (run, "statement-finished", G_CALLBACK (statement_finished_cb), watch);
  g_signal_connect (run, "finished", G_CALLBACK (finished_cb), watch);
  g_signal_connect (run, "notify::error-index", G_CALLBACK (error_index_cb), watch);
}

static void
watch_clear (Watch *watch)
{
  g_clear_pointer (&watch->states, g_array_unref);
  g_clear_pointer (&watch->finished_statements, g_array_unref);
}

static gboolean
script_is_over (gpointer run)
{
  return trib_script_run_get_state (run) >= TRIB_SCRIPT_RUN_DONE;
}

static void
wait_for_script (TribScriptRun *run)
{
  trib_test_iterate_while_not (script_is_over, run);
}

static TribDistillerRunState
state_at (TribScriptRun *run,
          guint          index)
{
  return trib_distiller_run_get_state (trib_script_run_get_run (run, index));
}

static void
test_new_destroy (void)
{
  TribScriptRun *run = trib_script_run_new ("SELECT 1; SELECT 2", TRUE);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_READY);
  g_assert_true (trib_script_run_get_stop_on_error (run));
  g_assert_cmpuint (trib_script_run_get_n_statements (run), ==, 2);
  g_assert_null (trib_script_run_get_runs (run));
  g_assert_null (trib_script_run_get_run (run, 0));
  g_assert_null (trib_script_run_get_error (run));
  g_assert_cmpint (trib_script_run_get_error_index (run), ==, -1);
  g_assert_cmpint (trib_script_run_get_error_offset (run), ==, -1);
  /* Cancelling what has not started does nothing. */
  trib_script_run_cancel (run);

  g_assert_finalize_object (run);
}

/* Where each statement starts is counted in characters, as the editor
 * counts, not in bytes.
 */
static void
test_split (void)
{
  g_autoptr(TribScriptRun) run = trib_script_run_new ("SELECT 'é';\n  -- a comment\n  SELECT 2;\n", FALSE);
  g_autoptr(TribScriptRun) broken = trib_script_run_new ("SELECT 'é';\nSELECT 'ö", TRUE);
  g_autoptr(TribScriptRun) empty = trib_script_run_new ("  -- nothing\n;", TRUE);
  g_autoptr(TribScriptRun) none = trib_script_run_new_for_statement (NULL, 0);
  g_autoptr(TribScriptRun) one = trib_script_run_new_for_statement ("SELECT 3", 42);
  g_autoptr(GError) error = NULL;
  const char *text = "SELECT 'é';\n  -- a comment\n  SELECT 2;\n";

  g_assert_true (trib_script_run_check (run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trib_script_run_get_n_statements (run), ==, 2);
  g_assert_cmpstr (trib_script_run_get_statement (run, 0), ==, "SELECT 'é'");
  g_assert_cmpint (trib_script_run_get_statement_offset (run, 0), ==, 0);
  g_assert_cmpstr (trib_script_run_get_statement (run, 1), ==, "SELECT 2");
  g_assert_cmpint (trib_script_run_get_statement_offset (run, 1), ==,
                   g_utf8_pointer_to_offset (text, strstr (text, "SELECT 2")));

  /* A script that cannot be split has failed before it starts, and says
   * where: the quote that is never closed.
   */
  g_assert_cmpint (trib_script_run_get_state (broken), ==, TRIB_SCRIPT_RUN_FAILED);
  g_assert_error ((GError *) trib_script_run_get_error (broken), TRIB_SQL_SPLITTER_ERROR,
                  TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
  g_assert_cmpint (trib_script_run_get_error_offset (broken), ==, 19);
  g_assert_cmpint (trib_script_run_get_error_index (broken), ==, -1);
  g_assert_false (trib_script_run_check (broken, &error));
  g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
  g_clear_error (&error);

  g_assert_false (trib_script_run_check (empty, &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (trib_script_run_check (none, &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (trib_script_run_check (one, NULL));
  g_assert_false (trib_script_run_get_stop_on_error (one));
  g_assert_cmpint (trib_script_run_get_statement_offset (one, 0), ==, 42);
}

/* Three statements, the second fails: the third never reaches the
 * server, and the error points into the script where the server says,
 * past a character of two bytes.
 */
static void
test_stops_at_failure (void)
{
  static const char script[] =
    "SELECT 'é' AS first;\n"
    "-- the second one fails\n"
    "SELECT eventtype FROM luma_web_events WHER 1 = 1;\n"
    "CREATE TABLE trib_script_not_created (x int);\n";
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribScriptRun) run = trib_script_run_new (script, TRUE);
  Watch watch = { 0 };
  const GError *error;
  int expected_offset = g_utf8_pointer_to_offset (script, strstr (script, "WHER 1") + strlen ("WHER "));

  watch_init (&watch, run);
  g_assert_true (trib_script_run_check (run, NULL));
  trib_script_run_start (run, session);
  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_RUNNING);
  g_assert_cmpuint (trib_script_run_get_runs (run)->len, ==, 3);
  wait_for_script (run);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_FAILED);
  g_assert_cmpint (state_at (run, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (run, 1), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (state_at (run, 2), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_null (trib_distiller_run_get_started (trib_script_run_get_run (run, 2)));

  /* The result of each statement. */
  g_assert_cmpstr (trib_test_first_value (trib_script_run_get_run (run, 0)), ==, "é");
  g_assert_cmpstr (trib_distiller_run_get_command_status (trib_script_run_get_run (run, 0)), ==, "SELECT 1");

  /* The error, and where it is in the script. */
  error = trib_script_run_get_error (run);
  g_assert_error ((GError *) error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_SQL);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (error), ==, "42601");
  g_assert_cmpint (trib_script_run_get_error_index (run), ==, 1);
  g_assert_cmpint (trib_script_run_get_error_offset (run), ==, expected_offset);
  g_assert_cmpint (trib_script_run_get_error_offset (run), ==,
                   trib_script_run_get_statement_offset (run, 1) +
                   (int) trib_distiller_error_get_position (error) - 1);

  /* What the UI saw: running, then failed; each statement once, in
   * order; the end once.
   */
  g_assert_cmpuint (watch.states->len, ==, 2);
  g_assert_cmpint (g_array_index (watch.states, TribScriptRunState, 0), ==, TRIB_SCRIPT_RUN_RUNNING);
  g_assert_cmpint (g_array_index (watch.states, TribScriptRunState, 1), ==, TRIB_SCRIPT_RUN_FAILED);
  g_assert_cmpuint (watch.finished_statements->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (g_array_index (watch.finished_statements, guint, i), ==, i);
  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (watch.n_error_notifies, ==, 1);

  g_assert_false (trib_test_table_exists (session, "trib_script_not_created"));
  watch_clear (&watch);
}

/* Asked to go on, a script runs every statement; the error shown is the
 * first in the text, and a server error without a position points
 * nowhere.
 */
static void
test_continues_on_error (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribScriptRun) run = trib_script_run_new ("SELECT 1/0;\nSELECT 2;\nSELEC 3;", FALSE);

  trib_script_run_start (run, session);
  wait_for_script (run);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_FAILED);
  g_assert_cmpint (state_at (run, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (state_at (run, 1), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (run, 2), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (trib_script_run_get_error_index (run), ==, 0);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (trib_script_run_get_error (run)), ==, "22012");
  g_assert_cmpint (trib_script_run_get_error_offset (run), ==, -1);
}

static gboolean
second_is_running (gpointer run)
{
  return state_at (run, 1) == TRIB_DISTILLER_RUN_RUNNING;
}

/* Cancelled in the middle, a script reads cancelled, not failed, and
 * what came after the cancelled statement never ran.
 */
static void
test_cancelled (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribScriptRun) run = NULL;
  Watch watch = { 0 };
  gint64 started;

  run = trib_script_run_new ("SELECT 1;\nSELECT pg_sleep(30);\nCREATE TABLE trib_script_after_cancel (x int);", FALSE);
  watch_init (&watch, run);
  trib_script_run_start (run, session);
  trib_test_iterate_while_not (second_is_running, run);

  started = g_get_monotonic_time ();
  trib_script_run_cancel (run);
  wait_for_script (run);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_CANCELLED);
  g_assert_cmpint (state_at (run, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (run, 1), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (state_at (run, 2), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_null (trib_script_run_get_error (run));
  g_assert_cmpint (trib_script_run_get_error_index (run), ==, -1);
  g_assert_cmpint (trib_script_run_get_error_offset (run), ==, -1);
  g_assert_cmpuint (watch.finished_statements->len, ==, 3);
  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (watch.n_error_notifies, ==, 0);

  g_assert_false (trib_test_table_exists (session, "trib_script_after_cancel"));
  watch_clear (&watch);
}

/* Closing the session under a script (the tab closes, the sandbox
 * changes) cancels it too: the statement on the server reads
 * cancelled, not failed with the server's "canceling statement".
 */
static void
test_session_closed (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerSession) check = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribScriptRun) run = NULL;

  run = trib_script_run_new ("SELECT 1;\nSELECT pg_sleep(30);\nCREATE TABLE trib_script_after_close (x int);", TRUE);
  trib_script_run_start (run, session);
  trib_test_iterate_while_not (second_is_running, run);
  trib_distiller_session_close (session);
  wait_for_script (run);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_CANCELLED);
  g_assert_cmpint (state_at (run, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (run, 1), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (state_at (run, 2), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_null (trib_script_run_get_error (run));
  g_assert_false (trib_test_table_exists (check, "trib_script_after_close"));
}

/* A script started on a closed session ends at once, cancelled. */
static void
test_closed_before_start (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribScriptRun) run = trib_script_run_new ("SELECT 1; SELECT 2", TRUE);
  Watch watch = { 0 };

  watch_init (&watch, run);
  trib_distiller_session_close (session);
  trib_script_run_start (run, session);

  g_assert_cmpint (trib_script_run_get_state (run), ==, TRIB_SCRIPT_RUN_CANCELLED);
  g_assert_cmpuint (watch.finished_statements->len, ==, 2);
  g_assert_cmpuint (watch.n_finished, ==, 1);
  watch_clear (&watch);
}

/* Every statement that reached the server is recorded once, with the
 * sandbox and database it ran on; the one skipped is not. A script
 * dropped while it runs still records what it ran.
 */
static void
test_history (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, "prod:all");
  g_autofree char *dir = g_dir_make_tmp ("trib-script-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "query-history.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TribQueryHistory) history = trib_query_history_new (file);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(TribQueryHistoryEntry) failed = NULL;
  g_autoptr(TribQueryHistoryEntry) done = NULL;
  TribScriptRun *run = trib_script_run_new ("SELECT 1;\nSELECT 1/0;\nSELECT 3;", TRUE);

  trib_script_run_set_history (run, history, "prod");
  trib_script_run_start (run, session);
  runs = g_ptr_array_ref (trib_script_run_get_runs (run));
  g_object_add_weak_pointer (G_OBJECT (run), (gpointer *) &run);
  g_object_unref (run);
  g_assert_nonnull (run);

  trib_test_wait_runs (runs);
  /* It let itself go with its last statement. */
  g_assert_null (run);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  failed = g_list_model_get_item (G_LIST_MODEL (history), 0);
  done = g_list_model_get_item (G_LIST_MODEL (history), 1);

  g_assert_cmpstr (trib_query_history_entry_get_sql (failed), ==, "SELECT 1/0");
  g_assert_cmpstr (trib_query_history_entry_get_outcome (failed), ==, "failed");
  g_assert_cmpstr (trib_query_history_entry_get_sandbox (failed), ==, "prod");
  g_assert_cmpstr (trib_query_history_entry_get_database (failed), ==, "prod:all");
  g_assert_nonnull (strstr (trib_query_history_entry_get_message (failed), "division by zero"));

  g_assert_cmpstr (trib_query_history_entry_get_sql (done), ==, "SELECT 1");
  g_assert_cmpstr (trib_query_history_entry_get_outcome (done), ==, "done");
  g_assert_cmpuint (trib_query_history_entry_get_n_rows (done), ==, 1);
  g_assert_cmpstr (trib_query_history_entry_get_database (done), ==, "prod:all");

  trib_query_history_flush (history);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env = trib_test_distiller_start ();

  g_test_add_func ("/tributary/script-run/new-destroy", test_new_destroy);
  g_test_add_func ("/tributary/script-run/split", test_split);
  g_test_add_func ("/tributary/script-run/stops-at-failure", test_stops_at_failure);
  g_test_add_func ("/tributary/script-run/continues-on-error", test_continues_on_error);
  g_test_add_func ("/tributary/script-run/cancelled", test_cancelled);
  g_test_add_func ("/tributary/script-run/session-closed", test_session_closed);
  g_test_add_func ("/tributary/script-run/closed-before-start", test_closed_before_start);
  g_test_add_func ("/tributary/script-run/history", test_history);

  status = g_test_run ();

  g_clear_pointer (&env, trib_test_distiller_stop);

  return status;
}
