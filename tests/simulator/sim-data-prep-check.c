/* sim-data-prep-check.c
 *
 * POST /mappingSets/validate and /mappingSets/preview. Validation
 * checks each mapping against the target schema's resolved paths and
 * types, and — when the body carries the source's description as
 * data-prep.yaml's `inputSchema.jsonSchema` — against the source
 * columns and their types. Preview applies the mappings to sample rows;
 * a failing expression is an error of its row, not of the request.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-data-prep"

#include "config.h"

#include "sim-data-prep-private.h"

/* Preview is for a handful of sample rows. */
#define MAX_PREVIEW_ROWS 100

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Source column → JSON Schema type (NULL when untyped). */
static GHashTable *
source_columns (JsonObject *body)
{
  JsonObject *properties = object_member (object_member (object_member (body, "inputSchema"), "jsonSchema"),
                                          "properties");
  GHashTable *columns;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (properties == NULL)
    return NULL;
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonObject *column = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = column != NULL ? json_object_get_string_member_with_default (column, "type", NULL) : NULL;

      g_hash_table_insert (columns, g_strdup (name), g_strdup (type));
    }
  return columns;
}

static void
add_error (JsonArray  *errors,
           JsonObject *mapping,
           const char *column,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
add_error (JsonArray  *errors,
           JsonObject *mapping,
           const char *column,
           const char *format,
           ...)
{
  JsonObject *error = json_object_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (error, "source", json_object_get_string_member_with_default (mapping, "source", NULL));
  json_object_set_string_member (error, "destination",
                                 json_object_get_string_member_with_default (mapping, "destination", NULL));
  json_object_set_string_member (error, "columnName", column);
  json_object_set_string_member (error, "exception", message);
  json_array_add_object_element (errors, error);
}

/* Reads the mapping set a request carries; NULL after replying. */
static JsonArray *
read_set (SimRequest  *request,
          JsonObject  *set,
          GHashTable **paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) resolved = NULL;
  const char *schema_id;
  gboolean legacy;
  JsonArray *mappings;

  if (!(mappings = data_prep_read_body (set, &schema_id, &legacy, &error)))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request", "%s", error->message);
      return NULL;
    }
  resolved = sim_schema_registry_dup_resolved (request->server, request->client, request->sandbox, schema_id);
  if (resolved == NULL)
    {
      sim_request_reply_problem (request, 400, "DPS-4001-400", "Unknown schema",
                                 "No schema %s in sandbox %s.", schema_id, request->sandbox);
      json_array_unref (mappings);
      return NULL;
    }
  *paths = data_prep_schema_paths (resolved);
  return mappings;
}

static JsonObject *
body_object (SimRequest *request)
{
  if (!sim_request_parse_body (request))
    return NULL;
  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request",
                                 "The body must be a JSON object.");
      return NULL;
    }
  return json_node_get_object (request->body);
}

static void
check_mapping (JsonObject *mapping,
               GHashTable *paths,
               GHashTable *columns,
               GHashTable *seen,
               JsonArray  *errors)
{
  const char *source_type = json_object_get_string_member_with_default (mapping, "sourceType", NULL);
  const char *source = json_object_get_string_member_with_default (mapping, "source", NULL);
  const char *destination = json_object_get_string_member_with_default (mapping, "destination", NULL);
  const char *destination_type = destination != NULL ? g_hash_table_lookup (paths, destination) : NULL;
  g_autoptr(GError) error = NULL;

  if (source == NULL || destination == NULL)
    {
      add_error (errors, mapping, NULL, "A mapping needs a source and a destination");
      return;
    }
  if (destination_type == NULL)
    add_error (errors, mapping, NULL, "Destination %s is not a path of the target schema", destination);
  else if (!g_hash_table_add (seen, (gpointer) destination))
    add_error (errors, mapping, NULL, "Destination %s is mapped more than once", destination);

  if (g_strcmp0 (source_type, "ATTRIBUTE") == 0)
    {
      if (columns != NULL && !g_hash_table_contains (columns, source))
        add_error (errors, mapping, source, "Source column %s does not exist", source);
      else if (columns != NULL && destination_type != NULL &&
               !data_prep_types_compatible (g_hash_table_lookup (columns, source), destination_type))
        add_error (errors, mapping, source, "Type mismatch: source %s is %s, destination %s is %s",
                   source, (const char *) g_hash_table_lookup (columns, source), destination, destination_type);
    }
  else if (g_strcmp0 (source_type, "EXPRESSION") == 0)
    {
      g_autoptr(GPtrArray) names = NULL;

      if (columns != NULL)
        {
          GHashTableIter iter;
          gpointer name;

          names = g_ptr_array_new ();
          g_hash_table_iter_init (&iter, columns);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            g_ptr_array_add (names, name);
        }

      if (!data_prep_expression_check (source, names, &error))
        add_error (errors, mapping, NULL, "Invalid expression: %s", error->message);
    }
  else if (g_strcmp0 (source_type, "STATIC") == 0)
    {
      g_autoptr(JsonNode) literal = json_node_new (JSON_NODE_VALUE);
      g_autoptr(JsonNode) converted = NULL;

      json_node_set_string (literal, source);
      if (destination_type != NULL && !(converted = data_prep_convert (literal, destination_type, &error)))
        add_error (errors, mapping, NULL, "Type mismatch: %s", error->message);
    }
  else
    add_error (errors, mapping, NULL, "sourceType must be ATTRIBUTE, EXPRESSION or STATIC");
}

