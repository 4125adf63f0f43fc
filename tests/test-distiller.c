/* test-distiller.c
 *
 * TribDistillerSession against a real PostgreSQL (TLS required) whose
 * connection parameters come from tributary-sim's Query Service, as
 * Data Distiller's come from the platform.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "trib-distiller-error.h"
#include "trib-distiller-session.h"
#include "trib-platform-error.h"
#include "trib-query-service.h"
#include "trib-result-export.h"
#include "trib-test-pg.h"
#include "trib-test-sim.h"

static TribTestPg *pg;
static TribTestSim *sim;
static TribPlatformClient *client;
static TribQueryService *query_service;

static void
iterate_until_finished (TribDistillerRun *run)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_distiller_run_get_finished (run))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static TribDistillerRun *
run_and_wait (TribDistillerSession *session,
              const char           *sql)
{
  TribDistillerRun *run = trib_distiller_session_run (session, sql);

  iterate_until_finished (run);

  return run;
}

static void
assert_done (TribDistillerRun *run)
{
  g_assert_no_error ((GError *) trib_distiller_run_get_error (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
}

static const char *
first_value (TribDistillerRun *run)
{
  TribResultModel *model = trib_distiller_run_get_model (run);

  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);

  return trib_result_model_get_value (model, 0, 0, NULL);
}

static char *
backend_pid (TribDistillerSession *session)
{
  g_autoptr(TribDistillerRun) run = run_and_wait (session, "SELECT pg_backend_pid()");

  assert_done (run);

  return g_strdup (first_value (run));
}

static void
test_connect_tls (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) ssl = NULL;
  g_autoptr(TribDistillerRun) database = NULL;

  /* The default database is the whole sandbox, and the link is TLS. */
  database = run_and_wait (session, "SELECT current_database()");
  assert_done (database);
  g_assert_cmpstr (first_value (database), ==, "prod:all");

  ssl = run_and_wait (session, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
  assert_done (ssl);
  g_assert_cmpstr (first_value (ssl), ==, "t");
}

static void
test_one_dataset (void)
{
  g_autoptr(TribDistillerSession) session = NULL;
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) other = NULL;

  session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), "prod:luma_web_events");
  run = run_and_wait (session, "SELECT current_database(), count(*) > 0 FROM luma_web_events");
  assert_done (run);
  g_assert_cmpstr (first_value (run), ==, "prod:luma_web_events");

  /* Only that dataset is there. */
  other = run_and_wait (session, "SELECT count(*) FROM luma_orders");
  g_assert_cmpint (trib_distiller_run_get_state (other), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (trib_distiller_run_get_error (other)), ==, "42P01");
}

/* The worker must never deliver on its own thread, even while the main
 * thread is busy elsewhere and the main context is free to acquire. */
static void
assert_on_main_thread (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    main_thread)
{
  g_assert_true (g_thread_self () == main_thread);
}

static void
test_delivered_on_main_thread (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) warm_up = run_and_wait (session, "SELECT 1");
  g_autoptr(TribDistillerRun) run = NULL;
  TribDistillerRunState queued_state;

  assert_done (warm_up);

  run = trib_distiller_session_run (session, "SELECT generate_series(1, 10)");
  queued_state = trib_distiller_run_get_state (run);
  g_signal_connect (run, "notify", G_CALLBACK (assert_on_main_thread), g_thread_self ());

  /* Long enough for the worker to have run the statement to its end. */
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_false (trib_distiller_run_get_finished (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, queued_state);

  iterate_until_finished (run);
  assert_done (run);
  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, 10);
}

/* The niceness in a /proc/…/stat. */
static int
stat_niceness (const char *stat_path)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (stat_path, &stat, NULL, NULL));
  /* After the name in parentheses: state is field 3, nice field 19. */
  fields = g_strsplit (strrchr (stat, ')') + 2, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >, 16);

  return atoi (fields[16]);
}

/* The niceness of the thread of ours named @comm; -100 when none is. */
static int
thread_niceness (const char *comm)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  g_assert_nonnull (dir);
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *name = NULL;

      if (g_file_get_contents (comm_path, &name, NULL, NULL) && g_str_equal (g_strchomp (name), comm))
        return stat_niceness (stat_path);
    }

  return -100;
}

/* The worker fetches at a lower priority than the main thread, which
 * shows the rows: on a busy machine, the window's frames come first.
 */
