/* sim-query-templates.c
 *
 * Query Service's templates (`/query-templates`): POST (202, `name` and
 * `sql` required), GET one, PUT (202), DELETE (202), `/count`, and the
 * list, newest first by default, paged by `limit` and a `start`
 * timestamp as the queries are, `_page.next` and an absolute
 * `_links.next.href`. Schedules and queries name them by `templateId`.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-templates"

#include "config.h"

#include "sim-clock.h"
#include "sim-queries-private.h"

#define TEMPLATES_PATH QUERY_PATH "/query-templates"

typedef struct
{
  char *id;
  char *name;
  char *sql;
  JsonNode *parameters;
  char *user_id;
  gint64 created;
  gint64 updated;
} Template;

static GHashTable *stores;   /* "org\nsandbox" → GPtrArray of Template, by created */

static void
template_free (Template *template)
{
  g_free (template->id);
  g_free (template->name);
  g_free (template->sql);
  g_clear_pointer (&template->parameters, json_node_unref);
  g_free (template->user_id);
  g_free (template);
}

static GPtrArray *
get_store (const char *org_id,
           const char *sandbox)
{
  g_autofree char *key = g_strconcat (org_id, "\n", sandbox, NULL);
  GPtrArray *store;

  if (stores == NULL)
    stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  if ((store = g_hash_table_lookup (stores, key)) == NULL)
    {
      store = g_ptr_array_new_with_free_func ((GDestroyNotify) template_free);
      g_hash_table_insert (stores, g_steal_pointer (&key), store);
    }

  return store;
}

static Template *
lookup (const char *org_id,
        const char *sandbox,
        const char *id)
{
  GPtrArray *store = get_store (org_id, sandbox);

  for (guint i = 0; i < store->len; i++)
    if (g_str_equal (((Template *) g_ptr_array_index (store, i))->id, id))
      return g_ptr_array_index (store, i);

  return NULL;
}

const char *
query_templates_lookup_sql (const char *org_id,
                            const char *sandbox,
                            const char *id)
{
  Template *template = lookup (org_id, sandbox, id);

  return template != NULL ? template->sql : NULL;
}

static void
add_template_json (JsonBuilder *builder,
                   SimRequest  *request,
                   Template    *template)
{
  g_autofree char *updated = queries_format_time (template->updated);
  g_autofree char *created = queries_format_time (template->created);
  g_autofree char *href = g_strconcat (sim_server_get_base_url (request->server), TEMPLATES_PATH "/",
                                       template->id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, template->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, template->name);
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, template->sql);
  if (template->parameters != NULL)
    {
      json_builder_set_member_name (builder, "queryParameters");
      json_builder_add_value (builder, json_node_copy (template->parameters));
    }
  json_builder_set_member_name (builder, "userId");
  json_builder_add_string_value (builder, template->user_id);
  json_builder_set_member_name (builder, "lastUpdatedBy");
  json_builder_add_string_value (builder, template->user_id);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);
  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  add_href (builder, "self", href, "GET");
  add_href (builder, "update", href, "PUT");
  add_href (builder, "delete", href, "DELETE");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
reply_template (SimRequest *request,
                guint       status,
                Template   *template)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  add_template_json (builder, request, template);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, status, node);
}

/* name and sql required, queryParameters an object of strings. */
static gboolean
read_definition (SimRequest  *request,
                 const char **name,
                 const char **sql,
                 JsonNode   **parameters)
{
  JsonObject *body;

  if (!sim_request_parse_body (request))
    return FALSE;

  body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  *name = body != NULL ? sim_json_get_string (body, "name") : NULL;
  *sql = body != NULL ? sim_json_get_string (body, "sql") : NULL;
  *parameters = body != NULL ? json_object_get_member (body, "queryParameters") : NULL;
  if (*name == NULL || **name == '\0' || *sql == NULL || **sql == '\0')
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "A query template needs a name and its sql.");
      return FALSE;
    }
  if (*parameters != NULL && !JSON_NODE_HOLDS_OBJECT (*parameters))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "queryParameters must be an object of strings.");
      return FALSE;
    }

  return TRUE;
}

static void
create_template_cb (SimRequest *request)
{
  GPtrArray *store = get_store (request->client->org->id, request->sandbox);
  const char *name;
  const char *sql;
  JsonNode *parameters;
  Template *template;

  if (!read_definition (request, &name, &sql, &parameters))
    return;

  template = g_new0 (Template, 1);
  template->id = queries_new_uuid ();
  template->name = g_strdup (name);
  template->sql = g_strdup (sql);
  template->parameters = parameters != NULL ? json_node_copy (parameters) : NULL;
  template->user_id = g_strdup (request->client->technical_account_id);
  template->created = sim_clock_now_ms ();
  if (store->len > 0)
    template->created = MAX (template->created, ((Template *) g_ptr_array_index (store, store->len - 1))->created + 1);
  template->updated = template->created;
  g_ptr_array_add (store, template);

  reply_template (request, 202, template);
}

