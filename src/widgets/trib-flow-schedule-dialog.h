/* trib-flow-schedule-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_SCHEDULE_DIALOG (trib_flow_schedule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowScheduleDialog, trib_flow_schedule_dialog, TRIB, FLOW_SCHEDULE_DIALOG, AdwWindow)

TribFlowScheduleDialog *trib_flow_schedule_dialog_new          (TribPlatformClient     *client,
                                                                TribFlow               *flow);
TribFlow               *trib_flow_schedule_dialog_get_flow     (TribFlowScheduleDialog *self);
gboolean                trib_flow_schedule_dialog_get_ready    (TribFlowScheduleDialog *self);
gboolean                trib_flow_schedule_dialog_set_schedule (TribFlowScheduleDialog *self,
                                                                const char             *frequency,
                                                                guint                   interval);
const char             *trib_flow_schedule_dialog_get_problem  (TribFlowScheduleDialog *self);

G_END_DECLS