static void
test_worker_yields (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = run_and_wait (session, "SELECT 1");
  int main_niceness = stat_niceness ("/proc/self/stat");

  assert_done (run);
  g_assert_cmpint (thread_niceness ("trib-distiller"), ==, MIN (main_niceness + 10, 19));
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_stream_rows (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) count = NULL;
  g_autoptr(TribDistillerRun) run = NULL;
  TribResultModel *model = NULL;
  g_autofree char *tag = NULL;
  guint64 expected;
  guint changes = 0;

  count = run_and_wait (session, "SELECT count(*) FROM luma_web_events");
  assert_done (count);
  expected = g_ascii_strtoull (first_value (count), NULL, 10);
  g_assert_cmpuint (expected, >=, 100000);

  run = trib_distiller_session_run (session, "SELECT * FROM luma_web_events");
  while (!trib_distiller_run_get_finished (run))
    {
      if (model == NULL && (model = trib_distiller_run_get_model (run)) != NULL)
        g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);
      g_main_context_iteration (NULL, TRUE);
    }
  assert_done (run);

  model = trib_distiller_run_get_model (run);
  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  tag = g_strdup_printf ("SELECT %" G_GUINT64_FORMAT, expected);
  g_assert_cmpstr (trib_distiller_run_get_command_status (run), ==, tag);
  /* Rows arrived in several batches, not all at the end. */
  g_assert_cmpuint (changes, >, 1);
}

static gboolean
is_running (gpointer data)
{
  return trib_distiller_run_get_state (data) == TRIB_DISTILLER_RUN_RUNNING;
}

static void
iterate_while_not (gboolean (*predicate) (gpointer),
                   gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_cancel (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) sleep = NULL;
  g_autoptr(TribDistillerRun) queued = NULL;
  g_autofree char *pid_before = backend_pid (session);
  g_autofree char *pid_after = NULL;
  gint64 started;

  sleep = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  queued = trib_distiller_session_run (session, "SELECT 'never run'");
  iterate_while_not (is_running, sleep);

  started = g_get_monotonic_time ();
  trib_distiller_run_cancel (queued);
  g_assert_cmpint (trib_distiller_run_get_state (queued), ==, TRIB_DISTILLER_RUN_CANCELLED);
  trib_distiller_run_cancel (sleep);
  iterate_until_finished (sleep);
  g_assert_cmpint (trib_distiller_run_get_state (sleep), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

  /* The same connection goes on. */
  pid_after = backend_pid (session);
  g_assert_cmpstr (pid_before, ==, pid_after);
}

static gboolean
is_connecting (gpointer data)
{
  return trib_distiller_run_get_state (data) == TRIB_DISTILLER_RUN_CONNECTING;
}

/* A statement cancelled while its connection opens never goes out, even
 * once the connection is there.
 */
static void
test_cancel_while_connecting (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;

  run = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  iterate_while_not (is_connecting, run);
  trib_distiller_run_cancel (run);
  iterate_until_finished (run);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_null (trib_distiller_run_get_started (run));

  next = run_and_wait (session, "SELECT 1");
  assert_done (next);
}

/* Whether @pid has a SIGINT waiting, stopped as it is. */
static gboolean
sigint_pending (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "SigPnd:") || g_str_has_prefix (lines[i], "ShdPnd:"))
      {
        guint64 mask = g_ascii_strtoull (strchr (lines[i], ':') + 1, NULL, 16);

        if (mask & (G_GUINT64_CONSTANT (1) << (SIGINT - 1)))
          return TRUE;
      }

  return FALSE;
}

/* A cancel that overtakes its statement reaches a backend that waits for
 * one and drops it: the backend is held stopped until the statement and
 * the cancel are both on their way, and reads the cancel first when it
 * goes on. The cancel comes again and stops the statement.
 */
static void
test_cancel_overtaking (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autofree char *pid_text = backend_pid (session);
  int pid = atoi (pid_text);
  gint64 resumed;

  g_assert_cmpint (pid, >, 0);
  g_assert_no_errno (kill (pid, SIGSTOP));

  run = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  iterate_while_not (is_running, run);
  trib_distiller_run_cancel (run);
  /* The cancel travels on threads and processes of its own: nothing to
   * iterate for, only to look again.
   */
  for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; !sigint_pending (pid);)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 100);
    }

  resumed = g_get_monotonic_time ();
  g_assert_no_errno (kill (pid, SIGCONT));
  iterate_until_finished (run);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - resumed, <, 10 * G_USEC_PER_SEC);
}

