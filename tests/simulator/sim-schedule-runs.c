/* sim-schedule-runs.c
 *
 * The runs of Query Service's schedules (`/schedules/{id}/runs`): the
 * list (`runsSchedules`, newest first, `limit` and an offset `start`
 * [UNV], `property` with state== / externalTrigger==), trigger now
 * (POST, 202, 400 unless ENABLED), the detail with its `taskStatusList`,
 * and cancel (PATCH {"op": "cancel"}). A run executes the schedule's
 * query on PostgreSQL, writing the output dataset's table; its times
 * are the clock's, its duration the real one. At most `maxActiveRuns`
 * run at once; the others wait QUEUED.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schedule-runs"

#include "config.h"

#include <string.h>

#include "sim-clock.h"
#include "sim-schedules-private.h"

void
schedule_run_free (ScheduleRun *run)
{
  g_assert (run->job == NULL);
  g_free (run->id);
  g_free (run->message);
  g_clear_pointer (&run->output, query_output_free);
  g_free (run);
}

guint
schedule_count_active (Schedule *schedule)
{
  guint active = 0;

  for (guint i = 0; i < schedule->runs->len; i++)
    if (g_str_equal (((ScheduleRun *) g_ptr_array_index (schedule->runs, i))->state, "IN_PROGRESS"))
      active++;

  return active;
}

static guint
count_running (Schedule *schedule)
{
  guint running = 0;

  for (guint i = 0; i < schedule->runs->len; i++)
    if (((ScheduleRun *) g_ptr_array_index (schedule->runs, i))->job != NULL)
      running++;

  return running;
}

static void start_waiting (Schedule *schedule);

static void
quarantine (Schedule    *schedule,
            ScheduleRun *run)
{
  schedule->state = "QUARANTINED";
  schedule->quarantined = sim_clock_now_ms ();
  g_free (schedule->quarantine_reason);
  schedule->quarantine_reason = g_strdup_printf ("%u consecutive runs failed; the last one: %s",
                                                 schedule->consecutive_failures,
                                                 run->message != NULL ? run->message : "no message");
}

static void
run_done (const SimQueryResult *result,
          gpointer              user_data)
{
  ScheduleRun *run = user_data;
  Schedule *schedule = run->schedule;

  g_clear_pointer (&run->job, sim_query_job_unref);
  run->duration_ms = result->duration_ms;
  run->ended = run->started + result->duration_ms;
  run->row_count = result->row_count;

  if (result->outcome == SIM_QUERY_OUTCOME_SUCCESS)
    {
      g_autofree char *dataset_id = query_output_finish (run->output, schedule->query, schedule->org_id,
                                                         schedule->sandbox, result->row_count);

      run->state = run->task_state = "SUCCESS";
      run->message = dataset_id != NULL
                     ? g_strdup_printf ("%" G_GINT64_FORMAT " rows written to dataset %s", result->row_count,
                                        dataset_id)
                     : g_strdup_printf ("%" G_GINT64_FORMAT " rows", result->row_count);
      schedule->consecutive_failures = 0;
    }
  else
    {
      run->state = run->task_state = "FAILED";
      run->message = run->cancelled ? g_strdup ("Cancelled by the user")
                                    : g_strdup_printf ("ErrorCode: %s %s",
                                                       result->outcome == SIM_QUERY_OUTCOME_TIMEOUT ? "53400"
                                                                                                  : result->sqlstate,
                                                       result->message);
      /* A cancelled run is no failure of the query. */
      if (!run->cancelled && ++schedule->consecutive_failures >= QUARANTINE_AFTER &&
          g_str_equal (schedule->state, "ENABLED"))
        quarantine (schedule, run);
    }

  start_waiting (schedule);
}

static void
start_run (ScheduleRun *run)
{
  Schedule *schedule = run->schedule;

  run->output = query_def_plan_output (schedule->query, schedule->org_id, schedule->sandbox);
  run->started = MAX (sim_clock_now_ms (), run->created);
  run->task_state = "IN_PROGRESS";
  run->job = sim_query_job_start (schedule->org_id, schedule->query->db_name, run->output->statement,
                                  QS_BATCH_TIMEOUT_SECONDS, run_done, run);
}

/* The oldest waiting runs, while fewer than maxActiveRuns run. */
static void
start_waiting (Schedule *schedule)
{
  for (guint i = 0; i < schedule->runs->len && count_running (schedule) < schedule->max_active_runs; i++)
    {
      ScheduleRun *run = g_ptr_array_index (schedule->runs, i);

      if (g_str_equal (run->task_state, "QUEUED"))
        start_run (run);
    }
}

