/* trib-flow-detail.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow.h"
#include "trib-flow-names.h"
#include "trib-flow-run.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_DETAIL (trib_flow_detail_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowDetail, trib_flow_detail, TRIB, FLOW_DETAIL, GtkWidget)

void         trib_flow_detail_show          (TribFlowDetail     *self,
                                             TribPlatformClient *client,
                                             TribFlowNames      *names,
                                             TribFlow           *flow);
void         trib_flow_detail_reload        (TribFlowDetail     *self);
void         trib_flow_detail_clear         (TribFlowDetail     *self);
gboolean     trib_flow_detail_back          (TribFlowDetail     *self);
TribFlow    *trib_flow_detail_get_flow      (TribFlowDetail     *self);
GListModel  *trib_flow_detail_get_runs      (TribFlowDetail     *self);
void         trib_flow_detail_show_run      (TribFlowDetail     *self,
                                             TribFlowRun        *run);
TribFlowRun *trib_flow_detail_get_run       (TribFlowDetail     *self);
GMenu       *trib_flow_detail_get_menu      (TribFlowDetail     *self);
GtkBox      *trib_flow_detail_get_actions_box (TribFlowDetail   *self);
GtkWidget   *trib_flow_detail_get_chart     (TribFlowDetail     *self);

G_END_DECLS
