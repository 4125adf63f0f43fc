/* test-platform-client.c
 *
 * Integration tests of sign-in, retries and sandboxes against
 * tributary-sim over HTTP.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-error.h"
#include "trib-ims-auth-private.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-sandbox-management.h"
#include "trib-session.h"
#include "trib-test-platform.h"

#define SANDBOXES_PATH "/data/foundation/sandbox-management/"

static void
test_sign_in_and_list (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribSession) session = trib_session_new (client);
  GListModel *sandboxes;
  TribSandbox *sandbox;

  trib_test_session_refresh (session);

  sandboxes = trib_session_get_sandboxes (session);
  g_assert_cmpuint (g_list_model_get_n_items (sandboxes), >=, 2);

  sandbox = trib_session_get_sandbox (session);
  g_assert_nonnull (sandbox);
  g_assert_cmpstr (trib_sandbox_get_name (sandbox), ==, "prod");
  g_assert_true (trib_sandbox_get_is_production (sandbox));
  g_assert_true (trib_sandbox_get_is_default (sandbox));
  g_assert_nonnull (trib_sandbox_get_created (sandbox));
  g_assert_cmpstr (trib_platform_client_get_sandbox (client), ==, "prod");
  g_assert_cmpuint (trib_ims_auth_get_n_fetches (trib_platform_client_get_auth (client)), ==, 1);

  /* The log shows the calls, never the secret or the token. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trib_platform_client_get_log (client))), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trib_platform_client_get_log (client))); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (trib_platform_client_get_log (client)), i);
      g_autofree char *curl = trib_request_record_dup_curl (record);

      g_assert_null (strstr (curl, sim->client_secret));
      g_assert_true (trib_request_record_get_done (record));
    }
}

static void
test_switch_sandbox_header (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  trib_platform_client_set_sandbox (client, "dev");
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/dev", NULL, &error);
  g_assert_no_error (error);

  /* An unknown sandbox is the platform's error, named as such. */
  trib_platform_client_set_sandbox (client, "no-such-sandbox");
  g_clear_pointer (&node, json_node_unref);
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/dev", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX);
}

/* The session keeps one cache of XDM titles per sandbox, which the pages
 * share: a title met in one sandbox is not taken for another's.
 */
static void
test_titles_per_sandbox (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribSession) session = trib_session_new (client);
  g_autoptr(TribSandbox) prod = NULL;
  g_autoptr(TribSandbox) dev = NULL;
  g_autoptr(TribXdmTitles) prod_titles = NULL;

  g_assert_null (trib_session_get_xdm_titles (session));

  trib_test_session_refresh (session);
  prod = trib_test_find_sandbox (session, "prod");
  dev = trib_test_find_sandbox (session, "dev");

  trib_session_set_sandbox (session, prod);
  prod_titles = g_object_ref (trib_session_get_xdm_titles (session));
  trib_xdm_titles_remember (prod_titles, "https://ns.adobe.com/tributarydemo/schemas/test-1", "Made in prod");
  g_assert_cmpstr (trib_xdm_titles_lookup (trib_session_get_xdm_titles (session), TRIB_XDM_KIND_SCHEMA,
                                           "https://ns.adobe.com/tributarydemo/schemas/test-1"), ==, "Made in prod");

  trib_session_set_sandbox (session, dev);
  g_assert_nonnull (trib_session_get_xdm_titles (session));
  g_assert_true (trib_session_get_xdm_titles (session) != prod_titles);
  trib_xdm_titles_remember (trib_session_get_xdm_titles (session), "https://ns.adobe.com/tributarydemo/schemas/test-2", "Made in dev");
  g_assert_cmpstr (trib_xdm_titles_lookup (trib_session_get_xdm_titles (session), TRIB_XDM_KIND_SCHEMA,
                                           "https://ns.adobe.com/tributarydemo/schemas/test-2"), ==, "Made in dev");
  g_assert_null (trib_xdm_titles_lookup (prod_titles, TRIB_XDM_KIND_SCHEMA, "https://ns.adobe.com/tributarydemo/schemas/test-2"));

  /* A title the old cache still asks for is asked in its own sandbox. */
  {
    const char *path = "/data/foundation/schemaregistry/tenant/schemas/https://ns.adobe.com/tributarydemo/schemas/test-2";
    g_auto(GStrv) asked_in = NULL;

    trib_test_wait_for_request (sim, "GET", path);
    asked_in = trib_test_sim_dup_sandboxes (sim, "GET", path);
    g_assert_cmpstr (asked_in[0], ==, "prod");
  }
}

