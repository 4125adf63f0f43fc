/* sim-data-prep-world.c
 *
 * The mapping sets a sandbox starts with (world/mapping-sets.json): for
 * the demo org, S004's 37409d30… in the sandboxes the demo flows live
 * in, so a flow's Mapping transformation points at a set Data Prep can
 * show, in the versions the flows may name. The file is checked when
 * the simulator starts, the way the rest of the world is; each sandbox
 * gets its sets when it is first used (sim-data-prep.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-data-prep"

#include "config.h"

#include <string.h>

#include "sim-data-prep-private.h"
#include "sim-flow-private.h"

static struct
{
  JsonParser *parser;
  JsonArray *sets;
} world;

static gboolean
invalid (GError     **error,
         const char  *path,
         guint        index,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (GError     **error,
         const char  *path,
         guint        index,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: mappingSets[%u]: %s", path, index, what);

  return FALSE;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
is_hex_id (const char *id)
{
  if (id == NULL || strlen (id) != 32)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

/* What POST /mappingSets checks of a body, bar the schema's paths: those
 * need the sandbox's Schema Registry, and the test reading the demo set
 * posts its versions back to prove them.
 */
static gboolean
check_version (const char  *path,
               guint        index,
               JsonObject  *set,
               JsonObject  *version,
               guint        n,
               GError     **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) output = json_object_new ();
  g_autoptr(JsonObject) ref = json_object_new ();
  g_autoptr(JsonArray) mappings = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  const char *schema_id;
  gboolean legacy;

  if (version == NULL || member_array (version, "mappings") == NULL ||
      json_array_get_length (member_array (version, "mappings")) == 0)
    return invalid (error, path, index, "versions[%u] needs a non-empty mappings array", n);

  json_object_set_string_member (ref, "id", sim_json_get_string (set, "schema"));
  json_object_set_object_member (output, "schemaRef", g_steal_pointer (&ref));
  json_object_set_object_member (body, "outputSchema", g_steal_pointer (&output));
  json_object_set_array_member (body, "mappings", json_array_ref (member_array (version, "mappings")));
  if (!(mappings = data_prep_read_body (body, &schema_id, &legacy, &local_error)))
    return invalid (error, path, index, "versions[%u]: %s", n, local_error->message);

  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonObject *mapping = json_array_get_object_element (mappings, i);
      const char *source_type = sim_json_get_string (mapping, "sourceType");
      const char *source = sim_json_get_string (mapping, "source");
      const char *destination = sim_json_get_string (mapping, "destination");

      if (g_strcmp0 (source_type, "ATTRIBUTE") != 0 && g_strcmp0 (source_type, "EXPRESSION") != 0 &&
          g_strcmp0 (source_type, "STATIC") != 0)
        return invalid (error, path, index, "versions[%u].mappings[%u]: sourceType must be ATTRIBUTE, "
                        "EXPRESSION or STATIC", n, i);
      if (source == NULL || destination == NULL)
        return invalid (error, path, index, "versions[%u].mappings[%u] needs a source and a destination", n, i);
      if (!g_hash_table_add (seen, (gpointer) destination))
        return invalid (error, path, index, "versions[%u].mappings[%u]: %s is mapped twice", n, i, destination);
      if (g_str_equal (source_type, "EXPRESSION") && !data_prep_expression_check (source, NULL, &local_error))
        return invalid (error, path, index, "versions[%u].mappings[%u]: %s", n, i, local_error->message);
    }

  return TRUE;
}

/**
 * data_prep_world_load:
 * @world_dir: the world's folder
 *
 * Reads and checks world/mapping-sets.json, and tells Flow Service the
 * versions its flows may name.
 *
 * Returns: %FALSE with @error set when the file is missing or wrong
 */
gboolean
data_prep_world_load (const char  *world_dir,
                      GError     **error)
{
  g_autofree char *path = g_build_filename (world_dir, "mapping-sets.json", NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *root;

  g_return_val_if_fail (world.parser == NULL, FALSE);

  world.parser = json_parser_new ();
  if (!json_parser_load_from_file (world.parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  root = json_parser_get_root (world.parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(world.sets = member_array (json_node_get_object (root), "mappingSets")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: the object must have a \"mappingSets\" array",
                   path);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (world.sets); i++)
    {
      JsonNode *node = json_array_get_element (world.sets, i);
      JsonObject *set = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *sandboxes = member_array (set, "sandboxes");
      JsonArray *versions = member_array (set, "versions");

      if (set == NULL || !is_hex_id (sim_json_get_string (set, "id")) || sim_json_get_string (set, "org") == NULL ||
          sim_json_get_string (set, "schema") == NULL || sim_json_get_string (set, "name") == NULL ||
          sandboxes == NULL || versions == NULL || json_array_get_length (versions) == 0)
        return invalid (error, path, i, "needs an id of 32 hex digits, org, sandboxes, name, schema and "
                        "a non-empty versions array");
      if (!g_hash_table_add (ids, (gpointer) sim_json_get_string (set, "id")))
        return invalid (error, path, i, "the id %s is used twice", sim_json_get_string (set, "id"));
      for (guint j = 0; j < json_array_get_length (sandboxes); j++)
        if (json_array_get_string_element (sandboxes, j) == NULL)
          return invalid (error, path, i, "sandboxes[%u] must be a string", j);
      for (guint n = 0; n < json_array_get_length (versions); n++)
        {
          JsonNode *version = json_array_get_element (versions, n);

          if (!check_version (path, i, set, JSON_NODE_HOLDS_OBJECT (version) ? json_node_get_object (version) : NULL,
                              n, error))
            return FALSE;
        }
    }

  /* Flow Service takes the versions from here. Without a schema: the
   * demo flows (and the tests') write S004's set into datasets of
   * several schemas, as the seeds do, so 1425-400 is not asked of them.
   */
  for (guint i = 0; i < json_array_get_length (world.sets); i++)
    {
      JsonObject *set = json_array_get_object_element (world.sets, i);
      JsonArray *sandboxes = member_array (set, "sandboxes");
      guint n_versions = json_array_get_length (member_array (set, "versions"));

      for (guint j = 0; j < json_array_get_length (sandboxes); j++)
        for (guint n = 0; n < n_versions; n++)
          sim_flow_register_mapping (sim_json_get_string (set, "org"), json_array_get_string_element (sandboxes, j),
                                     sim_json_get_string (set, "id"), n, NULL);
    }

  return TRUE;
}

/**
 * data_prep_world_sets:
 * @org_id: an org
 * @sandbox: one of its sandboxes
 *
 * Returns: (transfer container): the world's sets (JsonObject, as in the
 *   file) that @sandbox of @org_id starts with
 */
GPtrArray *
data_prep_world_sets (const char *org_id,
                      const char *sandbox)
{
  GPtrArray *sets = g_ptr_array_new ();

  for (guint i = 0; world.sets != NULL && i < json_array_get_length (world.sets); i++)
    {
      JsonObject *set = json_array_get_object_element (world.sets, i);
      JsonArray *sandboxes = member_array (set, "sandboxes");

      if (g_strcmp0 (sim_json_get_string (set, "org"), org_id) != 0)
        continue;
      for (guint j = 0; j < json_array_get_length (sandboxes); j++)
        if (g_strcmp0 (json_array_get_string_element (sandboxes, j), sandbox) == 0)
          {
            g_ptr_array_add (sets, set);
            break;
          }
    }

  return sets;
}
