/* trib-flow-runner.c
 *
 * Runs a flow plan against the platform, one step at a time, and keeps
 * its journal: before a create is sent the journal says "sending step
 * N", after it "step N made id X". So a setup stopped anywhere — a
 * lost answer, a 5xx, a closed window, a killed process — is resumed
 * without repeating a create blindly: each recorded resource is first
 * checked with a GET, and a create that may have happened is looked up
 * by its name (trib-flow-runner-platform.c). Roll back deletes what the
 * setup made, newest first, and says what it could not delete.
 *
 * A create is never retried by the client (TribPlatformClient), so a
 * failed step is either refused (a 4xx: nothing was made) or unsure
 * (no answer, a 5xx): only a resume, with its lookup, goes on from there.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-runner"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-runner-private.h"
#include "trib-flow-service-flows.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"


G_DEFINE_FINAL_TYPE (TribFlowRunner, trib_flow_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_JOURNAL,
  PROP_BUSY,
  PROP_CURRENT_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_trib_flow_runner_op_free (TribFlowRunnerOp *op)
{
  g_clear_pointer (&op->not_deleted, g_ptr_array_unref);
  g_free (op);
}

/* The creates, sent with the plan's bodies as they are (the Review
 * page shows exactly these); their answers are read in send_done_cb.
 */
#define CREATE_ENDPOINT(service_, path_, prefix_) \
  { .service = service_, .what = N_("the new resource’s id"), .method = "POST", .path = path_, \
    .idempotent = FALSE, .error_prefix = prefix_ }

static const TribEndpoint create_endpoints[] = {
  [TRIB_FLOW_STEP_CREATE_CLASS] = CREATE_ENDPOINT (NC_ ("platform service", "The Schema Registry"), "/data/foundation/schemaregistry/tenant/classes",
                                                   N_("Could not create the class: ")),
  [TRIB_FLOW_STEP_CREATE_SCHEMA] = CREATE_ENDPOINT (NC_ ("platform service", "The Schema Registry"), "/data/foundation/schemaregistry/tenant/schemas",
                                                    N_("Could not create the schema: ")),
  [TRIB_FLOW_STEP_CREATE_DATASET] = CREATE_ENDPOINT (NC_ ("platform service", "Catalog"), "/data/foundation/catalog/dataSets",
                                                     N_("Could not create the dataset: ")),
  [TRIB_FLOW_STEP_CREATE_MAPPING_SET] = CREATE_ENDPOINT (NC_ ("platform service", "Data Prep"), "/data/foundation/conversion/mappingSets",
                                                         N_("Could not create the mapping set: ")),
  [TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION] = CREATE_ENDPOINT (NC_ ("platform service", "Flow Service"), "/data/foundation/flowservice/sourceConnections",
                                                               N_("Could not create the source connection: ")),
  [TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION] = CREATE_ENDPOINT (NC_ ("platform service", "Flow Service"), "/data/foundation/flowservice/targetConnections",
                                                               N_("Could not create the target connection: ")),
  [TRIB_FLOW_STEP_CREATE_FLOW] = CREATE_ENDPOINT (NC_ ("platform service", "Flow Service"), "/data/foundation/flowservice/flows",
                                                  N_("Could not create the dataflow: ")),
  [TRIB_FLOW_STEP_CREATE_CONNECTION] = CREATE_ENDPOINT (NC_ ("platform service", "Flow Service"), "/data/foundation/flowservice/connections",
                                                        N_("Could not create the account: ")),
};

static void advance (GTask *task);

static void
trib_flow_runner_finalize (GObject *object)
{
  TribFlowRunner *self = TRIB_FLOW_RUNNER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->plan);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (trib_flow_runner_parent_class)->finalize (object);
}

