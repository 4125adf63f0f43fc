/* sim-flow-flows.c
 *
 * Flow Service: flows (`POST /flows`, `GET /flows[/{id}]`,
 * `DELETE /flows/{id}`). A new flow is checked against its flow spec
 * (API-NOTES §A7, §A8): the specs of its source and target connections,
 * the transformations the spec requires (`Copy` with a delta column,
 * `Mapping` with a mapping set that exists in that version, typed as
 * the spec's schema declares), and its `scheduleParams`. A `state` in
 * the body is `1410-400`. A flow marks the base connections of its
 * source and target connections used, so they cannot be deleted.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-flows"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sim-clock.h"
#include "sim-flow-private.h"

#define DEFAULT_LIMIT 20
#define MAX_LIMIT 100

void
flow_invalid (SimRequest *request,
              const char *code,
              const char *format,
              ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sim_flow_service_reply_error (request, code, "Invalid request", "%s", detail);
}

#define invalid flow_invalid

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

static gboolean
in_array (JsonArray  *array,
          const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (array, i)), value) == 0)
      return TRUE;

  return FALSE;
}

/* Checks the ids of one side of the flow against the spec's list. */
static gboolean
check_connections (SimRequest *request,
                   JsonObject *body,
                   JsonObject *flow_spec,
                   gboolean    source)
{
  FlowEntities *entities = flow_get_entities (request);
  const char *member = source ? "sourceConnectionIds" : "targetConnectionIds";
  JsonArray *allowed = member_array (flow_spec, source ? "sourceConnectionSpecIds" : "targetConnectionSpecIds");
  JsonArray *ids = member_array (body, member);

  if (ids == NULL || json_array_get_length (ids) == 0)
    {
      invalid (request, "1100-400", "%s is required: a non-empty array of ids.", member);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      const char *id = json_node_get_string (json_array_get_element (ids, i));
      JsonObject *entity = id != NULL ? g_hash_table_lookup (source ? entities->sources : entities->targets, id)
                                      : NULL;
      const char *spec_id;

      if (entity == NULL)
        {
          invalid (request, "1100-400", "The %s connection '%s' does not exist in sandbox '%s'.",
                   source ? "source" : "target", id != NULL ? id : "", request->sandbox);
          return FALSE;
        }
      spec_id = sim_json_get_string (member_object (entity, "connectionSpec"), "id");
      if (!in_array (allowed, spec_id))
        {
          invalid (request, "1100-400", "Flow spec %s does not take %s connections of connection spec %s.",
                   sim_json_get_string (flow_spec, "name"), source ? "source" : "target", spec_id);
          return FALSE;
        }
    }

  return TRUE;
}

static JsonObject *
find_transformation_spec (JsonObject *flow_spec,
                          const char *name)
{
  JsonArray *specs = member_array (flow_spec, "transformationSpecs");

  for (guint i = 0; i < json_array_get_length (specs); i++)
    {
      JsonObject *spec = json_array_get_object_element (specs, i);

      if (g_strcmp0 (sim_json_get_string (spec, "name"), name) == 0)
        return member_object (spec, "spec");
    }

  return NULL;
}

static gboolean
check_mapping (SimRequest *request,
               JsonObject *flow_spec,
               JsonObject *schema,
               JsonObject *params)
{
  JsonObject *version_schema = member_object (member_object (schema, "properties"), "mappingVersion");
  const char *mapping_id = sim_json_get_string (params, "mappingId");
  JsonNode *version_node = params != NULL ? json_object_get_member (params, "mappingVersion") : NULL;
  /* CRMToAEP types it as a string and its examples send "0"; the integer
   * other docs send passes there too. A spec that says integer wants one.
   */
  gboolean string_ok = g_strcmp0 (sim_json_get_string (version_schema, "type"), "string") == 0;
  gint64 version;

  if (mapping_id == NULL)
    {
      invalid (request, "1419-400", "The Mapping transformation needs params.mappingId.");
      return FALSE;
    }
  if (!flow_get_integer (version_node, string_ok, &version))
    {
      invalid (request, "1412-400", "The mapping version of '%s' is not valid: flow spec %s wants %s.", mapping_id,
               sim_json_get_string (flow_spec, "name"), string_ok ? "a string such as \"0\"" : "an integer");
      return FALSE;
    }
  if (!sim_flow_mapping_exists (request->server, request->client, request->sandbox, mapping_id, version))
    {
      invalid (request, "1419-400", "Mapping set '%s' version %" G_GINT64_FORMAT " does not exist in sandbox '%s'.",
               mapping_id, version, request->sandbox);
      return FALSE;
    }

  return TRUE;
}

