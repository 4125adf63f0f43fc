/* bench-util.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_median (double *values,
                     guint   n_values);
double bench_median_of    (const double *values,
                           guint         n_values);
void   bench_print_rounds (const char   *what,
                           const double *values,
                           guint         n_values,
                           int           digits);

double bench_thread_cpu_ms  (void);
double bench_process_cpu_ms (void);

/* A 1 ms timeout on the main loop: the longest gap between two of its
 * ticks, less its period, is the longest the loop stalled.
 */
typedef struct
{
  gint64 last;
  gint64 max_gap;
  gint64 max_from;              /* when the longest gap began */
  double last_cpu_ms;
  double max_gap_cpu_ms;        /* the main thread's CPU in the longest gap */
  guint source;
} BenchProbe;

void   bench_probe_start (BenchProbe *probe);
double bench_probe_stop  (BenchProbe *probe);

void   bench_run_until   (gboolean  (*predicate) (gpointer),
                          gpointer    data,
                          guint       timeout_s);
void   bench_pause_ms    (guint       ms);
double bench_load_average (void);

G_END_DECLS
