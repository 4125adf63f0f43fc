/* test-flow-setup.c
 *
 * A source dataflow set up through the client against tributary-sim
 * over HTTP: seed 002's chain (S3, parquet, Data Lake, Mapping) and seed
 * 004's (OData, CRMToAEP with Copy and Mapping), both with their errata
 * fixed; Databricks with the flow spec chosen by its source spec; each
 * refusal with its own Flow Service error; the legacy source body; a
 * flow create whose answer is lost.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-call-private.h"
#include "trib-data-prep.h"
#include "trib-flow-service.h"
#include "trib-flow-service-flows.h"
#include "trib-mapping.h"
#include "trib-mapping-set.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-test-platform.h"
#include "trib-xdm-json.h"

#define FLOWS_PATH "/data/foundation/flowservice/flows"

#define S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define DATABRICKS "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define ODATA "8e6b41a8-d998-4545-ad7d-c6a9fff406c3"
#define CLOUD_STORAGE_TO_AEP "9753525b-82c7-4dce-8a9b-5ccfce2b9876"
#define CRM_TO_AEP "14518937-270c-4525-bdec-c2ba7cce3860"

#define WORLD_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define WORLD_DATABRICKS_CONNECTION "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define WORLD_ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"

#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"
#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
/* S004's mapping set, with the "3" its flow call dropped. */
#define S004_MAPPING "37409d3017e24a3eb4a2dc21020f7a5b"

static TribTestSim *sim;
static TribPlatformClient *client;

/* For bodies the client never sends: the legacy and the wrong ones. */
static const TribEndpoint raw_post_endpoint = {
  .service = "Flow Service",
  .what = "an id",
  .method = "POST",
  .path = "/data/foundation/flowservice/{}",
  .idempotent = FALSE,
};

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
array_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_ref (json_node_get_array (node));
}

static void
assert_flow_error (const GError *error,
                   const char   *flow_code,
                   const char   *in_message)
{
  g_assert_nonnull (error);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, flow_code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static gboolean
raw_post (const char  *what,
          const char  *json,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) reply = NULL;
  TribCall *call = trib_call_new (&raw_post_endpoint, what, NULL);

  g_assert_nonnull (body);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, NULL, trib_test_result_cb, &result);
  reply = trib_platform_client_send_finish (trib_test_wait_result (&result), error);

  return reply != NULL;
}

static char *
create_source (const char  *spec_id,
               const char  *base_id,
               const char  *data_json,
               const char  *params_json,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) data = object_from (data_json);
  g_autoptr(JsonObject) params = object_from (params_json);

  trib_flow_service_create_source_connection_async (client, "Source", spec_id, base_id, data, params, NULL,
                                                    trib_test_result_cb, &result);

  return trib_flow_service_create_source_connection_finish (trib_test_wait_result (&result), NULL, error);
}

static char *
create_target (const char  *dataset_id,
               const char  *schema_id,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_create_target_connection_async (client, "Orders target", dataset_id, schema_id, NULL,
                                                    trib_test_result_cb, &result);

  return trib_flow_service_create_target_connection_finish (trib_test_wait_result (&result), NULL, error);
}

static TribFlowSpec *
find_spec (const char  *name,
           const char  *source_spec_id,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_find_flow_spec_async (client, name, source_spec_id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_find_flow_spec_finish (trib_test_wait_result (&result), error);
}

static char *
create_flow (const char  *name,
             const char  *spec_id,
             const char  *source_id,
             const char  *target_id,
             const char  *transformations_json,
             const char  *schedule_json,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) transformations = transformations_json != NULL ? array_from (transformations_json) : NULL;
  g_autoptr(JsonObject) schedule = object_from (schedule_json);

  trib_flow_service_create_flow_async (client, name, spec_id, source_id, target_id, transformations, schedule,
                                       NULL, trib_test_result_cb, &result);

  return trib_flow_service_create_flow_finish (trib_test_wait_result (&result), NULL, error);
}

static TribFlow *
get_flow (const char  *id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_flow_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_flow_finish (trib_test_wait_result (&result), error);
}

static gboolean
delete_connection (const char  *id,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_delete_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_delete_connection_finish (trib_test_wait_result (&result), error);
}

#define MAPPING_INT "[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"" S004_MAPPING "\", \"mappingVersion\": 0}}]"
#define EVERY_15_MINUTES "{\"startTime\": 1767225600, \"frequency\": \"minute\", \"interval\": 15, \"backfill\": true}"

