/* test-flow-service.c
 *
 * The Flow Service client against tributary-sim over HTTP: connection
 * specs, and base connections created for every seed connector exactly
 * as the platform expects, each refusal surfaced with its code, secrets
 * masked in answers and redacted in the request log, etags, deletion
 * while in use, credential tests and paging by relative next links.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-call-private.h"
#include "trib-flow-service.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-request-record.h"
#include "trib-test-platform.h"

#define CONNECTIONS_PATH "/data/foundation/flowservice/connections"

#define S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define ADLS "b3ba5556-48be-44b7-8b85-ff2b69b46dc4"
#define BLOB "4c10e202-c428-4796-9208-5f1f5732b1cf"
#define GCS "32e8f412-cdf7-464c-9885-78184cb113fd"
#define SFTP "b7bf2577-4520-42c9-bae9-cad01560f7bc"
#define DLZ "26f526f2-58f4-4712-961d-e41bf1ccc0e8"
#define DATABRICKS "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define ODATA "8e6b41a8-d998-4545-ad7d-c6a9fff406c3"
#define REST "4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62"
#define SALESFORCE "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"
#define DATA_LAKE "c604ff05-7f1a-43c0-8e18-33bf874cb11c"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define S3_DEST "4fce964d-3f37-408f-9778-e597338a21ee"
#define BLOB_DEST "6d6b59bf-fb58-4107-9064-4d246c0e5bb2"
#define ADLS_DEST "be2c3209-53bc-47e7-ab25-145db8b873e1"
#define DLZ_DEST "10440537-2a7b-4583-ac39-ed38d4b848e8"
#define GCS_DEST "c5d93acb-ea8b-4b14-8f53-02138444ae99"
#define SFTP_DEST "36965a81-b1c6-401b-99f8-22508f1e6a26"

/* The world's demo accounts (tests/simulator/world/connections.json). */
#define DEMO_S3_KEY "AKIATRIBUTARYDEMO001"
#define DEMO_S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"
#define WORLD_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define WORLD_DATABRICKS_CONNECTION "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define WORLD_ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define WORLD_FLOW "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"

static TribTestSim *sim;
static TribPlatformClient *client;

static TribConnectionSpec *
get_spec (const char  *spec_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_connection_spec_async (client, spec_id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_connection_spec_finish (trib_test_wait_result (&result), error);
}

static JsonObject *
params_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);

  return json_object_ref (json_node_get_object (node));
}

/* Creates an account through the client; @params_json may be NULL. */
static char *
create (const char  *name,
        const char  *spec_id,
        const char  *auth_name,
        const char  *params_json,
        char       **etag,
        GError     **error)
{
  g_autoptr(TribConnectionSpec) spec = get_spec (spec_id, NULL);
  g_autoptr(JsonObject) params = params_json != NULL ? params_from (params_json) : NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_nonnull (spec);
  trib_flow_service_create_connection_async (client, name, NULL, spec, auth_name, params, NULL,
                                             trib_test_result_cb, &result);

  return trib_flow_service_create_connection_finish (trib_test_wait_result (&result), etag, error);
}

static TribConnection *
get_connection (const char  *id,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_connection_finish (trib_test_wait_result (&result), error);
}

static gboolean
test_connection (const char  *id,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_test_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_test_connection_finish (trib_test_wait_result (&result), error);
}

static gboolean
delete_connection (const char  *id,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_delete_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_delete_connection_finish (trib_test_wait_result (&result), error);
}

static char *
update (const char  *id,
        const char  *etag,
        const char  *name,
        const char  *params_json,
        GError     **error)
{
  g_autoptr(JsonObject) params = params_json != NULL ? params_from (params_json) : NULL;
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_update_connection_async (client, id, etag, name, params, NULL, trib_test_result_cb, &result);

  return trib_flow_service_update_connection_finish (trib_test_wait_result (&result), error);
}

