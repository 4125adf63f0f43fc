/* test-ui-flow-wizard-sources.c
 *
 * The dataflow wizard from two more kinds of source to a created flow,
 * in the real application on the demo platform: a Databricks table
 * (CRMToAEP, a delta column) and a Parquet file of an ADLS Gen2 account
 * (CloudStorageToAEP), each onto an ad hoc schema from its columns,
 * auto-mapped. What the simulator received is checked: the source
 * connection names the table or the file, the mapping set maps every
 * column, the flow is made once with its mapping set. The Mapping step
 * is shot light and dark, wide and in a 600 px window, where it folds.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-flow-wizard.h"
#include "trib-mapping-page.h"
#include "trib-window.h"
#include "trib-ui-test.h"
#include "trib-ui-test-wizard.h"

#define DATABRICKS_ACCOUNT "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define ADLS_ACCOUNT "3d8e1f2a-5b6c-4d7e-8f90-a1b2c3d4e5f6"
#define FLOW_SERVICE "/data/foundation/flowservice"
#define MAPPING_SETS "/data/foundation/conversion/mappingSets"

/* The simulator's own record of what it received */

static JsonNode *
sim_requests (TribWindow *window)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/requests", NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);

  return node;
}

/* The bodies of the requests received since @since (an index into the
 * log) with @method and exactly @path.
 */
static GPtrArray *
bodies_since (JsonNode   *log,
              guint       since,
              const char *method,
              const char *path)
{
  JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");
  GPtrArray *bodies = g_ptr_array_new ();

  for (guint i = since; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_strcmp0 (json_object_get_string_member (request, "method"), method) == 0 &&
          g_strcmp0 (json_object_get_string_member (request, "path"), path) == 0)
        g_ptr_array_add (bodies, json_object_has_member (request, "body")
                                 ? json_object_get_object_member (request, "body") : NULL);
    }

  return bodies;
}

static guint
n_requests (TribWindow *window)
{
  g_autoptr(JsonNode) log = sim_requests (window);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (log), "requests"));
}

/* Explore */

static guint
find_row (TribExploreView *view,
          const char      *title)
{
  GListModel *tree = trib_ui_wizard_explore_tree (view);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(TribExploreNode) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (trib_explore_node_get_title (node), title) == 0)
        return i;
    }

  g_error ("no row %s", title);
}

static void
expand_row (TribExploreView *view,
            const char      *title)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (trib_ui_wizard_explore_tree (view), find_row (view, title));

  gtk_tree_list_row_set_expanded (row, TRUE);
  trib_ui_test_iterate_until (trib_ui_wizard_explore_loaded, view, 30);
}

static void
select_row (TribExploreView *view,
            const char      *title)
{
  GtkWidget *list = GTK_WIDGET (trib_explore_view_get_tree_view (view));
  guint position = find_row (view, title);

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", position, FALSE, FALSE);
  trib_ui_test_settle ();
  g_assert_nonnull (trib_explore_view_get_selected_path (view));
}

/* The wizard */

/* The Mapping step light and dark, wide and in a 600 px window: folded
 * there, each pane whole, the fields one button away.
 */
static void
shoot_mapping (TribFlowWizard *wizard,
               const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribMappingPage *page = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_MAPPING_PAGE);
  g_autofree char *wide_light = g_strdup_printf ("flow-wizard-%s-mapping-wide-light.png", name);
  g_autofree char *wide_dark = g_strdup_printf ("flow-wizard-%s-mapping-wide-dark.png", name);
  g_autofree char *narrow_light = g_strdup_printf ("flow-wizard-%s-mapping-narrow-light.png", name);
  g_autofree char *narrow_dark = g_strdup_printf ("flow-wizard-%s-mapping-narrow-dark.png", name);
  g_autofree char *fields_light = g_strdup_printf ("flow-wizard-%s-mapping-narrow-fields-light.png", name);
  GtkWidget *button;
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (wizard), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 600);

  trib_ui_test_resize (GTK_WIDGET (wizard), 1400, 900);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_dark);
  trib_ui_test_resize (GTK_WIDGET (wizard), 600, 800);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 600);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_light);

  /* Folded: the target fields one button away, and back. */
  button = trib_ui_test_find_button_with_tooltip (GTK_WIDGET (page), "Show the Target Fields");
  g_assert_nonnull (button);
  trib_ui_test_click_center (GTK_WIDGET (wizard), button);
  trib_ui_test_settle ();
  g_assert_nonnull (trib_ui_test_find_button_with_tooltip (GTK_WIDGET (page), "Back to the Mappings"));
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), fields_light);
  trib_ui_test_click_center (GTK_WIDGET (wizard),
                             trib_ui_test_find_button_with_tooltip (GTK_WIDGET (page), "Back to the Mappings"));
  trib_ui_test_settle ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (GTK_WIDGET (wizard), 1000, 800);
}

