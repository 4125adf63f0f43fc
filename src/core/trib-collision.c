/* trib-collision.c
 *
 * Seed 001's closing warning as arithmetic: a scheduled query writes a
 * dataset on Query Service's scheduler (cron, UTC) and a dataset export
 * reads it on Flow Service's (an epoch `startTime` plus whole intervals),
 * and nothing links the two (API-NOTES §C3). An export tick that falls
 * while the query is still writing may copy half a run, or split it
 * across two incremental exports, so each run is laid on a 48-hour UTC
 * timeline as long as its recent durations (median and worst), each tick
 * beside it, and a tick inside a run or within a margin after its worst
 * end is a warning. The nearest start whose ticks all fall clear is
 * worked out from the runs folded onto the export's period, not by
 * trying starts one by one, so checking many pairs stays cheap.
 *
 * The wording of the warnings is in trib-collision-text.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-collision"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "trib-collision.h"
#include "trib-cron.h"

#define HOUR_MS ((gint64) 60 * 60 * 1000)

/* At most a run a minute over the window and what leads into it. */
#define MAX_RUNS (3 * 24 * 60)

static gint64
get_integer (JsonObject *object,
             const char *member,
             gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      *ok = FALSE;
      return 0;
    }
  /* The docs send numbers as strings too ("interval": "30"). */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (json_node_get_string (node), 10, 0, G_MAXINT64, &value, NULL))
        *ok = FALSE;
      return value;
    }
  if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);

  *ok = FALSE;
  return 0;
}

/**
 * trib_collision_export_from_params:
 * @params: a dataset flow's `scheduleParams`
 * @export: (out caller-allocates): what the check needs of it
 *
 * Accepts the combinations the platform accepts (API-NOTES §C2): once
 * (`DAILY_FULL_EXPORT`, `day`, 0), daily incremental (`day`, 1) and
 * incremental every 3, 6, 9 or 12 hours.
 *
 * Returns: %FALSE with @error when @params is not one of them
 */
gboolean
trib_collision_export_from_params (JsonObject           *params,
                                   TribCollisionExport  *export,
                                   GError              **error)
{
  const char *mode;
  const char *unit;
  gboolean ok = TRUE;
  gint64 interval;
  gint64 start;
  gint64 end = -1;

  g_return_val_if_fail (params != NULL, FALSE);

  mode = json_object_get_string_member_with_default (params, "exportMode", NULL);
  unit = json_object_get_string_member_with_default (params, "timeUnit", NULL);
  interval = get_integer (params, "interval", &ok);
  start = get_integer (params, "startTime", &ok);
  if (ok && json_object_has_member (params, "endTime") && !json_object_get_null_member (params, "endTime"))
    end = get_integer (params, "endTime", &ok);

  *export = (TribCollisionExport) { 0 };
  export->start_ms = start * 1000;
  export->end_ms = end >= 0 ? end * 1000 : -1;
  export->incremental = g_strcmp0 (mode, "FIRST_FULL_THEN_INCREMENTAL") == 0;

  if (ok && g_strcmp0 (mode, "DAILY_FULL_EXPORT") == 0 && g_strcmp0 (unit, "day") == 0 && interval == 0)
    return TRUE;
  if (ok && export->incremental && g_strcmp0 (unit, "day") == 0 && interval == 1)
    {
      export->interval_hours = 24;
      return TRUE;
    }
  if (ok && export->incremental && g_strcmp0 (unit, "hour") == 0 &&
      (interval == 3 || interval == 6 || interval == 9 || interval == 12))
    {
      export->interval_hours = (guint) interval;
      return TRUE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The export’s schedule is not one the platform runs: once, daily, or every 3, 6, 9 or "
                         "12 hours."));
  return FALSE;
}

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
measure_durations (TribCollisionRuns        *runs,
                   const TribCollisionQuery *query)
{
  gint64 recent[TRIB_COLLISION_RECENT_RUNS];
  guint n = 0;

  /* The last finished ones, walking back from the newest. */
  for (guint i = query->n_durations; i > 0 && n < G_N_ELEMENTS (recent); i--)
    if (query->durations_ms[i - 1] >= 0)
      recent[n++] = query->durations_ms[i - 1];

  runs->n_durations = n;
  if (n == 0)
    return;

  qsort (recent, n, sizeof (gint64), compare_ms);
  runs->median_ms = n % 2 ? recent[n / 2] : (recent[n / 2 - 1] + recent[n / 2]) / 2;
  runs->worst_ms = recent[n - 1];
}

