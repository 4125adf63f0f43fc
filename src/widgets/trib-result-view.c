/* trib-result-view.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-keynav.h"
#include "trib-result-row.h"
#include "trib-result-view-private.h"
#include "trib-row-feed.h"

typedef struct
{
  TribResultView *self;
  guint column;
} ColumnProbe;

G_DEFINE_FINAL_TYPE (TribResultView, trib_result_view, ADW_TYPE_BIN)

/* The rows selected are elsewhere now, as they were gone after an
 * all-rows change: nothing is left selected that the user did not pick
 * in the order shown.
 */
static void
order_changed_cb (TribResultView *self)
{
  _trib_result_view_show_rows_again (self);
  _trib_result_view_refilter (self);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static GMenuModel *
create_header_menu (guint column)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) ascending = g_menu_item_new (_("Sort _Ascending"), NULL);
  g_autoptr(GMenuItem) descending = g_menu_item_new (_("Sort _Descending"), NULL);
  g_autoptr(GMenuItem) original = g_menu_item_new (_("_Original Order"), NULL);

  g_menu_item_set_action_and_target_value (ascending, "result.sort", g_variant_new ("(ib)", (gint32) column, FALSE));
  g_menu_item_set_action_and_target_value (descending, "result.sort", g_variant_new ("(ib)", (gint32) column, TRUE));
  g_menu_item_set_action_and_target_value (original, "result.sort", g_variant_new ("(ib)", -1, FALSE));
  g_menu_append_item (menu, ascending);
  g_menu_append_item (menu, descending);
  g_menu_append_item (menu, original);

  return G_MENU_MODEL (menu);
}

/* The grid's own sorter says which header was clicked, and which way,
 * only through API newer than GTK 4.8; but it compares two items by
 * asking the sorter of its first column, inverted if descending. Each
 * column's sorter records that it was asked and answers "smaller".
 */
static int
probe_column_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ColumnProbe *probe = user_data;

  probe->self->probed_column = probe->column;

  return GTK_ORDERING_SMALLER;
}

static int
sort_state (TribResultView *self,
            gboolean       *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  self->probed_column = -1;
  ordering = gtk_sorter_compare (sorter, self, self->column_view);
  *descending = ordering == GTK_ORDERING_LARGER;

  return self->probed_column;
}

void
_trib_result_view_update_empty (TribResultView *self)
{
  gboolean no_rows = self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;
  gboolean none_match = self->model != NULL && !no_rows && self->filter_text != NULL &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  gtk_widget_set_visible (self->empty_box, no_rows || none_match);
  gtk_widget_set_visible (self->empty_spinner, no_rows && self->loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->empty_spinner), no_rows && self->loading);
  if (none_match)
    /* Translators: in the result grid, when the filter keeps none of the rows */
    gtk_label_set_label (self->empty_label, _("No loaded row holds this text"));
  else
    /* Translators: in the result grid, under the column headers */
    gtk_label_set_label (self->empty_label, self->loading ? _("Waiting for rows…") : _("No rows"));
}

