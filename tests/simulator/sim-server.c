/* sim-server.c
 *
 * The simulator's core: the route table, the per-request state handed
 * to handlers, the reply helpers that give every answer the platform's
 * shape, and where injected faults take over from normal handling.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-server"

#include "config.h"

#include <string.h>

#include "sim-server-private.h"

typedef struct
{
  char *method;
  GStrv segments;
  SimRouteFlags flags;
  gboolean gateway;
  SimHandler handler;
} SimRoute;

struct _SimServer
{
  SoupServer *soup;
  char *base_url;
  SimWorld *world;
  SimTokenTable *tokens;
  SimFaults *faults;
  SimRequestLog *log;
  GPtrArray *routes;      /* SimRoute, matched in registration order */
  GHashTable *delays;     /* Delay set, so shutdown can cancel their timeouts */
};

typedef struct
{
  SimRequest *request;
  guint source_id;
  gulong disconnected_id;
  gboolean disconnected;
} Delay;

static void
sim_route_free (SimRoute *route)
{
  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

static void
delay_free (Delay *delay)
{
  g_clear_handle_id (&delay->source_id, g_source_remove);
  g_clear_signal_handler (&delay->disconnected_id, delay->request->message);
  sim_request_unref (delay->request);
  g_free (delay);
}

/**
 * sim_server_new:
 * @world: (transfer full): the world to serve
 * @token_lifetime: seconds an access token stays valid
 */
SimServer *
sim_server_new (SimWorld *world,
                guint     token_lifetime)
{
  SimServer *self = g_new0 (SimServer, 1);

  self->soup = soup_server_new ("server-header", "tributary-sim ", NULL);
  self->world = world;
  self->tokens = sim_token_table_new (token_lifetime);
  self->faults = sim_faults_new ();
  self->log = sim_request_log_new ();
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_route_free);
  self->delays = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) delay_free, NULL);

  return self;
}

void
sim_server_free (SimServer *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->delays, g_hash_table_unref);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->log, sim_request_log_free);
  g_clear_pointer (&self->faults, sim_faults_free);
  g_clear_pointer (&self->tokens, sim_token_table_free);
  g_clear_pointer (&self->world, sim_world_free);
  g_clear_pointer (&self->base_url, g_free);
  g_free (self);
}

const char *
sim_server_get_base_url (SimServer *self)
{
  return self->base_url;
}

SimWorld *
sim_server_get_world (SimServer *self)
{
  return self->world;
}

SimTokenTable *
sim_server_get_tokens (SimServer *self)
{
  return self->tokens;
}

SimFaults *
sim_server_get_faults (SimServer *self)
{
  return self->faults;
}

SimRequestLog *
sim_server_get_request_log (SimServer *self)
{
  return self->log;
}

/**
 * sim_server_add_route:
 * @method: an HTTP method
 * @pattern: a path; a segment written `{name}` matches any non-empty
 *   segment, available as sim_request_get_param (request, "name")
 *
 * Patterns under /data/ are platform routes: the gateway's checks run
 * before @handler.
 */
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
  route->gateway = g_str_has_prefix (pattern, "/data/");
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

      if (want[0] == '{' && g_str_has_suffix (want, "}"))
        {
          g_autofree char *value = g_uri_unescape_string (segments[i], "/");

          if (value == NULL || value[0] == '\0')
            return FALSE;
          if (params != NULL)
            g_hash_table_insert (params, g_strndup (want + 1, strlen (want) - 2),
                                 g_steal_pointer (&value));
        }
      else if (!g_str_equal (want, segments[i]))
        return FALSE;
    }

  return TRUE;
}

static guint
route_literals (SimRoute *route)
{
  guint literals = 0;

  for (guint i = 0; route->segments[i] != NULL; i++)
    if (route->segments[i][0] != '{')
      literals++;

  return literals;
}

static void
dispatch (SimRequest *request)
{
  SimServer *self = request->server;
  g_auto(GStrv) segments = g_strsplit (request->path, "/", -1);
  g_autoptr(GString) allowed = NULL;
  SimRoute *found = NULL;

  /* The route with the most literal segments wins, whichever service
   * registered first: /connectionSpecs/{id}/explore is never taken for
   * some /connectionSpecs/{id}/{anything}.
   */
  for (guint i = 0; i < self->routes->len; i++)
    {
      SimRoute *route = g_ptr_array_index (self->routes, i);

      if (!route_matches (route, segments, NULL))
        continue;

      if (g_str_equal (route->method, request->method))
        {
          if (found == NULL || route_literals (route) > route_literals (found))
            found = route;
        }
      else if (allowed == NULL)
        allowed = g_string_new (route->method);
      else
        g_string_append_printf (allowed, ", %s", route->method);
    }

  if (found == NULL && allowed != NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                    "Allow", allowed->str);
      sim_request_reply_problem (request, 405, "GW-0405-405", "Method Not Allowed",
                                 "%s is not allowed on %s; use %s.", request->method, request->path,
                                 allowed->str);
      return;
    }

  if (found == NULL)
    {
      sim_request_reply_problem (request, 404, "GW-0404-404", "Not Found",
                                 "No resource matches %s.", request->path);
      return;
    }

  route_matches (found, segments, request->params);

  if (found->gateway && !_sim_gateway_check (request, found->flags))
    return;

  found->handler (request);
}

