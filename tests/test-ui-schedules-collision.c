/* test-ui-schedules-collision.c
 *
 * The collision check on the Schedules page, on the demo platform
 * (tributary-sim and its real PostgreSQL): a scheduled CTAS with two
 * runs, an incremental export of its output dataset every three hours
 * from the next midnight, when the daily query runs. Its details show
 * the export against the runs with the warning, and "Use Suggested
 * Time" moves the export on the platform until nothing meets a run.
 * Then the schedule is edited to run five minutes before the moved
 * export, and the Schedule dialog warns as the cron is typed.
 * Screenshots light at 1400 and dark at 600 pixels.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-flow-service-flows.h"
#include "trib-schedule-dialog-private.h"
#include "trib-schedule-timeline.h"
#include "trib-schedules-page-private.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"
#include "trib-ui-test.h"

#define FLOW_SERVICE "/data/foundation/flowservice"
#define S3_DESTINATION "4fce964d-3f37-408f-9778-e597338a21ee"
#define S3_DATASET_FLOW "269ba276-16fc-47db-92b0-c1049a3c131f"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define DAY_MS ((gint64) 24 * 60 * 60 * 1000)
#define DATASET "Collision orders"

static TribWindow *window;
static TribSchedulesPage *page;

static char *
create (TribPlatformClient *client,
        const char         *path,
        const char         *json)
{
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (body);
  reply = trib_test_call (client, "POST", path, body, &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
}

static void
create_export (TribPlatformClient *client,
               gint64              start_ms)
{
  g_autoptr(JsonNode) datasets = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonArray) transformations = json_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *source_json = NULL;
  g_autofree char *target_json = NULL;
  g_autofree char *flow_id = NULL;

  datasets = trib_test_call (client, "GET", "/data/foundation/catalog/dataSets?property=name~%5ECollision%20orders%24",
                             NULL, &error);
  g_assert_no_error (error);
  members = json_object_get_members (json_node_get_object (datasets));
  g_assert_cmpuint (g_list_length (members), ==, 1);

  base = create (client, FLOW_SERVICE "/connections",
                 "{\"name\": \"Collision exports\", \"auth\": {\"specName\": \"Access Key\", \"params\": {"
                 "\"s3AccessKey\": \"AKIATRIBUTARYDEMO001\", \"s3SecretKey\": "
                 "\"tributary/Demo+S3/secret0123456789abcdef\"}}, \"connectionSpec\": {\"id\": \"" S3_DESTINATION
                 "\", \"version\": \"1.0\"}}");
  source_json = g_strdup_printf ("{\"name\": \"" DATASET "\", \"connectionSpec\": {\"id\": \"" EXPORT_SOURCE "\", "
                                 "\"version\": \"1.0\"}, \"params\": {\"datasets\": [{\"dataSetId\": \"%s\", "
                                 "\"name\": \"" DATASET "\"}]}}", (const char *) members->data);
  source = create (client, FLOW_SERVICE "/sourceConnections", source_json);
  target_json = g_strdup_printf ("{\"name\": \"Collision bucket\", \"baseConnectionId\": \"%s\", \"connectionSpec\": "
                                 "{\"id\": \"" S3_DESTINATION "\", \"version\": \"1.0\"}, \"params\": {\"mode\": "
                                 "\"Server-to-server\", \"path\": \"exports\", \"bucketName\": \"luma-exports\", "
                                 "\"compression\": \"GZIP\", \"datasetFileType\": \"JSON\"}}", base);
  target = create (client, FLOW_SERVICE "/targetConnections", target_json);

  json_object_set_string_member (params, "exportMode", "FIRST_FULL_THEN_INCREMENTAL");
  json_object_set_string_member (params, "timeUnit", "hour");
  json_object_set_int_member (params, "interval", 3);
  json_object_set_int_member (params, "startTime", start_ms / 1000);
  trib_flow_service_create_flow_async (client, DATASET " to S3", S3_DATASET_FLOW, source, target, transformations,
                                       params, NULL, trib_test_result_cb, &result);
  flow_id = trib_flow_service_create_flow_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
}

static TribScheduleTimeline *
find_timeline (void)
{
  return (TribScheduleTimeline *) trib_ui_test_find_any (GTK_WIDGET (page->collision_box),
                                                          TRIB_TYPE_SCHEDULE_TIMELINE);
}

static gboolean
warned (gpointer data)
{
  TribScheduleTimeline *timeline = find_timeline ();

  return timeline != NULL && gtk_widget_get_mapped (GTK_WIDGET (timeline)) &&
         trib_schedule_timeline_get_n_warnings (timeline) > 0;
}

static gboolean
clear (gpointer data)
{
  TribScheduleTimeline *timeline = find_timeline ();

  return timeline != NULL && gtk_widget_get_mapped (GTK_WIDGET (timeline)) &&
         trib_schedule_timeline_get_n_warnings (timeline) == 0;
}

static gboolean
dialog_warned (gpointer data)
{
  TribScheduleTimeline *timeline = trib_ui_test_find_any (GTK_WIDGET (data), TRIB_TYPE_SCHEDULE_TIMELINE);

  return timeline != NULL && trib_schedule_timeline_get_n_warnings (timeline) > 0;
}

static void
shots (const char *what)
{
  g_autofree char *light = g_strdup_printf ("schedules-collision-%s-1400-light.png", what);
  g_autofree char *dark = g_strdup_printf ("schedules-collision-%s-600-dark.png", what);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 1000);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_resize (GTK_WIDGET (window), 600, 1000);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 1000);
}

static void
test_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;
  TribQueryScheduleDraft draft = { 0 };
  TribScheduleDialog *dialog;
  GtkWidget *button;
  gint64 next_midnight;

  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 1000);
  client = trib_session_get_client (trib_window_get_session (window));

  /* The scheduled CTAS and two runs of it, started by hand. */
  draft.name = DATASET;
  draft.database = "prod:all";
  draft.sql = "SELECT order_id, total FROM luma_orders WHERE total > 500";
  draft.output = TRIB_QUERY_OUTPUT_NEW_DATASET;
  draft.dataset_name = DATASET;
  draft.cron = "@daily";
  draft.start = now;
  schedule = trib_test_query_create_schedule (client, &draft, &error);
  g_assert_no_error (error);
  g_object_unref (trib_test_query_wait_schedule (client, trib_query_schedule_get_id (schedule),
                                                 TRIB_QUERY_SCHEDULE_ENABLED));
  for (guint i = 1; i <= 2; i++)
    {
      g_assert_true (trib_test_query_trigger (client, trib_query_schedule_get_id (schedule), &error));
      g_assert_no_error (error);
      g_object_unref (trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), i));
    }

  /* Every three hours from midnight UTC, when the daily query runs. */
  next_midnight = (g_date_time_to_unix (now) * 1000 / DAY_MS + 1) * DAY_MS;
  create_export (client, next_midnight);

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+9");
  page = TRIB_SCHEDULES_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEDULES_PAGE, NULL));
  g_assert_nonnull (page);
  _trib_schedules_page_show_details (page, trib_query_schedule_get_id (schedule));
  trib_ui_test_iterate_until (warned, NULL, 40);
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (find_timeline ()), "00:00 UTC"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->collision_group)));
  shots ("warning");

  /* The suggested start, taken on the platform: the check is clear. */
  button = trib_ui_test_find_button (GTK_WIDGET (page->collision_box), "_Use Suggested Time");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trib_ui_test_iterate_until (clear, NULL, 40);
  g_assert_null (trib_ui_test_find_button (GTK_WIDGET (page->collision_box), "_Use Suggested Time"));
  shots ("clear");

  /* Edited to run at 23:50 UTC: the moved export's 23:55 tick is now
   * within the margin, and the dialog says so as the cron is typed. */
  _trib_schedules_page_edit (page);
  dialog = TRIB_SCHEDULE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  trib_ui_test_resize (GTK_WIDGET (dialog), 600, 900);
  gtk_editable_set_text (GTK_EDITABLE (dialog->cron_row), "50 23 * * *");
  trib_ui_test_iterate_until (dialog_warned, dialog, 40);
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (trib_ui_test_find_any (GTK_WIDGET (dialog),
                                                                                       TRIB_TYPE_SCHEDULE_TIMELINE)),
                            "23:50 UTC"));
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (trib_ui_test_find_any (GTK_WIDGET (dialog),
                                                                                      TRIB_TYPE_SCHEDULE_TIMELINE)),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    /* Scrolled to the check, for the screenshot. */
    trib_ui_test_settle ();
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schedules-collision-dialog-600-light.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/schedules-collision", test_page);

  return g_test_run ();
}
