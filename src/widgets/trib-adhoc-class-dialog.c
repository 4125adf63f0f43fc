/* trib-adhoc-class-dialog.c
 *
 * An ad hoc class and its schema from a list of fields, as seed 004's
 * protocols source needs for raw data. Two calls: if the schema fails
 * after the class was made, trying again only makes the schema, so no
 * second class is ever created.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-adhoc-class-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-adhoc-class-dialog.h"
#include "trib-entry-row.h"
#include "trib-format.h"
#include "trib-platform-enums.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"

struct _TribAdhocClassDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  TribXdmResource *created_class;
  gboolean schema_title_edited;
  gboolean setting_schema_title;
  gboolean creating;

  /* Template widgets */
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkLabel *error_label;
  TribEntryRow *class_title_row;
  TribEntryRow *schema_title_row;
  TribEntryRow *description_row;
  GtkListBox *field_list;
};

G_DEFINE_FINAL_TYPE (TribAdhocClassDialog, trib_adhoc_class_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
row_name_entry (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "trib-name");
}

static GtkDropDown *
row_type_dropdown (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "trib-type");
}

/* A field type's nick is its JSON Schema name (TribXdmFieldType). */
static void
select_type (GtkDropDown *dropdown,
             const char  *json_type)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (TRIB_TYPE_XDM_FIELD_TYPE);
  GEnumValue *value = json_type != NULL ? g_enum_get_value_by_nick (types, json_type) : NULL;

  if (value != NULL)
    gtk_drop_down_set_selected (dropdown,
                                adw_enum_list_model_find_position (ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (dropdown)),
                                                                   value->value));
}

static const char *
selected_type (GtkDropDown *dropdown)
{
  return adw_enum_list_item_get_nick (gtk_drop_down_get_selected_item (dropdown));
}

static GtkLabel *
row_problem_label (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "trib-problem");
}

/* Why XDM refuses @name, each rule in its own words; NULL if it takes it. */
static char *
name_problem (const char *name)
{
  gunichar culprit = 0;
  char bad[8] = { 0 };

  switch (trib_schema_registry_check_field_name (name, &culprit))
    {
    case TRIB_XDM_NAME_LEADING_DIGIT:
      return g_strdup (_("A field name cannot start with a digit."));
    case TRIB_XDM_NAME_SPACE:
      return g_strdup (_("A field name cannot hold spaces: use an underscore."));
    case TRIB_XDM_NAME_BAD_CHARACTER:
      g_unichar_to_utf8 (culprit, bad);
      /* Translators: %s is the character refused, such as "-" or "é" */
      return g_strdup_printf (_("“%s” is not allowed: a field name holds only letters without accents, digits "
                                "and underscores."), bad);
    case TRIB_XDM_NAME_EMPTY:
    case TRIB_XDM_NAME_VALID:
    default:
      return NULL;
    }
}

/* Says why a field is refused under it, to the eye and to a screen
 * reader (the entry's description), or clears that.
 */
static void
show_field_problem (GtkWidget  *row,
                    const char *problem)
{
  GtkWidget *entry = GTK_WIDGET (row_name_entry (row));
  GtkLabel *label = row_problem_label (row);

  if (problem != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_label_set_label (label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Checks every field, says why each bad one is refused, and whether all
 * are fine. An empty name is not an error yet: it is still to be typed.
 */
static gboolean
validate_fields (TribAdhocClassDialog *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean valid = TRUE;
  guint n_fields = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *entry = row_name_entry (row);
      g_autofree char *problem = NULL;
      const char *name;

      if (entry == NULL)
        continue;

      name = gtk_editable_get_text (entry);
      n_fields++;

      if (name[0] == '\0')
        valid = FALSE;
      else if ((problem = name_problem (name)) == NULL)
        {
          if (g_hash_table_contains (seen, name))
            problem = g_strdup (_("Another field has this name."));
          else
            g_hash_table_add (seen, (gpointer) name);
        }

      valid &= problem == NULL;
      show_field_problem (row, problem);
    }

  return valid && n_fields > 0;
}

static void
update_sensitivity (TribAdhocClassDialog *self)
{
  g_autofree char *class_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_title_row))));
  g_autofree char *schema_title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->schema_title_row))));
  gboolean fields_valid = validate_fields (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 !self->creating && class_title[0] != '\0' && schema_title[0] != '\0' &&
                                 (self->created_class != NULL || fields_valid));
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->creating);
  gtk_spinner_set_spinning (self->spinner, self->creating);
}

