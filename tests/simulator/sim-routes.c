/* sim-routes.c
 *
 * IMS, Sandbox Management and the /__sim/ control endpoints.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tributary-sim"

#include "config.h"

#include <string.h>

#include "sim-server.h"

static void
reply_ims_error (SimRequest *request,
                 guint       status,
                 const char *error,
                 const char *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_reply_json (request, status, node);
}

static JsonObject *
find_client (SimServer   *server,
             const char  *client_id,
             const char **org_id)
{
  JsonArray *orgs = sim_server_get_orgs (server);

  for (guint i = 0; i < json_array_get_length (orgs); i++)
    {
      JsonObject *org = json_array_get_object_element (orgs, i);
      JsonArray *clients = json_object_get_array_member (org, "clients");

      for (guint j = 0; j < json_array_get_length (clients); j++)
        {
          JsonObject *client = json_array_get_object_element (clients, j);

          if (g_strcmp0 (json_object_get_string_member (client, "client_id"), client_id) == 0)
            {
              *org_id = json_object_get_string_member (org, "id");
              return client;
            }
        }
    }

  return NULL;
}

static gboolean
scopes_allowed (JsonObject *client,
                const char *requested)
{
  JsonArray *allowed = json_object_get_array_member (client, "scopes");
  g_auto(GStrv) wanted = g_strsplit (requested != NULL ? requested : "", ",", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean found = FALSE;

      g_strstrip (wanted[i]);
      if (wanted[i][0] == '\0')
        continue;

      for (guint j = 0; j < json_array_get_length (allowed) && !found; j++)
        found = g_str_equal (wanted[i], json_array_get_string_element (allowed, j));

      if (!found)
        return FALSE;
    }

  return TRUE;
}

static void
ims_token_cb (SimRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *org_id = NULL;
  const char *grant_type;
  const char *client_id;
  const char *secret;
  JsonObject *client;
  SimToken *token;
  guchar random[48];

  /* IMS accepts the parameters in the query string too. */
  if (request->query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, request->query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (form, key))
          g_hash_table_insert (form, g_strdup (key), g_strdup (value));
    }

  grant_type = g_hash_table_lookup (form, "grant_type");
  client_id = g_hash_table_lookup (form, "client_id");
  secret = g_hash_table_lookup (form, "client_secret");

  if (g_strcmp0 (grant_type, "client_credentials") != 0)
    return reply_ims_error (request, 400, "unsupported_grant_type", "unsupported grant_type parameter");
  if (client_id == NULL || client_id[0] == '\0')
    return reply_ims_error (request, 400, "invalid_request", "missing client_id parameter");
  if (!(client = find_client (request->server, client_id, &org_id)))
    return reply_ims_error (request, 400, "invalid_client", "invalid client_id parameter");
  if (g_strcmp0 (secret, json_object_get_string_member (client, "client_secret")) != 0)
    return reply_ims_error (request, 401, "invalid_client", "invalid client_secret parameter");
  if (!scopes_allowed (client, g_hash_table_lookup (form, "scope")))
    return reply_ims_error (request, 400, "invalid_scope", "invalid scope");

  for (guint i = 0; i < G_N_ELEMENTS (random); i++)
    random[i] = g_random_int_range (0, 256);

  token = g_new0 (SimToken, 1);
  token->token = g_base64_encode (random, sizeof random);
  for (char *p = token->token; *p; p++)
    if (*p == '+' || *p == '/' || *p == '=')
      *p = 'x';
  token->client_id = g_strdup (client_id);
  token->org_id = g_strdup (org_id);
  token->expires = g_get_monotonic_time () + (gint64) sim_server_get_token_lifetime (request->server) * G_USEC_PER_SEC;
  g_hash_table_insert (sim_server_get_tokens (request->server), token->token, token);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token->token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, sim_server_get_token_lifetime (request->server));
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_reply_json (request, 200, node);
}

