/* trib-script-run.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-script-run"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-distiller-error.h"
#include "trib-error.h"
#include "trib-script-run.h"
#include "trib-sql-splitter.h"

/* What one Run or Run Script does, from the text to the history: the
 * statements and where each starts in the text, their runs on a
 * session, the first failure and where in the text the server says it
 * is, and one history entry for every statement that reached the
 * server. The UI only observes it: its states as properties, each
 * statement's end and the script's as signals.
 *
 * A started script holds itself until its last statement ends, so that
 * what a replaced or closed script ran still reaches the history.
 */
struct _TribScriptRun
{
  GObject parent_instance;

  GPtrArray *statements;        /* char *, as sent */
  GArray *offsets;              /* int: where each statement starts, in characters of the text */
  gboolean stop_on_error;
  TribScriptRunState state;

  GPtrArray *runs;              /* TribDistillerRun, once started */
  guint n_finished;

  GError *error;
  int error_index;
  int error_offset;

  TribQueryHistory *history;
  char *sandbox;
  char *database;
};

G_DEFINE_ENUM_TYPE (TribScriptRunState, trib_script_run_state,
                    G_DEFINE_ENUM_VALUE (TRIB_SCRIPT_RUN_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (TRIB_SCRIPT_RUN_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (TRIB_SCRIPT_RUN_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (TRIB_SCRIPT_RUN_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (TRIB_SCRIPT_RUN_CANCELLED, "cancelled"))

G_DEFINE_FINAL_TYPE (TribScriptRun, trib_script_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_STOP_ON_ERROR,
  PROP_N_STATEMENTS,
  PROP_ERROR,
  PROP_ERROR_INDEX,
  PROP_ERROR_OFFSET,
  N_PROPS
};

enum {
  STATEMENT_FINISHED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state (TribScriptRun      *self,
           TribScriptRunState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The error that the UI shows and points at: the first one in the
 * text, whichever order the statements ended in.
 */
static void
set_error (TribScriptRun *self,
           const GError  *error,
           int            index,
           int            offset)
{
  g_object_freeze_notify (G_OBJECT (self));

  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);

  if (self->error_offset != offset)
    {
      self->error_offset = offset;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_OFFSET]);
    }

  if (self->error_index != index)
    {
      self->error_index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_INDEX]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
record (TribScriptRun    *self,
        TribDistillerRun *run)
{
  g_autoptr(TribQueryHistoryEntry) entry = NULL;

  entry = trib_query_history_entry_new_for_run (run, self->sandbox, self->database);
  trib_query_history_add (self->history, entry);
}

static void
finish (TribScriptRun *self)
{
  TribScriptRunState state = TRIB_SCRIPT_RUN_DONE;

  /* Cancelling is what the user did last: it says more than a failure. */
  for (guint i = 0; i < self->runs->len; i++)
    {
      TribDistillerRunState run_state = trib_distiller_run_get_state (g_ptr_array_index (self->runs, i));

      if (run_state == TRIB_DISTILLER_RUN_CANCELLED)
        {
          state = TRIB_SCRIPT_RUN_CANCELLED;
          break;
        }
      if (run_state == TRIB_DISTILLER_RUN_FAILED)
        state = TRIB_SCRIPT_RUN_FAILED;
    }

  set_state (self, state);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
run_finished_cb (TribDistillerRun *run,
                 TribScriptRun    *self)
{
  /* A finished script may drop its last reference in a handler below. */
  g_autoptr(TribScriptRun) hold G_GNUC_UNUSED = g_object_ref (self);
  guint index;
  gboolean found;

  found = g_ptr_array_find (self->runs, run, &index);
  g_assert (found);

  /* Every statement that reached the server goes to the history once,
   * with the database it ran on.
   */
  if (trib_distiller_run_get_started (run) != NULL && self->history != NULL)
    record (self, run);

  if (trib_distiller_run_get_state (run) == TRIB_DISTILLER_RUN_FAILED &&
      (self->error_index < 0 || (int) index < self->error_index))
    {
      const GError *error = trib_distiller_run_get_error (run);
      guint position = trib_distiller_error_get_position (error);
      int offset = -1;

      /* The server counts characters from 1 in the statement as sent. */
      if (position > 0)
        offset = g_array_index (self->offsets, int, index) + (int) position - 1;
      set_error (self, error, index, offset);
    }

  g_signal_emit (self, signals[STATEMENT_FINISHED], 0, index);

  if (++self->n_finished == self->runs->len)
    {
      finish (self);
      /* The hold taken by trib_script_run_start(). */
      g_object_unref (self);
    }
}

static void
trib_script_run_dispose (GObject *object)
{
  TribScriptRun *self = (TribScriptRun *)object;

  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->runs, i), self);

  G_OBJECT_CLASS (trib_script_run_parent_class)->dispose (object);
}

static void
trib_script_run_finalize (GObject *object)
{
  TribScriptRun *self = (TribScriptRun *)object;

  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->history);
  g_clear_pointer (&self->sandbox, g_free);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (trib_script_run_parent_class)->finalize (object);
}

static void
trib_script_run_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribScriptRun *self = TRIB_SCRIPT_RUN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STOP_ON_ERROR:
      g_value_set_boolean (value, self->stop_on_error);
      break;

    case PROP_N_STATEMENTS:
      g_value_set_uint (value, self->statements->len);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_ERROR_INDEX:
      g_value_set_int (value, self->error_index);
      break;

    case PROP_ERROR_OFFSET:
      g_value_set_int (value, self->error_offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_script_run_class_init (TribScriptRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_script_run_dispose;
  object_class->finalize = trib_script_run_finalize;
  object_class->get_property = trib_script_run_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TRIB_TYPE_SCRIPT_RUN_STATE, TRIB_SCRIPT_RUN_READY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STOP_ON_ERROR] =
    g_param_spec_boolean ("stop-on-error", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STATEMENTS] =
    g_param_spec_uint ("n-statements", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * TribScriptRun:error:
   *
   * Why the script could not be split, or the error of its first failed
   * statement.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TribScriptRun:error-index:
   *
   * The first failed statement, or -1.
   */
  properties[PROP_ERROR_INDEX] =
    g_param_spec_int ("error-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TribScriptRun:error-offset:
   *
   * Where in the text the error is, in characters from 0, or -1 when
   * nobody says.
   */
  properties[PROP_ERROR_OFFSET] =
    g_param_spec_int ("error-offset", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribScriptRun::statement-finished:
   * @index: the statement that finished
   *
   * Emitted once for each statement, after it is recorded in the
   * history and, if it is the first failure, after #TribScriptRun:error.
   */
  signals[STATEMENT_FINISHED] =
    g_signal_new ("statement-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TribScriptRun::finished:
   *
   * Emitted once, when every statement has finished and
   * #TribScriptRun:state says how the script went.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_script_run_init (TribScriptRun *self)
{
  self->statements = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));
  self->error_index = -1;
  self->error_offset = -1;
}

/**
 * trib_script_run_new:
 * @script: the whole text
 * @stop_on_error: whether a failed statement keeps the rest from running
 *
 * Splits @script into its statements. A script that cannot be split is
 * %TRIB_SCRIPT_RUN_FAILED from the start, with the splitter's error and
 * where it is.
 *
 * Returns: (transfer full): a script run, not started
 */
TribScriptRun *
trib_script_run_new (const char *script,
                     gboolean    stop_on_error)
{
  TribScriptRun *self;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;
  gsize error_offset = 0;

  g_return_val_if_fail (script != NULL, NULL);

  self = g_object_new (TRIB_TYPE_SCRIPT_RUN, NULL);
  self->stop_on_error = stop_on_error;

  if (!(statements = trib_sql_split (script, -1, &error_offset, &error)))
    {
      self->state = TRIB_SCRIPT_RUN_FAILED;
      self->error = g_steal_pointer (&error);
      self->error_offset = g_utf8_pointer_to_offset (script, script + error_offset);
      return self;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (statements, i);
      int offset = g_utf8_pointer_to_offset (script, script + statement->start);

      g_ptr_array_add (self->statements, g_strdup (statement->text));
      g_array_append_val (self->offsets, offset);
    }

  return self;
}

/**
 * trib_script_run_new_for_statement:
 * @sql: (nullable): one statement, or %NULL for none
 * @offset: where @sql starts in the text it comes from, in characters
 *
 * Returns: (transfer full): a run of @sql alone, not started
 */
TribScriptRun *
trib_script_run_new_for_statement (const char *sql,
                                   int         offset)
{
  TribScriptRun *self = g_object_new (TRIB_TYPE_SCRIPT_RUN, NULL);

  if (sql != NULL)
    {
      g_ptr_array_add (self->statements, g_strdup (sql));
      g_array_append_val (self->offsets, offset);
    }

  return self;
}

/**
 * trib_script_run_set_history:
 * @history: (nullable): where the statements that reach the server are
 *   recorded
 * @sandbox: (nullable): the sandbox they run in, as recorded
 *
 * Call before trib_script_run_start().
 */
void
trib_script_run_set_history (TribScriptRun    *self,
                             TribQueryHistory *history,
                             const char       *sandbox)
{
  g_return_if_fail (TRIB_IS_SCRIPT_RUN (self));
  g_return_if_fail (self->runs == NULL);

  g_set_object (&self->history, history);
  g_free (self->sandbox);
  self->sandbox = g_strdup (sandbox);
}

/**
 * trib_script_run_check:
 *
 * Returns: whether there is something to run; %FALSE with why not (the
 *   splitter's error, or no statement at all)
 */
gboolean
trib_script_run_check (TribScriptRun  *self,
                       GError        **error)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), FALSE);

  if (self->runs == NULL && self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (self->statements->len == 0)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("There is no statement to run"));
      return FALSE;
    }

  return TRUE;
}

/**
 * trib_script_run_start:
 * @session: where the statements run
 *
 * Queues the statements on @session, one after the other; see
 * trib_distiller_session_run_script(). Only once, and only if
 * trib_script_run_check() passes.
 */
void
trib_script_run_start (TribScriptRun        *self,
                       TribDistillerSession *session)
{
  g_autoptr(TribScriptRun) hold = NULL;

  g_return_if_fail (TRIB_IS_SCRIPT_RUN (self));
  g_return_if_fail (TRIB_IS_DISTILLER_SESSION (session));
  g_return_if_fail (self->state == TRIB_SCRIPT_RUN_READY);
  g_return_if_fail (self->statements->len > 0);

  self->database = g_strdup (trib_distiller_session_get_database (session));
  self->runs = trib_distiller_session_run_script (session, (const char * const *) self->statements->pdata,
                                                  self->stop_on_error);

  /* Released as the last statement ends, maybe before this returns. */
  g_object_ref (self);
  hold = g_object_ref (self);
  set_state (self, TRIB_SCRIPT_RUN_RUNNING);

  for (guint i = 0; i < self->runs->len; i++)
    g_signal_connect (g_ptr_array_index (self->runs, i), "finished", G_CALLBACK (run_finished_cb), self);

  /* A closed session cancels them before they could be watched. */
  for (guint i = 0; i < self->runs->len; i++)
    if (trib_distiller_run_get_finished (g_ptr_array_index (self->runs, i)))
      {
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->runs, i), self);
        run_finished_cb (g_ptr_array_index (self->runs, i), self);
      }
}

