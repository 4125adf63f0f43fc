/* trib-query-schedule.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribQueryScheduleState:
 * @TRIB_QUERY_SCHEDULE_UNKNOWN: a state this version does not know
 * @TRIB_QUERY_SCHEDULE_REGISTERING: just created, not running yet
 * @TRIB_QUERY_SCHEDULE_ENABLED: runs on its schedule and on demand
 * @TRIB_QUERY_SCHEDULE_DISABLED: runs neither; only now may it be deleted
 * @TRIB_QUERY_SCHEDULE_QUARANTINED: stopped after ten failed runs in a
 *   row, until enabled again
 */
typedef enum
{
  TRIB_QUERY_SCHEDULE_UNKNOWN,
  TRIB_QUERY_SCHEDULE_REGISTERING,
  TRIB_QUERY_SCHEDULE_ENABLED,
  TRIB_QUERY_SCHEDULE_DISABLED,
  TRIB_QUERY_SCHEDULE_QUARANTINED,
} TribQueryScheduleState;

#define TRIB_TYPE_QUERY_SCHEDULE (trib_query_schedule_get_type ())

G_DECLARE_FINAL_TYPE (TribQuerySchedule, trib_query_schedule, TRIB, QUERY_SCHEDULE, GObject)

TribQuerySchedule      *trib_query_schedule_new_from_json       (JsonObject        *object);
const char             *trib_query_schedule_get_id              (TribQuerySchedule *self);
const char             *trib_query_schedule_get_name            (TribQuerySchedule *self);
TribQueryScheduleState  trib_query_schedule_get_state           (TribQuerySchedule *self);
const char             *trib_query_schedule_get_cron            (TribQuerySchedule *self);
GDateTime              *trib_query_schedule_get_start           (TribQuerySchedule *self);
GDateTime              *trib_query_schedule_get_end             (TribQuerySchedule *self);
guint                   trib_query_schedule_get_max_active_runs (TribQuerySchedule *self);
const char             *trib_query_schedule_get_database        (TribQuerySchedule *self);
const char             *trib_query_schedule_get_sql             (TribQuerySchedule *self);
const char             *trib_query_schedule_get_template_id     (TribQuerySchedule *self);
const char             *trib_query_schedule_get_output_dataset  (TribQuerySchedule *self);
gboolean                trib_query_schedule_get_creates_dataset (TribQuerySchedule *self);
const char             *trib_query_schedule_get_quarantine_reason (TribQuerySchedule *self);
GDateTime              *trib_query_schedule_get_created         (TribQuerySchedule *self);
GDateTime              *trib_query_schedule_dup_next_run        (TribQuerySchedule *self,
                                                                 GDateTime         *after);

G_END_DECLS