static JsonNode *
public_sandbox (JsonObject *sandbox)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (sandbox);

  for (const GList *iter = members; iter; iter = iter->next)
    if (!g_str_equal (iter->data, "org"))
      json_object_set_member (copy, iter->data, json_node_copy (json_object_get_member (sandbox, iter->data)));

  json_node_take_object (node, copy);

  return node;
}

static gboolean
parse_uint (const char *text,
            guint64     min,
            guint64     max,
            guint64     fallback,
            guint64    *out)
{
  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

static void
list_sandboxes_cb (SimRequest *request)
{
  JsonArray *all = sim_server_get_sandboxes (request->server);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *template = NULL;
  guint64 limit, offset;
  guint index = 0, count = 0;
  gboolean more = FALSE;

  if (!parse_uint (request->query ? g_hash_table_lookup (request->query, "limit") : NULL, 1, 100, 50, &limit))
    return sim_reply_problem (request, 400, "SMS-1001-400", "Invalid limit", "limit must be between 1 and 100.");
  if (!parse_uint (request->query ? g_hash_table_lookup (request->query, "offset") : NULL, 0, G_MAXINT32, 0, &offset))
    return sim_reply_problem (request, 400, "SMS-1002-400", "Invalid offset", "offset must be 0 or more.");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sandboxes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *sandbox = json_array_get_object_element (all, i);

      if (!g_str_equal (json_object_get_string_member (sandbox, "org"), request->token->org_id))
        continue;

      if (index >= offset && count < limit)
        {
          json_builder_add_value (builder, public_sandbox (sandbox));
          count++;
        }
      else if (index >= offset + limit)
        more = TRUE;

      index++;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "_page");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, limit);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_begin_object (builder);
  template = g_strdup_printf ("%s/data/foundation/sandbox-management/?limit={limit}&offset={offset}",
                              sim_server_get_base_url (request->server));
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, template);
  json_builder_set_member_name (builder, "templated");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  if (more)
    {
      g_autofree char *next = g_strdup_printf ("%s/data/foundation/sandbox-management/?limit=%" G_GUINT64_FORMAT "&offset=%" G_GUINT64_FORMAT,
                                               sim_server_get_base_url (request->server), limit, offset + limit);

      json_builder_set_member_name (builder, "next");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "href");
      json_builder_add_string_value (builder, next);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  sim_reply_json (request, 200, node);
}

static void
get_sandbox_cb (SimRequest *request)
{
  const char *name = g_hash_table_lookup (request->params, "name");
  JsonObject *sandbox = sim_server_find_sandbox (request->server, request->token->org_id, name);
  g_autoptr(JsonNode) node = NULL;

  if (sandbox == NULL)
    return sim_reply_problem (request, 404, "SMS-1004-404", "Sandbox not found", name);

  node = public_sandbox (sandbox);
  sim_reply_json (request, 200, node);
}

