/* bench-grid-scroll.c
 *
 * Scrolling a million rows × 8 columns in the window the user sees: the
 * real TribApplication and TribWindow on the demo platform, mapped under
 * Xvfb, the rows streamed into the query page's result grid from the
 * demo's own PostgreSQL through the page's "query.run" action. Then the
 * grid scrolls along a fixed path, each step followed by a drawn frame:
 * page-downs from the top, jumps through the whole result, then small
 * steps as a mouse wheel makes. Ours scrolls by whole rows
 * (trib-grid-scroller.c), the anchor by pixels: at each step both go the
 * same distance, ours to the row nearest. Prints
 *
 *   BENCH grid-scroll cpu_ratio=… target=1.1 rounds=N
 *     the CPU time of the main thread (CLOCK_THREAD_CPUTIME_ID) along
 *     the path in our grid, over the same along the same path in a bare
 *     GtkColumnView: the median of the rounds' ratios
 *
 * The main thread is where what is ours runs: binding cells, making
 * their text, naming them for accessibility, laying out and snapshotting
 * them. Without a GPU, cairo draws the frames on it too (trib-renderer.c),
 * going through all of the window's drawing each time, clipped to what
 * changed: our window holds more than a grid. It also holds the grid in
 * more widgets, a libadwaita application's leaflet, flap, tab view,
 * stacks and panes (how many on both sides is printed); GTK 4.8's list
 * views queue a resize at each scroll, which would have all of them
 * measured and allocated again, but our grid's list does not scroll
 * (trib-grid-slots.c). To tell what the grid costs from what the window
 * around it adds, each round also moves our grid (its scrolled window
 * and all it holds) into a bare window set up as the anchor's and takes
 * the path again against the anchor, printed as information (`cpu_ratio
 * of our grid alone`). The whole process's CPU is printed beside as
 * information, and so is the main thread's split by where a step spends
 * it, on both sides: binding rows as the scroll moves, the frame's
 * update and layout, its snapshot and drawing (from the frame clock's
 * "layout" and "paint", whose handlers connected here run after the
 * window's own), and the rest of the step.
 *
 * The anchor is a bare GtkColumnView in a toplevel of its own, the size
 * of our window, with a grid of the size of ours at its top left: 8
 * inscription columns, of the widths ours has, over a list of a million
 * positions whose cells show the very values of our result (read from
 * our model, as they are, without shortening or naming), each an
 * inscription set as ours are (one line, ellipsized, as many characters
 * wide), with our grid's look (its style class and separators) so that
 * as many rows show. Each round first draws the top of both grids,
 * outside the measure, then takes the path in both, interleaved step by
 * step (each step taken first by one grid, then by the other): a step,
 * a few milliseconds of CPU, is measured from the scroll to its frame
 * drawn and the work it left ready on the main loop done, so that a
 * burst of load on the shared machine falls on both sides, which whole
 * rounds of a second each, one after the other, did not ensure.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-grid-window.h"
#include "trib-grid-scroller.h"

#define N_ROWS BENCH_GRID_N_ROWS
#define N_COLUMNS BENCH_GRID_N_COLUMNS
#define ROUNDS 5
#define PAGE_DOWNS 40
#define JUMPS 20
#define WHEEL_STEPS 60

/* The anchor: a bare GtkColumnView ------------------------------------ */

typedef struct
{
  TribResultModel *values;      /* ours, read only */
  guint column;
  guint min_chars;
  guint nat_chars;
  float xalign;
} AnchorColumn;

static void
anchor_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AnchorColumn             *column)
{
  gtk_list_item_set_child (item, bench_grid_cell_new (column->xalign, column->min_chars, column->nat_chars));
}

static void
anchor_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AnchorColumn             *column)
{
  BenchRow *row = gtk_list_item_get_item (item);
  const char *value = trib_result_model_get_value (column->values, row->id - 1, column->column, NULL);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), value != NULL ? value : "NULL");
}

