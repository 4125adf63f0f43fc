/* sim-schedules.c
 *
 * Query Service's schedules (`/schedules`). POST answers 202 with the
 * schedule `REGISTERING` (and no `created`/`updated`, as the yaml says);
 * it becomes `ENABLED` a moment later. `schedule.schedule` takes five
 * cron fields or a shorthand (sim-cron.c), in UTC, between `startDate`
 * and the optional `endDate`. PATCH takes a JSON Patch wrapped in
 * `{"body": […]}` (`/state` enable|disable, `/schedule/schedule`);
 * DELETE only a DISABLED schedule without active runs, else 400.
 * Schedules fire from the simulator's clock (sim-clock.c): when it
 * passes a due time, the latest one due starts a run (no catch-up of
 * the ones skipped over [UNV]). Ten consecutive failed runs quarantine
 * a schedule: state `QUARANTINED` with a `quarantine` reason [UNV: the
 * yaml has three states]; enabling it again is the way out.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schedules"

#include "config.h"

#include <string.h>

#include "sim-clock.h"
#include "sim-schedules-private.h"

/* How long registering takes [UNV: the platform gives no figure]. */
#define REGISTERING_MS 300

static GPtrArray *schedules;   /* Schedule, oldest first, every org */

static void
schedule_free (Schedule *schedule)
{
  g_clear_handle_id (&schedule->registering_id, g_source_remove);
  g_free (schedule->id);
  g_free (schedule->org_id);
  g_free (schedule->sandbox);
  g_free (schedule->user_id);
  g_clear_pointer (&schedule->query, query_def_free);
  g_free (schedule->expression);
  g_clear_pointer (&schedule->cron, sim_cron_free);
  g_free (schedule->quarantine_reason);
  g_clear_pointer (&schedule->runs, g_ptr_array_unref);
  g_free (schedule);
}

/* "2022-01-21 15:41:00+00:00", as runs and schedules write times. */
char *
schedules_format_time (gint64   ms,
                       gboolean micro)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");

  if (micro)
    return g_strdup_printf ("%s.%06d+00:00", seconds, (int) (ms % 1000) * 1000);
  return g_strdup_printf ("%s+00:00", seconds);
}

static gboolean
parse_time (const char *text,
            gint64     *ms)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    return FALSE;

  *ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  return TRUE;
}

void
schedules_reply_accepted (SimRequest *request,
                          const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "statusCode");
  json_builder_add_int_value (builder, 202);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 202, node);
}

static void
add_schedule_json (JsonBuilder *builder,
                   SimRequest  *request,
                   Schedule    *schedule,
                   gboolean     with_times)
{
  g_autofree char *href = g_strconcat (sim_server_get_base_url (request->server), SCHEDULES_PATH "/",
                                       schedule->id, NULL);
  g_autofree char *runs_href = g_strconcat (href, "/runs", NULL);
  g_autofree char *start = schedules_format_time (schedule->start, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, schedule->id);
  json_builder_set_member_name (builder, "userId");
  json_builder_add_string_value (builder, schedule->user_id);
  json_builder_set_member_name (builder, "updatedUserId");
  json_builder_add_string_value (builder, schedule->user_id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, schedule->state);
  json_builder_set_member_name (builder, "query");
  query_def_add_json (builder, schedule->query);
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schedule");
  json_builder_add_string_value (builder, schedule->expression);
  json_builder_set_member_name (builder, "startDate");
  json_builder_add_string_value (builder, start);
  if (schedule->end >= 0)
    {
      g_autofree char *end = schedules_format_time (schedule->end, FALSE);

      json_builder_set_member_name (builder, "endDate");
      json_builder_add_string_value (builder, end);
    }
  json_builder_set_member_name (builder, "maxActiveRuns");
  json_builder_add_int_value (builder, schedule->max_active_runs);
  json_builder_end_object (builder);
  if (schedule->quarantine_reason != NULL)
    {
      g_autofree char *since = queries_format_time (schedule->quarantined);

      json_builder_set_member_name (builder, "quarantine");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, schedule->quarantine_reason);
      json_builder_set_member_name (builder, "since");
      json_builder_add_string_value (builder, since);
      json_builder_set_member_name (builder, "consecutiveFailedRuns");
      json_builder_add_int_value (builder, schedule->consecutive_failures);
      json_builder_end_object (builder);
    }
  if (with_times)
    {
      g_autofree char *created = queries_format_time (schedule->created);
      g_autofree char *updated = queries_format_time (schedule->updated);

      json_builder_set_member_name (builder, "created");
      json_builder_add_string_value (builder, created);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_string_value (builder, updated);
    }
  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  add_href (builder, "self", href, "GET");
  add_href (builder, "runs", runs_href, "GET");
  if (!g_str_equal (schedule->state, "ENABLED"))
    add_href (builder, "enable", href, "PATCH");
  if (!g_str_equal (schedule->state, "DISABLED"))
    add_href (builder, "disable", href, "PATCH");
  add_href (builder, "delete", href, "DELETE");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
