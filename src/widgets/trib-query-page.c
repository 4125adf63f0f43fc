/* trib-query-page.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-distiller-error.h"
#include "trib-query-editor.h"
#include "trib-query-page-private.h"
#include "trib-query-service.h"
#include "trib-result-view.h"
#include "trib-sql-splitter.h"
#include "trib-window.h"

G_DEFINE_FINAL_TYPE (TribQueryPage, trib_query_page, ADW_TYPE_BIN)

static TribQueryEditor *
get_current_editor (TribQueryPage *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  return page != NULL ? TRIB_QUERY_EDITOR (adw_tab_page_get_child (page)) : NULL;
}

void
_trib_query_page_toast (TribQueryPage *self,
                        const char    *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRIB_TYPE_WINDOW);

  if (window != NULL)
    trib_window_add_toast (TRIB_WINDOW (window), message);
}

const char *
_trib_query_page_current_sandbox (TribQueryPage *self)
{
  TribSandbox *sandbox = self->session != NULL ? trib_session_get_sandbox (self->session) : NULL;

  return sandbox != NULL ? trib_sandbox_get_name (sandbox) : NULL;
}

/* The database: the whole sandbox, or one dataset's table when named. */
char *
_trib_query_page_dup_database (TribQueryPage *self)
{
  const char *table = gtk_editable_get_text (GTK_EDITABLE (self->table_entry));
  const char *sandbox = _trib_query_page_current_sandbox (self);

  if (sandbox == NULL)
    return NULL;

  return trib_query_service_dup_database_name (sandbox, table);
}

static void
update_placeholder (TribQueryPage *self)
{
  const char *sandbox = _trib_query_page_current_sandbox (self);
  g_autofree char *placeholder = NULL;

  if (sandbox != NULL)
    /* Translators: %s is a sandbox name; shown in the empty dataset table field */
    placeholder = g_strdup_printf (_("All of %s"), sandbox);

  gtk_entry_set_placeholder_text (self->table_entry, placeholder);
}

static void
drop_distiller (TribQueryPage *self)
{
  if (self->distiller != NULL)
    trib_distiller_session_close (self->distiller);
  g_clear_object (&self->distiller);
}

static TribDistillerSession *
ensure_distiller (TribQueryPage *self)
{
  g_autoptr(TribQueryService) service = NULL;
  g_autofree char *database = _trib_query_page_dup_database (self);

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

static void
table_changed_cb (TribQueryPage *self)
{
  /* The next statement connects to the other database. */
  drop_distiller (self);
}

/* The status line says how the Run goes, except while an export says
 * how far it is.
 */
void
_trib_query_page_results_changed_cb (TribQueryPage *self)
{
  gtk_label_set_label (self->status_label, trib_run_results_get_status (self->results));
  gtk_spinner_set_spinning (self->spinner, trib_run_results_get_running (self->results));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "query.cancel", trib_run_results_get_running (self->results));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "query.export",
                                 trib_result_view_get_model (trib_run_results_get_result_view (self->results)) != NULL);
}

static void
run_changed_cb (TribQueryPage    *self,
                GParamSpec       *pspec,
                TribDistillerRun *run)
{
  guint index;
  guint position;

  if (!g_ptr_array_find (self->runs, run, &index) || !trib_distiller_run_get_finished (run))
    return;

  /* Every statement that reached the server goes to the history once. */
  if (trib_distiller_run_get_started (run) != NULL && self->history != NULL)
    {
      g_autoptr(TribQueryHistoryEntry) entry = NULL;

      entry = trib_query_history_entry_new_for_run (run, _trib_query_page_current_sandbox (self),
                                                    self->distiller != NULL
                                                    ? trib_distiller_session_get_database (self->distiller)
                                                    : NULL);
      trib_query_history_add (self->history, entry);
    }

  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_FAILED)
    return;

  /* A failure stops the rest of a script, as psql's ON_ERROR_STOP does,
   * and shows.
   */
  for (guint i = index + 1; i < self->runs->len; i++)
    trib_distiller_run_cancel (g_ptr_array_index (self->runs, i));
  trib_run_results_select (self->results, index);

  /* The server counts characters from 1 in the statement as sent. */
  position = trib_distiller_error_get_position (trib_distiller_run_get_error (run));
  if (position > 0 && self->run_editor != NULL)
    trib_query_editor_mark_error (self->run_editor, g_array_index (self->run_offsets, int, index) + (int) position - 1);
}

