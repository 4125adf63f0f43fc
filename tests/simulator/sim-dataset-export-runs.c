/* sim-dataset-export-runs.c
 *
 * Dataset export flows running on the simulator's clock: at each tick of
 * a flow's `scheduleParams` (from `startTime`, every `interval`
 * `timeUnit`s, once for interval 0, until `endTime`), each dataset of
 * its source connection is read from PostgreSQL and written, as JSON
 * Lines (gzip if the target connection asks), into a local folder that
 * stands for the bucket, with the platform's layout
 * `{root}/{bucket|container}/{path}/{datasetId}/exportTime=YYYYMMDDHHMM/`.
 * The root is `$TRIBUTARY_SIM_EXPORT_DIR` [UNV: the simulator's own],
 * else `tributary-sim-exports` in the temporary folder. The first export
 * is full; an incremental one then writes the rows added since the last
 * (rows are only ever appended here [UNV]). Only the latest tick due
 * runs, as for schedules. Parquet is not written: Debian has no
 * maintained C library for it (Arrow's GLib bindings are not packaged),
 * and such a dataset is logged and skipped.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-dataset-export-runs"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "sim-clock.h"
#include "sim-flow-private.h"

typedef struct
{
  GHashTable *last_tick;     /* flow id → gint64 *, the last tick handled */
  GHashTable *exported;      /* "flow\ndataset" → gint64 *, rows written so far */
  GHashTable *running;       /* keys being exported → the Export waiting for it, or NULL */
} ExportState;

static ExportState export_state;

typedef struct
{
  char *key;                 /* "flow\ndataset" */
  char *org_id;
  char *database;
  char *table;
  char *folder;
  gboolean gzip;
  gboolean full;
  gint64 offset;
  gint64 rows;
} Export;

static void
export_free (Export *export)
{
  g_free (export->key);
  g_free (export->org_id);
  g_free (export->database);
  g_free (export->table);
  g_free (export->folder);
  g_free (export);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
quote (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "\"", -1);
  g_autofree char *doubled = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", doubled);
}

/* Reads the rows past the offset and writes them, one JSON object a line. */
static gboolean
write_rows (Export  *export,
            GError **error)
{
  const char * const keywords[] = { "dbname", "dbname", NULL };
  const char * const values[] = { sim_query_service_get_admin_conninfo (), export->database, NULL };
  g_autofree char *quoted = quote (export->table);
  g_autofree char *sql = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("part-00000-%s.json%s", uuid, export->gzip ? ".gz" : "");
  g_autofree char *path = g_build_filename (export->folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) stream = NULL;
  PGconn *conn = NULL;
  PGresult *result = NULL;
  gboolean ok = FALSE;

  if (values[0] == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The simulator runs without PostgreSQL.");
      return FALSE;
    }

  conn = PQconnectdbParams (keywords, values, 1);
  sql = g_strdup_printf ("SELECT row_to_json(t)::text FROM %s AS t OFFSET %" G_GINT64_FORMAT, quoted,
                         export->offset);
  result = PQstatus (conn) == CONNECTION_OK ? PQexec (conn, sql) : NULL;
  if (result == NULL || PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not read %s: %s", export->table,
                   PQerrorMessage (conn));
      goto out;
    }
  export->rows = PQntuples (result);
  /* The platform writes no file for an export with nothing new [UNV]. */
  if (export->rows == 0)
    {
      ok = TRUE;
      goto out;
    }

  if (g_mkdir_with_parents (export->folder, 0755) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not make %s", export->folder);
      goto out;
    }
  stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
  if (stream == NULL)
    goto out;
  if (export->gzip)
    {
      g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
      GOutputStream *converted = g_converter_output_stream_new (stream, G_CONVERTER (compressor));

      g_object_unref (stream);
      stream = converted;
    }

  for (int i = 0; i < PQntuples (result); i++)
    if (!g_output_stream_write_all (stream, PQgetvalue (result, i, 0), PQgetlength (result, i, 0), NULL, NULL,
                                    error) ||
        !g_output_stream_write_all (stream, "\n", 1, NULL, NULL, error))
      goto out;
  ok = g_output_stream_close (stream, NULL, error);

