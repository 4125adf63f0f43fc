/* sim-clock.c
 *
 * The simulator's clock, which fires flows (and anything else that runs
 * on a schedule): real time times a speed factor, from a start time,
 * plus whatever the tests advanced it by. `--clock-speed` and
 * `--clock-start` set it for the demo; `POST /__sim/clock` lets a test
 * stop it (`speed` 0) and move it on by whole minutes, deterministically.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-clock"

#include "config.h"

#include "sim-clock.h"

/* How often listeners hear of the time while the clock runs. */
#define TICK_MS 1000

typedef struct
{
  SimClockFunc func;
  gpointer user_data;
} Listener;

static struct
{
  gint64 start_ms;
  gint64 anchor_sim_ms;     /* the simulated time at anchor_mono_us */
  gint64 anchor_mono_us;
  double speed;
  GArray *listeners;        /* Listener */
  guint tick_id;
} clock_state;

static void
notify (void)
{
  gint64 now = sim_clock_now_ms ();

  for (guint i = 0; clock_state.listeners != NULL && i < clock_state.listeners->len; i++)
    {
      Listener *listener = &g_array_index (clock_state.listeners, Listener, i);

      listener->func (now, listener->user_data);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  notify ();

  return G_SOURCE_CONTINUE;
}

/* Re-anchors, so a change of speed never moves the time already past. */
static void
reanchor (void)
{
  clock_state.anchor_sim_ms = sim_clock_now_ms ();
  clock_state.anchor_mono_us = g_get_monotonic_time ();
}

void
sim_clock_init (gint64 start_ms,
                double speed)
{
  clock_state.start_ms = start_ms > 0 ? start_ms : g_get_real_time () / 1000;
  clock_state.anchor_sim_ms = clock_state.start_ms;
  clock_state.anchor_mono_us = g_get_monotonic_time ();
  clock_state.speed = MAX (speed, 0.0);
}

gint64
sim_clock_now_ms (void)
{
  gint64 elapsed_us;

  if (clock_state.anchor_mono_us == 0)
    sim_clock_init (0, 1.0);
  elapsed_us = g_get_monotonic_time () - clock_state.anchor_mono_us;

  return clock_state.anchor_sim_ms + (gint64) ((double) elapsed_us / 1000.0 * clock_state.speed);
}

gint64
sim_clock_start_ms (void)
{
  if (clock_state.anchor_mono_us == 0)
    sim_clock_init (0, 1.0);

  return clock_state.start_ms;
}

double
sim_clock_get_speed (void)
{
  return clock_state.speed;
}

void
sim_clock_set_speed (double speed)
{
  reanchor ();
  clock_state.speed = MAX (speed, 0.0);
}

void
sim_clock_advance (gint64 ms)
{
  reanchor ();
  clock_state.anchor_sim_ms += MAX (ms, 0);
  notify ();
}

void
sim_clock_add_listener (SimClockFunc func,
                        gpointer     user_data)
{
  Listener listener = { func, user_data };

  if (clock_state.listeners == NULL)
    clock_state.listeners = g_array_new (FALSE, FALSE, sizeof (Listener));
  g_array_append_val (clock_state.listeners, listener);

  if (clock_state.tick_id == 0)
    clock_state.tick_id = g_timeout_add (TICK_MS, tick_cb, NULL);
}

static void
reply_clock (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_int_value (builder, sim_clock_now_ms ());
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, sim_clock_start_ms ());
  json_builder_set_member_name (builder, "speed");
  json_builder_add_double_value (builder, clock_state.speed);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static void
get_clock_cb (SimRequest *request)
{
  reply_clock (request);
}

/* {"speed": F} and/or {"advanceMinutes": N}: the speed first, so a test
 * can stop the clock and step it in one call.
 */
static void
set_clock_cb (SimRequest *request)
{
  JsonObject *body;
  JsonNode *speed;
  JsonNode *minutes;

  if (!sim_request_parse_body (request))
    return;
  body = request->body != NULL && JSON_NODE_HOLDS_OBJECT (request->body) ? json_node_get_object (request->body)
                                                                          : NULL;
  speed = body != NULL ? json_object_get_member (body, "speed") : NULL;
  minutes = body != NULL ? json_object_get_member (body, "advanceMinutes") : NULL;

  if ((speed == NULL && minutes == NULL) ||
      (speed != NULL && (!JSON_NODE_HOLDS_VALUE (speed) || json_node_get_value_type (speed) == G_TYPE_STRING ||
                         json_node_get_value_type (speed) == G_TYPE_BOOLEAN || json_node_get_double (speed) < 0 ||
                         json_node_get_double (speed) > 100000)) ||
      (minutes != NULL && (!JSON_NODE_HOLDS_VALUE (minutes) || json_node_get_value_type (minutes) != G_TYPE_INT64 ||
                           json_node_get_int (minutes) < 0 || json_node_get_int (minutes) > 366 * 24 * 60)))
    {
      sim_request_reply_problem (request, 400, "SIM-0003-400", "Invalid clock change",
                                 "The body must be {\"speed\": F} (0 to 100000; 0 stops the clock) and/or "
                                 "{\"advanceMinutes\": N} (a whole number, 0 to a year).");
      return;
    }

  if (speed != NULL)
    sim_clock_set_speed (json_node_get_double (speed));
  if (minutes != NULL)
    sim_clock_advance (json_node_get_int (minutes) * 60 * 1000);

  reply_clock (request);
}

void
sim_clock_register (SimServer *server)
{
  sim_server_add_route (server, "GET", "/__sim/clock", SIM_ROUTE_DEFAULT, get_clock_cb);
  sim_server_add_route (server, "POST", "/__sim/clock", SIM_ROUTE_DEFAULT, set_clock_cb);
}