/* The width our grid's cells ask for, in characters, and how they align. */
static void
measure_our_column (GtkColumnView *ours,
                    guint          column,
                    AnchorColumn  *anchor_column)
{
  TribColumnKind kind = trib_result_model_get_column_kind (anchor_column->values, column);

  anchor_column->xalign = kind == TRIB_COLUMN_KIND_INTEGER || kind == TRIB_COLUMN_KIND_FLOAT ||
                          kind == TRIB_COLUMN_KIND_NUMERIC ? 1 : 0;

  /* From a cell our grid shows in that column. */
  for (GtkWidget *row = gtk_widget_get_first_child (gtk_widget_get_last_child (GTK_WIDGET (ours)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      for (guint i = 0; i < column && cell != NULL; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell != NULL && GTK_IS_INSCRIPTION (gtk_widget_get_first_child (cell)))
        {
          GtkInscription *inscription = GTK_INSCRIPTION (gtk_widget_get_first_child (cell));

          anchor_column->min_chars = gtk_inscription_get_min_chars (inscription);
          anchor_column->nat_chars = gtk_inscription_get_nat_chars (inscription);
          return;
        }
    }
  g_error ("bench: no inscription in our grid's column %u", column);
}

/* A toplevel of its own for @scrolled, set up as the grids compared
 * need theirs: undecorated, the size of @our_window, @scrolled at its
 * top left at @width × @height; shown, once @grid is mapped and drawn.
 */
static GtkWidget *
bare_window_new (GtkWidget *scrolled,
                 int        width,
                 int        height,
                 GtkWidget *our_window,
                 GtkWidget *grid)
{
  GtkWidget *window = gtk_window_new ();

  gtk_widget_set_size_request (scrolled, width, height);
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_widget_set_valign (scrolled, GTK_ALIGN_START);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), gtk_widget_get_width (our_window),
                               gtk_widget_get_height (our_window));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_wait_for_mapped (grid, TRUE);
  trib_ui_test_settle ();

  return window;
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
  GtkWidget *our_scrolled = gtk_widget_get_parent (GTK_WIDGET (ours));
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

      anchor->columns[i] = (AnchorColumn) { .values = values, .column = i };
      measure_our_column (ours, i, &anchor->columns[i]);
      g_signal_connect (factory, "setup", G_CALLBACK (anchor_setup_cb), &anchor->columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (anchor_bind_cb), &anchor->columns[i]);
      column = gtk_column_view_column_new (trib_result_model_get_column_name (values, i), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (anchor->column_view, column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (anchor->column_view));
  anchor->window = bare_window_new (scrolled, gtk_widget_get_width (our_scrolled),
                                    gtk_widget_get_height (our_scrolled), our_window,
                                    GTK_WIDGET (anchor->column_view));
}

/* Our grid alone: moved out of the app's window ----------------------- */

typedef struct
{
  GtkWidget *scrolled;          /* our grid's scroller, with the grid */
  GtkWidget *overlay;           /* where it lives in the result view */
  GtkWidget *focus;             /* the app window's focus, given back after */
  GtkAlign halign;
  GtkAlign valign;
  GtkWidget *window;            /* the bare one it is in meanwhile */
} Alone;

/* Moves our grid's scroller out of the result view into a bare
 * toplevel set up as the anchor's: the size of our window, undecorated,
 * the grid at its top left the size it had. Nothing else of the grid
 * changes: its model, factories, cells and style classes go with it.
 */
static void
alone_begin (Alone         *alone,
             GtkWidget     *our_window,
             GtkColumnView *ours)
{
  int width;
  int height;

  *alone = (Alone) { gtk_widget_get_ancestor (GTK_WIDGET (ours), TRIB_TYPE_GRID_SCROLLER) };
  width = gtk_widget_get_width (alone->scrolled);
  height = gtk_widget_get_height (alone->scrolled);
  alone->overlay = gtk_widget_get_parent (alone->scrolled);
  g_assert_true (GTK_IS_OVERLAY (alone->overlay));
  g_assert_true (gtk_overlay_get_child (GTK_OVERLAY (alone->overlay)) == alone->scrolled);
  alone->halign = gtk_widget_get_halign (alone->scrolled);
  alone->valign = gtk_widget_get_valign (alone->scrolled);
  g_set_weak_pointer (&alone->focus, gtk_root_get_focus (GTK_ROOT (our_window)));

  /* The focus leaves first: GTK warns of a focus left inside what goes. */
  gtk_window_set_focus (GTK_WINDOW (our_window), NULL);
  g_object_ref (alone->scrolled);
  gtk_overlay_set_child (GTK_OVERLAY (alone->overlay), NULL);
  alone->window = bare_window_new (alone->scrolled, width, height, our_window, GTK_WIDGET (ours));
  g_object_unref (alone->scrolled);
}

/* Puts our grid back where it was, as it was. */
static void
alone_end (Alone         *alone,
           GtkColumnView *ours)
{
  g_object_ref (alone->scrolled);
  gtk_window_set_child (GTK_WINDOW (alone->window), NULL);
  gtk_window_destroy (GTK_WINDOW (alone->window));
  gtk_widget_set_size_request (alone->scrolled, -1, -1);
  gtk_widget_set_halign (alone->scrolled, alone->halign);
  gtk_widget_set_valign (alone->scrolled, alone->valign);
  gtk_overlay_set_child (GTK_OVERLAY (alone->overlay), alone->scrolled);
  g_object_unref (alone->scrolled);
  if (alone->focus != NULL)
    gtk_widget_grab_focus (alone->focus);
  g_clear_weak_pointer (&alone->focus);
  trib_ui_test_wait_for_mapped (GTK_WIDGET (ours), TRUE);
  trib_ui_test_settle ();
}

/* How many widgets hold @widget up to its window, the window included:
 * GTK 4.8's list views queue a resize whenever they scroll, which has
 * each of them measured and allocated again.
 */
static guint
depth_in_window (GtkWidget *widget)
{
  guint depth = 0;

  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL;
       parent = gtk_widget_get_parent (parent))
    depth++;

  return depth;
}

