/* sim-flow-service-connections.c
 *
 * Flow Service base connections: create (validated against the named
 * authSpec), list (continuationToken paging with a relative next link,
 * property filters), read (secrets masked), update (JSON Patch with
 * If-Match), delete (refused while a flow uses the connection) and test
 * (the credentials checked against the world's remote accounts).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-service"

#include "config.h"

#include <string.h>

#include "sim-flow-service-private.h"

#define DEFAULT_LIMIT 100
#define MAX_LIMIT 1000

static gboolean
is_secret (JsonObject *auth_spec,
           const char *name)
{
  JsonObject *properties = json_object_get_object_member (json_object_get_object_member (auth_spec, "spec"),
                                                          "properties");
  JsonObject *property;

  if (!json_object_has_member (properties, name))
    return FALSE;
  property = json_object_get_object_member (properties, name);

  return g_strcmp0 (sim_json_get_string (property, "format"), "password") == 0;
}

static JsonObject *
connection_to_json (FlowConnection *connection,
                    SimRequest     *request)
{
  JsonObject *object = json_object_new ();
  JsonObject *spec = json_object_new ();

  json_object_set_string_member (object, "id", connection->id);
  json_object_set_int_member (object, "createdAt", connection->created_at);
  json_object_set_int_member (object, "updatedAt", connection->updated_at);
  json_object_set_string_member (object, "createdBy", connection->created_by);
  json_object_set_string_member (object, "updatedBy", connection->created_by);
  json_object_set_string_member (object, "createdClient", connection->created_client);
  json_object_set_string_member (object, "updatedClient", connection->created_client);
  json_object_set_string_member (object, "sandboxName", request->sandbox);
  json_object_set_string_member (object, "imsOrgId", request->client->org->id);
  json_object_set_string_member (object, "name", connection->name);
  if (connection->description != NULL)
    json_object_set_string_member (object, "description", connection->description);
  json_object_set_string_member (spec, "id", connection->spec_id);
  json_object_set_string_member (spec, "version", "1.0");
  json_object_set_object_member (object, "connectionSpec", spec);
  json_object_set_string_member (object, "state", connection->state);

  if (connection->spec_name != NULL)
    {
      JsonObject *auth_spec = flow_find_auth_spec (sim_flow_service_lookup_spec (connection->spec_id),
                                                   connection->spec_name);
      JsonObject *auth = json_object_new ();
      JsonObject *params = json_object_new ();
      g_autoptr(GList) names = json_object_get_members (connection->params);

      for (const GList *l = names; l != NULL; l = l->next)
        {
          if (is_secret (auth_spec, l->data))
            json_object_set_string_member (params, l->data, FLOW_MASK);
          else
            json_object_set_member (params, l->data,
                                    json_node_copy (json_object_get_member (connection->params, l->data)));
        }
      json_object_set_string_member (auth, "specName", connection->spec_name);
      json_object_set_object_member (auth, "params", params);
      json_object_set_object_member (object, "auth", auth);
    }

  json_object_set_string_member (object, "version", connection->etag);
  json_object_set_string_member (object, "etag", connection->etag);

  return object;
}

static void
reply_id_etag (SimRequest     *request,
               guint           status,
               FlowConnection *connection)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", connection->id);
  json_object_set_string_member (object, "etag", connection->etag);
  json_node_take_object (node, object);
  sim_request_reply_json (request, status, node);
}

static FlowConnection *
find_connection (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  FlowConnection *connection = g_hash_table_lookup (flow_get_sandbox (request)->by_id, id);

  if (connection == NULL)
    sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                  "The requested resource is not found. Error from flow provider: "
                                  "Connection with id '%s' does not exist in sandbox '%s'.", id, request->sandbox);

  return connection;
}

static void
bad_request (SimRequest *request,
             const char *detail)
{
  sim_flow_service_reply_error (request, "1100-400", "Invalid request",
                                "The request could not be processed. %s", detail);
}

/* Continuation tokens: where the next page starts, and the query that
 * made the list, so the relative next link alone gets the next page.
 */
static char *
encode_token (guint64     after,
              gint64      limit,
              const char *property)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", after, limit,
                                            property != NULL ? property : "");
  char *token = g_base64_encode ((const guchar *) plain, strlen (plain));

  /* base64url, without padding */
  for (char *p = token; *p != '\0'; p++)
    *p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  if (strchr (token, '=') != NULL)
    *strchr (token, '=') = '\0';

  return token;
}

