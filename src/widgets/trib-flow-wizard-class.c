/* trib-flow-wizard-class.c
 *
 * The Target step's new schema from a class and field groups, as seed
 * 002 builds its profile schema: a class from the Schema Registry
 * (yours first, then Adobe's standard ones), the field groups made for
 * it, several at once, each list searched on the platform. Nothing is
 * made here: the plan's Create step makes the schema and its dataset,
 * and the Mapping step maps onto the fields they will have, read from
 * the class and the field groups before leaving this step.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-wizard-private.h"
#include "trib-schema-registry.h"
#include "trib-xdm-resource.h"

/* Yours first, then Adobe's, both read a page at a time; @lists keeps
 * the paged lists, to stop them when a newer search replaces them.
 */
static GListModel *
list_both_containers (TribFlowWizard *self,
                      TribXdmKind     kind,
                      const char     *search,
                      const char     *compatible_class_id,
                      GPtrArray      *lists)
{
  TribPlatformClient *client = trib_session_get_client (self->session);
  GListStore *store = g_list_store_new (G_TYPE_LIST_MODEL);
  TribXdmContainer containers[] = { TRIB_XDM_CONTAINER_TENANT, TRIB_XDM_CONTAINER_GLOBAL };

  for (guint i = 0; i < lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (lists, i));
  g_ptr_array_set_size (lists, 0);

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      TribPagedList *list = trib_schema_registry_list (client, kind, containers[i],
                                                       search != NULL && search[0] != '\0' ? search : NULL,
                                                       compatible_class_id);

      g_list_store_append (store, list);
      g_ptr_array_add (lists, list);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (store)));
}

static void
show_class (TribFlowWizard *self)
{
  g_autofree char *chosen = NULL;

  if (self->class_title != NULL)
    /* Translators: under the class list; %s is the chosen class's title */
    chosen = g_strdup_printf (_("Chosen: %s"), self->class_title);
  adw_preferences_group_set_description (self->class_group,
                                         chosen != NULL ? chosen
                                                        : _("Adobe’s standard classes and your organization’s."));
}

void
_trib_flow_wizard_reload_classes (TribFlowWizard *self)
{
  g_autoptr(GListModel) model = NULL;

  if (self->session == NULL || trib_session_get_client (self->session) == NULL)
    return;

  model = list_both_containers (self, TRIB_XDM_KIND_CLASS, gtk_editable_get_text (GTK_EDITABLE (self->class_search)),
                                NULL, self->class_lists);
  self->class_reloading = TRUE;
  gtk_single_selection_set_model (self->class_selection, model);
  gtk_single_selection_set_selected (self->class_selection, GTK_INVALID_LIST_POSITION);
  self->class_reloading = FALSE;
}

static void
field_group_toggled_cb (GtkCheckButton *check,
                        TribFlowWizard *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "trib-id");
  guint position;
  gboolean chosen = g_ptr_array_find_with_equal_func (self->field_group_ids, id, g_str_equal, &position);

  if (gtk_check_button_get_active (check) && !chosen)
    g_ptr_array_add (self->field_group_ids, g_strdup (id));
  else if (!gtk_check_button_get_active (check) && chosen)
    g_ptr_array_remove_index (self->field_group_ids, position);

  _trib_flow_wizard_update (self);
}

static GtkWidget *
create_field_group_row (gpointer item,
                        gpointer user_data)
{
  TribFlowWizard *self = user_data;
  TribXdmResource *field_group = item;
  const char *id = trib_xdm_resource_get_id (field_group);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *subtitle = trib_xdm_resource_get_container (field_group) == TRIB_XDM_CONTAINER_GLOBAL
                         ? C_("xdm container", "Adobe’s")
                         : C_("xdm container", "Yours");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_xdm_resource_get_title (field_group));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (check), "trib-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_ptr_array_find_with_equal_func (self->field_group_ids, id, g_str_equal, NULL));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trib_xdm_resource_get_title (field_group), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (field_group_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

