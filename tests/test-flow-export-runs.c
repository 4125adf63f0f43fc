/* test-flow-export-runs.c
 *
 * A dataset export flow's runs in tributary-sim, over HTTP with its
 * clock stopped and stepped: its schedule is `timeUnit` and `interval`
 * (no `frequency`), and its runs follow it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-flow-service-runs.h"
#include "trib-test-platform.h"

#define FLOWS_PATH "/data/foundation/flowservice/flows"
#define S3_DESTINATION "4fce964d-3f37-408f-9778-e597338a21ee"
#define S3_DATASET_FLOW "269ba276-16fc-47db-92b0-c1049a3c131f"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define DEMO_S3_KEY "AKIATRIBUTARYDEMO001"
#define DEMO_S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"

static TribTestSim *sim;
static TribPlatformClient *client;

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

/* A dataset export's schedule is `timeUnit` and `interval`, no
 * `frequency`: its runs follow it, every three hours here, not once.
 */
static void
test_export_runs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(TribPagedList) runs = NULL;
  g_autofree char *json = NULL;
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *flow = NULL;
  gint64 start = (trib_test_sim_clock (sim, 0, 0) / 60000 + 1) * 60;

  body = json_from_string ("{\"name\": \"Exports\", \"auth\": {\"specName\": \"Access Key\", \"params\": {"
                           "\"s3AccessKey\": \"" DEMO_S3_KEY "\", \"s3SecretKey\": \"" DEMO_S3_SECRET "\"}}, "
                           "\"connectionSpec\": {\"id\": \"" S3_DESTINATION "\", \"version\": \"1.0\"}}", NULL);
  reply = trib_test_call (client, "POST", "/data/foundation/flowservice/connections", body, &error);
  g_assert_no_error (error);
  base = g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
  g_clear_pointer (&body, json_node_unref);
  g_clear_pointer (&reply, json_node_unref);

  body = json_from_string ("{\"name\": \"Orders\", \"connectionSpec\": {\"id\": \"" EXPORT_SOURCE "\", "
                           "\"version\": \"1.0\"}, \"params\": {\"datasets\": [{\"dataSetId\": \"" ORDERS_DATASET
                           "\", \"name\": \"Orders\"}]}}", NULL);
  reply = trib_test_call (client, "POST", "/data/foundation/flowservice/sourceConnections", body, &error);
  g_assert_no_error (error);
  source = g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
  g_clear_pointer (&body, json_node_unref);
  g_clear_pointer (&reply, json_node_unref);

  /* Parquet: the simulator writes no file, the runs are what counts. */
  json = g_strdup_printf ("{\"name\": \"Bucket\", \"baseConnectionId\": \"%s\", \"connectionSpec\": {\"id\": \""
                          S3_DESTINATION "\", \"version\": \"1.0\"}, \"params\": {\"mode\": \"Server-to-server\", "
                          "\"path\": \"exports\", \"bucketName\": \"luma-exports\", \"compression\": \"NONE\", "
                          "\"datasetFileType\": \"PARQUET\"}}", base);
  body = json_from_string (json, NULL);
  reply = trib_test_call (client, "POST", "/data/foundation/flowservice/targetConnections", body, &error);
  g_assert_no_error (error);
  target = g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
  g_clear_pointer (&body, json_node_unref);
  g_clear_pointer (&reply, json_node_unref);
  g_clear_pointer (&json, g_free);

  json = g_strdup_printf ("{\"name\": \"Orders every 3 hours\", \"flowSpec\": {\"id\": \"" S3_DATASET_FLOW "\", "
                          "\"version\": \"1.0\"}, \"sourceConnectionIds\": [\"%s\"], \"targetConnectionIds\": "
                          "[\"%s\"], \"transformations\": [], \"scheduleParams\": {\"exportMode\": "
                          "\"FIRST_FULL_THEN_INCREMENTAL\", \"timeUnit\": \"hour\", \"interval\": 3, \"startTime\": %"
                          G_GINT64_FORMAT "}}", source, target, start);
  body = json_from_string (json, NULL);
  reply = trib_test_call (client, "POST", FLOWS_PATH, body, &error);
  g_assert_no_error (error);
  flow = g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));

  /* Ticks at +1 minute, +3 h 1 min and +6 h 1 min. */
  trib_test_sim_clock (sim, 0, 7 * 60);
  runs = all_runs (flow);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (runs)), ==, 3);
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(TribFlowRun) run = run_at (runs, i);
      g_autoptr(TribFlowRun) previous = run_at (runs, i - 1);

      g_assert_cmpint (trib_flow_run_get_started_ms (previous) - trib_flow_run_get_started_ms (run), ==,
                       3 * 60 * 60000);
    }
  {
    g_autoptr(TribFlowRun) first = run_at (runs, 2);

    g_assert_cmpint (trib_flow_run_get_started_ms (first), ==, start * 1000);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--clock-speed", "0", NULL });
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-export-runs/schedule", test_export_runs);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