static gboolean
decode_token (const char  *token,
              guint64     *after,
              gint64      *limit,
              char       **property)
{
  g_autoptr(GString) text = g_string_new (token);
  g_autofree guchar *plain = NULL;
  g_autofree char *string = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length = 0;

  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (!g_ascii_isalnum (c) && c != '-' && c != '_')
        return FALSE;
      text->str[i] = c == '-' ? '+' : c == '_' ? '/' : c;
    }
  while (text->len % 4 != 0)
    g_string_append_c (text, '=');

  plain = g_base64_decode (text->str, &length);
  string = g_strndup ((const char *) plain, length);
  parts = g_strsplit (string, ":", 3);
  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, after, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, 1, MAX_LIMIT, limit, NULL))
    return FALSE;
  *property = parts[2][0] != '\0' ? g_strdup (parts[2]) : NULL;

  return TRUE;
}

static void
list_connections_cb (SimRequest *request)
{
  FlowSandbox *sandbox = flow_get_sandbox (request);
  const char *token = sim_request_get_query (request, "continuationToken");
  const char *count = sim_request_get_query (request, "count");
  const char *limit_text = sim_request_get_query (request, "limit");
  g_autofree char *property = g_strdup (sim_request_get_query (request, "property"));
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();
  FlowConnection *last = NULL;
  guint64 after = 0;
  gint64 limit = DEFAULT_LIMIT;
  guint matched = 0;

  json_node_take_object (node, object);
  json_object_set_array_member (object, "items", items);

  if (limit_text != NULL && count != NULL)
    {
      sim_flow_service_reply_error (request, "1401-400", "Invalid request",
                                    "The limit and count parameters cannot be given together in the same request. "
                                    "Please provide either only the limit or the count parameter and try again.");
      return;
    }
  if (token != NULL)
    {
      g_clear_pointer (&property, g_free);
      if (!decode_token (token, &after, &limit, &property))
        {
          bad_request (request, "The continuationToken is not one this service gave.");
          return;
        }
    }
  if (limit_text != NULL &&
      !g_ascii_string_to_signed (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
    {
      g_autofree char *detail = g_strdup_printf ("The limit must be a whole number from 1 to %d.", MAX_LIMIT);

      bad_request (request, detail);
      return;
    }
  if (property != NULL && !(conditions = flow_parse_property (property)))
    {
      g_autofree char *detail = g_strdup_printf ("The property filter '%s' is not valid: give field==value, "
                                                 "field!=value, field>value or field<value, separated by commas.",
                                                 property);

      bad_request (request, detail);
      return;
    }

  for (guint i = 0; i < sandbox->connections->len; i++)
    {
      FlowConnection *connection = g_ptr_array_index (sandbox->connections, i);
      JsonObject *json;

      if (connection->serial <= after)
        continue;
      json = connection_to_json (connection, request);
      if (!flow_matches (json, conditions))
        {
          json_object_unref (json);
          continue;
        }
      if (count == NULL && (gint64) json_array_get_length (items) == limit)
        {
          /* One more matches: there is a next page. */
          JsonObject *links = json_object_new ();
          JsonObject *next = json_object_new ();
          g_autofree char *next_token = encode_token (last->serial, limit, property);
          g_autofree char *href = NULL;

          href = g_strconcat ("/connections?continuationToken=", next_token, NULL);
          json_object_set_string_member (next, "href", href);
          json_object_set_object_member (links, "next", next);
          json_object_set_object_member (object, "_links", links);
          json_object_unref (json);
          break;
        }
      matched++;
      last = connection;
      if (count != NULL)
        json_object_unref (json);
      else
        json_array_add_object_element (items, json);
    }

  if (count != NULL && g_str_equal (count, "true"))
    {
      json_object_remove_member (object, "items");
      json_object_set_int_member (object, "count", matched);
    }

  sim_request_reply_json (request, 200, node);
}

static void
get_connection_cb (SimRequest *request)
{
  FlowConnection *connection = find_connection (request);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object;
  JsonArray *items;

  if (connection == NULL)
    return;

  object = json_object_new ();
  items = json_array_new ();
  json_array_add_object_element (items, connection_to_json (connection, request));
  json_object_set_array_member (object, "items", items);
  json_node_take_object (node, object);
  sim_request_reply_json (request, 200, node);
}

static void
unknown_spec_name (SimRequest *request,
                   JsonObject *spec,
                   const char *spec_name)
{
  JsonArray *auth_specs = json_object_get_array_member (spec, "authSpec");
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (auth_specs); i++)
    g_string_append_printf (names, "%s'%s'", i > 0 ? ", " : "",
                            sim_json_get_string (json_array_get_object_element (auth_specs, i), "name"));

  sim_flow_service_reply_error (request, "1415-400", "Invalid auth spec",
                                "The authentication spec '%s' is not one of connection spec %s (%s): %s.",
                                spec_name, sim_json_get_string (spec, "id"), sim_json_get_string (spec, "name"),
                                names->len > 0 ? names->str : "it takes no authentication");
}

/* Checks auth against @spec, answering the error if it does not fit.
 * Returns: the auth spec, or @spec itself for a spec without auth; %NULL
 *   when answered
 */
static JsonObject *
check_auth (SimRequest *request,
            JsonObject *spec,
            JsonNode   *auth_node)
{
  JsonArray *auth_specs = json_object_get_array_member (spec, "authSpec");
  JsonObject *auth;
  JsonObject *auth_spec;
  JsonNode *params;
  const char *spec_name;
  g_autofree char *problem = NULL;

  if (json_array_get_length (auth_specs) == 0 && (auth_node == NULL || JSON_NODE_HOLDS_NULL (auth_node)))
    return spec;

  if (auth_node == NULL || !JSON_NODE_HOLDS_OBJECT (auth_node))
    {
      bad_request (request, "auth is required: an object with specName and params.");
      return NULL;
    }
  auth = json_node_get_object (auth_node);
  if (!(spec_name = sim_json_get_string (auth, "specName")))
    {
      bad_request (request, "auth.specName is required: the name of one of the connection spec's authSpec.");
      return NULL;
    }
  if (!(auth_spec = flow_find_auth_spec (spec, spec_name)))
    {
      unknown_spec_name (request, spec, spec_name);
      return NULL;
    }
  params = json_object_get_member (auth, "params");
  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      bad_request (request, "auth.params is required: an object of the authentication's parameters.");
      return NULL;
    }
  if ((problem = flow_check_params (auth_spec, json_node_get_object (params))) != NULL)
    {
      bad_request (request, problem);
      return NULL;
    }

  return auth_spec;
}

