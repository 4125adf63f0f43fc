/* test-query-schedules.c
 *
 * Query Service's scheduled queries through the platform layer, over
 * HTTP against tributary-sim, whose runs execute on a real PostgreSQL:
 * seed 001's scheduled query end to end (template, schedule, REGISTERING
 * then ENABLED, the clock advanced twice, the runs writing the output
 * dataset, its rows read back over the PostgreSQL protocol), what the
 * platform refuses (SQL that writes itself with an output dataset, bad
 * cron, deleting an enabled schedule), and the lists a page at a time.
 * Cancelling and quarantine are in test-schedule-runs.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-cron.h"
#include "trib-platform-error.h"
#include "trib-query-templates.h"
#include "trib-test-distiller.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"

static TribTestDistiller *world;

/* Seed 001: a daily CTAS of raw data into an output dataset. */
#define SEED_SQL "SELECT date_trunc('day', order_date) AS day, count(*) AS orders, sum(total) AS revenue " \
                 "FROM luma_orders GROUP BY 1"
#define SEED_DATASET "Luma daily orders"
#define SEED_TABLE "luma_daily_orders"
#define DAY_SECONDS (24 * 60 * 60)

/* The first value @sql returns, read over the PostgreSQL protocol. */
static gint64
query_number (const char *sql)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (world, "prod:all");
  g_autoptr(TribDistillerRun) run = trib_test_run_and_wait (session, sql);

  trib_test_assert_done (run);

  return g_ascii_strtoll (trib_test_first_value (run), NULL, 10);
}

/* The detail of the newest of @runs, which has the tasks. */
static TribScheduleRun *
newest_run (GListModel *runs,
            const char *schedule_id)
{
  g_autoptr(TribScheduleRun) listed = g_list_model_get_item (runs, 0);

  return trib_test_query_get_run (world->client, schedule_id, trib_schedule_run_get_id (listed));
}

static void
assert_run_succeeded (TribScheduleRun *run)
{
  const TribScheduleTask *task;

  g_assert_cmpint (trib_schedule_run_get_state (run), ==, TRIB_SCHEDULE_RUN_SUCCESS);
  g_assert_false (trib_schedule_run_get_external (run));
  g_assert_null (trib_schedule_run_get_error (run));
  g_assert_cmpuint (trib_schedule_run_get_n_tasks (run), ==, 1);
  task = trib_schedule_run_get_task (run, 0);
  g_assert_cmpstr (task->state, ==, "SUCCESS");
  /* Due at 02:00 UTC, as its cron says; the duration is PostgreSQL's. */
  g_assert_cmpint (g_date_time_get_hour (trib_schedule_run_get_created (run)), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (trib_schedule_run_get_created (run)), ==, 0);
  g_assert_nonnull (trib_schedule_run_get_start (run));
  g_assert_nonnull (trib_schedule_run_get_end (run));
  g_assert_cmpint (trib_schedule_run_get_duration_ms (run), >=, 0);
  g_assert_cmpint (g_date_time_difference (trib_schedule_run_get_end (run), trib_schedule_run_get_start (run)) / 1000,
                   ==, trib_schedule_run_get_duration_ms (run));
}