static void
remove_columns (TribResultView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_columns (TribResultView *self)
{
  guint n_columns = trib_result_model_get_n_columns (self->model);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GMenuModel) menu = create_header_menu (i);
      g_autoptr(GtkCustomSorter) sorter = NULL;
      g_autofree char *title = NULL;
      const char *type_name;
      ColumnProbe *probe;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      _trib_result_view_connect_cells (self, factory);

      probe = g_new0 (ColumnProbe, 1);
      probe->self = self;
      probe->column = i;
      sorter = gtk_custom_sorter_new (probe_column_cb, probe, g_free);

      type_name = trib_result_model_get_column_type_name (self->model, i);
      if (type_name != NULL && *type_name != '\0')
        /* Translators: a column header of a preview: a column's name, its type below */
        title = g_strdup_printf (_("%s\n%s"), trib_result_model_get_column_name (self->model, i), type_name);
      else
        title = g_strdup (trib_result_model_get_column_name (self->model, i));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_header_menu (column, menu);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
add_detail (TribResultView *self,
            guint           position,
            guint           column)
{
  g_autofree char *value = trib_result_model_dup_pretty (self->model, position, column);
  g_autofree char *row_name = NULL;
  g_autofree char *short_value = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (trib_result_model_get_column_name (self->model, column));
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *text = gtk_label_new (value != NULL ? value : C_("sql value", "NULL"));

  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_widget_add_css_class (name, "dim-label");

  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy Value"));
  trib_a11y_set_label (copy, _("Copy Value"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "result.copy-value");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (copy), g_variant_new_uint32 (column));

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  if (value == NULL)
    gtk_widget_add_css_class (text, "null-value");
  else
    gtk_widget_add_css_class (text, "monospace");

  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), copy);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The name is for finding the row; the label reads the whole value. */
  if (value != NULL && g_utf8_strlen (value, -1) > ROW_NAME_CHARS)
    {
      g_autofree char *start = g_utf8_substring (value, 0, ROW_NAME_CHARS);

      short_value = g_strconcat (start, "…", NULL);
    }
  row_name = trib_a11y_join_parts (trib_result_model_get_column_name (self->model, column),
                                   value == NULL ? C_("sql value", "NULL") :
                                   value[0] == '\0' ? C_("sql value", "Empty") :
                                   short_value != NULL ? short_value : value,
                                   NULL);
  trib_a11y_set_label (row, row_name);
  if (value != NULL && value[0] == '\0')
    trib_a11y_set_label (text, C_("sql value", "Empty"));
  gtk_list_box_append (self->details_list, row);
}

static void
clear_details (TribResultView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))))
    gtk_list_box_remove (self->details_list, child);
}

static void
row_activated_cb (TribResultView *self,
                  guint           position)
{
  g_autofree char *title = NULL;

  /* The grid's slot, then the filtered rows'; the details read the model's. */
  position = _trib_result_view_get_row_position (self,
                                                 trib_grid_slots_get_offset (self->slots) + position);
  if (position == G_MAXUINT)
    return;

  clear_details (self);
  self->details_position = position;

  for (guint i = 0; i < trib_result_model_get_n_columns (self->model); i++)
    add_detail (self, position, i);

  /* Translators: the heading of the row details; %u is a row number */
  title = g_strdup_printf (_("Row %u"), position + 1);
  gtk_label_set_label (self->details_title, title);
  gtk_widget_set_visible (self->details, TRUE);
}

static void
close_details_cb (TribResultView *self)
{
  gtk_widget_set_visible (self->details, FALSE);
  clear_details (self);
}

/* Still, with the busy cursor: a spinner would draw the whole window
 * sixty times a second while a million rows sort, each frame a stall
 * where the window is drawn in software.
 */
static void
show_sorting (TribResultView *self,
              gboolean        sorting)
{
  gtk_widget_set_visible (self->sorting_box, sorting);
  if (sorting)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->column_view), "progress");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self->column_view), NULL);
}

static void
stop_sorting (TribResultView *self)
{
  g_cancellable_cancel (self->sort_cancellable);
  g_clear_object (&self->sort_cancellable);
  show_sorting (self, FALSE);
}

static void
sorted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribResultView) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Cancelled: a later sort or another result took over, and tidies up. */
  if (!trib_result_model_sort_finish (TRIB_RESULT_MODEL (object), result, &error))
    return;

  g_clear_object (&self->sort_cancellable);
  show_sorting (self, FALSE);
  close_details_cb (self);
}

/* A click on a header, or the header menu, changed the grid's sorter. */
static void
sorter_changed_cb (TribResultView *self)
{
  gboolean descending;
  int column;

  if (self->model == NULL || self->syncing_sorter)
    return;

  column = sort_state (self, &descending);

  /* A million rows take a while to sort; the grid stays live meanwhile. */
  stop_sorting (self);
  self->sort_cancellable = g_cancellable_new ();
  show_sorting (self, TRUE);
  trib_result_model_sort_async (self->model, column, descending, self->sort_cancellable, sorted_cb,
                                g_object_ref (self));
}

