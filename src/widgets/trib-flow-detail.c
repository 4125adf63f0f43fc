/* trib-flow-detail.c
 *
 * One dataflow: its chain (account → source connection → mapping →
 * dataset, the account and the dataset links to their pages), its
 * schedule and state, its runs as a chart of records over time and as a
 * list, newest first, a few at a time; and one run's details in place of
 * the flow (TribFlowRunView), Back returning to the flow.
 *
 * The runs, their chart and list and one run's details, are in
 * trib-flow-detail-runs.c.
 *
 * What can be done to the flow lives in the header: a menu whose first
 * section (`trib_flow_detail_get_menu`) and a box of buttons
 * (`trib_flow_detail_get_actions_box`) are left for the flow's actions,
 * under the `flow.` prefix of this widget's action group.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-actions.h"
#include "trib-flow-detail-private.h"
#include "trib-flow-format.h"
#include "trib-flow-run-view.h"
#include "trib-flow-service.h"
#include "trib-flow-service-flows.h"
#include "trib-runs-chart.h"
#include "trib-toast.h"

G_DEFINE_FINAL_TYPE (TribFlowDetail, trib_flow_detail, GTK_TYPE_WIDGET)

void
_trib_flow_detail_busy (TribFlowDetail *self,
                        int             delta)
{
  self->n_busy += delta;
  gtk_spinner_set_spinning (self->spinner, self->n_busy > 0 || self->actions_requesting);
}

/* While an action runs or its dialog is open, the others wait (their
 * buttons follow their actions), the menu's button too; the spinner
 * turns only while the platform is asked something: a dialog open is
 * the user's turn, not a wait.
 */
static void
actions_busy_cb (TribFlowDetail *self)
{
  self->actions_requesting = trib_flow_actions_get_requesting (self->actions);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), !trib_flow_actions_get_busy (self->actions));
  _trib_flow_detail_busy (self, 0);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

/* The chain's names come from the list's look-ups, shared with its rows. */
static void
update_names (TribFlowDetail *self)
{
  const char *account_id = trib_flow_get_account_id (self->flow);
  const char *dataset_id = trib_flow_get_dataset_id (self->flow);
  const char *connector = trib_flow_names_get_connector (self->names, trib_flow_get_source_spec_id (self->flow));
  const char *account = trib_flow_names_get_account (self->names, account_id);
  const char *dataset = trib_flow_names_get_dataset (self->names, dataset_id);
  const char *mapping_id = trib_flow_get_mapping_id (self->flow);
  const char *mapping_name = trib_flow_names_get_mapping_set (self->names, mapping_id);
  g_autofree char *account_text = NULL;
  g_autofree char *mapping = NULL;

  if (account != NULL && connector != NULL)
    /* Translators: an account's name, then its connector's */
    account_text = g_strdup_printf (_("%s (%s)"), account, connector);
  else
    account_text = g_strdup (account != NULL ? account : account_id);
  set_subtitle (self->account_row, account_text);
  set_subtitle (self->dataset_row, dataset != NULL ? dataset : dataset_id);

  /* The mapping set by name, as Data Prep shows it; its id, which the
   * platform's errors and logs give, in the tooltip.
   */
  if (mapping_id != NULL)
    /* Translators: a mapping set's name (its id until the name is read), then its version */
    mapping = g_strdup_printf (_("%s, version %d"), mapping_name != NULL ? mapping_name : mapping_id,
                               (int) trib_flow_get_mapping_version (self->flow));
  set_subtitle (self->mapping_row, mapping != NULL ? mapping : _("No mapping"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mapping_row), mapping_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.show-account", account_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.show-dataset", dataset_id != NULL);
}

