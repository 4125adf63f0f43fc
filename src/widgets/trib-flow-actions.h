/* trib-flow-actions.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-flow.h"
#include "trib-flow-run.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_ACTIONS (trib_flow_actions_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowActions, trib_flow_actions, TRIB, FLOW_ACTIONS, GObject)

TribFlowActions *trib_flow_actions_new              (TribPlatformClient *client);
void             trib_flow_actions_set_client       (TribFlowActions    *self,
                                                     TribPlatformClient *client);
void             trib_flow_actions_install          (TribFlowActions    *self,
                                                     GtkWidget          *widget);
GActionGroup    *trib_flow_actions_get_action_group (TribFlowActions    *self);
TribFlow        *trib_flow_actions_get_flow         (TribFlowActions    *self);
void             trib_flow_actions_set_flow         (TribFlowActions    *self,
                                                     TribFlow           *flow);
gboolean         trib_flow_actions_get_busy         (TribFlowActions    *self);
gboolean         trib_flow_actions_get_requesting   (TribFlowActions    *self);
GtkWindow       *trib_flow_actions_get_dialog       (TribFlowActions    *self);

G_END_DECLS
