/* trib-field-tree.c
 *
 * A resolved XDM field tree: name and title, type, identity, required,
 * with a filter that opens the tree down to its matches, the selected
 * field's path, format and description underneath, and its path to the
 * clipboard or into the query editor.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-field-tree"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-field-tree.h"
#include "trib-keynav.h"
#include "trib-toast.h"
#include "trib-xdm-field.h"

struct _TribFieldTree
{
  GtkWidget parent_instance;

  GListModel *roots;
  guint n_fields;
  GtkCustomFilter *filter;
  GtkTreeListModel *tree;       /* kept across filters, owned by the selection */
  char *needle;                 /* the filter the tree shows */
  GtkSingleSelection *selection;
  GtkColumnViewColumn *identity_column;   /* owned by the column view */
  GtkColumnViewColumn *required_column;

  /* Template widgets */
  GtkSearchEntry *filter_entry;
  GtkLabel *count_label;
  GtkColumnView *column_view;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (TribFieldTree, trib_field_tree, GTK_TYPE_WIDGET)

static gboolean
field_visible_cb (gpointer item,
                  gpointer user_data)
{
  return trib_xdm_field_get_visible (item);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  TribFieldTree *self = user_data;
  GListModel *children = trib_xdm_field_get_children (item);

  if (children == NULL)
    return NULL;

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (children), g_object_ref (GTK_FILTER (self->filter))));
}

static TribXdmField *
dup_selected_field (TribFieldTree *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
selection_changed_cb (TribFieldTree *self)
{
  g_autoptr(TribXdmField) field = dup_selected_field (self);
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fields.copy-path", field != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fields.insert-path", field != NULL);

  if (field != NULL)
    {
      g_string_append (text, trib_xdm_field_get_path (field));
      if (trib_xdm_field_get_format (field) != NULL)
        /* Translators: %s is a JSON Schema format such as "email" or "date-time" */
        g_string_append_printf (text, " · %s", trib_xdm_field_get_format (field));
      /* The columns saying so are left out of a narrow window. */
      if (trib_xdm_field_get_required (field))
        g_string_append_printf (text, " · %s", C_("field", "Required"));
      if (trib_xdm_field_get_identity_namespace (field) != NULL)
        {
          g_string_append (text, " · ");
          g_string_append_printf (text,
                                  trib_xdm_field_get_primary_identity (field)
                                    /* Translators: %s is an identity namespace such as "Email" */
                                    ? _("Primary identity: %s")
                                    /* Translators: %s is an identity namespace such as "Email" */
                                    : _("Identity: %s"),
                                  trib_xdm_field_get_identity_namespace (field));
        }
      if (trib_xdm_field_get_description (field) != NULL)
        g_string_append_printf (text, "\n%s", trib_xdm_field_get_description (field));
    }

  gtk_label_set_label (self->detail_label, text->str);
}

static void
show_count (TribFieldTree *self,
            guint          n_matches)
{
  g_autofree char *count = NULL;

  if (self->roots == NULL)
    ;
  else if (self->needle[0] != '\0')
    /* Translators: %u is how many fields match the filter */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_matches), n_matches);
  else
    /* Translators: %u is how many fields the schema has */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field", "%u fields", self->n_fields), self->n_fields);
  gtk_label_set_label (self->count_label, count);
  if (count != NULL && self->needle[0] != '\0' && gtk_widget_get_mapped (GTK_WIDGET (self)))
    trib_a11y_announce (GTK_WIDGET (self), count);
}

/* A lone root, such as an ad hoc class's namespace, says nothing on
 * its own: it is shown open.
 */
static void
open_lone_root (TribFieldTree *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree)) != 1)
    return;
  row = gtk_tree_list_model_get_child_row (self->tree, 0);
  if (row != NULL)
    gtk_tree_list_row_set_expanded (row, TRUE);
}

/* A new tree for new fields; the filter then works on it in place. */
static void
build_model (TribFieldTree *self)
{
  g_autoptr(GtkFilterListModel) roots = NULL;

  g_clear_object (&self->filter);
  self->filter = gtk_custom_filter_new (field_visible_cb, NULL, NULL);
  self->tree = NULL;
  g_free (self->needle);
  self->needle = g_strdup ("");

  if (self->roots == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      show_count (self, 0);
      selection_changed_cb (self);
      return;
    }

  trib_xdm_field_filter_tree (self->roots, NULL);
  roots = gtk_filter_list_model_new (g_object_ref (self->roots), g_object_ref (GTK_FILTER (self->filter)));
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  g_object_unref (self->tree);
  open_lone_root (self);
  show_count (self, 0);
  selection_changed_cb (self);
}

