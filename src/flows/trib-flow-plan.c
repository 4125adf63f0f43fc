/* trib-flow-plan.c
 *
 * A dataflow setup as data: the ordered platform calls seeds 002 and 004
 * describe (schema → dataset → mapping set → source and target
 * connections → flow spec → flow), each body built from the answers,
 * errata fixed (API-NOTES, Seed errata), and naming the ids of earlier
 * steps as placeholders the runner fills at run time. The Review page
 * shows exactly the bodies that are sent, and the journal keeps them.
 *
 * The things a setup makes carry a short setup id in their names where
 * the person did not name them, so that a create whose answer was lost
 * is found again by name, and never mistaken for another setup's.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-explore.h"
#include "trib-flow-plan-private.h"
#include "trib-flow-service-flows.h"
#include "trib-request-record.h"


struct _TribFlowPlan
{
  GObject parent_instance;

  char *setup_id;
  char *sandbox;
  char *title;
  GPtrArray *steps;
  GHashTable *secrets;    /* key → a new account's secret, in memory only */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribFlowPlan, trib_flow_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return TRIB_TYPE_FLOW_STEP;
}

static guint
get_n_items (GListModel *model)
{
  return TRIB_FLOW_PLAN (model)->steps->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TribFlowPlan *self = TRIB_FLOW_PLAN (model);

  if (position >= self->steps->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->steps, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
trib_flow_plan_finalize (GObject *object)
{
  TribFlowPlan *self = TRIB_FLOW_PLAN (object);

  g_free (self->setup_id);
  g_free (self->sandbox);
  g_free (self->title);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->secrets, g_hash_table_unref);

  G_OBJECT_CLASS (trib_flow_plan_parent_class)->finalize (object);
}

static void
trib_flow_plan_class_init (TribFlowPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_plan_finalize;
}

static void
trib_flow_plan_init (TribFlowPlan *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
secret_free (gpointer data)
{
  char *secret = data;

  /* Overwritten before it is freed, as the spec forms do. */
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* A secret a step's body names as `{{secret:KEY}}`: kept in memory for
 * the runner, never in the body, the journal or the curl commands.
 */
void
_trib_flow_plan_set_secret (TribFlowPlan *self,
                            const char   *key,
                            const char   *secret)
{
  if (self->secrets == NULL)
    self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secret_free);
  g_hash_table_replace (self->secrets, g_strdup (key), g_strdup (secret));
}

const char *
_trib_flow_plan_get_secret (TribFlowPlan *self,
                            const char   *key)
{
  return self->secrets != NULL ? g_hash_table_lookup (self->secrets, key) : NULL;
}

/**
 * trib_flow_plan_new:
 * @answers: the wizard's answers, complete (trib_flow_answers_check_step()
 *   with %TRIB_FLOW_WIZARD_STEP_REVIEW)
 * @flow_spec: the flow spec the flow follows, looked up by the wizard
 *   (`CloudStorageToAEP` for files, `CRMToAEP` for tables, or the spec
 *   that lists the source's connection spec); the plan looks it up again
 *   by name, as the seeds do, and takes the id the platform gives then
 * @error: a location for a #GError
 *
 * Builds the ordered steps of a setup from the answers. Nothing is sent.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error
 *   saying what the answers lack
 */
TribFlowPlan *
trib_flow_plan_new (TribFlowAnswers  *answers,
                    TribFlowSpec     *flow_spec,
                    GError          **error)
{
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autofree char *schema_ref = NULL;
  g_autofree char *dataset_ref = NULL;
  const char *schema_id;
  const char *dataset_id;
  TribFlowStep *adhoc_class = NULL;
  TribFlowStep *mapping = NULL;
  TribFlowStep *source;
  TribFlowStep *target;
  TribFlowStep *spec;
  TribFlowPlanBuilder b;

  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (answers), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (flow_spec), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trib_flow_answers_get_flow_spec (answers) == NULL)
    trib_flow_answers_set_flow_spec (answers, flow_spec);
  if (!trib_flow_answers_check_step (answers, TRIB_FLOW_WIZARD_STEP_REVIEW, error))
    return NULL;

  plan = g_object_new (TRIB_TYPE_FLOW_PLAN, NULL);
  plan->setup_id = g_uuid_string_random ();
  plan->sandbox = g_strdup (trib_flow_answers_get_sandbox (answers));
  plan->title = g_strdup (trib_flow_answers_get_flow_name (answers));
  b = (TribFlowPlanBuilder) { plan, answers, flow_spec, g_strndup (plan->setup_id, 8) };

  switch (trib_flow_answers_get_target_kind (answers))
    {
    case TRIB_FLOW_TARGET_EXISTING_DATASET:
      schema_id = trib_flow_answers_get_schema_id (answers);
      dataset_id = trib_flow_answers_get_dataset_id (answers);
      break;

    case TRIB_FLOW_TARGET_NEW_DATASET:
      schema_id = trib_flow_answers_get_schema_id (answers);
      dataset_ref = _trib_flow_plan_ref_id (_trib_flow_plan_add_dataset (&b, schema_id));
      dataset_id = dataset_ref;
      break;

    case TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS:
      schema_ref = _trib_flow_plan_ref_id (_trib_flow_plan_add_schema (&b, trib_flow_answers_get_class_id (answers),
                                       trib_flow_answers_get_field_group_ids (answers)));
      schema_id = schema_ref;
      dataset_ref = _trib_flow_plan_ref_id (_trib_flow_plan_add_dataset (&b, schema_id));
      dataset_id = dataset_ref;
      break;

    case TRIB_FLOW_TARGET_ADHOC_SCHEMA:
      {
        g_autofree char *class_ref = _trib_flow_plan_ref_id (adhoc_class = _trib_flow_plan_add_class (&b));

        schema_ref = _trib_flow_plan_ref_id (_trib_flow_plan_add_schema (&b, class_ref, NULL));
        schema_id = schema_ref;
        dataset_ref = _trib_flow_plan_ref_id (_trib_flow_plan_add_dataset (&b, schema_id));
        dataset_id = dataset_ref;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (schema_id == NULL || *schema_id == '\0')
    {
      g_free (b.short_id);
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("The dataset’s schema is not known yet: wait for the dataset to load."));
      return NULL;
    }

  if (trib_flow_answers_needs_mapping (answers))
    mapping = _trib_flow_plan_add_mapping_set (&b, schema_id, adhoc_class);
  source = _trib_flow_plan_add_source_connection (&b, schema_id);
  target = _trib_flow_plan_add_target_connection (&b, schema_id, dataset_id);
  spec = _trib_flow_plan_add_find_flow_spec (&b);
  _trib_flow_plan_add_flow (&b, spec, source, target, mapping);
  g_free (b.short_id);

  return g_steal_pointer (&plan);
}

/**
 * trib_flow_plan_get_setup_id:
 * @self: a #TribFlowPlan
 *
 * Returns: the setup's id (a UUID), which names its journal
 */
const char *
trib_flow_plan_get_setup_id (TribFlowPlan *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);

  return self->setup_id;
}

/**
 * trib_flow_plan_get_sandbox:
 * @self: a #TribFlowPlan
 *
 * Returns: the sandbox every step is sent to, whatever the client's is
 */
const char *
trib_flow_plan_get_sandbox (TribFlowPlan *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);

  return self->sandbox;
}

