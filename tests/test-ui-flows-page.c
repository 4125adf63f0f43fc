/* test-ui-flows-page.c
 *
 * The Dataflows page on the demo platform (tributary-sim's prod flows,
 * with weeks of history): opened from the sidebar and by Alt+8, the
 * sandbox's flows listed with their names looked up; reloaded by F5 into
 * an error, and read again by Try Again; searched; filtered
 * to the failing ones; a flow opened, its chain (account and dataset by
 * name), its runs listed and charted; a failed run opened, its error in
 * plain words with the refused rows' sample and the batch it wrote, that
 * batch's dataset opened on the Datasets page. Screenshots light and
 * dark at 600 and 1400 px.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-datasets-page.h"
#include "trib-flow-detail.h"
#include "trib-flow-run-view.h"
#include "trib-flows-page.h"
#include "trib-paged-list.h"
#include "trib-paged-list-view.h"
#include "trib-runs-chart.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define NORTHWIND "Northwind orders (OData)"
#define SFTP_ORDERS "Partner orders from SFTP"
#define ORDERS_DATASET_ID "64f0a1b2c3d4e5f60718293c"

static TribFlowsPage *page;

static gboolean
page_mapped (gpointer data)
{
  return page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page));
}

static gboolean
all_listed (gpointer data)
{
  GListModel *list = trib_flows_page_get_list (page);

  return list != NULL && trib_paged_list_get_complete (TRIB_PAGED_LIST (list)) &&
         g_list_model_get_n_items (trib_flows_page_get_shown (page)) == GPOINTER_TO_UINT (data);
}

static guint
find_flow (const char *name)
{
  GListModel *shown = trib_flows_page_get_shown (page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (shown, i);

      if (g_strcmp0 (trib_flow_get_name (flow), name) == 0)
        return i;
    }

  return G_MAXUINT;
}

static gboolean
only_flow_shown (gpointer data)
{
  return g_list_model_get_n_items (trib_flows_page_get_shown (page)) == 1 && find_flow (data) == 0;
}

static gboolean
failing_listed (gpointer data)
{
  GListModel *list = trib_flows_page_get_list (page);
  GListModel *shown = trib_flows_page_get_shown (page);

  if (list == NULL || !trib_paged_list_get_complete (TRIB_PAGED_LIST (list)) || g_list_model_get_n_items (shown) == 0)
    return FALSE;

  return find_flow (SFTP_ORDERS) != G_MAXUINT;
}

/* The names of the flows' accounts and datasets, looked up after the list. */
static gboolean
names_shown (gpointer data)
{
  return trib_ui_test_has_label (GTK_WIDGET (page), data, TRUE);
}

static gboolean
runs_charted (gpointer data)
{
  TribFlowDetail *detail = trib_flows_page_get_detail (page);
  GListModel *runs = trib_flow_detail_get_runs (detail);

  return runs != NULL && trib_paged_list_get_complete (TRIB_PAGED_LIST (runs)) &&
         !trib_paged_list_get_loading (TRIB_PAGED_LIST (runs)) &&
         trib_runs_chart_get_n_runs (TRIB_RUNS_CHART (trib_flow_detail_get_chart (detail))) >= GPOINTER_TO_UINT (data);
}

static gboolean
run_shown (gpointer data)
{
  TribFlowRun *run = trib_flow_detail_get_run (trib_flows_page_get_detail (page));

  return run != NULL && g_strcmp0 (trib_flow_run_get_id (run), data) == 0;
}

static gboolean
dataset_shown (gpointer data)
{
  TribDatasetsPage *datasets = data;
  TribDataset *dataset = trib_datasets_page_get_dataset (datasets);

  return dataset != NULL && g_str_equal (trib_dataset_get_id (dataset), ORDERS_DATASET_ID) &&
         gtk_widget_get_mapped (GTK_WIDGET (datasets)) && trib_datasets_page_get_n_batches (datasets) > 0;
}

static gboolean
view_in_state (gpointer data)
{
  TribPagedListView *view = TRIB_PAGED_LIST_VIEW (trib_ui_test_find_any (GTK_WIDGET (page),
                                                                          TRIB_TYPE_PAGED_LIST_VIEW));

  return g_strcmp0 (trib_paged_list_view_get_state (view), data) == 0;
}