static void
class_title_changed_cb (TribAdhocClassDialog *self)
{
  /* The schema follows the class's title until the user names it. */
  if (!self->schema_title_edited)
    {
      const char *title = gtk_editable_get_text (GTK_EDITABLE (self->class_title_row));
      /* Translators: the default title of an ad hoc class's schema; %s is the class's title */
      g_autofree char *schema_title = title[0] != '\0' ? g_strdup_printf (_("%s Schema"), title) : g_strdup ("");

      self->setting_schema_title = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->schema_title_row), schema_title);
      self->setting_schema_title = FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->class_title_row), "error");
  update_sensitivity (self);
}

static void
schema_title_changed_cb (TribAdhocClassDialog *self)
{
  if (!self->setting_schema_title)
    self->schema_title_edited = TRUE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->schema_title_row), "error");
  update_sensitivity (self);
}

static void
remove_field_cb (GtkButton            *button,
                 TribAdhocClassDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->field_list, row);
  update_sensitivity (self);
}

/* A row of the list of fields is named after the field. */
static void
name_field_row (GtkWidget   *row,
                GtkEditable *entry)
{
  const char *name = gtk_editable_get_text (entry);

  trib_a11y_set_label (row, name[0] != '\0' ? name : _("New field"));
}

static GtkWidget *
append_field_row (TribAdhocClassDialog *self,
                  const char           *name,
                  const char           *type)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *problem = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (adw_enum_list_model_new (TRIB_TYPE_XDM_FIELD_TYPE)),
                                           gtk_property_expression_new (ADW_TYPE_ENUM_LIST_ITEM, NULL, "nick"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_top (column, 6);
  gtk_widget_set_margin_bottom (column, 6);
  gtk_widget_set_margin_start (column, 6);
  gtk_widget_set_margin_end (column, 6);
  /* Under the name, where the eye is: not a tooltip nobody hovers. */
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (problem), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_add_css_class (problem, "caption");
  gtk_widget_set_visible (problem, FALSE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Field name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Field name"), -1);
  trib_a11y_set_label (dropdown, _("Field type"));
  trib_a11y_name_dropdown (GTK_DROP_DOWN (dropdown), _("Field type"));
  gtk_widget_set_tooltip_text (remove, _("Remove Field"));
  trib_a11y_set_label (remove, _("Remove Field"));
  gtk_widget_add_css_class (remove, "flat");

  select_type (GTK_DROP_DOWN (dropdown), type);

  g_signal_connect_object (entry, "changed", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_field_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_field_cb), self, 0);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_box_append (GTK_BOX (column), box);
  gtk_box_append (GTK_BOX (column), problem);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), column);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "trib-name", entry);
  g_object_set_data (G_OBJECT (row), "trib-type", dropdown);
  g_object_set_data (G_OBJECT (row), "trib-problem", problem);
  gtk_list_box_append (self->field_list, row);
  name_field_row (row, GTK_EDITABLE (entry));

  update_sensitivity (self);

  return entry;
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribAdhocClassDialog *self = TRIB_ADHOC_CLASS_DIALOG (widget);

  gtk_widget_grab_focus (append_field_row (self, NULL, NULL));
}