/* Airflow's run ids, base64 as the platform shows them. */
static char *
new_run_id (gint64   created,
            gboolean external)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (created / 1000);
  g_autofree char *text = NULL;
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  if (external)
    text = g_strdup_printf ("manual__%s.%06d+00:00", stamp, (int) (g_get_real_time () % G_USEC_PER_SEC));
  else
    text = g_strdup_printf ("scheduled__%s+00:00", stamp);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

ScheduleRun *
schedule_add_run (Schedule *schedule,
                  gint64    created,
                  gboolean  external)
{
  ScheduleRun *run = g_new0 (ScheduleRun, 1);

  run->id = new_run_id (created, external);
  run->schedule = schedule;
  run->created = created;
  run->external = external;
  run->state = "IN_PROGRESS";
  run->task_state = "QUEUED";
  g_ptr_array_add (schedule->runs, run);
  start_waiting (schedule);

  return run;
}

static void
add_run_json (JsonBuilder *builder,
              SimRequest  *request,
              ScheduleRun *run,
              gboolean     detail)
{
  g_autofree char *href = g_strdup_printf ("%s%s/%s/runs/%s", sim_server_get_base_url (request->server),
                                           SCHEDULES_PATH, run->schedule->id, run->id);
  g_autofree char *created = schedules_format_time (run->created, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, run->id);
  if (detail)
    {
      json_builder_set_member_name (builder, "scheduleId");
      json_builder_add_string_value (builder, run->schedule->id);
    }
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, run->state);
  json_builder_set_member_name (builder, "externalTrigger");
  json_builder_add_boolean_value (builder, run->external);
  if (detail)
    {
      json_builder_set_member_name (builder, "taskStatusList");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "taskId");
      json_builder_add_string_value (builder, run->schedule->query->name != NULL ? run->schedule->query->name
                                                                                : "query");
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, run->task_state);
      if (run->message != NULL)
        {
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, run->message);
        }
      if (run->started > 0)
        {
          g_autofree char *start = schedules_format_time (run->started, TRUE);

          json_builder_set_member_name (builder, "startDate");
          json_builder_add_string_value (builder, start);
        }
      if (run->job == NULL && run->started > 0)
        {
          g_autofree char *end = schedules_format_time (run->ended, TRUE);
          /* A string of seconds, as the yaml types it. */
          g_autofree char *duration = g_strdup_printf ("%.3f", run->duration_ms / 1000.0);

          json_builder_set_member_name (builder, "endDate");
          json_builder_add_string_value (builder, end);
          json_builder_set_member_name (builder, "duration");
          json_builder_add_string_value (builder, duration);
        }
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  add_href (builder, "self", href, "GET");
  if (g_str_equal (run->state, "IN_PROGRESS"))
    add_href (builder, "cancel", href, "PATCH");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
}

static gboolean
run_matches (ScheduleRun *run,
             const char  *filter)
{
  if (g_str_has_prefix (filter, "state=="))
    return g_str_equal (run->state, filter + strlen ("state=="));
  if (g_str_has_prefix (filter, "state!="))
    return !g_str_equal (run->state, filter + strlen ("state!="));
  if (g_str_has_prefix (filter, "externalTrigger=="))
    return g_str_equal (run->external ? "true" : "false", filter + strlen ("externalTrigger=="));

  return FALSE;
}

