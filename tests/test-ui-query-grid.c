/* test-ui-query-grid.c
 *
 * The result grid of the query page on the demo platform, whose
 * simulator starts a real PostgreSQL: type a query, press Ctrl+Enter,
 * and the grid fills with the rows as they stream, sorts on a click of
 * a header, filters the loaded rows, copies what it shows; its columns
 * keep their widths as it scrolls.
 *
 * Every wait is on the condition itself, never on time alone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
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

/* The grid shows the rows in the model's order, the first at the top and
 * named after its values, and copies what it shows.
 */
static void
check_grid_order (GtkWidget       *window,
                  GtkWidget       *result_view,
                  GtkColumnView   *column_view,
                  TribResultModel *model)
{
  GtkSelectionModel *selection = trib_result_view_get_rows (TRIB_RESULT_VIEW (result_view));
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
  row_name = trib_ui_query_dup_row_name (label);
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

static gboolean
is_italic (PangoAttribute *attribute,
           gpointer        user_data)
{
  gboolean *italic = user_data;

  if (attribute->klass->type == PANGO_ATTR_STYLE &&
      ((PangoAttrInt *) attribute)->value == PANGO_STYLE_ITALIC)
    *italic = TRUE;

  return FALSE;
}

/* NULL's look: italic, and dimmed as .dim-label dims. */
static gboolean
looks_null (GtkWidget *cell)
{
  PangoAttrList *attributes = gtk_inscription_get_attributes (GTK_INSCRIPTION (cell));
  PangoAttrList *removed = NULL;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  gboolean italic = FALSE;

  /* Removes nothing: the filter only looks. */
  if (attributes != NULL)
    removed = pango_attr_list_filter (attributes, is_italic, &italic);
  g_assert_null (removed);

  /* .dim-label's opacity in ui/style.css and style-hc.css, as a widget
   * keeps it: in 255ths.
   */
  return italic && fabs (gtk_widget_get_opacity (cell) - (high_contrast ? 0.9 : 0.75)) < 0.01;
}

/* Cells of the grid that show another value than the model's at their
 * row's position, or NULL's look (italics, dimmed) on another value or
 * not on NULL; the view marks its cells with their list item and
 * column. With @in_sight, only those in the grid's viewport.
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

      if (looks_null (widget) != (value == NULL) ||
          (value != NULL && gtk_widget_get_opacity (widget) < 1))
        return 1;

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
  GtkSelectionModel *selection = trib_result_view_get_rows (result_view);
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
  title = trib_ui_query_find_column_title (column_view, "_id");
  g_assert_false (trib_ui_test_has_css_class (title, "ascending"));
  trib_ui_test_click_center (window, title);
  trib_ui_test_iterate_until (sorted_by_first_column, model, 10);
  trib_ui_test_iterate_until (not_sorting, result_view, 10);
  g_assert_false (trib_result_model_get_sort_descending (model));
  g_assert_true (trib_ui_test_has_css_class (title, "ascending"));
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000001");
  selection = trib_result_view_get_rows (TRIB_RESULT_VIEW (result_view));
  gtk_selection_model_select_range (selection, 3, 2, TRUE);
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
  g_assert_true (trib_ui_test_has_css_class (trib_ui_query_find_column_title (column_view, "_id"), "descending"));
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);

  /* Ctrl+C copies the selected rows as TSV, with a header. */
  selection = trib_result_view_get_rows (TRIB_RESULT_VIEW (result_view));
  gtk_selection_model_select_range (selection, 1, 2, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  trib_ui_test_press_keys (window, "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (result_view);
  lines = g_strsplit (clipboard, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "_id\ttimestamp\teventtype\tweb\tidentitymap"));
  g_assert_true (g_str_has_prefix (lines[1], "evt-0000002\t2026-09-01 00:00:46\t"));
  g_assert_true (g_str_has_prefix (lines[2], "evt-0000003\t"));

  /* Sorting many rows shows that it is under way. A third of them NULL,
   * whose cells take other values in the new order, and back.
   */
  trib_ui_query_run_and_wait (window, page,
                              "SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE md5(g::text) END AS hash "
                              "FROM generate_series(1, 100000) AS g", "ctrl+Return", 1);
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

  /* The new order: every cell shows it at once, for the grid's list
   * holds the rows in sight (and one partly in sight), not the hundreds
   * more GTK 4.8 makes rows for.
   */
  g_signal_handlers_disconnect_by_func (model, order_seen_cb, &seen);
  g_assert_cmpuint (seen.n_stale_in_sight, ==, 0);
  g_assert_cmpuint (seen.n_stale, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==,
                    gtk_adjustment_get_page_size (
                      trib_result_view_get_row_adjustment (TRIB_RESULT_VIEW (result_view))) + 1);

  /* Back to the order they came in: cells that read a value read NULL. */
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (not_sorting, result_view, 30);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);
  trib_ui_test_iterate_until (grid_fresh, &seen, 10);

  /* High contrast dims NULL less, in the cells already shown too. */
  {
    g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

    g_settings_set_boolean (a11y, "high-contrast", TRUE);
    g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
    trib_ui_test_iterate_until (grid_fresh, &seen, 10);
    g_settings_set_boolean (a11y, "high-contrast", FALSE);
    g_assert_false (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
    trib_ui_test_iterate_until (grid_fresh, &seen, 10);
  }
}

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
  TribResultView *result_view = trib_query_page_get_result_view (page);
  GListModel *grid_model = G_LIST_MODEL (trib_result_view_get_rows (result_view));
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
  TribResultView *result_view = trib_query_page_get_result_view (page);
  GListModel *grid_model = G_LIST_MODEL (trib_result_view_get_rows (result_view));
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


/* Columns keep the width their first values gave them: scrolling to
 * longer values shortens those, and neither moves the columns nor lays
 * the window out again for them.
 */
static void
test_column_widths (GtkWidget     *window,
                    TribQueryPage *page)
{
  GtkColumnView *column_view = trib_result_view_get_column_view (trib_query_page_get_result_view (page));
  TribResultView *result_view = trib_query_page_get_result_view (page);
  GtkAdjustment *adjustment = trib_result_view_get_row_adjustment (result_view);
  GtkWidget *title;
  GtkWidget *cell;
  int width;

  trib_ui_query_run_and_wait (window, page,
                              "SELECT g AS n, CASE WHEN g <= 500 THEN 'short ' || g "
                              "ELSE repeat('long ', 12) || g END AS label "
                              "FROM generate_series(1, 3000) AS g",
                              "ctrl+Return", 1);
  trib_ui_test_wait_for_label (GTK_WIDGET (column_view), "short 1");
  trib_ui_test_settle ();
  title = trib_ui_query_find_column_title (column_view, "label");
  width = gtk_widget_get_width (title);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  trib_ui_test_wait_for_label (GTK_WIDGET (column_view), "3000");
  trib_ui_test_settle ();
  cell = trib_ui_test_find_label (GTK_WIDGET (column_view), "long long", TRUE);
  g_assert_nonnull (cell);
  g_assert_true (GTK_IS_INSCRIPTION (cell));
  g_assert_cmpint (gtk_widget_get_width (trib_ui_query_find_column_title (column_view, "label")), ==, width);
}

static void
test_query_grid (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribQueryPage *page;
  TribWindow *window;

  page = trib_ui_query_open_demo_page (app, &window);

  g_test_message ("The grid");
  test_rows (GTK_WIDGET (window), page);
  g_test_message ("Rows streaming into the grid");
  test_streamed_rows (GTK_WIDGET (window), page);
  test_paced_rows (GTK_WIDGET (window), page);
  g_test_message ("Column widths");
  test_column_widths (GTK_WIDGET (window), page);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-grid", test_query_grid);

  return g_test_run ();
}
