/* sim-flow-run-routes.c
 *
 * Flow Service runs (API-NOTES §A9): `GET /runs?property=flowId==…`
 * (newest first, `limit` 1..100, default 20, and a relative
 * `_links.next.href` with a `continuationToken`, as the other lists;
 * without a flowId, every run of the sandbox, flow by flow), `GET
 * /runs/{id}` (`{"items": [run]}`), `POST /runs` (an ad hoc run of a
 * `once` flow: `201 {id, etag}`, the run `scheduled` for a minute later
 * **[UNV]**) and `POST /runs/{id}/action?op=RE_TRIGGER` (a failed or
 * partly failed run runs again: a new run with `parentFlowRunId`,
 * answered 200 with it **[UNV]**; flow-service.yaml says "the updated
 * flow run"). A disabled flow, a flow that is not `once`, or a run that
 * succeeded or is not over: `1422-400`.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-runs"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sim-clock.h"
#include "sim-flow-private.h"

#define DEFAULT_LIMIT 20
#define MAX_LIMIT 100

/* When an ad hoc or re-triggered run starts, after its request. */
#define QUEUE_MS (60 * 1000)

static void
reply_runs (SimRequest *request,
            JsonArray  *items,
            const char *next_href)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *links = json_object_new ();

  json_object_set_array_member (object, "items", items);
  if (next_href != NULL)
    {
      JsonObject *next = json_object_new ();

      json_object_set_string_member (next, "href", next_href);
      json_object_set_object_member (links, "next", next);
    }
  json_object_set_object_member (object, "_links", links);
  json_node_take_object (node, object);
  sim_request_reply_json (request, 200, node);
}

/* `flowId==X`, the value quoted or not; NULL with @ok for no filter. */
static char *
parse_flow_filter (const char *property,
                   gboolean   *ok)
{
  g_autofree char *value = NULL;

  *ok = TRUE;
  if (property == NULL)
    return NULL;
  if (!g_str_has_prefix (property, "flowId==") || strchr (property, ',') != NULL)
    {
      *ok = FALSE;
      return NULL;
    }
  value = g_strdup (property + strlen ("flowId=="));
  if (value[0] == '"' && strlen (value) >= 2 && value[strlen (value) - 1] == '"')
    {
      value[strlen (value) - 1] = '\0';
      memmove (value, value + 1, strlen (value));
    }

  return g_steal_pointer (&value);
}

/* The token: the flow serial and run index to go on from, and the page
 * size, in base64.
 */
static gboolean
parse_token (const char *token,
             guint      *serial,
             guint      *index,
             gint64     *limit)
{
  gsize length = 0;
  g_autofree guchar *plain = g_base64_decode (token, &length);
  g_autofree char *text = g_strndup ((const char *) plain, length);
  long long parsed_limit = 0;

  if (sscanf (text, "%u:%u:%lld", serial, index, &parsed_limit) != 3 || parsed_limit < 1 ||
      parsed_limit > MAX_LIMIT)
    return FALSE;
  *limit = parsed_limit;

  return TRUE;
}

static char *
next_link (FlowLive   *live,
           guint       index,
           gint64      limit,
           const char *property)
{
  g_autofree char *plain = g_strdup_printf ("%u:%u:%" G_GINT64_FORMAT, live->serial, index, limit);
  g_autofree char *encoded = g_base64_encode ((const guchar *) plain, strlen (plain));
  g_autofree char *escaped = g_uri_escape_string (encoded, NULL, FALSE);
  g_autofree char *escaped_property = property != NULL ? g_uri_escape_string (property, "=", FALSE) : NULL;

  return g_strconcat ("/runs?continuationToken=", escaped, property != NULL ? "&property=" : NULL,
                      escaped_property, NULL);
}