static void
test_seed_001 (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(TribQueryTemplate) template = NULL;
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(TribQuerySchedule) enabled = NULL;
  g_autoptr(TribScheduleRun) first = NULL;
  g_autoptr(TribScheduleRun) second = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) datasets = NULL;
  TribQueryScheduleDraft draft = { 0 };
  gint64 days;

  trib_query_templates_create_async (client, "Luma daily orders", SEED_SQL, NULL, trib_test_result_cb, &result);
  template = trib_query_templates_create_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_query_template_get_sql (template), ==, SEED_SQL);

  draft.name = "Luma daily orders";
  draft.database = "prod:all";
  draft.template_id = trib_query_template_get_id (template);
  draft.output = TRIB_QUERY_OUTPUT_NEW_DATASET;
  draft.dataset_name = SEED_DATASET;
  draft.cron = "0 2 * * *";
  draft.start = now;
  schedule = trib_test_query_create_schedule (client, &draft, &error);
  g_assert_no_error (error);

  /* 202 and registering first, enabled a moment later. */
  g_assert_cmpint (trib_query_schedule_get_state (schedule), ==, TRIB_QUERY_SCHEDULE_REGISTERING);
  g_assert_cmpstr (trib_query_schedule_get_cron (schedule), ==, "0 2 * * *");
  g_assert_cmpstr (trib_query_schedule_get_output_dataset (schedule), ==, SEED_DATASET);
  g_assert_true (trib_query_schedule_get_creates_dataset (schedule));
  g_assert_cmpstr (trib_query_schedule_get_template_id (schedule), ==, trib_query_template_get_id (template));
  enabled = trib_test_query_wait_schedule (client, trib_query_schedule_get_id (schedule),
                                           TRIB_QUERY_SCHEDULE_ENABLED);
  g_assert_null (trib_query_schedule_get_quarantine_reason (enabled));
  next = trib_query_schedule_dup_next_run (enabled, now);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_get_hour (next), ==, 2);
  g_assert_cmpint (g_date_time_difference (next, now), <=, (GTimeSpan) DAY_SECONDS * G_USEC_PER_SEC);

  /* Nothing runs before its time. */
  runs = trib_test_query_list_runs (client, trib_query_schedule_get_id (schedule));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 0);
  g_clear_object (&runs);

  /* A day on: the first run creates the dataset and its table. */
  trib_test_sim_clock (world->sim, -1, DAY_SECONDS / 60);
  runs = trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 1);
  first = newest_run (runs, trib_query_schedule_get_id (schedule));
  g_assert_cmpstr (trib_schedule_run_get_schedule_id (first), ==, trib_query_schedule_get_id (schedule));
  assert_run_succeeded (first);

  days = query_number ("SELECT count(DISTINCT date_trunc('day', order_date)) FROM luma_orders");
  g_assert_cmpint (days, >, 300);
  g_assert_cmpint (query_number ("SELECT count(*) FROM " SEED_TABLE), ==, days);
  g_assert_cmpint (query_number ("SELECT sum(orders) FROM " SEED_TABLE), ==, 30000);

  datasets = trib_test_call (client, "GET", "/data/foundation/catalog/dataSets?property=name~Luma%20daily%20orders",
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (datasets)), ==, 1);

  /* Another day: the second run adds its rows to the same dataset. */
  g_clear_object (&runs);
  trib_test_sim_clock (world->sim, -1, DAY_SECONDS / 60);
  runs = trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 2);
  second = newest_run (runs, trib_query_schedule_get_id (schedule));
  assert_run_succeeded (second);
  g_assert_cmpint (g_date_time_difference (trib_schedule_run_get_created (second),
                                           trib_schedule_run_get_created (first)),
                   ==, (GTimeSpan) DAY_SECONDS * G_USEC_PER_SEC);
  g_assert_cmpint (query_number ("SELECT count(*) FROM " SEED_TABLE), ==, 2 * days);
}

