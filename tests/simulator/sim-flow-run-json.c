/* sim-flow-run-json.c
 *
 * A run as `GET /runs` shows it (API-NOTES §A9, the Flow Service
 * monitoring tutorial's example): `metrics` (duration, sizes, records,
 * files, status with errors) and `activities`, a copy activity reading
 * the source and a promotion activity whose `targetInfo` names the
 * Catalog batch it wrote. Also the `lastRunDetails` of a flow.
 *
 * Error codes the docs do not give are the simulator's own **[UNV]**:
 * `CONNECTOR-1001-401` (credentials refused) and `CONNECTOR-1003-504`
 * (host unreachable). The failed-row sample rides in the MAPPER error as
 * `sampleErrors` **[UNV]**: the platform keeps it in a batch file
 * behind `manifest.sampleErrors`.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-runs"

#include "config.h"

#include "sim-flow-private.h"

#define EXPORT_URL "https://platform.adobe.io/data/foundation/export/batches/"

static void
set_int (JsonObject *object,
         const char *member,
         gint64      value)
{
  json_object_set_int_member (object, member, value);
}

static JsonObject *
duration_summary (gint64 started,
                  gint64 completed)
{
  JsonObject *summary = json_object_new ();

  set_int (summary, "startedAtUTC", started);
  if (completed > 0)
    set_int (summary, "completedAtUTC", completed);

  return summary;
}

static JsonObject *
error_object (const char *code,
              const char *message)
{
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", message);

  return error;
}

/* A few of the rows the mapping refused: made from the run, the same
 * every time it is read.
 */
static JsonArray *
sample_errors (FlowLive *live,
               FlowRun  *run,
               guint     index)
{
  JsonArray *sample = json_array_new ();
  const char *column = live->mismatch_column != NULL ? live->mismatch_column : "value";

  for (guint i = 0; i < MIN (run->records_failed, 3); i++)
    {
      JsonObject *row = json_object_new ();
      guint64 line = 2 + ((guint64) (index + 1) * 7919u * (i + 1)) % MAX (run->records_in, 1);
      g_autofree char *message = g_strdup_printf ("Column '%s': the value '%s' cannot be converted to the type of "
                                                  "its destination field.", column,
                                                  i == 0 ? "N/A" : i == 1 ? "31/02/2026" : "");

      set_int (row, "row", (gint64) line);
      json_object_set_string_member (row, "column", column);
      json_object_set_string_member (row, "code", "MAPPER-3700-400");
      json_object_set_string_member (row, "message", message);
      json_array_add_object_element (sample, row);
    }

  return sample;
}

static void
add_status (JsonObject *activity,
            const char *status,
            JsonArray  *errors,
            JsonObject *extensions)
{
  JsonObject *summary = json_object_new ();

  json_object_set_string_member (summary, "status", status);
  if (errors != NULL)
    json_object_set_array_member (summary, "errors", errors);
  if (extensions != NULL)
    json_object_set_object_member (summary, "extensions", extensions);
  json_object_set_object_member (activity, "statusSummary", summary);
}

static JsonObject *
sizes (gint64 in,
       gint64 out)
{
  JsonObject *summary = json_object_new ();

  set_int (summary, "inputBytes", in);
  set_int (summary, "outputBytes", out);

  return summary;
}

static JsonObject *
records (gint64 in,
         gint64 out,
         gint64 failed)
{
  JsonObject *summary = json_object_new ();

  set_int (summary, "inputRecordCount", in);
  set_int (summary, "outputRecordCount", out);
  set_int (summary, "failedRecordCount", failed);

  return summary;
}

static JsonObject *
files (gint64 in,
       gint64 out)
{
  JsonObject *summary = json_object_new ();

  set_int (summary, "inputFileCount", in);
  set_int (summary, "outputFileCount", out);

  return summary;
}

static JsonObject *
reference (const char *id,
           const char *type,
           const char *reference_type,
           const char *reference_id)
{
  JsonObject *info = json_object_new ();
  JsonObject *ref = json_object_new ();
  JsonArray *ids = json_array_new ();

  json_object_set_string_member (info, "id", id);
  json_object_set_string_member (info, "type", type);
  json_array_add_string_element (ids, reference_id);
  json_object_set_string_member (ref, "type", reference_type);
  json_object_set_array_member (ref, "ids", ids);
  json_object_set_object_member (info, "reference", ref);

  return info;
}

static const char *
first_id (JsonObject *flow,
          const char *member)
{
  JsonArray *ids = flow_member_array (flow, member);

  return ids != NULL && json_array_get_length (ids) > 0 ? json_array_get_string_element (ids, 0) : "";
}

