/* trib-flow-answers.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-explore-item.h"
#include "trib-flow-spec.h"
#include "trib-mapping.h"

G_BEGIN_DECLS

/**
 * TribFlowTargetKind:
 * @TRIB_FLOW_TARGET_EXISTING_DATASET: ingest into an existing dataset
 *   (#TribFlowAnswers:dataset-id)
 * @TRIB_FLOW_TARGET_NEW_DATASET: a new dataset (#TribFlowAnswers:dataset-name)
 *   on an existing schema (#TribFlowAnswers:schema-id)
 * @TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS: a new schema from a class and
 *   field groups, as seed 002 does, then a new dataset on it
 * @TRIB_FLOW_TARGET_ADHOC_SCHEMA: an ad hoc class made from the source's
 *   columns and a schema on it, as seed 004 does, then a new dataset
 *
 * Where the flow's data lands.
 */
typedef enum
{
  TRIB_FLOW_TARGET_EXISTING_DATASET,
  TRIB_FLOW_TARGET_NEW_DATASET,
  TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS,
  TRIB_FLOW_TARGET_ADHOC_SCHEMA,
} TribFlowTargetKind;

/**
 * TribFlowWizardStep:
 * @TRIB_FLOW_WIZARD_STEP_SOURCE: the file(s) or table, format options,
 *   the delta column of a table
 * @TRIB_FLOW_WIZARD_STEP_TARGET: the dataset, schema or class
 * @TRIB_FLOW_WIZARD_STEP_MAPPING: the mappings (nothing to check when
 *   the source is already XDM)
 * @TRIB_FLOW_WIZARD_STEP_SCHEDULE: frequency, interval, start, backfill,
 *   against the flow spec's `scheduleSpec`
 * @TRIB_FLOW_WIZARD_STEP_REVIEW: every step above, plus the flow's name
 *
 * The wizard's pages whose answers trib_flow_answers_check_step() checks.
 */
typedef enum
{
  TRIB_FLOW_WIZARD_STEP_SOURCE,
  TRIB_FLOW_WIZARD_STEP_TARGET,
  TRIB_FLOW_WIZARD_STEP_MAPPING,
  TRIB_FLOW_WIZARD_STEP_SCHEDULE,
  TRIB_FLOW_WIZARD_STEP_REVIEW,
} TribFlowWizardStep;

/**
 * TribFlowFrequency:
 * @TRIB_FLOW_FREQUENCY_ONCE: one run, at the start time
 * @TRIB_FLOW_FREQUENCY_MINUTE: every #TribFlowAnswers:interval minutes
 * @TRIB_FLOW_FREQUENCY_HOUR: every #TribFlowAnswers:interval hours
 * @TRIB_FLOW_FREQUENCY_DAY: every #TribFlowAnswers:interval days
 * @TRIB_FLOW_FREQUENCY_WEEK: every #TribFlowAnswers:interval weeks
 *
 * A flow's `scheduleParams.frequency`.
 */
typedef enum
{
  TRIB_FLOW_FREQUENCY_ONCE,
  TRIB_FLOW_FREQUENCY_MINUTE,
  TRIB_FLOW_FREQUENCY_HOUR,
  TRIB_FLOW_FREQUENCY_DAY,
  TRIB_FLOW_FREQUENCY_WEEK,
} TribFlowFrequency;

#define TRIB_TYPE_FLOW_ANSWERS (trib_flow_answers_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowAnswers, trib_flow_answers, TRIB, FLOW_ANSWERS, GObject)

TribFlowAnswers    *trib_flow_answers_new                   (void);

/* Source */
const char         *trib_flow_answers_get_sandbox           (TribFlowAnswers     *self);
void                trib_flow_answers_set_sandbox           (TribFlowAnswers     *self,
                                                             const char          *sandbox);
const char         *trib_flow_answers_get_connection_spec_id (TribFlowAnswers    *self);
void                trib_flow_answers_set_connection_spec_id (TribFlowAnswers    *self,
                                                             const char          *spec_id);
const char         *trib_flow_answers_get_base_connection_id (TribFlowAnswers    *self);
void                trib_flow_answers_set_base_connection_id (TribFlowAnswers    *self,
                                                             const char          *connection_id);
TribExploreItemType trib_flow_answers_get_object_kind       (TribFlowAnswers     *self);
const char         *trib_flow_answers_get_object_path       (TribFlowAnswers     *self);
void                trib_flow_answers_set_object            (TribFlowAnswers     *self,
                                                             TribExploreItemType  kind,
                                                             const char          *path);
const char         *trib_flow_answers_get_file_type         (TribFlowAnswers     *self);
void                trib_flow_answers_set_file_type         (TribFlowAnswers     *self,
                                                             const char          *file_type);
const char         *trib_flow_answers_get_column_delimiter  (TribFlowAnswers     *self);
void                trib_flow_answers_set_column_delimiter  (TribFlowAnswers     *self,
                                                             const char          *delimiter);
