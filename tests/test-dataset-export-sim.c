/* test-dataset-export-sim.c
 *
 * Seed 001's two schedulers in tributary-sim, over HTTP with its real
 * PostgreSQL: a scheduled CTAS writes an output dataset on the
 * simulator's clock, and an incremental export of that dataset to S3
 * every three hours writes JSON Lines, gzipped, into the local folder
 * that stands for the bucket, with the platform's layout
 * `{path}/{datasetId}/exportTime=YYYYMMDDHHMM/`: first every row, then
 * only those the second query run added. Export flows whose schedule is
 * not one of the valid combinations are refused.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-platform-error.h"
#include "trib-test-distiller.h"
#include "trib-test-platform.h"
#include "trib-test-query.h"

#define FLOW_SERVICE "/data/foundation/flowservice"
#define S3_DESTINATION "4fce964d-3f37-408f-9778-e597338a21ee"
#define S3_DATASET_FLOW "269ba276-16fc-47db-92b0-c1049a3c131f"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define DAY_SECONDS (24 * 60 * 60)

static TribTestDistiller *world;
static char *export_dir;

static gint64
query_number (const char *sql)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (world, "prod:all");
  g_autoptr(TribDistillerRun) run = trib_test_run_and_wait (session, sql);

  trib_test_assert_done (run);

  return g_ascii_strtoll (trib_test_first_value (run), NULL, 10);
}

/* POSTs @json and returns the new entity's id. */
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
flow_body (const char *source,
           const char *target,
           const char *mode,
           const char *unit,
           int         interval,
           gint64      start)
{
  return g_strdup_printf ("{\"name\": \"Big orders to S3\", \"flowSpec\": {\"id\": \"" S3_DATASET_FLOW "\", "
                          "\"version\": \"1.0\"}, \"sourceConnectionIds\": [\"%s\"], \"targetConnectionIds\": "
                          "[\"%s\"], \"transformations\": [], \"scheduleParams\": {\"exportMode\": \"%s\", "
                          "\"timeUnit\": \"%s\", \"interval\": %d, \"startTime\": %" G_GINT64_FORMAT "}}",
                          source, target, mode, unit, interval, start);
}

/* Lines in every file under @folder, gunzipped. */
static gint64
count_lines (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  gint64 lines = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
      g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GDataInputStream) data = NULL;
      char *line;

      g_assert_true (g_str_has_prefix (name, "part-"));
      g_assert_true (g_str_has_suffix (name, ".json.gz"));
      g_assert_nonnull (raw);
      stream = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
      data = g_data_input_stream_new (stream);
      while ((line = g_data_input_stream_read_line (data, NULL, NULL, NULL)))
        {
          g_autoptr(JsonNode) row = json_from_string (line, NULL);

          /* One object a line, with the query's columns. */
          g_assert_nonnull (row);
          g_assert_true (json_object_has_member (json_node_get_object (row), "order_id"));
          lines++;
          g_free (line);
        }
    }

  return lines;
}

/* The exportTime= folders of @dataset_id, oldest first. */
static GPtrArray *
list_exports (const char *dataset_id)
{
  g_autofree char *folder = g_build_filename (export_dir, "luma-exports", "exports", "daily", dataset_id, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *exports = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      /* exportTime=YYYYMMDDHHMM */
      g_assert_true (g_str_has_prefix (name, "exportTime="));
      g_assert_cmpuint (strlen (name), ==, strlen ("exportTime=") + 12);
      g_ptr_array_add (exports, g_build_filename (folder, name, NULL));
    }
  g_ptr_array_sort (exports, (GCompareFunc) g_strcmp0);

  return exports;
}

static gint64
wait_exported (const char *dataset_id,
               guint       first,
               gint64      expected)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GPtrArray) exports = list_exports (dataset_id);
      gint64 lines = 0;

      for (guint i = first; i < exports->len; i++)
        lines += count_lines (g_ptr_array_index (exports, i));
      if (lines >= expected)
        return lines;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      trib_test_query_sleep (100);
    }
}

