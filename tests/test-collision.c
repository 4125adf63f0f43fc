/* test-collision.c
 *
 * The collision check between a scheduled query and a dataset export as
 * a table of cases, each with the warnings and the suggested start it
 * must give: cron forms, a change to summer time (cron read in local
 * time against UTC), end dates, runs longer than the time between them,
 * exports every few hours against a daily query, a schedule that has no
 * runs yet. Then the sentences, and the export schedules the platform
 * accepts.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-collision.h"

#define MINUTE_MS ((gint64) 60 * 1000)

typedef struct
{
  const char *name;
  const char *cron;
  const char *zone;
  const char *query_start;
  const char *query_end;
  gint64 durations_min[6];
  guint n_durations;
  guint interval_hours;
  const char *export_start;
  const char *export_end;
  const char *window;
  /* "kind@time", kind inside|worst|margin, time in UTC */
  const char *expected[9];
  /* NULL when nothing collides, "none" when no start is clear */
  const char *suggested;
  gboolean overlap;
} Case;

static const Case cases[] = {
  { "daily clear", "0 2 * * *", NULL, "2026-01-01T00:00", NULL, { 30, 40, 50 }, 3,
    24, "2026-01-05T04:00", NULL, "2026-01-05T00:00", { NULL }, NULL, FALSE },
  { "daily export inside the run", "0 2 * * *", NULL, "2026-01-01T00:00", NULL, { 30, 40, 50 }, 3,
    24, "2026-01-05T02:20", NULL, "2026-01-05T00:00",
    { "inside@2026-01-05T02:20", "inside@2026-01-06T02:20" }, "2026-01-05T01:55", FALSE },
  { "inside the slowest run", "0 2 * * *", NULL, "2026-01-01T00:00", NULL, { 50, 30, 40 }, 3,
    24, "2026-01-05T02:45", NULL, "2026-01-05T00:00",
    { "worst@2026-01-05T02:45", "worst@2026-01-06T02:45" }, "2026-01-05T03:05", FALSE },
  { "within the margin", "0 2 * * *", NULL, "2026-01-01T00:00", NULL, { 30, 40, 50 }, 3,
    24, "2026-01-05T02:55", NULL, "2026-01-05T00:00",
    { "margin@2026-01-05T02:55", "margin@2026-01-06T02:55" }, "2026-01-05T03:05", FALSE },
  /* Every three hours against @daily: the midnight ticks meet the run. */
  { "every 3 h against a daily query", "@daily", NULL, "2026-01-01T00:00", NULL, { 40, 45, 50, 55, 60 }, 5,
    3, "2026-01-05T00:00", NULL, "2026-01-05T00:00",
    { "inside@2026-01-05T00:00", "inside@2026-01-06T00:00" }, "2026-01-05T02:55", FALSE },
  { "every 6 h clear of a daily query", "@daily", NULL, "2026-01-01T00:00", NULL, { 40, 45, 50 }, 3,
    6, "2026-01-01T01:30", NULL, "2026-01-05T00:00", { NULL }, NULL, FALSE },
  /* Runs of 70 min every hour: always running, no start is clear. */
  { "runs longer than the interval", "0 * * * *", NULL, "2026-01-01T00:00", NULL, { 70 }, 1,
    6, "2026-01-05T00:30", NULL, "2026-01-05T00:00",
    { "inside@2026-01-05T00:30", "inside@2026-01-05T06:30", "inside@2026-01-05T12:30", "inside@2026-01-05T18:30",
      "inside@2026-01-06T00:30", "inside@2026-01-06T06:30", "inside@2026-01-06T12:30", "inside@2026-01-06T18:30" },
    "none", TRUE },
  /* 70 min every 2 h overlaps nothing of its own but leaves a gap. */
  { "long runs with room between", "0 */2 * * *", NULL, "2026-01-01T00:00", NULL, { 70 }, 1,
    12, "2026-01-05T00:30", NULL, "2026-01-05T00:00",
    { "inside@2026-01-05T00:30", "inside@2026-01-05T12:30", "inside@2026-01-06T00:30", "inside@2026-01-06T12:30" },
    "2026-01-05T11:55", FALSE },
  { "the query ends", "0 2 * * *", NULL, "2026-01-01T00:00", "2026-01-05T12:00", { 30, 40, 50 }, 3,
    24, "2026-01-05T02:20", NULL, "2026-01-05T00:00", { "inside@2026-01-05T02:20" }, "2026-01-05T01:55", FALSE },
  { "the export ends", "0 2 * * *", NULL, "2026-01-01T00:00", NULL, { 30, 40, 50 }, 3,
    24, "2026-01-05T02:20", "2026-01-05T12:00", "2026-01-05T00:00",
    { "inside@2026-01-05T02:20" }, "2026-01-05T01:55", FALSE },
  { "the query starts later", "0 2 * * *", NULL, "2026-01-06T00:00", NULL, { 30, 40, 50 }, 3,
    24, "2026-01-05T02:20", NULL, "2026-01-05T00:00", { "inside@2026-01-06T02:20" }, "2026-01-05T01:55", FALSE },
  /* 01:00 in Paris is 00:00 UTC before the change of 29 March and 23:00
   * UTC after it: the 23:30 export is then inside the run. */
  { "summer time cron in local time", "0 1 * * *", "Europe/Paris", "2026-03-01T00:00", NULL, { 40 }, 1,
    24, "2026-03-28T23:30", NULL, "2026-03-28T12:00", { "inside@2026-03-29T23:30" }, "2026-03-28T23:55", FALSE },
  { "summer time cron in UTC", "0 1 * * *", NULL, "2026-03-01T00:00", NULL, { 40 }, 1,
    24, "2026-03-28T23:30", NULL, "2026-03-28T12:00", { NULL }, NULL, FALSE },
  { "once against once", "@once", NULL, "2026-01-05T06:00", NULL, { 30 }, 1,
    0, "2026-01-05T06:10", NULL, "2026-01-05T00:00", { "inside@2026-01-05T06:10" }, "2026-01-05T05:55", FALSE },
  { "no runs yet", "0 6 * * *", NULL, "2026-01-01T00:00", NULL, { 0 }, 0,
    3, "2026-01-05T00:00", NULL, "2026-01-05T00:00",
    { "margin@2026-01-05T06:00", "margin@2026-01-06T06:00" }, "2026-01-05T02:55", FALSE },
  /* Ranges, steps, names: weekdays at 08:30, 13:30 and 18:30. */
  { "cron ranges and names", "30 8-18/5 * * MON-FRI", NULL, "2026-01-01T00:00", NULL, { 20 }, 1,
    12, "2026-01-09T08:40", NULL, "2026-01-09T00:00", { "inside@2026-01-09T08:40" }, "2026-01-09T08:25", FALSE },
  /* A run that started before the window is still going at its start. */
  { "a run going at the start", "30 23 * * *", NULL, "2026-01-01T00:00", NULL, { 60 }, 1,
    24, "2026-01-05T00:10", NULL, "2026-01-05T00:00",
    { "inside@2026-01-05T00:10", "inside@2026-01-06T00:10" }, "2026-01-05T00:45", FALSE },
};

