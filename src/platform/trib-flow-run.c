/* trib-flow-run.c
 *
 * One run of a dataflow as `GET /runs` shows it (API-NOTES §A9): its
 * state, times, the `metrics` summaries, the errors of the run and of
 * each activity (the copy that reads the source, the promotion that
 * writes the batch) with the refused rows' sample when there is one,
 * and the Catalog batches its activities' `targetInfo` name. Read once
 * into fields: a chart may hold 10,000 of these.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-run"

#include "config.h"

#include "trib-flow-run.h"
#include "trib-xdm-json.h"

struct _TribFlowRun
{
  GObject parent_instance;

  char *id;
  char *flow_id;
  char *parent_id;
  TribFlowRunState state;
  gint64 started_ms;
  gint64 completed_ms;
  gint64 input_bytes;
  gint64 output_bytes;
  gint64 records_in;
  gint64 records_out;
  gint64 records_failed;
  gint64 files_in;
  gint64 files_out;
  GPtrArray *errors;      /* TribFlowRunError */
  GStrv batch_ids;
};

G_DEFINE_FINAL_TYPE (TribFlowRun, trib_flow_run, G_TYPE_OBJECT)

static void
failed_row_free (TribFlowRunFailedRow *row)
{
  g_free (row->column);
  g_free (row->message);
  g_free (row);
}

static void
run_error_free (TribFlowRunError *error)
{
  g_free (error->code);
  g_free (error->message);
  g_clear_pointer (&error->failed_rows, g_ptr_array_unref);
  g_free (error);
}

static void
trib_flow_run_finalize (GObject *object)
{
  TribFlowRun *self = (TribFlowRun *) object;

  g_free (self->id);
  g_free (self->flow_id);
  g_free (self->parent_id);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->batch_ids, g_strfreev);

  G_OBJECT_CLASS (trib_flow_run_parent_class)->finalize (object);
}

static void
trib_flow_run_class_init (TribFlowRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_run_finalize;
}

static void
trib_flow_run_init (TribFlowRun *self)
{
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) run_error_free);
}

/**
 * trib_flow_run_state_from_string:
 * @status: (nullable): a run status as the platform spells it
 *
 * Returns: the state; %TRIB_FLOW_RUN_STATE_UNKNOWN for %NULL or a status
 *   this client does not know
 */
TribFlowRunState
trib_flow_run_state_from_string (const char *status)
{
  static const struct { const char *name; TribFlowRunState state; } states[] = {
    { "scheduled", TRIB_FLOW_RUN_STATE_SCHEDULED }, { "queued", TRIB_FLOW_RUN_STATE_SCHEDULED },
    { "inprogress", TRIB_FLOW_RUN_STATE_IN_PROGRESS }, { "success", TRIB_FLOW_RUN_STATE_SUCCESS },
    { "completed", TRIB_FLOW_RUN_STATE_SUCCESS }, { "partialsuccess", TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS },
    { "partialfailure", TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS }, { "failed", TRIB_FLOW_RUN_STATE_FAILED },
    { "failure", TRIB_FLOW_RUN_STATE_FAILED },
  };
  g_autoptr(GString) plain = NULL;

  if (status == NULL)
    return TRIB_FLOW_RUN_STATE_UNKNOWN;

  /* "PARTIAL_SUCCESS", "partialSuccess" and "partial-success" alike. */
  plain = g_string_new (NULL);
  for (const char *p = status; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (plain, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (plain->str, states[i].name))
      return states[i].state;

  return TRIB_FLOW_RUN_STATE_UNKNOWN;
}

static gint64
get_int (JsonObject *object,
         const char *member,
         gint64      fallback)
{
  gint64 value;

  return trib_xdm_json_get_int (object, member, &value) ? value : fallback;
}

static TribFlowRunError *
find_error (TribFlowRun *self,
            const char  *code,
            const char  *message)
{
  for (guint i = 0; i < self->errors->len; i++)
    {
      TribFlowRunError *error = g_ptr_array_index (self->errors, i);

      if (g_str_equal (error->code, code) && g_str_equal (error->message, message))
        return error;
    }

  return NULL;
}

/* The same error is often given by the run and by its activity: once. */
static void
add_errors (TribFlowRun *self,
            JsonArray   *errors)
{
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code = trib_xdm_json_get_string (object, "code");
      const char *message = trib_xdm_json_get_string (object, "message");
      JsonArray *sample = trib_xdm_json_get_array (object, "sampleErrors");
      TribFlowRunError *error;

      if (code == NULL)
        continue;
      if (message == NULL)
        message = "";
      if (!(error = find_error (self, code, message)))
        {
          error = g_new0 (TribFlowRunError, 1);
          error->code = g_strdup (code);
          error->message = g_strdup (message);
          error->record_count = -1;
          g_ptr_array_add (self->errors, error);
        }
      error->record_count = get_int (object, "recordCount", error->record_count);

      for (guint j = 0; sample != NULL && j < json_array_get_length (sample); j++)
        {
          JsonNode *row_node = json_array_get_element (sample, j);
          JsonObject *row_object = JSON_NODE_HOLDS_OBJECT (row_node) ? json_node_get_object (row_node) : NULL;
          TribFlowRunFailedRow *row;

          if (row_object == NULL)
            continue;
          if (error->failed_rows == NULL)
            error->failed_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) failed_row_free);
          row = g_new0 (TribFlowRunFailedRow, 1);
          row->row = get_int (row_object, "row", -1);
          row->column = g_strdup (trib_xdm_json_get_string (row_object, "column"));
          row->message = g_strdup (trib_xdm_json_get_string (row_object, "message"));
          if (row->message == NULL)
            row->message = g_strdup ("");
          g_ptr_array_add (error->failed_rows, row);
        }
    }
}

