/* trib-flow-service-runs.c
 *
 * Flow Service: watching and changing a dataflow once it exists
 * (API-NOTES §A8, §A9): its runs, page by page; one run; enable and
 * disable; a change of name, schedule or mapping version, sent as a
 * JSON Patch with the etag the flow was read with (412: someone changed
 * it since, %TRIB_PLATFORM_ERROR_STALE); delete; an ad hoc run of a
 * `once` flow; and a failed run run again.
 *
 * Only reads and delete are retried: an action, a patch or a new run
 * sent twice could act twice, or be refused as stale after the first
 * went through unanswered.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-service-flows.h"
#include "trib-flow-service-private.h"
#include "trib-flow-service-runs.h"
#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

#define FLOW_SERVICE NC_("platform service", "Flow Service")

static gpointer
parse_run_item (JsonObject  *item,
                const char  *key,
                TribCall    *call,
                GError     **error)
{
  return trib_flow_run_new_from_json (item);
}

/* `GET /runs/{id}` answers `{items: [run]}`; RE_TRIGGER the run itself. */
static gpointer
parse_run (JsonNode  *reply,
           TribCall  *call,
           GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  JsonArray *items = trib_xdm_json_get_array (object, "items");

  if (items != NULL)
    {
      JsonNode *first = json_array_get_length (items) > 0 ? json_array_get_element (items, 0) : NULL;

      object = first != NULL && JSON_NODE_HOLDS_OBJECT (first) ? json_node_get_object (first) : NULL;
    }

  return object != NULL ? trib_flow_run_new_from_json (object) : NULL;
}

static const TribPaging runs_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = trib_flow_run_get_type,
  .items = "items",
  .parse_item = parse_run_item,
  .page_size = TRIB_FLOW_RUNS_PAGE_SIZE,
  .max_page_size = 100,
  .link_base = FLOW_SERVICE_PATH,
};

/* Read whole into a chart while the window draws: parsed on a worker. */
static const TribEndpoint list_runs_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of dataflow runs"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/runs",
  .flags = TRIB_CALL_WORKER,
  .idempotent = TRUE,
  .paging = &runs_paging,
};

static const TribEndpoint get_run_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow run"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/runs/{}",
  .idempotent = TRUE,
  .parse = parse_run,
  .free_result = g_object_unref,
};

static const TribEndpoint enable_flow_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow’s new etag"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/flows/{}/action?op=enable",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not enable the dataflow: "),
};

static const TribEndpoint disable_flow_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow’s new etag"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/flows/{}/action?op=disable",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not disable the dataflow: "),
};

static const TribEndpoint update_flow_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow’s new etag"),
  .method = "PATCH",
  .path = FLOW_SERVICE_PATH "/flows/{}",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not change the dataflow: "),
};

static const TribEndpoint delete_flow_endpoint = {
  .service = FLOW_SERVICE,
  .method = "DELETE",
  .path = FLOW_SERVICE_PATH "/flows/{}",
  .idempotent = TRUE,
  .error_prefix = N_("Could not delete the dataflow: "),
};

static const TribEndpoint create_run_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the new run’s id"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/runs",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not start the dataflow: "),
};

static const TribEndpoint retrigger_run_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow run"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/runs/{}/action?op=RE_TRIGGER",
  .idempotent = FALSE,
  .parse = parse_run,
  .free_result = g_object_unref,
  .error_prefix = N_("Could not run it again: "),
};

/**
 * trib_flow_service_list_runs:
 * @client: a #TribPlatformClient
 * @flow_id: a flow
 *
 * Returns: (transfer full): a #TribPagedList of #TribFlowRun, newest
 *   first, paged with continuation tokens
 */
TribPagedList *
trib_flow_service_list_runs (TribPlatformClient *client,
                             const char         *flow_id)
{
  g_autofree char *property = NULL;
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);

  property = g_strconcat ("flowId==", flow_id, NULL);
  call = trib_call_new (&list_runs_endpoint, NULL);
  trib_call_add_query (call, "property", property);

  return trib_paged_list_new_for_call (client, call);
}

void
trib_flow_service_get_run_async (TribPlatformClient  *client,
                                 const char          *run_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (run_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_run_endpoint, run_id, NULL), cancellable, callback,
                                   user_data);
}

/**
 * trib_flow_service_get_run_finish:
 *
 * Returns: (transfer full): the run
 */
TribFlowRun *
trib_flow_service_get_run_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_set_flow_enabled_async:
 * @client: a #TribPlatformClient
 * @flow_id: a flow
 * @enabled: whether it should run on its schedule
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the flow's new etag
 * @user_data: data for @callback
 *
 * Enables or disables a flow. Enabled again, it runs from its next slot:
 * the platform does not make up for the runs it missed.
 */
