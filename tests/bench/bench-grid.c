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
 * while a bare GtkColumnView (8 label columns, in a toplevel of its own
 * the size of our grid, mapped beside ours) over a simple GListModel
 * receives the very changes our grid received: each `items-changed` of
 * our grid's model, recorded with its time during our round, is replayed
 * at the same time on the bare one, whose cells show the same kind of
 * values computed from the row's number. This rather than the idle
 * window's frame time: it tells what GTK 4.8 alone costs for the same
 * change (an all-rows change costs it hundreds of milliseconds), so that
 * what is ours reads apart from what is the toolkit's. Rounds are
 * interleaved: ours, anchor, psql, ours, anchor, psql, …; the figures are
 * medians. The anchor's columns stay: what our grid does besides the
 * list's changes when a result comes (a column per field, made anew) is
 * counted on our side only. Each round also prints the longest stall of
 * the probe alone, nothing changing, with both windows mapped: the
 * machine's own noise.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "trib-query-service.h"
#include "trib-ui-query-test.h"

#define N_ROWS 1000000
#define N_COLUMNS 8
#define SORT_COLUMN 5           /* digest: 32 characters of text */
#define ROUNDS 5

/* About 17 bytes of text per cell: integers, floats, short and longer
 * text, timestamps, booleans, numerics and a NULL in ten rows, as an
 * events table holds.
 */
static const char query[] =
  "SELECT g AS id, g * 2.5::float8 AS score, 'name-' || g AS name, "
  "timestamptz '2026-01-01' + g * interval '1 second' AS seen, g % 2 = 0 AS even, "
  "md5(g::text) AS digest, (g % 1000)::numeric / 7 AS ratio, "
  "CASE WHEN g % 10 = 0 THEN NULL ELSE 'web.webpagedetails.pageViews' END AS event_type "
  "FROM generate_series(1, 1000000) AS g";

static const char reset_query[] = "SELECT 1 AS reset";

static const char * const column_names[N_COLUMNS] = {
  "id", "score", "name", "seen", "even", "digest", "ratio", "event_type",
};

/* The probe ------------------------------------------------------------ */

typedef struct
{
  gint64 last;
  gint64 max_gap;
  gint64 max_from;              /* when the longest gap began */
  guint source;
} Probe;

/* Fires every millisecond; a late firing is a main loop that stalled. */
static gboolean
probe_cb (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last != 0 && now - probe->last > probe->max_gap)
    {
      probe->max_gap = now - probe->last;
      probe->max_from = probe->last;
    }
  probe->last = now;

  return G_SOURCE_CONTINUE;
}

static void
probe_start (Probe *probe)
{
  *probe = (Probe) { 0 };
  probe->source = g_timeout_add (1, probe_cb, probe);

  /* Beating before anything is asked for. */
  while (probe->last == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Returns: the longest stall, in milliseconds */
static double
probe_stop (Probe *probe)
{
  probe_cb (probe);
  g_clear_handle_id (&probe->source, g_source_remove);

  return MAX (0, probe->max_gap - 1000) / 1000.0;
}

/* Iterates the main loop, blocking, so that the probe's ticks are the
 * only wake-ups of our own, until @predicate holds.
 */
static void
run_until (gboolean (*predicate) (gpointer),
           gpointer   data,
           guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("bench: timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  guint painted;
  gint64 until;
} Paint;

static void
painted_cb (GdkFrameClock *clock,
            Paint         *paint)
{
  paint->painted++;
}

static gboolean
painted_or_late (gpointer data)
{
  Paint *paint = data;

  return paint->painted > 0 || g_get_monotonic_time () > paint->until;
}

/* Lets @window lay out and draw what changed, if anything did: the frame
 * after a change is part of its cost.
 */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { 0, g_get_monotonic_time () + G_USEC_PER_SEC / 5 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &paint);

  run_until (painted_or_late, &paint, 10);
  g_signal_handler_disconnect (clock, handler);
}

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
  Probe probe;

  probe_start (&probe);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  run_until (is_late, &until, 10);

  return probe_stop (&probe);
}

/* The changes our grid receives --------------------------------------- */

typedef struct
{
  gint64 at;                    /* since the round began */
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  GArray *changes;
  gint64 started;
  guint n_before;               /* the rows our grid had when it began */
} Recording;

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Recording  *recording)
{
  Change change = { g_get_monotonic_time () - recording->started, position, removed, added };

  g_array_append_val (recording->changes, change);
}

/* How many rows the grid had when the longest gap of @probe began. */
static guint
rows_at_stall (Recording   *recording,
               const Probe *probe)
{
  guint n_rows = recording->n_before;

  for (guint i = 0; i < recording->changes->len; i++)
    {
      const Change *change = &g_array_index (recording->changes, Change, i);

      if (recording->started + change->at > probe->max_from)
        break;
      n_rows = n_rows - change->removed + change->added;
    }

  return n_rows;
}