static void
clear_runs (TribQueryPage *self)
{
  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->runs, i), self);

  /* A new array: the results follow the old one until given this one. */
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  self->runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_array_set_size (self->run_offsets, 0);
  g_clear_object (&self->run_editor);
}

static void
start_runs (TribQueryPage      *self,
            TribQueryEditor    *editor,
            const char * const *statements,
            const int          *offsets,
            guint               n_statements)
{
  TribDistillerSession *distiller = ensure_distiller (self);

  if (distiller == NULL)
    {
      _trib_query_page_toast (self, _("Sign in and choose a sandbox first"));
      return;
    }

  /* What still runs from before keeps its place in the queue. */
  clear_runs (self);
  self->run_editor = g_object_ref (editor);
  trib_query_editor_clear_error (editor);

  for (guint i = 0; i < n_statements; i++)
    {
      TribDistillerRun *run = trib_distiller_session_run (distiller, statements[i]);

      g_ptr_array_add (self->runs, run);
      g_array_append_val (self->run_offsets, offsets[i]);
      g_signal_connect_object (run, "notify::state", G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);
    }

  trib_run_results_set_runs (self->results, self->runs);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  TribQueryEditor *editor = get_current_editor (self);
  g_autofree char *statement = NULL;
  int offset = 0;

  if (editor == NULL || !(statement = trib_query_editor_dup_current_statement (editor, &offset)))
    {
      _trib_query_page_toast (self, _("There is no statement to run"));
      return;
    }

  start_runs (self, editor, (const char * const[]) { statement }, &offset, 1);
}

static void
run_script_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  TribQueryEditor *editor = get_current_editor (self);
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GError) error = NULL;
  gsize error_offset = 0;

  if (editor == NULL)
    return;

  script = trib_query_editor_dup_text (editor);
  if (!(statements = trib_sql_split (script, -1, &error_offset, &error)))
    {
      trib_query_editor_mark_error (editor, g_utf8_pointer_to_offset (script, script + error_offset));
      _trib_query_page_toast (self, error->message);
      return;
    }

  if (statements->len == 0)
    {
      _trib_query_page_toast (self, _("There is no statement to run"));
      return;
    }

  texts = g_ptr_array_new ();
  offsets = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < statements->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (statements, i);
      int offset = g_utf8_pointer_to_offset (script, script + statement->start);

      g_ptr_array_add (texts, statement->text);
      g_array_append_val (offsets, offset);
    }

  start_runs (self, editor, (const char * const *) texts->pdata, (const int *) offsets->data, texts->len);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);

  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    trib_distiller_run_cancel (g_ptr_array_index (self->runs, i));
}

void
trib_query_page_save_tabs (TribQueryPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  AdwTabPage *selected;
  int n_pages;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->settings == NULL || self->restoring)
    return;

  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n_pages; i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      g_autofree char *text = trib_query_editor_dup_text (TRIB_QUERY_EDITOR (adw_tab_page_get_child (page)));

      g_strv_builder_add (builder, text);
    }

  texts = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "query-tabs", (const char * const *) texts);
  selected = adw_tab_view_get_selected_page (self->tab_view);
  g_settings_set_uint (self->settings, "query-tab",
                       selected != NULL ? adw_tab_view_get_page_position (self->tab_view, selected) : 0);
}

static void
save_tabs (TribQueryPage *self)
{
  trib_query_page_save_tabs (self);
}

static gboolean
save_tabs_cb (gpointer data)
{
  TribQueryPage *self = data;

  self->save_source = 0;
  trib_query_page_save_tabs (self);

  return G_SOURCE_REMOVE;
}

/* Typing saves once it pauses, not at every key: each save copies every
 * tab's text into the settings store.
 */
static void
text_changed_cb (TribQueryPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (1, save_tabs_cb, self);
}