void
trib_flow_service_set_flow_enabled_async (TribPlatformClient  *client,
                                          const char          *flow_id,
                                          gboolean             enabled,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (flow_id != NULL);

  trib_platform_client_send_async (client,
                                   trib_call_new (enabled ? &enable_flow_endpoint : &disable_flow_endpoint, flow_id,
                                                  NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_service_set_flow_enabled_finish:
 *
 * Returns: (transfer full): the flow's new etag
 */
char *
trib_flow_service_set_flow_enabled_finish (GAsyncResult  *result,
                                           GError       **error)
{
  char *etag = NULL;
  g_autofree char *id = _trib_flow_service_finish_created (result, &etag, error);

  if (id == NULL)
    g_clear_pointer (&etag, g_free);

  return etag;
}

static void
add_operation (JsonArray  *operations,
               const char *path,
               JsonNode   *value)
{
  JsonObject *operation = json_object_new ();

  json_object_set_string_member (operation, "op", "replace");
  json_object_set_string_member (operation, "path", path);
  json_object_set_member (operation, "value", value);
  json_array_add_object_element (operations, operation);
}

/* A new schedule replaces the old whole: `once` has no interval or
 * backfill, which a replace of one member could not take away.
 */
static JsonNode *
new_schedule (TribFlow   *flow,
              const char *frequency,
              gint64      interval)
{
  JsonObject *old = trib_flow_get_schedule_params (flow);
  JsonObject *schedule = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  gint64 start = trib_flow_get_start_time (flow);

  json_object_set_int_member (schedule, "startTime", start >= 0 ? start : g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_string_member (schedule, "frequency", frequency);
  if (!g_str_equal (frequency, "once"))
    {
      json_object_set_int_member (schedule, "interval", interval);
      json_object_set_boolean_member (schedule, "backfill",
                                      old == NULL || !json_object_has_member (old, "backfill") ||
                                      trib_xdm_json_get_boolean (old, "backfill"));
    }
  json_node_take_object (node, schedule);

  return node;
}

/* The version as the flow already has it: CRMToAEP types it as a string
 * (API-NOTES §E), other flow specs as an integer.
 */
static char *
mapping_version_path (TribFlow  *flow,
                      gboolean  *as_string)
{
  JsonArray *transformations = trib_xdm_json_get_array (trib_flow_get_json (flow), "transformations");

  for (guint i = 0; transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonNode *node = json_array_get_element (transformations, i);
      JsonObject *params;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          g_strcmp0 (trib_xdm_json_get_string (json_node_get_object (node), "name"), "Mapping") != 0)
        continue;
      params = trib_xdm_json_get_object (json_node_get_object (node), "params");
      *as_string = trib_xdm_json_get_string (params, "mappingVersion") != NULL;

      return g_strdup_printf ("/transformations/%u/params/mappingVersion", i);
    }

  return NULL;
}

/**
 * trib_flow_service_update_flow_async:
 * @client: a #TribPlatformClient
 * @flow: the flow as last read: its etag goes in If-Match
 * @name: (nullable): a new name
 * @frequency: (nullable): a new schedule's `once`, `minute`, `hour`,
 *   `day` or `week`
 * @interval: with @frequency other than `once`, how many of its units
 *   between runs (at least 15 minutes: the flow spec decides)
 * @mapping_version: a new version of its mapping set, or -1
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new etag
 * @user_data: data for @callback
 *
 * Changes what applies to the flow's future runs; past runs stay as they
 * were. If the flow changed since @flow was read, the platform refuses
 * with %TRIB_PLATFORM_ERROR_STALE: read it again. A `once` flow cannot
 * be rescheduled or re-mapped.
 */
void
trib_flow_service_update_flow_async (TribPlatformClient  *client,
                                     TribFlow            *flow,
                                     const char          *name,
                                     const char          *frequency,
                                     gint64               interval,
                                     gint64               mapping_version,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_ARRAY);
  JsonArray *operations = json_array_new ();
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (TRIB_IS_FLOW (flow));
  g_return_if_fail (trib_flow_get_etag (flow) != NULL);
  g_return_if_fail (name != NULL || frequency != NULL || mapping_version >= 0);

  if (name != NULL)
    {
      JsonNode *value = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (value, name);
      add_operation (operations, "/name", value);
    }
  if (frequency != NULL)
    add_operation (operations, "/scheduleParams", new_schedule (flow, frequency, interval));
  if (mapping_version >= 0)
    {
      gboolean as_string = FALSE;
      g_autofree char *path = mapping_version_path (flow, &as_string);
      JsonNode *value = json_node_new (JSON_NODE_VALUE);

      if (as_string)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, mapping_version);

          json_node_set_string (value, text);
        }
      else
        {
          json_node_set_int (value, mapping_version);
        }
      /* A flow without a mapping: the platform says what is wrong. */
      add_operation (operations, path != NULL ? path : "/transformations/0/params/mappingVersion", value);
    }
  json_node_take_array (body, operations);

  call = trib_call_new (&update_flow_endpoint, trib_flow_get_id (flow), NULL);
  trib_call_set_body (call, body);
  trib_call_set_if_match (call, trib_flow_get_etag (flow));
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_update_flow_finish:
 *
 * Returns: (transfer full): the flow's new etag
 */
char *
trib_flow_service_update_flow_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return trib_flow_service_set_flow_enabled_finish (result, error);
}

