/* trib-query-tab.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-tab"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-distiller-error.h"
#include "trib-distiller-session.h"
#include "trib-error.h"
#include "trib-query-service.h"
#include "trib-query-tab.h"
#include "trib-sql-splitter.h"

/* One tab of the query page: its SQL above, below the result of what it
 * ran last. Each tab has its own target (the whole sandbox, or one
 * dataset's table) and its own Data Distiller session for it, so that
 * two tabs never show or change each other's run.
 */
struct _TribQueryTab
{
  AdwBin parent_instance;

  TribSession *session;
  TribQueryHistory *history;
  TribDistillerSession *distiller;
  char *table;
  GPtrArray *runs;              /* TribDistillerRun, of the last Run */
  GArray *run_offsets;          /* int: where each run's text starts in the editor */

  /* Template widgets */
  TribQueryEditor *editor;
  TribRunResults *results;
};

G_DEFINE_FINAL_TYPE (TribQueryTab, trib_query_tab, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_sandbox (TribQueryTab *self)
{
  TribSandbox *sandbox = self->session != NULL ? trib_session_get_sandbox (self->session) : NULL;

  return sandbox != NULL ? trib_sandbox_get_name (sandbox) : NULL;
}

static void
drop_distiller (TribQueryTab *self)
{
  if (self->distiller != NULL)
    trib_distiller_session_close (self->distiller);
  g_clear_object (&self->distiller);
}

static TribDistillerSession *
ensure_distiller (TribQueryTab *self)
{
  g_autoptr(TribQueryService) service = NULL;
  g_autofree char *database = trib_query_tab_dup_database (self);

  if (self->session == NULL || database == NULL)
    return NULL;

  if (self->distiller != NULL &&
      g_strcmp0 (trib_distiller_session_get_database (self->distiller), database) == 0)
    return self->distiller;

  drop_distiller (self);
  service = trib_query_service_new (trib_session_get_client (self->session));
  self->distiller = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (service), database);

  return self->distiller;
}

static gboolean
is_first_failure (TribQueryTab *self,
                  guint         index)
{
  for (guint i = 0; i < index; i++)
    if (trib_distiller_run_get_state (g_ptr_array_index (self->runs, i)) == TRIB_DISTILLER_RUN_FAILED)
      return FALSE;

  return TRUE;
}

static void
run_changed_cb (TribQueryTab     *self,
                GParamSpec       *pspec,
                TribDistillerRun *run)
{
  guint index;
  guint position;

  if (!g_ptr_array_find (self->runs, run, &index) || !trib_distiller_run_get_finished (run))
    return;

  /* Every statement that reached the server goes to the history once,
   * with the database it ran on.
   */
  if (trib_distiller_run_get_started (run) != NULL && self->history != NULL)
    {
      g_autoptr(TribQueryHistoryEntry) entry = NULL;

      entry = trib_query_history_entry_new_for_run (run, get_sandbox (self),
                                                    self->distiller != NULL
                                                    ? trib_distiller_session_get_database (self->distiller)
                                                    : NULL);
      trib_query_history_add (self->history, entry);
    }

  /* The list of statements opens on the first failure, and the editor
   * points where the server says it went wrong.
   */
  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_FAILED || !is_first_failure (self, index))
    return;

  trib_run_results_select (self->results, index);

  /* The server counts characters from 1 in the statement as sent. */
  position = trib_distiller_error_get_position (trib_distiller_run_get_error (run));
  if (position > 0)
    trib_query_editor_mark_error (self->editor, g_array_index (self->run_offsets, int, index) + (int) position - 1);
}

static void
clear_runs (TribQueryTab *self)
{
  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->runs, i), self);

  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_array_set_size (self->run_offsets, 0);
}

static void
sandbox_changed_cb (TribQueryTab *self)
{
  /* The next statement connects to the other sandbox. */
  drop_distiller (self);
}

