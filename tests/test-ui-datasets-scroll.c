/* test-ui-datasets-scroll.c
 *
 * Scrolling the datasets list on the demo platform: its list holds the
 * rows in sight, which the wheel and the keys that go past them move by
 * whole rows, while the pages of the Catalog's list come as it goes; a
 * row shows, names and opens the dataset it stands for wherever the
 * list is.
 *
 * Every wait is on the condition itself, never on time alone.
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
#include "trib-grid-scroller.h"
#include "trib-list-cell.h"
#include "trib-paged-list.h"
#include "trib-ui-test.h"
#include "trib-window.h"

static TribPagedList *
get_paged_list (TribDatasetsPage *page)
{
  return TRIB_PAGED_LIST (trib_datasets_page_get_list (page));
}

static char *
dup_dataset_name (TribDatasetsPage *page,
                  guint             position)
{
  GListModel *datasets = trib_datasets_page_get_list (page);
  g_autoptr(TribDataset) dataset = g_list_model_get_item (datasets, position);

  g_assert_nonnull (dataset);

  return g_strdup (trib_dataset_get_name (dataset));
}

/* The name its first row gives assistive technologies. */
static const char *
first_row_name (GtkWidget *rows)
{
  GtkWidget *cell = trib_ui_test_find_widget (gtk_widget_get_first_child (rows),
                                              TRIB_TYPE_LIST_CELL, NULL);

  g_assert_nonnull (cell);

  return trib_list_cell_get_row_name (TRIB_LIST_CELL (cell));
}

static gboolean
not_loading (gpointer data)
{
  return !trib_paged_list_get_loading (TRIB_PAGED_LIST (trib_datasets_page_get_list (data)));
}

static gboolean
only_luma (gpointer data)
{
  GListModel *list = trib_datasets_page_get_list (data);

  return list != NULL && !trib_paged_list_get_loading (TRIB_PAGED_LIST (list)) &&
         g_list_model_get_n_items (list) < 10;
}

static void
test_datasets_scroll (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribDatasetsPage *page;
  TribWindow *window;
  GtkWidget *column_view;
  GtkWidget *rows;
  GtkWidget *scroller;
  GtkWidget *search;
  GtkAdjustment *adjustment;
  GListModel *slots;
  GtkSingleSelection *selection;
  guint in_sight;
  guint n_datasets;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window),
                                                       TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 30);
  trib_ui_test_settle ();

  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  rows = gtk_widget_get_last_child (column_view);
  scroller = gtk_widget_get_ancestor (column_view, TRIB_TYPE_GRID_SCROLLER);
  g_assert_nonnull (scroller);
  adjustment = trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (scroller));
  slots = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  selection = GTK_SINGLE_SELECTION (trib_grid_slots_get_rows (TRIB_GRID_SLOTS (slots)));

  /* As many rows of widgets as fit, and one more partly in sight: not
   * the hundred datasets of the first page.
   */
  in_sight = gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpuint (in_sight, >=, 5);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, in_sight + 1);
  g_assert_cmpuint (trib_ui_test_count_children (rows), ==, in_sight + 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==,
                     g_list_model_get_n_items (trib_datasets_page_get_list (page)));

  /* The wheel, three rows a notch: the first row shows the seventh
   * dataset, and is named after it.
   */
  trib_ui_test_click_button (GTK_WIDGET (window), rows, 20, 20, 5, NULL);
  trib_ui_test_click_button (GTK_WIDGET (window), rows, 20, 20, 5, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 6);
  {
    g_autofree char *seventh = dup_dataset_name (page, 6);
    g_autofree char *sixth = dup_dataset_name (page, 5);

    trib_ui_test_wait_for_label (column_view, seventh);
    g_assert_false (trib_ui_test_has_label (column_view, sixth, FALSE));
    g_assert_true (g_str_has_prefix (first_row_name (rows), seventh));

    /* Its row opens it. */
    g_object_set_data_full (G_OBJECT (page), "test-wanted-name", g_strdup (seventh), g_free);
    g_signal_emit_by_name (column_view, "activate", 0);
    trib_ui_test_iterate_until (trib_ui_test_showing_dataset_named, page, 20);
    trib_ui_test_press_keys (GTK_WIDGET (window), "Escape");
    trib_ui_test_iterate_until (trib_ui_test_back_on_datasets, page, 10);
    trib_ui_test_settle ();
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 6);
  }

  /* End, from a row: the last dataset read so far, in sight and
   * selected, which asks for the next pages; again until the list is
   * whole.
   */
  gtk_widget_grab_focus (gtk_widget_get_first_child (rows));
  for (guint i = 0; i < 10; i++)
    {
      trib_ui_test_press_keys (GTK_WIDGET (window), "End");
      trib_ui_test_iterate_until (not_loading, page, 30);
      trib_ui_test_settle ();
      if (trib_paged_list_get_complete (get_paged_list (page)) &&
          gtk_single_selection_get_selected (selection) + 1 ==
          g_list_model_get_n_items (trib_datasets_page_get_list (page)))
        break;
    }
  n_datasets = g_list_model_get_n_items (trib_datasets_page_get_list (page));
  g_assert_cmpuint (n_datasets, >, 200);
  g_assert_true (trib_paged_list_get_complete (get_paged_list (page)));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_datasets - 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, n_datasets);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, n_datasets - in_sight);
  {
    g_autofree char *last = dup_dataset_name (page, n_datasets - 1);

    /* No row under the last, partly in sight. */
    trib_ui_test_wait_for_label (column_view, last);
    g_assert_cmpuint (trib_ui_test_count_children (rows), ==, in_sight);
    g_assert_true (gtk_widget_has_focus (gtk_widget_get_last_child (rows)));
  }
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "datasets-scrolled-end.png");

  /* Up past the first row in sight moves the rows by one. */
  for (guint i = 0; i < in_sight; i++)
    trib_ui_test_press_keys (GTK_WIDGET (window), "Up");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, n_datasets - in_sight - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_datasets - in_sight - 1);

  /* Home: the first, in sight and selected. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "Home");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (rows)));

  /* A row opened from the keyboard; back on the list, that row has the
   * focus, in sight, however far the list moved meanwhile.
   */
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  g_object_set_data_full (G_OBJECT (page), "test-wanted-name", dup_dataset_name (page, 3), g_free);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (trib_ui_test_showing_dataset_named, page, 20);
  gtk_adjustment_set_value (adjustment, 100);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Escape");
  trib_ui_test_iterate_until (trib_ui_test_back_on_datasets, page, 10);
  trib_ui_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (rows)));

  /* Another list, a search's, is read from its top. */
  gtk_adjustment_set_value (adjustment, 120);
  trib_ui_test_settle ();
  search = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "luma");
  trib_ui_test_iterate_until (only_luma, page, 20);
  trib_ui_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==,
                    g_list_model_get_n_items (trib_datasets_page_get_list (page)));
  g_assert_nonnull (strstr (first_row_name (rows), "Luma"));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/datasets-scroll", test_datasets_scroll);

  return g_test_run ();
}
