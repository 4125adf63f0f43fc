/* trib-mapping-page.c
 *
 * The dataflow wizard's Mapping step (issue 13, step 3): the source's
 * columns and the mappings on the left, the target schema's field tree
 * on the right (the Schemas page's, filterable). A column is mapped by
 * dragging it onto a field, by picking a path in a popover, or by
 * Auto-map; calculated fields take an expression; a mapping's target
 * can be flagged as an identity. Validate and Preview ask Data Prep
 * through the flows layer (TribMappingDraft): each problem shows on its
 * row, and the sample rows as the dataset would receive them in a grid.
 * Every change can be undone (Ctrl+Z); Delete removes the selected
 * mapping. Rows, drag and drop and the popover are in
 * trib-mapping-page-rows.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-automap.h"
#include "trib-mapping-page-private.h"
#include "trib-result-view.h"
#include "trib-schema-registry.h"

G_DEFINE_FINAL_TYPE (TribMappingPage, trib_mapping_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_COMPLETE,
  PROP_BUSY,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_trib_mapping_page_update_status (TribMappingPage *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->draft));
  guint n_problems = trib_mapping_draft_get_n_problems (self->draft);
  gboolean complete = self->loaded && trib_mapping_draft_get_complete (self->draft);
  g_autofree char *text = NULL;

  if (n_problems > 0)
    /* Translators: %u is how many mappings have a problem */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mapping has a problem", "%u mappings have a problem",
                                         n_problems), n_problems);
  else if (n_rows > 0)
    /* Translators: %u is how many mappings the step has */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mapping", "%u mappings", n_rows), n_rows);
  else if (self->loaded)
    text = g_strdup (_("Drag a column onto a field, or use Auto-map"));
  gtk_label_set_label (self->status_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.undo", trib_mapping_draft_get_can_undo (self->draft));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.redo", trib_mapping_draft_get_can_redo (self->draft));
  /* A target planned but not created yet has nothing Data Prep can read. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.validate",
                                 self->loaded && !self->busy && n_rows > 0 && self->schema_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.preview",
                                 self->loaded && !self->busy && n_rows > 0 && self->source != NULL &&
                                 self->schema_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.automap", self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.add-calculated", self->loaded);

  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

/* A column's row says where it goes: tell the list it changed. */
static void
draft_changed_cb (TribMappingPage *self)
{
  guint n_columns = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  g_list_model_items_changed (G_LIST_MODEL (self->columns), 0, n_columns, n_columns);
  _trib_mapping_page_update_status (self);
}

void
_trib_mapping_page_set_busy (TribMappingPage *self,
                             gboolean         busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  _trib_mapping_page_update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Loading the target schema */

static void
collect_leaves (TribMappingPage *self,
                GListModel      *fields)
{
  guint n_items = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      GListModel *children = trib_xdm_field_get_children (field);

      if (children != NULL)
        {
          if (trib_xdm_field_get_shape (field) == TRIB_XDM_SHAPE_OBJECT)
            collect_leaves (self, children);
          continue;
        }
      if (trib_xdm_field_get_shape (field) != TRIB_XDM_SHAPE_SCALAR)
        continue;

      g_hash_table_insert (self->leaves, (gpointer) trib_xdm_field_get_path (field), field);
      g_list_store_append (self->leaf_store, field);
    }
}

/* The mappings' rows made again, to show their targets below a new
 * namespace.
 */
static void
attach_draft (TribMappingPage *self)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->draft)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->mappings_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
set_target_prefix (TribMappingPage *self,
                   char            *prefix)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (self->target_prefix, prefix) == 0)
    {
      g_free (prefix);
      return;
    }
  g_free (self->target_prefix);
  self->target_prefix = prefix;

  if (prefix != NULL)
    /* Translators: %s is the namespace all target fields are below, such as "_tenant.orders_1234" */
    text = g_strdup_printf (_("Targets below %s"), prefix);
  gtk_label_set_label (self->namespace_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->namespace_label), prefix);
  gtk_widget_set_visible (GTK_WIDGET (self->namespace_label), prefix != NULL);
  if (self->draft != NULL)
    {
      attach_draft (self);
      draft_changed_cb (self);
    }
}

