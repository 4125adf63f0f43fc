/* trib-flow-detail-private.h
 *
 * What a flow's detail (trib-flow-detail.c) and its runs
 * (trib-flow-detail-runs.c) share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow-actions.h"
#include "trib-flow-detail.h"
#include "trib-flow-names.h"
#include "trib-flow-run-view.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-runs-chart.h"

G_BEGIN_DECLS

#define RUNS_SHOWN_STEP 20

struct _TribFlowDetail
{
  GtkWidget parent_instance;

  TribPlatformClient *client;
  TribFlowNames *names;
  TribFlow *flow;
  TribFlowActions *actions;   /* flow-watch: the flow. actions, from the first show */
  GtkWidget *retrigger_button;
  TribPagedList *runs;
  GtkSliceListModel *shown_runs;
  GCancellable *cancellable;
  gulong names_handler;
  guint n_busy;               /* reads of the flow and its runs */
  gboolean actions_requesting;

  /* Template widgets */
  GtkLabel *title_label;
  GtkSpinner *spinner;
  GtkBox *actions_box;
  GtkMenuButton *menu_button;
  GMenu *flow_menu_actions;
  GtkStack *stack;
  GtkScrolledWindow *flow_scrolled;
  AdwActionRow *account_row;
  AdwActionRow *source_row;
  AdwActionRow *mapping_row;
  AdwActionRow *dataset_row;
  AdwActionRow *schedule_row;
  AdwActionRow *state_row;
  AdwActionRow *last_run_row;
  AdwActionRow *next_run_row;
  TribRunsChart *chart;
  GtkListBox *runs_list;
  GtkButton *more_button;
  GtkInscription *runs_status;
  TribFlowRunView *run_view;
};

void _trib_flow_detail_busy              (TribFlowDetail *self,
                                          int             delta);
void _trib_flow_detail_update_retrigger  (TribFlowDetail *self,
                                          TribFlowRun    *run);
void _trib_flow_detail_init_runs         (TribFlowDetail *self);
void _trib_flow_detail_load_runs         (TribFlowDetail *self);
void _trib_flow_detail_clear_runs        (TribFlowDetail *self);
void _trib_flow_detail_run_activated_cb  (TribFlowDetail *self,
                                          GtkListBoxRow  *row);
void _trib_flow_detail_more_runs_action  (GtkWidget      *widget,
                                          const char     *action_name,
                                          GVariant       *param);

G_END_DECLS
