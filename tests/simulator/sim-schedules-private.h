/* sim-schedules-private.h
 *
 * What Query Service's schedule files share: the schedules and their runs.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-cron.h"
#include "sim-queries-private.h"

G_BEGIN_DECLS

#define SCHEDULES_PATH QUERY_PATH "/schedules"

/* Consecutive failed runs that quarantine a schedule (experienceleague's
 * query-schedules page).
 */
#define QUARANTINE_AFTER 10

typedef struct _Schedule Schedule;

typedef struct
{
  char *id;
  Schedule *schedule;       /* owns the run */
  gint64 created;           /* clock time it was due or asked for */
  gboolean external;        /* triggered over REST */
  const char *state;        /* IN_PROGRESS, SUCCESS, FAILED */
  const char *task_state;   /* QUEUED, IN_PROGRESS, SUCCESS, FAILED */
  char *message;
  gint64 started;           /* clock times, 0 before it starts */
  gint64 ended;
  gint64 duration_ms;       /* real, from PostgreSQL */
  gint64 row_count;
  gboolean cancelled;
  SimQueryJob *job;
  QueryOutput *output;
} ScheduleRun;

struct _Schedule
{
  char *id;
  char *org_id;
  char *sandbox;
  char *user_id;
  QueryDef *query;
  char *expression;
  SimCron *cron;
  gint64 start;             /* epoch ms */
  gint64 end;               /* -1 without */
  gint64 max_active_runs;
  const char *state;        /* REGISTERING, ENABLED, DISABLED, QUARANTINED */
  char *quarantine_reason;
  gint64 quarantined;
  guint consecutive_failures;
  gint64 created;
  gint64 updated;
  gint64 last_due;          /* the last due time handled */
  gboolean once_fired;
  GPtrArray *runs;          /* ScheduleRun, oldest first */
  guint registering_id;
};

/* sim-schedule-runs.c */
void         schedule_run_free        (ScheduleRun *run);
ScheduleRun *schedule_add_run         (Schedule    *schedule,
                                       gint64       created,
                                       gboolean     external);
guint        schedule_count_active    (Schedule    *schedule);
void         schedule_runs_register   (SimServer   *server);

/* sim-schedules.c */
Schedule    *schedules_find           (SimRequest  *request);
char        *schedules_format_time    (gint64       ms,
                                       gboolean     micro);
void         schedules_reply_accepted (SimRequest  *request,
                                       const char  *message);

G_END_DECLS
