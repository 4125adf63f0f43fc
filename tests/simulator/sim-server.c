/* sim-server.c
 *
 * The simulator's core: routing, the API gateway's checks, injected
 * faults and the request log that tests read back.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tributary-sim"

#include "config.h"

#include <string.h>

#include "sim-server.h"

typedef struct
{
  char *method;
  char **segments;
  SimRouteFlags flags;
  SimHandler handler;
} SimRoute;

struct _SimServer
{
  SoupServer *soup;
  char *base_url;
  JsonParser *orgs_parser;
  JsonParser *sandboxes_parser;
  GPtrArray *routes;
  GHashTable *tokens;      /* token → SimToken */
  GPtrArray *faults;       /* JsonObject */
  JsonArray *requests;
  guint token_lifetime;
};

static void
sim_token_free (SimToken *token)
{
  g_free (token->token);
  g_free (token->client_id);
  g_free (token->org_id);
  g_free (token);
}

static void
sim_route_free (SimRoute *route)
{
  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

static JsonParser *
load_world_file (const char  *world_dir,
                 const char  *name,
                 const char  *member,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (world_dir, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), member)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: expected an object with a \"%s\" array", path, member);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

SimServer *
sim_server_new (const char  *world_dir,
                guint        token_lifetime,
                GError     **error)
{
  SimServer *self = g_new0 (SimServer, 1);

  if (!(self->orgs_parser = load_world_file (world_dir, "orgs.json", "orgs", error)) ||
      !(self->sandboxes_parser = load_world_file (world_dir, "sandboxes.json", "sandboxes", error)))
    {
      g_clear_object (&self->orgs_parser);
      g_free (self);
      return NULL;
    }

  self->soup = soup_server_new ("server-header", "tributary-sim", NULL);
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_route_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sim_token_free);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->requests = json_array_new ();
  self->token_lifetime = token_lifetime;

  return self;
}

const char *
sim_server_get_base_url (SimServer *self)
{
  return self->base_url;
}

JsonArray *
sim_server_get_orgs (SimServer *self)
{
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (self->orgs_parser)), "orgs");
}

JsonArray *
sim_server_get_sandboxes (SimServer *self)
{
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (self->sandboxes_parser)),
                                       "sandboxes");
}

GHashTable *
sim_server_get_tokens (SimServer *self)
{
  return self->tokens;
}

guint
sim_server_get_token_lifetime (SimServer *self)
{
  return self->token_lifetime;
}

void
sim_server_set_token_lifetime (SimServer *self,
                               guint      seconds)
{
  self->token_lifetime = seconds;
}

void
sim_server_clear_requests (SimServer *self)
{
  g_clear_pointer (&self->requests, json_array_unref);
  self->requests = json_array_new ();
}

JsonNode *
sim_server_dup_requests (SimServer *self)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, self->requests);

  return node;
}

void
sim_server_add_fault (SimServer  *self,
                      JsonObject *fault)
{
  g_ptr_array_add (self->faults, json_object_ref (fault));
}

void
sim_server_clear_faults (SimServer *self)
{
  g_ptr_array_set_size (self->faults, 0);
}

JsonObject *
sim_server_find_sandbox (SimServer  *self,
                         const char *org_id,
                         const char *name)
{
  JsonArray *sandboxes = sim_server_get_sandboxes (self);

  for (guint i = 0; i < json_array_get_length (sandboxes); i++)
    {
      JsonObject *sandbox = json_array_get_object_element (sandboxes, i);

      if (g_strcmp0 (json_object_get_string_member (sandbox, "org"), org_id) == 0 &&
          g_strcmp0 (json_object_get_string_member (sandbox, "name"), name) == 0)
        return sandbox;
    }

  return NULL;
}

void
sim_server_add_route (SimServer     *self,
                      const char    *method,
                      const char    *pattern,
                      SimRouteFlags  flags,
                      SimHandler     handler)
{
  SimRoute *route = g_new0 (SimRoute, 1);

  route->method = g_strdup (method);
  route->segments = g_strsplit (pattern, "/", -1);
  route->flags = flags;
  route->handler = handler;
  g_ptr_array_add (self->routes, route);
}