static void
show_fields (TribMappingPage *self,
             GListModel      *roots,
             guint            n_fields)
{
  gtk_spinner_stop (self->loading_spinner);
  g_set_object (&self->roots, roots);
  g_hash_table_remove_all (self->leaves);
  g_list_store_remove_all (self->leaf_store);
  collect_leaves (self, roots);
  set_target_prefix (self, _trib_mapping_page_common_namespace (G_LIST_MODEL (self->leaf_store)));
  trib_field_tree_set_fields (self->field_tree, roots, n_fields);

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->state_stack, "mapping");
  _trib_mapping_page_update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribMappingPage) self = user_data;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GError) error = NULL;
  guint n_fields = 0;

  if (!(roots = trib_schema_registry_load_fields_finish (result, &n_fields, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->loading_spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  show_fields (self, roots, n_fields);
}

static void
load_fields (TribMappingPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  self->loaded = FALSE;
  g_clear_object (&self->roots);
  g_hash_table_remove_all (self->leaves);
  g_list_store_remove_all (self->leaf_store);
  trib_field_tree_set_fields (self->field_tree, NULL, 0);
  _trib_mapping_page_update_status (self);

  if (self->session == NULL || self->schema_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  trib_schema_registry_load_fields_async (trib_session_get_client (self->session), TRIB_XDM_KIND_SCHEMA,
                                          self->schema_id, self->load_cancellable, fields_cb,
                                          g_object_ref (self));
}

/* Editing */

static void
automap_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);
  guint added;
  g_autofree char *message = NULL;

  if (!self->loaded || self->source == NULL)
    return;

  added = trib_mapping_draft_automap (self->draft, self->roots, trib_explore_preview_get_n_columns (self->source),
                                      trib_explore_preview_get_column_names (self->source), self->types);
  /* Translators: %u is how many columns Auto-map mapped */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Auto-map mapped %u column", "Auto-map mapped %u columns",
                                          added), added);
  trib_a11y_announce (widget, message);
}

static void
add_calculated_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);
  guint position = trib_mapping_draft_add_expression (self->draft, NULL, NULL, NULL);

  /* GTK 4.8 has no gtk_list_view_scroll_to(): the list's own action. */
  gtk_selection_model_select_item (gtk_list_view_get_model (self->mappings_view), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->mappings_view), "list.scroll-to-item", "u", position);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  trib_mapping_draft_undo (TRIB_MAPPING_PAGE (widget)->draft);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  trib_mapping_draft_redo (TRIB_MAPPING_PAGE (widget)->draft);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);
  GtkSelectionModel *selection = gtk_list_view_get_model (self->mappings_view);
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

  if (param != NULL)
    position = g_variant_get_uint32 (param);
  if (position == GTK_INVALID_LIST_POSITION || position >= g_list_model_get_n_items (G_LIST_MODEL (self->draft)))
    return;

  trib_mapping_draft_remove (self->draft, position);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load_fields (TRIB_MAPPING_PAGE (widget));
}

static void
column_activated_cb (TribMappingPage *self,
                     guint            position)
{
  const char *column = gtk_string_list_get_string (self->columns, position);

  if (column != NULL && self->loaded)
    _trib_mapping_page_open_pick (self, GTK_WIDGET (self->columns_view), -1, column);
}

static void
pick_filter_changed_cb (TribMappingPage *self)
{
  _trib_mapping_page_pick_filter_changed (self);
}

static void
pick_activated_cb (TribMappingPage *self,
                   guint            position)
{
  _trib_mapping_page_pick_activated (self, position);
}

static void
pick_entry_activate_cb (TribMappingPage *self)
{
  _trib_mapping_page_pick_activated (self, 0);
}

/* Folded, one pane at a time. */
static void
show_fields_cb (TribMappingPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "fields");
}

static void
show_mappings_cb (TribMappingPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "mappings");
}

/* Laid out by hand rather than by a layout manager, so that the page
 * knows its width: narrow, the fields' names need the room the identity
 * and required columns take (the Schemas page folds the same way).
 */
static void
trib_mapping_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (TRIB_MAPPING_PAGE (widget)->content, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
trib_mapping_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);

  trib_field_tree_set_compact (self->field_tree, width < 1000);
  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  gtk_popover_present (self->pick_popover);
}

/* GObject */

