/* test-ui-explore.c
 *
 * Opens the demo platform in the real application, then explore
 * windows on its accounts: the S3 bucket browsed folder by folder (each
 * listed only when expanded), files previewed with the right and the
 * wrong options, the folder of 10,000 files, a Databricks table, the
 * Data Landing Zone, and two views side by side keeping their own state.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-connection.h"
#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-flow-service.h"
#include "trib-list-cell.h"
#include "trib-session.h"
#include "trib-window.h"
#include "trib-tooltip-bin.h"
#include "trib-ui-test.h"

#define S3_ACCOUNT "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define DATABRICKS_ACCOUNT "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define ADLS_ACCOUNT "3d8e1f2a-5b6c-4d7e-8f90-a1b2c3d4e5f6"
#define GCS_ACCOUNT "9b4a7c6d-2e1f-4a3b-8c5d-6e7f8a9b0c1d"

static TribApplication *app;

/* The explore requests the application sent so far. */
static guint
count_explore_requests (void)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);

      if (strstr (trib_request_record_get_url (record), "/explore") != NULL)
        count++;
    }

  return count;
}

static TribExploreView *
find_view (GtkWindow *window)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (window));

  return TRIB_IS_EXPLORE_VIEW (content) ? TRIB_EXPLORE_VIEW (content) : NULL;
}

/* Activates win.explore-source as the Connect dialog does, and finds the
 * window it opened.
 */
static TribExploreView *
open_explore (TribWindow *window,
              const char *connection_id,
              GtkWindow **explore_window)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      g_ptr_array_add (before, toplevel);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-source", "s", connection_id));
  trib_ui_test_settle ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (!g_ptr_array_find (before, toplevel, NULL) && ADW_IS_WINDOW (toplevel) && find_view (toplevel) != NULL)
        {
          *explore_window = toplevel;
          return find_view (toplevel);
        }
    }

  g_assert_not_reached ();
}

static GListModel *
tree_of (TribExploreView *view)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (trib_explore_view_get_tree_view (view));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

static TribExploreNode *
node_at (TribExploreView *view,
         guint            position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree_of (view), position);

  return gtk_tree_list_row_get_item (row);
}

/* No row of the tree stands for a folder being listed. */
static gboolean
tree_loaded (gpointer data)
{
  GListModel *tree = tree_of (data);
  guint n_items = tree != NULL ? g_list_model_get_n_items (tree) : 0;

  if (n_items == 0)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribExploreNode) node = node_at (data, i);

      if (trib_explore_node_get_kind (node) == TRIB_EXPLORE_NODE_LOADING)
        return FALSE;
    }

  return TRUE;
}

static guint
find_row (TribExploreView *view,
          const char      *title)
{
  GListModel *tree = tree_of (view);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(TribExploreNode) node = node_at (view, i);

      if (g_strcmp0 (trib_explore_node_get_title (node), title) == 0)
        return i;
    }

  g_error ("no row %s", title);
}

/* The cell shown for @node, once the list made it. */
static GtkWidget *
find_cell (GtkWidget       *widget,
           TribExploreNode *node)
{
  if (TRIB_IS_LIST_CELL (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *expander = adw_bin_get_child (ADW_BIN (widget));
      g_autoptr(GObject) item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));

      if (item == G_OBJECT (node))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, node);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls to the row and clicks it, as a user would: the selection and
 * the list's focus both move there.
 */
static void
select_row (TribExploreView *view,
            guint            position)
{
  GtkWidget *tree_view = GTK_WIDGET (trib_explore_view_get_tree_view (view));
  g_autoptr(TribExploreNode) node = node_at (view, position);
  GtkWidget *cell;

  gtk_widget_activate_action (tree_view, "list.scroll-to-item", "u", position);
  trib_ui_test_settle ();
  cell = find_cell (tree_view, node);
  g_assert_nonnull (cell);
  trib_ui_test_click_center (GTK_WIDGET (gtk_widget_get_root (tree_view)), cell);
  trib_ui_test_settle ();
  g_assert_true (gtk_selection_model_is_selected (gtk_list_view_get_model (GTK_LIST_VIEW (tree_view)), position));
}

