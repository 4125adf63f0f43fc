/* test-hostile-replies.c
 *
 * What a hostile or broken server can send, against tributary-sim over
 * HTTP: nesting that would overflow json-glib's stack, bodies too large
 * plain, chunked or inflated, answers that never start or trickle in,
 * redirects to another host, of a POST or in a loop, and error text of
 * megabytes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-reply-limits.h"
#include "trib-test-platform.h"
#include "trib-text-bound.h"

#define SANDBOXES_PATH "/data/foundation/sandbox-management/"
#define TOKEN_PATH "/ims/token/v3"

static void
add_fault (TribTestSim *sim,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
add_fault (TribTestSim *sim,
           const char  *format,
           ...)
{
  g_autofree char *json = NULL;
  va_list args;

  va_start (args, format);
  json = g_strdup_vprintf (format, args);
  va_end (args);

  trib_test_sim_add_fault (sim, json);
}

static void
test_json_bounds (void)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *refused[] = {
    /* json-glib would skip the comment and read the brackets after it. */
    "/* \" */ [[]]",
    "'\"' [[]]",
    "[1] // \"\n",
  };

  g_assert_cmpuint (limits.max_depth, ==, 512);
  g_assert_cmpuint (limits.max_body_bytes, ==, 64 * 1024 * 1024);
  g_assert_cmpuint (limits.answer_timeout_ms, ==, 60000);
  g_assert_cmpuint (limits.stall_timeout_ms, ==, 30000);

  /* 512 levels parse; 513 do not, whatever the brackets. */
  for (guint i = 0; i < 511; i++)
    g_string_append (deep, i % 2 ? "[" : "{\"a\":");
  g_string_append (deep, "[]");
  for (guint i = 511; i-- > 0;)
    g_string_append (deep, i % 2 ? "]" : "}");
  node = trib_json_parse_bounded (deep->str, deep->len, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);

  g_string_prepend (deep, "[");
  g_string_append (deep, "]");
  node = trib_json_parse_bounded (deep->str, deep->len, &limits, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_assert_null (node);
  g_clear_error (&error);

  /* Brackets in strings, escaped quotes included, are not nesting. */
  g_string_truncate (deep, 0);
  g_string_append (deep, "[\"\\\"");
  for (guint i = 0; i < 2000; i++)
    g_string_append (deep, "[{");
  g_string_append (deep, "\\\\\", \"/'\"]");
  node = trib_json_parse_bounded (deep->str, deep->len, &limits, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_clear_pointer (&node, json_node_unref);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      node = trib_json_parse_bounded (refused[i], strlen (refused[i]), &limits, &error);
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  node = trib_json_parse_bounded ("[1]\0[", 5, &limits, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  limits.max_body_bytes = 3;
  node = trib_json_parse_bounded ("[1]", 3, &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  node = trib_json_parse_bounded ("[10]", 4, &limits, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
  g_clear_error (&error);

  node = trib_json_parse_bounded ("", 0, &limits, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (node));
}

static void
test_text_bound (void)
{
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *bounded = trib_text_bound (huge, -1, 1000, 12);
  g_autofree char *line = trib_text_bound ("  one\r\ntwo\tthree\n\n", -1, 200, 1);
  g_autofree char *lines = trib_text_bound ("1\n2\n3\n4", -1, 200, 3);
  g_autofree char *utf8 = trib_text_bound ("ééééé", -1, 3, 1);
  g_autofree char *invalid = trib_text_bound ("a\xff" "b\x01", -1, 10, 2);

  g_assert_cmpuint (g_utf8_strlen (bounded, -1), ==, 1001);
  g_assert_true (g_str_has_suffix (bounded, "…"));
  g_assert_cmpstr (line, ==, "one two three");
  g_assert_cmpstr (lines, ==, "1\n2\n3…");
  g_assert_cmpstr (utf8, ==, "ééé…");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_cmpstr (invalid, ==, "a\xef\xbf\xbd" "b ");
  g_assert_null (trib_text_bound (NULL, -1, 10, 1));
}

static void
test_deep_nesting (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribPlatformClient) fresh = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* 600 KB of brackets: json-glib alone overflows its stack on them. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"deep_nesting\", \"depth\": 300000}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "512"));
  g_assert_null (node);
  g_clear_error (&error);

  /* Deep, but within the limit, is an answer like any other. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"deep_nesting\", \"depth\": 500}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_clear_pointer (&node, json_node_unref);

  /* IMS's token answer goes through the same bounds. */
  add_fault (sim, "{\"path\": \"" TOKEN_PATH "\", \"kind\": \"deep_nesting\", \"depth\": 300000}");
  node = trib_test_call (fresh, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", TOKEN_PATH), ==, 2);
}

static void
test_oversized (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* One byte over 64 MiB, announced, then sent without a length. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"oversized\"}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"oversized\", \"chunked\": true}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
  g_clear_error (&error);
  /* Neither was tried again. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);

  /* The limit itself is allowed, to the byte. */
  limits.max_body_bytes = 1024 * 1024;
  trib_platform_client_set_reply_limits (client, &limits);
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"oversized\", \"chunked\": true, \"size\": 1048576}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"oversized\", \"chunked\": true, \"size\": 1048577}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
}

static void
test_gzip_bomb (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  /* About 64 KB on the wire, one byte over 64 MiB inflated. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"gzip_bomb\"}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
  g_clear_error (&error);

  /* What is counted is what was inflated. */
  limits.max_body_bytes = 1024 * 1024;
  trib_platform_client_set_reply_limits (client, &limits);
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"gzip_bomb\", \"size\": 1048576}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"gzip_bomb\", \"size\": 1048577}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE);
}

/* Limits of a second, so the test does not wait half a minute. */
static void
set_short_timeouts (TribPlatformClient *client,
                    gsize               min_progress_bytes)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;

  limits.answer_timeout_ms = 1000;
  limits.stall_timeout_ms = 1000;
  limits.min_progress_bytes = min_progress_bytes;
  trib_platform_client_set_reply_limits (client, &limits);
}

static void
test_no_answer (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);
  set_short_timeouts (client, 1024);

  /* A server that never starts answering. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"delay\", \"delay_ms\": 60000}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NO_ANSWER);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  /* One that trickles its headers, which libsoup's own timeout, per
   * read, never notices.
   */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"trickle\", \"interval_ms\": 100}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NO_ANSWER);
  g_clear_error (&error);

  /* Neither is repeated: each attempt is bounded, and so is the call. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);

  /* The token request is bounded alike. */
  g_clear_object (&client);
  client = trib_test_platform_client (sim, NULL);
  set_short_timeouts (client, 1024);
  add_fault (sim, "{\"path\": \"" TOKEN_PATH "\", \"kind\": \"delay\", \"delay_ms\": 60000}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NO_ANSWER);
}

static void
test_stalled (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);
  set_short_timeouts (client, 1024);

  /* The headers at once, then a byte every 300 ms. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"trickle\", \"interval_ms\": 300, "
                  "\"headers_first\": true}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_STALLED);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_clear_error (&error);

  /* Half the body, then silence on an open connection. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"stall\"}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_STALLED);
  g_clear_error (&error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 2);

  /* Slow but steady is not a stall: 200 bytes a second, 100 needed. */
  set_short_timeouts (client, 100);
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes/prod\", \"kind\": \"trickle\", "
                  "\"interval_ms\": 5, \"headers_first\": true}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/prod", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "prod");
}

/* A second server, on another port: another origin. It records the
 * headers of whatever reaches it.
 */
typedef struct
{
  SoupServer *server;
  char *url;
  GPtrArray *received;    /* "name: value" lines of every request */
  guint n_requests;
} OtherHost;

static void
other_host_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  OtherHost *other = user_data;
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  other->n_requests++;
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_ptr_array_add (other->received, g_strdup_printf ("%s: %s", name, value));

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

static OtherHost *
other_host_start (void)
{
  OtherHost *other = g_new0 (OtherHost, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;

  other->server = soup_server_new (NULL, NULL);
  other->received = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (other->server, NULL, other_host_cb, other, NULL);
  soup_server_listen (other->server, address, 0, &error);
  g_assert_no_error (error);

  listeners = soup_server_get_listeners (other->server);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  other->url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  return other;
}

static void
other_host_free (OtherHost *other)
{
  soup_server_disconnect (other->server);
  g_clear_object (&other->server);
  g_ptr_array_unref (other->received);
  g_free (other->url);
  g_free (other);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtherHost, other_host_free)

static void
assert_no_platform_headers (OtherHost *other)
{
  static const char * const forbidden[] = {
    "Authorization:", "x-api-key:", "x-gw-ims-org-id:", "x-sandbox-name:",
  };

  for (guint i = 0; i < other->received->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (forbidden); j++)
      g_assert_false (g_ascii_strncasecmp (g_ptr_array_index (other->received, i), forbidden[j],
                                           strlen (forbidden[j])) == 0);
}

static void
test_redirect_same_origin (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribRequestRecord) first = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *log = G_LIST_MODEL (trib_platform_client_get_log (client));

  trib_test_sign_in (client);

  /* A GET moved on the same host is followed, with its headers. */
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes/old\", \"kind\": \"redirect\", \"status\": 307, "
                  "\"location\": \"" SANDBOXES_PATH "sandboxes/prod\"}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/old", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==, "prod");
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes/old"), ==, 1);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes/prod"), ==, 2);

  /* Each hop is in the log. */
  first = g_list_model_get_item (log, 1);
  g_assert_cmpuint (trib_request_record_get_status (first), ==, 307);
  g_assert_true (g_str_has_suffix (trib_request_record_get_url (first), "sandboxes/old"));
}