static void
assert_flow_error (const GError *error,
                   int           code,
                   const char   *flow_code,
                   const char   *in_message)
{
  g_assert_error (error, TRIB_PLATFORM_ERROR, code);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, flow_code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static void
test_specs (void)
{
  static const char * const seed_specs[] = {
    S3, ADLS, BLOB, GCS, SFTP, DLZ, DATABRICKS, ODATA, REST, DATA_LAKE, EXPORT_SOURCE,
    S3_DEST, BLOB_DEST, ADLS_DEST, DLZ_DEST, GCS_DEST, SFTP_DEST,
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GListModel) cloud = NULL;
  g_autoptr(TribConnectionSpec) sftp = NULL;
  g_autoptr(TribConnectionSpec) lake = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) auth_names = NULL;
  JsonObject *schema;

  trib_flow_service_list_connection_specs_async (client, NULL, NULL, trib_test_result_cb, &result);
  specs = trib_flow_service_list_connection_specs_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (seed_specs); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (specs) && !found; j++)
        {
          g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (specs, j);

          found = g_str_equal (trib_connection_spec_get_id (spec), seed_specs[i]);
        }
      if (!found)
        g_error ("connection spec %s is not listed", seed_specs[i]);
    }

  /* A filter with a space and a dot path, escaped by the client. */
  g_clear_object (&result);
  trib_flow_service_list_connection_specs_async (client, "attributes.category==Cloud Storage", NULL,
                                                 trib_test_result_cb, &result);
  cloud = trib_flow_service_list_connection_specs_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cloud), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (cloud); i++)
    {
      g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (cloud, i);

      g_assert_cmpstr (trib_connection_spec_get_category (spec), ==, "Cloud Storage");
      g_assert_true (trib_connection_spec_is_source (spec));
      g_assert_cmpstr (trib_connection_spec_get_explore_type (spec), ==, "FileSystem");
    }

  /* GET /connectionSpecs/{id} answers {items: [spec]}, as the docs say. */
  sftp = get_spec (SFTP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_connection_spec_get_connector_name (sftp), ==, "SFTP");
  g_assert_cmpstr (trib_connection_spec_get_icon_key (sftp), ==, "sftp");
  g_assert_cmpstr (trib_connection_spec_get_description (sftp), ==, "Ingest files from an SFTP server.");
  auth_names = trib_connection_spec_dup_auth_names (sftp);
  g_assert_cmpuint (g_strv_length (auth_names), ==, 2);
  g_assert_cmpstr (auth_names[0], ==, "Basic Authentication for sftp");
  g_assert_cmpstr (auth_names[1], ==, "SSH PublicKey Authentication for sftp");
  schema = trib_connection_spec_get_auth_schema (sftp, auth_names[1]);
  g_assert_nonnull (schema);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (schema, "properties"), "privateKeyContent"), "format"), ==,
                   "password");
  g_assert_nonnull (trib_connection_spec_get_source_schema (sftp));

  lake = get_spec (DATA_LAKE, &error);
  g_assert_no_error (error);
  g_assert_true (trib_connection_spec_is_destination (lake));
  g_assert_true (json_object_has_member (json_object_get_object_member (trib_connection_spec_get_target_schema (lake),
                                                                        "properties"), "dataSetId"));

  g_assert_null (get_spec ("00000000-0000-0000-0000-000000000000", &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", "does not exist");
}

/* Every seed connector's account, and the exact payload the sim got. */
static void
test_create_seed_accounts (void)
{
  static const struct { const char *spec; const char *auth; const char *params; } accounts[] = {
    { S3, "Access Key", "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}" },
    { S3, "Assume Role", "{\"roleArn\":\"arn:aws:iam::123456789012:role/aep-reader\",\"bucketName\":\"luma-drops\"}" },
    { ADLS, "Basic Authentication for adls-gen2",
      "{\"url\":\"https://lumadata.dfs.core.windows.net\",\"servicePrincipalId\":\"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\","
      "\"servicePrincipalKey\":\"sp-secret\",\"tenant\":\"luma.onmicrosoft.com\"}" },
    { BLOB, "ConnectionString",
      "{\"connectionString\":\"DefaultEndpointsProtocol=https;AccountName=tributarydemo;AccountKey=a2V5\"}" },
    { BLOB, "SAS URI Authentication",
      "{\"sasUri\":\"https://tributarydemo.blob.core.windows.net/drops?sv=2022-11-02&sig=c2ln\"}" },
    { GCS, "Basic Authentication for google-cloud",
      "{\"accessKeyId\":\"GOOG1EABCDEFGHIJKLMNOPQRSTUV\",\"secretAccessKey\":\"abcdefghijABCDEFGHIJ0123456789+/abcdefgh\"}" },
    { SFTP, "Basic Authentication for sftp",
      "{\"host\":\"sftp.tributary.example\",\"port\":22,\"userName\":\"luma\",\"password\":\"pw\",\"maxConcurrentConnections\":4}" },
    { SFTP, "SSH PublicKey Authentication for sftp",
      "{\"host\":\"sftp.tributary.example\",\"port\":2222,\"userName\":\"luma\",\"privateKeyContent\":\"LS0tLS1CRUdJTg==\","
      "\"passPhrase\":\"phrase\"}" },
    /* Seed 003, with a real cluster id and token. */
    { DATABRICKS, "Access Token Authentication",
      "{\"domain\":\"https://adb-1234567890123456.7.azuredatabricks.net\",\"clusterId\":\"1203-091500-trib2026\","
      "\"accessToken\":\"dapi0123456789abcdef0123456789abcdef\",\"database\":\"acme-db\"}" },
    /* Seed 004's "protocols" source. */
    { ODATA, "Anonymous Authentication", "{\"url\":\"https://odata.tributary.example/v4/Luma.svc\"}" },
    { REST, "Basic Authentication", "{\"host\":\"https://api.tributary.example\",\"username\":\"me\",\"password\":\"pw\"}" },
    { SALESFORCE, "Basic Authentication",
      "{\"environmentUrl\":\"https://luma.my.salesforce.com\",\"username\":\"me@luma.example\",\"password\":\"pw\","
      "\"securityToken\":\"tok\",\"apiVersion\":\"60.0\"}" },
    { DLZ, NULL, NULL },
    { DATA_LAKE, NULL, NULL },
    { S3_DEST, "Access Key", "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}" },
    { BLOB_DEST, "ConnectionString",
      "{\"connectionString\":\"DefaultEndpointsProtocol=https;AccountName=tributarydemo;AccountKey=a2V5\"}" },
    { ADLS_DEST, "Azure Service Principal Auth",
      "{\"url\":\"https://lumadata.dfs.core.windows.net\",\"servicePrincipalId\":\"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\","
      "\"servicePrincipalKey\":\"sp-secret\",\"tenant\":\"luma.onmicrosoft.com\"}" },
    { GCS_DEST, "Google Cloud Storage authentication credentials",
      "{\"accessKeyId\":\"GOOG1EABCDEFGHIJKLMNOPQRSTUV\",\"secretAccessKey\":\"abcdefghijABCDEFGHIJ0123456789+/abcdefgh\"}" },
    { SFTP_DEST, "SFTP with Password", "{\"domain\":\"sftp.tributary.example\",\"username\":\"luma\",\"password\":\"pw\"}" },
    { SFTP_DEST, "SFTP with SSH Key", "{\"domain\":\"sftp.tributary.example\",\"username\":\"luma\",\"sshKey\":\"c3No\"}" },
    { DLZ_DEST, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Seed account %u", i);
      g_autofree char *etag = NULL;
      g_autofree char *id = create (name, accounts[i].spec, accounts[i].auth, accounts[i].params, &etag, &error);
      g_autofree char *expected = NULL;
      g_autofree char *sent_text = NULL;
      g_autoptr(JsonNode) sent = NULL;
      g_autoptr(JsonNode) want = NULL;
      g_autoptr(TribConnection) connection = NULL;

      if (error != NULL)
        g_error ("account %u (%s, %s): %s", i, accounts[i].spec, accounts[i].auth, error->message);
      g_assert_nonnull (id);
      /* ETags keep their quotes (API-NOTES §0). */
      g_assert_true (etag != NULL && etag[0] == '"' && g_str_has_suffix (etag, "\"") && strlen (etag) > 2);

      if (accounts[i].auth != NULL)
        expected = g_strdup_printf ("{\"name\":\"%s\",\"auth\":{\"specName\":\"%s\",\"params\":%s},"
                                    "\"connectionSpec\":{\"id\":\"%s\",\"version\":\"1.0\"}}",
                                    name, accounts[i].auth, accounts[i].params, accounts[i].spec);
      else
        expected = g_strdup_printf ("{\"name\":\"%s\",\"connectionSpec\":{\"id\":\"%s\",\"version\":\"1.0\"}}",
                                    name, accounts[i].spec);
      want = json_from_string (expected, NULL);
      sent = trib_test_sim_dup_last_body (sim, "POST", CONNECTIONS_PATH);
      g_assert_nonnull (sent);
      sent_text = json_to_string (sent, FALSE);
      if (!json_node_equal (sent, want))
        g_error ("account %u sent %s, not %s", i, sent_text, expected);

      connection = get_connection (id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (trib_connection_get_name (connection), ==, name);
      g_assert_cmpstr (trib_connection_get_spec_id (connection), ==, accounts[i].spec);
      g_assert_cmpstr (trib_connection_get_auth_name (connection), ==, accounts[i].auth);
      g_assert_cmpstr (trib_connection_get_state (connection), ==, "enabled");
      g_assert_cmpstr (trib_connection_get_etag (connection), ==, etag);
      g_assert_nonnull (trib_connection_get_created (connection));
    }
}

static void
test_validation (void)
{
  static const struct {
    const char *spec; const char *auth; const char *params; const char *flow_code; const char *in_message;
  } refusals[] = {
    { S3, "Secret Key", "{}", "FLOW-1415-400", "'Access Key', 'Assume Role'" },
    { S3, "Access Key", "{\"s3AccessKey\":\"" DEMO_S3_KEY "\"}", "FLOW-1100-400",
      "The required parameter 's3SecretKey' of the authentication 'Access Key' is missing" },
    { SFTP, "Basic Authentication for sftp",
      "{\"host\":\"h\",\"port\":\"22\",\"userName\":\"u\",\"password\":\"p\"}", "FLOW-1100-400",
      "The parameter 'port' must be of type integer, not string" },
    { S3, "Access Key", "{\"s3AccessKey\":\"akia-lower\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}", "FLOW-1100-400",
      "The parameter 's3AccessKey' does not match the pattern" },
    { SALESFORCE, "Basic Authentication",
      "{\"environmentUrl\":\"https://luma.my.salesforce.com\",\"username\":\"u\",\"password\":\"p\","
      "\"securityToken\":\"t\",\"apiVersion\":\"42.0\"}", "FLOW-1100-400",
      "The parameter 'apiVersion' must be one of \"58.0\"" },
    { SFTP, "Basic Authentication for sftp",
      "{\"host\":\"h\",\"port\":70000,\"userName\":\"u\",\"password\":\"p\"}", "FLOW-1100-400",
      "The parameter 'port' must be at most 65535" },
    { ODATA, "Anonymous Authentication", "{\"url\":\"https://x.example\",\"user\":\"u\"}", "FLOW-1100-400",
      "'user' is not a parameter of the authentication 'Anonymous Authentication'" },
    { DATABRICKS, NULL, NULL, "FLOW-1100-400", "auth is required" },
    { DATA_LAKE, "Anonymous Authentication", "{}", "FLOW-1415-400", "it takes no authentication" },
  };
  g_autoptr(TribCall) call = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *id = create ("Refused", refusals[i].spec, refusals[i].auth, refusals[i].params, NULL, &error);

      g_assert_null (id);
      assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, refusals[i].flow_code, refusals[i].in_message);
      /* The platform's detail reaches the user, after which call failed. */
      g_assert_true (g_str_has_prefix (error->message, "Could not create the account: "));
      g_clear_error (&error);
    }

  /* An empty body is its own error. */
  call = _trib_call_new_raw ("POST", CONNECTIONS_PATH, NULL, TRIB_CALL_NONE);
  trib_platform_client_send_async (client, g_steal_pointer (&call), NULL, trib_test_result_cb, &result);
  reply = trib_platform_client_send_finish (trib_test_wait_result (&result), &error);
  g_assert_null (reply);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1405-400", "empty");
}

/* Secrets: masked in what the platform answers, redacted in the log. */
static void
test_masking (void)
{
  GListModel *log = G_LIST_MODEL (trib_platform_client_get_log (client));
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *id = create ("Masked", S3, "Access Key",
                                "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\","
                                "\"s3SessionToken\":\"session-HUSH-token\"}", &etag, &error);
  g_autoptr(TribConnection) connection = NULL;
  JsonObject *params;
  guint checked = 0;

  g_assert_no_error (error);
  connection = get_connection (id, &error);
  g_assert_no_error (error);
  params = trib_connection_get_auth_params (connection);
  g_assert_cmpstr (json_object_get_string_member (params, "s3AccessKey"), ==, DEMO_S3_KEY);
  g_assert_cmpstr (json_object_get_string_member (params, "s3SecretKey"), ==, "***");
  g_assert_cmpstr (json_object_get_string_member (params, "s3SessionToken"), ==, "***");

  new_etag = update (id, etag, NULL, "{\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}", &error);
  g_assert_no_error (error);

  /* Nothing the Activity page or Copy as curl shows holds a secret. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      g_autofree char *curl = trib_request_record_dup_curl (record);
      const char *texts[] = { trib_request_record_get_body (record), trib_request_record_get_response (record), curl };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_assert_null (texts[j] != NULL ? strstr (texts[j], DEMO_S3_SECRET) : NULL);
          g_assert_null (texts[j] != NULL ? strstr (texts[j], "HUSH") : NULL);
        }
      if (strstr (trib_request_record_get_url (record), id) != NULL ||
          g_str_has_suffix (trib_request_record_get_url (record), CONNECTIONS_PATH))
        checked++;
    }
  g_assert_cmpuint (checked, >=, 3);
}

static void
test_etags (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *second = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = create ("Before", S3, "Access Key",
                                "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\"}",
                                &etag, &error);
  g_autoptr(TribConnection) connection = NULL;
  g_autoptr(TribCall) call = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autofree char *sent_text = NULL;

  g_assert_no_error (error);

  second = update (id, etag, "After", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, etag);
  path = g_strconcat (CONNECTIONS_PATH "/", id, NULL);
  sent = trib_test_sim_dup_last_body (sim, "PATCH", path);
  g_assert_nonnull (sent);
  sent_text = json_to_string (sent, FALSE);
  g_assert_cmpstr (sent_text, ==, "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"After\"}]");

  connection = get_connection (id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_connection_get_name (connection), ==, "After");
  g_assert_cmpstr (trib_connection_get_etag (connection), ==, second);

  /* The first etag is stale now: a distinct error the UI can explain. */
  stale = update (id, etag, "Lost update", NULL, &error);
  g_assert_null (stale);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_STALE, "FLOW-1404-412", "does not match the current version");
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, 412);
  g_clear_error (&error);

  /* Without If-Match. */
  body = json_from_string ("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]", NULL);
  call = _trib_call_new_raw ("PATCH", path, NULL, TRIB_CALL_NONE);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, g_steal_pointer (&call), NULL, trib_test_result_cb, &result);
  reply = trib_platform_client_send_finish (trib_test_wait_result (&result), &error);
  g_assert_null (reply);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1403-400", "If-Match");
  g_clear_error (&error);
  g_clear_object (&result);

  /* The auth type cannot change. */
  g_clear_pointer (&body, json_node_unref);
  body = json_from_string ("[{\"op\":\"replace\",\"path\":\"/auth/specName\",\"value\":\"Assume Role\"}]", NULL);
  call = _trib_call_new_raw ("PATCH", path, NULL, TRIB_CALL_NONE);
  trib_call_set_body (call, body);
  trib_call_set_if_match (call, second);
  trib_platform_client_send_async (client, g_steal_pointer (&call), NULL, trib_test_result_cb, &result);
  reply = trib_platform_client_send_finish (trib_test_wait_result (&result), &error);
  g_assert_null (reply);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1414-400", "cannot be changed");
  g_clear_error (&error);

  /* New credentials are checked as on create. */
  g_clear_pointer (&stale, g_free);
  stale = update (id, second, NULL, "{\"s3AccessKey\":\"lower-case\"}", &error);
  g_assert_null (stale);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", "'s3AccessKey' does not match");
}

