/* trib-flow-schedule-dialog.c
 *
 * A dataflow's new schedule (API-NOTES §A8, §F 1): the frequencies its
 * flow spec's `scheduleSpec` offers, checked against that spec as the
 * wizard checks them (TribFlowAnswers), sent as a PATCH with the etag
 * the flow was read with. If someone changed the flow since (`1404-412`),
 * the dialog says so and offers to read it again and apply the same
 * schedule to it as it is now. Sent once per click; nothing is resent on
 * its own. "changed" gives the flow as the platform has it afterwards.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-schedule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-answers.h"
#include "trib-flow-format.h"
#include "trib-flow-schedule.h"
#include "trib-flow-schedule-dialog.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"
#include "trib-platform-error.h"

struct _TribFlowScheduleDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  TribFlow *flow;
  TribFlowSpec *flow_spec;
  TribFlowSchedule *schedule;
  GCancellable *cancellable;
  char *problem;
  gboolean busy;
  gboolean stale;

  /* Template widgets */
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkBox *problem_box;
  GtkLabel *problem_label;
  GtkButton *reload_button;
  AdwComboRow *frequency_row;
  GtkStringList *frequencies;
  AdwActionRow *interval_row;
  GtkSpinButton *interval_spin;
};

G_DEFINE_FINAL_TYPE (TribFlowScheduleDialog, trib_flow_schedule_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const frequency_names[] = { "once", "minute", "hour", "day", "week" };

static const char *
get_frequency (TribFlowScheduleDialog *self)
{
  const char * const *choices = self->schedule != NULL ? trib_flow_schedule_get_frequencies (self->schedule) : NULL;
  guint selected = adw_combo_row_get_selected (self->frequency_row);

  if (choices == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) choices))
    return NULL;

  return choices[selected];
}

static void
show_problem (TribFlowScheduleDialog *self,
              const char             *problem,
              gboolean                stale)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->stale = stale;
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), problem != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), stale);
}

/* What the flow spec says of the schedule chosen, as the wizard asks it. */
static char *
check (TribFlowScheduleDialog *self)
{
  g_autoptr(TribFlowAnswers) answers = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  const char *frequency = get_frequency (self);

  if (g_strcmp0 (trib_flow_get_frequency (self->flow), "once") == 0)
    return g_strdup (_("A dataflow that runs once cannot be rescheduled."));
  if (frequency == NULL)
    return NULL;

  answers = trib_flow_answers_new ();
  trib_flow_answers_set_flow_spec (answers, self->flow_spec);
  for (guint i = 0; i < G_N_ELEMENTS (frequency_names); i++)
    if (g_str_equal (frequency_names[i], frequency))
      trib_flow_answers_set_frequency (answers, (TribFlowFrequency) i);
  trib_flow_answers_set_interval (answers, (guint) gtk_spin_button_get_value_as_int (self->interval_spin));
  start = g_date_time_new_from_unix_utc (MAX (trib_flow_get_start_time (self->flow), 0));
  trib_flow_answers_set_start_time (answers, start);
  if (!trib_flow_answers_check_step (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE, &error))
    return g_strdup (error->message);

  return NULL;
}

static void
update (TribFlowScheduleDialog *self)
{
  const char *frequency = get_frequency (self);
  gboolean periodic = frequency != NULL && !g_str_equal (frequency, "once");
  g_autofree char *problem = NULL;
  gboolean changed;

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), periodic);
  adw_action_row_set_subtitle (self->interval_row, frequency != NULL ? trib_flow_format_frequency_unit (frequency) : "");

  if (!self->stale && !self->busy)
    {
      problem = self->schedule != NULL ? check (self) : NULL;
      show_problem (self, problem, FALSE);
    }

  changed = frequency != NULL &&
            (g_strcmp0 (frequency, trib_flow_get_frequency (self->flow)) != 0 ||
             (periodic && gtk_spin_button_get_value_as_int (self->interval_spin) != trib_flow_get_interval (self->flow)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 !self->busy && !self->stale && self->schedule != NULL && self->problem == NULL &&
                                 changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.reload", !self->busy && self->stale);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
form_changed_cb (TribFlowScheduleDialog *self)
{
  update (self);
}

static void
set_busy (TribFlowScheduleDialog *self,
          gboolean                busy)
{
  self->busy = busy;
  update (self);
}

static void
show_error (TribFlowScheduleDialog *self,
            const GError           *error)
{
  g_autofree char *text = trib_format_error_text (error->message);

  self->busy = FALSE;
  show_problem (self, text, FALSE);
  update (self);
}

/* The flow's choices, the current one selected. */
static void
fill (TribFlowScheduleDialog *self)
{
  const char * const *choices = trib_flow_schedule_get_frequencies (self->schedule);
  guint selected = 0;

  gtk_string_list_splice (self->frequencies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->frequencies)), NULL);
  for (guint i = 0; choices[i] != NULL; i++)
    {
      gtk_string_list_append (self->frequencies, trib_flow_format_frequency (choices[i]));
      if (g_strcmp0 (choices[i], trib_flow_get_frequency (self->flow)) == 0)
        selected = i;
    }
  adw_combo_row_set_selected (self->frequency_row, selected);
  gtk_spin_button_set_value (self->interval_spin, MAX (trib_flow_get_interval (self->flow), 1));
}

static void
flow_spec_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowScheduleDialog) self = user_data;
  g_autoptr(TribFlowSpec) flow_spec = NULL;
  g_autoptr(GError) error = NULL;

  flow_spec = trib_flow_service_find_flow_spec_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (flow_spec == NULL)
    {
      show_error (self, error);
      return;
    }

  self->flow_spec = g_steal_pointer (&flow_spec);
  self->schedule = trib_flow_schedule_new (trib_flow_spec_get_schedule_schema (self->flow_spec));
  self->busy = FALSE;
  fill (self);
  update (self);
}

