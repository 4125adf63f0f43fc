/* trib-flow-wizard-target.c
 *
 * The wizard's second step: where the data goes. An existing dataset
 * (the catalog's list, searched on the platform), a new dataset on an
 * existing schema, a new schema from a class and field groups
 * (trib-flow-wizard-class.c), or an ad hoc class and schema made from the source's
 * columns as seed 004 does, each column's type guessed from the preview
 * and open to correction. Nothing is made here: what the page chose
 * becomes steps of the flow plan, made by the Create step (so that a
 * roll back deletes them too).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-catalog.h"
#include "trib-column-types.h"
#include "trib-dataset.h"
#include "trib-flow-wizard-private.h"
#include "trib-platform-enums.h"
#include "trib-schema-registry.h"
#include "trib-xdm-resource.h"

static GtkDropDown *
row_type_dropdown (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "trib-type");
}

static GtkEditable *
row_name_entry (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "trib-name");
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GObject *object = gtk_list_item_get_item (item);
  const char *name = NULL;
  const char *detail = NULL;

  if (TRIB_IS_DATASET (object))
    {
      name = trib_dataset_get_name (TRIB_DATASET (object));
      detail = trib_dataset_get_id (TRIB_DATASET (object));
    }
  else if (TRIB_IS_XDM_RESOURCE (object))
    {
      name = trib_xdm_resource_get_title (TRIB_XDM_RESOURCE (object));
      detail = trib_xdm_resource_get_id (TRIB_XDM_RESOURCE (object));
    }

  gtk_label_set_label (GTK_LABEL (title), name != NULL ? name : "");
  gtk_label_set_label (GTK_LABEL (subtitle), detail != NULL ? detail : "");
  trib_a11y_set_row_label (item, name);
}

static void
selection_changed_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_update (self);
}

/* Rows of datasets, schemas or classes: the title, the id below. */
GtkListItemFactory *
_trib_flow_wizard_new_target_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);

  return factory;
}

void
_trib_flow_wizard_init_target (TribFlowWizard *self)
{
  g_autoptr(GtkListItemFactory) factory = _trib_flow_wizard_new_target_factory ();

  gtk_list_view_set_factory (self->target_list, factory);

  self->target_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->target_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->target_selection, TRUE);
  gtk_list_view_set_model (self->target_list, GTK_SELECTION_MODEL (self->target_selection));
  g_signal_connect_object (self->target_selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (GTK_WIDGET (self->new_dataset_group), FALSE);
}

/* Latest wins: the platform searches, as the datasets page does. */
void
_trib_flow_wizard_reload_targets (TribFlowWizard *self)
{
  TribPlatformClient *client = self->session != NULL ? trib_session_get_client (self->session) : NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->target_search));
  g_autoptr(TribPagedList) model = NULL;

  if (client == NULL || self->target_kind == TRIB_FLOW_WIZARD_TARGET_ADHOC ||
      self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS)
    return;

  if (self->target_model != NULL)
    trib_paged_list_cancel (self->target_model);

  if (self->target_kind == TRIB_FLOW_WIZARD_TARGET_DATASET)
    {
      model = trib_catalog_list_datasets (client, search[0] != '\0' ? search : NULL);
      trib_paged_list_view_set_empty (self->target_list_view, _("No Datasets"),
                                      search[0] != '\0' ? _("No dataset’s name contains this text.") : NULL);
    }
  else
    {
      model = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT,
                                         search[0] != '\0' ? search : NULL, NULL);
      trib_paged_list_view_set_empty (self->target_list_view, _("No Schemas"),
                                      search[0] != '\0' ? _("No schema’s title contains this text.") : NULL);
    }

  g_set_object (&self->target_model, model);
  gtk_single_selection_set_model (self->target_selection, G_LIST_MODEL (model));
  gtk_single_selection_set_selected (self->target_selection, GTK_INVALID_LIST_POSITION);
  trib_paged_list_view_set_model (self->target_list_view, model);
  _trib_flow_wizard_update (self);
}

void
_trib_flow_wizard_target_search_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_reload_targets (self);
}

