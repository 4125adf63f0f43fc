/* test-sim-gateway.c
 *
 * tributary-sim over plain HTTP (libsoup), where the platform is looser
 * or richer than one client happens to need: the Authorization scheme
 * in any case, a missing x-sandbox-name meaning the production sandbox,
 * Query Service's numeric version, a dataset's schema media type kept
 * as sent, and Sandbox Management's list variants. The app's own
 * clients are run against the same replies where they read them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libpq-fe.h>
#include <libsoup/soup.h>

#include "trib-query-service.h"
#include "trib-test-pg.h"
#include "trib-test-platform.h"

#define SANDBOXES "/data/foundation/sandbox-management/"
#define DATASETS "/data/foundation/catalog/dataSets"
#define SCHEMAS "/data/foundation/schemaregistry/tenant/schemas"
#define CONNECTION_PARAMETERS "/data/foundation/query/connection_parameters"
#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"

/* The world's second client of the demo org: only dev and qa. */
#define LIMITED_CLIENT_ID "973d8d118dd1a8565290ab21d280cddc"
#define LIMITED_CLIENT_SECRET "p8e-LimitedClientSimDemoNotSecret003"

typedef struct
{
  TribTestSim *sim;
  SoupSession *session;
  char *token;
  char *limited_token;
} Fixture;

static Fixture fixture;

static char *
get_token (TribTestSim *sim,
           const char  *client_id,
           const char  *client_secret)
{
  g_autofree char *uri = g_strconcat (sim->base_url, "/ims/token/v3", NULL);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  message = soup_message_new_from_encoded_form ("POST", uri,
                                                soup_form_encode ("grant_type", "client_credentials",
                                                                  "client_id", client_id,
                                                                  "client_secret", client_secret,
                                                                  "scope", "openid,AdobeID,read_organizations",
                                                                  NULL));
  bytes = soup_session_send_and_read (fixture.session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "access_token"));
}

/* One request as a client would send it; NULL leaves a header out. */
static JsonNode *
send_full (TribTestSim *sim,
           const char  *method,
           const char  *path,
           const char  *client_id,
           const char  *authorization,
           const char  *sandbox,
           const char  *body,
           guint       *status)
{
  g_autofree char *uri = g_strconcat (sim->base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  g_assert_nonnull (message);
  if (authorization != NULL)
    soup_message_headers_append (headers, "Authorization", authorization);
  soup_message_headers_append (headers, "x-api-key", client_id);
  soup_message_headers_append (headers, "x-gw-ims-org-id", sim->org_id);
  if (sandbox != NULL)
    soup_message_headers_append (headers, "x-sandbox-name", sandbox);
  if (g_str_has_prefix (path, "/data/foundation/schemaregistry/"))
    soup_message_headers_append (headers, "Accept", "application/vnd.adobe.xed-id+json");
  if (body != NULL)
    {
      g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", request_body);
    }

  bytes = soup_session_send_and_read (fixture.session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);

  if (g_bytes_get_size (bytes) == 0)
    return NULL;
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
send (const char *method,
      const char *path,
      const char *sandbox,
      const char *body,
      guint      *status)
{
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture.token, NULL);

  return send_full (fixture.sim, method, path, fixture.sim->client_id, authorization, sandbox, body, status);
}

static JsonNode *
send_limited (const char *path,
              const char *sandbox,
              guint      *status)
{
  g_autofree char *authorization = g_strconcat ("Bearer ", fixture.limited_token, NULL);

  return send_full (fixture.sim, "GET", path, LIMITED_CLIENT_ID, authorization, sandbox, NULL, status);
}

static const char *
problem_type (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);

  if (json_object_has_member (object, "error_code"))
    return json_object_get_string_member (object, "error_code");

  return json_object_get_string_member (object, "type");
}

/* RFC 7235: the scheme is case-insensitive and followed by 1*SP. aepp
 * sends "bearer ".
 */
