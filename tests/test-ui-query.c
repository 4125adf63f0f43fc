/* test-ui-query.c
 *
 * The query page on the demo platform, whose simulator starts a real
 * PostgreSQL: type a query, press Ctrl+Enter, and the grid fills with
 * the rows; a syntax error is marked in the editor; a script runs
 * statement by statement.
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
#include "trib-query-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

typedef struct
{
  TribQueryPage *page;
  guint n_runs;
} RunsWanted;

static gboolean
runs_finished (gpointer data)
{
  RunsWanted *wanted = data;
  GPtrArray *runs = trib_query_page_get_runs (wanted->page);

  if (runs == NULL || runs->len != wanted->n_runs)
    return FALSE;
  for (guint i = 0; i < runs->len; i++)
    if (!trib_distiller_run_get_finished (g_ptr_array_index (runs, i)))
      return FALSE;

  return TRUE;
}

static void
wait_for_runs (TribQueryPage *page,
               guint          n_runs)
{
  RunsWanted wanted = { page, n_runs };

  trib_ui_test_iterate_until (runs_finished, &wanted, 60);
  trib_ui_test_settle ();
}

static TribDistillerRun *
run_at (TribQueryPage *page,
        guint          index)
{
  return g_ptr_array_index (trib_query_page_get_runs (page), index);
}

/* Whether a shown label reads @text, or with @partial holds it. */
static gboolean
has_label (GtkWidget  *root,
           const char *text,
           gboolean    partial)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;

      if (label != NULL && gtk_widget_get_mapped (child) &&
          (partial ? strstr (label, text) != NULL : g_str_equal (label, text)))
        return TRUE;
      if (has_label (child, text, partial))
        return TRUE;
    }

  return FALSE;
}

static gboolean
one_history_row (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (data))) == 1;
}

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
tabs_saved (gpointer data)
{
  g_auto(GStrv) tabs = g_settings_get_strv (data, "query-tabs");

  return g_strv_contains ((const char * const *) tabs,
                          "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");
}

