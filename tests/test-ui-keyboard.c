/* test-ui-keyboard.c
 *
 * The window with the keyboard alone, on the demo platform: each page
 * is crossed by Tab in fewer stops than it has controls and lists (one
 * stop per list, whatever its rows), Ctrl+Tab leaves the SQL editor
 * with tabs open, Ctrl+Page Down switches tabs, the result grid's menu
 * sorts, and Tab leaves the sidebar without changing the page.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trib-datasets-page.h"
#include "trib-paged-list.h"
#include "trib-query-page.h"
#include "trib-result-view.h"
#include "trib-schemas-page.h"
#include "trib-ui-query-test.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"

/* More than any page has controls: a page that needs more presses is
 * stepping through rows.
 */
#define MAX_PRESSES 200

static gboolean
is_list (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_GRID_VIEW (widget);
}

/* What the keyboard could reach: every focusable widget shown (@controls,
 * rows and cells of lists included), those outside lists (@outside), and
 * the lists.
 */
static void
count_controls (GtkWidget *widget,
                gboolean   in_list,
                guint     *controls,
                guint     *outside,
                guint     *lists)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_can_focus (widget))
    return;

  if (is_list (widget) && !in_list)
    {
      (*lists)++;
      in_list = TRUE;
    }

  if (gtk_widget_get_focusable (widget))
    {
      (*controls)++;
      if (!in_list)
        (*outside)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_controls (child, in_list, controls, outside, lists);
}

static GtkWidget *
get_focus (TribWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Tab, or where Tab indents (the SQL editor), the documented way out. */
static void
press_tab (TribWindow *window)
{
  GtkWidget *focus = get_focus (window);

  if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Tab");
  else
    trib_ui_test_press_keys (GTK_WIDGET (window), "Tab");
}

/* Presses Tab until the focus is back where it started, and returns how
 * many presses that took: the Tab stops of the window as it is. Every
 * widget that had the focus goes to @reached.
 */
static guint
count_tab_stops (TribWindow *window,
                 GPtrArray  *reached)
{
  GtkWidget *first;
  guint presses = 0;

  /* Start from a stop of the Tab chain, wherever the focus was put. */
  press_tab (window);
  first = get_focus (window);
  g_assert_nonnull (first);

  do
    {
      press_tab (window);
      presses++;
      if (reached != NULL && get_focus (window) != NULL)
        g_ptr_array_add (reached, get_focus (window));
    }
  while (get_focus (window) != first && presses < MAX_PRESSES);

  return presses;
}

/* Fewer stops than controls and lists: at most one per control outside
 * the lists, and one per list, whatever its rows.
 */
static void
assert_page_crossed (TribWindow *window,
                     const char *page,
                     GPtrArray  *reached)
{
  guint controls = 0, outside = 0, lists = 0, stops;

  trib_ui_test_settle ();
  count_controls (GTK_WIDGET (window), FALSE, &controls, &outside, &lists);
  stops = count_tab_stops (window, reached);

  g_test_message ("A11Y page=%s tabstops=%u controls=%u outside-lists=%u lists=%u",
                  page, stops, controls, outside, lists);
  g_assert_cmpuint (lists, >, 0);
  g_assert_cmpuint (stops, <, controls + lists);
  g_assert_cmpuint (stops, <=, outside + lists);
}

static gboolean
batches_shown (gpointer data)
{
  return trib_datasets_page_get_n_batches (data) >= 3;
}

static gboolean
not_sorting (gpointer data)
{
  return !trib_result_view_get_sorting (data);
}

static const char *
visible_page (TribWindow *window)
{
  GtkWidget *datasets = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE);

  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (datasets)));
}

