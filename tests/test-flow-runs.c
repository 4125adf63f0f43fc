/* test-flow-runs.c
 *
 * Dataflows that run, through the client against tributary-sim over
 * HTTP, its clock stopped and stepped: runs appear on schedule with
 * their metrics and the Catalog batches they wrote; the world's failing
 * flows fail each their own way (expired credentials, an unreachable
 * host, rows the mapping refuses); a flow's runs and the 2,000-flow
 * sandbox page by continuation tokens; enable and disable; a change with
 * a stale etag; delete, which frees the account; an ad hoc run of a
 * `once` flow; a failed run run again once its credentials are fixed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-catalog.h"
#include "trib-flow-service.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-platform-error.h"
#include "trib-test-platform.h"

#define FLOWS_PATH "/data/foundation/flowservice/flows"
#define RUNS_PATH "/data/foundation/flowservice/runs"

#define S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define CLOUD_STORAGE_TO_AEP "9753525b-82c7-4dce-8a9b-5ccfce2b9876"
#define WORLD_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define RETIRED_SFTP_CONNECTION "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7"
#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define CRM_DATASET "64f0a1b2c3d4e5f60718293b"
#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"
#define S004_MAPPING "37409d3017e24a3eb4a2dc21020f7a5b"

/* The world's flows (tests/simulator/world/flows.json). */
#define CRM_FLOW "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
#define DATABRICKS_FLOW "4c7a2d3e-9f5b-4a6c-8d7e-8f9a0b1c2d3e"
#define EXPIRED_FLOW "6e9c4f5a-1b7d-4c8e-8f9a-0b1c2d3e4f5a"
#define UNREACHABLE_FLOW "7fad5a6b-2c8e-4d9f-9a0b-1c2d3e4f5a6b"
#define ONCE_FLOW "80be6b7c-3d9f-4e0a-8b1c-2d3e4f5a6b7c"

#define DEMO_S3_KEY "AKIATRIBUTARYDEMO001"
#define DEMO_S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"

static TribTestSim *sim;
static TribPlatformClient *client;

static void
assert_flow_error (const GError *error,
                   int           code,
                   const char   *flow_code)
{
  g_assert_error (error, TRIB_PLATFORM_ERROR, code);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, flow_code);
}

static TribFlow *
get_flow (const char  *id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_flow_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_flow_finish (trib_test_wait_result (&result), error);
}

static TribFlowRun *
get_run (const char  *id,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_run_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_run_finish (trib_test_wait_result (&result), error);
}

/* Every run of a flow, newest first. */
static TribPagedList *
all_runs (const char *flow_id)
{
  TribPagedList *list = trib_flow_service_list_runs (client, flow_id);

  trib_test_load_all (list);

  return list;
}

static TribFlowRun *
run_at (TribPagedList *list,
        guint          position)
{
  return g_list_model_get_item (G_LIST_MODEL (list), position);
}

/* The world's slots fall on the hour, so a suite started just after one
 * meets that slot's run still under way at the top of the list.
 */
static TribFlowRun *
newest_finished_run (TribPagedList *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TribFlowRun) run = run_at (list, i);

      if (trib_flow_run_is_finished (run))
        return g_steal_pointer (&run);
    }
  g_assert_not_reached ();
}

static gboolean
catalog_has_batch (const char *dataset_id,
                   const char *batch_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;

  trib_catalog_list_batches_async (client, dataset_id, 100, NULL, trib_test_result_cb, &result);
  batches = trib_catalog_list_batches_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(TribBatch) batch = g_list_model_get_item (batches, i);

      if (g_str_equal (trib_batch_get_id (batch), batch_id))
        return TRUE;
    }

  return FALSE;
}

static const TribFlowRunError *
find_error (TribFlowRun *run,
            const char  *code)
{
  GPtrArray *errors = trib_flow_run_get_errors (run);

  for (guint i = 0; i < errors->len; i++)
    {
      const TribFlowRunError *error = g_ptr_array_index (errors, i);

      if (g_str_equal (error->code, code))
        return error;
    }

  return NULL;
}