static gboolean
wizard_open (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL) != NULL;
}

static TribFlowWizard *
open_wizard (TribWindow      *window,
             const char      *account,
             const char     **folders,
             const char      *object,
             GtkWindow      **explore_window)
{
  TribExploreView *view;
  GtkWidget *button;
  TribFlowWizard *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-source", "s", account));
  trib_ui_test_settle ();
  view = trib_ui_test_find_explore_view (account);
  g_assert_nonnull (view);
  *explore_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  trib_ui_test_iterate_until (trib_ui_wizard_explore_loaded, view, 30);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, view, 10);

  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    expand_row (view, folders[i]);
  select_row (view, object);
  button = trib_ui_test_find_by_action (GTK_WIDGET (view), "explore.create-dataflow");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* On top, for the pointer's click to reach it. */
  gtk_window_present (*explore_window);
  trib_ui_test_settle ();
  trib_ui_test_click_center (GTK_WIDGET (*explore_window), button);
  trib_ui_test_iterate_until (wizard_open, NULL, 10);

  wizard = TRIB_FLOW_WIZARD (trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL));
  g_assert_nonnull (wizard);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, wizard, 10);
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "source");
  trib_ui_test_iterate_until (trib_ui_wizard_source_ready, wizard, 30);

  return wizard;
}

static void
select_daily (AdwComboRow *row)
{
  GListModel *choices = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), "Daily"))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_error ("no daily frequency");
}