static void
trib_mapping_page_dispose (GObject *object)
{
  TribMappingPage *self = (TribMappingPage *) object;
  GtkWidget *child;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->call_cancellable);

  if (self->pick_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->pick_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_MAPPING_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->call_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->source);
  g_clear_object (&self->roots);
  g_clear_object (&self->draft);
  g_clear_object (&self->columns);
  g_clear_object (&self->leaf_store);
  g_clear_pointer (&self->leaves, g_hash_table_unref);

  G_OBJECT_CLASS (trib_mapping_page_parent_class)->dispose (object);
}

static void
trib_mapping_page_finalize (GObject *object)
{
  TribMappingPage *self = (TribMappingPage *) object;

  g_clear_pointer (&self->schema_id, g_free);
  g_clear_pointer (&self->types, g_free);
  g_clear_pointer (&self->pick_column, g_free);
  g_clear_pointer (&self->target_prefix, g_free);

  G_OBJECT_CLASS (trib_mapping_page_parent_class)->finalize (object);
}

static void
trib_mapping_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_mapping_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      trib_mapping_page_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_mapping_page_class_init (TribMappingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_mapping_page_dispose;
  object_class->finalize = trib_mapping_page_finalize;
  object_class->get_property = trib_mapping_page_get_property;
  object_class->set_property = trib_mapping_page_set_property;
  widget_class->measure = trib_mapping_page_measure;
  widget_class->size_allocate = trib_mapping_page_size_allocate;

  /**
   * TribMappingPage:draft:
   *
   * The mappings being written; the wizard keeps it across Back and Next.
   */
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, TRIB_TYPE_MAPPING_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TribMappingPage:complete:
   *
   * Whether the step may go Next: the fields are read, there is at least
   * one mapping, and no mapping has a known problem.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRIB_TYPE_FIELD_TREE);
  g_type_ensure (TRIB_TYPE_RESULT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-mapping-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, content);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, namespace_label);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, columns_view);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, mappings_view);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, field_tree);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, result_view);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, preview_error_page);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, pick_popover);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, pick_entry);
  gtk_widget_class_bind_template_child (widget_class, TribMappingPage, pick_view);
  gtk_widget_class_bind_template_callback (widget_class, column_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_fields_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_mappings_cb);

  gtk_widget_class_install_action (widget_class, "mapping.automap", NULL, automap_action);
  gtk_widget_class_install_action (widget_class, "mapping.add-calculated", NULL, add_calculated_action);
  gtk_widget_class_install_action (widget_class, "mapping.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "mapping.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "mapping.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "mapping.remove-row", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "mapping.validate", NULL, _trib_mapping_page_validate_action);
  gtk_widget_class_install_action (widget_class, "mapping.preview", NULL, _trib_mapping_page_preview_action);
  gtk_widget_class_install_action (widget_class, "mapping.reload", NULL, reload_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "mapping.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "mapping.redo", NULL);
  /* The keypad's key first: a menu shows the action's last one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "mapping.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "mapping.remove", NULL);
}

static void
trib_mapping_page_init (TribMappingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pick_position = -1;
  self->leaves = g_hash_table_new (g_str_hash, g_str_equal);
  self->leaf_store = g_list_store_new (TRIB_TYPE_XDM_FIELD);
  self->columns = gtk_string_list_new (NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->pick_popover), GTK_WIDGET (self));

  _trib_mapping_page_setup_rows (self);
  _trib_mapping_page_setup_drop (self);

  trib_mapping_page_set_draft (self, NULL);
}

/**
 * trib_mapping_page_new:
 *
 * Returns: (transfer floating): a Mapping step, empty until given its
 *   inputs
 */
GtkWidget *
trib_mapping_page_new (void)
{
  return g_object_new (TRIB_TYPE_MAPPING_PAGE, NULL);
}

static void
set_source (TribMappingPage    *self,
            TribSession        *session,
            TribExplorePreview *source,
            const char         *schema_id)
{
  g_set_object (&self->session, session);
  g_set_object (&self->source, source);
  g_free (self->schema_id);
  self->schema_id = g_strdup (schema_id);
  g_clear_pointer (&self->types, g_free);

  if (source != NULL)
    self->types = trib_column_types_infer_preview (source);
  gtk_string_list_splice (self->columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->columns)),
                          source != NULL ? trib_explore_preview_get_column_names (source) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_stack), FALSE);
}

