/* test-flow-service-edit.c
 *
 * Changing and deleting base connections through the Flow Service
 * client against tributary-sim: JSON Patch with If-Match (stale etags,
 * the auth type kept), parameters replaced and removed at their own
 * path, nested ones too, and deletion while in use or with its answer
 * lost.
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

/* What the last PATCH of @id sent, as text. */
static char *
dup_sent_patch (const char *id)
{
  g_autofree char *path = g_strconcat (CONNECTIONS_PATH "/", id, NULL);
  g_autoptr(JsonNode) sent = trib_test_sim_dup_last_body (sim, "PATCH", path);

  g_assert_nonnull (sent);

  return json_to_string (sent, FALSE);
}

/* An optional parameter cleared goes with a JSON Patch remove; the
 * others stay.
 */
static void
test_update_removes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *sent = NULL;
  g_autoptr(TribConnection) connection = NULL;
  static const char * const token[] = { "s3SessionToken", NULL };
  g_autofree char *id = create ("With a session token", S3, "Access Key",
                                "{\"s3AccessKey\":\"" DEMO_S3_KEY "\",\"s3SecretKey\":\"" DEMO_S3_SECRET "\","
                                "\"s3SessionToken\":\"short-lived\"}", &etag, &error);

  g_assert_no_error (error);
  second = update_removing (id, etag, NULL, token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  sent = dup_sent_patch (id);
  g_assert_cmpstr (sent, ==, "[{\"op\":\"remove\",\"path\":\"/auth/params/s3SessionToken\"}]");

  connection = get_connection (id, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (trib_connection_get_auth_params (connection), "s3SessionToken"));
  g_assert_cmpstr (json_object_get_string_member (trib_connection_get_auth_params (connection), "s3AccessKey"), ==,
                   DEMO_S3_KEY);
  g_assert_true (test_connection (id, &error));
  g_assert_no_error (error);

  /* Nothing there to remove: the platform says so, and nothing changes. */
  third = update_removing (id, second, NULL, token, &error);
  g_assert_null (third);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", "no parameter");
  g_clear_error (&error);

  /* A required one cannot go. */
  {
    static const char * const secret[] = { "s3SecretKey", NULL };

    third = update_removing (id, second, NULL, secret, &error);
    g_assert_null (third);
    assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400", "'s3SecretKey'");
  }
}

/* A parameter nested in objects is replaced or removed at its own path,
 * and its siblings stay.
 */
static void
test_update_nested (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *second = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *sent = NULL;
  g_autoptr(TribConnection) connection = NULL;
  static const char * const audience[] = { "requestParameterOverride.accessTokenRequest.audience", NULL };
  static const char * const scope_path[] = { "requestParameterOverride", "accessTokenRequest", "scope", NULL };
  static const char * const audience_path[] = { "requestParameterOverride", "accessTokenRequest", "audience", NULL };
  static const char * const host_path[] = { "host", NULL };
  JsonNode *scope;
  g_autofree char *id = create ("Nested", REST, "oAuth2RefreshCode",
                                "{\"host\":\"https://api.tributary.example\",\"accessToken\":\"tok\","
                                "\"requestParameterOverride\":{\"accessTokenRequest\":"
                                "{\"scope\":\"read\",\"audience\":\"orders\"}}}", &etag, &error);

  g_assert_no_error (error);
  second = update_removing (id, etag,
                            "{\"requestParameterOverride\":{\"accessTokenRequest\":{\"scope\":\"read write\"}}}",
                            audience, &error);
  g_assert_no_error (error);
  sent = dup_sent_patch (id);
  g_assert_cmpstr (sent, ==,
                   "[{\"op\":\"replace\",\"path\":\"/auth/params/requestParameterOverride/accessTokenRequest/scope\","
                   "\"value\":\"read write\"},"
                   "{\"op\":\"remove\",\"path\":\"/auth/params/requestParameterOverride/accessTokenRequest/audience\"}]");

  connection = get_connection (id, &error);
  g_assert_no_error (error);
  scope = trib_connection_get_auth_param (connection, scope_path);
  g_assert_nonnull (scope);
  g_assert_cmpstr (json_node_get_string (scope), ==, "read write");
  g_assert_null (trib_connection_get_auth_param (connection, audience_path));
  g_assert_cmpstr (json_node_get_string (trib_connection_get_auth_param (connection, host_path)), ==,
                   "https://api.tributary.example");

  /* A nested value is checked against its own schema. */
  refused = update (id, second, NULL, "{\"requestParameterOverride\":{\"accessTokenRequest\":{\"scope\":5}}}",
                    &error);
  g_assert_null (refused);
  assert_flow_error (error, TRIB_PLATFORM_ERROR_BAD_REQUEST, "FLOW-1100-400",
                     "'requestParameterOverride.accessTokenRequest.scope' must be of type string");
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

  g_test_add_func ("/tributary/flow-service/etags", test_etags);
  g_test_add_func ("/tributary/flow-service/update-removes", test_update_removes);
  g_test_add_func ("/tributary/flow-service/update-nested", test_update_nested);
  g_test_add_func ("/tributary/flow-service/delete", test_delete);
  g_test_add_func ("/tributary/flow-service/delete-dropped", test_delete_dropped);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
