/* test-ui-flow-wizard.c
 *
 * Seed 004's dataflow set up through the wizard in the real application
 * on the demo platform: the OData Orders table chosen in Explore, an ad
 * hoc schema planned from its columns (one name fixed after the wizard
 * refused it) and mapped onto before it exists, a 15-minute schedule (14
 * refused with the flow spec's reason), the review of every call, Back
 * keeping every answer, and nothing made before Create: the class and
 * the schema are steps of the plan, so a Roll Back deletes them too.
 * Then a setup stopped and resumed at the next sign-in, and one whose
 * process is killed (SIGKILL) while its flow is on its way: the next
 * process, on the same platform, offers it, and resuming it ends with
 * the flow once. Screenshots light and dark, narrow and wide.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-flow-journal.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-wizard.h"
#include "trib-mapping-page.h"
#include "trib-paged-list-view.h"
#include "trib-session.h"
#include "trib-window.h"
#include "trib-test-sim.h"
#include "trib-ui-test.h"
#include "trib-ui-test-wizard.h"

#define ODATA_ACCOUNT "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"

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
          g_assert_cmpstr (trib_explore_view_get_selected_path (view), !=, NULL);
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
  g_autofree char *wide_light = g_strdup_printf ("flow-wizard-%s-wide-light.png", name);
  g_autofree char *wide_dark = g_strdup_printf ("flow-wizard-%s-wide-dark.png", name);
  g_autofree char *narrow_light = g_strdup_printf ("flow-wizard-%s-narrow-light.png", name);
  g_autofree char *narrow_dark = g_strdup_printf ("flow-wizard-%s-narrow-dark.png", name);

  trib_ui_test_resize (GTK_WIDGET (wizard), 1400, 900);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_dark);
  trib_ui_test_resize (GTK_WIDGET (wizard), 600, 800);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_light);

  /* The narrow window still shows the whole width of every page. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 600);
}

/* Requests the application sent whose method is @method and whose URL
 * holds @path, answered with success.
 */
static guint
count_requests (const char *method,
                const char *path)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      const char *url = trib_request_record_get_url (record);

      if (g_str_equal (trib_request_record_get_method (record), method) && strstr (url, path) != NULL &&
          g_str_has_suffix (strstr (url, path), path) && trib_request_record_get_status (record) / 100 == 2)
        count++;
    }

  return count;
}

/* Successful requests whose method is @method and whose URL holds
 * @fragment anywhere.
 */
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

static gboolean
targets_listed (gpointer data)
{
  TribPagedListView *view = trib_ui_test_find_any (GTK_WIDGET (data), TRIB_TYPE_PAGED_LIST_VIEW);

  return view != NULL && g_strcmp0 (trib_paged_list_view_get_state (view), "list") == 0;
}

static GtkEditable *
find_field_entry (GtkWidget  *wizard,
                  const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (wizard, GTK_TYPE_TEXT, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (found, i)), name) == 0)
      return g_ptr_array_index (found, i);

  return NULL;
}

static gboolean
wizard_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL) != NULL;
}

static TribFlowWizard *
open_wizard (TribWindow       *window,
             GtkWindow       **explore_window)
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
  g_assert_nonnull (button);
  select_table (view, "Orders");
  g_assert_true (gtk_widget_is_sensitive (button));
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
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == *explore_window);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, wizard, 10);

  return wizard;
}

