/* test-ui-datasets.c
 *
 * The datasets page on the demo platform: search the list, open a
 * dataset and its batches, follow its schema link, query it, create one
 * from a schema made since the list was read and delete it after the
 * confirmation that names it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-a11y.h"
#include "trib-application.h"
#include "trib-dataset.h"
#include "trib-dataset-create-dialog.h"
#include "trib-datasets-page.h"
#include "trib-format.h"
#include "trib-list-cell.h"
#include "trib-paged-list.h"
#include "trib-query-page.h"
#include "trib-schema-registry.h"
#include "trib-schemas-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

static gboolean
batches_shown (gpointer data)
{
  return trib_datasets_page_get_n_batches (data) >= 3;
}

static gboolean
dataset_dialog_open (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_DATASET_CREATE_DIALOG, NULL) != NULL;
}

static gboolean
dataset_dialog_closed (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_DATASET_CREATE_DIALOG, NULL) == NULL;
}

#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"

static gboolean
new_schema_selectable (gpointer data)
{
  const char *id = g_object_get_data (G_OBJECT (data), "test-schema-id");

  return trib_dataset_create_dialog_select_schema (data, id);
}

/* The selection of the schemas page's list of resources, not of its
 * field tree.
 */
static GtkSingleSelection *
find_list_selection (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          TRIB_IS_PAGED_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return GTK_SINGLE_SELECTION (model);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = find_list_selection (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
schemas_searched (gpointer data)
{
  GListModel *list = trib_schemas_page_get_list (data);

  return list != NULL && g_list_model_get_n_items (list) == 1 && trib_paged_list_get_complete (TRIB_PAGED_LIST (list));
}

static gboolean
orders_schema_selected (gpointer data)
{
  GtkSingleSelection *selection = find_list_selection (data);
  TribXdmResource *selected = selection != NULL ? gtk_single_selection_get_selected_item (selection) : NULL;

  return TRIB_IS_XDM_RESOURCE (selected) && g_str_equal (trib_xdm_resource_get_id (selected), ORDERS_SCHEMA);
}

static void
schema_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TribXdmResource **schema = user_data;
  g_autoptr(GError) error = NULL;

  *schema = trib_schema_registry_create_schema_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The row of the dataset's schema, titled with the schema's title. */
static gboolean
schema_row_titled (gpointer data)
{
  TribXdmResource *schema = g_object_get_data (G_OBJECT (data), "test-schema");
  GtkWidget *row = trib_ui_test_find_row (data, trib_xdm_resource_get_title (schema));

  return row != NULL &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), trib_xdm_resource_get_id (schema)) == 0;
}