static void
trib_query_tab_dispose (GObject *object)
{
  TribQueryTab *self = (TribQueryTab *)object;

  clear_runs (self);
  drop_distiller (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->history);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_QUERY_TAB);

  G_OBJECT_CLASS (trib_query_tab_parent_class)->dispose (object);
}

static void
trib_query_tab_finalize (GObject *object)
{
  TribQueryTab *self = (TribQueryTab *)object;

  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->run_offsets, g_array_unref);

  G_OBJECT_CLASS (trib_query_tab_parent_class)->finalize (object);
}

static void
trib_query_tab_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribQueryTab *self = TRIB_QUERY_TAB (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_query_tab_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TribQueryTab *self = TRIB_QUERY_TAB (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      trib_query_tab_set_table (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
trib_query_tab_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRIB_QUERY_TAB (widget)->editor));
}

static void
trib_query_tab_class_init (TribQueryTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_query_tab_dispose;
  object_class->finalize = trib_query_tab_finalize;
  object_class->get_property = trib_query_tab_get_property;
  object_class->set_property = trib_query_tab_set_property;
  widget_class->grab_focus = trib_query_tab_grab_focus;

  /**
   * TribQueryTab:table:
   *
   * The dataset table the tab's statements run on, or "" for the whole
   * sandbox.
   */
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-query-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, TribQueryTab, editor);
  gtk_widget_class_bind_template_child (widget_class, TribQueryTab, results);

  gtk_widget_class_set_css_name (widget_class, "querytab");
}