/* Source → ad hoc schema from the columns → Auto-map → daily → create. */
static TribMappingDraft *
walk_to_flow (TribFlowWizard *wizard,
              const char     *name,
              const char     *shot)
{
  g_autofree char *flow_name = g_strdup_printf ("%s flow", name);
  g_autofree char *class_title = g_strdup_printf ("%s Class", name);
  g_autofree char *schema_title = g_strdup_printf ("%s Schema", name);
  g_autofree char *dataset_name = g_strdup_printf ("%s dataset", name);
  TribMappingPage *page;
  TribMappingDraft *draft;
  GtkWidget *row;

  g_assert_null (trib_flow_wizard_get_problem (wizard));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataflow Name")), flow_name);
  trib_ui_wizard_press_next (wizard, "target");
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "A New Ad Hoc Schema from the Source’s Columns");
  g_assert_nonnull (row);
  trib_ui_test_click_center (GTK_WIDGET (wizard), row);
  trib_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Class Title")), class_title);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Schema Title")), schema_title);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataset Name")), dataset_name);
  trib_ui_test_settle ();
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  trib_ui_wizard_press_next (wizard, "mapping");
  trib_ui_test_iterate_until (trib_ui_wizard_mapping_loaded, wizard, 30);
  page = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_MAPPING_PAGE);
  draft = trib_mapping_page_get_draft (page);
  trib_ui_test_click_center (GTK_WIDGET (wizard),
                             trib_ui_test_find_by_action (GTK_WIDGET (wizard), "mapping.automap"));
  trib_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), >, 3);
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  shoot_mapping (wizard, shot);

  trib_ui_wizard_press_next (wizard, "schedule");
  select_daily (ADW_COMBO_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Frequency")));
  trib_ui_test_settle ();
  g_test_message ("schedule: %s", trib_flow_wizard_get_problem (wizard));
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  trib_ui_wizard_press_next (wizard, "review");
  trib_ui_wizard_press_next (wizard, "create");
  trib_ui_test_iterate_until (trib_ui_wizard_flow_made, wizard, 60);
  if (trib_flow_wizard_get_flow_id (wizard) == NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      /* What the Create step says went wrong. */
      trib_ui_test_find_mapped (GTK_WIDGET (wizard), GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        g_test_message ("create: %s", gtk_label_get_label (g_ptr_array_index (labels, i)));
    }
  g_assert_nonnull (trib_flow_wizard_get_flow_id (wizard));

  return draft;
}

/* What the simulator received for one setup, from @since on. */
static void
check_requests (TribWindow       *window,
                guint             since,
                TribMappingDraft *draft,
                const char       *params_member,
                const char       *params_value)
{
  g_autoptr(JsonNode) log = sim_requests (window);
  g_autoptr(GPtrArray) sources = bodies_since (log, since, "POST", FLOW_SERVICE "/sourceConnections");
  g_autoptr(GPtrArray) mapping_sets = bodies_since (log, since, "POST", MAPPING_SETS);
  g_autoptr(GPtrArray) flows = bodies_since (log, since, "POST", FLOW_SERVICE "/flows");
  JsonObject *params;
  JsonArray *mappings;
  JsonArray *transformations;
  gboolean mapping_named = FALSE;

  g_assert_cmpuint (sources->len, ==, 1);
  params = json_object_get_object_member (g_ptr_array_index (sources, 0), "params");
  g_assert_cmpstr (json_object_get_string_member (params, params_member), ==, params_value);

  g_assert_cmpuint (mapping_sets->len, ==, 1);
  mappings = json_object_get_array_member (g_ptr_array_index (mapping_sets, 0), "mappings");
  g_assert_cmpuint (json_array_get_length (mappings), ==, g_list_model_get_n_items (G_LIST_MODEL (draft)));
  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      g_autoptr(TribMappingRow) row = g_list_model_get_item (G_LIST_MODEL (draft), i);
      JsonObject *mapping = json_array_get_object_element (mappings, i);
      const char *destination = json_object_get_string_member (mapping, "destination");
      g_autofree char *below_namespace = g_strconcat (".", trib_mapping_row_get_target (row), NULL);

      g_assert_cmpstr (json_object_get_string_member (mapping, "source"), ==, trib_mapping_row_get_source (row));
      /* The new class's fields were mapped before it existed: the plan
       * puts them under the namespace the class got.
       */
      g_assert_true (g_str_has_prefix (destination, "_"));
      g_assert_true (g_str_has_suffix (destination, below_namespace));
    }

  /* The flow, once, with its mapping set. */
  g_assert_cmpuint (flows->len, ==, 1);
  transformations = json_object_get_array_member (g_ptr_array_index (flows, 0), "transformations");
  for (guint i = 0; i < json_array_get_length (transformations); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (transformations, i), "name"),
                   "Mapping") == 0)
      mapping_named = TRUE;
  g_assert_true (mapping_named);
}

static void
test_sources (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  static const char *adls_folders[] = { "luma-lake", "curated", NULL };
  g_autofree char *unique = g_strdup_printf ("%08x", g_random_int ());
  g_autofree char *databricks_name = g_strdup_printf ("Databricks orders %s", unique);
  g_autofree char *adls_name = g_strdup_printf ("ADLS web events %s", unique);
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  TribMappingDraft *draft;
  TribWindow *window;
  guint since;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_settle ();

  /* A Databricks table: CRMToAEP, its delta column proposed. */
  since = n_requests (window);
  wizard = open_wizard (window, DATABRICKS_ACCOUNT, NULL, "orders", &explore_window);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "The table luma.orders", FALSE));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard),
                                                                                       "Delta Column"))),
                    !=, GTK_INVALID_LIST_POSITION);
  draft = walk_to_flow (wizard, databricks_name, "databricks");
  check_requests (window, since, draft, "tableName", "luma.orders");
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();

  /* A Parquet file of an ADLS Gen2 account: CloudStorageToAEP. */
  since = n_requests (window);
  wizard = open_wizard (window, ADLS_ACCOUNT, adls_folders, "web-events-2026-10.parquet", &explore_window);
  draft = walk_to_flow (wizard, adls_name, "adls-parquet");
  check_requests (window, since, draft, "path", "/luma-lake/curated/web-events-2026-10.parquet");
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *setups = g_dir_make_tmp ("flow-wizard-sources-XXXXXX", NULL);
  int status;

  /* The setups' journals of this run only. */
  g_setenv ("TRIBUTARY_SETUPS_DIR", setups, TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/flow-wizard/databricks-and-adls-parquet", test_sources);

  status = g_test_run ();
  g_rmdir (setups);

  return status;
}