static void
assert_refused (const char      *sql,
                TribQueryOutput  output,
                const char      *dataset)
{
  g_autoptr(TribQueryRecord) query = NULL;
  g_autoptr(GError) error = NULL;

  query = trib_test_query_create_query (world->client, sql, output, dataset, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_null (query);
}

static void
test_output_refusals (void)
{
  g_autoptr(TribQueryRecord) submitted = NULL;
  g_autoptr(TribQueryRecord) done = NULL;
  g_autoptr(TribQueryRecord) inserted = NULL;
  g_autoptr(GError) error = NULL;

  /* The editor's own check, before anything is sent. */
  g_assert_true (trib_query_service_sql_writes_table ("CREATE TABLE t AS SELECT 1"));
  g_assert_true (trib_query_service_sql_writes_table ("create temp table t as select 1"));
  g_assert_true (trib_query_service_sql_writes_table ("-- daily\nINSERT\n INTO t SELECT 1"));
  g_assert_false (trib_query_service_sql_writes_table ("SELECT 'insert into t' AS note"));
  g_assert_false (trib_query_service_sql_writes_table ("SELECT 1 -- create table t as\n"));
  g_assert_false (trib_query_service_sql_writes_table ("SELECT \"create table\" FROM t"));

  /* The platform refuses them too. */
  assert_refused ("CREATE TABLE t AS SELECT * FROM luma_orders", TRIB_QUERY_OUTPUT_NEW_DATASET, "Orders copy");
  assert_refused ("INSERT INTO luma_orders SELECT * FROM luma_orders", TRIB_QUERY_OUTPUT_EXISTING_DATASET,
                  "Luma Orders");
  /* A new dataset whose name is taken, an existing one that is not there. */
  assert_refused ("SELECT 1 AS n", TRIB_QUERY_OUTPUT_NEW_DATASET, "Luma Orders");
  assert_refused ("SELECT 1 AS n", TRIB_QUERY_OUTPUT_EXISTING_DATASET, "No such dataset");

  /* A plain SELECT makes the dataset, then adds to it. */
  submitted = trib_test_query_create_query (world->client, "SELECT order_id, total FROM luma_orders LIMIT 7",
                                            TRIB_QUERY_OUTPUT_NEW_DATASET, "Seven orders", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_query_record_get_state (submitted), ==, "SUBMITTED");
  g_assert_true (trib_query_record_get_is_ctas (submitted));
  done = trib_test_query_wait_query (world->client, trib_query_record_get_id (submitted));
  g_assert_cmpstr (trib_query_record_get_state (done), ==, "SUCCESS");
  g_assert_cmpint (trib_query_record_get_row_count (done), ==, 7);
  g_assert_nonnull (trib_query_record_get_created_dataset_id (done));
  g_clear_object (&submitted);

  submitted = trib_test_query_create_query (world->client, "SELECT order_id, total FROM luma_orders LIMIT 3;",
                                            TRIB_QUERY_OUTPUT_EXISTING_DATASET, "Seven orders", &error);
  g_assert_no_error (error);
  g_assert_true (trib_query_record_get_is_insert_into (submitted));
  inserted = trib_test_query_wait_query (world->client, trib_query_record_get_id (submitted));
  g_assert_cmpstr (trib_query_record_get_state (inserted), ==, "SUCCESS");
  g_assert_cmpint (query_number ("SELECT count(*) FROM seven_orders"), ==, 10);
}

static TribQueryScheduleDraft
plain_draft (const char *cron,
             GDateTime  *start)
{
  TribQueryScheduleDraft draft = { 0 };

  draft.name = "Order count";
  draft.database = "prod:all";
  draft.sql = "SELECT count(*) FROM luma_orders";
  draft.cron = cron;
  draft.start = start;

  return draft;
}

static void
test_cron (void)
{
  static const char * const valid[] = {
    "@once", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "30 * * * *", "51 12 * * 1",
    "*/15 2-5 * * MON-FRI", "0 0 1,15 JAN,jul *", "0 6 * * 7",
  };
  static const char * const invalid[] = {
    "", "@annually", "@every 5m", "61 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
    "* * * *", "* * * * * *", "5-1 * * * *", "*/0 * * * *", "abc * * * *",
  };
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 3, 4, 9, 0, 0);
  g_autoptr(TribCron) monday = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(TribCron) cron = trib_cron_parse (valid[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (cron);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(TribCron) cron = trib_cron_parse (invalid[i], &error);
      g_autoptr(TribQuerySchedule) schedule = NULL;
      TribQueryScheduleDraft draft = plain_draft (invalid[i], start);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (cron);
      g_clear_error (&error);

      /* The platform refuses what the app would. */
      schedule = trib_test_query_create_schedule (world->client, &draft, &error);
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
      g_clear_error (&error);
    }

  /* 2026-03-04 is a Wednesday: Monday 12:51 next is the 9th. */
  monday = trib_cron_parse ("51 12 * * 1", NULL);
  {
    gint64 next = trib_cron_next (monday, g_date_time_to_unix (after) * 1000);
    g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (next / 1000);

    g_assert_cmpint (g_date_time_get_day_of_month (time), ==, 9);
    g_assert_cmpint (g_date_time_get_hour (time), ==, 12);
    g_assert_cmpint (g_date_time_get_minute (time), ==, 51);
  }
}

static void
test_delete_while_enabled (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TribQueryScheduleDraft draft = plain_draft ("@weekly", now);
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(TribQuerySchedule) disabled = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  schedule = trib_test_query_create_schedule (client, &draft, &error);
  g_assert_no_error (error);
  id = trib_query_schedule_get_id (schedule);

  /* Still registering: no change of state yet. */
  g_assert_false (trib_test_query_set_enabled (client, id, FALSE, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_object_unref (trib_test_query_wait_schedule (client, id, TRIB_QUERY_SCHEDULE_ENABLED));

  trib_query_schedules_delete_async (client, id, NULL, trib_test_result_cb, &result);
  g_assert_false (trib_query_schedules_delete_finish (trib_test_wait_result (&result), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "disable the schedule"));
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_true (trib_test_query_set_enabled (client, id, FALSE, &error));
  g_assert_no_error (error);
  disabled = trib_test_query_get_schedule (client, id);
  g_assert_cmpint (trib_query_schedule_get_state (disabled), ==, TRIB_QUERY_SCHEDULE_DISABLED);
  /* Twice is the platform's 400, as is running a disabled schedule. */
  g_assert_false (trib_test_query_set_enabled (client, id, FALSE, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_assert_false (trib_test_query_trigger (client, id, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  trib_query_schedules_delete_async (client, id, NULL, trib_test_result_cb, &result);
  g_assert_true (trib_query_schedules_delete_finish (trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  trib_query_schedules_get_async (client, id, NULL, trib_test_result_cb, &result);
  g_assert_null (trib_query_schedules_get_finish (trib_test_wait_result (&result), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_cron_change (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TribQueryScheduleDraft draft = plain_draft ("@daily", now);
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(TribQuerySchedule) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  schedule = trib_test_query_create_schedule (client, &draft, &error);
  g_assert_no_error (error);
  g_object_unref (trib_test_query_wait_schedule (client, trib_query_schedule_get_id (schedule),
                                                 TRIB_QUERY_SCHEDULE_ENABLED));

  trib_query_schedules_set_cron_async (client, trib_query_schedule_get_id (schedule), "15 */6 * * *", NULL,
                                       trib_test_result_cb, &result);
  g_assert_true (trib_query_schedules_set_cron_finish (trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  changed = trib_test_query_get_schedule (client, trib_query_schedule_get_id (schedule));
  g_assert_cmpstr (trib_query_schedule_get_cron (changed), ==, "15 */6 * * *");

  trib_query_schedules_set_cron_async (client, trib_query_schedule_get_id (schedule), "15 */6 * *", NULL,
                                       trib_test_result_cb, &result);
  g_assert_false (trib_query_schedules_set_cron_finish (trib_test_wait_result (&result), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
}

/* More than a page of each: the lists follow the platform's paging. */
static void
test_paging (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TribPagedList) schedules = NULL;
  g_autoptr(TribPagedList) templates = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n_before;

  schedules = trib_query_schedules_list (client);
  trib_test_load_all (schedules);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (schedules));
  g_clear_object (&schedules);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Paging %02u", i);
      TribQueryScheduleDraft draft = plain_draft ("@monthly", now);
      g_autoptr(TribQuerySchedule) schedule = NULL;
      g_autoptr(TribQueryTemplate) template = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      draft.name = name;
      schedule = trib_test_query_create_schedule (client, &draft, &error);
      g_assert_no_error (error);
      trib_query_templates_create_async (client, name, "SELECT 1", NULL, trib_test_result_cb, &result);
      template = trib_query_templates_create_finish (trib_test_wait_result (&result), &error);
      g_assert_no_error (error);
    }

  schedules = trib_query_schedules_list (client);
  trib_test_load_all (schedules);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schedules)), ==, n_before + 60);
  g_assert_cmpuint (trib_paged_list_get_n_requests (schedules), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (schedules)); i++)
    {
      g_autoptr(TribQuerySchedule) schedule = g_list_model_get_item (G_LIST_MODEL (schedules), i);

      g_assert_true (g_hash_table_add (seen, g_strdup (trib_query_schedule_get_id (schedule))));
    }
  /* Newest first. */
  {
    g_autoptr(TribQuerySchedule) newest = g_list_model_get_item (G_LIST_MODEL (schedules), 0);

    g_assert_cmpstr (trib_query_schedule_get_name (newest), ==, "Paging 59");
  }

  templates = trib_query_templates_list (client);
  trib_test_load_all (templates);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (templates)), >=, 60);
  g_assert_cmpuint (trib_paged_list_get_n_requests (templates), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  world = trib_test_distiller_start ();

  g_test_add_func ("/query-schedules/seed-001", test_seed_001);
  g_test_add_func ("/query-schedules/output-refusals", test_output_refusals);
  g_test_add_func ("/query-schedules/cron", test_cron);
  g_test_add_func ("/query-schedules/delete-while-enabled", test_delete_while_enabled);
  g_test_add_func ("/query-schedules/cron-change", test_cron_change);
  g_test_add_func ("/query-schedules/paging", test_paging);

  status = g_test_run ();
  trib_test_distiller_stop (world);

  return status;
}