static void
trib_flow_runner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribFlowRunner *self = TRIB_FLOW_RUNNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_int (value, self->current_step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_runner_class_init (TribFlowRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = trib_flow_runner_finalize;
  object_class->get_property = trib_flow_runner_get_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, TRIB_TYPE_FLOW_PLAN, ro);
  properties[PROP_JOURNAL] = g_param_spec_object ("journal", NULL, NULL, TRIB_TYPE_FLOW_JOURNAL, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_CURRENT_STEP] = g_param_spec_int ("current-step", NULL, NULL, -1, G_MAXINT, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_flow_runner_init (TribFlowRunner *self)
{
  self->current_step = -1;
  self->unsure_step = -1;
  self->stop_after = -1;
}

/**
 * trib_flow_runner_new:
 * @client: the client the calls go through; its sandbox must be the plan's
 * @plan: the plan, new or from a journal (trib_flow_journal_dup_plan())
 * @journal: (nullable): the plan's journal; %NULL for a new one in the
 *   default directory
 *
 * Returns: (transfer full): a runner for @plan
 */
TribFlowRunner *
trib_flow_runner_new (TribPlatformClient *client,
                      TribFlowPlan       *plan,
                      TribFlowJournal    *journal)
{
  TribFlowRunner *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (plan), NULL);
  g_return_val_if_fail (journal == NULL || TRIB_IS_FLOW_JOURNAL (journal), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_RUNNER, NULL);
  self->client = g_object_ref (client);
  self->plan = g_object_ref (plan);
  self->journal = journal != NULL ? g_object_ref (journal)
                                  : trib_flow_journal_new (NULL, trib_flow_plan_get_setup_id (plan));
  /* What the journal last said was being sent may exist. */
  if (journal != NULL)
    self->unsure_step = trib_flow_journal_get_sending_step (journal);

  return self;
}

/**
 * trib_flow_runner_get_plan:
 * @self: a #TribFlowRunner
 *
 * Returns: (transfer none): its plan, whose steps say how far it is
 */
TribFlowPlan *
trib_flow_runner_get_plan (TribFlowRunner *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUNNER (self), NULL);

  return self->plan;
}

/**
 * trib_flow_runner_get_journal:
 * @self: a #TribFlowRunner
 *
 * Returns: (transfer none): its journal
 */
TribFlowJournal *
trib_flow_runner_get_journal (TribFlowRunner *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUNNER (self), NULL);

  return self->journal;
}

/**
 * trib_flow_runner_get_busy:
 * @self: a #TribFlowRunner
 *
 * Returns: whether a run, resume or roll back is under way
 */
gboolean
trib_flow_runner_get_busy (TribFlowRunner *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUNNER (self), FALSE);

  return self->busy;
}

/**
 * trib_flow_runner_get_current_step:
 * @self: a #TribFlowRunner
 *
 * Returns: the step being sent, checked or deleted, or -1
 */
int
trib_flow_runner_get_current_step (TribFlowRunner *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUNNER (self), -1);

  return self->current_step;
}

void
_trib_flow_runner_stop_after (TribFlowRunner *self,
                              int             index)
{
  self->stop_after = index;
}

