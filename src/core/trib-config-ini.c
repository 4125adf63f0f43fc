/* trib-config-ini.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-config-ini"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "trib-config-ini.h"
#include "trib-error.h"
#include "trib-ini-reader.h"
#include "trib-json-scan.h"
#include "trib-util.h"

/* Two files people already have for their credentials.
 *
 * The config.ini that Experience League tells data engineers to keep
 * beside their notebooks (seed 000), read with Python's configparser
 * (see trib-ini-reader.c for what that means):
 *
 *   [Credential]
 *   ims_org_id=…
 *   sandbox_name=…
 *   client_id=…
 *   client_secret=…
 *   scopes=…
 *   tech_acct_id=…
 *
 * And the JSON file that aepp writes and reads. The source of truth is
 * aepp itself: adobe/aepp, aepp/configs.py at commit 132f39f7be83,
 * createConfigFile() and importConfigFile(). It writes "org_id",
 * "client_id", "secret", "sandbox-name", "environment", then by
 * authentication type "scopes" (oauthV2, the default), "tech_id" and
 * "pathToKey" (jwt), or "auth_code" (oauthV1). It reads "api_key" in
 * preference to "client_id" (the older name), picks the type from the
 * keys present in that order, defaults the sandbox and environment to
 * "prod", removes the spaces from the scopes, and for an environment
 * other than prod uses https://platform-{environment}.adobe.io and the
 * stage IMS. Only oauthV2 is OAuth Server-to-Server, the one Tributary
 * signs in with.
 */
#define CREDENTIAL_GROUP "Credential"

/* Far above any real one (a few hundred bytes), far below trouble. */
#define MAX_CONFIG_SIZE (1024 * 1024)
#define MAX_JSON_DEPTH 32

#define AEPP_STAGE_IMS_URL "https://ims-na1-stg1.adobelogin.com"

static const char * const required_keys[] = {
  "ims_org_id", "sandbox_name", "client_id", "client_secret", "scopes", "tech_acct_id",
};

typedef struct
{
  char *value[G_N_ELEMENTS (required_keys)];
} CredentialValues;

static void
credential_values_clear (CredentialValues *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (values->value); i++)
    g_clear_pointer (&values->value[i], trib_secret_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CredentialValues, credential_values_clear)

static gboolean
is_placeholder (const char *value)
{
  gsize len = strlen (value);

  /* The documentation's template says <YOUR_CLIENT_ID>; people forget one. */
  return len >= 2 && value[0] == '<' && value[len - 1] == '>';
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
check_size (gsize    length,
            GError **error)
{
  if (length > MAX_CONFIG_SIZE)
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("This file is too large for a configuration file (over 1 MB)."));
      return FALSE;
    }

  return TRUE;
}

static TribProfile *
new_profile (const char *org_id)
{
  TribProfile *profile = trib_profile_new (NULL);
  g_autofree char *name = NULL;

  trib_profile_set_org_id (profile, org_id);
  /* Translators: default profile name: %s is the organization ID */
  name = g_strdup_printf (_("Organization %s"), org_id);
  trib_profile_set_name (profile, name);

  return profile;
}

/**
 * trib_config_ini_parse:
 * @data: the file's contents
 * @length: length of @data, or -1 if nul-terminated
 * @client_secret: (out) (transfer full): the client secret, to go to the keyring
 * @error: a location for a #GError
 *
 * Reads an aepp-style `config.ini` as Python's configparser does.
 * Missing, empty or placeholder keys are all named in one error, so the
 * user can fix the file in one go. No error quotes a value or a line.
 *
 * Returns: (transfer full) (nullable): a new profile without the secret
 */