static void
update_flow (TribFlowDetail *self)
{
  gint64 now_ms = g_get_real_time () / 1000;
  g_autofree char *schedule = trib_flow_format_schedule (self->flow);
  gint64 next_s = trib_flow_get_next_run (self->flow, now_ms / 1000);
  g_autofree char *next = next_s >= 0 ? trib_flow_format_when (next_s * 1000, now_ms)
                                      : trib_flow_format_next_run (self->flow, now_ms);
  g_autofree char *last = NULL;

  gtk_label_set_label (self->title_label, trib_flow_get_name (self->flow));
  set_subtitle (self->source_row, trib_flow_get_source_connection_id (self->flow));
  set_subtitle (self->schedule_row, schedule);
  set_subtitle (self->state_row, trib_flow_is_enabled (self->flow) ? _("Enabled") : _("Disabled"));
  if (trib_flow_get_last_run_id (self->flow) != NULL)
    {
      g_autofree char *when = trib_flow_format_when (trib_flow_get_last_run_started_ms (self->flow), now_ms);

      /* Translators: how the last run went, then when */
      last = g_strdup_printf (_("%s, %s"), trib_flow_format_run_state (trib_flow_get_last_run_state (self->flow), NULL),
                              when);
    }
  set_subtitle (self->last_run_row, last != NULL ? last : _("No run yet"));
  set_subtitle (self->next_run_row, next);
  update_names (self);
}

/* The flow read again, for its state and etag. */
static void
flow_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowDetail) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _trib_flow_detail_busy (self, -1);
  if (flow == NULL)
    {
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  if (self->flow != NULL && g_strcmp0 (trib_flow_get_id (flow), trib_flow_get_id (self->flow)) == 0)
    {
      g_set_object (&self->flow, flow);
      /* The etag read now is the one the actions send. */
      if (self->actions != NULL)
        trib_flow_actions_set_flow (self->actions, flow);
      update_flow (self);
    }
}

/* An action changed the flow, or started a run: both read again. */
static void
actions_flow_changed_cb (TribFlowDetail *self,
                         TribFlow       *flow)
{
  if (self->flow == NULL || g_strcmp0 (trib_flow_get_id (flow), trib_flow_get_id (self->flow)) != 0)
    return;

  g_set_object (&self->flow, flow);
  update_flow (self);
  trib_flow_detail_reload (self);
}

/* Deleted: back to the list, read again without it. */
static void
actions_flow_deleted_cb (TribFlowDetail *self,
                         const char     *flow_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "flows.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.refresh", NULL);
}

static void
add_action_items (TribFlowDetail *self)
{
  GtkWidget *button;

  g_menu_append (self->flow_menu_actions, _("_Enable"), "flow.enable");
  g_menu_append (self->flow_menu_actions, _("_Disable"), "flow.disable");
  g_menu_append (self->flow_menu_actions, _("Run _Now"), "flow.run-now");
  g_menu_append (self->flow_menu_actions, _("Run Last Failed Run _Again"), "flow.retrigger");
  g_menu_append (self->flow_menu_actions, _("Change _Schedule…"), "flow.edit-schedule");
  g_menu_append (self->flow_menu_actions, _("Update _Mapping…"), "flow.update-mapping");
  g_menu_append (self->flow_menu_actions, _("De_lete…"), "flow.delete");

  /* A failing flow's first repair, in view once its cause is fixed. */
  button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  self->retrigger_button = button;
  gtk_widget_set_name (button, "retrigger-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "flow.retrigger");
  gtk_widget_set_tooltip_text (button, _("Run the Last Failed Run Again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Run the Last Failed Run Again"), -1);
  gtk_box_append (self->actions_box, button);
}

/* Run Again acts on the failed run shown, else on the flow's last. The
 * target changes before the name or after it, so that the button never
 * has a parameterized action without one.
 */
void
_trib_flow_detail_update_retrigger (TribFlowDetail *self,
                  TribFlowRun    *run)
{
  TribFlowRunState state = run != NULL ? trib_flow_run_get_state (run) : TRIB_FLOW_RUN_STATE_UNKNOWN;
  GtkActionable *button = GTK_ACTIONABLE (self->retrigger_button);
  const char *label;

  if (state == TRIB_FLOW_RUN_STATE_FAILED || state == TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS)
    {
      gtk_actionable_set_action_name (button, NULL);
      gtk_actionable_set_action_target (button, "s", trib_flow_run_get_id (run));
      gtk_actionable_set_action_name (button, "flow.retrigger-run");
      label = _("Run This Failed Run Again");
    }
  else
    {
      gtk_actionable_set_action_name (button, NULL);
      gtk_actionable_set_action_target_value (button, NULL);
      gtk_actionable_set_action_name (button, "flow.retrigger");
      label = _("Run the Last Failed Run Again");
    }
  gtk_widget_set_tooltip_text (self->retrigger_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retrigger_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Actions */

static void
show_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TribFlowDetail *self = TRIB_FLOW_DETAIL (widget);

  if (self->flow != NULL && trib_flow_get_account_id (self->flow) != NULL)
    gtk_widget_activate_action (widget, "win.show-account", "s", trib_flow_get_account_id (self->flow));
}

static void
show_dataset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TribFlowDetail *self = TRIB_FLOW_DETAIL (widget);

  if (self->flow != NULL && trib_flow_get_dataset_id (self->flow) != NULL)
    gtk_widget_activate_action (widget, "win.show-dataset", "s", trib_flow_get_dataset_id (self->flow));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  trib_flow_detail_reload (TRIB_FLOW_DETAIL (widget));
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribFlowDetail *self = TRIB_FLOW_DETAIL (widget);

  if (self->flow == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), trib_flow_get_id (self->flow));
  trib_toast_show_message (widget, _("Dataflow ID copied"));
}

