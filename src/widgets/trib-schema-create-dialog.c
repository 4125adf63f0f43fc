/* trib-schema-create-dialog.c
 *
 * A new schema from a class and field groups, as seed 002 builds its
 * profile schema: the classes and field groups are the registry's own,
 * and whatever the registry refuses is marked where the user chose it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schema-create-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

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
  GtkFlattenListModel *classes;
  GtkFlattenListModel *field_groups;
  GHashTable *chosen;     /* field group ids */
  GtkWidget *culprit;
  gboolean creating;

  /* Template widgets */
  GtkButton *create_button;
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkLabel *error_label;
  TribEntryRow *title_row;
  TribEntryRow *description_row;
  AdwComboRow *class_row;
  GtkListBox *field_group_list;
};

G_DEFINE_FINAL_TYPE (TribSchemaCreateDialog, trib_schema_create_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Yours first, then Adobe's; both read a page at a time. */
static GtkFlattenListModel *
list_both_containers (TribPlatformClient *client,
                      TribXdmKind         kind,
                      const char         *compatible_class_id)
{
  GListStore *lists = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(TribPagedList) tenant = trib_schema_registry_list (client, kind, TRIB_XDM_CONTAINER_TENANT, NULL,
                                                               compatible_class_id);
  g_autoptr(TribPagedList) global = trib_schema_registry_list (client, kind, TRIB_XDM_CONTAINER_GLOBAL, NULL,
                                                               compatible_class_id);

  g_list_store_append (lists, tenant);
  g_list_store_append (lists, global);

  return gtk_flatten_list_model_new (G_LIST_MODEL (lists));
}

static TribXdmResource *
selected_class (TribSchemaCreateDialog *self)
{
  return adw_combo_row_get_selected_item (self->class_row);
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

static void
field_group_toggled_cb (GtkCheckButton         *check,
                        TribSchemaCreateDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "trib-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
}

static GtkWidget *
create_field_group_row (gpointer item,
                        gpointer user_data)
{
  TribSchemaCreateDialog *self = user_data;
  TribXdmResource *field_group = item;
  const char *id = trib_xdm_resource_get_id (field_group);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *subtitle = trib_xdm_resource_get_container (field_group) == TRIB_XDM_CONTAINER_GLOBAL
                         ? C_("xdm container", "Adobe’s")
                         : C_("xdm container", "Yours");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_xdm_resource_get_title (field_group));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "trib-subtitle", (gpointer) subtitle);
  g_object_set_data_full (G_OBJECT (row), "trib-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (check), "trib-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (field_group_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
class_changed_cb (TribSchemaCreateDialog *self)
{
  TribXdmResource *class = selected_class (self);

  g_hash_table_remove_all (self->chosen);
  g_clear_object (&self->field_groups);
  if (self->culprit != NULL && self->culprit != GTK_WIDGET (self->title_row))
    clear_error (self);

  if (class != NULL)
    {
      const char *behavior = NULL;

      self->field_groups = list_both_containers (self->client, TRIB_XDM_KIND_FIELD_GROUP,
                                                 trib_xdm_resource_get_id (class));
      switch (trib_xdm_resource_get_behavior (class))
        {
        case TRIB_XDM_BEHAVIOR_RECORD:
          behavior = C_("xdm behavior", "Record");
          break;
        case TRIB_XDM_BEHAVIOR_TIME_SERIES:
          behavior = C_("xdm behavior", "Time series");
          break;
        case TRIB_XDM_BEHAVIOR_ADHOC:
          behavior = C_("xdm behavior", "Ad hoc");
          break;
        case TRIB_XDM_BEHAVIOR_UNKNOWN:
        default:
          break;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->class_row), behavior);
    }

  gtk_list_box_bind_model (self->field_group_list, G_LIST_MODEL (self->field_groups), create_field_group_row,
                           self, NULL);
  update_sensitivity (self);
}

static GtkWidget *
find_field_group_row (TribSchemaCreateDialog *self,
                      const char             *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_group_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "trib-id"), id) == 0)
      return row;

  return NULL;
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
    self->culprit = GTK_WIDGET (self->class_row);
  else if (culprit != NULL)
    self->culprit = find_field_group_row (self, culprit);

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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  GStrv field_group_ids;

  if (self->creating || class == NULL || title[0] == '\0')
    return;

  /* In the order the registry lists them, which is the order shown. */
  for (guint i = 0; self->field_groups != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->field_groups)); i++)
    {
      g_autoptr(TribXdmResource) field_group = g_list_model_get_item (G_LIST_MODEL (self->field_groups), i);

      if (g_hash_table_contains (self->chosen, trib_xdm_resource_get_id (field_group)))
        g_strv_builder_add (builder, trib_xdm_resource_get_id (field_group));
    }
  field_group_ids = g_strv_builder_end (builder);
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
  if (self->field_group_list != NULL)
    gtk_list_box_bind_model (self->field_group_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCHEMA_CREATE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->classes);
  g_clear_object (&self->field_groups);
  g_clear_object (&self->client);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-schema-create-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchemaCreateDialog, field_group_list);
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
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  self->classes = list_both_containers (client, TRIB_XDM_KIND_CLASS, NULL);
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (self->classes));
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
  GListModel *classes;

  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), FALSE);

  classes = G_LIST_MODEL (self->classes);
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(TribXdmResource) class = g_list_model_get_item (classes, i);

      if (g_strcmp0 (trib_xdm_resource_get_id (class), class_id) == 0)
        {
          adw_combo_row_set_selected (self->class_row, i);
          return TRUE;
        }
    }

  return FALSE;
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
  GtkWidget *row;
  GtkWidget *check;

  g_return_val_if_fail (TRIB_IS_SCHEMA_CREATE_DIALOG (self), FALSE);

  if (!(row = find_field_group_row (self, field_group_id)) ||
      !(check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))))
    return FALSE;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);

  return TRUE;
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
