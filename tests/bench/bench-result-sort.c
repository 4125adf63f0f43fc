/* bench-result-sort.c
 *
 * Sorting a million loaded rows by a text column from the grid's header:
 *
 *   BENCH result-sort headless_max_stall_ms=… target=16
 *     the longest a bare main loop (no GTK in this process) waits while
 *     the sort runs, from asking to the model in its new order; the
 *     window's own figure is `grid-sort max_stall_ms` (bench-grid.c)
 *   BENCH result-sort wall_ratio=… target=2.0
 *     that time over sorting the same strings as a bare array with
 *     g_qsort_with_data () and strcmp (), measured in the same run (the
 *     anchor)
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "trib-result-model.h"

#define N_ROWS 1000000
#define BATCH_ROWS 10000
#define ROUNDS 3

static const char * const names[] = { "id", "email" };
static const guint32 oids[] = { 20, 25 };

static TribResultModel *
make_model (GRand *rand)
{
  TribResultModel *model = trib_result_model_new ();

  trib_result_model_set_columns (model, G_N_ELEMENTS (names), names, oids);
  for (guint first = 0; first < N_ROWS; first += BATCH_ROWS)
    {
      g_autoptr(TribResultBatch) batch = trib_result_batch_new (G_N_ELEMENTS (names), BATCH_ROWS);

      for (guint i = first; i < first + BATCH_ROWS; i++)
        {
          char id[16];
          char email[48];
          const char *values[] = { id, email };

          g_snprintf (id, sizeof id, "%u", i);
          g_snprintf (email, sizeof email, "customer-%08x@example.com", g_rand_int (rand));
          trib_result_batch_append_row (batch, values, NULL);
        }
      trib_result_batch_seal (batch);
      trib_result_model_append_batch (model, batch);
    }

  return model;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static double
bare_sort_seconds (TribResultModel *model)
{
  g_autofree const char **strings = g_new (const char *, N_ROWS);
  gint64 started;

  for (guint i = 0; i < N_ROWS; i++)
    strings[i] = trib_result_model_get_value (model, i, 1, NULL);

  started = g_get_monotonic_time ();
  g_qsort_with_data (strings, N_ROWS, sizeof (const char *), compare_strings, NULL);

  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

static void
sorted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!trib_result_model_sort_finish (TRIB_RESULT_MODEL (object), result, &error))
    g_error ("The sort failed: %s", error->message);
  *done = TRUE;
}

static double
async_sort_seconds (TribResultModel *model,
                    double          *max_stall_ms)
{
  BenchProbe probe;
  gboolean done = FALSE;
  gint64 started;

  /* The probe beats before the sort is asked for. */
  bench_probe_start (&probe);

  started = g_get_monotonic_time ();
  trib_result_model_sort_async (model, 1, FALSE, NULL, sorted_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  *max_stall_ms = MAX (*max_stall_ms, bench_probe_stop (&probe));

  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(TribResultModel) model = make_model (rand);
  double bare[ROUNDS];
  double ours[ROUNDS];
  double max_stall_ms = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      /* Back to arrival order, so each round sorts the same input. */
      trib_result_model_sort (model, -1, FALSE);
      bare[round] = bare_sort_seconds (model);
      ours[round] = async_sort_seconds (model, &max_stall_ms);
      g_assert_cmpint (trib_result_model_get_sort_column (model), ==, 1);
    }

  for (guint i = 1; i < N_ROWS; i += N_ROWS / 1000)
    g_assert_cmpint (strcmp (trib_result_model_get_value (model, i - 1, 1, NULL),
                             trib_result_model_get_value (model, i, 1, NULL)), <=, 0);

  g_print ("BENCH result-sort headless_max_stall_ms=%.1f target=16\n", max_stall_ms);
  g_print ("BENCH result-sort wall_ratio=%.2f target=2.0\n", bench_median (ours, ROUNDS) / bench_median (bare, ROUNDS));
  g_print ("# result-sort: %u rows; bare sort %.0f ms, ours %.0f ms (medians of %u)\n",
           N_ROWS, bench_median (bare, ROUNDS) * 1000, bench_median (ours, ROUNDS) * 1000, ROUNDS);

  return 0;
}
