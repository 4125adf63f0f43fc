/* test-ui-query.c
 *
 * The query page on the demo platform, whose simulator starts a real
 * PostgreSQL: type a query, press Ctrl+Enter, and the grid fills with
 * the rows, sorts on a click of a header; a syntax error is marked in
 * the editor; the result area says how a statement goes; a script runs
 * statement by statement and stops at its first failure.
 *
 * Every wait is on the condition itself, never on time alone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-history-panel.h"
#include "trib-platform-error.h"
#include "trib-result-row.h"
#include "trib-ui-query-test.h"

static gboolean
sorted_by_first_column (gpointer data)
{
  return trib_result_model_get_sort_column (data) == 0;
}

static gboolean
in_arrival_order (gpointer data)
{
  return trib_result_model_get_sort_column (data) == -1;
}

static gboolean
not_sorting (gpointer data)
{
  return !trib_result_view_get_sorting (data);
}

static gboolean
clipboard_has_python (gpointer data)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (data));
  g_auto(GValue) value = G_VALUE_INIT;

  /* Ours, and Python, once Query Service has answered. */
  g_value_init (&value, G_TYPE_STRING);
  return content != NULL && gdk_content_provider_get_value (content, &value, NULL) &&
         g_str_has_prefix (g_value_get_string (&value), "import psycopg2");
}

static GtkWidget *
find_column_title (GtkColumnView *column_view,
                   const char    *title)
{
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  /* A header reads the column's name, its type below. */
  g_autofree char *name_line = g_strconcat (title, "\n", NULL);
  GtkWidget *label = trib_ui_test_find_label (GTK_WIDGET (column_view), name_line, TRUE);

  g_assert_nonnull (label);
  g_assert_nonnull (gtk_widget_get_ancestor (label, title_type));

  return gtk_widget_get_ancestor (label, title_type);
}

/* The accessible name of the row that shows @label, or NULL. */
static char *
dup_row_name (GtkWidget *label)
{
  for (GtkWidget *widget = label; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
      /* What it is when it is not that. */
      return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");

  return NULL;
}

/* The grid shows the rows in the model's order, the first at the top and
 * named after its values, and copies what it shows.
 */
static void
check_grid_order (GtkWidget       *window,
                  GtkWidget       *result_view,
                  GtkColumnView   *column_view,
                  TribResultModel *model)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  const char *first = trib_result_model_get_value (model, 0, 0, NULL);
  const char *last = trib_result_model_get_value (model, g_list_model_get_n_items (G_LIST_MODEL (model)) - 1, 0, NULL);
  g_autofree char *row_name = NULL;
  g_autofree char *expected_name = g_strdup_printf ("Row 1: %s, ", first);
  g_autofree char *clipboard = NULL;
  g_autofree char *expected_line = g_strdup_printf ("%s\t", trib_result_model_get_value (model, 1, 0, NULL));
  g_auto(GStrv) lines = NULL;
  GtkWidget *label;

  trib_ui_test_wait_for_label (GTK_WIDGET (column_view), first);
  label = trib_ui_test_find_label (GTK_WIDGET (column_view), first, FALSE);
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (column_view), last, FALSE));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, first));
  row_name = dup_row_name (label);
  g_assert_nonnull (row_name);
  g_assert_true (g_str_has_prefix (row_name, expected_name));

  /* Nothing stays selected across a new order; what is selected in it
   * copies as shown.
   */
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (selection)));
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  trib_ui_test_press_keys (window, "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (result_view);
  lines = g_strsplit (clipboard, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], first));
  g_assert_true (g_str_has_prefix (lines[2], expected_line));
}

/* Cells of the grid that show another value than the model's at their
 * row's position; the view marks its cells with their list item
 * and column. With @in_sight, only those in the grid's viewport.
 */
static guint
count_stale_cells (GtkWidget       *widget,
                   GtkWidget       *grid,
                   TribResultModel *model,
                   gboolean         in_sight)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "trib-list-item");
  guint n_stale = 0;

  if (item != NULL && gtk_list_item_get_item (item) != NULL && gtk_list_item_get_child (item) == widget)
    {
      guint position = trib_result_row_get_position (gtk_list_item_get_item (item));
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "trib-column"));
      g_autofree char *value = trib_result_model_dup_compact (model, position, column, 120);
      graphene_rect_t bounds;

      if (in_sight && (!gtk_widget_compute_bounds (widget, grid, &bounds) ||
                       !graphene_rect_intersection (&bounds, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (grid),
                                                                                  gtk_widget_get_height (grid)), NULL)))
        return 0;

      return g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), value != NULL ? value : "NULL") != 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_stale += count_stale_cells (child, grid, model, in_sight);

  return n_stale;
}

