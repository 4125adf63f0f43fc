/* bench-flows-page.c
 *
 * The Dataflows page in the real window (TribWindow mapped under Xvfb) on
 * tributary-sim's paging sandbox, `uat`: 2,000 flows, 100,000 runs, its
 * first flow with 10,000 of them.
 *
 *   BENCH flows-first-page requests=… target=1
 *     the requests the app sent from the list's reload to its first page
 *     of flows shown (rows mapped and painted); the names of their
 *     accounts, connectors and datasets are looked up after, once per
 *     sandbox, and those requests are given as information, as is the
 *     time to the first page against a bare libsoup GET of the same page
 *     (the anchor).
 *   BENCH runs-chart max_stall_ms=… target=16
 *     the longest stall of the main loop (bench-util's probe: a 1 ms
 *     timeout's longest gap less its period) while the runs of the flow
 *     with 10,000 load, a hundred a request, into its chart: from its
 *     first runs charted (the flow's page drawn and its slide in over;
 *     that opening's own longest stall is given as information) until
 *     the chart holds them all and has been painted. The anchor,
 *     in interleaved rounds, is the same runs loaded by the same
 *     TribPagedList into a bare window showing only their count: the
 *     stall of the requests and their parsing without the page.
 *     On a machine shared with other work, a stall is also the time the
 *     main thread waited for a processor: for both, the longest the main
 *     thread itself worked between two beats (its CPU time) is given as
 *     information.
 *
 * Medians of interleaved rounds.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "bench-util.h"
#include "trib-application.h"
#include "trib-flow-detail.h"
#include "trib-flow-service-runs.h"
#include "trib-flows-page.h"
#include "trib-paged-list.h"
#include "trib-request-record.h"
#include "trib-runs-chart.h"
#include "trib-session.h"
#include "trib-test-platform.h"
#include "trib-ui-test.h"
#include "trib-util.h"
#include "trib-window.h"

#define ROUNDS 7
#define BUSIEST_RUNS 10000
#define FLOWS_PATH "/data/foundation/flowservice/flows"

typedef struct
{
  guint n;
  GString *paths;       /* what they were, for the information line */
} Requests;

static void
count_added_cb (GListModel *log,
                guint       position,
                guint       removed,
                guint       added,
                Requests   *requests)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      g_autoptr(GUri) uri = g_uri_parse (trib_request_record_get_url (record), G_URI_FLAGS_NONE, NULL);

      g_string_append_printf (requests->paths, "%s%s %s", requests->paths->len > 0 ? ", " : "",
                              trib_request_record_get_method (record), uri != NULL ? g_uri_get_path (uri) : "?");
    }
  requests->n += added;
}

/* The longest stall with the window idle for a second: the machine's noise. */
static double
idle_stall_ms (void)
{
  gint64 until;
  BenchProbe probe;

  bench_probe_start (&probe);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  return bench_probe_stop (&probe);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates until @widget's window paints a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
first_row_mapped (gpointer data)
{
  TribFlowsPage *page = data;
  GListModel *list = trib_flows_page_get_list (page);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return FALSE;
  trib_ui_test_find_mapped (GTK_WIDGET (page), g_type_from_name ("TribFlowRow"), rows);

  return rows->len > 0;
}

static gboolean
uat_ready (gpointer data)
{
  TribSession *session = data;
  TribSandbox *sandbox = trib_session_get_sandbox (session);

  return sandbox != NULL && g_str_equal (trib_sandbox_get_name (sandbox), "uat") && !trib_session_get_loading (session);
}

static void
use_uat (TribSession *session)
{
  GListModel *sandboxes = trib_session_get_sandboxes (session);

  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), "uat"))
        trib_session_set_sandbox (session, sandbox);
    }
  trib_ui_test_iterate_until (uat_ready, session, 60);
}

/* The anchor of the first page: a bare GET of the same page. */
static double
bare_first_page_ms (TribTestSim *sim,
                    const char  *token)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autofree char *url = g_strconcat (sim->base_url, FLOWS_PATH "?limit=100", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-api-key", sim->client_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-gw-ims-org-id", sim->org_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-sandbox-name", "uat");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The names looked up: no "…" left in the rows shown. */
static gboolean
names_done (gpointer data)
{
  TribFlowsPage *page = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page), g_type_from_name ("TribFlowRow"), rows);
  for (guint i = 0; i < rows->len; i++)
    if (trib_ui_test_has_label (g_ptr_array_index (rows, i), "…", TRUE))
      return FALSE;

  return rows->len > 0;
}