static gboolean
route_matches (SimRoute    *route,
               char       **segments,
               GHashTable  *params)
{
  if (g_strv_length (route->segments) != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *want = route->segments[i];

      if (want[0] == '{' && segments[i][0] != '\0')
        {
          if (params != NULL)
            g_hash_table_insert (params, g_strndup (want + 1, strlen (want) - 2), g_strdup (segments[i]));
        }
      else if (!g_str_equal (want, segments[i]))
        return FALSE;
    }

  return TRUE;
}

static char *
new_request_id (void)
{
  return g_uuid_string_random ();
}

static void
reply_raw (SimRequest *request,
           guint       status,
           const char *content_type,
           const char *body)
{
  soup_server_message_set_status (request->message, status, NULL);
  soup_server_message_set_response (request->message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

void
sim_reply_json (SimRequest *request,
                guint       status,
                JsonNode   *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  reply_raw (request, status, "application/json;charset=utf-8", text);
}

void
sim_reply_gateway_error (SimRequest *request,
                         guint       status,
                         const char *code,
                         const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error_code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_reply_json (request, status, node);
}

void
sim_reply_problem (SimRequest *request,
                   guint       status,
                   const char *code,
                   const char *title,
                   const char *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *type = g_strconcat ("http://ns.adobe.com/aep/errors/", code, NULL);
  const char *request_id = soup_message_headers_get_one (soup_server_message_get_response_headers (request->message),
                                                         "x-request-id");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  if (detail != NULL)
    {
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, detail);
    }
  json_builder_set_member_name (builder, "report");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x-request-id");
  json_builder_add_string_value (builder, request_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_reply_json (request, status, node);
}

/* The API gateway's checks, in the order the real gateway makes them. */
static gboolean
check_gateway (SimRequest    *request,
               SimRouteFlags  flags)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *api_key = soup_message_headers_get_one (headers, "x-api-key");
  const char *org_id = soup_message_headers_get_one (headers, "x-gw-ims-org-id");
  const char *method = soup_server_message_get_method (request->message);
  SimToken *token;

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer "))
    {
      sim_reply_gateway_error (request, 401, "401013", "Oauth token is missing.");
      return FALSE;
    }

  if (!(token = g_hash_table_lookup (request->server->tokens, authorization + strlen ("Bearer "))))
    {
      sim_reply_gateway_error (request, 401, "401013", "Oauth token is not valid");
      return FALSE;
    }

  if (g_get_monotonic_time () >= token->expires)
    {
      sim_reply_gateway_error (request, 401, "401014", "Oauth token is expired");
      return FALSE;
    }

  if (api_key == NULL)
    {
      sim_reply_gateway_error (request, 403, "403000", "Api Key is required");
      return FALSE;
    }
  if (!g_str_equal (api_key, token->client_id))
    {
      sim_reply_gateway_error (request, 403, "403003", "Api Key is invalid");
      return FALSE;
    }

  if (org_id == NULL)
    {
      sim_reply_gateway_error (request, 400, "400003", "Missing header x-gw-ims-org-id");
      return FALSE;
    }
  if (!g_str_equal (org_id, token->org_id))
    {
      sim_reply_gateway_error (request, 403, "403025", "Profile is not valid");
      return FALSE;
    }

  request->token = token;
  request->sandbox = soup_message_headers_get_one (headers, "x-sandbox-name");

  if (request->sandbox != NULL && sim_server_find_sandbox (request->server, org_id, request->sandbox) == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("Sandbox '%s' does not exist in this organization or you do not have access to it.",
                                                 request->sandbox);
      sim_reply_problem (request, 403, "SMS-1006-403", "Sandbox not found", detail);
      return FALSE;
    }
  if (request->sandbox == NULL && !(flags & SIM_ROUTE_NO_SANDBOX))
    {
      sim_reply_problem (request, 400, "SMS-1005-400", "Missing sandbox header",
                         "The x-sandbox-name header is required.");
      return FALSE;
    }

  if (g_str_equal (method, "POST") || g_str_equal (method, "PUT") || g_str_equal (method, "PATCH"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (request->message);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      const char *content_type = soup_message_headers_get_content_type (headers, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (content_type == NULL || !g_str_has_prefix (content_type, "application/json"))
        {
          sim_reply_problem (request, 415, "GW-415", "Unsupported Media Type",
                             "Request bodies must be application/json.");
          return FALSE;
        }

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        {
          sim_reply_problem (request, 400, "GW-400", "Malformed request body", error->message);
          return FALSE;
        }

      request->body = json_node_ref (json_parser_get_root (parser));
    }

  return TRUE;
}

static void
dispatch (SimServer         *self,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SimRequest request = { self, message, path, query, params, NULL, NULL, NULL };
  const char *method = soup_server_message_get_method (message);
  gboolean path_known = FALSE;

  for (guint i = 0; i < self->routes->len; i++)
    {
      SimRoute *route = g_ptr_array_index (self->routes, i);

      if (!route_matches (route, segments, NULL))
        continue;

      path_known = TRUE;
      if (!g_str_equal (route->method, method))
        continue;

      route_matches (route, segments, params);
      if ((route->flags & SIM_ROUTE_OPEN) || check_gateway (&request, route->flags))
        route->handler (&request);

      g_clear_pointer (&request.body, json_node_unref);
      return;
    }

  if (path_known)
    sim_reply_problem (&request, 405, "GW-405", "Method Not Allowed", NULL);
  else
    sim_reply_problem (&request, 404, "GW-404", "Not Found", "No such resource.");
}

static void
log_request (SimServer         *self,
             SoupServerMessage *message,
             guint              status)
{
  JsonObject *entry = json_object_new ();
  GUri *uri = soup_server_message_get_uri (message);
  const char *sandbox = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                      "x-sandbox-name");

  json_object_set_string_member (entry, "method", soup_server_message_get_method (message));
  json_object_set_string_member (entry, "path", g_uri_get_path (uri));
  json_object_set_string_member (entry, "query", g_uri_get_query (uri));
  json_object_set_int_member (entry, "status", status);
  if (sandbox != NULL)
    json_object_set_string_member (entry, "sandbox", sandbox);
  else
    json_object_set_null_member (entry, "sandbox");
  json_array_add_object_element (self->requests, entry);
}

static JsonObject *
take_fault (SimServer  *self,
            const char *method,
            const char *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      JsonObject *fault = g_ptr_array_index (self->faults, i);
      const char *fault_path = json_object_get_string_member_with_default (fault, "path", "");
      const char *fault_method = json_object_get_string_member_with_default (fault, "method", NULL);
      gsize len = strlen (fault_path);
      gboolean path_ok = len > 0 && fault_path[len - 1] == '*'
                         ? strncmp (path, fault_path, len - 1) == 0
                         : g_str_equal (path, fault_path);
      gint64 count;

      if (!path_ok || (fault_method != NULL && !g_str_equal (fault_method, method)))
        continue;

      json_object_ref (fault);
      count = json_object_get_int_member_with_default (fault, "count", 1) - 1;
      json_object_set_int_member (fault, "count", count);
      if (count <= 0)
        g_ptr_array_remove_index (self->faults, i);

      return fault;
    }

  return NULL;
}

typedef struct
{
  SimServer *server;
  SoupServerMessage *message;
  char *path;
  GHashTable *query;
} Delayed;

static gboolean
delayed_cb (gpointer data)
{
  Delayed *delayed = data;

  dispatch (delayed->server, delayed->message, delayed->path, delayed->query);
  log_request (delayed->server, delayed->message, soup_server_message_get_status (delayed->message));
  soup_server_message_unpause (delayed->message);

  g_object_unref (delayed->message);
  g_free (delayed->path);
  g_clear_pointer (&delayed->query, g_hash_table_unref);
  g_free (delayed);

  return G_SOURCE_REMOVE;
}

static void
write_and_close (GIOStream  *stream,
                 const char *data,
                 gsize       length)
{
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  if (length > 0)
    g_output_stream_write_all (out, data, length, NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* Returns TRUE if the fault answered the request. */
static gboolean
apply_fault (SimServer         *self,
             SoupServerMessage *message,
             JsonObject        *fault,
             const char        *path,
             GHashTable        *query)
{
  const char *kind = json_object_get_string_member_with_default (fault, "kind", "status");
  SimRequest request = { self, message, path, query, NULL, NULL, NULL, NULL };

  if (g_str_equal (kind, "reset"))
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

      log_request (self, message, 0);
      g_io_stream_close (stream, NULL, NULL);
      return TRUE;
    }

  if (g_str_equal (kind, "delay"))
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->server = self;
      delayed->message = g_object_ref (message);
      delayed->path = g_strdup (path);
      delayed->query = query != NULL ? g_hash_table_ref (query) : NULL;
      soup_server_message_pause (message);
      g_timeout_add (json_object_get_int_member_with_default (fault, "delay_ms", 1000), delayed_cb, delayed);
      return TRUE;
    }

  if (g_str_equal (kind, "truncate"))
    {
      g_autoptr(GIOStream) stream = NULL;
      g_autoptr(GString) raw = g_string_new (NULL);
      g_autoptr(GBytes) body = NULL;
      gsize length;
      const char *data;

      /* Answer for real, then send only half of it and hang up. */
      dispatch (self, message, path, query);
      body = soup_message_body_flatten (soup_server_message_get_response_body (message));
      data = g_bytes_get_data (body, &length);

      g_string_append_printf (raw, "HTTP/1.1 %u OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                              soup_server_message_get_status (message), length);
      g_string_append_len (raw, data, length / 2);

      log_request (self, message, soup_server_message_get_status (message));
      stream = soup_server_message_steal_connection (message);
      write_and_close (stream, raw->str, raw->len);
      return TRUE;
    }

  if (g_str_equal (kind, "non_json"))
    {
      reply_raw (&request, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
      log_request (self, message, 502);
      return TRUE;
    }

  {
    guint status = json_object_get_int_member_with_default (fault, "status", 500);
    const char *retry_after = json_object_get_string_member_with_default (fault, "retry_after", NULL);

    if (retry_after != NULL)
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", retry_after);

    if (status == 429)
      sim_reply_gateway_error (&request, 429, "429050", "Too many requests");
    else if (status == 401)
      sim_reply_gateway_error (&request, 401, "401013", "Oauth token is not valid");
    else
      sim_reply_problem (&request, status, "SIM-FAULT", soup_status_get_phrase (status), "Injected fault.");

    log_request (self, message, status);
    return TRUE;
  }
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SimServer *self = user_data;
  g_autoptr(JsonObject) fault = NULL;
  g_autofree char *request_id = new_request_id ();

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "x-request-id", request_id);

  if (!g_str_has_prefix (path, "/__sim/") &&
      (fault = take_fault (self, soup_server_message_get_method (message), path)) &&
      apply_fault (self, message, fault, path, query))
    return;

  dispatch (self, message, path, query);

  if (!g_str_has_prefix (path, "/__sim/"))
    log_request (self, message, soup_server_message_get_status (message));
}

gboolean
sim_server_listen (SimServer   *self,
                   const char  *host,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) socket_address = NULL;
  GSList *uris;

  if (address == NULL || !g_inet_address_get_is_loopback (address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s is not a loopback address; the simulator listens only on this computer", host);
      return FALSE;
    }

  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);

  socket_address = g_inet_socket_address_new (address, port);
  if (!soup_server_listen (self->soup, socket_address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  g_assert (uris != NULL);
  self->base_url = g_strdup_printf ("http://%s:%d", host, g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

char *
sim_server_dup_ready_line (SimServer *self)
{
  JsonObject *org = json_array_get_object_element (sim_server_get_orgs (self), 0);
  JsonObject *client = json_array_get_object_element (json_object_get_array_member (org, "clients"), 0);
  JsonArray *scopes = json_object_get_array_member (client, "scopes");
  g_autoptr(GPtrArray) scope_list = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < json_array_get_length (scopes); i++)
    g_ptr_array_add (scope_list, (gpointer) json_array_get_string_element (scopes, i));
  g_ptr_array_add (scope_list, NULL);
  joined = g_strjoinv (", ", (char **) scope_list->pdata);

  json_builder_begin_object (builder);
#define MEMBER(name, value) json_builder_set_member_name (builder, name); json_builder_add_string_value (builder, value)
  MEMBER ("base_url", self->base_url);
  MEMBER ("ims_url", self->base_url);
  MEMBER ("org_id", json_object_get_string_member (org, "id"));
  MEMBER ("client_id", json_object_get_string_member (client, "client_id"));
  MEMBER ("client_secret", json_object_get_string_member (client, "client_secret"));
  MEMBER ("technical_account_id", json_object_get_string_member (client, "technical_account_id"));
  MEMBER ("scopes", joined);
  MEMBER ("sandbox", "prod");
#undef MEMBER
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return json_to_string (node, FALSE);
}
