/* trib-query-tab.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-tab"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-distiller-session.h"
#include "trib-error.h"
#include "trib-query-service.h"
#include "trib-query-tab.h"
#include "trib-script-run.h"

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
  TribScriptRun *script_run;    /* the last Run */
  GFile *file;                  /* the .sql file it was opened from or saved to */
  char *saved_text;             /* what that file holds, as far as we know */

  /* Template widgets */
  TribQueryEditor *editor;
  TribRunResults *results;
};

G_DEFINE_FINAL_TYPE (TribQueryTab, trib_query_tab, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_FILE,
  PROP_MODIFIED,
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

/* The editor points where the server says it went wrong (the list of
 * statements opens on that one by itself).
 */
static void
error_index_changed_cb (TribQueryTab  *self,
                        GParamSpec    *pspec,
                        TribScriptRun *script_run)
{
  int offset = trib_script_run_get_error_offset (script_run);

  if (trib_script_run_get_error_index (script_run) >= 0 && offset >= 0)
    trib_query_editor_mark_error (self->editor, offset);
}

static void
clear_script_run (TribQueryTab *self)
{
  if (self->script_run != NULL)
    g_signal_handlers_disconnect_by_data (self->script_run, self);
  g_clear_object (&self->script_run);
}

/* Completion proposes the tables and fields of the sandbox in use. */
static void
update_sql_names (TribQueryTab *self)
{
  trib_query_editor_set_sql_names (self->editor, self->session != NULL ? trib_session_get_sql_names (self->session)
                                                                       : NULL);
}

static void
sandbox_changed_cb (TribQueryTab *self)
{
  /* The next statement connects to the other sandbox. */
  drop_distiller (self);
  update_sql_names (self);
}

static void
modified_changed_cb (TribQueryTab *self)
{
  if (self->file != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
trib_query_tab_dispose (GObject *object)
{
  TribQueryTab *self = (TribQueryTab *)object;

  clear_script_run (self);
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
  g_clear_pointer (&self->saved_text, g_free);
  g_clear_object (&self->file);

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

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, trib_query_tab_get_modified (self));
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

  /**
   * TribQueryTab:file: (nullable)
   *
   * The .sql file the tab was opened from or saved to.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribQueryTab:modified:
   *
   * Whether the tab has a file and its text changed since it was
   * opened or saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  g_signal_connect_object (trib_query_editor_get_buffer (self->editor), "modified-changed",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
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
  update_sql_names (self);
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
  g_autoptr(TribScriptRun) script_run = NULL;
  TribDistillerSession *distiller;

  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), FALSE);

  if (script)
    {
      g_autofree char *text = trib_query_editor_dup_text (self->editor);

      script_run = trib_script_run_new (text, stop_on_error);
    }
  else
    {
      int offset = 0;
      g_autofree char *statement = trib_query_editor_dup_current_statement (self->editor, &offset);

      script_run = trib_script_run_new_for_statement (statement, offset);
    }

  if (!trib_script_run_check (script_run, error))
    {
      if (trib_script_run_get_error_offset (script_run) >= 0)
        trib_query_editor_mark_error (self->editor, trib_script_run_get_error_offset (script_run));
      return FALSE;
    }

  if (!(distiller = ensure_distiller (self)))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Sign in and choose a sandbox first"));
      return FALSE;
    }

  clear_script_run (self);
  trib_query_editor_clear_error (self->editor);
  self->script_run = g_steal_pointer (&script_run);
  trib_script_run_set_history (self->script_run, self->history, get_sandbox (self));
  g_signal_connect_object (self->script_run, "notify::error-index",
                           G_CALLBACK (error_index_changed_cb), self, G_CONNECT_SWAPPED);
  trib_script_run_start (self->script_run, distiller);

  trib_run_results_set_script_run (self->results, self->script_run);

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

  if (self->script_run != NULL)
    trib_script_run_cancel (self->script_run);
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

  return self->script_run != NULL ? trib_script_run_get_runs (self->script_run) : NULL;
}

/**
 * trib_query_tab_dup_sql:
 * @script: as for trib_query_tab_run()
 *
 * Returns: (transfer full) (nullable): what trib_query_tab_run() would
 *   run now: the whole text, or the selection or statement under the
 *   cursor
 */
char *
trib_query_tab_dup_sql (TribQueryTab *self,
                        gboolean      script)
{
  int offset = 0;

  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  if (script)
    return trib_query_editor_dup_text (self->editor);

  return trib_query_editor_dup_current_statement (self->editor, &offset);
}

/**
 * trib_query_tab_get_file:
 *
 * Returns: (transfer none) (nullable): the tab's .sql file
 */
GFile *
trib_query_tab_get_file (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), NULL);

  return self->file;
}

/**
 * trib_query_tab_set_file:
 * @file: (nullable): the .sql file the tab now stands for
 * @saved_text: (nullable): what @file holds; the tab is unmodified when
 *   its text is that
 *
 * Records that the tab's text was read from or written to @file.
 */
void
trib_query_tab_set_file (TribQueryTab *self,
                         GFile        *file,
                         const char   *saved_text)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (TRIB_IS_QUERY_TAB (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  buffer = trib_query_editor_get_buffer (self->editor);
  text = trib_query_editor_dup_text (self->editor);
  g_free (self->saved_text);
  self->saved_text = g_strdup (saved_text);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  gtk_text_buffer_set_modified (buffer, file != NULL && g_strcmp0 (text, saved_text) != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
trib_query_tab_get_modified (TribQueryTab *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TAB (self), FALSE);

  return self->file != NULL && gtk_text_buffer_get_modified (trib_query_editor_get_buffer (self->editor));
}

/**
 * trib_query_tab_revert:
 *
 * Puts back the text the tab's file holds, dropping the changes since.
 */
void
trib_query_tab_revert (TribQueryTab *self)
{
  g_return_if_fail (TRIB_IS_QUERY_TAB (self));

  if (self->file == NULL || self->saved_text == NULL)
    return;

  trib_query_editor_set_text (self->editor, self->saved_text);
  gtk_text_buffer_set_modified (trib_query_editor_get_buffer (self->editor), FALSE);
}
