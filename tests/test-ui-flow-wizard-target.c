/* test-ui-flow-wizard-target.c
 *
 * The dataflow wizard's Target step, new schema from a class and field
 * groups (as seed 002 makes its profile schema), in the real
 * application on the demo platform: the OData Orders table chosen in
 * Explore, the class searched and chosen among the registry's, two field
 * groups made for it chosen from a searched list, the Mapping step on
 * the fields the schema will have, nothing made before Create, then the
 * schema, dataset and flow made by the plan. Screenshots of the page
 * light and dark, 600 and 1400 pixels wide.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-flow-wizard.h"
#include "trib-mapping-page.h"
#include "trib-window.h"
#include "trib-xdm-resource.h"
#include "trib-ui-test.h"
#include "trib-ui-test-wizard.h"

#define ODATA_ACCOUNT "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define PERSON_DETAILS "https://ns.adobe.com/xdm/context/profile-person-details"
#define PERSONAL_DETAILS "https://ns.adobe.com/xdm/context/profile-personal-details"

static TribApplication *app;

static void
select_table (TribExploreView *view,
              const char      *title)
{
  GListModel *tree = trib_ui_wizard_explore_tree (view);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(TribExploreNode) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (trib_explore_node_get_title (node), title) == 0)
        {
          GtkWidget *list = GTK_WIDGET (trib_explore_view_get_tree_view (view));

          gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
          gtk_widget_activate_action (list, "list.select-item", "(ubb)", i, FALSE, FALSE);
          trib_ui_test_settle ();
          return;
        }
    }

  g_error ("no table %s", title);
}

static void
shoot (TribFlowWizard *wizard,
       const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *wide_light = g_strdup_printf ("flow-wizard-%s-1400-light.png", name);
  g_autofree char *wide_dark = g_strdup_printf ("flow-wizard-%s-1400-dark.png", name);
  g_autofree char *narrow_light = g_strdup_printf ("flow-wizard-%s-600-light.png", name);
  g_autofree char *narrow_dark = g_strdup_printf ("flow-wizard-%s-600-dark.png", name);

  trib_ui_test_resize (GTK_WIDGET (wizard), 1400, 900);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_dark);
  trib_ui_test_resize (GTK_WIDGET (wizard), 600, 900);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_light);

  /* The whole page fits 600 pixels: nothing is cut. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 620);
}

static guint
count_requests_to (const char *method,
                   const char *fragment)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);

      if (g_str_equal (trib_request_record_get_method (record), method) &&
          strstr (trib_request_record_get_url (record), fragment) != NULL &&
          trib_request_record_get_status (record) / 100 == 2)
        count++;
    }

  return count;
}

typedef struct
{
  GtkWidget *root;
  GType type;
  const char *label;
} ListWait;

/* The mapped list of @type that shows a row titled @label. */
static GtkWidget *
find_list (GtkWidget  *root,
           GType       type,
           const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (root, type, found);
  for (guint i = 0; i < found->len; i++)
    if (trib_ui_test_has_label (g_ptr_array_index (found, i), label, FALSE))
      return g_ptr_array_index (found, i);

  return NULL;
}

/* The search entry whose placeholder is @placeholder. */
static GtkEditable *
find_search (GtkWidget  *root,
             const char *placeholder)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (root, GTK_TYPE_SEARCH_ENTRY, found);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *text = NULL;

      g_object_get (g_ptr_array_index (found, i), "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return g_ptr_array_index (found, i);
    }

  return NULL;
}

static gboolean
row_listed (gpointer data)
{
  ListWait *wait = data;

  return find_list (wait->root, wait->type, wait->label) != NULL;
}

static gboolean
wizard_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL) != NULL;
}

static TribFlowWizard *
open_wizard (TribWindow  *window,
             GtkWindow  **explore_window)
{
  TribExploreView *view;
  GtkWidget *button;
  TribFlowWizard *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-source", "s", ODATA_ACCOUNT));
  trib_ui_test_settle ();
  view = trib_ui_test_find_explore_view (ODATA_ACCOUNT);
  g_assert_nonnull (view);
  *explore_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  trib_ui_test_iterate_until (trib_ui_wizard_explore_loaded, view, 30);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, view, 10);

  button = trib_ui_test_find_by_action (GTK_WIDGET (view), "explore.create-dataflow");
  select_table (view, "Orders");
  trib_ui_test_click_center (GTK_WIDGET (*explore_window), button);
  trib_ui_test_settle ();
  /* A click synthesized on a loaded machine can land before the
   * explore window is where GTK drew it: the button's action then.
   */
  if (!wizard_shown (NULL))
    {
      g_test_message ("the click opened no wizard; activating the button");
      gtk_widget_activate (button);
    }
  trib_ui_test_iterate_until (wizard_shown, NULL, 10);

  wizard = TRIB_FLOW_WIZARD (trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL));
  g_assert_nonnull (wizard);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, wizard, 10);

  return wizard;
}

