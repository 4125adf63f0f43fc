/* test-call-path.c
 *
 * The one call path, through the services' own calls against
 * tributary-sim: a call keeps the sandbox it was made in whatever the
 * user does while it waits, an endpoint is repeated only if it is
 * idempotent, and answers are bounded and checked before any parse
 * function sees them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-catalog.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-query-service.h"
#include "trib-schema-registry.h"
#include "trib-session.h"
#include "trib-test-platform.h"

#define CRM_DATASET "64f0a1b2c3d4e5f60718293b"
#define CRM_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define DATASETS_PATH "/data/foundation/catalog/dataSets"
#define CRM_PATH DATASETS_PATH "/" CRM_DATASET
#define SCHEMAS_PATH "/data/foundation/schemaregistry/tenant/schemas"
#define PARAMETERS_PATH "/data/foundation/query/connection_parameters"

static TribDataset *
get_dataset (TribPlatformClient  *client,
             const char          *id,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_catalog_get_dataset_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_catalog_get_dataset_finish (trib_test_wait_result (&result), error);
}

static char *
create_dataset (TribPlatformClient  *client,
                const char          *name,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_catalog_create_dataset_async (client, name, NULL, CRM_SCHEMA, NULL, trib_test_result_cb, &result);

  return trib_catalog_create_dataset_finish (trib_test_wait_result (&result), error);
}

static void
test_sandbox_kept_across_retry_after (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribSession) session = trib_session_new (client);
  g_autoptr(TribSandbox) dev = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(TribDataset) later = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sandboxes = NULL;

  trib_test_session_refresh (session);
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "prod");
  dev = trib_test_find_sandbox (session, "dev");

  /* The first attempt is told to come back in a second… */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"status\", \"status\": 429, \"retry_after\": \"1\"}");
  trib_catalog_get_dataset_async (client, CRM_DATASET, NULL, trib_test_result_cb, &result);

  trib_test_wait_for_request (sim, "GET", CRM_PATH);

  /* …and while it waits, the user switches sandbox. */
  g_assert_null (result);
  trib_session_set_sandbox (session, dev);
  g_assert_cmpstr (trib_platform_client_get_sandbox (client), ==, "dev");

  dataset = trib_catalog_get_dataset_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_id (dataset), ==, CRM_DATASET);

  /* Both attempts went where the call was made. */
  sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", CRM_PATH);
  g_assert_cmpuint (g_strv_length (sandboxes), ==, 2);
  g_assert_cmpstr (sandboxes[0], ==, "prod");
  g_assert_cmpstr (sandboxes[1], ==, "prod");
  g_clear_pointer (&sandboxes, g_strfreev);

  /* A call made after the switch goes to the new sandbox. */
  later = get_dataset (client, CRM_DATASET, &error);
  g_assert_no_error (error);
  sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", CRM_PATH);
  g_assert_cmpuint (g_strv_length (sandboxes), ==, 3);
  g_assert_cmpstr (sandboxes[2], ==, "dev");
}

static void
test_list_keeps_its_sandbox (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribPagedList) list = NULL;
  g_auto(GStrv) sandboxes = NULL;

  trib_platform_client_set_sandbox (client, "prod");
  list = trib_catalog_list_datasets (client, NULL);

  /* Switched before any page is sent: every page still comes from prod. */
  trib_platform_client_set_sandbox (client, "dev");
  trib_test_scroll_to_end (list);
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_true (trib_paged_list_get_complete (list));

  sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", DATASETS_PATH);
  g_assert_cmpuint (g_strv_length (sandboxes), >=, 3);
  for (guint i = 0; sandboxes[i] != NULL; i++)
    g_assert_cmpstr (sandboxes[i], ==, "prod");
}

static void
source_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GObject **out = user_data;

  *out = g_object_ref (object);
}