/* A local zone's offset may move within the window: say where. */
static void
find_zone_shift (TribCollisionRuns *runs,
                 GTimeZone         *zone,
                 gint64             window_start_ms)
{
  gint64 low = window_start_ms / 1000;
  gint64 high = (window_start_ms + TRIB_COLLISION_WINDOW_MS) / 1000;
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (low);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (high);
  g_autoptr(GDateTime) first_local = g_date_time_to_timezone (first, zone);
  g_autoptr(GDateTime) last_local = g_date_time_to_timezone (last, zone);
  GTimeSpan before = g_date_time_get_utc_offset (first_local);
  GTimeSpan after = g_date_time_get_utc_offset (last_local);

  if (before == after)
    return;

  /* Offsets change on whole minutes: halve down to one. */
  while (high - low > 60)
    {
      gint64 middle = low + (high - low) / 2;
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (middle);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

      if (g_date_time_get_utc_offset (local) == before)
        low = middle;
      else
        high = middle;
    }
  runs->zone_shift_ms = (after - before) / 1000;
  runs->zone_shift_at_ms = high / 60 * 60 * 1000;
}

/**
 * trib_collision_runs_new:
 * @query: the scheduled query
 * @window_start_ms: the timeline's start, epoch ms
 * @margin_ms: the safety margin, so that a run ending in it just before
 *   the window counts
 *
 * Returns: (transfer full) (nullable): the runs, or %NULL with @error
 *   when the cron cannot be read
 */
TribCollisionRuns *
trib_collision_runs_new (const TribCollisionQuery  *query,
                         gint64                     window_start_ms,
                         gint64                     margin_ms,
                         GError                   **error)
{
  g_autoptr(TribCron) cron = NULL;
  g_autoptr(TribCollisionRuns) runs = NULL;
  gint64 window_end = window_start_ms + TRIB_COLLISION_WINDOW_MS;
  gint64 previous = -1;
  gint64 time;

  g_return_val_if_fail (query != NULL, NULL);

  cron = trib_cron_parse (query->cron, error);
  if (cron == NULL)
    return NULL;

  runs = g_new0 (TribCollisionRuns, 1);
  runs->window_start_ms = window_start_ms;
  runs->runs = g_array_new (FALSE, FALSE, sizeof (TribCollisionRun));
  runs->min_gap_ms = -1;
  measure_durations (runs, query);
  if (query->zone != NULL)
    find_zone_shift (runs, query->zone, window_start_ms);

  if (trib_cron_is_once (cron))
    {
      TribCollisionRun run = { query->start_ms, query->start_ms + runs->median_ms, query->start_ms + runs->worst_ms };

      if (run.worst_end_ms + margin_ms > window_start_ms && run.start_ms < window_end)
        g_array_append_val (runs->runs, run);
      return g_steal_pointer (&runs);
    }

  /* From early enough that a run still going at the start is drawn. */
  time = window_start_ms - runs->worst_ms - margin_ms - 1;
  time = MAX (time, query->start_ms - 1);
  while (runs->runs->len < MAX_RUNS)
    {
      TribCollisionRun run;

      time = trib_cron_next_in (cron, time, query->zone);
      if (time < 0 || time >= window_end || (query->end_ms >= 0 && time > query->end_ms))
        break;

      if (previous >= 0 && (runs->min_gap_ms < 0 || time - previous < runs->min_gap_ms))
        runs->min_gap_ms = time - previous;
      previous = time;

      run.start_ms = time;
      run.median_end_ms = time + runs->median_ms;
      run.worst_end_ms = time + runs->worst_ms;
      if (run.worst_end_ms + margin_ms > window_start_ms)
        g_array_append_val (runs->runs, run);
    }

  return g_steal_pointer (&runs);
}

void
trib_collision_runs_free (TribCollisionRuns *runs)
{
  if (runs == NULL)
    return;
  g_clear_pointer (&runs->runs, g_array_unref);
  g_free (runs);
}

