/* bench-grid-scroll.c
 *
 * Scrolling a million rows × 8 columns in the window the user sees: the
 * real TribApplication and TribWindow on the demo platform, mapped under
 * Xvfb, the rows streamed into the query page's result grid from the
 * demo's own PostgreSQL through the page's "query.run" action. Then the
 * grid scrolls along a fixed path, each step followed by a drawn frame:
 * page-downs from the top, jumps through the whole result, then small
 * steps as a mouse wheel makes. Prints
 *
 *   BENCH grid-scroll cpu_ratio=… target=1.1 rounds=N
 *     the CPU time of the main thread (getrusage, RUSAGE_THREAD) along
 *     the path in our grid, over the same along the same path in a bare
 *     GtkColumnView: the median of the rounds' ratios
 *
 * The main thread is where what is ours runs: binding cells, making
 * their text, naming them for accessibility, laying out and snapshotting
 * them; most of a frame's drawing here is llvmpipe's, on threads of its
 * own, and the whole process's CPU is printed beside as information.
 *
 * The anchor is a bare GtkColumnView in a toplevel of its own, the size
 * of our window, with a grid of the size of ours at its top left: 8
 * label columns, of the widths ours has, over a list of a million
 * positions whose cells show the very values of our result (read from
 * our model, as they are, without shortening or naming), each label set
 * as ours are (one line, ellipsized), with our grid's look (its style
 * class and separators) so that as many rows show. Rounds are
 * interleaved, ours then the anchor's, and each round first draws the
 * top of its grid, outside the measure.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RUSAGE_THREAD */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "trib-ui-query-test.h"

#define N_ROWS 1000000
#define N_COLUMNS 8
#define ROUNDS 5
#define PAGE_DOWNS 40
#define JUMPS 20
#define WHEEL_STEPS 60

static const char query[] =
  "SELECT g AS id, g * 2.5::float8 AS score, 'name-' || g AS name, "
  "timestamptz '2026-01-01' + g * interval '1 second' AS seen, g % 2 = 0 AS even, "
  "md5(g::text) AS digest, (g % 1000)::numeric / 7 AS ratio, "
  "CASE WHEN g % 10 = 0 THEN NULL ELSE 'web.webpagedetails.pageViews' END AS event_type "
  "FROM generate_series(1, 1000000) AS g";

/* Waiting ------------------------------------------------------------- */

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

/* Returns: whether @window drew a frame, within a fifth of a second */
static gboolean
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { 0, g_get_monotonic_time () + G_USEC_PER_SEC / 5 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &paint);

  run_until (painted_or_late, &paint, 10);
  g_signal_handler_disconnect (clock, handler);

  return paint.painted > 0;
}

/* The rows ------------------------------------------------------------ */

typedef struct
{
  TribQueryPage *page;
  TribDistillerRun *previous;
} RunWanted;

static gboolean
run_finished (gpointer data)
{
  RunWanted *wanted = data;
  GPtrArray *runs = trib_query_page_get_runs (wanted->page);
  TribResultModel *model;
  TribDistillerRun *run;

  if (runs == NULL || runs->len != 1)
    return FALSE;
  run = g_ptr_array_index (runs, 0);

  if (run == wanted->previous || !trib_distiller_run_get_finished (run))
    return FALSE;

  /* Its last row listed: the grid lists rows a few times a second. */
  model = trib_distiller_run_get_model (run);

  return model == NULL || trib_result_model_get_n_pending (model) == 0;
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
  run_until (run_finished, &wanted, 300);
  wait_for_frame (window);
  g_clear_object (&wanted.previous);

  run = trib_ui_query_run_at (page, 0);
  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_DONE)
    g_error ("bench: the query failed: %s", trib_distiller_run_get_error (run)->message);

  return run;
}

/* The anchor: a bare GtkColumnView ------------------------------------ */

#define BENCH_TYPE_ROW (bench_row_get_type ())
G_DECLARE_FINAL_TYPE (BenchRow, bench_row, BENCH, ROW, GObject)

struct _BenchRow
{
  GObject parent_instance;
  guint position;
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

/* A list of positions, each row made when asked for, as ours are. */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint n_rows;
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
  BenchRow *row;

  if (position >= BENCH_ROWS (model)->n_rows)
    return NULL;