static void
seed_004 (TribWindow *window)
{
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  GtkWidget *row;
  GtkEditable *entry;
  GtkSpinButton *spin;
  GtkWidget *button;
  g_autofree char *curl = NULL;
  guint posts_before;

  wizard = open_wizard (window, &explore_window);

  /* Source: the table, its columns, a date-time delta column proposed. */
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "source");
  trib_ui_test_iterate_until (trib_ui_wizard_source_ready, wizard, 30);
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "Luma orders (OData)", FALSE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "The table Orders", FALSE));
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "Delta Column");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), !=, GTK_INVALID_LIST_POSITION);
  shoot (wizard, "source");

  /* Target: the datasets listed first; choosing one completes the page. */
  trib_ui_wizard_press_next (wizard, "target");
  trib_ui_test_iterate_until (targets_listed, wizard, 30);
  g_assert_nonnull (trib_flow_wizard_get_problem (wizard));
  {
    GtkWidget *view = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_PAGED_LIST_VIEW);
    GtkListView *list = trib_ui_test_find_any (view, GTK_TYPE_LIST_VIEW);

    gtk_widget_activate_action (GTK_WIDGET (list), "list.select-item", "(ubb)", 0, FALSE, FALSE);
    trib_ui_test_settle ();
    g_test_message ("dataset chosen: %s", trib_flow_wizard_get_problem (wizard));
    g_assert_null (trib_flow_wizard_get_problem (wizard));
  }
  shoot (wizard, "target-dataset");

  /* Then an ad hoc schema from the columns instead. */
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "A New Ad Hoc Schema from the Source’s Columns");
  g_assert_nonnull (row);
  trib_ui_test_click_center (GTK_WIDGET (wizard), row);
  trib_ui_test_settle ();
  g_assert_nonnull (trib_ui_test_find_row (GTK_WIDGET (wizard), "Class Title"));
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  /* A field name the registry would refuse: the wizard says so first. */
  entry = find_field_entry (GTK_WIDGET (wizard), "OrderID");
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "1OrderID");
  trib_ui_test_settle ();
  g_assert_nonnull (trib_flow_wizard_get_problem (wizard));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL) &&
                  g_strcmp0 (trib_flow_wizard_get_step (wizard), "target") != 0);
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "target");
  shoot (wizard, "target-refused");
  gtk_editable_set_text (entry, "OrderID");
  trib_ui_test_settle ();
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  /* Mapping: onto the ad hoc class as planned, its fields named as the
   * Target page has them; nothing is made on the platform yet.
   */
  trib_ui_wizard_press_next (wizard, "mapping");
  trib_ui_test_iterate_until (trib_ui_wizard_mapping_loaded, wizard, 30);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/classes"), ==, 0);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, 0);
  g_test_message ("mapping problem: %s", trib_flow_wizard_get_problem (wizard));
  button = trib_ui_test_find_by_action (GTK_WIDGET (wizard), "mapping.automap");
  g_assert_nonnull (button);
  trib_ui_test_click_center (GTK_WIDGET (wizard), button);
  trib_ui_test_settle ();
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  /* Data Prep cannot read a schema that does not exist yet. */
  g_assert_false (gtk_widget_is_sensitive (trib_ui_test_find_by_action (GTK_WIDGET (wizard), "mapping.validate")));

  /* A second column onto a field already mapped: marked on its row,
   * Next refused; undone, the step passes again.
   */
  {
    TribMappingPage *page = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_MAPPING_PAGE);
    TribMappingDraft *draft = trib_mapping_page_get_draft (page);
    guint n_mappings = g_list_model_get_n_items (G_LIST_MODEL (draft));

    g_assert_cmpint (trib_mapping_draft_find_column (draft, "OrderID"), >=, 0);
    trib_mapping_page_map_column (page, "ShipCity", "OrderID");
    trib_ui_test_settle ();
    g_test_message ("two onto one: %s (%u problems)", trib_flow_wizard_get_problem (wizard),
                    trib_mapping_draft_get_n_problems (draft));
    g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), >, 0);
    g_assert_nonnull (trib_flow_wizard_get_problem (wizard));
    shoot (wizard, "mapping-refused");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "mapping.undo", NULL));
    trib_ui_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_mappings);
    g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 0);
    g_assert_null (trib_flow_wizard_get_problem (wizard));
  }
  shoot (wizard, "mapping");

  /* Schedule: every 14 minutes refused with the spec's reason, 15 taken. */
  trib_ui_wizard_press_next (wizard, "schedule");
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "Frequency");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  spin = trib_ui_test_find_any (trib_ui_test_find_row (GTK_WIDGET (wizard), "Every"), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spin, 14);
  trib_ui_test_settle ();
  g_assert_nonnull (trib_flow_wizard_get_problem (wizard));
  g_assert_nonnull (strstr (trib_flow_wizard_get_problem (wizard), "15"));
  shoot (wizard, "schedule-refused");
  gtk_spin_button_set_value (spin, 15);
  trib_ui_test_settle ();
  g_assert_null (trib_flow_wizard_get_problem (wizard));

  /* Back three times and forth again: every answer kept. */
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "alt+Left");
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "mapping");
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "Escape");
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "target");
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "Escape");
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "source");
  trib_ui_wizard_press_next (wizard, "target");
  g_assert_nonnull (find_field_entry (GTK_WIDGET (wizard), "OrderID"));
  trib_ui_wizard_press_next (wizard, "mapping");
  g_assert_null (trib_flow_wizard_get_problem (wizard));
  trib_ui_wizard_press_next (wizard, "schedule");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 15);

  /* Review: every call in order, the class and schema first; the whole
   * plan as curl commands.
   */
  trib_ui_wizard_press_next (wizard, "review");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "Create the mapping set", TRUE));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "1. Create the class", TRUE));
  button = trib_ui_test_find_by_action (GTK_WIDGET (wizard), "wizard.copy-curl");
  trib_ui_test_click_center (GTK_WIDGET (wizard), button);
  trib_ui_test_settle ();
  curl = trib_ui_test_read_clipboard (GTK_WIDGET (wizard));
  g_assert_nonnull (strstr (curl, "curl"));
  g_assert_nonnull (strstr (curl, "/flows"));
  shoot (wizard, "review");

  /* Create: the plan runs, a row per call; the flow made once. */
  posts_before = count_requests ("POST", "/flowservice/flows");
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/classes"), ==, 0);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, 0);
  trib_ui_wizard_press_next (wizard, "create");
  trib_ui_test_iterate_until (trib_ui_wizard_flow_made, wizard, 60);
  g_assert_nonnull (trib_flow_wizard_get_flow_id (wizard));
  g_assert_cmpuint (count_requests ("POST", "/flowservice/flows"), ==, posts_before + 1);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/classes"), ==, 1);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, 1);
  shoot (wizard, "created");

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
}

