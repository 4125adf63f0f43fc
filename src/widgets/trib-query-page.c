/* trib-query-page.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-query-page-private.h"
#include "trib-result-view.h"
#include "trib-toast.h"

G_DEFINE_FINAL_TYPE (TribQueryPage, trib_query_page, TRIB_TYPE_SESSION_PAGE)

enum {
  PROP_0,
  PROP_CONTINUE_ON_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TribQueryTab *
_trib_query_page_get_current_tab (TribQueryPage *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  return page != NULL ? TRIB_QUERY_TAB (adw_tab_page_get_child (page)) : NULL;
}

static void
add_toast (TribQueryPage *self,
           AdwToast      *toast)
{
  trib_toast_show (GTK_WIDGET (self), g_object_ref (toast));
}

void
_trib_query_page_toast (TribQueryPage *self,
                        const char    *message)
{
  trib_toast_show_message (GTK_WIDGET (self), message);
}

const char *
_trib_query_page_current_sandbox (TribQueryPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  TribSandbox *sandbox = session != NULL ? trib_session_get_sandbox (session) : NULL;

  return sandbox != NULL ? trib_sandbox_get_name (sandbox) : NULL;
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

/* The toolbar shows how the selected tab's Run goes, except while an
 * export says how far it is.
 */
void
_trib_query_page_update_toolbar (TribQueryPage *self)
{
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);
  TribRunResults *results = tab != NULL ? trib_query_tab_get_results (tab) : NULL;
  TribResultModel *model = results != NULL ? trib_run_results_get_model (results) : NULL;
  gboolean running = results != NULL && trib_run_results_get_running (results);
  gboolean rows_shown = model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;

  gtk_label_set_label (self->status_label, results != NULL ? trib_run_results_get_status (results) : NULL);
  /* Rows arriving in the grid, and the count in the status, show the
   * statement at work; a spinner besides would draw a frame sixty
   * times a second while they come.
   */
  gtk_spinner_set_spinning (self->spinner, running && !rows_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "query.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "query.export",
                                 results != NULL && trib_run_results_get_model (results) != NULL);
}

static void
selected_tab_changed_cb (TribQueryPage *self)
{
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);

  /* Tabs go away after the groups when the page does. */
  if (self->tab_bindings == NULL)
    return;

  g_binding_group_set_source (self->tab_bindings, tab);
  g_signal_group_set_target (self->results_signals, tab != NULL ? trib_query_tab_get_results (tab) : NULL);
  _trib_query_page_update_toolbar (self);
  trib_query_page_save_tabs (self);
}

static void
table_changed_cb (TribQueryPage *self)
{
  gboolean empty = gtk_entry_get_text_length (self->table_entry) == 0;

  /* Clearing is offered only when there is something to clear. */
  gtk_entry_set_icon_from_icon_name (self->table_entry, GTK_ENTRY_ICON_SECONDARY,
                                     empty ? NULL : "edit-clear-symbolic");
  if (!empty)
    gtk_entry_set_icon_tooltip_text (self->table_entry, GTK_ENTRY_ICON_SECONDARY,
                                     _("Clear, to Run on the Whole Sandbox"));
}

static void
table_icon_released_cb (TribQueryPage        *self,
                        GtkEntryIconPosition  position)
{
  if (position == GTK_ENTRY_ICON_SECONDARY)
    gtk_editable_set_text (GTK_EDITABLE (self->table_entry), "");
}

typedef struct
{
  GWeakRef page;
  GWeakRef tab;
  gboolean script;
} RunRequest;

static void
run_request_free (gpointer  data,
                  GClosure *closure)
{
  RunRequest *request = data;

  g_weak_ref_clear (&request->page);
  g_weak_ref_clear (&request->tab);
  g_free (request);
}

static void
cancel_and_run_cb (AdwToast   *toast,
                   RunRequest *request)
{
  g_autoptr(TribQueryPage) self = g_weak_ref_get (&request->page);
  g_autoptr(TribQueryTab) tab = g_weak_ref_get (&request->tab);

  if (self == NULL || tab == NULL)
    return;

  _trib_query_page_run_in_tab (self, tab, request->script, TRUE);
}

static void
start_run (TribQueryPage *self,
           gboolean       script)
{
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);
  g_autoptr(AdwToast) toast = NULL;
  RunRequest *request;

  if (tab == NULL)
    return;

  trib_query_editor_hide_completion (trib_query_tab_get_editor (tab));
  if (!trib_query_tab_get_running (tab))
    {
      _trib_query_page_run_in_tab (self, tab, script, FALSE);
      return;
    }

  /* A second Run would replace a result still coming: say so, and let
   * the user choose.
   */
  toast = adw_toast_new (_("A statement is still running in this tab"));
  adw_toast_set_button_label (toast, _("Cancel and Run"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  request = g_new0 (RunRequest, 1);
  g_weak_ref_init (&request->page, self);
  g_weak_ref_init (&request->tab, tab);
  request->script = script;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (cancel_and_run_cb), request, run_request_free, 0);
  add_toast (self, toast);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  start_run (TRIB_QUERY_PAGE (widget), FALSE);
}

