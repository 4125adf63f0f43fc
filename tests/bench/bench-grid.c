/* bench-grid.c
 *
 * A million rows × 8 columns in the window the user sees: the real
 * TribApplication and TribWindow on the demo platform, mapped under Xvfb
 * and drawing frames, on the query page with its result grid shown; the
 * statement runs against the demo's own PostgreSQL (the one the
 * simulator starts), through the page's "query.run" action. A 1 ms
 * timeout on the main loop (the probe) records the longest gap between
 * two of its ticks, less its 1 ms period: a stall, a time the window
 * could not draw or answer input. Prints
 *
 *   BENCH grid-stream max_stall_ms=… target=16 rounds=N
 *     the longest stall from asking for the run to the last row shown
 *     (and the frame after it drawn)
 *   BENCH grid-sort max_stall_ms=… target=16 rounds=N
 *     the longest stall sorting the million rows by a text column through
 *     the result view's "result.sort" action (what the header's click and
 *     menu do), from asking to the frame after the new order is shown
 *   BENCH grid-stream app_mem_ratio=… target=1.0 rounds=N
 *     the whole process's peak resident memory (VmHWM, reset before each
 *     run through /proc/self/clear_refs) once the million rows are shown,
 *     over psql's peak (VmHWM of a psql child, read from /proc while it
 *     runs) printing the same query from the same server, without
 *     FETCH_COUNT; psql with FETCH_COUNT=10000 and both sides' growth
 *     over their idle size are printed as information
 *   BENCH grid-stream bytes_per_cell=… cell_ratio=… target=1.3 rounds=N
 *     the result model's own memory (trib_result_model_get_memory_size)
 *     per cell, and its ratio to the result's text per cell (the bytes of
 *     the values as PostgreSQL sends them, NULL as none)
 *
 * The anchor of both stall figures is the same probe in the same process
 * with a bare GtkColumnView (8 inscription columns, in a toplevel of its
 * own the size of our grid, mapped beside ours) over a simple GListModel,
 * whose cells show the same kind of values computed from the row's
 * number. Streaming, it receives the very changes our grid received:
 * each `items-changed` of the rows our grid shows (all of them, which
 * its list's few rows of widgets stand for as it scrolls), recorded
 * with its time during our round, is replayed at the same time on the
 * bare one.
 * Sorting, our model emits no `items-changed` at all (its items stand
 * for positions; it says "order-changed"), so there is nothing to
 * replay: the bare grid shows the same new order of the same million
 * rows the cheapest way GTK 4.8 lets it, its order computed on a thread
 * as ours is and its model then swapped for rows in that order. This
 * rather than the idle window's frame time: it tells what GTK 4.8 alone
 * costs for the same change, so that what is ours reads apart from what
 * is the toolkit's. Rounds are
 * interleaved: ours, anchor, psql, ours, anchor, psql, …; the figures are
 * medians. The anchor's columns stay: what our grid does besides the
 * list's changes when a result comes (a column per field, made anew) is
 * counted on our side only. Each round also prints the longest stall of
 * the probe alone, nothing changing, with both windows mapped: the
 * machine's own noise; and how much of our longest streaming stall the
 * window's thread spent on its CPU, the rest waiting (for the X server,
 * or for a core). The anchor is in bench-grid-anchor.c, the probe
 * in bench-util.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-grid-anchor.h"
#include "trib-query-service.h"
#include "trib-ui-query-test.h"

#define N_ROWS BENCH_GRID_N_ROWS
#define N_COLUMNS BENCH_GRID_N_COLUMNS
#define SORT_COLUMN 5           /* digest: 32 characters of text */
#define ROUNDS 5

static const char reset_query[] = "SELECT 1 AS reset";

static gboolean
is_late (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* The longest stall with nothing to do for a second. */
static double
idle_round (void)
{
  gint64 until;
  BenchProbe probe;

  bench_probe_start (&probe);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  bench_run_until (is_late, &until, 10);

  return bench_probe_stop (&probe);
}

/* Memory -------------------------------------------------------------- */

/* A field of /proc/<pid>/status in KiB, or 0 if the process is gone. */
static long
status_kib (const char *pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || !(line = strstr (status, field)))
    return 0;

  return strtol (line + strlen (field) + 1, NULL, 10);
}

/* From here, VmHWM counts anew from the resident size now. */
static void
reset_peak (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  if (fd < 0 || write (fd, "5", 1) != 1)
    g_error ("bench: cannot reset the peak resident size: %s", g_strerror (errno));
  close (fd);
}

