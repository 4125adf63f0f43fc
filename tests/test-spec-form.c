/* test-spec-form.c
 *
 * Forms drawn from connectors' JSON Schemas: the seed connectors'
 * authSpecs and sourceSpecs (tests/data/spec-form/, written from
 * API-NOTES §A1 and §C2), the checks' messages, the params' types, and
 * hostile schemas that must give a form with a problem, never a crash
 * or a hang. The simulator's world specs: test-spec-form-world.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-redact.h"
#include "trib-spec-form.h"
#include "trib-spec-presets.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
load_spec (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spec-form", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return parse (text);
}

static JsonNode *
member (JsonNode   *spec,
        const char *name)
{
  return json_object_get_member (json_node_get_object (spec), name);
}

static TribSpecForm *
auth_form (JsonNode *spec,
           guint     position)
{
  g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (
    json_object_get_string_member (json_node_get_object (spec), "id"), member (spec, "authSpec"));

  return g_list_model_get_item (choices, position);
}

static TribSpecForm *
source_form (JsonNode *spec)
{
  JsonObject *source = json_object_get_object_member (json_node_get_object (spec), "sourceSpec");

  return trib_spec_form_new (json_object_get_string_member (json_node_get_object (spec), "id"), NULL,
                             json_object_get_member (source, "spec"));
}

static TribSpecForm *
form_of (const char *schema)
{
  g_autoptr(JsonNode) node = parse (schema);

  return trib_spec_form_new (NULL, "Test", node);
}

static void
assert_keys (TribSpecForm *form,
             const char   *expected)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", trib_spec_field_get_key (field));
    }

  g_assert_cmpstr (keys->str, ==, expected);
}

static void
assert_message (TribSpecForm *form,
                const char   *key,
                const char   *answer,
                const char   *expected)
{
  g_autofree char *message = NULL;

  trib_spec_form_set_answer (form, key, answer);
  message = trib_spec_form_check_answer (form, key);
  g_assert_cmpstr (message, ==, expected);
}

static char *
params_text (JsonObject *params)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), params);

  return json_to_string (node, FALSE);
}

static void
test_humanize (void)
{
  const char *cases[][2] = {
    { "s3AccessKey", "S3 access key" },
    { "clusterId", "Cluster ID" },
    { "maxConcurrentConnections", "Max concurrent connections" },
    { "serviceURL", "Service URL" },
    { "HTTPServer", "HTTP server" },
    { "folder_path", "Folder path" },
    { "sasUri", "SAS URI" },
    { "x", "X" },
    { "__", "__" },
    { "", "Unnamed field" },
    { "caf\xc3\xa9Name", "Caf\xc3\xa9 name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = trib_spec_presets_humanize (cases[i][0]);

      g_assert_cmpstr (label, ==, cases[i][1]);
    }
}

static void
test_s3 (void)
{
  g_autoptr(JsonNode) spec = load_spec ("source-s3.json");
  g_autoptr(TribSpecForm) form = auth_form (spec, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autofree char *text = NULL;
  TribSpecField *field;

  g_assert_cmpstr (trib_spec_form_get_name (form), ==, "Access Key");
  g_assert_cmpstr (trib_spec_form_get_label (form), ==, "Access key");
  g_assert_cmpstr (trib_spec_form_get_auth_type (form), ==, "KeyBased");
  g_assert_null (trib_spec_form_get_problem (form));
  assert_keys (form, "s3AccessKey s3SecretKey s3SessionToken serviceUrl");

  field = trib_spec_form_get_field (form, "s3AccessKey");
  g_assert_cmpstr (trib_spec_field_get_label (field), ==, "Access key ID");
  g_assert_cmpstr (trib_spec_field_get_help (field), ==, "Access key id");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_STRING);
  g_assert_true (trib_spec_field_get_required (field));
  g_assert_false (trib_spec_field_get_secret (field));
  g_assert_cmpstr (trib_spec_field_get_pattern (field), ==, "^[A-Z0-9]{16,128}$");

  /* format: password, and a preset where the spec is silent. */
  g_assert_true (trib_spec_field_get_secret (trib_spec_form_get_field (form, "s3SecretKey")));
  g_assert_true (trib_spec_field_get_secret (trib_spec_form_get_field (form, "s3SessionToken")));
  g_assert_false (trib_spec_field_get_required (trib_spec_form_get_field (form, "s3SessionToken")));
  g_assert_cmpstr (trib_spec_field_get_label (trib_spec_form_get_field (form, "serviceUrl")), ==, "Service URL");

  g_assert_false (trib_spec_form_validate (form, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Access key ID is required\nSecret access key is required");
  g_clear_error (&error);

  assert_message (form, "s3AccessKey", "akia-lower",
                  "Access key ID must be 16 to 128 capital letters and digits, such as AKIAIOSFODNN7EXAMPLE");
  assert_message (form, "s3AccessKey", "AKIAIOSFODNN7EXAMPLE", NULL);
  assert_message (form, "s3SecretKey", "   ", "Secret access key is required");
  assert_message (form, "s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", NULL);

  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==,
                   "{\"s3AccessKey\":\"AKIAIOSFODNN7EXAMPLE\",\"s3SecretKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}");
}