static void
run_script_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  start_run (TRIB_QUERY_PAGE (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribQueryTab *tab = _trib_query_page_get_current_tab (TRIB_QUERY_PAGE (widget));

  if (tab != NULL)
    trib_query_tab_cancel (tab);
}

/* The database a history entry ran on, as a tab's target. */
static char *
dup_table_of_entry (TribQueryHistoryEntry *entry)
{
  const char *database = trib_query_history_entry_get_database (entry);
  const char *colon = database != NULL ? strchr (database, ':') : NULL;

  if (colon == NULL || g_str_equal (colon + 1, "all"))
    return g_strdup ("");

  return g_strdup (colon + 1);
}

static void
open_entry_cb (TribQueryPage         *self,
               TribQueryHistoryEntry *entry)
{
  g_autofree char *table = dup_table_of_entry (entry);
  const char *sandbox = _trib_query_page_current_sandbox (self);
  const char *entry_sandbox = trib_query_history_entry_get_sandbox (entry);

  _trib_query_page_select_tab (self, _trib_query_page_add_tab (self, trib_query_history_entry_get_sql (entry), table));

  if (sandbox != NULL && entry_sandbox != NULL && !g_str_equal (sandbox, entry_sandbox))
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is the sandbox a statement from the history ran in, the second the current one */
      message = g_strdup_printf (_("This statement ran in the sandbox “%s”; it will run in “%s”"),
                                 entry_sandbox, sandbox);
      _trib_query_page_toast (self, message);
    }
}

static void
trib_query_page_sandbox_changed (TribSessionPage *page)
{
  update_placeholder (TRIB_QUERY_PAGE (page));
  _trib_query_page_update_production_banner (TRIB_QUERY_PAGE (page));
}

/* Each tab runs its queries in the page's session. */
static void
trib_query_page_session_changed (TribSessionPage *page)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (page);
  TribSession *session = trib_session_page_get_session (page);
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    trib_query_tab_set_session (TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i))),
                                session);

  update_placeholder (self);
  _trib_query_page_update_production_banner (self);
}

static void
trib_query_page_dispose (GObject *object)
{
  TribQueryPage *self = (TribQueryPage *)object;

  /* What was typed last is not lost to the pause. */
  if (self->save_source != 0)
    trib_query_page_save_tabs (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->tab_bindings != NULL)
    g_binding_group_set_source (self->tab_bindings, NULL);
  if (self->results_signals != NULL)
    g_signal_group_set_target (self->results_signals, NULL);
  g_clear_object (&self->tab_bindings);
  g_clear_object (&self->results_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->recent_menu);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_QUERY_PAGE);

  G_OBJECT_CLASS (trib_query_page_parent_class)->dispose (object);
}

