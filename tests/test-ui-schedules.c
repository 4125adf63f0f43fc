/* test-ui-schedules.c
 *
 * Scheduled queries in the window, on the demo platform (tributary-sim
 * and its real PostgreSQL): a statement scheduled from the query page
 * with Ctrl+Alt+S (a bad cron caught as typed, the template then the
 * schedule posted with the payloads Query Service expects), SQL that
 * writes a table itself refused, the Schedules page (Alt+9) listing it,
 * a run started by hand appearing with its duration, ten failed runs
 * quarantining a schedule shown with its reason and enabled again, and
 * a delete that disables the schedule first. Screenshots in light and
 * dark at 600 and 1400 pixels.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libsoup/soup.h>

#include "trib-cron.h"
#include "trib-platform-client.h"
#include "trib-query-page.h"
#include "trib-schedule-dialog-private.h"
#include "trib-schedules-page-private.h"
#include "trib-ui-query-test.h"

#define GOOD_SQL "SELECT date_trunc('day', order_date) AS day, count(*) AS orders FROM luma_orders GROUP BY 1"
#define BROKEN_SQL "SELECT * FROM luma_ordres"
#define SCHEDULES_PATH "/data/foundation/query/schedules"
#define TEMPLATES_PATH "/data/foundation/query/query-templates"

static TribWindow *window;
static TribSchedulesPage *page;
static gint64 started;

/* What the test does next, and when: the whole must stay under a minute. */
static void
step (const char *what)
{
  g_test_message ("%.1f s: %s", (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC, what);
}

/* The simulator's own endpoints (README, "Test control"). */
static JsonNode *
sim_control (const char *method,
             const char *path,
             const char *body)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), path, NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), <, 300);
  if (g_bytes_get_size (answer) == 0)
    return NULL;

  return json_from_string (g_bytes_get_data (answer, NULL), &error);
}

/* The requests the simulator received with @method on @path (a prefix
 * when it ends with '/'), in order.
 */
static GPtrArray *
requests (const char *method,
          const char *path)
{
  g_autoptr(JsonNode) node = sim_control ("GET", "/__sim/requests", NULL);
  JsonArray *all = json_object_get_array_member (json_node_get_object (node), "requests");
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *request = json_array_get_object_element (all, i);
      const char *request_path = json_object_get_string_member (request, "path");

      if (g_strcmp0 (json_object_get_string_member (request, "method"), method) == 0 &&
          (g_strcmp0 (request_path, path) == 0 ||
           (g_str_has_suffix (path, "/") && g_str_has_prefix (request_path, path))))
        g_ptr_array_add (found, json_object_ref (request));
    }

  return found;
}

/* Each screen at 1400 and 600 pixels, one light and one dark, or (all)
 * both at each width; four screenshots cost seconds on a loaded machine.
 */
static void
shots (const char *name,
       gboolean    all,
       gboolean    wide_dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { int width; gboolean dark; } sizes[] = { { 1400, FALSE }, { 1400, TRUE }, { 600, TRUE }, { 600, FALSE } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *file = NULL;

      if (!all && sizes[i].dark != (sizes[i].width == 1400 ? wide_dark : !wide_dark))
        continue;
      file = g_strdup_printf ("schedules-%s-%d-%s.png", name, sizes[i].width, sizes[i].dark ? "dark" : "light");

      trib_ui_test_resize (GTK_WIDGET (window), sizes[i].width, 900);
      adw_style_manager_set_color_scheme (style, sizes[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      trib_ui_test_save_screenshot (GTK_WIDGET (window), file);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 900);
}

static TribScheduleDialog *
open_dialog (TribQueryPage *query_page,
             const char    *sql)
{
  TribScheduleDialog *dialog;
  GtkWidget *focus;

  trib_ui_query_type_and_run (GTK_WIDGET (window), trib_query_page_get_current_editor (query_page), sql,
                              "ctrl+alt+s");
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_open, NULL, 10);
  dialog = TRIB_SCHEDULE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, NULL));

  /* Typing goes to the name at once. */
  trib_ui_test_settle ();
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (dialog->name_row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (dialog->name_row)));

  return dialog;
}

static gboolean
can_save (TribScheduleDialog *dialog)
{
  return gtk_widget_is_sensitive (dialog->save_button);
}

/* A statement scheduled daily into a new dataset: the template first,
 * then the schedule of it, with the payloads the platform reads.
 */
static gboolean
datasets_found (gpointer data)
{
  TribScheduleDialog *dialog = data;

  return dialog->datasets != NULL && !trib_paged_list_get_loading (dialog->datasets) &&
         gtk_list_box_get_row_at_index (dialog->dataset_list, 0) != NULL;
}

