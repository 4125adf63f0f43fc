/* trib-flow-wizard-create.c
 *
 * The wizard's last step: the plan run by a TribFlowRunner, a row per
 * call showing its state as the runner sets it. The runner writes the
 * journal after every step, so closing the window, a lost connection or
 * a crash leave a setup the next start offers to resume or roll back;
 * here the same two are offered when a step fails or is cancelled.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-flow-wizard-private.h"
#include "trib-window.h"

typedef enum
{
  RUN_IDLE,
  RUN_RUNNING,
  RUN_FAILED,
  RUN_DONE,
  RUN_ROLLING_BACK,
  RUN_ROLLED_BACK,
} RunState;

static void
show_run_state (TribFlowWizard *self,
                RunState        state,
                const char     *status)
{
  gboolean running = state == RUN_RUNNING || state == RUN_ROLLING_BACK;

  self->run_state = state;
  gtk_label_set_label (self->create_status, status);
  gtk_widget_set_visible (self->cancel_button, state == RUN_RUNNING);
  gtk_widget_set_visible (self->retry_button, state == RUN_FAILED);
  gtk_widget_set_visible (self->rollback_button, state == RUN_FAILED);
  gtk_widget_set_visible (self->copy_id_button, state == RUN_DONE);
  gtk_widget_set_visible (self->open_flow_button, state == RUN_DONE);
  if (state == RUN_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->create_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->create_status), "error");
  _trib_flow_wizard_set_busy (self, running);
  trib_a11y_announce (GTK_WIDGET (self), status);
}

static void
update_step_row (GtkWidget    *row,
                 GParamSpec   *pspec,
                 TribFlowStep *step)
{
  GtkStack *icons = g_object_get_data (G_OBJECT (row), "trib-icons");
  const GError *error = trib_flow_step_get_error (step);
  const char *state_name;
  const char *said;

  switch (trib_flow_step_get_state (step))
    {
    case TRIB_FLOW_STEP_RUNNING:
      state_name = "running";
      said = _("Running");
      break;
    case TRIB_FLOW_STEP_DONE:
      state_name = "done";
      said = _("Done");
      break;
    case TRIB_FLOW_STEP_FAILED:
      state_name = "failed";
      said = _("Failed");
      break;
    case TRIB_FLOW_STEP_SKIPPED:
      state_name = "skipped";
      said = _("Skipped");
      break;
    case TRIB_FLOW_STEP_PENDING:
    default:
      state_name = "pending";
      said = _("Waiting");
      break;
    }

  gtk_stack_set_visible_child_name (icons, state_name);
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (icons, "running")),
                            g_str_equal (state_name, "running"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               error != NULL && trib_flow_step_get_state (step) == TRIB_FLOW_STEP_FAILED
                               ? error->message : said);
  {
    g_autofree char *label = trib_a11y_join_parts (trib_flow_step_get_title (step), said, NULL);

    trib_a11y_set_label (row, label);
  }
}

static void
add_icon (GtkStack   *icons,
          const char *name,
          const char *icon_name,
          const char *css_class)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  if (css_class != NULL)
    gtk_widget_add_css_class (image, css_class);
  gtk_stack_add_named (icons, image, name);
}

static void
fill_progress (TribFlowWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list))) != NULL)
    gtk_list_box_remove (self->progress_list, child);

  for (guint i = 0; i < trib_flow_plan_get_n_steps (self->plan); i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self->plan, i);
      GtkWidget *row = adw_action_row_new ();
      GtkStack *icons = GTK_STACK (gtk_stack_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_flow_step_get_title (step));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_stack_add_named (icons, gtk_spinner_new (), "running");
      add_icon (icons, "pending", "content-loading-symbolic", "dim-label");
      add_icon (icons, "done", "object-select-symbolic", "success");
      add_icon (icons, "failed", "dialog-error-symbolic", "error");
      add_icon (icons, "skipped", "action-unavailable-symbolic", "dim-label");
      gtk_widget_set_valign (GTK_WIDGET (icons), GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (icons));
      g_object_set_data (G_OBJECT (row), "trib-icons", icons);
      g_signal_connect_object (step, "notify::state", G_CALLBACK (update_step_row), row, G_CONNECT_SWAPPED);
      g_signal_connect_object (step, "notify::error", G_CALLBACK (update_step_row), row, G_CONNECT_SWAPPED);
      update_step_row (row, NULL, step);
      gtk_list_box_append (self->progress_list, row);
    }
}

static void
finished (TribFlowWizard *self,
          char           *flow_id,
          GError         *error)
{
  if (flow_id != NULL)
    {
      g_autofree char *status = NULL;

      g_free (self->flow_id);
      self->flow_id = flow_id;
      /* Translators: the wizard's last word; %s is the new dataflow's id */
      status = g_strdup_printf (_("The dataflow is created. Its id is %s."), flow_id);
      show_run_state (self, RUN_DONE, status);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_run_state (self, RUN_FAILED,
                    _("Stopped. What was created is kept: try again to finish, or roll back to delete it."));
  else
    {
      /* Translators: %s is why the step failed */
      g_autofree char *status = g_strdup_printf (_("The setup stopped: %s"), error->message);

      show_run_state (self, RUN_FAILED, status);
    }
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  char *flow_id = trib_flow_runner_run_finish (TRIB_FLOW_RUNNER (object), result, &error);

  /* The window went away: the journal keeps the setup for the next start. */
  if (self->runner == NULL)
    return;

  finished (self, flow_id, error);
}