static void
test_bearer_scheme (void)
{
  /* The header is the scheme, then the token if with_token. */
  static const struct { const char *scheme; gboolean with_token; guint status; } cases[] = {
    { "Bearer ", TRUE, 200 },
    { "bearer ", TRUE, 200 },
    { "BEARER ", TRUE, 200 },
    { "Bearer   ", TRUE, 200 },
    { "Bearer", TRUE, 401 },
    { "Bearer ", FALSE, 401 },
    { "Bearer", FALSE, 401 },
    { "Basic ", TRUE, 401 },
    { "", TRUE, 401 },
    { NULL, FALSE, 401 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *authorization = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint status = 0;

      if (cases[i].scheme != NULL)
        authorization = g_strconcat (cases[i].scheme, cases[i].with_token ? fixture.token : NULL, NULL);
      g_test_message ("Authorization: “%s”, with the token: %d", cases[i].scheme, cases[i].with_token);
      node = send_full (fixture.sim, "GET", SANDBOXES, fixture.sim->client_id, authorization, NULL, NULL,
                        &status);
      g_assert_cmpuint (status, ==, cases[i].status);
      if (status == 401)
        g_assert_cmpstr (problem_type (node), ==, "401013");
    }
}

/* "If the x-sandbox-name header is not specified, requests are resolved
 * under the prod sandbox" (Experience League), for the services that
 * hold sandboxed data.
 */
static void
test_sandbox_defaults_to_prod (void)
{
  static const char * const paths[] = {
    DATASETS "?limit=1",
    "/data/foundation/catalog/batches?dataSet=64f0a1b2c3d4e5f60718293a",
    "/data/foundation/dataset/datasets/64f0a1b2c3d4e5f60718293a/labels",
    SCHEMAS,
  };

  g_autoptr(JsonNode) created = NULL;
  g_autofree char *path = NULL;
  const char *reference;
  guint status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("GET %s", paths[i]);
      node = send ("GET", paths[i], NULL, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
    }

  /* What is made in prod is found without the header, and not in dev. */
  created = send ("POST", DATASETS, "prod",
                  "{\"name\": \"Only in prod\", \"schemaRef\": {\"id\": \"" WEB_EVENTS_SCHEMA "\", "
                  "\"contentType\": \"application/vnd.adobe.xed-full+json;version=1\"}}", &status);
  g_assert_cmpuint (status, ==, 201);
  reference = json_array_get_string_element (json_node_get_array (created), 0);
  path = g_strconcat (DATASETS "/", reference + strlen ("@/dataSets/"), NULL);
  {
    g_autoptr(JsonNode) node = send ("GET", path, NULL, NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_clear_pointer (&node, json_node_unref);
    node = send ("GET", path, "dev", NULL, &status);
    g_assert_cmpuint (status, ==, 404);
    g_clear_pointer (&node, json_node_unref);
    node = send ("DELETE", path, NULL, NULL, &status);
    g_assert_cmpuint (status, ==, 200);
  }

  /* The default is a sandbox like any other: a client kept out of prod
   * is kept out without the header too.
   */
  {
    g_autoptr(JsonNode) node = NULL;

    node = send_limited (DATASETS "?limit=1", NULL, &status);
    g_assert_cmpuint (status, ==, 403);
    g_assert_true (g_str_has_suffix (problem_type (node), "SMS-1006-403"));
    g_clear_pointer (&node, json_node_unref);

    node = send_limited (DATASETS "?limit=1", "dev", &status);
    g_assert_cmpuint (status, ==, 200);
  }
}

/* Flow Service answers a missing x-sandbox-name with its own code in its
 * own body (API-NOTES §0, §E), on every route under its path.
 */
static void
test_flow_service_needs_sandbox (void)
{
  static const char * const paths[] = {
    "/data/foundation/flowservice/connectionSpecs",
    "/data/foundation/flowservice/connections",
    "/data/foundation/flowservice/connections/7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b/explore?objectType=root",
    "/data/foundation/flowservice/flows",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonObject *object;
      guint status = 0;

      g_test_message ("GET %s", paths[i]);
      node = send ("GET", paths[i], NULL, NULL, &status);
      g_assert_cmpuint (status, ==, 400);
      object = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (object, "type"), ==,
                       "https://ns.adobe.com/aep/errors/FLOW-2105-400");
      g_assert_cmpint (json_object_get_int_member (object, "status"), ==, 400);
      g_assert_true (json_object_has_member (json_object_get_object_member (object, "report"), "detailed-message"));
      g_clear_pointer (&node, json_node_unref);

      /* With the header, the same call goes through. */
      node = send ("GET", paths[i], "prod", NULL, &status);
      g_assert_cmpuint (status, ==, 200);
    }
}

/* The media type of a dataset's schema comes back as it was sent. */
static void
test_dataset_content_type (void)
{
  static const char * const content_types[] = {
    "application/vnd.adobe.xed+json;version=1",
    "application/vnd.adobe.xed-full-notext+json; version=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (content_types); i++)
    {
      g_autofree char *body = NULL;
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) created = NULL;
      g_autoptr(JsonNode) node = NULL;
      JsonObject *dataset;
      const char *reference;
      guint status = 0;

      body = g_strdup_printf ("{\"name\": \"Kept media type %u\", \"schemaRef\": {\"id\": \"%s\", "
                              "\"contentType\": \"%s\"}}", i, WEB_EVENTS_SCHEMA, content_types[i]);
      created = send ("POST", DATASETS, "dev", body, &status);
      g_assert_cmpuint (status, ==, 201);
      reference = json_array_get_string_element (json_node_get_array (created), 0);
      g_assert_true (g_str_has_prefix (reference, "@/dataSets/"));

      path = g_strconcat (DATASETS "/", reference + strlen ("@/dataSets/"), NULL);
      node = send ("GET", path, "dev", NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      dataset = json_object_get_object_member (json_node_get_object (node),
                                               reference + strlen ("@/dataSets/"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dataset, "schemaRef"),
                                                      "contentType"), ==, content_types[i]);
    }
}

static guint
count_sandboxes (JsonNode *node)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (node), "sandboxes"));
}