typedef struct
{
  GtkColumnView *column_view;
  TribResultModel *model;
  guint n_stale_in_sight;
  guint n_stale;
} OrderSeen;

/* Right after the model's new order, before any frame: what the grid shows. */
static void
order_seen_cb (TribResultModel *model,
               OrderSeen       *seen)
{
  GtkWidget *grid = GTK_WIDGET (seen->column_view);

  seen->n_stale_in_sight = count_stale_cells (grid, grid, model, TRUE);
  seen->n_stale = count_stale_cells (grid, grid, model, FALSE);
}

static gboolean
grid_fresh (gpointer data)
{
  OrderSeen *seen = data;
  GtkWidget *grid = GTK_WIDGET (seen->column_view);

  return count_stale_cells (grid, grid, seen->model, FALSE) == 0;
}

static gboolean
filter_done (gpointer data)
{
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_multi_selection_get_model (data));

  return gtk_filter_list_model_get_pending (filtered) == 0;
}

/* Ctrl+F in the grid (not the editor's find) filters the loaded rows,
 * says how many match, and a row's details and copy are of the row
 * shown; Escape gives all rows back.
 */
static void
test_filter (GtkWidget       *window,
             TribResultView  *result_view,
             GtkColumnView   *column_view,
             TribResultModel *model)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  GtkWidget *entry;
  g_autofree char *clipboard = NULL;
  guint n_expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    for (guint column = 0; column < trib_result_model_get_n_columns (model); column++)
      {
        const char *value = trib_result_model_get_value (model, i, column, NULL);
        g_autofree char *lower = value != NULL ? g_ascii_strdown (value, -1) : NULL;

        if (lower != NULL && strstr (lower, "evt-000012") != NULL)
          {
            n_expected++;
            break;
          }
      }
  g_assert_cmpuint (n_expected, ==, 10);

  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  trib_ui_test_press_keys (window, "ctrl+f");
  entry = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (entry, GTK_WIDGET (result_view)));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY)),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter loaded rows"));
  /* Upper case finds lower case. */
  trib_ui_query_type_keys (window, "E V T minus 0 0 0 0 1 2");
  trib_ui_test_wait_for_label (GTK_WIDGET (result_view), "10 of 500 rows");
  trib_ui_test_iterate_until (filter_done, selection, 10);
  g_assert_cmpuint (trib_result_view_get_n_shown (result_view), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);
  trib_ui_test_wait_for_label (GTK_WIDGET (column_view), "evt-0000125");
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (column_view), "evt-0000001", FALSE));
  trib_ui_query_save_sized_screenshots (window, "filtered");

  /* The second row shown is the model's 121st: its details and copy. */
  g_signal_emit_by_name (column_view, "activate", 1);
  trib_ui_test_wait_for_label (GTK_WIDGET (result_view), "Row 121");
  gtk_selection_model_select_item (selection, 1, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  trib_ui_test_press_keys (window, "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (GTK_WIDGET (result_view));
  g_assert_nonnull (strstr (clipboard, "\nevt-0000121\t"));

  /* Sorted, the filter keeps the same rows, in the new order. */
  gtk_widget_activate_action (GTK_WIDGET (result_view), "result.sort", "(ib)", 0, TRUE);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  trib_ui_test_iterate_until (filter_done, selection, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);
  {
    g_autoptr(TribResultRow) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_cmpstr (trib_result_model_get_value (model, trib_result_row_get_position (first), 0, NULL), ==, "evt-0000129");
  }
  gtk_widget_activate_action (GTK_WIDGET (result_view), "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);
  trib_ui_test_iterate_until (filter_done, selection, 10);

  /* Nothing matches: the grid says so. */
  trib_result_view_set_filter_text (result_view, "no such value anywhere");
  trib_ui_test_iterate_until (filter_done, selection, 10);
  trib_ui_test_wait_for_label (GTK_WIDGET (result_view), "0 of 500 rows");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (result_view), "No loaded row holds this text", FALSE));

  /* Escape in the filter closes it: every row again. */
  gtk_widget_grab_focus (entry);
  trib_ui_test_press_keys (window, "Escape");
  trib_ui_test_iterate_until (filter_done, selection, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 500);
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (result_view), "No loaded row holds this text", FALSE));
}