static Template *
find_template (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  Template *template = lookup (request->client->org->id, request->sandbox, id);

  if (template == NULL)
    sim_request_reply_problem (request, 404, QS_NOT_FOUND_CODE, "Query template not found",
                               "Query template '%s' does not exist in sandbox '%s'.", id, request->sandbox);

  return template;
}

static void
get_template_cb (SimRequest *request)
{
  Template *template = find_template (request);

  if (template != NULL)
    reply_template (request, 200, template);
}

static void
update_template_cb (SimRequest *request)
{
  Template *template = find_template (request);
  const char *name;
  const char *sql;
  JsonNode *parameters;

  if (template == NULL || !read_definition (request, &name, &sql, &parameters))
    return;

  g_free (template->name);
  template->name = g_strdup (name);
  g_free (template->sql);
  template->sql = g_strdup (sql);
  g_clear_pointer (&template->parameters, json_node_unref);
  template->parameters = parameters != NULL ? json_node_copy (parameters) : NULL;
  template->updated = MAX (sim_clock_now_ms (), template->updated + 1);

  reply_template (request, 202, template);
}

static void
delete_template_cb (SimRequest *request)
{
  Template *template = find_template (request);

  if (template == NULL)
    return;

  g_ptr_array_remove (get_store (request->client->org->id, request->sandbox), template);
  sim_request_reply_strings (request, 202, "message", "Deleted", NULL);
}

static void
count_templates_cb (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, get_store (request->client->org->id, request->sandbox)->len);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static gint64
parse_start (const char *text)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time != NULL ? g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000 : -1;
}

static void
list_templates_cb (SimRequest *request)
{
  GPtrArray *store = get_store (request->client->org->id, request->sandbox);
  const char *orderby = sim_request_get_query (request, "orderby");
  const char *start_text = sim_request_get_query (request, "start");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean ascending = FALSE;
  gint64 start = -1;
  gint64 limit;
  guint first = 0;
  guint end;

  if (orderby != NULL && !g_str_equal (orderby, "-created") && !g_str_equal (orderby, "+created"))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "orderby must be +created (sent as %%2Bcreated) or -created, not '%s'.", orderby);
      return;
    }
  ascending = orderby != NULL && orderby[0] == '+';
  if (!sim_request_get_query_int (request, "limit", 20, 1, 1000, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE, &limit))
    return;
  if (start_text != NULL && (start = parse_start (start_text)) < 0)
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "start must be a timestamp, not '%s'.", start_text);
      return;
    }

#define NTH(i) ((Template *) g_ptr_array_index (store, ascending ? (i) : store->len - 1 - (i)))
  while (start >= 0 && first < store->len &&
         (ascending ? NTH (first)->created < start : NTH (first)->created > start))
    first++;
  end = MIN (first + (guint) limit, store->len);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "templates");
  json_builder_begin_array (builder);
  for (guint i = first; i < end; i++)
    add_template_json (builder, request, NTH (i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "_page");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orderby");
  json_builder_add_string_value (builder, ascending ? "+created" : "-created");
  if (end < store->len)
    {
      g_autofree char *next = queries_format_time (NTH (end)->created);
      g_autofree char *escaped = g_uri_escape_string (next, NULL, FALSE);
      g_autofree char *href = g_strdup_printf ("%s%s?orderby=%s&limit=%" G_GINT64_FORMAT "&start=%s",
                                               sim_server_get_base_url (request->server), TEMPLATES_PATH,
                                               ascending ? "%2Bcreated" : "-created", limit, escaped);

      json_builder_set_member_name (builder, "next");
      json_builder_add_string_value (builder, next);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, end - first);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "_links");
      json_builder_begin_object (builder);
      add_href (builder, "next", href, NULL);
    }
  else
    {
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, end - first);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "_links");
      json_builder_begin_object (builder);
    }
#undef NTH
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

void
sim_query_templates_register (SimServer *server)
{
  sim_server_add_route (server, "POST", TEMPLATES_PATH, SIM_ROUTE_SANDBOX_DEFAULT_PROD, create_template_cb);
  sim_server_add_route (server, "GET", TEMPLATES_PATH, SIM_ROUTE_SANDBOX_DEFAULT_PROD, list_templates_cb);
  sim_server_add_route (server, "GET", TEMPLATES_PATH "/count", SIM_ROUTE_SANDBOX_DEFAULT_PROD, count_templates_cb);
  sim_server_add_route (server, "GET", TEMPLATES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, get_template_cb);
  sim_server_add_route (server, "PUT", TEMPLATES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, update_template_cb);
  sim_server_add_route (server, "DELETE", TEMPLATES_PATH "/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        delete_template_cb);
}