static void
create_sandbox_cb (SimRequest *request)
{
  JsonObject *body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  const char *name = body ? json_object_get_string_member_with_default (body, "name", NULL) : NULL;
  const char *title = body ? json_object_get_string_member_with_default (body, "title", NULL) : NULL;
  const char *type = body ? json_object_get_string_member_with_default (body, "type", NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000+0000");
  g_autoptr(JsonNode) node = NULL;
  JsonObject *sandbox;

  if (name == NULL || !g_regex_match_simple ("^[a-z0-9-]{1,32}$", name, 0, 0))
    return sim_reply_problem (request, 400, "SMS-1010-400", "Invalid field: name",
                              "name must be 1 to 32 lowercase letters, digits or hyphens.");
  if (title == NULL || title[0] == '\0')
    return sim_reply_problem (request, 400, "SMS-1011-400", "Invalid field: title", "title is required.");
  if (g_strcmp0 (type, "development") != 0)
    return sim_reply_problem (request, 400, "SMS-1012-400", "Invalid field: type",
                              "Only development sandboxes can be created through the API.");
  if (sim_server_find_sandbox (request->server, request->token->org_id, name) != NULL)
    return sim_reply_problem (request, 409, "SMS-1013-409", "Sandbox already exists", name);

  sandbox = json_object_new ();
  json_object_set_string_member (sandbox, "org", request->token->org_id);
  json_object_set_string_member (sandbox, "name", name);
  json_object_set_string_member (sandbox, "title", title);
  json_object_set_string_member (sandbox, "state", "active");
  json_object_set_string_member (sandbox, "type", "development");
  json_object_set_string_member (sandbox, "region", "VA7");
  json_object_set_boolean_member (sandbox, "isDefault", FALSE);
  json_object_set_int_member (sandbox, "eTag", 1);
  json_object_set_string_member (sandbox, "createdDate", date);
  json_object_set_string_member (sandbox, "lastModifiedDate", date);
  json_array_add_object_element (sim_server_get_sandboxes (request->server), sandbox);

  node = public_sandbox (sandbox);
  sim_reply_json (request, 201, node);
}

void
sim_ims_register (SimServer *self)
{
  sim_server_add_route (self, "POST", "/ims/token/v3", SIM_ROUTE_OPEN, ims_token_cb);
}

void
sim_sandbox_management_register (SimServer *self)
{
  sim_server_add_route (self, "GET", "/data/foundation/sandbox-management/", SIM_ROUTE_NO_SANDBOX, list_sandboxes_cb);
  sim_server_add_route (self, "GET", "/data/foundation/sandbox-management/sandboxes/{name}", SIM_ROUTE_NO_SANDBOX, get_sandbox_cb);
  sim_server_add_route (self, "POST", "/data/foundation/sandbox-management/sandboxes", SIM_ROUTE_NO_SANDBOX, create_sandbox_cb);
}

static JsonObject *
admin_body (SimRequest *request)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (request->message));
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
reply_empty (SimRequest *request,
             guint       status)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  sim_reply_json (request, status, node);
}

static void
add_fault_cb (SimRequest *request)
{
  g_autoptr(JsonObject) fault = admin_body (request);

  if (fault == NULL || !json_object_has_member (fault, "path"))
    return sim_reply_problem (request, 400, "SIM-400", "Bad fault", "A fault needs at least a path.");

  sim_server_add_fault (request->server, fault);
  reply_empty (request, 201);
}

static void
clear_faults_cb (SimRequest *request)
{
  sim_server_clear_faults (request->server);
  reply_empty (request, 200);
}

static void
get_requests_cb (SimRequest *request)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_member (object, "requests", sim_server_dup_requests (request->server));
  json_node_take_object (node, object);
  sim_reply_json (request, 200, node);
}

static void
clear_requests_cb (SimRequest *request)
{
  sim_server_clear_requests (request->server);
  reply_empty (request, 200);
}

static void
revoke_tokens_cb (SimRequest *request)
{
  g_hash_table_remove_all (sim_server_get_tokens (request->server));
  reply_empty (request, 200);
}

static void
token_lifetime_cb (SimRequest *request)
{
  g_autoptr(JsonObject) body = admin_body (request);

  if (body == NULL || !json_object_has_member (body, "seconds"))
    return sim_reply_problem (request, 400, "SIM-400", "Bad lifetime", "Give {\"seconds\": N}.");

  sim_server_set_token_lifetime (request->server, json_object_get_int_member (body, "seconds"));
  reply_empty (request, 200);
}

void
sim_admin_register (SimServer *self)
{
  sim_server_add_route (self, "POST", "/__sim/faults", SIM_ROUTE_OPEN, add_fault_cb);
  sim_server_add_route (self, "DELETE", "/__sim/faults", SIM_ROUTE_OPEN, clear_faults_cb);
  sim_server_add_route (self, "GET", "/__sim/requests", SIM_ROUTE_OPEN, get_requests_cb);
  sim_server_add_route (self, "DELETE", "/__sim/requests", SIM_ROUTE_OPEN, clear_requests_cb);
  sim_server_add_route (self, "POST", "/__sim/tokens/revoke", SIM_ROUTE_OPEN, revoke_tokens_cb);
  sim_server_add_route (self, "POST", "/__sim/token-lifetime", SIM_ROUTE_OPEN, token_lifetime_cb);
}