/* Source → ad hoc target → auto-map → 15 minutes → review, quickly. */
static void
drive_to_review (TribFlowWizard *wizard,
                 const char     *name)
{
  GtkWidget *row;
  g_autofree char *schema_title = g_strdup_printf ("%s Schema", name);

  trib_ui_test_iterate_until (trib_ui_wizard_source_ready, wizard, 30);
  /* Names of their own: the registry refuses a second class of a title. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataflow Name")), name);
  trib_ui_wizard_press_next (wizard, "target");
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "A New Ad Hoc Schema from the Source’s Columns");
  trib_ui_test_click_center (GTK_WIDGET (wizard), row);
  trib_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Class Title")), name);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Schema Title")), schema_title);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Dataset Name")), name);
  trib_ui_wizard_press_next (wizard, "mapping");
  trib_ui_test_iterate_until (trib_ui_wizard_mapping_loaded, wizard, 30);
  trib_ui_test_click_center (GTK_WIDGET (wizard),
                             trib_ui_test_find_by_action (GTK_WIDGET (wizard), "mapping.automap"));
  trib_ui_test_settle ();
  trib_ui_wizard_press_next (wizard, "schedule");
  adw_combo_row_set_selected (ADW_COMBO_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Frequency")), 1);
  gtk_spin_button_set_value (trib_ui_test_find_any (trib_ui_test_find_row (GTK_WIDGET (wizard), "Every"),
                                                    GTK_TYPE_SPIN_BUTTON), 15);
  trib_ui_test_settle ();
  trib_ui_wizard_press_next (wizard, "review");
}

static gboolean
run_stopped (gpointer data)
{
  return !trib_flow_wizard_get_busy (data) &&
         trib_ui_test_find_by_action (GTK_WIDGET (data), "wizard.resume") != NULL &&
         gtk_widget_get_visible (trib_ui_test_find_by_action (GTK_WIDGET (data), "wizard.resume"));
}

static gboolean
prompt_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

/* Signs the window in again, as the next start does, and answers
 * Resume, as its button does, to the setup it offers, @title: the
 * wizard that takes the setup up.
 */
static TribFlowWizard *
resume_offered (TribWindow *window,
                const char *title,
                const char *screenshot)
{
  g_autoptr(TribSession) session = g_object_ref (trib_window_get_session (window));
  AdwMessageDialog *dialog;
  TribFlowWizard *wizard;

  trib_window_set_session (window, NULL);
  trib_window_set_session (window, session);
  trib_ui_test_iterate_until (prompt_shown, NULL, 30);
  dialog = ADW_MESSAGE_DIALOG (trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (dialog), title, TRUE));
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), screenshot);
  adw_message_dialog_response (dialog, "resume");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trib_ui_test_settle ();
  trib_ui_test_iterate_until (wizard_shown, NULL, 10);

  wizard = TRIB_FLOW_WIZARD (trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_WIZARD, NULL));
  g_assert_nonnull (wizard);

  return wizard;
}

