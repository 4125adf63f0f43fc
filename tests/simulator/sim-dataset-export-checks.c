/* sim-dataset-export-checks.c
 *
 * What Flow Service checks of a dataset export (API-NOTES §C2): the
 * source connection of the Data Lake export spec lists datasets of the
 * sandbox; the target connection of one of the six destinations says
 * where and how (`mode`, `path` or SFTP's `remotePath`, S3's and GCS's
 * `bucketName`, Blob's `container`, `compression` NONE|GZIP,
 * `datasetFileType` JSON|PARQUET); the flow's `scheduleParams` is one of
 * the valid combinations of `exportMode`, `timeUnit` and `interval`,
 * every other refused.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-dataset-export-checks"

#include "config.h"

#include <string.h>

#include "sim-catalog-private.h"
#include "sim-flow-private.h"

static const struct
{
  const char *spec;
  const char *place;        /* the param naming the bucket, or NULL */
  const char *path;
} destinations[] = {
  { "4fce964d-3f37-408f-9778-e597338a21ee", "bucketName", "path" },   /* S3 */
  { "6d6b59bf-fb58-4107-9064-4d246c0e5bb2", "container", "path" },    /* Azure Blob */
  { "be2c3209-53bc-47e7-ab25-145db8b873e1", NULL, "path" },           /* ADLS Gen2 */
  { "10440537-2a7b-4583-ac39-ed38d4b848e8", NULL, "path" },           /* DLZ */
  { "c5d93acb-ea8b-4b14-8f53-02138444ae99", "bucketName", "path" },   /* GCS */
  { "36965a81-b1c6-401b-99f8-22508f1e6a26", NULL, "remotePath" },     /* SFTP */
};

