/* trib-flow-step.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TribFlowStepKind:
 * @TRIB_FLOW_STEP_CREATE_CLASS: `POST /schemaregistry/tenant/classes`, an
 *   ad hoc class from the source's columns
 * @TRIB_FLOW_STEP_CREATE_SCHEMA: `POST /schemaregistry/tenant/schemas`
 * @TRIB_FLOW_STEP_CREATE_DATASET: `POST /catalog/dataSets`
 * @TRIB_FLOW_STEP_CREATE_MAPPING_SET: `POST /conversion/mappingSets`
 * @TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION: `POST /flowservice/sourceConnections`
 * @TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION: `POST /flowservice/targetConnections`
 * @TRIB_FLOW_STEP_FIND_FLOW_SPEC: `GET /flowservice/flowSpecs?property=name==…`,
 *   which creates nothing
 * @TRIB_FLOW_STEP_CREATE_FLOW: `POST /flowservice/flows`
 * @TRIB_FLOW_STEP_CREATE_CONNECTION: `POST /flowservice/connections`, a
 *   dataset export's new destination account
 *
 * What one step of a #TribFlowPlan does.
 */
typedef enum
{
  TRIB_FLOW_STEP_CREATE_CLASS,
  TRIB_FLOW_STEP_CREATE_SCHEMA,
  TRIB_FLOW_STEP_CREATE_DATASET,
  TRIB_FLOW_STEP_CREATE_MAPPING_SET,
  TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION,
  TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION,
  TRIB_FLOW_STEP_FIND_FLOW_SPEC,
  TRIB_FLOW_STEP_CREATE_FLOW,
  TRIB_FLOW_STEP_CREATE_CONNECTION,
} TribFlowStepKind;

/**
 * TribFlowStepState:
 * @TRIB_FLOW_STEP_PENDING: not sent yet
 * @TRIB_FLOW_STEP_RUNNING: sent (or being reconciled), no answer yet
 * @TRIB_FLOW_STEP_DONE: done; #TribFlowStep:created-id holds what it made
 * @TRIB_FLOW_STEP_FAILED: refused or failed; #TribFlowStep:error says why
 * @TRIB_FLOW_STEP_SKIPPED: not needed for these answers, or rolled back
 *
 * Where one step stands.
 */
typedef enum
{
  TRIB_FLOW_STEP_PENDING,
  TRIB_FLOW_STEP_RUNNING,
  TRIB_FLOW_STEP_DONE,
  TRIB_FLOW_STEP_FAILED,
  TRIB_FLOW_STEP_SKIPPED,
} TribFlowStepState;

#define TRIB_TYPE_FLOW_STEP (trib_flow_step_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowStep, trib_flow_step, TRIB, FLOW_STEP, GObject)

TribFlowStepKind   trib_flow_step_get_kind          (TribFlowStep *self);
guint              trib_flow_step_get_index         (TribFlowStep *self);
const char        *trib_flow_step_get_title         (TribFlowStep *self);
const char        *trib_flow_step_get_method        (TribFlowStep *self);
const char        *trib_flow_step_get_path          (TribFlowStep *self);
const char        *trib_flow_step_get_resource_name (TribFlowStep *self);
char              *trib_flow_step_dup_body_text     (TribFlowStep *self);
TribFlowStepState  trib_flow_step_get_state         (TribFlowStep *self);
const char        *trib_flow_step_get_created_id    (TribFlowStep *self);
const GError      *trib_flow_step_get_error         (TribFlowStep *self);
gboolean           trib_flow_step_creates           (TribFlowStep *self);

G_END_DECLS