static void
test_paging (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) paged = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  all = trib_test_list_sandboxes (client, 100, &error);
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (all);
  g_assert_cmpuint (n_items, >=, 5);

  trib_test_sim_clear_requests (sim);
  paged = trib_test_list_sandboxes (client, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (paged), ==, n_items);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, (n_items + 1) / 2);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), >=, 3);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribSandbox) a = g_list_model_get_item (all, i);
      g_autoptr(TribSandbox) b = g_list_model_get_item (paged, i);

      g_assert_cmpstr (trib_sandbox_get_name (a), ==, trib_sandbox_get_name (b));
    }
}

static void
test_wrong_secret (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, "p8e-wrong-secret");
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(GError) error = NULL;

  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_null (sandboxes);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_SECRET);
  /* IMS was asked once; a refused secret is not retried. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", "/ims/token/v3"), ==, 1);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 0);
}

static void
test_unknown_client_and_org (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(GError) error = NULL;

  trib_profile_set_org_id (profile, "FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg");
  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNKNOWN_ORG);
  g_clear_error (&error);
  g_clear_object (&client);

  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, "00000000000000000000000000000000");
  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_CLIENT);
}

static void
test_unreachable_and_insecure (void)
{
  g_autoptr(TribProfile) profile = trib_profile_new (NULL);
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(GError) error = NULL;

  trib_profile_set_org_id (profile, "A@AdobeOrg");
  trib_profile_set_client_id (profile, "abc");
  trib_profile_set_technical_account_id (profile, "t@techacct.adobe.com");

  /* Plain http is refused for anything but this computer. */
  trib_profile_set_platform_url (profile, "http://platform.example.com");
  g_assert_null (trib_platform_client_new (profile, "secret", NULL, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INSECURE_URL);
  g_clear_error (&error);

  /* Port 9 on loopback: nothing listens. */
  trib_profile_set_platform_url (profile, "http://127.0.0.1:9");
  trib_profile_set_ims_url (profile, "http://127.0.0.1:9");
  client = trib_platform_client_new (profile, "secret", NULL, &error);
  g_assert_no_error (error);
  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
test_token_refresh_on_expiry (void)
{
  const char *args[] = { "--token-lifetime", "2", NULL };
  g_autoptr(TribTestSim) sim = trib_test_sim_start (args);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  TribImsAuth *auth = trib_platform_client_get_auth (client);

  first = trib_test_list_sandboxes (client, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_ims_auth_get_n_fetches (auth), ==, 1);

  /* Within the lifetime the cached token is used. */
  g_clear_object (&first);
  first = trib_test_list_sandboxes (client, 50, &error);
  g_assert_cmpuint (trib_ims_auth_get_n_fetches (auth), ==, 1);

  g_timeout_add_once (2100, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);

  second = trib_test_list_sandboxes (client, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_ims_auth_get_n_fetches (auth), ==, 2);
  /* The token was renewed before use: no call was refused for it. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 3);
}

static void
test_401_retried_once (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_no_error (error);

  trib_test_sim_revoke_tokens (sim);
  trib_test_sim_clear_requests (sim);

  g_clear_object (&sandboxes);
  sandboxes = trib_test_list_sandboxes (client, 50, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sandboxes);
  /* Refused once, a new token, then accepted. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", "/ims/token/v3"), ==, 1);

  /* A 401 that persists after the refresh is returned, not looped on. */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 401, \"count\": 5}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);
}

static void
test_429_retry_after (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 started;

  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 429, \"retry_after\": \"1\"}");
  started = g_get_monotonic_time ();
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  /* The client waited as told, not its own (much shorter) backoff. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 900 * 1000);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);

  /* A Retry-After beyond the policy's patience fails at once. */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 429, \"retry_after\": \"600\"}");
  g_clear_pointer (&node, json_node_unref);
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_RATE_LIMITED);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 1);
}