TribProfile *
trib_config_ini_parse (const char  *data,
                       gssize       length,
                       char       **client_secret,
                       GError     **error)
{
  g_autoptr(TribIniReader) reader = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) placeholders = g_ptr_array_new ();
  g_autoptr(GPtrArray) multiline = g_ptr_array_new ();
  g_autoptr(TribProfile) profile = NULL;
  g_auto(CredentialValues) values = { { NULL } };
  g_autofree char *joined = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  *client_secret = NULL;

  if (length < 0)
    length = strlen (data);

  if (!check_size (length, error) ||
      !(reader = trib_ini_reader_new (data, length, error)))
    return NULL;

  if (!trib_ini_reader_has_section (reader, CREDENTIAL_GROUP))
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("The file has no [Credential] section."));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_keys); i++)
    {
      const char *key = required_keys[i];
      char *value = NULL;

      if (!trib_ini_reader_get (reader, CREDENTIAL_GROUP, key, &value, NULL, error))
        return NULL;

      /* configparser strips values already; an empty one is as good as none. */
      if (value == NULL || value[0] == '\0')
        g_ptr_array_add (missing, (gpointer) key);
      else if (is_placeholder (value))
        g_ptr_array_add (placeholders, (gpointer) key);
      else if (strchr (value, '\n') != NULL)
        g_ptr_array_add (multiline, (gpointer) key);

      values.value[i] = value;
    }

  if (missing->len > 0)
    {
      joined = join_names (missing);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                   _("The [Credential] section lacks these keys: %s"), joined);
      return NULL;
    }

  if (placeholders->len > 0)
    {
      joined = join_names (placeholders);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                   _("These keys still hold the template’s placeholder: %s"), joined);
      return NULL;
    }

  /* Indented lines continue a value: fine for configparser, not for a header. */
  if (multiline->len > 0)
    {
      joined = join_names (multiline);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                   _("These keys run over several lines, which no credential does: %s"), joined);
      return NULL;
    }

  profile = new_profile (values.value[0]);
  trib_profile_set_default_sandbox (profile, values.value[1]);
  trib_profile_set_client_id (profile, values.value[2]);
  trib_profile_set_scopes (profile, values.value[4]);
  trib_profile_set_technical_account_id (profile, values.value[5]);

  *client_secret = g_steal_pointer (&values.value[3]);

  return g_steal_pointer (&profile);
}

/* What json-glib must not be given (trib-json-scan.c), and what Python's
 * json, strict as aepp reads it, refuses and json-glib takes: control
 * characters inside strings, comments, single quotes. Two things Python
 * takes are refused too: a lone surrogate, which would make a secret or
 * an ID that no request can carry, and a key given twice, of which
 * Python keeps the last one silently.
 */
static gboolean
json_prescan (const char  *data,
              gsize        length,
              GError     **error)
{
  gsize offset = 0;

  switch (trib_json_scan (data, length, MAX_JSON_DEPTH, &offset, NULL))
    {
    case TRIB_JSON_SCAN_OK:
      return TRUE;

    case TRIB_JSON_SCAN_TOO_DEEP:
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("This is not an aepp configuration file: its JSON nests too deep."));
      return FALSE;

    case TRIB_JSON_SCAN_LONE_SURROGATE:
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %u is a line number; \\u is written as is */
                   _("Line %u of the aepp configuration has a \\u escape of half a character, "
                     "which no credential holds."),
                   trib_json_line_at (data, length, offset));
      return FALSE;

    case TRIB_JSON_SCAN_DUPLICATE_KEY:
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %u is a line number */
                   _("Line %u of the aepp configuration gives a key a second time."),
                   trib_json_line_at (data, length, offset));
      return FALSE;

    case TRIB_JSON_SCAN_UNEXPECTED:
    case TRIB_JSON_SCAN_INVALID_STRING:
    default:
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("This is not an aepp configuration file: line %u is not valid JSON."),
                   trib_json_line_at (data, length, offset));
      return FALSE;
    }
}

/* Only the position of json-glib's message: the rest may quote the file. */
static void
set_json_syntax_error (GError  **error,
                       GError   *parse_error)
{
  guint line = 0;

  if (parse_error != NULL && sscanf (parse_error->message, "<data>:%u:", &line) == 1 && line > 0)
    g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                 _("This is not an aepp configuration file: line %u is not valid JSON."), line);
  else
    g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                 _("This is not an aepp configuration file: it is not valid JSON."));
}

static const char *
json_get_string (JsonObject *object,
                 const char *key,
                 GPtrArray  *not_text)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_ptr_array_add (not_text, (gpointer) key);
      return NULL;
    }

  return json_node_get_string (node);
}

static void
check_json_value (const char *key,
                  const char *value,
                  gboolean    required,
                  GPtrArray  *missing,
                  GPtrArray  *placeholders,
                  GPtrArray  *multiline)
{
  if (value == NULL || value[0] == '\0')
    {
      if (required)
        g_ptr_array_add (missing, (gpointer) key);
    }
  else if (is_placeholder (value))
    g_ptr_array_add (placeholders, (gpointer) key);
  else if (strchr (value, '\n') != NULL)
    g_ptr_array_add (multiline, (gpointer) key);
}