void
data_prep_validate_cb (SimRequest *request)
{
  JsonObject *body = body_object (request);
  g_autoptr(JsonArray) mappings = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) reply = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonArray *responses;

  if (body == NULL || !(mappings = read_set (request, body, &paths)))
    return;
  columns = source_columns (body);

  responses = json_array_new ();
  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonObject *entry = json_object_new ();
      JsonArray *errors = json_array_new ();

      check_mapping (json_array_get_object_element (mappings, i), paths, columns, seen, errors);
      json_object_set_string_member (entry, "status", json_array_get_length (errors) == 0 ? "SUCCESS" : "FAILED");
      if (json_array_get_length (errors) == 0)
        {
          json_object_set_null_member (entry, "errors");
          json_array_unref (errors);
        }
      else
        json_object_set_array_member (entry, "errors", errors);
      json_array_add_object_element (responses, entry);
    }
  json_object_set_array_member (reply, "validationResponse", responses);
  json_node_set_object (node, reply);
  sim_request_reply_json (request, 200, node);
}

static JsonObject *
preview_row (JsonObject *row,
             JsonArray  *mappings,
             GHashTable *paths,
             JsonArray  *errors)
{
  JsonObject *data = json_object_new ();

  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonObject *mapping = json_array_get_object_element (mappings, i);
      const char *source_type = json_object_get_string_member_with_default (mapping, "sourceType", "");
      const char *source = json_object_get_string_member_with_default (mapping, "source", NULL);
      const char *destination = json_object_get_string_member_with_default (mapping, "destination", NULL);
      const char *destination_type = destination != NULL ? g_hash_table_lookup (paths, destination) : NULL;
      g_autoptr(JsonNode) value = NULL;
      g_autoptr(GError) error = NULL;
      JsonNode *converted;

      if (source == NULL || destination == NULL)
        continue;
      if (destination_type == NULL)
        {
          add_error (errors, mapping, NULL, "Destination %s is not a path of the target schema", destination);
          continue;
        }
      if (g_str_equal (source_type, "ATTRIBUTE"))
        value = json_object_has_member (row, source) ? json_node_copy (json_object_get_member (row, source)) : NULL;
      else if (g_str_equal (source_type, "STATIC"))
        {
          value = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (value, source);
        }
      else if (g_str_equal (source_type, "EXPRESSION"))
        value = data_prep_expression_eval (source, row, &error);
      else
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "sourceType must be ATTRIBUTE, EXPRESSION or STATIC");

      if (error != NULL)
        {
          add_error (errors, mapping, NULL, "%s", error->message);
          continue;
        }
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!(converted = data_prep_convert (value, destination_type, &error)))
        add_error (errors, mapping, NULL, "%s", error->message);
      else
        data_prep_set_path (data, destination, converted);
    }
  return data;
}

void
data_prep_preview_cb (SimRequest *request)
{
  JsonObject *body = body_object (request);
  JsonObject *set = object_member (body, "mappingSet");
  JsonNode *rows_node = body != NULL ? json_object_get_member (body, "data") : NULL;
  g_autoptr(JsonArray) mappings = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *rows;
  JsonArray *reply;

  if (body == NULL)
    return;
  if (set == NULL || rows_node == NULL || !JSON_NODE_HOLDS_ARRAY (rows_node))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request",
                                 "Preview needs a data array of rows and a mappingSet.");
      return;
    }
  rows = json_node_get_array (rows_node);
  if (json_array_get_length (rows) > MAX_PREVIEW_ROWS)
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request",
                                 "Preview takes at most %d rows.", MAX_PREVIEW_ROWS);
      return;
    }
  if (!(mappings = read_set (request, set, &paths)))
    return;

  reply = json_array_new ();
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      JsonObject *entry = json_object_new ();
      JsonArray *errors = json_array_new ();
      g_autoptr(JsonObject) empty = json_object_new ();

      json_object_set_object_member (entry, "data",
                                     preview_row (JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : empty,
                                                  mappings, paths, errors));
      if (json_array_get_length (errors) == 0)
        {
          json_object_set_null_member (entry, "errors");
          json_array_unref (errors);
        }
      else
        json_object_set_array_member (entry, "errors", errors);
      json_array_add_object_element (reply, entry);
    }
  json_node_take_array (node, reply);
  sim_request_reply_json (request, 200, node);
}
