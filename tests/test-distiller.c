/* test-distiller.c
 *
 * TribDistillerSession against a real PostgreSQL (TLS required) whose
 * connection parameters come from tributary-sim's Query Service, as
 * Data Distiller's come from the platform. Cancelling is tested in
 * test-distiller-cancel.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-distiller-error.h"
#include "trib-platform-error.h"
#include "trib-result-export.h"
#include "trib-test-distiller.h"

static TribTestDistiller *env;

static void
test_connect_tls (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) ssl = NULL;
  g_autoptr(TribDistillerRun) database = NULL;

  /* The default database is the whole sandbox, and the link is TLS. */
  database = trib_test_run_and_wait (session, "SELECT current_database()");
  trib_test_assert_done (database);
  g_assert_cmpstr (trib_test_first_value (database), ==, "prod:all");

  ssl = trib_test_run_and_wait (session, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
  trib_test_assert_done (ssl);
  g_assert_cmpstr (trib_test_first_value (ssl), ==, "t");
}

static void
test_one_dataset (void)
{
  g_autoptr(TribDistillerSession) session = NULL;
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) other = NULL;

  session = trib_test_distiller_new_session (env, "prod:luma_web_events");
  run = trib_test_run_and_wait (session, "SELECT current_database(), count(*) > 0 FROM luma_web_events");
  trib_test_assert_done (run);
  g_assert_cmpstr (trib_test_first_value (run), ==, "prod:luma_web_events");

  /* Only that dataset is there. */
  other = trib_test_run_and_wait (session, "SELECT count(*) FROM luma_orders");
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) warm_up = trib_test_run_and_wait (session, "SELECT 1");
  g_autoptr(TribDistillerRun) run = NULL;
  TribDistillerRunState queued_state;

  trib_test_assert_done (warm_up);

  run = trib_distiller_session_run (session, "SELECT generate_series(1, 10)");
  queued_state = trib_distiller_run_get_state (run);
  g_signal_connect (run, "notify", G_CALLBACK (assert_on_main_thread), g_thread_self ());

  /* Long enough for the worker to have run the statement to its end. */
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_false (trib_distiller_run_get_finished (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, queued_state);

  trib_test_wait_run (run);
  trib_test_assert_done (run);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = trib_test_run_and_wait (session, "SELECT 1");
  int main_niceness = stat_niceness ("/proc/self/stat");

  trib_test_assert_done (run);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) count = NULL;
  g_autoptr(TribDistillerRun) run = NULL;
  TribResultModel *model = NULL;
  g_autofree char *tag = NULL;
  guint64 expected;
  guint changes = 0;

  count = trib_test_run_and_wait (session, "SELECT count(*) FROM luma_web_events");
  trib_test_assert_done (count);
  expected = g_ascii_strtoull (trib_test_first_value (count), NULL, 10);
  g_assert_cmpuint (expected, >=, 100000);

  run = trib_distiller_session_run (session, "SELECT * FROM luma_web_events");
  while (!trib_distiller_run_get_finished (run))
    {
      if (model == NULL && (model = trib_distiller_run_get_model (run)) != NULL)
        g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);
      g_main_context_iteration (NULL, TRUE);
    }
  trib_test_assert_done (run);

  model = trib_distiller_run_get_model (run);
  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  tag = g_strdup_printf ("SELECT %" G_GUINT64_FORMAT, expected);
  g_assert_cmpstr (trib_distiller_run_get_command_status (run), ==, tag);
  /* Rows arrived in several batches, not all at the end. */
  g_assert_cmpuint (changes, >, 1);
}