static gboolean
is_environment_name (const char *name)
{
  if (name[0] == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/**
 * trib_config_ini_parse_aepp_json:
 * @data: the file's contents
 * @length: length of @data, or -1 if nul-terminated
 * @client_secret: (out) (transfer full): the client secret, to go to the keyring
 * @error: a location for a #GError
 *
 * Reads the JSON configuration file of aepp (`aepp.createConfigFile()`,
 * `aepp.importConfigFile()`), as aepp does. An OAuth Server-to-Server
 * file has no technical account ID: the profile is left without one.
 *
 * Returns: (transfer full) (nullable): a new profile without the secret
 */
TribProfile *
trib_config_ini_parse_aepp_json (const char  *data,
                                 gssize       length,
                                 char       **client_secret,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) not_text = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) placeholders = g_ptr_array_new ();
  g_autoptr(GPtrArray) multiline = g_ptr_array_new ();
  g_autoptr(TribProfile) profile = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *scopes = NULL;
  JsonObject *object;
  const char *client_id_key;
  const char *org_id;
  const char *client_id;
  const char *secret;
  const char *scopes_value;
  const char *tech_id;
  const char *sandbox;
  const char *environment;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  *client_secret = NULL;

  if (length < 0)
    length = strlen (data);

  if (!check_size (length, error))
    return NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      set_json_syntax_error (error, NULL);
      return NULL;
    }

  if (!json_prescan (data, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_json_syntax_error (error, parse_error);
      return NULL;
    }

  /* Blanks alone are a document without a root for json-glib. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("This is not an aepp configuration file: its JSON is not an object."));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  /* importConfigFile()'s order of detection. */
  if (!json_object_has_member (object, "scopes"))
    {
      if (json_object_has_member (object, "tech_id") && json_object_has_member (object, "pathToKey"))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       _("This aepp configuration is for a JWT credential, which Adobe has retired. "
                         "Tributary signs in with an OAuth Server-to-Server credential: its client ID, "
                         "secret and scopes."));
          return NULL;
        }
      if (json_object_has_member (object, "auth_code"))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       _("This aepp configuration is for an authorization code (OAuth V1), which only "
                         "Adobe’s own services use. Tributary signs in with an OAuth Server-to-Server "
                         "credential: its client ID, secret and scopes."));
          return NULL;
        }
    }

  client_id_key = json_object_has_member (object, "api_key") ? "api_key" : "client_id";
  org_id = json_get_string (object, "org_id", not_text);
  client_id = json_get_string (object, client_id_key, not_text);
  secret = json_get_string (object, "secret", not_text);
  scopes_value = json_get_string (object, "scopes", not_text);
  tech_id = json_get_string (object, "tech_id", not_text);
  sandbox = json_get_string (object, "sandbox-name", not_text);
  environment = json_get_string (object, "environment", not_text);

  if (not_text->len > 0)
    {
      joined = join_names (not_text);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as org_id, secret */
                   _("These keys of the aepp configuration do not hold text: %s"), joined);
      return NULL;
    }

  /* configure() refuses empty values as it does missing ones; the
   * technical account is optional here, the form asks for it.
   */
  check_json_value ("org_id", org_id, TRUE, missing, placeholders, multiline);
  check_json_value (client_id_key, client_id, TRUE, missing, placeholders, multiline);
  check_json_value ("secret", secret, TRUE, missing, placeholders, multiline);
  check_json_value ("scopes", scopes_value, TRUE, missing, placeholders, multiline);
  check_json_value ("tech_id", tech_id, FALSE, missing, placeholders, multiline);

  if (missing->len > 0)
    {
      joined = join_names (missing);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as org_id, secret */
                   _("The aepp configuration lacks these keys: %s"), joined);
      return NULL;
    }

  if (placeholders->len > 0)
    {
      joined = join_names (placeholders);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                   _("These keys still hold the template’s placeholder: %s"), joined);
      return NULL;
    }

  if (multiline->len > 0)
    {
      joined = join_names (multiline);
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                   _("These keys run over several lines, which no credential does: %s"), joined);
      return NULL;
    }

  if (environment != NULL && !g_str_equal (environment, "prod") && !is_environment_name (environment))
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("The environment of the aepp configuration is neither prod nor a name such as stage."));
      return NULL;
    }

  profile = new_profile (org_id);
  trib_profile_set_client_id (profile, client_id);
  trib_profile_set_technical_account_id (profile, tech_id);
  if (sandbox == NULL || sandbox[0] == '\0')
    sandbox = TRIB_DEFAULT_SANDBOX;
  trib_profile_set_default_sandbox (profile, sandbox);

  /* aepp: provided_config["scopes"].replace(' ', '') */
  scopes = g_new (char, strlen (scopes_value) + 1);
  {
    char *out = scopes;

    for (const char *p = scopes_value; *p != '\0'; p++)
      if (*p != ' ')
        *out++ = *p;
    *out = '\0';
  }
  trib_profile_set_scopes (profile, scopes);

  if (environment != NULL && !g_str_equal (environment, "prod"))
    {
      g_autofree char *platform_url = g_strdup_printf ("https://platform-%s.adobe.io", environment);

      trib_profile_set_platform_url (profile, platform_url);
      trib_profile_set_ims_url (profile, AEPP_STAGE_IMS_URL);
    }

  *client_secret = g_strdup (secret);
  /* The parser's copy goes with it; wipe it first. */
  explicit_bzero ((char *) secret, strlen (secret));

  return g_steal_pointer (&profile);
}

