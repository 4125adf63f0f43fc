/* trib-datasets-columns.c
 *
 * The columns of the datasets page's list, whose cells show the values
 * of the dataset their row stands for: an inscription each, whose width
 * is its column's and not its text's (a label given a new text lays the
 * window out again), the name's cell naming its row for assistive
 * technologies. The list's items are the rows in sight (TribListSlot),
 * and a cell shows another dataset when its row's does.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-datasets-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-dataset.h"
#include "trib-datasets-columns.h"
#include "trib-format.h"
#include "trib-list-cell.h"
#include "trib-list-slot.h"

typedef struct
{
  TribSchemaTitleFunc func;
  gpointer data;
} SchemaTitle;

static const char *
lookup_schema_title (SchemaTitle *title,
                     TribDataset *dataset)
{
  return title->func (title->data, trib_dataset_get_schema_id (dataset));
}

static char *
dataset_row_name (SchemaTitle *title,
                  TribDataset *dataset)
{
  const char *css_class;
  const char *status;
  const char *schema;

  status = trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &css_class);
  schema = lookup_schema_title (title, dataset);

  return trib_a11y_join_parts (trib_dataset_get_name (dataset), schema != NULL ? schema : "",
                               trib_dataset_get_table_name (dataset) != NULL ? trib_dataset_get_table_name (dataset) : "",
                               status != NULL ? status : "", NULL);
}

/* The batch's colour, or dim when it has none; set only when it changes,
 * as GTK 4.8 restyles the cells after one whose classes were set.
 */
static void
show_status_class (GtkWidget  *cell,
                   const char *css_class)
{
  const char *shown = g_object_get_data (G_OBJECT (cell), "trib-status-class");

  if (css_class == NULL)
    css_class = "dim-label";
  if (g_strcmp0 (shown, css_class) == 0)
    return;

  if (shown != NULL)
    gtk_widget_remove_css_class (cell, shown);
  gtk_widget_add_css_class (cell, css_class);
  g_object_set_data (G_OBJECT (cell), "trib-status-class", (gpointer) g_intern_string (css_class));
}

/* How wide each column's cells ask to be, in characters. */
static const int nat_chars[] = { 24, 24, 32, 10, 12 };

/* Made here rather than from .ui resources: a GtkBuilder parsing a
 * resource for each cell costs more than drawing it, and GTK 4.8 makes
 * a list's rows anew when it is given another list (a search, a sort).
 */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  TribDatasetsColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *text = gtk_inscription_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (nat_chars) == TRIB_DATASETS_N_COLUMNS);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars[column]);
  if (column == TRIB_DATASETS_COLUMN_TABLE)
    gtk_widget_add_css_class (text, "monospace");

  /* For the cell to show its row's next dataset without its factory. */
  g_object_set_data (G_OBJECT (item), "trib-column", user_data);
  g_object_set_data (G_OBJECT (item), "trib-schema-title",
                     g_object_get_data (G_OBJECT (factory), "trib-schema-title"));

  if (column == TRIB_DATASETS_COLUMN_NAME)
    {
      GtkWidget *cell = g_object_new (TRIB_TYPE_LIST_CELL, NULL);

      adw_bin_set_child (ADW_BIN (cell), text);
      gtk_list_item_set_child (item, cell);
    }
  else
    {
      gtk_list_item_set_child (item, text);
    }
}

/* The values are set here rather than bound in .ui files: the
 * expressions' watches, made and dropped for every dataset, and their
 * closures, called through libffi, cost three times what showing the
 * values does.
 */
static void
show_dataset (GtkListItem *item,
              TribDataset *dataset)
{
  TribDatasetsColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "trib-column"));
  SchemaTitle *title = g_object_get_data (G_OBJECT (item), "trib-schema-title");
  GtkWidget *cell = gtk_list_item_get_child (item);

  switch (column)
    {
    case TRIB_DATASETS_COLUMN_NAME:
      {
        g_autofree char *row_name = dataset_row_name (title, dataset);

        trib_list_cell_set_row_name (TRIB_LIST_CELL (cell), row_name);
        gtk_inscription_set_text (GTK_INSCRIPTION (adw_bin_get_child (ADW_BIN (cell))),
                                  trib_dataset_get_name (dataset));
      }
      break;

    case TRIB_DATASETS_COLUMN_SCHEMA:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), lookup_schema_title (title, dataset));
      break;

    case TRIB_DATASETS_COLUMN_TABLE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), trib_dataset_get_table_name (dataset));
      break;

    case TRIB_DATASETS_COLUMN_CREATED:
      {
        g_autofree char *created = trib_format_date (trib_dataset_get_created (dataset));

        gtk_inscription_set_text (GTK_INSCRIPTION (cell), created);
      }
      break;

    case TRIB_DATASETS_COLUMN_LAST_BATCH:
      {
        const char *css_class = NULL;

        gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                                  trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &css_class));
        show_status_class (cell, css_class);
      }
      break;

    case TRIB_DATASETS_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
slot_moved_cb (TribListSlot *slot,
               GParamSpec   *pspec,
               GtkListItem  *item)
{
  show_dataset (item, trib_list_slot_get_item (slot));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  TribListSlot *slot = gtk_list_item_get_item (item);

  show_dataset (item, trib_list_slot_get_item (slot));
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (slot_moved_cb), item, 0);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), slot_moved_cb, item);
}

static GtkColumnViewColumn *
add_column (GtkColumnView      *view,
            SchemaTitle        *schema_title,
            const char         *title,
            TribDatasetsColumn  cell,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "trib-schema-title", schema_title);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (cell));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GUINT_TO_POINTER (cell));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}

/**
 * trib_datasets_columns_add:
 * @view: the list of datasets, whose items are `TribListSlot`s standing
 *   for `TribDataset`s
 * @schema_title: gives the title shown for a schema's `$id`
 * @data: data for @schema_title, which must outlive @view's columns
 * @columns: (out caller-allocates): the columns added, in #TribDatasetsColumn order
 *
 * Adds the name, schema, table, creation date and last batch's columns.
 */
void
trib_datasets_columns_add (GtkColumnView        *view,
                           TribSchemaTitleFunc   schema_title,
                           gpointer              data,
                           GtkColumnViewColumn  *columns[TRIB_DATASETS_N_COLUMNS])
{
  SchemaTitle *title;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (schema_title != NULL);

  /* The view keeps it; its columns' factories, which read it at every
   * bind, go with the view.
   */
  title = g_new (SchemaTitle, 1);
  title->func = schema_title;
  title->data = data;
  g_object_set_data_full (G_OBJECT (view), "trib-schema-title", title, g_free);

  columns[TRIB_DATASETS_COLUMN_NAME] = add_column (view, title, _("Name"), TRIB_DATASETS_COLUMN_NAME, TRUE);
  trib_a11y_name_column_view (view, _("Datasets"));
  columns[TRIB_DATASETS_COLUMN_SCHEMA] = add_column (view, title, _("Schema"), TRIB_DATASETS_COLUMN_SCHEMA, FALSE);
  columns[TRIB_DATASETS_COLUMN_TABLE] = add_column (view, title, _("Table"), TRIB_DATASETS_COLUMN_TABLE, FALSE);
  columns[TRIB_DATASETS_COLUMN_CREATED] = add_column (view, title, _("Created"), TRIB_DATASETS_COLUMN_CREATED,
                                                      FALSE);
  columns[TRIB_DATASETS_COLUMN_LAST_BATCH] = add_column (view, title, _("Last Batch"),
                                                         TRIB_DATASETS_COLUMN_LAST_BATCH, FALSE);
}
