/* trib-mapping-page-rows.c
 *
 * The Mapping step's lists: the source columns (TribMappingColumnRow,
 * each a drag source, saying where it goes), the mappings (source or
 * expression, target, identity, remove, and the row's problem
 * underneath: TribMappingRowView), target paths shown below the
 * namespace they share, dropping a column
 * on the field tree, and the popover that picks a target path from the
 * schema's leaf fields, filtered incrementally so a 5,000-field schema
 * never holds up typing.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-mapping-column-row.h"
#include "trib-mapping-page-private.h"
#include "trib-mapping-row-view.h"

TribXdmField *
_trib_mapping_page_lookup_field (TribMappingPage *self,
                                 const char      *path)
{
  return path != NULL ? g_hash_table_lookup (self->leaves, path) : NULL;
}

/* The dot path every leaf is below, such as an ad hoc class's
 * `_tenant.classid`: NULL when the leaves share none.
 */
char *
_trib_mapping_page_common_namespace (GListModel *leaves)
{
  guint n_items = g_list_model_get_n_items (leaves);
  g_autofree char *prefix = NULL;
  gsize length = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (leaves, i);
      const char *path = trib_xdm_field_get_path (field);

      if (prefix == NULL)
        {
          const char *dot = strrchr (path, '.');

          if (dot == NULL)
            return NULL;
          prefix = g_strndup (path, dot - path);
          length = strlen (prefix);
          continue;
        }

      while (length > 0 && !(strncmp (path, prefix, length) == 0 && path[length] == '.'))
        {
          prefix[length] = '\0';
          length = strrchr (prefix, '.') != NULL ? (gsize) (strrchr (prefix, '.') - prefix) : 0;
        }
      if (length == 0)
        return NULL;
    }

  return prefix != NULL ? g_strndup (prefix, length) : NULL;
}

/* The path as the page shows it: below the namespace every target
 * shares (an ad hoc class's `_tenant.classid`), which the page shows
 * once above the mappings.
 */
const char *
_trib_mapping_page_short_path (TribMappingPage *self,
                               const char      *path)
{
  gsize length = self->target_prefix != NULL ? strlen (self->target_prefix) : 0;

  if (path != NULL && length > 0 && g_str_has_prefix (path, self->target_prefix) && path[length] == '.' &&
      path[length + 1] != '\0')
    return path + length + 1;

  return path;
}

const char *
_trib_mapping_page_column_type (TribMappingPage *self,
                                const char      *column)
{
  guint n_columns = self->source != NULL && self->types != NULL ? trib_explore_preview_get_n_columns (self->source) : 0;
  const char * const *names = self->source != NULL ? trib_explore_preview_get_column_names (self->source) : NULL;

  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (names[i], column) == 0)
      return trib_column_type_to_xdm (self->types[i]);

  return NULL;
}

/**
 * trib_mapping_page_map_column:
 * @self: a #TribMappingPage
 * @column: a source column
 * @path: a target leaf field's path
 *
 * What dropping @column on @path does: the column's mapping (or a new
 * one) now writes to @path.
 */
void
trib_mapping_page_map_column (TribMappingPage *self,
                              const char      *column,
                              const char      *path)
{
  TribXdmField *field;
  gint position;

  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));
  g_return_if_fail (column != NULL && path != NULL);

  field = _trib_mapping_page_lookup_field (self, path);
  position = trib_mapping_draft_find_column (self->draft, column);
  if (position >= 0)
    trib_mapping_draft_set_target (self->draft, position, path,
                                   field != NULL ? trib_xdm_field_get_type_name (field) : NULL);
  else
    trib_mapping_draft_add_column (self->draft, column, _trib_mapping_page_column_type (self, column), path,
                                   field != NULL ? trib_xdm_field_get_type_name (field) : NULL);
}

/**
 * trib_mapping_page_pick_target:
 * @self: a #TribMappingPage
 * @position: a mapping
 * @path: (nullable): its new target path
 */
