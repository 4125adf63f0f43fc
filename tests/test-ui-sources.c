/* test-ui-sources.c
 *
 * The Sources page and Connect, in the demo, with the keyboard: the
 * catalog searched, Amazon S3 connected with a wrong key (the platform's
 * refusal shown) then the right one (tested, saved, counted), Databricks
 * connected, an account chosen for the window to explore, and an account
 * tested then cancelled deleted. The simulator's list of connections
 * shows that nothing was created twice.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-connect-dialog.h"
#include "trib-entry-row.h"
#include "trib-flow-service.h"
#include "trib-request-record.h"
#include "trib-secret-row.h"
#include "trib-secret-store.h"
#include "trib-source-item.h"
#include "trib-sources-page.h"
#include "trib-ui-test.h"

#define SPEC_S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define SPEC_DATABRICKS "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define SPEC_LANDING_ZONE "26f526f2-58f4-4712-961d-e41bf1ccc0e8"
#define SPEC_DATASETS "23598e46-f560-407b-88d5-ea6207e49db0"

static gboolean
page_listed (gpointer data)
{
  return g_str_equal (trib_sources_page_get_state (data), "list") && trib_sources_page_get_counted (data);
}

static TribSourceItem *
find_item (TribSourcesPage *page,
           const char      *spec_id)
{
  GListModel *items = trib_sources_page_get_items (page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TribSourceItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (trib_connection_spec_get_id (trib_source_item_get_spec (item)), spec_id))
        return item;
    }

  g_assert_not_reached ();
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Wait;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, NULL);
  wait->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Wait *) data)->done;
}

/* How many connections named @name the simulator holds, read through
 * the platform's own list.
 */
static void
set_str (char       **to,
                  const char  *from)
{
  g_free (*to);
  *to = g_strdup (from);
}

static guint
count_named_id (TribWindow  *window,
                const char  *name,
                char       **id)
{
  TribPlatformClient *client = trib_session_get_client (trib_window_get_session (window));
  g_autoptr(TribPagedList) list = trib_flow_service_list_connections (client, NULL);
  Wait wait = { FALSE, FALSE };
  guint n = 0;

  trib_paged_list_load_all_async (list, NULL, loaded_cb, &wait);
  trib_ui_test_iterate_until (is_done, &wait, 30);
  g_assert_true (wait.ok);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (trib_connection_get_name (connection), name) == 0)
        {
          n++;
          if (id != NULL)
            set_str (id, trib_connection_get_id (connection));
        }
    }

  return n;
}

static guint
count_named (TribWindow *window,
             const char *name)
{
  return count_named_id (window, name, NULL);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **secret = user_data;

  *secret = trib_secret_store_lookup_finish (TRIB_SECRET_STORE (object), result, NULL);
  if (*secret == NULL)
    *secret = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* A message under a field, shown, that names it. */
static GtkWidget *
error_message (GtkWidget  *root,
               const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) && gtk_widget_has_css_class (child, "error") &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), name) != NULL)
        return child;
      if ((found = error_message (child, name)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  TribSourcesPage *page;
  const char *state;
} State;

static gboolean
in_state (gpointer data)
{
  State *state = data;

  return g_str_equal (trib_sources_page_get_state (state->page), state->state);
}

/* The search entry waits a moment before it searches. */
static void
wait_state (TribSourcesPage *page,
            const char      *wanted)
{
  State state = { page, wanted };

  trib_ui_test_iterate_until (in_state, &state, 10);
}

static gboolean
dialog_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_CONNECT_DIALOG, NULL) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_CONNECT_DIALOG, NULL) == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !trib_connect_dialog_get_busy (data);
}

