/* sim-clock.c
 *
 * One clock for every scheduler of the simulator. Real time goes on as
 * usual; POST /__sim/clock/advance {"seconds": N} adds N seconds to it
 * at once, and the listeners (the schedulers) then fire what fell due.
 * A scheduler never sleeps on its own timer: a test that advances the
 * clock sees the effect of the advance, and nothing between two
 * advances but what real seconds bring.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-clock"

#include "config.h"

#include "sim-clock.h"

/* How often real time alone wakes the schedulers. */
#define TICK_SECONDS 5

typedef struct
{
  SimClockTickFunc func;
  gpointer user_data;
} Listener;

static struct
{
  gint64 offset_ms;
  GArray *listeners;
  guint tick_id;
} clock_state;

gint64
sim_clock_now_ms (void)
{
  return g_get_real_time () / 1000 + clock_state.offset_ms;
}

/* ISO 8601 in UTC with milliseconds, as Query Service writes times. */
char *
sim_clock_format_iso (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, (int) (ms % 1000));
}

static void
notify_listeners (void)
{
  gint64 now = sim_clock_now_ms ();

  if (clock_state.listeners == NULL)
    return;

  for (guint i = 0; i < clock_state.listeners->len; i++)
    {
      Listener *listener = &g_array_index (clock_state.listeners, Listener, i);

      listener->func (now, listener->user_data);
    }
}

void
sim_clock_advance (gint64 ms)
{
  g_return_if_fail (ms >= 0);

  clock_state.offset_ms += ms;
  notify_listeners ();
}

void
sim_clock_add_listener (SimClockTickFunc func,
                        gpointer         user_data)
{
  Listener listener = { func, user_data };

  if (clock_state.listeners == NULL)
    clock_state.listeners = g_array_new (FALSE, FALSE, sizeof (Listener));
  g_array_append_val (clock_state.listeners, listener);
}

static gboolean
tick_cb (gpointer user_data)
{
  notify_listeners ();

  return G_SOURCE_CONTINUE;
}

static void
reply_now (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = sim_clock_format_iso (sim_clock_now_ms ());

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "offsetSeconds");
  json_builder_add_int_value (builder, clock_state.offset_ms / 1000);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

static void
get_clock_cb (SimRequest *request)
{
  reply_now (request);
}

static void
advance_cb (SimRequest *request)
{
  JsonObject *body;
  JsonNode *seconds;

  if (!sim_request_parse_body (request))
    return;

  body = JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body) : NULL;
  seconds = body != NULL ? json_object_get_member (body, "seconds") : NULL;
  if (seconds == NULL || json_node_get_value_type (seconds) != G_TYPE_INT64 || json_node_get_int (seconds) < 0)
    {
      sim_request_reply_problem (request, 400, "SIM-0004-400", "Invalid advance",
                                 "The body must be {\"seconds\": N}, N a whole number ≥ 0: the clock only goes "
                                 "forward.");
      return;
    }

  sim_clock_advance (json_node_get_int (seconds) * 1000);
  reply_now (request);
}

void
sim_clock_register (SimServer *server)
{
  sim_server_add_route (server, "GET", "/__sim/clock", SIM_ROUTE_DEFAULT, get_clock_cb);
  sim_server_add_route (server, "POST", "/__sim/clock/advance", SIM_ROUTE_DEFAULT, advance_cb);

  if (clock_state.tick_id == 0)
    clock_state.tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, NULL);
}