/* Seed 002, its invalid JSON and string "true" fixed. */
static char *
s3_source (void)
{
  g_autoptr(GError) error = NULL;
  char *id = create_source (S3, WORLD_S3_CONNECTION, "{\"format\": \"parquet\"}",
                            "{\"path\": \"/luma/orders/orders.parquet\", \"type\": \"file\", \"recursive\": true}",
                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

static char *
orders_target (void)
{
  g_autoptr(GError) error = NULL;
  char *id = create_target (ORDERS_DATASET, ORDERS_SCHEMA, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

static void
test_seed_002 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowSpec) spec = NULL;
  g_autoptr(TribFlow) flow = NULL;
  g_autofree char *source = s3_source ();
  g_autofree char *target = orders_target ();
  g_autofree char *flow_id = NULL;

  trib_test_sim_clear_requests (sim);
  spec = find_spec ("CloudStorageToAEP", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_spec_get_id (spec), ==, CLOUD_STORAGE_TO_AEP);
  g_assert_true (trib_flow_spec_takes_source (spec, S3));
  g_assert_nonnull (trib_flow_spec_get_transformation (spec, "Mapping"));
  g_assert_nonnull (trib_flow_spec_get_schedule_schema (spec));

  flow_id = create_flow ("Orders from S3", trib_flow_spec_get_id (spec), source, target, MAPPING_INT,
                         EVERY_15_MINUTES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", FLOWS_PATH), ==, 1);

  flow = get_flow (flow_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_get_id (flow), ==, flow_id);
  g_assert_cmpstr (trib_flow_get_flow_spec_id (flow), ==, CLOUD_STORAGE_TO_AEP);
  g_assert_cmpstr (trib_flow_get_source_connection_id (flow), ==, source);
  g_assert_cmpstr (trib_flow_get_target_connection_id (flow), ==, target);
  g_assert_cmpstr (trib_flow_get_state (flow), ==, "enabled");
  g_assert_nonnull (trib_flow_get_etag (flow));
  g_assert_cmpstr (trib_xdm_json_get_string (trib_flow_get_schedule_params (flow), "frequency"), ==, "minute");
}

/* Seed 004: the target on the Data Lake spec, the mapping id whole, a
 * delta column of Orders, mappingVersion "0" and the schedule's numbers
 * as strings, as the CRMToAEP examples send them.
 */
static void
test_seed_004 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowSpec) spec = find_spec ("CRMToAEP", NULL, &error);
  g_autofree char *source = NULL;
  g_autofree char *target = orders_target ();
  g_autofree char *flow_id = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_spec_get_id (spec), ==, CRM_TO_AEP);
  source = create_source (ODATA, WORLD_ODATA_CONNECTION, "{\"format\": \"tabular\"}",
                          "{\"tableName\": \"Orders\"}", &error);
  g_assert_no_error (error);

  flow_id = create_flow ("Orders from OData", CRM_TO_AEP, source, target,
                         "[{\"name\": \"Copy\", \"params\": {\"deltaColumn\": {\"name\": \"OrderDate\", "
                         "\"dateFormat\": \"yyyy-MM-ddTHH:mm:ssZ\", \"timezone\": \"UTC\"}}},"
                         " {\"name\": \"Mapping\", \"params\": {\"mappingId\": \"" S004_MAPPING "\", "
                         "\"mappingVersion\": \"0\"}}]",
                         "{\"startTime\": \"1567411548\", \"frequency\": \"minute\", \"interval\": \"30\"}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);
}

/* Databricks: no doc's flow spec names it for sure, so the client picks
 * the spec that lists its source spec; the flow then holds its account.
 */
static void
test_databricks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowSpec) spec = find_spec (NULL, DATABRICKS, &error);
  g_autofree char *source = NULL;
  g_autofree char *target = orders_target ();
  g_autofree char *flow_id = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_spec_get_id (spec), ==, CRM_TO_AEP);
  source = create_source (DATABRICKS, WORLD_DATABRICKS_CONNECTION, "{\"format\": \"tabular\"}",
                          "{\"tableName\": \"sales.orders\"}", &error);
  g_assert_no_error (error);

  flow_id = create_flow ("Orders from Databricks", trib_flow_spec_get_id (spec), source, target,
                         "[{\"name\": \"Copy\", \"params\": {\"deltaColumn\": {\"name\": \"updated_at\"}}},"
                         " {\"name\": \"Mapping\", \"params\": {\"mappingId\": \"" S004_MAPPING "\", "
                         "\"mappingVersion\": \"0\"}}]",
                         "{\"startTime\": 1767225600, \"frequency\": \"hour\", \"interval\": 1}", &error);
  g_assert_no_error (error);

  g_assert_false (delete_connection (WORLD_DATABRICKS_CONNECTION, &error));
  assert_flow_error (error, "FLOW-1418-400", flow_id);
}