/* Expands a folder with the keyboard (Right) and waits for its listing. */
static void
expand_row (GtkWindow       *window,
            TribExploreView *view,
            const char      *title)
{
  guint position = find_row (view, title);
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree_of (view), position);

  g_test_message ("Expanding %s", title);
  select_row (view, position);
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Right");
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  trib_ui_test_iterate_until (tree_loaded, view, 30);
}

static gboolean
preview_done (gpointer data)
{
  const char *state = trib_explore_view_get_preview_state (data);

  return g_strcmp0 (state, "grid") == 0 || g_strcmp0 (state, "error") == 0;
}

/* Previews a file or table with Enter, as a user would. */
static void
preview_row (GtkWindow       *window,
             TribExploreView *view,
             const char      *title)
{
  g_test_message ("Previewing %s", title);
  select_row (view, find_row (view, title));
  g_assert_cmpstr (trib_explore_view_get_preview_state (view), !=, "loading");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (preview_done, view, 30);
}

static void
wait_options_preview (TribExploreView *view)
{
  trib_ui_test_settle ();
  trib_ui_test_iterate_until (preview_done, view, 30);
}

static TribResultModel *
preview_model (TribExploreView *view)
{
  g_assert_cmpstr (trib_explore_view_get_preview_state (view), ==, "grid");
  return trib_result_view_get_model (trib_explore_view_get_result_view (view));
}

