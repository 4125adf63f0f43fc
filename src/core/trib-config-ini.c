/* trib-config-ini.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-config-ini"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-config-ini.h"
#include "trib-error.h"
#include "trib-util.h"

/* The aepp-style credentials file that Experience League tells data
 * engineers to keep beside their notebooks (seed 000):
 *
 *   [Credential]
 *   ims_org_id=…
 *   sandbox_name=…
 *   client_id=…
 *   client_secret=…
 *   scopes=…
 *   tech_acct_id=…
 */
#define CREDENTIAL_GROUP "Credential"

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

/**
 * trib_config_ini_parse:
 * @data: the file's contents
 * @length: length of @data, or -1 if nul-terminated
 * @client_secret: (out) (transfer full): the client secret, to go to the keyring
 * @error: a location for a #GError
 *
 * Reads an aepp-style `config.ini`. Missing, empty or placeholder keys
 * are all named in one error, so the user can fix the file in one go.
 *
 * Returns: (transfer full) (nullable): a new profile without the secret
 */
TribProfile *
trib_config_ini_parse (const char  *data,
                       gssize       length,
                       char       **client_secret,
                       GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) placeholders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TribProfile) profile = NULL;
  g_auto(CredentialValues) values = { { NULL } };
  g_autofree char *name = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  *client_secret = NULL;

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is the parser's explanation */
                   _("This is not a valid config.ini file: %s"), local_error->message);
      return NULL;
    }

  if (!g_key_file_has_group (key_file, CREDENTIAL_GROUP))
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   _("The file has no [Credential] section."));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_keys); i++)
    {
      g_autofree char *value = g_key_file_get_string (key_file, CREDENTIAL_GROUP, required_keys[i], NULL);

      if (value != NULL)
        g_strstrip (value);

      if (value == NULL || value[0] == '\0')
        g_ptr_array_add (missing, g_strdup (required_keys[i]));
      else if (is_placeholder (value))
        g_ptr_array_add (placeholders, g_strdup (required_keys[i]));

      values.value[i] = g_steal_pointer (&value);
    }

  if (missing->len > 0 || placeholders->len > 0)
    {
      GPtrArray *names = missing->len > 0 ? missing : placeholders;
      g_autofree char *joined = NULL;

      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);

      if (names == missing)
        g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                     /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                     _("The [Credential] section lacks these keys: %s"), joined);
      else
        g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                     /* Translators: %s is a list of keys such as client_id, tech_acct_id */
                     _("These keys still hold the template’s placeholder: %s"), joined);

      return NULL;
    }

  profile = trib_profile_new (NULL);
  trib_profile_set_org_id (profile, values.value[0]);
  trib_profile_set_default_sandbox (profile, values.value[1]);
  trib_profile_set_client_id (profile, values.value[2]);
  trib_profile_set_scopes (profile, values.value[4]);
  trib_profile_set_technical_account_id (profile, values.value[5]);

  /* Translators: default profile name: %s is the organization ID */
  name = g_strdup_printf (_("Organization %s"), values.value[0]);
  trib_profile_set_name (profile, name);

  *client_secret = g_steal_pointer (&values.value[3]);

  return g_steal_pointer (&profile);
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
  g_autofree char *contents = NULL;
  gsize length = 0;
  ParsedConfig *parsed;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  parsed = g_new0 (ParsedConfig, 1);
  parsed->profile = trib_config_ini_parse (contents, length, &parsed->client_secret, &error);

  /* The secret was in this buffer too. */
  explicit_bzero (contents, length);

  if (parsed->profile == NULL)
    {
      parsed_config_free (parsed);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, parsed, parsed_config_free);
}

/**
 * trib_config_ini_read_async:
 * @file: a config.ini file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been read and parsed
 * @user_data: data for @callback
 *
 * Reads and parses @file without blocking the caller's thread.
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

  g_file_load_contents_async (file, cancellable, trib_config_ini_read_cb, g_steal_pointer (&task));
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
