/* trib-runs-chart.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRIB_TYPE_RUNS_CHART (trib_runs_chart_get_type ())

G_DECLARE_FINAL_TYPE (TribRunsChart, trib_runs_chart, TRIB, RUNS_CHART, GtkWidget)

GtkWidget *trib_runs_chart_new         (void);
void       trib_runs_chart_set_runs    (TribRunsChart *self,
                                        GListModel    *runs);
guint      trib_runs_chart_get_n_runs  (TribRunsChart *self);
void       trib_runs_chart_add_run     (TribRunsChart *self,
                                        gint64         started_ms,
                                        gint64         records_in,
                                        gint64         records_out,
                                        gint64         records_failed);
void       trib_runs_chart_clear       (TribRunsChart *self);
const char *trib_runs_chart_get_description (TribRunsChart *self);

G_END_DECLS