static gboolean
first_run_running (gpointer data)
{
  GPtrArray *runs = trib_query_page_get_runs (data);

  return runs != NULL && runs->len > 0 &&
         trib_distiller_run_get_state (g_ptr_array_index (runs, 0)) == TRIB_DISTILLER_RUN_RUNNING;
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

static void
type_and_run (GtkWidget       *window,
              TribQueryEditor *editor,
              const char      *text,
              const char      *keys)
{
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  GtkWidget *view = trib_ui_test_find_widget (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW, NULL);
  GtkTextIter start;

  trib_query_editor_set_text (editor, text);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (view);
  trib_ui_test_press_keys (window, keys);
}

static void
test_query_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribDistillerRun *run;
  TribResultModel *model;
  TribQueryEditor *editor;
  TribQueryPage *page;
  GtkColumnView *column_view;
  GListModel *columns;
  TribWindow *window;
  const GError *run_error;
  GtkWidget *result_view;
  GtkSelectionModel *selection;
  g_autofree char *clipboard = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *history;
  GtkWidget *history_list;
  GtkWidget *search;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(TribQueryPage) restored = NULL;
  g_auto(GStrv) tabs = NULL;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  /* Alt+4 goes to the query page. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+4");
  page = TRIB_QUERY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  editor = trib_query_page_get_current_editor (page);
  g_assert_nonnull (editor);

  /* Ctrl+Enter runs the statement under the cursor, not the next one. */
  type_and_run (GTK_WIDGET (window), editor,
                "SELECT eventtype, count(*) AS events\n"
                "FROM luma_web_events\n"
                "GROUP BY eventtype\n"
                "ORDER BY events DESC, eventtype;\n"
                "\n"
                "SELECT 'not run';\n",
                "ctrl+Return");
  wait_for_runs (page, 1);
  run = run_at (page, 0);
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

    g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "eventtype");
    g_assert_cmpstr (gtk_column_view_column_get_title (second), ==, "events");
  }
  g_assert_true (has_label (GTK_WIDGET (column_view), trib_result_model_get_value (model, 0, 0, NULL), FALSE));
  g_assert_true (has_label (GTK_WIDGET (column_view), trib_result_model_get_value (model, 0, 1, NULL), FALSE));

  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-wide-light.png");

  /* Nested values in a wider result, in the dark. */
  type_and_run (GTK_WIDGET (window), editor,
                "SELECT _id, \"timestamp\", eventtype, web, identitymap, commerce, marketing_campaign\n"
                "FROM luma_web_events ORDER BY _id LIMIT 500",
                "ctrl+Return");
  wait_for_runs (page, 1);
  run = run_at (page, 0);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpuint (trib_distiller_run_get_n_rows (run), ==, 500);
  model = trib_distiller_run_get_model (run);
  result_view = GTK_WIDGET (trib_query_page_get_result_view (page));

  /* A row's whole values beside the grid, nested ones indented. */
  g_signal_emit_by_name (trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view)), "activate", 0);
  trib_ui_test_settle ();
  g_assert_true (has_label (result_view, "Row 1", FALSE));
  g_assert_true (has_label (result_view, "\"ECID\" : [\n", TRUE));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-row-details-light.png");

  /* Sorting by a column's header menu works on the loaded rows. */
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", 0, TRUE);
  trib_ui_test_iterate_until (sorted_by_first_column, model, 10);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000500");
  gtk_widget_activate_action (result_view, "result.sort", "(ib)", -1, FALSE);
  trib_ui_test_iterate_until (in_arrival_order, model, 10);
  g_assert_cmpstr (trib_result_model_get_value (model, 0, 0, NULL), ==, "evt-0000001");

  /* Ctrl+C copies the selected rows as TSV, with a header. */
  selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view))));
  gtk_selection_model_select_range (selection, 1, 2, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view))));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (result_view);
  lines = g_strsplit (clipboard, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "_id\ttimestamp\teventtype\tweb\tidentitymap"));
  g_assert_true (g_str_has_prefix (lines[1], "evt-0000002\t2026-09-01 00:00:46\t"));
  g_assert_true (g_str_has_prefix (lines[2], "evt-0000003\t"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-wide-dark.png");
  trib_ui_test_resize (GTK_WIDGET (window), 640, 800);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-narrow-light.png");
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  /* A syntax error: the server's message and SQLSTATE, and a mark in
   * the editor where the server points.
   */
  type_and_run (GTK_WIDGET (window), editor, "SELECT eventtype FROM luma_web_events WHER 1 = 1", "ctrl+Return");
  wait_for_runs (page, 1);
  run = run_at (page, 0);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_FAILED);
  run_error = trib_distiller_run_get_error (run);
  g_assert_nonnull (run_error);
  g_assert_true (trib_query_editor_has_error_mark (editor));
  g_assert_true (has_label (GTK_WIDGET (page), "42601", TRUE));
  g_assert_true (has_label (GTK_WIDGET (page), run_error->message, TRUE));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-error-light.png");

  /* Ctrl+Shift+Enter runs the whole script, one result per statement. */
  type_and_run (GTK_WIDGET (window), editor,
                "SET statement_timeout = '60s';\n"
                "SELECT count(*) FROM luma_orders;\n"
                "SELECT 'a;b' AS \"semi;colon\" -- a comment; with a semicolon\n;",
                "ctrl+shift+Return");
  wait_for_runs (page, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (trib_distiller_run_get_state (run_at (page, i)), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_distiller_run_get_command_status (run_at (page, 0)), ==, "SET");
  g_assert_cmpstr (trib_result_model_get_value (trib_distiller_run_get_model (run_at (page, 2)), 0, 0, NULL), ==,
                   "a;b");

  /* Every statement went to the history; searching finds the one about
   * orders, and one click reopens it in a new tab.
   */
  gtk_widget_activate_action (GTK_WIDGET (page), "query.new-tab", NULL);
  history = trib_ui_test_find_widget (GTK_WIDGET (page), TRIB_TYPE_HISTORY_PANEL, NULL);
  g_object_set (trib_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_FLAP, NULL), "reveal-flap", TRUE, NULL);
  trib_ui_test_settle ();
  history_list = trib_ui_test_find_widget (history, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (history_list)))), ==,
                    6);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (history, GTK_TYPE_SEARCH_ENTRY, NULL)), "luma_orders");
  trib_ui_test_iterate_until (one_history_row, history_list, 10);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-history-light.png");
  g_signal_emit_by_name (history_list, "activate", 0);
  trib_ui_test_settle ();
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (page));
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders");

  g_test_message ("Cancelling with Escape");
  /* A long statement shows its time, and Escape cancels it; the
   * session goes on.
   */
  type_and_run (GTK_WIDGET (window), trib_query_page_get_current_editor (page), "SELECT pg_sleep(30)", "ctrl+Return");
  trib_ui_test_iterate_until (first_run_running, page, 30);
  g_assert_true (has_label (GTK_WIDGET (page), "Running…", TRUE));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Escape");
  wait_for_runs (page, 1);
  g_assert_cmpint (trib_distiller_run_get_state (run_at (page, 0)), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_true (has_label (GTK_WIDGET (page), "Cancelled", TRUE));

  g_test_message ("Copying the connection for Python");
  /* The connection for a notebook, without the token. */
  gtk_widget_activate_action (GTK_WIDGET (page), "query.copy-python", "s", "psycopg2");
  trib_ui_test_iterate_until (clipboard_has_python, GTK_WIDGET (page), 10);
  g_clear_pointer (&clipboard, g_free);
  clipboard = trib_ui_test_read_clipboard (GTK_WIDGET (page));
  g_assert_nonnull (strstr (clipboard, "dbname='prod:all'"));
  g_assert_nonnull (strstr (clipboard, "password='<ACCESS_TOKEN>'"));

  /* Ctrl+H opens find and replace; Replace All goes through the text. */
  editor = trib_query_page_get_current_editor (page);
  trib_query_editor_set_text (editor, "SELECT a FROM t1;\nSELECT a, b FROM t1 WHERE a > 1;");
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+h");
  search = trib_ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_true (gtk_widget_get_mapped (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "t1");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY, NULL)),
                         "luma_orders");
  trib_ui_test_settle ();
  g_assert_true (has_label (GTK_WIDGET (editor), "2 matches", FALSE));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-find-replace-light.png");
  g_signal_emit_by_name (trib_ui_test_find_button (GTK_WIDGET (editor), "Replace _All"), "clicked");
  g_clear_pointer (&text, g_free);
  text = trib_query_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");

  /* The tabs' text is kept for the next start, once typing pauses. */
  trib_ui_test_iterate_until (tabs_saved, settings, 10);
  tabs = g_settings_get_strv (settings, "query-tabs");
  g_assert_cmpuint (g_strv_length (tabs), ==, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "query-tab"), ==, 2);
  g_assert_cmpstr (tabs[2], ==, text);
  restored = g_object_ref_sink (g_object_new (TRIB_TYPE_QUERY_PAGE, NULL));
  trib_query_page_set_settings (restored, settings);
  g_clear_pointer (&text, g_free);
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (restored));
  g_assert_cmpstr (text, ==, tabs[g_settings_get_uint (settings, "query-tab")]);
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