static void
test_sftp (void)
{
  g_autoptr(JsonNode) spec = load_spec ("source-sftp.json");
  g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices ("b7bf2577-4520-42c9-bae9-cad01560f7bc",
                                                                  member (spec, "authSpec"));
  g_autoptr(TribSpecForm) password = g_list_model_get_item (choices, 0);
  g_autoptr(TribSpecForm) key = g_list_model_get_item (choices, 1);
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TribSpecField *port;
  double bound = 0;

  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  g_assert_cmpstr (trib_spec_form_get_label (password), ==, "Password");
  g_assert_cmpstr (trib_spec_form_get_label (key), ==, "SSH public key");
  assert_keys (password, "host port userName password folderPath maxConcurrentConnections");
  assert_keys (key, "host port userName privateKeyContent passPhrase folderPath maxConcurrentConnections");
  g_assert_true (trib_spec_field_get_multiline (trib_spec_form_get_field (key, "privateKeyContent")));
  g_assert_true (trib_spec_field_get_secret (trib_spec_form_get_field (key, "privateKeyContent")));

  port = trib_spec_form_get_field (password, "port");
  g_assert_cmpint (trib_spec_field_get_field_type (port), ==, TRIB_SPEC_FIELD_INTEGER);
  g_assert_true (trib_spec_field_get_minimum (port, &bound));
  g_assert_cmpfloat (bound, ==, 1);
  g_assert_true (trib_spec_field_get_maximum (port, &bound));
  g_assert_cmpfloat (bound, ==, 65535);
  /* The default is the first answer. */
  g_assert_cmpstr (trib_spec_form_get_answer (password, "port"), ==, "22");

  assert_message (password, "port", "70000", "Port must be a whole number between 1 and 65535");
  assert_message (password, "port", "22.5", "Port must be a whole number between 1 and 65535");
  assert_message (password, "port", "0x16", "Port must be a whole number between 1 and 65535");
  assert_message (password, "port", " 2222 ", NULL);
  assert_message (password, "maxConcurrentConnections", "0", "Concurrent connections must be a whole number between 1 and 10");
  assert_message (password, "maxConcurrentConnections", "3", NULL);
  assert_message (password, "host", "sftp.example.com", NULL);
  assert_message (password, "userName", "ingest", NULL);
  assert_message (password, "password", "s3cr3t", NULL);

  params = trib_spec_form_build_params (password, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "port")), ==, G_TYPE_INT64);
  text = params_text (params);
  g_assert_cmpstr (text, ==,
                   "{\"host\":\"sftp.example.com\",\"port\":2222,\"userName\":\"ingest\",\"password\":\"s3cr3t\","
                   "\"maxConcurrentConnections\":3}");

  /* The other choice kept its own answers: none yet, but the default. */
  g_assert_null (trib_spec_form_get_answer (key, "host"));
  g_assert_cmpstr (trib_spec_form_get_answer (key, "port"), ==, "22");
}

