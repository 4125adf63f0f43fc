/* test-ui-export-wizard.c
 *
 * Seed 001's export through the Export Datasets wizard, in the real
 * application on the demo platform with its PostgreSQL: opened from the
 * Datasets page, S3 with a new account from the destination's authSpec
 * form, Luma Orders found by search, gzipped JSON under a folder whose
 * preview is checked, every 3 hours incremental (a full export refused
 * at that frequency), the review copied as curl without the secret,
 * then created through the journal. The account's secret is kept in
 * the keyring when asked, as the Connect dialog keeps it, and nowhere
 * else: the flow's create is refused once, and the journal left behind
 * holds `{{secret:KEY}}` only, as do the settings and the files the
 * app writes; Resume finishes the setup. The simulator's clock is moved on
 * and the files are found on disk with the platform's layout
 * `{bucket}/{path}/{datasetId}/exportTime=YYYYMMDDHHMM/`. Screenshots
 * light and dark at 600 and 1400 pixels.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-datasets-page.h"
#include "trib-export-wizard-private.h"
#include "trib-secret-store.h"
#include "trib-secret-row.h"
#include "trib-window.h"
#include "trib-ui-test.h"

#define LUMA_ORDERS "64f0a1b2c3d4e5f60718293c"
#define S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"

static char *export_dir;
static char *setups_dir;

/* Whether a file under @path holds @needle. */
static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *name;

  if (dir == NULL)
    return g_file_get_contents (path, &contents, &length, NULL) &&
           g_strstr_len (contents, length, needle) != NULL;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (tree_contains (child, needle))
        return TRUE;
    }
  return FALSE;
}

/* Whether a key of the application's settings holds @needle. */
static gboolean
settings_contain (GSettings  *settings,
                  const char *needle)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) children = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  children = g_settings_list_children (settings);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autoptr(GSettings) child = g_settings_get_child (settings, children[i]);

      if (settings_contain (child, needle))
        return TRUE;
    }
  return FALSE;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **secret = user_data;
  g_autoptr(GError) error = NULL;

  *secret = trib_secret_store_lookup_finish (TRIB_SECRET_STORE (object), result, &error);
  g_assert_no_error (error);
  if (*secret == NULL)
    *secret = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* A call to the simulator's own control endpoints. */
static JsonNode *
sim_control (TribWindow *window,
             const char *method,
             const char *path,
             const char *json)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), path, NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);

  return json_from_string (g_bytes_get_data (answer, NULL), NULL);
}

typedef struct
{
  TribExportWizard *wizard;
  const char *step;
} StepWait;

static gboolean
step_reached (gpointer data)
{
  StepWait *wait = data;

  return !trib_export_wizard_get_busy (wait->wizard) &&
         g_strcmp0 (trib_export_wizard_get_step (wait->wizard), wait->step) == 0;
}

static void
press_next (TribExportWizard *wizard,
            const char       *expected_step)
{
  StepWait wait = { wizard, expected_step };

  g_assert_null (trib_export_wizard_get_problem (wizard));
  trib_ui_test_press_keys (GTK_WIDGET (wizard), "ctrl+Return");
  trib_ui_test_iterate_until (step_reached, &wait, 30);
  trib_ui_test_settle ();
}

static void
shoot (TribExportWizard *wizard,
       const char       *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *wide_light = g_strdup_printf ("export-wizard-%s-wide-light.png", name);
  g_autofree char *wide_dark = g_strdup_printf ("export-wizard-%s-wide-dark.png", name);
  g_autofree char *narrow_light = g_strdup_printf ("export-wizard-%s-narrow-light.png", name);
  g_autofree char *narrow_dark = g_strdup_printf ("export-wizard-%s-narrow-dark.png", name);

  trib_ui_test_resize (GTK_WIDGET (wizard), 1400, 900);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), wide_dark);
  trib_ui_test_resize (GTK_WIDGET (wizard), 600, 800);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow_light);

  /* The narrow window shows the whole width of each page. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 620);
}

static gboolean
loaded (gpointer data)
{
  const char *problem = trib_export_wizard_get_problem (data);

  return !trib_export_wizard_get_busy (data) && (problem == NULL || strstr (problem, "…") == NULL);
}

static gboolean
datasets_listed (gpointer data)
{
  return trib_ui_test_find_row (data, "Luma Orders") != NULL;
}

static gboolean
stopped (gpointer data)
{
  return !trib_export_wizard_get_busy (data) && TRIB_EXPORT_WIZARD (data)->failed;
}

static gboolean
finished (gpointer data)
{
  return !trib_export_wizard_get_busy (data) && trib_export_wizard_get_flow_id (data) != NULL;
}

/* The exportTime= folders of the dataset, and their files. */
static char *
find_export (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "exportTime="))
      return g_strdup (name);

  return NULL;
}