/* A flow writes its mapping set's output into its target's dataset:
 * both must be the same schema (API-NOTES §A6, 1425-400).
 */
static gboolean
check_mapping_schema (SimRequest *request,
                      JsonObject *body)
{
  FlowEntities *entities = flow_get_entities (request);
  JsonArray *transformations = member_array (body, "transformations");
  JsonArray *targets = member_array (body, "targetConnectionIds");

  for (guint i = 0; transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonObject *transformation = json_array_get_object_element (transformations, i);
      JsonObject *params = member_object (transformation, "params");
      const char *mapping_id = sim_json_get_string (params, "mappingId");
      const char *mapping_schema;
      gint64 version;

      if (g_strcmp0 (sim_json_get_string (transformation, "name"), "Mapping") != 0 || mapping_id == NULL ||
          !flow_get_integer (json_object_get_member (params, "mappingVersion"), TRUE, &version) ||
          !(mapping_schema = sim_flow_mapping_schema (request->server, request->client, request->sandbox,
                                                      mapping_id, version)))
        continue;

      for (guint j = 0; targets != NULL && j < json_array_get_length (targets); j++)
        {
          const char *target_id = json_node_get_string (json_array_get_element (targets, j));
          JsonObject *target = target_id != NULL ? g_hash_table_lookup (entities->targets, target_id) : NULL;
          const char *target_schema = sim_json_get_string (member_object (member_object (target, "data"), "schema"),
                                                           "id");

          if (target_schema != NULL && !g_str_equal (target_schema, mapping_schema))
            {
              invalid (request, "1425-400", "The schema '%s' of mapping set '%s' differs from the schema '%s' of "
                       "the dataset of target connection '%s'.", mapping_schema, mapping_id, target_schema,
                       target_id);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
sources_are_xdm (SimRequest *request,
                 JsonObject *body)
{
  FlowEntities *entities = flow_get_entities (request);
  JsonArray *ids = member_array (body, "sourceConnectionIds");

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *id = json_node_get_string (json_array_get_element (ids, i));
      JsonObject *entity = id != NULL ? g_hash_table_lookup (entities->sources, id) : NULL;

      if (g_strcmp0 (sim_json_get_string (member_object (entity, "data"), "format"), "parquet_xdm") != 0)
        return FALSE;
    }

  return ids != NULL && json_array_get_length (ids) > 0;
}

/* For PATCH: a new mapping version, checked as on create. */
gboolean
flow_check_mapping_params (SimRequest *request,
                           JsonObject *flow_spec,
                           JsonObject *params)
{
  return check_mapping (request, flow_spec, find_transformation_spec (flow_spec, "Mapping"), params);
}

static gboolean
check_transformations (SimRequest *request,
                       JsonObject *body,
                       JsonObject *flow_spec)
{
  JsonArray *required = member_array (flow_spec, "requiredTransformations");
  JsonArray *transformations = member_array (body, "transformations");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (json_object_has_member (body, "transformations") && transformations == NULL)
    {
      invalid (request, "1100-400", "transformations must be an array.");
      return FALSE;
    }

  for (guint i = 0; transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonNode *node = json_array_get_element (transformations, i);
      JsonObject *transformation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = sim_json_get_string (transformation, "name");
      JsonObject *schema = find_transformation_spec (flow_spec, name);
      JsonObject *params = member_object (transformation, "params");

      if (schema == NULL)
        {
          invalid (request, "1100-400", "Flow spec %s has no transformation '%s'.",
                   sim_json_get_string (flow_spec, "name"), name != NULL ? name : "");
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) name);

      if (g_str_equal (name, "Copy") &&
          sim_json_get_string (member_object (params, "deltaColumn"), "name") == NULL)
        {
          invalid (request, "1100-400", "The Copy transformation needs params.deltaColumn.name: the column that "
                   "tells new rows from old.");
          return FALSE;
        }
      if (g_str_equal (name, "Mapping") && !check_mapping (request, flow_spec, schema, params))
        return FALSE;
    }

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);

      /* Files already in XDM (the seeds' parquet_xdm) need no mapping. */
      if (g_str_equal (name, "Mapping") && sources_are_xdm (request, body))
        continue;
      if (!g_hash_table_contains (seen, name))
        {
          invalid (request, "1100-400", "Flow spec %s requires the transformation '%s'.",
                   sim_json_get_string (flow_spec, "name"), name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Each base connection the flow reads or writes through is in use. */
void
flow_mark_used (SimRequest *request,
                JsonObject *flow,
                gboolean    used)
{
  FlowEntities *entities = flow_get_entities (request);
  const char *flow_id = sim_json_get_string (flow, "id");

  for (guint side = 0; side < 2; side++)
    {
      JsonArray *ids = member_array (flow, side == 0 ? "sourceConnectionIds" : "targetConnectionIds");

      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          JsonObject *entity = g_hash_table_lookup (side == 0 ? entities->sources : entities->targets,
                                                    json_array_get_string_element (ids, i));
          const char *base = entity != NULL ? sim_json_get_string (entity, "baseConnectionId") : NULL;

          if (base != NULL)
            sim_flow_service_set_connection_used (request->server, request->client, request->sandbox, base,
                                                  flow_id, used);
        }
    }
}

static void
create_flow_cb (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);
  JsonObject *body;
  JsonObject *flow_spec;
  JsonObject *flow;
  JsonObject *inherited;
  const char *name;
  const char *spec_id;
  g_autofree char *problem = NULL;

  if (request->body == NULL)
    {
      sim_flow_service_reply_error (request, "1405-400", "Invalid request",
                                    "The request body is empty. Please provide a body and try again.");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    {
      invalid (request, "1100-400", "The body must be a JSON object.");
      return;
    }
  body = json_node_get_object (request->body);

  if (json_object_has_member (body, "state"))
    {
      invalid (request, "1410-400", "The state of a flow cannot be given when it is created: enable or disable "
               "it with POST /flows/{id}/action.");
      return;
    }
  name = sim_json_get_string (body, "name");
  if (name == NULL || strspn (name, " \t\n") == strlen (name))
    {
      invalid (request, "1100-400", "name is required.");
      return;
    }
  spec_id = sim_json_get_string (member_object (body, "flowSpec"), "id");
  if (!(flow_spec = flow_specs_lookup (spec_id)))
    {
      invalid (request, "1100-400", "flowSpec.id must be the id of a flow spec; '%s' is not one.",
               spec_id != NULL ? spec_id : "");
      return;
    }
  if (!check_connections (request, body, flow_spec, TRUE) || !check_connections (request, body, flow_spec, FALSE) ||
      !check_transformations (request, body, flow_spec) || !check_mapping_schema (request, body))
    return;
  if ((problem = flow_check_schedule (flow_spec, json_object_get_member (body, "scheduleParams"))))
    {
      invalid (request, "1100-400", "The schedule does not fit flow spec %s: %s",
               sim_json_get_string (flow_spec, "name"), problem);
      return;
    }

  flow = flow_new_entity (request, body);
  json_object_set_string_member (flow, "state", "enabled");
  inherited = json_object_new ();
  json_object_set_array_member (inherited, "sourceConnections", json_array_new ());
  json_object_set_array_member (inherited, "targetConnections", json_array_new ());
  for (guint side = 0; side < 2; side++)
    {
      JsonArray *ids = member_array (body, side == 0 ? "sourceConnectionIds" : "targetConnectionIds");
      JsonArray *copies = json_object_get_array_member (inherited, side == 0 ? "sourceConnections"
                                                                                : "targetConnections");

      for (guint i = 0; i < json_array_get_length (ids); i++)
        json_array_add_object_element (copies, json_object_ref (
          g_hash_table_lookup (side == 0 ? entities->sources : entities->targets,
                               json_array_get_string_element (ids, i))));
    }
  json_object_set_object_member (flow, "inheritedAttributes", inherited);

  flow_insert_flow (entities, flow);
  flow_mark_used (request, flow, TRUE);

  flow_reply_id_etag (request, flow);
}

/* Takes @flow; from now on the clock fires it. */
void
flow_insert_flow (FlowEntities *entities,
                  JsonObject   *flow)
{
  g_ptr_array_add (entities->flows, flow);
  g_hash_table_insert (entities->flows_by_id, (gpointer) sim_json_get_string (flow, "id"), flow);
  flow_live_add (entities, flow, sim_clock_now_ms ());
}

JsonObject *
flow_find_flow (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  JsonObject *flow = g_hash_table_lookup (flow_get_entities (request)->flows_by_id, id);

  if (flow == NULL)
    sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                  "The requested resource is not found. Flow with id '%s' does not exist "
                                  "in sandbox '%s'.", id, request->sandbox);

  return flow;
}

static void
reply_items (SimRequest *request,
             GPtrArray  *flows,
             const char *next_href)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();
  FlowEntities *entities = flow_get_entities (request);
  gint64 now = sim_clock_now_ms ();

  for (guint i = 0; i < flows->len; i++)
    {
      JsonObject *flow = g_ptr_array_index (flows, i);
      FlowLive *live = flow_live_get (entities, sim_json_get_string (flow, "id"));

      if (live != NULL)
        {
          flow_live_catch_up (live, now);
          flow_live_update_flow_json (live, now);
        }
      json_array_add_object_element (items, json_object_ref (flow));
    }
  json_object_set_array_member (object, "items", items);
  if (next_href != NULL)
    {
      JsonObject *links = json_object_new ();
      JsonObject *next = json_object_new ();

      json_object_set_string_member (next, "href", next_href);
      json_object_set_object_member (links, "next", next);
      json_object_set_object_member (object, "_links", links);
    }
  json_node_take_object (node, object);
  sim_request_reply_json (request, 200, node);
}

static void
get_flow_cb (SimRequest *request)
{
  JsonObject *flow = flow_find_flow (request);
  g_autoptr(GPtrArray) flows = g_ptr_array_new ();

  if (flow == NULL)
    return;
  g_ptr_array_add (flows, flow);
  reply_items (request, flows, NULL);
}

/* The continuation token is the last id given and the page size, in
 * base64url, so the relative next link alone gets the next page.
 */
static void
list_flows_cb (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);
  const char *token = sim_request_get_query (request, "continuationToken");
  const char *limit_text = sim_request_get_query (request, "limit");
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  g_autofree char *next_href = NULL;
  const char *property = sim_request_get_query (request, "property");
  g_autoptr(GPtrArray) conditions = NULL;
  gint64 limit = DEFAULT_LIMIT;
  guint start = 0;
  guint i;

  if (property != NULL && !(conditions = flow_parse_property (property)))
    {
      invalid (request, "1100-400", "The property filter '%s' is not valid: give field==value, field!=value, "
               "field>value or field<value, separated by commas.", property);
      return;
    }
  if (limit_text != NULL && sim_request_get_query (request, "count") != NULL)
    {
      invalid (request, "1401-400", "The limit and count parameters cannot be given together in the same request.");
      return;
    }
  if (token != NULL)
    {
      gsize length = 0;
      g_autofree guchar *plain = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) parts = NULL;
      JsonObject *after;
      guint index;

      plain = g_base64_decode (token, &length);
      text = g_strndup ((const char *) plain, length);
      parts = g_strsplit (text, ":", 2);
      if (g_strv_length (parts) != 2 || !g_ascii_string_to_signed (parts[1], 10, 1, MAX_LIMIT, &limit, NULL) ||
          !(after = g_hash_table_lookup (entities->flows_by_id, parts[0])) ||
          !g_ptr_array_find (entities->flows, after, &index))
        {
          invalid (request, "1100-400", "The continuationToken is not one this service gave, or its flow is gone.");
          return;
        }
      start = index + 1;
    }
  if (limit_text != NULL && !g_ascii_string_to_signed (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
    {
      invalid (request, "1100-400", "The limit must be a whole number from 1 to %d.", MAX_LIMIT);
      return;
    }

  /* A filter may read `lastRunDetails` ("failing" flows): up to date first. */
  if (conditions != NULL)
    {
      gint64 now = sim_clock_now_ms ();

      for (i = 0; i < entities->flows->len; i++)
        {
          FlowLive *live = flow_live_get (entities, sim_json_get_string (g_ptr_array_index (entities->flows, i), "id"));

          if (live != NULL)
            {
              flow_live_catch_up (live, now);
              flow_live_update_flow_json (live, now);
            }
        }
    }
  for (i = start; i < entities->flows->len && page->len < limit; i++)
    if (flow_matches (g_ptr_array_index (entities->flows, i), conditions))
      g_ptr_array_add (page, g_ptr_array_index (entities->flows, i));
  /* Whether another matches after the page: the next link promises one. */
  while (i < entities->flows->len && !flow_matches (g_ptr_array_index (entities->flows, i), conditions))
    i++;
  if (page->len > 0 && i < entities->flows->len)
    {
      JsonObject *last = g_ptr_array_index (page, page->len - 1);
      g_autofree char *plain = g_strdup_printf ("%s:%" G_GINT64_FORMAT, sim_json_get_string (last, "id"), limit);
      g_autofree char *encoded = g_base64_encode ((const guchar *) plain, strlen (plain));
      g_autofree char *escaped = g_uri_escape_string (encoded, NULL, FALSE);
      g_autofree char *escaped_property = property != NULL ? g_uri_escape_string (property, NULL, FALSE) : NULL;

      next_href = g_strconcat ("/flows?continuationToken=", escaped, property != NULL ? "&property=" : NULL,
                               escaped_property, NULL);
    }

  reply_items (request, page, next_href);
}

static void
delete_flow_cb (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);
  JsonObject *flow = flow_find_flow (request);
  FlowLive *live;

  if (flow == NULL)
    return;

  /* [UNV] `1416-400` (API-NOTES §E): not while a run is writing. */
  live = flow_live_get (entities, sim_json_get_string (flow, "id"));
  if (live != NULL && flow_live_is_running (live, sim_clock_now_ms ()))
    {
      sim_flow_service_reply_error (request, "1416-400", "Invalid request",
                                    "The dataflow is running: it can be deleted once its run has ended.");
      return;
    }

  flow_mark_used (request, flow, FALSE);
  flow_live_remove (entities, sim_json_get_string (flow, "id"));
  g_hash_table_remove (entities->flows_by_id, sim_json_get_string (flow, "id"));
  g_ptr_array_remove (entities->flows, flow);
  soup_server_message_set_status (request->message, 204, NULL);
}

void
flow_add_flow_routes (SimServer *server)
{
  sim_server_add_route (server, "POST", FLOW_SERVICE_PATH "/flows", SIM_ROUTE_DEFAULT, create_flow_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/flows", SIM_ROUTE_DEFAULT, list_flows_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/flows/{id}", SIM_ROUTE_DEFAULT, get_flow_cb);
  sim_server_add_route (server, "DELETE", FLOW_SERVICE_PATH "/flows/{id}", SIM_ROUTE_DEFAULT, delete_flow_cb);
  flow_add_edit_routes (server);
  flow_add_run_routes (server);
}