/**
 * trib_mapping_page_set_inputs:
 * @self: a #TribMappingPage
 * @session: (nullable): the signed-in session
 * @source: (nullable): the source object's preview: its columns and
 *   sample rows
 * @schema_id: (nullable): the target schema's `$id`
 *
 * Reads the target schema's fields. The draft is kept: the wizard's Back
 * and Next never lose a mapping.
 */
void
trib_mapping_page_set_inputs (TribMappingPage    *self,
                              TribSession        *session,
                              TribExplorePreview *source,
                              const char         *schema_id)
{
  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));
  g_return_if_fail (!session || TRIB_IS_SESSION (session));
  g_return_if_fail (!source || TRIB_IS_EXPLORE_PREVIEW (source));

  set_source (self, session, source, schema_id);
  load_fields (self);
}

/**
 * trib_mapping_page_set_planned_target:
 * @self: a #TribMappingPage
 * @session: (nullable): the signed-in session
 * @source: (nullable): the source object's preview
 * @fields: the fields of a target the setup will create (an ad hoc
 *   class from the columns: trib_column_types_planned_tree())
 * @n_fields: how many fields @fields holds at all depths
 *
 * Maps onto a schema that does not exist yet: mapping, Auto-map and the
 * draft's own checks work; Validate and Preview wait for a schema Data
 * Prep can read.
 */
void
trib_mapping_page_set_planned_target (TribMappingPage    *self,
                                      TribSession        *session,
                                      TribExplorePreview *source,
                                      GListModel         *fields,
                                      guint               n_fields)
{
  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (fields));

  g_cancellable_cancel (self->load_cancellable);
  set_source (self, session, source, NULL);
  show_fields (self, fields, n_fields);
}

/**
 * trib_mapping_page_get_draft:
 * @self: a #TribMappingPage
 *
 * Returns: (transfer none): the mappings being written
 */
TribMappingDraft *
trib_mapping_page_get_draft (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), NULL);

  return self->draft;
}

/**
 * trib_mapping_page_set_draft:
 * @self: a #TribMappingPage
 * @draft: (nullable): the mappings to edit; %NULL for a new, empty draft
 */
void
trib_mapping_page_set_draft (TribMappingPage  *self,
                             TribMappingDraft *draft)
{
  g_autoptr(TribMappingDraft) fresh = NULL;

  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));
  g_return_if_fail (!draft || TRIB_IS_MAPPING_DRAFT (draft));

  if (draft == NULL)
    draft = fresh = trib_mapping_draft_new ();
  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);

  g_signal_connect_object (draft, "items-changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::n-problems", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::can-undo", G_CALLBACK (_trib_mapping_page_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::can-redo", G_CALLBACK (_trib_mapping_page_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::complete", G_CALLBACK (_trib_mapping_page_update_status), self, G_CONNECT_SWAPPED);

  attach_draft (self);

  draft_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/**
 * trib_mapping_page_get_complete:
 * @self: a #TribMappingPage
 *
 * Returns: whether the wizard may go on to the next step
 */
gboolean
trib_mapping_page_get_complete (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), FALSE);

  return self->complete;
}

/**
 * trib_mapping_page_get_busy:
 * @self: a #TribMappingPage
 *
 * Returns: whether Data Prep is being asked something
 */
gboolean
trib_mapping_page_get_busy (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), FALSE);

  return self->busy;
}

/**
 * trib_mapping_page_get_loaded:
 * @self: a #TribMappingPage
 *
 * Returns: whether the target schema's fields are shown
 */
gboolean
trib_mapping_page_get_loaded (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), FALSE);

  return self->loaded;
}

/**
 * trib_mapping_page_set_filter:
 * @self: a #TribMappingPage
 * @text: (nullable): text to find in the target fields' paths and titles
 */
void
trib_mapping_page_set_filter (TribMappingPage *self,
                              const char      *text)
{
  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));

  trib_field_tree_set_filter (self->field_tree, text);
}

/**
 * trib_mapping_page_get_mappings_view:
 * @self: a #TribMappingPage
 *
 * Returns: (transfer none): the list of mappings
 */
GtkListView *
trib_mapping_page_get_mappings_view (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), NULL);

  return self->mappings_view;
}

/**
 * trib_mapping_page_get_result_view:
 * @self: a #TribMappingPage
 *
 * Returns: (transfer none): the grid of mapped sample rows
 */
TribResultView *
trib_mapping_page_get_result_view (TribMappingPage *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PAGE (self), NULL);

  return self->result_view;
}