static void
test_syntax_error (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  const GError *error;

  run = run_and_wait (session, "SELECT eventtype FROM luma_web_events WHER 1 = 1");
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_FAILED);
  error = trib_distiller_run_get_error (run);
  g_assert_error ((GError *) error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_SQL);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (error), ==, "42601");
  /* The server points at the 1 after WHER: character 44. */
  g_assert_cmpuint (trib_distiller_error_get_position (error), ==, 44);
  g_assert_nonnull (strstr (error->message, "syntax error"));

  next = run_and_wait (session, "SELECT 1");
  assert_done (next);
}

static void
wait_for_runs (GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    iterate_until_finished (g_ptr_array_index (runs, i));
}

static gboolean
table_exists (TribDistillerSession *session,
              const char           *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_regclass('%s') IS NOT NULL", table);
  g_autoptr(TribDistillerRun) run = run_and_wait (session, sql);

  assert_done (run);

  return g_str_equal (first_value (run), "t");
}

static TribDistillerRunState
state_at (GPtrArray *runs,
          guint      index)
{
  return trib_distiller_run_get_state (g_ptr_array_index (runs, index));
}

/* The statements after a failed one never reach the server: the table
 * is not created, even though the worker had them queued before the
 * failure came back.
 */
static void
test_script_stops_at_failure (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(TribDistillerRun) after = NULL;

  runs = trib_distiller_session_run_script (session,
                                            (const char *[]) { "SELECT 1",
                                                               "SELECT 1/0",
                                                               "CREATE TABLE trib_not_created (x int)",
                                                               "SELECT 'not run either'",
                                                               NULL },
                                            TRUE);
  g_assert_cmpuint (runs->len, ==, 4);
  wait_for_runs (runs);

  g_assert_cmpint (state_at (runs, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (runs, 1), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (trib_distiller_run_get_error (g_ptr_array_index (runs, 1))), ==,
                   "22012");
  g_assert_cmpint (state_at (runs, 2), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_cmpint (state_at (runs, 3), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_null (trib_distiller_run_get_started (g_ptr_array_index (runs, 2)));
  g_assert_false (table_exists (session, "trib_not_created"));

  /* The session goes on, and a statement on its own is not a script. */
  after = run_and_wait (session, "SELECT 2");
  assert_done (after);
}

/* Asked to, a script goes on after a failure. */
static void
test_script_continues_on_error (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(TribDistillerRun) drop = NULL;

  runs = trib_distiller_session_run_script (session,
                                            (const char *[]) { "SELECT 1/0",
                                                               "CREATE TABLE trib_created_anyway (x int)",
                                                               NULL },
                                            FALSE);
  wait_for_runs (runs);
  g_assert_cmpint (state_at (runs, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (state_at (runs, 1), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_true (table_exists (session, "trib_created_anyway"));

  drop = run_and_wait (session, "DROP TABLE trib_created_anyway");
  assert_done (drop);
}

/* Cancelling a statement of a script stops the script, whatever it was
 * told about errors; a second script queued behind it still runs.
 */
static void
test_script_cancelled (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) next = NULL;

  runs = trib_distiller_session_run_script (session,
                                            (const char *[]) { "SELECT pg_sleep(30)",
                                                               "CREATE TABLE trib_after_cancel (x int)",
                                                               NULL },
                                            FALSE);
  next = trib_distiller_session_run_script (session, (const char *[]) { "SELECT 3", NULL }, TRUE);
  iterate_while_not (is_running, g_ptr_array_index (runs, 0));
  trib_distiller_run_cancel (g_ptr_array_index (runs, 0));
  wait_for_runs (runs);
  wait_for_runs (next);

  g_assert_cmpint (state_at (runs, 0), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (state_at (runs, 1), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_cmpint (state_at (next, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_false (table_exists (session, "trib_after_cancel"));
}

/* Query Service refusing the parameters fails the statement with its
 * own error, which the distiller's getters take without a critical; the
 * next statement asks again.
 */
static void
test_parameters_refused (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) refused = NULL;
  g_autoptr(TribDistillerRun) after = NULL;
  const GError *error;

  trib_test_sim_add_fault (sim, "{\"path\": \"/data/foundation/query/connection_parameters\", "
                                "\"method\": \"GET\", \"kind\": \"status\", \"status\": 403}");
  refused = run_and_wait (session, "SELECT 1");
  g_assert_cmpint (trib_distiller_run_get_state (refused), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_null (trib_distiller_run_get_started (refused));
  error = trib_distiller_run_get_error (refused);
  g_assert_error ((GError *) error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "Could not get the connection parameters from Query Service: "));
  g_assert_null (trib_distiller_error_get_sqlstate (error));
  g_assert_null (trib_distiller_error_get_detail (error));
  g_assert_null (trib_distiller_error_get_hint (error));
  g_assert_cmpuint (trib_distiller_error_get_position (error), ==, 0);
  g_assert_null (trib_distiller_error_get_sqlstate (NULL));

  trib_test_sim_clear_faults (sim);
  after = run_and_wait (session, "SELECT 1");
  assert_done (after);
}

static void
terminate_backend (const char *pid)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, "postgres");
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend(%s)", pid);
  PGconn *admin = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  result = PQexec (admin, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "t");
  PQclear (result);
  PQfinish (admin);
}

/* A server error of megabytes, as any statement can raise, is kept to
 * a readable length: message, detail and hint alike.
 */
static void
test_huge_error_bounded (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  const GError *error;

  run = run_and_wait (session, "DO $$ BEGIN RAISE EXCEPTION 'boom %', repeat ('m', 5000000) "
                               "USING DETAIL = repeat (E'x\\n', 2500000), HINT = repeat ('h', 5000000); END $$");
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_FAILED);
  error = trib_distiller_run_get_error (run);
  g_assert_error ((GError *) error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_SQL);
  g_assert_true (g_str_has_prefix (error->message, "boom mmm"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <=, 1001);
  g_assert_true (g_str_has_suffix (error->message, "…"));
  g_assert_true (g_str_has_prefix (trib_distiller_error_get_detail (error), "x\nx\n"));
  g_assert_cmpuint (strlen (trib_distiller_error_get_detail (error)), <=, 1001 * 4);
  g_assert_cmpuint (strlen (trib_distiller_error_get_hint (error)), <=, 1001 * 4);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (error), ==, "P0001");

  next = run_and_wait (session, "SELECT 1");
  assert_done (next);
}

/* JSON cells as Data Distiller sends them: nested as deep as PostgreSQL
 * parses by default, which a pretty form must not recurse through, and
 * numbers json-glib would print its own way.
 */
static void
test_json_cells (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *open = g_strnfill (10000, '[');
  g_autofree char *close = g_strnfill (10000, ']');
  TribResultModel *model;

  run = run_and_wait (session, "SELECT (repeat ('[', 10000) || repeat (']', 10000))::json, "
                               "'{\"big\": 12345678901234567890, \"n\": 0.1}'::jsonb");
  assert_done (run);
  model = trib_distiller_run_get_model (run);

  deep = trib_result_model_dup_pretty (model, 0, 0);
  expected = g_strconcat (open, close, NULL);
  g_assert_cmpstr (deep, ==, expected);

  numbers = trib_result_model_dup_pretty (model, 0, 1);
  g_assert_cmpstr (numbers, ==, "{\n  \"n\" : 0.1,\n  \"big\" : 12345678901234567890\n}");
}

/* Values come through the worker's batches intact: NULL apart from "",
 * values that grow longer from one batch to the next (so that a batch
 * sized from the one before is too small), across batch boundaries.
 */
static void
test_values_intact (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  TribResultModel *model;

  run = run_and_wait (session,
                      "SELECT g, CASE WHEN g % 3 = 0 THEN NULL WHEN g % 3 = 1 THEN '' "
                      "ELSE repeat (chr (65 + g % 26), g / 10) END, "
                      "CASE WHEN g % 2 = 0 THEN NULL ELSE 'name-' || g END "
                      "FROM generate_series (1, 20000) AS g");
  assert_done (run);
  model = trib_distiller_run_get_model (run);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 20000);

  for (guint i = 0; i < 20000; i++)
    {
      guint g = i + 1;
      g_autofree char *id = g_strdup_printf ("%u", g);
      g_autofree char *name = g_strdup_printf ("name-%u", g);
      g_autofree char *repeated = g_strnfill (g / 10, 'A' + g % 26);
      gsize length = 99;
      const char *value;

      g_assert_cmpstr (trib_result_model_get_value (model, i, 0, NULL), ==, id);

      value = trib_result_model_get_value (model, i, 1, &length);
      if (g % 3 == 0)
        g_assert_null (value);
      else
        g_assert_cmpstr (value, ==, g % 3 == 1 ? "" : repeated);
      g_assert_cmpuint (length, ==, g % 3 == 2 ? g / 10 : 0);

      value = trib_result_model_get_value (model, i, 2, NULL);
      if (g % 2 == 0)
        g_assert_null (value);
      else
        g_assert_cmpstr (value, ==, name);
    }
}

static void
test_backend_killed (void)
{
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) sleep = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  g_autofree char *pid = backend_pid (session);
  g_autofree char *new_pid = NULL;

  sleep = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  iterate_while_not (is_running, sleep);
  terminate_backend (pid);
  iterate_until_finished (sleep);

  g_assert_cmpint (trib_distiller_run_get_state (sleep), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_error ((GError *) trib_distiller_run_get_error (sleep), TRIB_DISTILLER_ERROR,
                  TRIB_DISTILLER_ERROR_CONNECTION_LOST);

  /* The next statement reconnects, to a new backend. */
  next = run_and_wait (session, "SELECT 1");
  assert_done (next);
  new_pid = backend_pid (session);
  g_assert_cmpstr (pid, !=, new_pid);
}

/* A provider that first hands out parameters from before the password
 * rotated, as happens when the token changes between asking and
 * connecting; then it asks Query Service.
 */
#define TEST_TYPE_STALE_PROVIDER (test_stale_provider_get_type ())
G_DECLARE_FINAL_TYPE (TestStaleProvider, test_stale_provider, TEST, STALE_PROVIDER, GObject)

struct _TestStaleProvider
{
  GObject parent_instance;
  TribSqlEndpoint *stale;
  guint calls;
};

static void
stale_get_endpoint_async (TribSqlEndpointProvider *provider,
                          const char              *database,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  TestStaleProvider *self = TEST_STALE_PROVIDER (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  if (self->calls++ == 0)
    g_task_return_pointer (task, trib_sql_endpoint_copy (self->stale), (GDestroyNotify) trib_sql_endpoint_free);
  else
    trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (query_service), database, cancellable,
                                                   callback, user_data);
}

static TribSqlEndpoint *
stale_get_endpoint_finish (TribSqlEndpointProvider  *provider,
                           GAsyncResult             *result,
                           GError                  **error)
{
  if (g_task_is_valid (result, provider))
    return g_task_propagate_pointer (G_TASK (result), error);

  return trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (query_service), result, error);
}

static void
test_stale_provider_iface_init (TribSqlEndpointProviderInterface *iface)
{
  iface->get_endpoint_async = stale_get_endpoint_async;
  iface->get_endpoint_finish = stale_get_endpoint_finish;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestStaleProvider, test_stale_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TRIB_TYPE_SQL_ENDPOINT_PROVIDER, test_stale_provider_iface_init))

static void
test_stale_provider_finalize (GObject *object)
{
  g_clear_pointer (&TEST_STALE_PROVIDER (object)->stale, trib_sql_endpoint_free);
  G_OBJECT_CLASS (test_stale_provider_parent_class)->finalize (object);
}

static void
test_stale_provider_class_init (TestStaleProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stale_provider_finalize;
}

static void
test_stale_provider_init (TestStaleProvider *self)
{
}

static void
endpoint_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TribSqlEndpoint **endpoint = user_data;
  g_autoptr(GError) error = NULL;

  *endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (object), result, &error);
  g_assert_no_error (error);
}