static void
trib_query_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTINUE_ON_ERROR:
      g_value_set_boolean (value, self->continue_on_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_query_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTINUE_ON_ERROR:
      if (self->continue_on_error != g_value_get_boolean (value))
        {
          self->continue_on_error = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Caught before any child sees them: the editor would take Ctrl+Enter
 * for a newline, and a child may have Ctrl+T or Ctrl+W of its own.
 * The Enter of the keypad works too, but the main one is what the menu
 * shows.
 */
static const struct
{
  guint keyval;
  GdkModifierType modifiers;
  const char *action;
} capture_shortcuts[] = {
  { GDK_KEY_Return, GDK_CONTROL_MASK, "query.run" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "query.run" },
  { GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.run-script" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.run-script" },
  { GDK_KEY_t, GDK_CONTROL_MASK, "query.new-tab" },
  { GDK_KEY_w, GDK_CONTROL_MASK, "query.close-tab" },
  { GDK_KEY_o, GDK_CONTROL_MASK, "query.open" },
  { GDK_KEY_s, GDK_CONTROL_MASK, "query.save" },
  { GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.save-as" },
  { GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "query.save-as" },
  { GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK, "query.schedule" },
};

/* Coming to the page is coming to write SQL: the editor, not the Run button. */
static gboolean
trib_query_page_grab_focus (GtkWidget *widget)
{
  TribQueryTab *tab = trib_query_page_get_current_tab (TRIB_QUERY_PAGE (widget));

  if (tab == NULL)
    return GTK_WIDGET_CLASS (trib_query_page_parent_class)->grab_focus (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (tab));
}

/* libadwaita 1.2's tab bar never gives Tab to its action widgets (later
 * versions do): from the tabs, Tab goes on to New Tab, and Shift+Tab
 * from New Tab back to the tabs.
 */
static gboolean
tab_bar_key_pressed_cb (TribQueryPage         *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean backward = (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab;
  gboolean on_button;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || focus == NULL)
    return GDK_EVENT_PROPAGATE;

  on_button = focus == self->new_tab_button || gtk_widget_is_ancestor (focus, self->new_tab_button);
  if (!backward && !on_button)
    return gtk_widget_grab_focus (self->new_tab_button);

  if (backward && on_button)
    {
      /* With no focus inside, the tab bar focuses the selected tab. */
      gtk_widget_set_focus_child (GTK_WIDGET (self->tab_bar), NULL);
      return gtk_widget_child_focus (GTK_WIDGET (self->tab_bar), GTK_DIR_TAB_BACKWARD);
    }

  return GDK_EVENT_PROPAGATE;
}

/* Tab into the page goes through it in order (the toolbar, the tabs),
 * not to the editor as grab_focus() does.
 */
static gboolean
trib_query_page_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL && gtk_widget_child_focus (child, direction);
}

static void
trib_query_page_class_init (TribQueryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_query_page_dispose;
  object_class->get_property = trib_query_page_get_property;
  object_class->set_property = trib_query_page_set_property;
  page_class->session_changed = trib_query_page_session_changed;
  page_class->sandbox_changed = trib_query_page_sandbox_changed;

  widget_class->grab_focus = trib_query_page_grab_focus;
  widget_class->focus = trib_query_page_focus;

  /**
   * TribQueryPage:continue-on-error:
   *
   * Whether Run Script goes on after a statement that failed.
   */
  properties[PROP_CONTINUE_ON_ERROR] =
    g_param_spec_boolean ("continue-on-error", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-query-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, table_entry);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, history_panel);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, flap);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, tab_view);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, new_tab_button);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, file_button);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, production_banner);
  gtk_widget_class_bind_template_child (widget_class, TribQueryPage, production_label);
  gtk_widget_class_bind_template_callback (widget_class, table_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_icon_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_tab_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "close_page_cb",
                                                G_CALLBACK (_trib_query_page_close_page_cb));
  gtk_widget_class_bind_template_callback (widget_class, open_entry_cb);

  gtk_widget_class_install_action (widget_class, "query.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "query.run-script", NULL, run_script_action);
  gtk_widget_class_install_action (widget_class, "query.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "query.new-tab", NULL, _trib_query_page_new_tab_action);
  gtk_widget_class_install_action (widget_class, "query.close-tab", NULL, _trib_query_page_close_tab_action);
  gtk_widget_class_install_action (widget_class, "query.open", NULL, _trib_query_page_open_action);
  gtk_widget_class_install_action (widget_class, "query.open-recent", "s", _trib_query_page_open_recent_action);
  gtk_widget_class_install_action (widget_class, "query.save", NULL, _trib_query_page_save_action);
  gtk_widget_class_install_action (widget_class, "query.save-as", NULL, _trib_query_page_save_action);
  gtk_widget_class_install_action (widget_class, "query.export", "s", _trib_query_page_export_action);
  gtk_widget_class_install_action (widget_class, "query.copy-python", "s", _trib_query_page_copy_python_action);
  gtk_widget_class_install_action (widget_class, "query.schedule", NULL, _trib_query_page_schedule_action);
  gtk_widget_class_install_property_action (widget_class, "query.continue-on-error", "continue-on-error");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "query.cancel", NULL);

  gtk_widget_class_set_css_name (widget_class, "querypage");
}

