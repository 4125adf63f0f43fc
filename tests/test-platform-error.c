/* test-platform-error.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-error.h"
#include "trib-request-record.h"
#include "trib-retry-policy.h"

static GError *
parse (guint       status,
       const char *content_type,
       const char *body)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new_static (body, strlen (body)) : NULL;

  return trib_platform_error_new_from_response (status, content_type, bytes, "req-1");
}

static void
test_gateway_shape (void)
{
  g_autoptr(GError) error = parse (401, "application/json",
                                   "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}");

  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, 401);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, "401013");
  g_assert_cmpstr (trib_platform_error_get_title (error), ==, "Oauth token is not valid");
  g_assert_cmpstr (trib_platform_error_get_request_id (error), ==, "req-1");
  g_assert_cmpstr (error->message, ==, "Oauth token is not valid");
}

static void
test_problem_shape (void)
{
  g_autoptr(GError) error = parse (403, "application/problem+json",
                                   "{\"type\":\"http://ns.adobe.com/aep/errors/SMS-1006-403\","
                                   "\"title\":\"Sandbox not found\",\"status\":403,"
                                   "\"detail\":\"Sandbox 'qa2' does not exist.\"}");
  g_autoptr(GError) copy = NULL;

  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, "SMS-1006-403");
  g_assert_cmpstr (trib_platform_error_get_title (error), ==, "Sandbox not found");
  g_assert_cmpstr (trib_platform_error_get_detail (error), ==, "Sandbox 'qa2' does not exist.");
  g_assert_cmpstr (error->message, ==, "Sandbox not found: Sandbox 'qa2' does not exist.");

  /* The details survive a copy, as GErrors are copied to every waiter. */
  copy = g_error_copy (error);
  g_assert_cmpstr (trib_platform_error_get_detail (copy), ==, "Sandbox 'qa2' does not exist.");
}

static void
test_ims_shapes (void)
{
  g_autoptr(GError) secret = parse (401, "application/json",
                                    "{\"error\":\"invalid_client\",\"error_description\":\"invalid client_secret parameter\"}");
  g_autoptr(GError) client = parse (400, "application/json",
                                    "{\"error\":\"invalid_client\",\"error_description\":\"invalid client_id parameter\"}");
  g_autoptr(GError) scope = parse (400, "application/json",
                                   "{\"error\":\"invalid_scope\",\"error_description\":\"invalid scope\"}");

  g_assert_error (secret, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_SECRET);
  g_assert_cmpstr (trib_platform_error_get_code (secret), ==, "invalid_client");
  g_assert_error (client, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_CLIENT);
  g_assert_error (scope, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_SCOPE);
}

static void
test_unknown_org (void)
{
  g_autoptr(GError) error = parse (403, "application/json",
                                   "{\"error_code\":\"403025\",\"message\":\"Profile is not valid\"}");

  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_UNKNOWN_ORG);
}