static void
test_query_then_export (void)
{
  TribPlatformClient *client = world->client;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(JsonNode) datasets = NULL;
  g_autoptr(GPtrArray) exports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_id = NULL;
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *flow = NULL;
  g_autofree char *source_json = NULL;
  TribQueryScheduleDraft draft = { 0 };
  static const struct { const char *mode; const char *unit; int interval; } refused[] = {
    { "DAILY_FULL_EXPORT", "day", 1 }, { "DAILY_FULL_EXPORT", "hour", 3 },
    { "FIRST_FULL_THEN_INCREMENTAL", "hour", 8 }, { "FIRST_FULL_THEN_INCREMENTAL", "hour", 24 },
    { "FIRST_FULL_THEN_INCREMENTAL", "day", 3 }, { "FIRST_FULL_THEN_INCREMENTAL", "day", 0 },
    { "FIRST_FULL_THEN_INCREMENTAL", "minute", 15 }, { "EVERY_8_HOURS", "hour", 8 },
  };
  gint64 rows;

  /* The scheduled query and its first run, a day on. */
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
  trib_test_sim_clock (world->sim, -1, DAY_SECONDS / 60);
  runs = trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 1);
  rows = query_number ("SELECT count(*) FROM big_orders");
  g_assert_cmpint (rows, >, 0);

  datasets = trib_test_call (client, "GET", "/data/foundation/catalog/dataSets?property=name~%5EBig%20orders%24",
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (datasets)), ==, 1);
  {
    g_autoptr(GList) members = json_object_get_members (json_node_get_object (datasets));

    dataset_id = g_strdup (members->data);
  }

  /* The export: an S3 account, the dataset, where and how to write. */
  base = create (FLOW_SERVICE "/connections",
                 "{\"name\": \"Luma exports\", \"auth\": {\"specName\": \"Access Key\", \"params\": {"
                 "\"s3AccessKey\": \"AKIATRIBUTARYDEMO001\", \"s3SecretKey\": "
                 "\"tributary/Demo+S3/secret0123456789abcdef\"}}, \"connectionSpec\": {\"id\": \"" S3_DESTINATION
                 "\", \"version\": \"1.0\"}}");
  source_json = g_strdup_printf ("{\"name\": \"Big orders\", \"connectionSpec\": {\"id\": \"" EXPORT_SOURCE "\", "
                                 "\"version\": \"1.0\"}, \"params\": {\"datasets\": [{\"dataSetId\": \"%s\", "
                                 "\"name\": \"Big orders\"}]}}", dataset_id);
  source = create (FLOW_SERVICE "/sourceConnections", source_json);
  {
    g_autofree char *target_json = g_strdup_printf (
      "{\"name\": \"Luma bucket\", \"baseConnectionId\": \"%s\", \"connectionSpec\": {\"id\": \"" S3_DESTINATION "\", "
      "\"version\": \"1.0\"}, \"params\": {\"mode\": \"Server-to-server\", \"path\": \"exports/daily\", "
      "\"bucketName\": \"luma-exports\", \"compression\": \"GZIP\", \"datasetFileType\": \"JSON\"}}", base);

    target = create (FLOW_SERVICE "/targetConnections", target_json);
  }

  /* Only the valid combinations of the export schedule. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *json = flow_body (source, target, refused[i].mode, refused[i].unit, refused[i].interval,
                                         g_date_time_to_unix (now));
      g_autoptr(JsonNode) body = json_from_string (json, NULL);
      g_autoptr(JsonNode) reply = trib_test_call (client, "POST", FLOW_SERVICE "/flows", body, &error);

      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
      g_assert_null (reply);
      g_clear_error (&error);
    }

  /* Every three hours, incremental: the first export is everything. */
  {
    g_autofree char *json = flow_body (source, target, "FIRST_FULL_THEN_INCREMENTAL", "hour", 3,
                                       g_date_time_to_unix (now));

    flow = create (FLOW_SERVICE "/flows", json);
  }
  trib_test_sim_clock (world->sim, -1, 1);
  g_assert_cmpint (wait_exported (dataset_id, 0, rows), ==, rows);
  g_clear_pointer (&exports, g_ptr_array_unref);
  exports = list_exports (dataset_id);
  g_assert_cmpuint (exports->len, ==, 1);

  /* The query's second run adds its rows; the next exports bring only those. */
  g_clear_object (&runs);
  trib_test_sim_clock (world->sim, -1, DAY_SECONDS / 60);
  runs = trib_test_query_wait_runs (client, trib_query_schedule_get_id (schedule), 2);
  g_assert_cmpint (query_number ("SELECT count(*) FROM big_orders"), ==, 2 * rows);
  trib_test_sim_clock (world->sim, -1, 3 * 60);
  g_assert_cmpint (wait_exported (dataset_id, 1, rows), ==, rows);
  g_assert_cmpint (count_lines (g_ptr_array_index (exports, 0)), ==, rows);
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

  g_test_init (&argc, &argv, NULL);

  /* The folder standing for the buckets, handed to the simulator. */
  export_dir = g_dir_make_tmp ("trib-exports-XXXXXX", NULL);
  g_setenv ("TRIBUTARY_SIM_EXPORT_DIR", export_dir, TRUE);
  world = trib_test_distiller_start ();

  g_test_add_func ("/dataset-export-sim/query-then-export", test_query_then_export);

  status = g_test_run ();
  trib_test_distiller_stop (world);
  remove_tree (export_dir);
  g_free (export_dir);

  return status;
}
