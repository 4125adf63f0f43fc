/* test-ui-schedule-timeline.c
 *
 * The collision timeline on real data from tributary-sim, with its real
 * PostgreSQL: a scheduled CTAS writing an output dataset, two of its
 * runs on the simulator's clock (their durations those of the real
 * execution), and an incremental export of that dataset to S3 every
 * three hours from the query's next run, read back as the platform
 * stores it. The timeline must warn about the ticks that meet the runs,
 * say so to a screen reader, offer a start that is clear, and show that
 * start clear once taken on the platform. Screenshots light and dark,
 * wide and narrow.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-export-pairs.h"
#include "trib-flow-service-flows.h"
#include "trib-schedule-timeline.h"
#include "trib-test-distiller.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"
#include "trib-ui-test.h"

#define FLOW_SERVICE "/data/foundation/flowservice"
#define S3_DESTINATION "4fce964d-3f37-408f-9778-e597338a21ee"
#define S3_DATASET_FLOW "269ba276-16fc-47db-92b0-c1049a3c131f"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define DAY_MS ((gint64) 24 * 60 * 60 * 1000)

static TribTestDistiller *world;
static char *export_dir;

static char *
create (const char *path,
        const char *json)
{
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (body);
  reply = trib_test_call (world->client, "POST", path, body, &error);
  g_assert_no_error (error);

  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
}

static char *
find_dataset (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/data/foundation/catalog/dataSets?property=name~%%5E%s%%24", name);
  g_autoptr(JsonNode) datasets = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) error = NULL;

  datasets = trib_test_call (world->client, "GET", path, NULL, &error);
  g_assert_no_error (error);
  members = json_object_get_members (json_node_get_object (datasets));
  g_assert_cmpuint (g_list_length (members), ==, 1);

  return g_strdup (members->data);
}

/* The export, made as the wizard makes it; its flow created and read
 * back through the platform calls. */
static TribFlow *
create_export (const char *dataset_id,
               const char *listed_name,
               gint64      start_ms)
{
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *source_json = NULL;
  g_autofree char *target_json = NULL;
  g_autofree char *flow_id = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonArray) transformations = json_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribFlow *flow;

  base = create (FLOW_SERVICE "/connections",
                 "{\"name\": \"Luma exports\", \"auth\": {\"specName\": \"Access Key\", \"params\": {"
                 "\"s3AccessKey\": \"AKIATRIBUTARYDEMO001\", \"s3SecretKey\": "
                 "\"tributary/Demo+S3/secret0123456789abcdef\"}}, \"connectionSpec\": {\"id\": \"" S3_DESTINATION
                 "\", \"version\": \"1.0\"}}");
  source_json = g_strdup_printf ("{\"name\": \"Big orders\", \"connectionSpec\": {\"id\": \"" EXPORT_SOURCE "\", "
                                 "\"version\": \"1.0\"}, \"params\": {\"datasets\": [{\"dataSetId\": \"%s\", "
                                 "\"name\": \"%s\"}]}}", dataset_id, listed_name);
  source = create (FLOW_SERVICE "/sourceConnections", source_json);
  target_json = g_strdup_printf ("{\"name\": \"Luma bucket\", \"baseConnectionId\": \"%s\", \"connectionSpec\": "
                                 "{\"id\": \"" S3_DESTINATION "\", \"version\": \"1.0\"}, \"params\": {\"mode\": "
                                 "\"Server-to-server\", \"path\": \"exports\", \"bucketName\": \"luma-exports\", "
                                 "\"compression\": \"GZIP\", \"datasetFileType\": \"JSON\"}}", base);
  target = create (FLOW_SERVICE "/targetConnections", target_json);

  json_object_set_string_member (params, "exportMode", "FIRST_FULL_THEN_INCREMENTAL");
  json_object_set_string_member (params, "timeUnit", "hour");
  json_object_set_int_member (params, "interval", 3);
  json_object_set_int_member (params, "startTime", start_ms / 1000);
  trib_flow_service_create_flow_async (world->client, "Big orders to S3", S3_DATASET_FLOW, source, target,
                                       transformations, params, NULL, trib_test_result_cb, &result);
  flow_id = trib_flow_service_create_flow_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  trib_flow_service_get_flow_async (world->client, flow_id, NULL, trib_test_result_cb, &result);
  flow = trib_flow_service_get_flow_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return flow;
}