static void
trib_query_tab_init (TribQueryTab *self)
{
  g_type_ensure (TRIB_TYPE_QUERY_EDITOR);
  g_type_ensure (TRIB_TYPE_RUN_RESULTS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->table = g_strdup ("");
  self->run_offsets = g_array_new (FALSE, FALSE, sizeof (int));
}

TribQueryTab *
trib_query_tab_new (void)
{
  return g_object_new (TRIB_TYPE_QUERY_TAB, NULL);
}

/**
 * trib_query_tab_get_editor:
 *
 * Returns: (transfer none): the tab's SQL
 */
TribQueryEditor *
trib_query_tab_get_editor (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  return self->editor;
}

/**
 * trib_query_tab_get_results:
 *
 * Returns: (transfer none): the result of what the tab ran last
 */
TribRunResults *
trib_query_tab_get_results (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  return self->results;
}

/**
 * trib_query_tab_set_session:
 * @session: (nullable): the session whose sandbox the statements run in
 */
void
trib_query_tab_set_session (TribQueryTab *self,
                            TribSession  *session)
{
  g_return_if_fail (TRIB_IS_QUERY_TAB (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  drop_distiller (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::sandbox", G_CALLBACK (sandbox_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * trib_query_tab_set_history:
 * @history: (nullable): where the statements run are recorded
 */
void
trib_query_tab_set_history (TribQueryTab     *self,
                            TribQueryHistory *history)
{
  g_return_if_fail (TRIB_IS_QUERY_TAB (self));

  g_set_object (&self->history, history);
}

const char *
trib_query_tab_get_table (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  return self->table;
}

/**
 * trib_query_tab_set_table:
 * @table: (nullable): a dataset's table, or %NULL or "" for the whole
 *   sandbox
 */
void
trib_query_tab_set_table (TribQueryTab *self,
                          const char   *table)
{
  g_return_if_fail (TRIB_IS_QUERY_TAB (self));

  if (table == NULL)
    table = "";
  if (g_str_equal (table, self->table))
    return;

  /* The next statement connects to the other database (see
   * ensure_distiller()); what runs now goes on where it was.
   */
  g_free (self->table);
  self->table = g_strdup (table);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

/**
 * trib_query_tab_dup_database:
 *
 * Returns: (transfer full) (nullable): the database the next statement
 *   runs on, `{sandbox}:all` or `{sandbox}:{table}`; %NULL without a
 *   sandbox
 */
char *
trib_query_tab_dup_database (TribQueryTab *self)
{
  g_autofree char *table = NULL;
  const char *sandbox;

  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  if (!(sandbox = get_sandbox (self)))
    return NULL;

  table = g_strstrip (g_strdup (self->table));

  return trib_query_service_dup_database_name (sandbox, table);
}

/* Splits the whole text into statements, and says where each starts. */
static GStrv
split_script (TribQueryTab  *self,
              GArray        *offsets,
              GError       **error)
{
  g_autofree char *script = trib_query_editor_dup_text (self->editor);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_autoptr(GPtrArray) statements = NULL;
  gsize error_offset = 0;

  if (!(statements = trib_sql_split (script, -1, &error_offset, error)))
    {
      trib_query_editor_mark_error (self->editor, g_utf8_pointer_to_offset (script, script + error_offset));
      return NULL;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (statements, i);
      int offset = g_utf8_pointer_to_offset (script, script + statement->start);

      g_strv_builder_add (texts, statement->text);
      g_array_append_val (offsets, offset);
    }

  return g_strv_builder_end (texts);
}

/**
 * trib_query_tab_run:
 * @script: whether to run the whole text rather than the statement under
 *   the cursor (or the selection)
 * @stop_on_error: for a script, whether a failed statement keeps the
 *   rest from running
 *
 * Runs the tab's SQL on its database; the result replaces the last one.
 *
 * Returns: whether anything was started
 */
gboolean
trib_query_tab_run (TribQueryTab  *self,
                    gboolean       script,
                    gboolean       stop_on_error,
                    GError       **error)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) statements = NULL;
  TribDistillerSession *distiller;

  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), FALSE);

  if (script)
    {
      if (!(statements = split_script (self, offsets, error)))
        return FALSE;
    }
  else
    {
      int offset = 0;
      char *statement = trib_query_editor_dup_current_statement (self->editor, &offset);

      statements = g_new0 (char *, 2);
      statements[0] = statement;
      g_array_append_val (offsets, offset);
    }

  if (statements[0] == NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("There is no statement to run"));
      return FALSE;
    }

  if (!(distiller = ensure_distiller (self)))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Sign in and choose a sandbox first"));
      return FALSE;
    }

  clear_runs (self);
  trib_query_editor_clear_error (self->editor);
  g_array_append_vals (self->run_offsets, offsets->data, offsets->len);

  if (script)
    {
      self->runs = trib_distiller_session_run_script (distiller, (const char * const *) statements, stop_on_error);
    }
  else
    {
      self->runs = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->runs, trib_distiller_session_run (distiller, statements[0]));
    }

  for (guint i = 0; i < self->runs->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->runs, i), "notify::state",
                             G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);

  trib_run_results_set_runs (self->results, self->runs);

  return TRUE;
}

/**
 * trib_query_tab_cancel:
 *
 * Cancels what the tab runs, and what it has queued.
 */
void
trib_query_tab_cancel (TribQueryTab *self)
{
  g_return_if_fail (TRIB_IS_QUERY_TAB (self));

  /* From the last: a queued statement must not start as the one before
   * it ends.
   */
  for (guint i = self->runs != NULL ? self->runs->len : 0; i > 0; i--)
    trib_distiller_run_cancel (g_ptr_array_index (self->runs, i - 1));
}

/**
 * trib_query_tab_get_running:
 *
 * Returns: whether a statement of the tab's last Run is still running or
 *   waiting to
 */
gboolean
trib_query_tab_get_running (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), FALSE);

  return trib_run_results_get_running (self->results);
}

/**
 * trib_query_tab_get_runs:
 *
 * Returns: (transfer none) (nullable) (element-type TribDistillerRun):
 *   the runs of the tab's last Run or Run Script
 */
GPtrArray *
trib_query_tab_get_runs (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  return self->runs;
}