void
trib_mapping_page_pick_target (TribMappingPage *self,
                               guint            position,
                               const char      *path)
{
  TribXdmField *field;

  g_return_if_fail (TRIB_IS_MAPPING_PAGE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->draft)));

  field = _trib_mapping_page_lookup_field (self, path);
  trib_mapping_draft_set_target (self->draft, position, path,
                                 field != NULL ? trib_xdm_field_get_type_name (field) : NULL);
}

/* Source columns */

static GdkContentProvider *
column_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkListItem   *item)
{
  GtkStringObject *column = gtk_list_item_get_item (item);

  if (column == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, gtk_string_object_get_string (column));
}

static void
setup_column_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *row = trib_mapping_column_row_new ();
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (column_drag_prepare_cb), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (item, row);
}

static void
bind_column_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TribMappingPage          *self)
{
  const char *column = gtk_string_object_get_string (gtk_list_item_get_item (item));
  gint position = trib_mapping_draft_find_column (self->draft, column);
  g_autoptr(TribMappingRow) row = position >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->draft), position) : NULL;
  const char *path = row != NULL ? trib_mapping_row_get_target (row) : NULL;
  const char *type = _trib_mapping_page_column_type (self, column);
  g_autofree char *goes = NULL;

  if (path != NULL)
    /* Translators: %s is the target field path a column is mapped to */
    goes = g_strdup_printf (_("→ %s"), _trib_mapping_page_short_path (self, path));
  else
    goes = g_strdup (_("Not mapped"));
  trib_mapping_column_row_show (TRIB_MAPPING_COLUMN_ROW (gtk_list_item_get_child (item)), column, type, goes, path);

  trib_a11y_set_row_parts (item, column, type, path != NULL ? path : goes, NULL);
}

/* Mappings: each row a TribMappingRowView (its own template), whose
 * signals the page turns into changes of the draft.
 */

static TribMappingPage *
item_page (GtkListItem *item)
{
  return g_object_get_data (G_OBJECT (item), "page");
}

static void
expression_committed_cb (TribMappingRowView *view,
                         const char         *text,
                         GtkListItem        *item)
{
  TribMappingPage *self = item_page (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(TribMappingRow) row = NULL;

  if (self == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->draft), position);
  if (row == NULL || !trib_mapping_row_get_calculated (row))
    return;
  if (g_strcmp0 (trib_mapping_row_get_source (row), text) != 0 &&
      !(trib_mapping_row_get_source (row) == NULL && text[0] == '\0'))
    trib_mapping_draft_set_expression (self->draft, position, text[0] != '\0' ? text : NULL);
}

static void
choose_target_cb (TribMappingRowView *view,
                  GtkWidget          *anchor,
                  GtkListItem        *item)
{
  TribMappingPage *self = item_page (item);
  guint position = gtk_list_item_get_position (item);

  if (self != NULL && position != GTK_INVALID_LIST_POSITION)
    _trib_mapping_page_open_pick (self, anchor, position, NULL);
}

static void
identity_toggled_cb (TribMappingRowView *view,
                     gboolean            active,
                     GtkListItem        *item)
{
  TribMappingPage *self = item_page (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(TribMappingRow) row = NULL;
  TribXdmField *field;
  const char *namespace;

  if (self == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->draft), position);
  field = _trib_mapping_page_lookup_field (self, trib_mapping_row_get_target (row));
  namespace = trib_mapping_row_get_namespace (row);
  if (namespace == NULL && field != NULL)
    namespace = trib_xdm_field_get_identity_namespace (field);
  trib_mapping_draft_set_identity (self->draft, position, active, namespace);
}

static void
remove_cb (TribMappingRowView *view,
           GtkListItem        *item)
{
  guint position = gtk_list_item_get_position (item);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (view), "mapping.remove-row", "u", position);
}