static void
first_page_round (TribFlowsPage  *page,
                  TribSession    *session,
                  TribRequestLog *log,
                  guint          *first_requests,
                  guint          *names_requests,
                  double         *first_ms,
                  GString        *first_paths)
{
  Requests requests = { 0, g_string_new (NULL) };
  gulong handler;
  gint64 start;

  /* The session given anew: the names are not known, and the list is
   * read as when the page first shows the sandbox.
   */
  trib_session_page_set_session (TRIB_SESSION_PAGE (page), NULL);
  wait_for_frame (GTK_WIDGET (page));
  trib_ui_test_settle ();
  handler = g_signal_connect (log, "items-changed", G_CALLBACK (count_added_cb), &requests);
  start = g_get_monotonic_time ();
  trib_session_page_set_session (TRIB_SESSION_PAGE (page), session);
  trib_ui_test_iterate_until (first_row_mapped, page, 60);
  wait_for_frame (GTK_WIDGET (page));
  *first_ms = (g_get_monotonic_time () - start) / 1000.0;
  *first_requests = requests.n;
  g_string_assign (first_paths, requests.paths->str);
  trib_ui_test_iterate_until (names_done, page, 60);
  *names_requests = requests.n - *first_requests;
  g_signal_handler_disconnect (log, handler);
  g_string_free (requests.paths, TRUE);
}

/* The main thread's own work between two beats of a 1 ms timeout: a
 * stall less the time it was not given a processor.
 */
typedef struct
{
  guint source;
  gint64 last_cpu;
  gint64 max_cpu;
} CpuProbe;

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
cpu_probe_cb (gpointer data)
{
  CpuProbe *probe = data;
  gint64 now = thread_cpu_us ();

  probe->max_cpu = MAX (probe->max_cpu, now - probe->last_cpu);
  probe->last_cpu = now;

  return G_SOURCE_CONTINUE;
}

static void
cpu_probe_start (CpuProbe *probe)
{
  *probe = (CpuProbe) { 0 };
  probe->last_cpu = thread_cpu_us ();
  probe->source = g_timeout_add (1, cpu_probe_cb, probe);
}

static double
cpu_probe_stop (CpuProbe *probe)
{
  cpu_probe_cb (probe);
  g_clear_handle_id (&probe->source, g_source_remove);

  return probe->max_cpu / 1000.0;
}

/* The chart round ------------------------------------------------------- */

static gboolean
chart_full (gpointer data)
{
  TribFlowsPage *page = data;
  TribFlowDetail *detail = trib_flows_page_get_detail (page);
  GListModel *runs = trib_flow_detail_get_runs (detail);

  return runs != NULL && trib_paged_list_get_complete (TRIB_PAGED_LIST (runs)) &&
         trib_runs_chart_get_n_runs (TRIB_RUNS_CHART (trib_flow_detail_get_chart (detail))) >= BUSIEST_RUNS;
}

static gboolean
first_runs_charted (gpointer data)
{
  TribFlowsPage *page = data;
  GtkWidget *chart = trib_flow_detail_get_chart (trib_flows_page_get_detail (page));

  return gtk_widget_get_mapped (chart) && trib_runs_chart_get_n_runs (TRIB_RUNS_CHART (chart)) > 0;
}

/* Frames until the flow's page has slid in: each frame of the slide
 * draws both pages, which is the opening's cost. The slide moves on only
 * with frames drawn (its own ticks do not keep frames coming here), so
 * frames are asked for until it is over.
 */
static void
wait_for_slide (TribFlowsPage *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (trib_flows_page_get_detail (page)), GTK_TYPE_STACK);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  do
    wait_for_frame (GTK_WIDGET (page));
  while (stack != NULL && gtk_stack_get_transition_running (GTK_STACK (stack)) &&
         g_get_monotonic_time () < deadline);
}

