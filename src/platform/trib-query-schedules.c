/* trib-query-schedules.c
 *
 * Query Service's scheduled queries and their runs (API-NOTES §B2, §B3):
 * create (202, `REGISTERING` before `ENABLED`), list a page at a time,
 * get, enable and disable with the JSON Patch wrapped in `body`, a new
 * cron, delete (only once disabled); a schedule's runs listed, started
 * now, read with their tasks, cancelled.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-schedules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-paging.h"
#include "trib-query-schedules.h"
#include "trib-query-service-private.h"

#define QUERY_SERVICE NC_("platform service", "Query Service")
#define SCHEDULES_PATH TRIB_QUERY_SERVICE_PATH "/schedules"

static gpointer
parse_schedule (JsonNode  *reply,
                TribCall  *call,
                GError   **error)
{
  return JSON_NODE_HOLDS_OBJECT (reply) ? trib_query_schedule_new_from_json (json_node_get_object (reply)) : NULL;
}

static gpointer
parse_schedule_item (JsonObject  *item,
                     const char  *key,
                     TribCall    *call,
                     GError     **error)
{
  return trib_query_schedule_new_from_json (item);
}

static gpointer
parse_run (JsonNode  *reply,
           TribCall  *call,
           GError   **error)
{
  return JSON_NODE_HOLDS_OBJECT (reply) ? trib_schedule_run_new_from_json (json_node_get_object (reply)) : NULL;
}

static gpointer
parse_run_item (JsonObject  *item,
                const char  *key,
                TribCall    *call,
                GError     **error)
{
  return trib_schedule_run_new_from_json (item);
}

/* `limit` and an offset `start` (API-NOTES §B2). */
static const TribPaging schedules_paging = {
  .style = TRIB_PAGING_START_LIMIT,
  .item_type = trib_query_schedule_get_type,
  .items = "schedules",
  .parse_item = parse_schedule_item,
  .page_size = 50,
  .max_page_size = 100,
};

/* As the schedules [UNV: the yaml names the same parameters]. Ten a
 * page: each run is then read for its tasks and duration, and a
 * schedule's details show ten more at a time. */
static const TribPaging runs_paging = {
  .style = TRIB_PAGING_START_LIMIT,
  .item_type = trib_schedule_run_get_type,
  .items = "runsSchedules",
  .parse_item = parse_run_item,
  .page_size = 10,
  .max_page_size = 100,
};

static const TribEndpoint list_schedules_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("a list of scheduled queries"),
  .method = "GET",
  .path = SCHEDULES_PATH "?orderby=-created",
  .idempotent = TRUE,
  .paging = &schedules_paging,
};

/* Never retried: a second try could schedule the query twice. */
static const TribEndpoint create_schedule_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the new scheduled query"),
  .method = "POST",
  .path = SCHEDULES_PATH,
  .idempotent = FALSE,
  .parse = parse_schedule,
  .free_result = g_object_unref,
};

static const TribEndpoint get_schedule_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the scheduled query"),
  .method = "GET",
  .path = SCHEDULES_PATH "/{}",
  .idempotent = TRUE,
  .parse = parse_schedule,
  .free_result = g_object_unref,
};

/* Not retried: a second enable of an enabled schedule is a 400. */
static const TribEndpoint patch_schedule_endpoint = {
  .service = QUERY_SERVICE,
  .method = "PATCH",
  .path = SCHEDULES_PATH "/{}",
  .idempotent = FALSE,
};

static const TribEndpoint delete_schedule_endpoint = {
  .service = QUERY_SERVICE,
  .method = "DELETE",
  .path = SCHEDULES_PATH "/{}",
  .idempotent = TRUE,
};

static const TribEndpoint list_runs_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("a list of runs"),
  .method = "GET",
  .path = SCHEDULES_PATH "/{}/runs",
  .idempotent = TRUE,
  .paging = &runs_paging,
};

/* Never retried: a second try would start a second run. */
static const TribEndpoint trigger_endpoint = {
  .service = QUERY_SERVICE,
  .method = "POST",
  .path = SCHEDULES_PATH "/{}/runs",
  .idempotent = FALSE,
};

static const TribEndpoint get_run_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the run"),
  .method = "GET",
  .path = SCHEDULES_PATH "/{}/runs/{}",
  .idempotent = TRUE,
  .parse = parse_run,
  .free_result = g_object_unref,
};

static const TribEndpoint cancel_run_endpoint = {
  .service = QUERY_SERVICE,
  .method = "PATCH",
  .path = SCHEDULES_PATH "/{}/runs/{}",
  .idempotent = TRUE,
};

/**
 * trib_query_schedules_list:
 *
 * Returns: (transfer full): a #TribPagedList of #TribQuerySchedule,
 *   newest first
 */
TribPagedList *
trib_query_schedules_list (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return trib_paged_list_new_for_call (client, trib_call_new (&list_schedules_endpoint, NULL));
}

/* Query Service reads ISO times in UTC. */
static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
}

/**
 * trib_query_schedules_create_async:
 * @draft: what to schedule
 *
 * Schedules a query. The schedule comes back `REGISTERING`; it is
 * `ENABLED` a moment later.
 */