static GtkWidget *
open_connect (TribWindow      *window,
              TribSourcesPage *page,
              const char      *search)
{
  GtkWidget *dialog;

  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+f");
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+a");
  for (const char *c = search; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      trib_ui_test_press_keys (GTK_WIDGET (window), key);
    }
  wait_state (page, "list");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (dialog_shown, NULL, 10);
  dialog = GTK_WIDGET (trib_ui_test_find_toplevel (TRIB_TYPE_CONNECT_DIALOG, NULL));
  trib_ui_test_wait_for_mapped (dialog, TRUE);

  return dialog;
}

static void
set_field (GtkWidget  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = trib_ui_test_find_row (dialog, title);

  g_assert_nonnull (row);
  if (TRIB_IS_SECRET_ROW (row))
    trib_secret_row_set_secret (TRIB_SECRET_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Return runs the default: Test Connection until it passes, then Save. */
static void
press_return (GtkWidget *dialog)
{
  trib_ui_test_press_keys (dialog, "Return");
  trib_ui_test_iterate_until (dialog_idle, dialog, 30);
  trib_ui_test_settle ();
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 600, 1400 };

  for (guint scheme = 0; scheme < 2; scheme++)
    {
      adw_style_manager_set_color_scheme (style, scheme == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                             : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autofree char *file = g_strdup_printf ("sources-%s-%s-%d.png", name, scheme == 0 ? "light" : "dark",
                                                   widths[w]);

          trib_ui_test_resize (widget, widths[w], 800);
          trib_ui_test_save_screenshot (widget, file);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
switch_sandbox (TribWindow *window,
                const char *name)
{
  TribSession *session = trib_window_get_session (window);
  GListModel *sandboxes = trib_session_get_sandboxes (session);

  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), name))
        {
          trib_session_set_sandbox (session, sandbox);
          return;
        }
    }

  g_assert_not_reached ();
}

static gboolean
explore_view_open (gpointer connection_id)
{
  return trib_ui_test_find_explore_view (connection_id) != NULL;
}

