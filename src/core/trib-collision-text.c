/* trib-collision-text.c
 *
 * The collision check's findings in words: each warning names the export
 * tick and the query run it meets, in UTC with the local time beside it,
 * since both platform schedulers count in UTC and people read their own
 * clock. The same sentences are the timeline's accessible description.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-collision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-collision.h"

/**
 * trib_collision_format_time:
 * @time_ms: epoch ms
 * @local: (nullable): the reader's zone; %NULL or UTC shows UTC alone
 *
 * Returns: (transfer full): such as “Thu 03:00 UTC (04:00 CET)”
 */
char *
trib_collision_format_time (gint64     time_ms,
                            GTimeZone *local)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_ms / 1000);
  g_autoptr(GDateTime) there = NULL;
  /* Translators: a day and a time in UTC, strftime format */
  g_autofree char *text = g_date_time_format (utc, _("%a %H:%M UTC"));
  g_autofree char *local_text = NULL;

  if (local == NULL)
    return g_steal_pointer (&text);
  there = g_date_time_to_timezone (utc, local);
  /* A reader on UTC (whatever the zone's name) needs it once. */
  if (g_date_time_get_utc_offset (there) == 0 &&
      (g_strcmp0 (g_date_time_get_timezone_abbreviation (there), "UTC") == 0 ||
       g_strcmp0 (g_time_zone_get_identifier (local), "UTC") == 0))
    return g_steal_pointer (&text);

  /* Translators: a local time and its zone's abbreviation, strftime format */
  local_text = g_date_time_format (there, _("%H:%M %Z"));
  /* Translators: a time in UTC, then the same in local time */
  return g_strdup_printf (_("%s (%s)"), text, local_text);
}

static char *
format_duration (gint64 ms)
{
  gint64 minutes = (ms + 30000) / 60000;

  if (ms < 1000)
    return g_strdup (_("under a second"));
  if (ms < 60000)
    /* Translators: a duration in seconds */
    return g_strdup_printf (C_("duration", "%d s"), (int) ((ms + 500) / 1000));
  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (C_("duration", "%d min"), (int) minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (C_("duration", "%d h"), (int) (minutes / 60));
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (C_("duration", "%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/**
 * trib_collision_describe_warning:
 * @report: the check's report
 * @position: which of its warnings
 * @local: (nullable): the reader's zone
 *
 * Returns: (transfer full): the warning as a sentence naming its times
 */
char *
trib_collision_describe_warning (const TribCollisionReport *report,
                                 guint                      position,
                                 GTimeZone                 *local)
{
  const TribCollisionWarning *warning;
  const TribCollisionRun *run;
  g_autofree char *tick = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *sentence = NULL;
  const char *why;

  g_return_val_if_fail (position < report->warnings->len, NULL);

  warning = &g_array_index (report->warnings, TribCollisionWarning, position);
  run = &g_array_index (report->runs->runs, TribCollisionRun, warning->run);
  tick = trib_collision_format_time (warning->tick_ms, local);
  start = trib_collision_format_time (run->start_ms, local);

  switch (warning->kind)
    {
    case TRIB_COLLISION_INSIDE_RUN:
      end = format_duration (run->median_end_ms - run->start_ms);
      /* Translators: times such as “Thu 03:00 UTC (04:00 CET)”, then a duration */
      sentence = g_strdup_printf (_("The export at %s falls inside the query run that starts at %s and usually "
                                    "takes %s."), tick, start, end);
      break;
    case TRIB_COLLISION_INSIDE_WORST:
      end = trib_collision_format_time (run->worst_end_ms, local);
      sentence = g_strdup_printf (_("The export at %s falls inside the query run that starts at %s when it takes "
                                    "as long as its slowest recent run, until %s."), tick, start, end);
      break;
    case TRIB_COLLISION_IN_MARGIN:
    default:
      {
        g_autofree char *gap = format_duration (warning->tick_ms - run->worst_end_ms);
        g_autofree char *margin = format_duration (report->margin_ms);

        /* Without finished runs a run has no length: its start is all we know, and
         * "after it may end" would name the same time twice. */
        if (run->worst_end_ms <= run->start_ms && warning->tick_ms - run->start_ms < 1000)
          /* Translators: the export's time, the run's start, the margin */
          sentence = g_strdup_printf (_("The export at %s starts with the query run at %s: leave at least %s."),
                                      tick, start, margin);
        else if (run->worst_end_ms <= run->start_ms)
          /* Translators: the export's time, a duration, the run's start, the margin */
          sentence = g_strdup_printf (_("The export at %s comes only %s after the query run starts at %s: leave "
                                        "at least %s."), tick, gap, start, margin);
        else
          {
            end = trib_collision_format_time (run->worst_end_ms, local);
            /* Translators: the export's time, a duration, the run's start and end, the margin */
            sentence = g_strdup_printf (_("The export at %s comes only %s after the query run that starts at %s "
                                          "may end (%s): leave at least %s."), tick, gap, start, end, margin);
          }
      }
      break;
    }

  why = report->export.incremental
    ? _("The run’s rows may be split between two incremental exports.")
    : _("The export may copy a half-written dataset.");

  return g_strconcat (sentence, " ", why, NULL);
}

/**
 * trib_collision_describe:
 * @report: the check's report
 * @local: (nullable): the reader's zone
 *
 * Returns: (transfer full) (element-type utf8): every warning, then what
 *   the reader should know of the runs, then the suggested start; or one
 *   sentence saying the export is clear
 */
GPtrArray *
trib_collision_describe (const TribCollisionReport *report,
                         GTimeZone                 *local)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const TribCollisionRuns *runs = report->runs;

  for (guint i = 0; i < report->warnings->len; i++)
    g_ptr_array_add (lines, trib_collision_describe_warning (report, i, local));

  if (report->runs_overlap)
    {
      g_autofree char *worst = format_duration (runs->worst_ms);
      g_autofree char *gap = format_duration (runs->min_gap_ms);

      g_ptr_array_add (lines, g_strdup_printf (_("Query runs take up to %s but start every %s: a run is still "
                                                 "going when the next one is due."), worst, gap));
    }
  if (runs->zone_shift_ms != 0)
    {
      g_autofree char *shift = format_duration (ABS (runs->zone_shift_ms));
      g_autofree char *when = trib_collision_format_time (runs->zone_shift_at_ms, local);

      g_ptr_array_add (lines, g_strdup_printf (_("The query’s schedule is read in local time: its runs move by %s "
                                                 "in UTC when the clocks change at %s."), shift, when));
    }
  if (runs->n_durations == 0)
    g_ptr_array_add (lines, g_strdup (_("The query has no finished runs yet: its runs are drawn as instants and "
                                        "only the margin keeps the export clear.")));

  if (report->warnings->len == 0)
    {
      g_autofree char *margin = format_duration (report->margin_ms);

      g_ptr_array_add (lines, g_strdup_printf (_("No export in the next 48 hours falls inside a query run or "
                                                 "within %s after one."), margin));
    }
  else if (report->suggested_start_ms >= 0)
    {
      g_autofree char *when = trib_collision_format_time (report->suggested_start_ms, local);

      g_ptr_array_add (lines, g_strdup_printf (_("Nearest safe export start: %s."), when));
    }
  else
    g_ptr_array_add (lines, g_strdup (_("No export start is clear of the query runs: shorten the query or run it "
                                        "less often.")));

  return lines;
}
