/* sim-admin.c
 *
 * The /__sim/ endpoints through which tests steer the simulator:
 * injecting faults, reading the request log, revoking tokens and
 * shortening their lives. They need no credentials; the simulator only
 * listens on loopback.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-admin"

#include "config.h"

#include "sim-services.h"

static void
reply_count (SimRequest *request,
             guint       status,
             const char *member,
             gint64      value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, status, node);
}

static void
add_fault_cb (SimRequest *request)
{
  g_autoptr(GError) error = NULL;
  guint id;

  if (!sim_request_parse_body (request))
    return;

  if ((id = sim_faults_add (sim_server_get_faults (request->server), request->body, &error)) == 0)
    {
      sim_request_reply_problem (request, 400, "SIM-0001-400", "Invalid fault", "%s",
                                 error->message);
      return;
    }

  reply_count (request, 201, "id", id);
}

static void
list_faults_cb (SimRequest *request)
{
  g_autoptr(JsonNode) node = sim_faults_to_json (sim_server_get_faults (request->server));

  sim_request_reply_json (request, 200, node);
}

static void
clear_faults_cb (SimRequest *request)
{
  reply_count (request, 200, "cleared", sim_faults_clear (sim_server_get_faults (request->server)));
}

static void
list_requests_cb (SimRequest *request)
{
  g_autoptr(JsonNode) node = sim_request_log_to_json (sim_server_get_request_log (request->server));

  sim_request_reply_json (request, 200, node);
}

static void
clear_requests_cb (SimRequest *request)
{
  reply_count (request, 200, "cleared",
               sim_request_log_clear (sim_server_get_request_log (request->server)));
}

static void
revoke_tokens_cb (SimRequest *request)
{
  reply_count (request, 200, "revoked",
               sim_token_table_revoke_all (sim_server_get_tokens (request->server)));
}

static void
set_token_lifetime_cb (SimRequest *request)
{
  JsonNode *seconds = NULL;

  if (!sim_request_parse_body (request))
    return;

  if (request->body != NULL && JSON_NODE_HOLDS_OBJECT (request->body))
    seconds = json_object_get_member (json_node_get_object (request->body), "seconds");

  if (seconds == NULL || !JSON_NODE_HOLDS_VALUE (seconds) ||
      json_node_get_value_type (seconds) != G_TYPE_INT64 ||
      json_node_get_int (seconds) < 0 || json_node_get_int (seconds) > G_MAXINT32)
    {
      sim_request_reply_problem (request, 400, "SIM-0002-400", "Invalid token lifetime",
                                 "The body must be {\"seconds\": N} with N a non-negative "
                                 "integer.");
      return;
    }

  sim_token_table_set_lifetime (sim_server_get_tokens (request->server),
                                json_node_get_int (seconds));
  reply_count (request, 200, "seconds", json_node_get_int (seconds));
}

void
sim_admin_register (SimServer *server)
{
  sim_server_add_route (server, "POST", "/__sim/faults", SIM_ROUTE_DEFAULT, add_fault_cb);
  sim_server_add_route (server, "GET", "/__sim/faults", SIM_ROUTE_DEFAULT, list_faults_cb);
  sim_server_add_route (server, "DELETE", "/__sim/faults", SIM_ROUTE_DEFAULT, clear_faults_cb);
  sim_server_add_route (server, "GET", "/__sim/requests", SIM_ROUTE_DEFAULT, list_requests_cb);
  sim_server_add_route (server, "DELETE", "/__sim/requests", SIM_ROUTE_DEFAULT, clear_requests_cb);
  sim_server_add_route (server, "POST", "/__sim/tokens/revoke", SIM_ROUTE_DEFAULT,
                        revoke_tokens_cb);
  sim_server_add_route (server, "POST", "/__sim/token-lifetime", SIM_ROUTE_DEFAULT,
                        set_token_lifetime_cb);
}