static gint64
parse_ms (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *full = g_strconcat (text, ":00Z", NULL);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (full, utc);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * 1000;
}

static char *
format_ms (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M");
}

static const char *
kind_name (TribCollisionKind kind)
{
  switch (kind)
    {
    case TRIB_COLLISION_INSIDE_RUN:
      return "inside";
    case TRIB_COLLISION_INSIDE_WORST:
      return "worst";
    case TRIB_COLLISION_IN_MARGIN:
    default:
      return "margin";
    }
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GTimeZone) zone = c->zone != NULL ? g_time_zone_new_identifier (c->zone) : NULL;
  gint64 durations[G_N_ELEMENTS (c->durations_min)];
  TribCollisionQuery query = { 0 };
  TribCollisionExport export = { 0 };
  g_autoptr(TribCollisionRuns) runs = NULL;
  g_autoptr(TribCollisionReport) report = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 window = parse_ms (c->window);
  guint n_expected = 0;

  for (guint i = 0; i < c->n_durations; i++)
    durations[i] = c->durations_min[i] * MINUTE_MS;
  query.cron = c->cron;
  query.zone = zone;
  query.start_ms = parse_ms (c->query_start);
  query.end_ms = c->query_end != NULL ? parse_ms (c->query_end) : -1;
  query.durations_ms = durations;
  query.n_durations = c->n_durations;
  export.interval_hours = c->interval_hours;
  export.incremental = c->interval_hours != 0;
  export.start_ms = parse_ms (c->export_start);
  export.end_ms = c->export_end != NULL ? parse_ms (c->export_end) : -1;

  runs = trib_collision_runs_new (&query, window, TRIB_COLLISION_DEFAULT_MARGIN_MS, &error);
  g_assert_no_error (error);
  ticks = trib_collision_ticks (&export, window);
  report = trib_collision_check (runs, &export, ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS);

  while (n_expected < G_N_ELEMENTS (c->expected) && c->expected[n_expected] != NULL)
    n_expected++;
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const TribCollisionWarning *warning = &g_array_index (report->warnings, TribCollisionWarning, i);
      g_autofree char *time = format_ms (warning->tick_ms);
      g_autofree char *found = g_strdup_printf ("%s@%s", kind_name (warning->kind), time);

      g_assert_cmpuint (i, <, n_expected);
      g_assert_cmpstr (found, ==, c->expected[i]);
    }
  g_assert_cmpuint (report->warnings->len, ==, n_expected);

  if (c->suggested == NULL)
    g_assert_cmpint (report->suggested_start_ms, ==, -1);
  else if (g_str_equal (c->suggested, "none"))
    g_assert_cmpint (report->suggested_start_ms, ==, -1);
  else
    {
      g_autofree char *suggested = format_ms (report->suggested_start_ms);
      g_autoptr(GArray) moved_ticks = NULL;
      g_autoptr(TribCollisionReport) moved = NULL;
      TribCollisionExport better = export;

      g_assert_cmpstr (suggested, ==, c->suggested);

      /* The suggested start is clear indeed. */
      better.start_ms = report->suggested_start_ms;
      moved_ticks = trib_collision_ticks (&better, window);
      moved = trib_collision_check (runs, &better, moved_ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS);
      g_assert_cmpuint (moved->warnings->len, ==, 0);
    }
  g_assert_cmpint (report->runs_overlap, ==, c->overlap);

  /* One sentence per warning, and a last one to say what to do. */
  lines = trib_collision_describe (report, zone);
  g_assert_cmpuint (lines->len, >=, report->warnings->len + 1);
  if (c->zone != NULL)
    g_assert_nonnull (strstr (g_ptr_array_index (lines, lines->len - 2), "clocks change"));
  if (c->suggested != NULL && g_str_equal (c->suggested, "none"))
    g_assert_nonnull (strstr (g_ptr_array_index (lines, lines->len - 1), "No export start is clear"));
}

