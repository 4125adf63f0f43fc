/* test-flow-service-credentials.c
 *
 * Credential tests of base connections against the world's remote
 * accounts (every demo connector, and wrong keys refused with the
 * connector's own words), and listing them page by page through the
 * relative next links.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-call-private.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-request-record.h"
#include "trib-test-flow-service.h"

static TribTestSim *sim;
static TribPlatformClient *client;

static void
test_credentials (void)
{
  static const struct { const char *id; } demo[] = {
    { WORLD_S3_CONNECTION }, { WORLD_ADLS_CONNECTION }, { WORLD_GCS_CONNECTION }, { WORLD_DATABRICKS_CONNECTION },
    { WORLD_ODATA_CONNECTION },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *right = NULL;
  g_autofree char *wrong_key = NULL;
  g_autofree char *wrong_secret = NULL;
  g_autofree char *wrong_token = NULL;
  g_autofree char *lake = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_assert_true (test_connection (demo[i].id, &error));
      g_assert_no_error (error);
    }

  right = create ("Right key", S3, "Access Key",
                  "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (test_connection (right, &error));
  g_assert_no_error (error);

  wrong_key = create ("Wrong key", S3, "Access Key",
                      "{\"s3AccessKey\":\"AKIAWRONGWRONGWRONG1\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (test_connection (wrong_key, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400",
                     "The AWS Access Key Id you provided does not exist in our records");
  g_assert_true (g_str_has_prefix (error->message, "The connection test failed: "));
  g_clear_error (&error);

  wrong_secret = create ("Wrong secret", S3, "Access Key",
                         "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"not-the-demo-secret\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (test_connection (wrong_secret, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", "signature");
  g_clear_error (&error);

  wrong_token = create ("Wrong token", DATABRICKS, "Access Token Authentication",
                        "{\"domain\":\"https://adb-1234567890123456.7.azuredatabricks.net\","
                        "\"clusterId\":\"1203-091500-trib2026\",\"accessToken\":\"dapiffffffffffffffffffffffffffffffff\","
                        "\"database\":\"luma\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (test_connection (wrong_token, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", "Invalid access token");
  g_clear_error (&error);

  /* ADLS Gen2 and Google Cloud Storage, as S3: the demo account passes,
   * another secret is refused in the connector's words.
   */
  {
    static const struct { const char *spec; const char *auth; const char *params; const char *refusal; } cases[] = {
      { ADLS, "Basic Authentication for adls-gen2", DEMO_ADLS_PARAMS, NULL },
      { ADLS, "Basic Authentication for adls-gen2",
        "{\"url\":\"https://tributarydemo.dfs.core.windows.net\","
        "\"servicePrincipalId\":\"5c0f9e2d-8b7a-4c6d-9e1f-2a3b4c5d6e7f\","
        "\"servicePrincipalKey\":\"not-the-secret\",\"tenant\":\"tributary.example\"}",
        "AADSTS7000215: Invalid client secret provided" },
      { GCS, "Basic Authentication for google-cloud",
        "{\"accessKeyId\":\"" DEMO_GCS_KEY "\",\"secretAccessKey\":\"" DEMO_GCS_SECRET "\"}", NULL },
      { GCS, "Basic Authentication for google-cloud",
        "{\"accessKeyId\":\"GOOGWRONGWRONGWRONGWRONG1\",\"secretAccessKey\":\"" DEMO_GCS_SECRET "\"}",
        "InvalidAccessKeyId" },
      { ADLS_DEST, "Azure Service Principal Auth", DEMO_ADLS_PARAMS, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *id = create ("Cloud storage", cases[i].spec, cases[i].auth, cases[i].params, NULL, &error);

        g_assert_no_error (error);
        if (cases[i].refusal == NULL)
          {
            g_assert_true (test_connection (id, &error));
            g_assert_no_error (error);
          }
        else
          {
            g_assert_false (test_connection (id, &error));
            assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", cases[i].refusal);
            g_clear_error (&error);
          }
      }
  }

  /* A server error says nothing of the credentials: the test did not run. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "/" WORLD_S3_CONNECTION "/test\", "
                                "\"method\": \"GET\", \"kind\": \"status\", \"status\": 500, \"count\": 10}");
  g_assert_false (test_connection (WORLD_S3_CONNECTION, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_true (g_str_has_prefix (error->message, "Could not run the connection test: "));
  g_clear_error (&error);
  trib_test_sim_clear_faults (sim);

  /* The Data Lake takes no credentials, so there is nothing to refuse. */
  lake = create ("Lake", DATA_LAKE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (test_connection (lake, &error));
  g_assert_no_error (error);
}

static void
load_all (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_paged_list_get_complete (list))
    {
      g_assert_null (trib_paged_list_get_error (list));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!trib_paged_list_get_loading (list))
        trib_paged_list_load_more (list);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (trib_paged_list_get_error (list));
}

