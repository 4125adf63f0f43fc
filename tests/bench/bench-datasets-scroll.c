/* bench-datasets-scroll.c
 *
 * Reaching the end of 50,000 datasets in the real window: TribWindow,
 * mapped under Xvfb, on the datasets page of a sandbox of tributary-sim
 * holding 50,000 generated datasets (`--datasets 50000`). From the first
 * page shown, the list is scrolled to its end as a user dragging the
 * scroll bar to the bottom would, again each time it grows, until the
 * list is complete and the row of its last dataset has been painted.
 * The list scrolls by whole rows (TribGridScroller): its adjustment,
 * in rows, is moved to its end; the anchor's below, in pixels.
 *
 *
 *   BENCH datasets-scroll end_ms=… target=5000
 *     from the first page shown to the last dataset painted
 *   BENCH datasets-scroll page_requests=…
 *     the Catalog list requests this took, from the simulator's request
 *     log (the first page's included)
 *   BENCH datasets-scroll max_stall_ms=… target=16
 *     the longest stall of the main loop over the same time: a 1 ms
 *     timeout (the probe) records the longest gap between two of its
 *     ticks, less its period, a time the window could not draw or answer
 *     input (a frame drawn by llvmpipe is part of it); bench-util's probe.
 *     Each round's line also gives the main thread's CPU over that
 *     stall: the rest of it the thread waited, for a core or for the
 *     display server.
 *
 * The stall's anchor, in the same rounds, is a bare GtkColumnView (five
 * columns of inscriptions as wide as ours, showing the same datasets'
 * name, schema, table, creation date and status, in a toplevel of its
 * own the size of our list) given the very splices our list made during
 * the round, in the same sizes, each followed by a jump to its end and a
 * frame: what GTK 4.8 alone costs for the same changes, printed as
 * information
 * (`# datasets-scroll: … bare GtkColumnView …`).
 *
 * The information lines after them give, measured in the same rounds, a
 * bare libsoup loop fetching and parsing the same pages one after the
 * other from the same simulator (what paging through the list one page
 * at a time costs without the app), the frames the window drew, the CPU
 * time of the app (its renderer's threads included) and of the simulator
 * over the round, the load average, and the longest stall of the same
 * probe with the window idle for a second (the machine's own noise).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include <adwaita.h>

#include "bench-util.h"
#include "trib-application.h"
#include "trib-catalog.h"
#include "trib-datasets-page.h"
#include "trib-grid-scroller.h"
#include "trib-paged-list.h"
#include "trib-session.h"
#include "trib-test-platform.h"
#include "trib-ui-test.h"
#include "trib-util.h"
#include "trib-window.h"

#define N_DATASETS 50000
#define ROUNDS 3
#define ROUND_TIMEOUT_S 600

#define CATALOG_DATASETS "/data/foundation/catalog/dataSets"

static TribPlatformClient *
client_for (TribTestSim    *sim,
            TribRequestLog *log)
{
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;

  trib_profile_set_ephemeral (profile, TRUE);

  client = trib_platform_client_new (profile, sim->client_secret, log, &error);
  g_assert_no_error (error);

  return client;
}

/* The anchor: every page, one after the other, with nothing but libsoup
 * and json-glib; the same requests as the app's, on one connection.
 */
static double
bare_all_pages_ms (TribTestSim *sim,
                   const char  *token,
                   guint       *n_pages)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  gint64 start = g_get_monotonic_time ();
  guint offset = 0;

  *n_pages = 0;
  for (;;)
    {
      g_autofree char *url = g_strdup_printf ("%s" CATALOG_DATASETS "?limit=%u&start=%u&orderBy=asc:name"
                                              "&properties=name,description,created,updated,schemaRef,"
                                              "fileDescription,tags,lastBatchId,lastBatchStatus",
                                              sim->base_url, TRIB_CATALOG_PAGE_SIZE, offset);
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      guint n_items;

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
      soup_message_headers_replace (soup_message_get_request_headers (message), "x-api-key", sim->client_id);
      soup_message_headers_replace (soup_message_get_request_headers (message), "x-gw-ims-org-id", sim->org_id);
      soup_message_headers_replace (soup_message_get_request_headers (message), "x-sandbox-name", sim->sandbox);
      body = soup_session_send_and_read (session, message, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (message), ==, 200);
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

      (*n_pages)++;
      n_items = json_object_get_size (json_node_get_object (json_parser_get_root (parser)));
      offset += n_items;
      if (n_items < TRIB_CATALOG_PAGE_SIZE)
        break;
    }

  g_assert_cmpuint (offset, >=, N_DATASETS);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Where a round's time goes: requests in flight, or the list waiting for
 * the view to ask for more.
 */