static void
add_batches (GPtrArray  *batch_ids,
             JsonObject *activity)
{
  JsonArray *target_info = trib_xdm_json_get_array (activity, "targetInfo");

  for (guint i = 0; target_info != NULL && i < json_array_get_length (target_info); i++)
    {
      JsonNode *node = json_array_get_element (target_info, i);
      JsonObject *reference = JSON_NODE_HOLDS_OBJECT (node)
                              ? trib_xdm_json_get_object (json_node_get_object (node), "reference") : NULL;
      JsonArray *ids = trib_xdm_json_get_array (reference, "ids");

      if (g_strcmp0 (trib_xdm_json_get_string (reference, "type"), "Batch") != 0)
        continue;
      for (guint j = 0; ids != NULL && j < json_array_get_length (ids); j++)
        {
          JsonNode *id = json_array_get_element (ids, j);

          if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
              !g_ptr_array_find_with_equal_func (batch_ids, json_node_get_string (id), g_str_equal, NULL))
            g_ptr_array_add (batch_ids, g_strdup (json_node_get_string (id)));
        }
    }
}

/**
 * trib_flow_run_new_from_json:
 * @object: one item of a runs answer
 *
 * Returns: (transfer full) (nullable): the run, or %NULL without an id
 */
TribFlowRun *
trib_flow_run_new_from_json (JsonObject *object)
{
  TribFlowRun *self;
  JsonObject *metrics;
  JsonObject *duration;
  JsonObject *status;
  JsonArray *activities;
  g_autoptr(GPtrArray) batch_ids = g_ptr_array_new_null_terminated (1, g_free, TRUE);

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_FLOW_RUN, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->flow_id = g_strdup (trib_xdm_json_get_string (object, "flowId"));
  self->parent_id = g_strdup (trib_xdm_json_get_string (object, "parentFlowRunId"));

  metrics = trib_xdm_json_get_object (object, "metrics");
  duration = trib_xdm_json_get_object (metrics, "durationSummary");
  status = trib_xdm_json_get_object (metrics, "statusSummary");
  self->state = trib_flow_run_state_from_string (trib_xdm_json_get_string (status, "status"));
  self->started_ms = get_int (duration, "startedAtUTC", -1);
  self->completed_ms = get_int (duration, "completedAtUTC", -1);
  self->input_bytes = get_int (trib_xdm_json_get_object (metrics, "sizeSummary"), "inputBytes", 0);
  self->output_bytes = get_int (trib_xdm_json_get_object (metrics, "sizeSummary"), "outputBytes", 0);
  self->records_in = get_int (trib_xdm_json_get_object (metrics, "recordSummary"), "inputRecordCount", 0);
  self->records_out = get_int (trib_xdm_json_get_object (metrics, "recordSummary"), "outputRecordCount", 0);
  self->records_failed = get_int (trib_xdm_json_get_object (metrics, "recordSummary"), "failedRecordCount", 0);
  self->files_in = get_int (trib_xdm_json_get_object (metrics, "fileSummary"), "inputFileCount", 0);
  self->files_out = get_int (trib_xdm_json_get_object (metrics, "fileSummary"), "outputFileCount", 0);
  add_errors (self, trib_xdm_json_get_array (status, "errors"));

  activities = trib_xdm_json_get_array (object, "activities");
  for (guint i = 0; activities != NULL && i < json_array_get_length (activities); i++)
    {
      JsonNode *node = json_array_get_element (activities, i);
      JsonObject *activity = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *activity_status = trib_xdm_json_get_object (activity, "statusSummary");

      if (activity == NULL)
        continue;
      add_errors (self, trib_xdm_json_get_array (activity_status, "errors"));
      add_errors (self, trib_xdm_json_get_array (trib_xdm_json_get_object (activity_status, "extensions"), "errors"));
      add_batches (batch_ids, activity);
    }
  self->batch_ids = (GStrv) g_ptr_array_steal (batch_ids, NULL);

  return self;
}

