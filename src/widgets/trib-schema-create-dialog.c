/* trib-schema-create-dialog.c
 *
 * A new schema from a class and field groups, as seed 002 builds its
 * profile schema: the classes and field groups are the registry's own,
 * searched and chosen in a TribClassPicker (the flow wizard's too), and
 * whatever the registry refuses is marked where the user chose it. It
 * starts from XDM Individual Profile, a class with field groups: the
 * first class listed is often one of yours, with none.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schema-create-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-class-picker.h"
#include "trib-entry-row.h"
#include "trib-format.h"
#include "trib-platform-error.h"
#include "trib-schema-create-dialog.h"
#include "trib-schema-registry.h"

struct _TribSchemaCreateDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  GtkWidget *culprit;
  gboolean creating;

  /* Template widgets */
  GtkButton *create_button;
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkLabel *error_label;
  TribEntryRow *title_row;
  TribEntryRow *description_row;
  TribClassPicker *class_picker;
};

G_DEFINE_FINAL_TYPE (TribSchemaCreateDialog, trib_schema_create_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The class the dialog starts from: seed 002's, which field groups extend. */
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"

static TribXdmResource *
selected_class (TribSchemaCreateDialog *self)
{
  return trib_class_picker_get_class (self->class_picker);
}

static void
update_sensitivity (TribSchemaCreateDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean ready = !self->creating && title[0] != '\0' && selected_class (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->creating);
  gtk_spinner_set_spinning (self->spinner, self->creating);
}

static void
clear_error (TribSchemaCreateDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->culprit != NULL)
    {
      gtk_widget_remove_css_class (self->culprit, "error");
      if (ADW_IS_ACTION_ROW (self->culprit))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->culprit),
                                     g_object_get_data (G_OBJECT (self->culprit), "trib-subtitle"));
    }
  self->culprit = NULL;
}

static void
form_changed_cb (TribSchemaCreateDialog *self)
{
  if (self->culprit == GTK_WIDGET (self->title_row))
    clear_error (self);
  update_sensitivity (self);
}

/* Another class: the refusal of the last one's field groups is moot. */
static void
class_changed_cb (TribSchemaCreateDialog *self)
{
  if (self->culprit != NULL && self->culprit != GTK_WIDGET (self->title_row))
    clear_error (self);
  update_sensitivity (self);
}

/* The registry names what it refuses: the title, the class or a field
 * group. The message goes next to it; anything else goes on top.
 */
static void
show_error (TribSchemaCreateDialog *self,
            const GError           *error,
            const char * const     *field_group_ids)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *detail = trib_platform_error_get_detail (error);
  g_autofree char *message = trib_format_error_text (detail != NULL ? detail : error->message);
  g_autofree char *line = trib_format_error_line (message);
  TribXdmResource *class = selected_class (self);
  const char *culprit;

  clear_error (self);

  g_ptr_array_add (candidates, (gpointer) title);
  if (class != NULL)
    g_ptr_array_add (candidates, (gpointer) trib_xdm_resource_get_id (class));
  for (guint i = 0; field_group_ids[i] != NULL; i++)
    g_ptr_array_add (candidates, (gpointer) field_group_ids[i]);
  g_ptr_array_add (candidates, NULL);

  culprit = trib_schema_registry_find_culprit (error, (const char * const *) candidates->pdata);

  if (culprit == title || (culprit == NULL && detail != NULL && strstr (detail, "itle") != NULL))
    self->culprit = GTK_WIDGET (self->title_row);
  else if (class != NULL && culprit == trib_xdm_resource_get_id (class))
    self->culprit = GTK_WIDGET (self->class_picker);
  else if (culprit != NULL)
    self->culprit = trib_class_picker_find_field_group_row (self->class_picker, culprit);

  if (self->culprit != NULL)
    {
      gtk_widget_add_css_class (self->culprit, "error");
      if (ADW_IS_ACTION_ROW (self->culprit))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->culprit), line);
      gtk_widget_grab_focus (self->culprit);
    }

  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribSchemaCreateDialog) self = user_data;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) field_group_ids = g_object_steal_data (G_OBJECT (self), "trib-sent-field-groups");

  self->creating = FALSE;
  update_sensitivity (self);

  if (!(schema = trib_schema_registry_create_schema_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error, (const char * const *) field_group_ids);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, schema);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribSchemaCreateDialog *self = TRIB_SCHEMA_CREATE_DIALOG (widget);
  TribXdmResource *class = selected_class (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  GStrv field_group_ids;

  if (self->creating || class == NULL || title[0] == '\0')
    return;

  /* In the order chosen: a search may hide some of them now. */
  field_group_ids = trib_class_picker_dup_field_group_ids (self->class_picker);
  g_object_set_data_full (G_OBJECT (self), "trib-sent-field-groups", field_group_ids, (GDestroyNotify) g_strfreev);

  clear_error (self);
  self->creating = TRUE;
  update_sensitivity (self);
  trib_schema_registry_create_schema_async (self->client, title,
                                            gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                            trib_xdm_resource_get_id (class),
                                            (const char * const *) field_group_ids, self->cancellable,
                                            created_cb, g_object_ref (self));
}

