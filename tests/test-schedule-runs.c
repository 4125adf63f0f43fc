/* test-schedule-runs.c
 *
 * The runs of Query Service's scheduled queries, and queries stopped on
 * the way, through the platform layer over HTTP against tributary-sim
 * and its real PostgreSQL: a query cancelled while it runs (409 once it
 * has ended), a run triggered and cancelled, ten failed runs in a row
 * quarantining their schedule and enabling it again, and the runs a page
 * at a time.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-error.h"
#include "trib-query-template.h"
#include "trib-test-distiller.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"

static TribTestDistiller *world;

static TribQuerySchedule *
enabled_schedule (const char *name,
                  const char *sql)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  TribQueryScheduleDraft draft = { 0 };

  draft.name = name;
  draft.database = "prod:all";
  draft.sql = sql;
  /* Never due during a test: only triggered runs. */
  draft.cron = "0 0 1 1 *";
  draft.start = now;
  schedule = trib_test_query_create_schedule (world->client, &draft, &error);
  g_assert_no_error (error);

  return trib_test_query_wait_schedule (world->client, trib_query_schedule_get_id (schedule),
                                        TRIB_QUERY_SCHEDULE_ENABLED);
}

static gboolean
cancel_query (const char  *id,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_query_service_cancel_query_async (world->client, id, NULL, trib_test_result_cb, &result);

  return trib_query_service_cancel_query_finish (trib_test_wait_result (&result), error);
}

