/* trib-class-picker.c
 *
 * A class and the field groups made for it, as seed 002 builds its
 * profile schema: the classes (yours first, then Adobe's standard ones)
 * and the field groups compatible with the chosen class, several at
 * once, each list searched on the platform and read a page at a time.
 * The flow wizard's new schema and the New Schema dialog both choose
 * with it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-class-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-class-picker.h"
#include "trib-schema-registry.h"

struct _TribClassPicker
{
  GtkWidget parent_instance;

  TribPlatformClient *client;
  GtkSingleSelection *class_selection;
  GPtrArray *class_lists;        /* TribPagedList, searched now */
  GPtrArray *field_group_lists;
  GListModel *field_groups;      /* those listed now */
  GPtrArray *field_group_ids;    /* chosen, in order */
  TribXdmResource *class;
  char *preferred_class_id;      /* chosen once listed, unless the user chose first */
  gboolean class_reloading;

  /* Template widgets */
  AdwPreferencesGroup *class_group;
  GtkSearchEntry *class_search;
  GtkListView *class_list;
  AdwPreferencesGroup *field_group_group;
  GtkSearchEntry *field_group_search;
  GtkListBox *field_group_list;
};

G_DEFINE_FINAL_TYPE (TribClassPicker, trib_class_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Yours first, then Adobe's, both read a page at a time; @lists keeps
 * the paged lists, to stop them when a newer search replaces them.
 */
static GListModel *
list_both_containers (TribClassPicker *self,
                      TribXdmKind      kind,
                      const char      *search,
                      const char      *compatible_class_id,
                      GPtrArray       *lists)
{
  GListStore *store = g_list_store_new (G_TYPE_LIST_MODEL);
  TribXdmContainer containers[] = { TRIB_XDM_CONTAINER_TENANT, TRIB_XDM_CONTAINER_GLOBAL };

  for (guint i = 0; i < lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (lists, i));
  g_ptr_array_set_size (lists, 0);

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      TribPagedList *list = trib_schema_registry_list (self->client, kind, containers[i],
                                                       search != NULL && search[0] != '\0' ? search : NULL,
                                                       compatible_class_id);

      g_list_store_append (store, list);
      g_ptr_array_add (lists, list);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (store)));
}

static void
show_class (TribClassPicker *self)
{
  g_autofree char *chosen = NULL;

  if (self->class != NULL)
    /* Translators: under the class list; %s is the chosen class's title */
    chosen = g_strdup_printf (_("Chosen: %s"), trib_xdm_resource_get_title (self->class));
  adw_preferences_group_set_description (self->class_group,
                                         chosen != NULL ? chosen
                                                        : _("Adobe’s standard classes and your organization’s."));
}

static void
field_group_toggled_cb (GtkCheckButton  *check,
                        TribClassPicker *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "trib-id");
  guint position;
  gboolean chosen = g_ptr_array_find_with_equal_func (self->field_group_ids, id, g_str_equal, &position);

  if (gtk_check_button_get_active (check) && !chosen)
    g_ptr_array_add (self->field_group_ids, g_strdup (id));
  else if (!gtk_check_button_get_active (check) && chosen)
    g_ptr_array_remove_index (self->field_group_ids, position);

  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