/* A setup stopped by a failing step, its window closed: the next
 * sign-in offers to resume it, and resuming makes the flow, once.
 */
static void
resume_prompt (TribWindow *window)
{
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  guint posts_before;

  wizard = open_wizard (window, &explore_window);
  drive_to_review (wizard, "Orders again");

  /* The flow's creation fails once: the setup stops there. */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/flowservice/flows\", \"method\": \"POST\", "
                                  "\"kind\": \"status\", \"status\": 500}");
  g_test_message ("resume: create");
  trib_ui_wizard_press_next (wizard, "create");
  trib_ui_test_iterate_until (run_stopped, wizard, 60);
  g_test_message ("resume: stopped");
  g_assert_null (trib_flow_wizard_get_flow_id (wizard));
  shoot (wizard, "create-failed");
  posts_before = count_requests ("POST", "/flowservice/flows");

  /* Closed mid-setup; the next sign-in finds its journal. */
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
  wizard = resume_offered (window, "Orders again", "flow-wizard-resume-prompt-light.png");
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, "create");
  trib_ui_test_iterate_until (trib_ui_wizard_flow_made, wizard, 60);
  if (trib_flow_wizard_get_flow_id (wizard) == NULL)
    shoot (wizard, "resume-failed");
  g_assert_nonnull (trib_flow_wizard_get_flow_id (wizard));
  g_assert_cmpuint (count_requests ("POST", "/flowservice/flows"), ==, posts_before + 1);
  shoot (wizard, "resumed");

  gtk_window_destroy (GTK_WINDOW (wizard));
  trib_ui_test_settle ();
}

static gboolean
rolled_back (gpointer data)
{
  return !trib_flow_wizard_get_busy (data) &&
         trib_ui_test_has_label (GTK_WIDGET (data), "Rolled back", TRUE);
}

/* The dataset refused after the class and the schema were made: Roll
 * Back deletes both, newest first, since they are the plan's steps.
 */