typedef struct
{
  gint64 changed;
  gint64 in_flight;
  gboolean loading;
} Loading;

static void
loading_cb (TribPagedList *list,
            GParamSpec    *pspec,
            Loading       *loading)
{
  gint64 now = g_get_monotonic_time ();

  if (loading->loading)
    loading->in_flight += now - loading->changed;
  loading->loading = trib_paged_list_get_loading (list);
  loading->changed = now;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

/* CPU time, in ms, of the simulator; the app's (its renderer's threads
 * included) is bench_process_cpu_ms ().
 */
static double
sim_cpu_ms (TribTestSim *sim)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (sim->process));
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || !(after_name = strrchr (stat, ')')))
    return 0;

  /* utime and stime, the 14th and 15th fields, the 12th and 13th after the name. */
  fields = g_strsplit (after_name + 2, " ", 16);
  if (g_strv_length (fields) < 13)
    return 0;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

/* The longest stall with the window idle for a second. */
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

/* The stall's anchor ---------------------------------------------------- */

#define N_COLUMNS 5

typedef struct
{
  GtkWidget *window;
  GtkColumnView *column_view;
  GListStore *store;
} Anchor;

static void
anchor_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  column)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "min-chars")));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "nat-chars")));
  gtk_list_item_set_child (item, cell);
}

/* The widths the cells of @column_view, our list, ask for in @column,
 * from its first row: its cells are inscriptions, the name's inside the
 * cell that names the row; kept on @factory for its cells.
 */
static void
copy_our_width (GtkWidget          *column_view,
                guint               column,
                GtkListItemFactory *factory)
{
  GtkWidget *cell = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_widget_get_last_child (column_view)));
  GtkInscription *inscription;

  for (guint i = 0; i < column && cell != NULL; i++)
    cell = gtk_widget_get_next_sibling (cell);
  g_assert_nonnull (cell);
  inscription = GTK_INSCRIPTION (trib_ui_test_find_widget (cell, GTK_TYPE_INSCRIPTION, NULL));
  g_assert_nonnull (inscription);
  g_object_set_data (G_OBJECT (factory), "min-chars", GUINT_TO_POINTER (gtk_inscription_get_min_chars (inscription)));
  g_object_set_data (G_OBJECT (factory), "nat-chars", GUINT_TO_POINTER (gtk_inscription_get_nat_chars (inscription)));
}

static void
anchor_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  column)
{
  TribDataset *dataset = gtk_list_item_get_item (item);
  g_autofree char *created = NULL;
  const char *text;

  switch (GPOINTER_TO_UINT (column))
    {
    case 0:
      text = trib_dataset_get_name (dataset);
      break;
    case 1:
      text = trib_dataset_get_schema_id (dataset);
      break;
    case 2:
      text = trib_dataset_get_table_name (dataset);
      break;
    case 3:
      if (trib_dataset_get_created (dataset) != NULL)
        created = g_date_time_format (trib_dataset_get_created (dataset), "%x");
      text = created;
      break;
    default:
      text = trib_dataset_get_last_batch_status (dataset);
      break;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
anchor_init (Anchor    *anchor,
             GtkWidget *ours)
{
  const char *titles[N_COLUMNS] = { "Name", "Schema", "Table", "Created", "Last Batch" };
  GtkWidget *our_column_view = trib_ui_test_find_widget (ours, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  anchor->store = g_list_store_new (TRIB_TYPE_DATASET);
  anchor->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
    G_LIST_MODEL (g_object_ref (anchor->store))))));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      copy_our_width (our_column_view, i, factory);
      g_signal_connect (factory, "setup", G_CALLBACK (anchor_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (anchor_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (anchor->column_view, column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (anchor->column_view));
  gtk_widget_set_size_request (scrolled, gtk_widget_get_width (ours), gtk_widget_get_height (ours));

  anchor->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (anchor->window), FALSE);
  gtk_window_set_child (GTK_WINDOW (anchor->window), scrolled);
  gtk_window_present (GTK_WINDOW (anchor->window));
  trib_ui_test_wait_for_mapped (GTK_WIDGET (anchor->column_view), TRUE);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Iterates until @widget's window paints a frame, or a fifth of a second. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 late = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  while (!painted && g_get_monotonic_time () < late)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, handler);
}

static void
splice_from (GListStore *store,
             GListModel *items,
             guint       n_items)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = position; i < position + n_items; i++)
    g_ptr_array_add (added, g_list_model_get_item (items, i));
  g_list_store_splice (store, position, 0, added->pdata, added->len);
}

