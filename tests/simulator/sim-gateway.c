/* sim-gateway.c
 *
 * The API gateway in front of every /data/ route. The checks run in the
 * real gateway's order and answer with its exact codes and messages, so
 * that a client which only works against a lenient simulator fails here
 * first rather than in front of a customer.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-gateway"

#include "config.h"

#include <string.h>

#include "sim-flow-service-private.h"
#include "sim-server-private.h"

/* RFC 7235: credentials = auth-scheme 1*SP token68, the scheme in any
 * case. aepp sends "bearer ".
 */
static const char *
bearer_token (const char *authorization)
{
  const char *token;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer", 6) != 0 ||
      authorization[6] != ' ')
    return NULL;

  for (token = authorization + 6; *token == ' '; token++)
    ;

  return *token != '\0' ? token : NULL;
}

static gboolean
check_token (SimRequest *request)
{
  const char *token = bearer_token (sim_request_get_header (request, "Authorization"));
  SimClient *client = NULL;

  if (token == NULL)
    {
      sim_request_reply_gateway_error (request, 401, "401013", "Oauth token is missing.");
      return FALSE;
    }

  switch (sim_token_table_check (sim_server_get_tokens (request->server), token, &client))
    {
    case SIM_TOKEN_VALID:
      request->client = client;
      return TRUE;

    case SIM_TOKEN_EXPIRED:
      sim_request_reply_gateway_error (request, 401, "401014", "Oauth token is expired");
      return FALSE;

    case SIM_TOKEN_UNKNOWN:
    default:
      sim_request_reply_gateway_error (request, 401, "401013", "Oauth token is not valid");
      return FALSE;
    }
}

static gboolean
check_api_key (SimRequest *request)
{
  const char *api_key = sim_request_get_header (request, "x-api-key");

  if (api_key == NULL)
    {
      sim_request_reply_gateway_error (request, 403, "403000", "Api Key is required");
      return FALSE;
    }

  if (!g_str_equal (api_key, request->client->client_id))
    {
      sim_request_reply_gateway_error (request, 403, "403003", "Api Key is invalid");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_org (SimRequest *request)
{
  const char *org_id = sim_request_get_header (request, "x-gw-ims-org-id");

  if (org_id == NULL)
    {
      sim_request_reply_gateway_error (request, 400, "400003", "Missing header x-gw-ims-org-id");
      return FALSE;
    }

  /* An unknown org and someone else's org look the same from outside. */
  if (!g_str_equal (org_id, request->client->org->id))
    {
      sim_request_reply_gateway_error (request, 403, "403025", "Profile is not valid");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_sandbox (SimRequest    *request,
               SimRouteFlags  flags)
{
  const char *name = sim_request_get_header (request, "x-sandbox-name");
  SimWorld *world = sim_server_get_world (request->server);

  if (name == NULL && (flags & SIM_ROUTE_SANDBOX_DEFAULT_PROD))
    {
      /* "If the x-sandbox-name header is not specified, requests are
       * resolved under the prod sandbox": the org's default one.
       */
      name = sim_world_get_default_sandbox (world, request->client->org);
    }

  if (name == NULL)
    {
      if (flags & SIM_ROUTE_SANDBOX_OPTIONAL)
        return TRUE;

      /* Flow Service documents its own code for it (API-NOTES §0, §E),
       * in its own error body; every route under its path, whoever
       * registers it, answers so.
       */
      if (g_str_has_prefix (request->path, FLOW_SERVICE_PATH "/"))
        {
          sim_flow_service_reply_error (request, "2105-400", "Missing sandbox header",
                                        "The x-sandbox-name header is required. Specify the name of "
                                        "the sandbox the request is for.");
          return FALSE;
        }

      sim_request_reply_problem (request, 400, "SMS-1005-400", "Missing sandbox header",
                                 "The x-sandbox-name header is required for this request.");
      return FALSE;
    }

  /* A sandbox the client may not use is reported as absent, as the
   * platform does, so its existence does not leak.
   */
  if (sim_world_lookup_sandbox (world, request->client, name) == NULL)
    {
      sim_request_reply_problem (request, 403, "SMS-1006-403", "Sandbox not found",
                                 "Sandbox '%s' does not exist in this organization or you do "
                                 "not have access to it.", name);
      return FALSE;
    }

  request->sandbox = g_strdup (name);

  return TRUE;
}

/**
 * _sim_gateway_check:
 * @flags: the route's flags
 *
 * Runs the gateway's checks on @request, answering the first that fails.
 * On success @request->client, @request->sandbox and @request->body are
 * set.
 *
 * Returns: %TRUE if the request may go on to its service
 */
gboolean
_sim_gateway_check (SimRequest    *request,
                    SimRouteFlags  flags)
{
  return check_token (request) &&
         check_api_key (request) &&
         check_org (request) &&
         check_sandbox (request, flags) &&
         sim_request_parse_body (request);
}
