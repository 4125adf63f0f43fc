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
#include "trib-script-run.h"

G_BEGIN_DECLS

#define TRIB_TYPE_RUN_RESULTS (trib_run_results_get_type ())

G_DECLARE_FINAL_TYPE (TribRunResults, trib_run_results, TRIB, RUN_RESULTS, AdwBin)

void              trib_run_results_set_script_run   (TribRunResults *self,
                                                     TribScriptRun  *script_run);
TribDistillerRun *trib_run_results_get_selected_run (TribRunResults *self);
TribResultView   *trib_run_results_get_result_view  (TribRunResults *self);
const char       *trib_run_results_get_status       (TribRunResults *self);
gboolean          trib_run_results_get_running      (TribRunResults *self);
TribResultModel  *trib_run_results_get_model        (TribRunResults *self);
GtkDropDown      *trib_run_results_get_runs_dropdown (TribRunResults *self);

G_END_DECLS