static void
test_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribConnection) gone = NULL;
  g_autofree char *id = create ("Short-lived", DATA_LAKE, NULL, NULL, NULL, &error);
  g_autofree char *other = NULL;

  g_assert_no_error (error);

  /* The world's flow uses the demo S3 account. */
  g_assert_false (delete_connection (WORLD_S3_CONNECTION, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1418-400", WORLD_FLOW);
  g_clear_error (&error);

  g_assert_true (delete_connection (id, &error));
  g_assert_no_error (error);
  gone = get_connection (id, &error);
  g_assert_null (gone);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", NULL);
  g_clear_error (&error);

  /* destinations.yaml's 202 is a success too. */
  other = create ("Deleted with 202", DATA_LAKE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "/*\", \"method\": \"DELETE\", "
                                "\"kind\": \"body\", \"status\": 202, \"body\": \"\"}");
  g_assert_true (delete_connection (other, &error));
  g_assert_no_error (error);
  trib_test_sim_clear_faults (sim);
}

/* The platform deletes but the answer is lost: the retry meets a 404,
 * which then means the delete happened. A 404 on a first attempt still
 * is an error: a wrong id must not pass for a success.
 */
static void
test_delete_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribConnection) gone = NULL;
  g_autofree char *id = create ("Deleted, answer lost", DATA_LAKE, NULL, NULL, NULL, &error);

  g_assert_no_error (error);

  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "/*\", \"method\": \"DELETE\", "
                                "\"kind\": \"perform_drop\"}");
  g_assert_true (delete_connection (id, &error));
  g_assert_no_error (error);
  trib_test_sim_clear_faults (sim);

  gone = get_connection (id, &error);
  g_assert_null (gone);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", NULL);
  g_clear_error (&error);

  g_assert_false (delete_connection (id, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", NULL);
  g_clear_error (&error);

  /* A refusal at the gate did nothing: the 404 after it stays an error. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "/*\", \"method\": \"DELETE\", "
                                "\"kind\": \"status\", \"status\": 401}");
  g_assert_false (delete_connection (id, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", NULL);
  trib_test_sim_clear_faults (sim);
  g_clear_error (&error);

  trib_test_sim_add_fault (sim, "{\"path\": \"" CONNECTIONS_PATH "/*\", \"method\": \"DELETE\", "
                                "\"kind\": \"status\", \"status\": 429}");
  g_assert_false (delete_connection (id, &error));
  assert_flow_error (error, TRIB_PLATFORM_ERROR_NOT_FOUND, "FLOW-1101-404", NULL);
  trib_test_sim_clear_faults (sim);
}

static void
test_credentials (void)
{
  static const struct { const char *id; } demo[] = {
    { WORLD_S3_CONNECTION }, { WORLD_DATABRICKS_CONNECTION }, { WORLD_ODATA_CONNECTION },
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
  g_assert_cmpuint (n_world, ==, 3);
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
  /* 221 items in pages of 100: three calls, the last two by token. */
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

/* A demo account the specs would refuse stops the simulator at start,
 * naming the file and the entry.
 */
static void
test_strict_world (void)
{
  const char *world = g_getenv ("TRIBUTARY_SIM_WORLD");
  static const char * const copied[] = { "orgs.json", "sandboxes.json", "connection-specs.json" };
  g_autofree char *dir = g_dir_make_tmp ("trib-flow-world-XXXXXX", NULL);
  g_autofree char *connections = g_build_filename (dir, "connections.json", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (world);
  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      g_autofree char *from = g_build_filename (world, copied[i], NULL);
      g_autofree char *to = g_build_filename (dir, copied[i], NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
      g_assert_true (g_file_set_contents (to, text, -1, NULL));
    }
  g_assert_true (g_file_set_contents (connections,
                                      "{\"remoteAccounts\": [], \"flows\": [], \"connections\": [{"
                                      "\"org\": \"B2C2D9A35F3E4C1A0A495C2B@AdobeOrg\", \"sandboxes\": [\"prod\"], "
                                      "\"id\": \"x\", \"name\": \"Bad\", \"state\": \"enabled\", \"createdAt\": 0, "
                                      "\"connectionSpec\": \"" S3 "\", \"specName\": \"Access Key\", "
                                      "\"params\": {\"s3AccessKey\": \"lower\", \"s3SecretKey\": \"0123456789abcdefgh\"}}]}",
                                      -1, NULL));

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("TRIBUTARY_SIM"), "--world", dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "connections.json"));
  g_assert_nonnull (strstr (err, "connections[0]: The parameter 's3AccessKey' does not match"));

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      g_autofree char *path = g_build_filename (dir, copied[i], NULL);

      g_unlink (path);
    }
  g_unlink (connections);
  g_rmdir (dir);
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

  g_test_add_func ("/tributary/flow-service/specs", test_specs);
  g_test_add_func ("/tributary/flow-service/create-seed-accounts", test_create_seed_accounts);
  g_test_add_func ("/tributary/flow-service/validation", test_validation);
  g_test_add_func ("/tributary/flow-service/masking", test_masking);
  g_test_add_func ("/tributary/flow-service/etags", test_etags);
  g_test_add_func ("/tributary/flow-service/delete", test_delete);
  g_test_add_func ("/tributary/flow-service/delete-dropped", test_delete_dropped);
  g_test_add_func ("/tributary/flow-service/credentials", test_credentials);
  g_test_add_func ("/tributary/flow-service/paging", test_paging);
  g_test_add_func ("/tributary/flow-service/foreign-next-link", test_foreign_next_link);
  g_test_add_func ("/tributary/flow-service/strict-world", test_strict_world);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
