/* trib-dataset-create-dialog.c
 *
 * A new Parquet dataset from one of the sandbox's schemas, as seeds 002
 * and 004 create theirs. Sent once per click: a refusal is shown next to
 * the name or the schema it is about, and nothing is resent on its own.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-dataset-create-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-catalog.h"
#include "trib-dataset-create-dialog.h"
#include "trib-entry-row.h"
#include "trib-format.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"

struct _TribDatasetCreateDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  TribPagedList *schemas;
  char *wanted_schema_id;
  GtkWidget *culprit;
  gboolean creating;

  /* Template widgets */
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkLabel *error_label;
  TribEntryRow *name_row;
  TribEntryRow *description_row;
  AdwComboRow *schema_row;
};

G_DEFINE_FINAL_TYPE (TribDatasetCreateDialog, trib_dataset_create_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_sensitivity (TribDatasetCreateDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 !self->creating && name[0] != '\0' &&
                                 adw_combo_row_get_selected_item (self->schema_row) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->creating);
  gtk_spinner_set_spinning (self->spinner, self->creating);
}

static void
clear_error (TribDatasetCreateDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->culprit != NULL)
    gtk_widget_remove_css_class (self->culprit, "error");
  self->culprit = NULL;
}

static void
form_changed_cb (TribDatasetCreateDialog *self)
{
  clear_error (self);
  update_sensitivity (self);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribDatasetCreateDialog) self = user_data;
  g_autofree char *dataset_id = NULL;
  g_autoptr(GError) error = NULL;
  TribXdmResource *schema = adw_combo_row_get_selected_item (self->schema_row);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *message = NULL;
  const char *detail;
  const char *culprit;

  self->creating = FALSE;
  update_sensitivity (self);

  if ((dataset_id = trib_catalog_create_dataset_finish (result, &error)))
    {
      g_signal_emit (self, signals[CREATED], 0, dataset_id);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Catalog names what it refuses: the name, or the schema. */
  detail = trib_platform_error_get_detail (error);
  culprit = trib_schema_registry_find_culprit (error, (const char *[]) {
                                                 name, schema != NULL ? trib_xdm_resource_get_id (schema) : "", NULL });
  if (culprit == name)
    self->culprit = GTK_WIDGET (self->name_row);
  else if (culprit != NULL)
    self->culprit = GTK_WIDGET (self->schema_row);

  if (self->culprit != NULL)
    {
      gtk_widget_add_css_class (self->culprit, "error");
      gtk_widget_grab_focus (self->culprit);
    }
  message = trib_format_error_text (detail != NULL ? detail : error->message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribDatasetCreateDialog *self = TRIB_DATASET_CREATE_DIALOG (widget);
  TribXdmResource *schema = adw_combo_row_get_selected_item (self->schema_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (self->creating || schema == NULL || name[0] == '\0')
    return;

  clear_error (self);
  self->creating = TRUE;
  update_sensitivity (self);
  trib_catalog_create_dataset_async (self->client, name, gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                     trib_xdm_resource_get_id (schema), self->cancellable, created_cb,
                                     g_object_ref (self));
}

/* A schema asked for before its page arrived is selected once it does. */
static void
schemas_changed_cb (TribDatasetCreateDialog *self)
{
  if (self->wanted_schema_id != NULL && trib_dataset_create_dialog_select_schema (self, self->wanted_schema_id))
    g_clear_pointer (&self->wanted_schema_id, g_free);
  update_sensitivity (self);
}

static void
trib_dataset_create_dialog_dispose (GObject *object)
{
  TribDatasetCreateDialog *self = (TribDatasetCreateDialog *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->schemas != NULL)
    trib_paged_list_cancel (self->schemas);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_DATASET_CREATE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->schemas);
  g_clear_object (&self->client);
  g_clear_pointer (&self->wanted_schema_id, g_free);

  G_OBJECT_CLASS (trib_dataset_create_dialog_parent_class)->dispose (object);
}

static void
trib_dataset_create_dialog_class_init (TribDatasetCreateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_dataset_create_dialog_dispose;

  /**
   * TribDatasetCreateDialog::created:
   * @self: the dialog
   * @dataset_id: the new dataset's id
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TRIB_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-dataset-create-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetCreateDialog, schema_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_dataset_create_dialog_init (TribDatasetCreateDialog *self)
{
  g_type_ensure (TRIB_TYPE_XDM_RESOURCE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * trib_dataset_create_dialog_new:
 * @client: the client to create with, in its current sandbox
 * @schema_id: (nullable): the schema to choose at first
 *
 * Returns: (transfer full): a new dialog
 */
TribDatasetCreateDialog *
trib_dataset_create_dialog_new (TribPlatformClient *client,
                                const char         *schema_id)
{
  TribDatasetCreateDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_DATASET_CREATE_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->wanted_schema_id = g_strdup (schema_id);
  self->schemas = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT, NULL, NULL);
  g_signal_connect_object (self->schemas, "items-changed", G_CALLBACK (schemas_changed_cb), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_model (self->schema_row, G_LIST_MODEL (self->schemas));
  update_sensitivity (self);

  return self;
}

void
trib_dataset_create_dialog_set_name (TribDatasetCreateDialog *self,
                                     const char              *name)
{
  g_return_if_fail (TRIB_IS_DATASET_CREATE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

/**
 * trib_dataset_create_dialog_select_schema:
 * @self: a #TribDatasetCreateDialog
 * @schema_id: a schema `$id`
 *
 * Returns: whether the schema was among those loaded so far
 */
gboolean
trib_dataset_create_dialog_select_schema (TribDatasetCreateDialog *self,
                                          const char              *schema_id)
{
  GListModel *schemas;

  g_return_val_if_fail (TRIB_IS_DATASET_CREATE_DIALOG (self), FALSE);

  schemas = G_LIST_MODEL (self->schemas);
  for (guint i = 0; i < g_list_model_get_n_items (schemas); i++)
    {
      g_autoptr(TribXdmResource) schema = g_list_model_get_item (schemas, i);

      if (g_strcmp0 (trib_xdm_resource_get_id (schema), schema_id) == 0)
        {
          adw_combo_row_set_selected (self->schema_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * trib_dataset_create_dialog_get_culprit_row:
 * @self: a #TribDatasetCreateDialog
 *
 * Returns: (nullable) (transfer none): the row the last refusal is about
 */
GtkWidget *
trib_dataset_create_dialog_get_culprit_row (TribDatasetCreateDialog *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET_CREATE_DIALOG (self), NULL);

  return self->culprit;
}
