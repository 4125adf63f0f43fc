/* sim-flow-flow-edit.c
 *
 * Changing a flow (API-NOTES §A8): `POST /flows/{id}/action?op=enable|
 * disable` (no body; `ENABLE`/`DISABLE` accepted too, as flow-service.yaml
 * spells them, and its `subOp` ignored) answers `{id, etag}`; `PATCH
 * /flows/{id}` takes a JSON Patch of `replace` operations on `/name`,
 * `/description`, `/scheduleParams` or one of its members, and
 * `/transformations/N/params/mappingVersion` (or `mappingId`), with
 * `If-Match` (missing `1403-400`, stale `1404-412`). The result is
 * checked as `POST /flows` checks a new flow: the schedule against the
 * flow spec (`1100-400`), the mapping version's type and existence
 * (`1412-400`, `1419-400`). A `once` flow cannot be rescheduled or
 * re-mapped (the UI guide says so; the code `1422-400` is **[UNV]**).
 * Edits apply to future runs only: the next run is recomputed, past
 * runs stay as they were.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-flows"

#include "config.h"

#include <string.h>

#include "sim-clock.h"
#include "sim-flow-private.h"

static void
reply_id_etag (SimRequest *request,
               JsonObject *flow,
               guint       status)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", sim_json_get_string (flow, "id"));
  json_object_set_string_member (object, "etag", sim_json_get_string (flow, "etag"));
  json_node_take_object (node, object);
  sim_request_reply_json (request, status, node);
}

static void
touch (SimRequest *request,
       JsonObject *flow)
{
  g_autofree char *etag = flow_new_etag ();

  json_object_set_string_member (flow, "etag", etag);
  json_object_set_int_member (flow, "updatedAt", sim_clock_now_ms ());
  json_object_set_string_member (flow, "updatedBy", request->client->technical_account_id);
}

static void
action_cb (SimRequest *request)
{
  JsonObject *flow = flow_find_flow (request);
  const char *op = sim_request_get_query (request, "op");
  FlowLive *live;
  gboolean enable;
  JsonObject *last_operation;

  if (flow == NULL)
    return;
  if (op == NULL || (g_ascii_strcasecmp (op, "enable") != 0 && g_ascii_strcasecmp (op, "disable") != 0))
    {
      flow_invalid (request, "1100-400", "The op parameter must be enable or disable, not '%s'.",
                    op != NULL ? op : "");
      return;
    }
  enable = g_ascii_strcasecmp (op, "enable") == 0;
  live = flow_live_get (flow_get_entities (request), sim_json_get_string (flow, "id"));
  if (live != NULL)
    flow_live_catch_up (live, sim_clock_now_ms ());

  json_object_set_string_member (flow, "state", enable ? "enabled" : "disabled");
  last_operation = json_object_new ();
  json_object_set_string_member (last_operation, "operation", enable ? "enable" : "disable");
  json_object_set_string_member (last_operation, "status", "success");
  json_object_set_object_member (flow, "lastOperation", last_operation);
  touch (request, flow);
  /* Enabled again, it runs from its next slot: missed ones are not made up. */
  if (live != NULL)
    flow_live_reschedule (live, sim_clock_now_ms ());

  reply_id_etag (request, flow, 200);
}

/* "/a/b" → the member "b" of the object at "/a", made if need be. */
static gboolean
apply_replace (JsonObject *flow,
               const char *path,
               JsonNode   *value,
               char      **problem)
{
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", -1);
  guint n = g_strv_length (parts);
  JsonObject *object = flow;

  if (n == 0 || path[0] != '/')
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *node = json_object_get_member (object, parts[i]);
      gint64 index;

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
          g_ascii_string_to_signed (parts[i + 1], 10, 0, G_MAXINT, &index, NULL) &&
          index < json_array_get_length (json_node_get_array (node)) && i + 2 < n)
        {
          object = json_array_get_object_element (json_node_get_array (node), (guint) index);
          i++;
          continue;
        }
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          *problem = g_strdup_printf ("The path '%s' does not lead to a member of the flow.", path);
          return FALSE;
        }
      object = json_node_get_object (node);
    }
  if (object == NULL)
    {
      *problem = g_strdup_printf ("The path '%s' does not lead to a member of the flow.", path);
      return FALSE;
    }
  json_object_set_member (object, parts[n - 1], json_node_copy (value));

  return TRUE;
}

/* NULL if @path may change, else the error's code and @problem. */
static const char *
path_refusal (const char *path,
              gboolean    once,
              char      **problem)
{
  static const char * const fixed[] = { "/name", "/description" };
  gboolean schedule = g_str_equal (path, "/scheduleParams") || g_str_has_prefix (path, "/scheduleParams/");
  gboolean mapping = g_str_has_prefix (path, "/transformations/") &&
                     (g_str_has_suffix (path, "/params/mappingVersion") ||
                      g_str_has_suffix (path, "/params/mappingId"));

  if (g_strv_contains (fixed, path))
    return NULL;
  if ((schedule || mapping) && once)
    {
      *problem = g_strdup ("A flow that runs once cannot be rescheduled or given another mapping.");
      return "1422-400";
    }
  if (schedule || mapping)
    return NULL;
  *problem = g_strdup_printf ("The path '%s' cannot be changed: give /name, /description, /scheduleParams[/…] or "
                              "/transformations/N/params/mappingVersion.", path);

  return "1100-400";
}