  row = g_object_new (BENCH_TYPE_ROW, NULL);
  row->position = position;

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

typedef struct
{
  TribResultModel *values;      /* ours, read only */
  guint column;
  int width_chars;
  float xalign;
} AnchorColumn;

static void
anchor_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AnchorColumn             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
anchor_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AnchorColumn             *column)
{
  BenchRow *row = gtk_list_item_get_item (item);
  const char *value = trib_result_model_get_value (column->values, row->position, column->column, NULL);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), value != NULL ? value : "NULL");
}

/* The width our grid's labels ask for, in characters, and how they align. */
static void
measure_our_column (GtkColumnView *ours,
                    guint          column,
                    AnchorColumn  *anchor_column)
{
  TribColumnKind kind = trib_result_model_get_column_kind (anchor_column->values, column);

  anchor_column->xalign = kind == TRIB_COLUMN_KIND_INTEGER || kind == TRIB_COLUMN_KIND_FLOAT ||
                          kind == TRIB_COLUMN_KIND_NUMERIC ? 1 : 0;
  anchor_column->width_chars = 14;

  /* From a label our grid shows in that column. */
  for (GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_last_child (GTK_WIDGET (ours)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      for (guint i = 0; i < column && cell != NULL; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell != NULL && GTK_IS_LABEL (gtk_widget_get_first_child (cell)))
        {
          anchor_column->width_chars = gtk_label_get_width_chars (GTK_LABEL (gtk_widget_get_first_child (cell)));
          return;
        }
    }
  g_error ("bench: no label in our grid's column %u", column);
}

typedef struct
{
  GtkWidget *window;
  GtkColumnView *column_view;
  BenchRows *rows;
  AnchorColumn columns[N_COLUMNS];
} Anchor;

static void
anchor_init (Anchor          *anchor,
             GtkWidget       *our_window,
             GtkColumnView   *ours,
             TribResultModel *values)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkMultiSelection *selection;

  anchor->rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  anchor->rows->n_rows = g_list_model_get_n_items (G_LIST_MODEL (values));
  selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (anchor->rows)));
  anchor->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_row_separators (anchor->column_view, TRUE);
  gtk_column_view_set_show_column_separators (anchor->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (anchor->column_view), "result-grid");
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      anchor->columns[i] = (AnchorColumn) { values, i, 14, 0 };
      measure_our_column (ours, i, &anchor->columns[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (anchor_setup_cb), &anchor->columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (anchor_bind_cb), &anchor->columns[i]);
      column = gtk_column_view_column_new (trib_result_model_get_column_name (values, i), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (anchor->column_view, column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (anchor->column_view));
  gtk_widget_set_size_request (scrolled, gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (ours))),
                               gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (ours))));
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_widget_set_valign (scrolled, GTK_ALIGN_START);

  anchor->window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (anchor->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (anchor->window), gtk_widget_get_width (our_window),
                               gtk_widget_get_height (our_window));
  gtk_window_set_child (GTK_WINDOW (anchor->window), scrolled);
  gtk_window_present (GTK_WINDOW (anchor->window));
  trib_ui_test_wait_for_mapped (anchor->column_view, TRUE);
  trib_ui_test_settle ();
}

/* The path ------------------------------------------------------------ */

typedef struct
{
  double main_ms;               /* the main thread's CPU */
  double process_ms;            /* the whole process's */
  double wall_ms;
  guint frames;
} Cost;

