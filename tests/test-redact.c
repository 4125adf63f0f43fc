/* test-redact.c
 *
 * What the request log keeps: every credential replaced, in URLs,
 * headers, forms and JSON of requests and answers; everything else
 * byte for byte; and Copy as curl, run by a real sh, sending exactly
 * the request that was made.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-platform-client-private.h"
#include "trib-redact.h"
#include "trib-request-record.h"
#include "trib-test-platform.h"

typedef struct
{
  const char *input;
  const char *expected;
} Case;

/* Checks @redacted against @expected, and that its spans are exactly
 * its placeholders.
 */
static void
assert_redacted (const char *redacted,
                 GArray     *spans,
                 const char *expected)
{
  gsize previous_end = 0;

  g_assert_cmpstr (redacted, ==, expected);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const TribRedactSpan *span = &g_array_index (spans, TribRedactSpan, i);

      g_assert_cmpuint (span->start, >=, previous_end);
      g_assert_cmpuint (span->end, <=, strlen (redacted));
      g_assert_cmpint (redacted[span->start], ==, '$');
      for (gsize j = span->start + 1; j < span->end; j++)
        g_assert_true (g_ascii_isupper (redacted[j]) || g_ascii_isdigit (redacted[j]) || redacted[j] == '_');
      g_assert_false (g_ascii_isalnum (redacted[span->end]) || redacted[span->end] == '_');
      previous_end = span->end;
    }
}

