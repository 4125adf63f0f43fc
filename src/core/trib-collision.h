/* trib-collision.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The timeline the check looks at, from its start. */
#define TRIB_COLLISION_WINDOW_MS ((gint64) 48 * 60 * 60 * 1000)
/* How many of the last finished runs give the median and the worst. */
#define TRIB_COLLISION_RECENT_RUNS 20
/* Room left after a run's worst end before an export may read. */
#define TRIB_COLLISION_DEFAULT_MARGIN_MS ((gint64) 15 * 60 * 1000)
/* Suggested starts fall on whole multiples of five minutes. */
#define TRIB_COLLISION_STEP_MS ((gint64) 5 * 60 * 1000)

/**
 * TribCollisionQuery:
 * @cron: five cron fields or a shorthand, as the schedule holds it
 * @zone: (nullable): the zone @cron is read in; %NULL is UTC, as the
 *   platform reads it
 * @start_ms: the schedule's start, epoch ms
 * @end_ms: its end, or -1
 * @durations_ms: its finished runs' durations, oldest first; negative
 *   ones (runs still going) are skipped
 * @n_durations: how many
 *
 * A scheduled query as the check sees it.
 */
typedef struct
{
  const char *cron;
  GTimeZone *zone;
  gint64 start_ms;
  gint64 end_ms;
  const gint64 *durations_ms;
  guint n_durations;
} TribCollisionQuery;

/**
 * TribCollisionExport:
 * @interval_hours: 0 for once, 24 for daily, or 3, 6, 9, 12
 * @incremental: `FIRST_FULL_THEN_INCREMENTAL` rather than a full export
 * @start_ms: `startTime`, epoch ms
 * @end_ms: `endTime`, or -1
 *
 * A dataset export's `scheduleParams` as the check sees them.
 */
typedef struct
{
  guint interval_hours;
  gboolean incremental;
  gint64 start_ms;
  gint64 end_ms;
} TribCollisionExport;

/**
 * TribCollisionRun:
 * @start_ms: when the run is due
 * @median_end_ms: when it ends if it takes its median time
 * @worst_end_ms: when it ends if it takes its worst recent time
 *
 * One run of the query on the timeline.
 */
typedef struct
{
  gint64 start_ms;
  gint64 median_end_ms;
  gint64 worst_end_ms;
} TribCollisionRun;

/**
 * TribCollisionRuns:
 * @window_start_ms: the timeline's start
 * @runs: (element-type TribCollisionRun): the runs that touch the
 *   timeline, in order (one may start before it and still be going)
 * @median_ms: the median of the recent durations, 0 without any
 * @worst_ms: the longest of them
 * @n_durations: how many recent durations were used
 * @min_gap_ms: the shortest time between two runs' starts, or -1
 * @zone_shift_ms: how far the local zone's offset moves within the
 *   timeline (summer time), 0 when it does not
 * @zone_shift_at_ms: when it moves
 *
 * A query's runs over the timeline, worked out once and checked against
 * any number of exports.
 */
typedef struct
{
  gint64 window_start_ms;
  GArray *runs;
  gint64 median_ms;
  gint64 worst_ms;
  guint n_durations;
  gint64 min_gap_ms;
  gint64 zone_shift_ms;
  gint64 zone_shift_at_ms;
} TribCollisionRuns;

/**
 * TribCollisionKind:
 * @TRIB_COLLISION_INSIDE_RUN: the tick falls before the run's median end
 * @TRIB_COLLISION_INSIDE_WORST: between its median and its worst end
 * @TRIB_COLLISION_IN_MARGIN: within the safety margin after its worst end
 */
typedef enum
{
  TRIB_COLLISION_INSIDE_RUN,
  TRIB_COLLISION_INSIDE_WORST,
  TRIB_COLLISION_IN_MARGIN,
} TribCollisionKind;

/**
 * TribCollisionWarning:
 * @kind: how close the tick is
 * @tick_ms: the export tick
 * @run: index of the run in the report's runs
 */
typedef struct
{
  TribCollisionKind kind;
  gint64 tick_ms;
  guint run;
} TribCollisionWarning;

/**
 * TribCollisionReport:
 * @runs: the query's runs (shared, not owned)
 * @export: the export checked
 * @margin_ms: the safety margin used
 * @ticks: (element-type gint64): the export's ticks within the timeline
 * @warnings: (element-type TribCollisionWarning): one for each tick that
 *   falls inside a run or its margin, in time order
 * @runs_overlap: the worst run lasts longer than the time between runs
 * @suggested_start_ms: the nearest export start whose ticks are all
 *   clear, the first such tick at or after the timeline's start; -1 when
 *   there are no warnings or no start is clear
 *
 * What the check found for one query and one export.
 */
typedef struct
{
  const TribCollisionRuns *runs;
  TribCollisionExport export;
  gint64 margin_ms;
  GArray *ticks;
  GArray *warnings;
  gboolean runs_overlap;
  gint64 suggested_start_ms;
} TribCollisionReport;

gboolean            trib_collision_export_from_params (JsonObject                *params,
                                                       TribCollisionExport       *export,
                                                       GError                   **error);

TribCollisionRuns  *trib_collision_runs_new           (const TribCollisionQuery  *query,
                                                       gint64                     window_start_ms,
                                                       gint64                     margin_ms,
                                                       GError                   **error);
void                trib_collision_runs_free          (TribCollisionRuns         *runs);

GArray             *trib_collision_ticks              (const TribCollisionExport *export,
                                                       gint64                     window_start_ms);

TribCollisionReport *trib_collision_check             (const TribCollisionRuns   *runs,
                                                       const TribCollisionExport *export,
                                                       GArray                    *ticks,
                                                       gint64                     margin_ms);
void                trib_collision_report_free        (TribCollisionReport       *report);

char               *trib_collision_format_time        (gint64                     time_ms,
                                                       GTimeZone                 *local);
char               *trib_collision_describe_warning   (const TribCollisionReport *report,
                                                       guint                      position,
                                                       GTimeZone                 *local);
GPtrArray          *trib_collision_describe           (const TribCollisionReport *report,
                                                       GTimeZone                 *local);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribCollisionRuns, trib_collision_runs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribCollisionReport, trib_collision_report_free)

G_END_DECLS