out:
  g_clear_pointer (&result, PQclear);
  g_clear_pointer (&conn, PQfinish);

  return ok;
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_rows (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void export_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data);

/* One export of a dataset to a target at a time: a tick due while the
 * last one writes waits for it, and then starts from where it ended.
 */
static void
launch (Export *export)
{
  g_autoptr(GTask) task = NULL;
  gint64 *offset;

  if (g_hash_table_contains (export_state.running, export->key))
    {
      g_hash_table_replace (export_state.running, g_strdup (export->key), export);
      return;
    }
  g_hash_table_insert (export_state.running, g_strdup (export->key), NULL);

  offset = g_hash_table_lookup (export_state.exported, export->key);
  export->offset = export->full || offset == NULL ? 0 : *offset;
  if (export->full)
    g_hash_table_remove (export_state.exported, export->key);

  task = g_task_new (NULL, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_worker);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  Export *waiting = NULL;
  gint64 *offset;

  g_hash_table_steal_extended (export_state.running, export->key, (gpointer *) &key, (gpointer *) &waiting);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Dataset export into %s failed: %s", export->folder, error->message);
  else
    {
      if ((offset = g_hash_table_lookup (export_state.exported, export->key)) == NULL)
        {
          offset = g_new0 (gint64, 1);
          g_hash_table_insert (export_state.exported, g_strdup (export->key), offset);
        }
      *offset += export->rows;
      g_debug ("Exported %" G_GINT64_FORMAT " rows of %s into %s", export->rows, export->table, export->folder);
    }

  if (waiting != NULL)
    launch (waiting);
}

static char *
export_root (void)
{
  const char *root = g_getenv ("TRIBUTARY_SIM_EXPORT_DIR");

  return root != NULL && *root != '\0' ? g_strdup (root)
                                       : g_build_filename (g_get_tmp_dir (), "tributary-sim-exports", NULL);
}

static void
start_export (const char *org_id,
              const char *sandbox,
              JsonObject *flow,
              JsonObject *target,
              const char *dataset_id,
              gboolean    full,
              gint64      tick)
{
  const char *spec_id = sim_json_get_string (member_object (target, "connectionSpec"), "id");
  JsonObject *params = member_object (target, "params");
  const char *place_param = dataset_export_place_param (spec_id);
  const char *place = place_param != NULL ? sim_json_get_string (params, place_param) : NULL;
  const char *path = sim_json_get_string (params, dataset_export_path_param (spec_id));
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (tick / 1000);
  g_autofree char *stamp = g_date_time_format (time, "exportTime=%Y%m%d%H%M");
  g_autofree char *root = export_root ();
  g_autofree char *table = sim_catalog_dup_table (org_id, sandbox, dataset_id);
  Export *export;

  if (table == NULL || path == NULL)
    return;
  if (g_strcmp0 (sim_json_get_string (params, "datasetFileType"), "JSON") != 0)
    {
      g_message ("Dataset %s not exported: the simulator writes JSON Lines only, not Parquet.", dataset_id);
      return;
    }

  export = g_new0 (Export, 1);
  export->key = g_strdup_printf ("%s\n%s\n%s", sim_json_get_string (flow, "id"),
                                 sim_json_get_string (target, "id"), dataset_id);
  export->org_id = g_strdup (org_id);
  export->database = g_strdup_printf ("%s:all", sandbox);
  export->table = g_steal_pointer (&table);
  export->folder = g_build_filename (root, place != NULL ? place : "", path, dataset_id, stamp, NULL);
  export->gzip = g_strcmp0 (sim_json_get_string (params, "compression"), "GZIP") == 0;
  export->full = full;
  launch (export);
}