static void
record_status (SimRequest *request)
{
  guint status = soup_server_message_get_status (request->message);

  if (request->log_entry != NULL && status != 0)
    sim_log_entry_set_status (request->log_entry, status);
}

static void
reply_fault_status (SimRequest *request,
                    SimFault   *fault)
{
  g_autofree char *code = g_strdup_printf ("GW-%04u-%u", fault->status, fault->status);

  if (fault->retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                  "Retry-After", fault->retry_after);

  if (fault->status == 429)
    sim_request_reply_gateway_error (request, 429, "429050", "Too many requests");
  else if (fault->detail_bytes > 0)
    {
      /* A server that explains itself at length: one line of any size. */
      g_autoptr(GString) detail = g_string_new (NULL);

      g_string_printf (detail, "The request failed (tributary-sim fault %u): ", fault->id);
      while (detail->len < fault->detail_bytes)
        g_string_append_c (detail, 'x');
      sim_request_reply_problem (request, fault->status, code, sim_status_phrase (fault->status),
                                 "%s", detail->str);
    }
  else
    sim_request_reply_problem (request, fault->status, code, sim_status_phrase (fault->status),
                               "The request failed (tributary-sim fault %u).", fault->id);
}

static void
reply_redirect (SimRequest *request,
                SimFault   *fault)
{
  static const char text[] = "Moved";

  soup_server_message_set_status (request->message, fault->status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                "Location", fault->location);
  soup_server_message_set_response (request->message, "text/plain", SOUP_MEMORY_STATIC, text,
                                    strlen (text));
}

static void
delay_disconnected_cb (SoupServerMessage *message,
                       Delay             *delay)
{
  delay->disconnected = TRUE;
}

static gboolean
delay_done_cb (gpointer user_data)
{
  Delay *delay = user_data;
  g_autoptr(SimRequest) request = sim_request_ref (delay->request);
  gboolean disconnected = delay->disconnected;

  delay->source_id = 0;
  g_hash_table_remove (request->server->delays, delay);

  /* A slow platform still carries out a request whose client gave up
   * waiting, which is exactly what makes a retried POST dangerous.
   */
  dispatch (request);
  record_status (request);

  if (!disconnected)
    soup_server_message_unpause (request->message);

  return G_SOURCE_REMOVE;
}

static void
start_delay (SimRequest *request,
             guint       delay_ms)
{
  Delay *delay = g_new0 (Delay, 1);

  delay->request = sim_request_ref (request);
  delay->disconnected_id = g_signal_connect (request->message, "disconnected",
                                             G_CALLBACK (delay_disconnected_cb), delay);
  delay->source_id = g_timeout_add (delay_ms, delay_done_cb, delay);
  g_hash_table_add (request->server->delays, delay);

  soup_server_message_pause (request->message);
}