/* The grid, the details of a row, sorting and copying. */
static void
test_rows (GtkWidget     *window,
           TribQueryPage *page)
{
  TribResultModel *model;
  TribDistillerRun *run;
  GtkColumnView *column_view;
  GListModel *columns;
  GtkWidget *result_view;
  GtkWidget *title;
  GtkSelectionModel *selection;
  g_autofree char *clipboard = NULL;
  g_auto(GStrv) lines = NULL;
  OrderSeen seen = { 0 };

  /* Ctrl+Enter runs the statement under the cursor, not the next one. */
  trib_ui_query_run_and_wait (window, page,
                "SELECT eventtype, count(*) AS events\n"
                "FROM luma_web_events\n"
                "GROUP BY eventtype\n"
                "ORDER BY events DESC, eventtype;\n"
                "\n"
                "SELECT 'not run';\n",
                "ctrl+Return", 1);
  run = trib_ui_query_run_at (page, 0);
  g_assert_no_error ((GError *) trib_distiller_run_get_error (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_null (strstr (trib_distiller_run_get_sql (run), "not run"));

  model = trib_result_view_get_model (trib_query_page_get_result_view (page));
  g_assert_true (model == trib_distiller_run_get_model (run));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 3);

  /* The grid has a column per field and shows the rows. */
  column_view = trib_result_view_get_column_view (trib_query_page_get_result_view (page));
  columns = gtk_column_view_get_columns (column_view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 2);
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
    g_autoptr(GtkColumnViewColumn) second = g_list_model_get_item (columns, 1);

    /* Each header says its column's type, from the row description. */
    g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "eventtype\ntext");
    g_assert_cmpstr (gtk_column_view_column_get_title (second), ==, "events\nbigint");
  }
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (column_view), trib_result_model_get_value (model, 0, 0, NULL), FALSE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (column_view), trib_result_model_get_value (model, 0, 1, NULL), FALSE));

  /* Nested values in a wider result. */
  trib_ui_query_run_and_wait (window, page,
                "SELECT _id, \"timestamp\", eventtype, web, identitymap, commerce, marketing_campaign\n"
                "FROM luma_web_events ORDER BY _id LIMIT 500",
                "ctrl+Return", 1);
  run = trib_ui_query_run_at (page, 0);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, 500);
  model = trib_distiller_run_get_model (run);
  result_view = GTK_WIDGET (trib_query_page_get_result_view (page));
  column_view = trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view));

  {
    GListModel *wide_columns = gtk_column_view_get_columns (column_view);
    const char *titles[] = { "_id\ntext", "timestamp\ntimestamp", "eventtype\ntext", "web\njsonb" };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (wide_columns, i);

        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, titles[i]);
      }
  }

  test_filter (window, TRIB_RESULT_VIEW (result_view), column_view, model);

  /* A row's whole values beside the grid, nested ones indented. */
  g_signal_emit_by_name (column_view, "activate", 0);
  trib_ui_test_wait_for_label (result_view, "Row 1");
  g_assert_true (trib_ui_test_has_label (result_view, "\"ECID\" : [\n", TRUE));
  trib_ui_test_save_screenshot (window, "query-row-details-light.png");

  /* A click on a column's header sorts by it, and the header shows it;
   * a second click, the other way.
   */
  title = find_column_title (column_view, "_id");
  g_assert_false (trib_ui_test_has_css_class (title, "ascending"));
  trib_ui_test_click_center (window, title);
  trib_ui_test_iterate_until (sorted_by_first_column, model, 10);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  g_assert_false (trib_result_model_get_sort_descending (model));
  g_assert_true (trib_ui_test_has_css_class (title, "ascending"));
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000001");
  gtk_selection_model_select_range (gtk_column_view_get_model (column_view), 3, 2, TRUE);
  trib_ui_test_click_center (window, title);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  g_assert_true (trib_result_model_get_sort_descending (model));
  g_assert_true (trib_ui_test_has_css_class (title, "descending"));
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000500");
  check_grid_order (window, result_view, column_view, model);
  trib_ui_query_save_screenshots (window, "sorted", FALSE);

  /* The header's menu stays a second way, and its original order takes
   * the arrow away.
   */
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000001");
  check_grid_order (window, result_view, column_view, model);
  g_assert_false (trib_ui_test_has_css_class (title, "ascending"));
  g_assert_false (trib_ui_test_has_css_class (title, "descending"));
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", 0, TRUE);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  g_assert_true (trib_ui_test_has_css_class (find_column_title (column_view, "_id"), "descending"));
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);

  /* Ctrl+C copies the selected rows as TSV, with a header. */
  selection = gtk_column_view_get_model (column_view);
  gtk_selection_model_select_range (selection, 1, 2, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  trib_ui_test_press_keys (window, "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (result_view);
  lines = g_strsplit (clipboard, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "_id\ttimestamp\teventtype\tweb\tidentitymap"));
  g_assert_true (g_str_has_prefix (lines[1], "evt-0000002\t2026-09-01 00:00:46\t"));
  g_assert_true (g_str_has_prefix (lines[2], "evt-0000003\t"));

  /* Sorting many rows shows that it is under way. */
  trib_ui_query_run_and_wait (window, page, "SELECT g, md5(g::text) AS hash FROM generate_series(1, 100000) AS g", "ctrl+Return", 1);
  model = trib_distiller_run_get_model (trib_ui_query_run_at (page, 0));
  column_view = trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view));
  seen.column_view = column_view;
  seen.model = model;
  trib_ui_test_iterate_until (grid_fresh, &seen, 10);
  g_signal_connect (model, "order-changed", G_CALLBACK (order_seen_cb), &seen);
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", 1, FALSE);
  g_assert_true (trib_result_view_get_sorting (TRIB_RESULT_VIEW (result_view)));
  g_assert_true (trib_ui_test_has_label (result_view, "Sorting…", FALSE));
  trib_ui_test_iterate_until (not_sorting, result_view, 30);
  g_assert_false (trib_ui_test_has_label (result_view, "Sorting…", FALSE));
  g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 1);

  /* The new order: the cells in sight show it at once; the others GTK
   * made, out of sight, follow over the next frames, and none is left
   * showing the old order.
   */
  g_signal_handlers_disconnect_by_func (model, order_seen_cb, &seen);
  g_assert_cmpuint (seen.n_stale_in_sight, ==, 0);
  g_assert_cmpuint (seen.n_stale, >, 0);
  trib_ui_test_iterate_until (grid_fresh, &seen, 10);
}

