/* trib-mapping-page-rows.c
 *
 * The Mapping step's lists: the source columns (each a drag source,
 * saying where it goes), the mappings (source or expression, target,
 * identity, remove, and the row's problem underneath), dropping a column
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
#include "trib-mapping-page-private.h"

TribXdmField *
_trib_mapping_page_lookup_field (TribMappingPage *self,
                                 const char      *path)
{
  return path != NULL ? g_hash_table_lookup (self->leaves, path) : NULL;
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

static void
setup_column_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data);

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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);
  GtkWidget *target = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_widget_add_css_class (type, "caption");
  gtk_label_set_xalign (GTK_LABEL (target), 0);
  gtk_label_set_ellipsize (GTK_LABEL (target), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (target, "dim-label");
  gtk_widget_add_css_class (target, "caption");

  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), type);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), target);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (column_drag_prepare_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (item, box);
}

static void
bind_column_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TribMappingPage          *self)
{
  const char *column = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (top);
  GtkWidget *type = gtk_widget_get_next_sibling (name);
  GtkWidget *target = gtk_widget_get_next_sibling (top);
  gint position = trib_mapping_draft_find_column (self->draft, column);
  g_autoptr(TribMappingRow) row = position >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->draft), position) : NULL;
  const char *path = row != NULL ? trib_mapping_row_get_target (row) : NULL;
  g_autofree char *goes = NULL;

  gtk_label_set_label (GTK_LABEL (name), column);
  gtk_label_set_label (GTK_LABEL (type), _trib_mapping_page_column_type (self, column));
  if (path != NULL)
    /* Translators: %s is the target field path a column is mapped to */
    goes = g_strdup_printf (_("→ %s"), path);
  else
    goes = g_strdup (_("Not mapped"));
  gtk_label_set_label (GTK_LABEL (target), goes);

  trib_a11y_set_row_parts (item, column, _trib_mapping_page_column_type (self, column), goes, NULL);
}

/* Mappings */

enum { ROW_SOURCE, ROW_EXPRESSION, ROW_TARGET, ROW_IDENTITY, ROW_REMOVE, ROW_PROBLEM, N_ROW_WIDGETS };

static GtkWidget *
row_widget (GtkListItem *item,
            guint        which)
{
  GtkWidget **widgets = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "row-widgets");

  return widgets[which];
}

static void
expression_commit (GtkListItem *item)
{
  TribMappingPage *self = g_object_get_data (G_OBJECT (item), "page");
  GtkEditable *entry = GTK_EDITABLE (row_widget (item, ROW_EXPRESSION));
  guint position = gtk_list_item_get_position (item);
  g_autoptr(TribMappingRow) row = NULL;
  const char *text = gtk_editable_get_text (entry);

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
expression_focus_leave_cb (GtkEventControllerFocus *controller,
                           GtkListItem             *item)
{
  expression_commit (item);
}

static void
target_clicked_cb (GtkButton   *button,
                   GtkListItem *item)
{
  TribMappingPage *self = g_object_get_data (G_OBJECT (item), "page");
  guint position = gtk_list_item_get_position (item);

  if (self != NULL && position != GTK_INVALID_LIST_POSITION)
    _trib_mapping_page_open_pick (self, GTK_WIDGET (button), position, NULL);
}

static void
identity_toggled_cb (GtkToggleButton *toggle,
                     GtkListItem     *item)
{
  TribMappingPage *self = g_object_get_data (G_OBJECT (item), "page");
  guint position = gtk_list_item_get_position (item);
  g_autoptr(TribMappingRow) row = NULL;
  TribXdmField *field;
  const char *namespace;

  if (self == NULL || position == GTK_INVALID_LIST_POSITION || g_object_get_data (G_OBJECT (item), "binding"))
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->draft), position);
  field = _trib_mapping_page_lookup_field (self, trib_mapping_row_get_target (row));
  namespace = trib_mapping_row_get_namespace (row);
  if (namespace == NULL && field != NULL)
    namespace = trib_xdm_field_get_identity_namespace (field);
  trib_mapping_draft_set_identity (self->draft, position, gtk_toggle_button_get_active (toggle), namespace);
}

