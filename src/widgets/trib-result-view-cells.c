/* trib-result-view-cells.c
 *
 * The cells of the result grid: a value each, shortened to one line,
 * NULL shown as such; and how they show other rows as the grid scrolls,
 * or the model's rows come in a new order.
 *
 * A cell is a GtkInscription, whose size is its column's and not its
 * text's: a label given a new value asks the whole window to be laid
 * out again, and every frame of a scroll gave hundreds of them.
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
#include "trib-result-row.h"
#include "trib-result-view-private.h"

/* How many characters of a value a cell shows; the row details show all. */
#define CELL_CHARS 120

/* A column is as wide as the longest of its first values, up to this. */
#define MAX_CELL_CHARS 48
#define WIDTH_SAMPLE_ROWS 100

/* What a cell keeps about itself: by quark, which costs less than the
 * string g_object_set_data () looks up, for every cell shown. Set once,
 * on the main thread, before the first cell is made.
 */
static GQuark cell_item_quark;
static GQuark cell_column_quark;

static gboolean
is_numeric (TribColumnKind kind)
{
  return kind == TRIB_COLUMN_KIND_INTEGER || kind == TRIB_COLUMN_KIND_FLOAT || kind == TRIB_COLUMN_KIND_NUMERIC;
}

static int
min_chars_for_kind (TribColumnKind kind)
{
  switch (kind)
    {
    case TRIB_COLUMN_KIND_BOOLEAN:
      return 5;
    case TRIB_COLUMN_KIND_INTEGER:
    case TRIB_COLUMN_KIND_FLOAT:
    case TRIB_COLUMN_KIND_NUMERIC:
      return 8;
    case TRIB_COLUMN_KIND_DATE:
      return 10;
    case TRIB_COLUMN_KIND_TIMESTAMP:
      return 19;
    case TRIB_COLUMN_KIND_TEXT:
    case TRIB_COLUMN_KIND_JSON:
    case TRIB_COLUMN_KIND_ARRAY:
    case TRIB_COLUMN_KIND_STRUCT:
    default:
      return 14;
    }
}

/* The characters a column's cells ask for: those of the longest of the
 * first values that have come, at least what its kind needs.
 */
static guint
natural_chars (TribResultView *self,
               guint           column,
               guint           min_chars)
{
  guint n_rows = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->model)), WIDTH_SAMPLE_ROWS);
  guint chars = min_chars;

  for (guint row = 0; row < n_rows && chars < MAX_CELL_CHARS; row++)
    {
      g_autofree char *compacted = NULL;
      const char *text = trib_result_model_peek_compact (self->model, row, column, MAX_CELL_CHARS,
                                                         &compacted);

      if (text != NULL)
        chars = MAX (chars, (guint) g_utf8_strlen (text, -1));
    }

  return MIN (chars, MAX_CELL_CHARS);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TribResultView           *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  TribColumnKind kind = trib_result_model_get_column_kind (self->model, column);
  guint min_chars = min_chars_for_kind (kind);
  guint nat_chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "trib-nat-chars"));

  /* Measured once, from the rows there are when the first cell is made. */
  if (nat_chars == 0)
    {
      nat_chars = natural_chars (self, column, min_chars);
      g_object_set_data (G_OBJECT (factory), "trib-nat-chars", GUINT_TO_POINTER (nat_chars));
    }

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), is_numeric (kind) ? 1 : 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Columns keep a readable width; a narrow window scrolls sideways. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_list_item_set_child (item, cell);
  /* The item owns the cell: no reference, which would keep it. */
  g_object_set_qdata (G_OBJECT (cell), cell_item_quark, item);
  g_object_set_qdata (G_OBJECT (cell), cell_column_quark, GUINT_TO_POINTER (column));
}

#define ROW_NAME_COLUMNS 8

/* A row's accessible name: its number and its first values, as a
 * screen reader reads a row of a table it cannot enter cell by cell.
 */