/* States that read right: running, cancelled, no rows, a failure. */
typedef struct
{
  guint n_rows;                 /* in the grid after the changes so far */
  guint n_appends;
  guint first_append;
  gboolean only_appends;
  guint n_late_appends;         /* once the grid has its rows of widgets */
  gint64 last_late_append;
  gint64 min_late_gap;
  gboolean in_frame;            /* between a frame's start and its drawing's end */
  guint n_appends_in_frame;
} Growth;

static void
frame_started_cb (GdkFrameClock *clock,
                  Growth        *growth)
{
  growth->in_frame = TRUE;
}

static void
frame_ended_cb (GdkFrameClock *clock,
                Growth        *growth)
{
  growth->in_frame = FALSE;
}

static void
growth_cb (GListModel *grid_model,
           guint       position,
           guint       removed,
           guint       added,
           Growth     *growth)
{
  /* The previous result going, then the new one growing at its end. */
  if (growth->n_appends > 0 || added > 0)
    {
      growth->only_appends &= removed == 0 && position == growth->n_rows;
      if (growth->n_appends++ == 0)
        growth->first_append = added;
      if (growth->n_rows < 256 && growth->in_frame)
        growth->n_appends_in_frame++;
      if (growth->n_rows >= 256)
        {
          gint64 now = g_get_monotonic_time ();

          if (growth->n_late_appends++ > 0)
            growth->min_late_gap = MIN (growth->min_late_gap, now - growth->last_late_append);
          growth->last_late_append = now;
        }
    }
  growth->n_rows = growth->n_rows - removed + added;
}

/* Rows that come while the grid is on screen are listed at its frames,
 * those that came since the last one at once: all of them, in order,
 * counted in the status line; the first frames list a few rows, not a
 * whole batch of the worker's, and list them between two frames, not
 * inside one.
 */