const char         *trib_flow_answers_get_compression       (TribFlowAnswers     *self);
void                trib_flow_answers_set_compression       (TribFlowAnswers     *self,
                                                             const char          *compression);
gboolean            trib_flow_answers_get_recursive         (TribFlowAnswers     *self);
void                trib_flow_answers_set_recursive         (TribFlowAnswers     *self,
                                                             gboolean             recursive);
gboolean            trib_flow_answers_get_xdm_source        (TribFlowAnswers     *self);
void                trib_flow_answers_set_xdm_source        (TribFlowAnswers     *self,
                                                             gboolean             xdm_source);
const char         *trib_flow_answers_get_delta_column      (TribFlowAnswers     *self);
void                trib_flow_answers_set_delta_column      (TribFlowAnswers     *self,
                                                             const char          *column);

/* Target */
TribFlowTargetKind  trib_flow_answers_get_target_kind       (TribFlowAnswers     *self);
void                trib_flow_answers_set_target_kind       (TribFlowAnswers     *self,
                                                             TribFlowTargetKind   kind);
const char         *trib_flow_answers_get_dataset_id        (TribFlowAnswers     *self);
void                trib_flow_answers_set_dataset_id        (TribFlowAnswers     *self,
                                                             const char          *dataset_id);
const char         *trib_flow_answers_get_schema_id         (TribFlowAnswers     *self);
void                trib_flow_answers_set_schema_id         (TribFlowAnswers     *self,
                                                             const char          *schema_id);
const char         *trib_flow_answers_get_dataset_name      (TribFlowAnswers     *self);
void                trib_flow_answers_set_dataset_name      (TribFlowAnswers     *self,
                                                             const char          *name);
const char         *trib_flow_answers_get_class_id          (TribFlowAnswers     *self);
void                trib_flow_answers_set_class_id          (TribFlowAnswers     *self,
                                                             const char          *class_id);
const char * const *trib_flow_answers_get_field_group_ids   (TribFlowAnswers     *self);
void                trib_flow_answers_set_field_group_ids   (TribFlowAnswers     *self,
                                                             const char * const  *ids);
const char         *trib_flow_answers_get_schema_title      (TribFlowAnswers     *self);
void                trib_flow_answers_set_schema_title      (TribFlowAnswers     *self,
                                                             const char          *title);
gboolean            trib_flow_answers_get_profile_enabled   (TribFlowAnswers     *self);
void                trib_flow_answers_set_profile_enabled   (TribFlowAnswers     *self,
                                                             gboolean             enabled);
const char         *trib_flow_answers_get_class_title       (TribFlowAnswers     *self);
void                trib_flow_answers_set_class_title       (TribFlowAnswers     *self,
                                                             const char          *title);
const char * const *trib_flow_answers_get_column_names      (TribFlowAnswers     *self);
const char * const *trib_flow_answers_get_column_types      (TribFlowAnswers     *self);
void                trib_flow_answers_set_columns           (TribFlowAnswers     *self,
                                                             const char * const  *names,
                                                             const char * const  *types);

/* Mapping */
GPtrArray          *trib_flow_answers_get_mappings          (TribFlowAnswers     *self);
void                trib_flow_answers_set_mappings          (TribFlowAnswers     *self,
                                                             GPtrArray           *mappings);

/* Schedule */
TribFlowSpec       *trib_flow_answers_get_flow_spec         (TribFlowAnswers     *self);
void                trib_flow_answers_set_flow_spec         (TribFlowAnswers     *self,
                                                             TribFlowSpec        *flow_spec);
TribFlowFrequency   trib_flow_answers_get_frequency         (TribFlowAnswers     *self);
void                trib_flow_answers_set_frequency         (TribFlowAnswers     *self,
                                                             TribFlowFrequency    frequency);
guint               trib_flow_answers_get_interval          (TribFlowAnswers     *self);
void                trib_flow_answers_set_interval          (TribFlowAnswers     *self,
                                                             guint                interval);
GDateTime          *trib_flow_answers_get_start_time        (TribFlowAnswers     *self);
void                trib_flow_answers_set_start_time        (TribFlowAnswers     *self,
                                                             GDateTime           *start_time);
gboolean            trib_flow_answers_get_backfill          (TribFlowAnswers     *self);
void                trib_flow_answers_set_backfill          (TribFlowAnswers     *self,
                                                             gboolean             backfill);

/* Review */
const char         *trib_flow_answers_get_flow_name         (TribFlowAnswers     *self);
void                trib_flow_answers_set_flow_name         (TribFlowAnswers     *self,
                                                             const char          *name);
const char         *trib_flow_answers_get_flow_description  (TribFlowAnswers     *self);
void                trib_flow_answers_set_flow_description  (TribFlowAnswers     *self,
                                                             const char          *description);

gboolean            trib_flow_answers_needs_mapping         (TribFlowAnswers     *self);
const char         *trib_flow_answers_get_frequency_name    (TribFlowAnswers     *self);
gboolean            trib_flow_answers_check_step            (TribFlowAnswers     *self,
                                                             TribFlowWizardStep   step,
                                                             GError             **error);

G_END_DECLS
