/* test-ui-query-grid-scroll.c
 *
 * Scrolling the query page's result grid on the demo platform: its list
 * holds the rows in sight, which the wheel, the scroll bar and the keys
 * that go past them move by whole rows; the selection is of rows,
 * wherever the grid is.
 *
 * Every wait is on the condition itself, never on time alone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trib-application.h"
#include "trib-grid-scroller.h"
#include "trib-ui-query-test.h"

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; child != NULL && i < n; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static gboolean
shows_selected (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;
}

static void
assert_selected_rows (GtkSelectionModel *rows,
                      guint              first,
                      guint              n_rows)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (rows);

  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n_rows);
  g_assert_cmpuint (gtk_bitset_get_minimum (selected), ==, first);
  g_assert_cmpuint (gtk_bitset_get_maximum (selected), ==, first + n_rows - 1);
}

static gboolean
faded (gpointer data)
{
  return gtk_widget_has_css_class (data, "faded");
}

static void
scroll_to_row (GtkAdjustment *adjustment,
               GtkWidget     *grid,
               guint          row)
{
  g_autofree char *label = g_strdup_printf ("short %u", row + 1);

  gtk_adjustment_set_value (adjustment, row);
  trib_ui_test_wait_for_label (grid, label);
  trib_ui_test_settle ();
}

/* The grid's list holds the rows in sight and scrolls by whole rows: the
 * wheel and the keys that go past the rows in sight move them, the
 * selection is of rows wherever the grid is, and extends from the row
 * selected first, however far the grid scrolled since.
 */