/**
 * trib_config_ini_parse_any:
 * @data: the file's contents
 * @length: length of @data, or -1 if nul-terminated
 * @client_secret: (out) (transfer full): the client secret, to go to the keyring
 * @error: a location for a #GError
 *
 * Reads either a `config.ini` or an aepp JSON configuration file, told
 * apart by their contents rather than by the file's name: a JSON file
 * starts with `{`, which no configparser file can.
 *
 * Returns: (transfer full) (nullable): a new profile without the secret
 */
TribProfile *
trib_config_ini_parse_any (const char  *data,
                           gssize       length,
                           char       **client_secret,
                           GError     **error)
{
  gsize start = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < (gsize) length && g_ascii_isspace (data[start]))
    start++;

  if (start < (gsize) length && data[start] == '{')
    return trib_config_ini_parse_aepp_json (data, length, client_secret, error);

  return trib_config_ini_parse (data, length, client_secret, error);
}

typedef struct
{
  GInputStream *stream;
  char *buffer;          /* MAX_CONFIG_SIZE + 1 bytes, to notice a larger file */
} ReadState;

static void
read_state_free (ReadState *state)
{
  g_clear_object (&state->stream);
  if (state->buffer != NULL)
    {
      /* The secret was in this buffer too. */
      explicit_bzero (state->buffer, MAX_CONFIG_SIZE + 1);
      g_free (state->buffer);
    }
  g_free (state);
}

typedef struct
{
  TribProfile *profile;
  char *client_secret;
} ParsedConfig;

static void
parsed_config_free (gpointer data)
{
  ParsedConfig *parsed = data;

  g_clear_object (&parsed->profile);
  g_clear_pointer (&parsed->client_secret, trib_secret_free);
  g_free (parsed);
}

static void
trib_config_ini_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ReadState *state = g_task_get_task_data (task);
  gsize length = 0;
  ParsedConfig *parsed;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!check_size (length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  parsed = g_new0 (ParsedConfig, 1);
  parsed->profile = trib_config_ini_parse_any (state->buffer, length, &parsed->client_secret, &error);
  if (parsed->profile == NULL)
    {
      parsed_config_free (parsed);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, parsed, parsed_config_free);
}

static void
trib_config_ini_open_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ReadState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (!(state->stream = G_INPUT_STREAM (g_file_read_finish (G_FILE (object), result, &error))))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One byte more than allowed tells a file that is too large. */
  state->buffer = g_malloc (MAX_CONFIG_SIZE + 1);
  g_input_stream_read_all_async (state->stream, state->buffer, MAX_CONFIG_SIZE + 1,
                                 G_PRIORITY_DEFAULT, cancellable, trib_config_ini_read_cb,
                                 g_steal_pointer (&task));
}

/**
 * trib_config_ini_read_async:
 * @file: a config.ini or an aepp JSON configuration file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been read and parsed
 * @user_data: data for @callback
 *
 * Reads and parses @file without blocking the caller's thread, as
 * trib_config_ini_parse_any() does.
 */
void
trib_config_ini_read_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_config_ini_read_async);
  g_task_set_task_data (task, g_new0 (ReadState, 1), (GDestroyNotify) read_state_free);

  g_file_read_async (file, G_PRIORITY_DEFAULT, cancellable, trib_config_ini_open_cb, g_steal_pointer (&task));
}

/**
 * trib_config_ini_read_finish:
 * @result: the #GAsyncResult
 * @client_secret: (out) (transfer full): the client secret
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the profile the file describes
 */
TribProfile *
trib_config_ini_read_finish (GAsyncResult  *result,
                             char         **client_secret,
                             GError       **error)
{
  ParsedConfig *parsed;
  TribProfile *profile;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  *client_secret = NULL;

  if (!(parsed = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  profile = g_steal_pointer (&parsed->profile);
  *client_secret = g_steal_pointer (&parsed->client_secret);
  parsed_config_free (parsed);

  return profile;
}
