/* test-flow-service.c
 *
 * The Flow Service client against tributary-sim over HTTP: connection
 * specs, base connections created for every seed connector exactly as
 * the platform expects, each refusal surfaced with its code, secrets
 * masked in answers and redacted in the request log, and a world the
 * specs would refuse. Changes: test-flow-service-edit.c; credential
 * tests and paging: test-flow-service-credentials.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-call-private.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-request-record.h"
#include "trib-test-flow-service.h"

static TribTestSim *sim;
static TribPlatformClient *client;

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

/* A demo account the specs would refuse stops the simulator at start,
 * naming the file and the entry.
 */
static void
test_strict_world (void)
{
  const char *world = g_getenv ("TRIBUTARY_SIM_WORLD");
  static const char * const copied[] = { "orgs.json", "sandboxes.json", "connection-specs.json", "mapping-sets.json" };
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
  trib_test_flow_service_setup (sim, client);

  g_test_add_func ("/tributary/flow-service/specs", test_specs);
  g_test_add_func ("/tributary/flow-service/create-seed-accounts", test_create_seed_accounts);
  g_test_add_func ("/tributary/flow-service/validation", test_validation);
  g_test_add_func ("/tributary/flow-service/masking", test_masking);
  g_test_add_func ("/tributary/flow-service/strict-world", test_strict_world);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