static void
test_cancel_query (void)
{
  g_autoptr(TribQueryRecord) submitted = NULL;
  g_autoptr(TribQueryRecord) killed = NULL;
  g_autoptr(TribQueryRecord) done = NULL;
  g_autoptr(GError) error = NULL;

  submitted = trib_test_query_create_query (world->client, "SELECT pg_sleep(60)", TRIB_QUERY_OUTPUT_NONE, NULL,
                                            &error);
  g_assert_no_error (error);
  g_assert_true (cancel_query (trib_query_record_get_id (submitted), &error));
  g_assert_no_error (error);

  killed = trib_test_query_wait_query (world->client, trib_query_record_get_id (submitted));
  g_assert_cmpstr (trib_query_record_get_state (killed), ==, "KILLED");
  /* Well before the minute it would have slept. */
  g_assert_cmpint (trib_query_record_get_elapsed_ms (killed), <, 30000);

  /* Finished: nothing to cancel, 409 as the platform answers. */
  g_assert_false (cancel_query (trib_query_record_get_id (submitted), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&submitted);

  /* A query that fails says why, with PostgreSQL's code. */
  submitted = trib_test_query_create_query (world->client, "SELECT * FROM no_such_table", TRIB_QUERY_OUTPUT_NONE,
                                            NULL, &error);
  g_assert_no_error (error);
  done = trib_test_query_wait_query (world->client, trib_query_record_get_id (submitted));
  g_assert_cmpstr (trib_query_record_get_state (done), ==, "FAILED");
  g_assert_nonnull (strstr (trib_query_record_get_error (done), "42P01"));
  g_assert_nonnull (strstr (trib_query_record_get_error (done), "no_such_table"));
}

static void
test_trigger_and_cancel_run (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(TribQuerySchedule) schedule = enabled_schedule ("Slow one", "SELECT pg_sleep(60)");
  const char *id = trib_query_schedule_get_id (schedule);
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(TribScheduleRun) listed = NULL;
  g_autoptr(TribScheduleRun) running = NULL;
  g_autoptr(TribScheduleRun) cancelled = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_true (trib_test_query_trigger (client, id, &error));
  g_assert_no_error (error);

  runs = trib_test_query_list_runs (client, id);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  listed = g_list_model_get_item (runs, 0);
  g_assert_true (trib_schedule_run_get_external (listed));
  g_assert_cmpint (trib_schedule_run_get_state (listed), ==, TRIB_SCHEDULE_RUN_IN_PROGRESS);

  /* Running in PostgreSQL: started, not ended. */
  for (;;)
    {
      g_clear_object (&running);
      running = trib_test_query_get_run (client, id, trib_schedule_run_get_id (listed));
      if (g_strcmp0 (trib_schedule_run_get_task (running, 0)->state, "IN_PROGRESS") == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      trib_test_query_sleep (20);
    }
  g_assert_nonnull (trib_schedule_run_get_start (running));
  g_assert_null (trib_schedule_run_get_end (running));
  g_assert_cmpint (trib_schedule_run_get_duration_ms (running), ==, -1);

  /* A schedule with a run going cannot be deleted, even disabled. */
  g_assert_true (trib_test_query_set_enabled (client, id, FALSE, &error));
  g_assert_no_error (error);
  trib_query_schedules_delete_async (client, id, NULL, trib_test_result_cb, &result);
  g_assert_false (trib_query_schedules_delete_finish (trib_test_wait_result (&result), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "active run"));
  g_clear_error (&error);
  g_clear_object (&result);

  trib_query_schedules_cancel_run_async (client, id, trib_schedule_run_get_id (listed), NULL, trib_test_result_cb,
                                         &result);
  g_assert_true (trib_query_schedules_cancel_run_finish (trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_object (&runs);

  runs = trib_test_query_wait_runs (client, id, 1);
  cancelled = trib_test_query_get_run (client, id, trib_schedule_run_get_id (listed));
  g_assert_cmpint (trib_schedule_run_get_state (cancelled), ==, TRIB_SCHEDULE_RUN_FAILED);
  g_assert_nonnull (strstr (trib_schedule_run_get_error (cancelled), "Cancelled"));
  g_assert_cmpint (trib_schedule_run_get_duration_ms (cancelled), <, 30000);

  /* Ended: cancelling again is refused. */
  trib_query_schedules_cancel_run_async (client, id, trib_schedule_run_get_id (listed), NULL, trib_test_result_cb,
                                         &result);
  g_assert_false (trib_query_schedules_cancel_run_finish (trib_test_wait_result (&result), &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_clear_object (&result);

  trib_query_schedules_delete_async (client, id, NULL, trib_test_result_cb, &result);
  g_assert_true (trib_query_schedules_delete_finish (trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
test_quarantine (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(TribQuerySchedule) schedule = enabled_schedule ("Broken", "SELECT * FROM luma_ordres");
  g_autofree char *id = g_strdup (trib_query_schedule_get_id (schedule));
  g_autoptr(TribQuerySchedule) quarantined = NULL;
  g_autoptr(TribQuerySchedule) enabled = NULL;
  g_autoptr(TribScheduleRun) last = NULL;
  g_autoptr(TribScheduleRun) listed = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GError) error = NULL;

  /* Nine failures in a row: still enabled. */
  for (guint i = 0; i < 9; i++)
    {
      g_assert_true (trib_test_query_trigger (client, id, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&runs);
  runs = trib_test_query_wait_runs (client, id, 9);
  g_clear_object (&schedule);
  schedule = trib_test_query_get_schedule (client, id);
  g_assert_cmpint (trib_query_schedule_get_state (schedule), ==, TRIB_QUERY_SCHEDULE_ENABLED);
  g_assert_null (trib_query_schedule_get_quarantine_reason (schedule));

  /* The tenth quarantines it, with the reason. */
  g_assert_true (trib_test_query_trigger (client, id, &error));
  g_assert_no_error (error);
  g_clear_object (&runs);
  runs = trib_test_query_wait_runs (client, id, 10);
  listed = g_list_model_get_item (runs, 0);
  last = trib_test_query_get_run (client, id, trib_schedule_run_get_id (listed));
  g_assert_cmpint (trib_schedule_run_get_state (last), ==, TRIB_SCHEDULE_RUN_FAILED);
  g_assert_nonnull (strstr (trib_schedule_run_get_error (last), "luma_ordres"));

  quarantined = trib_test_query_get_schedule (client, id);
  g_assert_cmpint (trib_query_schedule_get_state (quarantined), ==, TRIB_QUERY_SCHEDULE_QUARANTINED);
  g_assert_nonnull (strstr (trib_query_schedule_get_quarantine_reason (quarantined), "10 consecutive"));
  g_assert_nonnull (strstr (trib_query_schedule_get_quarantine_reason (quarantined), "luma_ordres"));

  /* It runs no more until someone steps in. */
  g_assert_false (trib_test_query_trigger (client, id, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  g_assert_true (trib_test_query_set_enabled (client, id, TRUE, &error));
  g_assert_no_error (error);
  enabled = trib_test_query_get_schedule (client, id);
  g_assert_cmpint (trib_query_schedule_get_state (enabled), ==, TRIB_QUERY_SCHEDULE_ENABLED);
  g_assert_null (trib_query_schedule_get_quarantine_reason (enabled));
}

static void
test_runs_paging (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(TribQuerySchedule) schedule = enabled_schedule ("Quick one", "SELECT 1");
  const char *id = trib_query_schedule_get_id (schedule);
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 55; i++)
    {
      g_assert_true (trib_test_query_trigger (client, id, &error));
      g_assert_no_error (error);
    }

  runs = trib_test_query_wait_runs (client, id, 55);
  g_assert_cmpuint (trib_paged_list_get_n_requests (TRIB_PAGED_LIST (runs)), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(TribScheduleRun) run = g_list_model_get_item (runs, i);

      g_assert_cmpint (trib_schedule_run_get_state (run), ==, TRIB_SCHEDULE_RUN_SUCCESS);
      g_assert_true (g_hash_table_add (seen, g_strdup (trib_schedule_run_get_id (run))));
      if (i > 0)
        {
          g_autoptr(TribScheduleRun) newer = g_list_model_get_item (runs, i - 1);

          g_assert_cmpint (g_date_time_compare (trib_schedule_run_get_created (newer),
                                                trib_schedule_run_get_created (run)), >=, 0);
        }
    }
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* The yaml's own examples: times with a space and microseconds, a
 * duration as a number; and what is not a run, a schedule or a template.
 */
static void
test_objects (void)
{
  g_autoptr(JsonObject) run_json = parse_object (
    "{\"id\": \"a2NoKWR1dGVk\", \"scheduleId\": \"s1\", \"state\": \"FAILED\", \"created\": "
    "\"2022-06-02 10:56:00+00:00\", \"externalTrigger\": false, \"taskStatusList\": [{\"taskId\": "
    "\"0tx2JTP56S\", \"state\": \"FAILED\", \"message\": \"Processing Failed\", \"startDate\": "
    "\"2022-06-03 11:03:54.095191+00:00\", \"endDate\": \"2022-06-03 11:04:03.236972+00:00\", "
    "\"duration\": 9}]}");
  g_autoptr(JsonObject) schedule_json = parse_object (
    "{\"id\": \"s1\", \"state\": \"QUARANTINED\", \"query\": {\"dbName\": \"prod:all\", \"sql\": "
    "\"SELECT 1\", \"insertIntoParameters\": {\"datasetName\": \"Luma Orders\"}}, \"schedule\": "
    "{\"schedule\": \"@once\", \"startDate\": \"2030-01-08T12:30:00.000Z\"}, \"quarantine\": "
    "{\"reason\": \"10 consecutive runs failed\"}}");
  g_autoptr(JsonObject) empty = parse_object ("{\"name\": \"no id\"}");
  g_autoptr(GDateTime) before = g_date_time_new_utc (2029, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2031, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) once = NULL;
  TribScheduleRun *run = trib_schedule_run_new_from_json (run_json);
  TribQuerySchedule *schedule = trib_query_schedule_new_from_json (schedule_json);

  g_assert_cmpint (trib_schedule_run_get_state (run), ==, TRIB_SCHEDULE_RUN_FAILED);
  g_assert_cmpint (trib_schedule_run_get_duration_ms (run), ==, 9000);
  g_assert_cmpint (g_date_time_get_microsecond (trib_schedule_run_get_start (run)), ==, 95191);
  g_assert_cmpint (g_date_time_get_second (trib_schedule_run_get_end (run)), ==, 3);
  g_assert_cmpstr (trib_schedule_run_get_error (run), ==, "Processing Failed");
  g_assert_cmpstr (trib_schedule_run_get_task (run, 0)->id, ==, "0tx2JTP56S");
  g_assert_finalize_object (run);

  g_assert_cmpint (trib_query_schedule_get_state (schedule), ==, TRIB_QUERY_SCHEDULE_QUARANTINED);
  g_assert_cmpstr (trib_query_schedule_get_quarantine_reason (schedule), ==, "10 consecutive runs failed");
  g_assert_cmpstr (trib_query_schedule_get_output_dataset (schedule), ==, "Luma Orders");
  g_assert_false (trib_query_schedule_get_creates_dataset (schedule));
  g_assert_cmpuint (trib_query_schedule_get_max_active_runs (schedule), ==, 1);
  /* @once: at its start, then never again. */
  once = trib_query_schedule_dup_next_run (schedule, before);
  g_assert_true (g_date_time_equal (once, trib_query_schedule_get_start (schedule)));
  g_assert_null (trib_query_schedule_dup_next_run (schedule, after));
  g_assert_finalize_object (schedule);

  g_assert_null (trib_schedule_run_new_from_json (empty));
  g_assert_null (trib_query_schedule_new_from_json (empty));
  g_assert_null (trib_query_template_new_from_json (empty));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  world = trib_test_distiller_start ();

  g_test_add_func ("/schedule-runs/objects", test_objects);
  g_test_add_func ("/schedule-runs/cancel-query", test_cancel_query);
  g_test_add_func ("/schedule-runs/trigger-and-cancel", test_trigger_and_cancel_run);
  g_test_add_func ("/schedule-runs/quarantine", test_quarantine);
  g_test_add_func ("/schedule-runs/paging", test_runs_paging);

  status = g_test_run ();
  trib_test_distiller_stop (world);

  return status;
}
