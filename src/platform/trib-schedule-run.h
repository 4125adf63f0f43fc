/* trib-schedule-run.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribScheduleRunState:
 * @TRIB_SCHEDULE_RUN_UNKNOWN: a state this version does not know
 * @TRIB_SCHEDULE_RUN_IN_PROGRESS: waiting or running
 * @TRIB_SCHEDULE_RUN_SUCCESS: done
 * @TRIB_SCHEDULE_RUN_FAILED: failed, or cancelled
 */
typedef enum
{
  TRIB_SCHEDULE_RUN_UNKNOWN,
  TRIB_SCHEDULE_RUN_IN_PROGRESS,
  TRIB_SCHEDULE_RUN_SUCCESS,
  TRIB_SCHEDULE_RUN_FAILED,
} TribScheduleRunState;

/**
 * TribScheduleTask:
 * @id: the task's id
 * @state: `QUEUED`, `IN_PROGRESS`, `SUCCESS`, `FAILED`, `QUEUED_FOR_RETRY`
 * @message: (nullable): what the platform says of it
 * @start: (nullable): when it started
 * @end: (nullable): when it ended
 * @duration_ms: how long it took, -1 while it runs
 *
 * One of a run's `taskStatusList`.
 */
typedef struct
{
  char *id;
  char *state;
  char *message;
  GDateTime *start;
  GDateTime *end;
  gint64 duration_ms;
} TribScheduleTask;

#define TRIB_TYPE_SCHEDULE_RUN (trib_schedule_run_get_type ())

G_DECLARE_FINAL_TYPE (TribScheduleRun, trib_schedule_run, TRIB, SCHEDULE_RUN, GObject)

TribScheduleRun        *trib_schedule_run_new_from_json     (JsonObject      *object);
const char             *trib_schedule_run_get_id            (TribScheduleRun *self);
const char             *trib_schedule_run_get_schedule_id   (TribScheduleRun *self);
TribScheduleRunState    trib_schedule_run_get_state         (TribScheduleRun *self);
GDateTime              *trib_schedule_run_get_created       (TribScheduleRun *self);
gboolean                trib_schedule_run_get_external      (TribScheduleRun *self);
GDateTime              *trib_schedule_run_get_start         (TribScheduleRun *self);
GDateTime              *trib_schedule_run_get_end           (TribScheduleRun *self);
gint64                  trib_schedule_run_get_duration_ms   (TribScheduleRun *self);
const char             *trib_schedule_run_get_error         (TribScheduleRun *self);
guint                   trib_schedule_run_get_n_tasks       (TribScheduleRun *self);
const TribScheduleTask *trib_schedule_run_get_task          (TribScheduleRun *self,
                                                             guint            position);

G_END_DECLS
