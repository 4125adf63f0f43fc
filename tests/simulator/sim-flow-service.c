/* sim-flow-service.c
 *
 * Flow Service: the connection specs of the world and the base
 * connections of each sandbox (sim-flow-service-connections.c). The
 * specs come from world/connection-specs.json; world/connections.json
 * holds the demo sandboxes' existing accounts, the flows that use them,
 * and the remote accounts whose credentials a connection test accepts.
 * Both files are checked strictly when the simulator starts: every demo
 * account must pass the same validation as a POST.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-service"

#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sim-flow-private.h"

static struct
{
  JsonParser *specs_parser;
  JsonParser *connections_parser;
  JsonArray *specs;             /* JsonObject, in the file's order */
  GHashTable *specs_by_id;      /* id → JsonObject */
  JsonArray *remote_accounts;
  JsonArray *world_connections;
  JsonArray *world_flows;
  GHashTable *sandboxes;        /* "org\nsandbox" → FlowSandbox */
  guint64 next_serial;
} flow;

static void
flow_connection_free (FlowConnection *connection)
{
  g_free (connection->id);
  g_free (connection->name);
  g_free (connection->description);
  g_free (connection->spec_id);
  g_free (connection->spec_name);
  g_clear_pointer (&connection->params, json_object_unref);
  g_free (connection->state);
  g_free (connection->etag);
  g_free (connection->created_by);
  g_free (connection->created_client);
  g_clear_pointer (&connection->used_by, g_ptr_array_unref);
  g_free (connection);
}

static void
flow_sandbox_free (FlowSandbox *sandbox)
{
  g_hash_table_unref (sandbox->by_id);
  g_ptr_array_unref (sandbox->connections);
  g_free (sandbox);
}

FlowConnection *
flow_connection_new (void)
{
  FlowConnection *connection = g_new0 (FlowConnection, 1);

  connection->params = json_object_new ();
  /* NULL-terminated, for g_strjoinv() in the 1418 message. */
  connection->used_by = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  connection->serial = ++flow.next_serial;

  return connection;
}

void
flow_sandbox_add (FlowSandbox    *sandbox,
                  FlowConnection *connection)
{
  g_ptr_array_add (sandbox->connections, connection);
  g_hash_table_insert (sandbox->by_id, connection->id, connection);
}

/* Cosmos DB's form, which the platform's etags have. */
char *
flow_new_etag (void)
{
  return g_strdup_printf ("\"%08x-0000-0200-0000-%08x%04x\"", g_random_int (), g_random_int (),
                          g_random_int () & 0xffff);
}

/* json_node_copy() shares an object's members: this copies them all. */
JsonObject *
flow_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *text = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (copy));
}

JsonArray *
flow_get_remote_accounts (void)
{
  return flow.remote_accounts;
}

/* The status is the code's last part: "1404-412" is a 412. */
void
sim_flow_service_reply_error (SimRequest *request,
                              const char *code,
                              const char *title,
                              const char *detail_format,
                              ...)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *detail = NULL;
  g_autofree char *type = g_strconcat ("https://ns.adobe.com/aep/errors/FLOW-", code, NULL);
  const char *dash = strrchr (code, '-');
  guint status = dash != NULL ? (guint) atoi (dash + 1) : 500;
  JsonObject *object = json_object_new ();
  JsonObject *report = json_object_new ();
  va_list args;

  va_start (args, detail_format);
  detail = g_strdup_vprintf (detail_format, args);
  va_end (args);

  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "title", title);
  json_object_set_int_member (object, "status", status);
  json_object_set_string_member (report, "detailed-message", detail);
  json_object_set_string_member (report, "request-id", request->request_id);
  json_object_set_object_member (object, "report", report);
  json_object_set_string_member (object, "errorMessage", detail);
  json_object_set_object_member (object, "errorDetails", json_object_new ());
  json_node_take_object (node, object);

  sim_request_reply_json (request, status, node);
}

/* World */

static gboolean invalid (GError     **error,
                         const char  *path,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, message);

  return FALSE;
}

static JsonArray *
load_array (JsonParser  *parser,
            const char  *path,
            const char  *member,
            GError     **error)
{
  JsonNode *root;
  JsonNode *node;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(node = json_object_get_member (json_node_get_object (root), member)) || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, path, "the file must hold an object with a \"%s\" array", member);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