/* A flow of its own on the demo S3 account, on a fresh account when
 * @own_account, starting at the simulator's next minute.
 */
static char *
create_flow (const char  *frequency,
             guint        interval,
             gboolean     own_account,
             char       **account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) schedule = json_object_new ();
  g_autoptr(JsonArray) transformations = NULL;
  g_autoptr(JsonNode) mapping = NULL;
  g_autofree char *base = g_strdup (WORLD_S3_CONNECTION);
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *name = trib_test_unique_name ("Runs");
  gint64 now = trib_test_sim_clock (sim, 0, 0);
  char *id;

  if (own_account)
    {
      g_autoptr(JsonNode) body = json_from_string ("{\"name\": \"Runs account\", \"connectionSpec\": {\"id\": \"" S3
                                                   "\", \"version\": \"1.0\"}, \"auth\": {\"specName\": "
                                                   "\"Access Key\", \"params\": {\"s3AccessKey\": \"" DEMO_S3_KEY
                                                   "\", \"s3SecretKey\": \"" DEMO_S3_SECRET "\"}}}", NULL);
      g_autoptr(JsonNode) reply = trib_test_call (client, "POST", "/data/foundation/flowservice/connections", body,
                                                  &error);

      g_assert_no_error (error);
      g_free (base);
      base = g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
    }

  json_object_set_string_member (data, "format", "parquet");
  json_object_set_string_member (params, "path", "/luma-demo-bucket/orders.parquet");
  trib_flow_service_create_source_connection_async (client, "Source", S3, base, data, params, NULL,
                                                    trib_test_result_cb, &result);
  source = trib_flow_service_create_source_connection_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  trib_flow_service_create_target_connection_async (client, "Target", ORDERS_DATASET, ORDERS_SCHEMA, NULL,
                                                    trib_test_result_cb, &result);
  target = trib_flow_service_create_target_connection_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  mapping = json_from_string ("[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"" S004_MAPPING "\", "
                              "\"mappingVersion\": 0}}]", NULL);
  transformations = json_array_ref (json_node_get_array (mapping));
  json_object_set_int_member (schedule, "startTime", (now / 60000 + 1) * 60);
  json_object_set_string_member (schedule, "frequency", frequency);
  if (interval > 0)
    json_object_set_int_member (schedule, "interval", interval);
  trib_flow_service_create_flow_async (client, name, CLOUD_STORAGE_TO_AEP, source, target, transformations, schedule,
                                       NULL, trib_test_result_cb, &result);
  id = trib_flow_service_create_flow_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  if (account_id != NULL)
    *account_id = g_steal_pointer (&base);

  return id;
}

/* The world's flows ran for weeks before the test: each kind of failure
 * reads as the platform gives it.
 */