void
_trib_flow_runner_set_busy (TribFlowRunner *self,
          gboolean        busy)
{
  if (self->busy == !!busy)
    return;
  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_trib_flow_runner_set_current_step (TribFlowRunner *self,
                  int             index)
{
  if (self->current_step == index)
    return;
  self->current_step = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
}

void
_trib_flow_runner_fail (GTask  *task,
                       GError *error)
{
  TribFlowRunner *self = g_task_get_source_object (task);

  _trib_flow_runner_set_current_step (self, -1);
  _trib_flow_runner_set_busy (self, FALSE);
  g_task_return_error (task, error);
}

gboolean
_trib_flow_runner_write_journal (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (trib_flow_journal_write (self->journal, self->plan, self->unsure_step, &error))
    return TRUE;

  /* Nothing is sent that the journal could not record. */
  g_prefix_error (&error, "%s", _("The setup stopped because its record could not be written: "));
  _trib_flow_runner_fail (task, g_steal_pointer (&error));

  return FALSE;
}

/* Whether a failed create certainly made nothing: the platform answered
 * and refused it. A 408, a 429 after the waits, a 5xx or no answer at
 * all leave it unknown.
 */
static gboolean
is_refusal (const GError *error)
{
  guint status;

  if (error->domain != TRIB_PLATFORM_ERROR)
    return FALSE;
  status = trib_platform_error_get_status (error);

  return status >= 400 && status < 500 && status != 408 && status != 429;
}

static gboolean
check_sandbox (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  const char *sandbox = trib_flow_plan_get_sandbox (self->plan);

  if (g_strcmp0 (sandbox, trib_platform_client_get_sandbox (self->client)) == 0)
    return TRUE;

  _trib_flow_runner_fail (task, g_error_new (TRIB_ERROR, TRIB_ERROR_FAILED,
                           /* Translators: %s is a sandbox's name */
                           _("This setup was made in the sandbox “%s”: switch to it to go on."), sandbox));
  return FALSE;
}

static char *
created_id (TribFlowStepKind   kind,
            JsonNode          *reply,
            int               *version)
{
  JsonObject *object = reply != NULL && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;

  *version = -1;
  switch (kind)
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      return object != NULL ? g_strdup (trib_xdm_json_get_string (object, "$id")) : NULL;

    case TRIB_FLOW_STEP_CREATE_DATASET:
      /* Catalog answers ["@/dataSets/<id>"]. */
      if (reply != NULL && JSON_NODE_HOLDS_ARRAY (reply) && json_array_get_length (json_node_get_array (reply)) == 1)
        {
          const char *ref = json_node_get_string (json_array_get_element (json_node_get_array (reply), 0));

          if (ref != NULL && g_str_has_prefix (ref, "@/dataSets/") && ref[strlen ("@/dataSets/")] != '\0')
            return g_strdup (ref + strlen ("@/dataSets/"));
        }
      return NULL;

    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      if (object == NULL)
        return NULL;
      *version = json_object_get_int_member_with_default (object, "version", 0);
      return g_strdup (trib_xdm_json_get_string (object, "id"));

    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
    case TRIB_FLOW_STEP_CREATE_FLOW:
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      return object != NULL ? g_strdup (trib_xdm_json_get_string (object, "id")) : NULL;

    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      return NULL;
    }
}

/* A step is done: record it, then go on, or stop there for a test. */
static void
step_done (GTask        *task,
           TribFlowStep *step,
           const char   *id,
           int           version,
           const char   *name_space)
{
  TribFlowRunner *self = g_task_get_source_object (task);

  _trib_flow_step_set_created (step, id, version);
  if (name_space != NULL)
    _trib_flow_step_set_created_namespace (step, name_space);
  _trib_flow_step_set_error (step, NULL);
  _trib_flow_step_set_state (step, TRIB_FLOW_STEP_DONE);
  self->unsure_step = -1;
  if (!_trib_flow_runner_write_journal (task))
    return;

  if (self->stop_after == (int) trib_flow_step_get_index (step))
    {
      self->stop_after = -1;
      _trib_flow_runner_fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped for a test"));
      return;
    }

  advance (task);
}

static void
step_failed (GTask        *task,
             TribFlowStep *step,
             GError       *error)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  g_autoptr(GError) owned = error;

  if (is_refusal (owned))
    {
      /* Refused: nothing was made, and the journal can say so. */
      self->unsure_step = -1;
      if (!_trib_flow_runner_write_journal (task))
        {
          _trib_flow_step_set_error (step, owned);
          _trib_flow_step_set_state (step, TRIB_FLOW_STEP_FAILED);
          return;
        }
    }
  else if (!g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&owned, "%s", _("The platform may have made it all the same: Resume looks for it before "
                                    "trying again. "));

  _trib_flow_step_set_error (step, owned);
  _trib_flow_step_set_state (step, TRIB_FLOW_STEP_FAILED);
  _trib_flow_runner_fail (task, g_steal_pointer (&owned));
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, &error);
  g_autofree char *id = NULL;
  int version;

  if (reply == NULL)
    {
      step_failed (task, step, g_steal_pointer (&error));
      return;
    }

  if (!(id = created_id (trib_flow_step_get_kind (step), reply, &version)))
    {
      /* Made, probably, but its id unknown: as unsure as no answer. */
      step_failed (task, step,
                   trib_platform_error_new_invalid_response (create_endpoints[trib_flow_step_get_kind (step)].service,
                                                             create_endpoints[trib_flow_step_get_kind (step)].what));
      return;
    }

  step_done (task, step, id, version,
             JSON_NODE_HOLDS_OBJECT (reply) ? trib_xdm_json_get_string (json_node_get_object (reply),
                                                                          "meta:datasetNamespace")
                                            : NULL);
}