reply_schedule (SimRequest *request,
                guint       status,
                Schedule   *schedule,
                gboolean    with_times)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  add_schedule_json (builder, request, schedule, with_times);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, status, node);
}

static gboolean
registered_cb (gpointer user_data)
{
  Schedule *schedule = user_data;

  schedule->registering_id = 0;
  schedule->state = "ENABLED";
  schedule->updated = sim_clock_now_ms ();

  return G_SOURCE_REMOVE;
}

/* Long composite ids, as the platform's: the org, a UUID, the name. */
static char *
new_schedule_id (const char *org_id,
                 const char *name)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = org_id; *p != '\0' && *p != '@'; p++)
    g_string_append_c (id, g_ascii_tolower (*p));
  g_string_append_printf (id, "_%s_", uuid);
  for (const char *p = name != NULL ? name : "scheduled_query"; *p != '\0' && id->len < 120; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  for (guint i = 0; i < 10; i++)
    g_string_append_c (id, "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)]);
  g_string_append_c (id, '_');
  for (guint i = 0; i < 6; i++)
    g_string_append_c (id, "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)]);

  return g_string_free (g_steal_pointer (&id), FALSE);
}

static gboolean
bad (SimRequest *request,
     const char *message)
{
  sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE, "%s", message);
  return FALSE;
}

static void
create_schedule_cb (SimRequest *request)
{
  g_autoptr(QueryDef) query = NULL;
  g_autoptr(SimCron) cron = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  JsonObject *timing;
  JsonNode *max_runs;
  const char *expression;
  gint64 start = 0;
  gint64 end = -1;
  Schedule *schedule;

  if (sim_query_service_get_admin_conninfo () == NULL)
    {
      sim_request_reply_problem (request, 503, "QSG-1503-503", "Query Service unavailable",
                                 "The simulator was started without PostgreSQL.");
      return;
    }
  if (!sim_request_parse_body (request))
    return;

  body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  timing = body != NULL && json_object_has_member (body, "schedule") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "schedule"))
           ? json_object_get_object_member (body, "schedule") : NULL;
  if (timing == NULL)
    {
      bad (request, "The body needs a query (a query definition) and a schedule {schedule, startDate}.");
      return;
    }
  if (!(query = query_def_parse (request, request->body, "query")))
    return;

  expression = sim_json_get_string (timing, "schedule");
  if (!(cron = sim_cron_parse (expression, &error)))
    {
      bad (request, error->message);
      return;
    }
  if (!parse_time (sim_json_get_string (timing, "startDate"), &start))
    {
      bad (request, "schedule.startDate is required: a UTC time such as 2020-01-08T12:30:00.000Z.");
      return;
    }
  if (json_object_has_member (timing, "endDate") &&
      (!parse_time (sim_json_get_string (timing, "endDate"), &end) || end <= start))
    {
      bad (request, "schedule.endDate must be a UTC time after startDate.");
      return;
    }
  max_runs = json_object_get_member (timing, "maxActiveRuns");
  if (max_runs != NULL && (json_node_get_value_type (max_runs) != G_TYPE_INT64 || json_node_get_int (max_runs) < 1 ||
                           json_node_get_int (max_runs) > 100))
    {
      bad (request, "schedule.maxActiveRuns must be a whole number from 1 to 100.");
      return;
    }
  if (!sim_query_service_ensure_role (request->client->org->id, &error))
    {
      sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
      return;
    }

  schedule = g_new0 (Schedule, 1);
  schedule->id = new_schedule_id (request->client->org->id, query->name);
  schedule->org_id = g_strdup (request->client->org->id);
  schedule->sandbox = g_strdup (request->sandbox);
  schedule->user_id = g_strdup (request->client->technical_account_id);
  schedule->query = g_steal_pointer (&query);
  schedule->expression = g_strdup (expression);
  schedule->cron = g_steal_pointer (&cron);
  schedule->start = start;
  schedule->end = end;
  schedule->max_active_runs = max_runs != NULL ? json_node_get_int (max_runs) : 1;
  schedule->state = "REGISTERING";
  schedule->created = sim_clock_now_ms ();
  schedule->updated = schedule->created;
  /* Nothing due before the schedule existed runs. */
  schedule->last_due = schedule->created;
  schedule->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_run_free);
  schedule->registering_id = g_timeout_add (REGISTERING_MS, registered_cb, schedule);
  g_ptr_array_add (schedules, schedule);

  reply_schedule (request, 202, schedule, FALSE);
}

