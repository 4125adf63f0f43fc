/* bench-explore-view.c
 *
 * Opening the folder of 10,000 files in the real explore view: a
 * TribExploreView in its window, mapped under Xvfb, on the demo S3
 * account of tributary-sim. Each round lists the folder again (the
 * listing arrives whole, as from the platform), expands it, and scrolls
 * to its middle and its end, as a user would, until the last file's row
 * has been painted:
 *
 *   BENCH explore-view max_stall_ms=… target=16
 *     the longest stall of the main loop over the round (bench-util's
 *     1 ms probe): a time the window could not draw or answer input
 *
 * The anchor, in rounds interleaved with ours, does the same with a
 * bare GtkListView of 10,000 GtkLabels in a window of the same size:
 * the same names arrive at once in a GtkStringList, and it scrolls to
 * the same rows. It fetches nothing (the view's fetch is on a worker).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bench-util.h"
#include "trib-application.h"
#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define ROUNDS 5
#define N_FILES 10000
#define S3_ACCOUNT "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define WIDTH 1100
#define HEIGHT 700

static GListModel *
tree_of (TribExploreView *view)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (trib_explore_view_get_tree_view (view));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

static GtkTreeListRow *
find_row (TribExploreView *view,
          const char      *title)
{
  GListModel *tree = tree_of (view);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);

      if (g_strcmp0 (trib_explore_node_get_title (gtk_tree_list_row_get_item (row)), title) == 0)
        return g_steal_pointer (&row);
    }

  g_error ("no row %s", title);
}

static gboolean
tree_loaded (gpointer data)
{
  GListModel *tree = tree_of (data);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);

      if (trib_explore_node_get_kind (gtk_tree_list_row_get_item (row)) == TRIB_EXPLORE_NODE_LOADING)
        return FALSE;
    }

  return g_list_model_get_n_items (tree) > 0;
}

static void
expand (TribExploreView *view,
        const char      *title)
{
  g_autoptr(GtkTreeListRow) row = find_row (view, title);

  gtk_tree_list_row_set_expanded (row, TRUE);
  bench_run_until (tree_loaded, view, 60);
}

typedef struct
{
  GtkWidget *window;
  guint painted;
} Paint;

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  paint->painted++;
}

static gboolean
painted (gpointer data)
{
  return ((Paint *) data)->painted >= 1;
}

/* Waits until the window drew what the list now shows. */
static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { window, 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paint);

  /* The frame after the one that laid out the change. */
  for (guint i = 0; i < 2; i++)
    {
      paint.painted = 0;
      gtk_widget_queue_draw (window);
      bench_run_until (painted, &paint, 30);
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
scroll_through (GtkWidget *list_view,
                guint      first)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (list_view));

  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", first + N_FILES / 2);
  wait_painted (window);
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", first + N_FILES - 1);
  wait_painted (window);
}

static double
round_ours (TribExploreView *view)
{
  GtkWidget *list_view = GTK_WIDGET (trib_explore_view_get_tree_view (view));
  g_autoptr(GtkTreeListRow) row = find_row (view, "clickstream");
  TribExploreNode *node = gtk_tree_list_row_get_item (row);
  BenchProbe probe;

  gtk_tree_list_row_set_expanded (row, FALSE);
  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 0);
  wait_painted (GTK_WIDGET (gtk_widget_get_root (list_view)));

  bench_probe_start (&probe);
  /* Listed again: the 10,000 arrive as they did the first time. */
  trib_explore_node_reload (node);
  gtk_tree_list_row_set_expanded (row, TRUE);
  bench_run_until (tree_loaded, view, 60);
  g_assert_cmpuint (g_list_model_get_n_items (tree_of (view)), >, N_FILES);
  scroll_through (list_view, gtk_tree_list_row_get_position (row) + 1);

  return bench_probe_stop (&probe);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static double
round_anchor (GtkListView        *list_view,
              GtkStringList      *strings,
              const char * const *names)
{
  BenchProbe probe;

  gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)), NULL);
  wait_painted (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (list_view))));

  bench_probe_start (&probe);
  gtk_string_list_splice (strings, 0, 0, names);
  scroll_through (GTK_WIDGET (list_view), 0);

  return bench_probe_stop (&probe);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *toplevels;
  TribWindow *window;
  TribExploreView *view = NULL;
  GtkWidget *anchor_window;
  GtkWidget *scrolled;
  GtkListView *anchor;
  double ours[ROUNDS];
  double theirs[ROUNDS];

  trib_ui_test_init (&argc, &argv);

  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-source", "s", S3_ACCOUNT));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_WINDOW (toplevel) && TRIB_IS_EXPLORE_VIEW (adw_window_get_content (ADW_WINDOW (toplevel))))
        {
          view = TRIB_EXPLORE_VIEW (adw_window_get_content (ADW_WINDOW (toplevel)));
          trib_ui_test_resize (GTK_WIDGET (toplevel), WIDTH, HEIGHT);
        }
    }
  g_assert_nonnull (view);
  bench_run_until (tree_loaded, view, 60);
  expand (view, "luma-demo-bucket");
  expand (view, "web-events");
  expand (view, "clickstream");

  /* The anchor shows the same names. */
  {
    g_autoptr(GtkTreeListRow) row = find_row (view, "clickstream");
    guint first = gtk_tree_list_row_get_position (row) + 1;

    for (guint i = 0; i < N_FILES; i++)
      {
        g_autoptr(GtkTreeListRow) child = g_list_model_get_item (tree_of (view), first + i);

        g_ptr_array_add (names, g_strdup (trib_explore_node_get_title (gtk_tree_list_row_get_item (child))));
      }
    g_ptr_array_add (names, NULL);
  }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  anchor = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                                             g_object_ref (factory)));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (anchor));
  anchor_window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (anchor_window), scrolled);
  gtk_window_present (GTK_WINDOW (anchor_window));
  trib_ui_test_resize (anchor_window, WIDTH, HEIGHT);

  for (guint i = 0; i < ROUNDS; i++)
    {
      ours[i] = round_ours (view);
      theirs[i] = round_anchor (anchor, strings, (const char * const *) names->pdata);
      g_printerr ("round %u: explore view %.1f ms, bare list %.1f ms\n", i, ours[i], theirs[i]);
    }

  g_print ("BENCH explore-view max_stall_ms=%.1f target=16 rounds=%u\n", bench_median (ours, ROUNDS), ROUNDS);
  g_print ("# anchor (bare GtkListView of %u labels) max_stall_ms=%.1f rounds=%u\n",
           N_FILES, bench_median (theirs, ROUNDS), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor_window));
  return 0;
}