static void
update_tab_title (AdwTabPage *page)
{
  TribQueryEditor *editor = TRIB_QUERY_EDITOR (adw_tab_page_get_child (page));
  g_autofree char *text = trib_query_editor_dup_text (editor);
  g_autofree char *title = NULL;
  char *line = g_strstrip (text);

  line[strcspn (line, "\n")] = '\0';
  if (g_utf8_strlen (line, -1) > 24)
    {
      title = g_strconcat ((*g_utf8_offset_to_pointer (line, 23) = '\0', line), "…", NULL);
    }
  else
    title = g_strdup (line[0] != '\0' ? line : _("Untitled Query"));

  adw_tab_page_set_title (page, title);
}

static AdwTabPage *
add_tab (TribQueryPage *self,
         const char    *text)
{
  TribQueryEditor *editor = trib_query_editor_new ();
  AdwTabPage *page;

  trib_query_editor_set_text (editor, text);
  page = adw_tab_view_append (self->tab_view, GTK_WIDGET (editor));
  update_tab_title (page);
  g_signal_connect_object (trib_query_editor_get_buffer (editor), "changed",
                           G_CALLBACK (update_tab_title), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (trib_query_editor_get_buffer (editor), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  return page;
}

static void
new_tab_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  AdwTabPage *page = add_tab (self, "");

  adw_tab_view_set_selected_page (self->tab_view, page);
  gtk_widget_grab_focus (adw_tab_page_get_child (page));
  save_tabs (self);
}

static gboolean
close_page_cb (TribQueryPage *self,
               AdwTabPage    *page)
{
  adw_tab_view_close_page_finish (self->tab_view, page, TRUE);

  /* Restoring replaces every tab; otherwise there is always one to type in. */
  if (self->restoring)
    return GDK_EVENT_STOP;
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    add_tab (self, "");
  save_tabs (self);

  return GDK_EVENT_STOP;
}

static void
open_entry_cb (TribQueryPage         *self,
               TribQueryHistoryEntry *entry)
{
  AdwTabPage *page = add_tab (self, trib_query_history_entry_get_sql (entry));

  adw_tab_view_set_selected_page (self->tab_view, page);
  gtk_widget_grab_focus (adw_tab_page_get_child (page));
  save_tabs (self);
}

static void
sandbox_changed_cb (TribQueryPage *self)
{
  drop_distiller (self);
  update_placeholder (self);
}

static void
trib_query_page_dispose (GObject *object)
{
  TribQueryPage *self = (TribQueryPage *)object;

  /* What was typed last is not lost to the pause. */
  if (self->save_source != 0)
    trib_query_page_save_tabs (self);
  if (self->runs != NULL)
    clear_runs (self);
  drop_distiller (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->run_offsets, g_array_unref);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_QUERY_PAGE);

  G_OBJECT_CLASS (trib_query_page_parent_class)->dispose (object);
}