static void
test_refusals (void)
{
  static const struct
  {
    const char *spec;
    const char *transformations;
    const char *schedule;
    const char *code;
    const char *message;
  } cases[] = {
    { CLOUD_STORAGE_TO_AEP, MAPPING_INT, "{\"startTime\": 1767225600, \"frequency\": \"minute\", \"interval\": 10}",
      "FLOW-1100-400", "at least 15" },
    { CLOUD_STORAGE_TO_AEP, MAPPING_INT, "{\"startTime\": 1767225600, \"frequency\": \"month\", \"interval\": 1}",
      "FLOW-1100-400", "must be one of once, minute, hour, day, week" },
    { CLOUD_STORAGE_TO_AEP, MAPPING_INT, "{\"startTime\": 1767225600, \"frequency\": \"once\", \"interval\": 1}",
      "FLOW-1100-400", "neither interval nor backfill" },
    { CLOUD_STORAGE_TO_AEP, MAPPING_INT, "{\"startTime\": 1767225600, \"frequency\": \"day\"}",
      "FLOW-1100-400", "interval is required" },
    { CLOUD_STORAGE_TO_AEP, NULL, EVERY_15_MINUTES, "FLOW-1100-400", "requires the transformation 'Mapping'" },
    { CLOUD_STORAGE_TO_AEP, "[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"" S004_MAPPING "\", "
      "\"mappingVersion\": \"zero\"}}]", EVERY_15_MINUTES, "FLOW-1412-400", "not valid" },
    { CLOUD_STORAGE_TO_AEP, "[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"7409d3017e24a3eb4a2dc21020f7a5b\", "
      "\"mappingVersion\": 0}}]", EVERY_15_MINUTES, "FLOW-1419-400", "does not exist" },
    { CRM_TO_AEP, MAPPING_INT, EVERY_15_MINUTES, "FLOW-1100-400", "does not take source connections" },
  };
  g_autofree char *source = s3_source ();
  g_autofree char *target = orders_target ();
  g_autofree char *body = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = create_flow ("Refused", cases[i].spec, source, target, cases[i].transformations,
                                         cases[i].schedule, &error);

      g_test_message ("case %u", i);
      g_assert_null (id);
      assert_flow_error (error, cases[i].code, cases[i].message);
      g_assert_null (strstr (error->message, "may have been created"));
    }

  /* The target must be the dataset's own schema, and the dataset real. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *id = create_target (ORDERS_DATASET, WEB_EVENTS_SCHEMA, &error);

    g_assert_null (id);
    assert_flow_error (error, "FLOW-1425-400", ORDERS_SCHEMA);
    g_clear_error (&error);
    g_clear_pointer (&id, g_free);
    id = create_target ("000000000000000000000000", ORDERS_SCHEMA, &error);
    g_assert_null (id);
    assert_flow_error (error, "FLOW-2200-500", "does not exist");
  }

  /* A state in the body. */
  {
    g_autoptr(GError) error = NULL;

    body = g_strdup_printf ("{\"name\": \"With state\", \"state\": \"enabled\", \"flowSpec\": {\"id\": \""
                            CLOUD_STORAGE_TO_AEP "\", \"version\": \"1.0\"}, \"sourceConnectionIds\": [\"%s\"], "
                            "\"targetConnectionIds\": [\"%s\"], \"transformations\": " MAPPING_INT ", "
                            "\"scheduleParams\": " EVERY_15_MINUTES "}", source, target);
    g_assert_false (raw_post ("flows", body, &error));
    assert_flow_error (error, "FLOW-1410-400", "state");
  }
}

/* S002's legacy body (parquet_xdm with data.schema) still works; its
 * recursive "true" as a string does not.
 */
/* A mapping set made through Data Prep is one a flow can name, in the
 * version Data Prep gave it and no other.
 */
