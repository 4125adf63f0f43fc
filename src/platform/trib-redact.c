/* trib-redact.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-redact"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "trib-redact.h"

/* What the request log keeps must be safe to show, copy and paste into a
 * bug report. Secrets become shell-variable placeholders, so a copied
 * curl command runs once the user exports the real values.
 */

static gboolean
is_secret_key (const char *key)
{
  static const char * const fragments[] = {
    "secret", "password", "token", "passphrase", "privatekey", "private_key",
    "saskey", "sas_key", "connectionstring", "connection_string", "accesskey", "access_key",
  };
  g_autofree char *lower = g_ascii_strdown (key, -1);

  for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
    if (strstr (lower, fragments[i]) != NULL)
      return TRUE;

  return FALSE;
}

static char *
placeholder_for_key (const char *key)
{
  g_autofree char *upper = g_ascii_strup (key, -1);

  for (char *p = upper; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = '_';

  return g_strconcat ("$", upper, NULL);
}

/**
 * trib_redact_header_value:
 * @name: a request header's name
 * @value: its value
 *
 * Returns: (transfer full): @value, or a placeholder if it is a credential
 */
char *
trib_redact_header_value (const char *name,
                          const char *value)
{
  if (g_ascii_strcasecmp (name, "Authorization") == 0)
    return g_strdup ("Bearer $ACCESS_TOKEN");
  if (g_ascii_strcasecmp (name, "x-api-key") == 0)
    return g_strdup ("$API_KEY");
  if (g_ascii_strcasecmp (name, "Cookie") == 0 || is_secret_key (name))
    return placeholder_for_key (name);

  return g_strdup (value);
}

static void
redact_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *iter = members; iter; iter = iter->next)
        {
          const char *key = iter->data;
          JsonNode *child = json_object_get_member (object, key);

          if (is_secret_key (key) && JSON_NODE_HOLDS_VALUE (child))
            {
              g_autofree char *placeholder = placeholder_for_key (key);
              json_object_set_string_member (object, key, placeholder);
            }
          else
            redact_node (child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        redact_node (json_array_get_element (array, i));
    }
}

static char *
redact_form (const char *body,
             gsize       length)
{
  g_autofree char *copy = g_strndup (body, length);
  g_auto(GStrv) pairs = g_strsplit (copy, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      g_autofree char *key = NULL;

      if (equals == NULL)
        continue;

      key = g_uri_unescape_segment (pairs[i], equals, NULL);
      if (key != NULL && is_secret_key (key))
        {
          g_autofree char *placeholder = placeholder_for_key (key);
          char *replaced = g_strconcat (key, "=", placeholder, NULL);

          g_free (pairs[i]);
          pairs[i] = replaced;
        }
    }

  return g_strjoinv ("&", pairs);
}

/**
 * trib_redact_body:
 * @content_type: (nullable): the body's content type
 * @body: (nullable): the body
 * @length: its length in bytes
 *
 * Returns: (transfer full) (nullable): the body with every credential
 *   value replaced by a placeholder; a body that cannot be read is not
 *   kept at all, since it cannot be checked
 */
char *
trib_redact_body (const char *content_type,
                  const char *body,
                  gsize       length)
{
  if (body == NULL || length == 0)
    return NULL;

  if (content_type != NULL && g_str_has_prefix (content_type, "application/x-www-form-urlencoded"))
    return redact_form (body, length);

  if (content_type != NULL && g_str_has_prefix (content_type, "application/json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, body, length, NULL))
        return NULL;

      root = json_parser_get_root (parser);
      redact_node (root);

      return json_to_string (root, TRUE);
    }

  return NULL;
}