/* Runs psql on @sql, as a child of ours, printing to /dev/null; returns
 * its peak resident size, VmHWM as read from /proc every millisecond
 * while it runs. Not the kernel's ru_maxrss at its end: psql is spawned
 * sharing our memory until it execs, and ru_maxrss counts that too.
 * psql reaches its peak holding the whole result, then spends hundreds
 * of milliseconds printing it: a sample does not miss it.
 *
 * Spawned without a fork (g_spawn_async() forks, to close descriptors):
 * a fork would leave every page of ours, hundreds of MiB, copy-on-write,
 * and the window's next round would take a fault on each page it then
 * writes, stalls the app never has.
 */
static long
psql_peak_kib (char      **envp,
               const char *sql,
               gboolean    fetch_count)
{
  char *argv[] = { (char *) "psql", (char *) "-X", (char *) "-At", (char *) "-o", (char *) "/dev/null",
                   (char *) "-c", (char *) sql,
                   /* A psql variable, not an environment variable. */
                   fetch_count ? (char *) "--variable=FETCH_COUNT=10000" : NULL, NULL };
  g_autofree char *pid_text = NULL;
  g_autofree char *exe_path = NULL;
  long peak = 0;
  pid_t pid;
  int status;
  int failed;

  if ((failed = posix_spawnp (&pid, argv[0], NULL, NULL, argv, envp)) != 0)
    g_error ("bench: cannot run psql: %s", g_strerror (failed));
  pid_text = g_strdup_printf ("%d", pid);
  exe_path = g_strdup_printf ("/proc/%d/exe", pid);

  for (;;)
    {
      siginfo_t info = { 0 };
      g_autofree char *exe = NULL;

      /* Gone: a zombie has no VmHWM. */
      if (waitid (P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == pid)
        break;
      /* Once psql, not our copy about to become it. */
      exe = g_file_read_link (exe_path, NULL);
      if (exe != NULL && g_str_has_suffix (exe, "psql"))
        peak = MAX (peak, status_kib (pid_text, "VmHWM:"));
      g_usleep (1000);
    }

  if (waitpid (pid, &status, 0) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("bench: psql failed");
  g_assert_cmpint (peak, >, 0);

  return peak;
}

/* The window ---------------------------------------------------------- */

typedef struct
{
  TribResultView *view;
  TribResultModel *model;
} SortWanted;

static gboolean
sort_shown (gpointer data)
{
  SortWanted *wanted = data;

  return !trib_result_view_get_sorting (wanted->view) &&
         trib_result_model_get_sort_column (wanted->model) == SORT_COLUMN;
}

static void
endpoint_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TribSqlEndpoint **endpoint = user_data;
  g_autoptr(GError) error = NULL;

  *endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (object), result, &error);
  if (*endpoint == NULL)
    g_error ("bench: no connection parameters: %s", error->message);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* psql's environment: the server, role and password Query Service gives
 * the app for the current tab's database, over TLS as the app connects.
 */
static char **
psql_environ (TribWindow    *window,
              TribQueryPage *page)
{
  g_autoptr(TribQueryService) service = trib_query_service_new (trib_session_get_client (trib_window_get_session (window)));
  g_autofree char *database = trib_query_tab_dup_database (trib_query_page_get_current_tab (page));
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  g_autofree char *port = NULL;
  char **envp = g_get_environ ();

  g_assert_nonnull (database);
  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (service), database, NULL,
                                                 endpoint_cb, &endpoint);
  trib_ui_test_iterate_until (is_set, &endpoint, 30);

  port = g_strdup_printf ("%u", endpoint->port);
  envp = g_environ_setenv (envp, "PGHOST", endpoint->host, TRUE);
  envp = g_environ_setenv (envp, "PGPORT", port, TRUE);
  envp = g_environ_setenv (envp, "PGUSER", endpoint->user, TRUE);
  envp = g_environ_setenv (envp, "PGPASSWORD", endpoint->password, TRUE);
  envp = g_environ_setenv (envp, "PGDATABASE", endpoint->database, TRUE);
  envp = g_environ_setenv (envp, "PGSSLMODE", "require", TRUE);
  envp = g_environ_unsetenv (envp, "PSQLRC");

  return envp;
}