/* Our round's splices, in their sizes, on the bare view: each followed
 * by a jump to the end and a frame, as our loop jumps after each change.
 * Returns: the longest stall
 */
static double
anchor_round (Anchor     *anchor,
              GListModel *items,
              guint       n_first,
              GArray     *splices)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (anchor->column_view));
  g_autoptr(GtkSelectionModel) selection = NULL;
  BenchProbe probe;

  /* A new list each round, the view back at its top with it. */
  g_clear_object (&anchor->store);
  anchor->store = g_list_store_new (TRIB_TYPE_DATASET);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (anchor->store))));
  gtk_column_view_set_model (anchor->column_view, selection);
  splice_from (anchor->store, items, n_first);
  wait_for_frame (GTK_WIDGET (anchor->column_view));
  trib_ui_test_settle ();

  bench_probe_start (&probe);
  for (guint i = 0; i < splices->len; i++)
    {
      splice_from (anchor->store, items, g_array_index (splices, guint, i));
      wait_for_frame (GTK_WIDGET (anchor->column_view));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment));
      wait_for_frame (GTK_WIDGET (anchor->column_view));
    }

  return bench_probe_stop (&probe);
}

static void
record_splice_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *splices)
{
  if (added > 0)
    g_array_append_val (splices, added);
}

/* The row of the list's last dataset, if it is mapped. */
static gboolean
last_row_mapped (TribDatasetsPage *page,
                 GtkWidget        *column_view)
{
  TribPagedList *list = TRIB_PAGED_LIST (trib_datasets_page_get_list (page));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(TribDataset) last = NULL;

  if (!trib_paged_list_get_complete (list) || n_items == 0)
    return FALSE;

  last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);

  return trib_ui_test_find_label (column_view, trib_dataset_get_name (last), FALSE) != NULL;
}

/* One round: from the first page shown to the last dataset painted,
 * scrolling to the end whenever the list is not at it.
 */
