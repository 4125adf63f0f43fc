/* trib-ui-test-wizard.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-explore-view.h"
#include "trib-flow-wizard.h"

G_BEGIN_DECLS

GListModel *trib_ui_wizard_explore_tree    (TribExploreView *view);
gboolean    trib_ui_wizard_explore_loaded  (gpointer         view);
gboolean    trib_ui_wizard_source_ready    (gpointer         wizard);
gboolean    trib_ui_wizard_mapping_loaded  (gpointer         wizard);
gboolean    trib_ui_wizard_flow_made       (gpointer         wizard);
void        trib_ui_wizard_press_next      (TribFlowWizard  *wizard,
                                            const char      *expected_step);

G_END_DECLS