static void
create_connection_cb (SimRequest *request)
{
  FlowSandbox *sandbox = flow_get_sandbox (request);
  JsonObject *body;
  JsonObject *spec_ref;
  JsonObject *spec;
  JsonObject *checked;
  const char *spec_id;
  const char *version;
  const char *name;
  FlowConnection *connection;
  JsonNode *auth_node;

  if (request->body == NULL)
    {
      sim_flow_service_reply_error (request, "1405-400", "Invalid request",
                                    "The request body is empty. Please provide a body and try again.");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    {
      bad_request (request, "The body must be a JSON object.");
      return;
    }
  body = json_node_get_object (request->body);

  spec_ref = json_object_has_member (body, "connectionSpec") &&
             JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "connectionSpec"))
             ? json_object_get_object_member (body, "connectionSpec") : NULL;
  if (spec_ref == NULL || !(spec_id = sim_json_get_string (spec_ref, "id")))
    {
      bad_request (request, "connectionSpec.id is required: the id of the source's or destination's connection spec.");
      return;
    }
  if (!(spec = sim_flow_service_lookup_spec (spec_id)))
    {
      g_autofree char *detail = g_strdup_printf ("Connection spec '%s' does not exist.", spec_id);

      bad_request (request, detail);
      return;
    }
  version = sim_json_get_string (spec_ref, "version");
  if (json_object_has_member (spec_ref, "version") && g_strcmp0 (version, "1.0") != 0)
    {
      g_autofree char *detail = g_strdup_printf ("Connection spec %s has no version '%s'; its version is \"1.0\".",
                                                 spec_id, version != NULL ? version : "(not a string)");

      bad_request (request, detail);
      return;
    }
  name = sim_json_get_string (body, "name");
  if (name == NULL || strspn (name, " \t\n") == strlen (name))
    {
      bad_request (request, "name is required: a name for the base connection.");
      return;
    }

  auth_node = json_object_get_member (body, "auth");
  if (!(checked = check_auth (request, spec, auth_node)))
    return;

  connection = flow_connection_new ();
  connection->id = g_uuid_string_random ();
  connection->name = g_strdup (name);
  connection->description = g_strdup (sim_json_get_string (body, "description"));
  connection->spec_id = g_strdup (spec_id);
  if (checked != spec)
    {
      JsonObject *auth = json_node_get_object (auth_node);
      connection->spec_name = g_strdup (sim_json_get_string (auth, "specName"));
      json_object_unref (connection->params);
      connection->params = flow_copy_object (json_object_get_object_member (auth, "params"));
    }
  connection->state = g_strdup ("enabled");
  connection->etag = flow_new_etag ();
  connection->created_at = g_get_real_time () / 1000;
  connection->updated_at = connection->created_at;
  connection->created_by = g_strdup (request->client->technical_account_id);
  connection->created_client = g_strdup (request->client->client_id);
  flow_sandbox_add (sandbox, connection);

  g_debug ("Created connection %s (%s) in %s", connection->id, connection->name, request->sandbox);
  reply_id_etag (request, 201, connection);
}