static void
test_sentences (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  const gint64 durations[] = { 30 * MINUTE_MS, 40 * MINUTE_MS, 50 * MINUTE_MS };
  TribCollisionQuery query = { "0 2 * * *", NULL, parse_ms ("2026-01-01T00:00"), -1, durations, 3 };
  TribCollisionExport export = { 24, TRUE, parse_ms ("2026-01-05T02:55"), -1 };
  gint64 window = parse_ms ("2026-01-05T00:00");
  g_autoptr(TribCollisionRuns) runs = trib_collision_runs_new (&query, window, TRIB_COLLISION_DEFAULT_MARGIN_MS,
                                                               NULL);
  g_autoptr(GArray) ticks = trib_collision_ticks (&export, window);
  g_autoptr(TribCollisionReport) report = trib_collision_check (runs, &export, ticks,
                                                                TRIB_COLLISION_DEFAULT_MARGIN_MS);
  g_autoptr(GPtrArray) lines = trib_collision_describe (report, paris);
  g_autofree char *plain = trib_collision_describe_warning (report, 0, NULL);

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "The export at Mon 02:55 UTC (03:55 CET) comes only 5 min after the query run that starts at "
                   "Mon 02:00 UTC (03:00 CET) may end (Mon 02:50 UTC (03:50 CET)): leave at least 15 min. "
                   "The run’s rows may be split between two incremental exports.");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "Nearest safe export start: Mon 03:05 UTC (04:05 CET).");
  g_assert_true (g_str_has_prefix (plain, "The export at Mon 02:55 UTC comes only 5 min"));
}

/* A query without finished runs: each run is an instant, so the sentence names
 * its start once instead of an end that equals it. */
