/* trib-flow-plan-private.h
 *
 * What the plan, its steps, the journal and the runner share and the
 * wizard does not see.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trib-flow-answers.h"
#include "trib-flow-plan.h"
#include "trib-flow-step.h"

G_BEGIN_DECLS

/* Journal files say which format they follow. */
#define TRIB_FLOW_PLAN_FORMAT 1

JsonObject   *_trib_flow_answers_build_schedule (TribFlowAnswers   *answers);

TribFlowStep *_trib_flow_step_new               (TribFlowStepKind   kind,
                                                 guint              index,
                                                 const char        *title,
                                                 const char        *method,
                                                 const char        *path,
                                                 const char        *resource_name,
                                                 JsonNode          *body);
TribFlowStep *_trib_flow_step_new_from_json     (JsonObject        *object,
                                                 guint              index,
                                                 GError           **error);
void          _trib_flow_step_to_json           (TribFlowStep      *self,
                                                 JsonBuilder       *builder);
JsonNode     *_trib_flow_step_get_body          (TribFlowStep      *self);
const char   *_trib_flow_step_get_tie           (TribFlowStep      *self);
void          _trib_flow_step_set_tie           (TribFlowStep      *self,
                                                 const char        *tie);
int           _trib_flow_step_get_created_version (TribFlowStep    *self);
const char   *_trib_flow_step_get_created_namespace (TribFlowStep *self);
void          _trib_flow_step_set_created_namespace (TribFlowStep  *self,
                                                     const char    *name_space);
void          _trib_flow_step_set_state         (TribFlowStep      *self,
                                                 TribFlowStepState  state);
void          _trib_flow_step_set_created       (TribFlowStep      *self,
                                                 const char        *id,
                                                 int                version);
void          _trib_flow_step_set_error         (TribFlowStep      *self,
                                                 const GError      *error);

TribFlowPlan *_trib_flow_plan_new_from_json     (JsonObject        *object,
                                                 GError           **error);
void          _trib_flow_plan_set_header        (TribFlowPlan      *self,
                                                 const char        *setup_id,
                                                 const char        *sandbox,
                                                 const char        *title);
void          _trib_flow_plan_add_step          (TribFlowPlan      *self,
                                                 TribFlowStep      *step);
void          _trib_flow_plan_set_secret        (TribFlowPlan      *self,
                                                 const char        *key,
                                                 const char        *secret);
const char   *_trib_flow_plan_get_secret        (TribFlowPlan      *self,
                                                 const char        *key);
JsonNode     *_trib_flow_plan_to_json           (TribFlowPlan      *self);
JsonNode     *_trib_flow_plan_resolve           (TribFlowPlan      *self,
                                                 JsonNode          *template,
                                                 GError           **error);
char         *_trib_flow_plan_resolve_string    (TribFlowPlan      *self,
                                                 const char        *text,
                                                 GError           **error);

/* Building a plan (trib-flow-plan-steps.c) */
typedef struct
{
  TribFlowPlan *plan;
  TribFlowAnswers *answers;
  TribFlowSpec *flow_spec;
  char *short_id;
} TribFlowPlanBuilder;

char         *_trib_flow_plan_ref_id                (TribFlowStep        *step);
TribFlowStep *_trib_flow_plan_add_class             (TribFlowPlanBuilder *b);
TribFlowStep *_trib_flow_plan_add_schema            (TribFlowPlanBuilder *b,
                                                     const char          *class_id,
                                                     const char * const  *field_group_ids);
TribFlowStep *_trib_flow_plan_add_dataset           (TribFlowPlanBuilder *b,
                                                     const char          *schema_id);
TribFlowStep *_trib_flow_plan_add_mapping_set       (TribFlowPlanBuilder *b,
                                                     const char          *schema_id,
                                                     TribFlowStep        *adhoc_class);
TribFlowStep *_trib_flow_plan_add_source_connection (TribFlowPlanBuilder *b,
                                                     const char          *schema_id);
TribFlowStep *_trib_flow_plan_add_target_connection (TribFlowPlanBuilder *b,
                                                     const char          *schema_id,
                                                     const char          *dataset_id);
TribFlowStep *_trib_flow_plan_add_find_flow_spec    (TribFlowPlanBuilder *b);
TribFlowStep *_trib_flow_plan_add_flow              (TribFlowPlanBuilder *b,
                                                     TribFlowStep        *spec,
                                                     TribFlowStep        *source,
                                                     TribFlowStep        *target,
                                                     TribFlowStep        *mapping);

G_END_DECLS