static void
list_runs_cb (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);
  const char *property = sim_request_get_query (request, "property");
  const char *token = sim_request_get_query (request, "continuationToken");
  const char *limit_text = sim_request_get_query (request, "limit");
  g_autofree char *flow_id = NULL;
  g_autofree char *next_href = NULL;
  JsonArray *items;
  gint64 limit = DEFAULT_LIMIT;
  gint64 now = sim_clock_now_ms ();
  FlowLive *live = NULL;
  guint flow_index = 0;
  guint run_index = G_MAXUINT;    /* from the newest */
  gboolean ok;

  flow_id = parse_flow_filter (property, &ok);
  if (!ok)
    {
      flow_invalid (request, "1100-400", "The property filter '%s' is not supported on runs: give flowId==<id>.",
                    property);
      return;
    }
  if (limit_text != NULL && sim_request_get_query (request, "count") != NULL)
    {
      flow_invalid (request, "1401-400", "The limit and count parameters cannot be given together in the same request.");
      return;
    }
  if (token != NULL)
    {
      guint serial = 0;

      if (!parse_token (token, &serial, &run_index, &limit))
        {
          flow_invalid (request, "1100-400", "The continuationToken is not one this service gave.");
          return;
        }
      for (flow_index = 0; flow_index < entities->flows->len; flow_index++)
        {
          live = flow_live_get (entities, sim_json_get_string (g_ptr_array_index (entities->flows, flow_index), "id"));
          if (live != NULL && live->serial == serial)
            break;
        }
      if (flow_index == entities->flows->len)
        {
          flow_invalid (request, "1100-400", "The continuationToken's flow is gone.");
          return;
        }
    }
  if (limit_text != NULL && !g_ascii_string_to_signed (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
    {
      flow_invalid (request, "1100-400", "The limit must be a whole number from 1 to %d.", MAX_LIMIT);
      return;
    }

  items = json_array_new ();
  if (flow_id != NULL)
    {
      /* One flow's runs; an unknown flow simply has none, as a filter. */
      FlowLive *filtered = flow_live_get (entities, flow_id);

      if (live != NULL && live != filtered)
        {
          json_array_unref (items);
          flow_invalid (request, "1100-400", "The continuationToken belongs to another flow's runs.");
          return;
        }
      live = filtered;
      if (live != NULL)
        {
          flow_live_catch_up (live, now);
          run_index = MIN (run_index, live->runs->len);
          while (run_index > 0 && json_array_get_length (items) < limit)
            json_array_add_object_element (items, flow_run_to_json (live, --run_index, now));
          if (run_index > 0)
            next_href = next_link (live, run_index, limit, property);
        }
    }
  else
    {
      flow_live_catch_up_all (entities, now);
      for (; flow_index < entities->flows->len && json_array_get_length (items) < limit; flow_index++)
        {
          live = flow_live_get (entities, sim_json_get_string (g_ptr_array_index (entities->flows, flow_index), "id"));
          if (live == NULL)
            continue;
          run_index = MIN (run_index, live->runs->len);
          while (run_index > 0 && json_array_get_length (items) < limit)
            json_array_add_object_element (items, flow_run_to_json (live, --run_index, now));
          if (json_array_get_length (items) >= limit)
            break;
          run_index = G_MAXUINT;
        }
      /* Past the page's last run: another run, in this flow or a later one? */
      if (json_array_get_length (items) >= limit && live != NULL)
        {
          if (run_index > 0)
            next_href = next_link (live, run_index, limit, NULL);
          else
            for (guint i = flow_index + 1; i < entities->flows->len && next_href == NULL; i++)
              {
                FlowLive *later = flow_live_get (entities,
                                                 sim_json_get_string (g_ptr_array_index (entities->flows, i), "id"));

                if (later != NULL && later->runs->len > 0)
                  next_href = next_link (later, G_MAXUINT, limit, NULL);
              }
        }
    }

  reply_runs (request, items, next_href);
}

static FlowLive *
find_run (SimRequest *request,
          guint      *index)
{
  const char *id = sim_request_get_param (request, "id");
  FlowLive *live = flow_run_lookup (flow_get_entities (request), id, index);

  if (live == NULL)
    sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                  "The requested resource is not found. Run with id '%s' does not exist in sandbox "
                                  "'%s'.", id, request->sandbox);
  else
    flow_live_catch_up (live, sim_clock_now_ms ());

  return live;
}

static void
get_run_cb (SimRequest *request)
{
  guint index = 0;
  FlowLive *live = find_run (request, &index);
  JsonArray *items;

  if (live == NULL)
    return;
  items = json_array_new ();
  json_array_add_object_element (items, flow_run_to_json (live, index, sim_clock_now_ms ()));
  reply_runs (request, items, NULL);
}