static double
scroll_to_end_ms (TribTestSim      *sim,
                  TribWindow       *window,
                  TribDatasetsPage *page,
                  guint            *n_requests,
                  guint            *n_items,
                  double           *in_flight_ms,
                  guint            *n_frames,
                  double           *max_stall_ms,
                  double           *stall_cpu_ms,
                  double           *app_cpu_ms,
                  double           *server_cpu_ms,
                  guint            *n_first,
                  GArray           *splices)
{
  Loading loading = { 0 };
  gulong splice_handler;
  gulong loading_handler;
  GtkWidget *column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *scroller = trib_ui_test_find_widget (GTK_WIDGET (page), TRIB_TYPE_GRID_SCROLLER, NULL);
  GtkAdjustment *adjustment = trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (scroller));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline;
  gint64 start;
  gint64 painted = 0;
  gulong handler;
  gulong frames_handler;
  BenchProbe probe;

  trib_test_sim_clear_requests (sim);
  gtk_adjustment_set_value (adjustment, 0);
  trib_datasets_page_reload (page);
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 60);
  trib_ui_test_settle ();

  *n_frames = 0;
  frames_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), n_frames);
  *app_cpu_ms = bench_process_cpu_ms ();
  *server_cpu_ms = sim_cpu_ms (sim);
  bench_probe_start (&probe);
  start = g_get_monotonic_time ();
  loading.changed = start;
  loading.loading = trib_paged_list_get_loading (TRIB_PAGED_LIST (trib_datasets_page_get_list (page)));
  loading_handler = g_signal_connect (trib_datasets_page_get_list (page), "notify::loading",
                                      G_CALLBACK (loading_cb), &loading);
  *n_first = g_list_model_get_n_items (trib_datasets_page_get_list (page));
  splice_handler = g_signal_connect (trib_datasets_page_get_list (page), "items-changed",
                                     G_CALLBACK (record_splice_cb), splices);
  deadline = start + ROUND_TIMEOUT_S * G_USEC_PER_SEC;
  while (!last_row_mapped (page, column_view))
    {
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      g_assert_null (trib_paged_list_get_error (TRIB_PAGED_LIST (trib_datasets_page_get_list (page))));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (gtk_adjustment_get_value (adjustment) < end)
        gtk_adjustment_set_value (adjustment, end);
      g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (trib_datasets_page_get_list (page), loading_handler);
  g_signal_handler_disconnect (trib_datasets_page_get_list (page), splice_handler);
  *in_flight_ms = loading.in_flight / 1000.0;

  /* Mapped, the row is laid out; shown once the frame is painted. */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, frames_handler);
  *max_stall_ms = bench_probe_stop (&probe);
  *stall_cpu_ms = probe.max_gap_cpu_ms;
  *app_cpu_ms = bench_process_cpu_ms () - *app_cpu_ms;
  *server_cpu_ms = sim_cpu_ms (sim) - *server_cpu_ms;

  *n_requests = trib_test_sim_count_requests (sim, "GET", CATALOG_DATASETS);
  *n_items = g_list_model_get_n_items (trib_datasets_page_get_list (page));

  return (painted - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;
  TribDatasetsPage *page;
  TribWindow *window;
  char *token;
  double ours[ROUNDS];
  double bare[ROUNDS];
  double in_flight[ROUNDS];
  double stall[ROUNDS];
  double stall_cpu[ROUNDS];
  double idle_stall[ROUNDS];
  double anchor_stall[ROUNDS];
  Anchor anchor = { 0 };
  double frames[ROUNDS];
  guint requests[ROUNDS];
  double requests_median[ROUNDS];
  guint bare_pages = 0;
  guint n_items = 0;

  trib_ui_test_init (&argc, &argv);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", G_STRINGIFY (N_DATASETS), NULL });

  app = trib_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  client = client_for (sim, trib_application_get_request_log (app));
  session = trib_session_new (client);
  trib_application_use_session (app, session);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, 60);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "datasets");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));
  g_assert_nonnull (page);
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 60);
  trib_ui_test_settle ();

  token = trib_test_platform_token (client);
  anchor_init (&anchor, gtk_widget_get_parent (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW,
                                                                         NULL)));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GArray) splices = g_array_new (FALSE, FALSE, sizeof (guint));
      guint n_frames;
      guint n_first;
      double app_cpu;
      double server_cpu;

      ours[round] = scroll_to_end_ms (sim, window, page, &requests[round], &n_items,
                                      &in_flight[round], &n_frames, &stall[round], &stall_cpu[round],
                                      &app_cpu, &server_cpu, &n_first, splices);
      g_assert_cmpuint (n_items, >=, N_DATASETS);
      anchor_stall[round] = anchor_round (&anchor, trib_datasets_page_get_list (page), n_first, splices);
      bare[round] = bare_all_pages_ms (sim, token, &bare_pages);
      idle_stall[round] = idle_stall_ms ();
      requests_median[round] = requests[round];
      frames[round] = n_frames;
      g_print ("# datasets-scroll round %u: window %.0f ms (a page request in flight %.0f ms of it), "
               "%u requests, %u datasets, %u frames, longest stall %.1f ms "
               "(the main thread running %.1f ms of it; idle %.1f ms); "
               "bare libsoup %u pages %.0f ms; CPU: app %.0f ms, simulator %.0f ms; load %.2f; "
               "bare GtkColumnView given the same %u splices: longest stall %.1f ms\n",
               round, ours[round], in_flight[round], requests[round], n_items, n_frames,
               stall[round], stall_cpu[round], idle_stall[round], bare_pages, bare[round], app_cpu,
               server_cpu, bench_load_average (), splices->len, anchor_stall[round]);
    }

  trib_secret_free (token);

  g_print ("BENCH datasets-scroll end_ms=%.0f target=5000 rounds=%u\n", bench_median (ours, ROUNDS), ROUNDS);
  g_print ("BENCH datasets-scroll page_requests=%.0f rounds=%u\n", bench_median (requests_median, ROUNDS), ROUNDS);
  g_print ("BENCH datasets-scroll max_stall_ms=%.1f target=16 rounds=%u\n", bench_median (stall, ROUNDS), ROUNDS);
  g_print ("# datasets-scroll: %.0f frames drawn, longest stall of the idle window %.1f ms (medians)\n",
           bench_median (frames, ROUNDS), bench_median (idle_stall, ROUNDS));
  g_print ("# datasets-scroll: the main thread running %.1f ms of the longest stall (median)\n",
           bench_median (stall_cpu, ROUNDS));
  g_print ("# datasets-scroll: longest stall of a bare GtkColumnView given the same splices and jumps: "
           "%.1f ms (median)\n", bench_median (anchor_stall, ROUNDS));
  g_print ("# datasets-scroll: a page request in flight %.0f ms of the window's time (median)\n",
           bench_median (in_flight, ROUNDS));
  g_print ("# datasets-scroll: a bare libsoup loop fetching and parsing the same %u pages one after the other: "
           "%.0f ms (median of %u)\n", bare_pages, bench_median (bare, ROUNDS), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor.window));
  g_clear_object (&anchor.store);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