static void
change_flow_reread_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  TribFlow *flow;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (flow == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, flow, g_object_unref);
}

static void
change_flow_update_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  TribFlow *flow = g_task_get_task_data (task);

  etag = trib_flow_service_update_flow_finish (result, &error);
  if (etag == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  trib_flow_service_get_flow_async (TRIB_PLATFORM_CLIENT (object), trib_flow_get_id (flow),
                                    g_task_get_cancellable (task), change_flow_reread_cb, g_object_ref (task));
}

/**
 * trib_flow_service_change_flow_async:
 *
 * Does what trib_flow_service_update_flow_async() does with the same
 * arguments, then reads the flow again: the caller gets the flow as the
 * platform made it, with its new etag for the next change.
 */
void
trib_flow_service_change_flow_async (TribPlatformClient  *client,
                                     TribFlow            *flow,
                                     const char          *name,
                                     const char          *frequency,
                                     gint64               interval,
                                     gint64               mapping_version,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (TRIB_IS_FLOW (flow));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_flow_service_change_flow_async);
  g_task_set_task_data (task, g_object_ref (flow), g_object_unref);
  trib_flow_service_update_flow_async (client, flow, name, frequency, interval, mapping_version, cancellable,
                                       change_flow_update_cb, g_steal_pointer (&task));
}

/**
 * trib_flow_service_change_flow_finish:
 *
 * Returns: (transfer full): the flow as it is now, or %NULL with
 *   %TRIB_PLATFORM_ERROR_STALE if it changed since it was read
 */
TribFlow *
trib_flow_service_change_flow_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_flow_service_delete_flow_async:
 * @client: a #TribPlatformClient
 * @flow_id: a flow
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes a flow. Its source and target connections, its account and its
 * dataset stay; the account can then be deleted, if no other flow uses it.
 */
void
trib_flow_service_delete_flow_async (TribPlatformClient  *client,
                                     const char          *flow_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (flow_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_flow_endpoint, flow_id, NULL), cancellable,
                                   callback, user_data);
}

/* 204 in the sources docs, 202 in destinations.yaml: both are success. */
gboolean
trib_flow_service_delete_flow_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}

/**
 * trib_flow_service_run_flow_now_async:
 * @client: a #TribPlatformClient
 * @flow_id: a flow scheduled to run `once`, enabled
 * @window_start: (nullable): from when its data is read
 * @window_end: (nullable): until when
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new run's id
 * @user_data: data for @callback
 *
 * An ad hoc run (`POST /runs`). The window goes in epoch seconds, as the
 * create-flow-runs example sends it (flow-service.yaml says milliseconds
 * but shows seconds).
 */
void
trib_flow_service_run_flow_now_async (TribPlatformClient  *client,
                                      const char          *flow_id,
                                      GDateTime           *window_start,
                                      GDateTime           *window_end,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *params = json_object_new ();
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (flow_id != NULL);

  json_object_set_string_member (object, "flowId", flow_id);
  if (window_start != NULL)
    json_object_set_int_member (params, "windowStartTime", g_date_time_to_unix (window_start));
  if (window_end != NULL)
    json_object_set_int_member (params, "windowEndTime", g_date_time_to_unix (window_end));
  json_object_set_object_member (object, "params", params);
  json_node_take_object (body, object);

  call = trib_call_new (&create_run_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_run_flow_now_finish:
 *
 * Returns: (transfer full): the new run's id
 */
char *
trib_flow_service_run_flow_now_finish (GAsyncResult  *result,
                                       GError       **error)
{
  return _trib_flow_service_finish_created (result, NULL, error);
}

/**
 * trib_flow_service_retrigger_run_async:
 * @client: a #TribPlatformClient
 * @run_id: a run that failed or partly failed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the run that runs it again
 * @user_data: data for @callback
 */
void
trib_flow_service_retrigger_run_async (TribPlatformClient  *client,
                                       const char          *run_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (run_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&retrigger_run_endpoint, run_id, NULL), cancellable,
                                   callback, user_data);
}

/**
 * trib_flow_service_retrigger_run_finish:
 *
 * Returns: (transfer full): the new run, whose parent is the one given
 */
TribFlowRun *
trib_flow_service_retrigger_run_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}