static void
setup_mapping_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TribMappingPage          *self)
{
  GtkWidget *view = trib_mapping_row_view_new ();

  g_signal_connect (view, "expression-committed", G_CALLBACK (expression_committed_cb), item);
  g_signal_connect (view, "choose-target", G_CALLBACK (choose_target_cb), item);
  g_signal_connect (view, "identity-toggled", G_CALLBACK (identity_toggled_cb), item);
  g_signal_connect (view, "remove", G_CALLBACK (remove_cb), item);
  g_object_set_data (G_OBJECT (item), "page", self);
  gtk_list_item_set_child (item, view);
}

/* Shows the row as it is now: called on bind, and on every change the
 * row notifies (an undo updates rows in place).
 */
static void
show_mapping (GtkListItem *item)
{
  TribMappingRow *row = gtk_list_item_get_item (item);
  TribMappingPage *self = item_page (item);
  const char *source = trib_mapping_row_get_source (row);
  const char *target = trib_mapping_row_get_target (row);
  const char *problem = trib_mapping_row_get_problem (row);
  TribXdmField *field = self != NULL ? _trib_mapping_page_lookup_field (self, target) : NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *a11y = NULL;

  if (target != NULL && field != NULL && trib_xdm_field_get_type_name (field) != NULL)
    /* Translators: a target field path, then its type, such as "person.birthDate (date)" */
    tooltip = g_strdup_printf (_("%s (%s)"), target, trib_xdm_field_get_type_name (field));
  else if (target != NULL)
    tooltip = g_strdup (target);
  trib_mapping_row_view_show (TRIB_MAPPING_ROW_VIEW (gtk_list_item_get_child (item)), row,
                              self != NULL ? _trib_mapping_page_short_path (self, target) : target, tooltip);

  a11y = trib_a11y_join_parts (trib_mapping_row_get_calculated (row) ? _("Calculated") : "",
                               source != NULL ? source : "",
                               target != NULL ? target : _("No target field"),
                               trib_mapping_row_get_identity (row) ? _("Identity") : "",
                               problem != NULL ? problem : "", NULL);
  trib_a11y_set_row_label (item, a11y);
}

static void
bind_mapping_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TribMappingPage          *self)
{
  TribMappingRow *row = gtk_list_item_get_item (item);
  gulong handler;

  handler = g_signal_connect_swapped (row, "notify", G_CALLBACK (show_mapping), item);
  g_object_set_data (G_OBJECT (item), "notify-handler", GSIZE_TO_POINTER (handler));
  show_mapping (item);
}

static void
unbind_mapping_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TribMappingPage          *self)
{
  TribMappingRow *row = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (item), "notify-handler", NULL);
  trib_a11y_set_row_label (item, NULL);
}

/* The pick popover */

static void
setup_pick_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *path = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_START);
  gtk_widget_set_hexpand (path, TRUE);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_box_append (GTK_BOX (box), path);
  gtk_box_append (GTK_BOX (box), type);
  gtk_list_item_set_child (item, box);
}

static void
bind_pick_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TribMappingPage          *self)
{
  TribXdmField *field = gtk_list_item_get_item (item);
  GtkWidget *path = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (path), _trib_mapping_page_short_path (self, trib_xdm_field_get_path (field)));
  gtk_widget_set_tooltip_text (path, trib_xdm_field_get_path (field));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (path)), trib_xdm_field_get_type_name (field));
  trib_a11y_set_row_parts (item, trib_xdm_field_get_path (field), trib_xdm_field_get_type_name (field), NULL);
}