static void
remove_clicked_cb (GtkButton   *button,
                   GtkListItem *item)
{
  guint position = gtk_list_item_get_position (item);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (button), "mapping.remove-row", "u", position);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  trib_a11y_set_label (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
setup_mapping_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TribMappingPage          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget **widgets = g_new0 (GtkWidget *, N_ROW_WIDGETS);
  GtkWidget *arrow = gtk_label_new ("→");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  widgets[ROW_SOURCE] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets[ROW_SOURCE]), 0);
  gtk_label_set_ellipsize (GTK_LABEL (widgets[ROW_SOURCE]), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (widgets[ROW_SOURCE]), 8);
  gtk_widget_set_hexpand (widgets[ROW_SOURCE], TRUE);

  widgets[ROW_EXPRESSION] = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (widgets[ROW_EXPRESSION]), _("Expression, such as upper(name)"));
  trib_a11y_set_label (widgets[ROW_EXPRESSION], _("Expression"));
  gtk_widget_set_hexpand (widgets[ROW_EXPRESSION], TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (widgets[ROW_EXPRESSION]), 8);
  g_signal_connect_swapped (widgets[ROW_EXPRESSION], "activate", G_CALLBACK (expression_commit), item);
  g_signal_connect (focus, "leave", G_CALLBACK (expression_focus_leave_cb), item);
  gtk_widget_add_controller (widgets[ROW_EXPRESSION], focus);

  widgets[ROW_TARGET] = gtk_button_new_with_label ("");
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widgets[ROW_TARGET]))), PANGO_ELLIPSIZE_START);
  gtk_widget_set_hexpand (widgets[ROW_TARGET], TRUE);
  g_signal_connect (widgets[ROW_TARGET], "clicked", G_CALLBACK (target_clicked_cb), item);

  widgets[ROW_IDENTITY] = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (widgets[ROW_IDENTITY]), "contact-new-symbolic");
  gtk_widget_set_tooltip_text (widgets[ROW_IDENTITY], _("Identity"));
  trib_a11y_set_label (widgets[ROW_IDENTITY], _("Identity"));
  gtk_widget_add_css_class (widgets[ROW_IDENTITY], "flat");
  gtk_widget_set_valign (widgets[ROW_IDENTITY], GTK_ALIGN_CENTER);
  g_signal_connect (widgets[ROW_IDENTITY], "toggled", G_CALLBACK (identity_toggled_cb), item);

  widgets[ROW_REMOVE] = icon_button ("user-trash-symbolic", _("Remove Mapping (Delete)"));
  g_signal_connect (widgets[ROW_REMOVE], "clicked", G_CALLBACK (remove_clicked_cb), item);

  widgets[ROW_PROBLEM] = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets[ROW_PROBLEM]), 0);
  gtk_label_set_wrap (GTK_LABEL (widgets[ROW_PROBLEM]), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widgets[ROW_PROBLEM]), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (widgets[ROW_PROBLEM]), FALSE);
  gtk_widget_add_css_class (widgets[ROW_PROBLEM], "error");
  gtk_widget_add_css_class (widgets[ROW_PROBLEM], "caption");

  gtk_box_append (GTK_BOX (line), widgets[ROW_SOURCE]);
  gtk_box_append (GTK_BOX (line), widgets[ROW_EXPRESSION]);
  gtk_box_append (GTK_BOX (line), arrow);
  gtk_box_append (GTK_BOX (line), widgets[ROW_TARGET]);
  gtk_box_append (GTK_BOX (line), widgets[ROW_IDENTITY]);
  gtk_box_append (GTK_BOX (line), widgets[ROW_REMOVE]);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), widgets[ROW_PROBLEM]);

  g_object_set_data_full (G_OBJECT (box), "row-widgets", widgets, g_free);
  g_object_set_data (G_OBJECT (item), "page", self);
  gtk_list_item_set_child (item, box);
}

/* Shows the row as it is now: called on bind, and on every change the
 * row notifies (an undo updates rows in place).
 */
static void
show_mapping (GtkListItem *item)
{
  TribMappingRow *row = gtk_list_item_get_item (item);
  TribMappingPage *self = g_object_get_data (G_OBJECT (item), "page");
  gboolean calculated = trib_mapping_row_get_calculated (row);
  const char *source = trib_mapping_row_get_source (row);
  const char *target = trib_mapping_row_get_target (row);
  const char *problem = trib_mapping_row_get_problem (row);
  GtkWidget *expression = row_widget (item, ROW_EXPRESSION);
  TribXdmField *field = self != NULL ? _trib_mapping_page_lookup_field (self, target) : NULL;
  g_autofree char *target_label = NULL;
  g_autofree char *a11y = NULL;

  g_object_set_data (G_OBJECT (item), "binding", GINT_TO_POINTER (TRUE));

  gtk_widget_set_visible (row_widget (item, ROW_SOURCE), !calculated);
  gtk_widget_set_visible (expression, calculated);
  gtk_label_set_label (GTK_LABEL (row_widget (item, ROW_SOURCE)), calculated ? NULL : source);
  if (calculated && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (expression)), source != NULL ? source : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (expression), source != NULL ? source : "");

  /* The path's end is what tells fields apart: the type goes in the
   * tooltip, so that a narrow row still shows it.
   */
  if (target != NULL && field != NULL && trib_xdm_field_get_type_name (field) != NULL)
    /* Translators: a target field path, then its type, such as "person.birthDate (date)" */
    target_label = g_strdup_printf (_("%s (%s)"), target, trib_xdm_field_get_type_name (field));
  gtk_button_set_label (GTK_BUTTON (row_widget (item, ROW_TARGET)), target != NULL ? target : _("Choose Field…"));
  gtk_widget_set_tooltip_text (row_widget (item, ROW_TARGET),
                               target_label != NULL ? target_label : _("Choose the target field"));
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (row_widget (item, ROW_TARGET)))),
                           PANGO_ELLIPSIZE_START);
  trib_a11y_set_label (row_widget (item, ROW_TARGET), target != NULL ? target : _("Choose Field…"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row_widget (item, ROW_IDENTITY)),
                                trib_mapping_row_get_identity (row));
  gtk_label_set_label (GTK_LABEL (row_widget (item, ROW_PROBLEM)), problem);
  gtk_widget_set_visible (row_widget (item, ROW_PROBLEM), problem != NULL);

  a11y = trib_a11y_join_parts (calculated ? _("Calculated") : "", source != NULL ? source : "",
                               target != NULL ? target : _("No target field"),
                               trib_mapping_row_get_identity (row) ? _("Identity") : "",
                               problem != NULL ? problem : "", NULL);
  trib_a11y_set_row_label (item, a11y);

  g_object_set_data (G_OBJECT (item), "binding", NULL);
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
              gpointer                  user_data)
{
  TribXdmField *field = gtk_list_item_get_item (item);
  GtkWidget *path = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (path), trib_xdm_field_get_path (field));
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
