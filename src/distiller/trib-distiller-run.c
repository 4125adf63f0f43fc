/* trib-distiller-run.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-run"

#include "config.h"

#include "trib-distiller-run-private.h"

/* One statement sent to a TribDistillerSession: its state, its rows as
 * they arrive, and how it ended. It lives on the main thread; the
 * session's worker reports to it from there.
 */
struct _TribDistillerRun
{
  GObject parent_instance;

  char *sql;
  TribDistillerRunState state;
  guint64 n_rows;
  TribResultModel *model;
  char *command_status;
  GError *error;
  GPtrArray *messages;
  GDateTime *started;
  gint64 started_us;
  gint64 finished_us;

  TribDistillerCancelFunc cancel_func;
  gpointer cancel_data;
  GDestroyNotify cancel_data_destroy;
};

G_DEFINE_FINAL_TYPE (TribDistillerRun, trib_distiller_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SQL,
  PROP_STATE,
  PROP_N_ROWS,
  PROP_MODEL,
  PROP_ERROR,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
trib_distiller_run_finalize (GObject *object)
{
  TribDistillerRun *self = (TribDistillerRun *)object;

  if (self->cancel_data_destroy != NULL)
    self->cancel_data_destroy (self->cancel_data);

  g_clear_pointer (&self->sql, g_free);
  g_clear_object (&self->model);
  g_clear_pointer (&self->command_status, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (trib_distiller_run_parent_class)->finalize (object);
}

static void
trib_distiller_run_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribDistillerRun *self = TRIB_DISTILLER_RUN (object);

  switch (prop_id)
    {
    case PROP_SQL:
      g_value_set_string (value, self->sql);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_N_ROWS:
      g_value_set_uint64 (value, self->n_rows);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_distiller_run_class_init (TribDistillerRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_distiller_run_finalize;
  object_class->get_property = trib_distiller_run_get_property;

  properties[PROP_SQL] =
    g_param_spec_string ("sql", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, TRIB_DISTILLER_RUN_SKIPPED, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ROWS] =
    g_param_spec_uint64 ("n-rows", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, TRIB_TYPE_RESULT_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribDistillerRun::finished:
   *
   * Emitted once, when the run is done, failed, was cancelled or was
   * skipped.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_distiller_run_init (TribDistillerRun *self)
{
  self->messages = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

TribDistillerRun *
trib_distiller_run_new (const char              *sql,
                        TribDistillerCancelFunc  cancel_func,
                        gpointer                 cancel_data,
                        GDestroyNotify           cancel_data_destroy)
{
  TribDistillerRun *self = g_object_new (TRIB_TYPE_DISTILLER_RUN, NULL);

  self->sql = g_strdup (sql);
  self->cancel_func = cancel_func;
  self->cancel_data = cancel_data;
  self->cancel_data_destroy = cancel_data_destroy;

  return self;
}

const char *
trib_distiller_run_get_sql (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return self->sql;
}

TribDistillerRunState
trib_distiller_run_get_state (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), TRIB_DISTILLER_RUN_FAILED);

  return self->state;
}

gboolean
trib_distiller_run_get_finished (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), TRUE);

  return self->state >= TRIB_DISTILLER_RUN_DONE;
}

guint64
trib_distiller_run_get_n_rows (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), 0);

  return self->n_rows;
}

/**
 * trib_distiller_run_get_model:
 *
 * Returns: (transfer none) (nullable): the rows, once the server has
 *   described them; %NULL for statements that return no rows
 */
TribResultModel *
trib_distiller_run_get_model (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return self->model;
}

/**
 * trib_distiller_run_get_command_status:
 *
 * Returns: (nullable): the server's command tag, such as `INSERT 0 5`
 */
const char *
trib_distiller_run_get_command_status (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return self->command_status;
}

/**
 * trib_distiller_run_get_error:
 *
 * Returns: (nullable): why the run failed; a #TRIB_DISTILLER_ERROR keeps
 *   the server's SQLSTATE, hint and position
 */
const GError *
trib_distiller_run_get_error (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return self->error;
}

/**
 * trib_distiller_run_get_messages:
 *
 * Returns: (transfer none): the notices the server sent, oldest first
 */
const char * const *
trib_distiller_run_get_messages (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return (const char * const *) self->messages->pdata;
}

/**
 * trib_distiller_run_get_started:
 *
 * Returns: (transfer none) (nullable): when the statement was sent
 */
GDateTime *
trib_distiller_run_get_started (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), NULL);

  return self->started;
}

/**
 * trib_distiller_run_get_elapsed_us:
 *
 * Returns: how long the statement has run, or ran; 0 before it starts
 */
gint64
trib_distiller_run_get_elapsed_us (TribDistillerRun *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (self), 0);

  if (self->started_us == 0)
    return 0;
  if (self->finished_us != 0)
    return self->finished_us - self->started_us;

  return g_get_monotonic_time () - self->started_us;
}

/**
 * trib_distiller_run_cancel:
 *
 * Cancels the run: a queued one never starts, a running one is
 * cancelled on the server. The session stays usable.
 */
void
trib_distiller_run_cancel (TribDistillerRun *self)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));

  if (trib_distiller_run_get_finished (self) || self->cancel_func == NULL)
    return;

  self->cancel_func (self, self->cancel_data);
}

void
trib_distiller_run_set_state (TribDistillerRun      *self,
                              TribDistillerRunState  state)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));

  if (self->state == state || trib_distiller_run_get_finished (self))
    return;

  if (state == TRIB_DISTILLER_RUN_RUNNING)
    {
      self->started = g_date_time_new_now_local ();
      self->started_us = g_get_monotonic_time ();
    }

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
trib_distiller_run_set_columns (TribDistillerRun   *self,
                                guint               n_columns,
                                const char * const *names,
                                const guint32      *type_oids)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));

  if (self->model != NULL)
    return;

  self->model = trib_result_model_new ();
  trib_result_model_set_columns (self->model, n_columns, names, type_oids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
trib_distiller_run_add_batch (TribDistillerRun *self,
                              TribResultBatch  *batch)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));
  g_return_if_fail (self->model != NULL);

  self->n_rows += trib_result_batch_get_n_rows (batch);
  trib_result_model_append_batch (self->model, batch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
}

void
trib_distiller_run_add_message (TribDistillerRun *self,
                                const char       *message)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));

  g_ptr_array_add (self->messages, g_strdup (message));
}

void
trib_distiller_run_finish (TribDistillerRun      *self,
                           TribDistillerRunState  state,
                           const char            *command_status,
                           const GError          *error)
{
  g_return_if_fail (TRIB_IS_DISTILLER_RUN (self));
  g_return_if_fail (state >= TRIB_DISTILLER_RUN_DONE);

  if (trib_distiller_run_get_finished (self))
    return;

  self->finished_us = g_get_monotonic_time ();
  self->command_status = g_strdup (command_status);
  if (error != NULL)
    {
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_signal_emit (self, signals[FINISHED], 0);
}