Schedule *
schedules_find (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");

  for (guint i = 0; i < schedules->len; i++)
    {
      Schedule *schedule = g_ptr_array_index (schedules, i);

      if (g_str_equal (schedule->id, id) && g_str_equal (schedule->org_id, request->client->org->id) &&
          g_str_equal (schedule->sandbox, request->sandbox))
        return schedule;
    }

  sim_request_reply_problem (request, 404, QS_NOT_FOUND_CODE, "Schedule not found",
                             "Schedule '%s' does not exist in sandbox '%s'.", id, request->sandbox);
  return NULL;
}

static void
get_schedule_cb (SimRequest *request)
{
  Schedule *schedule = schedules_find (request);

  if (schedule != NULL)
    reply_schedule (request, 200, schedule, TRUE);
}

/* templateId==, userId==, created> and created< [UNV: the other
 * properties the yaml hints at are not known].
 */
static gboolean
schedule_matches (Schedule   *schedule,
                  const char *filter)
{
  gint64 time;

  if (g_str_has_prefix (filter, "templateId=="))
    return g_strcmp0 (schedule->query->template_id, filter + strlen ("templateId==")) == 0;
  if (g_str_has_prefix (filter, "userId=="))
    return g_str_equal (schedule->user_id, filter + strlen ("userId=="));
  if (g_str_has_prefix (filter, "created>") && parse_time (filter + strlen ("created>"), &time))
    return schedule->created > time;
  if (g_str_has_prefix (filter, "created<") && parse_time (filter + strlen ("created<"), &time))
    return schedule->created < time;

  return FALSE;
}

static gboolean
filter_known (const char *filter)
{
  gint64 time;

  return g_str_has_prefix (filter, "templateId==") || g_str_has_prefix (filter, "userId==") ||
         ((g_str_has_prefix (filter, "created>") || g_str_has_prefix (filter, "created<")) &&
          parse_time (filter + strlen ("created>"), &time));
}