/* JSON Patch on a connection: a copy is changed, checked, then kept. */
static void
patch_connection_cb (SimRequest *request)
{
  FlowConnection *connection = find_connection (request);
  const char *if_match;
  JsonArray *operations;
  JsonObject *spec;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *spec_name = NULL;
  g_autoptr(JsonObject) params = NULL;

  if (connection == NULL)
    return;

  if (!(if_match = sim_request_get_header (request, "If-Match")))
    {
      sim_flow_service_reply_error (request, "1403-400", "Header is missing",
                                    "The header 'If-Match' is missing in the request. Please provide the header "
                                    "and try again.");
      return;
    }
  if (!g_str_equal (if_match, connection->etag))
    {
      sim_flow_service_reply_error (request, "1404-412", "Version not matching",
                                    "The supplied version '%s' does not match the current version on entity '%s'. "
                                    "Please fetch the entity again and retry with its current etag.",
                                    if_match, connection->id);
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
      bad_request (request, "The body must be a JSON Patch: a non-empty array of operations.");
      return;
    }

  spec = sim_flow_service_lookup_spec (connection->spec_id);
  name = g_strdup (connection->name);
  description = g_strdup (connection->description);
  spec_name = g_strdup (connection->spec_name);
  params = flow_copy_object (connection->params);

  operations = json_node_get_array (request->body);
  for (guint i = 0; i < json_array_get_length (operations); i++)
    {
      JsonNode *element = json_array_get_element (operations, i);
      JsonObject *operation = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *op = operation != NULL ? sim_json_get_string (operation, "op") : NULL;
      const char *path = operation != NULL ? sim_json_get_string (operation, "path") : NULL;
      JsonNode *value = operation != NULL ? json_object_get_member (operation, "value") : NULL;
      gboolean removes = g_strcmp0 (op, "remove") == 0;

      if (op == NULL || path == NULL || !(g_str_equal (op, "add") || g_str_equal (op, "replace") || removes) ||
          (!removes && value == NULL))
        {
          g_autofree char *detail = g_strdup_printf ("Operation %u is not a JSON Patch add, replace or remove "
                                                     "with a path (and a value).", i);

          bad_request (request, detail);
          return;
        }

      if (g_str_has_prefix (path, "/connectionSpec") ||
          (g_str_equal (path, "/auth/specName") &&
           (removes || !JSON_NODE_HOLDS_VALUE (value) || g_strcmp0 (json_node_get_string (value), spec_name) != 0)))
        {
          sim_flow_service_reply_error (request, "1414-400", "Invalid request",
                                        "The connection spec and the authentication type of a connection cannot "
                                        "be changed (operation %u on %s). Create a new connection instead.", i, path);
          return;
        }

      if (g_str_equal (path, "/name") && !removes && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_STRING && json_node_get_string (value)[0] != '\0')
        {
          g_free (name);
          name = g_strdup (json_node_get_string (value));
        }
      else if (g_str_equal (path, "/description") && (removes || (JSON_NODE_HOLDS_VALUE (value) &&
                                                                  json_node_get_value_type (value) == G_TYPE_STRING)))
        {
          g_free (description);
          description = removes ? NULL : g_strdup (json_node_get_string (value));
        }
      else if (g_str_equal (path, "/auth/specName"))
        {
          /* The same auth type: nothing changes. */
        }
      else if (g_str_equal (path, "/auth/params") && !removes && JSON_NODE_HOLDS_OBJECT (value) && spec_name != NULL)
        {
          json_object_unref (params);
          params = flow_copy_object (json_node_get_object (value));
        }
      else if (g_str_equal (path, "/auth") && !removes && JSON_NODE_HOLDS_OBJECT (value) && spec_name != NULL)
        {
          JsonObject *auth = json_node_get_object (value);
          JsonNode *new_params = json_object_get_member (auth, "params");

          if (g_strcmp0 (sim_json_get_string (auth, "specName"), spec_name) != 0)
            {
              sim_flow_service_reply_error (request, "1414-400", "Invalid request",
                                            "The authentication type of a connection cannot be changed "
                                            "(operation %u). Create a new connection instead.", i);
              return;
            }
          if (new_params == NULL || !JSON_NODE_HOLDS_OBJECT (new_params))
            {
              bad_request (request, "auth.params is required: an object of the authentication's parameters.");
              return;
            }
          json_object_unref (params);
          params = flow_copy_object (json_node_get_object (new_params));
        }
      else if (g_str_has_prefix (path, "/auth/params/") && path[strlen ("/auth/params/")] != '\0' &&
               spec_name != NULL)
        {
          if (!flow_patch_param (params, path + strlen ("/auth/params/"), removes ? NULL : value))
            {
              g_autofree char *detail = g_strdup_printf ("Operation %u: there is no parameter at %s to remove.",
                                                         i, path);

              bad_request (request, detail);
              return;
            }
        }
      else
        {
          g_autofree char *detail = g_strdup_printf ("Operation %u: %s cannot be %s on a base connection.", i, path,
                                                     removes ? "removed" : "set to that value");

          bad_request (request, detail);
          return;
        }
    }

  if (spec_name != NULL)
    {
      g_autofree char *problem = flow_check_params (flow_find_auth_spec (spec, spec_name), params);

      if (problem != NULL)
        {
          bad_request (request, problem);
          return;
        }
    }

  g_free (connection->name);
  connection->name = g_steal_pointer (&name);
  g_free (connection->description);
  connection->description = g_steal_pointer (&description);
  json_object_unref (connection->params);
  connection->params = json_object_ref (params);
  g_free (connection->etag);
  connection->etag = flow_new_etag ();
  connection->updated_at = g_get_real_time () / 1000;

  reply_id_etag (request, 200, connection);
}

