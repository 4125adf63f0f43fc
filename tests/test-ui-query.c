/* test-ui-query.c
 *
 * The query page on the demo platform, whose simulator starts a real
 * PostgreSQL: the result area says how a statement goes; a script runs
 * statement by statement and stops at its first failure; production's
 * guard; connection parameters refused; find and replace. The grid
 * itself is test-ui-query-grid.c's.
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
#include "trib-platform-error.h"
#include "trib-ui-query-test.h"

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
count_error_removal (GtkTextBuffer *buffer,
                     GtkTextTag    *tag,
                     GtkTextIter   *start,
                     GtkTextIter   *end,
                     guint         *removals)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (g_strcmp0 (name, "error") == 0)
    (*removals)++;
}

typedef struct
{
  TribQueryEditor *editor;
  const char *suffix;
} EditorText;

static gboolean
editor_text_ends_with (gpointer data)
{
  EditorText *wanted = data;
  g_autofree char *text = trib_query_editor_dup_text (wanted->editor);

  return g_str_has_suffix (text, wanted->suffix);
}

/* States that read right: running, cancelled, no rows, a failure. */
static void
test_states (GtkWidget     *window,
             TribQueryPage *page)
{
  TribQueryEditor *editor = trib_query_page_get_current_editor (page);
  GtkWidget *result_view = GTK_WIDGET (trib_query_page_get_result_view (page));
  const GError *run_error;
  GtkWidget *status_page;
  GtkWidget *button;
  guint removals = 0;
  gulong handler;
  gint64 until;

  /* A result without rows keeps its columns and says it has none. */
  trib_ui_query_run_and_wait (window, page, "SELECT eventtype, _id FROM luma_web_events WHERE false", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_true (trib_ui_test_has_label (result_view, "No rows", FALSE));
  g_assert_nonnull (trib_ui_query_find_column_title (trib_result_view_get_column_view (TRIB_RESULT_VIEW (result_view)), "eventtype"));
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

  /* The first change takes the mark off. Taking it off lays out again
   * every line it is taken from, so no later keystroke, nor Run, takes
   * off a mark that is no longer there.
   */
  handler = g_signal_connect (trib_query_editor_get_buffer (editor), "remove-tag",
                              G_CALLBACK (count_error_removal), &removals);
  /* The marked word, copied. */
  trib_ui_test_press_keys (window, "shift+Right");
  trib_ui_test_press_keys (window, "ctrl+c");
  trib_ui_test_press_keys (window, "End");
  trib_ui_test_press_keys (window, "space");
  g_assert_false (trib_query_editor_has_error_mark (editor));
  g_assert_cmpuint (removals, ==, 1);
  /* Pasted, it is not where the error is. */
  trib_ui_test_press_keys (window, "ctrl+v");
  trib_ui_test_iterate_until (editor_text_ends_with, &(EditorText) { editor, "1 = 1 1" }, 10);
  g_assert_false (trib_query_editor_has_error_mark (editor));
  trib_ui_test_press_keys (window, "BackSpace");
  trib_ui_test_press_keys (window, "BackSpace");
  trib_ui_test_press_keys (window, "ctrl+Return");
  trib_ui_query_wait_for_runs (page, 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  g_assert_true (trib_query_editor_has_error_mark (editor));
  g_assert_cmpuint (removals, ==, 1);
  g_signal_handler_disconnect (trib_query_editor_get_buffer (editor), handler);
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

  page = trib_ui_query_open_demo_page (app, &window);
  g_assert_nonnull (trib_query_page_get_current_editor (page));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "query-empty-light.png");

  g_test_message ("Connection parameters refused");
  test_parameters_refused (GTK_WIDGET (window), page);
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