static TribSqlEndpoint *
fetch_endpoint (void)
{
  TribSqlEndpoint *endpoint = NULL;

  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL, NULL,
                                                 endpoint_cb, &endpoint);
  while (endpoint == NULL)
    g_main_context_iteration (NULL, TRUE);

  return endpoint;
}

static void
test_rotated_token (void)
{
  g_autoptr(TribDistillerSession) open_session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerSession) stale_session = NULL;
  g_autoptr(TribDistillerRun) before = NULL;
  g_autoptr(TribDistillerRun) after = NULL;
  g_autoptr(TribDistillerRun) reopened = NULL;
  g_autoptr(TestStaleProvider) stale = g_object_new (TEST_TYPE_STALE_PROVIDER, NULL);

  before = run_and_wait (open_session, "SELECT 1");
  assert_done (before);

  stale->stale = fetch_endpoint ();
  trib_test_sim_rotate_query_password (sim);

  /* An open connection is not affected by the rotation. */
  after = run_and_wait (open_session, "SELECT 2");
  assert_done (after);

  /* A connection refused with the old password is reopened once with
   * fresh parameters.
   */
  stale_session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (stale), NULL);
  reopened = run_and_wait (stale_session, "SELECT 3");
  assert_done (reopened);
  g_assert_cmpuint (stale->calls, ==, 2);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;

  g_assert_true (trib_result_export_finish (result, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 5000);
  *done = TRUE;
}