static void invalid (SimRequest *request,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
invalid (SimRequest *request,
         const char *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sim_flow_service_reply_error (request, "1100-400", "Invalid request", "The request could not be processed. %s",
                                detail);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static int
find_destination (const char *spec_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    if (g_strcmp0 (destinations[i].spec, spec_id) == 0)
      return (int) i;

  return -1;
}

gboolean
dataset_export_is_destination (const char *spec_id)
{
  return find_destination (spec_id) >= 0;
}

/* The path param of @spec_id's target connections: path, or remotePath. */
const char *
dataset_export_path_param (const char *spec_id)
{
  int i = find_destination (spec_id);

  return i >= 0 ? destinations[i].path : NULL;
}

const char *
dataset_export_place_param (const char *spec_id)
{
  int i = find_destination (spec_id);

  return i >= 0 ? destinations[i].place : NULL;
}

/* params.datasets: [{dataSetId, name}], each a dataset of the sandbox. */
gboolean
dataset_export_check_source (SimRequest *request,
                             JsonObject *body)
{
  JsonObject *params = member_object (body, "params");
  JsonNode *node = params != NULL ? json_object_get_member (params, "datasets") : NULL;
  JsonArray *datasets = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (datasets == NULL || json_array_get_length (datasets) == 0)
    {
      invalid (request, "params.datasets is required: the datasets to export, [{\"dataSetId\", \"name\"}].");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (datasets); i++)
    {
      JsonNode *element = json_array_get_element (datasets, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (element)
                       ? sim_json_get_string (json_node_get_object (element), "dataSetId") : NULL;

      if (id == NULL)
        {
          invalid (request, "params.datasets[%u] needs its dataSetId.", i);
          return FALSE;
        }
      if (g_hash_table_lookup (catalog_get_sandbox (request)->by_id, id) == NULL)
        {
          sim_flow_service_reply_error (request, "2200-500", "Internal error",
                                        "Validation with Catalog failed: dataset '%s' does not exist in sandbox "
                                        "'%s'.", id, request->sandbox);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_enum (SimRequest         *request,
            JsonObject         *params,
            const char         *name,
            const char * const *allowed)
{
  const char *value = sim_json_get_string (params, name);

  if (value == NULL || !g_strv_contains (allowed, value))
    {
      g_autofree char *list = g_strjoinv ("|", (char **) allowed);

      invalid (request, "params.%s must be %s, not '%s'.", name, list, value != NULL ? value : "nothing");
      return FALSE;
    }

  return TRUE;
}

/* The target connection of a destination: where and how to write. */
gboolean
dataset_export_check_target (SimRequest *request,
                             JsonObject *body,
                             const char *spec_id)
{
  static const char * const modes[] = { "Server-to-server", NULL };
  static const char * const compressions[] = { "NONE", "GZIP", NULL };
  static const char * const file_types[] = { "JSON", "PARQUET", NULL };
  int destination = find_destination (spec_id);
  JsonObject *params = member_object (body, "params");
  const char *path;

  g_assert (destination >= 0);

  if (params == NULL)
    {
      invalid (request, "params is required: mode, %s, compression and datasetFileType.",
               destinations[destination].path);
      return FALSE;
    }
  if (!check_enum (request, params, "mode", modes) || !check_enum (request, params, "compression", compressions) ||
      !check_enum (request, params, "datasetFileType", file_types))
    return FALSE;

  path = sim_json_get_string (params, destinations[destination].path);
  if (path == NULL || *path == '\0' || strstr (path, "..") != NULL)
    {
      invalid (request, "params.%s is required: the folder to write in.", destinations[destination].path);
      return FALSE;
    }
  if (destinations[destination].place != NULL)
    {
      const char *place = sim_json_get_string (params, destinations[destination].place);

      if (place == NULL || *place == '\0' || strchr (place, '/') != NULL || g_str_equal (place, ".."))
        {
          invalid (request, "params.%s is required.", destinations[destination].place);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * dataset_export_check_schedule:
 * @params: the flow's scheduleParams
 *
 * The valid combinations only (API-NOTES §C2): once, a full export
 * (`DAILY_FULL_EXPORT`, `day`, 0); daily incremental
 * (`FIRST_FULL_THEN_INCREMENTAL`, `day`, 1); every 3, 6, 9 or 12 hours
 * incremental (`FIRST_FULL_THEN_INCREMENTAL`, `hour`, …).
 *
 * Returns: (nullable): what is wrong; %NULL if it fits
 */
char *
dataset_export_check_schedule (JsonObject *params)
{
  const char *mode = sim_json_get_string (params, "exportMode");
  const char *unit = sim_json_get_string (params, "timeUnit");
  gint64 interval;
  gint64 start;
  gint64 end;

  if (!json_object_has_member (params, "startTime") ||
      !flow_get_integer (json_object_get_member (params, "startTime"), TRUE, &start))
    return g_strdup ("scheduleParams.startTime is required: an epoch time in seconds.");
  if (json_object_has_member (params, "endTime") &&
      (!flow_get_integer (json_object_get_member (params, "endTime"), TRUE, &end) || end <= start))
    return g_strdup ("scheduleParams.endTime must be an epoch time in seconds after startTime.");
  if (!json_object_has_member (params, "interval") ||
      !flow_get_integer (json_object_get_member (params, "interval"), TRUE, &interval))
    return g_strdup ("scheduleParams.interval is required: a whole number.");
  if (g_strcmp0 (unit, "hour") != 0 && g_strcmp0 (unit, "day") != 0)
    return g_strdup ("scheduleParams.timeUnit must be hour or day.");
  if (g_strcmp0 (mode, "DAILY_FULL_EXPORT") != 0 && g_strcmp0 (mode, "FIRST_FULL_THEN_INCREMENTAL") != 0)
    return g_strdup ("scheduleParams.exportMode must be DAILY_FULL_EXPORT or FIRST_FULL_THEN_INCREMENTAL.");

  if (g_str_equal (mode, "DAILY_FULL_EXPORT"))
    return g_str_equal (unit, "day") && interval == 0
           ? NULL
           : g_strdup ("A full export runs once: timeUnit day and interval 0. Daily full exports are not "
                       "supported.");
  if (g_str_equal (unit, "day"))
    return interval == 1 ? NULL
                         : g_strdup ("An incremental export by the day runs every day: interval 1.");

  return interval == 3 || interval == 6 || interval == 9 || interval == 12
         ? NULL
         : g_strdup ("An incremental export by the hour runs every 3, 6, 9 or 12 hours.");
}