static void
test_data_prep_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TribMappingSet) set = NULL;
  g_autofree char *source = s3_source ();
  g_autofree char *target = orders_target ();
  g_autofree char *transformations = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *flow_id = NULL;
  g_autofree char *refused = NULL;

  g_ptr_array_add (mappings, trib_mapping_new (TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderID", "_id"));
  trib_data_prep_create_mapping_set_async (client, "Orders mapping", ORDERS_SCHEMA, mappings, NULL,
                                           trib_test_result_cb, &result);
  set = trib_data_prep_create_mapping_set_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  transformations = g_strdup_printf ("[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"%s\", "
                                     "\"mappingVersion\": %u}}]",
                                     trib_mapping_set_get_id (set), trib_mapping_set_get_version (set));
  flow_id = create_flow ("Orders mapped by Data Prep", CLOUD_STORAGE_TO_AEP, source, target, transformations,
                         EVERY_15_MINUTES, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);

  stale = g_strdup_printf ("[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"%s\", "
                           "\"mappingVersion\": %u}}]",
                           trib_mapping_set_get_id (set), trib_mapping_set_get_version (set) + 5);
  refused = create_flow ("Orders mapped by a version that never was", CLOUD_STORAGE_TO_AEP, source, target, stale,
                         EVERY_15_MINUTES, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&refused, g_free);

  /* A mapping set for another schema than the target dataset's. */
  {
    g_autoptr(GAsyncResult) other_result = NULL;
    g_autoptr(GPtrArray) other_mappings = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(TribMappingSet) other = NULL;
    g_autofree char *other_transformations = NULL;

    g_ptr_array_add (other_mappings, trib_mapping_new (TRIB_MAPPING_SOURCE_ATTRIBUTE, "eventId", "_id"));
    trib_data_prep_create_mapping_set_async (client, "Web events mapping", WEB_EVENTS_SCHEMA, other_mappings, NULL,
                                             trib_test_result_cb, &other_result);
    other = trib_data_prep_create_mapping_set_finish (trib_test_wait_result (&other_result), &error);
    g_assert_no_error (error);
    other_transformations = g_strdup_printf ("[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"%s\", "
                                             "\"mappingVersion\": 0}}]", trib_mapping_set_get_id (other));
    refused = create_flow ("Orders mapped for web events", CLOUD_STORAGE_TO_AEP, source, target,
                           other_transformations, EVERY_15_MINUTES, &error);
    g_assert_null (refused);
    assert_flow_error (error, "FLOW-1425-400", WEB_EVENTS_SCHEMA);
  }
}

static void
test_legacy_source (void)
{
  g_autoptr(GError) error = NULL;
  static const char legacy[] =
    "{\"name\": \"Legacy\", \"baseConnectionId\": \"" WORLD_S3_CONNECTION "\", \"data\": {\"format\": \"parquet_xdm\", "
    "\"schema\": {\"id\": \"" ORDERS_SCHEMA "\", \"version\": \"application/vnd.adobe.xed-full+json;version=1\"}}, "
    "\"params\": {\"path\": \"/luma/orders\", \"type\": \"folder\", \"recursive\": %s}, "
    "\"connectionSpec\": {\"id\": \"" S3 "\", \"version\": \"1.0\"}}";
  g_autofree char *good = g_strdup_printf (legacy, "true");
  g_autofree char *string_true = g_strdup_printf (legacy, "\"true\"");

  g_assert_true (raw_post ("sourceConnections", good, &error));
  g_assert_no_error (error);
  g_assert_false (raw_post ("sourceConnections", string_true, &error));
  assert_flow_error (error, "FLOW-1100-400", "recursive must be a boolean");
}

/* The flow is made but the answer lost: the client does not resend the
 * create, says the flow may exist, and it does, once.
 */
static void
test_dropped_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribPagedList) list = NULL;
  g_autofree char *source = s3_source ();
  g_autofree char *target = orders_target ();
  g_autofree char *name = trib_test_unique_name ("Dropped");
  g_autofree char *id = NULL;
  guint found = 0;

  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" FLOWS_PATH "\", \"method\": \"POST\", \"kind\": \"perform_drop\"}");
  id = create_flow (name, CLOUD_STORAGE_TO_AEP, source, target, MAPPING_INT, EVERY_15_MINUTES, &error);
  trib_test_sim_clear_faults (sim);
  g_assert_null (id);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "may have been created"));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", FLOWS_PATH), ==, 1);

  list = trib_flow_service_list_flows (client, NULL);
  trib_test_load_all (list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (trib_flow_get_name (flow), name) == 0)
        found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

/* More flows than a page: the relative next links get them all. */
static void
test_list_paging (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autofree char *source = s3_source ();
  g_autofree char *target = orders_target ();
  guint before;

  list = trib_flow_service_list_flows (client, NULL);
  trib_test_load_all (list);
  before = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_clear_object (&list);

  /* One past the client's page of 100. */
  for (guint i = before; i < 101; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = create_flow ("Paged", CLOUD_STORAGE_TO_AEP, source, target, MAPPING_INT,
                                         EVERY_15_MINUTES, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }

  trib_test_sim_clear_requests (sim);
  list = trib_flow_service_list_flows (client, NULL);
  trib_test_load_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, MAX (before, 101));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", FLOWS_PATH), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-setup/seed-002", test_seed_002);
  g_test_add_func ("/tributary/flow-setup/seed-004", test_seed_004);
  g_test_add_func ("/tributary/flow-setup/databricks", test_databricks);
  g_test_add_func ("/tributary/flow-setup/refusals", test_refusals);
  g_test_add_func ("/tributary/flow-setup/data-prep-mapping", test_data_prep_mapping);
  g_test_add_func ("/tributary/flow-setup/legacy-source", test_legacy_source);
  g_test_add_func ("/tributary/flow-setup/dropped-create", test_dropped_create);
  g_test_add_func ("/tributary/flow-setup/list-paging", test_list_paging);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