static void
test_world_history (void)
{
  g_autoptr(TribPagedList) crm = all_runs (CRM_FLOW);
  g_autoptr(TribPagedList) expired = NULL;
  g_autoptr(TribPagedList) unreachable = NULL;
  g_autoptr(TribFlowRun) newest = NULL;
  g_autoptr(TribFlowRun) oldest = NULL;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  guint n_partial = 0;
  gboolean checked_batch = FALSE;

  /* Daily for 28 days. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm)), >=, 28);
  newest = run_at (crm, 0);
  oldest = run_at (crm, g_list_model_get_n_items (G_LIST_MODEL (crm)) - 1);
  g_assert_cmpint (trib_flow_run_get_started_ms (newest), >, trib_flow_run_get_started_ms (oldest));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (crm)); i++)
    {
      g_autoptr(TribFlowRun) run = run_at (crm, i);
      const TribFlowRunError *mapper = find_error (run, "MAPPER-3700-400");
      const char * const *batches = trib_flow_run_get_batch_ids (run);

      g_assert_cmpstr (trib_flow_run_get_flow_id (run), ==, CRM_FLOW);
      if (!trib_flow_run_is_finished (run))
        continue;
      g_assert_cmpint (trib_flow_run_get_records_in (run), >, 0);
      g_assert_cmpint (trib_flow_run_get_records_out (run) + trib_flow_run_get_records_failed (run), ==,
                       trib_flow_run_get_records_in (run));
      g_assert_cmpint (trib_flow_run_get_duration_ms (run), >, 0);
      g_assert_cmpint (trib_flow_run_get_input_bytes (run), >, 0);
      g_assert_cmpint (trib_flow_run_get_files_in (run), >, 0);
      g_assert_cmpuint (g_strv_length ((GStrv) batches), ==, 1);
      g_assert_cmpuint (strlen (batches[0]), ==, 26);
      if (trib_flow_run_get_state (run) == TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS)
        {
          n_partial++;
          g_assert_nonnull (mapper);
          g_assert_cmpint (mapper->record_count, ==, trib_flow_run_get_records_failed (run));
          g_assert_nonnull (mapper->failed_rows);
          g_assert_cmpuint (mapper->failed_rows->len, >, 0);
          g_assert_cmpstr (((TribFlowRunFailedRow *) g_ptr_array_index (mapper->failed_rows, 0))->column, ==,
                           "birthDate");
          g_assert_nonnull (find_error (run, "INGEST-1212-400"));
        }
      else
        {
          g_assert_cmpint (trib_flow_run_get_state (run), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
          g_assert_null (mapper);
        }
      /* The batch a run wrote is on the dataset's page. */
      if (!checked_batch && i < 50)
        {
          g_assert_true (catalog_has_batch (CRM_DATASET, batches[0]));
          checked_batch = TRUE;
        }
    }
  g_assert_cmpuint (n_partial, >, 0);
  g_assert_true (checked_batch);

  /* Expired credentials: fine until 100 hours ago, failing since. */
  expired = all_runs (EXPIRED_FLOW);
  {
    g_autoptr(TribFlowRun) last = newest_finished_run (expired);
    g_autoptr(TribFlowRun) old = run_at (expired, g_list_model_get_n_items (G_LIST_MODEL (expired)) - 1);
    const TribFlowRunError *refused = find_error (last, "CONNECTOR-1001-401");

    g_assert_cmpint (trib_flow_run_get_state (last), ==, TRIB_FLOW_RUN_STATE_FAILED);
    g_assert_nonnull (refused);
    g_assert_nonnull (strstr (refused->message, "Permission denied"));
    g_assert_null (trib_flow_run_get_batch_ids (last)[0]);
    g_assert_cmpint (trib_flow_run_get_records_in (last), ==, 0);
    g_assert_cmpint (trib_flow_run_get_state (old), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
  }
  flow = get_flow (EXPIRED_FLOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_get_last_run_state (flow), ==, TRIB_FLOW_RUN_STATE_FAILED);
  g_assert_nonnull (trib_flow_get_last_run_id (flow));

  /* The failing flows, as a filter on their last run finds them. */
  {
    g_autoptr(TribPagedList) failing = trib_flow_service_list_flows (client, "lastRunDetails.state==failed");
    g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    trib_test_load_all (failing);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (failing)); i++)
      {
        g_autoptr(TribFlow) item = g_list_model_get_item (G_LIST_MODEL (failing), i);

        g_hash_table_add (ids, g_strdup (trib_flow_get_id (item)));
      }
    g_assert_true (g_hash_table_contains (ids, EXPIRED_FLOW) && g_hash_table_contains (ids, UNREACHABLE_FLOW));
    g_assert_false (g_hash_table_contains (ids, CRM_FLOW));
  }

  /* A host that is gone. */
  unreachable = all_runs (UNREACHABLE_FLOW);
  {
    g_autoptr(TribFlowRun) last = newest_finished_run (unreachable);

    g_assert_cmpint (trib_flow_run_get_state (last), ==, TRIB_FLOW_RUN_STATE_FAILED);
    g_assert_nonnull (find_error (last, "CONNECTOR-1003-504"));
  }
}

/* Stopped, then moved on an hour: four runs ended and one under way,
 * each with its batch in the Catalog once it ends.
 */