static guint
count_cells (GtkWidget *widget)
{
  guint count = TRIB_IS_LIST_CELL (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count += count_cells (child);

  return count;
}

static void
set_delimiter (TribExploreView *view,
               const char      *delimiter)
{
  TribExploreFileOptions options;

  trib_explore_view_get_file_options (view, &options);
  options.column_delimiter = delimiter;
  trib_explore_view_set_file_options (view, &options);
  wait_options_preview (view);
}

static void test_reload_and_accounts (TribWindow *window);

/* Listed: neither loading nor anything but its items. */
static gboolean
root_listed (gpointer data)
{
  TribExploreNode *root = data;

  return !trib_explore_node_get_loading (root) && g_list_model_get_n_items (G_LIST_MODEL (root)) > 1;
}

static void
test_explore (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribWindow *window;
  GtkWindow *s3_window = NULL;
  GtkWindow *db_window = NULL;
  GtkWindow *dlz_window = NULL;
  TribExploreView *s3;
  TribExploreView *db;
  TribExploreView *dlz;
  TribResultModel *model;
  TribExploreFileOptions options;
  guint requests;
  guint n_rows;

  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_settle ();

  /* A listing that came while no row of it was asked for (a window
   * closed at once) is let go, and listed again, without a row made.
   */
  {
    g_autoptr(TribExploreNode) root =
      trib_explore_node_new_root (trib_session_get_client (trib_window_get_session (window)), S3_ACCOUNT);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (root)), ==, 1);
    trib_ui_test_iterate_until (root_listed, root, 30);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (root)), ==, 2);
    trib_explore_node_reload (root);
    trib_ui_test_iterate_until (root_listed, root, 30);
  }

  /* The root is listed at once; no folder until it is expanded. */
  requests = count_explore_requests ();
  s3 = open_explore (window, S3_ACCOUNT, &s3_window);
  trib_ui_test_iterate_until (tree_loaded, s3, 30);
  g_assert_cmpuint (count_explore_requests (), ==, requests + 1);
  g_assert_cmpuint (g_list_model_get_n_items (tree_of (s3)), ==, 2);
  g_assert_cmpuint (find_row (s3, "luma-demo-bucket"), ==, 0);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, s3, 10);

  expand_row (s3_window, s3, "luma-demo-bucket");
  expand_row (s3_window, s3, "orders");
  expand_row (s3_window, s3, "web-events");
  g_assert_cmpuint (count_explore_requests (), ==, requests + 4);

  /* Left on a file goes up to its folder; Left there closes it. */
  select_row (s3, find_row (s3, "orders-2026-10.csv"));
  trib_ui_test_press_keys (GTK_WIDGET (s3_window), "Left");
  g_assert_cmpstr (trib_explore_view_get_selected_path (s3), ==, "/luma-demo-bucket/orders/");
  trib_ui_test_press_keys (GTK_WIDGET (s3_window), "Left");
  g_assert_cmpuint (g_list_model_get_n_items (tree_of (s3)), <, 12);
  trib_ui_test_press_keys (GTK_WIDGET (s3_window), "Right");
  trib_ui_test_iterate_until (tree_loaded, s3, 30);

  /* Parquet: typed columns, the types under the names. */
  preview_row (s3_window, s3, "web-events-2026-10.parquet");
  g_assert_cmpint (trib_explore_view_get_selected_type (s3), ==, TRIB_EXPLORE_ITEM_FILE);
  trib_explore_view_get_file_options (s3, &options);
  g_assert_cmpint (options.file_type, ==, TRIB_EXPLORE_FILE_PARQUET);
  model = preview_model (s3);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), >, 3);
  g_assert_cmpstr (trib_result_model_get_column_name (model, 1), ==, "timestamp");
  g_assert_cmpstr (trib_result_model_get_column_type_name (model, 1), ==, "date-time");
  g_assert_cmpint (trib_result_model_get_column_kind (model, 1), ==, TRIB_COLUMN_KIND_TIMESTAMP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (s3), "timestamp\ndate-time", FALSE));

  trib_ui_test_resize (GTK_WIDGET (s3_window), 1400, 860);
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-parquet-wide-light.png");

  /* A CSV with semicolons, read with the comma guessed: one column of
   * whole lines; with the right delimiter, its columns.
   */
  preview_row (s3_window, s3, "orders-2026-10-eu.csv");
  model = preview_model (s3);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, 1);
  set_delimiter (s3, ";");
  model = preview_model (s3);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), >, 3);
  g_assert_cmpstr (trib_result_model_get_column_type_name (model, 0), ==, "string");

  /* Gzip guessed from the name; told it is not compressed, the platform
   * says it is, next to the option that fixes it.
   */
  preview_row (s3_window, s3, "orders-2026-09.csv.gz");
  g_assert_cmpuint (trib_result_model_get_n_columns (preview_model (s3)), >, 3);
  trib_explore_view_get_file_options (s3, &options);
  g_assert_cmpstr (options.compression_type, ==, "gzip");
  options.compression_type = NULL;
  trib_explore_view_set_file_options (s3, &options);
  wait_options_preview (s3);
  g_assert_cmpstr (trib_explore_view_get_preview_state (s3), ==, "error");
  g_assert_nonnull (strstr (trib_explore_view_get_preview_error (s3), "gzip"));
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-gzip-error-wide-light.png");
  options.compression_type = "gzip";
  trib_explore_view_set_file_options (s3, &options);
  wait_options_preview (s3);
  g_assert_cmpstr (trib_explore_view_get_preview_state (s3), ==, "grid");

  /* 10,000 files in one listing: a few dozen rows made, to the end. */
  requests = count_explore_requests ();
  expand_row (s3_window, s3, "clickstream");
  g_assert_cmpuint (count_explore_requests (), ==, requests + 1);
  n_rows = g_list_model_get_n_items (tree_of (s3));
  g_assert_cmpuint (n_rows, >, 10000);
  g_assert_cmpuint (count_cells (GTK_WIDGET (trib_explore_view_get_tree_view (s3))), <, 400);
  select_row (s3, find_row (s3, "clickstream") + 10000);
  trib_ui_test_press_keys (GTK_WIDGET (s3_window), "Up");
  g_assert_cmpuint (count_cells (GTK_WIDGET (trib_explore_view_get_tree_view (s3))), <, 400);
  g_assert_true (g_str_has_prefix (trib_explore_view_get_selected_path (s3),
                                   "/luma-demo-bucket/web-events/clickstream/part-"));
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-10000-wide-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  preview_row (s3_window, s3, "orders-2026-10-eu.csv");
  set_delimiter (s3, ";");
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-csv-wide-dark.png");
  trib_ui_test_resize (GTK_WIDGET (s3_window), 600, 800);
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-csv-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (s3_window), "explore-csv-narrow-light.png");

  /* Databricks, beside it: tables at the root, a table's preview. */
  db = open_explore (window, DATABRICKS_ACCOUNT, &db_window);
  g_assert_true (db != s3);
  trib_ui_test_iterate_until (tree_loaded, db, 30);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, db, 10);
  preview_row (db_window, db, "loyalty_members");
  g_assert_cmpint (trib_explore_view_get_selected_type (db), ==, TRIB_EXPLORE_ITEM_TABLE);
  model = preview_model (db);
  g_assert_cmpuint (trib_result_model_get_n_columns (model), >, 2);
  g_assert_nonnull (trib_result_model_get_column_type_name (model, 0));
  trib_ui_test_resize (GTK_WIDGET (db_window), 1400, 860);
  trib_ui_test_save_screenshot (GTK_WIDGET (db_window), "explore-databricks-wide-light.png");

  /* Each view kept its own account, selection, options and preview. */
  g_assert_cmpstr (trib_explore_view_get_connection_id (s3), ==, S3_ACCOUNT);
  g_assert_cmpstr (trib_explore_view_get_connection_id (db), ==, DATABRICKS_ACCOUNT);
  g_assert_cmpstr (trib_explore_view_get_selected_path (s3), ==, "/luma-demo-bucket/orders/orders-2026-10-eu.csv");
  g_assert_cmpstr (trib_explore_view_get_selected_path (db), !=, trib_explore_view_get_selected_path (s3));
  trib_explore_view_get_file_options (s3, &options);
  g_assert_cmpstr (options.column_delimiter, ==, ";");
  g_assert_true (preview_model (s3) != preview_model (db));
  g_assert_cmpuint (g_list_model_get_n_items (tree_of (s3)), >, 10000);
  /* The task switcher tells them apart. */
  g_assert_cmpstr (gtk_window_get_title (s3_window), ==, "Luma landing bucket — Explore");
  g_assert_cmpstr (gtk_window_get_title (db_window), ==, "Luma Databricks warehouse — Explore");

  /* The Data Landing Zone, with no base connection. */
  dlz = open_explore (window, "", &dlz_window);
  trib_ui_test_iterate_until (tree_loaded, dlz, 30);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, dlz, 10);
  preview_row (dlz_window, dlz, "account.csv");
  g_assert_cmpuint (trib_result_model_get_n_columns (preview_model (dlz)), >, 2);

  gtk_window_destroy (dlz_window);
  gtk_window_destroy (db_window);
  gtk_window_destroy (s3_window);
  trib_ui_test_settle ();

  test_reload_and_accounts (window);
  g_clear_object (&app);
}