/**
 * trib_collision_ticks:
 * @export: the export
 * @window_start_ms: the timeline's start
 *
 * Returns: (transfer full) (element-type gint64): the export's ticks in
 *   the 48 hours from @window_start_ms, in order
 */
GArray *
trib_collision_ticks (const TribCollisionExport *export,
                      gint64                     window_start_ms)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 window_end = window_start_ms + TRIB_COLLISION_WINDOW_MS;
  gint64 period = (gint64) export->interval_hours * HOUR_MS;
  gint64 tick = export->start_ms;

  if (period == 0)
    {
      if (tick >= window_start_ms && tick < window_end)
        g_array_append_val (ticks, tick);
      return ticks;
    }

  if (tick < window_start_ms)
    tick += (window_start_ms - tick + period - 1) / period * period;
  for (; tick < window_end && (export->end_ms < 0 || tick <= export->end_ms); tick += period)
    g_array_append_val (ticks, tick);

  return ticks;
}

/* The run whose busy time (start to worst end plus margin) holds
 * @tick, from @from on; runs are in order, so the search only moves on. */
static gboolean
find_run (const GArray *runs,
          gint64        tick,
          gint64        margin_ms,
          guint        *from,
          guint        *found)
{
  /* Runs that ended, margin and all, before this tick end before the
   * next one too. */
  while (*from < runs->len && g_array_index (runs, TribCollisionRun, *from).worst_end_ms + margin_ms <= tick)
    (*from)++;

  for (guint i = *from; i < runs->len; i++)
    {
      const TribCollisionRun *run = &g_array_index (runs, TribCollisionRun, i);

      if (run->start_ms > tick)
        return FALSE;
      if (tick < run->worst_end_ms + margin_ms)
        {
          *found = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  gint64 from;
  gint64 to;
} Span;

static int
compare_span (gconstpointer a,
              gconstpointer b)
{
  return compare_ms (&((const Span *) a)->from, &((const Span *) b)->from);
}

static gint64
floor_step (gint64 value)
{
  return value >= 0 ? value / TRIB_COLLISION_STEP_MS * TRIB_COLLISION_STEP_MS
                    : -((-value + TRIB_COLLISION_STEP_MS - 1) / TRIB_COLLISION_STEP_MS * TRIB_COLLISION_STEP_MS);
}

static gint64
ceil_step (gint64 value)
{
  return -floor_step (-value);
}

/* The busy spans, merged and in order; with @period, folded onto it. */
static GArray *
busy_spans (const TribCollisionRuns *runs,
            gint64                   margin_ms,
            gint64                   period)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < runs->runs->len; i++)
    {
      const TribCollisionRun *run = &g_array_index (runs->runs, TribCollisionRun, i);
      Span span = { run->start_ms, run->worst_end_ms + margin_ms };

      if (period > 0)
        {
          gint64 length = span.to - span.from;

          span.from = ((span.from % period) + period) % period;
          span.to = span.from + length;
          if (span.to > period)
            {
              Span wrapped = { 0, span.to - period };

              g_array_append_val (spans, wrapped);
            }
        }
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_span);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *last = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (last != NULL && span->from <= last->to)
        last->to = MAX (last->to, span->to);
      else
        g_array_append_val (merged, *span);
    }

  return merged;
}

/* The busy span holding @value, or -1. */
static int
span_at (GArray *spans,
         gint64  value)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (value < span->from)
        return -1;
      if (value < span->to)
        return (int) i;
    }
  return -1;
}

/* The nearest clear point at or after, and at or before, @value on a
 * line (@period 0) or a circle of @period. */
static void
nearest_clear (GArray *spans,
               gint64  value,
               gint64  period,
               gint64 *later,
               gint64 *earlier)
{
  gint64 point = value;
  int span;

  /* Each step leaves one span, so at most their number of steps. */
  for (guint guard = 0; (span = span_at (spans, period > 0 ? ((point % period) + period) % period : point)) >= 0;
       guard++)
    {
      gint64 base = period > 0 ? point - (((point % period) + period) % period) : 0;

      if (guard > spans->len + 1)
        {
          point = G_MININT64;
          break;
        }
      point = ceil_step (base + g_array_index (spans, Span, span).to);
    }
  *later = point;

  point = value;
  for (guint guard = 0; (span = span_at (spans, period > 0 ? ((point % period) + period) % period : point)) >= 0;
       guard++)
    {
      gint64 base = period > 0 ? point - (((point % period) + period) % period) : 0;

      if (guard > spans->len + 1)
        {
          point = G_MININT64;
          break;
        }
      point = floor_step (base + g_array_index (spans, Span, span).from - 1);
    }
  *earlier = point;
}