static gboolean
error_shown (gpointer data)
{
  TribScheduleDialog *dialog = data;

  return !dialog->busy && gtk_widget_get_visible (GTK_WIDGET (dialog->error_label));
}

static gboolean
datasets_searched (gpointer data)
{
  TribScheduleDialog *dialog = TRIB_SCHEDULE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, NULL));

  return dialog->datasets != data && datasets_found (dialog);
}

static char *
schedule_from_editor (TribQueryPage *query_page,
                      const char    *name,
                      const char    *sql,
                      gboolean       check_form)
{
  g_autofree char *dataset = NULL;
  TribScheduleDialog *dialog = open_dialog (query_page, sql);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autofree char *cron = NULL;
  g_autoptr(TribCron) parsed = NULL;
  JsonObject *body;
  JsonObject *query;

  g_assert_false (trib_schedule_dialog_get_refused (dialog));
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), name);
  if (check_form)
    {
      /* A new dataset, named after the query. */
      gtk_editable_set_text (GTK_EDITABLE (dialog->dataset_name_row), name);
      dataset = g_strdup (name);
    }
  else
    {
      GtkListBoxRow *row;
      g_autofree char *lower = NULL;
      TribPagedList *unsearched;

      /* An existing one, found by a search of the Catalog. */
      adw_combo_row_set_selected (dialog->output_row, 1);
      g_assert_false (can_save (dialog));
      trib_ui_test_iterate_until (datasets_found, dialog, 20);
      unsearched = dialog->datasets;
      gtk_editable_set_text (GTK_EDITABLE (dialog->dataset_search), "luma");
      /* Searched once the entry's pause for typing is over. */
      trib_ui_test_iterate_until (datasets_searched, unsearched, 20);
      row = gtk_list_box_get_row_at_index (dialog->dataset_list, 0);
      dataset = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      lower = g_ascii_strdown (dataset, -1);
      g_assert_nonnull (strstr (lower, "luma"));
      gtk_list_box_select_row (dialog->dataset_list, row);
    }

  if (check_form)
    {
      /* A cron the platform would refuse is caught as it is typed, and
       * makes the frequency a custom one.
       */
      gtk_editable_set_text (GTK_EDITABLE (dialog->cron_row), "61 * * * *");
      g_assert_cmpuint (adw_combo_row_get_selected (dialog->frequency_row), ==, PRESET_CUSTOM);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->next_label), "error"));
      g_assert_nonnull (strstr (gtk_label_get_label (dialog->next_label), "minute"));
      g_assert_false (can_save (dialog));

      /* Every day at 03:15 local time: a UTC cron, its next runs shown. */
      adw_combo_row_set_selected (dialog->frequency_row, PRESET_DAILY);
      gtk_spin_button_set_value (dialog->hour_spin, 3);
      gtk_spin_button_set_value (dialog->minute_spin, 15);
      g_assert_nonnull (strstr (gtk_label_get_label (dialog->next_label), "Next runs:"));
      g_assert_nonnull (strstr (gtk_label_get_label (dialog->next_label), "UTC)"));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog->start_row)), "UTC"));
      trib_ui_test_resize (GTK_WIDGET (dialog), 600, 900);
      trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schedules-dialog-600-light.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schedules-dialog-600-dark.png");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }
  cron = trib_schedule_dialog_dup_cron (dialog);
  parsed = trib_cron_parse (cron, NULL);
  g_assert_nonnull (parsed);
  g_assert_true (can_save (dialog));

  json_node_unref (sim_control ("DELETE", "/__sim/requests", NULL));
  if (!check_form)
    {
      /* The schedule refused once: said, not retried behind the user's
       * back; trying again schedules the template already made.
       */
      json_node_unref (sim_control ("POST", "/__sim/faults",
                                    "{\"path\": \"" SCHEDULES_PATH "\", \"method\": \"POST\", "
                                    "\"kind\": \"status\", \"status\": 503, \"count\": 1}"));
      gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
      trib_ui_test_iterate_until (error_shown, dialog, 20);
      g_assert_nonnull (strstr (gtk_label_get_label (dialog->error_label), "was saved, but the schedule was not"));
      g_assert_true (can_save (dialog));
    }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_closed, NULL, 20);

  /* One template with the statement, then one schedule of it (two tries
   * of it when the first was refused, of the same template).
   */
  templates = requests ("POST", TEMPLATES_PATH);
  schedules = requests ("POST", SCHEDULES_PATH);
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpuint (schedules->len, ==, check_form ? 1 : 2);
  /* The refused try is logged without its body: one template is the
   * proof that the second try scheduled the first one's.
   */
  if (!check_form)
    g_assert_cmpuint (json_object_get_int_member (g_ptr_array_index (schedules, 0), "status"), ==, 503);

  body = json_object_get_object_member (g_ptr_array_index (schedules, schedules->len - 1), "body");
  query = json_object_get_object_member (body, "query");
  g_assert_cmpstr (json_object_get_string_member (query, "dbName"), ==, "prod:all");
  g_assert_nonnull (json_object_get_string_member (query, "templateId"));
  g_assert_false (json_object_has_member (query, check_form ? "insertIntoParameters" : "ctasParameters"));
  g_assert_false (json_object_has_member (query, "sql"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (query, check_form ? "ctasParameters"
                                                                                                  : "insertIntoParameters"),
                                                  "datasetName"), ==, dataset);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "schedule"), "schedule"),
                   ==, cron);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_object_get_object_member (body, "schedule"),
                                                                  "startDate"), "Z"));

  return g_strdup (cron);
}