static void
trib_query_page_init (TribQueryPage *self)
{
  GtkEventController *capture_keys;
  GtkEventController *tab_bar_keys;

  g_type_ensure (TRIB_TYPE_QUERY_TAB);
  g_type_ensure (TRIB_TYPE_HISTORY_PANEL);

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_a11y_name_menu_button (self->export_button, _("Export and Copy"));
  trib_a11y_name_menu_button (self->file_button, _("Open and Save SQL Files"));
  trib_a11y_name_split_button (self->run_button, _("More Ways to Run"));
  trib_a11y_name_tab_bar (self->tab_bar);

  /* The tab view's Alt+digits and Ctrl+Home/End would take the window's
   * page switching and the editor's moves to the start and end. Its
   * Ctrl+Tab would take the editor's only way out (Tab indents there):
   * tabs switch with Ctrl+Page Up/Down.
   */
  adw_tab_view_remove_shortcuts (self->tab_view,
                                 ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS | ADW_TAB_VIEW_SHORTCUT_ALT_ZERO |
                                 ADW_TAB_VIEW_SHORTCUT_CONTROL_HOME | ADW_TAB_VIEW_SHORTCUT_CONTROL_END |
                                 ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_HOME | ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_END |
                                 ADW_TAB_VIEW_SHORTCUT_CONTROL_TAB | ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_TAB);

  self->tab_bindings = g_binding_group_new ();
  g_binding_group_bind (self->tab_bindings, "table", self->table_entry, "text",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  self->results_signals = g_signal_group_new (TRIB_TYPE_RUN_RESULTS);
  g_signal_group_connect_swapped (self->results_signals, "notify::status",
                                  G_CALLBACK (_trib_query_page_update_toolbar), self);
  g_signal_group_connect_swapped (self->results_signals, "notify::running",
                                  G_CALLBACK (_trib_query_page_update_toolbar), self);
  g_signal_group_connect_swapped (self->results_signals, "notify::model",
                                  G_CALLBACK (_trib_query_page_update_toolbar), self);

  _trib_query_page_add_tab (self, "", NULL);
  table_changed_cb (self);

  self->recent_menu = g_menu_new ();
  g_menu_append_section (G_MENU (gtk_menu_button_get_menu_model (self->file_button)), _("Recent Files"),
                         G_MENU_MODEL (self->recent_menu));
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_trib_query_page_update_recent), self, G_CONNECT_SWAPPED);
  _trib_query_page_update_recent (self);

  capture_keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (capture_keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (capture_shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture_keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (capture_shortcuts[i].keyval,
                                                                                    capture_shortcuts[i].modifiers),
                                                            gtk_named_action_new (capture_shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), capture_keys);

  tab_bar_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (tab_bar_keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (tab_bar_keys, "key-pressed", G_CALLBACK (tab_bar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tab_bar), tab_bar_keys);
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
  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;

  g_settings_bind (settings, "query-continue-on-error", self, "continue-on-error", G_SETTINGS_BIND_DEFAULT);
  _trib_query_page_restore_tabs (self);
}

/**
 * trib_query_page_get_current_tab:
 *
 * Returns: (transfer none) (nullable): the selected tab
 */
TribQueryTab *
trib_query_page_get_current_tab (TribQueryPage *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  return _trib_query_page_get_current_tab (self);
}

/**
 * trib_query_page_get_current_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the selected tab
 */
TribQueryEditor *
trib_query_page_get_current_editor (TribQueryPage *self)
{
  TribQueryTab *tab;

  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  tab = _trib_query_page_get_current_tab (self);

  return tab != NULL ? trib_query_tab_get_editor (tab) : NULL;
}

/**
 * trib_query_page_get_result_view:
 *
 * Returns: (transfer none) (nullable): the grid of the selected tab
 */
TribResultView *
trib_query_page_get_result_view (TribQueryPage *self)
{
  TribQueryTab *tab;

  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  tab = _trib_query_page_get_current_tab (self);

  return tab != NULL ? trib_run_results_get_result_view (trib_query_tab_get_results (tab)) : NULL;
}

/**
 * trib_query_page_get_runs:
 *
 * Returns: (transfer none) (nullable) (element-type TribDistillerRun):
 *   the runs of the selected tab's last Run or Run Script
 */
GPtrArray *
trib_query_page_get_runs (TribQueryPage *self)
{
  TribQueryTab *tab;

  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), NULL);

  tab = _trib_query_page_get_current_tab (self);

  return tab != NULL ? trib_query_tab_get_runs (tab) : NULL;
}

/**
 * trib_query_page_set_history:
 * @history: where statements run are recorded
 */
void
trib_query_page_set_history (TribQueryPage    *self,
                             TribQueryHistory *history)
{
  int n_pages;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  if (!g_set_object (&self->history, history))
    return;

  trib_history_panel_set_history (self->history_panel, history);
  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n_pages; i++)
    trib_query_tab_set_history (TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i))),
                                history);
}

/**
 * trib_query_page_open_query:
 * @self: a #TribQueryPage
 * @sql: the statement for a new tab
 * @table_name: (nullable): the one dataset to connect to, or %NULL for
 *   the whole sandbox
 *
 * Opens @sql in a new tab that runs on @table_name, as "Query this
 * dataset" does; the other tabs keep their own targets.
 */
void
trib_query_page_open_query (TribQueryPage *self,
                            const char    *sql,
                            const char    *table_name)
{
  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));
  g_return_if_fail (sql != NULL);

  _trib_query_page_select_tab (self, _trib_query_page_add_tab (self, sql, table_name));
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
