/* test-ui-datasets-sort.c
 *
 * The datasets list on the demo platform, sorted by a header's click
 * and from the keyboard, filtered by last batch and schema, searched by
 * words across separators, and a failed batch's errors in the details:
 * every order and filter the Catalog of tributary-sim's, over HTTP.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-dataset-detail.h"
#include "trib-datasets-page.h"
#include "trib-paged-list.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define CRM_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"

/* The last Catalog list the app asked for carries @fragment. */
static gboolean
last_list_request_has (TribApplication *app,
                       const char      *fragment)
{
  /* The page's own, not those of completion's table names, which the
   * query page may be reading in the background.
   */
  g_autofree char *url = trib_ui_test_dup_logged_url (app, "/catalog/dataSets?",
                                                      "properties=name,description,");

  return url != NULL && strstr (url, fragment) != NULL;
}

typedef struct
{
  TribApplication *app;
  const char *fragment;
} RequestWait;

static gboolean
list_requested (gpointer data)
{
  RequestWait *wait = data;

  return last_list_request_has (wait->app, wait->fragment);
}

typedef struct
{
  TribDatasetsPage *page;
  const char *sort_column;
  gboolean descending;
} SortWait;

/* The page says it sorts so, and the first page of that order arrived. */
static gboolean
sorted_as (gpointer data)
{
  SortWait *wait = data;
  g_autofree char *column = NULL;
  gboolean descending;
  GListModel *list;

  g_object_get (wait->page, "sort-column", &column, "sort-descending", &descending, NULL);
  list = trib_datasets_page_get_list (wait->page);

  return g_strcmp0 (column, wait->sort_column) == 0 && descending == wait->descending && list != NULL &&
         !trib_paged_list_get_loading (TRIB_PAGED_LIST (list)) && g_list_model_get_n_items (list) > 0;
}

static gboolean
list_settled (gpointer data)
{
  GListModel *list = trib_datasets_page_get_list (data);

  return list != NULL && !trib_paged_list_get_loading (TRIB_PAGED_LIST (list)) &&
         trib_paged_list_get_n_requests (TRIB_PAGED_LIST (list)) > 0;
}

static void
assert_created_order (TribDatasetsPage *page,
                      gboolean          descending)
{
  GListModel *list = trib_datasets_page_get_list (page);

  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribDataset) previous = g_list_model_get_item (list, i - 1);
      g_autoptr(TribDataset) dataset = g_list_model_get_item (list, i);
      int order = g_date_time_compare (trib_dataset_get_created (previous), trib_dataset_get_created (dataset));

      g_assert_cmpint (descending ? -order : order, <=, 0);
    }
}

static gboolean
popover_open (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static GtkWidget *
find_error_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "INGEST-"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
errors_shown (gpointer data)
{
  AdwExpanderRow *row = trib_ui_test_find_any (data, ADW_TYPE_EXPANDER_ROW);

  return row != NULL && adw_expander_row_get_expanded (row) && !trib_dataset_detail_get_loading (data);
}

/* Sort by a header's click and from the menu by keyboard, filter by last
 * batch and schema, search words across separators, read a failed
 * batch's errors: all through the Catalog of tributary-sim.
 */
static void
test_datasets_sort_filter (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribDatasetsPage *page;
  TribDatasetDetail *detail;
  GtkWidget *column_view;
  GtkWidget *header;
  GtkWidget *filter_button;
  AdwExpanderRow *errors;
  GtkWidget *error_row;
  TribWindow *window;
  GListModel *list;
  SortWait wait;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 30);
  trib_ui_test_settle ();
  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);

  /* A click on Created's header sorts by creation, oldest first, on the
   * Catalog's side; a second click, newest first.
   */
  header = trib_ui_test_find_label (column_view, "Created", FALSE);
  g_assert_nonnull (header);
  trib_ui_test_click_center (GTK_WIDGET (window), header);
  wait = (SortWait) { page, "created", FALSE };
  trib_ui_test_iterate_until (sorted_as, &wait, 30);
  g_assert_true (last_list_request_has (app, "orderBy=asc:created"));
  assert_created_order (page, FALSE);
  trib_ui_test_click_center (GTK_WIDGET (window), header);
  wait = (SortWait) { page, "created", TRUE };
  trib_ui_test_iterate_until (sorted_as, &wait, 30);
  g_assert_true (last_list_request_has (app, "orderBy=desc:created"));
  assert_created_order (page, TRUE);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "datasets-sorted-wide-light.png");

  /* From the keyboard: the Sort and Filter menu, opened with Return,
   * its items chosen by their mnemonics.
   */
  filter_button = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (filter_button), ==, "Sort and Filter");
  gtk_widget_grab_focus (filter_button);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (popover_open, filter_button, 10);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "datasets-sort-menu-wide-light.png");
  trib_ui_test_press_keys (GTK_WIDGET (window), "l");
  wait = (SortWait) { page, "last-batch", TRUE };
  trib_ui_test_iterate_until (sorted_as, &wait, 30);
  g_assert_true (last_list_request_has (app, "orderBy=desc:lastBatchStatus,asc:name"));

  /* Filters: datasets whose last batch failed, then of the CRM schema. */
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.sort-by", "s", "name");
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.sort-descending", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.batch-status", "s", "failed");
  trib_ui_test_iterate_until (list_settled, page, 30);
  g_assert_true (last_list_request_has (app, "orderBy=asc:name&"));
  g_assert_true (last_list_request_has (app, "property=lastBatchStatus~^(failed|failure|aborted)$"));
  list = trib_datasets_page_get_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (list, i);

      g_assert_cmpstr (trib_dataset_get_last_batch_status (dataset), ==, "failed");
    }
  g_assert_true (gtk_widget_has_css_class (filter_button, "accent"));

  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.schema", "s", CRM_SCHEMA);
  trib_ui_test_iterate_until (list_settled, page, 30);
  list = trib_datasets_page_get_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (list, i);

      g_assert_cmpstr (trib_dataset_get_last_batch_status (dataset), ==, "failed");
      g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, CRM_SCHEMA);
    }
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "datasets-filtered-wide-light.png");

  /* A failed batch's errors: code, description, rows, failed records. */
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  detail = TRIB_DATASET_DETAIL (trib_ui_test_find_widget (GTK_WIDGET (page), TRIB_TYPE_DATASET_DETAIL, NULL));
  trib_ui_test_iterate_until (errors_shown, detail, 20);
  errors = trib_ui_test_find_any (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (errors), "records failed"));
  error_row = find_error_row (GTK_WIDGET (errors));
  g_assert_nonnull (error_row);
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)), "Rows "));
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-batch-errors-wide-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_resize (GTK_WIDGET (window), 400, 760);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "dataset-batch-errors-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.back", NULL);

  /* Words across separators and case find names and tables alike. */
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.schema", "s", "");
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.batch-status", "s", "any");
  g_assert_false (gtk_widget_has_css_class (filter_button, "accent"));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "web events na");
  /* The search entry waits for typing to pause before it asks. */
  trib_ui_test_iterate_until (list_requested, &(RequestWait) { app, "property=name~" }, 30);
  trib_ui_test_iterate_until (list_settled, page, 30);
  list = trib_datasets_page_get_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (list, i);

      g_assert_true (g_str_has_prefix (trib_dataset_get_table_name (dataset), "web_events_na_"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/datasets-sort-filter", test_datasets_sort_filter);

  return g_test_run ();
}
