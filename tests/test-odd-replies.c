/* test-odd-replies.c
 *
 * Replies of a reasonable size but an odd shape, served byte for byte by
 * tributary-sim's "body" fault: blanks alone, members of another type
 * than the one documented, keys given twice, and the \u escapes that
 * json-glib 1.6 turns into text that is not UTF-8. Each call ends, with
 * an error that says what was wrong, and without a critical.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-query-service.h"
#include "trib-sandbox-management.h"
#include "trib-test-platform.h"

#define SANDBOXES_PATH "/data/foundation/sandbox-management/"
#define TOKEN_PATH "/ims/token/v3"
#define PARAMETERS_PATH "/data/foundation/query/connection_parameters"

/* The fault's body is a JSON string: json-glib escapes it, and the
 * simulator serves it unescaped, byte for byte.
 */
static void
add_body_fault (TribTestSim *sim,
                const char  *path,
                const char  *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) spec = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "body");
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  spec = json_builder_get_root (builder);
  json = json_to_string (spec, FALSE);

  trib_test_sim_add_fault (sim, json);
}

static TribSqlEndpoint *
get_endpoint (TribPlatformClient  *client,
              GError             **error)
{
  g_autoptr(TribQueryService) service = trib_query_service_new (client);
  g_autoptr(GAsyncResult) result = NULL;

  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (service), NULL, NULL,
                                                 trib_test_result_cb, &result);

  return trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (service),
                                                         trib_test_wait_result (&result), error);
}

static void
test_blank_body (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribPlatformClient) fresh = trib_test_platform_client (sim, NULL);
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *blanks = " \r\n\t ";

  trib_test_sign_in (client);

  /* json-glib reads blanks as a document without a root: a null. */
  add_body_fault (sim, SANDBOXES_PATH, blanks);
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (node));

  /* Which each service then reports as an answer without what it needs. */
  add_body_fault (sim, SANDBOXES_PATH, blanks);
  sandboxes = trib_test_list_sandboxes (client, TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_null (sandboxes);
  g_clear_error (&error);

  add_body_fault (sim, PARAMETERS_PATH, blanks);
  endpoint = get_endpoint (client, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_null (endpoint);
  g_clear_error (&error);

  add_body_fault (sim, TOKEN_PATH, blanks);
  g_clear_pointer (&node, json_node_unref);
  node = trib_test_call (fresh, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "access token"));
}

static void
test_token_of_another_type (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  const char *bodies[] = {
    "{\"access_token\": {}, \"token_type\": \"bearer\", \"expires_in\": 86399}",
    "{\"access_token\": [\"a\"], \"token_type\": \"bearer\", \"expires_in\": 86399}",
    "{\"access_token\": \"\", \"token_type\": \"bearer\", \"expires_in\": 86399}",
    "{\"access_token\": \"a\", \"token_type\": \"bearer\", \"expires_in\": []}",
    "{\"access_token\": \"a\", \"token_type\": \"bearer\", \"expires_in\": {}}",
    "{\"access_token\": \"a\", \"token_type\": \"bearer\", \"expires_in\": \"86399\"}",
    "{\"access_token\": \"a\", \"token_type\": \"bearer\", \"expires_in\": 1e300}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      add_body_fault (sim, TOKEN_PATH, bodies[i]);
      node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, ==, "IMS answered without an access token and its lifetime.");
      g_assert_null (node);
    }
}

static void
test_parameters_of_another_type (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  const char *bodies[] = {
    "{\"host\": [], \"port\": 5432, \"username\": \"u\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": {}, \"username\": \"u\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": \"5432\", \"username\": \"u\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": 1e300, \"username\": \"u\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": 5432, \"username\": {\"a\": 1}, \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": 5432, \"username\": \"u\", \"token\": [], \"dbName\": \"prod:all\"}",
    /* libpq reads an empty host as the local socket, an empty user as
     * the login name: neither is Query Service's database. */
    "{\"host\": \"\", \"port\": 5432, \"username\": \"u\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": 5432, \"username\": \"\", \"token\": \"t\", \"dbName\": \"prod:all\"}",
    "{\"host\": \"db\", \"port\": 5432, \"username\": \"u\", \"token\": \"\", \"dbName\": \"prod:all\"}",
    "[\"db\", 5432]",
  };

  trib_test_sign_in (client);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      add_body_fault (sim, PARAMETERS_PATH, bodies[i]);
      endpoint = get_endpoint (client, &error);
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_nonnull (strstr (error->message, "host, port, user name and token"));
      g_assert_null (endpoint);
      g_clear_error (&error);
    }

  /* A database name of another type is no name: the sandbox's is used. */
  add_body_fault (sim, PARAMETERS_PATH,
                  "{\"host\": \"db\", \"port\": 5432, \"username\": \"u\", \"token\": \"t\", \"dbName\": []}");
  endpoint = get_endpoint (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint->host, ==, "db");
  g_assert_cmpuint (endpoint->port, ==, 5432);
  g_assert_cmpstr (endpoint->database, ==, sim->sandbox);
  g_clear_pointer (&endpoint, trib_sql_endpoint_free);

  /* Nor is an empty one. */
  add_body_fault (sim, PARAMETERS_PATH,
                  "{\"host\": \"db\", \"port\": 5432, \"username\": \"u\", \"token\": \"t\", \"dbName\": \"\"}");
  endpoint = get_endpoint (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint->database, ==, sim->sandbox);
}