static void
test_export_matches_psql (void)
{
  static const char query[] =
    "SELECT _id, \"timestamp\", eventtype, web, identitymap, marketing_campaign, device_type "
    "FROM luma_web_events ORDER BY _id LIMIT 5000";
  g_autoptr(TribDistillerSession) session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribSqlEndpoint) endpoint = fetch_endpoint ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) psql = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trib-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *port = g_strdup_printf ("%u", endpoint->port);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  run = run_and_wait (session, query);
  assert_done (run);
  trib_result_export_async (trib_distiller_run_get_model (run), file, TRIB_EXPORT_FORMAT_CSV, NULL,
                            NULL, NULL, NULL, export_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* The password goes through the environment, never the command line. */
  g_subprocess_launcher_setenv (launcher, "PGHOST", endpoint->host, TRUE);
  g_subprocess_launcher_setenv (launcher, "PGPORT", port, TRUE);
  g_subprocess_launcher_setenv (launcher, "PGUSER", endpoint->user, TRUE);
  g_subprocess_launcher_setenv (launcher, "PGPASSWORD", endpoint->password, TRUE);
  g_subprocess_launcher_setenv (launcher, "PGDATABASE", endpoint->database, TRUE);
  g_subprocess_launcher_setenv (launcher, "PGSSLMODE", "require", TRUE);
  psql = g_subprocess_launcher_spawn (launcher, &error, "psql", "--no-psqlrc", "--csv", "-c", query, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (psql, NULL, NULL, &theirs, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (psql));

  g_file_get_contents (path, &ours, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (ours), ==, strlen (theirs));
  g_assert_cmpstr (ours, ==, theirs);

  g_unlink (path);
  g_rmdir (dir);
}

static TribProfile *
profile_for_sim (void)
{
  TribProfile *profile = trib_profile_new (NULL);

  trib_profile_set_name (profile, "Simulator");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_default_sandbox (profile, "prod");
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  return profile;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  pg = trib_test_pg_start (&error);
  g_assert_no_error (error);
  trib_test_pg_load_demo (pg, &error);
  g_assert_no_error (error);

  conninfo = trib_test_pg_admin_conninfo (pg, "postgres");
  sim = trib_test_sim_start ((const char *[]) { "--postgres", conninfo, NULL });

  profile = profile_for_sim ();
  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (client, "prod");
  query_service = trib_query_service_new (client);

  g_test_add_func ("/tributary/distiller/connect-tls", test_connect_tls);
  g_test_add_func ("/tributary/distiller/one-dataset", test_one_dataset);
  g_test_add_func ("/tributary/distiller/delivered-on-main-thread", test_delivered_on_main_thread);
  g_test_add_func ("/tributary/distiller/stream-rows", test_stream_rows);
  g_test_add_func ("/tributary/distiller/worker-yields", test_worker_yields);
  g_test_add_func ("/tributary/distiller/cancel", test_cancel);
  g_test_add_func ("/tributary/distiller/cancel-while-connecting", test_cancel_while_connecting);
  g_test_add_func ("/tributary/distiller/cancel-overtaking", test_cancel_overtaking);
  g_test_add_func ("/tributary/distiller/syntax-error", test_syntax_error);
  g_test_add_func ("/tributary/distiller/huge-error-bounded", test_huge_error_bounded);
  g_test_add_func ("/tributary/distiller/json-cells", test_json_cells);
  g_test_add_func ("/tributary/distiller/values-intact", test_values_intact);
  g_test_add_func ("/tributary/distiller/backend-killed", test_backend_killed);
  g_test_add_func ("/tributary/distiller/script-stops-at-failure", test_script_stops_at_failure);
  g_test_add_func ("/tributary/distiller/script-continues-on-error", test_script_continues_on_error);
  g_test_add_func ("/tributary/distiller/script-cancelled", test_script_cancelled);
  g_test_add_func ("/tributary/distiller/rotated-token", test_rotated_token);
  g_test_add_func ("/tributary/distiller/parameters-refused", test_parameters_refused);
  g_test_add_func ("/tributary/distiller/export-matches-psql", test_export_matches_psql);

  status = g_test_run ();

  g_clear_object (&query_service);
  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);
  g_clear_pointer (&pg, trib_test_pg_stop);

  return status;
}