static gint64
suggest_start (const TribCollisionRuns   *runs,
               const TribCollisionExport *export,
               gint64                     margin_ms)
{
  gint64 period = (gint64) export->interval_hours * HOUR_MS;
  gint64 window_start = runs->window_start_ms;
  g_autoptr(GArray) spans = NULL;
  gint64 later;
  gint64 earlier;
  gint64 start;

  /* Folded onto the period, runs that last longer than the time
   * between them (or many runs) may leave no gap at all: the first span
   * then starts at 0 and reaches round. */
  spans = busy_spans (runs, margin_ms, period);
  if (period > 0 && spans->len > 0 && g_array_index (spans, Span, 0).from <= 0 &&
      g_array_index (spans, Span, 0).to >= period)
    return -1;

  if (period == 0)
    {
      gint64 tick = MAX (export->start_ms, window_start);

      nearest_clear (spans, tick, 0, &later, &earlier);
      if (earlier < window_start || (later != G_MININT64 && later - tick <= tick - earlier))
        start = later;
      else
        start = earlier;
      return start == G_MININT64 ? -1 : start;
    }

  nearest_clear (spans, export->start_ms, period, &later, &earlier);
  if (later == G_MININT64 && earlier == G_MININT64)
    return -1;
  if (earlier == G_MININT64 || (later != G_MININT64 && later - export->start_ms <= export->start_ms - earlier))
    start = later;
  else
    start = earlier;

  /* An export yet to start keeps its day; one already running is
   * given its first tick from the window's start. */
  if (start < window_start)
    start += (window_start - start + period - 1) / period * period;
  while (export->start_ms < window_start && start - period >= window_start)
    start -= period;

  return start;
}

/**
 * trib_collision_check:
 * @runs: the query's runs
 * @export: the export
 * @ticks: (element-type gint64): its ticks, from trib_collision_ticks()
 * @margin_ms: the safety margin after a run's worst end
 *
 * Returns: (transfer full): what was found; it refers to @runs, which
 *   must outlive it, and takes a reference on @ticks
 */
TribCollisionReport *
trib_collision_check (const TribCollisionRuns   *runs,
                      const TribCollisionExport *export,
                      GArray                    *ticks,
                      gint64                     margin_ms)
{
  TribCollisionReport *report = g_new0 (TribCollisionReport, 1);
  guint from = 0;

  report->runs = runs;
  report->export = *export;
  report->margin_ms = margin_ms;
  report->ticks = g_array_ref (ticks);
  report->warnings = g_array_new (FALSE, FALSE, sizeof (TribCollisionWarning));
  report->runs_overlap = runs->min_gap_ms >= 0 && runs->worst_ms > runs->min_gap_ms;
  report->suggested_start_ms = -1;

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 tick = g_array_index (ticks, gint64, i);
      TribCollisionWarning warning = { 0 };
      const TribCollisionRun *run;
      guint found;

      if (!find_run (runs->runs, tick, margin_ms, &from, &found))
        continue;

      run = &g_array_index (runs->runs, TribCollisionRun, found);
      warning.tick_ms = tick;
      warning.run = found;
      if (tick < run->median_end_ms)
        warning.kind = TRIB_COLLISION_INSIDE_RUN;
      else if (tick < run->worst_end_ms)
        warning.kind = TRIB_COLLISION_INSIDE_WORST;
      else
        warning.kind = TRIB_COLLISION_IN_MARGIN;
      g_array_append_val (report->warnings, warning);
    }

  if (report->warnings->len > 0)
    report->suggested_start_ms = suggest_start (runs, export, margin_ms);

  return report;
}

void
trib_collision_report_free (TribCollisionReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->ticks, g_array_unref);
  g_clear_pointer (&report->warnings, g_array_unref);
  g_free (report);
}