/* The headers show how a model that comes back sorted is sorted. */
static void
sync_sorter (TribResultView *self)
{
  int column = self->model != NULL ? trib_result_model_get_sort_column (self->model) : -1;
  g_autoptr(GtkColumnViewColumn) sorted = NULL;

  if (column >= 0)
    sorted = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);

  self->syncing_sorter = TRUE;
  gtk_column_view_sort_by_column (self->column_view, sorted,
                                  self->model != NULL && trib_result_model_get_sort_descending (self->model)
                                  ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing_sorter = FALSE;
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribResultView *self = TRIB_RESULT_VIEW (widget);
  g_autoptr(GtkColumnViewColumn) sorted = NULL;
  gint32 column;
  gboolean descending;

  if (self->model == NULL)
    return;

  g_variant_get (param, "(ib)", &column, &descending);

  /* Through the grid's sorter, so the header shows it. */
  if (column >= 0)
    sorted = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  gtk_column_view_sort_by_column (self->column_view, sorted, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* The grid's menu, from the keyboard (Menu, Shift+F10): what a header's
 * click and menu do, for every column, and copying the selected rows.
 */
static void
grid_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribResultView *self = TRIB_RESULT_VIEW (widget);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sort_section = g_menu_new ();
  g_autoptr(GMenu) copy_section = g_menu_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds;

  if (self->model == NULL)
    return;

  for (guint i = 0; i < trib_result_model_get_n_columns (self->model); i++)
    {
      g_autoptr(GMenuModel) submenu = create_header_menu (i);
      g_auto(GStrv) parts = g_strsplit (trib_result_model_get_column_name (self->model, i), "_", -1);
      g_autofree char *name = g_strjoinv ("__", parts);
      /* Translators: a menu item of the result grid; %s is a column's name */
      g_autofree char *label = g_strdup_printf (_("Sort by “%s”"), name);

      g_menu_append_submenu (sort_section, label, submenu);
    }
  g_menu_append (copy_section, _("_Copy Rows"), "result.copy");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (sort_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy_section));

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->grid_menu), G_MENU_MODEL (menu));

  /* Next to the row (or cell) the keyboard is on. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
      gtk_widget_compute_bounds (focus, widget, &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->grid_menu),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->grid_menu), NULL);

  gtk_popover_popup (GTK_POPOVER (self->grid_menu));
}

static void
copy_rows_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribResultView *self = TRIB_RESULT_VIEW (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autofree char *tsv = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->model == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      guint row = _trib_result_view_get_row_position (self, position);

      if (row != G_MAXUINT)
        g_array_append_val (positions, row);
    }

  if (positions->len == 0)
    return;

  tsv = trib_result_model_dup_tsv (self->model, (const guint *) (gpointer) positions->data, positions->len, TRUE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
}

static void
copy_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TribResultView *self = TRIB_RESULT_VIEW (widget);
  guint column = g_variant_get_uint32 (param);
  const char *value;

  if (self->model == NULL || column >= trib_result_model_get_n_columns (self->model))
    return;

  /* NULL copies as nothing, as it prints in CSV. */
  value = trib_result_model_get_value (self->model, self->details_position, column, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), value != NULL ? value : "");
}

static void
trib_result_view_dispose (GObject *object)
{
  TribResultView *self = (TribResultView *)object;

  g_cancellable_cancel (self->sort_cancellable);
  g_clear_object (&self->sort_cancellable);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, _trib_result_view_update_empty, self);
      g_signal_handlers_disconnect_by_func (self->model, order_changed_cb, self);
    }
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), sorter_changed_cb, self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  if (self->scroller != NULL)
    trib_grid_scroller_set_slots (self->scroller, NULL);
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_func (self->slots, _trib_result_view_show_rows_again, self);
  g_clear_object (&self->slots);
  g_clear_object (&self->selection);
  _trib_result_view_dispose_filter (self);
  g_clear_object (&self->feed);
  g_clear_object (&self->model);

  g_clear_pointer (&self->grid_menu, gtk_widget_unparent);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_RESULT_VIEW);

  G_OBJECT_CLASS (trib_result_view_parent_class)->dispose (object);
}

static void
trib_result_view_class_init (TribResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_result_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribResultView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, empty_box);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, empty_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, sorting_box);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, details);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, details_title);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, details_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_details_cb);
  _trib_result_view_class_init_filter (widget_class);

  gtk_widget_class_install_action (widget_class, "result.sort", "(ib)", sort_action);
  gtk_widget_class_install_action (widget_class, "result.copy", NULL, copy_rows_action);
  gtk_widget_class_install_action (widget_class, "result.copy-value", "u", copy_value_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "result.copy", NULL);
  gtk_widget_class_install_action (widget_class, "result.menu", NULL, grid_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "result.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "result.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "resultview");
}