static void
test_query_service_keeps_its_sandbox (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribQueryService) service = NULL;
  g_autoptr(GObject) source = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sandboxes = NULL;

  trib_platform_client_set_sandbox (client, "prod");
  service = trib_query_service_new (client);
  trib_platform_client_set_sandbox (client, "dev");

  /* Without PostgreSQL the simulator's Query Service answers 503, which
   * is retried: each attempt names the service's sandbox, not the
   * client's of the moment.
   */
  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (service), NULL, NULL,
                                                 source_cb, &source);
  while (source == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The answer comes from the service, as its interface promises. */
  g_assert_true (source == G_OBJECT (service));
  g_clear_object (&source);

  sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", PARAMETERS_PATH);
  g_assert_cmpuint (g_strv_length (sandboxes), ==, trib_test_fast_policy.max_attempts);
  for (guint i = 0; sandboxes[i] != NULL; i++)
    g_assert_cmpstr (sandboxes[i], ==, "prod");

  /* The failure says which call failed. */
  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (service), NULL, NULL,
                                                 trib_test_result_cb, &result);
  endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (service),
                                                             trib_test_wait_result (&result), &error);
  g_assert_null (endpoint);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_true (g_str_has_prefix (error->message, "Could not get the connection parameters from Query Service: "));
}

static void
test_get_retried (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"status\", \"status\": 503}");
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CRM_PATH), ==, 2);
  g_clear_object (&dataset);

  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"status\", \"status\": 429, \"retry_after\": \"1\"}");
  started = g_get_monotonic_time ();
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 900 * 1000);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CRM_PATH), ==, 2);
}

static void
test_create_not_retried (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  trib_test_sim_add_fault (sim, "{\"path\": \"" DATASETS_PATH "\", \"method\": \"POST\", \"kind\": \"status\", \"status\": 503}");
  id = create_dataset (client, "Retried Nowhere", &error);
  g_assert_null (id);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", DATASETS_PATH), ==, 1);
  g_clear_error (&error);

  /* Not even when the server names the time to come back. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" DATASETS_PATH "\", \"method\": \"POST\", \"kind\": \"status\", "
                                "\"status\": 429, \"retry_after\": \"1\"}");
  id = create_dataset (client, "Retried Nowhere", &error);
  g_assert_null (id);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_RATE_LIMITED);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", DATASETS_PATH), ==, 2);
  g_clear_error (&error);

  /* A broken connection may have left a schema behind: not sent again. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SCHEMAS_PATH "\", \"method\": \"POST\", \"kind\": \"reset\"}");
  trib_schema_registry_create_schema_async (client, "Retried Nowhere", NULL, PROFILE_CLASS, NULL, NULL,
                                            trib_test_result_cb, &result);
  schema = trib_schema_registry_create_schema_finish (trib_test_wait_result (&result), &error);
  g_assert_null (schema);
  g_assert_nonnull (error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", SCHEMAS_PATH), ==, 1);
  g_clear_error (&error);

  /* Without a fault the same call creates it, once. */
  id = create_dataset (client, "Retried Nowhere", &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", DATASETS_PATH), ==, 3);
}

static void
test_reply_bounds (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* Too large: refused while it arrives, and not asked for again. */
  limits.max_body_bytes = 64 * 1024;
  trib_platform_client_set_reply_limits (client, &limits);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"oversized\", \"size\": 65537}");
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_null (dataset);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CRM_PATH), ==, 1);
  g_clear_error (&error);

  /* Too deep: refused before any parser recurses into it. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"deep_nesting\", \"depth\": 10000}");
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_null (dataset);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_clear_error (&error);

  /* JSON, but not the shape documented: the endpoint says what is missing. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CRM_PATH "\", \"kind\": \"body\", \"body\": \"{}\"}");
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_null (dataset);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_cmpstr (error->message, ==, "Catalog answered without the dataset.");
  g_clear_error (&error);

  /* Within the bounds, the same call succeeds. */
  dataset = get_dataset (client, CRM_DATASET, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_id (dataset), ==, CRM_DATASET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/call-path/sandbox-kept-across-retry-after", test_sandbox_kept_across_retry_after);
  g_test_add_func ("/tributary/call-path/list-keeps-its-sandbox", test_list_keeps_its_sandbox);
  g_test_add_func ("/tributary/call-path/query-service-keeps-its-sandbox", test_query_service_keeps_its_sandbox);
  g_test_add_func ("/tributary/call-path/get-retried", test_get_retried);
  g_test_add_func ("/tributary/call-path/create-not-retried", test_create_not_retried);
  g_test_add_func ("/tributary/call-path/reply-bounds", test_reply_bounds);

  return g_test_run ();
}
