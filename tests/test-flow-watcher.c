/* test-flow-watcher.c
 *
 * TribFlowWatcher against tributary-sim over HTTP, its clock stopped and
 * stepped: the first look learns the world's failing flows (no signal);
 * a failing flow's next run fails on the clock and "flow-failed" comes
 * with that run and its CONNECTOR-1001-401; hidden, nothing is polled;
 * polls the platform refuses wait twice as long each time, and the first
 * that works goes back to the interval.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-flow-watcher.h"
#include "trib-test-platform.h"

#define FLOWS_PATH "/data/foundation/flowservice/flows"

/* tests/simulator/world/flows.json: daily, on an account whose
 * credentials the remote end refuses.
 */
#define EXPIRED_FLOW "6e9c4f5a-1b7d-4c8e-8f9a-0b1c2d3e4f5a"

static TribTestSim *sim;
static TribPlatformClient *client;

typedef struct
{
  guint n_failed;
  TribFlow *flow;
  TribFlowRun *run;
} Failures;

static void
flow_failed_cb (TribFlowWatcher *watcher,
                TribFlow        *flow,
                TribFlowRun     *run,
                Failures        *failures)
{
  failures->n_failed++;
  g_set_object (&failures->flow, flow);
  g_set_object (&failures->run, run);
}

static void
wait_polls (TribFlowWatcher *watcher,
            guint            n_polls)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* A poll counts once it has answered: the next is then scheduled. */
  while (trib_flow_watcher_get_n_polls (watcher) < n_polls + 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_new_destroy (void)
{
  TribFlowWatcher *watcher = trib_flow_watcher_new (client);

  g_assert_false (trib_flow_watcher_get_active (watcher));
  g_assert_cmpuint (trib_flow_watcher_get_interval (watcher), ==, TRIB_FLOW_WATCHER_DEFAULT_INTERVAL_MS);
  g_assert_cmpuint (trib_flow_watcher_get_n_polls (watcher), ==, 0);
  g_assert_finalize_object (watcher);
}

static void
test_failing (void)
{
  TribFlowWatcher *watcher = trib_flow_watcher_new (client);
  Failures failures = { 0 };
  guint n_failing;
  gint64 deadline;

  g_signal_connect (watcher, "flow-failed", G_CALLBACK (flow_failed_cb), &failures);
  trib_flow_watcher_set_interval (watcher, 50);
  trib_test_sim_clock (sim, 0, 0);
  trib_test_sim_clear_requests (sim);

  /* Inactive (a hidden window): never polled. */
  spin (200);
  g_assert_cmpuint (trib_flow_watcher_get_n_polls (watcher), ==, 0);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", FLOWS_PATH), ==, 0);

  /* In view: the first look learns what already fails, quietly. */
  trib_flow_watcher_set_active (watcher, TRUE);
  wait_polls (watcher, 1);
  n_failing = trib_flow_watcher_get_n_failing (watcher);
  g_assert_cmpuint (n_failing, >=, 2);
  g_assert_true (trib_flow_watcher_is_failing (watcher, EXPIRED_FLOW));
  g_assert_cmpuint (failures.n_failed, ==, 0);

  /* A day on, the expired flow's next run fails: news. */
  trib_test_sim_clock (sim, 0, 24 * 60 + 5);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (failures.n_failed == 0 || failures.flow == NULL ||
         g_strcmp0 (trib_flow_get_id (failures.flow), EXPIRED_FLOW) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (failures.run);
  g_assert_cmpint (trib_flow_run_get_state (failures.run), ==, TRIB_FLOW_RUN_STATE_FAILED);
  g_assert_cmpstr (trib_flow_run_get_id (failures.run), ==, trib_flow_get_last_run_id (failures.flow));
  g_assert_cmpstr (((TribFlowRunError *) g_ptr_array_index (trib_flow_run_get_errors (failures.run), 0))->code, ==,
                   "CONNECTOR-1001-401");

  /* Hidden again: the polls stop. */
  trib_flow_watcher_set_active (watcher, FALSE);
  spin (100);
  {
    guint n_polls = trib_flow_watcher_get_n_polls (watcher);
    guint n_requests;

    spin (100);
    n_requests = trib_test_sim_count_requests (sim, "GET", FLOWS_PATH);
    spin (300);
    g_assert_cmpuint (trib_flow_watcher_get_n_polls (watcher), ==, n_polls);
    g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", FLOWS_PATH), ==, n_requests);
  }

  g_signal_handlers_disconnect_by_data (watcher, &failures);
  g_clear_object (&failures.flow);
  g_clear_object (&failures.run);
  g_assert_finalize_object (watcher);
}

static void
poll_started_cb (TribFlowWatcher *watcher,
                 GParamSpec      *pspec,
                 GArray          *times)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (times, now);
}

/* Refused polls: the wait doubles each time, then goes back. */
static void
test_backoff (void)
{
  TribFlowWatcher *watcher = trib_flow_watcher_new (client);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (watcher, "notify::n-polls", G_CALLBACK (poll_started_cb), times);
  trib_flow_watcher_set_interval (watcher, 40);
  trib_test_sim_add_fault (sim, "{\"path\": \"" FLOWS_PATH "\", \"method\": \"GET\", \"kind\": \"status\", "
                                "\"status\": 400, \"count\": 3}");
  trib_flow_watcher_set_active (watcher, TRUE);

  wait_polls (watcher, 1);
  g_assert_nonnull (trib_flow_watcher_get_error (watcher));
  g_assert_cmpuint (trib_flow_watcher_get_delay (watcher), ==, 80);
  wait_polls (watcher, 2);
  g_assert_cmpuint (trib_flow_watcher_get_delay (watcher), ==, 160);
  wait_polls (watcher, 3);
  g_assert_cmpuint (trib_flow_watcher_get_delay (watcher), ==, 320);

  /* The fault spent, the fourth works: back to the interval. */
  wait_polls (watcher, 4);
  g_assert_null (trib_flow_watcher_get_error (watcher));
  g_assert_cmpuint (trib_flow_watcher_get_delay (watcher), ==, 40);
  g_assert_cmpuint (trib_flow_watcher_get_n_failing (watcher), >=, 2);

  /* Each poll waited its delay after the one before had answered. */
  g_assert_cmpuint (times->len, >=, 5);
  g_assert_cmpint (g_array_index (times, gint64, 1) - g_array_index (times, gint64, 0), >=, 80 * 1000);
  g_assert_cmpint (g_array_index (times, gint64, 2) - g_array_index (times, gint64, 1), >=, 160 * 1000);
  g_assert_cmpint (g_array_index (times, gint64, 3) - g_array_index (times, gint64, 2), >=, 320 * 1000);

  trib_flow_watcher_set_active (watcher, FALSE);
  g_signal_handlers_disconnect_by_data (watcher, times);
  trib_test_sim_clear_faults (sim);
  spin (300);
  g_assert_finalize_object (watcher);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--clock-speed", "0", NULL });
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-watcher/new-destroy", test_new_destroy);
  g_test_add_func ("/tributary/flow-watcher/failing", test_failing);
  g_test_add_func ("/tributary/flow-watcher/backoff", test_backoff);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