/* The path ------------------------------------------------------------ */

#define N_STEPS (PAGE_DOWNS + JUMPS + WHEEL_STEPS)

/* Where a step spends the main thread's CPU. */
enum
{
  PHASE_BIND,                   /* the scroll: rows bound as it moves */
  PHASE_LAYOUT,                 /* the frame's update and layout */
  PHASE_PAINT,                  /* its snapshot and drawing */
  N_PHASES
};

static const char * const phase_names[N_PHASES] = {
  "binding",
  "update and layout",
  "snapshot and drawing",
};

typedef struct
{
  double main_ms;               /* the main thread's CPU */
  double phase_ms[N_PHASES];    /* parts of it */
  double process_ms;            /* the whole process's */
  double wall_ms;
  guint frames;
} Cost;

/* One grid going along the path. */
typedef struct
{
  GtkWidget *window;
  GtkAdjustment *adjustment;
  double unit;                  /* pixels a step of the adjustment moves */
  double page;                  /* in pixels, as the path's values */
  double value;
  Cost cost;
  gboolean in_step;
  double phase_start;           /* the main thread's CPU when the phase began */
  gulong layout_handler;
  gulong paint_handler;
} Walker;

static void
end_phase (Walker *walker,
           guint   phase)
{
  double now = bench_thread_cpu_ms ();

  /* A frame of this window outside its own steps is nobody's. */
  if (walker->in_step)
    walker->cost.phase_ms[phase] += now - walker->phase_start;
  walker->phase_start = now;
}

static void
layout_cb (GdkFrameClock *clock,
           Walker        *walker)
{
  end_phase (walker, PHASE_LAYOUT);
}

static void
paint_cb (GdkFrameClock *clock,
          Walker        *walker)
{
  end_phase (walker, PHASE_PAINT);
}

/* The top of a grid drawn, and nothing left to do, outside the measure.
 * The anchor scrolls by pixels, ours by rows (trib-grid-scroller.c), of
 * @unit pixels each: both go along the same path, in pixels.
 */
static void
walker_start (Walker        *walker,
              GtkWidget     *window,
              GtkAdjustment *adjustment,
              double         unit)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  *walker = (Walker) { window, adjustment, unit };
  gtk_adjustment_set_value (walker->adjustment, 0);
  bench_wait_for_frame (window);
  trib_ui_test_settle ();
  bench_wait_for_frame (window);
  walker->page = gtk_adjustment_get_page_size (walker->adjustment) * unit;
  /* The window connected its own when it was realised: these run after. */
  walker->layout_handler = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), walker);
  walker->paint_handler = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), walker);
}

static void
walker_stop (Walker *walker)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (walker->window);

  g_clear_signal_handler (&walker->layout_handler, clock);
  g_clear_signal_handler (&walker->paint_handler, clock);
}

