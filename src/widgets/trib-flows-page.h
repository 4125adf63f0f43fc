/* trib-flows-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow-detail.h"
#include "trib-session-page.h"

G_BEGIN_DECLS

/* TribFlowsPage: the Dataflows page (`win.show-page` "dataflows", Alt+8).
 * trib_flows_page_show_flow() opens a flow by id (a toast's "Show", the
 * failing badge); trib_flows_page_set_filter() shows only some of them
 * (TRIB_FLOWS_FILTER_FAILING for the badge); trib_flows_page_get_detail()
 * is where a flow's actions go (trib-flow-detail.h).
 */

#define TRIB_TYPE_FLOWS_PAGE (trib_flows_page_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowsPage, trib_flows_page, TRIB, FLOWS_PAGE, TribSessionPage)

/**
 * TribFlowsFilter:
 * @TRIB_FLOWS_FILTER_ALL: every flow
 * @TRIB_FLOWS_FILTER_ENABLED: the enabled ones
 * @TRIB_FLOWS_FILTER_DISABLED: the disabled ones
 * @TRIB_FLOWS_FILTER_FAILING: those whose last run failed
 *
 * Which flows the list shows, in the order of its drop-down.
 */
typedef enum
{
  TRIB_FLOWS_FILTER_ALL,
  TRIB_FLOWS_FILTER_ENABLED,
  TRIB_FLOWS_FILTER_DISABLED,
  TRIB_FLOWS_FILTER_FAILING,
} TribFlowsFilter;

void            trib_flows_page_reload     (TribFlowsPage   *self);
void            trib_flows_page_set_filter (TribFlowsPage   *self,
                                            TribFlowsFilter  filter);
void            trib_flows_page_show_flow  (TribFlowsPage   *self,
                                            const char      *flow_id);
GListModel     *trib_flows_page_get_list   (TribFlowsPage   *self);
GListModel     *trib_flows_page_get_shown  (TribFlowsPage   *self);
TribFlowDetail *trib_flows_page_get_detail (TribFlowsPage   *self);
gboolean        trib_flows_page_get_showing_detail (TribFlowsPage *self);

G_END_DECLS