void
_trib_flow_wizard_target_kind_cb (TribFlowWizard *self)
{
  TribFlowWizardTarget kind;

  if (gtk_check_button_get_active (self->adhoc_check))
    kind = TRIB_FLOW_WIZARD_TARGET_ADHOC;
  else if (gtk_check_button_get_active (self->class_check))
    kind = TRIB_FLOW_WIZARD_TARGET_CLASS;
  else if (gtk_check_button_get_active (self->schema_check))
    kind = TRIB_FLOW_WIZARD_TARGET_SCHEMA;
  else
    kind = TRIB_FLOW_WIZARD_TARGET_DATASET;

  if (kind == self->target_kind &&
      (kind == TRIB_FLOW_WIZARD_TARGET_CLASS ? trib_class_picker_get_listing (self->class_picker)
                                             : self->target_model != NULL))
    return;

  self->target_kind = kind;
  gtk_stack_set_visible_child_name (self->target_stack,
                                    kind == TRIB_FLOW_WIZARD_TARGET_ADHOC ? "adhoc"
                                    : kind == TRIB_FLOW_WIZARD_TARGET_CLASS ? "class" : "list");
  gtk_widget_set_visible (GTK_WIDGET (self->new_dataset_group), kind == TRIB_FLOW_WIZARD_TARGET_SCHEMA);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == TRIB_FLOW_WIZARD_TARGET_SCHEMA ? _("Schemas") : _("Datasets"), -1);
  if (kind == TRIB_FLOW_WIZARD_TARGET_CLASS)
    {
      if (!trib_class_picker_get_listing (self->class_picker))
        _trib_flow_wizard_reload_classes (self);
    }
  else if (kind != TRIB_FLOW_WIZARD_TARGET_ADHOC)
    {
      g_clear_object (&self->target_model);
      _trib_flow_wizard_reload_targets (self);
    }

  _trib_flow_wizard_update (self);
}

/**
 * _trib_flow_wizard_get_target_item:
 *
 * Returns: (transfer none) (nullable): the #TribDataset or schema
 *   (#TribXdmResource) chosen
 */
gpointer
_trib_flow_wizard_get_target_item (TribFlowWizard *self)
{
  if (self->target_kind == TRIB_FLOW_WIZARD_TARGET_ADHOC || self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS)
    return NULL;

  return gtk_single_selection_get_selected_item (self->target_selection);
}

/* The preview's type, as the closest ad hoc field type (a JSON Schema
 * name: TribXdmFieldType's nicks). Dates stay strings, with their XDM
 * format, as the registry keeps them.
 */
static const char *
guess_field_type (const char *type)
{
  static const char * const integers[] = { "integer", "int", "long", "short", "byte", "bigint", "smallint", NULL };
  static const char * const numbers[] = { "number", "double", "float", "decimal", "real", NULL };

  if (type == NULL)
    return "string";
  if (g_strv_contains (integers, type))
    return "integer";
  if (g_strv_contains (numbers, type))
    return "number";
  if (g_str_equal (type, "boolean"))
    return "boolean";

  return "string";
}

static void
select_type (GtkDropDown *dropdown,
             const char  *json_type)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (TRIB_TYPE_XDM_FIELD_TYPE);
  GEnumValue *value = g_enum_get_value_by_nick (types, json_type);

  if (value != NULL)
    gtk_drop_down_set_selected (dropdown,
                                adw_enum_list_model_find_position (ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (dropdown)),
                                                                   value->value));
}

static void
field_changed_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_update (self);
}

static void
append_field_row (TribFlowWizard *self,
                  const char     *name,
                  const char     *type)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (adw_enum_list_model_new (TRIB_TYPE_XDM_FIELD_TYPE)),
                                           gtk_property_expression_new (ADW_TYPE_ENUM_LIST_ITEM, NULL, "nick"));
  /* Translators: accessible name of an ad hoc field's type; %s is the field's name */
  g_autofree char *type_label = g_strdup_printf (_("Type of %s"), name);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Field name"), -1);
  trib_a11y_set_label (dropdown, type_label);
  trib_a11y_name_dropdown (GTK_DROP_DOWN (dropdown), type_label);
  select_type (GTK_DROP_DOWN (dropdown), type);

  g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "trib-name", entry);
  g_object_set_data (G_OBJECT (row), "trib-type", dropdown);
  trib_a11y_set_label (row, name);
  gtk_list_box_append (self->field_list, row);
}

/* Field names take letters, digits and underscores: a column's name
 * becomes one (Order-ID → Order_ID), so the proposal is valid.
 */
static char *
field_name_for_column (const char *column)
{
  GString *name = g_string_new (NULL);

  for (const char *p = column; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) ? *p : '_');
  if (name->len == 0 || g_ascii_isdigit (name->str[0]))
    g_string_prepend_c (name, '_');

  return g_string_free (name, FALSE);
}

/* The ad hoc fields are proposed once, from the first preview seen;
 * after that they are the user's, kept through Back and Next.
 */