check_spec (JsonObject  *spec,
            const char  *path,
            guint        index,
            GError     **error)
{
  const char *id = sim_json_get_string (spec, "id");
  JsonNode *auth_specs = json_object_get_member (spec, "authSpec");
  JsonObject *attributes = member_object (spec, "attributes");

  if (id == NULL || sim_json_get_string (spec, "name") == NULL || g_strcmp0 (sim_json_get_string (spec, "version"), "1.0") != 0)
    return invalid (error, path, "connectionSpecs[%u] needs a string \"id\", a \"name\" and \"version\": \"1.0\"", index);
  if (g_hash_table_contains (flow.specs_by_id, id))
    return invalid (error, path, "connectionSpecs[%u]: the id %s appears twice", index, id);
  if (attributes == NULL || sim_json_get_string (attributes, "category") == NULL ||
      sim_json_get_string (attributes, "connectorName") == NULL || member_object (attributes, "uiAttributes") == NULL)
    return invalid (error, path, "connectionSpecs[%u] (%s): \"attributes\" needs category, connectorName and uiAttributes",
                    index, id);
  if (auth_specs == NULL || !JSON_NODE_HOLDS_ARRAY (auth_specs))
    return invalid (error, path, "connectionSpecs[%u] (%s): \"authSpec\" must be an array", index, id);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (auth_specs)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (auth_specs), i);
      JsonObject *schema;

      if (!JSON_NODE_HOLDS_OBJECT (node) || sim_json_get_string (json_node_get_object (node), "name") == NULL ||
          sim_json_get_string (json_node_get_object (node), "type") == NULL ||
          !(schema = member_object (json_node_get_object (node), "spec")) || member_object (schema, "properties") == NULL)
        return invalid (error, path, "connectionSpecs[%u] (%s): authSpec[%u] needs a name, a type and a spec "
                        "with properties", index, id, i);
    }

  g_hash_table_insert (flow.specs_by_id, (gpointer) id, spec);

  return TRUE;
}

static gboolean
in_list (JsonObject *object,
         const char *member,
         const char *value)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (array, i)), value) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
check_world_connections (const char  *path,
                         GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (flow.world_connections); i++)
    {
      JsonObject *entry = json_array_get_object_element (flow.world_connections, i);
      const char *id = sim_json_get_string (entry, "id");
      const char *spec_id = sim_json_get_string (entry, "connectionSpec");
      const char *spec_name = sim_json_get_string (entry, "specName");
      JsonObject *spec = spec_id != NULL ? g_hash_table_lookup (flow.specs_by_id, spec_id) : NULL;
      JsonObject *auth_spec;
      JsonObject *params = member_object (entry, "params");
      g_autofree char *problem = NULL;

      if (id == NULL || sim_json_get_string (entry, "org") == NULL || sim_json_get_string (entry, "name") == NULL ||
          sim_json_get_string (entry, "state") == NULL || !json_object_has_member (entry, "createdAt") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (entry, "sandboxes")))
        return invalid (error, path, "connections[%u] needs id, org, sandboxes, name, state and createdAt", i);
      if (g_hash_table_contains (ids, id))
        return invalid (error, path, "connections[%u]: the id %s appears twice", i, id);
      g_hash_table_add (ids, (gpointer) id);
      if (spec == NULL)
        return invalid (error, path, "connections[%u]: no connection spec %s", i, spec_id ? spec_id : "given");
      if (json_array_get_length (json_object_get_array_member (spec, "authSpec")) == 0)
        {
          if (spec_name != NULL || params != NULL)
            return invalid (error, path, "connections[%u]: spec %s has no auth", i, spec_id);
          continue;
        }
      if (!(auth_spec = flow_find_auth_spec (spec, spec_name)) || params == NULL)
        return invalid (error, path, "connections[%u]: spec %s has no auth type \"%s\", or params are missing",
                        i, spec_id, spec_name ? spec_name : "");
      if ((problem = flow_check_params (auth_spec, params)) != NULL)
        return invalid (error, path, "connections[%u]: %s", i, problem);
    }

  for (guint i = 0; i < json_array_get_length (flow.world_flows); i++)
    {
      JsonObject *entry = json_array_get_object_element (flow.world_flows, i);
      JsonNode *connections = json_object_get_member (entry, "connections");

      if (sim_json_get_string (entry, "id") == NULL || sim_json_get_string (entry, "org") == NULL ||
          connections == NULL || !JSON_NODE_HOLDS_ARRAY (connections) ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (entry, "sandboxes")))
        return invalid (error, path, "flows[%u] needs id, org, sandboxes and connections", i);
      for (guint j = 0; j < json_array_get_length (json_node_get_array (connections)); j++)
        if (!g_hash_table_contains (ids, json_array_get_string_element (json_node_get_array (connections), j)))
          return invalid (error, path, "flows[%u]: connections[%u] is not in \"connections\"", i, j);
    }

  for (guint i = 0; i < json_array_get_length (flow.remote_accounts); i++)
    {
      JsonObject *entry = json_array_get_object_element (flow.remote_accounts, i);

      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (entry, "connectionSpecs")) ||
          sim_json_get_string (entry, "specName") == NULL || member_object (entry, "params") == NULL)
        return invalid (error, path, "remoteAccounts[%u] needs connectionSpecs, specName and params", i);
    }

  return TRUE;
}