/* The latest tick of @params in (last, now], or -1. */
static gint64
latest_tick (JsonObject *params,
             gint64      last,
             gint64      now)
{
  gint64 start;
  gint64 end = G_MAXINT64 / 1000;
  gint64 interval;
  gint64 period;
  gint64 tick;

  if (!flow_get_integer (json_object_get_member (params, "startTime"), TRUE, &start) ||
      !flow_get_integer (json_object_get_member (params, "interval"), TRUE, &interval))
    return -1;
  if (json_object_has_member (params, "endTime"))
    flow_get_integer (json_object_get_member (params, "endTime"), TRUE, &end);
  start *= 1000;
  end = MIN (end, G_MAXINT64 / 1000) * 1000;

  if (start > now)
    return -1;
  if (interval == 0)
    return start > last ? start : -1;

  period = interval * (g_strcmp0 (sim_json_get_string (params, "timeUnit"), "hour") == 0 ? 3600 : 86400) * 1000;
  tick = start + (MIN (now, end) - start) / period * period;

  return tick > last && tick <= end ? tick : -1;
}

static void
run_entities (gpointer key,
              gpointer value,
              gpointer user_data)
{
  g_auto(GStrv) parts = g_strsplit (key, "\n", 2);
  FlowEntities *entities = value;
  gint64 now = *(gint64 *) user_data;

  for (guint i = 0; i < entities->flows->len; i++)
    {
      JsonObject *flow = g_ptr_array_index (entities->flows, i);
      JsonObject *spec = flow_specs_lookup (sim_json_get_string (member_object (flow, "flowSpec"), "id"));
      JsonObject *params = member_object (flow, "scheduleParams");
      gint64 *last;
      gint64 tick;
      gboolean full;
      JsonArray *sources = member_array (flow, "sourceConnectionIds");
      JsonArray *targets = member_array (flow, "targetConnectionIds");

      if (g_strcmp0 (sim_json_get_string (member_object (spec, "scheduleSpec"), "name"), EXPORT_SCHEDULE_SPEC) != 0 ||
          g_strcmp0 (sim_json_get_string (flow, "state"), "enabled") != 0 || params == NULL)
        continue;

      last = g_hash_table_lookup (export_state.last_tick, sim_json_get_string (flow, "id"));
      if ((tick = latest_tick (params, last != NULL ? *last : -1, now)) < 0)
        continue;
      /* The first export is always full. */
      full = last == NULL || g_strcmp0 (sim_json_get_string (params, "exportMode"), "DAILY_FULL_EXPORT") == 0;
      if (last == NULL)
        {
          last = g_new0 (gint64, 1);
          g_hash_table_insert (export_state.last_tick, g_strdup (sim_json_get_string (flow, "id")), last);
        }
      *last = tick;

      for (guint s = 0; sources != NULL && s < json_array_get_length (sources); s++)
        {
          JsonObject *source = g_hash_table_lookup (entities->sources, json_array_get_string_element (sources, s));
          JsonArray *datasets = member_array (member_object (source, "params"), "datasets");

          for (guint d = 0; datasets != NULL && d < json_array_get_length (datasets); d++)
            {
              JsonNode *element = json_array_get_element (datasets, d);
              const char *dataset_id = JSON_NODE_HOLDS_OBJECT (element)
                                       ? sim_json_get_string (json_node_get_object (element), "dataSetId") : NULL;

              for (guint t = 0; dataset_id != NULL && targets != NULL && t < json_array_get_length (targets); t++)
                {
                  JsonObject *target = g_hash_table_lookup (entities->targets,
                                                            json_array_get_string_element (targets, t));

                  if (target != NULL)
                    start_export (parts[0], parts[1], flow, target, dataset_id, full, tick);
                }
            }
        }
    }
}

static void
clock_tick_cb (gint64   now,
               gpointer user_data)
{
  flow_foreach_entities (run_entities, &now);
}

void
sim_dataset_export_runs_register (void)
{
  export_state.last_tick = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export_state.exported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export_state.running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) export_free);
  sim_clock_add_listener (clock_tick_cb, NULL);
}