static void
trib_schema_create_dialog_dispose (GObject *object)
{
  TribSchemaCreateDialog *self = (TribSchemaCreateDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCHEMA_CREATE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (trib_schema_create_dialog_parent_class)->dispose (object);
}

static void
trib_schema_create_dialog_class_init (TribSchemaCreateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_schema_create_dialog_dispose;

  /**
   * TribSchemaCreateDialog::created:
   * @self: the dialog
   * @schema: the new #TribXdmResource
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, TRIB_TYPE_XDM_RESOURCE);

  g_type_ensure (TRIB_TYPE_ENTRY_ROW);
  g_type_ensure (TRIB_TYPE_CLASS_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-schema-create-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, class_picker);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_schema_create_dialog_init (TribSchemaCreateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * trib_schema_create_dialog_new:
 * @client: the client to create the schema with, in its current sandbox
 *
 * Returns: (transfer full): a new dialog
 */
TribSchemaCreateDialog *
trib_schema_create_dialog_new (TribPlatformClient *client)
{
  TribSchemaCreateDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_SCHEMA_CREATE_DIALOG, NULL);
  self->client = g_object_ref (client);
  trib_class_picker_set_client (self->class_picker, client);
  trib_class_picker_set_preferred_class (self->class_picker, PROFILE_CLASS);
  update_sensitivity (self);

  return self;
}

void
trib_schema_create_dialog_set_title_text (TribSchemaCreateDialog *self,
                                          const char             *title)
{
  g_return_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

/**
 * trib_schema_create_dialog_select_class:
 * @self: a #TribSchemaCreateDialog
 * @class_id: a class `$id`
 *
 * Returns: whether the class was among those loaded so far
 */
gboolean
trib_schema_create_dialog_select_class (TribSchemaCreateDialog *self,
                                        const char             *class_id)
{
  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), FALSE);

  return trib_class_picker_select_class (self->class_picker, class_id);
}

/**
 * trib_schema_create_dialog_set_field_group:
 * @self: a #TribSchemaCreateDialog
 * @field_group_id: a field group `$id`
 * @chosen: whether the schema should include it
 *
 * Ticks or unticks a field group's row, as a click does.
 *
 * Returns: whether the field group has a row yet
 */
gboolean
trib_schema_create_dialog_set_field_group (TribSchemaCreateDialog *self,
                                           const char             *field_group_id,
                                           gboolean                chosen)
{
  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), FALSE);

  return trib_class_picker_set_field_group (self->class_picker, field_group_id, chosen);
}

/**
 * trib_schema_create_dialog_get_culprit_row:
 * @self: a #TribSchemaCreateDialog
 *
 * Returns: (nullable) (transfer none): the row the last error is about
 */
GtkWidget *
trib_schema_create_dialog_get_culprit_row (TribSchemaCreateDialog *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), NULL);

  return self->culprit;
}

/**
 * trib_schema_create_dialog_get_error_text:
 * @self: a #TribSchemaCreateDialog
 *
 * Returns: (nullable): the error shown, %NULL if none is
 */
const char *
trib_schema_create_dialog_get_error_text (TribSchemaCreateDialog *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