static void
show_error (TribAdhocClassDialog *self,
            const GError         *error,
            const char           *prefix)
{
  const char *detail = trib_platform_error_get_detail (error);
  const char *message = detail != NULL ? detail : error->message;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *class_title = gtk_editable_get_text (GTK_EDITABLE (self->class_title_row));
  const char *schema_title = gtk_editable_get_text (GTK_EDITABLE (self->schema_title_row));
  const char *culprit;
  g_autofree char *bounded = NULL;
  g_autofree char *text = NULL;

  /* A field the registry refuses is marked in the list. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_name_entry (row) != NULL)
      g_ptr_array_add (names, (gpointer) gtk_editable_get_text (row_name_entry (row)));
  g_ptr_array_add (names, (gpointer) class_title);
  g_ptr_array_add (names, (gpointer) schema_title);
  g_ptr_array_add (names, NULL);

  culprit = trib_schema_registry_find_culprit (error, (const char * const *) names->pdata);
  if (culprit == class_title && self->created_class == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->class_title_row), "error");
  else if (culprit == schema_title)
    gtk_widget_add_css_class (GTK_WIDGET (self->schema_title_row), "error");
  else if (culprit != NULL)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (row_name_entry (row) != NULL && gtk_editable_get_text (row_name_entry (row)) == culprit)
        {
          g_autofree char *refusal = trib_format_error_line (message);

          show_field_problem (row, refusal);
        }

  bounded = trib_format_error_text (message);
  text = prefix != NULL ? g_strdup_printf ("%s %s", prefix, bounded) : g_strdup (bounded);
  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
schema_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TribAdhocClassDialog) self = user_data;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;

  self->creating = FALSE;
  update_sensitivity (self);

  if (!(schema = trib_schema_registry_create_schema_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error, _("The class was created, but not its schema:"));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, schema);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_schema (TribAdhocClassDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->schema_title_row))));

  self->creating = TRUE;
  update_sensitivity (self);
  trib_schema_registry_create_schema_async (self->client, title,
                                            gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                            trib_xdm_resource_get_id (self->created_class), NULL,
                                            self->cancellable, schema_created_cb, g_object_ref (self));
}

static void
class_created_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TribAdhocClassDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->creating = FALSE;

  if (!(self->created_class = trib_schema_registry_create_adhoc_class_finish (result, &error)))
    {
      update_sensitivity (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error, NULL);
      return;
    }

  /* The class is made: its fields and title can no longer change here. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_title_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_list), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add-field", FALSE);
  create_schema (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribAdhocClassDialog *self = TRIB_ADHOC_CLASS_DIALOG (widget);
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (TribXdmFieldSpec));
  g_autofree char *title = NULL;

  if (self->creating)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->created_class != NULL)
    {
      create_schema (self);
      return;
    }

  if (!validate_fields (self))
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      TribXdmFieldSpec field;

      if (row_name_entry (row) == NULL)
        continue;

      field.name = gtk_editable_get_text (row_name_entry (row));
      field.type = selected_type (row_type_dropdown (row));
      g_array_append_val (fields, field);
    }

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_title_row))));
  self->creating = TRUE;
  update_sensitivity (self);
  trib_schema_registry_create_adhoc_class_async (self->client, title,
                                                 gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                                 &g_array_index (fields, TribXdmFieldSpec, 0), fields->len,
                                                 self->cancellable, class_created_cb, g_object_ref (self));
}

static void
trib_adhoc_class_dialog_dispose (GObject *object)
{
  TribAdhocClassDialog *self = (TribAdhocClassDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ADHOC_CLASS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->created_class);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (trib_adhoc_class_dialog_parent_class)->dispose (object);
}

static void
trib_adhoc_class_dialog_class_init (TribAdhocClassDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_adhoc_class_dialog_dispose;

  /**
   * TribAdhocClassDialog::created:
   * @self: the dialog
   * @schema: the new schema, a #TribXdmResource
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, TRIB_TYPE_XDM_RESOURCE);

  g_type_ensure (TRIB_TYPE_ENTRY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-adhoc-class-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, class_title_row);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, schema_title_row);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, TribAdhocClassDialog, field_list);
  gtk_widget_class_bind_template_callback (widget_class, class_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, schema_title_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-field", NULL, add_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_adhoc_class_dialog_init (TribAdhocClassDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * trib_adhoc_class_dialog_new:
 * @client: the client to create with, in its current sandbox
 *
 * Returns: (transfer full): a new dialog, with one empty field
 */
TribAdhocClassDialog *
trib_adhoc_class_dialog_new (TribPlatformClient *client)
{
  TribAdhocClassDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_ADHOC_CLASS_DIALOG, NULL);
  self->client = g_object_ref (client);
  append_field_row (self, NULL, NULL);

  return self;
}

void
trib_adhoc_class_dialog_set_class_title (TribAdhocClassDialog *self,
                                         const char           *title)
{
  g_return_if_fail (TRIB_IS_ADHOC_CLASS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->class_title_row), title);
}

/**
 * trib_adhoc_class_dialog_add_field:
 * @self: a #TribAdhocClassDialog
 * @name: the field's name
 * @type: `string`, `integer`, `number` or `boolean`
 *
 * Fills the first empty field row, or adds one.
 */
void
trib_adhoc_class_dialog_add_field (TribAdhocClassDialog *self,
                                   const char           *name,
                                   const char           *type)
{
  g_return_if_fail (TRIB_IS_ADHOC_CLASS_DIALOG (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_name_entry (row) != NULL && gtk_editable_get_text (row_name_entry (row))[0] == '\0')
      {
        gtk_editable_set_text (row_name_entry (row), name);
        select_type (row_type_dropdown (row), type);
        return;
      }

  append_field_row (self, name, type);
}

/**
 * trib_adhoc_class_dialog_get_error_text:
 * @self: a #TribAdhocClassDialog
 *
 * Returns: (nullable): the error shown, %NULL if none is
 */
const char *
trib_adhoc_class_dialog_get_error_text (TribAdhocClassDialog *self)
{
  g_return_val_if_fail (TRIB_IS_ADHOC_CLASS_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