create_field_group_row (gpointer item,
                        gpointer user_data)
{
  TribClassPicker *self = user_data;
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
  /* What the row said before a refusal took its subtitle. */
  g_object_set_data (G_OBJECT (row), "trib-subtitle", (gpointer) subtitle);
  g_object_set_data_full (G_OBJECT (row), "trib-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (check), "trib-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_ptr_array_find_with_equal_func (self->field_group_ids, id, g_str_equal, NULL));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* No label of its own: the row makes it labelled by the row's title,
   * and both would be read, the name twice. */
  g_signal_connect_object (check, "toggled", G_CALLBACK (field_group_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
reload_field_groups (TribClassPicker *self)
{
  g_clear_object (&self->field_groups);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_group_group), self->class != NULL);
  if (self->class != NULL && self->client != NULL)
    self->field_groups = list_both_containers (self, TRIB_XDM_KIND_FIELD_GROUP,
                                               gtk_editable_get_text (GTK_EDITABLE (self->field_group_search)),
                                               trib_xdm_resource_get_id (self->class), self->field_group_lists);
  gtk_list_box_bind_model (self->field_group_list, self->field_groups, create_field_group_row, self, NULL);
}

static void
choose_class (TribClassPicker *self,
              TribXdmResource *class)
{
  if (class == NULL || (self->class != NULL &&
                        g_str_equal (trib_xdm_resource_get_id (class), trib_xdm_resource_get_id (self->class))))
    return;

  /* The field groups chosen extend the other class, not this one. */
  g_set_object (&self->class, class);
  g_ptr_array_set_size (self->field_group_ids, 0);
  show_class (self);
  reload_field_groups (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Another search keeps the class chosen. */
static void
class_selected_cb (TribClassPicker *self)
{
  TribXdmResource *class = gtk_single_selection_get_selected_item (self->class_selection);

  if (self->class_reloading || class == NULL)
    return;

  g_clear_pointer (&self->preferred_class_id, g_free);
  choose_class (self, class);
}

static gboolean
select_listed (TribClassPicker *self,
               const char      *id)
{
  GListModel *classes = G_LIST_MODEL (self->class_selection);

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(TribXdmResource) class = g_list_model_get_item (classes, i);

      if (g_str_equal (trib_xdm_resource_get_id (class), id))
        {
          gtk_single_selection_set_selected (self->class_selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* The class to start from, once its page arrives. */
static void
classes_changed_cb (TribClassPicker *self)
{
  g_autofree char *id = NULL;

  if (self->preferred_class_id == NULL || self->class != NULL)
    return;

  id = g_strdup (self->preferred_class_id);
  if (select_listed (self, id))
    g_clear_pointer (&self->preferred_class_id, g_free);
}

static void
reload_classes (TribClassPicker *self)
{
  g_autoptr(GListModel) model = NULL;

  if (self->client != NULL)
    model = list_both_containers (self, TRIB_XDM_KIND_CLASS,
                                  gtk_editable_get_text (GTK_EDITABLE (self->class_search)), NULL,
                                  self->class_lists);
  self->class_reloading = TRUE;
  gtk_single_selection_set_model (self->class_selection, model);
  gtk_single_selection_set_selected (self->class_selection, GTK_INVALID_LIST_POSITION);
  self->class_reloading = FALSE;
}

static void
class_search_cb (TribClassPicker *self)
{
  reload_classes (self);
}

static void
field_group_search_cb (TribClassPicker *self)
{
  reload_field_groups (self);
}

/* Rows of classes: the title, the id below. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
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
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  TribXdmResource *class = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (title), trib_xdm_resource_get_title (class));
  gtk_label_set_label (GTK_LABEL (subtitle), trib_xdm_resource_get_id (class));
  trib_a11y_set_row_label (item, trib_xdm_resource_get_title (class));
}

static void
trib_class_picker_dispose (GObject *object)
{
  TribClassPicker *self = (TribClassPicker *) object;
  GtkWidget *child;

  for (guint i = 0; self->class_lists != NULL && i < self->class_lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (self->class_lists, i));
  for (guint i = 0; self->field_group_lists != NULL && i < self->field_group_lists->len; i++)
    trib_paged_list_cancel (g_ptr_array_index (self->field_group_lists, i));
  if (self->class_selection != NULL)
    gtk_single_selection_set_model (self->class_selection, NULL);
  if (self->field_group_list != NULL)
    gtk_list_box_bind_model (self->field_group_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_CLASS_PICKER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->class_selection);
  g_clear_object (&self->field_groups);
  g_clear_object (&self->class);
  g_clear_object (&self->client);
  g_clear_pointer (&self->class_lists, g_ptr_array_unref);
  g_clear_pointer (&self->field_group_lists, g_ptr_array_unref);
  g_clear_pointer (&self->field_group_ids, g_ptr_array_unref);
  g_clear_pointer (&self->preferred_class_id, g_free);

  G_OBJECT_CLASS (trib_class_picker_parent_class)->dispose (object);
}

static void
trib_class_picker_class_init (TribClassPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_class_picker_dispose;

  /**
   * TribClassPicker::changed:
   *
   * The class or the field groups chosen changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-class-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, class_group);
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, class_search);
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, class_list);
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, field_group_group);
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, field_group_search);
  gtk_widget_class_bind_template_child (widget_class, TribClassPicker, field_group_list);
  gtk_widget_class_bind_template_callback (widget_class, class_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_group_search_cb);
}

static void
trib_class_picker_init (TribClassPicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 24);

  self->class_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_group_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->field_group_ids = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_list_view_set_factory (self->class_list, factory);
  g_object_unref (factory);

  self->class_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->class_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->class_selection, TRUE);
  gtk_list_view_set_model (self->class_list, GTK_SELECTION_MODEL (self->class_selection));
  g_signal_connect_object (self->class_selection, "notify::selected", G_CALLBACK (class_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->class_selection, "items-changed", G_CALLBACK (classes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_group_group), FALSE);

  placeholder = gtk_label_new (_("No field groups for this class contain this text."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->field_group_list, placeholder);
}

/**
 * trib_class_picker_set_client:
 * @self: a #TribClassPicker
 * @client: (nullable): the client of the sandbox to list from
 *
 * Lists the classes of @client's sandbox, forgetting what was chosen.
 */
void
trib_class_picker_set_client (TribClassPicker    *self,
                              TribPlatformClient *client)
{
  g_return_if_fail (TRIB_IS_CLASS_PICKER (self));

  g_set_object (&self->client, client);
  g_clear_object (&self->class);
  g_ptr_array_set_size (self->field_group_ids, 0);
  show_class (self);
  reload_classes (self);
  reload_field_groups (self);
}

/**
 * trib_class_picker_get_listing:
 * @self: a #TribClassPicker
 *
 * Returns: whether the classes are listed (a client was given)
 */
gboolean
trib_class_picker_get_listing (TribClassPicker *self)
{
  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), FALSE);

  return gtk_single_selection_get_model (self->class_selection) != NULL;
}

/**
 * trib_class_picker_set_preferred_class:
 * @self: a #TribClassPicker
 * @class_id: the `$id` of the class to start from
 *
 * Chooses @class_id once its page of the list arrives, unless a class
 * was chosen before: a dialog starts from a class with field groups.
 */
void
trib_class_picker_set_preferred_class (TribClassPicker *self,
                                       const char      *class_id)
{
  g_return_if_fail (TRIB_IS_CLASS_PICKER (self));

  g_free (self->preferred_class_id);
  self->preferred_class_id = g_strdup (class_id);
  classes_changed_cb (self);
}

/**
 * trib_class_picker_get_class:
 * @self: a #TribClassPicker
 *
 * Returns: (transfer none) (nullable): the class chosen
 */
TribXdmResource *
trib_class_picker_get_class (TribClassPicker *self)
{
  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), NULL);

  return self->class;
}

/**
 * trib_class_picker_dup_field_group_ids:
 * @self: a #TribClassPicker
 *
 * Returns: (transfer full): the field groups chosen, in the order chosen
 */
char **
trib_class_picker_dup_field_group_ids (TribClassPicker *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), NULL);

  for (guint i = 0; i < self->field_group_ids->len; i++)
    g_strv_builder_add (ids, g_ptr_array_index (self->field_group_ids, i));

  return g_strv_builder_end (ids);
}