static void
refused_sql (TribQueryPage *query_page)
{
  TribScheduleDialog *dialog = open_dialog (query_page, "CREATE TABLE copies AS SELECT * FROM luma_orders");

  /* Refused with the reason, as Query Service would. */
  g_assert_true (trib_schedule_dialog_get_refused (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->refused_label)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "Copies");
  gtk_editable_set_text (GTK_EDITABLE (dialog->dataset_name_row), "Copies");
  g_assert_false (can_save (dialog));
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schedules-refused-light.png");
  gtk_window_close (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_closed, NULL, 10);

  dialog = open_dialog (query_page, "INSERT INTO copies SELECT * FROM luma_orders");
  g_assert_true (trib_schedule_dialog_get_refused (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_closed, NULL, 10);
}

static gboolean
listed (gpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  return page->list != NULL && !trib_paged_list_get_loading (page->list) &&
         g_list_model_get_n_items (G_LIST_MODEL (page->list)) == n;
}

static GtkWidget *
find_row (const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (page->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static gboolean
row_shows_runs (gpointer data)
{
  GtkWidget *row = find_row (data);

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Last runs: Succeeded") != NULL;
}

static gboolean
shown_in_state (gpointer data)
{
  return page->shown != NULL && !page->busy &&
         trib_query_schedule_get_state (page->shown) == (TribQueryScheduleState)GPOINTER_TO_INT (data);
}

static gboolean
run_finished (gpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  guint finished = 0;

  for (guint i = 0; i < page->runs->len; i++)
    finished += trib_schedule_run_get_state (g_ptr_array_index (page->runs, i)) != TRIB_SCHEDULE_RUN_IN_PROGRESS;

  return !page->busy && finished >= n;
}

static void
open_details (const char *name)
{
  GtkWidget *row = find_row (name);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  trib_ui_test_iterate_until (shown_in_state, GINT_TO_POINTER (TRIB_QUERY_SCHEDULE_ENABLED), 20);
  g_assert_cmpstr (gtk_label_get_label (page->name_label), ==, name);
}

/* A row titled @title under @root, shown or not. */
static gboolean
has_row (GtkWidget  *root,
         const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row (child, title))
      return TRUE;

  return FALSE;
}

static void
run_now (void)
{
  GtkWidget *first;

  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.run-now", NULL);
  trib_ui_test_iterate_until (run_finished, GUINT_TO_POINTER (1), 30);
  g_assert_cmpint (trib_schedule_run_get_state (g_ptr_array_index (page->runs, 0)), ==, TRIB_SCHEDULE_RUN_SUCCESS);
  g_assert_true (trib_schedule_run_get_external (g_ptr_array_index (page->runs, 0)));
  g_assert_cmpint (trib_schedule_run_get_duration_ms (g_ptr_array_index (page->runs, 0)), >=, 0);

  /* Its row says how it went and how long it took; opened, its task. */
  first = gtk_widget_get_first_child (GTK_WIDGET (page->runs_list));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), "Succeeded · "));
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)), "Started by hand · took "));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)), " s"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
  g_assert_true (has_row (first, "Succeeded"));
}

static gboolean
idle (gpointer data)
{
  return !page->busy;
}

static gboolean
cron_shown (gpointer data)
{
  return page->shown != NULL && !page->busy &&
         g_strcmp0 (adw_action_row_get_subtitle (page->cron_row), data) == 0;
}