static void
list_schedules_cb (SimRequest *request)
{
  const char *orderby = sim_request_get_query (request, "orderby");
  const char *property = sim_request_get_query (request, "property");
  g_auto(GStrv) filters = g_strsplit (property != NULL ? property : "", ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean ascending;
  gint64 limit;
  gint64 start;
  guint end;

  if (orderby != NULL && !g_str_equal (orderby, "-created") && !g_str_equal (orderby, "+created"))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "orderby must be +created (sent as %%2Bcreated) or -created, not '%s'.", orderby);
      return;
    }
  ascending = orderby != NULL && orderby[0] == '+';
  if (!sim_request_get_query_int (request, "limit", 20, 1, 100, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE, &limit) ||
      !sim_request_get_query_int (request, "start", 0, 0, G_MAXINT32, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                  &start))
    return;
  for (guint i = 0; filters[i] != NULL; i++)
    if (filters[i][0] != '\0' && !filter_known (filters[i]))
      {
        sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                   "The property filter '%s' is not valid: templateId==, userId==, created> or "
                                   "created<.", filters[i]);
        return;
      }

  for (guint i = 0; i < schedules->len; i++)
    {
      Schedule *schedule = g_ptr_array_index (schedules, ascending ? i : schedules->len - 1 - i);
      gboolean keep = g_str_equal (schedule->org_id, request->client->org->id) &&
                      g_str_equal (schedule->sandbox, request->sandbox);

      for (guint j = 0; keep && filters[j] != NULL; j++)
        keep = filters[j][0] == '\0' || schedule_matches (schedule, filters[j]);
      if (keep)
        g_ptr_array_add (kept, schedule);
    }
  end = MIN ((guint) start + (guint) limit, kept->len);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schedules");
  json_builder_begin_array (builder);
  for (guint i = (guint) start; i < end; i++)
    add_schedule_json (builder, request, g_ptr_array_index (kept, i), TRUE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "_page");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orderby");
  json_builder_add_string_value (builder, ascending ? "+created" : "-created");
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
      g_autofree char *href = g_strdup_printf ("%s%s?orderby=%s&limit=%" G_GINT64_FORMAT "&start=%u",
                                               sim_server_get_base_url (request->server), SCHEDULES_PATH,
                                               ascending ? "%2Bcreated" : "-created", limit, end);

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
patch_schedule_cb (SimRequest *request)
{
  Schedule *schedule;
  JsonNode *operations;
  JsonArray *array;

  if (!sim_request_parse_body (request) || !(schedule = schedules_find (request)))
    return;

  /* The JSON Patch goes inside "body" (API-NOTES §B2). */
  operations = JSON_NODE_HOLDS_OBJECT (request->body)
               ? json_object_get_member (json_node_get_object (request->body), "body") : NULL;
  if (operations == NULL || !JSON_NODE_HOLDS_ARRAY (operations) ||
      json_array_get_length (json_node_get_array (operations)) == 0)
    {
      bad (request, "The body must be {\"body\": [JSON Patch operations]}, such as {\"body\": [{\"op\": "
                    "\"replace\", \"path\": \"/state\", \"value\": \"disable\"}]}.");
      return;
    }
  array = json_node_get_array (operations);

  /* Check every operation before applying any. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *element = json_array_get_element (array, i);
        JsonObject *operation = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
        const char *op = operation != NULL ? sim_json_get_string (operation, "op") : NULL;
        const char *path = operation != NULL ? sim_json_get_string (operation, "path") : NULL;
        const char *value = operation != NULL ? sim_json_get_string (operation, "value") : NULL;

        if (g_strcmp0 (op, "replace") != 0 || value == NULL ||
            !(g_strcmp0 (path, "/state") == 0 || g_strcmp0 (path, "/schedule/schedule") == 0))
          {
            bad (request, "Each operation must be {\"op\": \"replace\", \"path\": \"/state\" or "
                          "\"/schedule/schedule\", \"value\": …}.");
            return;
          }

        if (g_str_equal (path, "/state"))
          {
            gboolean enable = g_str_equal (value, "enable");

            if (!enable && !g_str_equal (value, "disable"))
              {
                bad (request, "/state takes \"enable\" or \"disable\".");
                return;
              }
            if (g_str_equal (schedule->state, "REGISTERING"))
              {
                bad (request, "Schedule is in Inactive state. Please try after sometime.");
                return;
              }
            if (g_str_equal (schedule->state, enable ? "ENABLED" : "DISABLED"))
              {
                sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                           "Schedule already in the state requested (%s).", schedule->state);
                return;
              }
            if (pass == 1)
              {
                schedule->state = enable ? "ENABLED" : "DISABLED";
                schedule->consecutive_failures = 0;
                g_clear_pointer (&schedule->quarantine_reason, g_free);
                /* What fell due while disabled does not run. */
                schedule->last_due = MAX (schedule->last_due, sim_clock_now_ms ());
              }
          }
        else
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(SimCron) cron = sim_cron_parse (value, &error);

            if (cron == NULL)
              {
                bad (request, error->message);
                return;
              }
            if (pass == 1)
              {
                g_free (schedule->expression);
                schedule->expression = g_strdup (value);
                sim_cron_free (schedule->cron);
                schedule->cron = g_steal_pointer (&cron);
                schedule->once_fired = FALSE;
              }
          }
      }

  schedule->updated = sim_clock_now_ms ();
  schedules_reply_accepted (request, "Request to patch accepted");
}