static void
test_files_source (void)
{
  g_autoptr(JsonNode) spec = load_spec ("source-adls-gen2.json");
  g_autoptr(TribSpecForm) form = source_form (spec);
  g_autoptr(TribSpecForm) auth = auth_form (spec, 0);
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TribSpecField *type;

  g_assert_null (trib_spec_form_get_name (form));
  assert_keys (form, "path type recursive");
  g_assert_cmpstr (trib_spec_field_get_label (trib_spec_form_get_field (form, "recursive")), ==, "Include subfolders");
  /* The platform's default for a boolean is the string "false". */
  g_assert_cmpstr (trib_spec_form_get_answer (form, "recursive"), ==, "false");

  type = trib_spec_form_get_field (form, "type");
  g_assert_cmpint (trib_spec_field_get_field_type (type), ==, TRIB_SPEC_FIELD_ENUM);
  g_assert_cmpstrv (trib_spec_field_get_choices (type), ((const char * const[]) { "file", "folder", NULL }));
  assert_message (form, "type", "dir", "Type must be one of: file, folder");
  assert_message (form, "type", "folder", NULL);
  assert_message (form, "recursive", "maybe", "Include subfolders must be true or false");
  assert_message (form, "recursive", "true", NULL);
  assert_message (form, "path", "/landing/2026/*.csv", NULL);

  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==, "{\"path\":\"/landing/2026/*.csv\",\"type\":\"folder\",\"recursive\":true}");

  assert_keys (auth, "url tenant servicePrincipalId servicePrincipalKey");
  assert_message (auth, "url", "http://x.blob.core.windows.net",
                  "Data Lake Storage URL must be an address such as https://account.dfs.core.windows.net");
  assert_message (auth, "url", "https://acme.dfs.core.windows.net", NULL);
}

static void
test_databricks (void)
{
  g_autoptr(JsonNode) spec = load_spec ("source-databricks.json");
  g_autoptr(TribSpecForm) auth = auth_form (spec, 0);
  g_autoptr(TribSpecForm) source = source_form (spec);
  g_autoptr(JsonNode) columns = parse ("[{\"name\":\"id\",\"type\":\"string\"}]");
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TribSpecField *field;

  assert_keys (auth, "domain clusterId database accessToken");
  /* The spec does not say the token is a secret; the presets do. */
  g_assert_true (trib_spec_field_get_secret (trib_spec_form_get_field (auth, "accessToken")));
  g_assert_cmpstr (trib_spec_field_get_label (trib_spec_form_get_field (auth, "accessToken")), ==,
                   "Personal access token");
  assert_message (auth, "domain", "adb-1.azuredatabricks.net",
                  "Workspace URL must be an address such as https://adb-1234567890123456.7.azuredatabricks.net");

  field = trib_spec_form_get_field (source, "columns");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_UNSUPPORTED);
  g_assert_nonnull (trib_spec_field_get_problem (field));
  assert_message (source, "tableName", "acme.orders", NULL);
  trib_spec_form_set_value (source, "columns", columns);

  params = trib_spec_form_build_params (source, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==, "{\"tableName\":\"acme.orders\",\"columns\":[{\"name\":\"id\",\"type\":\"string\"}]}");
}

/* Objects in objects are flattened, and nested again in the params. */
static void
test_nested (void)
{
  g_autoptr(JsonNode) spec = load_spec ("source-generic-rest.json");
  g_autoptr(TribSpecForm) form = source_form (spec);
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assert_keys (form, "urlParams.path urlParams.method paginationParams.type paginationParams.limitValue contentPath.path");
  g_assert_cmpstr (trib_spec_field_get_label (trib_spec_form_get_field (form, "urlParams.path")), ==,
                   "URL params: Path");
  g_assert_true (trib_spec_field_get_required (trib_spec_form_get_field (form, "urlParams.path")));
  /* Required inside an optional object: only if the object is sent. */
  g_assert_false (trib_spec_field_get_required (trib_spec_form_get_field (form, "paginationParams.type")));

  g_assert_false (trib_spec_form_validate (form, &error));
  g_assert_cmpstr (error->message, ==, "URL params: Path is required");
  g_clear_error (&error);

  assert_message (form, "urlParams.path", "/v1/orders", NULL);
  assert_message (form, "paginationParams.limitValue", "500", NULL);
  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==,
                   "{\"urlParams\":{\"path\":\"/v1/orders\",\"method\":\"GET\"},\"paginationParams\":{\"limitValue\":500}}");
}

