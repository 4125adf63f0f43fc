/* trib-run-results.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-distiller-run.h"
#include "trib-result-view.h"

G_BEGIN_DECLS

#define TRIB_TYPE_RUN_RESULTS (trib_run_results_get_type ())

G_DECLARE_FINAL_TYPE (TribRunResults, trib_run_results, TRIB, RUN_RESULTS, AdwBin)

void              trib_run_results_set_runs         (TribRunResults *self,
                                                     GPtrArray      *runs);
void              trib_run_results_select           (TribRunResults *self,
                                                     guint           index);
TribDistillerRun *trib_run_results_get_selected_run (TribRunResults *self);
TribResultView   *trib_run_results_get_result_view  (TribRunResults *self);
const char       *trib_run_results_get_status       (TribRunResults *self);
gboolean          trib_run_results_get_running      (TribRunResults *self);
TribResultModel  *trib_run_results_get_model        (TribRunResults *self);
GtkDropDown      *trib_run_results_get_runs_dropdown (TribRunResults *self);

G_END_DECLS
