/* test-ui-dataset-counts.c
 *
 * A dataset's batches whose record counts, each within 64 bits, add up
 * past what 64 bits hold: the dataset's page shows the most it can
 * count rather than a negative number.
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
#include "trib-format.h"
#include "trib-paged-list.h"
#include "trib-window.h"
#include "trib-ui-test.h"

static gboolean
only_luma_orders (gpointer data)
{
  GListModel *list = trib_datasets_page_get_list (data);

  return list != NULL && g_list_model_get_n_items (list) == 1 &&
         trib_paged_list_get_complete (TRIB_PAGED_LIST (list));
}

static gboolean
batches_shown (gpointer data)
{
  return trib_datasets_page_get_n_batches (data) >= 3;
}

static void
test_huge_record_counts (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *max = trib_format_count (G_MAXINT64);
  TribDatasetsPage *page;
  GtkWidget *column_view;
  GtkWidget *total;
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  trib_ui_test_settle ();
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL));

  /* Each count fits in 64 bits; their sum does not. */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/catalog/batches\", \"kind\": \"body\", \"body\": "
                     "\"{\\\"b1\\\": {\\\"status\\\": \\\"success\\\", \\\"recordCount\\\": 9223372036854775807}, "
                     "\\\"b2\\\": {\\\"status\\\": \\\"success\\\", \\\"recordCount\\\": 1000}, "
                     "\\\"b3\\\": {\\\"status\\\": \\\"success\\\", \\\"recordCount\\\": 5}}\"}");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "luma orders");
  trib_ui_test_iterate_until (only_luma_orders, page, 20);
  trib_ui_test_settle ();
  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (batches_shown, page, 20);
  trib_ui_test_settle ();

  total = trib_ui_test_find_row (GTK_WIDGET (page), "Rows in recent successful batches");
  g_assert_nonnull (total);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==, max);
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/dataset-counts", test_huge_record_counts);

  return g_test_run ();
}