void
_trib_flow_wizard_fill_fields (TribFlowWizard *self)
{
  g_autofree char *base = NULL;
  guint n_columns;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->field_list)) != NULL || self->preview == NULL)
    return;

  self->filling = TRUE;
  n_columns = trib_explore_preview_get_n_columns (self->preview);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = field_name_for_column (trib_explore_preview_get_column_names (self->preview)[i]);

      append_field_row (self, name, guess_field_type (trib_explore_preview_get_column_types (self->preview)[i]));
    }

  base = g_path_get_basename (self->path);
  if (gtk_editable_get_text (GTK_EDITABLE (self->class_title_row))[0] == '\0')
    {
      /* Translators: the proposed title of an ad hoc class; %s is the table or file read */
      g_autofree char *class_title = g_strdup_printf (_("%s Class"), base);
      /* Translators: the proposed title of an ad hoc schema; %s is the table or file read */
      g_autofree char *schema_title = g_strdup_printf (_("%s Schema"), base);

      gtk_editable_set_text (GTK_EDITABLE (self->class_title_row), class_title);
      gtk_editable_set_text (GTK_EDITABLE (self->schema_title_row), schema_title);
    }
  if (gtk_editable_get_text (GTK_EDITABLE (self->adhoc_dataset_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->adhoc_dataset_row), base);
  if (gtk_editable_get_text (GTK_EDITABLE (self->dataset_name_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->dataset_name_row), base);
  self->filling = FALSE;
}

/* Marks the fields the registry would refuse; the flows library's
 * check says why (trib_flow_answers_check_step).
 */
static void
mark_fields (TribFlowWizard *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *entry = row_name_entry (row);
      const char *name = gtk_editable_get_text (entry);
      gboolean bad = !trib_schema_registry_is_valid_field_name (name) || g_hash_table_contains (seen, name);

      g_hash_table_add (seen, (gpointer) name);
      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
}

const char *
_trib_flow_wizard_check_target (TribFlowWizard *self,
                                gboolean       *refused)
{
  if (self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS)
    return _trib_flow_wizard_check_class (self);
  if (self->target_kind != TRIB_FLOW_WIZARD_TARGET_ADHOC)
    return NULL;

  mark_fields (self);
  if (self->preview == NULL && gtk_widget_get_first_child (GTK_WIDGET (self->field_list)) == NULL)
    return _("The source’s columns are not known: choose an existing dataset or schema.");

  return NULL;
}

/**
 * _trib_flow_wizard_dup_adhoc_fields:
 * @types: (out): the fields' #TribXdmFieldType, in the same order
 *
 * Returns: (transfer full): the ad hoc fields' names
 */
char **
_trib_flow_wizard_dup_adhoc_fields (TribFlowWizard *self,
                                    GArray        **types)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  *types = g_array_new (FALSE, FALSE, sizeof (TribXdmFieldType));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      AdwEnumListItem *item = gtk_drop_down_get_selected_item (row_type_dropdown (row));
      TribXdmFieldType type = item != NULL ? adw_enum_list_item_get_value (item) : TRIB_XDM_FIELD_TYPE_STRING;

      g_strv_builder_add (names, gtk_editable_get_text (row_name_entry (row)));
      g_array_append_val (*types, type);
    }

  return g_strv_builder_end (names);
}

/**
 * _trib_flow_wizard_dup_planned_fields:
 * @n_fields: (out): how many fields the tree holds
 * @key: (out) (transfer full): what the tree was made from, to tell
 *   when the fields changed
 *
 * The ad hoc class's fields as the Target page has them now, before the
 * class exists: the Mapping step maps onto them, and the plan puts its
 * mappings under the namespace the registry gives the class.
 *
 * Returns: (transfer full): the field tree
 */
GListModel *
_trib_flow_wizard_dup_planned_fields (TribFlowWizard  *self,
                                      guint           *n_fields,
                                      char           **key)
{
  g_autoptr(GArray) types = NULL;
  g_auto(GStrv) names = _trib_flow_wizard_dup_adhoc_fields (self, &types);
  g_autoptr(GEnumClass) type_class = g_type_class_ref (TRIB_TYPE_XDM_FIELD_TYPE);
  g_autofree TribColumnType *column_types = g_new0 (TribColumnType, types->len + 1);
  GString *text = g_string_new ("adhoc");

  for (guint i = 0; i < types->len; i++)
    {
      const char *nick = g_enum_get_value (type_class, g_array_index (types, TribXdmFieldType, i))->value_nick;

      column_types[i] = trib_column_type_from_name (nick);
      g_string_append_printf (text, "\n%s\t%s", names[i], nick);
    }
  *key = g_string_free (text, FALSE);

  return trib_column_types_planned_tree (types->len, (const char * const *) names, column_types, n_fields);
}