static gboolean
load_world (const char  *dir,
            GError     **error)
{
  g_autofree char *specs_path = g_build_filename (dir, "connection-specs.json", NULL);
  g_autofree char *connections_path = g_build_filename (dir, "connections.json", NULL);
  JsonObject *root;

  flow.specs_parser = json_parser_new ();
  flow.connections_parser = json_parser_new ();
  flow.specs_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(flow.specs = load_array (flow.specs_parser, specs_path, "connectionSpecs", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (flow.specs); i++)
    {
      JsonNode *node = json_array_get_element (flow.specs, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, specs_path, "connectionSpecs[%u] must be an object", i);
      if (!check_spec (json_node_get_object (node), specs_path, i, error))
        return FALSE;
    }

  if (!(flow.world_connections = load_array (flow.connections_parser, connections_path, "connections", error)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (flow.connections_parser));
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "flows")) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "remoteAccounts")))
    return invalid (error, connections_path, "the object must have \"flows\" and \"remoteAccounts\" arrays");
  flow.world_flows = json_object_get_array_member (root, "flows");
  flow.remote_accounts = json_object_get_array_member (root, "remoteAccounts");

  return check_world_connections (connections_path, error);
}

/* Each sandbox gets its own copy of the world's accounts on first use. */
FlowSandbox *
flow_get_sandbox (SimRequest *request)
{
  g_autofree char *key = g_strconcat (request->client->org->id, "\n", request->sandbox, NULL);
  FlowSandbox *sandbox = g_hash_table_lookup (flow.sandboxes, key);
  const char *org = request->client->org->id;

  if (sandbox != NULL)
    return sandbox;

  sandbox = g_new0 (FlowSandbox, 1);
  sandbox->connections = g_ptr_array_new_with_free_func ((GDestroyNotify) flow_connection_free);
  sandbox->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (flow.world_connections); i++)
    {
      JsonObject *entry = json_array_get_object_element (flow.world_connections, i);
      JsonObject *params = member_object (entry, "params");
      FlowConnection *connection;

      if (!g_str_equal (sim_json_get_string (entry, "org"), org) || !in_list (entry, "sandboxes", request->sandbox))
        continue;

      connection = flow_connection_new ();
      connection->id = g_strdup (sim_json_get_string (entry, "id"));
      connection->name = g_strdup (sim_json_get_string (entry, "name"));
      connection->description = g_strdup (sim_json_get_string (entry, "description"));
      connection->spec_id = g_strdup (sim_json_get_string (entry, "connectionSpec"));
      connection->spec_name = g_strdup (sim_json_get_string (entry, "specName"));
      if (params != NULL)
        {
          json_object_unref (connection->params);
          connection->params = flow_copy_object (params);
        }
      connection->state = g_strdup (sim_json_get_string (entry, "state"));
      connection->etag = flow_new_etag ();
      connection->created_at = json_object_get_int_member (entry, "createdAt");
      connection->updated_at = connection->created_at;
      connection->created_by = g_strdup ("acp_foundation_connectors@AdobeID");
      connection->created_client = g_strdup ("exc_app");
      flow_sandbox_add (sandbox, connection);
    }

  for (guint i = 0; i < json_array_get_length (flow.world_flows); i++)
    {
      JsonObject *entry = json_array_get_object_element (flow.world_flows, i);
      JsonArray *connections = json_object_get_array_member (entry, "connections");

      if (!g_str_equal (sim_json_get_string (entry, "org"), org) || !in_list (entry, "sandboxes", request->sandbox))
        continue;
      for (guint j = 0; j < json_array_get_length (connections); j++)
        {
          FlowConnection *connection = g_hash_table_lookup (sandbox->by_id,
                                                            json_array_get_string_element (connections, j));

          if (connection != NULL)
            g_ptr_array_add (connection->used_by, g_strdup (sim_json_get_string (entry, "id")));
        }
    }

  g_hash_table_insert (flow.sandboxes, g_steal_pointer (&key), sandbox);

  /* The world's flows use these accounts from the start. */
  flow_get_entities (request);

  return sandbox;
}

