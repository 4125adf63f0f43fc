/* trib-datasets-columns.c
 *
 * The cells of the datasets page's list: a label each, the name's cell
 * naming its row for assistive technologies.
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

typedef struct
{
  TribSchemaTitleFunc func;
  gpointer data;
} SchemaTitle;

static SchemaTitle *
schema_title_new (TribSchemaTitleFunc func,
                  gpointer            data)
{
  SchemaTitle *title = g_new (SchemaTitle, 1);

  title->func = func;
  title->data = data;

  return title;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (g_strcmp0 (user_data, "monospace") == 0)
    gtk_widget_add_css_class (label, "monospace");
  gtk_list_item_set_child (item, label);
}

/* The name's cell names its row too, after what the row shows. */
static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SchemaTitle              *title)
{
  TribDataset *dataset = gtk_list_item_get_item (item);
  const char *css_class;
  const char *status = trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &css_class);
  const char *schema = title->func (title->data, trib_dataset_get_schema_id (dataset));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), trib_dataset_get_name (dataset));
  trib_a11y_set_row_parts (item, trib_dataset_get_name (dataset), schema != NULL ? schema : "",
                           trib_dataset_get_table_name (dataset) != NULL ? trib_dataset_get_table_name (dataset) : "",
                           status != NULL ? status : "", NULL);
}

static void
unbind_name_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  trib_a11y_set_row_label (item, NULL);
}

static void
bind_schema_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SchemaTitle              *title)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       title->func (title->data, trib_dataset_get_schema_id (gtk_list_item_get_item (item))));
}

static void
bind_table_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       trib_dataset_get_table_name (gtk_list_item_get_item (item)));
}

static void
bind_created_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  g_autofree char *created = trib_format_date (trib_dataset_get_created (gtk_list_item_get_item (item)));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), created);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *css_classes[] = { "success", "error", "warning", "dim-label" };
  const char *css_class;
  const char *text = trib_format_batch_status (trib_dataset_get_last_batch_status (gtk_list_item_get_item (item)), &css_class);

  for (guint i = 0; i < G_N_ELEMENTS (css_classes); i++)
    gtk_widget_remove_css_class (label, css_classes[i]);
  gtk_widget_add_css_class (label, css_class != NULL ? css_class : "dim-label");
  gtk_label_set_label (GTK_LABEL (label), text);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            GCallback      bind,
            SchemaTitle   *schema_title,
            const char    *style,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), (gpointer) style);
  if (schema_title != NULL)
    g_signal_connect_data (factory, "bind", bind, schema_title, (GClosureNotify) g_free, 0);
  else
    g_signal_connect (factory, "bind", bind, NULL);
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
 * @table_column: (out): the table's column, hidden on a narrow page
 * @created_column: (out): the creation date's column, hidden on a narrow page
 *
 * Adds the name, schema, table, creation date and last batch's columns.
 */
void
trib_datasets_columns_add (GtkColumnView        *view,
                           TribSchemaTitleFunc   schema_title,
                           gpointer              data,
                           GtkColumnViewColumn **table_column,
                           GtkColumnViewColumn **created_column)
{
  GtkColumnViewColumn *column;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (schema_title != NULL);

  column = add_column (view, _("Name"), G_CALLBACK (bind_name_cb), schema_title_new (schema_title, data),
                       NULL, TRUE);
  g_signal_connect (gtk_column_view_column_get_factory (column), "unbind", G_CALLBACK (unbind_name_cb), NULL);
  trib_a11y_name_column_view (view, _("Datasets"));
  add_column (view, _("Schema"), G_CALLBACK (bind_schema_cb), schema_title_new (schema_title, data),
              NULL, FALSE);
  *table_column = add_column (view, _("Table"), G_CALLBACK (bind_table_cb), NULL, "monospace", FALSE);
  *created_column = add_column (view, _("Created"), G_CALLBACK (bind_created_cb), NULL, NULL, FALSE);
  add_column (view, _("Last Batch"), G_CALLBACK (bind_status_cb), NULL, NULL, FALSE);
}