static GtkListBox *
find_runs_list (void)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, found);
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (found, i)), "runs-list"))
      return g_ptr_array_index (found, i);

  g_assert_not_reached ();
}

static void
shoot (GtkWidget  *window,
       int         width,
       const char *what)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("flows-%s-%d-light.png", what, width);
  g_autofree char *dark = g_strdup_printf ("flows-%s-%d-dark.png", what, width);

  trib_ui_test_resize (window, width, 800);
  trib_ui_test_save_screenshot (window, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
open_flow (GtkWidget  *window,
           const char *name)
{
  guint position = find_flow (name);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_GRID_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_widget_activate_action (g_ptr_array_index (views, 0), "list.activate-item", "u", position);
  trib_ui_test_iterate_until (runs_charted, GUINT_TO_POINTER (2), 30);
  g_assert_cmpstr (trib_flow_get_name (trib_flow_detail_get_flow (trib_flows_page_get_detail (page))), ==, name);
}

/* Opens the first failed run among those listed. */
static TribFlowRun *
open_failed_run (void)
{
  GListModel *runs = trib_flow_detail_get_runs (trib_flows_page_get_detail (page));
  GtkListBox *list = find_runs_list ();

  for (guint i = 0; i < 20 && i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(TribFlowRun) run = g_list_model_get_item (runs, i);

      if (trib_flow_run_get_state (run) == TRIB_FLOW_RUN_STATE_FAILED)
        {
          gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)));
          trib_ui_test_iterate_until (run_shown, (gpointer) trib_flow_run_get_id (run), 20);
          return g_steal_pointer (&run);
        }
    }

  g_assert_not_reached ();
}