static gboolean
focus_in (TribWindow *window,
          gpointer    ancestor)
{
  GtkWidget *focus = get_focus (window);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static void
check_tab_stops (TribWindow *window)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  TribSchemasPage *schemas;
  TribDatasetsPage *datasets;
  TribQueryPage *query;
  GtkWidget *column_view;

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+1");
  assert_page_crossed (window, "sandboxes", NULL);

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  schemas = TRIB_SCHEMAS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE, NULL));
  trib_schemas_page_show_schema (schemas, WEB_EVENTS_SCHEMA);
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, schemas, 30);
  assert_page_crossed (window, "schemas", NULL);

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  datasets = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, datasets, 30);
  assert_page_crossed (window, "datasets", NULL);

  /* A dataset with batches, its detail's longest list. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (datasets), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "luma orders");
  trib_ui_test_iterate_until (trib_ui_test_only_luma_orders, datasets, 20);
  trib_ui_test_settle ();
  column_view = trib_ui_test_find_widget (GTK_WIDGET (datasets), GTK_TYPE_COLUMN_VIEW, NULL);
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (batches_shown, datasets, 20);
  assert_page_crossed (window, "dataset", NULL);
  /* Alt+3 with the detail shown: the focus lands in it, in sight, not
   * on the list hidden behind it.
   */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+1");
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  g_assert_true (focus_in (window, datasets));
  g_assert_true (gtk_widget_get_mapped (get_focus (window)));

  /* New Tab is one of the query page's stops. */
  query = trib_ui_query_show_page (GTK_WIDGET (window));
  trib_ui_query_run_and_wait (GTK_WIDGET (window), query,
                              "SELECT eventtype, count(*) AS events FROM luma_web_events GROUP BY eventtype",
                              "ctrl+Return", 1);
  assert_page_crossed (window, "query", reached);
  g_assert_true (g_ptr_array_find (reached, trib_ui_test_find_by_action (GTK_WIDGET (query), "query.new-tab"), NULL));

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+5");
  assert_page_crossed (window, "activity", NULL);
}

static void
check_editor_and_tabs (TribWindow *window)
{
  TribResultView *result_view;
  TribResultModel *model;
  TribQueryPage *query;
  GtkColumnView *grid;
  GtkListBox *sidebar;
  GtkWidget *editor;
  int tab;

  /* Tab leaves the sidebar at once, on the page it shows; the arrows
   * move through it, and the page follows.
   */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  sidebar = trib_ui_test_find_sidebar (GTK_WIDGET (window));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Tab");
  g_assert_cmpstr (visible_page (window), ==, "datasets");
  g_assert_false (focus_in (window, sidebar));
  trib_ui_test_press_keys (GTK_WIDGET (window), "shift+Tab");
  g_assert_true (get_focus (window) == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  g_assert_cmpstr (visible_page (window), ==, "query");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Up");
  g_assert_cmpstr (visible_page (window), ==, "datasets");

  /* With two tabs open, Ctrl+Tab and Ctrl+Shift+Tab leave the editor,
   * in the same tab, and Ctrl+Page Up and Down switch tabs (the new tab
   * is the last).
   */
  query = trib_ui_query_show_page (GTK_WIDGET (window));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+t");
  g_assert_cmpint (trib_ui_query_n_tabs (query), ==, 2);
  tab = trib_ui_query_selected_tab (query);

  editor = GTK_WIDGET (trib_query_page_get_current_editor (query));
  gtk_widget_grab_focus (trib_ui_query_get_view (TRIB_QUERY_EDITOR (editor)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Tab");
  g_assert_false (focus_in (window, editor));
  g_assert_nonnull (get_focus (window));
  g_assert_cmpint (trib_ui_query_selected_tab (query), ==, tab);

  gtk_widget_grab_focus (trib_ui_query_get_view (TRIB_QUERY_EDITOR (editor)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+shift+Tab");
  g_assert_false (focus_in (window, editor));
  g_assert_nonnull (get_focus (window));
  g_assert_cmpint (trib_ui_query_selected_tab (query), ==, tab);

  gtk_widget_grab_focus (trib_ui_query_get_view (TRIB_QUERY_EDITOR (editor)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Page_Up");
  g_assert_cmpint (trib_ui_query_selected_tab (query), ==, tab - 1);
  gtk_widget_grab_focus (trib_ui_query_get_view (trib_query_page_get_current_editor (query)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Page_Down");
  g_assert_cmpint (trib_ui_query_selected_tab (query), ==, tab);

  /* The grid's menu (Menu key) sorts by a column: the second, descending. */
  trib_ui_query_run_and_wait (GTK_WIDGET (window), query,
                              "SELECT eventtype, count(*) AS events FROM luma_web_events GROUP BY eventtype "
                              "ORDER BY eventtype",
                              "ctrl+Return", 1);
  result_view = trib_query_page_get_result_view (query);
  model = trib_result_view_get_model (result_view);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, -1);
  grid = trib_result_view_get_column_view (result_view);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Menu");
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "keyboard-grid-menu-wide-light.png");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_settle ();
  /* In the column's submenu, D for Sort Descending. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "d");
  trib_ui_test_settle ();
  trib_ui_test_iterate_until (not_sorting, result_view, 20);
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 1);
  g_assert_true (trib_result_model_get_sort_descending (model));
}

static void
test_keyboard (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_settle ();

  check_tab_stops (window);
  check_editor_and_tabs (window);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);
  /* The query page runs SQL on the simulator's PostgreSQL. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);

  g_test_add_func ("/tributary/ui/keyboard", test_keyboard);

  return g_test_run ();
}