static void
test_5xx_backoff_then_success (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 503, \"count\": 2}");
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"reset\", \"count\": 1}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 4);

  /* Past the allowed attempts the server error is returned. */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 500, \"count\": 10}");
  g_clear_pointer (&node, json_node_unref);
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, trib_test_fast_policy.max_attempts);
}

static void
test_5xx_on_post_not_repeated (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "dev-tributary");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Tributary tests");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "development");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes\", \"method\": \"POST\", \"kind\": \"status\", \"status\": 503}");
  node = trib_test_call (client, "POST", SANDBOXES_PATH "sandboxes", body, &error);
  g_assert_null (node);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", SANDBOXES_PATH "sandboxes"), ==, 1);
  g_clear_error (&error);

  /* A reset on a POST is not repeated either: the sandbox may exist. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes\", \"method\": \"POST\", \"kind\": \"reset\"}");
  node = trib_test_call (client, "POST", SANDBOXES_PATH "sandboxes", body, &error);
  g_assert_null (node);
  g_assert_nonnull (error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", SANDBOXES_PATH "sandboxes"), ==, 2);
  g_clear_error (&error);

  /* Without a fault the same call creates it, once. */
  node = trib_test_call (client, "POST", SANDBOXES_PATH "sandboxes", body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "dev-tributary");
}

static void
test_malformed_json (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A transfer cut off once is a transient failure: the GET is repeated. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"truncate\", \"count\": 1}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);

  /* A short body the server calls complete cannot be told from a whole
   * one until it is parsed: the error says the answer is not valid JSON.
   */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"truncate\", "
                                "\"connection_close\": true, \"count\": 10}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  trib_test_sim_clear_faults (sim);

  /* A proxy's HTML page is reported as what it is. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"non_json\", \"count\": 10}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "text/html"));
}

static void
test_cancel_during_backoff (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  TribRetryPolicy patient = { 4, 20, 100, 30 };
  gint64 started;

  trib_platform_client_set_retry_policy (client, &patient);
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 429, \"retry_after\": \"20\"}");

  started = g_get_monotonic_time ();
  trib_platform_client_call_async (client, "GET", SANDBOXES_PATH, NULL, NULL, TRIB_CALL_NONE,
                                   cancellable, trib_test_result_cb, &result);
  g_timeout_add_once (300, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  node = trib_platform_client_call_finish (client, trib_test_wait_result (&result), &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/platform/sign-in-and-list", test_sign_in_and_list);
  g_test_add_func ("/tributary/platform/switch-sandbox", test_switch_sandbox_header);
  g_test_add_func ("/tributary/platform/titles-per-sandbox", test_titles_per_sandbox);
  g_test_add_func ("/tributary/platform/paging", test_paging);
  g_test_add_func ("/tributary/platform/wrong-secret", test_wrong_secret);
  g_test_add_func ("/tributary/platform/unknown-client-and-org", test_unknown_client_and_org);
  g_test_add_func ("/tributary/platform/unreachable-and-insecure", test_unreachable_and_insecure);
  g_test_add_func ("/tributary/platform/token-refresh", test_token_refresh_on_expiry);
  g_test_add_func ("/tributary/platform/401-retried-once", test_401_retried_once);
  g_test_add_func ("/tributary/platform/429-retry-after", test_429_retry_after);
  g_test_add_func ("/tributary/platform/5xx-backoff", test_5xx_backoff_then_success);
  g_test_add_func ("/tributary/platform/5xx-post-not-repeated", test_5xx_on_post_not_repeated);
  g_test_add_func ("/tributary/platform/malformed-json", test_malformed_json);
  g_test_add_func ("/tributary/platform/cancel-during-backoff", test_cancel_during_backoff);

  return g_test_run ();
}