/**
 * trib_script_run_cancel:
 *
 * Cancels the statement running and those still queued.
 */
void
trib_script_run_cancel (TribScriptRun *self)
{
  g_return_if_fail (TRIB_IS_SCRIPT_RUN (self));

  /* From the last: a queued statement must not start as the one before
   * it ends.
   */
  for (guint i = self->runs != NULL ? self->runs->len : 0; i > 0; i--)
    trib_distiller_run_cancel (g_ptr_array_index (self->runs, i - 1));
}

TribScriptRunState
trib_script_run_get_state (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), TRIB_SCRIPT_RUN_FAILED);

  return self->state;
}

gboolean
trib_script_run_get_stop_on_error (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), FALSE);

  return self->stop_on_error;
}

guint
trib_script_run_get_n_statements (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), 0);

  return self->statements->len;
}

/**
 * trib_script_run_get_statement:
 *
 * Returns: the statement at @index, as it is sent
 */
const char *
trib_script_run_get_statement (TribScriptRun *self,
                               guint          index)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), NULL);
  g_return_val_if_fail (index < self->statements->len, NULL);

  return g_ptr_array_index (self->statements, index);
}

/**
 * trib_script_run_get_statement_offset:
 *
 * Returns: where the statement at @index starts in the text, in
 *   characters
 */