/* Opens the roots: autoexpanding, everything visible below them opens too. */
static void
expand_rows (TribFieldTree *self)
{
  GListModel *roots = gtk_tree_list_model_get_model (self->tree);
  guint n_roots = g_list_model_get_n_items (roots);

  for (guint i = 0; i < n_roots; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
collapse_rows (TribFieldTree *self)
{
  GListModel *roots = gtk_tree_list_model_get_model (self->tree);
  guint n_roots = g_list_model_get_n_items (roots);

  for (guint i = 0; i < n_roots; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree, i);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
}

/* Filtered in place, the tree model kept: swapping it for a new one on
 * each key made the column view drop and remake every row, a stall of
 * up to 140 ms on a 5,000-field schema. The fields' visibility is
 * computed once (trib_xdm_field_filter_tree(), a walk of plain structs);
 * the filter models of the open rows then only look at those of their
 * rows the change can affect: a longer needle only hides, a shorter one
 * only shows. A filter opens the tree down to its matches: rows it
 * brings back are expanded as they come (autoexpand), and the first
 * letter opens the roots.
 */
static void
apply_filter (TribFieldTree *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  GtkFilterChange change;
  gboolean was_filtered;
  guint n_matches;

  if (self->tree == NULL)
    {
      g_free (self->needle);
      self->needle = g_strdup (needle);
      return;
    }
  if (g_str_equal (needle, self->needle))
    return;

  was_filtered = self->needle[0] != '\0';
  if (g_str_has_prefix (needle, self->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->needle, needle))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->needle);
  self->needle = g_strdup (needle);

  n_matches = trib_xdm_field_filter_tree (self->roots, needle);

  if (needle[0] == '\0')
    {
      /* Closed first, so that only the roots come back. */
      gtk_tree_list_model_set_autoexpand (self->tree, FALSE);
      collapse_rows (self);
      gtk_filter_changed (GTK_FILTER (self->filter), change);
      open_lone_root (self);
    }
  else
    {
      gtk_tree_list_model_set_autoexpand (self->tree, TRUE);
      gtk_filter_changed (GTK_FILTER (self->filter), change);
      if (!was_filtered)
        expand_rows (self);
    }

  show_count (self, n_matches);
  selection_changed_cb (self);
}

static void
filter_changed_cb (TribFieldTree *self)
{
  apply_filter (self);
}

/* Actions */

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(TribXdmField) field = dup_selected_field (TRIB_FIELD_TREE (widget));
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (field == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), trib_xdm_field_get_path (field));

  escaped = g_markup_escape_text (trib_xdm_field_get_path (field), -1);
  /* Translators: %s is a field path such as web.webPageDetails.name */
  title = g_strdup_printf (_("Copied %s"), escaped);
  trib_toast_show (widget, adw_toast_new (title));
}

static void
insert_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(TribXdmField) field = dup_selected_field (TRIB_FIELD_TREE (widget));

  if (field != NULL)
    gtk_widget_activate_action (widget, "win.insert-into-query", "s", trib_xdm_field_get_path (field));
}

/* Columns */

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = new_cell_label ();
  GtkWidget *title = new_cell_label ();

  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(TribXdmField) field = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (name);
  g_autofree char *a11y_name = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (name), trib_xdm_field_get_name (field));
  gtk_label_set_label (GTK_LABEL (title), trib_xdm_field_get_title (field));

  /* The expander takes the focus; the row is what a screen reader lists. */
  a11y_name = trib_a11y_join_parts (trib_xdm_field_get_name (field),
                                    trib_xdm_field_get_title (field) != NULL ? trib_xdm_field_get_title (field) : "",
                                    trib_xdm_field_get_type_name (field) != NULL ? trib_xdm_field_get_type_name (field) : "",
                                    trib_xdm_field_get_required (field) ? C_("field", "Required") : "",
                                    NULL);
  trib_a11y_set_label (expander, a11y_name);
  trib_a11y_set_row_label (item, a11y_name);

  /* Ancestors kept only for their matching descendants read quieter,
   * dimmed as style.css dims labels: still readable (WCAG AA).
   */
  if (trib_xdm_field_get_matches (field))
    gtk_widget_remove_css_class (name, "dim-label");
  else
    gtk_widget_add_css_class (name, "dim-label");
}

static void
unbind_name_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  trib_a11y_set_label (gtk_list_item_get_child (item), NULL);
  trib_a11y_set_row_label (item, NULL);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_cell_label ());
}

static void
bind_type_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autoptr(TribXdmField) field = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), trib_xdm_field_get_type_name (field));
}

static void
bind_identity_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  g_autoptr(TribXdmField) field = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  const char *namespace = trib_xdm_field_get_identity_namespace (field);
  gboolean primary = namespace != NULL && trib_xdm_field_get_primary_identity (field);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (primary)
    /* Translators: %s is an identity namespace such as "Email" */
    text = g_strdup_printf (_("%s (primary)"), namespace);
  else if (namespace != NULL)
    text = g_strdup (namespace);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (primary)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static void
