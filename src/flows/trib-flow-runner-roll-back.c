/* trib-flow-runner-roll-back.c
 *
 * A setup undone: what it made deleted newest first (the flow before its
 * connections, the dataset before its schema), a create that may have
 * happened looked up by name first, and what could not be deleted said.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-runner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-runner-private.h"

static void roll_back_next (GTask *task);

static void
roll_back_end (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  _trib_flow_runner_set_current_step (self, -1);
  _trib_flow_runner_set_busy (self, FALSE);

  if (op->failed)
    {
      /* The journal stays, so the roll back can be tried again. */
      _trib_flow_runner_write_journal (task);
      g_task_return_new_error (task, TRIB_ERROR, TRIB_ERROR_FAILED, "%s",
                               _("Some of what the setup made could not be deleted."));
      return;
    }

  if (!trib_flow_journal_delete (self->journal, &error))
    g_warning ("%s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;

  if (!_trib_flow_resource_delete_finish (result, &error))
    {
      g_autofree char *what = g_strdup_printf ("%s: %s", trib_flow_step_get_title (step), error->message);

      g_ptr_array_add (op->not_deleted, g_steal_pointer (&what));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        op->failed = TRUE;
      else
        {
          /* Kept for good, not to be retried. */
          _trib_flow_step_set_created (step, NULL, -1);
          _trib_flow_step_set_state (step, TRIB_FLOW_STEP_SKIPPED);
        }
    }
  else
    {
      _trib_flow_step_set_created (step, NULL, -1);
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_SKIPPED);
      if (!_trib_flow_runner_write_journal (task))
        return;
    }

  op->index--;
  roll_back_next (task);
}

static void
roll_back_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);
  TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int version;

  id = _trib_flow_resource_find_finish (result, &version, NULL, &error);
  if (error != NULL)
    {
      _trib_flow_runner_fail (task, g_steal_pointer (&error));
      return;
    }

  self->unsure_step = -1;
  if (id == NULL)
    {
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_SKIPPED);
      op->index--;
      roll_back_next (task);
      return;
    }

  _trib_flow_step_set_created (step, id, version);
  _trib_flow_resource_delete_async (self->client, step, g_task_get_cancellable (task), deleted_cb,
                                    g_object_ref (task));
}

static void
roll_back_next (GTask *task)
{
  TribFlowRunner *self = g_task_get_source_object (task);
  TribFlowRunnerOp *op = g_task_get_task_data (task);

  for (; op->index >= 0; op->index--)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self->plan, op->index);

      if (!trib_flow_step_creates (step))
        {
          _trib_flow_step_set_state (step, TRIB_FLOW_STEP_SKIPPED);
          continue;
        }
      _trib_flow_runner_set_current_step (self, op->index);
      if (trib_flow_step_get_created_id (step) != NULL)
        {
          _trib_flow_step_set_state (step, TRIB_FLOW_STEP_RUNNING);
          _trib_flow_resource_delete_async (self->client, step, g_task_get_cancellable (task), deleted_cb,
                                            g_object_ref (task));
          return;
        }
      if (op->index == self->unsure_step)
        {
          _trib_flow_step_set_state (step, TRIB_FLOW_STEP_RUNNING);
          _trib_flow_resource_find_async (self->client, self->plan, step, g_task_get_cancellable (task),
                                          roll_back_found_cb, g_object_ref (task));
          return;
        }
      _trib_flow_step_set_state (step, TRIB_FLOW_STEP_SKIPPED);
    }

  roll_back_end (task);
}

/**
 * trib_flow_runner_roll_back_async:
 * @self: a #TribFlowRunner
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once done
 * @user_data: data for @callback
 *
 * Deletes what the setup made, newest first (the flow before its
 * connections, the dataset before its schema), including a resource
 * whose create may have happened (looked up by name). Each step rolled
 * back becomes %TRIB_FLOW_STEP_SKIPPED.
 */
void
trib_flow_runner_roll_back_async (TribFlowRunner      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  TribFlowRunnerOp *op;

  g_return_if_fail (TRIB_IS_FLOW_RUNNER (self));

  if (!(task = _trib_flow_runner_start (self, TRIB_FLOW_RUNNER_ROLL_BACK, trib_flow_runner_roll_back_async, cancellable, callback, user_data)))
    return;
  op = g_task_get_task_data (task);
  op->index = (int) trib_flow_plan_get_n_steps (self->plan) - 1;
  roll_back_next (task);
  g_object_unref (task);
}

/**
 * trib_flow_runner_roll_back_finish:
 * @self: a #TribFlowRunner
 * @result: the #GAsyncResult
 * @not_deleted: (out) (optional) (transfer full): one translated line per
 *   thing left on the platform and why, or %NULL if none
 * @error: a location for a #GError
 *
 * Returns: %TRUE if everything that can be deleted is gone (the journal
 *   with it; a mapping set, which cannot be deleted, is in @not_deleted);
 *   %FALSE if something could not be deleted now: the journal stays, to
 *   try again
 */
gboolean
trib_flow_runner_roll_back_finish (TribFlowRunner  *self,
                                   GAsyncResult    *result,
                                   GStrv           *not_deleted,
                                   GError         **error)
{
  TribFlowRunnerOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  op = g_task_get_task_data (G_TASK (result));
  if (not_deleted != NULL)
    {
      *not_deleted = NULL;
      if (op->not_deleted->len > 0)
        {
          g_ptr_array_add (op->not_deleted, NULL);
          *not_deleted = (GStrv) g_ptr_array_steal (op->not_deleted, NULL);
          op->not_deleted = g_ptr_array_new_with_free_func (g_free);
        }
    }

  return g_task_propagate_boolean (G_TASK (result), error);
}