/* The row of @list whose title is @title, activated as a click would. */
static void
choose_row (TribFlowWizard *wizard,
            GType           type,
            const char     *title)
{
  ListWait wait = { GTK_WIDGET (wizard), type, title };
  GtkWidget *list;
  GtkWidget *label;

  trib_ui_test_iterate_until (row_listed, &wait, 30);
  list = find_list (GTK_WIDGET (wizard), type, title);
  label = trib_ui_test_find_label (list, title, FALSE);
  g_assert_nonnull (label);
  if (type == GTK_TYPE_LIST_BOX)
    {
      GtkWidget *row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_activate (row));
    }
  else
    {
      GListModel *items = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
      guint position = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < g_list_model_get_n_items (items) && position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(TribXdmResource) item = g_list_model_get_item (items, i);

          if (g_strcmp0 (trib_xdm_resource_get_title (item), title) == 0)
            position = i;
        }
      g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
      gtk_widget_activate_action (list, "list.select-item", "(ubb)", position, FALSE, FALSE);
    }
  trib_ui_test_settle ();
}

static void
class_and_field_groups (TribWindow *window)
{
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  GtkWidget *row;
  GtkEditable *search;
  TribMappingPage *page;
  g_autofree char *curl = NULL;

  wizard = open_wizard (window, &explore_window);
  trib_ui_test_iterate_until (trib_ui_wizard_source_ready, wizard, 30);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataflow Name")),
                         "Orders to profiles");
  trib_ui_wizard_press_next (wizard, "target");

  /* The new option: the classes listed, yours and Adobe's. */
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "A New Schema from a Class and Field Groups");
  g_assert_nonnull (row);
  trib_ui_test_click_center (GTK_WIDGET (wizard), row);
  trib_ui_test_settle ();
  g_assert_nonnull (trib_flow_wizard_get_problem (wizard));

  /* Searched on the platform, then chosen. */
  search = find_search (GTK_WIDGET (wizard), "Search classes");
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "individual");
  choose_row (wizard, GTK_TYPE_LIST_VIEW, "XDM Individual Profile");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "Chosen: XDM Individual Profile", FALSE));

  /* Field groups made for that class, several chosen, one found by a
   * search: the choice outlives the search.
   */
  choose_row (wizard, GTK_TYPE_LIST_BOX, "Demographic Details");
  search = find_search (GTK_WIDGET (wizard), "Search field groups");
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "contact");
  choose_row (wizard, GTK_TYPE_LIST_BOX, "Personal Contact Details");
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (wizard), "Web Details", FALSE));
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  shoot (wizard, "target-class");
  gtk_editable_set_text (search, "");
  trib_ui_test_settle ();

  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Schema Title")),
                         "Orders Profile Schema");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataset Name")),
                         "Orders profiles");
  trib_ui_test_click_center (GTK_WIDGET (wizard), trib_ui_test_find_row (GTK_WIDGET (wizard), "Enabled for Profile"));
  trib_ui_test_settle ();
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  /* Mapping: onto the fields the schema will have, read from the class
   * and the two field groups; nothing made yet.
   */
  trib_ui_wizard_press_next (wizard, "mapping");
  trib_ui_test_iterate_until (trib_ui_wizard_mapping_loaded, wizard, 30);
  page = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_MAPPING_PAGE);
  trib_mapping_page_map_column (page, "CustomerID", "person.name.fullName");
  trib_mapping_page_map_column (page, "ShipCity", "homeAddress.city");
  trib_ui_test_settle ();
  g_test_message ("mapping: %s", trib_flow_wizard_get_problem (wizard));
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, 0);

  /* Back and Next: the class, the field groups and the mappings kept. */
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "Escape");
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "target");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "Chosen: XDM Individual Profile", FALSE));
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  trib_ui_wizard_press_next (wizard, "mapping");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trib_mapping_page_get_draft (page))), ==, 2);
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  /* Schedule as proposed, then the review: the schema of the class and
   * both field groups, then its dataset.
   */
  trib_ui_wizard_press_next (wizard, "schedule");
  adw_combo_row_set_selected (ADW_COMBO_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Frequency")), 1);
  gtk_spin_button_set_value (trib_ui_test_find_any (trib_ui_test_find_row (GTK_WIDGET (wizard), "Every"),
                                                    GTK_TYPE_SPIN_BUTTON), 15);
  trib_ui_test_settle ();
  trib_ui_wizard_press_next (wizard, "review");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "1. Create the schema “Orders Profile Schema”", TRUE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "2. Create the dataset “Orders profiles”", TRUE));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.copy-curl", NULL);
  trib_ui_test_settle ();
  curl = trib_ui_test_read_clipboard (GTK_WIDGET (wizard));
  g_assert_nonnull (strstr (curl, PROFILE_CLASS));
  g_assert_nonnull (strstr (curl, PERSON_DETAILS));
  g_assert_nonnull (strstr (curl, PERSONAL_DETAILS));
  /* Made for Profile, as seed 002's schema and dataset are. */
  g_assert_nonnull (strstr (curl, "meta:immutableTags"));
  g_assert_nonnull (strstr (curl, "unifiedProfile"));

  /* Create: the schema, its dataset and the flow, each once. */
  trib_ui_wizard_press_next (wizard, "create");
  trib_ui_test_iterate_until (trib_ui_wizard_flow_made, wizard, 60);
  g_assert_nonnull (trib_flow_wizard_get_flow_id (wizard));
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, 1);
  g_assert_cmpuint (count_requests_to ("POST", "/catalog/dataSets"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
}

static void
test_target_class (void)
{
  TribWindow *window;

  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_settle ();

  class_and_field_groups (window);

  g_clear_object (&app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *setups = g_dir_make_tmp ("flow-wizard-target-XXXXXX", NULL);
  int status;

  g_setenv ("TRIBUTARY_SETUPS_DIR", setups, TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/flow-wizard/target-class", test_target_class);

  status = g_test_run ();
  g_rmdir (setups);

  return status;
}