void
_trib_flow_wizard_reload_field_groups (TribFlowWizard *self)
{
  g_autoptr(GListModel) model = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->field_group_group), self->class_id != NULL);
  if (self->class_id != NULL && self->session != NULL && trib_session_get_client (self->session) != NULL)
    model = list_both_containers (self, TRIB_XDM_KIND_FIELD_GROUP,
                                  gtk_editable_get_text (GTK_EDITABLE (self->field_group_search)), self->class_id,
                                  self->field_group_lists);
  gtk_list_box_bind_model (self->field_group_list, model, create_field_group_row, self, NULL);
}

/* A class chosen replaces the field groups chosen for another: they
 * extend that class, not this one. Another search keeps the class.
 */
static void
class_selected_cb (TribFlowWizard *self)
{
  TribXdmResource *class = gtk_single_selection_get_selected_item (self->class_selection);

  if (self->class_reloading || class == NULL ||
      g_strcmp0 (trib_xdm_resource_get_id (class), self->class_id) == 0)
    return;

  g_free (self->class_id);
  self->class_id = g_strdup (trib_xdm_resource_get_id (class));
  g_free (self->class_title);
  self->class_title = g_strdup (trib_xdm_resource_get_title (class));
  g_ptr_array_set_size (self->field_group_ids, 0);
  show_class (self);
  _trib_flow_wizard_reload_field_groups (self);
  _trib_flow_wizard_update (self);
}

void
_trib_flow_wizard_class_search_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_reload_classes (self);
}

void
_trib_flow_wizard_field_group_search_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_reload_field_groups (self);
}

void
_trib_flow_wizard_init_class (TribFlowWizard *self)
{
  g_autoptr(GtkListItemFactory) factory = _trib_flow_wizard_new_target_factory ();

  self->class_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_group_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_group_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_list_view_set_factory (self->class_list, factory);
  self->class_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->class_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->class_selection, TRUE);
  gtk_list_view_set_model (self->class_list, GTK_SELECTION_MODEL (self->class_selection));
  g_signal_connect_object (self->class_selection, "notify::selected", G_CALLBACK (class_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_group_group), FALSE);

  {
    GtkWidget *placeholder = gtk_label_new (_("No field groups for this class contain this text."));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_list_box_set_placeholder (self->field_group_list, placeholder);
  }
}

void
_trib_flow_wizard_dispose_class (TribFlowWizard *self)
{
  for (guint i = 0; self->class_lists != NULL && i < self->class_lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (self->class_lists, i));
  for (guint i = 0; self->field_group_lists != NULL && i < self->field_group_lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (self->field_group_lists, i));
  g_cancellable_cancel (self->class_fields_cancellable);
  if (self->class_selection != NULL)
    gtk_single_selection_set_model (self->class_selection, NULL);
  if (self->field_group_list != NULL)
    gtk_list_box_bind_model (self->field_group_list, NULL, NULL, NULL, NULL);

  g_clear_object (&self->class_selection);
  g_clear_object (&self->class_fields);
  g_clear_object (&self->class_fields_cancellable);
  g_clear_pointer (&self->class_lists, g_ptr_array_unref);
  g_clear_pointer (&self->field_group_lists, g_ptr_array_unref);
  g_clear_pointer (&self->field_group_ids, g_ptr_array_unref);
  g_clear_pointer (&self->class_id, g_free);
  g_clear_pointer (&self->class_title, g_free);
  g_clear_pointer (&self->class_fields_key, g_free);
}

/* The page's first proposal of names, from the object read; after that
 * they are the person's.
 */