int
trib_script_run_get_statement_offset (TribScriptRun *self,
                                      guint          index)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), -1);
  g_return_val_if_fail (index < self->offsets->len, -1);

  return g_array_index (self->offsets, int, index);
}

/**
 * trib_script_run_get_runs:
 *
 * Returns: (transfer none) (nullable) (element-type TribDistillerRun):
 *   the runs of the statements, in order, with their states and results;
 *   %NULL before the start
 */
GPtrArray *
trib_script_run_get_runs (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), NULL);

  return self->runs;
}

/**
 * trib_script_run_get_run:
 *
 * Returns: (transfer none) (nullable): the run of the statement at
 *   @index; %NULL before the start
 */
TribDistillerRun *
trib_script_run_get_run (TribScriptRun *self,
                         guint          index)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), NULL);

  if (self->runs == NULL || index >= self->runs->len)
    return NULL;

  return g_ptr_array_index (self->runs, index);
}

/**
 * trib_script_run_get_error:
 *
 * Returns: (nullable): see #TribScriptRun:error
 */
const GError *
trib_script_run_get_error (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), NULL);

  return self->error;
}

int
trib_script_run_get_error_index (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), -1);

  return self->error_index;
}

int
trib_script_run_get_error_offset (TribScriptRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCRIPT_RUN (self), -1);

  return self->error_offset;
}