/* Through flow_get_sandbox(), so the world's accounts are there even if
 * no Flow Service call came first.
 */
FlowConnection *
flow_lookup_connection (SimServer  *server,
                        SimClient  *client,
                        const char *sandbox,
                        const char *connection_id)
{
  SimRequest request = { 0 };

  request.server = server;
  request.client = client;
  request.sandbox = (char *) sandbox;

  return g_hash_table_lookup (flow_get_sandbox (&request)->by_id, connection_id);
}

gboolean
sim_flow_service_set_connection_used (SimServer  *server,
                                      SimClient  *client,
                                      const char *sandbox,
                                      const char *connection_id,
                                      const char *flow_id,
                                      gboolean    used)
{
  FlowConnection *connection;
  guint index;

  g_return_val_if_fail (client != NULL && sandbox != NULL && connection_id != NULL && flow_id != NULL, FALSE);

  if (!(connection = flow_lookup_connection (server, client, sandbox, connection_id)))
    return FALSE;

  if (g_ptr_array_find_with_equal_func (connection->used_by, flow_id, g_str_equal, &index))
    {
      if (!used)
        g_ptr_array_remove_index (connection->used_by, index);
    }
  else if (used)
    {
      g_ptr_array_add (connection->used_by, g_strdup (flow_id));
    }

  return TRUE;
}

JsonObject *
sim_flow_service_lookup_connection (SimServer   *server,
                                    SimClient   *client,
                                    const char  *sandbox,
                                    const char  *connection_id,
                                    const char **spec_id)
{
  FlowConnection *connection;

  g_return_val_if_fail (client != NULL && sandbox != NULL && connection_id != NULL, NULL);

  if (!(connection = flow_lookup_connection (server, client, sandbox, connection_id)))
    return NULL;

  if (spec_id != NULL)
    *spec_id = connection->spec_id;

  return connection->params;
}

JsonObject *
sim_flow_service_lookup_spec (const char *spec_id)
{
  return spec_id != NULL ? g_hash_table_lookup (flow.specs_by_id, spec_id) : NULL;
}

/* Connection specs */

static void
list_specs_cb (SimRequest *request)
{
  flow_reply_items (request, flow.specs);
}

static void
get_spec_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  JsonObject *spec = g_hash_table_lookup (flow.specs_by_id, id);
  g_autoptr(GPtrArray) specs = g_ptr_array_new ();

  if (spec == NULL)
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "The requested resource is not found. Error from flow provider: "
                                    "Connection spec with id '%s' does not exist.", id);
      return;
    }

  g_ptr_array_add (specs, spec);
  flow_reply_item_list (request, specs);
}

gboolean
sim_flow_service_register (SimServer   *server,
                           const char  *world_dir,
                           GError     **error)
{
  flow.sandboxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) flow_sandbox_free);

  if (!load_world (world_dir, error))
    return FALSE;

  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connectionSpecs", SIM_ROUTE_DEFAULT, list_specs_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connectionSpecs/{id}", SIM_ROUTE_DEFAULT, get_spec_cb);
  flow_add_connection_routes (server);

  /* Source and target connections, flow specs and flows. */
  if (!flow_specs_load (world_dir, error) || !flow_world_load (world_dir, error))
    return FALSE;
  flow_runs_init ();
  flow_add_spec_routes (server);
  flow_add_entity_routes (server);
  flow_add_flow_routes (server);

  return TRUE;
}