static void
roll_back (TribWindow *window)
{
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  guint classes_deleted = count_requests_to ("DELETE", "/schemaregistry/tenant/classes/");
  guint schemas_deleted = count_requests_to ("DELETE", "/schemaregistry/tenant/schemas/");
  guint classes_made = count_requests_to ("POST", "/schemaregistry/tenant/classes");
  guint schemas_made = count_requests_to ("POST", "/schemaregistry/tenant/schemas");

  wizard = open_wizard (window, &explore_window);
  drive_to_review (wizard, "Orders rolled back");
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/classes"), ==, classes_made);

  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/catalog/dataSets\", \"method\": \"POST\", "
                                  "\"kind\": \"status\", \"status\": 500}");
  g_test_message ("roll back: create");
  trib_ui_wizard_press_next (wizard, "create");
  trib_ui_test_iterate_until (run_stopped, wizard, 60);
  g_test_message ("roll back: stopped");
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/classes"), ==, classes_made + 1);
  g_assert_cmpuint (count_requests_to ("POST", "/schemaregistry/tenant/schemas"), ==, schemas_made + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.roll-back", NULL));
  shoot (wizard, "roll-back-stopped");
  trib_ui_test_iterate_until (rolled_back, wizard, 60);
  g_assert_cmpuint (count_requests_to ("DELETE", "/schemaregistry/tenant/schemas/"), ==, schemas_deleted + 1);
  g_assert_cmpuint (count_requests_to ("DELETE", "/schemaregistry/tenant/classes/"), ==, classes_deleted + 1);
  shoot (wizard, "rolled-back");

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (explore_window);
  trib_ui_test_settle ();
}

/* A kill: this process and the next one must share one platform, so
 * the demo is a relay that hands the window the address of a simulator
 * this test started, as tributary-sim's ready line does. The line stays
 * in the environment, never in a file.
 */
static TribTestSim *
start_shared_platform (void)
{
  TribTestSim *sim = trib_test_sim_start (NULL);
  g_autofree char *dir = g_dir_make_tmp ("trib-relay-XXXXXX", NULL);
  g_autofree char *relay = g_build_filename (dir, "relay-sim", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) ready = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "base_url");
  json_builder_add_string_value (builder, sim->base_url);
  json_builder_set_member_name (builder, "org_id");
  json_builder_add_string_value (builder, sim->org_id);
  json_builder_set_member_name (builder, "client_id");
  json_builder_add_string_value (builder, sim->client_id);
  json_builder_set_member_name (builder, "client_secret");
  json_builder_add_string_value (builder, sim->client_secret);
  json_builder_set_member_name (builder, "technical_account_id");
  json_builder_add_string_value (builder, sim->technical_account_id);
  json_builder_set_member_name (builder, "scopes");
  json_builder_add_string_value (builder, sim->scopes);
  json_builder_set_member_name (builder, "sandbox");
  json_builder_add_string_value (builder, sim->sandbox);
  json_builder_end_object (builder);
  ready = json_builder_get_root (builder);
  line = json_to_string (ready, FALSE);

  g_file_set_contents (relay, "#!/bin/sh\nprintf '%s\\n' \"$TRIB_TEST_READY_LINE\"\nexec cat >/dev/null\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (relay, 0700), ==, 0);
  g_setenv ("TRIB_TEST_READY_LINE", line, TRUE);
  g_setenv ("TRIBUTARY_SIM", relay, TRUE);

  return sim;
}

static gboolean
flow_being_sent (gpointer data)
{
  g_autoptr(GListModel) pending = trib_flow_journal_list_pending (g_getenv ("TRIBUTARY_SETUPS_DIR"), NULL);

  for (guint i = 0; pending != NULL && i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(TribFlowJournal) journal = g_list_model_get_item (pending, i);
      g_autoptr(TribFlowPlan) plan = NULL;
      int sending = trib_flow_journal_get_sending_step (journal);

      if (sending < 0 || g_strcmp0 (trib_flow_journal_get_title (journal), data) != 0)
        continue;
      plan = trib_flow_journal_dup_plan (journal, NULL);
      if (plan != NULL &&
          trib_flow_step_get_kind (trib_flow_plan_get_step (plan, sending)) == TRIB_FLOW_STEP_CREATE_FLOW)
        return TRUE;
    }

  return FALSE;
}