static void
test_urls (void)
{
  static const Case cases[] = {
    { "https://platform.adobe.io/data/x?access_token=eyJ&limit=5",
      "https://platform.adobe.io/data/x?access_token=$ACCESS_TOKEN&limit=5" },
    { "https://ims-na1.adobelogin.com/ims/token/v3?client_id=abc&client_secret=p8e-HUSH",
      "https://ims-na1.adobelogin.com/ims/token/v3?client_id=abc&client_secret=$CLIENT_SECRET" },
    { "https://h/callback?code=HUSH&state=1", "https://h/callback?code=$CODE&state=1" },
    { "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=HUSH%2F%3D&se=2026",
      "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=$SIG&se=2026" },
    { "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=HUSH&X-Amz-Signature=HUSH&X-Amz-Date=1",
      "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=$X_AMZ_SECURITY_TOKEN&X-Amz-Signature=$X_AMZ_SIGNATURE&X-Amz-Date=1" },
    { "https://user:HUSH@proxy.example.com:8443/p?q=1", "https://user:$PASSWORD@proxy.example.com:8443/p?q=1" },
    { "https://user@host/p", "https://user@host/p" },
    { "https://h/x?client%5Fsecret=HUSH", "https://h/x?client%5Fsecret=$CLIENT_SECRET" },
    { "https://h/x?Client-Secret=HUSH&PASSWORD=HUSH", "https://h/x?Client-Secret=$CLIENT_SECRET&PASSWORD=$PASSWORD" },
    { "https://h/x#access_token=HUSH&t=1", "https://h/x#access_token=$ACCESS_TOKEN&t=1" },
    { "https://h/x?key=HUSH", "https://h/x?key=$KEY" },
    /* A paging cursor is not a secret, and a copied call needs it. */
    { "https://platform.adobe.io/data/foundation/flowservice/connections?continuationToken=abc",
      "https://platform.adobe.io/data/foundation/flowservice/connections?continuationToken=abc" },
    { "https://h/x?sql=$USD&empty=&flag", "https://h/x?sql=$USD&empty=&flag" },
    { "https://h/x?token=", "https://h/x?token=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
      g_autofree char *redacted = trib_redact_url (cases[i].input, spans);

      assert_redacted (redacted, spans, cases[i].expected);
      g_assert_null (strstr (redacted, "HUSH"));
    }
}

static void
test_headers (void)
{
  static const struct
  {
    const char *name;
    const char *value;
    const char *expected;
  } cases[] = {
    { "Authorization", "Bearer eyJHUSH", "Bearer $ACCESS_TOKEN" },
    { "authorization", "bearer eyJHUSH", "bearer $ACCESS_TOKEN" },
    { "Authorization", "Basic HUSH", "Basic $AUTHORIZATION" },
    { "Proxy-Authorization", "Basic HUSH", "Basic $PROXY_AUTHORIZATION" },
    { "x-api-key", "HUSH", "$API_KEY" },
    { "Cookie", "session=HUSH", "$COOKIE" },
    { "X-Amz-Security-Token", "HUSH", "$X_AMZ_SECURITY_TOKEN" },
    { "x-client-secret", "HUSH", "$X_CLIENT_SECRET" },
    { "x-gw-ims-org-id", "A@AdobeOrg", "A@AdobeOrg" },
    { "x-sandbox-name", "prod", "prod" },
    { "Content-Type", "application/json", "application/json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
      g_autofree char *redacted = trib_redact_header_value (cases[i].name, cases[i].value, spans);

      assert_redacted (redacted, spans, cases[i].expected);
    }
}

static void
test_forms (void)
{
  static const Case cases[] = {
    { "grant_type=client_credentials&client_id=abc&client_secret=p8e-HUSH&scope=openid,AdobeID",
      "grant_type=client_credentials&client_id=abc&client_secret=$CLIENT_SECRET&scope=openid,AdobeID" },
    { "password=HUSH&username=me", "password=$PASSWORD&username=me" },
    { "refresh_token=HUSH&code=HUSH", "refresh_token=$REFRESH_TOKEN&code=$CODE" },
    { "client+secret=HUSH", "client+secret=$CLIENT_SECRET" },
    { "a=1&&b=2&=3", "a=1&&b=2&=3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
      g_autofree char *redacted = trib_redact_body ("application/x-www-form-urlencoded", cases[i].input,
                                                    strlen (cases[i].input), spans);

      assert_redacted (redacted, spans, cases[i].expected);
    }
}

static void
test_json (void)
{
  static const Case cases[] = {
    /* Every connector's credentials (API-NOTES §A1 and §C2). */
    { "{\"auth\":{\"specName\":\"Access Key\",\"params\":{\"s3AccessKey\":\"HUSH\",\"s3SecretKey\":\"HUSH\",\"s3SessionToken\":\"HUSH\"}}}",
      "{\"auth\":{\"specName\":\"Access Key\",\"params\":{\"s3AccessKey\":\"$S3ACCESSKEY\",\"s3SecretKey\":\"$S3SECRETKEY\",\"s3SessionToken\":\"$S3SESSIONTOKEN\"}}}" },
    { "{\"params\":{\"url\":\"https://a.dfs.core.windows.net\",\"servicePrincipalId\":\"id\",\"servicePrincipalKey\":\"HUSH\",\"tenant\":\"t\"}}",
      "{\"params\":{\"url\":\"https://a.dfs.core.windows.net\",\"servicePrincipalId\":\"id\",\"servicePrincipalKey\":\"$SERVICEPRINCIPALKEY\",\"tenant\":\"t\"}}" },
    { "{\"params\":{\"connectionString\":\"AccountKey=HUSH\"}}", "{\"params\":{\"connectionString\":\"$CONNECTIONSTRING\"}}" },
    { "{\"params\":{\"sasUri\":\"https://a/?sig=HUSH\"}}", "{\"params\":{\"sasUri\":\"$SASURI\"}}" },
    { "{\"params\":{\"accessKeyId\":\"HUSH\",\"secretAccessKey\":\"HUSH\"}}",
      "{\"params\":{\"accessKeyId\":\"$ACCESSKEYID\",\"secretAccessKey\":\"$SECRETACCESSKEY\"}}" },
    { "{\"params\":{\"host\":\"sftp\",\"userName\":\"me\",\"password\":\"HUSH\",\"folderPath\":\"/\"}}",
      "{\"params\":{\"host\":\"sftp\",\"userName\":\"me\",\"password\":\"$PASSWORD\",\"folderPath\":\"/\"}}" },
    { "{\"params\":{\"privateKeyContent\":\"HUSH\",\"passPhrase\":\"HUSH\"}}",
      "{\"params\":{\"privateKeyContent\":\"$PRIVATEKEYCONTENT\",\"passPhrase\":\"$PASSPHRASE\"}}" },
    { "{\"params\":{\"domain\":\"d\",\"username\":\"me\",\"sshKey\":\"HUSH\"}}",
      "{\"params\":{\"domain\":\"d\",\"username\":\"me\",\"sshKey\":\"$SSHKEY\"}}" },
    { "{\"params\":{\"domain\":\"x.azuredatabricks.net\",\"clusterId\":\"c\",\"accessToken\":\"dapiHUSH\",\"database\":\"db\"}}",
      "{\"params\":{\"domain\":\"x.azuredatabricks.net\",\"clusterId\":\"c\",\"accessToken\":\"$ACCESSTOKEN\",\"database\":\"db\"}}" },
    /* Answers: Query Service's connection parameters, DLZ's credentials, IMS's token. */
    { "{\"username\":\"org@AdobeOrg\",\"dbName\":\"prod:all\",\"host\":\"h\",\"port\":5432,\"token\":\"HUSH\",\"compressedToken\":\"HUSH\",\"version\":1}",
      "{\"username\":\"org@AdobeOrg\",\"dbName\":\"prod:all\",\"host\":\"h\",\"port\":5432,\"token\":\"$TOKEN\",\"compressedToken\":\"$COMPRESSEDTOKEN\",\"version\":1}" },
    { "{\"containerName\":\"dlz-user-container\",\"SASToken\":\"sv=1&sig=HUSH\",\"storageAccountName\":\"acc\",\"SASUri\":\"https://acc/?sig=HUSH\"}",
      "{\"containerName\":\"dlz-user-container\",\"SASToken\":\"$SASTOKEN\",\"storageAccountName\":\"acc\",\"SASUri\":\"$SASURI\"}" },
    { "{\"access_token\":\"eyJHUSH\",\"token_type\":\"bearer\",\"expires_in\":86399}",
      "{\"access_token\":\"$ACCESS_TOKEN\",\"token_type\":\"bearer\",\"expires_in\":86399}" },
    /* Names in any case and punctuation; escaped names too. */
    { "{\"CLIENT_SECRET\":\"HUSH\",\"Password\":\"HUSH\",\"client\\u005fsecret\":\"HUSH\"}",
      "{\"CLIENT_SECRET\":\"$CLIENT_SECRET\",\"Password\":\"$PASSWORD\",\"client\\u005fsecret\":\"$CLIENT_SECRET\"}" },
    /* Whatever a secret name holds goes: objects, arrays, numbers. */
    { "{\"secret\":{\"a\":\"HUSH\",\"b\":[\"HUSH\",{\"c\":\"]}\"}]},\"next\":1}", "{\"secret\":$SECRET,\"next\":1}" },
    { "{\"token\":[\"HUSH\",\"HUSH\"]}", "{\"token\":$TOKEN}" },
    { "{\"password\": 1234 }", "{\"password\": $PASSWORD }" },
    { "{\"password\":null,\"token\":\"\"}", "{\"password\":null,\"token\":\"\"}" },
    { "[{\"password\":\"HUSH\"},{\"list\":[{\"s3SecretKey\":\"HUSH\"}]}]",
      "[{\"password\":\"$PASSWORD\"},{\"list\":[{\"s3SecretKey\":\"$S3SECRETKEY\"}]}]" },
    /* JSON Patch (a Flow Service update): the value of an operation on a
     * secret-named path, whichever member comes first; other values stay.
     */
    { "[{\"op\":\"replace\",\"path\":\"/auth/params/s3SecretKey\",\"value\":\"HUSH\"},{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Luma\"}]",
      "[{\"op\":\"replace\",\"path\":\"/auth/params/s3SecretKey\",\"value\":\"$S3SECRETKEY\"},{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Luma\"}]" },
    { "[ {\"value\" : \"HUSH\", \"op\":\"add\", \"path\":\"/auth/params/pass~1Phrase\"} ]",
      "[ {\"value\" : \"$PASS_PHRASE\", \"op\":\"add\", \"path\":\"/auth/params/pass~1Phrase\"} ]" },
    { "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":{\"host\":\"h\",\"password\":\"HUSH\"}}]",
      "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":{\"host\":\"h\",\"password\":\"$PASSWORD\"}}]" },
    { "{\"path\":\"/password\",\"value\":\"shown\"}", "{\"path\":\"/password\",\"value\":\"shown\"}" },
    /* Everything else stays as it was, byte for byte. */
    { "{ \"a\" : 1.50e3 ,\n \"b\":\"\\u00e9\\n$USD `x` 'y'\", \"continuationToken\":\"abc\" }",
      "{ \"a\" : 1.50e3 ,\n \"b\":\"\\u00e9\\n$USD `x` 'y'\", \"continuationToken\":\"abc\" }" },
    { "\"just a string\"", "\"just a string\"" },
  };
  static const char * const unreadable[] = {
    "{\"password\":\"HUSH\"", "{\"a\" 1}", "[1,]x", "{\"password\":\"HUSH\"}}", "",
  };
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *redacted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
      g_autofree char *request = trib_redact_body ("application/json; charset=utf-8", cases[i].input,
                                                   strlen (cases[i].input), spans);
      g_autofree char *answer = trib_redact_body ("application/problem+json", cases[i].input,
                                                  strlen (cases[i].input), NULL);

      assert_redacted (request, spans, cases[i].expected);
      g_assert_cmpstr (answer, ==, cases[i].expected);
    }

  /* What cannot be checked is not kept. */
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    g_assert_null (trib_redact_body ("application/json", unreadable[i], strlen (unreadable[i]), NULL));
  g_assert_null (trib_redact_body ("text/plain", "password=HUSH", 13, NULL));

  /* At any depth, without recursion. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "[{\"a\":");
  g_string_append (deep, "{\"token\":\"HUSH\"}");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "}]");
  redacted = trib_redact_body ("application/json", deep->str, deep->len, NULL);
  g_assert_nonnull (redacted);
  g_assert_null (strstr (redacted, "HUSH"));
  g_assert_nonnull (strstr (redacted, "{\"token\":\"$TOKEN\"}"));
}

/* Runs @command with sh, a fake curl first on PATH that prints its
 * arguments each followed by a NUL, and @env (name, value, …, NULL) in
 * the environment.
 *
 * Returns: (transfer full): the arguments curl was given
 */
static GPtrArray *
run_curl (const char         *command,
          const char * const *env)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trib-curl-XXXXXX", &error);
  g_autofree char *fake = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  const char *data;
  gsize length;
  gsize start = 0;

  g_assert_no_error (error);
  fake = g_build_filename (dir, "curl", NULL);
  g_file_set_contents (fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fake, 0700), ==, 0);

  path = g_strconcat (dir, ":", g_getenv ("PATH"), NULL);
  g_subprocess_launcher_setenv (launcher, "PATH", path, TRUE);
  for (guint i = 0; env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);

  process = g_subprocess_launcher_spawn (launcher, &error, "/bin/sh", "-c", command, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  g_unlink (fake);
  g_rmdir (dir);

  data = g_bytes_get_data (out, &length);
  for (gsize i = 0; i < length; i++)
    if (data[i] == '\0')
      {
        g_ptr_array_add (args, g_strndup (data + start, i - start));
        start = i + 1;
      }
  g_assert_cmpuint (start, ==, length);

  return args;
}

/* What a copied curl command gives curl: -X METHOD URL, -H per header,
 * --data-raw BODY.
 */
static void
assert_curl_sends (TribRequestRecord  *record,
                   const char * const *env,
                   const char         *method,
                   const char         *url,
                   const char * const *headers,
                   const char         *body)
{
  g_autofree char *command = trib_request_record_dup_curl (record);
  g_autoptr(GPtrArray) args = run_curl (command, env);
  g_autoptr(GPtrArray) sent_headers = g_ptr_array_new ();
  guint n = 0;

  g_assert_cmpuint (args->len, >, 3);
  g_assert_cmpstr (g_ptr_array_index (args, n++), ==, "-X");
  g_assert_cmpstr (g_ptr_array_index (args, n++), ==, method);
  g_assert_cmpstr (g_ptr_array_index (args, n++), ==, url);

  /* The headers, in whatever order libsoup keeps them. */
  while (n + 1 < args->len && g_str_equal (g_ptr_array_index (args, n), "-H"))
    {
      g_ptr_array_add (sent_headers, g_ptr_array_index (args, n + 1));
      n += 2;
    }
  g_assert_cmpuint (sent_headers->len, ==, g_strv_length ((char **) headers));
  for (guint i = 0; headers[i] != NULL; i++)
    {
      guint found;

      if (!g_ptr_array_find_with_equal_func (sent_headers, headers[i], g_str_equal, &found))
        g_error ("Header “%s” not sent", headers[i]);
    }

  if (body != NULL)
    {
      g_assert_cmpstr (g_ptr_array_index (args, n++), ==, "--data-raw");
      g_assert_cmpstr (g_ptr_array_index (args, n++), ==, body);
    }
  g_assert_cmpuint (n, ==, args->len);
}

static void
test_curl_exact (void)
{
  static const char * const bodies[] = {
    "{\"sql\":\"SELECT price * 1.1 AS \\\"$USD\\\" FROM t WHERE note = '$100' -- `date` $(id) ${HOME}\"}",
    "{\"text\":\"it's \\\"quoted\\\", back\\\\slash,\\nnew line, é, 🦀, !!, !$, \\\\$HOME\"}",
    "{\n  \"multi\": \"line\",\n  \"tab\":\t\"\\t\",\n  \"bang\": \"!\"\n}\n",
    "'\"'\"$'\\'",
  };
  const char * const env[] = {
    "ACCESS_TOKEN", "eyJ.real-token", "API_KEY", "the-client-id", "CLIENT_SECRET", "p8e-$ecret'!",
    "ACCESSTOKEN", "dapi-real", "USD", "EXPANDED", "HOME", "EXPANDED", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(TribRequestRecord) record = trib_request_record_new ("POST", "https://platform.adobe.io/data/foundation/query/queries?name=$USD&x='1'");
      const char * const headers[] = {
        "Authorization: Bearer eyJ.real-token",
        "x-api-key: the-client-id",
        "x-gw-ims-org-id: A@AdobeOrg",
        "x-note: $USD `date` 'q' \"dq\" \\ !",
        "Content-Type: application/json",
        NULL,
      };

      trib_request_record_add_header (record, "Authorization", "Bearer eyJ.real-token");
      trib_request_record_add_header (record, "x-api-key", "the-client-id");
      trib_request_record_add_header (record, "x-gw-ims-org-id", "A@AdobeOrg");
      trib_request_record_add_header (record, "x-note", "$USD `date` 'q' \"dq\" \\ !");
      trib_request_record_add_header (record, "Content-Type", "application/json");
      trib_request_record_add_header (record, "Content-Length", "999");
      trib_request_record_set_body (record, "application/json", bodies[i], strlen (bodies[i]));

      /* The last one is not JSON, so it is not kept, and not sent. */
      assert_curl_sends (record, env, "POST",
                         "https://platform.adobe.io/data/foundation/query/queries?name=$USD&x='1'",
                         headers, i < 3 ? bodies[i] : NULL);
    }
}

static void
test_curl_placeholders (void)
{
  const char *form = "grant_type=client_credentials&client_id=abc&client_secret=p8e-$ecret'!&scope=openid";
  const char *json = "{\"auth\":{\"params\":{\"accessToken\":\"dapi-real\",\"domain\":\"x$y\"}}}";
  const char * const env[] = {
    "ACCESS_TOKEN", "eyJ.real-token", "CLIENT_SECRET", "p8e-$ecret'!", "ACCESSTOKEN", "dapi-real",
    "API_KEY", "abc", NULL,
  };
  g_autoptr(TribRequestRecord) token = trib_request_record_new ("POST", "https://ims-na1.adobelogin.com/ims/token/v3");
  g_autoptr(TribRequestRecord) connection = trib_request_record_new ("POST", "https://platform.adobe.io/data/foundation/flowservice/connections?access_token=eyJ.real-token");
  g_autofree char *token_curl = NULL;
  g_autofree char *connection_curl = NULL;

  trib_request_record_add_header (token, "Accept", "application/json");
  trib_request_record_set_body (token, "application/x-www-form-urlencoded", form, strlen (form));
  trib_request_record_add_header (connection, "Authorization", "Bearer eyJ.real-token");
  trib_request_record_add_header (connection, "x-api-key", "abc");
  trib_request_record_set_body (connection, "application/json", json, strlen (json));

  /* The record holds no secret... */
  token_curl = trib_request_record_dup_curl (token);
  connection_curl = trib_request_record_dup_curl (connection);
  g_assert_null (strstr (token_curl, "p8e-"));
  g_assert_null (strstr (connection_curl, "dapi-real"));
  g_assert_null (strstr (connection_curl, "eyJ"));

  /* ...and once the secrets are exported, curl gets them where they were. */
  assert_curl_sends (token, env, "POST", "https://ims-na1.adobelogin.com/ims/token/v3",
                     (const char *[]) { "Accept: application/json", NULL }, form);
  assert_curl_sends (connection, env, "POST",
                     "https://platform.adobe.io/data/foundation/flowservice/connections?access_token=eyJ.real-token",
                     (const char *[]) { "Authorization: Bearer eyJ.real-token", "x-api-key: abc", NULL }, json);
}

static void
test_curl_from_log (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(TribRequestRecord) record = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"name\":\"dev-usd\",\"title\":\"Costs in $USD, `n` 'q' \\\"dq\\\" \\\\ ! é\","
                                               "\"type\":\"development\"}", NULL);
  g_autofree char *sent = json_to_string (body, FALSE);
  g_autofree char *token = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  GListModel *log;

  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);

  trib_platform_client_call_async (client, "POST", "/data/foundation/sandbox-management/sandboxes", body,
                                   NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  node = trib_platform_client_call_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), NULL, trib_test_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  token = trib_ims_auth_get_token_finish (trib_platform_client_get_auth (client), result, &error);
  g_assert_no_error (error);
  authorization = g_strconcat ("Authorization: Bearer ", token, NULL);

  /* The call as the log has it, replayed, sends the same bytes. */
  log = G_LIST_MODEL (trib_platform_client_get_log (client));
  record = g_list_model_get_item (log, 0);
  g_assert_cmpstr (trib_request_record_get_method (record), ==, "POST");
  {
    g_autofree char *url = g_strconcat (sim->base_url, "/data/foundation/sandbox-management/sandboxes", NULL);
    g_autofree char *org = g_strconcat ("x-gw-ims-org-id: ", sim->org_id, NULL);
    g_autofree char *api_key = g_strconcat ("x-api-key: ", sim->client_id, NULL);
    g_autofree char *sandbox = g_strconcat ("x-sandbox-name: ", sim->sandbox, NULL);
    const char * const env[] = { "ACCESS_TOKEN", token, "API_KEY", sim->client_id, "USD", "EXPANDED", NULL };
    const char * const headers[] = {
      authorization, api_key, org, sandbox, "Accept: application/json", "Content-Type: application/json", NULL,
    };

    assert_curl_sends (record, env, "POST", url, headers, sent);
  }
}

/* The Activity page's prefix of a body: never a secret, or a piece of
 * one, wherever the cut falls; the start as it was; a mark where cut.
 */
static void
test_prefix (void)
{
  g_autoptr(GString) big = g_string_new ("{\"items\":[");
  g_autofree char *prefix = NULL;
  gboolean cut = TRUE;

  /* Small bodies come whole, redacted as trib_redact_body() does. */
  prefix = trib_redact_body_prefix ("application/json", "{\"a\":1,\"password\":\"HUSH\"}", 25, 1024, &cut);
  g_assert_cmpstr (prefix, ==, "{\"a\":1,\"password\":\"$PASSWORD\"}");
  g_assert_false (cut);
  g_clear_pointer (&prefix, g_free);

  prefix = trib_redact_body_prefix ("application/x-www-form-urlencoded", "client_secret=HUSH&a=1", 22, 1024, &cut);
  g_assert_cmpstr (prefix, ==, "client_secret=$CLIENT_SECRET&a=1");
  g_clear_pointer (&prefix, g_free);

  /* Unreadable or not JSON: nothing kept. */
  g_assert_null (trib_redact_body_prefix ("text/html", "<p>password=HUSH</p>", 20, 1024, &cut));
  g_assert_null (trib_redact_body_prefix ("application/json", "{\"password\" \"HUSH\"}", 20, 1024, &cut));

  /* A long answer with secrets all along: each cut, at every offset,
   * holds no "HUSH", and the cut ones say so.
   */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (big, "%s{\"id\":%u,\"name\":\"n%u\",\"auth\":{\"password\":\"HUSH%u\",\"token\":{\"v\":\"HUSH\"}}}",
                            i > 0 ? "," : "", i, i, i);
  g_string_append (big, "]}");

  for (gsize max = 1; max < big->len + 10; max += 7)
    {
      g_autofree char *part = trib_redact_body_prefix ("application/json", big->str, big->len, max, &cut);

      g_assert_nonnull (part);
      g_assert_cmpuint (strlen (part), <=, max);
      g_assert_null (strstr (part, "HUSH"));
      g_assert_null (strstr (part, "HUS"));
      if (!cut)
        g_assert_true (g_str_has_suffix (part, "]}"));
    }

  /* A multibyte character is never cut in two. */
  {
    const char *text = "{\"name\":\"ééééééééééééééééééééééééééééééé\"}";
    g_autofree char *part = trib_redact_body_prefix ("application/json", text, strlen (text), 12, &cut);

    g_assert_true (cut);
    g_assert_true (g_utf8_validate (part, -1, NULL));
  }
}

/* Every field a connection spec of the demo marks `format: password` is
 * a name the redaction knows, so a connection's credentials never reach
 * the log under a name it lets through.
 */
static void
check_password_fields (JsonNode   *node,
                       const char *name,
                       guint      *n_found)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      JsonNode *format = json_object_get_member (object, "format");

      if (name != NULL && format != NULL && JSON_NODE_HOLDS_VALUE (format) &&
          g_strcmp0 (json_node_get_string (format), "password") == 0)
        {
          if (!trib_redact_is_secret_name (name))
            g_error ("%s is a password in a spec, and the redaction does not know it", name);
          (*n_found)++;
        }

      for (GList *l = members; l != NULL; l = l->next)
        check_password_fields (json_object_get_member (object, l->data), l->data, n_found);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_password_fields (json_array_get_element (array, i), name, n_found);
    }
}

static void
test_spec_passwords (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TRIBUTARY_SIM_WORLD"), "connection-specs.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n_found = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  check_password_fields (json_parser_get_root (parser), NULL, &n_found);
  g_assert_cmpuint (n_found, >=, 14);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/redact/urls", test_urls);
  g_test_add_func ("/tributary/redact/headers", test_headers);
  g_test_add_func ("/tributary/redact/forms", test_forms);
  g_test_add_func ("/tributary/redact/json", test_json);
  g_test_add_func ("/tributary/redact/prefix", test_prefix);
  g_test_add_func ("/tributary/redact/spec-passwords", test_spec_passwords);
  g_test_add_func ("/tributary/request-record/curl-exact", test_curl_exact);
  g_test_add_func ("/tributary/request-record/curl-placeholders", test_curl_placeholders);
  g_test_add_func ("/tributary/request-record/curl-from-log", test_curl_from_log);

  return g_test_run ();
}