/* Page-downs from the top, jumps through the whole result (where no row
 * was bound before), then small steps back as a mouse wheel makes.
 */
static double
path_value (Walker *walker,
            guint   step)
{
  if (step < PAGE_DOWNS)
    return walker->value + walker->page;
  if (step < PAGE_DOWNS + JUMPS)
    return (gtk_adjustment_get_upper (walker->adjustment) * walker->unit - walker->page) *
           (step - PAGE_DOWNS + 1) / (JUMPS + 1);

  return walker->value - walker->page / 8;
}

/* One step of the path, measured: the scroll, the frame that draws it,
 * and whatever that left ready to run on the main loop, so that none of
 * it is counted to the other grid's step.
 */
static void
walker_step (Walker *walker,
             guint   step)
{
  double main_start = bench_thread_cpu_ms ();
  double process_start = bench_process_cpu_ms ();
  gint64 wall_start = g_get_monotonic_time ();

  walker->value = path_value (walker, step);
  walker->in_step = TRUE;
  walker->phase_start = bench_thread_cpu_ms ();
  gtk_adjustment_set_value (walker->adjustment, walker->value / walker->unit);
  end_phase (walker, PHASE_BIND);
  walker->cost.frames += bench_wait_for_frame (walker->window);
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  walker->in_step = FALSE;

  walker->cost.main_ms += bench_thread_cpu_ms () - main_start;
  walker->cost.process_ms += bench_process_cpu_ms () - process_start;
  walker->cost.wall_ms += (g_get_monotonic_time () - wall_start) / 1000.0;
}

/* Both grids along the path, interleaved step by step, each step taken
 * first by one grid then by the other, so that a burst of load on the
 * machine falls on both.
 */
