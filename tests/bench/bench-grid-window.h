/* bench-grid-window.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bench-util.h"
#include "trib-ui-query-test.h"

G_BEGIN_DECLS

/* The query the grid benchmarks run, and its size. */
#define BENCH_GRID_N_ROWS 1000000
#define BENCH_GRID_N_COLUMNS 8

extern const char bench_grid_query[];

TribQueryPage    *bench_grid_open_demo     (TribApplication *app,
                                            TribWindow     **window);
gboolean          bench_wait_for_frame     (GtkWidget     *window);
void              bench_grid_set_query     (GtkWidget     *window,
                                            TribQueryPage *page,
                                            const char    *sql);
TribDistillerRun *bench_grid_run_in_window (GtkWidget     *window,
                                            TribQueryPage *page,
                                            const char    *sql,
                                            guint          timeout_s);
GtkWidget        *bench_grid_cell_new      (float          xalign,
                                            guint          min_chars,
                                            guint          nat_chars);

/* A row of a bare grid: the number of a row of the query, from 1. */
#define BENCH_TYPE_ROW (bench_row_get_type ())
G_DECLARE_FINAL_TYPE (BenchRow, bench_row, BENCH, ROW, GObject)

struct _BenchRow
{
  GObject parent_instance;
  guint id;
};

/* A list of n rows made on demand, as TribResultModel makes its own;
 * reversed, it shows them the other way round, so that every row shown
 * is another one, as after a sort (bench-grid-anchor.c).
 */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint n_rows;
  gboolean reversed;
  guint32 *order;               /* from position to row, if sorted */
};

G_END_DECLS