/* GObject */

static void
trib_flow_detail_dispose (GObject *object)
{
  TribFlowDetail *self = (TribFlowDetail *) object;
  GtkWidget *child;

  trib_flow_detail_clear (self);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->shown_runs);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_DETAIL);
  /* The template's root box has no id: the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trib_flow_detail_parent_class)->dispose (object);
}

static void
trib_flow_detail_class_init (TribFlowDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_detail_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-flow-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, flow_menu_actions);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, flow_scrolled);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, account_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, dataset_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, state_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, last_run_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, next_run_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, runs_list);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, more_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, runs_status);
  gtk_widget_class_bind_template_child (widget_class, TribFlowDetail, run_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "run_activated_cb",
                                                G_CALLBACK (_trib_flow_detail_run_activated_cb));

  gtk_widget_class_install_action (widget_class, "flow.show-account", NULL, show_account_action);
  gtk_widget_class_install_action (widget_class, "flow.show-dataset", NULL, show_dataset_action);
  gtk_widget_class_install_action (widget_class, "flow.more-runs", NULL, _trib_flow_detail_more_runs_action);
  gtk_widget_class_install_action (widget_class, "flow.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "flow.copy-id", NULL, copy_id_action);
}

static void
trib_flow_detail_init (TribFlowDetail *self)
{
  g_type_ensure (TRIB_TYPE_RUNS_CHART);
  g_type_ensure (TRIB_TYPE_FLOW_RUN_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_action_items (self);

  self->cancellable = g_cancellable_new ();
  _trib_flow_detail_init_runs (self);
}

/**
 * trib_flow_detail_show:
 * @client: the sandbox's client
 * @names: the names of connectors, accounts and datasets, shared with the list
 * @flow: a flow, as listed
 *
 * Shows @flow as listed, then reads it again (for its etag) and reads
 * its runs.
 */