static void
test_redirect_other_origin (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribPlatformClient) fresh = trib_test_platform_client (sim, NULL);
  g_autoptr(OtherHost) other = other_host_start ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_authority = g_strdup (other->url + strlen ("http://"));

  trib_test_sign_in (client);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"redirect\", \"status\": 302, "
                  "\"location\": \"%s/collect\"}", other->url);
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST);
  g_assert_nonnull (strstr (error->message, other_authority));
  g_clear_error (&error);

  /* Nor is the token request, whose body holds the client secret. */
  add_fault (sim, "{\"path\": \"" TOKEN_PATH "\", \"kind\": \"redirect\", \"status\": 307, "
                  "\"location\": \"%s/ims/token/v3\"}", other->url);
  node = trib_test_call (fresh, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST);

  /* The other host heard nothing, let alone the platform's headers. */
  g_assert_cmpuint (other->n_requests, ==, 0);
  assert_no_platform_headers (other);
}

static void
test_redirect_unsafe_method (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) body = json_from_string ("{\"name\": \"dev-moved\", \"title\": \"Moved\", "
                                               "\"type\": \"development\"}", NULL);
  const guint statuses[] = { 307, 308, 302, 303, 301 };

  trib_test_sign_in (client);

  /* libsoup would silently turn a 302 or 303 into a GET, and a client
   * that followed a 307 would send the POST twice.
   */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      trib_test_sim_clear_requests (sim);
      add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes\", \"method\": \"POST\", \"kind\": \"redirect\", "
                      "\"status\": %u, \"location\": \"" SANDBOXES_PATH "sandboxes\"}", statuses[i]);
      node = trib_test_call (client, "POST", SANDBOXES_PATH "sandboxes", body, &error);
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_UNSAFE);
      g_assert_nonnull (strstr (error->message, "POST"));
      g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", SANDBOXES_PATH "sandboxes"), ==, 1);
      g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes"), ==, 0);
    }
}