static void
apply_fault (SimRequest *request,
             SimFault   *fault)
{
  static const char html[] = "<html><body><h1>502 Bad Gateway</h1></body></html>";

  g_debug ("Fault %u hits %s %s", fault->id, request->method, request->path);

  switch (fault->kind)
    {
    case SIM_FAULT_STATUS:
      reply_fault_status (request, fault);
      record_status (request);
      break;

    case SIM_FAULT_NON_JSON:
      soup_server_message_set_status (request->message, 502, NULL);
      soup_server_message_set_response (request->message, "text/html", SOUP_MEMORY_STATIC, html,
                                        strlen (html));
      record_status (request);
      break;

    case SIM_FAULT_RESET:
      sim_log_entry_set_status (request->log_entry, 0);
      sim_fault_reset_connection (request->message);
      break;

    case SIM_FAULT_DELAY:
      start_delay (request, fault->delay_ms);
      break;

    case SIM_FAULT_TRUNCATE:
      dispatch (request);
      record_status (request);
      sim_fault_send_truncated (request->message, fault->connection_close);
      break;

    case SIM_FAULT_DEEP_NESTING:
      sim_fault_reply_deep (request->message, fault->depth);
      record_status (request);
      break;

    case SIM_FAULT_OVERSIZED:
      sim_fault_reply_oversized (request->message, fault->size, fault->chunked);
      record_status (request);
      break;

    case SIM_FAULT_GZIP_BOMB:
      sim_fault_reply_gzip_bomb (request->message, fault->size);
      record_status (request);
      break;

    case SIM_FAULT_TRICKLE:
    case SIM_FAULT_STALL:
      dispatch (request);
      record_status (request);
      sim_fault_send_slowly (request->message, fault);
      break;

    case SIM_FAULT_REDIRECT:
      reply_redirect (request, fault);
      record_status (request);
      break;

    case SIM_FAULT_BODY:
      soup_server_message_set_status (request->message, fault->status, NULL);
      soup_server_message_set_response (request->message, fault->content_type, SOUP_MEMORY_COPY,
                                        fault->body, strlen (fault->body));
      record_status (request);
      break;

    /* The request is carried out, then its answer lost: what a client
     * sees when the network dies after the platform acted, so that its
     * reconciliation (was the flow created? the connection deleted?)
     * is tested against a real effect. Only for handlers that answer at
     * once, as the Flow Service's do.
     */
    case SIM_FAULT_PERFORM_DROP:
      dispatch (request);
      record_status (request);
      sim_fault_drop_answer (request->message);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
wrote_headers_cb (SoupServerMessage *message,
                  SimLogEntry       *entry)
{
  sim_log_entry_set_status (entry, soup_server_message_get_status (message));
}

static void
log_entry_closure_notify (gpointer  data,
                          GClosure *closure)
{
  sim_log_entry_unref (data);
}

static void
handle_cb (SoupServer        *soup,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SimServer *self = user_data;
  g_autoptr(SimRequest) request = _sim_request_new (self, message, path, query);
  g_autoptr(SimFault) fault = NULL;
  GUri *uri = soup_server_message_get_uri (message);

  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "x-request-id", request->request_id);

  /* The tests' own control calls are neither faulted nor logged. */
  if (g_str_has_prefix (path, "/__sim/"))
    {
      dispatch (request);
      return;
    }

  request->log_entry = sim_request_log_append (self->log, request->method, path,
                                               g_uri_get_query (uri),
                                               sim_request_get_header (request, "x-sandbox-name"));
  /* Catches the status of answers given later, by a paused handler. */
  g_signal_connect_data (message, "wrote-headers", G_CALLBACK (wrote_headers_cb),
                         sim_log_entry_ref (request->log_entry), log_entry_closure_notify, 0);

  if ((fault = sim_faults_take (self->faults, request->method, path, g_uri_get_query (uri))) != NULL)
    {
      apply_fault (request, fault);
      return;
    }

  dispatch (request);
  record_status (request);
}

/**
 * sim_server_listen:
 * @host: a loopback address: the simulator is not for other computers
 * @port: a port, or 0 for any free one
 */
gboolean
sim_server_listen (SimServer   *self,
                   const char  *host,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *address_text = NULL;
  GSList *listeners;
  guint bound_port;

  address = g_inet_address_new_from_string (g_str_equal (host, "localhost") ? "127.0.0.1" : host);
  if (address == NULL || !g_inet_address_get_is_loopback (address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s is not a loopback address; the simulator only listens on this computer",
                   host);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%u is not a TCP port", port);
      return FALSE;
    }

  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);

  socket_address = g_inet_socket_address_new (address, port);
  if (!soup_server_listen (self->soup, socket_address, 0, error))
    return FALSE;

  /* Not soup_server_get_uris (), which leaks an address in libsoup 3.2. */
  listeners = soup_server_get_listeners (self->soup);
  g_assert (listeners != NULL);
  bound = g_socket_get_local_address (listeners->data, error);
  g_slist_free (listeners);
  if (bound == NULL)
    return FALSE;
  bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  address_text = g_inet_address_to_string (address);
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    self->base_url = g_strdup_printf ("http://[%s]:%u", address_text, bound_port);
  else
    self->base_url = g_strdup_printf ("http://%s:%u", address_text, bound_port);

  return TRUE;
}

/**
 * sim_server_dup_ready_line:
 *
 * Returns: (transfer full): the one line printed once listening: where
 *   to connect and the demo org's first client, as compact JSON
 */
char *
sim_server_dup_ready_line (SimServer *self)
{
  SimOrg *org = g_ptr_array_index (sim_world_get_orgs (self->world), 0);
  SimClient *client = g_ptr_array_index (org->clients, 0);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *scopes = g_strjoinv (", ", client->scopes);
  const struct
  {
    const char *name;
    const char *value;
  } members[] = {
    { "base_url", self->base_url },
    { "ims_url", self->base_url },
    { "org_id", org->id },
    { "client_id", client->client_id },
    { "client_secret", client->client_secret },
    { "technical_account_id", client->technical_account_id },
    { "scopes", scopes },
    { "sandbox", sim_world_get_default_sandbox (self->world, org) },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].name);
      json_builder_add_string_value (builder, members[i].value);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  return json_to_string (node, FALSE);
}