static void
test_clock (void)
{
  g_autofree char *id = create_flow ("minute", 15, FALSE, NULL);
  g_autoptr(TribPagedList) runs = NULL;
  g_autoptr(TribFlowRun) running = NULL;
  g_autoptr(TribFlowRun) done = NULL;
  g_autoptr(TribFlowRun) again = NULL;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  runs = all_runs (id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, 0);
  g_clear_object (&runs);

  /* Slots at +1, +16, +31, +46 minutes; the one at +61 just started. */
  trib_test_sim_clock (sim, 0, 61);
  runs = all_runs (id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, 5);
  running = run_at (runs, 0);
  g_assert_cmpint (trib_flow_run_get_state (running), ==, TRIB_FLOW_RUN_STATE_IN_PROGRESS);
  g_assert_cmpint (trib_flow_run_get_completed_ms (running), ==, -1);
  for (guint i = 1; i < 5; i++)
    {
      g_autoptr(TribFlowRun) run = run_at (runs, i);
      g_autoptr(TribFlowRun) previous = run_at (runs, i - 1);

      g_assert_cmpint (trib_flow_run_get_state (run), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
      g_assert_cmpint (trib_flow_run_get_started_ms (previous) - trib_flow_run_get_started_ms (run), ==, 15 * 60000);
      g_assert_cmpint (trib_flow_run_get_records_out (run), >, 0);
      g_assert_true (catalog_has_batch (ORDERS_DATASET, trib_flow_run_get_batch_ids (run)[0]));
    }

  /* A few minutes on, the running one has ended and written its batch. */
  trib_test_sim_clock (sim, -1, 5);
  done = get_run (trib_flow_run_get_id (running), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_run_get_state (done), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
  g_assert_cmpint (trib_flow_run_get_completed_ms (done), >, trib_flow_run_get_started_ms (done));
  g_assert_true (catalog_has_batch (ORDERS_DATASET, trib_flow_run_get_batch_ids (done)[0]));
  flow = get_flow (id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_get_last_run_id (flow), ==, trib_flow_run_get_id (done));
  g_assert_cmpint (trib_flow_get_last_run_state (flow), ==, TRIB_FLOW_RUN_STATE_SUCCESS);

  /* An unknown run. */
  again = get_run ("00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (again);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404");
}

/* 10,000 runs of one flow and 2,000 flows, 100 a page. */
static void
test_paging (void)
{
  g_autoptr(TribPagedList) flows = NULL;
  g_autoptr(TribPagedList) runs = NULL;
  g_autoptr(TribFlow) busiest = NULL;
  g_autoptr(TribFlow) daily = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 previous = G_MAXINT64;

  trib_platform_client_set_sandbox (client, "uat");
  trib_test_sim_clear_requests (sim);
  flows = trib_flow_service_list_flows (client, NULL);
  trib_test_load_all (flows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flows)), ==, 2000);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", FLOWS_PATH), ==, 20);

  /* Filtered by state: one in ten is disabled, two pages' worth. */
  {
    g_autoptr(TribPagedList) disabled = trib_flow_service_list_flows (client, "state==disabled");

    trib_test_load_all (disabled);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (disabled)), ==, 200);
  }

  busiest = g_list_model_get_item (G_LIST_MODEL (flows), 0);
  daily = g_list_model_get_item (G_LIST_MODEL (flows), 1999);
  g_assert_cmpstr (trib_flow_get_frequency (daily), ==, "day");

  trib_test_sim_clear_requests (sim);
  runs = all_runs (trib_flow_get_id (busiest));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), >=, 10000);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", RUNS_PATH), ==,
                    (g_list_model_get_n_items (G_LIST_MODEL (runs)) + 99) / 100);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (runs)); i++)
    {
      g_autoptr(TribFlowRun) run = run_at (runs, i);

      g_assert_true (g_hash_table_add (seen, g_strdup (trib_flow_run_get_id (run))));
      g_assert_cmpint (trib_flow_run_get_started_ms (run), <, previous);
      previous = trib_flow_run_get_started_ms (run);
    }
  g_clear_object (&runs);

  runs = all_runs (trib_flow_get_id (daily));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), >=, 45);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), <=, 46);
  trib_platform_client_set_sandbox (client, "prod");
}