/* The anchor: a bare GtkColumnView ------------------------------------ */

#define BENCH_TYPE_ROW (bench_row_get_type ())
G_DECLARE_FINAL_TYPE (BenchRow, bench_row, BENCH, ROW, GObject)

struct _BenchRow
{
  GObject parent_instance;
  guint id;
};

G_DEFINE_FINAL_TYPE (BenchRow, bench_row, G_TYPE_OBJECT)

static void
bench_row_class_init (BenchRowClass *klass)
{
}

static void
bench_row_init (BenchRow *self)
{
}

/* A list of n rows made on demand, as TribResultModel makes its own;
 * after a replayed all-rows change it shows them the other way round,
 * so that every row shown is another one, as after a sort.
 */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint n_rows;
  gboolean reversed;
};

static GType
bench_rows_get_item_type (GListModel *model)
{
  return BENCH_TYPE_ROW;
}

static guint
bench_rows_get_n_items (GListModel *model)
{
  return BENCH_ROWS (model)->n_rows;
}

static gpointer
bench_rows_get_item (GListModel *model,
                     guint       position)
{
  BenchRows *self = BENCH_ROWS (model);
  BenchRow *row;

  if (position >= self->n_rows)
    return NULL;

  row = g_object_new (BENCH_TYPE_ROW, NULL);
  row->id = 1 + (self->reversed ? self->n_rows - 1 - position : position);

  return row;
}

static void
bench_rows_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_rows_get_item_type;
  iface->get_n_items = bench_rows_get_n_items;
  iface->get_item = bench_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_rows_iface_init))

static void
bench_rows_class_init (BenchRowsClass *klass)
{
}

static void
bench_rows_init (BenchRows *self)
{
}

static void
bench_rows_apply (BenchRows    *self,
                  const Change *change)
{
  self->n_rows = self->n_rows - change->removed + change->added;
  if (change->position == 0 && change->added > 0 && change->removed == change->added &&
      change->added == self->n_rows)
    self->reversed = !self->reversed;
  g_list_model_items_changed (G_LIST_MODEL (self), change->position, change->removed, change->added);
}

/* What the query prints for row @id, column @column. */
static char *
anchor_value (guint id,
              guint column)
{
  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", id);
    case 1:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, id * 2.5));
      }
    case 2:
      return g_strdup_printf ("name-%u", id);
    case 3:
      {
        g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
        g_autoptr(GDateTime) seen = g_date_time_add_seconds (start, id);

        return g_date_time_format (seen, "%Y-%m-%d %H:%M:%S+00");
      }
    case 4:
      return g_strdup (id % 2 == 0 ? "t" : "f");
    case 5:
      {
        g_autofree char *text = g_strdup_printf ("%u", id);

        return g_compute_checksum_for_string (G_CHECKSUM_MD5, text, -1);
      }
    case 6:
      return g_strdup_printf ("%.20f", (id % 1000) / 7.0);
    default:
      return id % 10 == 0 ? NULL : g_strdup ("web.webpagedetails.pageViews");
    }
}

static void
anchor_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* As our cells: one line, ellipsized, of a readable width. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
anchor_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  BenchRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = anchor_value (row->id, GPOINTER_TO_UINT (user_data));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "NULL");
}

typedef struct
{
  GtkWidget *window;
  BenchRows *rows;
} Anchor;

