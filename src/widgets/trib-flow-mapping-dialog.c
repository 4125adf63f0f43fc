/* trib-flow-mapping-dialog.c
 *
 * A dataflow's mapping moved to another version of its mapping set
 * (API-NOTES §A8, §F 1), sent as a PATCH of
 * `/transformations/N/params/mappingVersion` (typed as the flow has it)
 * with the etag the flow was read with. A stale etag (`1404-412`) is
 * explained, with Reload to read the flow again and apply the version to
 * it as it is now; the platform's refusal (a version that does not
 * exist, `1419-400`; a `once` flow) is shown as it says it. Sent once
 * per click. "changed" gives the flow as the platform has it afterwards.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-mapping-dialog.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"
#include "trib-platform-error.h"

struct _TribFlowMappingDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  TribFlow *flow;
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
  AdwActionRow *version_row;
  GtkSpinButton *version_spin;
};

G_DEFINE_FINAL_TYPE (TribFlowMappingDialog, trib_flow_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (TribFlowMappingDialog *self,
              const char            *problem,
              gboolean               stale)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->stale = stale;
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), problem != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), stale);
}

static void
update (TribFlowMappingDialog *self)
{
  g_autofree char *current = NULL;
  gboolean once = g_strcmp0 (trib_flow_get_frequency (self->flow), "once") == 0;
  gboolean changed = gtk_spin_button_get_value_as_int (self->version_spin) !=
                     trib_flow_get_mapping_version (self->flow);

  /* Translators: %d is the mapping set version a dataflow uses now */
  current = g_strdup_printf (_("Now version %d"), (int) trib_flow_get_mapping_version (self->flow));
  adw_action_row_set_subtitle (self->version_row, current);
  if (once && !self->busy)
    show_problem (self, _("A dataflow that runs once cannot be given another mapping."), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 !self->busy && !self->stale && !once && changed &&
                                 trib_flow_get_mapping_version (self->flow) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.reload", !self->busy && self->stale);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
form_changed_cb (TribFlowMappingDialog *self)
{
  if (!self->stale)
    show_problem (self, NULL, FALSE);
  update (self);
}

static void
show_error (TribFlowMappingDialog *self,
            const GError          *error)
{
  g_autofree char *text = trib_format_error_text (error->message);

  self->busy = FALSE;
  show_problem (self, text, FALSE);
  update (self);
}

static void send (TribFlowMappingDialog *self);

/* Reload, after a stale etag: the flow as it is now, and the same version
 * sent to it again.
 */
static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribFlowMappingDialog) self = user_data;
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
  g_autoptr(TribFlowMappingDialog) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_change_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_STALE))
    {
      self->busy = FALSE;
      show_problem (self,
                    _("Someone changed this dataflow after it was shown here, so the new mapping version was "
                      "not saved. Reload the dataflow to see it as it is now and apply the version to it again."),
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
send (TribFlowMappingDialog *self)
{
  self->busy = TRUE;
  update (self);
  trib_flow_service_change_flow_async (self->client, self->flow, NULL, NULL, 0,
                                       gtk_spin_button_get_value_as_int (self->version_spin), self->cancellable,
                                       patch_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  send (TRIB_FLOW_MAPPING_DIALOG (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribFlowMappingDialog *self = TRIB_FLOW_MAPPING_DIALOG (widget);

  self->busy = TRUE;
  update (self);
  trib_flow_service_get_flow_async (self->client, trib_flow_get_id (self->flow), self->cancellable, reread_cb,
                                    g_object_ref (self));
}

static void
trib_flow_mapping_dialog_dispose (GObject *object)
{
  TribFlowMappingDialog *self = (TribFlowMappingDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_MAPPING_DIALOG);

  G_OBJECT_CLASS (trib_flow_mapping_dialog_parent_class)->dispose (object);
}

static void
trib_flow_mapping_dialog_finalize (GObject *object)
{
  TribFlowMappingDialog *self = (TribFlowMappingDialog *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->flow);
  g_clear_object (&self->cancellable);
  g_free (self->problem);

  G_OBJECT_CLASS (trib_flow_mapping_dialog_parent_class)->finalize (object);
}

static void
trib_flow_mapping_dialog_class_init (TribFlowMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_mapping_dialog_dispose;
  object_class->finalize = trib_flow_mapping_dialog_finalize;

  /**
   * TribFlowMappingDialog::changed:
   * @flow: the flow as the platform has it now
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, TRIB_TYPE_FLOW);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-flow-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, version_spin);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload", NULL, reload_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
trib_flow_mapping_dialog_init (TribFlowMappingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_flow_mapping_dialog_new:
 * @client: the session's client
 * @flow: the flow as last read: its etag goes with the change
 *
 * Returns: (transfer floating): the dialog, the next version proposed
 */
TribFlowMappingDialog *
trib_flow_mapping_dialog_new (TribPlatformClient *client,
                              TribFlow           *flow)
{
  TribFlowMappingDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW (flow), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_MAPPING_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->flow = g_object_ref (flow);
  gtk_spin_button_set_value (self->version_spin, MAX (trib_flow_get_mapping_version (flow), 0) + 1);
  update (self);

  return self;
}

/**
 * trib_flow_mapping_dialog_get_flow:
 *
 * Returns: (transfer none): the flow, as last read
 */
TribFlow *
trib_flow_mapping_dialog_get_flow (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), NULL);

  return self->flow;
}

/* Chooses a version, as the user would. */
void
trib_flow_mapping_dialog_set_version (TribFlowMappingDialog *self,
                                      guint                  version)
{
  g_return_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self));

  gtk_spin_button_set_value (self->version_spin, version);
}

/**
 * trib_flow_mapping_dialog_get_problem:
 *
 * Returns: (nullable): what is shown as wrong
 */
const char *
trib_flow_mapping_dialog_get_problem (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), NULL);

  return self->problem;
}