static void
test_destinations (void)
{
  g_autoptr(JsonNode) dlz = load_spec ("dest-dlz.json");
  g_autoptr(JsonNode) sftp = load_spec ("dest-sftp.json");
  g_autoptr(GListModel) none = trib_spec_form_new_auth_choices ("10440537-2a7b-4583-ac39-ed38d4b848e8",
                                                               member (dlz, "authSpec"));
  g_autoptr(TribSpecForm) ssh = auth_form (sftp, 1);

  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpstr (trib_spec_form_get_name (ssh), ==, "SFTP with SSH Key");
  assert_keys (ssh, "domain username sshKey");
  g_assert_cmpstr (trib_spec_field_get_label (trib_spec_form_get_field (ssh, "domain")), ==, "Host");
  g_assert_true (trib_spec_field_get_secret (trib_spec_form_get_field (ssh, "sshKey")));
}

/* Every seed spec: each auth type and the sourceSpec give a form whose
 * fields have labels, and whose required fields the check asks for.
 */
static void
test_every_seed (void)
{
  const char *names[] = {
    "source-s3.json", "source-adls-gen2.json", "source-blob.json", "source-gcs.json", "source-sftp.json",
    "source-databricks.json", "source-odata.json", "source-generic-rest.json", "dest-s3.json", "dest-blob.json",
    "dest-adls-gen2.json", "dest-gcs.json", "dest-sftp.json", "dest-dlz.json",
  };
  guint n_forms = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JsonNode) spec = load_spec (names[i]);
      g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (
        json_object_get_string_member (json_node_get_object (spec), "id"), member (spec, "authSpec"));

      for (guint j = 0; j < g_list_model_get_n_items (choices); j++)
        {
          g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, j);
          g_autoptr(GError) error = NULL;

          g_test_message ("%s: %s", names[i], trib_spec_form_get_name (form));
          g_assert_null (trib_spec_form_get_problem (form));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (form)), >, 0);
          g_assert_nonnull (trib_spec_form_get_label (form));
          /* Every authSpec has a required field with no default. */
          g_assert_false (trib_spec_form_validate (form, &error));
          g_assert_true (strstr (error->message, " is required") != NULL);
          n_forms++;
        }
    }

  g_assert_cmpuint (n_forms, ==, 17);
}

static void
test_hostile_shapes (void)
{
  const struct {
    const char *schema;
    guint n_fields;
    gboolean problem;
    gboolean complete;
  } cases[] = {
    { "{\"type\": \"object\"}", 0, FALSE, TRUE },
    { "{}", 0, FALSE, TRUE },
    { "{\"type\": \"object\", \"properties\": [1, 2]}", 0, TRUE, FALSE },
    { "{\"type\": \"object\", \"properties\": \"x\"}", 0, TRUE, FALSE },
    { "{\"type\": \"string\"}", 0, TRUE, FALSE },
    { "{\"type\": [\"object\"], \"properties\": {\"a\": {}}}", 0, TRUE, FALSE },
    { "{\"$ref\": \"#/definitions/auth\"}", 0, TRUE, FALSE },
    { "[1, 2]", 0, TRUE, FALSE },
    { "\"spec\"", 0, TRUE, FALSE },
    { "null", 0, TRUE, FALSE },
    { "{\"properties\": {\"a\": {\"type\": \"weird\"}, \"b\": 5, \"c\": {\"$ref\": \"#/x\"}}}", 3, FALSE, TRUE },
    { "{\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": [\"a\", \"ghost\", 7, null]}", 1, FALSE, FALSE },
    { "{\"properties\": {\"a\": {\"type\": \"string\"}}, \"required\": \"a\"}", 1, FALSE, TRUE },
    { "{\"properties\": {\"a.b\": {}, \"a\": {\"properties\": {\"b\": {}}}}}", 1, TRUE, FALSE },
    { "{\"properties\": {\"a\": {\"type\": [\"null\", \"integer\"], \"minimum\": \"1\", \"minLength\": -3, "
      "\"title\": 5, \"enum\": \"x\", \"default\": {}}}}", 1, FALSE, TRUE },
    { "{\"properties\": {\"a\": {\"type\": \"array\"}, \"b\": {\"type\": \"array\", \"items\": [1]}, "
      "\"c\": {\"type\": \"object\"}, \"d\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}}", 4, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TribSpecForm) form = form_of (cases[i].schema);
      g_autoptr(JsonObject) params = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].schema);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (form)), ==, cases[i].n_fields);
      g_assert_cmpint (trib_spec_form_get_problem (form) != NULL, ==, cases[i].problem);

      /* Unanswered, a form is whole unless it has required fields or
       * its spec could not be read.
       */
      params = trib_spec_form_build_params (form, &error);
      if (cases[i].complete)
        g_assert_no_error (error);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

