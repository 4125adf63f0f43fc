/* trib-flow-delete-dialog.c
 *
 * Deleting a dataflow, after a confirmation that names it and says what
 * stays: its connections, its account and its dataset (API-NOTES §A8).
 * The platform may refuse, while a run is writing for one (`1416-400`;
 * in the simulator, a run started by hand): its reason is then shown in
 * a dialog of its own, and nothing is sent again. "deleted" says it is
 * gone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-delete-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-delete-dialog.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"

struct _TribFlowDeleteDialog
{
  AdwMessageDialog parent_instance;

  TribPlatformClient *client;
  TribFlow *flow;
  GtkWindow *parent;
  GError *error;
};

G_DEFINE_FINAL_TYPE (TribFlowDeleteDialog, trib_flow_delete_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DELETED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribFlowDeleteDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (trib_flow_service_delete_flow_finish (result, &error))
    {
      g_signal_emit (self, signals[DELETED], 0, trib_flow_get_id (self->flow));
    }
  else
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = trib_format_error_text (error->message);
      GtkWidget *refusal;

      /* Translators: %s is a dataflow's name */
      heading = g_strdup_printf (_("Could Not Delete “%s”"), trib_flow_get_name (self->flow));
      refusal = adw_message_dialog_new (self->parent, heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refusal), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (refusal));

      self->error = g_steal_pointer (&error);
      g_signal_emit (self, signals[FAILED], 0, self->error);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_cb (gpointer user_data)
{
  g_autoptr(GtkWindow) window = user_data;

  gtk_window_destroy (window);

  return G_SOURCE_REMOVE;
}

static void
trib_flow_delete_dialog_response (AdwMessageDialog *dialog,
                                  const char       *response)
{
  TribFlowDeleteDialog *self = TRIB_FLOW_DELETE_DIALOG (dialog);

  if (g_str_equal (response, "delete"))
    {
      /* Hidden, not destroyed: the answer comes back to this dialog. */
      trib_flow_service_delete_flow_async (self->client, trib_flow_get_id (self->flow), NULL, delete_cb,
                                           g_object_ref (self));
      return;
    }

  /* Once the dialog has closed itself after this response. */
  g_idle_add (destroy_cb, g_object_ref (self));
}

static void
trib_flow_delete_dialog_dispose (GObject *object)
{
  TribFlowDeleteDialog *self = (TribFlowDeleteDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_DELETE_DIALOG);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (trib_flow_delete_dialog_parent_class)->dispose (object);
}

static void
trib_flow_delete_dialog_finalize (GObject *object)
{
  TribFlowDeleteDialog *self = (TribFlowDeleteDialog *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->flow);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trib_flow_delete_dialog_parent_class)->finalize (object);
}

static void
trib_flow_delete_dialog_class_init (TribFlowDeleteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = trib_flow_delete_dialog_dispose;
  object_class->finalize = trib_flow_delete_dialog_finalize;
  dialog_class->response = trib_flow_delete_dialog_response;

  /**
   * TribFlowDeleteDialog::deleted:
   * @flow_id: the flow that is gone
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TribFlowDeleteDialog::failed:
   * @error: the platform's refusal, shown to the user
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-flow-delete-dialog.ui");
}

static void
trib_flow_delete_dialog_init (TribFlowDeleteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_flow_delete_dialog_new:
 * @parent: (nullable): the window it is about
 * @client: the session's client
 * @flow: the flow to delete
 *
 * Returns: (transfer floating): the confirmation
 */
TribFlowDeleteDialog *
trib_flow_delete_dialog_new (GtkWindow          *parent,
                             TribPlatformClient *client,
                             TribFlow           *flow)
{
  TribFlowDeleteDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW (flow), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_DELETE_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->flow = g_object_ref (flow);
  g_set_weak_pointer (&self->parent, parent);
  /* Translators: %s is a dataflow's name */
  heading = g_strdup_printf (_("Delete “%s”?"), trib_flow_get_name (flow));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  return self;
}

/**
 * trib_flow_delete_dialog_get_error:
 *
 * Returns: (nullable): the platform's refusal, once it answered
 */
const GError *
trib_flow_delete_dialog_get_error (TribFlowDeleteDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DELETE_DIALOG (self), NULL);

  return self->error;
}
