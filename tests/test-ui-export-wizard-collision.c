/* test-ui-export-wizard-collision.c
 *
 * The collision check inside the Export Datasets wizard, on the demo
 * platform (tributary-sim and its real PostgreSQL): a statement typed in
 * the query page is scheduled with Ctrl+Alt+S, daily at midnight UTC
 * into a new dataset, "Wizard collision orders", and run twice; the wizard is
 * opened with that dataset, a new S3 account, and on the schedule step
 * an export every three hours from the next midnight UTC, when the
 * query runs. The step shows the query against the export on the
 * 48-hour timeline with the warning naming 00:00 UTC; "Use Suggested
 * Time" moves the start typed in the wizard and the check is clear.
 * A dataset no schedule writes shows no check. Screenshots light and
 * dark, 600 and 1400 pixels wide.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-export-wizard-private.h"
#include "trib-query-schedules.h"
#include "trib-schedule-dialog-private.h"
#include "trib-schedule-timeline.h"
#include "trib-secret-row.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"
#include "trib-ui-query-test.h"
#include "trib-ui-test.h"

#define DAY_MS ((gint64) 24 * 60 * 60 * 1000)
#define DATASET "Wizard collision orders"

typedef struct
{
  TribExportWizard *wizard;
  const char *step;
} StepWait;

static gboolean
step_reached (gpointer data)
{
  StepWait *wait = data;

  return !trib_export_wizard_get_busy (wait->wizard) &&
         g_strcmp0 (trib_export_wizard_get_step (wait->wizard), wait->step) == 0;
}

static void
press_next (TribExportWizard *wizard,
            const char       *expected_step)
{
  StepWait wait = { wizard, expected_step };

  g_assert_null (trib_export_wizard_get_problem (wizard));
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "ctrl+Return");
  trib_ui_test_iterate_until (step_reached, &wait, 30);
  trib_ui_test_settle ();
}

static gboolean
loaded (gpointer data)
{
  const char *problem = trib_export_wizard_get_problem (data);

  return !trib_export_wizard_get_busy (data) && (problem == NULL || strstr (problem, "…") == NULL);
}

static gboolean
chosen (gpointer data)
{
  return trib_ui_test_has_label (GTK_WIDGET (data), "1 dataset chosen", FALSE);
}

static gboolean
schedules_read (gpointer data)
{
  return ((TribExportWizard *) data)->collision_schedules != NULL;
}

static TribScheduleTimeline *
find_timeline (TribExportWizard *wizard)
{
  return (TribScheduleTimeline *) trib_ui_test_find_any (GTK_WIDGET (wizard->collision_box),
                                                          TRIB_TYPE_SCHEDULE_TIMELINE);
}

static gboolean
warned (gpointer data)
{
  TribScheduleTimeline *timeline = find_timeline (data);

  return timeline != NULL && gtk_widget_get_mapped (GTK_WIDGET (timeline)) &&
         trib_schedule_timeline_get_n_warnings (timeline) > 0;
}

static gboolean
clear (gpointer data)
{
  TribScheduleTimeline *timeline = find_timeline (data);

  return timeline != NULL && gtk_widget_get_mapped (GTK_WIDGET (timeline)) &&
         trib_schedule_timeline_get_n_warnings (timeline) == 0;
}

/* The schedule page scrolled to the check, for the screenshots. */
static void
scroll_to_check (TribExportWizard *wizard)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (wizard->collision_box), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  trib_ui_test_settle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  trib_ui_test_settle ();
}

static void
shoot (TribExportWizard *wizard,
       const char       *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *wide_light = g_strdup_printf ("export-wizard-collision-%s-1400-light.png", name);
  g_autofree char *wide_dark = g_strdup_printf ("export-wizard-collision-%s-1400-dark.png", name);
  g_autofree char *narrow_light = g_strdup_printf ("export-wizard-collision-%s-600-light.png", name);
  g_autofree char *narrow_dark = g_strdup_printf ("export-wizard-collision-%s-600-dark.png", name);

  trib_ui_test_resize (GTK_WIDGET (wizard), 1400, 900);
  scroll_to_check (wizard);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_dark);
  trib_ui_test_resize (GTK_WIDGET (wizard), 600, 900);
  scroll_to_check (wizard);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The timeline keeps to the narrow window's width. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 620);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (find_timeline (wizard))), <=, 600);
}