static void
test_hostile_fields (void)
{
  g_autoptr(TribSpecForm) form = form_of (
    "{\"properties\": {"
    "\"weird\": {\"type\": \"date\"},"
    "\"free\": {\"type\": \"object\"},"
    "\"pin\": {\"type\": \"string\", \"pattern\": 5},"
    "\"code\": {\"type\": \"string\", \"pattern\": \"([a-z\"},"
    "\"slow\": {\"type\": \"string\", \"pattern\": \"^(a+)+$\"},"
    "\"lifted\": {\"type\": \"string\", \"pattern\": \"(*LIMIT_MATCH=99999999)^(a+)+$\"},"
    "\"maybe\": {\"type\": [\"string\", \"null\"]},"
    "\"size\": {\"enum\": [1, 3, null, {\"x\": 1}, true]}"
    "}, \"required\": [\"weird\", \"size\"]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(JsonNode) date = json_node_init_string (json_node_alloc (), "2026-12-03");
  g_autofree char *slow = NULL;
  g_autofree char *text = NULL;
  TribSpecField *field;
  gint64 started;

  field = trib_spec_form_get_field (form, "weird");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_UNSUPPORTED);
  g_assert_nonnull (trib_spec_field_get_problem (field));
  g_assert_cmpint (trib_spec_field_get_field_type (trib_spec_form_get_field (form, "free")), ==,
                   TRIB_SPEC_FIELD_UNSUPPORTED);

  /* A pattern that cannot be read is the field's problem, and the
   * platform checks the value.
   */
  field = trib_spec_form_get_field (form, "pin");
  g_assert_nonnull (trib_spec_field_get_problem (field));
  g_assert_null (trib_spec_field_get_pattern (field));
  field = trib_spec_form_get_field (form, "code");
  g_assert_nonnull (trib_spec_field_get_problem (field));
  assert_message (form, "code", "anything", NULL);

  /* Backtracking without end stops at PCRE's limit. */
  slow = g_strnfill (4000, 'a');
  slow[3999] = 'b';
  started = g_get_monotonic_time ();
  trib_spec_form_set_answer (form, "slow", slow);
  g_free (trib_spec_form_check_answer (form, "slow"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);

  g_assert_nonnull (trib_spec_field_get_problem (trib_spec_form_get_field (form, "lifted")));

  g_assert_cmpint (trib_spec_field_get_field_type (trib_spec_form_get_field (form, "maybe")), ==,
                   TRIB_SPEC_FIELD_STRING);

  field = trib_spec_form_get_field (form, "size");
  g_assert_cmpstrv (trib_spec_field_get_choices (field), ((const char * const[]) { "1", "3", "true", NULL }));
  assert_message (form, "size", "2", "Size must be one of: 1, 3, true");

  g_assert_false (trib_spec_form_validate (form, &error));
  g_assert_true (g_str_has_prefix (error->message, "Weird cannot be filled in on this form."));
  g_clear_error (&error);

  /* A caller-given value answers an unsupported field. */
  trib_spec_form_set_value (form, "weird", date);
  trib_spec_form_set_answer (form, "slow", NULL);
  assert_message (form, "size", "3", NULL);
  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  /* The enum's choice keeps its JSON type. */
  g_assert_cmpstr (text, ==, "{\"weird\":\"2026-12-03\",\"code\":\"anything\",\"size\":3}");
}

static char *
nested_schema (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"type\": \"object\", \"properties\": {\"level\": ");
  g_string_append (text, "{\"type\": \"string\"}");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "}, \"required\": [\"level\"]}");

  return g_string_free (text, FALSE);
}