static char *
set_enabled (const char  *id,
             gboolean     enabled,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_set_flow_enabled_async (client, id, enabled, NULL, trib_test_result_cb, &result);

  return trib_flow_service_set_flow_enabled_finish (trib_test_wait_result (&result), error);
}

static guint
count_runs (const char *flow_id)
{
  g_autoptr(TribPagedList) runs = all_runs (flow_id);

  return g_list_model_get_n_items (G_LIST_MODEL (runs));
}

/* Disabled, a flow misses its slots; enabled again, it runs from the
 * next one on.
 */
static void
test_enable_disable (void)
{
  g_autofree char *id = create_flow ("hour", 1, FALSE, NULL);
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *path = g_strconcat (FLOWS_PATH "/", id, "/action", NULL);
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  trib_test_sim_clock (sim, 0, 1);
  before = count_runs (id);
  g_assert_cmpuint (before, ==, 1);

  trib_test_sim_clear_requests (sim);
  etag = set_enabled (id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", path), ==, 1);
  flow = get_flow (id, &error);
  g_assert_no_error (error);
  g_assert_false (trib_flow_is_enabled (flow));
  g_assert_cmpstr (trib_flow_get_etag (flow), ==, etag);

  trib_test_sim_clock (sim, -1, 180);
  g_assert_cmpuint (count_runs (id), ==, before);

  etag2 = set_enabled (id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag2, !=, etag);
  trib_test_sim_clock (sim, -1, 60);
  g_assert_cmpuint (count_runs (id), ==, before + 1);

  /* An unknown flow. */
  g_clear_pointer (&etag, g_free);
  etag = set_enabled ("00000000-0000-4000-8000-000000000000", FALSE, &error);
  g_assert_null (etag);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404");
}

static char *
update_flow (TribFlow    *flow,
             const char  *name,
             const char  *frequency,
             gint64       interval,
             gint64       mapping_version,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_update_flow_async (client, flow, name, frequency, interval, mapping_version, NULL,
                                       trib_test_result_cb, &result);

  return trib_flow_service_update_flow_finish (trib_test_wait_result (&result), error);
}

/* A change sent with the etag the flow was read with; a second with the
 * same, now stale, etag is refused (412).
 */
static void
test_update (void)
{
  g_autofree char *id = create_flow ("minute", 15, FALSE, NULL);
  g_autofree char *path = g_strconcat (FLOWS_PATH "/", id, NULL);
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(TribFlow) changed = NULL;
  g_autoptr(TribFlow) databricks = NULL;
  g_autoptr(TribFlow) once = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *remapped = NULL;
  JsonObject *operation;

  flow = get_flow (id, &error);
  g_assert_no_error (error);
  etag = update_flow (flow, "Renamed flow", "hour", 2, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (etag, !=, trib_flow_get_etag (flow));
  body = trib_test_sim_dup_last_body (sim, "PATCH", path);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (body)), ==, 2);
  operation = json_array_get_object_element (json_node_get_array (body), 1);
  g_assert_cmpstr (json_object_get_string_member (operation, "op"), ==, "replace");
  g_assert_cmpstr (json_object_get_string_member (operation, "path"), ==, "/scheduleParams");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (operation, "value"), "interval"), ==,
                   2);

  changed = get_flow (id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_get_name (changed), ==, "Renamed flow");
  g_assert_cmpstr (trib_flow_get_frequency (changed), ==, "hour");
  g_assert_cmpint (trib_flow_get_interval (changed), ==, 2);

  /* The old flow's etag is stale now. */
  stale = update_flow (flow, "Again", NULL, 0, -1, &error);
  g_assert_null (stale);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_STALE, "FLOW-1404-412");
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, 412);
  g_clear_error (&error);

  /* A schedule the flow spec refuses: every 5 minutes. */
  refused = update_flow (changed, NULL, "minute", 5, -1, &error);
  g_assert_null (refused);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400");
  g_clear_error (&error);

  /* Data Prep holds S004's set in version 1 too (world/mapping-sets.json). */
  remapped = update_flow (changed, NULL, NULL, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (remapped);

  /* CRMToAEP types the mapping version as a string: sent as one. */
  databricks = get_flow (DATABRICKS_FLOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_get_mapping_version (databricks), ==, 0);
  g_clear_pointer (&refused, g_free);
  refused = update_flow (databricks, NULL, NULL, 0, 3, &error);
  g_assert_null (refused);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1419-400");
  g_clear_error (&error);
  g_clear_pointer (&body, json_node_unref);
  body = trib_test_sim_dup_last_body (sim, "PATCH", FLOWS_PATH "/" DATABRICKS_FLOW);
  operation = json_array_get_object_element (json_node_get_array (body), 0);
  g_assert_cmpstr (json_object_get_string_member (operation, "path"), ==, "/transformations/1/params/mappingVersion");
  g_assert_cmpstr (json_object_get_string_member (operation, "value"), ==, "3");

  /* A flow that runs once keeps its schedule. */
  once = get_flow (ONCE_FLOW, &error);
  g_assert_no_error (error);
  g_clear_pointer (&refused, g_free);
  refused = update_flow (once, NULL, "day", 1, -1, &error);
  g_assert_null (refused);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1422-400");
}