/* The body of the last PATCH the application sent, as logged. */
static const char *
last_patch_body (TribApplication *app)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));

  /* The log shows the newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);

      if (g_str_equal (trib_request_record_get_method (record), "PATCH"))
        return trib_request_record_get_body (record);
    }

  return NULL;
}

static gboolean
accounts_unknown (gpointer data)
{
  TribSourcesPage *page = data;

  return trib_source_item_get_n_accounts (find_item (page, SPEC_S3)) == TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN &&
         trib_ui_test_has_label (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY),
                                 "Accounts could not be counted", TRUE);
}

static gboolean
accounts_known (gpointer data)
{
  return trib_source_item_get_n_accounts (find_item (data, SPEC_S3)) != TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN;
}

static void
test_sources (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribWindow *window;
  TribSourcesPage *page;
  GtkWidget *dialog;
  guint s3_accounts;
  TribSecretStore *store;
  g_autofree char *id = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *secret = NULL;

  window = trib_ui_test_open_demo (app, 60);
  g_assert_true (trib_connect_dialog_can_explore (GTK_WINDOW (window)));

  /* Alt+6 opens the catalog; it lists sources only, with their counts. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+6");
  page = TRIB_SOURCES_PAGE (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SOURCES_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  trib_ui_test_iterate_until (page_listed, page, 30);
  g_assert_cmpuint (g_list_model_get_n_items (trib_sources_page_get_items (page)), ==, 12);
  s3_accounts = trib_source_item_get_n_accounts (find_item (page, SPEC_S3));
  g_assert_cmpuint (s3_accounts, >=, 1);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "Cloud Storage", FALSE));
  shoot (GTK_WIDGET (window), "page");
  trib_ui_test_resize (GTK_WIDGET (window), 1000, 800);

  /* A search that finds nothing says so. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+f");
  trib_ui_test_press_keys (GTK_WIDGET (window), "q");
  trib_ui_test_press_keys (GTK_WIDGET (window), "q");
  wait_state (page, "empty");

  /* S3 with a wrong key: the platform's refusal, under the form. */
  dialog = open_connect (window, page, "S3");
  g_assert_true (trib_ui_test_has_label (dialog, "Existing Accounts", FALSE));
  set_field (dialog, "Account name", "Test landing bucket");
  set_field (dialog, "Access key ID", "lower");
  trib_ui_test_settle ();
  /* Checked as typed, with the spec form's message. */
  g_assert_nonnull (error_message (dialog, "Access key ID"));
  press_return (dialog);
  g_assert_null (trib_connect_dialog_get_connection_id (TRIB_CONNECT_DIALOG (dialog)));
  set_field (dialog, "Access key ID", "AKIAWRONGWRONGWRONG1");
  set_field (dialog, "Secret access key", "tributary/Demo+S3/secret0123456789abcdef");
  press_return (dialog);
  trib_ui_test_wait_for_label (dialog, "does not exist in our records");
  g_assert_nonnull (trib_connect_dialog_get_connection_id (TRIB_CONNECT_DIALOG (dialog)));
  g_assert_false (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  g_assert_cmpuint (count_named (window, "Test landing bucket"), ==, 1);
  shoot (dialog, "dialog-refused");

  /* The right key: the same account, changed, passes; Return saves it. */
  set_field (dialog, "Access key ID", "AKIATRIBUTARYDEMO001");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  trib_ui_test_wait_for_label (dialog, "The connection works");
  shoot (dialog, "dialog-tested");
  trib_ui_test_press_keys (dialog, "Return");
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  trib_ui_test_iterate_until (page_listed, page, 30);
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_S3)), ==, s3_accounts + 1);
  g_assert_cmpuint (count_named (window, "Test landing bucket"), ==, 1);

  /* Databricks: passes at once. */
  dialog = open_connect (window, page, "Databricks");
  set_field (dialog, "Account name", "Test warehouse");
  set_field (dialog, "Workspace URL", "https://adb-1234567890123456.7.azuredatabricks.net");
  set_field (dialog, "Cluster ID", "1203-091500-trib2026");
  set_field (dialog, "Personal access token", "dapi0123456789abcdef0123456789abcdef");
  set_field (dialog, "Database", "luma");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  /* Remembered: the token goes to the keyring (kept in memory here). */
  store = trib_application_get_secret_store (app);
  trib_secret_store_set_session_only (store, TRUE);
  gtk_switch_set_active (GTK_SWITCH (trib_ui_test_find_any (dialog, GTK_TYPE_SWITCH)), TRUE);
  trib_ui_test_press_keys (dialog, "Return");
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  g_assert_cmpuint (count_named_id (window, "Test warehouse", &id), ==, 1);
  kind = g_strdup_printf ("connection:%s:accessToken", id);
  trib_secret_store_lookup_async (store, trib_profile_get_id (trib_session_get_profile (trib_window_get_session (window))),
                                  kind, NULL, lookup_cb, &secret);
  trib_ui_test_iterate_until (is_set, &secret, 10);
  g_assert_cmpstr (secret, ==, "dapi0123456789abcdef0123456789abcdef");

  /* Tested then cancelled with Escape: the account goes. */
  dialog = open_connect (window, page, "S3");
  set_field (dialog, "Account name", "Test cancelled");
  set_field (dialog, "Access key ID", "AKIATRIBUTARYDEMO001");
  set_field (dialog, "Secret access key", "tributary/Demo+S3/secret0123456789abcdef");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  g_assert_cmpuint (count_named (window, "Test cancelled"), ==, 1);
  trib_ui_test_press_keys (dialog, "Escape");
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  trib_ui_test_settle ();
  g_assert_cmpuint (count_named (window, "Test cancelled"), ==, 0);

  /* Saving an account explored it, in a window of its own; choosing an
   * existing one does too.
   */
  g_assert_nonnull (trib_ui_test_find_explore_view (id));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (trib_ui_test_find_explore_view (id)))));
  dialog = open_connect (window, page, "Databricks");
  {
    GtkWidget *row = trib_ui_test_find_row (dialog, "Test warehouse");

    g_assert_nonnull (row);
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    g_signal_emit_by_name (row, "activated");
  }
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  trib_ui_test_iterate_until (explore_view_open, id, 10);
  g_assert_cmpuint (count_named (window, "Test warehouse"), ==, 1);

  /* A Test after an optional field was cleared removes it from the
   * account (a JSON Patch remove), rather than keeping the old value.
   */
  dialog = open_connect (window, page, "S3");
  set_field (dialog, "Account name", "Test session token");
  set_field (dialog, "Access key ID", "AKIATRIBUTARYDEMO001");
  set_field (dialog, "Secret access key", "tributary/Demo+S3/secret0123456789abcdef");
  set_field (dialog, "Session token", "short-lived-token");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  set_field (dialog, "Session token", "");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  g_assert_nonnull (last_patch_body (app));
  g_assert_nonnull (strstr (last_patch_body (app), "{\"op\":\"remove\",\"path\":\"/auth/params/s3SessionToken\"}"));
  trib_ui_test_press_keys (dialog, "Escape");
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  trib_ui_test_settle ();

  /* The Data Landing Zone has no account to make: its row says so, and
   * activating it explores it at once.
   */
  g_assert_true (trib_connection_spec_explores_without_account (
    trib_source_item_get_spec (find_item (page, SPEC_LANDING_ZONE))));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+f");
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+a");
  for (const char *c = "Landing"; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      trib_ui_test_press_keys (GTK_WIDGET (window), key);
    }
  wait_state (page, "list");
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "No account needed", FALSE));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (explore_view_open, (gpointer) "", 10);
  trib_ui_test_settle ();
  g_assert_null (trib_ui_test_find_toplevel (TRIB_TYPE_CONNECT_DIALOG, NULL));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (trib_ui_test_find_explore_view ("")))));

  /* A connector without credentials that is not explored so: the account
   * is a name, which Test creates and the platform passes.
   */
  dialog = open_connect (window, page, "datasets");
  g_assert_true (trib_ui_test_has_label (dialog, "This connector takes no credentials", TRUE));
  set_field (dialog, "Account name", "Test datasets");
  press_return (dialog);
  g_assert_true (trib_connect_dialog_get_tested (TRIB_CONNECT_DIALOG (dialog)));
  trib_ui_test_press_keys (dialog, "Return");
  trib_ui_test_iterate_until (dialog_gone, NULL, 10);
  trib_ui_test_iterate_until (page_listed, page, 30);
  g_assert_cmpuint (count_named (window, "Test datasets"), ==, 1);
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_DATASETS)), ==, 1);

  /* The accounts cannot be read: no connector claims "No accounts", and
   * Try Again counts them once the platform answers.
   */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/flowservice/connections\", \"method\": \"GET\", "
                                  "\"kind\": \"status\", \"status\": 500, \"count\": 4}");
  trib_sources_page_reload (page);
  wait_state (page, "list");
  trib_ui_test_iterate_until (accounts_unknown, page, 30);
  trib_ui_test_settle ();
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), "No accounts", FALSE));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sources-accounts-unreadable.png");
  trib_sources_page_reload (page);
  trib_ui_test_iterate_until (page_listed, page, 30);
  trib_ui_test_iterate_until (accounts_known, page, 30);
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_S3)), ==, s3_accounts + 1);

  /* Another sandbox: the page reads its accounts (no Databricks in dev). */
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_DATABRICKS)), >=, 2);
  switch_sandbox (window, "dev");
  trib_ui_test_iterate_until (page_listed, page, 30);
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_DATABRICKS)), ==, 0);
  g_assert_cmpuint (trib_source_item_get_n_accounts (find_item (page, SPEC_S3)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/sources", test_sources);

  return g_test_run ();
}