static void
shoot (GtkWidget  *window,
       int         width,
       gboolean    dark,
       const char *name)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_resize (window, width, 360);
  trib_ui_test_save_screenshot (window, name);
}

static void
show_check (TribScheduleTimeline      *timeline,
            GtkLabel                  *summary,
            const TribCollisionQuery  *query,
            const TribCollisionExport *export,
            gint64                     window_start)
{
  g_autoptr(GError) error = NULL;
  TribCollisionRuns *runs = trib_collision_runs_new (query, window_start, TRIB_COLLISION_DEFAULT_MARGIN_MS, &error);
  g_autoptr(GArray) ticks = NULL;

  g_assert_no_error (error);
  ticks = trib_collision_ticks (export, window_start);
  trib_schedule_timeline_set_check (timeline, runs,
                                    trib_collision_check (runs, export, ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS));
  gtk_label_set_text (summary, trib_schedule_timeline_get_summary (timeline));
}

static void
test_timeline (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(TribQuerySchedule) stored = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(TribFlow) created = NULL;
  g_autoptr(TribFlow) renamed = NULL;
  g_autoptr(TribFlow) impostor = NULL;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_id = NULL;
  TribQueryScheduleDraft draft = { 0 };
  TribCollisionQuery query = { 0 };
  TribCollisionExport export;
  TribScheduleTimeline *timeline;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *summary;
  gint64 window_start;
  gint64 next_run;
  gint64 suggested;

  /* The scheduled CTAS and two of its runs, a day apart. */
  draft.name = "Big orders";
  draft.database = "prod:all";
  draft.sql = "SELECT order_id, total FROM luma_orders WHERE total > 500";
  draft.output = TRIB_QUERY_OUTPUT_NEW_DATASET;
  draft.dataset_name = "Big orders";
  draft.cron = "@daily";
  draft.start = now;
  schedule = trib_test_query_create_schedule (client, &draft, &error);
  g_assert_no_error (error);
  g_object_unref (trib_test_query_wait_schedule (client, trib_query_schedule_get_id (schedule),
                                                 TRIB_QUERY_SCHEDULE_ENABLED));
  trib_test_sim_clock (world->sim, -1, DAY_MS / 60000);
  g_object_unref (trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 1));
  window_start = trib_test_sim_clock (world->sim, -1, DAY_MS / 60000);
  runs = trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 2);

  /* Their durations, oldest first, from each run's detail. */
  for (guint i = g_list_model_get_n_items (runs); i > 0; i--)
    {
      g_autoptr(TribScheduleRun) listed = g_list_model_get_item (runs, i - 1);
      g_autoptr(TribScheduleRun) run = trib_test_query_get_run (client, trib_query_schedule_get_id (schedule),
                                                                trib_schedule_run_get_id (listed));
      gint64 duration = trib_schedule_run_get_duration_ms (run);

      g_assert_cmpint (duration, >=, 0);
      g_array_append_val (durations, duration);
    }

  /* The schedule as the platform holds it. */
  stored = trib_test_query_get_schedule (client, trib_query_schedule_get_id (schedule));
  query.cron = trib_query_schedule_get_cron (stored);
  query.start_ms = g_date_time_to_unix (trib_query_schedule_get_start (stored)) * 1000;
  query.end_ms = trib_query_schedule_get_end (stored) != NULL
    ? g_date_time_to_unix (trib_query_schedule_get_end (stored)) * 1000 : -1;
  query.durations_ms = (const gint64 *) (gpointer) durations->data;
  query.n_durations = durations->len;
  g_assert_cmpstr (query.cron, ==, "@daily");

  /* Every three hours from the query's next run: seed 001's trap. */
  next_run = (window_start / DAY_MS + 1) * DAY_MS;
  dataset_id = find_dataset ("Big%20orders");
  created = create_export (dataset_id, "Big orders", next_run);
  /* The same dataset recorded under an older name, and another dataset
   * recorded under this one's name. */
  renamed = create_export (dataset_id, "Big orders (before renaming)", next_run);
  impostor = create_export (find_dataset ("Luma%20Orders"), "Big orders", next_run);

  /* Found again as the Schedules page finds it: from the dataset's name,
   * which the Catalog turns into its id, matched on the exports' dataSetId. */
  trib_export_pairs_find_async (client, "Big orders", NULL, trib_test_result_cb, &result);
  pairs = trib_export_pairs_find_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  for (guint i = 0; i < pairs->len; i++)
    {
      const char *id = trib_flow_get_id (g_ptr_array_index (pairs, i));

      g_assert_cmpstr (id, !=, trib_flow_get_id (impostor));
      if (g_strcmp0 (id, trib_flow_get_id (created)) == 0)
        flow = g_object_ref (g_ptr_array_index (pairs, i));
      else
        g_assert_cmpstr (id, ==, trib_flow_get_id (renamed));
    }
  g_assert_nonnull (flow);
  g_clear_pointer (&pairs, g_ptr_array_unref);

  /* No dataset has that name (an id given instead): matched as recorded. */
  g_clear_object (&result);
  trib_export_pairs_find_async (client, dataset_id, NULL, trib_test_result_cb, &result);
  pairs = trib_export_pairs_find_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_clear_object (&result);
  g_assert_true (trib_collision_export_from_params (trib_flow_get_schedule_params (flow), &export, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (export.interval_hours, ==, 3);
  g_assert_true (export.incremental);
  g_assert_cmpint (export.start_ms, ==, next_run);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Big orders → S3");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  timeline = TRIB_SCHEDULE_TIMELINE (trib_schedule_timeline_new ());
  trib_schedule_timeline_set_zone (timeline, paris);
  summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
  gtk_box_append (GTK_BOX (box), summary);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  show_check (timeline, GTK_LABEL (summary), &query, &export, window_start);

  /* The ticks at the runs' midnights meet them, and are named. */
  g_assert_cmpuint (trib_schedule_timeline_get_n_warnings (timeline), >=, 1);
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (timeline), "00:00 UTC (01:00 CET)"));
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (timeline), "Nearest safe export start"));

  shoot (window, 960, FALSE, "schedule-timeline-wide-light.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), >, 900);
  shoot (window, 960, TRUE, "schedule-timeline-wide-dark.png");
  shoot (window, 360, FALSE, "schedule-timeline-narrow-light.png");
  shoot (window, 360, TRUE, "schedule-timeline-narrow-dark.png");

  /* The suggested start, taken: nothing meets the runs any more. */
  suggested = trib_schedule_timeline_get_suggested_start (timeline);
  g_assert_cmpint (suggested, >, window_start);
  {
    g_autoptr(TribFlow) moved = NULL;
    g_autofree char *etag = NULL;

    /* Taken on the platform, and read back from it. */
    g_clear_object (&result);
    trib_export_pairs_set_start_async (client, flow, suggested, NULL, trib_test_result_cb, &result);
    etag = trib_export_pairs_set_start_finish (trib_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_nonnull (etag);
    g_clear_object (&result);
    trib_flow_service_get_flow_async (client, trib_flow_get_id (flow), NULL, trib_test_result_cb, &result);
    moved = trib_flow_service_get_flow_finish (trib_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_true (trib_collision_export_from_params (trib_flow_get_schedule_params (moved), &export, &error));
    g_assert_cmpuint (export.interval_hours, ==, 3);
  }
  g_assert_cmpint (export.start_ms, ==, suggested);
  show_check (timeline, GTK_LABEL (summary), &query, &export, window_start);
  g_assert_cmpuint (trib_schedule_timeline_get_n_warnings (timeline), ==, 0);
  g_assert_nonnull (strstr (trib_schedule_timeline_get_summary (timeline), "No export in the next 48 hours"));
  shoot (window, 960, FALSE, "schedule-timeline-clear-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trib_ui_test_init (&argc, &argv);

  /* The folder standing for the bucket, though no export runs here. */
  export_dir = g_dir_make_tmp ("trib-exports-XXXXXX", NULL);
  g_setenv ("TRIBUTARY_SIM_EXPORT_DIR", export_dir, TRUE);
  world = trib_test_distiller_start ();

  g_test_add_func ("/ui/schedule-timeline/seed-001", test_timeline);

  status = g_test_run ();
  trib_test_distiller_stop (world);
  remove_tree (export_dir);
  g_free (export_dir);

  return status;
}