static void
delete_connection_cb (SimRequest *request)
{
  FlowSandbox *sandbox = flow_get_sandbox (request);
  FlowConnection *connection = find_connection (request);

  if (connection == NULL)
    return;

  if (connection->used_by->len > 0)
    {
      g_autofree char *flows = g_strjoinv (", ", (GStrv) connection->used_by->pdata);

      sim_flow_service_reply_error (request, "1418-400", "Invalid request",
                                    "The base connection '%s' is used by %u flow%s (%s). Delete the flow%s first.",
                                    connection->id, connection->used_by->len, connection->used_by->len > 1 ? "s" : "",
                                    flows, connection->used_by->len > 1 ? "s" : "");
      return;
    }

  g_hash_table_remove (sandbox->by_id, connection->id);
  g_ptr_array_remove (sandbox->connections, connection);
  soup_server_message_set_status (request->message, 204, NULL);
}

/* What each connector says when a credential is refused, by the first
 * parameter that differs from the remote account's.
 */
static const char *
refusal (const char *param)
{
  static const struct { const char *param; const char *message; } refusals[] = {
    { "s3AccessKey", "The AWS Access Key Id you provided does not exist in our records." },
    { "s3SecretKey", "The request signature we calculated does not match the signature you provided. "
                     "Check your key and signing method." },
    { "domain", "Could not resolve the Databricks workspace host." },
    { "clusterId", "The cluster does not exist in this workspace, or is not an interactive cluster." },
    { "accessToken", "Invalid access token. (HTTP 403)" },
    { "url", "The remote server returned an error: (404) Not Found." },
    { "host", "No such host is known." },
    { "userName", "Permission denied (password)." },
    { "password", "Permission denied (password)." },
    { "connectionString", "Server failed to authenticate the request. Make sure the value of the Authorization "
                          "header is formed correctly including the signature." },
    { "servicePrincipalId", "AADSTS700016: Application with the identifier you provided was not found in the "
                            "directory." },
    { "servicePrincipalKey", "AADSTS7000215: Invalid client secret provided." },
    { "tenant", "AADSTS90002: Tenant not found." },
    { "accessKeyId", "InvalidAccessKeyId: The GOOG access key Id you provided does not exist in our records." },
    { "secretAccessKey", "SignatureDoesNotMatch: The request signature we calculated does not match the "
                         "signature you provided." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    if (g_str_equal (refusals[i].param, param))
      return refusals[i].message;

  return "The credentials were refused.";
}

/* The parameters that name where an account is, rather than who. */
static gboolean
is_address (const char *param)
{
  return g_str_equal (param, "host") || g_str_equal (param, "url") || g_str_equal (param, "domain");
}

/**
 * flow_connection_refusal:
 * @connection: a base connection
 * @unreachable: (out) (optional): whether its address leads nowhere, rather
 *   than its credentials being refused
 *
 * What the remote end says to @connection's credentials: the connection
 * test's answer, and why a flow's run on it fails.
 *
 * Returns: (nullable): the connector's complaint; %NULL if it gets in
 */
const char *
flow_connection_refusal (FlowConnection *connection,
                         gboolean       *unreachable)
{
  JsonArray *accounts = flow_get_remote_accounts ();
  const char *refused = "No such host is known: there is no account of this kind to connect to.";
  gboolean address_known = FALSE;

  if (unreachable != NULL)
    *unreachable = FALSE;
  if (connection->spec_name == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (accounts) && refused != NULL; i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonNode *specs = json_object_get_member (account, "connectionSpecs");
      JsonObject *params = json_object_get_object_member (account, "params");
      g_autoptr(GList) names = NULL;
      gboolean spec_matches = FALSE;
      gboolean has_address = FALSE;
      gboolean same_address = TRUE;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (specs)); j++)
        spec_matches |= g_strcmp0 (json_array_get_string_element (json_node_get_array (specs), j),
                                   connection->spec_id) == 0;
      if (!spec_matches || g_strcmp0 (sim_json_get_string (account, "specName"), connection->spec_name) != 0)
        continue;

      refused = NULL;
      names = json_object_get_members (params);
      for (const GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *have = json_object_get_member (connection->params, l->data);
          gboolean same = have != NULL && json_node_equal (have, json_object_get_member (params, l->data));

          if (is_address (l->data))
            {
              has_address = TRUE;
              same_address &= same;
            }
          if (!same && refused == NULL)
            refused = refusal (l->data);
        }
      address_known |= has_address && same_address;
    }

  if (unreachable != NULL)
    *unreachable = refused != NULL && !address_known &&
                   (json_object_has_member (connection->params, "host") ||
                    json_object_has_member (connection->params, "url") ||
                    json_object_has_member (connection->params, "domain"));

  return refused;
}