static void
test_streamed_rows (GtkWidget     *window,
                    TribQueryPage *page)
{
  GtkColumnView *column_view = trib_result_view_get_column_view (trib_query_page_get_result_view (page));
  GListModel *grid_model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Growth growth = { g_list_model_get_n_items (grid_model), 0, 0, TRUE, 0, 0, G_MAXINT64, FALSE, 0 };
  TribResultModel *model;
  TribDistillerRun *run;
  gulong handler;

  handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (growth_cb), &growth);
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_started_cb), &growth);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (frame_ended_cb), &growth);
  trib_ui_query_run_and_wait (window, page,
                              "SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 30000) AS g",
                              "ctrl+Return", 1);
  g_signal_handler_disconnect (grid_model, handler);
  g_signal_handlers_disconnect_by_data (clock, &growth);

  run = trib_ui_query_run_at (page, 0);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
  model = trib_distiller_run_get_model (run);
  g_assert_true (trib_result_view_get_model (trib_query_page_get_result_view (page)) == model);
  g_assert_true (trib_result_model_get_deferred (model));

  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, 30000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30000);
  g_assert_cmpuint (growth.n_rows, ==, 30000);
  g_assert_true (growth.only_appends);
  g_assert_cmpuint (growth.first_append, >, 0);
  g_assert_cmpuint (growth.first_append, <=, 24);
  g_assert_cmpuint (growth.n_appends_in_frame, ==, 0);
  for (guint i = 0; i < 30000; i += 997)
    g_assert_cmpuint (g_ascii_strtoull (trib_result_model_get_value (model, i, 0, NULL), NULL, 10), ==, i + 1);
  g_assert_cmpstr (trib_result_model_get_value (model, 29999, 1, NULL), ==, "row 30000");

  trib_ui_test_wait_for_label (GTK_WIDGET (column_view), "row 1");
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "30000 rows in");
}

/* Once the grid has its rows of widgets, rows that keep coming are
 * listed a few times a second, not at every frame: each change lays the
 * window out again. Rows of 4 kB, a millisecond apart, come over a
 * couple of seconds.
 */
static void
test_paced_rows (GtkWidget     *window,
                 TribQueryPage *page)
{
  GtkColumnView *column_view = trib_result_view_get_column_view (trib_query_page_get_result_view (page));
  GListModel *grid_model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  Growth growth = { g_list_model_get_n_items (grid_model), 0, 0, TRUE, 0, 0, G_MAXINT64, FALSE, 0 };
  gulong handler;

  handler = g_signal_connect (grid_model, "items-changed", G_CALLBACK (growth_cb), &growth);
  trib_ui_query_run_and_wait (window, page,
                              "SELECT g AS n, repeat('x', 4000) AS filler, pg_sleep(0.001) AS pause "
                              "FROM generate_series(1, 2000) AS g",
                              "ctrl+Return", 1);
  g_signal_handler_disconnect (grid_model, handler);

  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpuint (growth.n_rows, ==, 2000);
  g_assert_true (growth.only_appends);
  g_test_message ("%u changes once the grid had its widgets, %.0f ms apart at least",
                  growth.n_late_appends, growth.min_late_gap / 1000.0);
  g_assert_cmpuint (growth.n_late_appends, >=, 2);
  g_assert_cmpint (growth.min_late_gap, >=, 200 * 1000);
}

static gboolean
any_spinner_spinning (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (any_spinner_spinning (child))
      return TRUE;

  return FALSE;
}