static char *
find_dataset (TribPlatformClient *client,
              const char         *regex)
{
  g_autofree char *path = g_strdup_printf ("/data/foundation/catalog/dataSets?property=name~%s", regex);
  g_autoptr(JsonNode) datasets = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) error = NULL;

  datasets = trib_test_call (client, "GET", path, NULL, &error);
  g_assert_no_error (error);
  members = json_object_get_members (json_node_get_object (datasets));
  g_assert_cmpuint (g_list_length (members), ==, 1);

  return g_strdup (members->data);
}

static void
schedules_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, NULL));
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Seed 001's first half as a user does it: the statement typed in the
 * query page, Ctrl+Alt+S, a new dataset named after it, a cron at
 * midnight UTC. Returns the schedule's id, read back from the platform.
 */
static char *
schedule_from_editor (TribWindow         *window,
                      TribPlatformClient *client)
{
  TribQueryPage *query_page = trib_ui_query_show_page (GTK_WIDGET (window));
  g_autoptr(TribPagedList) schedules = NULL;
  TribScheduleDialog *dialog;
  gboolean loaded_all = FALSE;

  trib_ui_query_type_and_run (GTK_WIDGET (window), trib_query_page_get_current_editor (query_page),
                              "SELECT order_id, total FROM luma_orders WHERE total > 500", "ctrl+alt+s");
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_open, NULL, 10);
  dialog = TRIB_SCHEDULE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, NULL));
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), DATASET);
  gtk_editable_set_text (GTK_EDITABLE (dialog->dataset_name_row), DATASET);
  gtk_editable_set_text (GTK_EDITABLE (dialog->cron_row), "0 0 * * *");
  trib_ui_test_settle ();
  g_assert_true (gtk_widget_is_sensitive (dialog->save_button));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  trib_ui_test_iterate_until (trib_ui_query_schedule_dialog_closed, NULL, 20);

  schedules = trib_query_schedules_list (client);
  trib_paged_list_load_all_async (schedules, NULL, schedules_loaded_cb, &loaded_all);
  trib_ui_test_iterate_until (flag_set, &loaded_all, 20);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (schedules)); i++)
    {
      g_autoptr(TribQuerySchedule) schedule = g_list_model_get_item (G_LIST_MODEL (schedules), i);

      if (g_strcmp0 (trib_query_schedule_get_name (schedule), DATASET) == 0)
        return g_strdup (trib_query_schedule_get_id (schedule));
    }
  g_assert_not_reached ();
  return NULL;
}

static TribExportWizard *
open_wizard (TribWindow         *window,
             const char * const *dataset_ids)
{
  TribExportWizard *wizard = trib_export_wizard_new (trib_window_get_session (window), dataset_ids);

  gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (wizard));
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, wizard, 10);
  trib_ui_test_iterate_until (loaded, wizard, 30);
  return wizard;
}

/* Destination, datasets, files: up to the schedule step. */
static void
to_schedule (TribExportWizard *wizard)
{
  GtkWidget *row = trib_ui_test_find_row (GTK_WIDGET (wizard), "Account");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))) - 1);
  trib_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Account Name")),
                         "Collision exports");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Access key ID")),
                         "AKIATRIBUTARYDEMO001");
  trib_secret_row_set_secret (TRIB_SECRET_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Secret access key")),
                              "tributary/Demo+S3/secret0123456789abcdef");
  trib_ui_test_settle ();
  press_next (wizard, "datasets");
  trib_ui_test_iterate_until (chosen, wizard, 30);
  press_next (wizard, "files");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Bucket")), "luma-exports");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Folder Path")), "collision");
  trib_ui_test_settle ();
  press_next (wizard, "schedule");
}

