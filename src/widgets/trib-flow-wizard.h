/* trib-flow-wizard.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-explore-item.h"
#include "trib-flow-explore.h"
#include "trib-flow-journal.h"
#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_WIZARD (trib_flow_wizard_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowWizard, trib_flow_wizard, TRIB, FLOW_WIZARD, AdwWindow)

TribFlowWizard *trib_flow_wizard_new            (TribSession                  *session);
void            trib_flow_wizard_set_source     (TribFlowWizard               *self,
                                                 const char                   *connection_id,
                                                 const char                   *path,
                                                 TribExploreItemType           item_type,
                                                 const TribExploreFileOptions *options);
TribFlowWizard *trib_flow_wizard_new_for_journal (TribSession                 *session,
                                                 TribFlowJournal             *journal,
                                                 gboolean                     roll_back,
                                                 GError                     **error);
TribSession    *trib_flow_wizard_get_session    (TribFlowWizard               *self);
const char     *trib_flow_wizard_get_step       (TribFlowWizard               *self);
gboolean        trib_flow_wizard_get_busy       (TribFlowWizard               *self);
const char     *trib_flow_wizard_get_problem    (TribFlowWizard               *self);
const char     *trib_flow_wizard_get_flow_id    (TribFlowWizard               *self);

G_END_DECLS