static void
delete_schedule_cb (SimRequest *request)
{
  Schedule *schedule = schedules_find (request);

  if (schedule == NULL)
    return;

  if (!g_str_equal (schedule->state, "DISABLED"))
    {
      bad (request, "Please disable the schedule before requesting delete operation.");
      return;
    }
  if (schedule_count_active (schedule) > 0)
    {
      bad (request, "There are active run(s) for this schedule, please wait for completion before requesting "
                    "delete operation.");
      return;
    }

  g_ptr_array_remove (schedules, schedule);
  schedules_reply_accepted (request, "Schedule deleted successfully");
}

/* The latest due time in (last_due, now], within the schedule's dates. */
static gint64
latest_due (Schedule *schedule,
            gint64    now)
{
  gint64 due = -1;
  gint64 after = MAX (schedule->last_due, schedule->start - 1);

  if (sim_cron_is_once (schedule->cron))
    return !schedule->once_fired && schedule->start <= now ? schedule->start : -1;

  for (guint i = 0; i < 100000; i++)
    {
      gint64 next = sim_cron_next (schedule->cron, after);

      if (next < 0 || next > now || (schedule->end >= 0 && next > schedule->end))
        break;
      due = after = next;
    }

  return due;
}

static void
clock_tick_cb (gint64   now,
               gpointer user_data)
{
  for (guint i = 0; i < schedules->len; i++)
    {
      Schedule *schedule = g_ptr_array_index (schedules, i);
      gint64 due;

      if (!g_str_equal (schedule->state, "ENABLED") || (due = latest_due (schedule, now)) < 0)
        continue;

      schedule->last_due = due;
      schedule->once_fired = TRUE;
      schedule_add_run (schedule, due, FALSE);
    }
}

void
sim_schedules_register (SimServer *server)
{
  schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_free);

  sim_server_add_route (server, "POST", SCHEDULES_PATH, SIM_ROUTE_SANDBOX_DEFAULT_PROD, create_schedule_cb);
  sim_server_add_route (server, "GET", SCHEDULES_PATH, SIM_ROUTE_SANDBOX_DEFAULT_PROD, list_schedules_cb);
  sim_server_add_route (server, "GET", SCHEDULES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, get_schedule_cb);
  sim_server_add_route (server, "PATCH", SCHEDULES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, patch_schedule_cb);
  sim_server_add_route (server, "DELETE", SCHEDULES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        delete_schedule_cb);
  schedule_runs_register (server);
  sim_clock_add_listener (clock_tick_cb, NULL);
}