/**
 * trib_flow_plan_get_title:
 * @self: a #TribFlowPlan
 *
 * Returns: the dataflow's name, for the Resume prompt
 */
const char *
trib_flow_plan_get_title (TribFlowPlan *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);

  return self->title;
}

/**
 * trib_flow_plan_get_n_steps:
 * @self: a #TribFlowPlan
 *
 * Returns: how many steps it has
 */
guint
trib_flow_plan_get_n_steps (TribFlowPlan *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), 0);

  return self->steps->len;
}

/**
 * trib_flow_plan_get_step:
 * @self: a #TribFlowPlan
 * @index: a step's place, from 0
 *
 * Returns: (transfer none): the step
 */
TribFlowStep *
trib_flow_plan_get_step (TribFlowPlan *self,
                         guint         index)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

/**
 * trib_flow_plan_find_step:
 * @self: a #TribFlowPlan
 * @kind: what the step does
 *
 * Returns: (transfer none) (nullable): the first step of that kind
 */
TribFlowStep *
trib_flow_plan_find_step (TribFlowPlan     *self,
                          TribFlowStepKind  kind)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);

  for (guint i = 0; i < self->steps->len; i++)
    if (trib_flow_step_get_kind (g_ptr_array_index (self->steps, i)) == kind)
      return g_ptr_array_index (self->steps, i);

  return NULL;
}

/**
 * trib_flow_plan_get_flow_id:
 * @self: a #TribFlowPlan
 *
 * Returns: (nullable): the dataflow's id once it exists
 */
const char *
trib_flow_plan_get_flow_id (TribFlowPlan *self)
{
  TribFlowStep *flow;

  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);

  flow = trib_flow_plan_find_step (self, TRIB_FLOW_STEP_CREATE_FLOW);

  return flow != NULL ? trib_flow_step_get_created_id (flow) : NULL;
}

/**
 * trib_flow_plan_is_complete:
 * @self: a #TribFlowPlan
 *
 * Returns: whether every step is done
 */
gboolean
trib_flow_plan_is_complete (TribFlowPlan *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    if (trib_flow_step_get_state (g_ptr_array_index (self->steps, i)) != TRIB_FLOW_STEP_DONE)
      return FALSE;

  return TRUE;
}

void
_trib_flow_plan_set_header (TribFlowPlan *self,
                            const char   *setup_id,
                            const char   *sandbox,
                            const char   *title)
{
  g_free (self->setup_id);
  self->setup_id = g_strdup (setup_id);
  g_free (self->sandbox);
  self->sandbox = g_strdup (sandbox);
  g_free (self->title);
  self->title = g_strdup (title);
}

/* Takes @step. */
void
_trib_flow_plan_add_step (TribFlowPlan *self,
                          TribFlowStep *step)
{
  g_ptr_array_add (self->steps, step);
}