static gboolean
check_enabled (SimRequest *request,
               FlowLive   *live)
{
  if (g_strcmp0 (sim_json_get_string (live->flow, "state"), "enabled") == 0)
    return TRUE;
  flow_invalid (request, "1422-400", "The flow '%s' is disabled: enable it before running it.",
                sim_json_get_string (live->flow, "id"));

  return FALSE;
}

static void
create_run_cb (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);
  JsonObject *body;
  const char *flow_id;
  FlowLive *live;
  JsonNode *params;
  gint64 now = sim_clock_now_ms ();
  guint index;
  g_autofree char *id = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  if (request->body == NULL)
    {
      sim_flow_service_reply_error (request, "1405-400", "Invalid request",
                                    "The request body is empty. Please provide a body and try again.");
      return;
    }
  body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  flow_id = sim_json_get_string (body, "flowId");
  params = body != NULL ? json_object_get_member (body, "params") : NULL;
  if (flow_id == NULL || (params != NULL && !JSON_NODE_HOLDS_OBJECT (params)))
    {
      flow_invalid (request, "1100-400", "The body must be {\"flowId\", \"params\": {\"windowStartTime\", "
                    "\"windowEndTime\"}}.");
      return;
    }
  if (params != NULL)
    {
      JsonObject *window = json_node_get_object (params);
      gint64 window_start = 0;
      gint64 window_end = G_MAXINT64;

      if ((json_object_has_member (window, "windowStartTime") &&
           !flow_get_integer (json_object_get_member (window, "windowStartTime"), FALSE, &window_start)) ||
          (json_object_has_member (window, "windowEndTime") &&
           !flow_get_integer (json_object_get_member (window, "windowEndTime"), FALSE, &window_end)) ||
          window_start >= window_end)
        {
          flow_invalid (request, "1100-400", "params.windowStartTime and params.windowEndTime must be whole "
                        "numbers, the start before the end.");
          return;
        }
    }
  if (!(live = flow_live_get (entities, flow_id)))
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "The requested resource is not found. Flow with id '%s' does not exist in "
                                    "sandbox '%s'.", flow_id, request->sandbox);
      return;
    }
  if (!check_enabled (request, live))
    return;
  if (!flow_live_is_once (live))
    {
      flow_invalid (request, "1422-400", "Only a flow scheduled to run once takes ad hoc runs; flow '%s' runs on a "
                    "schedule.", flow_id);
      return;
    }

  flow_live_catch_up (live, now);
  index = flow_live_add_run (live, now + QUEUE_MS, now, FALSE, 0);
  id = flow_run_id (live, index);
  etag = g_strdup_printf ("\"%08x-0000-0200-0000-%012x\"", live->serial, index);
  node = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "etag", etag);
  json_node_take_object (node, object);
  sim_request_reply_json (request, 201, node);
}

static void
run_action_cb (SimRequest *request)
{
  const char *op = sim_request_get_query (request, "op");
  gint64 now = sim_clock_now_ms ();
  guint index = 0;
  FlowLive *live;
  const char *status;
  guint new_index;
  g_autoptr(JsonNode) node = NULL;

  if (!(live = find_run (request, &index)))
    return;
  if (op == NULL || g_ascii_strcasecmp (op, "RE_TRIGGER") != 0)
    {
      flow_invalid (request, "1100-400", "The op parameter must be RE_TRIGGER, not '%s'.", op != NULL ? op : "");
      return;
    }
  status = flow_run_status (live, index, now);
  if (!g_str_equal (status, "failed") && !g_str_equal (status, "partialSuccess"))
    {
      flow_invalid (request, "1422-400", "Only a run that failed or partly failed can be re-triggered; this one is "
                    "%s.", status);
      return;
    }
  if (!check_enabled (request, live))
    return;

  new_index = flow_live_add_run (live, now + QUEUE_MS / 2, now, FALSE, index + 1);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, flow_run_to_json (live, new_index, now));
  sim_request_reply_json (request, 200, node);
}

void
flow_add_run_routes (SimServer *server)
{
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/runs", SIM_ROUTE_DEFAULT, list_runs_cb);
  sim_server_add_route (server, "POST", FLOW_SERVICE_PATH "/runs", SIM_ROUTE_DEFAULT, create_run_cb);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/runs/{id}", SIM_ROUTE_DEFAULT, get_run_cb);
  sim_server_add_route (server, "POST", FLOW_SERVICE_PATH "/runs/{id}/action", SIM_ROUTE_DEFAULT, run_action_cb);
}