static gboolean
exported (gpointer folder)
{
  g_autofree char *export = find_export (folder);
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (export == NULL)
    return FALSE;
  path = g_build_filename (folder, export, NULL);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, "part-") && g_str_has_suffix (name, ".json.gz"))
      return TRUE;

  return FALSE;
}

static void
test_export_wizard (void)
{
  TribApplication *app = trib_application_new ();
  TribWindow *window = trib_ui_test_open_demo (app, 120);
  TribExportWizard *wizard;
  TribDatasetsPage *page;
  g_autoptr(JsonNode) clock = NULL;
  g_autoptr(GDateTime) sim_now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) start_local = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *curl = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *export = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *secret = NULL;
  const char *account;
  TribSecretStore *store;
  GtkWidget *row;
  GtkWidget *check;

  trib_ui_test_settle ();

  /* The page-level action of the Datasets page opens the wizard. */
  page = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE);
  g_assert_nonnull (page);
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.export", NULL);
  trib_ui_test_settle ();
  wizard = TRIB_EXPORT_WIZARD (trib_ui_test_find_toplevel (TRIB_TYPE_EXPORT_WIZARD, NULL));
  g_assert_nonnull (wizard);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, wizard, 10);
  trib_ui_test_iterate_until (loaded, wizard, 30);
  g_assert_cmpstr (trib_export_wizard_get_step (wizard), ==, "destination");

  /* S3 picked (after another destination), a new account from its authSpec form. */
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "Destination");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  trib_ui_test_iterate_until (loaded, wizard, 30);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "Google Cloud Storage", FALSE));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  trib_ui_test_iterate_until (loaded, wizard, 30);
  g_assert_cmpstr (_trib_export_wizard_destination (wizard)->name, ==, "Amazon S3");
  row = trib_ui_test_find_row (GTK_WIDGET (wizard), "Account");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))) - 1);
  trib_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Account Name")), "Luma exports");
  g_assert_nonnull (trib_export_wizard_get_problem (wizard));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Access key ID")),
                         "AKIATRIBUTARYDEMO001");
  trib_secret_row_set_secret (TRIB_SECRET_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Secret access key")),
                              S3_SECRET);
  /* Kept in the keyring (in memory here, as the Connect dialog test does). */
  store = trib_application_get_secret_store (app);
  trib_secret_store_set_session_only (store, TRUE);
  g_assert_true (gtk_widget_get_visible (wizard->remember_group));
  gtk_switch_set_active (wizard->remember_switch, TRUE);
  trib_ui_test_settle ();
  shoot (wizard, "destination");
  press_next (wizard, "datasets");

  /* Luma Orders, found by its name. */
  trib_ui_test_iterate_until (datasets_listed, wizard, 30);
  g_assert_nonnull (trib_export_wizard_get_problem (wizard));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_any (GTK_WIDGET (wizard), GTK_TYPE_SEARCH_ENTRY)),
                         "luma ord");
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped,
                              trib_ui_test_find_row (GTK_WIDGET (wizard), "Luma Orders"), 10);
  check = trib_ui_test_find_any (trib_ui_test_find_row (GTK_WIDGET (wizard), "Luma Orders"), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  trib_ui_test_settle ();
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "1 dataset chosen", FALSE));
  press_next (wizard, "files");

  /* Gzipped JSON into luma-exports/exports/wizard; the preview follows. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Bucket")), "luma-exports");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Folder Path")),
                         "exports/wizard");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Folder Name Template (optional)")),
                         "%DATASET_NAME%");
  trib_ui_test_settle ();
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (trib_ui_test_find_row (
                   GTK_WIDGET (wizard), "First Export Goes To"))), "luma-exports/exports/wizard/Luma Orders/"));
  shoot (wizard, "files");
  /* The platform's own layout is what the demo writes: no template. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Folder Name Template (optional)")),
                         "");
  trib_ui_test_settle ();
  press_next (wizard, "schedule");

  /* Every 3 hours, incremental, from the simulator's present. */
  clock = sim_control (window, "GET", "/__sim/clock", NULL);
  sim_now = g_date_time_new_from_unix_utc (json_object_get_int_member (json_node_get_object (clock), "now") / 1000);
  start = g_date_time_add_seconds (sim_now, -g_date_time_get_seconds (sim_now));
  start_local = g_date_time_to_local (start);
  start_text = g_date_time_format (start_local, "%Y-%m-%d %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Export Name")),
                         "Luma orders to S3");
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "Start (Local Time, YYYY-MM-DD HH:MM)")),
                         start_text);
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "End (Local Time, Optional)")),
                         "tomorrow");
  trib_ui_test_settle ();
  g_assert_nonnull (strstr (trib_export_wizard_get_problem (wizard), "YYYY-MM-DD"));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_row (GTK_WIDGET (wizard), "End (Local Time, Optional)")), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (trib_ui_test_find_row (GTK_WIDGET (wizard), "Frequency")), 2);
  trib_ui_test_settle ();
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "(incremental)", TRUE));
  {
    g_autofree char *utc = g_date_time_format (start, "%Y-%m-%d %H:%M UTC");

    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (trib_ui_test_find_row (
                     GTK_WIDGET (wizard), "In UTC"))), utc));
  }
  shoot (wizard, "schedule");
  press_next (wizard, "review");

  /* Review: every call; curl without the secret. */
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (wizard), "4 calls", TRUE));
  trib_ui_test_click_center (GTK_WIDGET (wizard), trib_ui_test_find_by_action (GTK_WIDGET (wizard),
                                                                             "export.copy-curl"));
  trib_ui_test_settle ();
  curl = trib_ui_test_read_clipboard (GTK_WIDGET (wizard));
  g_assert_nonnull (strstr (curl, "/flowservice/connections"));
  g_assert_nonnull (strstr (curl, "FIRST_FULL_THEN_INCREMENTAL"));
  g_assert_null (strstr (curl, S3_SECRET));
  shoot (wizard, "review");

  /* Create: the account and the connections; the flow is refused once.
   * What is left behind holds no secret, only its placeholder. */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/flowservice/flows\", \"method\": \"POST\", "
                                  "\"kind\": \"status\", \"status\": 400, \"count\": 1}");
  press_next (wizard, "create");
  trib_ui_test_iterate_until (stopped, wizard, 30);
  g_assert_null (trib_export_wizard_get_flow_id (wizard));
  g_assert_true (tree_contains (setups_dir, "{{secret:s3SecretKey}}"));
  g_assert_false (tree_contains (setups_dir, S3_SECRET));
  g_assert_false (tree_contains (g_get_user_config_dir (), S3_SECRET));
  g_assert_false (tree_contains (g_get_user_data_dir (), S3_SECRET));
  g_assert_false (settings_contain (trib_application_get_settings (app), S3_SECRET));

  /* Resume: the flow is made, with the account made before. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "export.resume", NULL);
  trib_ui_test_iterate_until (finished, wizard, 30);
  g_assert_nonnull (trib_export_wizard_get_flow_id (wizard));
  shoot (wizard, "created");

  /* The secret is in the keyring under the account the platform made. */
  account = trib_flow_step_get_created_id (trib_flow_plan_find_step (trib_flow_runner_get_plan (wizard->runner),
                                                                      TRIB_FLOW_STEP_CREATE_CONNECTION));
  g_assert_nonnull (account);
  kind = g_strdup_printf ("connection:%s:s3SecretKey", account);
  trib_secret_store_lookup_async (store, trib_profile_get_id (trib_session_get_profile (trib_window_get_session (window))),
                                  kind, NULL, lookup_cb, &secret);
  trib_ui_test_iterate_until (is_set, &secret, 10);
  g_assert_cmpstr (secret, ==, S3_SECRET);
  g_assert_false (tree_contains (setups_dir, S3_SECRET));
  g_assert_false (tree_contains (g_get_user_config_dir (), S3_SECRET));
  g_assert_false (settings_contain (trib_application_get_settings (app), S3_SECRET));

  /* The simulator's clock moves past the first tick: the files are there. */
  g_clear_pointer (&clock, json_node_unref);
  clock = sim_control (window, "POST", "/__sim/clock", "{\"advanceMinutes\": 1}");
  folder = g_build_filename (export_dir, "luma-exports", "exports", "wizard", LUMA_ORDERS, NULL);
  trib_ui_test_iterate_until (exported, folder, 30);
  export = find_export (folder);
  expected = g_date_time_format (start, "exportTime=%Y%m%d%H%M");
  g_assert_cmpstr (export, ==, expected);

  gtk_window_destroy (GTK_WINDOW (wizard));
  trib_ui_test_settle ();
  g_clear_object (&app);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The folder standing for the buckets, and this run's journals. */
  export_dir = g_dir_make_tmp ("export-wizard-files-XXXXXX", NULL);
  g_setenv ("TRIBUTARY_SIM_EXPORT_DIR", export_dir, TRUE);
  setups_dir = g_dir_make_tmp ("export-wizard-setups-XXXXXX", NULL);
  g_setenv ("TRIBUTARY_SETUPS_DIR", setups_dir, TRUE);
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-wizard/luma-orders-to-s3", test_export_wizard);

  status = g_test_run ();
  remove_tree (export_dir);
  g_free (export_dir);
  /* Empty once the setup finished: nothing left behind. */
  g_rmdir (setups_dir);
  g_free (setups_dir);

  return status;
}
