/* bench-collision.c
 *
 * The collision check at the scale of a busy organisation: 500 scheduled
 * queries, each with 90 days of run history, against 500 dataset
 * exports, every pair checked over the 48-hour timeline. The anchor,
 * measured in the same run, is reading that history: parsing each
 * schedule's runs as `GET /schedules/{id}/runs` details give them (with
 * their `taskStatusList`) into runs and their durations, which the app
 * must do before any check. Rounds are interleaved; medians are
 * compared.
 *
 *   BENCH collision-check ms=… ratio=… target=1.0 rounds=N
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"
#include "trib-collision.h"
#include "trib-cron.h"
#include "trib-schedule-run.h"

#define N_SCHEDULES 500
#define N_EXPORTS 500
#define HISTORY_DAYS 90
#define ROUNDS 3
#define DAY_MS ((gint64) 24 * 60 * 60 * 1000)

static const char * const crons[] = {
  "@daily", "0 */6 * * *", "30 2 * * *", "0 * * * *", "15 3 * * MON-FRI",
};

/* The window starts on Monday 5 January 2026, 00:00 UTC. */
static const gint64 window_start = G_GINT64_CONSTANT (1767571200000);

static char *
format_time (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");

  return g_strdup_printf ("%s.%03d000+00:00", seconds, (int) (ms % 1000));
}

/* One schedule's runs over 90 days, newest first, as the platform lists
 * them with each run's detail. */
static char *
make_history (guint  index,
              GRand *rand)
{
  g_autoptr(TribCron) cron = trib_cron_parse (crons[index % G_N_ELEMENTS (crons)], NULL);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  GString *json = g_string_new ("{\"runsSchedules\": [");
  /* Each query has its own typical length, from seconds to an hour. */
  double typical = g_rand_double_range (rand, 5, 3600);
  gint64 time = window_start - HISTORY_DAYS * DAY_MS;

  while ((time = trib_cron_next (cron, time)) >= 0 && time < window_start)
    {
      double seconds = typical * g_rand_double_range (rand, 0.7, 1.6);
      g_autofree char *start = format_time (time);
      g_autofree char *end = format_time (time + (gint64) (seconds * 1000));

      g_ptr_array_add (runs, g_strdup_printf (
        "{\"id\": \"r%u-%" G_GINT64_FORMAT "\", \"scheduleId\": \"s%u\", \"state\": \"SUCCESS\", "
        "\"created\": \"%s\", \"externalTrigger\": false, \"taskStatusList\": [{\"taskId\": \"t1\", "
        "\"state\": \"SUCCESS\", \"message\": \"\", \"startDate\": \"%s\", \"endDate\": \"%s\", "
        "\"duration\": \"%.3f\"}]}", index, time, index, start, start, end, seconds));
    }
  for (guint i = runs->len; i > 0; i--)
    {
      g_string_append (json, g_ptr_array_index (runs, i - 1));
      if (i > 1)
        g_string_append (json, ", ");
    }
  g_string_append (json, "]}");

  return g_string_free (json, FALSE);
}

/* Reading the history: parse, make the runs, keep their durations. */
static GArray *
read_history (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GArray *durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *runs;

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    g_error ("the history does not parse");
  runs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "runsSchedules");
  /* Newest first in the list, oldest first for the check. */
  for (guint i = json_array_get_length (runs); i > 0; i--)
    {
      g_autoptr(TribScheduleRun) run = trib_schedule_run_new_from_json (json_array_get_object_element (runs, i - 1));
      gint64 duration = trib_schedule_run_get_duration_ms (run);

      g_array_append_val (durations, duration);
    }

  return durations;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) histories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) durations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  TribCollisionExport exports[N_EXPORTS];
  double check_ms[ROUNDS];
  double read_ms[ROUNDS];
  guint64 total_runs = 0;
  guint warnings = 0;

  for (guint i = 0; i < N_SCHEDULES; i++)
    g_ptr_array_add (histories, make_history (i, rand));
  for (guint i = 0; i < N_SCHEDULES; i++)
    {
      GArray *history = read_history (g_ptr_array_index (histories, i));

      total_runs += history->len;
      g_ptr_array_add (durations, history);
    }
  for (guint i = 0; i < N_EXPORTS; i++)
    {
      static const guint intervals[] = { 0, 24, 3, 6, 9, 12 };

      exports[i].interval_hours = intervals[i % G_N_ELEMENTS (intervals)];
      exports[i].incremental = exports[i].interval_hours != 0;
      /* Any five minutes of the day, some starting in the past. */
      exports[i].start_ms = window_start - DAY_MS + (gint64) g_rand_int_range (rand, 0, 2 * 288) * 5 * 60 * 1000;
      exports[i].end_ms = -1;
    }
  g_print ("# %u schedules with %" G_GUINT64_FORMAT " runs in 90 days, %u exports\n", N_SCHEDULES, total_runs,
           N_EXPORTS);

  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 begin = g_get_monotonic_time ();

      /* The anchor: reading every schedule's history. */
      for (guint i = 0; i < N_SCHEDULES; i++)
        g_array_unref (read_history (g_ptr_array_index (histories, i)));
      read_ms[round] = (g_get_monotonic_time () - begin) / 1000.0;

      /* The check: each schedule's runs once, each export's ticks once,
       * then every pair. */
      begin = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_collision_runs_free);
        g_autoptr(GPtrArray) ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

        for (guint i = 0; i < N_SCHEDULES; i++)
          {
            GArray *history = g_ptr_array_index (durations, i);
            TribCollisionQuery query = {
              crons[i % G_N_ELEMENTS (crons)], NULL, window_start - HISTORY_DAYS * DAY_MS, -1,
              (const gint64 *) (gpointer) history->data, history->len,
            };

            g_ptr_array_add (runs, trib_collision_runs_new (&query, window_start, TRIB_COLLISION_DEFAULT_MARGIN_MS,
                                                            NULL));
          }
        for (guint j = 0; j < N_EXPORTS; j++)
          g_ptr_array_add (ticks, trib_collision_ticks (&exports[j], window_start));

        warnings = 0;
        for (guint i = 0; i < N_SCHEDULES; i++)
          for (guint j = 0; j < N_EXPORTS; j++)
            {
              g_autoptr(TribCollisionReport) report = trib_collision_check (g_ptr_array_index (runs, i), &exports[j],
                                                                            g_ptr_array_index (ticks, j),
                                                                            TRIB_COLLISION_DEFAULT_MARGIN_MS);

              warnings += report->warnings->len;
            }
      }
      check_ms[round] = (g_get_monotonic_time () - begin) / 1000.0;
    }

  g_print ("# %u warnings over %u pairs\n", warnings, N_SCHEDULES * N_EXPORTS);
  bench_print_rounds ("reading the history, ms", read_ms, ROUNDS, 1);
  bench_print_rounds ("the check, ms", check_ms, ROUNDS, 1);
  g_print ("BENCH collision-check ms=%.1f ratio=%.2f target=1.0 rounds=%u\n", bench_median (check_ms, ROUNDS),
           bench_median_of (check_ms, ROUNDS) / bench_median (read_ms, ROUNDS), ROUNDS);

  return 0;
}