static void
anchor_init (Anchor *anchor,
             int     width,
             int     height)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkMultiSelection *selection;
  GtkWidget *column_view;

  anchor->rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (anchor->rows)));
  column_view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (anchor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (anchor_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (column_names[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (column_view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), column_view);

  anchor->window = gtk_window_new ();
  /* The size of our grid, without a title bar. */
  gtk_window_set_decorated (GTK_WINDOW (anchor->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (anchor->window), width, height);
  gtk_window_set_child (GTK_WINDOW (anchor->window), scrolled);
  gtk_window_present (GTK_WINDOW (anchor->window));
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();
}

typedef struct
{
  Anchor *anchor;
  GArray *changes;
  gint64 started;
  guint next;
} Replay;

/* Each change at the time it came to our grid, in a dispatch of its own. */
static gboolean
replay_cb (gpointer data)
{
  Replay *replay = data;
  const Change *change;

  if (replay->next >= replay->changes->len)
    return G_SOURCE_REMOVE;

  change = &g_array_index (replay->changes, Change, replay->next);
  if (g_get_monotonic_time () - replay->started >= change->at)
    {
      bench_rows_apply (replay->anchor->rows, change);
      replay->next++;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
replay_done (gpointer data)
{
  Replay *replay = data;

  return replay->next >= replay->changes->len;
}

/* Returns: the longest stall replaying @changes on the bare grid */
static void
anchor_set_rows (Anchor *anchor,
                 guint   n_rows)
{
  Change change = { 0, 0, anchor->rows->n_rows, n_rows };

  anchor->rows->reversed = FALSE;
  bench_rows_apply (anchor->rows, &change);
  wait_for_frame (anchor->window);
}

/* Returns: the longest stall replaying @recording on the bare grid, from
 * as many rows as ours had
 */
static double
anchor_round (Anchor    *anchor,
              Recording *recording,
              guint     *rows_at)
{
  Replay replay = { anchor, recording->changes, 0, 0 };
  Probe probe;
  double stall;
  guint source;

  anchor_set_rows (anchor, recording->n_before);
  probe_start (&probe);
  replay.started = g_get_monotonic_time ();
  source = g_idle_add (replay_cb, &replay);
  run_until (replay_done, &replay, 120);
  g_source_remove (source);
  wait_for_frame (anchor->window);
  stall = probe_stop (&probe);
  *rows_at = rows_at_stall (&(Recording) { recording->changes, replay.started, recording->n_before }, &probe);

  return stall;
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
  g_autoptr(GError) error = NULL;
  g_autofree char *pid_text = NULL;
  g_autofree char *exe_path = NULL;
  long peak = 0;
  GPid pid;
  int status;

  if (!g_spawn_async (NULL, argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("bench: %s", error->message);
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
  TribQueryPage *page;
  TribDistillerRun *previous;   /* a reference, so that no new run takes its address */
} RunWanted;

static gboolean
run_finished (gpointer data)
{
  RunWanted *wanted = data;
  GPtrArray *runs = trib_query_page_get_runs (wanted->page);
  TribDistillerRun *run;

  if (runs == NULL || runs->len != 1)
    return FALSE;
  run = g_ptr_array_index (runs, 0);

  return run != wanted->previous && trib_distiller_run_get_finished (run);
}

/* Runs @sql in the page's tab as its Run button does, until its last row
 * is in the grid and drawn.
 */
static TribDistillerRun *
run_in_window (GtkWidget     *window,
               TribQueryPage *page,
               const char    *sql)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  GPtrArray *runs = trib_query_page_get_runs (page);
  RunWanted wanted = { page, NULL };
  TribDistillerRun *run;
  GtkTextIter start;

  if (runs != NULL && runs->len > 0)
    wanted.previous = g_object_ref (g_ptr_array_index (runs, 0));

  trib_query_editor_set_text (editor, sql);
  gtk_text_buffer_get_start_iter (trib_query_editor_get_buffer (editor), &start);
  gtk_text_buffer_place_cursor (trib_query_editor_get_buffer (editor), &start);
  gtk_widget_activate_action (GTK_WIDGET (page), "query.run", NULL);
  run_until (run_finished, &wanted, 120);
  wait_for_frame (window);
  g_clear_object (&wanted.previous);

  run = trib_ui_query_run_at (page, 0);
  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_DONE)
    g_error ("bench: the query failed: %s", trib_distiller_run_get_error (run)->message);

  return run;
}

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

static double
median_of (double *values)
{
  g_autofree double *copy = g_memdup2 (values, ROUNDS * sizeof (double));

  return bench_median (copy, ROUNDS);
}

static void
print_rounds (const char *what,
              double     *values,
              int         digits)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "# %s:", what);
  for (guint i = 0; i < ROUNDS; i++)
    g_string_append_printf (line, " %.*f", digits, values[i]);
  g_print ("%s (median %.*f)\n", line->str, digits, median_of (values));
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
  Anchor anchor = { 0 };
  double stream_stall[ROUNDS], stream_anchor[ROUNDS];
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

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  page = trib_ui_query_show_page (GTK_WIDGET (window));

  /* Connected, and the grid shown, before anything is measured. */
  run_in_window (GTK_WIDGET (window), page, reset_query);
  result_view = trib_query_page_get_result_view (page);
  column_view = trib_result_view_get_column_view (result_view);
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();

  anchor_init (&anchor, gtk_widget_get_width (GTK_WIDGET (column_view)),
               gtk_widget_get_height (GTK_WIDGET (column_view)));

  envp = psql_environ (window, page);
  /* A cold server for neither side; and psql's own size, idle. */
  psql_peak_kib (envp, query, FALSE);
  psql_idle = psql_peak_kib (envp, reset_query, FALSE);

  grid_model = gtk_column_view_get_model (column_view);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GArray) stream_changes = g_array_new (FALSE, FALSE, sizeof (Change));
      g_autoptr(GArray) sort_changes = g_array_new (FALSE, FALSE, sizeof (Change));
      Recording recording = { stream_changes, 0, 0 };
      SortWanted sorted = { result_view, NULL };
      TribResultModel *model;
      TribDistillerRun *run;
      Probe probe;
      guint stream_at, stream_anchor_at, sort_anchor_at;
      gulong handler;
      long idle_kib;

      /* The last round's rows gone, and their memory given back. */
      run_in_window (GTK_WIDGET (window), page, reset_query);
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

      /* Ours, streaming. */
      handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (record_cb), &recording);
      recording.n_before = g_list_model_get_n_items (G_LIST_MODEL (grid_model));
      probe_start (&probe);
      recording.started = g_get_monotonic_time ();
      run = run_in_window (GTK_WIDGET (window), page, query);
      stream_stall[round] = probe_stop (&probe);
      stream_at = rows_at_stall (&recording, &probe);
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
      stream_anchor[round] = anchor_round (&anchor, &recording, &stream_anchor_at);

      /* Ours, sorting by the digest. */
      recording = (Recording) { sort_changes, 0, N_ROWS };
      sorted.model = model;
      handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (record_cb), &recording);
      probe_start (&probe);
      recording.started = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (result_view), "result.sort", "(ib)", SORT_COLUMN, FALSE);
      run_until (sort_shown, &sorted, 120);
      wait_for_frame (GTK_WIDGET (window));
      sort_stall[round] = probe_stop (&probe);
      g_signal_handler_disconnect (grid_model, handler);

      /* The anchor, the same changes. */
      sort_anchor[round] = anchor_round (&anchor, &recording, &sort_anchor_at);
      anchor_set_rows (&anchor, 0);

      /* psql, the same query from the same server. */
      psql_peak[round] = psql_peak_kib (envp, query, FALSE);
      psql_growth[round] = psql_peak[round] - psql_idle;
      psql_fetch_peak[round] = psql_peak_kib (envp, query, TRUE);
      mem_ratio[round] = app_peak[round] / psql_peak[round];
      growth_ratio[round] = app_growth[round] / psql_growth[round];

      g_print ("# round %u: stream %.1f ms at row %u (anchor %.1f at row %u), sort %.1f ms (anchor %.1f), "
               "app %.0f MiB (idle %.0f), psql %.0f MiB, with FETCH_COUNT %.0f MiB; "
               "%u changes streaming, %u sorting\n",
               round + 1, stream_stall[round], stream_at, stream_anchor[round], stream_anchor_at,
               sort_stall[round], sort_anchor[round],
               app_peak[round] / 1024, idle_kib / 1024.0, psql_peak[round] / 1024,
               psql_fetch_peak[round] / 1024, stream_changes->len, sort_changes->len);
    }

  g_print ("# query: %u rows × %u columns, %.1f bytes of text per cell; window 1280×800, grid %d×%d\n",
           N_ROWS, N_COLUMNS, median_of (text_cell),
           gtk_widget_get_width (GTK_WIDGET (column_view)), gtk_widget_get_height (GTK_WIDGET (column_view)));
  print_rounds ("grid-stream max_stall_ms, ours", stream_stall, 1);
  print_rounds ("grid-stream max_stall_ms, bare GtkColumnView", stream_anchor, 1);
  print_rounds ("grid-sort max_stall_ms, ours", sort_stall, 1);
  print_rounds ("grid-sort max_stall_ms, bare GtkColumnView", sort_anchor, 1);
  print_rounds ("max_stall_ms of the probe alone, idle", idle, 1);
  print_rounds ("app peak KiB", app_peak, 0);
  print_rounds ("psql peak KiB, without FETCH_COUNT", psql_peak, 0);
  print_rounds ("psql peak KiB, FETCH_COUNT=10000", psql_fetch_peak, 0);
  print_rounds ("growth over idle, app / psql", growth_ratio, 2);
  print_rounds ("result model MiB", model_mib, 1);
  g_print ("# psql idle (SELECT 1) %ld KiB; million-row models still alive after the next run: %u of %u\n",
           psql_idle, models_kept, ROUNDS - 1);

  g_print ("BENCH grid-stream max_stall_ms=%.1f target=16 rounds=%u\n", median_of (stream_stall), ROUNDS);
  g_print ("BENCH grid-sort max_stall_ms=%.1f target=16 rounds=%u\n", median_of (sort_stall), ROUNDS);
  g_print ("BENCH grid-stream app_mem_ratio=%.2f target=1.0 rounds=%u\n", median_of (mem_ratio), ROUNDS);
  g_print ("BENCH grid-stream bytes_per_cell=%.1f cell_ratio=%.2f target=1.3 rounds=%u\n",
           median_of (bytes_per_cell), median_of (cell_ratio), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor.window));
  g_clear_object (&anchor.rows);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
