/* sim-sandbox-management.c
 *
 * The Sandbox Management service: listing with the platform's paging,
 * looking one sandbox up, and creating development sandboxes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-sandbox-management"

#include "config.h"

#include "sim-services.h"

#define BASE_PATH "/data/foundation/sandbox-management/"

static void
list_cb (SimRequest *request)
{
  g_autoptr(GPtrArray) sandboxes = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *page_href = NULL;
  const char *base_url = sim_server_get_base_url (request->server);
  gint64 limit;
  gint64 offset;
  guint count = 0;

  if (!sim_request_get_query_int (request, "limit", 50, 1, 100, "SMS-2004-400", "Invalid limit", &limit) ||
      !sim_request_get_query_int (request, "offset", 0, 0, G_MAXINT32, "SMS-2004-400", "Invalid offset", &offset))
    return;

  sandboxes = sim_world_list_sandboxes (sim_server_get_world (request->server), request->client);
  page_href = g_strconcat (base_url, BASE_PATH "?limit={limit}&offset={offset}", NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sandboxes");
  json_builder_begin_array (builder);
  for (gint64 i = offset; i < sandboxes->len && i < offset + limit; i++, count++)
    json_builder_add_value (builder, sim_sandbox_to_json (g_ptr_array_index (sandboxes, i)));
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
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, page_href);
  json_builder_set_member_name (builder, "templated");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  if (offset + limit < sandboxes->len)
    {
      g_autofree char *next_href = g_strdup_printf ("%s" BASE_PATH "?limit=%" G_GINT64_FORMAT
                                                    "&offset=%" G_GINT64_FORMAT,
                                                    base_url, limit, offset + limit);

      json_builder_set_member_name (builder, "next");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "href");
      json_builder_add_string_value (builder, next_href);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

static void
get_cb (SimRequest *request)
{
  const char *name = sim_request_get_param (request, "name");
  JsonObject *sandbox = sim_world_lookup_sandbox (sim_server_get_world (request->server),
                                                  request->client, name);
  g_autoptr(JsonNode) node = NULL;

  if (sandbox == NULL)
    {
      sim_request_reply_problem (request, 404, "SMS-2003-404", "Sandbox not found",
                                 "Sandbox '%s' does not exist in this organization or you do "
                                 "not have access to it.", name);
      return;
    }

  node = sim_sandbox_to_json (sandbox);
  sim_request_reply_json (request, 200, node);
}

static gboolean
is_valid_name (const char *name)
{
  gsize length = 0;

  if (name == NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++, length++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return length >= 1 && length <= 32;
}

static void
create_cb (SimRequest *request)
{
  SimWorld *world = sim_server_get_world (request->server);
  g_autoptr(JsonObject) sandbox = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = NULL;
  JsonObject *body;
  const char *name;
  const char *title;
  const char *type;

  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "SMS-2001-400", "Invalid request",
                                 "The request body must be a JSON object with name, title "
                                 "and type.");
      return;
    }
  body = json_node_get_object (request->body);
  name = sim_json_get_string (body, "name");
  title = sim_json_get_string (body, "title");
  type = sim_json_get_string (body, "type");

  if (!is_valid_name (name))
    {
      sim_request_reply_problem (request, 400, "SMS-2001-400", "Invalid request",
                                 "Field 'name' is required and must be 1 to 32 lowercase letters, "
                                 "digits or hyphens.");
      return;
    }

  if (title == NULL || title[0] == '\0')
    {
      sim_request_reply_problem (request, 400, "SMS-2001-400", "Invalid request",
                                 "Field 'title' is required and must be a non-empty string.");
      return;
    }

  if (g_strcmp0 (type, "development") != 0)
    {
      sim_request_reply_problem (request, 400, "SMS-2001-400", "Invalid request",
                                 "Field 'type' must be 'development'; other sandbox types "
                                 "cannot be created through this API.");
      return;
    }

  /* Names are unique in the org, including sandboxes this client cannot see. */
  if (sim_world_find_sandbox (world, request->client->org->id, name) != NULL)
    {
      sim_request_reply_problem (request, 409, "SMS-2002-409", "Sandbox already exists",
                                 "A sandbox named '%s' already exists in this organization.", name);
      return;
    }

  now = sim_format_date_now ();
  sandbox = json_object_new ();
  json_object_set_string_member (sandbox, "org", request->client->org->id);
  json_object_set_string_member (sandbox, "name", name);
  json_object_set_string_member (sandbox, "title", title);
  json_object_set_string_member (sandbox, "state", "active");
  json_object_set_string_member (sandbox, "type", "development");
  json_object_set_string_member (sandbox, "region", request->client->org->region);
  json_object_set_boolean_member (sandbox, "isDefault", FALSE);
  json_object_set_int_member (sandbox, "eTag", 1);
  json_object_set_string_member (sandbox, "createdDate", now);
  json_object_set_string_member (sandbox, "lastModifiedDate", now);
  json_object_set_string_member (sandbox, "createdBy", request->client->technical_account_id);
  json_object_set_string_member (sandbox, "modifiedBy", request->client->technical_account_id);
  sim_world_add_sandbox (world, request->client, sandbox);

  g_debug ("Created sandbox %s in %s", name, request->client->org->id);

  node = sim_sandbox_to_json (sandbox);
  sim_request_reply_json (request, 201, node);
}

void
sim_sandbox_management_register (SimServer *server)
{
  /* The service works across sandboxes, so naming one is optional. */
  sim_server_add_route (server, "GET", BASE_PATH, SIM_ROUTE_SANDBOX_OPTIONAL, list_cb);
  sim_server_add_route (server, "GET", BASE_PATH "sandboxes/{name}", SIM_ROUTE_SANDBOX_OPTIONAL,
                        get_cb);
  sim_server_add_route (server, "POST", BASE_PATH "sandboxes", SIM_ROUTE_SANDBOX_OPTIONAL,
                        create_cb);
}