static double
cpu_ms (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    g_error ("bench: getrusage failed");

  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static gboolean
scroll_to (GtkWidget     *window,
           GtkAdjustment *adjustment,
           double         value)
{
  gtk_adjustment_set_value (adjustment, value);

  return wait_for_frame (window);
}

/* Scrolls @column_view along the path, a frame drawn after each step. */
static Cost
scroll_round (GtkWidget     *window,
              GtkColumnView *column_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  double main_start, process_start;
  gint64 wall_start;
  double page, value = 0;
  Cost cost = { 0 };

  /* The top drawn, and nothing left to do, outside the measure. */
  scroll_to (window, adjustment, 0);
  trib_ui_test_settle ();
  wait_for_frame (window);
  page = gtk_adjustment_get_page_size (adjustment);

  main_start = cpu_ms (RUSAGE_THREAD);
  process_start = cpu_ms (RUSAGE_SELF);
  wall_start = g_get_monotonic_time ();

  for (guint i = 0; i < PAGE_DOWNS; i++)
    cost.frames += scroll_to (window, adjustment, value += page);
  /* Through the whole result, where no row was bound before. */
  for (guint i = 1; i <= JUMPS; i++)
    {
      value = (gtk_adjustment_get_upper (adjustment) - page) * i / (JUMPS + 1);
      cost.frames += scroll_to (window, adjustment, value);
    }
  for (guint i = 0; i < WHEEL_STEPS; i++)
    cost.frames += scroll_to (window, adjustment, value -= page / 8);

  cost.main_ms = cpu_ms (RUSAGE_THREAD) - main_start;
  cost.process_ms = cpu_ms (RUSAGE_SELF) - process_start;
  cost.wall_ms = (g_get_monotonic_time () - wall_start) / 1000.0;

  return cost;
}

static void
print_rounds (const char *what,
              double     *values,
              int         digits)
{
  g_autoptr(GString) line = g_string_new (NULL);
  double copy[ROUNDS];

  g_string_append_printf (line, "# %s:", what);
  for (guint i = 0; i < ROUNDS; i++)
    g_string_append_printf (line, " %.*f", digits, values[i]);
  memcpy (copy, values, sizeof copy);
  g_print ("%s (median %.*f)\n", line->str, digits, bench_median (copy, ROUNDS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) app = NULL;
  TribResultView *result_view;
  GtkColumnView *column_view;
  TribResultModel *model;
  TribQueryPage *page;
  TribWindow *window;
  Anchor anchor = { 0 };
  double ours_main[ROUNDS], anchor_main[ROUNDS], main_ratio[ROUNDS];
  double ours_process[ROUNDS], anchor_process[ROUNDS], process_ratio[ROUNDS];
  double ours_wall[ROUNDS], anchor_wall[ROUNDS];

  trib_ui_test_init (&argc, &argv);

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  page = trib_ui_query_show_page (GTK_WIDGET (window));

  model = trib_distiller_run_get_model (run_in_window (GTK_WIDGET (window), page, query));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, N_COLUMNS);
  result_view = trib_query_page_get_result_view (page);
  column_view = trib_result_view_get_column_view (result_view);
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();

  anchor_init (&anchor, GTK_WIDGET (window), column_view, model);

  for (guint round = 0; round < ROUNDS; round++)
    {
      Cost ours = scroll_round (GTK_WIDGET (window), column_view);
      Cost bare = scroll_round (anchor.window, anchor.column_view);

      ours_main[round] = ours.main_ms;
      anchor_main[round] = bare.main_ms;
      main_ratio[round] = ours.main_ms / bare.main_ms;
      ours_process[round] = ours.process_ms;
      anchor_process[round] = bare.process_ms;
      process_ratio[round] = ours.process_ms / bare.process_ms;
      ours_wall[round] = ours.wall_ms;
      anchor_wall[round] = bare.wall_ms;
      g_print ("# round %u: main thread %.0f ms (anchor %.0f), process %.0f ms (anchor %.0f), "
               "%u frames (anchor %u) of %u steps\n",
               round + 1, ours.main_ms, bare.main_ms, ours.process_ms, bare.process_ms,
               ours.frames, bare.frames, PAGE_DOWNS + JUMPS + WHEEL_STEPS);
    }

  g_print ("# %u rows × %u columns; window %d×%d, grid %d×%d (anchor's grid %d×%d)\n",
           N_ROWS, N_COLUMNS, gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           gtk_widget_get_width (GTK_WIDGET (column_view)), gtk_widget_get_height (GTK_WIDGET (column_view)),
           gtk_widget_get_width (GTK_WIDGET (anchor.column_view)),
           gtk_widget_get_height (GTK_WIDGET (anchor.column_view)));
  print_rounds ("main thread CPU ms, ours", ours_main, 0);
  print_rounds ("main thread CPU ms, bare GtkColumnView", anchor_main, 0);
  print_rounds ("process CPU ms, ours", ours_process, 0);
  print_rounds ("process CPU ms, bare GtkColumnView", anchor_process, 0);
  print_rounds ("process cpu_ratio", process_ratio, 2);
  print_rounds ("wall ms, ours", ours_wall, 0);
  print_rounds ("wall ms, bare GtkColumnView", anchor_wall, 0);
  print_rounds ("cpu_ratio (main thread)", main_ratio, 2);

  g_print ("BENCH grid-scroll cpu_ratio=%.2f target=1.1 rounds=%u\n", bench_median (main_ratio, ROUNDS), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor.window));
  g_clear_object (&anchor.rows);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