/* ASCII case is enough: paths are ASCII names. */
static gboolean
pick_match_cb (gpointer item,
               gpointer user_data)
{
  TribMappingPage *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->pick_entry));
  const char *path = trib_xdm_field_get_path (item);
  gsize needle_length = strlen (needle);

  if (needle_length == 0)
    return TRUE;

  for (const char *p = path; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

void
_trib_mapping_page_pick_filter_changed (TribMappingPage *self)
{
  gtk_filter_changed (self->pick_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

void
_trib_mapping_page_open_pick (TribMappingPage *self,
                              GtkWidget       *anchor,
                              gint             position,
                              const char      *column)
{
  graphene_rect_t bounds;

  self->pick_position = position;
  g_free (self->pick_column);
  self->pick_column = g_strdup (column);

  if (gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->pick_popover,
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_editable_set_text (GTK_EDITABLE (self->pick_entry), "");
  gtk_popover_popup (self->pick_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->pick_entry));
}

void
_trib_mapping_page_pick_activated (TribMappingPage *self,
                                   guint            position)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->pick_view));
  g_autoptr(TribXdmField) field = g_list_model_get_item (shown, position);
  const char *path;

  if (field == NULL)
    return;

  path = trib_xdm_field_get_path (field);
  if (self->pick_position >= 0 && (guint) self->pick_position < g_list_model_get_n_items (G_LIST_MODEL (self->draft)))
    trib_mapping_page_pick_target (self, self->pick_position, path);
  else if (self->pick_column != NULL)
    trib_mapping_page_map_column (self, self->pick_column, path);

  gtk_popover_popdown (self->pick_popover);
}

/* Dropping a column on the field tree */

/* The field of the tree row under a point: the row's expander, found
 * from whichever cell was hit.
 */
static TribXdmField *
field_at (TribMappingPage *self,
          double           x,
          double           y)
{
  GtkWidget *hit = gtk_widget_pick (GTK_WIDGET (self->field_tree), x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *w = hit; w != NULL && w != GTK_WIDGET (self->field_tree); w = gtk_widget_get_parent (w))
    {
      GtkWidget *expander = NULL;

      if (GTK_IS_TREE_EXPANDER (w))
        expander = w;
      else
        for (GtkWidget *cell = gtk_widget_get_first_child (w); cell != NULL && expander == NULL;
             cell = gtk_widget_get_next_sibling (cell))
          {
            GtkWidget *child = gtk_widget_get_first_child (cell);

            if (child != NULL && GTK_IS_TREE_EXPANDER (child))
              expander = child;
          }

      if (expander != NULL)
        {
          GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
          g_autoptr(TribXdmField) field = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

          return field != NULL ? _trib_mapping_page_lookup_field (self, trib_xdm_field_get_path (field)) : NULL;
        }
    }

  return NULL;
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         TribMappingPage *self)
{
  TribXdmField *field;

  if (!G_VALUE_HOLDS_STRING (value) || !(field = field_at (self, x, y)))
    return FALSE;

  trib_mapping_page_map_column (self, g_value_get_string (value), trib_xdm_field_get_path (field));
  return TRUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget   *target,
                double           x,
                double           y,
                TribMappingPage *self)
{
  return field_at (self, x, y) != NULL ? GDK_ACTION_COPY : 0;
}

void
_trib_mapping_page_setup_drop (TribMappingPage *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->field_tree), GTK_EVENT_CONTROLLER (drop));
}

void
_trib_mapping_page_setup_rows (TribMappingPage *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkNoSelection *columns;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_column_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_column_cb), self);
  gtk_list_view_set_factory (self->columns_view, factory);
  g_object_unref (factory);
  columns = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->columns)));
  gtk_list_view_set_model (self->columns_view, GTK_SELECTION_MODEL (columns));
  g_object_unref (columns);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_mapping_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_mapping_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_mapping_cb), self);
  gtk_list_view_set_factory (self->mappings_view, factory);
  g_object_unref (factory);

  /* Filtered a chunk at a time: typing into it stays responsive on a
   * schema of thousands of fields.
   */
  self->pick_filter = GTK_FILTER (gtk_custom_filter_new (pick_match_cb, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->leaf_store)), self->pick_filter);
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_pick_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_pick_cb), self);
  gtk_list_view_set_factory (self->pick_view, factory);
  gtk_list_view_set_model (self->pick_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (factory);
}
