/* bench-util.c
 *
 * What the benchmarks share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * bench_median:
 * @values: (array length=n_values): timings of the rounds; sorted in place
 *
 * Returns: their median, which one slow round does not move
 */
double
bench_median (double *values,
              guint   n_values)
{
  g_return_val_if_fail (n_values > 0, 0);

  qsort (values, n_values, sizeof (double), compare_doubles);

  return values[n_values / 2];
}

/**
 * bench_median_of:
 * @values: (array length=n_values): figures of the rounds, left in their
 *   order
 *
 * Returns: their median
 */
double
bench_median_of (const double *values,
                 guint         n_values)
{
  g_autofree double *copy = g_memdup2 (values, n_values * sizeof (double));

  return bench_median (copy, n_values);
}

/* Prints the figure of each round, in their order, and their median. */
void
bench_print_rounds (const char   *what,
                    const double *values,
                    guint         n_values,
                    int           digits)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "# %s:", what);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (line, " %.*f", digits, values[i]);
  g_print ("%s (median %.*f)\n", line->str, digits, bench_median_of (values, n_values));
}

/**
 * bench_thread_cpu_ms:
 *
 * Returns: the CPU time of the calling thread, in milliseconds, finer
 *   than getrusage () gives it
 */
double
bench_thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    g_error ("bench: clock_gettime failed");

  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/**
 * bench_process_cpu_ms:
 *
 * Returns: the CPU time of the whole process, all its threads, in
 *   milliseconds
 */
double
bench_process_cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    g_error ("bench: getrusage failed");

  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

/* Fires every millisecond; a late firing is a main loop that stalled.
 * The main thread's CPU over the gap tells a loop that worked from one
 * that waited for a core or the display server.
 */
static gboolean
probe_cb (gpointer data)
{
  BenchProbe *probe = data;
  gint64 now = g_get_monotonic_time ();
  double cpu = bench_thread_cpu_ms ();

  if (probe->last != 0 && now - probe->last > probe->max_gap)
    {
      probe->max_gap = now - probe->last;
      probe->max_from = probe->last;
      probe->max_gap_cpu_ms = cpu - probe->last_cpu_ms;
    }
  probe->last = now;
  probe->last_cpu_ms = cpu;

  return G_SOURCE_CONTINUE;
}

/**
 * bench_probe_start:
 *
 * Starts @probe on the default main context, and returns once it beats:
 * before anything is asked for.
 */
void
bench_probe_start (BenchProbe *probe)
{
  *probe = (BenchProbe) { 0 };
  probe->source = g_timeout_add (1, probe_cb, probe);

  while (probe->last == 0)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * bench_probe_stop:
 *
 * Returns: the longest stall since bench_probe_start(), in milliseconds;
 *   when it began stays in @probe's max_from, and the main thread's CPU
 *   over it in max_gap_cpu_ms
 */
double
bench_probe_stop (BenchProbe *probe)
{
  probe_cb (probe);
  g_clear_handle_id (&probe->source, g_source_remove);

  return MAX (0, probe->max_gap - 1000) / 1000.0;
}

/**
 * bench_run_until:
 *
 * Iterates the main loop, blocking, so that a probe's ticks are the only
 * wake-ups of the benchmark's own, until @predicate holds; fails the
 * benchmark after @timeout_s seconds.
 */
void
bench_run_until (gboolean (*predicate) (gpointer),
                 gpointer   data,
                 guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("bench: timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
elapsed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/**
 * bench_pause_ms:
 * @ms: how long
 *
 * Lets the main loop run, as it does between two keys.
 */
void
bench_pause_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  bench_run_until (elapsed, &until, 10);
}

/**
 * bench_load_average:
 *
 * Returns: the machine's load over the last minute, printed beside a
 *   round's figures, as the machine may be shared
 */
double
bench_load_average (void)
{
  double load = 0;

  getloadavg (&load, 1);

  return load;
}