static void send (TribFlowScheduleDialog *self);

/* Reload, after a stale etag: the flow as it is now, and the same schedule
 * sent to it again.
 */
static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribFlowScheduleDialog) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (flow == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->flow, flow);
  self->stale = FALSE;
  show_problem (self, NULL, FALSE);
  send (self);
}

static void
patch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribFlowScheduleDialog) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_change_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_STALE))
    {
      self->busy = FALSE;
      show_problem (self,
                    _("Someone changed this dataflow after it was shown here, so the new schedule was not "
                      "saved. Reload the dataflow to see it as it is now and apply the schedule to it again."),
                    TRUE);
      update (self);
      return;
    }
  if (flow == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->flow, flow);
  self->busy = FALSE;
  g_signal_emit (self, signals[CHANGED], 0, self->flow);
  gtk_window_close (GTK_WINDOW (self));
}

static void
send (TribFlowScheduleDialog *self)
{
  const char *frequency = get_frequency (self);

  if (frequency == NULL)
    return;

  set_busy (self, TRUE);
  trib_flow_service_change_flow_async (self->client, self->flow, NULL, frequency,
                                       gtk_spin_button_get_value_as_int (self->interval_spin), -1, self->cancellable,
                                       patch_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  send (TRIB_FLOW_SCHEDULE_DIALOG (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribFlowScheduleDialog *self = TRIB_FLOW_SCHEDULE_DIALOG (widget);

  set_busy (self, TRUE);
  trib_flow_service_get_flow_async (self->client, trib_flow_get_id (self->flow), self->cancellable, reread_cb,
                                    g_object_ref (self));
}

static void
trib_flow_schedule_dialog_dispose (GObject *object)
{
  TribFlowScheduleDialog *self = (TribFlowScheduleDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_SCHEDULE_DIALOG);

  G_OBJECT_CLASS (trib_flow_schedule_dialog_parent_class)->dispose (object);
}

static void
trib_flow_schedule_dialog_finalize (GObject *object)
{
  TribFlowScheduleDialog *self = (TribFlowScheduleDialog *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->flow);
  g_clear_object (&self->flow_spec);
  g_clear_object (&self->schedule);
  g_clear_object (&self->cancellable);
  g_free (self->problem);

  G_OBJECT_CLASS (trib_flow_schedule_dialog_parent_class)->finalize (object);
}

static void
trib_flow_schedule_dialog_class_init (TribFlowScheduleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_schedule_dialog_dispose;
  object_class->finalize = trib_flow_schedule_dialog_finalize;

  /**
   * TribFlowScheduleDialog::changed:
   * @flow: the flow as the platform has it now
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, TRIB_TYPE_FLOW);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-flow-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, frequencies);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowScheduleDialog, interval_spin);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload", NULL, reload_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
trib_flow_schedule_dialog_init (TribFlowScheduleDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_flow_schedule_dialog_new:
 * @client: the session's client
 * @flow: the flow as last read: its etag goes with the change
 *
 * Returns: (transfer floating): the dialog; it reads the flow spec's
 *   schedule choices first
 */
TribFlowScheduleDialog *
trib_flow_schedule_dialog_new (TribPlatformClient *client,
                               TribFlow           *flow)
{
  TribFlowScheduleDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW (flow), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_SCHEDULE_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->flow = g_object_ref (flow);
  self->busy = TRUE;
  update (self);
  trib_flow_service_get_flow_spec_async (client, trib_flow_get_flow_spec_id (flow), self->cancellable, flow_spec_cb,
                                         g_object_ref (self));

  return self;
}

/**
 * trib_flow_schedule_dialog_get_flow:
 *
 * Returns: (transfer none): the flow, as last read
 */
TribFlow *
trib_flow_schedule_dialog_get_flow (TribFlowScheduleDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE_DIALOG (self), NULL);

  return self->flow;
}

/* Whether the flow spec's choices are in and nothing is being sent. */
gboolean
trib_flow_schedule_dialog_get_ready (TribFlowScheduleDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE_DIALOG (self), FALSE);

  return self->schedule != NULL && !self->busy;
}

/**
 * trib_flow_schedule_dialog_set_schedule:
 * @self: a #TribFlowScheduleDialog, ready
 * @frequency: `once`, `minute`…, as the platform spells it
 * @interval: how many of its units between runs
 *
 * Chooses a schedule, as the user would.
 *
 * Returns: whether the flow spec offers @frequency
 */
gboolean
trib_flow_schedule_dialog_set_schedule (TribFlowScheduleDialog *self,
                                        const char             *frequency,
                                        guint                   interval)
{
  const char * const *choices;

  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE_DIALOG (self), FALSE);
  g_return_val_if_fail (self->schedule != NULL, FALSE);

  choices = trib_flow_schedule_get_frequencies (self->schedule);
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], frequency))
      {
        adw_combo_row_set_selected (self->frequency_row, i);
        gtk_spin_button_set_value (self->interval_spin, interval);
        update (self);
        return TRUE;
      }

  return FALSE;
}

/**
 * trib_flow_schedule_dialog_get_problem:
 *
 * Returns: (nullable): what is shown as wrong: the flow spec's refusal,
 *   the platform's, or the stale etag's explanation
 */
const char *
trib_flow_schedule_dialog_get_problem (TribFlowScheduleDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE_DIALOG (self), NULL);

  return self->problem;
}
