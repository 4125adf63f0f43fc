/* sim-sandbox-management.c
 *
 * The Sandbox Management service: the available sandboxes and, for an
 * administrator, every sandbox and the sandbox types, with the
 * platform's paging; looking one sandbox up; creating development
 * sandboxes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-sandbox-management"

#include "config.h"

#include <string.h>

#include "sim-services.h"

#define BASE_PATH "/data/foundation/sandbox-management/"

/* The appendix of the Sandbox API guide: "limit and offset have to be
 * specified together"; neither means 50 from 0.
 */
static gboolean
read_paging (SimRequest *request,
             gint64     *limit,
             gint64     *offset)
{
  gboolean has_limit = sim_request_get_query (request, "limit") != NULL;
  gboolean has_offset = sim_request_get_query (request, "offset") != NULL;

  if (has_limit != has_offset)
    {
      sim_request_reply_problem (request, 400, "SMS-2004-400", "Invalid paging",
                                 "The limit and offset parameters go together: give both or neither.");
      return FALSE;
    }

  return sim_request_get_query_int (request, "limit", 50, 1, 100, "SMS-2004-400", "Invalid limit", limit) &&
         sim_request_get_query_int (request, "offset", 0, 0, G_MAXINT32, "SMS-2004-400", "Invalid offset",
                                    offset);
}

static void
reply_page (SimRequest *request,
            const char *path,
            GPtrArray  *sandboxes,
            gint64      limit,
            gint64      offset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *page_href = NULL;
  const char *base_url = sim_server_get_base_url (request->server);
  guint count = 0;

  page_href = g_strconcat (base_url, path, "?limit={limit}&offset={offset}", NULL);

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
      g_autofree char *next_href = NULL;

      next_href = g_strdup_printf ("%s%s?limit=%" G_GINT64_FORMAT "&offset=%" G_GINT64_FORMAT,
                                   base_url, path, limit, offset + limit);

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

/* "Available sandboxes": those the caller may use, for every user. */
static void
list_cb (SimRequest *request)
{
  g_autoptr(GPtrArray) sandboxes = NULL;
  gint64 limit;
  gint64 offset;

  if (!read_paging (request, &limit, &offset))
    return;

  sandboxes = sim_world_list_sandboxes (sim_server_get_world (request->server), request->client);
  reply_page (request, BASE_PATH, sandboxes, limit, offset);
}

/* Sandbox Administration stands for a client without an allow-list: one
 * limited to some sandboxes is an ordinary user.
 */
static gboolean
check_admin (SimRequest *request)
{
  if (request->client->sandboxes == NULL)
    return TRUE;

  sim_request_reply_problem (request, 403, "SMS-1008-403", "Forbidden",
                             "This operation needs the Sandbox Administration permission.");
  return FALSE;
}

static const char *
sandbox_field (JsonObject *sandbox,
               const char *field)
{
  /* orderBy's names for the dates, as in the OpenAPI example. */
  if (g_str_equal (field, "created"))
    field = "createdDate";
  else if (g_str_equal (field, "updated"))
    field = "lastModifiedDate";

  return sim_json_get_string (sandbox, field);
}

static gboolean
is_sandbox_field (const char *field)
{
  static const char * const fields[] = { "name", "title", "state", "type", "region", "created", "updated" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, fields[i]))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GStrv fields;
  gboolean descending;
} SandboxOrder;

static int
compare_sandboxes (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  JsonObject *x = *(JsonObject * const *) a;
  JsonObject *y = *(JsonObject * const *) b;
  const SandboxOrder *order = user_data;

  for (guint i = 0; order->fields[i] != NULL; i++)
    {
      int result = g_strcmp0 (sandbox_field (x, order->fields[i]), sandbox_field (y, order->fields[i]));

      if (result != 0)
        return order->descending ? -result : result;
    }

  return 0;
}

/* The OpenAPI's orderBy ("asc:created,updated") and property
 * ("name==test"; also != and the ~ regex of the other services).
 */