static void
test_flows_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(TribFlowRun) run = NULL;
  TribDatasetsPage *datasets;
  GtkListBox *sidebar;
  GtkWidget *window;
  GtkWidget *batch_row;
  GtkEditable *search;
  GtkDropDown *filter;

  window = GTK_WIDGET (trib_ui_test_open_demo (app, 60));
  trib_ui_test_resize (window, 1400, 800);

  /* From the sidebar: its last row. */
  sidebar = trib_ui_test_find_sidebar (window);
  for (guint i = 0; gtk_list_box_get_row_at_index (sidebar, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "dataflows"))
        trib_ui_test_click_center (window, GTK_WIDGET (row));
    }
  page = TRIB_FLOWS_PAGE (trib_ui_test_wait_for_widget (window, TRIB_TYPE_FLOWS_PAGE));
  trib_ui_test_iterate_until (page_mapped, NULL, 10);
  trib_ui_test_iterate_until (all_listed, GUINT_TO_POINTER (7), 30);
  trib_ui_test_iterate_until (names_shown, (gpointer) "Northwind orders feed → Luma Orders", 30);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Every 15 minutes", TRUE));

  /* By Alt+8, from another page. */
  trib_ui_test_press_keys (window, "alt+3");
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  trib_ui_test_press_keys (window, "alt+8");
  trib_ui_test_iterate_until (page_mapped, NULL, 10);
  shoot (window, 1400, "list");
  shoot (window, 600, "list");

  /* F5 reloads it; a list that cannot be read says why, and tries again. */
  trib_ui_test_add_fault (TRIB_WINDOW (window), "{\"path\": \"/data/foundation/flowservice/flows\", "
                          "\"method\": \"GET\", \"kind\": \"status\", \"status\": 400, \"count\": 1}");
  trib_ui_test_press_keys (window, "F5");
  trib_ui_test_iterate_until (view_in_state, (gpointer) "error", 20);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Could Not Load the Dataflows", FALSE));
  gtk_widget_activate (trib_ui_test_find_button (GTK_WIDGET (page), "_Try Again"));
  trib_ui_test_iterate_until (all_listed, GUINT_TO_POINTER (7), 20);

  /* Search: the whole list, by name. */
  search = GTK_EDITABLE (trib_ui_test_find_any (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "northwind");
  trib_ui_test_iterate_until (only_flow_shown, (gpointer) NORTHWIND, 20);
  gtk_editable_set_text (search, "no such flow");
  trib_ui_test_iterate_until (names_shown, (gpointer) "No dataflow’s name contains", 20);
  gtk_editable_set_text (search, "");
  trib_ui_test_iterate_until (all_listed, GUINT_TO_POINTER (7), 20);

  /* Failing: those whose last run failed, the SFTP orders among them. */
  filter = GTK_DROP_DOWN (trib_ui_test_find_any (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (filter, TRIB_FLOWS_FILTER_FAILING);
  trib_ui_test_iterate_until (failing_listed, NULL, 20);
  for (guint i = 0; i < g_list_model_get_n_items (trib_flows_page_get_shown (page)); i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (trib_flows_page_get_shown (page), i);

      g_assert_cmpint (trib_flow_get_last_run_state (flow), ==, TRIB_FLOW_RUN_STATE_FAILED);
    }
  g_assert_cmpuint (find_flow ("Luma web events from S3 (Parquet)"), ==, G_MAXUINT);

  /* The SFTP orders: expired credentials, said in words. */
  open_flow (window, SFTP_ORDERS);
  trib_ui_test_iterate_until (names_shown, (gpointer) "Luma Orders", 20);
  run = open_failed_run ();
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Update the credentials of the account", TRUE));
  g_clear_object (&run);
  trib_ui_test_press_keys (window, "Escape");
  trib_ui_test_press_keys (window, "Escape");
  trib_ui_test_settle ();
  g_assert_false (trib_flows_page_get_showing_detail (page));

  /* Northwind: its chain, its runs; a run whose rows the mapping refused. */
  gtk_drop_down_set_selected (filter, TRIB_FLOWS_FILTER_ALL);
  trib_ui_test_iterate_until (all_listed, GUINT_TO_POINTER (7), 20);
  open_flow (window, NORTHWIND);
  trib_ui_test_iterate_until (runs_charted, GUINT_TO_POINTER (100), 30);
  trib_ui_test_iterate_until (names_shown, (gpointer) "Northwind orders feed (", 20);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Every 15 minutes", FALSE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Luma Orders", TRUE));
  /* The mapping set by its name, as Data Prep has it, not its id. */
  trib_ui_test_iterate_until (names_shown, (gpointer) "Northwind orders to Luma Orders, version 0", 20);
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), "37409d3017e24a3eb4a2dc21020f7a5b, version", TRUE));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (
                     GTK_WIDGET (trib_flows_page_get_detail (page)), TRIB_TYPE_FLOW_DETAIL, "mapping_row"))), ==,
                   "37409d3017e24a3eb4a2dc21020f7a5b");
  g_assert_nonnull (strstr (trib_runs_chart_get_description (TRIB_RUNS_CHART (trib_flow_detail_get_chart (
                              trib_flows_page_get_detail (page)))), "failed records"));
  shoot (window, 1400, "detail");
  shoot (window, 600, "detail");
  {
    g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();
    GtkAdjustment *adjustment;

    /* The chart and the runs, below the chain and the schedule. */
    trib_ui_test_find_mapped (GTK_WIDGET (trib_flows_page_get_detail (page)), GTK_TYPE_SCROLLED_WINDOW, scrolled);
    g_assert_cmpuint (scrolled->len, >, 0);
    adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
    shoot (window, 600, "runs");
  }

  run = open_failed_run ();
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "did not fit the mapping", TRUE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "ShipPostalCode", TRUE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), trib_flow_run_get_batch_ids (run)[0], FALSE));
  shoot (window, 600, "run");
  shoot (window, 1400, "run");

  /* Its batch: the dataset's batches on the Datasets page. */
  batch_row = trib_ui_test_find_by_action (GTK_WIDGET (page), "win.show-dataset");
  g_assert_nonnull (batch_row);
  gtk_widget_activate (batch_row);
  datasets = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (window, TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (dataset_shown, datasets, 30);

  page = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/flows-page", test_flows_page);

  return g_test_run ();
}
