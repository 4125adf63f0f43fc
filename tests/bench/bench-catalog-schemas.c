/* bench-catalog-schemas.c
 *
 * Browsing at the scale of a real organization, against tributary-sim
 * with 50,000 datasets and its 5,000-field ExperienceEvent schema:
 *
 *   BENCH datasets-first-page requests=… target=1
 *     round trips from asking for the list to its first page in the model
 *   BENCH datasets-first-page ms=… target=100
 *     the time that takes, on loopback
 *   BENCH datasets-first-page overhead_ratio=… target=1.5
 *     that time over a bare libsoup GET of the same page plus parsing it,
 *     measured in the same run (the anchor)
 *   BENCH schema-tree build_ratio=… target=2.0
 *     parsing the resolved schema and building the field tree, over
 *     json-glib merely parsing the same document
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "trib-catalog.h"
#include "trib-schema-registry.h"
#include "trib-test-sim.h"
#include "trib-util.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define ROUNDS 7

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static TribPlatformClient *
client_for (TribTestSim *sim)
{
  g_autoptr(TribProfile) profile = trib_profile_new (NULL);
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;

  trib_profile_set_name (profile, "Benchmark");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (client, "prod");

  return client;
}

static JsonNode *
call (TribPlatformClient *client,
      const char         *path,
      const char         *accept)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  trib_platform_client_call_async (client, "GET", path, NULL, accept, TRIB_CALL_NONE, NULL, result_cb, &result);
  node = trib_platform_client_call_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  return node;
}

/* The anchor: the same first page with nothing but libsoup and json-glib. */
static double
bare_first_page_ms (TribTestSim *sim,
                    const char  *token)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (sim->base_url, "/data/foundation/catalog/dataSets?limit=100&start=0"
                                      "&orderBy=asc:name&properties=name,description,created,updated,schemaRef,"
                                      "fileDescription,tags,lastBatchId,lastBatchStatus", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  gint64 start = g_get_monotonic_time ();

  message = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-api-key", sim->client_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-gw-ims-org-id", sim->org_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-sandbox-name", "prod");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
first_page_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       gint64     *arrived)
{
  if (*arrived == 0)
    *arrived = g_get_monotonic_time ();
}

static void
bench_first_page (TribTestSim        *sim,
                  TribPlatformClient *client)
{
  TribRequestLog *log = trib_platform_client_get_log (client);
  double ours[ROUNDS];
  double bare[ROUNDS];
  guint requests = 0;
  char *token = NULL;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(TribPagedList) list = NULL;
      guint logged_before = g_list_model_get_n_items (G_LIST_MODEL (log));
      gint64 arrived = 0;
      gint64 start = g_get_monotonic_time ();

      list = trib_catalog_list_datasets (client, NULL);
      g_signal_connect (list, "items-changed", G_CALLBACK (first_page_changed_cb), &arrived);
      while (arrived == 0)
        {
          g_assert_null (trib_paged_list_get_error (list));
          g_main_context_iteration (NULL, TRUE);
        }

      ours[round] = (arrived - start) / 1000.0;
      requests = MAX (requests, g_list_model_get_n_items (G_LIST_MODEL (log)) - logged_before);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_CATALOG_PAGE_SIZE);
    }

  /* The client's token, for the bare requests: this process's own, from the simulator. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), NULL, result_cb, &result);
    token = trib_ims_auth_get_token_finish (trib_platform_client_get_auth (client), wait_for (&result), &error);
    g_assert_no_error (error);
  }
  for (guint round = 0; round < ROUNDS; round++)
    bare[round] = bare_first_page_ms (sim, token);

  trib_secret_free (token);

  g_print ("BENCH datasets-first-page requests=%u target=1\n", requests);
  g_print ("BENCH datasets-first-page ms=%.1f target=100\n", bench_median (ours, ROUNDS));
  g_print ("BENCH datasets-first-page overhead_ratio=%.2f target=1.5\n", bench_median (ours, ROUNDS) / bench_median (bare, ROUNDS));
  g_print ("# datasets-first-page: bare libsoup %.1f ms (median of %u)\n", bench_median (bare, ROUNDS), ROUNDS);
}

static void
bench_schema_tree (TribPlatformClient *client)
{
  g_autofree char *escaped = g_uri_escape_string (WEB_EVENTS_SCHEMA, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/data/foundation/schemaregistry/tenant/schemas/", escaped, NULL);
  g_autoptr(JsonNode) resolved = call (client, path, "application/vnd.adobe.xed-full+json; version=1");
  g_autofree char *document = json_to_string (resolved, FALSE);
  gsize length = strlen (document);
  double parse_only[ROUNDS];
  double parse_and_build[ROUNDS];
  guint n_fields = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(JsonParser) parser2 = json_parser_new_immutable ();
      g_autoptr(GListModel) tree = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      g_assert_true (json_parser_load_from_data (parser, document, length, NULL));
      parse_only[round] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      g_assert_true (json_parser_load_from_data (parser2, document, length, NULL));
      tree = trib_xdm_field_build_tree (json_node_get_object (json_parser_get_root (parser2)), NULL, &n_fields);
      parse_and_build[round] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_assert_cmpuint (n_fields, >=, 5000);
  g_print ("BENCH schema-tree build_ratio=%.2f target=2.0\n", bench_median (parse_and_build, ROUNDS) / bench_median (parse_only, ROUNDS));
  g_print ("# schema-tree: %u fields, %zu bytes; parse %.1f ms, parse and build %.1f ms (medians of %u)\n",
           n_fields, length, bench_median (parse_only, ROUNDS), bench_median (parse_and_build, ROUNDS), ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(JsonNode) warm_up = NULL;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", "50000", NULL });
  client = client_for (sim);

  /* The token is fetched once per session, not per list: fetch it first. */
  warm_up = call (client, "/data/foundation/catalog/dataSets?limit=1", NULL);

  bench_first_page (sim, client);
  bench_schema_tree (client);

  return 0;
}
