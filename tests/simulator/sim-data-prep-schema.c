/* sim-data-prep-schema.c
 *
 * The target schema as Data Prep sees it: every field path with its
 * type, how source types convert, and building the nested XDM object
 * a row becomes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-data-prep"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sim-data-prep-private.h"

static const char *
type_of_field (JsonObject *field)
{
  const char *type = json_object_get_string_member_with_default (field, "type", "object");
  const char *format = json_object_get_string_member_with_default (field, "format", NULL);

  if (g_strcmp0 (type, "string") == 0 && (g_strcmp0 (format, "date") == 0 || g_strcmp0 (format, "date-time") == 0))
    return format;
  return type;
}

static void
collect_paths (GHashTable *paths,
               const char *prefix,
               JsonObject *properties,
               guint       depth)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  /* Resolved schemas are trees; the bound only guards a hostile one. */
  if (depth > DATA_PREP_MAX_DEPTH)
    return;

  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonObject *field;
      g_autofree char *path = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      field = json_node_get_object (node);
      path = prefix != NULL ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
      g_hash_table_insert (paths, g_strdup (path), g_strdup (type_of_field (field)));
      if (json_object_has_member (field, "properties") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (field, "properties")))
        collect_paths (paths, path, json_object_get_object_member (field, "properties"), depth + 1);
    }
}

/**
 * data_prep_schema_paths:
 * @resolved: a resolved schema
 *
 * Returns: (transfer full): dotted path → type ("string", "integer",
 *   "number", "boolean", "date", "date-time", "object", "array")
 */
GHashTable *
data_prep_schema_paths (JsonObject *resolved)
{
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (json_object_has_member (resolved, "properties") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (resolved, "properties")))
    collect_paths (paths, NULL, json_object_get_object_member (resolved, "properties"), 0);
  return paths;
}

/**
 * data_prep_types_compatible:
 * @source_type: a source column's JSON Schema type
 * @destination_type: a type from data_prep_schema_paths()
 *
 * Data Prep converts at ingestion what it can: anything to a string,
 * numbers to numbers, strings to dates and numbers; never a scalar to an
 * object or array, nor a boolean to a number or date.
 */
gboolean
data_prep_types_compatible (const char *source_type,
                            const char *destination_type)
{
  gboolean source_numeric = g_strcmp0 (source_type, "integer") == 0 || g_strcmp0 (source_type, "number") == 0;
  gboolean destination_numeric = g_strcmp0 (destination_type, "integer") == 0 ||
                                 g_strcmp0 (destination_type, "number") == 0;

  if (source_type == NULL || g_strcmp0 (source_type, destination_type) == 0)
    return TRUE;
  if (g_strcmp0 (destination_type, "object") == 0 || g_strcmp0 (destination_type, "array") == 0 ||
      g_strcmp0 (source_type, "object") == 0 || g_strcmp0 (source_type, "array") == 0)
    return FALSE;
  if (g_strcmp0 (destination_type, "string") == 0)
    return TRUE;
  if (destination_numeric)
    return source_numeric || g_strcmp0 (source_type, "string") == 0;
  if (g_strcmp0 (destination_type, "date") == 0 || g_strcmp0 (destination_type, "date-time") == 0)
    return g_strcmp0 (source_type, "string") == 0 || g_strcmp0 (source_type, "date") == 0 ||
           g_strcmp0 (source_type, "date-time") == 0;
  if (g_strcmp0 (destination_type, "boolean") == 0)
    return g_strcmp0 (source_type, "string") == 0;
  return FALSE;
}

/**
 * data_prep_convert:
 * @value: a mapped value
 * @destination_type: (nullable): the destination's type, %NULL: unknown
 *
 * Returns: (transfer full): @value as the destination type, or %NULL
 *   with @error set
 */
JsonNode *
data_prep_convert (JsonNode   *value,
                   const char *destination_type,
                   GError    **error)
{
  GType type;
  JsonNode *result;

  if (destination_type == NULL || JSON_NODE_HOLDS_NULL (value) || !JSON_NODE_HOLDS_VALUE (value))
    return json_node_copy (value);

  type = json_node_get_value_type (value);
  if (g_str_equal (destination_type, "string") || g_str_equal (destination_type, "date") ||
      g_str_equal (destination_type, "date-time"))
    {
      g_autofree char *text = NULL;

      if (type == G_TYPE_STRING)
        return json_node_copy (value);
      if (type == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      else if (type == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (value) ? "true" : "false");
      else
        text = g_strdup_printf ("%g", json_node_get_double (value));
      result = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (result, text);
      return result;
    }
  if (g_str_equal (destination_type, "integer") || g_str_equal (destination_type, "number"))
    {
      double number;

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        number = type == G_TYPE_INT64 ? (double) json_node_get_int (value) : json_node_get_double (value);
      else if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (value);
          char *end = NULL;

          number = g_ascii_strtod (text, &end);
          if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (number))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "“%s” cannot be converted to %s", text, destination_type);
              return NULL;
            }
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "A boolean cannot be converted to %s", destination_type);
          return NULL;
        }
      result = json_node_new (JSON_NODE_VALUE);
      if (g_str_equal (destination_type, "integer"))
        json_node_set_int (result, (gint64) trunc (number));
      else
        json_node_set_double (result, number);
      return result;
    }
  if (g_str_equal (destination_type, "boolean") && type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (value);

      if (g_ascii_strcasecmp (text, "true") != 0 && g_ascii_strcasecmp (text, "false") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s” cannot be converted to boolean", text);
          return NULL;
        }
      result = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (result, g_ascii_strcasecmp (text, "true") == 0);
      return result;
    }
  return json_node_copy (value);
}

/**
 * data_prep_set_path:
 * @root: the row's XDM object
 * @path: a dotted destination
 * @value: (transfer full): its value
 */
void
data_prep_set_path (JsonObject *root,
                    const char *path,
                    JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", DATA_PREP_MAX_DEPTH);
  JsonObject *object = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *member = json_object_get_member (object, parts[i]);

      if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }
  json_object_set_member (object, parts[n - 1], value);
}