static void
spec_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowSpec) spec = trib_flow_service_find_flow_spec_finish (result, &error);

  if (spec == NULL)
    {
      /* A lookup makes nothing: failing it leaves nothing unsure. */
      self->unsure_step = -1;
      _trib_flow_step_set_error (step, error);
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_FAILED);
      _trib_flow_runner_fail (task, g_steal_pointer (&error));
      return;
    }

  step_done (task, step, trib_flow_spec_get_id (spec), -1, NULL);
}

static void
send_step (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  TribFlowStepKind kind = trib_flow_step_get_kind (step);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  _trib_flow_runner_set_current_step (self, op->index);
  _trib_flow_step_set_error (step, NULL);
  _trib_flow_step_set_state (step, TRIB_FLOW_STEP_RUNNING);

  if (kind == TRIB_FLOW_STEP_FIND_FLOW_SPEC)
    {
      trib_flow_service_find_flow_spec_async (self->client, trib_flow_step_get_resource_name (step), NULL,
                                              g_task_get_cancellable (task), spec_found_cb, g_object_ref (task));
      return;
    }

  if (!(body = _trib_flow_plan_resolve (self->plan, _trib_flow_step_get_body (step), &error)))
    {
      _trib_flow_step_set_error (step, error);
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_FAILED);
      _trib_flow_runner_fail (task, g_steal_pointer (&error));
      return;
    }

  /* "Sending step N" is on disk before anything is sent. */
  self->unsure_step = op->index;
  if (!_trib_flow_runner_write_journal (task))
    return;

  call = trib_call_new (&create_endpoints[kind], NULL);
  trib_call_set_body (call, body);
  trib_call_set_sandbox (call, trib_flow_plan_get_sandbox (self->plan));
  trib_platform_client_send_async (self->client, call, g_task_get_cancellable (task), send_done_cb,
                                   g_object_ref (task));
}

static void
reconciled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name_space = NULL;
  int version;

  id = _trib_flow_resource_find_finish (result, &version, &name_space, &error);
  if (error != NULL)
    {
      _trib_flow_runner_fail (task, g_steal_pointer (&error));
      return;
    }

  if (id != NULL)
    {
      g_debug ("step %d: found %s, made before its answer was lost", op->index + 1, id);
      step_done (task, step, id, version, name_space);
      return;
    }

  /* Not there: the create never reached the platform, or was refused. */
  self->unsure_step = -1;
  _trib_flow_step_set_state (step, TRIB_FLOW_STEP_PENDING);
  send_step (task);
}

static void
advance (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  guint n = trib_flow_plan_get_n_steps (self->plan);
  g_autoptr(GError) error = NULL;
  TribFlowStep *step;

  if (g_task_return_error_if_cancelled (task))
    {
      _trib_flow_runner_set_current_step (self, -1);
      _trib_flow_runner_set_busy (self, FALSE);
      return;
    }

  for (op->index = 0; op->index < (int) n; op->index++)
    if (trib_flow_step_get_state (trib_flow_plan_get_step (self->plan, op->index)) != TRIB_FLOW_STEP_DONE)
      break;

  if (op->index == (int) n)
    {
      if (!trib_flow_journal_delete (self->journal, &error))
        g_warning ("%s", error->message);
      _trib_flow_runner_set_current_step (self, -1);
      _trib_flow_runner_set_busy (self, FALSE);
      g_task_return_pointer (task, g_strdup (trib_flow_plan_get_flow_id (self->plan)), g_free);
      return;
    }

  step = trib_flow_plan_get_step (self->plan, op->index);
  if (op->index == self->unsure_step)
    {
      _trib_flow_runner_set_current_step (self, op->index);
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_RUNNING);
      _trib_flow_resource_find_async (self->client, self->plan, step, g_task_get_cancellable (task), reconciled_cb,
                                      g_object_ref (task));
      return;
    }

  send_step (task);
}

