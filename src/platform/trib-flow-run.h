/* trib-flow-run.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribFlowRunState:
 * @TRIB_FLOW_RUN_STATE_UNKNOWN: a status this client does not know
 * @TRIB_FLOW_RUN_STATE_SCHEDULED: queued or scheduled, not started
 * @TRIB_FLOW_RUN_STATE_IN_PROGRESS: running
 * @TRIB_FLOW_RUN_STATE_SUCCESS: every record made it
 * @TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS: some records were refused
 * @TRIB_FLOW_RUN_STATE_FAILED: nothing was ingested
 *
 * A run's `metrics.statusSummary.status`, whatever its case or spelling
 * (`partialSuccess`, `PARTIAL_SUCCESS`).
 */
typedef enum
{
  TRIB_FLOW_RUN_STATE_UNKNOWN,
  TRIB_FLOW_RUN_STATE_SCHEDULED,
  TRIB_FLOW_RUN_STATE_IN_PROGRESS,
  TRIB_FLOW_RUN_STATE_SUCCESS,
  TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS,
  TRIB_FLOW_RUN_STATE_FAILED,
} TribFlowRunState;

/**
 * TribFlowRunFailedRow:
 * @row: the row's number in its file, or -1
 * @column: (nullable): the column at fault
 * @message: what was wrong with it
 *
 * One of the rows a run's mapping refused, as the platform samples them.
 */
typedef struct
{
  gint64 row;
  char *column;
  char *message;
} TribFlowRunFailedRow;

/**
 * TribFlowRunError:
 * @code: the platform's code, such as `MAPPER-3700-400`
 * @message: its message
 * @record_count: the records it concerns, or -1 when not said
 * @failed_rows: (element-type TribFlowRunFailedRow) (nullable): a
 *   sample of the refused rows, when the platform gives one
 */
typedef struct
{
  char *code;
  char *message;
  gint64 record_count;
  GPtrArray *failed_rows;
} TribFlowRunError;

#define TRIB_TYPE_FLOW_RUN (trib_flow_run_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowRun, trib_flow_run, TRIB, FLOW_RUN, GObject)

TribFlowRun      *trib_flow_run_new_from_json         (JsonObject  *object);
const char       *trib_flow_run_get_id                (TribFlowRun *self);
const char       *trib_flow_run_get_flow_id           (TribFlowRun *self);
const char       *trib_flow_run_get_parent_id         (TribFlowRun *self);
TribFlowRunState  trib_flow_run_get_state             (TribFlowRun *self);
gboolean          trib_flow_run_is_finished           (TribFlowRun *self);
gint64            trib_flow_run_get_started_ms        (TribFlowRun *self);
gint64            trib_flow_run_get_completed_ms      (TribFlowRun *self);
gint64            trib_flow_run_get_duration_ms       (TribFlowRun *self);
gint64            trib_flow_run_get_input_bytes       (TribFlowRun *self);
gint64            trib_flow_run_get_output_bytes      (TribFlowRun *self);
gint64            trib_flow_run_get_records_in        (TribFlowRun *self);
gint64            trib_flow_run_get_records_out       (TribFlowRun *self);
gint64            trib_flow_run_get_records_failed    (TribFlowRun *self);
gint64            trib_flow_run_get_files_in          (TribFlowRun *self);
gint64            trib_flow_run_get_files_out         (TribFlowRun *self);
GPtrArray        *trib_flow_run_get_errors            (TribFlowRun *self);
const char * const *trib_flow_run_get_batch_ids       (TribFlowRun *self);
TribFlowRunState  trib_flow_run_state_from_string     (const char  *status);

G_END_DECLS