static const char *
nth_sandbox (JsonNode *node,
             guint     n)
{
  JsonArray *sandboxes = json_object_get_array_member (json_node_get_object (node), "sandboxes");

  return json_object_get_string_member (json_array_get_object_element (sandboxes, n), "name");
}

static void
test_sandbox_endpoints (void)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *types;
  guint status = 0;

  /* The example of the Sandbox API guide: bare names. */
  node = send ("GET", SANDBOXES "sandboxTypes", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  types = json_object_get_array_member (json_node_get_object (node), "sandboxTypes");
  g_assert_cmpuint (json_array_get_length (types), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "production");
  g_assert_cmpstr (json_array_get_string_element (types, 1), ==, "development");
  g_clear_pointer (&node, json_node_unref);

  /* Every sandbox of the org, whatever its state. */
  node = send ("GET", SANDBOXES "sandboxes", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_sandboxes (node), ==, 7);
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes?limit=2&offset=1", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_sandboxes (node), ==, 2);
  g_assert_true (json_object_has_member (json_object_get_object_member (json_node_get_object (node), "_links"),
                                         "next"));
  g_clear_pointer (&node, json_node_unref);

  /* "The limit and offset query parameters have to be specified together." */
  node = send ("GET", SANDBOXES "sandboxes?limit=2", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&node, json_node_unref);
  node = send ("GET", SANDBOXES "?offset=1", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes?property=type==production", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_sandboxes (node), ==, 1);
  g_assert_cmpstr (nth_sandbox (node, 0), ==, "prod");
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes?property=name~%5Edev&orderBy=desc:name", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_sandboxes (node), ==, 2);
  g_assert_cmpstr (nth_sandbox (node, 0), ==, "dev-analytics");
  g_assert_cmpstr (nth_sandbox (node, 1), ==, "dev");
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes?orderBy=asc:created", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (nth_sandbox (node, 0), ==, "prod");
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes?orderBy=sideways:name", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&node, json_node_unref);
  node = send ("GET", SANDBOXES "sandboxes?property=colour==blue", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&node, json_node_unref);

  node = send ("GET", SANDBOXES "sandboxes/dev", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "dev");
  g_clear_pointer (&node, json_node_unref);

  /* Without Sandbox Administration: the available sandboxes only. */
  node = send_limited (SANDBOXES "sandboxes", NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&node, json_node_unref);
  node = send_limited (SANDBOXES "sandboxTypes", NULL, &status);
  g_assert_cmpuint (status, ==, 403);
  g_clear_pointer (&node, json_node_unref);
  node = send_limited (SANDBOXES "?limit=10&offset=0", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (count_sandboxes (node), ==, 2);
}

/* query-service.yaml types ConnectionParameters.version as an integer;
 * the app's Query Service client still reads the reply.
 */
static void
test_query_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribTestPg) pg = trib_test_pg_start (&error);
  g_autofree char *admin = NULL;
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *token = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(TribQueryService) query_service = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  JsonNode *version;
  PGconn *conn;
  PGresult *created;
  guint status = 0;

  g_assert_no_error (error);

  /* The database Query Service hands out for prod; no tables needed. */
  admin = trib_test_pg_admin_conninfo (pg, "postgres");
  conn = PQconnectdb (admin);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  created = PQexec (conn, "CREATE DATABASE \"prod:all\"");
  g_assert_cmpint (PQresultStatus (created), ==, PGRES_COMMAND_OK);
  PQclear (created);
  PQfinish (conn);

  sim = trib_test_sim_start ((const char *[]) { "--postgres", admin, NULL });
  token = get_token (sim, sim->client_id, sim->client_secret);
  authorization = g_strconcat ("Bearer ", token, NULL);

  node = send_full (sim, "GET", CONNECTION_PARAMETERS, sim->client_id, authorization, "prod", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  version = json_object_get_member (json_node_get_object (node), "version");
  g_assert_true (JSON_NODE_HOLDS_VALUE (version));
  g_assert_cmpint (json_node_get_value_type (version), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (version), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  /* Query Service too resolves a request without a sandbox to prod. */
  node = send_full (sim, "GET", CONNECTION_PARAMETERS, sim->client_id, authorization, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "dbName"), ==, "prod:all");

  client = trib_test_platform_default_client (sim);
  query_service = trib_query_service_new (client);

  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (query_service), NULL, NULL,
                                                 trib_test_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (query_service),
                                                             result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint->database, ==, "prod:all");
  /* The simulator's Data Distiller front (sim-pg-front.c), not the server. */
  g_assert_cmpuint (endpoint->port, >, 0);
  g_assert_cmpuint (endpoint->port, !=, pg->port);
  g_assert_cmpstr (endpoint->user, ==, sim->org_id);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture.session = soup_session_new ();
  fixture.sim = trib_test_sim_start (NULL);
  fixture.token = get_token (fixture.sim, fixture.sim->client_id, fixture.sim->client_secret);
  fixture.limited_token = get_token (fixture.sim, LIMITED_CLIENT_ID, LIMITED_CLIENT_SECRET);

  g_test_add_func ("/tributary/sim/gateway/bearer-scheme", test_bearer_scheme);
  g_test_add_func ("/tributary/sim/gateway/sandbox-defaults-to-prod", test_sandbox_defaults_to_prod);
  g_test_add_func ("/tributary/sim/gateway/flow-service-needs-sandbox", test_flow_service_needs_sandbox);
  g_test_add_func ("/tributary/sim/catalog/content-type-as-sent", test_dataset_content_type);
  g_test_add_func ("/tributary/sim/sandbox-management/endpoints", test_sandbox_endpoints);
  g_test_add_func ("/tributary/sim/query-service/version", test_query_version);

  status = g_test_run ();

  g_clear_pointer (&fixture.token, g_free);
  g_clear_pointer (&fixture.limited_token, g_free);
  g_clear_pointer (&fixture.sim, trib_test_sim_free);
  g_clear_object (&fixture.session);

  return status;
}
