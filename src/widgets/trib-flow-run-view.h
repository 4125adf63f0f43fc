/* trib-flow-run-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow-run.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_RUN_VIEW (trib_flow_run_view_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowRunView, trib_flow_run_view, TRIB, FLOW_RUN_VIEW, GtkWidget)

void         trib_flow_run_view_show     (TribFlowRunView *self,
                                          TribFlowRun     *run,
                                          const char      *dataset_id,
                                          const char      *dataset_name);
TribFlowRun *trib_flow_run_view_get_run  (TribFlowRunView *self);

G_END_DECLS
