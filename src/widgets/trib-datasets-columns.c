/* trib-datasets-columns.c
 *
 * The columns of the datasets page's list, whose cells are declared in
 * ui/trib-dataset-*-cell.ui: an inscription each, whose width is its
 * column's and not its text's (a label given a new text lays the window
 * out again), the name's cell naming its row for assistive technologies.
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

typedef struct
{
  TribSchemaTitleFunc func;
  gpointer data;
} SchemaTitle;

/* The page's lookup of schema titles, kept on the column view, where a
 * cell finds it.
 */
static const char *
lookup_schema_title (GtkListItem *item,
                     TribDataset *dataset)
{
  GtkWidget *view = gtk_widget_get_ancestor (gtk_list_item_get_child (item), GTK_TYPE_COLUMN_VIEW);
  SchemaTitle *title = view != NULL ? g_object_get_data (G_OBJECT (view), "trib-schema-title") : NULL;

  return title != NULL ? title->func (title->data, trib_dataset_get_schema_id (dataset)) : NULL;
}

/* The closures of the cells' .ui files; each is given the cell's list
 * item, then its parameters.
 */

static char *
dataset_row_name (GtkListItem *item,
                  TribDataset *dataset)
{
  const char *css_class;
  const char *status;
  const char *schema;

  if (dataset == NULL)
    return NULL;

  status = trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &css_class);
  schema = lookup_schema_title (item, dataset);

  return trib_a11y_join_parts (trib_dataset_get_name (dataset), schema != NULL ? schema : "",
                               trib_dataset_get_table_name (dataset) != NULL ? trib_dataset_get_table_name (dataset) : "",
                               status != NULL ? status : "", NULL);
}

static char *
dataset_schema_title (GtkListItem *item,
                      TribDataset *dataset)
{
  return dataset != NULL ? g_strdup (lookup_schema_title (item, dataset)) : NULL;
}

static char *
dataset_created (GtkListItem *item,
                 TribDataset *dataset)
{
  return dataset != NULL ? trib_format_date (trib_dataset_get_created (dataset)) : NULL;
}

static char *
dataset_status (GtkListItem *item,
                const char  *status)
{
  const char *css_class;

  return g_strdup (trib_format_batch_status (status, &css_class));
}

static char **
dataset_status_classes (GtkListItem *item,
                        const char  *status)
{
  const char *css_class = NULL;
  const char *classes[] = { NULL, NULL };

  trib_format_batch_status (status, &css_class);
  classes[0] = css_class != NULL ? css_class : "dim-label";

  return g_strdupv ((char **) classes);
}

static GtkColumnViewColumn *
add_column (GtkColumnView   *view,
            GtkBuilderScope *scope,
            const char      *title,
            const char      *cell,
            gboolean         expand)
{
  g_autofree char *resource = g_strdup_printf (APP_RESOURCE_PATH "/trib-dataset-%s-cell.ui", cell);
  GtkListItemFactory *factory = gtk_builder_list_item_factory_new_from_resource (scope, resource);
  GtkColumnViewColumn *column;

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}

/**
 * trib_datasets_columns_add:
 * @view: the list of datasets
 * @schema_title: gives the title shown for a schema's `$id`
 * @data: data for @schema_title, which must outlive @view's columns
 * @columns: (out caller-allocates): the columns added, in #TribDatasetsColumn order
 *
 * Adds the name, schema, table, creation date and last batch's columns,
 * whose cells are declared in `trib-dataset-*-cell.ui`.
 */
void
trib_datasets_columns_add (GtkColumnView        *view,
                           TribSchemaTitleFunc   schema_title,
                           gpointer              data,
                           GtkColumnViewColumn  *columns[TRIB_DATASETS_N_COLUMNS])
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  SchemaTitle *title;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (schema_title != NULL);

  g_type_ensure (TRIB_TYPE_DATASET);
  g_type_ensure (TRIB_TYPE_LIST_CELL);

  title = g_new (SchemaTitle, 1);
  title->func = schema_title;
  title->data = data;
  g_object_set_data_full (G_OBJECT (view), "trib-schema-title", title, g_free);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "dataset_row_name", G_CALLBACK (dataset_row_name),
                                           "dataset_schema_title", G_CALLBACK (dataset_schema_title),
                                           "dataset_created", G_CALLBACK (dataset_created),
                                           "dataset_status", G_CALLBACK (dataset_status),
                                           "dataset_status_classes", G_CALLBACK (dataset_status_classes),
                                           NULL);

  columns[TRIB_DATASETS_COLUMN_NAME] = add_column (view, scope, _("Name"), "name", TRUE);
  trib_a11y_name_column_view (view, _("Datasets"));
  columns[TRIB_DATASETS_COLUMN_SCHEMA] = add_column (view, scope, _("Schema"), "schema", FALSE);
  columns[TRIB_DATASETS_COLUMN_TABLE] = add_column (view, scope, _("Table"), "table", FALSE);
  columns[TRIB_DATASETS_COLUMN_CREATED] = add_column (view, scope, _("Created"), "created", FALSE);
  columns[TRIB_DATASETS_COLUMN_LAST_BATCH] = add_column (view, scope, _("Last Batch"), "status", FALSE);
}