/* The flow opened (its page drawn, its first runs charted: @open_stall),
 * then the longest stall while the rest of its runs load into the chart.
 */
static double
chart_round (TribFlowsPage *page,
             TribFlow      *flow,
             double        *ms,
             double        *open_stall,
             double        *stall_at_ms,
             double        *cpu_stall)
{
  GtkWidget *chart = trib_flow_detail_get_chart (trib_flows_page_get_detail (page));
  BenchProbe probe;
  CpuProbe cpu;
  gint64 start;
  gint64 loading;
  double stall;

  /* Back to the list, then the flow opened as a click on it does. */
  gtk_widget_activate_action (GTK_WIDGET (page), "flows.back", NULL);
  wait_for_frame (GTK_WIDGET (page));
  trib_ui_test_settle ();

  bench_probe_start (&probe);
  start = g_get_monotonic_time ();
  trib_flows_page_show_flow (page, trib_flow_get_id (flow));
  trib_ui_test_iterate_until (first_runs_charted, page, 60);
  wait_for_slide (page);
  *open_stall = bench_probe_stop (&probe);

  bench_probe_start (&probe);
  cpu_probe_start (&cpu);
  loading = g_get_monotonic_time ();
  trib_ui_test_iterate_until (chart_full, page, 300);
  wait_for_frame (chart);
  stall = bench_probe_stop (&probe);
  *cpu_stall = cpu_probe_stop (&cpu);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  *stall_at_ms = (probe.max_from - loading) / 1000.0;

  return stall;
}

typedef struct
{
  GtkWidget *window;
  GtkLabel *label;
} Anchor;

static void
anchor_count_cb (GListModel *runs,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Anchor     *anchor)
{
  g_autofree char *text = g_strdup_printf ("%u runs", g_list_model_get_n_items (runs));

  gtk_label_set_label (anchor->label, text);
}

static gboolean
anchor_full (gpointer data)
{
  return trib_paged_list_get_complete (data) && g_list_model_get_n_items (data) >= BUSIEST_RUNS;
}

