/* trib-schemas-page.c
 *
 * The Schema Registry: schemas, classes, field groups and data types on
 * the left, the selected one's resolved field tree on the right, from
 * which a field's path goes to the clipboard or into the query editor.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schemas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-adhoc-class-dialog.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-platform-enums.h"
#include "trib-schema-create-dialog.h"
#include "trib-schema-registry.h"
#include "trib-schemas-page-private.h"


G_DEFINE_FINAL_TYPE (TribSchemasPage, trib_schemas_page, TRIB_TYPE_SESSION_PAGE)

/* Detail */

static void
show_facts (TribSchemasPage *self)
{
  TribXdmResource *resource = self->resource;
  const char * const *field_groups = trib_xdm_resource_get_field_group_ids (resource);
  const char *behavior = _trib_schemas_page_describe_behavior (trib_xdm_resource_get_behavior (resource));
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autofree char *created = trib_format_date (trib_xdm_resource_get_created (resource));
  g_autofree char *modified = trib_format_date (trib_xdm_resource_get_modified (resource));
  g_autofree char *escaped = NULL;

  if (trib_xdm_resource_get_kind (resource) == TRIB_XDM_KIND_SCHEMA && trib_xdm_resource_get_class_id (resource))
    {
      escaped = g_markup_escape_text (_trib_schemas_page_title_for_id (self, TRIB_XDM_KIND_CLASS,
                                                                       trib_xdm_resource_get_class_id (resource)),
                                      -1);
      /* Translators: the class of a schema; %s is its title */
      g_string_append_printf (facts, _("Class: <b>%s</b>"), escaped);
      g_string_append (facts, "   ");
    }
  if (behavior != NULL)
    {
      /* Translators: %s is "Record", "Time series" or "Ad hoc" */
      g_string_append_printf (facts, _("Behavior: <b>%s</b>"), behavior);
      g_string_append (facts, "   ");
    }
  if (trib_xdm_resource_get_kind (resource) == TRIB_XDM_KIND_SCHEMA)
    {
      g_string_append (facts, trib_xdm_resource_get_profile_enabled (resource) ? _("Enabled for Profile")
                                                                             : _("Not enabled for Profile"));
      g_string_append (facts, "   ");
    }
  /* Translators: the two %s are dates */
  g_string_append_printf (facts, _("Created %s, modified %s"), created, modified);
  gtk_label_set_markup (self->facts_label, facts->str);

  for (guint i = 0; field_groups[i] != NULL; i++)
    {
      if (groups->len > 0)
        g_string_append (groups, ", ");
      g_string_append (groups, _trib_schemas_page_title_for_id (self, TRIB_XDM_KIND_FIELD_GROUP, field_groups[i]));
    }
  if (groups->len > 0)
    /* Translators: %s is a list of field group titles */
    g_string_prepend (groups, _("Field groups: "));
  gtk_label_set_label (self->field_groups_label, groups->str);
  gtk_widget_set_visible (GTK_WIDGET (self->field_groups_label), groups->len > 0);
}

static void
title_known_cb (TribSchemasPage *self,
                const char      *id)
{
  /* The list's rows follow the titles themselves (trib-schemas-list-row.c). */
  if (self->resource != NULL)
    show_facts (self);
}