void
_trib_flow_wizard_fill_class (TribFlowWizard *self)
{
  g_autofree char *base = self->path != NULL ? g_path_get_basename (self->path) : NULL;

  if (base == NULL)
    return;

  if (gtk_editable_get_text (GTK_EDITABLE (self->class_schema_row))[0] == '\0')
    {
      /* Translators: the proposed title of a new schema; %s is the table or file read */
      g_autofree char *title = g_strdup_printf (_("%s Schema"), base);

      gtk_editable_set_text (GTK_EDITABLE (self->class_schema_row), title);
    }
  if (gtk_editable_get_text (GTK_EDITABLE (self->class_dataset_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->class_dataset_row), base);
}

const char *
_trib_flow_wizard_check_class (TribFlowWizard *self)
{
  if (self->class_id == NULL)
    return _("Choose the class of the new schema.");

  return NULL;
}

/**
 * _trib_flow_wizard_dup_field_group_ids:
 *
 * Returns: (transfer full): the field groups chosen, in the order chosen
 */
char **
_trib_flow_wizard_dup_field_group_ids (TribFlowWizard *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < self->field_group_ids->len; i++)
    g_strv_builder_add (ids, g_ptr_array_index (self->field_group_ids, i));

  return g_strv_builder_end (ids);
}

/* What the planned fields are read from, to tell when they changed. */
char *
_trib_flow_wizard_dup_class_key (TribFlowWizard *self)
{
  g_auto(GStrv) ids = _trib_flow_wizard_dup_field_group_ids (self);
  g_autofree char *joined = g_strjoinv ("\n", ids);

  return g_strdup_printf ("class\n%s\n%s", self->class_id != NULL ? self->class_id : "", joined);
}

/**
 * _trib_flow_wizard_get_class_fields:
 * @n_fields: (out): how many fields the tree holds
 *
 * Returns: (transfer none) (nullable): the fields of the schema the plan
 *   will make, if read for the class and field groups chosen now
 */
GListModel *
_trib_flow_wizard_get_class_fields (TribFlowWizard *self,
                                    guint          *n_fields)
{
  g_autofree char *key = _trib_flow_wizard_dup_class_key (self);

  *n_fields = self->n_class_fields;

  return g_strcmp0 (key, self->class_fields_key) == 0 ? self->class_fields : NULL;
}

typedef struct
{
  TribFlowWizard *self;
  char *key;
  GCallback done;
} LoadOp;

static void
load_op_free (LoadOp *op)
{
  g_object_unref (op->self);
  g_free (op->key);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadOp, load_op_free)

static void
class_fields_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadOp) op = user_data;
  TribFlowWizard *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fields = NULL;
  guint n_fields = 0;

  fields = trib_schema_registry_load_planned_fields_finish (result, &n_fields, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _trib_flow_wizard_set_busy (self, FALSE);
  if (fields == NULL)
    {
      /* Translators: %s is the platform's error message */
      g_autofree char *message = g_strdup_printf (_("Could not read the class’s fields: %s"), error->message);

      _trib_flow_wizard_toast (self, message);
      return;
    }

  g_set_object (&self->class_fields, fields);
  self->n_class_fields = n_fields;
  g_free (self->class_fields_key);
  self->class_fields_key = g_steal_pointer (&op->key);
  ((void (*) (TribFlowWizard *)) op->done) (self);
}

/* Reads the fields the class and the field groups chosen give the new
 * schema, then calls @done: the Mapping step needs them to show.
 */
void
_trib_flow_wizard_load_class_fields (TribFlowWizard *self,
                                     GCallback       done)
{
  LoadOp *op = g_new0 (LoadOp, 1);
  g_auto(GStrv) ids = _trib_flow_wizard_dup_field_group_ids (self);

  op->self = g_object_ref (self);
  op->key = _trib_flow_wizard_dup_class_key (self);
  op->done = done;

  g_cancellable_cancel (self->class_fields_cancellable);
  g_set_object (&self->class_fields_cancellable, g_cancellable_new ());
  _trib_flow_wizard_set_busy (self, TRUE);
  trib_schema_registry_load_planned_fields_async (trib_session_get_client (self->session), self->class_id,
                                                  (const char * const *) ids, self->class_fields_cancellable,
                                                  class_fields_cb, op);
}
