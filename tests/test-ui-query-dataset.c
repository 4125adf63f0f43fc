/* test-ui-query-dataset.c
 *
 * Query This Dataset on one of the demo's generated datasets, which
 * the demo's PostgreSQL has no database of its own for: the simulator's
 * Data Distiller front (sim-pg-front.c) opens `prod:{table}` for it,
 * as the platform does for every dataset, and its rows come back; a
 * field path copied from the Schemas page runs too.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trib-application.h"
#include "trib-datasets-page.h"
#include "trib-paged-list.h"
#include "trib-ui-query-test.h"

#define GENERATED_NAME "CRM Export — APAC 00002"
#define GENERATED_TABLE "crm_export_apac_00002"

static gboolean
only_generated (gpointer data)
{
  GListModel *list = trib_datasets_page_get_list (data);
  g_autoptr(TribDataset) first = NULL;

  if (list == NULL || g_list_model_get_n_items (list) != 1 || !trib_paged_list_get_complete (TRIB_PAGED_LIST (list)))
    return FALSE;
  first = g_list_model_get_item (list, 0);

  return g_str_equal (trib_dataset_get_name (first), GENERATED_NAME);
}

static gboolean
generated_shown (gpointer data)
{
  TribDataset *dataset = trib_datasets_page_get_dataset (data);

  return dataset != NULL && g_strcmp0 (trib_dataset_get_table_name (dataset), GENERATED_TABLE) == 0;
}

static void
test_query_generated_dataset (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *text = NULL;
  TribDatasetsPage *page;
  TribQueryPage *query_page;
  GtkWidget *column_view;
  TribWindow *window;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 30);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         GENERATED_NAME);
  trib_ui_test_iterate_until (only_generated, page, 20);
  trib_ui_test_settle ();
  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (generated_shown, page, 20);

  /* Its first rows, on the dataset's own database. */
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.query", NULL);
  trib_ui_test_settle ();
  query_page = TRIB_QUERY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (query_page)));
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (query_page));
  g_assert_cmpstr (text, ==, "SELECT * FROM " GENERATED_TABLE " LIMIT 50");
  g_assert_cmpstr (trib_query_tab_get_table (trib_query_page_get_current_tab (query_page)), ==, GENERATED_TABLE);
  gtk_widget_grab_focus (trib_ui_query_get_view (trib_query_page_get_current_editor (query_page)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Return");
  trib_ui_query_wait_for_runs (query_page, 1);
  g_assert_cmpint (trib_ui_query_state_at (query_page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  /* An orders-shaped dataset: its first column is the order id. */
  g_assert_true (g_str_has_prefix (trib_ui_query_first_value (query_page, 0), "ORD-"));
  trib_ui_test_settle ();
  trib_ui_query_save_screenshots (GTK_WIDGET (window), "query-generated-dataset", FALSE);

  trib_ui_query_run_and_wait (GTK_WIDGET (window), query_page, "SELECT count(*) FROM " GENERATED_TABLE,
                              "ctrl+Return", 1);
  g_assert_cmpstr (trib_ui_query_first_value (query_page, 0), ==, "22");

  /* A path as the Schemas page shows it, on the Luma web events. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.query-dataset", "s", "luma_web_events");
  trib_ui_query_run_and_wait (GTK_WIDGET (window), query_page,
                              "SELECT web.webPageDetails.name FROM luma_web_events WHERE _id = 'evt-0000001'",
                              "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (query_page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_ui_query_first_value (query_page, 0), !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-dataset", test_query_generated_dataset);

  return g_test_run ();
}