static double
anchor_round (Anchor             *anchor,
              TribPlatformClient *client,
              TribFlow           *flow,
              double             *cpu_stall)
{
  g_autoptr(TribPagedList) runs = NULL;
  BenchProbe probe;
  CpuProbe cpu;
  double stall;

  wait_for_frame (anchor->window);
  trib_ui_test_settle ();

  bench_probe_start (&probe);
  cpu_probe_start (&cpu);
  runs = trib_flow_service_list_runs (client, trib_flow_get_id (flow));
  g_signal_connect (runs, "items-changed", G_CALLBACK (anchor_count_cb), anchor);
  trib_paged_list_load_all_async (runs, NULL, NULL, NULL);
  trib_ui_test_iterate_until (anchor_full, runs, 300);
  wait_for_frame (anchor->window);
  stall = bench_probe_stop (&probe);
  *cpu_stall = cpu_probe_stop (&cpu);
  g_signal_handlers_disconnect_by_func (runs, anchor_count_cb, anchor);

  return stall;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(TribSession) session = NULL;
  g_autoptr(TribFlow) busiest = NULL;
  g_autoptr(GError) error = NULL;
  TribRequestLog *log;
  TribFlowsPage *page;
  TribWindow *window;
  Anchor anchor = { 0 };
  char *token;
  double first_requests[ROUNDS];
  double names_requests[ROUNDS];
  double first_ms[ROUNDS];
  double bare_ms[ROUNDS];
  double stall[ROUNDS];
  double chart_ms[ROUNDS];
  double anchor_stall[ROUNDS];
  double open_stall[ROUNDS];
  double stall_at[ROUNDS];
  double idle_stall[ROUNDS];
  double cpu_stall[ROUNDS];
  double anchor_cpu_stall[ROUNDS];
  g_autoptr(GString) first_paths = g_string_new (NULL);

  trib_ui_test_init (&argc, &argv);

  /* The clock stopped: no run fires while the rounds page through them. */
  sim = trib_test_sim_start ((const char *[]) { "--clock-speed", "0", NULL });

  app = trib_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  log = trib_application_get_request_log (app);
  profile = trib_test_platform_profile (sim);
  trib_profile_set_ephemeral (profile, TRUE);
  client = trib_platform_client_new (profile, sim->client_secret, log, &error);
  g_assert_no_error (error);
  session = trib_session_new (client);
  trib_application_use_session (app, session);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, 60);
  use_uat (session);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dataflows");
  page = TRIB_FLOWS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_FLOWS_PAGE, NULL));
  g_assert_nonnull (page);
  trib_ui_test_iterate_until (first_row_mapped, page, 120);
  trib_ui_test_settle ();
  busiest = g_list_model_get_item (trib_flows_page_get_list (page), 0);
  token = trib_test_platform_token (client);

  anchor.window = gtk_window_new ();
  anchor.label = GTK_LABEL (gtk_label_new ("0 runs"));
  gtk_window_set_child (GTK_WINDOW (anchor.window), GTK_WIDGET (anchor.label));
  gtk_window_set_default_size (GTK_WINDOW (anchor.window), 400, 200);
  gtk_window_present (GTK_WINDOW (anchor.window));
  trib_ui_test_wait_for_mapped (anchor.window, TRUE);

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint first = 0;
      guint names = 0;

      gtk_widget_activate_action (GTK_WIDGET (page), "flows.back", NULL);
      first_page_round (page, session, log, &first, &names, &first_ms[round], first_paths);
      first_requests[round] = first;
      names_requests[round] = names;
      bare_ms[round] = bare_first_page_ms (sim, token);

      stall[round] = chart_round (page, busiest, &chart_ms[round], &open_stall[round], &stall_at[round],
                                  &cpu_stall[round]);
      anchor_stall[round] = anchor_round (&anchor, client, busiest, &anchor_cpu_stall[round]);
      idle_stall[round] = idle_stall_ms ();

      g_print ("# flows round %u: first page %.0f ms with %u requests, then %u for the names "
               "(bare libsoup GET %.0f ms); flow opened (longest stall %.1f ms), %u runs charted in %.0f ms, "
               "longest stall while they load %.1f ms, %.0f ms into the load (bare window, same runs: %.1f ms; "
               "idle window: %.1f ms; the main thread's longest work between beats %.1f ms, bare window %.1f ms); "
               "the first page's requests: %s\n",
               round, first_ms[round], first, names, bare_ms[round], open_stall[round],
               trib_runs_chart_get_n_runs (TRIB_RUNS_CHART (trib_flow_detail_get_chart (
                 trib_flows_page_get_detail (page)))),
               chart_ms[round], stall[round], stall_at[round], anchor_stall[round], idle_stall[round], cpu_stall[round],
               anchor_cpu_stall[round], first_paths->str);
    }

  trib_secret_free (token);

  g_print ("BENCH flows-first-page requests=%.0f target=1 rounds=%u\n", bench_median (first_requests, ROUNDS), ROUNDS);
  g_print ("# flows-first-page: %.0f ms to the first page shown; a bare libsoup GET of it %.0f ms; "
           "%.0f requests after it for the names (medians)\n",
           bench_median (first_ms, ROUNDS), bench_median (bare_ms, ROUNDS), bench_median (names_requests, ROUNDS));
  g_print ("BENCH runs-chart max_stall_ms=%.1f target=16 rounds=%u anchor=%.1f\n", bench_median (stall, ROUNDS),
           ROUNDS, bench_median (anchor_stall, ROUNDS));
  g_print ("# runs-chart: %u runs charted in %.0f ms; the same runs loaded into a bare window: "
           "longest stall %.1f ms; opening the flow (its page drawn, its first runs charted): longest stall "
           "%.1f ms; the idle window's longest stall %.1f ms; the main thread's longest work between two beats "
           "(its CPU time) %.1f ms, in the bare window %.1f ms (medians)\n", BUSIEST_RUNS,
           bench_median (chart_ms, ROUNDS), bench_median (anchor_stall, ROUNDS), bench_median (open_stall, ROUNDS),
           bench_median (idle_stall, ROUNDS), bench_median (cpu_stall, ROUNDS), bench_median (anchor_cpu_stall, ROUNDS));

  gtk_window_destroy (GTK_WINDOW (anchor.window));
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