static void
scroll_round (GtkWidget     *our_window,
              GtkAdjustment *ours,
              GtkWidget     *anchor_window,
              GtkColumnView *anchor,
              Cost          *our_cost,
              Cost          *anchor_cost)
{
  GtkAdjustment *anchor_adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (anchor));
  Walker walkers[2];

  walker_start (&walkers[1], anchor_window, anchor_adjustment, 1);
  walker_start (&walkers[0], our_window, ours,
                gtk_adjustment_get_upper (anchor_adjustment) / N_ROWS);

  for (guint step = 0; step < N_STEPS; step++)
    {
      walker_step (&walkers[step % 2], step);
      walker_step (&walkers[(step + 1) % 2], step);
    }

  walker_stop (&walkers[0]);
  walker_stop (&walkers[1]);
  *our_cost = walkers[0].cost;
  *anchor_cost = walkers[1].cost;
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
  double alone_ratio[ROUNDS], window_share[ROUNDS];
  double phase_ratio[N_PHASES][ROUNDS], ours_rest[ROUNDS], anchor_rest[ROUNDS], rest_ratio[ROUNDS];

  trib_ui_test_init (&argc, &argv);

  app = trib_application_new ();
  page = bench_grid_open_demo (app, &window);

  model = trib_distiller_run_get_model (bench_grid_run_in_window (GTK_WIDGET (window), page, bench_grid_query, 300));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, N_COLUMNS);
  result_view = trib_query_page_get_result_view (page);
  column_view = trib_result_view_get_column_view (result_view);
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();

  anchor_init (&anchor, GTK_WIDGET (window), column_view, model);

  for (guint round = 0; round < ROUNDS; round++)
    {
      Cost ours;
      Cost bare;
      Alone alone;
      Cost alone_cost;
      Cost alone_bare;

      scroll_round (GTK_WIDGET (window), trib_result_view_get_row_adjustment (result_view),
                    anchor.window, anchor.column_view, &ours, &bare);
      alone_begin (&alone, GTK_WIDGET (window), column_view);
      scroll_round (alone.window, trib_result_view_get_row_adjustment (result_view),
                    anchor.window, anchor.column_view, &alone_cost, &alone_bare);
      alone_end (&alone, column_view);

      ours_main[round] = ours.main_ms;
      anchor_main[round] = bare.main_ms;
      main_ratio[round] = ours.main_ms / bare.main_ms;
      alone_ratio[round] = alone_cost.main_ms / alone_bare.main_ms;
      window_share[round] = main_ratio[round] - alone_ratio[round];
      ours_process[round] = ours.process_ms;
      anchor_process[round] = bare.process_ms;
      process_ratio[round] = ours.process_ms / bare.process_ms;
      ours_wall[round] = ours.wall_ms;
      anchor_wall[round] = bare.wall_ms;
      ours_rest[round] = ours.main_ms;
      anchor_rest[round] = bare.main_ms;
      for (guint phase = 0; phase < N_PHASES; phase++)
        {
          phase_ratio[phase][round] = ours.phase_ms[phase] / bare.phase_ms[phase];
          ours_rest[round] -= ours.phase_ms[phase];
          anchor_rest[round] -= bare.phase_ms[phase];
        }
      rest_ratio[round] = ours_rest[round] / anchor_rest[round];
      g_print ("# round %u: main thread %.0f ms (anchor %.0f), process %.0f ms (anchor %.0f), "
               "%u frames (anchor %u) of %u steps\n",
               round + 1, ours.main_ms, bare.main_ms, ours.process_ms, bare.process_ms,
               ours.frames, bare.frames, N_STEPS);
      g_print ("# round %u, main thread by phase, ours (anchor): %s %.0f ms (%.0f), "
               "%s %.0f ms (%.0f), %s %.0f ms (%.0f), the rest %.0f ms (%.0f)\n",
               round + 1,
               phase_names[PHASE_BIND], ours.phase_ms[PHASE_BIND], bare.phase_ms[PHASE_BIND],
               phase_names[PHASE_LAYOUT], ours.phase_ms[PHASE_LAYOUT], bare.phase_ms[PHASE_LAYOUT],
               phase_names[PHASE_PAINT], ours.phase_ms[PHASE_PAINT], bare.phase_ms[PHASE_PAINT],
               ours_rest[round], anchor_rest[round]);
    }

  g_print ("# %u rows × %u columns; window %d×%d, grid %d×%d (anchor's grid %d×%d)\n",
           N_ROWS, N_COLUMNS, gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
           gtk_widget_get_width (GTK_WIDGET (column_view)), gtk_widget_get_height (GTK_WIDGET (column_view)),
           gtk_widget_get_width (GTK_WIDGET (anchor.column_view)),
           gtk_widget_get_height (GTK_WIDGET (anchor.column_view)));
  g_print ("# widgets between the window and the grid, the window included: ours %u, "
           "the anchor's %u\n",
           depth_in_window (GTK_WIDGET (column_view)),
           depth_in_window (GTK_WIDGET (anchor.column_view)));
  bench_print_rounds ("main thread CPU ms, ours", ours_main, ROUNDS, 0);
  bench_print_rounds ("main thread CPU ms, bare GtkColumnView", anchor_main, ROUNDS, 0);
  bench_print_rounds ("process CPU ms, ours", ours_process, ROUNDS, 0);
  bench_print_rounds ("process CPU ms, bare GtkColumnView", anchor_process, ROUNDS, 0);
  bench_print_rounds ("process cpu_ratio", process_ratio, ROUNDS, 2);
  bench_print_rounds ("wall ms, ours", ours_wall, ROUNDS, 0);
  bench_print_rounds ("wall ms, bare GtkColumnView", anchor_wall, ROUNDS, 0);
  for (guint phase = 0; phase < N_PHASES; phase++)
    {
      g_autofree char *what = g_strdup_printf ("main thread ratio in %s", phase_names[phase]);

      bench_print_rounds (what, phase_ratio[phase], ROUNDS, 2);
    }
  bench_print_rounds ("main thread ratio in the rest of the step", rest_ratio, ROUNDS, 2);
  bench_print_rounds ("cpu_ratio of our grid alone, in a bare window like the anchor's",
                      alone_ratio, ROUNDS, 2);
  bench_print_rounds ("cpu_ratio less that, what the app's window around the grid adds",
                      window_share, ROUNDS, 2);
  bench_print_rounds ("cpu_ratio (main thread)", main_ratio, ROUNDS, 2);

  g_print ("BENCH grid-scroll cpu_ratio=%.2f target=1.1 rounds=%u\n", bench_median (main_ratio, ROUNDS), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor.window));
  g_clear_object (&anchor.rows);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