/* Edit: the frequency, the one thing the platform changes. */
static void
edit_frequency (void)
{
  TribScheduleDialog *dialog;
  g_autoptr(GPtrArray) patches = NULL;
  g_autofree char *path = g_strconcat (SCHEDULES_PATH "/", trib_query_schedule_get_id (page->shown), NULL);
  JsonObject *op;

  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.edit", NULL);
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_open, NULL, 10);
  dialog = TRIB_SCHEDULE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, NULL));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->name_row)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->edit_label)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->cron_row), "30 4 * * 1-5");
  g_assert_true (can_save (dialog));

  json_node_unref (sim_control ("DELETE", "/__sim/requests", NULL));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_closed, NULL, 20);
  trib_ui_test_iterate_until (cron_shown, (gpointer)"30 4 * * 1-5", 20);

  patches = requests ("PATCH", path);
  g_assert_cmpuint (patches->len, ==, 1);
  op = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (
                                        g_ptr_array_index (patches, 0), "body"), "body"), 0);
  g_assert_cmpstr (json_object_get_string_member (op, "path"), ==, "/schedule/schedule");
  g_assert_cmpstr (json_object_get_string_member (op, "value"), ==, "30 4 * * 1-5");
}

static gboolean
quarantine_shown (gpointer data)
{
  return shown_in_state (GINT_TO_POINTER (TRIB_QUERY_SCHEDULE_QUARANTINED)) &&
         gtk_widget_get_visible (page->quarantine_group);
}

static void
quarantine (void)
{
  /* Ten failed runs in a row, started by hand: they wait their turn. */
  for (guint i = 1; i <= 10; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "schedules.run-now", NULL);
      trib_ui_test_iterate_until (idle, NULL, 10);
    }
  trib_ui_test_iterate_until (quarantine_shown, NULL, 30);
  trib_ui_test_iterate_until (run_finished, GUINT_TO_POINTER (10), 30);
  for (guint i = 0; i < page->runs->len; i++)
    g_assert_cmpint (trib_schedule_run_get_state (g_ptr_array_index (page->runs, i)), ==, TRIB_SCHEDULE_RUN_FAILED);
  g_assert_nonnull (strstr (gtk_label_get_label (page->quarantine_label), "10 consecutive"));
  g_assert_nonnull (strstr (gtk_label_get_label (page->quarantine_label), "luma_ordres"));
  g_assert_false (gtk_widget_get_visible (page->enable_button));
  shots ("quarantined", TRUE, FALSE);

  /* The way out. */
  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.enable", NULL);
  trib_ui_test_iterate_until (shown_in_state, GINT_TO_POINTER (TRIB_QUERY_SCHEDULE_ENABLED), 20);
  g_assert_false (gtk_widget_get_visible (page->quarantine_group));
}

static gboolean
older_runs_offered (gpointer data)
{
  return !page->runs_loading && page->runs->len == 10 && gtk_widget_get_visible (page->more_runs_button);
}

static gboolean
older_runs_shown (gpointer data)
{
  return !page->runs_loading && page->runs->len == GPOINTER_TO_UINT (data) &&
         !gtk_widget_get_visible (page->more_runs_button);
}

/* Twelve runs: the details show the newest ten and offer the older ones,
 * read from the platform's next page of runs. */
static void
older_runs (void)
{
  g_autofree char *path = g_strconcat (SCHEDULES_PATH "/", trib_query_schedule_get_id (page->shown), "/runs",
                                       NULL);
  g_autoptr(GPtrArray) lists = NULL;
  gboolean second_page = FALSE;

  for (guint i = 1; i <= 2; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "schedules.run-now", NULL);
      trib_ui_test_iterate_until (idle, NULL, 10);
    }
  trib_ui_test_iterate_until (run_finished, GUINT_TO_POINTER (10), 30);
  trib_ui_test_iterate_until (older_runs_offered, NULL, 30);
  g_assert_cmpuint (gtk_list_box_get_row_at_index (page->runs_list, 10) == NULL, ==, TRUE);

  json_node_unref (sim_control ("DELETE", "/__sim/requests", NULL));
  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.more-runs", NULL);
  trib_ui_test_iterate_until (older_runs_shown, GUINT_TO_POINTER (12), 30);
  g_assert_nonnull (gtk_list_box_get_row_at_index (page->runs_list, 11));
  lists = requests ("GET", path);
  for (guint i = 0; i < lists->len; i++)
    {
      const char *query = json_object_get_string_member_with_default (g_ptr_array_index (lists, i), "query", "");

      second_page |= strstr (query, "start=10") != NULL;
    }
  g_assert_true (second_page);
}

static GtkWindow *
find_message_dialog (void)
{
  return trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
}

static gboolean
message_dialog_open (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
back_on_list (gpointer data)
{
  return !page->busy && page->shown == NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (page->view_stack), "list") == 0;
}