static gboolean
delete_flow (const char  *id,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_delete_flow_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_delete_flow_finish (trib_test_wait_result (&result), error);
}

static gboolean
delete_connection (const char  *id,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_delete_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_delete_connection_finish (trib_test_wait_result (&result), error);
}

/* Deleting a flow frees its account; its runs go with it. */
static void
test_delete (void)
{
  g_autofree char *account = NULL;
  g_autofree char *id = create_flow ("minute", 30, TRUE, &account);
  g_autoptr(TribPagedList) runs = NULL;
  g_autoptr(TribFlowRun) run = NULL;
  g_autoptr(TribFlowRun) gone_run = NULL;
  g_autoptr(TribFlow) gone = NULL;
  g_autoptr(GError) error = NULL;

  /* Its first run, at +1 minute, has ended by +5 (a running flow is not
   * deleted: test-flow-actions.c).
   */
  trib_test_sim_clock (sim, 0, 5);
  runs = all_runs (id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, 1);
  run = run_at (runs, 0);

  g_assert_false (delete_connection (account, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1418-400");
  g_clear_error (&error);

  g_assert_true (delete_flow (id, &error));
  g_assert_no_error (error);
  gone = get_flow (id, &error);
  g_assert_null (gone);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404");
  g_clear_error (&error);
  gone_run = get_run (trib_flow_run_get_id (run), &error);
  g_assert_null (gone_run);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404");
  g_clear_error (&error);

  g_assert_true (delete_connection (account, &error));
  g_assert_no_error (error);
}

static char *
run_now (const char  *flow_id,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (end, -1);

  trib_flow_service_run_flow_now_async (client, flow_id, start, end, NULL, trib_test_result_cb, &result);

  return trib_flow_service_run_flow_now_finish (trib_test_wait_result (&result), error);
}

/* An ad hoc run of the world's `once` flow; a scheduled flow takes none. */
static void
test_run_now (void)
{
  g_autofree char *run_id = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(TribFlowRun) queued = NULL;
  g_autoptr(TribFlowRun) done = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  run_id = run_now (ONCE_FLOW, &error);
  g_assert_no_error (error);
  body = trib_test_sim_dup_last_body (sim, "POST", RUNS_PATH);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "flowId"), ==, ONCE_FLOW);
  g_assert_true (json_object_has_member (json_object_get_object_member (json_node_get_object (body), "params"),
                                         "windowStartTime"));

  trib_test_sim_clock (sim, 0, 0);
  queued = get_run (run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_run_get_state (queued), ==, TRIB_FLOW_RUN_STATE_SCHEDULED);

  trib_test_sim_clock (sim, -1, 5);
  done = get_run (run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_run_get_state (done), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
  g_assert_true (catalog_has_batch ("64f0a1b2c3d4e5f60718293a", trib_flow_run_get_batch_ids (done)[0]));

  refused = run_now (CRM_FLOW, &error);
  g_assert_null (refused);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1422-400");
}

static TribFlowRun *
retrigger (const char  *run_id,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_retrigger_run_async (client, run_id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_retrigger_run_finish (trib_test_wait_result (&result), error);
}

/* The expired account's credentials are updated, its last failed run run
 * again: green. A run that succeeded cannot be re-triggered.
 */
static void
test_retrigger (void)
{
  g_autoptr(TribPagedList) runs = all_runs (EXPIRED_FLOW);
  g_autoptr(TribFlowRun) failed = run_at (runs, 0);
  g_autoptr(TribFlowRun) still_failing = NULL;
  g_autoptr(TribFlowRun) rerun = NULL;
  g_autoptr(TribFlowRun) green = NULL;
  g_autoptr(TribFlowRun) refused = NULL;
  g_autoptr(TribPagedList) crm = all_runs (CRM_FLOW);
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (trib_flow_run_get_state (failed), ==, TRIB_FLOW_RUN_STATE_FAILED);

  /* Still the old password: it fails again. */
  still_failing = retrigger (trib_flow_run_get_id (failed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_run_get_parent_id (still_failing), ==, trib_flow_run_get_id (failed));
  path = g_strconcat (RUNS_PATH "/", trib_flow_run_get_id (failed), "/action", NULL);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", path), ==, 1);

  /* The account's credentials updated, as Update Credentials does. */
  trib_flow_service_get_connection_async (client, RETIRED_SFTP_CONNECTION, NULL, trib_test_result_cb, &result);
  {
    g_autoptr(TribConnection) account = trib_flow_service_get_connection_finish (trib_test_wait_result (&result),
                                                                                &error);

    g_assert_no_error (error);
    g_clear_object (&result);
    json_object_set_string_member (params, "userName", "luma");
    json_object_set_string_member (params, "password", "tributary-demo-sftp");
    trib_flow_service_update_connection_async (client, RETIRED_SFTP_CONNECTION, trib_connection_get_etag (account),
                                               NULL, params, NULL, NULL, trib_test_result_cb, &result);
    etag = trib_flow_service_update_connection_finish (trib_test_wait_result (&result), &error);
    g_assert_no_error (error);
  }

  rerun = retrigger (trib_flow_run_get_id (failed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_run_get_state (rerun), ==, TRIB_FLOW_RUN_STATE_SCHEDULED);
  trib_test_sim_clock (sim, 0, 5);
  green = get_run (trib_flow_run_get_id (rerun), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_run_get_state (green), ==, TRIB_FLOW_RUN_STATE_SUCCESS);
  g_assert_cmpuint (trib_flow_run_get_errors (green)->len, ==, 0);
  g_assert_nonnull (trib_flow_run_get_batch_ids (green)[0]);

  /* A success is not re-triggered. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (crm)); i++)
    {
      g_autoptr(TribFlowRun) run = run_at (crm, i);

      if (trib_flow_run_get_state (run) != TRIB_FLOW_RUN_STATE_SUCCESS)
        continue;
      refused = retrigger (trib_flow_run_get_id (run), &error);
      g_assert_null (refused);
      assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1422-400");
      break;
    }
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *clock_start = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Two seconds past the hour, when the world's hourly-aligned slots
   * have just fired and their runs are under way.
   */
  clock_start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC / 3600 * 3600 + 2);
  sim = trib_test_sim_start ((const char *[]) { "--clock-speed", "0", "--clock-start", clock_start, NULL });
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-runs/world-history", test_world_history);
  g_test_add_func ("/tributary/flow-runs/clock", test_clock);
  g_test_add_func ("/tributary/flow-runs/paging", test_paging);
  g_test_add_func ("/tributary/flow-runs/enable-disable", test_enable_disable);
  g_test_add_func ("/tributary/flow-runs/update", test_update);
  g_test_add_func ("/tributary/flow-runs/delete", test_delete);
  g_test_add_func ("/tributary/flow-runs/run-now", test_run_now);
  g_test_add_func ("/tributary/flow-runs/retrigger", test_retrigger);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