static void
resume_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  char *flow_id = trib_flow_runner_resume_finish (TRIB_FLOW_RUNNER (object), result, &error);

  if (self->runner == NULL)
    return;

  finished (self, flow_id, error);
}

static void
roll_back_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_deleted = NULL;

  if (!trib_flow_runner_roll_back_finish (TRIB_FLOW_RUNNER (object), result, &not_deleted, &error))
    {
      if (self->runner == NULL)
        return;

      if (not_deleted != NULL && not_deleted[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", not_deleted);
          /* Translators: %s lists what the roll back could not delete */
          g_autofree char *status = g_strdup_printf (_("Could not delete: %s"), list);

          show_run_state (self, RUN_FAILED, status);
        }
      else
        finished (self, NULL, error);
      return;
    }

  if (self->runner == NULL)
    return;

  /* A mapping set stays (Data Prep cannot delete one): said, not hidden. */
  if (not_deleted != NULL && not_deleted[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (" ", not_deleted);
      /* Translators: %s says what stays and why */
      g_autofree char *status = g_strdup_printf (_("Rolled back, except what cannot be deleted. %s"), list);

      show_run_state (self, RUN_ROLLED_BACK, status);
      return;
    }

  show_run_state (self, RUN_ROLLED_BACK, _("Rolled back: everything this setup created is deleted."));
}

static void
start (TribFlowWizard *self,
       RunState        state)
{
  g_set_object (&self->run_cancellable, g_cancellable_new ());
  if (state == RUN_ROLLING_BACK)
    {
      show_run_state (self, state, _("Deleting what this setup created, newest first…"));
      trib_flow_runner_roll_back_async (self->runner, self->run_cancellable, roll_back_cb, g_object_ref (self));
    }
  else
    show_run_state (self, state, _("Creating the dataflow…"));
}

void
_trib_flow_wizard_run_plan (TribFlowWizard *self)
{
  g_clear_object (&self->runner);
  self->runner = trib_flow_runner_new (trib_session_get_client (self->session), self->plan, NULL);
  fill_progress (self);
  start (self, RUN_RUNNING);
  trib_flow_runner_run_async (self->runner, self->run_cancellable, run_cb, g_object_ref (self));
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);

  if (self->runner == NULL || self->busy)
    return;

  start (self, RUN_RUNNING);
  trib_flow_runner_resume_async (self->runner, self->run_cancellable, resume_cb, g_object_ref (self));
}

static void
roll_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);

  if (self->runner == NULL || self->busy)
    return;

  start (self, RUN_ROLLING_BACK);
}

static void
cancel_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_cancellable_cancel (TRIB_FLOW_WIZARD (widget)->run_cancellable);
}

static void
copy_flow_id_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);

  if (self->flow_id == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->flow_id);
  _trib_flow_wizard_toast (self, _("Dataflow id copied"));
}

/* The dataflows page is to come: the account the flow reads from is
 * shown in the Sources page of the main window meanwhile.
 */
static void
open_flow_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  while (window != NULL && !TRIB_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "sources");
      gtk_window_present (window);
    }
  gtk_window_close (GTK_WINDOW (widget));
}

/**
 * _trib_flow_wizard_resume_journal:
 * @roll_back: roll the setup back rather than resume it
 *
 * The Create page of a setup a journal kept, resumed or rolled back at
 * once.
 */
gboolean
_trib_flow_wizard_resume_journal (TribFlowWizard   *self,
                                  TribFlowJournal  *journal,
                                  gboolean          roll_back,
                                  GError          **error)
{
  g_autoptr(TribFlowPlan) plan = trib_flow_journal_dup_plan (journal, error);

  if (plan == NULL)
    return FALSE;

  g_set_object (&self->plan, plan);
  g_clear_object (&self->runner);
  self->runner = trib_flow_runner_new (trib_session_get_client (self->session), plan, journal);
  fill_progress (self);
  gtk_window_set_title (GTK_WINDOW (self), trib_flow_plan_get_title (plan));
  adw_window_title_set_title (self->window_title, trib_flow_plan_get_title (plan));

  if (roll_back)
    start (self, RUN_ROLLING_BACK);
  else
    {
      start (self, RUN_RUNNING);
      trib_flow_runner_resume_async (self->runner, self->run_cancellable, resume_cb, g_object_ref (self));
    }

  return TRUE;
}

void
_trib_flow_wizard_class_add_run_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wizard.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "wizard.roll-back", NULL, roll_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel-run", NULL, cancel_run_action);
  gtk_widget_class_install_action (widget_class, "wizard.copy-flow-id", NULL, copy_flow_id_action);
  gtk_widget_class_install_action (widget_class, "wizard.open-flow", NULL, open_flow_action);
}