static void
test_sentences_without_history (void)
{
  TribCollisionQuery query = { "0 2 * * *", NULL, parse_ms ("2026-01-01T00:00"), -1, NULL, 0 };
  TribCollisionExport at_start = { 24, TRUE, parse_ms ("2026-01-05T02:00"), -1 };
  TribCollisionExport later = { 24, FALSE, parse_ms ("2026-01-05T02:10"), -1 };
  gint64 window = parse_ms ("2026-01-05T00:00");
  g_autoptr(TribCollisionRuns) runs = trib_collision_runs_new (&query, window, TRIB_COLLISION_DEFAULT_MARGIN_MS,
                                                               NULL);
  g_autoptr(GArray) at_start_ticks = trib_collision_ticks (&at_start, window);
  g_autoptr(GArray) later_ticks = trib_collision_ticks (&later, window);
  g_autoptr(TribCollisionReport) at_start_report = trib_collision_check (runs, &at_start, at_start_ticks,
                                                                        TRIB_COLLISION_DEFAULT_MARGIN_MS);
  g_autoptr(TribCollisionReport) later_report = trib_collision_check (runs, &later, later_ticks,
                                                                     TRIB_COLLISION_DEFAULT_MARGIN_MS);
  g_autofree char *at_start_text = NULL;
  g_autofree char *later_text = NULL;

  g_assert_cmpuint (at_start_report->warnings->len, >=, 1);
  g_assert_cmpuint (later_report->warnings->len, >=, 1);
  at_start_text = trib_collision_describe_warning (at_start_report, 0, NULL);
  later_text = trib_collision_describe_warning (later_report, 0, NULL);
  g_assert_cmpstr (at_start_text, ==,
                   "The export at Mon 02:00 UTC starts with the query run at Mon 02:00 UTC: leave at least 15 min. "
                   "The run’s rows may be split between two incremental exports.");
  g_assert_cmpstr (later_text, ==,
                   "The export at Mon 02:10 UTC comes only 10 min after the query run starts at Mon 02:00 UTC: "
                   "leave at least 15 min. The export may copy a half-written dataset.");
}

static void
test_bad_cron (void)
{
  TribCollisionQuery query = { "0 25 * * *", NULL, 0, -1, NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TribCollisionRuns) runs = trib_collision_runs_new (&query, 0, 0, &error);

  g_assert_null (runs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_export_params (void)
{
  static const struct { const char *json; gboolean ok; guint hours; gboolean incremental; } params[] = {
    { "{\"exportMode\": \"DAILY_FULL_EXPORT\", \"timeUnit\": \"day\", \"interval\": 0, \"startTime\": 1767571200}",
      TRUE, 0, FALSE },
    { "{\"exportMode\": \"FIRST_FULL_THEN_INCREMENTAL\", \"timeUnit\": \"day\", \"interval\": 1, "
      "\"startTime\": 1767571200}", TRUE, 24, TRUE },
    { "{\"exportMode\": \"FIRST_FULL_THEN_INCREMENTAL\", \"timeUnit\": \"hour\", \"interval\": \"9\", "
      "\"startTime\": \"1767571200\", \"endTime\": 1767657600}", TRUE, 9, TRUE },
    { "{\"exportMode\": \"FIRST_FULL_THEN_INCREMENTAL\", \"timeUnit\": \"hour\", \"interval\": 8, "
      "\"startTime\": 1767571200}", FALSE, 0, FALSE },
    { "{\"exportMode\": \"DAILY_FULL_EXPORT\", \"timeUnit\": \"day\", \"interval\": 1, \"startTime\": 1767571200}",
      FALSE, 0, FALSE },
    { "{\"exportMode\": \"FIRST_FULL_THEN_INCREMENTAL\", \"timeUnit\": \"hour\", \"interval\": 3}",
      FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (params[i].json, NULL);
      g_autoptr(GError) error = NULL;
      TribCollisionExport export;
      gboolean ok = trib_collision_export_from_params (json_node_get_object (node), &export, &error);

      g_assert_cmpint (ok, ==, params[i].ok);
      if (!ok)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (export.interval_hours, ==, params[i].hours);
      g_assert_cmpint (export.incremental, ==, params[i].incremental);
      g_assert_cmpint (export.start_ms, ==, G_GINT64_CONSTANT (1767571200000));
      g_assert_cmpint (export.end_ms, ==, i == 2 ? G_GINT64_CONSTANT (1767657600000) : -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/collision/case/%s", cases[i].name);

      g_strdelimit (path + strlen ("/collision/case/"), " ", '-');
      g_test_add_data_func (path, &cases[i], run_case);
    }
  g_test_add_func ("/collision/sentences", test_sentences);
  g_test_add_func ("/collision/sentences-without-history", test_sentences_without_history);
  g_test_add_func ("/collision/bad-cron", test_bad_cron);
  g_test_add_func ("/collision/export-params", test_export_params);

  return g_test_run ();
}