/* An enabled schedule: disabled first, then deleted, as said. */
static void
delete_enabled (void)
{
  g_autofree char *id = g_strdup (trib_query_schedule_get_id (page->shown));
  g_autofree char *path = g_strconcat (SCHEDULES_PATH "/", id, NULL);
  g_autoptr(JsonNode) log = NULL;
  AdwMessageDialog *dialog;
  JsonArray *all;
  int disabled_at = -1;
  int deleted_at = -1;

  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.delete", NULL);
  trib_ui_test_iterate_until (message_dialog_open, NULL, 10);
  dialog = ADW_MESSAGE_DIALOG (find_message_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "disabled first"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "delete"), ==, "_Disable and Delete");

  json_node_unref (sim_control ("DELETE", "/__sim/requests", NULL));
  adw_message_dialog_response (dialog, "delete");
  trib_ui_test_iterate_until (back_on_list, NULL, 20);

  log = sim_control ("GET", "/__sim/requests", NULL);
  all = json_object_get_array_member (json_node_get_object (log), "requests");
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *request = json_array_get_object_element (all, i);

      if (g_strcmp0 (json_object_get_string_member (request, "path"), path) != 0)
        continue;
      if (g_str_equal (json_object_get_string_member (request, "method"), "PATCH"))
        {
          JsonArray *patch = json_object_get_array_member (json_object_get_object_member (request, "body"), "body");
          JsonObject *op = json_array_get_object_element (patch, 0);

          g_assert_cmpstr (json_object_get_string_member (op, "path"), ==, "/state");
          g_assert_cmpstr (json_object_get_string_member (op, "value"), ==, "disable");
          disabled_at = i;
        }
      else if (g_str_equal (json_object_get_string_member (request, "method"), "DELETE"))
        {
          g_assert_cmpuint (json_object_get_int_member (request, "status"), ==, 202);
          deleted_at = i;
        }
    }
  g_assert_cmpint (disabled_at, >=, 0);
  g_assert_cmpint (deleted_at, >, disabled_at);
}

static gboolean
list_replaced (gpointer data)
{
  return page->list != data;
}

static gboolean
page_shown (gpointer data)
{
  return page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page));
}

static void
test_schedules (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribQueryPage *query_page;
  g_autofree char *cron = NULL;
  g_autofree char *broken_cron = NULL;
  TribPagedList *before;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  started = g_get_monotonic_time ();
  window = trib_ui_test_open_demo (app, 120);
  step ("Signed in to the demo");
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 900);
  /* No run comes from the clock: only those started here. */
  json_node_unref (sim_control ("POST", "/__sim/clock", "{\"speed\": 0}"));

  query_page = trib_ui_query_show_page (GTK_WIDGET (window));
  step ("Scheduling from the editor");
  cron = schedule_from_editor (query_page, "Luma daily orders", GOOD_SQL, TRUE);
  step ("Statements that write a table refused");
  refused_sql (query_page);
  broken_cron = schedule_from_editor (query_page, "Broken orders", BROKEN_SQL, FALSE);

  step ("The Schedules page");
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+9");
  page = TRIB_SCHEDULES_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEDULES_PAGE, NULL));
  g_assert_nonnull (page);
  trib_ui_test_iterate_until (page_shown, NULL, 10);
  trib_ui_test_iterate_until (listed, GUINT_TO_POINTER (2), 20);
  shots ("list", FALSE, FALSE);

  step ("A run started by hand");
  open_details ("Luma daily orders");
  g_assert_cmpstr (adw_action_row_get_subtitle (page->cron_row), ==, cron);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (page->next_row), "UTC)"));
  run_now ();
  shots ("detail", FALSE, TRUE);
  step ("A new frequency");
  edit_frequency ();
  gtk_widget_activate_action (GTK_WIDGET (page), "schedules.back", NULL);
  trib_ui_test_iterate_until (row_shows_runs, (gpointer)"Luma daily orders", 20);

  step ("Quarantine");
  open_details ("Broken orders");
  quarantine ();

  step ("Older runs, a page at a time");
  older_runs ();

  step ("Delete, disabling first");
  delete_enabled ();
  trib_ui_test_iterate_until (listed, GUINT_TO_POINTER (1), 20);
  g_assert_null (find_row ("Broken orders"));

  /* Reload (F5) reads them again. */
  before = page->list;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  trib_ui_test_iterate_until (list_replaced, before, 10);
  trib_ui_test_iterate_until (listed, GUINT_TO_POINTER (1), 20);

  step ("Done");
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/schedules", test_schedules);

  return g_test_run ();
}