bind_required_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  g_autoptr(TribXdmField) field = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       trib_xdm_field_get_required (field) ? C_("field", "Required") : NULL);
}

static GtkColumnViewColumn *
add_column (TribFieldTree *self,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

/* GObject */

static void
trib_field_tree_dispose (GObject *object)
{
  TribFieldTree *self = (TribFieldTree *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FIELD_TREE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->roots);

  G_OBJECT_CLASS (trib_field_tree_parent_class)->dispose (object);
}

static void
trib_field_tree_finalize (GObject *object)
{
  g_free (TRIB_FIELD_TREE (object)->needle);

  G_OBJECT_CLASS (trib_field_tree_parent_class)->finalize (object);
}

static void
trib_field_tree_class_init (TribFieldTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_field_tree_dispose;
  object_class->finalize = trib_field_tree_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-field-tree.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFieldTree, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, TribFieldTree, count_label);
  gtk_widget_class_bind_template_child (widget_class, TribFieldTree, column_view);
  gtk_widget_class_bind_template_child (widget_class, TribFieldTree, detail_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "fields.copy-path", NULL, copy_path_action);
  gtk_widget_class_install_action (widget_class, "fields.insert-path", NULL, insert_path_action);
}

static void
trib_field_tree_init (TribFieldTree *self)
{
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->column_view));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (field_visible_cb, NULL, NULL);
  self->needle = g_strdup ("");
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  column = add_column (self, _("Field"), G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), TRUE);
  g_signal_connect (gtk_column_view_column_get_factory (column), "unbind", G_CALLBACK (unbind_name_cb), NULL);
  trib_a11y_name_column_view (self->column_view, _("Fields"));
  add_column (self, _("Type"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_type_cb), FALSE);
  self->identity_column = add_column (self, _("Identity"), G_CALLBACK (setup_label_cb),
                                      G_CALLBACK (bind_identity_cb), FALSE);
  self->required_column = add_column (self, _("Required"), G_CALLBACK (setup_label_cb),
                                      G_CALLBACK (bind_required_cb), FALSE);

  selection_changed_cb (self);
}

/**
 * trib_field_tree_set_fields:
 * @self: a #TribFieldTree
 * @roots: (nullable): the top-level #TribXdmField of a resolved resource
 * @n_fields: how many fields @roots holds at all depths
 */
void
trib_field_tree_set_fields (TribFieldTree *self,
                            GListModel    *roots,
                            guint          n_fields)
{
  g_return_if_fail (TRIB_IS_FIELD_TREE (self));
  g_return_if_fail (!roots || G_IS_LIST_MODEL (roots));

  g_set_object (&self->roots, roots);
  self->n_fields = roots != NULL ? n_fields : 0;
  build_model (self);
  /* A filter typed before the fields came applies to them. */
  apply_filter (self);
}

/**
 * trib_field_tree_get_n_fields:
 * @self: a #TribFieldTree
 *
 * Returns: how many fields are shown, 0 while none are
 */
guint
trib_field_tree_get_n_fields (TribFieldTree *self)
{
  g_return_val_if_fail (TRIB_IS_FIELD_TREE (self), 0);

  return self->n_fields;
}

/**
 * trib_field_tree_set_filter:
 * @self: a #TribFieldTree
 * @text: (nullable): text to find in the field paths and titles
 */
void
trib_field_tree_set_filter (TribFieldTree *self,
                            const char    *text)
{
  g_return_if_fail (TRIB_IS_FIELD_TREE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text != NULL ? text : "");
}

/**
 * trib_field_tree_set_compact:
 * @self: a #TribFieldTree
 * @compact: whether the tree is narrow
 *
 * Narrow, the fields' names need the room: what the identity and
 * required columns say shows below the tree, for the selected field.
 */
void
trib_field_tree_set_compact (TribFieldTree *self,
                             gboolean       compact)
{
  g_return_if_fail (TRIB_IS_FIELD_TREE (self));

  gtk_column_view_column_set_visible (self->identity_column, !compact);
  gtk_column_view_column_set_visible (self->required_column, !compact);
}

/**
 * trib_field_tree_focus_filter:
 * @self: a #TribFieldTree
 */
void
trib_field_tree_focus_filter (TribFieldTree *self)
{
  g_return_if_fail (TRIB_IS_FIELD_TREE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/**
 * trib_field_tree_get_rows:
 * @self: a #TribFieldTree
 *
 * Returns: (transfer none): the rows as shown, a #GtkSelectionModel of
 *   #GtkTreeListRow
 */
GListModel *
trib_field_tree_get_rows (TribFieldTree *self)
{
  g_return_val_if_fail (TRIB_IS_FIELD_TREE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