static void
test_scrolling (GtkWidget     *window,
                TribQueryPage *page)
{
  TribResultView *result_view = trib_query_page_get_result_view (page);
  GtkColumnView *column_view = trib_result_view_get_column_view (result_view);
  GtkWidget *grid = GTK_WIDGET (column_view);
  GListModel *slots = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GtkSelectionModel *rows = trib_result_view_get_rows (result_view);
  GtkAdjustment *adjustment = trib_result_view_get_row_adjustment (result_view);
  GtkWidget *list = gtk_widget_get_last_child (grid);
  GtkWidget *scroller = gtk_widget_get_ancestor (grid, TRIB_TYPE_GRID_SCROLLER);
  GtkWidget *scrollbar = gtk_widget_get_last_child (scroller);
  g_autofree char *row_name = NULL;
  graphene_rect_t bounds;
  GtkWidget *label;
  guint in_sight;

  /* A few rows: nowhere to scroll, no scroll bar. */
  trib_ui_query_run_and_wait (window, page, "SELECT g AS n FROM generate_series(1, 3) AS g",
                              "ctrl+Return", 1);
  trib_ui_test_wait_for_label (grid, "3");
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_child_visible (scrollbar));

  /* 3000 rows, from the top: as many rows of widgets as fit, and one
   * more partly in sight; a scroll bar.
   */
  trib_ui_query_run_and_wait (window, page,
                              "SELECT g AS n, CASE WHEN g <= 500 THEN 'short ' || g "
                              "ELSE repeat('long ', 12) || g END AS label "
                              "FROM generate_series(1, 3000) AS g",
                              "ctrl+Return", 1);
  scroll_to_row (adjustment, grid, 0);
  g_assert_true (gtk_widget_get_child_visible (scrollbar));
  in_sight = gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpuint (in_sight, >=, 5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, in_sight + 1);
  g_assert_cmpuint (trib_ui_test_count_children (list), ==, in_sight + 1);
  g_assert_true (gtk_widget_compute_bounds (nth_child (list, in_sight - 1), list, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (list));
  g_assert_true (gtk_widget_compute_bounds (nth_child (list, in_sight), list, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, gtk_widget_get_height (list));

  /* The wheel: three rows a notch. The scroll bar shows as the rows
   * move, and fades a second after.
   */
  trib_ui_test_iterate_until (faded, scrollbar, 10);
  trib_ui_test_click_button (window, list, 20, 20, 5, NULL);
  g_assert_false (faded (scrollbar));
  trib_ui_test_click_button (window, list, 20, 20, 5, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 6);
  trib_ui_test_iterate_until (faded, scrollbar, 10);
  trib_ui_test_wait_for_label (grid, "short 7");
  g_assert_false (trib_ui_test_has_label (grid, "short 6", FALSE));
  trib_ui_test_click_button (window, list, 20, 20, 4, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 3);

  /* Down past the last row in sight moves the rows by one. */
  scroll_to_row (adjustment, grid, 0);
  gtk_widget_grab_focus (gtk_widget_get_first_child (list));
  for (guint i = 0; i < in_sight; i++)
    trib_ui_test_press_keys (window, "Down");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 1);
  assert_selected_rows (rows, in_sight, 1);
  g_assert_true (gtk_widget_has_focus (nth_child (list, in_sight - 1)));

  /* Up past the first row in sight, back by one. */
  for (guint i = 0; i < in_sight - 1; i++)
    trib_ui_test_press_keys (window, "Up");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 1);
  assert_selected_rows (rows, 1, 1);
  trib_ui_test_press_keys (window, "Up");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  assert_selected_rows (rows, 0, 1);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (list)));
  for (guint i = 0; i < in_sight; i++)
    trib_ui_test_press_keys (window, "Down");

  /* Shift+Page Down extends the selection by a page, the rows with it. */
  trib_ui_test_press_keys (window, "shift+Page_Down");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 1 + in_sight);
  assert_selected_rows (rows, in_sight, in_sight + 1);

  /* End and Home: the last row and the first, in sight and selected. */
  trib_ui_test_press_keys (window, "End");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 3000 - in_sight);
  assert_selected_rows (rows, 2999, 1);
  trib_ui_test_wait_for_label (grid, "3000");
  trib_ui_test_press_keys (window, "Page_Up");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 3000 - 2 * in_sight);
  assert_selected_rows (rows, 2999 - in_sight, 1);
  trib_ui_test_press_keys (window, "Up");
  assert_selected_rows (rows, 2998 - in_sight, 1);
  trib_ui_test_press_keys (window, "Home");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  assert_selected_rows (rows, 0, 1);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (list)));

  /* A click on a row, a scroll, a Shift+click: all the rows between. */
  trib_ui_test_click (window, nth_child (list, 2), 20, 5);
  assert_selected_rows (rows, 2, 1);
  scroll_to_row (adjustment, grid, 100);
  trib_ui_test_click_button (window, nth_child (list, 5), 20, 5, 1, "shift");
  assert_selected_rows (rows, 2, 104);

  /* Selected rows scrolled out of sight show selected back in sight. */
  scroll_to_row (adjustment, grid, 0);
  g_assert_false (shows_selected (nth_child (list, 1)));
  g_assert_true (shows_selected (nth_child (list, 2)));

  /* What a row of widgets shows is the row it stands for now: its
   * values, its name and its details.
   */
  scroll_to_row (adjustment, grid, 100);
  label = trib_ui_test_find_label (grid, "short 101", FALSE);
  g_assert_nonnull (label);
  row_name = trib_ui_query_dup_row_name (label);
  g_assert_true (g_str_has_prefix (row_name, "Row 101: 101, short 101"));
  g_signal_emit_by_name (column_view, "activate", 0);
  trib_ui_test_wait_for_label (GTK_WIDGET (result_view), "Row 101");
  gtk_selection_model_unselect_all (rows);

  /* A shorter window has room for fewer rows, and the list as many. */
  trib_ui_test_resize (window, 1280, 640);
  trib_ui_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), <, in_sight);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, gtk_adjustment_get_page_size (adjustment) + 1);
  g_assert_cmpuint (trib_ui_test_count_children (list), ==, g_list_model_get_n_items (slots));
  trib_ui_test_resize (window, 1280, 800);
  trib_ui_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), ==, in_sight);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, in_sight + 1);
}

static void
test_query_grid_scroll (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribQueryPage *page;
  TribWindow *window;

  page = trib_ui_query_open_demo_page (app, &window);
  test_scrolling (GTK_WIDGET (window), page);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-grid-scroll", test_query_grid_scroll);

  return g_test_run ();
}