static void
test_deep_and_wide (void)
{
  g_autofree char *deep = nested_schema (500);
  g_autofree char *shallow = nested_schema (4);
  g_autoptr(TribSpecForm) deep_form = form_of (deep);
  g_autoptr(TribSpecForm) shallow_form = form_of (shallow);
  g_autoptr(GString) wide = g_string_new ("{\"properties\": {");
  g_autoptr(GString) choices = g_string_new ("{\"properties\": {\"big\": {\"enum\": [");
  g_autoptr(GString) enough = g_string_new ("{\"properties\": {\"many\": {\"enum\": [");
  g_autoptr(TribSpecForm) wide_form = NULL;
  g_autoptr(TribSpecForm) choices_form = NULL;
  g_autoptr(TribSpecForm) enough_form = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autofree char *text = NULL;
  TribSpecField *field;

  /* Four levels are flattened; the fourth object is refused. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deep_form)), ==, 1);
  field = g_list_model_get_item (G_LIST_MODEL (deep_form), 0);
  g_assert_cmpstr (trib_spec_field_get_key (field), ==, "level.level.level.level");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_UNSUPPORTED);
  g_assert_nonnull (trib_spec_field_get_problem (field));
  g_assert_true (trib_spec_field_get_required (field));
  g_object_unref (field);

  field = trib_spec_form_get_field (shallow_form, "level.level.level.level");
  g_assert_nonnull (field);
  g_assert_cmpstr (trib_spec_field_get_label (field), ==, "Level: Level: Level: Level");
  assert_message (shallow_form, "level.level.level.level", "deep", NULL);
  params = trib_spec_form_build_params (shallow_form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==, "{\"level\":{\"level\":{\"level\":{\"level\":\"deep\"}}}}");

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (wide, "%s\"f%u\": {\"type\": \"integer\"}", i > 0 ? ", " : "", i);
  g_string_append (wide, "}}");
  wide_form = form_of (wide->str);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wide_form)), ==, TRIB_SPEC_FORM_MAX_FIELDS);
  g_assert_nonnull (trib_spec_form_get_problem (wide_form));

  /* Too many choices to show: typed, and checked by the platform. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (choices, "%s\"c%u\"", i > 0 ? ", " : "", i);
  g_string_append (choices, "]}}}");
  choices_form = form_of (choices->str);
  field = trib_spec_form_get_field (choices_form, "big");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_STRING);
  g_assert_null (trib_spec_field_get_choices (field));
  g_assert_nonnull (trib_spec_field_get_problem (field));

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (enough, "%s%u", i > 0 ? ", " : "", i);
  g_string_append (enough, "]}}}");
  enough_form = form_of (enough->str);
  field = trib_spec_form_get_field (enough_form, "many");
  g_assert_cmpint (trib_spec_field_get_field_type (field), ==, TRIB_SPEC_FIELD_ENUM);
  g_assert_cmpuint (g_strv_length ((char **) trib_spec_field_get_choices (field)), ==, 500);
  assert_message (enough_form, "many", "499", NULL);
  assert_message (enough_form, "many", "500", "Many must be one of the listed choices");
}

static void
test_auth_choices_hostile (void)
{
  const char *cases[][2] = {
    { "{\"name\": \"x\"}", "0" },
    { "[]", "0" },
    { "[1, null, \"a\", {\"spec\": {}}, {\"name\": 5}, {\"name\": \"\"}]", "0" },
    { "[{\"name\": \"A\"}, {\"name\": \"A\", \"spec\": {\"properties\": {\"x\": {}}}}, {\"name\": \"B\", \"spec\": 7}]", "2" },
  };
  g_autoptr(GListModel) empty = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i][0]);
      g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (NULL, node);

      g_assert_cmpuint (g_list_model_get_n_items (choices), ==, g_ascii_strtoull (cases[i][1], NULL, 10));
    }

  empty = trib_spec_form_new_auth_choices (NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
}

static void
test_messages (void)
{
  g_autoptr(TribSpecForm) form = form_of (
    "{\"properties\": {"
    "\"ratio\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 1.5},"
    "\"count\": {\"type\": \"integer\", \"exclusiveMinimum\": 0},"
    "\"limit\": {\"type\": \"integer\", \"maximum\": 10},"
    "\"anything\": {\"type\": \"number\"},"
    "\"code\": {\"type\": \"string\", \"minLength\": 3, \"maxLength\": 4, \"pattern\": \"^[a-z]+$\"},"
    "\"one\": {\"type\": \"string\", \"minLength\": 1, \"maxLength\": 1},"
    "\"ports\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}},"
    "\"secretWord\": {\"type\": \"string\", \"format\": \"password\", \"pattern\": \"^[0-9]+$\"}"
    "}, \"required\": [\"ratio\"]}");
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(JsonObject) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  assert_message (form, "ratio", "2", "Ratio must be a number between 0 and 1.5");
  assert_message (form, "ratio", "nan", "Ratio must be a number between 0 and 1.5");
  assert_message (form, "ratio", "inf", "Ratio must be a number between 0 and 1.5");
  assert_message (form, "ratio", "1e400", "Ratio must be a number between 0 and 1.5");
  assert_message (form, "ratio", "0.25", NULL);
  assert_message (form, "count", "0", "Count must be a whole number of at least 1");
  assert_message (form, "count", "99999999999999999999", "Count must be a whole number of at least 1");
  trib_spec_form_set_answer (form, "count", NULL);
  assert_message (form, "limit", "11", "Limit must be a whole number of at most 10");
  trib_spec_form_set_answer (form, "limit", NULL);
  assert_message (form, "anything", "abc", "Anything must be a number");
  assert_message (form, "anything", "-1.5e3", NULL);
  assert_message (form, "code", "ab", "Code must be at least 3 characters long");
  assert_message (form, "code", "abcde", "Code must be at most 4 characters long");
  assert_message (form, "code", "ABC", "Code does not have the form this connector expects (^[a-z]+$)");
  assert_message (form, "code", "abc", NULL);
  assert_message (form, "one", "\xc3\xa9\xc3\xa9", "One must be at most 1 character long");
  assert_message (form, "one", "\xff", "One must be text");
  assert_message (form, "one", "\xc3\xa9", NULL);
  assert_message (form, "ports", "22\n\n80\nhttp", "Line 4 of Ports must be a whole number");
  assert_message (form, "ports", "22\r\n\n80\n", NULL);

  /* A message never quotes the answer, which may be a secret. */
  trib_spec_form_set_answer (form, "secretWord", "hunter2-not-digits");
  message = trib_spec_form_check_answer (form, "secretWord");
  g_assert_nonnull (message);
  g_assert_null (strstr (message, "hunter2"));
  g_assert_false (trib_spec_form_validate (form, &error));
  g_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);
  assert_message (form, "secretWord", "12345", NULL);

  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  text = params_text (params);
  g_assert_cmpstr (text, ==,
                   "{\"ratio\":0.25,\"anything\":-1500.0,\"code\":\"abc\",\"one\":\"\xc3\xa9\",\"ports\":[22,80],"
                   "\"secretWord\":\"12345\"}");

  /* Freeing the params overwrites their strings first. */
  held = json_object_ref (params);
  trib_spec_form_free_params (g_steal_pointer (&params));
  g_assert_cmpstr (json_object_get_string_member (held, "secretWord"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (held, "code"), ==, "");

  trib_spec_form_clear_answers (form);
  g_assert_null (trib_spec_form_get_answer (form, "secretWord"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spec-form/humanize", test_humanize);
  g_test_add_func ("/spec-form/s3", test_s3);
  g_test_add_func ("/spec-form/sftp", test_sftp);
  g_test_add_func ("/spec-form/files-source", test_files_source);
  g_test_add_func ("/spec-form/databricks", test_databricks);
  g_test_add_func ("/spec-form/nested", test_nested);
  g_test_add_func ("/spec-form/destinations", test_destinations);
  g_test_add_func ("/spec-form/every-seed", test_every_seed);
  g_test_add_func ("/spec-form/hostile-shapes", test_hostile_shapes);
  g_test_add_func ("/spec-form/hostile-fields", test_hostile_fields);
  g_test_add_func ("/spec-form/deep-and-wide", test_deep_and_wide);
  g_test_add_func ("/spec-form/auth-choices-hostile", test_auth_choices_hostile);
  g_test_add_func ("/spec-form/messages", test_messages);

  return g_test_run ();
}