/* The cells dim NULL themselves, as much as the style dims: they are
 * all shown again, as after a new order.
 */
static void
high_contrast_changed_cb (TribResultView *self)
{
  _trib_result_view_show_rows_again (self);
}

static void
trib_result_view_init (TribResultView *self)
{
  g_type_ensure (TRIB_TYPE_RESULT_ROW);
  g_type_ensure (TRIB_TYPE_GRID_SCROLLER);

  gtk_widget_init_template (GTK_WIDGET (self));
  trib_a11y_name_column_view (self->column_view, _("Result rows"));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->column_view));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->details_list));
  self->grid_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_position (GTK_POPOVER (self->grid_menu), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->grid_menu, GTK_WIDGET (self));

  self->feed = trib_row_feed_new (GTK_WIDGET (self->column_view));
  self->selection = gtk_multi_selection_new (g_object_ref (_trib_result_view_init_filter (self)));
  self->slots = trib_grid_slots_new (GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->slots, "moved",
                            G_CALLBACK (_trib_result_view_show_rows_again), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->slots));
  trib_grid_scroller_set_slots (self->scroller, self->slots);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
}

TribResultView *
trib_result_view_new (void)
{
  return g_object_new (TRIB_TYPE_RESULT_VIEW, NULL);
}

/**
 * trib_result_view_get_model:
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
TribResultModel *
trib_result_view_get_model (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), NULL);

  return self->model;
}

void
trib_result_view_set_model (TribResultView  *self,
                            TribResultModel *model)
{
  g_return_if_fail (TRIB_IS_RESULT_VIEW (self));
  g_return_if_fail (!model || TRIB_IS_RESULT_MODEL (model));

  if (self->model == model)
    return;

  stop_sorting (self);
  close_details_cb (self);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, _trib_result_view_update_empty, self);
      g_signal_handlers_disconnect_by_func (self->model, order_changed_cb, self);
    }
  _trib_result_view_filter_set_model (self, NULL);
  self->syncing_sorter = TRUE;
  remove_columns (self);
  self->syncing_sorter = FALSE;
  g_set_object (&self->model, model);
  trib_row_feed_set_model (self->feed, model);
  trib_grid_slots_set_offset (self->slots, 0);

  if (model != NULL)
    {
      add_columns (self);
      sync_sorter (self);
      _trib_result_view_filter_set_model (self, model);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (_trib_result_view_update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "order-changed", G_CALLBACK (order_changed_cb), self, G_CONNECT_SWAPPED);
    }

  _trib_result_view_update_empty (self);
}

/**
 * trib_result_view_set_loading:
 * @loading: whether more rows may come
 *
 * An empty result reads "No rows" once its statement is done, and says
 * that rows are awaited before.
 */
void
trib_result_view_set_loading (TribResultView *self,
                              gboolean        loading)
{
  g_return_if_fail (TRIB_IS_RESULT_VIEW (self));

  self->loading = !!loading;
  _trib_result_view_update_empty (self);
}

/**
 * trib_result_view_get_sorting:
 *
 * Returns: whether a sort is under way
 */
gboolean
trib_result_view_get_sorting (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), FALSE);

  return self->sort_cancellable != NULL;
}

/**
 * trib_result_view_get_rows:
 *
 * Returns: (transfer none): all the rows the grid shows, filtered, and
 *   their selection; the grid's own list holds those in sight
 */
GtkSelectionModel *
trib_result_view_get_rows (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * trib_result_view_get_row_adjustment:
 *
 * Returns: (transfer none): where the grid is scrolled to, in rows
 */
GtkAdjustment *
trib_result_view_get_row_adjustment (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), NULL);

  return trib_grid_scroller_get_adjustment (self->scroller);
}

/**
 * trib_result_view_get_column_view:
 *
 * Returns: (transfer none): the grid, for tests and accessibility
 */
GtkColumnView *
trib_result_view_get_column_view (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), NULL);

  return self->column_view;
}