static void
set_start (TribExportWizard *wizard,
           gint64            start_ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start_ms / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

  gtk_editable_set_text (GTK_EDITABLE (wizard->start_row), text);
  trib_ui_test_settle ();
}

static void
test_collision (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *schedule_id = NULL;
  g_autofree char *dataset_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *moved = NULL;
  TribPlatformClient *client;
  TribExportWizard *wizard;
  GtkWidget *button;
  gint64 next_midnight;
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 120);
  client = trib_session_get_client (trib_window_get_session (window));

  /* The scheduled CTAS, made in the query page and run twice by hand:
   * its dataset exists, and its runs have durations. */
  schedule_id = schedule_from_editor (window, client);
  g_object_unref (trib_test_query_wait_schedule (client, schedule_id, TRIB_QUERY_SCHEDULE_ENABLED));
  for (guint i = 1; i <= 2; i++)
    {
      g_assert_true (trib_test_query_trigger (client, schedule_id, &error));
      g_assert_no_error (error);
      g_object_unref (trib_test_query_wait_runs (client, schedule_id, i));
    }
  dataset_id = find_dataset (client, "%5EWizard%20collision%20orders%24");

  /* Every three hours from midnight UTC, when the daily query runs. */
  wizard = open_wizard (window, (const char * const[]) { dataset_id, NULL });
  to_schedule (wizard);
  adw_combo_row_set_selected (wizard->frequency_row, TRIB_EXPORT_EVERY_3_HOURS);
  next_midnight = (g_date_time_to_unix (now) * 1000 / DAY_MS + 1) * DAY_MS;
  set_start (wizard, next_midnight);
  trib_ui_test_iterate_until (warned, wizard, 40);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard->collision_group)));
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (find_timeline (wizard)), "00:00 UTC"));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard->collision_box), DATASET, TRUE));
  /* A warning does not stop the export: the user decides. */
  g_assert_null (trib_export_wizard_get_problem (wizard));
  shoot (wizard, "warning");

  /* The suggestion moves the start typed here; nothing is sent. */
  button = trib_ui_test_find_button (GTK_WIDGET (wizard->collision_box), "_Use Suggested Time");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trib_ui_test_iterate_until (clear, wizard, 40);
  moved = g_strdup (gtk_editable_get_text (GTK_EDITABLE (wizard->start_row)));
  g_assert_null (trib_ui_test_find_button (GTK_WIDGET (wizard->collision_box), "_Use Suggested Time"));
  g_assert_null (trib_export_wizard_get_problem (wizard));
  shoot (wizard, "clear");

  /* Daily from the same midnight meets the query again, as it is chosen. */
  set_start (wizard, next_midnight);
  adw_combo_row_set_selected (wizard->frequency_row, TRIB_EXPORT_DAILY);
  trib_ui_test_iterate_until (warned, wizard, 40);
  gtk_editable_set_text (GTK_EDITABLE (wizard->start_row), moved);
  trib_ui_test_iterate_until (clear, wizard, 40);
  press_next (wizard, "review");
  gtk_window_destroy (GTK_WINDOW (wizard));
  trib_ui_test_settle ();

  /* A dataset no query writes: no check is shown. */
  other_id = find_dataset (client, "%5ELuma%20Orders%24");
  wizard = open_wizard (window, (const char * const[]) { other_id, NULL });
  to_schedule (wizard);
  set_start (wizard, next_midnight);
  trib_ui_test_iterate_until (schedules_read, wizard, 30);
  trib_ui_test_settle ();
  g_assert_cmpuint (wizard->collision_schedules->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wizard->collision_group)));
  g_assert_null (find_timeline (wizard));
  gtk_window_destroy (GTK_WINDOW (wizard));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *setups = g_dir_make_tmp ("export-collision-setups-XXXXXX", NULL);
  int status;

  g_setenv ("TRIBUTARY_SETUPS_DIR", setups, TRUE);
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/export-wizard-collision", test_collision);

  status = g_test_run ();
  g_rmdir (setups);

  return status;
}