GTask *
_trib_flow_runner_start (TribFlowRunner      *self,
                         TribFlowRunnerMode   mode,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TribFlowRunnerOp *op = g_new0 (TribFlowRunnerOp, 1);

  g_task_set_source_tag (task, source_tag);
  op->mode = mode;
  op->not_deleted = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, op, (GDestroyNotify) _trib_flow_runner_op_free);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", _("The setup is already under way."));
      return NULL;
    }
  _trib_flow_runner_set_busy (self, TRUE);
  if (!check_sandbox (task))
    return NULL;

  return g_steal_pointer (&task);
}

/**
 * trib_flow_runner_run_async:
 * @self: a #TribFlowRunner
 * @cancellable: (nullable): a #GCancellable; cancelling leaves a
 *   journal to resume or roll back
 * @callback: called when the flow exists, or a step failed
 * @user_data: data for @callback
 *
 * Runs the plan's steps in order, from the first not done. The steps'
 * #TribFlowStep:state and the runner's #TribFlowRunner:current-step
 * follow it. The journal is deleted once the flow exists.
 */
void
trib_flow_runner_run_async (TribFlowRunner      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRIB_IS_FLOW_RUNNER (self));

  if ((task = _trib_flow_runner_start (self, TRIB_FLOW_RUNNER_RUN, trib_flow_runner_run_async, cancellable, callback, user_data)))
    advance (task);
  g_clear_object (&task);
}

/**
 * trib_flow_runner_run_finish:
 * @self: a #TribFlowRunner
 * @result: the #GAsyncResult
 * @error: a location for a #GError: a refusal (the failed step's error,
 *   nothing made by it), or an unsure end (resume to find out)
 *
 * Returns: (transfer full) (nullable): the new flow's id
 */
char *
trib_flow_runner_run_finish (TribFlowRunner  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data);

/* Resume first checks, with a GET, each resource the journal says
 * exists; one gone is made again.
 */
static void
check_next (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);

  for (; op->index < (int) trib_flow_plan_get_n_steps (self->plan); op->index++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);

      if (trib_flow_step_get_state (step) == TRIB_FLOW_STEP_DONE && trib_flow_step_creates (step) &&
          trib_flow_step_get_created_id (step) != NULL)
        {
          _trib_flow_runner_set_current_step (self, op->index);
          _trib_flow_resource_check_async (self->client, step, g_task_get_cancellable (task), checked_cb,
                                           g_object_ref (task));
          return;
        }
      /* Whatever was running or failed is tried again (or looked up). */
      if (trib_flow_step_get_state (step) != TRIB_FLOW_STEP_DONE)
        _trib_flow_step_set_state (step, TRIB_FLOW_STEP_PENDING);
    }

  advance (task);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;
  gboolean exists;

  if (!_trib_flow_resource_check_finish (result, &exists, &error))
    {
      _trib_flow_runner_fail (task, g_steal_pointer (&error));
      return;
    }

  if (!exists)
    {
      g_debug ("step %d: %s is gone, made again", op->index + 1, trib_flow_step_get_created_id (step));
      _trib_flow_step_set_created (step, NULL, -1);
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_PENDING);
    }

  op->index++;
  check_next (task);
}

/**
 * trib_flow_runner_resume_async:
 * @self: a #TribFlowRunner, usually over a plan from a journal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the flow exists, or a step failed
 * @user_data: data for @callback
 *
 * Goes on with an interrupted setup: checks each resource the journal
 * records with a GET, looks up by name the one whose create may have
 * happened (never sending it again blindly), then runs the rest.
 */
void
trib_flow_runner_resume_async (TribFlowRunner      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRIB_IS_FLOW_RUNNER (self));

  if ((task = _trib_flow_runner_start (self, TRIB_FLOW_RUNNER_RESUME, trib_flow_runner_resume_async, cancellable, callback, user_data)))
    check_next (task);
  g_clear_object (&task);
}

/**
 * trib_flow_runner_resume_finish:
 * @self: a #TribFlowRunner
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the flow's id
 */
char *
trib_flow_runner_resume_finish (TribFlowRunner  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