static void
show_detail_error (TribSchemasPage *self,
                   const GError    *error)
{
  g_autofree char *description = trib_format_error_text (error->message);

  adw_status_page_set_description (self->detail_error_page, description);
}

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribSchemasPage) self = user_data;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GError) error = NULL;
  guint n_fields = 0;

  if (!(roots = trib_schema_registry_load_fields_finish (result, &n_fields, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gtk_spinner_set_spinning (self->detail_spinner, FALSE);
      show_detail_error (self, error);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      return;
    }

  gtk_spinner_set_spinning (self->detail_spinner, FALSE);
  trib_field_tree_set_fields (self->field_tree, roots, n_fields);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
load_detail (TribSchemasPage *self)
{
  if (self->resource == NULL || trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();

  trib_field_tree_set_fields (self->field_tree, NULL, 0);

  gtk_label_set_label (self->title_label, trib_xdm_resource_get_title (self->resource));
  gtk_label_set_label (self->id_label, trib_xdm_resource_get_id (self->resource));
  show_facts (self);

  gtk_spinner_set_spinning (self->detail_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");
  trib_schema_registry_load_fields_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                          trib_xdm_resource_get_kind (self->resource),
                                          trib_xdm_resource_get_id (self->resource),
                                          self->detail_cancellable, fields_cb, g_object_ref (self));
}

static gboolean
same_resource (TribXdmResource *a,
               TribXdmResource *b)
{
  return a != NULL && b != NULL && trib_xdm_resource_get_kind (a) == trib_xdm_resource_get_kind (b) &&
         g_str_equal (trib_xdm_resource_get_id (a), trib_xdm_resource_get_id (b));
}

static void
show_resource (TribSchemasPage *self,
               TribXdmResource *resource)
{
  /* The list's copy of the resource shown (once selected) is no reason
   * to read its fields again.
   */
  if (same_resource (self->resource, resource) || !g_set_object (&self->resource, resource))
    return;

  /* A filter typed for the previous resource would hide this one's
   * fields: "0 matches" in a schema that has thousands.
   */
  trib_field_tree_set_filter (self->field_tree, NULL);

  if (resource == NULL)
    {
      g_cancellable_cancel (self->detail_cancellable);
      trib_field_tree_set_fields (self->field_tree, NULL, 0);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      /* Folded, nothing to show is no reason to hide the list. */
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      return;
    }

  load_detail (self);
}

static void
list_activate_cb (TribSchemasPage *self,
                  guint            position)
{
  g_autoptr(TribXdmResource) resource = g_list_model_get_item (G_LIST_MODEL (self->list_selection), position);

  show_resource (self, resource);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
list_selected_cb (TribSchemasPage *self)
{
  TribXdmResource *resource = gtk_single_selection_get_selected_item (self->list_selection);

  /* Folded, the detail waits for an explicit activation. */
  if (resource != NULL && !adw_leaflet_get_folded (self->leaflet))
    show_resource (self, resource);
}

static void
back_clicked_cb (TribSchemasPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Folding while no resource is shown would leave only "No Schema
 * Selected" in view: the list comes first, as on the sandboxes page.
 */
static void
folded_cb (TribSchemasPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  trib_field_tree_set_compact (self->field_tree, folded);
  if (folded && self->resource == NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Actions */

/* The shortcuts work wherever the focus is on the page. */
static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (TRIB_SCHEMAS_PAGE (widget)->field_tree), "fields.copy-path", NULL);
}

static void
insert_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (TRIB_SCHEMAS_PAGE (widget)->field_tree), "fields.insert-path", NULL);
}

static void
reload_detail_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  load_detail (TRIB_SCHEMAS_PAGE (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribSchemasPage *self = TRIB_SCHEMAS_PAGE (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "detail") &&
      adw_leaflet_get_visible_child (self->leaflet) != gtk_widget_get_parent (GTK_WIDGET (self->search_entry)))
    trib_field_tree_focus_filter (self->field_tree);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
schema_created_cb (TribSchemasPage *self,
                   TribXdmResource *schema)
{
  _trib_schemas_page_reveal_in_list (self, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT,
                                     trib_xdm_resource_get_id (schema));
  show_resource (self, schema);
}

static void
new_schema_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TribSchemasPage *self = TRIB_SCHEMAS_PAGE (widget);
  GtkWindow *dialog;

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  dialog = GTK_WINDOW (trib_schema_create_dialog_new (trib_session_page_get_client (TRIB_SESSION_PAGE (self))));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (schema_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
new_adhoc_class_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TribSchemasPage *self = TRIB_SCHEMAS_PAGE (widget);
  GtkWindow *dialog;

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  dialog = GTK_WINDOW (trib_adhoc_class_dialog_new (trib_session_page_get_client (TRIB_SESSION_PAGE (self))));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (schema_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* GObject */

/* A session or a sandbox of its own: nothing shown before stays. */
static void
trib_schemas_page_session_changed (TribSessionPage *page)
{
  TribSchemasPage *self = TRIB_SCHEMAS_PAGE (page);
  TribSession *session = trib_session_page_get_session (page);
  TribXdmTitles *titles = session != NULL ? trib_session_get_xdm_titles (session) : NULL;

  /* The session keeps the titles of each sandbox's resources. */
  g_clear_pointer (&self->pending_id, g_free);
  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_set_object (&self->titles, titles);
  if (titles != NULL)
    g_signal_connect_object (titles, "title-known", G_CALLBACK (title_known_cb), self, G_CONNECT_SWAPPED);
  show_resource (self, NULL);
  _trib_schemas_page_reload_list (self);
}

static void
trib_schemas_page_dispose (GObject *object)
{
  TribSchemasPage *self = (TribSchemasPage *) object;

  g_cancellable_cancel (self->detail_cancellable);
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->list);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->resource);
  /* The session's cache outlives the page. */
  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_clear_object (&self->titles);
  g_clear_pointer (&self->pending_id, g_free);
  g_clear_pointer (&self->list_search, g_free);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCHEMAS_PAGE);

  G_OBJECT_CLASS (trib_schemas_page_parent_class)->dispose (object);
}

static void
trib_schemas_page_class_init (TribSchemasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_schemas_page_dispose;
  page_class->session_changed = trib_schemas_page_session_changed;

  g_type_ensure (TRIB_TYPE_XDM_KIND);
  g_type_ensure (TRIB_TYPE_XDM_CONTAINER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-schemas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, container_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, paged_view);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, detail_error_page);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, field_groups_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchemasPage, field_tree);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_trib_schemas_page_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "list_options_changed_cb",
                                                G_CALLBACK (_trib_schemas_page_list_options_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "describe_kind_cb",
                                                G_CALLBACK (_trib_schemas_page_describe_kind));
  gtk_widget_class_bind_template_callback_full (widget_class, "describe_container_cb",
                                                G_CALLBACK (_trib_schemas_page_describe_container));
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "schemas.copy-path", NULL, copy_path_action);
  gtk_widget_class_install_action (widget_class, "schemas.insert-path", NULL, insert_path_action);
  gtk_widget_class_install_action (widget_class, "schemas.reload-detail", NULL, reload_detail_action);
  gtk_widget_class_install_action (widget_class, "schemas.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "schemas.new-schema", NULL, new_schema_action);
  gtk_widget_class_install_action (widget_class, "schemas.new-adhoc-class", NULL, new_adhoc_class_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "schemas.copy-path", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "schemas.insert-path", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "schemas.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "schemas.new-schema", NULL);
}

static void
trib_schemas_page_init (TribSchemasPage *self)
{
  g_type_ensure (TRIB_TYPE_FIELD_TREE);
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));
  trib_a11y_name_menu_button (self->new_button, _("New Schema or Class"));
  trib_a11y_name_dropdown (self->kind_dropdown, _("Kind of resource"));
  trib_a11y_name_dropdown (self->container_dropdown, _("Made by"));

  self->detail_cancellable = g_cancellable_new ();

  _trib_schemas_page_init_list (self);
  g_signal_connect_object (self->list_selection, "notify::selected", G_CALLBACK (list_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
}

/**
 * trib_schemas_page_reload:
 * @self: a #TribSchemasPage
 *
 * Reads the list again, as it is searched, and the fields of the
 * resource shown, which stays selected.
 */
void
trib_schemas_page_reload (TribSchemasPage *self)
{
  g_return_if_fail (TRIB_IS_SCHEMAS_PAGE (self));

  if (self->resource != NULL)
    {
      g_free (self->pending_id);
      self->pending_id = g_strdup (trib_xdm_resource_get_id (self->resource));
      load_detail (self);
    }
  _trib_schemas_page_reload_list (self);
}

static void
shown_schema_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TribSchemasPage) self = user_data;
  g_autoptr(TribXdmResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  if (!(resource = trib_schema_registry_get_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_set_spinning (self->detail_spinner, FALSE);
      show_detail_error (self, error);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      return;
    }

  /* The list assumed the sandbox's own schemas; an Adobe one is listed
   * with Adobe's.
   */
  if (trib_xdm_resource_get_container (resource) != _trib_schemas_page_selected_container (self))
    _trib_schemas_page_reveal_in_list (self, TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_container (resource),
                                       trib_xdm_resource_get_id (resource));

  show_resource (self, resource);
}

/**
 * trib_schemas_page_show_schema:
 * @self: a #TribSchemasPage
 * @schema_id: a schema's `$id`
 *
 * Opens a schema's fields, as the link from a dataset does, and selects
 * it in the list.
 */
void
trib_schemas_page_show_schema (TribSchemasPage *self,
                               const char      *schema_id)
{
  g_return_if_fail (TRIB_IS_SCHEMAS_PAGE (self));
  g_return_if_fail (schema_id != NULL);

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  _trib_schemas_page_reveal_in_list (self, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT, schema_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (self->resource != NULL && trib_xdm_resource_get_kind (self->resource) == TRIB_XDM_KIND_SCHEMA &&
      g_str_equal (trib_xdm_resource_get_id (self->resource), schema_id))
    return;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();

  gtk_spinner_set_spinning (self->detail_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "loading");
  trib_schema_registry_get_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), NULL, TRIB_XDM_KIND_SCHEMA, schema_id,
                                  self->detail_cancellable, shown_schema_cb, g_object_ref (self));
}

/**
 * trib_schemas_page_set_field_filter:
 * @self: a #TribSchemasPage
 * @text: text to find in the shown schema's field paths and titles
 */
void
trib_schemas_page_set_field_filter (TribSchemasPage *self,
                                    const char      *text)
{
  g_return_if_fail (TRIB_IS_SCHEMAS_PAGE (self));

  trib_field_tree_set_filter (self->field_tree, text);
}

/**
 * trib_schemas_page_get_n_fields:
 * @self: a #TribSchemasPage
 *
 * Returns: how many fields the shown resource has, 0 while none is loaded
 */
guint
trib_schemas_page_get_n_fields (TribSchemasPage *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMAS_PAGE (self), 0);

  return trib_field_tree_get_n_fields (self->field_tree);
}

/**
 * trib_schemas_page_get_list:
 * @self: a #TribSchemasPage
 *
 * Returns: (transfer none) (nullable): the list of resources shown
 */
GListModel *
trib_schemas_page_get_list (TribSchemasPage *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMAS_PAGE (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

/**
 * trib_schemas_page_get_field_rows:
 * @self: a #TribSchemasPage
 *
 * Returns: (transfer none) (nullable): the rows of the field tree as
 *   shown, a #GtkSelectionModel of #GtkTreeListRow
 */
GListModel *
trib_schemas_page_get_field_rows (TribSchemasPage *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMAS_PAGE (self), NULL);

  return trib_field_tree_get_rows (self->field_tree);
}