static void
trib_query_page_class_init (TribQueryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_query_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-query-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, table_entry);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, history_panel);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, tab_view);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, results);
  gtk_widget_class_bind_template_callback (widget_class, table_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "results_changed_cb",
                                                G_CALLBACK (_trib_query_page_results_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, save_tabs);
  gtk_widget_class_bind_template_callback (widget_class, close_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_entry_cb);

  gtk_widget_class_install_action (widget_class, "query.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "query.run-script", NULL, run_script_action);
  gtk_widget_class_install_action (widget_class, "query.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "query.new-tab", NULL, new_tab_action);
  gtk_widget_class_install_action (widget_class, "query.export", "s", _trib_query_page_export_action);
  gtk_widget_class_install_action (widget_class, "query.copy-python", "s", _trib_query_page_copy_python_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "query.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "query.new-tab", NULL);

  gtk_widget_class_set_css_name (widget_class, "querypage");
}

static const struct
{
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
} run_shortcuts[] = {
  { GDK_KEY_Return, GDK_CONTROL_MASK, "query.run" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "query.run" },
  { GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.run-script" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.run-script" },
};

static void
trib_query_page_init (TribQueryPage *self)
{
  GtkEventController *run_keys;

  g_type_ensure (TRIB_TYPE_RUN_RESULTS);
  g_type_ensure (TRIB_TYPE_HISTORY_PANEL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->runs = g_ptr_array_new_with_free_func (g_object_unref);
  self->run_offsets = g_array_new (FALSE, FALSE, sizeof (int));

  add_tab (self, "");
  _trib_query_page_results_changed_cb (self);

  /* Before the editor sees them: it would take Ctrl+Enter for a newline. */
  run_keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (run_keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (run_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (run_keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (run_shortcuts[i].keyval,
                                                                                    run_shortcuts[i].modifiers),
                                                            gtk_named_action_new (run_shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), run_keys);
}

/**
 * trib_query_page_set_session:
 * @session: (nullable): the session whose sandbox queries run in
 */
void
trib_query_page_set_session (TribQueryPage *self,
                             TribSession   *session)
{
  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  drop_distiller (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::sandbox", G_CALLBACK (sandbox_changed_cb), self, G_CONNECT_SWAPPED);

  update_placeholder (self);
}

/**
 * trib_query_page_set_settings:
 *
 * Restores the editor tabs from @settings, and keeps them there.
 */
void
trib_query_page_set_settings (TribQueryPage *self,
                              GSettings     *settings)
{
  g_auto(GStrv) texts = NULL;
  guint selected;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;

  texts = g_settings_get_strv (settings, "query-tabs");
  selected = g_settings_get_uint (settings, "query-tab");

  self->restoring = TRUE;
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  for (guint i = 0; texts[i] != NULL; i++)
    add_tab (self, texts[i]);
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    add_tab (self, "");
  if (selected < (guint) adw_tab_view_get_n_pages (self->tab_view))
    adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, selected));
  self->restoring = FALSE;
}

/**
 * trib_query_page_get_current_editor:
 *
 * Returns: (transfer none): the editor of the selected tab
 */
TribQueryEditor *
trib_query_page_get_current_editor (TribQueryPage *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  return get_current_editor (self);
}

/**
 * trib_query_page_get_result_view:
 *
 * Returns: (transfer none): the grid of the result shown
 */
TribResultView *
trib_query_page_get_result_view (TribQueryPage *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  return trib_run_results_get_result_view (self->results);
}

/**
 * trib_query_page_get_runs:
 *
 * Returns: (transfer none) (element-type TribDistillerRun): the runs of
 *   the last Run or Run Script
 */
GPtrArray *
trib_query_page_get_runs (TribQueryPage *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  return self->runs;
}

/**
 * trib_query_page_set_history:
 * @history: where statements run are recorded
 */
void
trib_query_page_set_history (TribQueryPage    *self,
                             TribQueryHistory *history)
{
  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  if (g_set_object (&self->history, history))
    trib_history_panel_set_history (self->history_panel, history);
}

/**
 * trib_query_page_open_query:
 * @self: a #TribQueryPage
 * @sql: the statement for a new tab
 * @table_name: (nullable): the one dataset to connect to, or %NULL for
 *   the whole sandbox
 *
 * Opens @sql in a new tab, as "Query this dataset" does.
 */
void
trib_query_page_open_query (TribQueryPage *self,
                            const char    *sql,
                            const char    *table_name)
{
  AdwTabPage *page;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));
  g_return_if_fail (sql != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->table_entry), table_name != NULL ? table_name : "");
  page = add_tab (self, sql);
  adw_tab_view_set_selected_page (self->tab_view, page);
  gtk_widget_grab_focus (adw_tab_page_get_child (page));
  save_tabs (self);
}

/**
 * trib_query_page_insert_text:
 * @self: a #TribQueryPage
 * @text: text such as a field's path
 *
 * Types @text at the cursor of the current tab, replacing the selection.
 */
void
trib_query_page_insert_text (TribQueryPage *self,
                             const char    *text)
{
  TribQueryEditor *editor;
  GtkTextBuffer *buffer;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));
  g_return_if_fail (text != NULL);

  if (!(editor = trib_query_page_get_current_editor (self)))
    return;

  buffer = trib_query_editor_get_buffer (editor);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (editor));
}