/* Pages of connections follow the relative next link, in one sandbox. */
static void
test_paging (void)
{
  const guint n_created = 2 * TRIB_FLOW_SERVICE_PAGE_SIZE + 17;
  g_autoptr(TribPagedList) all = NULL;
  g_autoptr(TribPagedList) odata = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n_world;

  trib_platform_client_set_sandbox (client, "dev");

  /* The world's accounts in dev, before this test adds any. */
  all = trib_flow_service_list_connections (client, NULL);
  load_all (all);
  n_world = g_list_model_get_n_items (G_LIST_MODEL (all));
  g_assert_cmpuint (n_world, ==, 5);
  g_clear_object (&all);

  for (guint i = 0; i < n_created; i++)
    {
      g_autofree char *name = g_strdup_printf ("Paged %03u", i);
      g_autofree char *id = create (name, i % 3 == 0 ? ODATA : DATA_LAKE, i % 3 == 0 ? "Anonymous Authentication" : NULL,
                                    i % 3 == 0 ? "{\"url\":\"https://odata.tributary.example/v4/Luma.svc\"}" : NULL,
                                    NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }

  trib_test_sim_clear_requests (sim);
  all = trib_flow_service_list_connections (client, NULL);
  load_all (all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, n_world + n_created);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_true (g_hash_table_add (seen, g_strdup (trib_connection_get_id (connection))));
    }
  /* 223 items in pages of 100: three calls, the last two by token. */
  g_assert_cmpuint (trib_paged_list_get_n_requests (all), ==, 3);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CONNECTIONS_PATH), ==, 3);
  {
    g_auto(GStrv) sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", CONNECTIONS_PATH);

    for (guint i = 0; sandboxes[i] != NULL; i++)
      g_assert_cmpstr (sandboxes[i], ==, "dev");
  }

  /* A filter holds across pages: the token carries it. */
  odata = trib_flow_service_list_connections (client, "connectionSpec.id==" ODATA);
  load_all (odata);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (odata)), ==, 1 + (n_created + 2) / 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (odata)); i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (G_LIST_MODEL (odata), i);

      g_assert_cmpstr (trib_connection_get_spec_id (connection), ==, ODATA);
    }

  /* The prod accounts are not dev's. */
  trib_platform_client_set_sandbox (client, "prod");
}

/* A next link that leads elsewhere is not followed. */
static void
test_foreign_next_link (void)
{
  g_autoptr(TribPagedList) list = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const GError *error;

  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "\", \"method\": \"GET\", \"kind\": \"body\", "
                                "\"body\": \"{\\\"items\\\": [{\\\"id\\\": \\\"c1\\\", \\\"connectionSpec\\\": "
                                "{\\\"id\\\": \\\"s1\\\"}}], \\\"_links\\\": {\\\"next\\\": {\\\"href\\\": "
                                "\\\"https://elsewhere.example/connections?continuationToken=x\\\"}}}\"}");
  list = trib_flow_service_list_connections (client, NULL);
  trib_paged_list_load_more (list);
  while (trib_paged_list_get_error (list) == NULL && !trib_paged_list_get_complete (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!trib_paged_list_get_loading (list))
        trib_paged_list_load_more (list);
      g_main_context_iteration (NULL, TRUE);
    }
  error = trib_paged_list_get_error (list);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  trib_test_sim_clear_faults (sim);
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
  trib_test_flow_service_setup (sim, client);

  g_test_add_func ("/tributary/flow-service/credentials", test_credentials);
  g_test_add_func ("/tributary/flow-service/paging", test_paging);
  g_test_add_func ("/tributary/flow-service/foreign-next-link", test_foreign_next_link);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