static gboolean
message_dialog_open (gpointer data)
{
  return trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

static void
test_datasets_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *editor_text = NULL;
  g_autofree char *name = g_strdup_printf ("Leads Dataset %u", (guint) g_random_int ());
  g_autofree char *schema_title = g_strdup_printf ("Leads %u", (guint) g_random_int ());
  g_autoptr(TribXdmResource) schema = NULL;
  TribSchemasPage *schemas_page;
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribDatasetCreateDialog *dialog;
  TribDatasetsPage *page;
  TribQueryPage *query_page;
  GtkWindow *confirmation;
  GtkWidget *column_view;
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  /* Alt+3 goes to the datasets, read a page at a time. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 30);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "datasets-wide-light.png");

  /* Search, then open the one dataset found. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "luma orders");
  trib_ui_test_iterate_until (trib_ui_test_only_luma_orders, page, 20);
  trib_ui_test_settle ();
  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);

  /* The row a screen reader reads is named after what it shows. */
  {
    GtkWidget *cell = trib_ui_test_find_widget (column_view, TRIB_TYPE_LIST_CELL, NULL);
    const char *row_name = trib_list_cell_get_row_name (TRIB_LIST_CELL (cell));
    g_autofree char *mismatch = NULL;

    g_assert_nonnull (row_name);
    g_assert_nonnull (strstr (row_name, "Luma Orders"));
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (trib_a11y_find_row (cell)),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, row_name);
    g_assert_null (mismatch);
  }

  /* Each cell shows its column's value of the dataset, the last batch in
   * its colour; the schema's title as the row is named with it.
   */
  {
    g_autoptr(TribDataset) dataset = g_list_model_get_item (trib_datasets_page_get_list (page), 0);
    GtkWidget *row = trib_a11y_find_row (trib_ui_test_find_widget (column_view, TRIB_TYPE_LIST_CELL, NULL));
    const char *row_name = trib_list_cell_get_row_name (TRIB_LIST_CELL (trib_ui_test_find_widget (row, TRIB_TYPE_LIST_CELL,
                                                                                                 NULL)));
    g_autofree char *created = trib_format_date (trib_dataset_get_created (dataset));
    const char *css_class = NULL;
    const char *status = trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &css_class);
    GtkInscription *cells[5];
    guint n_cells = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      {
        g_assert_cmpuint (n_cells, <, G_N_ELEMENTS (cells));
        cells[n_cells++] = GTK_INSCRIPTION (trib_ui_test_find_widget (child, GTK_TYPE_INSCRIPTION, NULL));
      }
    g_assert_cmpuint (n_cells, ==, G_N_ELEMENTS (cells));
    g_assert_cmpstr (gtk_inscription_get_text (cells[0]), ==, trib_dataset_get_name (dataset));
    g_assert_nonnull (gtk_inscription_get_text (cells[1]));
    g_assert_cmpstr (gtk_inscription_get_text (cells[1]), !=, "");
    g_assert_nonnull (strstr (row_name, gtk_inscription_get_text (cells[1])));
    g_assert_cmpstr (gtk_inscription_get_text (cells[2]), ==, trib_dataset_get_table_name (dataset));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cells[2]), "monospace"));
    g_assert_cmpstr (gtk_inscription_get_text (cells[3]), ==, created);
    g_assert_cmpstr (gtk_inscription_get_text (cells[4]), ==, status);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cells[4]), css_class != NULL ? css_class : "dim-label"));
  }
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (batches_shown, page, 20);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-detail-wide-light.png");

  /* Its dates read as on every page. */
  {
    g_autofree char *created = trib_format_date_time (trib_dataset_get_created (trib_datasets_page_get_dataset (page)));

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (trib_ui_test_find_row (GTK_WIDGET (page), "Created"))),
                     ==, created);
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-detail-wide-dark.png");
  trib_ui_test_resize (GTK_WIDGET (window), 400, 760);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-detail-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-detail-narrow-light.png");
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_settle ();

  /* Its schema link leads to the schema, shown and selected in the list
   * even though the list was left searching for something else.
   */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  schemas_page = TRIB_SCHEMAS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE, NULL));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (schemas_page), GTK_TYPE_SEARCH_ENTRY,
                                                                 NULL)),
                         "Web Events");
  trib_ui_test_iterate_until (schemas_searched, schemas_page, 30);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.show-schema", NULL);
  trib_ui_test_iterate_until (orders_schema_selected, schemas_page, 30);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (schemas_page)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (schemas_page),
                                                                                  GTK_TYPE_SEARCH_ENTRY, NULL))),
                   ==, "");
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schema-linked-wide-light.png");
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");

  /* "Query This Dataset" opens its first rows in a new query tab. */
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.query", NULL);
  trib_ui_test_settle ();
  query_page = TRIB_QUERY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (query_page)));
  editor_text = trib_query_editor_dup_text (trib_query_page_get_current_editor (query_page));
  g_assert_cmpstr (editor_text, ==, "SELECT * FROM luma_orders LIMIT 50");

  /* A new dataset from a schema made since the datasets were listed: its
   * schema shows by its title, not its id. Then it is deleted after a
   * confirmation.
   */
  trib_schema_registry_create_schema_async (trib_session_get_client (trib_window_get_session (window)),
                                            schema_title, "Made by test-ui-datasets.",
                                            "https://ns.adobe.com/xdm/context/profile",
                                            (const char * const []) { "https://ns.adobe.com/xdm/context/profile-person-details", NULL },
                                            NULL, schema_created_cb, &schema);
  trib_ui_test_iterate_until (is_set, &schema, 30);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  trib_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.new", NULL);
  trib_ui_test_iterate_until (dataset_dialog_open, NULL, 10);
  dialog = TRIB_DATASET_CREATE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_DATASET_CREATE_DIALOG, NULL));
  trib_dataset_create_dialog_set_name (dialog, name);
  g_object_set_data_full (G_OBJECT (dialog), "test-schema-id", g_strdup (trib_xdm_resource_get_id (schema)), g_free);
  trib_ui_test_iterate_until (new_schema_selectable, dialog, 20);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "dataset-create-light.png");
  g_object_set_data_full (G_OBJECT (page), "test-wanted-name", g_strdup (name), g_free);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (dataset_dialog_closed, NULL, 20);
  trib_ui_test_iterate_until (trib_ui_test_showing_dataset_named, page, 20);
  g_object_set_data (G_OBJECT (page), "test-schema", schema);
  trib_ui_test_iterate_until (schema_row_titled, page, 20);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-created-light.png");

  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.delete", NULL);
  trib_ui_test_iterate_until (message_dialog_open, NULL, 10);
  confirmation = trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirmation)), name));
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (confirmation), "dataset-delete-light.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirmation), "delete");
  trib_ui_test_iterate_until (trib_ui_test_back_on_datasets, page, 20);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/datasets-page", test_datasets_page);

  return g_test_run ();
}