static gboolean
elapsed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* In the process to be killed: the setup's last step, the flow, on its
 * way (its answer held back), and the process dies.
 */
static void
killed_mid_setup (void)
{
  GtkWindow *explore_window = NULL;
  TribFlowWizard *wizard;
  TribWindow *window;
  gint64 sent;

  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  wizard = open_wizard (window, &explore_window);
  drive_to_review (wizard, "Orders killed");
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/flowservice/flows\", \"method\": \"POST\", "
                                  "\"kind\": \"delay\", \"delay_ms\": 6000}");
  /* Not trib_ui_wizard_press_next(): it waits for the run's end. */
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "ctrl+Return");
  trib_ui_test_iterate_until (flow_being_sent, (gpointer) "Orders killed", 60);
  /* Long enough for the request to leave; whether the platform made
   * the flow or not, the next start must end with one.
   */
  sent = g_get_monotonic_time () + 300 * 1000;
  trib_ui_test_iterate_until (elapsed, &sent, 5);
  kill (getpid (), SIGKILL);
}

static void
flows_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static guint
count_flows_named (TribWindow *window,
                   const char *name)
{
  g_autofree char *property = g_strdup_printf ("name==%s", name);
  TribPlatformClient *client = trib_session_get_client (trib_window_get_session (window));
  g_autoptr(TribPagedList) flows = trib_flow_service_list_flows (client, property);
  gboolean listed = FALSE;

  trib_paged_list_load_all_async (flows, NULL, flows_listed_cb, &listed);
  trib_ui_test_iterate_until (is_true, &listed, 30);

  return g_list_model_get_n_items (G_LIST_MODEL (flows));
}

/* The next start after the kill offers the setup (a sign-in again
 * here); resuming it ends with its flow once, made or found.
 */
static void
resume_after_kill (TribWindow *window)
{
  TribFlowWizard *wizard;
  gint64 answered;

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_false (g_test_trap_has_passed ());
  /* The held-back answer given (to no one) before this start looks. */
  answered = g_get_monotonic_time () + 6500 * 1000;
  trib_ui_test_iterate_until (elapsed, &answered, 10);

  wizard = resume_offered (window, "Orders killed", "flow-wizard-resume-after-kill-light.png");
  trib_ui_test_iterate_until (trib_ui_wizard_flow_made, wizard, 60);
  if (trib_flow_wizard_get_flow_id (wizard) == NULL)
    shoot (wizard, "resume-after-kill-failed");
  g_assert_nonnull (trib_flow_wizard_get_flow_id (wizard));
  g_assert_cmpuint (count_flows_named (window, "Orders killed"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (wizard));
  trib_ui_test_settle ();
}

/* One application per process: the walks share it. The process killed
 * on purpose is this test run again (g_test_trap_subprocess()), on the
 * same platform.
 */
static void
test_flow_wizard (void)
{
  g_autoptr(TribTestSim) sim = NULL;
  TribWindow *window;

  if (g_test_subprocess ())
    {
      killed_mid_setup ();
      g_assert_not_reached ();
    }

  sim = start_shared_platform ();
  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_settle ();

  seed_004 (window);
  roll_back (window);
  resume_prompt (window);
  resume_after_kill (window);

  g_clear_object (&app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *setups = NULL;
  int status;

  /* The setups' journals of this run only; the process killed on
   * purpose writes into its parent's.
   */
  if (g_getenv ("TRIB_TEST_READY_LINE") != NULL)
    setups = g_strdup (g_getenv ("TRIBUTARY_SETUPS_DIR"));
  else
    setups = g_dir_make_tmp ("flow-wizard-setups-XXXXXX", NULL);
  g_setenv ("TRIBUTARY_SETUPS_DIR", setups, TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/flow-wizard/seed-004-resume-roll-back", test_flow_wizard);

  status = g_test_run ();
  /* Empty once every setup finished: nothing left behind. */
  g_rmdir (setups);

  return status;
}