static void
test_connection_cb (SimRequest *request)
{
  FlowConnection *connection = find_connection (request);
  const char *refused = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  if (connection == NULL)
    return;

  refused = flow_connection_refusal (connection, NULL);
  if (refused != NULL)
    {
      sim_flow_service_reply_error (request, "1100-400", "Invalid request",
                                    "The request could not be processed. Error from flow provider: "
                                    "Connection test failed: %s", refused);
      return;
    }

  node = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  json_object_set_boolean_member (object, "result", TRUE);
  json_node_take_object (node, object);
  sim_request_reply_json (request, 200, node);
}

void
flow_add_connection_routes (SimServer *server)
{
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connections", SIM_ROUTE_DEFAULT, list_connections_cb);
  sim_server_add_route (server, "POST", FLOW_SERVICE_PATH "/connections", SIM_ROUTE_DEFAULT, create_connection_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connections/{id}", SIM_ROUTE_DEFAULT, get_connection_cb);
  sim_server_add_route (server, "PATCH", FLOW_SERVICE_PATH "/connections/{id}", SIM_ROUTE_DEFAULT,
                        patch_connection_cb);
  sim_server_add_route (server, "DELETE", FLOW_SERVICE_PATH "/connections/{id}", SIM_ROUTE_DEFAULT,
                        delete_connection_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connections/{id}/test", SIM_ROUTE_DEFAULT,
                        test_connection_cb);
}