static void
list_runs_cb (SimRequest *request)
{
  Schedule *schedule = schedules_find (request);
  const char *property = sim_request_get_query (request, "property");
  g_auto(GStrv) filters = g_strsplit (property != NULL ? property : "", ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gint64 limit;
  gint64 start;
  guint end;

  if (schedule == NULL ||
      !sim_request_get_query_int (request, "limit", 20, 1, 100, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE, &limit) ||
      !sim_request_get_query_int (request, "start", 0, 0, G_MAXINT32, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                  &start))
    return;
  for (guint i = 0; filters[i] != NULL; i++)
    if (filters[i][0] != '\0' && !g_str_has_prefix (filters[i], "state==") &&
        !g_str_has_prefix (filters[i], "state!=") && !g_str_has_prefix (filters[i], "externalTrigger=="))
      {
        sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                   "The property filter '%s' is not valid: state==, state!= or externalTrigger==.",
                                   filters[i]);
        return;
      }

  /* Newest first. */
  for (guint i = schedule->runs->len; i > 0; i--)
    {
      ScheduleRun *run = g_ptr_array_index (schedule->runs, i - 1);
      gboolean keep = TRUE;

      for (guint j = 0; keep && filters[j] != NULL; j++)
        keep = filters[j][0] == '\0' || run_matches (run, filters[j]);
      if (keep)
        g_ptr_array_add (kept, run);
    }
  end = MIN ((guint) start + (guint) limit, kept->len);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "runsSchedules");
  json_builder_begin_array (builder);
  for (guint i = (guint) start; i < end; i++)
    add_run_json (builder, request, g_ptr_array_index (kept, i), FALSE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "_page");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orderby");
  json_builder_add_string_value (builder, "-created");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, end > start ? end - start : 0);
  if (end < kept->len)
    {
      json_builder_set_member_name (builder, "next");
      json_builder_add_int_value (builder, end);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  if (end < kept->len)
    {
      g_autofree char *href = g_strdup_printf ("%s%s/%s/runs?limit=%" G_GINT64_FORMAT "&start=%u",
                                               sim_server_get_base_url (request->server), SCHEDULES_PATH,
                                               schedule->id, limit, end);

      add_href (builder, "next", href, NULL);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static void
trigger_run_cb (SimRequest *request)
{
  Schedule *schedule = schedules_find (request);

  if (schedule == NULL)
    return;

  if (!g_str_equal (schedule->state, "ENABLED"))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "Schedule is %s. Immediate run cannot be triggered.",
                                 g_str_equal (schedule->state, "DISABLED") ? "disabled" : schedule->state);
      return;
    }

  schedule_add_run (schedule, sim_clock_now_ms (), TRUE);
  schedules_reply_accepted (request, "Request to trigger run of a scheduled query accepted");
}

static ScheduleRun *
find_run (SimRequest *request)
{
  Schedule *schedule = schedules_find (request);
  const char *id = sim_request_get_param (request, "run");

  if (schedule == NULL)
    return NULL;

  for (guint i = 0; i < schedule->runs->len; i++)
    if (g_str_equal (((ScheduleRun *) g_ptr_array_index (schedule->runs, i))->id, id))
      return g_ptr_array_index (schedule->runs, i);

  sim_request_reply_problem (request, 404, QS_NOT_FOUND_CODE, "Run not found",
                             "Schedule '%s' has no run '%s'.", schedule->id, id);
  return NULL;
}

static void
get_run_cb (SimRequest *request)
{
  ScheduleRun *run = find_run (request);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (run == NULL)
    return;

  builder = json_builder_new ();
  add_run_json (builder, request, run, TRUE);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static void
cancel_run_cb (SimRequest *request)
{
  ScheduleRun *run;
  const char *op;

  if (!sim_request_parse_body (request) || !(run = find_run (request)))
    return;

  op = JSON_NODE_HOLDS_OBJECT (request->body) ? sim_json_get_string (json_node_get_object (request->body), "op")
                                               : NULL;
  if (g_strcmp0 (op, "cancel") != 0)
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "The body must be {\"op\": \"cancel\"}.");
      return;
    }
  /* [UNV] the yaml documents no error for a run that has ended. */
  if (!g_str_equal (run->state, "IN_PROGRESS"))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "Run '%s' has already ended (%s).", run->id, run->state);
      return;
    }

  run->cancelled = TRUE;
  if (run->job != NULL)
    sim_query_job_cancel (run->job);
  else
    {
      /* Still waiting for its turn: it ends now. */
      run->state = run->task_state = "FAILED";
      run->message = g_strdup ("Cancelled by the user");
    }
  schedules_reply_accepted (request, "Request to cancel run of a scheduled query accepted");
}

void
schedule_runs_register (SimServer *server)
{
  sim_server_add_route (server, "GET", SCHEDULES_PATH "/{id}/runs", SIM_ROUTE_SANDBOX_DEFAULT_PROD, list_runs_cb);
  sim_server_add_route (server, "POST", SCHEDULES_PATH "/{id}/runs", SIM_ROUTE_SANDBOX_DEFAULT_PROD, trigger_run_cb);
  sim_server_add_route (server, "GET", SCHEDULES_PATH "/{id}/runs/{run}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        get_run_cb);
  sim_server_add_route (server, "PATCH", SCHEDULES_PATH "/{id}/runs/{run}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        cancel_run_cb);
}