static char *
describe_row (TribResultView *self,
              guint           position)
{
  guint n_columns = MIN (trib_result_model_get_n_columns (self->model), ROW_NAME_COLUMNS);
  g_autoptr(GString) values = g_string_sized_new (n_columns * (ROW_NAME_CHARS / 2));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *compacted = NULL;
      const char *text = trib_result_model_peek_compact (self->model, position, i, ROW_NAME_CHARS,
                                                         &compacted);

      if (i > 0)
        g_string_append (values, ", ");
      g_string_append (values, text == NULL ? C_("sql value", "NULL") :
                               text[0] == '\0' ? C_("sql value", "Empty") : text);
    }

  /* Translators: the accessible name of a row of a query's result: its number from 1, then its values */
  return g_strdup_printf (_("Row %u: %s"), position + 1, values->str);
}

/* Shared by the cells, which are all on the main thread. */
static PangoAttrList *
null_attributes (void)
{
  static PangoAttrList *italic;

  if (italic == NULL)
    {
      italic = pango_attr_list_new ();
      pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
    }

  return italic;
}

/* .dim-label's opacity in ui/style.css, and for high contrast in
 * ui/style-hc.css.
 */
static double
null_opacity (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? 0.9 : 0.75;
}

/* Shows the value of @item's row in @column, and names the row after
 * its values from the first column's cell.
 */
static void
show_cell (TribResultView *self,
           GtkListItem    *item,
           guint           column)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  TribResultRow *row = gtk_list_item_get_item (item);
  g_autofree char *compacted = NULL;
  const char *text;
  PangoAttrList *attributes;

  text = trib_result_model_peek_compact (self->model, trib_result_row_get_position (row), column,
                                         CELL_CHARS, &compacted);
  /* Translators: shown in a cell whose value is SQL NULL */
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text != NULL ? text : C_("sql value", "NULL"));

  /* NULL dimmed and in italics, as .null-value sets it elsewhere, but
   * through the text's attributes and the cell's own opacity: a style
   * class changing the font would have the window laid out again, as a
   * label's new text did, and any class costs the cell a new style each
   * time it turns NULL or back, which every tenth row of a scroll may.
   */
  attributes = text == NULL ? null_attributes () : NULL;
  if (gtk_inscription_get_attributes (GTK_INSCRIPTION (cell)) != attributes)
    gtk_inscription_set_attributes (GTK_INSCRIPTION (cell), attributes);
  gtk_widget_set_opacity (cell, text == NULL ? null_opacity () : 1.0);

  /* A cell is named after its text, which it sets itself; an empty
   * one has no name but its type's.
   */
  if (text != NULL && text[0] == '\0')
    trib_a11y_set_label (cell, C_("sql value", "Empty"));

  if (column == 0)
    {
      g_autofree char *row_name = describe_row (self, trib_result_row_get_position (row));

      trib_a11y_set_row_label (item, row_name);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TribResultView           *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  show_cell (self, item, column);
}

/* Shows again every cell under @widget, for the row its item stands for
 * now.
 */
static void
show_cells_again (TribResultView *self,
                  GtkWidget      *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListItem *item = g_object_get_qdata (G_OBJECT (child), cell_item_quark);

      if (item == NULL)
        show_cells_again (self, child);
      else if (gtk_list_item_get_item (item) != NULL && gtk_list_item_get_child (item) == child)
        show_cell (self, item,
                   GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), cell_column_quark)));
    }
}

/**
 * _trib_result_view_show_rows_again:
 *
 * The grid's items stand for other rows, or its rows are in another
 * order: the cells read their values again. They stay bound, and are
 * only those there is room for (TribGridSlots), so this costs what is in
 * sight, not what is loaded.
 */
void
_trib_result_view_show_rows_again (TribResultView *self)
{
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));

  if (list != NULL)
    show_cells_again (self, list);
}

void
_trib_result_view_connect_cells (TribResultView     *self,
                                 GtkListItemFactory *factory)
{
  if (cell_item_quark == 0)
    {
      cell_item_quark = g_quark_from_static_string ("trib-list-item");
      cell_column_quark = g_quark_from_static_string ("trib-column");
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  /* No unbind: a row GTK 4.8 stops showing an item in is either shown
   * another at once, and named after it, or destroyed.
   */
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
}