static gboolean
rows_arriving (gpointer data)
{
  TribResultModel *model = trib_result_view_get_model (trib_query_page_get_result_view (data));

  return trib_ui_query_first_run_running (data) && model != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
is_late (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static void
test_states (GtkWidget     *window,
             TribQueryPage *page)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  GtkWidget *result_view = GTK_WIDGET (trib_query_page_get_result_view (page));
  const GError *run_error;
  GtkWidget *status_page;
  GtkWidget *button;
  gint64 until;

  /* A result without rows keeps its columns and says it has none. */
  trib_ui_query_run_and_wait (window, page, "SELECT eventtype, _id FROM luma_web_events WHERE false", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_true (trib_ui_test_has_label (result_view, "No rows", FALSE));
  g_assert_nonnull (find_column_title (trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view)), "eventtype"));
  trib_ui_query_save_screenshots (window, "no-rows", FALSE);

  /* While a statement runs, the result area says so. */
  trib_ui_query_type_and_run (window, editor, "SELECT pg_sleep(30)", "ctrl+Return");
  trib_ui_test_iterate_until (trib_ui_query_first_run_running, page, 30);
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Running…");
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), "No Results Yet", FALSE));
  g_assert_true (any_spinner_spinning (GTK_WIDGET (page)));
  trib_ui_query_save_screenshots (window, "running", FALSE);

  /* A second Run meanwhile is not dropped nor queued in silence: a toast
   * offers to cancel the first.
   */
  trib_query_editor_set_text (editor, "SELECT 'second' AS which");
  trib_ui_test_press_keys (window, "ctrl+Return");
  trib_ui_test_wait_for_label (window, "A statement is still running in this tab");
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_RUNNING);
  g_assert_cmpstr (trib_distiller_run_get_sql (trib_ui_query_run_at (page, 0)), ==, "SELECT pg_sleep(30)");
  button = trib_ui_test_find_button (window, "Cancel and Run");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trib_ui_query_wait_for_runs (page, 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "second");

  /* Escape cancels, and a cancelled statement does not look done. */
  trib_ui_query_type_and_run (window, editor, "SELECT pg_sleep(30)", "ctrl+Return");
  trib_ui_test_iterate_until (trib_ui_query_first_run_running, page, 30);
  trib_ui_test_press_keys (window, "Escape");
  trib_ui_query_wait_for_runs (page, 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_CANCELLED);
  status_page = trib_ui_test_find_widget (GTK_WIDGET (trib_ui_query_current_results (page)), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status_page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Cancelled");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status_page)), !=, "emblem-ok-symbolic");

  /* Rows arriving, and their count in the status, show the statement at
   * work: no spinner draws frames besides while they come.
   */
  trib_ui_query_type_and_run (window, editor,
                              "SELECT g::text AS n FROM generate_series(1, 200000) AS g "
                              "UNION ALL SELECT pg_sleep(30)::text", "ctrl+Return");
  trib_ui_test_iterate_until (rows_arriving, page, 30);
  /* The status follows at its next refresh. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  trib_ui_test_iterate_until (is_late, &until, 5);
  g_assert_true (rows_arriving (page));
  g_assert_false (any_spinner_spinning (GTK_WIDGET (page)));
  trib_ui_test_press_keys (window, "Escape");
  trib_ui_query_wait_for_runs (page, 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_CANCELLED);

  /* A syntax error: the server's message and SQLSTATE, and a mark in
   * the editor where the server points.
   */
  trib_ui_query_run_and_wait (window, page, "SELECT eventtype FROM luma_web_events WHER 1 = 1", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  run_error = trib_distiller_run_get_error (trib_ui_query_run_at (page, 0));
  g_assert_nonnull (run_error);
  g_assert_true (trib_query_editor_has_error_mark (editor));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "42601", TRUE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), run_error->message, TRUE));
  trib_ui_test_save_screenshot (window, "query-error-light.png");
}

static gboolean
table_missing (TribQueryPage *page,
               GtkWidget     *window,
               const char    *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_regclass('%s') IS NULL", table);

  trib_ui_query_run_and_wait (window, page, sql, "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);

  return g_str_equal (trib_ui_query_first_value (page, 0), "t");
}

/* The demo's sandbox "prod" is a production one: a script that writes
 * runs once the dialog naming its statements is answered.
 */
static void
run_in_production (GtkWidget     *window,
                   TribQueryPage *page,
                   const char    *text,
                   const char    *keys,
                   guint          n_runs)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  AdwMessageDialog *dialog;

  trib_ui_query_type_and_run (window, editor, text, keys);
  dialog = trib_ui_query_wait_for_dialog ("Production Sandbox “prod”");
  trib_ui_query_respond (dialog, "run");
  trib_ui_query_wait_for_runs (page, n_runs);
}

/* The production sandbox shows, and statements that write ask first:
 * Cancel runs nothing; a read never asks.
 */
static void
test_production_guard (GtkWidget     *window,
                       TribQueryPage *page)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  GtkWidget *banner;
  AdwMessageDialog *dialog;
  const char *body;

  banner = trib_ui_test_find_label (GTK_WIDGET (page), "Production sandbox “prod”", TRUE);
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_true (trib_ui_test_has_css_class (gtk_widget_get_parent (banner), "production-banner"));
  /* One line, cut short if need be, all of it in the tooltip: a wrapped
   * label is measured again at every layout of the page.
   */
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (banner)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (banner)), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (banner), ==, gtk_label_get_label (GTK_LABEL (banner)));

  /* A read runs at once. */
  trib_ui_query_run_and_wait (window, page, "SELECT 'read' AS r", "ctrl+Return", 1);
  g_assert_null (trib_ui_query_find_dialog ("Production"));

  /* A block that creates a table, among reads: named, and not run on Cancel. */
  trib_ui_query_type_and_run (window, editor,
                              "SELECT 1;\n"
                              "CREATE TABLE trib_ui_guarded AS SELECT 1 AS x;\n"
                              "SELECT 'DROP TABLE nothing';\n"
                              "INSERT INTO trib_ui_guarded VALUES (2);",
                              "ctrl+shift+Return");
  dialog = trib_ui_query_wait_for_dialog ("Change Data in Production Sandbox “prod”?");
  body = gtk_label_get_label (GTK_LABEL (adw_message_dialog_get_extra_child (dialog)));
  g_assert_nonnull (strstr (body, "CREATE: CREATE TABLE trib_ui_guarded AS SELECT 1 AS x"));
  g_assert_nonnull (strstr (body, "INSERT: INSERT INTO trib_ui_guarded VALUES (2)"));
  g_assert_null (strstr (body, "nothing"));
  trib_ui_query_save_sized_screenshots (window, "production-guard");
  trib_ui_query_save_dialog_screenshots (dialog, "production-guard");
  trib_ui_query_respond (dialog, "cancel");
  trib_ui_test_settle ();
  g_assert_true (table_missing (page, window, "trib_ui_guarded"));

  /* Said yes to, it runs. */
  run_in_production (window, page, "CREATE TABLE trib_ui_guarded AS SELECT 1 AS x", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_false (table_missing (page, window, "trib_ui_guarded"));
  run_in_production (window, page, "DROP TABLE trib_ui_guarded", "ctrl+Return", 1);
  g_assert_true (table_missing (page, window, "trib_ui_guarded"));
}