void
trib_flow_detail_show (TribFlowDetail     *self,
                       TribPlatformClient *client,
                       TribFlowNames      *names,
                       TribFlow           *flow)
{
  g_return_if_fail (TRIB_IS_FLOW_DETAIL (self));
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (TRIB_IS_FLOW_NAMES (names));
  g_return_if_fail (TRIB_IS_FLOW (flow));

  trib_flow_detail_clear (self);
  self->client = g_object_ref (client);
  self->names = g_object_ref (names);
  self->flow = g_object_ref (flow);
  self->names_handler = g_signal_connect_swapped (names, "changed", G_CALLBACK (update_names), self);

  if (self->actions == NULL)
    {
      self->actions = trib_flow_actions_new (client);
      trib_flow_actions_install (self->actions, GTK_WIDGET (self));
      g_signal_connect_object (self->actions, "flow-changed", G_CALLBACK (actions_flow_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->actions, "flow-deleted", G_CALLBACK (actions_flow_deleted_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->actions, "notify::busy", G_CALLBACK (actions_busy_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->actions, "notify::requesting", G_CALLBACK (actions_busy_cb), self,
                               G_CONNECT_SWAPPED);
    }
  trib_flow_actions_set_client (self->actions, client);
  trib_flow_actions_set_flow (self->actions, flow);

  gtk_stack_set_visible_child_name (self->stack, "flow");
  _trib_flow_detail_update_retrigger (self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->flow_scrolled), 0);
  update_flow (self);
  trib_flow_detail_reload (self);
}

/**
 * trib_flow_detail_reload:
 *
 * Reads the flow and its runs again.
 */
void
trib_flow_detail_reload (TribFlowDetail *self)
{
  g_return_if_fail (TRIB_IS_FLOW_DETAIL (self));

  if (self->flow == NULL)
    return;

  _trib_flow_detail_busy (self, 1);
  trib_flow_service_get_flow_async (self->client, trib_flow_get_id (self->flow), self->cancellable, flow_read_cb,
                                    g_object_ref (self));
  _trib_flow_detail_load_runs (self);
}

/**
 * trib_flow_detail_clear:
 *
 * Forgets the flow, and stops reading it.
 */
void
trib_flow_detail_clear (TribFlowDetail *self)
{
  g_return_if_fail (TRIB_IS_FLOW_DETAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_busy = 0;
  if (self->spinner != NULL)
    _trib_flow_detail_busy (self, 0);

  _trib_flow_detail_clear_runs (self);
  if (self->names != NULL)
    g_clear_signal_handler (&self->names_handler, self->names);
  g_clear_object (&self->names);
  g_clear_object (&self->flow);
  g_clear_object (&self->client);
}

/**
 * trib_flow_detail_back:
 *
 * Goes from a run back to its flow.
 *
 * Returns: %FALSE if the flow was shown already: the caller goes back
 */
gboolean
trib_flow_detail_back (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "run"))
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "flow");
  _trib_flow_detail_update_retrigger (self, NULL);
  if (self->flow != NULL)
    gtk_label_set_label (self->title_label, trib_flow_get_name (self->flow));
  gtk_widget_grab_focus (GTK_WIDGET (self->runs_list));

  return TRUE;
}

/**
 * trib_flow_detail_get_flow:
 *
 * Returns: (transfer none) (nullable): the flow shown, as last read
 */
TribFlow *
trib_flow_detail_get_flow (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return self->flow;
}

/**
 * trib_flow_detail_get_menu:
 *
 * The first section of the header's menu, empty here, for the flow's
 * actions (enable, disable, run now, edit, delete): items of the
 * `flow.` group, installed on this widget or inserted on it with
 * gtk_widget_insert_action_group().
 *
 * Returns: (transfer none): the section
 */
GMenu *
trib_flow_detail_get_menu (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return self->flow_menu_actions;
}

/**
 * trib_flow_detail_get_actions_box:
 *
 * Returns: (transfer none): the header's box for buttons acting on the
 *   flow, left of its menu; empty here
 */
GtkBox *
trib_flow_detail_get_actions_box (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return self->actions_box;
}

/**
 * trib_flow_detail_get_chart:
 *
 * Returns: (transfer none): the #TribRunsChart of the flow's runs
 */
GtkWidget *
trib_flow_detail_get_chart (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return GTK_WIDGET (self->chart);
}