JsonObject *
flow_run_to_json (FlowLive *live,
                  guint     index,
                  gint64    now_ms)
{
  FlowRun *run = &g_array_index (live->runs, FlowRun, index);
  const char *status = flow_run_status (live, index, now_ms);
  gboolean done = !g_str_equal (status, "scheduled") && !g_str_equal (status, "inProgress");
  gboolean started = !g_str_equal (status, "scheduled");
  gint64 ended = run->started_ms + run->duration_ms;
  gint64 copy_end = run->started_ms + run->duration_ms / 2;
  gint64 out = run->records_in - MIN (run->records_failed, run->records_in);
  g_autofree char *id = flow_run_id (live, index);
  g_autofree char *etag = g_strdup_printf ("\"%08x-0000-0200-0000-%012x\"", live->serial, index);
  JsonObject *object = json_object_new ();
  JsonObject *metrics = json_object_new ();
  JsonObject *flow_spec = json_object_new ();
  JsonArray *activities = json_array_new ();
  JsonArray *errors = NULL;
  JsonObject *copy;
  char batch_id[27];

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "flowId", sim_json_get_string (live->flow, "id"));
  json_object_set_string_member (flow_spec, "id",
                                 sim_json_get_string (flow_member_object (live->flow, "flowSpec"), "id"));
  json_object_set_string_member (flow_spec, "version", "1.0");
  json_object_set_object_member (object, "flowSpec", flow_spec);
  set_int (object, "createdAt", run->created_ms);
  set_int (object, "updatedAt", done ? ended : MAX (run->created_ms, MIN (now_ms, run->started_ms)));
  json_object_set_string_member (object, "createdBy", "acp_foundation_connectors@AdobeID");
  json_object_set_string_member (object, "createdClient", "acp_foundation_connectors");
  json_object_set_string_member (object, "sandboxName", live->entities->sandbox);
  json_object_set_string_member (object, "imsOrgId", live->entities->client->org->id);
  json_object_set_string_member (object, "etag", etag);
  if (run->parent > 0)
    {
      g_autofree char *parent = flow_run_id (live, run->parent - 1);

      json_object_set_string_member (object, "parentFlowRunId", parent);
    }

  /* metrics */
  json_object_set_object_member (metrics, "durationSummary",
                                 duration_summary (run->started_ms, done ? ended : 0));
  json_object_set_object_member (metrics, "sizeSummary",
                                 sizes (done ? run->records_in * 183 : 0, done ? out * 151 : 0));
  json_object_set_object_member (metrics, "recordSummary",
                                 records (done ? run->records_in : 0, done ? out : 0,
                                          done ? run->records_failed : 0));
  json_object_set_object_member (metrics, "fileSummary", files (done ? run->files : 0, done && out > 0 ? 1 : 0));
  if (done && run->failure != FLOW_FAILURE_NONE)
    {
      const char *message = run->message > 0 ? g_ptr_array_index (live->messages, run->message - 1)
                                             : "The source could not be read.";
      g_autofree char *text = NULL;

      errors = json_array_new ();
      if (run->failure == FLOW_FAILURE_CREDENTIALS)
        {
          text = g_strdup_printf ("The source account's credentials were refused; they may have expired. "
                                  "Error from the connector: %s", message);
          json_array_add_object_element (errors, error_object ("CONNECTOR-1001-401", text));
        }
      else
        {
          text = g_strdup_printf ("The source's host could not be reached. Error from the connector: %s", message);
          json_array_add_object_element (errors, error_object ("CONNECTOR-1003-504", text));
        }
    }
  else if (done && run->records_failed > 0)
    {
      g_autofree char *text = g_strdup_printf ("Encountered %u errors in the data. Successfully ingested %"
                                               G_GINT64_FORMAT " rows. Review the associated diagnostic files "
                                               "for additional details.", run->records_failed, out);

      errors = json_array_new ();
      json_array_add_object_element (errors, error_object ("INGEST-1212-400", text));
    }
  add_status (metrics, status, errors != NULL ? json_array_ref (errors) : NULL, NULL);
  json_object_set_object_member (object, "metrics", metrics);

  /* The copy activity reads the source... */
  copy = json_object_new ();
  json_object_set_string_member (copy, "id", "copyActivity");
  set_int (copy, "updatedAtUTC", done ? copy_end : MAX (run->created_ms, MIN (now_ms, run->started_ms)));
  if (started)
    json_object_set_object_member (copy, "durationSummary",
                                   duration_summary (run->started_ms, now_ms >= copy_end ? copy_end : 0));
  json_object_set_object_member (copy, "sizeSummary", sizes (done ? run->records_in * 183 : 0,
                                                             done ? run->records_in * 183 : 0));
  json_object_set_object_member (copy, "fileSummary", files (done ? run->files : 0, done ? run->files : 0));
  add_status (copy, !started ? "scheduled" : now_ms < copy_end ? "inProgress"
                    : run->failure != FLOW_FAILURE_NONE ? "failed" : "success",
              run->failure != FLOW_FAILURE_NONE && done ? json_array_ref (errors) : NULL, NULL);
  {
    JsonArray *source_info = json_array_new ();

    json_array_add_object_element (source_info, reference (first_id (live->flow, "sourceConnectionIds"),
                                                           "SourceConnection", "AdfRunId", id));
    json_object_set_array_member (copy, "sourceInfo", source_info);
  }
  json_array_add_object_element (activities, copy);

  /* ...and the promotion activity writes the batch. */
  if (run->failure == FLOW_FAILURE_NONE && now_ms >= copy_end)
    {
      JsonObject *promotion = json_object_new ();
      JsonArray *target_info = json_array_new ();
      JsonObject *extensions = NULL;
      JsonArray *promotion_errors = NULL;

      flow_run_batch_id (live, index, batch_id);
      json_object_set_string_member (promotion, "id", "promotionActivity");
      set_int (promotion, "updatedAtUTC", done ? ended : now_ms);
      json_object_set_object_member (promotion, "durationSummary", duration_summary (copy_end, done ? ended : 0));
      json_object_set_object_member (promotion, "sizeSummary",
                                     sizes (done ? run->records_in * 183 : 0, done ? out * 151 : 0));
      json_object_set_object_member (promotion, "recordSummary",
                                     records (done ? run->records_in : 0, done ? out : 0,
                                              done ? run->records_failed : 0));
      json_object_set_object_member (promotion, "fileSummary",
                                     files (done ? run->files : 0, done && out > 0 ? 1 : 0));
      if (done && run->records_failed > 0)
        {
          JsonObject *manifest = json_object_new ();
          JsonObject *mapper = error_object ("MAPPER-3700-400", "Mapper Transform Error");
          g_autofree char *failed = g_strconcat (EXPORT_URL, batch_id, "/meta?path=row_errors", NULL);

          extensions = json_object_new ();
          json_object_set_string_member (manifest, "failedRecords", failed);
          json_object_set_object_member (extensions, "manifest", manifest);
          set_int (mapper, "recordCount", run->records_failed);
          json_object_set_array_member (mapper, "sampleErrors", sample_errors (live, run, index));
          promotion_errors = json_array_new ();
          json_array_add_object_element (promotion_errors, json_object_ref (json_array_get_object_element (errors,
                                                                                                           0)));
          json_array_add_object_element (promotion_errors, mapper);
          json_object_set_array_member (extensions, "errors", promotion_errors);
        }
      add_status (promotion, done ? status : "inProgress", NULL, extensions);
      json_array_add_object_element (target_info, reference (first_id (live->flow, "targetConnectionIds"),
                                                             "TargetConnection", "Batch", batch_id));
      json_object_set_array_member (promotion, "targetInfo", target_info);
      json_array_add_object_element (activities, promotion);
    }
  json_object_set_array_member (object, "activities", activities);
  if (errors != NULL)
    json_array_unref (errors);

  return object;
}

/* `lastRunDetails` of the latest run that ended, and the `runs` link. */
void
flow_live_update_flow_json (FlowLive *live,
                            gint64    now_ms)
{
  g_autofree char *link = g_strconcat ("/runs?property=flowId==", sim_json_get_string (live->flow, "id"), NULL);

  json_object_set_string_member (live->flow, "runs", link);
  for (guint i = live->runs->len; i > 0; i--)
    {
      FlowRun *run = &g_array_index (live->runs, FlowRun, i - 1);
      const char *status = flow_run_status (live, i - 1, now_ms);
      g_autofree char *id = NULL;
      JsonObject *details;

      if (g_str_equal (status, "scheduled") || g_str_equal (status, "inProgress"))
        continue;
      id = flow_run_id (live, i - 1);
      details = json_object_new ();
      json_object_set_string_member (details, "id", id);
      json_object_set_string_member (details, "state", status);
      set_int (details, "startedAtUTC", run->started_ms);
      set_int (details, "completedAtUTC", run->started_ms + run->duration_ms);
      json_object_set_object_member (live->flow, "lastRunDetails", details);
      return;
    }
}