/**
 * trib_class_picker_select_class:
 * @self: a #TribClassPicker
 * @class_id: a class's `$id`
 *
 * Returns: whether the class was listed, and is chosen now
 */
gboolean
trib_class_picker_select_class (TribClassPicker *self,
                                const char      *class_id)
{
  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), FALSE);
  g_return_val_if_fail (class_id != NULL, FALSE);

  if (self->class != NULL && g_str_equal (trib_xdm_resource_get_id (self->class), class_id))
    return TRUE;

  return select_listed (self, class_id);
}

/**
 * trib_class_picker_find_field_group_row:
 * @self: a #TribClassPicker
 * @field_group_id: a field group's `$id`
 *
 * Returns: (transfer none) (nullable): its row, if listed now
 */
GtkWidget *
trib_class_picker_find_field_group_row (TribClassPicker *self,
                                        const char      *field_group_id)
{
  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_group_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "trib-id"), field_group_id) == 0)
      return row;

  return NULL;
}

/**
 * trib_class_picker_set_field_group:
 * @self: a #TribClassPicker
 * @field_group_id: a field group's `$id`
 * @chosen: whether to choose it
 *
 * Ticks or unticks a field group listed for the chosen class.
 *
 * Returns: whether it was listed
 */
gboolean
trib_class_picker_set_field_group (TribClassPicker *self,
                                   const char      *field_group_id,
                                   gboolean         chosen)
{
  GtkWidget *row;
  GtkWidget *check;

  g_return_val_if_fail (TRIB_IS_CLASS_PICKER (self), FALSE);

  if (!(row = trib_class_picker_find_field_group_row (self, field_group_id)))
    return FALSE;

  check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);

  return TRUE;
}