/* The bytes of text of every value, NULL as none. */
static double
text_per_cell (TribResultModel *model)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_columns = trib_result_model_get_n_columns (model);
  guint64 total = 0;

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        gsize length = 0;

        if (trib_result_model_get_value (model, row, column, &length) != NULL)
          total += length;
      }

  return (double) total / ((double) n_rows * n_columns);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) app = NULL;
  g_auto(GStrv) envp = NULL;
  TribResultView *result_view;
  GtkColumnView *column_view;
  GtkSelectionModel *grid_model;
  TribQueryPage *page;
  TribWindow *window;
  BenchAnchor anchor = { 0 };
  double stream_stall[ROUNDS], stream_anchor[ROUNDS], stream_cpu[ROUNDS];
  double sort_stall[ROUNDS], sort_anchor[ROUNDS];
  double app_peak[ROUNDS], app_growth[ROUNDS];
  double psql_peak[ROUNDS], psql_growth[ROUNDS], psql_fetch_peak[ROUNDS];
  double mem_ratio[ROUNDS], growth_ratio[ROUNDS];
  double bytes_per_cell[ROUNDS], text_cell[ROUNDS], cell_ratio[ROUNDS];
  double model_mib[ROUNDS];
  double idle[ROUNDS];
  gpointer last_model = NULL;
  guint models_kept = 0;
  long psql_idle;

  trib_ui_test_init (&argc, &argv);

  app = trib_application_new ();
  page = bench_grid_open_demo (app, &window);

  /* Connected, and the grid shown, before anything is measured. */
  bench_grid_run_in_window (GTK_WIDGET (window), page, reset_query, 120);
  result_view = trib_query_page_get_result_view (page);
  column_view = trib_result_view_get_column_view (result_view);
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();

  bench_anchor_init (&anchor, gtk_widget_get_width (GTK_WIDGET (column_view)),
               gtk_widget_get_height (GTK_WIDGET (column_view)));
  /* Drawn alike: the anchor's toplevel is on the display the
   * application chose a renderer for (trib-renderer.c).
   */
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (anchor.window))), ==,
                   G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("# renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  envp = psql_environ (window, page);
  /* A cold server for neither side; and psql's own size, idle. */
  psql_peak_kib (envp, bench_grid_query, FALSE);
  psql_idle = psql_peak_kib (envp, reset_query, FALSE);

  grid_model = trib_result_view_get_rows (result_view);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GArray) stream_changes = g_array_new (FALSE, FALSE, sizeof (BenchChange));
      g_autoptr(GArray) sort_changes = g_array_new (FALSE, FALSE, sizeof (BenchChange));
      BenchRecording recording = { stream_changes, 0, 0 };
      SortWanted sorted = { result_view, NULL };
      TribResultModel *model;
      TribDistillerRun *run;
      BenchProbe probe;
      guint stream_at, stream_anchor_at;
      gulong handler;
      long idle_kib;

      /* The last round's rows gone, and their memory given back. */
      bench_grid_run_in_window (GTK_WIDGET (window), page, reset_query, 120);
      trib_ui_test_settle ();
      if (last_model != NULL)
        {
          models_kept++;
          g_object_remove_weak_pointer (last_model, &last_model);
          last_model = NULL;
        }
      malloc_trim (0);
      idle_kib = status_kib ("self", "VmRSS:");
      reset_peak ();

      idle[round] = idle_round ();

      /* Ours, streaming, from Run: the query typed and drawn before. */
      bench_grid_set_query (GTK_WIDGET (window), page, bench_grid_query);
      trib_ui_test_settle ();
      handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (bench_recording_cb), &recording);
      recording.n_before = g_list_model_get_n_items (G_LIST_MODEL (grid_model));
      bench_probe_start (&probe);
      recording.started = g_get_monotonic_time ();
      run = bench_grid_run_in_window (GTK_WIDGET (window), page, bench_grid_query, 120);
      stream_stall[round] = bench_probe_stop (&probe);
      stream_cpu[round] = probe.max_gap_cpu_ms;
      stream_at = bench_recording_rows_at (&recording, &probe);
      g_signal_handler_disconnect (grid_model, handler);

      model = trib_distiller_run_get_model (run);
      last_model = model;
      g_object_add_weak_pointer (last_model, &last_model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);
      g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, N_COLUMNS);
      app_peak[round] = status_kib ("self", "VmHWM:");
      app_growth[round] = app_peak[round] - idle_kib;
      bytes_per_cell[round] = (double) trib_result_model_get_memory_size (model) / ((double) N_ROWS * N_COLUMNS);
      model_mib[round] = trib_result_model_get_memory_size (model) / 1048576.0;
      text_cell[round] = text_per_cell (model);
      cell_ratio[round] = bytes_per_cell[round] / text_cell[round];

      /* The anchor, the same changes. */
      stream_anchor[round] = bench_anchor_round (&anchor, &recording, &stream_anchor_at);

      /* Ours, sorting by the digest. */
      recording = (BenchRecording) { sort_changes, 0, N_ROWS };
      sorted.model = model;
      handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (bench_recording_cb), &recording);
      bench_probe_start (&probe);
      recording.started = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (result_view), "result.sort", "(ib)", SORT_COLUMN, FALSE);
      bench_run_until (sort_shown, &sorted, 120);
      bench_wait_for_frame (GTK_WIDGET (window));
      sort_stall[round] = bench_probe_stop (&probe);
      g_signal_handler_disconnect (grid_model, handler);

      /* The anchor, the same new order of the same rows. */
      sort_anchor[round] = bench_anchor_sort_round (&anchor, N_ROWS, SORT_COLUMN, FALSE);
      bench_anchor_set_rows (&anchor, 0);

      /* psql, the same query from the same server. */
      psql_peak[round] = psql_peak_kib (envp, bench_grid_query, FALSE);
      psql_growth[round] = psql_peak[round] - psql_idle;
      psql_fetch_peak[round] = psql_peak_kib (envp, bench_grid_query, TRUE);
      mem_ratio[round] = app_peak[round] / psql_peak[round];
      growth_ratio[round] = app_growth[round] / psql_growth[round];

      g_print ("# round %u: stream %.1f ms at row %u, %.1f of them on the main thread's CPU "
               "(anchor %.1f at row %u), sort %.1f ms (anchor %.1f), "
               "app %.0f MiB (idle %.0f), psql %.0f MiB, with FETCH_COUNT %.0f MiB; "
               "%u changes streaming, %u sorting\n",
               round + 1, stream_stall[round], stream_at, stream_cpu[round],
               stream_anchor[round], stream_anchor_at,
               sort_stall[round], sort_anchor[round],
               app_peak[round] / 1024, idle_kib / 1024.0, psql_peak[round] / 1024,
               psql_fetch_peak[round] / 1024, stream_changes->len, sort_changes->len);
    }

  g_print ("# query: %u rows × %u columns, %.1f bytes of text per cell; window 1280×800, grid %d×%d\n",
           N_ROWS, N_COLUMNS, bench_median_of (text_cell, ROUNDS),
           gtk_widget_get_width (GTK_WIDGET (column_view)), gtk_widget_get_height (GTK_WIDGET (column_view)));
  bench_print_rounds ("grid-stream max_stall_ms, ours", stream_stall, ROUNDS, 1);
  bench_print_rounds ("grid-stream max_stall_ms, bare GtkColumnView", stream_anchor, ROUNDS, 1);
  bench_print_rounds ("grid-sort max_stall_ms, ours", sort_stall, ROUNDS, 1);
  bench_print_rounds ("grid-sort max_stall_ms, bare GtkColumnView", sort_anchor, ROUNDS, 1);
  bench_print_rounds ("max_stall_ms of the probe alone, idle", idle, ROUNDS, 1);
  bench_print_rounds ("app peak KiB", app_peak, ROUNDS, 0);
  bench_print_rounds ("psql peak KiB, without FETCH_COUNT", psql_peak, ROUNDS, 0);
  bench_print_rounds ("psql peak KiB, FETCH_COUNT=10000", psql_fetch_peak, ROUNDS, 0);
  bench_print_rounds ("growth over idle, app / psql", growth_ratio, ROUNDS, 2);
  bench_print_rounds ("result model MiB", model_mib, ROUNDS, 1);
  g_print ("# psql idle (SELECT 1) %ld KiB; million-row models still alive after the next run: %u of %u\n",
           psql_idle, models_kept, ROUNDS - 1);

  g_print ("BENCH grid-stream max_stall_ms=%.1f target=16 rounds=%u\n", bench_median_of (stream_stall, ROUNDS), ROUNDS);
  g_print ("BENCH grid-sort max_stall_ms=%.1f target=16 rounds=%u\n", bench_median_of (sort_stall, ROUNDS), ROUNDS);
  g_print ("BENCH grid-stream app_mem_ratio=%.2f target=1.0 rounds=%u\n", bench_median_of (mem_ratio, ROUNDS), ROUNDS);
  g_print ("BENCH grid-stream bytes_per_cell=%.1f cell_ratio=%.2f target=1.3 rounds=%u\n",
           bench_median_of (bytes_per_cell, ROUNDS), bench_median_of (cell_ratio, ROUNDS), ROUNDS);

  bench_anchor_clear (&anchor);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}