static void
test_syntax_error (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  const GError *error;

  run = trib_test_run_and_wait (session, "SELECT eventtype FROM luma_web_events WHER 1 = 1");
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_FAILED);
  error = trib_distiller_run_get_error (run);
  g_assert_error ((GError *) error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_SQL);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (error), ==, "42601");
  /* The server points at the 1 after WHER: character 44. */
  g_assert_cmpuint (trib_distiller_error_get_position (error), ==, 44);
  g_assert_nonnull (strstr (error->message, "syntax error"));

  next = trib_test_run_and_wait (session, "SELECT 1");
  trib_test_assert_done (next);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
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
  trib_test_wait_runs (runs);

  g_assert_cmpint (state_at (runs, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (state_at (runs, 1), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpstr (trib_distiller_error_get_sqlstate (trib_distiller_run_get_error (g_ptr_array_index (runs, 1))), ==,
                   "22012");
  g_assert_cmpint (state_at (runs, 2), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_cmpint (state_at (runs, 3), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_null (trib_distiller_run_get_started (g_ptr_array_index (runs, 2)));
  g_assert_false (trib_test_table_exists (session, "trib_not_created"));

  /* The session goes on, and a statement on its own is not a script. */
  after = trib_test_run_and_wait (session, "SELECT 2");
  trib_test_assert_done (after);
}

/* Asked to, a script goes on after a failure. */
static void
test_script_continues_on_error (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(TribDistillerRun) drop = NULL;

  runs = trib_distiller_session_run_script (session,
                                            (const char *[]) { "SELECT 1/0",
                                                               "CREATE TABLE trib_created_anyway (x int)",
                                                               NULL },
                                            FALSE);
  trib_test_wait_runs (runs);
  g_assert_cmpint (state_at (runs, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (state_at (runs, 1), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_true (trib_test_table_exists (session, "trib_created_anyway"));

  drop = trib_test_run_and_wait (session, "DROP TABLE trib_created_anyway");
  trib_test_assert_done (drop);
}

/* Query Service refusing the parameters fails the statement with its
 * own error, which the distiller's getters take without a critical; the
 * next statement asks again.
 */
static void
test_parameters_refused (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) refused = NULL;
  g_autoptr(TribDistillerRun) after = NULL;
  const GError *error;

  trib_test_sim_add_fault (env->sim, "{\"path\": \"/data/foundation/query/connection_parameters\", "
                                "\"method\": \"GET\", \"kind\": \"status\", \"status\": 403}");
  refused = trib_test_run_and_wait (session, "SELECT 1");
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

  trib_test_sim_clear_faults (env->sim);
  after = trib_test_run_and_wait (session, "SELECT 1");
  trib_test_assert_done (after);
}

/* A server error of megabytes, as any statement can raise, is kept to
 * a readable length: message, detail and hint alike.
 */
static void
test_huge_error_bounded (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  const GError *error;

  run = trib_test_run_and_wait (session, "DO $$ BEGIN RAISE EXCEPTION 'boom %', repeat ('m', 5000000) "
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

  next = trib_test_run_and_wait (session, "SELECT 1");
  trib_test_assert_done (next);
}

/* JSON cells as Data Distiller sends them: nested as deep as PostgreSQL
 * parses by default, which a pretty form must not recurse through, and
 * numbers json-glib would print its own way.
 */
static void
test_json_cells (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *open = g_strnfill (10000, '[');
  g_autofree char *close = g_strnfill (10000, ']');
  TribResultModel *model;

  run = trib_test_run_and_wait (session, "SELECT (repeat ('[', 10000) || repeat (']', 10000))::json, "
                               "'{\"big\": 12345678901234567890, \"n\": 0.1}'::jsonb");
  trib_test_assert_done (run);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  TribResultModel *model;

  run = trib_test_run_and_wait (session,
                      "SELECT g, CASE WHEN g % 3 = 0 THEN NULL WHEN g % 3 = 1 THEN '' "
                      "ELSE repeat (chr (65 + g % 26), g / 10) END, "
                      "CASE WHEN g % 2 = 0 THEN NULL ELSE 'name-' || g END "
                      "FROM generate_series (1, 20000) AS g");
  trib_test_assert_done (run);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) sleep = NULL;
  g_autoptr(TribDistillerRun) next = NULL;
  g_autofree char *pid = trib_test_backend_pid (session);
  g_autofree char *new_pid = NULL;

  sleep = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  trib_test_iterate_while_not (trib_test_run_is_running, sleep);
  trib_test_distiller_terminate (env, pid);
  trib_test_wait_run (sleep);

  g_assert_cmpint (trib_distiller_run_get_state (sleep), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_error ((GError *) trib_distiller_run_get_error (sleep), TRIB_DISTILLER_ERROR,
                  TRIB_DISTILLER_ERROR_CONNECTION_LOST);

  /* The next statement reconnects, to a new backend. */
  next = trib_test_run_and_wait (session, "SELECT 1");
  trib_test_assert_done (next);
  new_pid = trib_test_backend_pid (session);
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
    trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (env->query_service), database, cancellable,
                                                   callback, user_data);
}

static TribSqlEndpoint *
stale_get_endpoint_finish (TribSqlEndpointProvider  *provider,
                           GAsyncResult             *result,
                           GError                  **error)
{
  if (g_task_is_valid (result, provider))
    return g_task_propagate_pointer (G_TASK (result), error);

  return trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (env->query_service), result, error);
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

  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (env->query_service), NULL, NULL,
                                                 endpoint_cb, &endpoint);
  while (endpoint == NULL)
    g_main_context_iteration (NULL, TRUE);

  return endpoint;
}

static void
test_rotated_token (void)
{
  g_autoptr(TribDistillerSession) open_session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerSession) stale_session = NULL;
  g_autoptr(TribDistillerRun) before = NULL;
  g_autoptr(TribDistillerRun) after = NULL;
  g_autoptr(TribDistillerRun) reopened = NULL;
  g_autoptr(TestStaleProvider) stale = g_object_new (TEST_TYPE_STALE_PROVIDER, NULL);

  before = trib_test_run_and_wait (open_session, "SELECT 1");
  trib_test_assert_done (before);

  stale->stale = fetch_endpoint ();
  trib_test_sim_rotate_query_password (env->sim);

  /* An open connection is not affected by the rotation. */
  after = trib_test_run_and_wait (open_session, "SELECT 2");
  trib_test_assert_done (after);

  /* A connection refused with the old password is reopened once with
   * fresh parameters.
   */
  stale_session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (stale), NULL);
  reopened = trib_test_run_and_wait (stale_session, "SELECT 3");
  trib_test_assert_done (reopened);
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
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
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

  run = trib_test_run_and_wait (session, query);
  trib_test_assert_done (run);
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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env = trib_test_distiller_start ();

  g_test_add_func ("/tributary/distiller/connect-tls", test_connect_tls);
  g_test_add_func ("/tributary/distiller/one-dataset", test_one_dataset);
  g_test_add_func ("/tributary/distiller/delivered-on-main-thread", test_delivered_on_main_thread);
  g_test_add_func ("/tributary/distiller/stream-rows", test_stream_rows);
  g_test_add_func ("/tributary/distiller/worker-yields", test_worker_yields);
  g_test_add_func ("/tributary/distiller/syntax-error", test_syntax_error);
  g_test_add_func ("/tributary/distiller/huge-error-bounded", test_huge_error_bounded);
  g_test_add_func ("/tributary/distiller/json-cells", test_json_cells);
  g_test_add_func ("/tributary/distiller/values-intact", test_values_intact);
  g_test_add_func ("/tributary/distiller/backend-killed", test_backend_killed);
  g_test_add_func ("/tributary/distiller/script-stops-at-failure", test_script_stops_at_failure);
  g_test_add_func ("/tributary/distiller/script-continues-on-error", test_script_continues_on_error);
  g_test_add_func ("/tributary/distiller/rotated-token", test_rotated_token);
  g_test_add_func ("/tributary/distiller/parameters-refused", test_parameters_refused);
  g_test_add_func ("/tributary/distiller/export-matches-psql", test_export_matches_psql);

  status = g_test_run ();

  g_clear_pointer (&env, trib_test_distiller_stop);

  return status;
}