static gboolean
filter_and_order (SimRequest *request,
                  GPtrArray  *sandboxes)
{
  const char *property = sim_request_get_query (request, "property");
  const char *order_by = sim_request_get_query (request, "orderBy");

  if (property != NULL)
    {
      const char *op = strpbrk (property, "=!~");
      g_autofree char *field = op != NULL ? g_strndup (property, op - property) : NULL;
      g_autoptr(GRegex) regex = NULL;
      enum { NONE, EQUAL, NOT_EQUAL, MATCH } kind = NONE;
      const char *value = NULL;

      if (op != NULL && g_str_has_prefix (op, "=="))
        {
          kind = EQUAL;
          value = op + 2;
        }
      else if (op != NULL && g_str_has_prefix (op, "!="))
        {
          kind = NOT_EQUAL;
          value = op + 2;
        }
      else if (op != NULL && *op == '~')
        {
          kind = MATCH;
          value = op + 1;
        }

      if (kind == NONE || !is_sandbox_field (field) ||
          (kind == MATCH && !(regex = g_regex_new (value, G_REGEX_CASELESS, 0, NULL))))
        {
          sim_request_reply_problem (request, 400, "SMS-2004-400", "Invalid property filter",
                                     "The property filter must be a field (name, title, state, type, "
                                     "region, created, updated), ==, != or ~, and a value, not '%s'.",
                                     property);
          return FALSE;
        }

      for (guint i = sandboxes->len; i > 0; i--)
        {
          const char *actual = sandbox_field (g_ptr_array_index (sandboxes, i - 1), field);
          gboolean keep;

          if (kind == EQUAL)
            keep = g_strcmp0 (actual, value) == 0;
          else if (kind == NOT_EQUAL)
            keep = g_strcmp0 (actual, value) != 0;
          else
            keep = actual != NULL && g_regex_match (regex, actual, 0, NULL);

          if (!keep)
            g_ptr_array_remove_index (sandboxes, i - 1);
        }
    }

  if (order_by != NULL)
    {
      SandboxOrder order = { NULL, g_str_has_prefix (order_by, "desc:") };
      const char *list = strchr (order_by, ':');
      gboolean valid = g_str_has_prefix (order_by, "asc:") || order.descending;

      order.fields = valid ? g_strsplit (list + 1, ",", -1) : NULL;
      for (guint i = 0; valid && order.fields[i] != NULL; i++)
        valid = is_sandbox_field (order.fields[i]);
      valid = valid && order.fields[0] != NULL;

      if (!valid)
        {
          g_strfreev (order.fields);
          sim_request_reply_problem (request, 400, "SMS-2004-400", "Invalid orderBy",
                                     "orderBy must be asc: or desc: and fields among name, title, state, "
                                     "type, region, created and updated, not '%s'.", order_by);
          return FALSE;
        }

      g_ptr_array_sort_with_data (sandboxes, compare_sandboxes, &order);
      g_strfreev (order.fields);
    }

  return TRUE;
}

/* Every sandbox of the organization, whatever its state: an admin call. */
static void
list_all_cb (SimRequest *request)
{
  g_autoptr(GPtrArray) sandboxes = NULL;
  gint64 limit;
  gint64 offset;

  if (!check_admin (request) || !read_paging (request, &limit, &offset))
    return;

  sandboxes = sim_world_list_sandboxes (sim_server_get_world (request->server), request->client);
  if (!filter_and_order (request, sandboxes))
    return;

  reply_page (request, BASE_PATH "sandboxes", sandboxes, limit, offset);
}

/* Bare names, as in the Experience League page's example; the OpenAPI
 * describes {id, title} objects, which no example shows.
 */
static void
list_types_cb (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (!check_admin (request))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sandboxTypes");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "production");
  json_builder_add_string_value (builder, "development");
  json_builder_end_array (builder);
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
  sim_server_add_route (server, "GET", BASE_PATH "sandboxTypes", SIM_ROUTE_SANDBOX_OPTIONAL, list_types_cb);
  sim_server_add_route (server, "GET", BASE_PATH "sandboxes", SIM_ROUTE_SANDBOX_OPTIONAL, list_all_cb);
  sim_server_add_route (server, "GET", BASE_PATH "sandboxes/{name}", SIM_ROUTE_SANDBOX_OPTIONAL,
                        get_cb);
  sim_server_add_route (server, "POST", BASE_PATH "sandboxes", SIM_ROUTE_SANDBOX_OPTIONAL,
                        create_cb);
}
