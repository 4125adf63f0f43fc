/* trib-flow-plan.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-flow-answers.h"
#include "trib-flow-spec.h"
#include "trib-flow-step.h"
#include "trib-profile.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_PLAN (trib_flow_plan_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowPlan, trib_flow_plan, TRIB, FLOW_PLAN, GObject)

TribFlowPlan *trib_flow_plan_new               (TribFlowAnswers  *answers,
                                                TribFlowSpec     *flow_spec,
                                                GError          **error);
const char   *trib_flow_plan_get_setup_id      (TribFlowPlan     *self);
const char   *trib_flow_plan_get_sandbox       (TribFlowPlan     *self);
const char   *trib_flow_plan_get_title         (TribFlowPlan     *self);
TribFlowStep *trib_flow_plan_get_step          (TribFlowPlan     *self,
                                                guint             index);
guint         trib_flow_plan_get_n_steps       (TribFlowPlan     *self);
TribFlowStep *trib_flow_plan_find_step         (TribFlowPlan     *self,
                                                TribFlowStepKind  kind);
const char   *trib_flow_plan_get_flow_id       (TribFlowPlan     *self);
gboolean      trib_flow_plan_is_complete       (TribFlowPlan     *self);
char         *trib_flow_plan_to_curl           (TribFlowPlan     *self,
                                                TribProfile      *profile);

G_END_DECLS
