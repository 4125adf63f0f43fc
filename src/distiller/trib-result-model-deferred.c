/* trib-result-model-deferred.c
 *
 * The rows of a TribResultModel that arrived while a view asked it to
 * wait: the view lists them at its own pace, once a frame, rather than
 * at each of the worker's batches.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-model"

#include "config.h"

#include "trib-result-model-private.h"

static GParamSpec *n_pending_pspec;

void
_trib_result_model_install_n_pending (GObjectClass *object_class,
                                      guint         prop_id)
{
  /**
   * TribResultModel:n-pending:
   *
   * Rows that arrived while the model was deferred and that it does
   * not list yet; see trib_result_model_set_deferred().
   */
  n_pending_pspec =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, prop_id, n_pending_pspec);
}

/* Keeps @n_added rows that arrived for a later flush. */
void
_trib_result_model_hold_rows (TribResultModel *self,
                              guint            n_added)
{
  self->n_pending += n_added;
  g_object_notify_by_pspec (G_OBJECT (self), n_pending_pspec);
}

/**
 * trib_result_model_set_deferred:
 * @deferred: whether rows that arrive wait for trib_result_model_flush()
 *
 * A view that draws the model lists the rows that arrive at its own
 * pace, once a frame, rather than at each batch; the rows wait in the
 * model meanwhile, counted by #TribResultModel:n-pending. Undeferring
 * lists them all at once.
 */
void
trib_result_model_set_deferred (TribResultModel *self,
                                gboolean         deferred)
{
  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));

  self->deferred = !!deferred;
  if (!self->deferred)
    trib_result_model_flush (self, G_MAXUINT);
}

gboolean
trib_result_model_get_deferred (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), FALSE);

  return self->deferred;
}

guint
trib_result_model_get_n_pending (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  return self->n_pending;
}

/**
 * trib_result_model_flush:
 * @max_rows: how many of the rows waiting to list, at most
 *
 * Lists rows that arrived while the model was deferred, oldest first,
 * in one change.
 *
 * Returns: how many it listed
 */
guint
trib_result_model_flush (TribResultModel *self,
                         guint            max_rows)
{
  guint n_added;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  if ((n_added = MIN (max_rows, self->n_pending)) == 0)
    return 0;

  self->n_pending -= n_added;
  _trib_result_model_show_rows (self, n_added);
  g_object_notify_by_pspec (G_OBJECT (self), n_pending_pspec);

  return n_added;
}
