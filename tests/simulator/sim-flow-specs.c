/* sim-flow-specs.c
 *
 * Flow Service: the flow specs of world/flow-specs.json
 * (`GET /flowSpecs[?property=…]`, `GET /flowSpecs/{id}`), and the
 * checks of a flow's `scheduleParams` against a spec's `scheduleSpec`.
 *
 * The schedule check reads what the schema declares (the frequency
 * enum, the required members) and applies its conditions as API-NOTES
 * §A7 gives them: `once` takes neither interval nor backfill, others
 * need an interval, of 15 at least for `minute`, 1 for the rest. It is
 * no general JSON Schema validator: the specs' if/then/else are fixed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-specs"

#include "config.h"

#include <string.h>

#include "sim-flow-private.h"

static struct
{
  JsonParser *parser;
  JsonArray *specs;
  GHashTable *by_id;    /* id → JsonObject */
} flow_specs;

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
flow_specs_load (const char  *world_dir,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (world_dir, "flow-specs.json", NULL);
  JsonNode *root;

  flow_specs.parser = json_parser_new ();
  flow_specs.by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!json_parser_load_from_file (flow_specs.parser, path, error))
    return FALSE;
  root = json_parser_get_root (flow_specs.parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(flow_specs.specs = member_array (json_node_get_object (root), "flowSpecs")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the file must hold an object with a \"flowSpecs\" array", path);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (flow_specs.specs); i++)
    {
      JsonNode *node = json_array_get_element (flow_specs.specs, i);
      JsonObject *spec = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *schedule = member_object (member_object (spec, "scheduleSpec"), "spec");
      JsonObject *frequency = member_object (member_object (schedule, "properties"), "frequency");
      /* An export's schedule has a time unit instead of a frequency. */
      gboolean export = g_strcmp0 (sim_json_get_string (member_object (spec, "scheduleSpec"), "name"),
                                   EXPORT_SCHEDULE_SPEC) == 0;

      if (export)
        frequency = member_object (member_object (schedule, "properties"), "timeUnit");
      if (spec == NULL || sim_json_get_string (spec, "id") == NULL || sim_json_get_string (spec, "name") == NULL ||
          !member_array (spec, "sourceConnectionSpecIds") || !member_array (spec, "targetConnectionSpecIds") ||
          !member_array (spec, "transformationSpecs") || !member_array (frequency, "enum") ||
          !member_array (schedule, "required"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: flowSpecs[%u] needs id, name, sourceConnectionSpecIds, targetConnectionSpecIds, "
                       "transformationSpecs and a scheduleSpec with a frequency enum and required members",
                       path, i);
          return FALSE;
        }
      g_hash_table_insert (flow_specs.by_id, (gpointer) sim_json_get_string (spec, "id"), spec);
    }

  return TRUE;
}

JsonObject *
flow_specs_lookup (const char *id)
{
  return id != NULL ? g_hash_table_lookup (flow_specs.by_id, id) : NULL;
}

/* The docs send `"interval": "30"` and `"startTime": "1567411548"`
 * (S004 and the current OData page), so digits in a string pass where
 * @string_too says the spec's own examples do that.
 */
gboolean
flow_get_integer (JsonNode *node,
                  gboolean  string_too,
                  gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (string_too && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10, 0, G_MAXINT64, value, NULL);

  return FALSE;
}

static gboolean
in_array (JsonArray  *array,
          const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (array, i)), value) == 0)
      return TRUE;

  return FALSE;
}

/**
 * flow_check_schedule:
 * @flow_spec: a flow spec
 * @params: (nullable): the flow's `scheduleParams`
 *
 * Returns: (nullable): what is wrong, for the error's message; %NULL
 *   if @params fits the spec's `scheduleSpec`
 */
char *
flow_check_schedule (JsonObject *flow_spec,
                     JsonNode   *params)
{
  JsonObject *schedule = member_object (member_object (flow_spec, "scheduleSpec"), "spec");
  JsonObject *properties = member_object (schedule, "properties");
  JsonArray *frequencies = member_array (member_object (properties, "frequency"), "enum");
  JsonArray *required = member_array (schedule, "required");
  JsonObject *object;
  const char *frequency;
  gint64 value;

  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    return g_strdup ("scheduleParams is required: an object with startTime and frequency.");
  object = json_node_get_object (params);

  if (g_strcmp0 (sim_json_get_string (member_object (flow_spec, "scheduleSpec"), "name"), EXPORT_SCHEDULE_SPEC) == 0)
    return dataset_export_check_schedule (object);

  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);

      if (!json_object_has_member (object, name))
        return g_strdup_printf ("scheduleParams.%s is required.", name);
    }

  frequency = sim_json_get_string (object, "frequency");
  if (!in_array (frequencies, frequency))
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (frequencies); i++)
        g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", json_array_get_string_element (frequencies, i));
      return g_strdup_printf ("scheduleParams.frequency must be one of %s.", allowed->str);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "startTime" : "endTime";

      if (json_object_has_member (object, name) &&
          !flow_get_integer (json_object_get_member (object, name), TRUE, &value))
        return g_strdup_printf ("scheduleParams.%s must be an epoch time in seconds.", name);
    }

  if (g_str_equal (frequency, "once"))
    {
      if (json_object_has_member (object, "interval") || json_object_has_member (object, "backfill"))
        return g_strdup ("A schedule of frequency once takes neither interval nor backfill.");
      return NULL;
    }

  if (!json_object_has_member (object, "interval"))
    return g_strdup_printf ("scheduleParams.interval is required with frequency %s.", frequency);
  if (!flow_get_integer (json_object_get_member (object, "interval"), TRUE, &value))
    return g_strdup ("scheduleParams.interval must be a whole number.");
  if (value < (g_str_equal (frequency, "minute") ? 15 : 1))
    return g_strdup_printf ("scheduleParams.interval must be at least %d with frequency %s.",
                            g_str_equal (frequency, "minute") ? 15 : 1, frequency);
  if (json_object_has_member (object, "backfill") &&
      (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "backfill")) ||
       json_node_get_value_type (json_object_get_member (object, "backfill")) != G_TYPE_BOOLEAN))
    return g_strdup ("scheduleParams.backfill must be true or false.");

  return NULL;
}

static void
list_flow_specs_cb (SimRequest *request)
{
  flow_reply_items (request, flow_specs.specs);
}

static void
get_flow_spec_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  JsonObject *spec = flow_specs_lookup (id);
  g_autoptr(GPtrArray) specs = g_ptr_array_new ();

  if (spec == NULL)
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "The requested resource is not found. Error from flow provider: "
                                    "Flow spec with id '%s' does not exist.", id);
      return;
    }

  g_ptr_array_add (specs, spec);
  flow_reply_item_list (request, specs);
}

void
flow_add_spec_routes (SimServer *server)
{
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/flowSpecs", SIM_ROUTE_DEFAULT, list_flow_specs_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/flowSpecs/{id}", SIM_ROUTE_DEFAULT, get_flow_spec_cb);
}
