/* trib-ui-test-pages.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the UI tests wait for and look up on the pages, once for all. */

#include "config.h"

#include "trib-catalog.h"
#include "trib-dataset.h"
#include "trib-datasets-page.h"
#include "trib-paged-list.h"
#include "trib-schemas-page.h"
#include "trib-ui-test.h"
#include "trib-xdm-field.h"

gboolean
trib_ui_test_schemas_listed (gpointer schemas_page)
{
  GListModel *list = trib_schemas_page_get_list (schemas_page);

  return list != NULL && g_list_model_get_n_items (list) > 0;
}

gboolean
trib_ui_test_fields_loaded (gpointer schemas_page)
{
  return trib_schemas_page_get_n_fields (schemas_page) > 0;
}

/* The row of the schema's field tree showing @path, if expanded. */
guint
trib_ui_test_field_row (TribSchemasPage *page,
                        const char      *path)
{
  GListModel *rows = trib_schemas_page_get_field_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(TribXdmField) field = gtk_tree_list_row_get_item (row);

      if (g_str_equal (trib_xdm_field_get_path (field), path))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The first page of the demo sandbox's 240 datasets has arrived. */
gboolean
trib_ui_test_datasets_listed (gpointer datasets_page)
{
  GListModel *list = trib_datasets_page_get_list (datasets_page);

  return list != NULL && g_list_model_get_n_items (list) >= TRIB_CATALOG_PAGE_SIZE;
}

/* A search for "Luma Orders" has narrowed the list to that dataset. */
gboolean
trib_ui_test_only_luma_orders (gpointer datasets_page)
{
  GListModel *list = trib_datasets_page_get_list (datasets_page);
  g_autoptr(TribDataset) first = NULL;

  if (list == NULL || g_list_model_get_n_items (list) != 1 || !trib_paged_list_get_complete (TRIB_PAGED_LIST (list)))
    return FALSE;

  first = g_list_model_get_item (list, 0);

  return g_str_equal (trib_dataset_get_name (first), "Luma Orders");
}

/* The datasets page shows the dataset named as its "test-wanted-name". */
gboolean
trib_ui_test_showing_dataset_named (gpointer datasets_page)
{
  TribDataset *dataset = trib_datasets_page_get_dataset (datasets_page);
  const char *wanted = g_object_get_data (G_OBJECT (datasets_page), "test-wanted-name");

  return dataset != NULL && g_strcmp0 (trib_dataset_get_name (dataset), wanted) == 0;
}

/* The datasets page is back on its list. */
gboolean
trib_ui_test_back_on_datasets (gpointer datasets_page)
{
  return trib_datasets_page_get_dataset (datasets_page) == NULL;
}

/* The sidebar: the list box whose rows are named after the pages. */
GtkListBox *
trib_ui_test_find_sidebar (GtkWidget *root)
{
  GtkListBoxRow *first;

  if (GTK_IS_LIST_BOX (root) && (first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (root), 0)) &&
      g_str_equal (gtk_widget_get_name (GTK_WIDGET (first)), "sandboxes"))
    return GTK_LIST_BOX (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = trib_ui_test_find_sidebar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
trib_ui_test_find_by_action (GtkWidget  *root,
                             const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = trib_ui_test_find_by_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}