void
trib_query_schedules_create_async (TribPlatformClient           *client,
                                   const TribQueryScheduleDraft *draft,
                                   GCancellable                 *cancellable,
                                   GAsyncReadyCallback           callback,
                                   gpointer                      user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *start = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (draft != NULL);
  g_return_if_fail (draft->database != NULL);
  g_return_if_fail (draft->sql != NULL || draft->template_id != NULL);
  g_return_if_fail (draft->output == TRIB_QUERY_OUTPUT_NONE || draft->dataset_name != NULL);
  g_return_if_fail (draft->cron != NULL);
  g_return_if_fail (draft->start != NULL);

  start = format_time (draft->start);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  _trib_query_service_add_query_def (builder, draft->name, draft->database, draft->sql, draft->template_id,
                                     draft->output, draft->dataset_name);
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schedule");
  json_builder_add_string_value (builder, draft->cron);
  json_builder_set_member_name (builder, "startDate");
  json_builder_add_string_value (builder, start);
  if (draft->end != NULL)
    {
      g_autofree char *end = format_time (draft->end);

      json_builder_set_member_name (builder, "endDate");
      json_builder_add_string_value (builder, end);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&create_schedule_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_query_schedules_create_finish:
 *
 * Returns: (transfer full): the new schedule
 */
TribQuerySchedule *
trib_query_schedules_create_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_schedules_get_async (TribPlatformClient  *client,
                                const char          *schedule_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_schedule_endpoint, schedule_id, NULL), cancellable,
                                   callback, user_data);
}

/**
 * trib_query_schedules_get_finish:
 *
 * Returns: (transfer full): the schedule as it is now
 */
TribQuerySchedule *
trib_query_schedules_get_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/* {"body": [{"op": "replace", "path": …, "value": …}]}: the wrapper is
 * the platform's (API-NOTES §B2).
 */
static void
send_patch (TribPlatformClient  *client,
            const char          *schedule_id,
            const char          *path,
            const char          *value,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "replace");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&patch_schedule_endpoint, schedule_id, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_query_schedules_set_enabled_async:
 * @enabled: enable, or disable
 *
 * Enables or disables a schedule; enabling a quarantined one is the way
 * out of its quarantine. One already so, or still registering, is a
 * %TRIB_PLATFORM_ERROR_BAD_REQUEST.
 */
void
trib_query_schedules_set_enabled_async (TribPlatformClient  *client,
                                        const char          *schedule_id,
                                        gboolean             enabled,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);

  send_patch (client, schedule_id, "/state", enabled ? "enable" : "disable", cancellable, callback, user_data);
}

gboolean
trib_query_schedules_set_enabled_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}

/**
 * trib_query_schedules_set_cron_async:
 * @cron: five cron fields or a shorthand, in UTC
 */
void
trib_query_schedules_set_cron_async (TribPlatformClient  *client,
                                     const char          *schedule_id,
                                     const char          *cron,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);
  g_return_if_fail (cron != NULL);

  send_patch (client, schedule_id, "/schedule/schedule", cron, cancellable, callback, user_data);
}

gboolean
trib_query_schedules_set_cron_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}

/**
 * trib_query_schedules_delete_async:
 *
 * Deletes a schedule, which must be disabled and have no run going:
 * otherwise a %TRIB_PLATFORM_ERROR_BAD_REQUEST with the platform's
 * reason.
 */
void
trib_query_schedules_delete_async (TribPlatformClient  *client,
                                   const char          *schedule_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_schedule_endpoint, schedule_id, NULL),
                                   cancellable, callback, user_data);
}

gboolean
trib_query_schedules_delete_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}

/**
 * trib_query_schedules_list_runs:
 *
 * Returns: (transfer full): a #TribPagedList of #TribScheduleRun, newest
 *   first, without their tasks (trib_query_schedules_get_run_async()
 *   has them)
 */
TribPagedList *
trib_query_schedules_list_runs (TribPlatformClient *client,
                                const char         *schedule_id)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (schedule_id != NULL, NULL);

  return trib_paged_list_new_for_call (client, trib_call_new (&list_runs_endpoint, schedule_id, NULL));
}

/**
 * trib_query_schedules_trigger_async:
 *
 * Runs an enabled schedule now. The answer names no run: it shows in the
 * list, `externalTrigger` true.
 */
void
trib_query_schedules_trigger_async (TribPlatformClient  *client,
                                    const char          *schedule_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&trigger_endpoint, schedule_id, NULL), cancellable,
                                   callback, user_data);
}

gboolean
trib_query_schedules_trigger_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}

void
trib_query_schedules_get_run_async (TribPlatformClient  *client,
                                    const char          *schedule_id,
                                    const char          *run_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);
  g_return_if_fail (run_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_run_endpoint, schedule_id, run_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_query_schedules_get_run_finish:
 *
 * Returns: (transfer full): the run, with its tasks
 */
TribScheduleRun *
trib_query_schedules_get_run_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_schedules_cancel_run_async (TribPlatformClient  *client,
                                       const char          *schedule_id,
                                       const char          *run_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schedule_id != NULL);
  g_return_if_fail (run_id != NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "cancel");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&cancel_run_endpoint, schedule_id, run_id, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

gboolean
trib_query_schedules_cancel_run_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}
