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

/* TribFlowDetail: one dataflow, or one of its runs, in the Dataflows page
 * (trib_flows_page_get_detail()).
 *
 * For the flow's actions (enable, disable, run now, re-trigger, edit,
 * delete): add items to the header menu's first section
 * (trib_flow_detail_get_menu(), empty here) or buttons to the header's
 * box (trib_flow_detail_get_actions_box(), empty here), acting on the
 * flow trib_flow_detail_get_flow() gives (read again on each show and
 * reload, so its etag is fresh) and on the run trib_flow_detail_get_run()
 * gives while one is shown. Their actions go in the `flow.` group: install
 * them on this widget's class or insert a group named "flow" on it.
 * After a change, trib_flow_detail_reload() reads the flow and its runs
 * again. `flow.reload` and `flow.copy-id` exist already.
 */

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