static void
test_unreadable_bodies (void)
{
  g_autoptr(GError) html = parse (502, "text/html", "<html><body>502 Bad Gateway</body></html>");
  g_autoptr(GError) empty = parse (503, NULL, NULL);
  g_autoptr(GError) numeric = parse (400, "application/json", "{\"code\": 4001, \"message\": \"Bad field\"}");

  g_assert_error (html, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_nonnull (strstr (html->message, "text/html"));
  g_assert_error (empty, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_nonnull (strstr (empty->message, "503"));
  g_assert_cmpstr (trib_platform_error_get_code (numeric), ==, "4001");
  g_assert_cmpstr (trib_platform_error_get_title (numeric), ==, "Bad field");
}

/* json-glib reads blanks or a comment alone as a document without a
 * root; found by fuzz-platform-error.
 */
static void
test_blank_bodies (void)
{
  g_autoptr(GError) blank = parse (502, "application/json", "\r\n");
  g_autoptr(GError) comment = parse (500, "application/json", "/* nothing */");

  g_assert_error (blank, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_nonnull (strstr (blank->message, "502"));
  g_assert_error (comment, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_SERVER);
  g_assert_null (trib_platform_error_get_code (comment));
}

static void
test_retry_decisions (void)
{
  TribRetryPolicy policy = { 4, 500, 8000, 60 };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);

  /* 429 waits exactly what Retry-After says, in seconds or as a date. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 429, "3", now, 0.5), ==, 3000);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 429, "Sun, 22 Nov 2026 12:00:07 GMT", now, 0.5), ==, 7000);
  /* …but not longer than the policy allows. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 429, "3600", now, 0.5), ==, -1);

  /* 5xx backs off exponentially with equal jitter. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 503, NULL, now, 0.0), ==, 250);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 503, NULL, now, 0.999), ==, 499);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 2, 500, NULL, now, 0.0), ==, 500);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 3, 502, NULL, now, 0.0), ==, 1000);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 4, 502, NULL, now, 0.0), ==, -1);
  /* A transport failure (status 0) is retried like a 5xx. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 0, NULL, now, 0.0), ==, 250);

  /* A POST is never repeated, whatever happened. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, FALSE, 1, 503, NULL, now, 0.0), ==, -1);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, FALSE, 1, 429, "1", now, 0.0), ==, -1);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, FALSE, 1, 0, NULL, now, 0.0), ==, -1);
  g_assert_true (trib_retry_policy_is_idempotent ("DELETE"));

  /* Client errors are final. */
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 400, NULL, now, 0.0), ==, -1);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 404, NULL, now, 0.0), ==, -1);
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 1, 501, NULL, now, 0.0), ==, -1);

  /* The backoff never exceeds the maximum. */
  policy.max_attempts = 100;
  g_assert_cmpint (trib_retry_policy_next_delay_ms (&policy, TRUE, 40, 500, NULL, now, 0.999), <=, 8000);
}

static void
test_record_redacts (void)
{
  g_autoptr(TribRequestRecord) record = trib_request_record_new ("POST", "https://ims-na1.adobelogin.com/ims/token/v3");
  const char *form = "grant_type=client_credentials&client_id=abc&client_secret=p8e-HUSH&scope=openid";
  const char *json = "{\"auth\":{\"params\":{\"accessToken\":\"dapi-HUSH\",\"domain\":\"x.cloud\"}}}";
  g_autoptr(TribRequestRecord) json_record = trib_request_record_new ("POST", "https://platform.adobe.io/data/x");
  g_autofree char *curl = NULL;
  g_autofree char *json_curl = NULL;

  trib_request_record_add_header (record, "Authorization", "Bearer eyJHUSHTOKEN");
  trib_request_record_add_header (record, "x-api-key", "abc");
  trib_request_record_add_header (record, "x-gw-ims-org-id", "A@AdobeOrg");
  trib_request_record_set_body (record, "application/x-www-form-urlencoded", form, strlen (form));
  curl = trib_request_record_dup_curl (record);

  g_assert_null (strstr (curl, "HUSH"));
  g_assert_nonnull (strstr (curl, "\"$ACCESS_TOKEN\""));
  g_assert_nonnull (strstr (curl, "\"$API_KEY\""));
  g_assert_nonnull (strstr (curl, "\"$CLIENT_SECRET\""));
  g_assert_nonnull (strstr (curl, "A@AdobeOrg"));
  g_assert_cmpuint (trib_request_record_get_request_size (record), ==, strlen (form));

  trib_request_record_set_body (json_record, "application/json", json, strlen (json));
  json_curl = trib_request_record_dup_curl (json_record);
  g_assert_null (strstr (json_curl, "HUSH"));
  g_assert_nonnull (strstr (json_curl, "\"$ACCESSTOKEN\""));
  g_assert_nonnull (strstr (json_curl, "x.cloud"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/platform-error/gateway", test_gateway_shape);
  g_test_add_func ("/tributary/platform-error/problem", test_problem_shape);
  g_test_add_func ("/tributary/platform-error/ims", test_ims_shapes);
  g_test_add_func ("/tributary/platform-error/unknown-org", test_unknown_org);
  g_test_add_func ("/tributary/platform-error/unreadable", test_unreadable_bodies);
  g_test_add_func ("/tributary/platform-error/blank", test_blank_bodies);
  g_test_add_func ("/tributary/retry-policy/decisions", test_retry_decisions);
  g_test_add_func ("/tributary/request-record/redacts", test_record_redacts);

  return g_test_run ();
}