static void
test_redirect_loop (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sign_in (client);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes/a\", \"kind\": \"redirect\", \"count\": 50, "
                  "\"location\": \"" SANDBOXES_PATH "sandboxes/b\"}");
  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes/b\", \"kind\": \"redirect\", \"count\": 50, "
                  "\"location\": \"" SANDBOXES_PATH "sandboxes/a\"}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/a", NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_LOOP);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes/a"), ==, 1);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes/b"), ==, 1);
  g_clear_error (&error);
  trib_test_sim_clear_faults (sim);

  /* A chain that never comes back still ends. */
  for (guint i = 0; i < 8; i++)
    add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "sandboxes/hop%u\", \"kind\": \"redirect\", "
                    "\"location\": \"" SANDBOXES_PATH "sandboxes/hop%u\"}", i, i + 1);
  node = trib_test_call (client, "GET", SANDBOXES_PATH "sandboxes/hop0", NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_LOOP);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH "sandboxes/hop6"), ==, 0);
}

static void
test_error_text_bounded (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_client (sim, NULL);
  g_autoptr(TribRequestRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *log = G_LIST_MODEL (trib_platform_client_get_log (client));

  trib_test_sign_in (client);

  add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 400, "
                  "\"detail_bytes\": 10000000}");
  node = trib_test_call (client, "GET", SANDBOXES_PATH, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);

  /* What a label gets is a paragraph, not ten megabytes. */
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <=, TRIB_TEXT_BOUND_MESSAGE_CHARS + 1);
  g_assert_true (g_str_has_prefix (error->message, "Bad Request: The request failed"));
  g_assert_true (g_str_has_suffix (error->message, "…"));
  g_assert_cmpuint (strlen (trib_platform_error_get_detail (error)), <=, 4 * (TRIB_TEXT_BOUND_MESSAGE_CHARS + 1));

  /* The log keeps its start, and says it was cut. */
  record = g_list_model_get_item (log, 0);
  g_assert_cmpuint (trib_request_record_get_status (record), ==, 400);
  g_assert_cmpuint (trib_request_record_get_response_length (record), <=, TRIB_REQUEST_RECORD_MAX_BODY_BYTES);
  g_assert_cmpuint (trib_request_record_get_response_length (record), >, TRIB_REQUEST_RECORD_MAX_BODY_BYTES - 8);
  g_assert_true (trib_request_record_get_response_cut (record));
  g_assert_nonnull (strstr (trib_request_record_get_response (record), "xxxxxxxxxx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/hostile/json-bounds", test_json_bounds);
  g_test_add_func ("/tributary/hostile/text-bound", test_text_bound);
  g_test_add_func ("/tributary/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/tributary/hostile/oversized", test_oversized);
  g_test_add_func ("/tributary/hostile/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/tributary/hostile/no-answer", test_no_answer);
  g_test_add_func ("/tributary/hostile/stalled", test_stalled);
  g_test_add_func ("/tributary/hostile/redirect-same-origin", test_redirect_same_origin);
  g_test_add_func ("/tributary/hostile/redirect-other-origin", test_redirect_other_origin);
  g_test_add_func ("/tributary/hostile/redirect-unsafe-method", test_redirect_unsafe_method);
  g_test_add_func ("/tributary/hostile/redirect-loop", test_redirect_loop);
  g_test_add_func ("/tributary/hostile/error-text-bounded", test_error_text_bounded);

  return g_test_run ();
}