static GtkDropDown *
account_dropdown (TribExploreView *view)
{
  GtkDropDown *dropdown = trib_ui_test_find_any (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN);

  g_assert_nonnull (dropdown);

  return dropdown;
}

static gboolean
accounts_listed (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (account_dropdown (data))) > 1;
}

/* The position of @id in the drop-down, which holds connections. */
static guint
account_position (TribExploreView *view,
                  const char      *id)
{
  GListModel *model = gtk_drop_down_get_model (account_dropdown (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (TRIB_IS_CONNECTION (item));
      if (g_str_equal (trib_connection_get_id (TRIB_CONNECTION (item)), id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The accounts are read again after the tree: wait for the list. */
static gboolean
adls_gone (gpointer data)
{
  return account_position (data, ADLS_ACCOUNT) == GTK_INVALID_LIST_POSITION;
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (trib_flow_service_delete_connection_finish (result, NULL));
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* F5 in an explore window reads its tree and its preview again; the
 * account drop-down follows ids, so a list that changes keeps the
 * account chosen.
 */
static void
test_reload_and_accounts (TribWindow *window)
{
  GtkWindow *explore_window = NULL;
  TribExploreView *view;
  GtkDropDown *dropdown;
  TribConnection *selected;
  guint requests;
  guint gcs;
  gboolean deleted = FALSE;

  view = open_explore (window, ADLS_ACCOUNT, &explore_window);
  trib_ui_test_iterate_until (tree_loaded, view, 30);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, view, 10);
  trib_ui_test_iterate_until (accounts_listed, view, 30);
  expand_row (explore_window, view, "luma-lake");
  expand_row (explore_window, view, "raw");
  preview_row (explore_window, view, "customers-2026-10.csv");
  g_assert_cmpstr (trib_explore_view_get_preview_state (view), ==, "grid");

  requests = count_explore_requests ();
  trib_ui_test_press_keys (GTK_WIDGET (explore_window), "F5");
  trib_ui_test_iterate_until (tree_loaded, view, 30);
  trib_ui_test_iterate_until (preview_done, view, 30);
  /* The root again (the folders closed), and the preview. */
  g_assert_cmpuint (count_explore_requests (), ==, requests + 2);
  g_assert_cmpuint (g_list_model_get_n_items (tree_of (view)), ==, 1);
  g_assert_cmpstr (trib_explore_view_get_preview_state (view), ==, "grid");
  g_assert_cmpuint (trib_result_model_get_n_columns (preview_model (view)), >, 3);
  trib_ui_test_press_keys (GTK_WIDGET (explore_window), "ctrl+r");
  trib_ui_test_iterate_until (tree_loaded, view, 30);
  trib_ui_test_iterate_until (preview_done, view, 30);
  g_assert_cmpuint (count_explore_requests (), ==, requests + 4);

  /* A folder the platform refuses to list: its row says so in a few
   * words, the reason and the way to try again on hover; Enter on it
   * lists the folder again.
   */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/flowservice/connections/" ADLS_ACCOUNT "/explore\", "
                                  "\"query\": \"objectType=folder\", \"kind\": \"status\", \"status\": 403, "
                                  "\"count\": 1}");
  expand_row (explore_window, view, "luma-lake");
  {
    guint error_position = find_row (view, "luma-lake") + 1;
    g_autoptr(TribExploreNode) error_node = node_at (view, error_position);
    GtkWidget *cell;
    GtkWidget *label;
    const char *tooltip;

    g_assert_cmpint (trib_explore_node_get_kind (error_node), ==, TRIB_EXPLORE_NODE_ERROR);
    trib_ui_test_settle ();
    cell = find_cell (GTK_WIDGET (trib_explore_view_get_tree_view (view)), error_node);
    g_assert_nonnull (cell);
    label = trib_ui_test_find_widget (cell, GTK_TYPE_LABEL, NULL);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Could not list this folder");
    tooltip = trib_tooltip_bin_get_text (TRIB_TOOLTIP_BIN (gtk_widget_get_ancestor (label, TRIB_TYPE_TOOLTIP_BIN)));
    g_assert_nonnull (strstr (tooltip, trib_explore_node_get_title (error_node)));
    g_assert_nonnull (strstr (tooltip, "try again"));
    /* Shown on hover, and read as the label's description, as a tooltip is. */
    g_assert_true (gtk_widget_get_has_tooltip (gtk_widget_get_ancestor (label, TRIB_TYPE_TOOLTIP_BIN)));
    {
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (label),
                                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                      tooltip);

      g_assert_null (mismatch);
    }
    g_assert_cmpstr (trib_list_cell_get_row_name (TRIB_LIST_CELL (cell)), !=, NULL);

    select_row (view, error_position);
    trib_ui_test_press_keys (GTK_WIDGET (explore_window), "Return");
    trib_ui_test_iterate_until (tree_loaded, view, 30);
    g_assert_cmpuint (find_row (view, "raw"), >, find_row (view, "luma-lake"));
  }

  /* The drop-down holds the connections, the Data Landing Zone first. */
  dropdown = account_dropdown (view);
  g_assert_cmpuint (account_position (view, ""), ==, 0);
  gcs = account_position (view, GCS_ACCOUNT);
  g_assert_cmpuint (gcs, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, gcs);
  trib_ui_test_iterate_until (tree_loaded, view, 30);
  g_assert_cmpstr (trib_explore_view_get_connection_id (view), ==, GCS_ACCOUNT);

  /* An account before it goes, elsewhere; the list read again keeps
   * the Google Cloud Storage account chosen, at its new place.
   */
  trib_flow_service_delete_connection_async (trib_session_get_client (trib_window_get_session (window)),
                                             ADLS_ACCOUNT, NULL, deleted_cb, &deleted);
  trib_ui_test_iterate_until (is_true, &deleted, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "explore.refresh", NULL));
  trib_ui_test_iterate_until (tree_loaded, view, 30);
  trib_ui_test_iterate_until (adls_gone, view, 30);
  trib_ui_test_settle ();
  g_assert_cmpuint (account_position (view, GCS_ACCOUNT), ==, gcs - 1);
  selected = gtk_drop_down_get_selected_item (dropdown);
  g_assert_nonnull (selected);
  g_assert_cmpstr (trib_connection_get_id (selected), ==, GCS_ACCOUNT);
  g_assert_cmpstr (trib_explore_view_get_connection_id (view), ==, GCS_ACCOUNT);

  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/explore/demo-accounts", test_explore);

  return g_test_run ();
}