const char *
trib_flow_run_get_id (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), NULL);

  return self->id;
}

const char *
trib_flow_run_get_flow_id (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), NULL);

  return self->flow_id;
}

/**
 * trib_flow_run_get_parent_id:
 *
 * Returns: (nullable): the run this one re-triggered
 */
const char *
trib_flow_run_get_parent_id (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), NULL);

  return self->parent_id;
}

TribFlowRunState
trib_flow_run_get_state (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), TRIB_FLOW_RUN_STATE_UNKNOWN);

  return self->state;
}

/**
 * trib_flow_run_is_finished:
 *
 * Returns: whether the run is over, well or not
 */
gboolean
trib_flow_run_is_finished (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), FALSE);

  return self->state == TRIB_FLOW_RUN_STATE_SUCCESS || self->state == TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS ||
         self->state == TRIB_FLOW_RUN_STATE_FAILED;
}

/**
 * trib_flow_run_get_started_ms:
 *
 * Returns: when it started, in epoch milliseconds; -1 if not said
 */
gint64
trib_flow_run_get_started_ms (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), -1);

  return self->started_ms;
}

/**
 * trib_flow_run_get_completed_ms:
 *
 * Returns: when it ended, in epoch milliseconds; -1 while it runs
 */
gint64
trib_flow_run_get_completed_ms (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), -1);

  return self->completed_ms;
}

/**
 * trib_flow_run_get_duration_ms:
 *
 * Returns: how long it took, or -1 while it runs
 */
gint64
trib_flow_run_get_duration_ms (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), -1);

  return self->started_ms >= 0 && self->completed_ms >= self->started_ms ? self->completed_ms - self->started_ms
                                                                          : -1;
}

gint64
trib_flow_run_get_input_bytes (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->input_bytes;
}

gint64
trib_flow_run_get_output_bytes (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->output_bytes;
}

gint64
trib_flow_run_get_records_in (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->records_in;
}

gint64
trib_flow_run_get_records_out (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->records_out;
}

gint64
trib_flow_run_get_records_failed (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->records_failed;
}

gint64
trib_flow_run_get_files_in (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->files_in;
}

gint64
trib_flow_run_get_files_out (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), 0);

  return self->files_out;
}

/**
 * trib_flow_run_get_errors:
 *
 * Returns: (transfer none) (element-type TribFlowRunError): the run's
 *   errors and its activities', each once
 */
GPtrArray *
trib_flow_run_get_errors (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), NULL);

  return self->errors;
}

/**
 * trib_flow_run_get_batch_ids:
 *
 * Returns: (transfer none): the ids of the Catalog batches it wrote,
 *   possibly none
 */
const char * const *
trib_flow_run_get_batch_ids (TribFlowRun *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN (self), NULL);

  return (const char * const *) self->batch_ids;
}