/* A script stops at its first failure, unless asked to go on. */
static void
test_script (GtkWidget     *window,
             TribQueryPage *page,
             GSettings     *settings)
{
  GtkDropDown *dropdown;
  GtkWidget *popover;

  /* Ctrl+Shift+Enter runs the whole script, one result per statement. */
  trib_ui_query_run_and_wait (window, page,
                "SET statement_timeout = '60s';\n"
                "SELECT count(*) FROM luma_orders;\n"
                "SELECT 'a;b' AS \"semi;colon\" -- a comment; with a semicolon\n;",
                "ctrl+shift+Return", 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (trib_ui_query_state_at (page, i), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_distiller_run_get_command_status (trib_ui_query_run_at (page, 0)), ==, "SET");
  g_assert_cmpstr (trib_ui_query_first_value (page, 2), ==, "a;b");

  /* After a failure nothing else runs: the table is not created. */
  g_assert_false (g_settings_get_boolean (settings, "query-continue-on-error"));
  run_in_production (window, page,
                     "SELECT 1;\nSELECT 1/0;\nCREATE TABLE trib_ui_not_created (x int);",
                     "ctrl+shift+Return", 3);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpint (trib_ui_query_state_at (page, 1), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (trib_ui_query_state_at (page, 2), ==, TRIB_DISTILLER_RUN_SKIPPED);

  /* The statement list opens on the failure, and marks each statement. */
  dropdown = trib_run_results_get_runs_dropdown (trib_ui_query_current_results (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (trib_ui_query_current_results (page)), "division by zero", TRUE));
  trib_ui_test_click_center (window, GTK_WIDGET (dropdown));
  popover = trib_ui_test_wait_for_widget (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  g_assert_true (trib_ui_test_has_label (popover, "Succeeded", FALSE));
  g_assert_true (trib_ui_test_has_label (popover, "Failed", FALSE));
  g_assert_true (trib_ui_test_has_label (popover, "Not run", FALSE));
  g_assert_true (trib_ui_test_has_label (popover, "3. CREATE TABLE trib_ui_not_created (x int)", FALSE));
  trib_ui_query_save_screenshots (window, "script-failed", TRUE);
  gtk_popover_popdown (GTK_POPOVER (popover));
  trib_ui_test_wait_for_mapped (popover, FALSE);
  g_assert_true (table_missing (page, window, "trib_ui_not_created"));

  /* Asked to, from the Run menu, the script goes on after the failure. */
  gtk_widget_activate_action (GTK_WIDGET (page), "query.continue-on-error", NULL);
  g_assert_true (g_settings_get_boolean (settings, "query-continue-on-error"));
  run_in_production (window, page,
                     "SELECT 1/0;\nCREATE TABLE trib_ui_created (x int);",
                     "ctrl+shift+Return", 2);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_cmpint (trib_ui_query_state_at (page, 1), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_false (table_missing (page, window, "trib_ui_created"));
  run_in_production (window, page, "DROP TABLE trib_ui_created", "ctrl+Return", 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "query.continue-on-error", NULL);
  g_assert_false (g_settings_get_boolean (settings, "query-continue-on-error"));
}

/* Arms (with @method "POST" and @fault) or clears (with "DELETE" and
 * NULL) the demo simulator's faults.
 */
static void
sim_faults (GtkWidget  *window,
            const char *method,
            const char *fault)
{
  TribSession *session = trib_window_get_session (TRIB_WINDOW (window));
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/faults", NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (fault != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (fault, strlen (fault));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, fault != NULL ? 201 : 200);
}

/* Query Service refusing the connection parameters fails the statement
 * with what it said, in the tab; once it answers again, statements run.
 */
static void
test_parameters_refused (GtkWidget     *window,
                         TribQueryPage *page)
{
  const struct { const char *fault; const char *shown; } faults[] = {
    { "\"kind\": \"status\", \"status\": 500, \"count\": 20", "Internal Server Error" },
    { "\"kind\": \"status\", \"status\": 403, \"count\": 20", "Forbidden" },
    { "\"kind\": \"non_json\", \"count\": 20", "instead of the platform" },
  };
  GtkWidget *results;

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *fault = g_strdup_printf ("{\"path\": \"/data/foundation/query/connection_parameters\", "
                                                "\"method\": \"GET\", %s}", faults[i].fault);
      const GError *error;

      g_test_message ("Connection parameters refused: %s", faults[i].fault);
      sim_faults (window, "POST", fault);
      trib_ui_query_run_and_wait (window, page, "SELECT 'not run'", "ctrl+Return", 1);
      g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
      g_assert_null (trib_distiller_run_get_started (trib_ui_query_run_at (page, 0)));
      error = trib_distiller_run_get_error (trib_ui_query_run_at (page, 0));
      g_assert_nonnull (error);
      g_assert_true (error->domain == TRIB_PLATFORM_ERROR);

      results = GTK_WIDGET (trib_ui_query_current_results (page));
      trib_ui_test_wait_for_label (results, "Could Not Connect");
      g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Could not connect", FALSE));
      g_assert_true (trib_ui_test_has_label (results, "Could not get the connection parameters from Query Service", TRUE));
      g_assert_true (trib_ui_test_has_label (results, faults[i].shown, TRUE));
      g_assert_false (trib_query_editor_has_error_mark (trib_query_page_get_current_editor (page)));
      sim_faults (window, "DELETE", NULL);
    }
  trib_ui_query_save_screenshots (window, "parameters-refused", FALSE);

  trib_ui_query_run_and_wait (window, page, "SELECT 'after' AS which", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "after");
}

static void
test_query_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TribQueryEditor *editor;
  TribQueryPage *page;
  TribWindow *window;
  g_autofree char *clipboard = NULL;
  g_autofree char *text = NULL;
  GtkWidget *search;
  GtkWidget *replace;
  GtkWidget *replace_all;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  page = trib_ui_query_show_page (GTK_WIDGET (window));
  g_assert_nonnull (trib_query_page_get_current_editor (page));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-empty-light.png");

  g_test_message ("Connection parameters refused");
  test_parameters_refused (GTK_WIDGET (window), page);
  g_test_message ("The grid");
  test_rows (GTK_WIDGET (window), page);
  g_test_message ("Rows streaming into the grid");
  test_streamed_rows (GTK_WIDGET (window), page);
  test_paced_rows (GTK_WIDGET (window), page);
  g_test_message ("States");
  test_states (GTK_WIDGET (window), page);
  g_test_message ("Scripts");
  test_script (GTK_WIDGET (window), page, settings);
  g_test_message ("The production guard");
  test_production_guard (GTK_WIDGET (window), page);

  g_test_message ("Copying the connection for Python");
  /* The connection for a notebook, without the token. */
  gtk_widget_activate_action (GTK_WIDGET (page), "query.copy-python", "s", "psycopg2");
  trib_ui_test_iterate_until (clipboard_has_python, GTK_WIDGET (page), 10);
  clipboard = trib_ui_test_read_clipboard (GTK_WIDGET (page));
  g_assert_nonnull (strstr (clipboard, "dbname='prod:all'"));
  g_assert_nonnull (strstr (clipboard, "password='<ACCESS_TOKEN>'"));

  /* Ctrl+H opens find and replace; Replace All goes through the text. */
  editor = trib_query_page_get_current_editor (page);
  trib_query_editor_set_text (editor, "SELECT a FROM t1;\nSELECT a, b FROM t1 WHERE a > 1;");
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+h");
  search = trib_ui_test_wait_for_widget (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "t1");
  replace = trib_ui_test_wait_for_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (replace), "luma_orders");
  trib_ui_test_wait_for_label (GTK_WIDGET (editor), "2 matches");
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-find-replace-light.png");
  replace_all = trib_ui_test_find_button (GTK_WIDGET (editor), "Replace _All");
  g_assert_nonnull (replace_all);
  g_signal_emit_by_name (replace_all, "clicked");
  text = trib_query_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-page", test_query_page);

  return g_test_run ();
}