static void
patch_cb (SimRequest *request)
{
  JsonObject *flow = flow_find_flow (request);
  JsonObject *flow_spec;
  const char *if_match;
  JsonArray *operations;
  g_autoptr(JsonObject) copy = NULL;
  g_autofree char *problem = NULL;
  gboolean once;
  gboolean rescheduled = FALSE;
  const char *code;
  JsonArray *transformations;
  FlowLive *live;
  static const char * const changeable[] = { "name", "description", "scheduleParams", "transformations" };

  if (flow == NULL)
    return;
  if (!(if_match = sim_request_get_header (request, "If-Match")))
    {
      sim_flow_service_reply_error (request, "1403-400", "Header is missing",
                                    "The header 'If-Match' is missing in the request. Please provide the header "
                                    "and try again.");
      return;
    }
  if (!g_str_equal (if_match, sim_json_get_string (flow, "etag")))
    {
      sim_flow_service_reply_error (request, "1404-412", "Version not matching",
                                    "The supplied version '%s' does not match the current version on entity '%s'. "
                                    "Please fetch the entity again and retry with its current etag.",
                                    if_match, sim_json_get_string (flow, "id"));
      return;
    }
  if (request->body == NULL)
    {
      sim_flow_service_reply_error (request, "1405-400", "Invalid request",
                                    "The request body is empty. Please provide a body and try again.");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (request->body) || json_array_get_length (json_node_get_array (request->body)) == 0)
    {
      flow_invalid (request, "1100-400", "The body must be a JSON Patch: a non-empty array of operations.");
      return;
    }

  operations = json_node_get_array (request->body);
  live = flow_live_get (flow_get_entities (request), sim_json_get_string (flow, "id"));
  once = live != NULL && flow_live_is_once (live);
  copy = flow_copy_object (flow);
  for (guint i = 0; i < json_array_get_length (operations); i++)
    {
      JsonNode *node = json_array_get_element (operations, i);
      JsonObject *operation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *op = sim_json_get_string (operation, "op");
      const char *path = sim_json_get_string (operation, "path");
      JsonNode *value = operation != NULL ? json_object_get_member (operation, "value") : NULL;

      if (g_strcmp0 (op, "replace") != 0 || path == NULL || value == NULL)
        {
          flow_invalid (request, "1100-400", "Operation %u must be {\"op\": \"replace\", \"path\", \"value\"}.", i);
          return;
        }
      if ((code = path_refusal (path, once, &problem)))
        {
          flow_invalid (request, code, "%s", problem);
          return;
        }
      if (!apply_replace (copy, path, value, &problem))
        {
          flow_invalid (request, "1100-400", "%s", problem != NULL ? problem : "The path is not valid.");
          return;
        }
      rescheduled |= g_str_has_prefix (path, "/scheduleParams");
    }

  /* The result is checked as a new flow would be. */
  flow_spec = flow_specs_lookup (sim_json_get_string (flow_member_object (copy, "flowSpec"), "id"));
  if (sim_json_get_string (copy, "name") == NULL || strspn (sim_json_get_string (copy, "name"), " \t\n") ==
      strlen (sim_json_get_string (copy, "name")))
    {
      flow_invalid (request, "1100-400", "name is required.");
      return;
    }
  if (flow_spec != NULL &&
      (problem = flow_check_schedule (flow_spec, json_object_get_member (copy, "scheduleParams"))))
    {
      flow_invalid (request, "1100-400", "The schedule does not fit flow spec %s: %s",
                    sim_json_get_string (flow_spec, "name"), problem);
      return;
    }
  transformations = flow_member_array (copy, "transformations");
  for (guint i = 0; flow_spec != NULL && transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonObject *transformation = json_array_get_object_element (transformations, i);

      if (g_strcmp0 (sim_json_get_string (transformation, "name"), "Mapping") == 0 &&
          !flow_check_mapping_params (request, flow_spec, flow_member_object (transformation, "params")))
        return;
    }

  /* Kept in the same object, so the live flow and the lists see it; only
   * the members a patch may change, since the id keys the flow tables.
   */
  for (guint i = 0; i < G_N_ELEMENTS (changeable); i++)
    if (json_object_has_member (copy, changeable[i]))
      json_object_set_member (flow, changeable[i], json_node_copy (json_object_get_member (copy, changeable[i])));
  touch (request, flow);
  if (live != NULL && rescheduled)
    {
      flow_live_catch_up (live, sim_clock_now_ms ());
      flow_live_reschedule (live, sim_clock_now_ms ());
    }

  reply_id_etag (request, flow, 200);
}

void
flow_add_edit_routes (SimServer *server)
{
  sim_server_add_route (server, "POST", FLOW_SERVICE_PATH "/flows/{id}/action", SIM_ROUTE_DEFAULT, action_cb);
  sim_server_add_route (server, "PATCH", FLOW_SERVICE_PATH "/flows/{id}", SIM_ROUTE_DEFAULT, patch_cb);
}
