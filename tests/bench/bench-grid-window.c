/* bench-grid-window.c
 *
 * What the grid benchmarks (bench-grid, bench-grid-scroll) share: their
 * query, running it in the real window as the Run button does, waiting
 * for a window's frame, and the rows of their bare GtkColumnViews.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-grid-window.h"

/* About 17 bytes of text per cell: integers, floats, short and longer
 * text, timestamps, booleans, numerics and a NULL in ten rows, as an
 * events table holds.
 */
const char bench_grid_query[] =
  "SELECT g AS id, g * 2.5::float8 AS score, 'name-' || g AS name, "
  "timestamptz '2026-01-01' + g * interval '1 second' AS seen, g % 2 = 0 AS even, "
  "md5(g::text) AS digest, (g % 1000)::numeric / 7 AS ratio, "
  "CASE WHEN g % 10 = 0 THEN NULL ELSE 'web.webpagedetails.pageViews' END AS event_type "
  "FROM generate_series(1, 1000000) AS g";

/* Opens the demo platform in @app, its simulator starting a PostgreSQL of
 * its own with the demo data, and shows the query page in a window of
 * 1280×800.
 */
TribQueryPage *
bench_grid_open_demo (TribApplication  *app,
                      TribWindow      **window)
{
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  *window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (*window), 1280, 800);

  return trib_ui_query_show_page (GTK_WIDGET (*window));
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
 *
 * Returns: whether @window drew a frame, within a fifth of a second
 */
gboolean
bench_wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { 0, g_get_monotonic_time () + G_USEC_PER_SEC / 5 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &paint);

  bench_run_until (painted_or_late, &paint, 10);
  g_signal_handler_disconnect (clock, handler);

  return paint.painted > 0;
}

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
  TribResultModel *model;
  TribDistillerRun *run;

  if (runs == NULL || runs->len != 1)
    return FALSE;
  run = g_ptr_array_index (runs, 0);

  if (run == wanted->previous || !trib_distiller_run_get_finished (run))
    return FALSE;

  /* Its last row shown: the grid lists rows a frame after they come. */
  model = trib_distiller_run_get_model (run);

  return model == NULL || trib_result_model_get_n_pending (model) == 0;
}

/* Puts @sql in the page's editor, the cursor at its start, and lets the
 * window draw it: a user runs a query already typed.
 */
void
bench_grid_set_query (GtkWidget     *window,
                      TribQueryPage *page,
                      const char    *sql)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, sql) == 0)
    return;

  trib_query_editor_set_text (editor, sql);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  bench_wait_for_frame (window);
}

/* Runs @sql in the page's tab as its Run button does, until its last row
 * is in the grid and drawn.
 */
TribDistillerRun *
bench_grid_run_in_window (GtkWidget     *window,
                          TribQueryPage *page,
                          const char    *sql,
                          guint          timeout_s)
{
  GPtrArray *runs = trib_query_page_get_runs (page);
  RunWanted wanted = { page, NULL };
  TribDistillerRun *run;

  if (runs != NULL && runs->len > 0)
    wanted.previous = g_object_ref (g_ptr_array_index (runs, 0));

  bench_grid_set_query (window, page, sql);
  gtk_widget_activate_action (GTK_WIDGET (page), "query.run", NULL);
  bench_run_until (run_finished, &wanted, timeout_s);
  bench_wait_for_frame (window);
  g_clear_object (&wanted.previous);

  run = trib_ui_query_run_at (page, 0);
  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_DONE)
    g_error ("bench: the query failed: %s", trib_distiller_run_get_error (run)->message);

  return run;
}

/* A cell of a bare grid, as our cells: an inscription, one line,
 * ellipsized, @min_chars wide at least and @nat_chars at best.
 */
GtkWidget *
bench_grid_cell_new (float xalign,
                     guint min_chars,
                     guint nat_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);

  return cell;
}

G_DEFINE_FINAL_TYPE (BenchRow, bench_row, G_TYPE_OBJECT)

static void
bench_row_class_init (BenchRowClass *klass)
{
}

static void
bench_row_init (BenchRow *self)
{
}

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

  if (self->order != NULL)
    position = self->order[position];
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
bench_rows_finalize (GObject *object)
{
  g_free (BENCH_ROWS (object)->order);

  G_OBJECT_CLASS (bench_rows_parent_class)->finalize (object);
}

static void
bench_rows_class_init (BenchRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_rows_finalize;
}

static void
bench_rows_init (BenchRows *self)
{
}