static void
test_duplicate_keys (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GString) body = g_string_new ("{\"sandboxes\": [], ");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* 870 KB that json-glib 1.6 takes half a minute to parse, its time
   * growing with the square of the number of keys.
   */
  for (guint i = 0; i < 100000; i++)
    g_string_append (body, "\"name\": 1, ");
  g_string_append (body, "\"name\": 1}");
  add_body_fault (sim, SANDBOXES_PATH, body->str);
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "same key twice"));
  g_assert_nonnull (strstr (error->message, "byte 29."));
  g_assert_null (node);
  g_clear_error (&error);

  /* Written differently, a key is still the same key. */
  add_body_fault (sim, SANDBOXES_PATH, "{\"name\": 1, \"n\\u0061me\": 2}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* The same key in two objects is two keys. */
  add_body_fault (sim, SANDBOXES_PATH, "{\"a\": {\"name\": 1}, \"b\": {\"name\": 1}, \"name\": 2}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
}

static void
test_surrogates (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(GListModel) sandboxes = NULL;
  g_autoptr(TribSandbox) sandbox = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* Half a pair, as JavaScript or Python may write it for a title typed
   * elsewhere: the rest of the list still shows, the half as U+FFFD.
   */
  add_body_fault (sim, SANDBOXES_PATH,
                  "{\"sandboxes\": [{\"name\": \"prod\", \"title\": \"Pr\\ud800od\", \"type\": \"production\", "
                  "\"state\": \"active\", \"isDefault\": true}, {\"name\": \"dev\", \"title\": \"\\udc00\\ud83d\", "
                  "\"type\": \"development\", \"state\": \"active\"}], \"_links\": {}}");
  sandboxes = trib_test_list_sandboxes (client, TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sandboxes), ==, 2);
  sandbox = g_list_model_get_item (sandboxes, 0);
  g_assert_cmpstr (trib_sandbox_get_title (sandbox), ==, "Pr\xef\xbf\xbdod");
  g_clear_object (&sandbox);
  sandbox = g_list_model_get_item (sandboxes, 1);
  g_assert_cmpstr (trib_sandbox_get_title (sandbox), ==, "\xef\xbf\xbd\xef\xbf\xbd");

  /* A whole pair is one character. */
  add_body_fault (sim, SANDBOXES_PATH, "[\"\\ud83d\\ude00\"]");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==, "\xf0\x9f\x98\x80");
  g_clear_pointer (&node, json_node_unref);

  /* An escape of fewer than four hex digits, which json-glib reads as a
   * character of its own making, is no JSON at all.
   */
  add_body_fault (sim, SANDBOXES_PATH, "[\"call_center_logs:\\udc]-t4\"]");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "invalid string at byte 19"));
  g_assert_null (node);
}

static void
test_several_values (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* json-glib reads each as a document and leaks all but the last:
   * a gigabyte for a reply at the size limit.
   */
  add_body_fault (sim, SANDBOXES_PATH, "{\"sandboxes\": []}\n{\"sandboxes\": []}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "Unexpected character at byte 18."));
  g_assert_null (node);
}

static void
test_parse_error_text (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* json-glib quotes the unexpected string in its message, cut to 29
   * bytes: here in the middle of the "é".
   */
  add_body_fault (sim, SANDBOXES_PATH, "{\"k\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa9\":1}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "is not valid JSON"));
  g_assert_null (node);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/odd-replies/blank-body", test_blank_body);
  g_test_add_func ("/tributary/odd-replies/token-of-another-type", test_token_of_another_type);
  g_test_add_func ("/tributary/odd-replies/parameters-of-another-type", test_parameters_of_another_type);
  g_test_add_func ("/tributary/odd-replies/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/tributary/odd-replies/surrogates", test_surrogates);
  g_test_add_func ("/tributary/odd-replies/several-values", test_several_values);
  g_test_add_func ("/tributary/odd-replies/parse-error-text", test_parse_error_text);

  return g_test_run ();
}
