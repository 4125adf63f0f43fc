/* test-ui-accounts.c
 *
 * The accounts page on the demo platform, driven from the keyboard:
 * list the sandbox's accounts, search them, rename one, rename one that
 * changed behind the page's back (explained, reloaded, applied), update
 * credentials without a secret reaching the request log, fail to delete
 * the account a flow uses (the platform's reason shown, the account
 * still listed), and delete another.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-account-item.h"
#include "trib-accounts-page-private.h"
#include "trib-application.h"
#include "trib-flow-service.h"
#include "trib-platform-client-private.h"
#include "trib-request-record.h"
#include "trib-secret-store.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define LANDING_ID "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define ODATA_ID "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define DATABRICKS_ID "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define DEMO_S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"
#define REST_SPEC "4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62"

static TribAccountsPage *page;

static gboolean
has_account (const char *name)
{
  GListModel *model = G_LIST_MODEL (page->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribAccountItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (trib_account_item_get_name (item), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
listed (gpointer data)
{
  return page->list != NULL && trib_paged_list_get_complete (page->list) &&
         !trib_paged_list_get_loading (page->list) &&
         g_list_model_get_n_items (G_LIST_MODEL (page->selection)) > 0 &&
         g_hash_table_size (page->specs) > 0;
}

static gboolean
listed_with (gpointer data)
{
  return listed (NULL) && has_account (data);
}

static gboolean
listed_without (gpointer data)
{
  return listed (NULL) && !has_account (data);
}

static gboolean
only_one_found (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page->selection)) == 1 && has_account (data);
}

static gboolean
no_results_shown (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (page->results_stack), "no-results") == 0;
}

static gboolean
details_of (gpointer data)
{
  return page->shown != NULL && g_str_equal (trib_connection_get_id (page->shown), data) &&
         !gtk_spinner_get_spinning (page->detail_spinner) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (page->view_stack), "detail") == 0;
}

static gboolean
idle_page (gpointer data)
{
  return !page->busy && !gtk_spinner_get_spinning (page->detail_spinner);
}

static GtkWindow *
find_dialog (const char *heading_part)
{
  GtkWindow *found = NULL;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        strstr (adw_message_dialog_get_heading (l->data), heading_part) != NULL)
      found = l->data;

  return found;
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog (data) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (const char *heading_part)
{
  trib_ui_test_iterate_until (dialog_open, (gpointer) heading_part, 20);
  trib_ui_test_settle ();

  return ADW_MESSAGE_DIALOG (find_dialog (heading_part));
}

static gboolean
dialog_gone (gpointer data)
{
  GtkWidget **dialog = data;

  return *dialog == NULL || !gtk_widget_get_visible (*dialog);
}

/* Answers the dialog and waits until it is gone, so that the next one
 * looked for is not this one (adw_message_dialog_response() leaves it open).
 */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  adw_message_dialog_response (dialog, response);
  /* As a click on the response's button does. */
  gtk_window_close (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (dialog_gone, &weak, 20);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
}

static gboolean
row_menu_shown (gpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page->list_view), GTK_TYPE_POPOVER_MENU, found);

  return found->len == 1;
}

static gboolean
test_label_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (page->test_label)) &&
         gtk_widget_has_css_class (GTK_WIDGET (page->test_label), data);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
got_connection_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(TribConnection **) user_data = trib_flow_service_get_connection_finish (result, &error);
  g_assert_no_error (error);
}

static TribConnection *
read_account (TribPlatformClient *client,
              const char         *id)
{
  TribConnection *connection = NULL;

  trib_flow_service_get_connection_async (client, id, NULL, got_connection_cb, &connection);
  trib_ui_test_iterate_until (is_set, &connection, 20);

  return connection;
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(char **) user_data = trib_flow_service_update_connection_finish (result, &error);
  g_assert_no_error (error);
}

/* Someone else renames the account: its etag changes. */
static void
rename_behind_back (TribPlatformClient *client,
                    const char         *id,
                    const char         *name)
{
  g_autoptr(TribConnection) connection = read_account (client, id);
  g_autofree char *etag = NULL;

  trib_flow_service_update_connection_async (client, id, trib_connection_get_etag (connection), name, NULL,
                                             NULL, NULL, updated_cb, &etag);
  trib_ui_test_iterate_until (is_set, &etag, 20);
}

/* Moves the list's cursor to the account, as arrow keys do. */
static void
focus_account (const char *id)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  GListModel *model = G_LIST_MODEL (page->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribAccountItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (trib_connection_get_id (trib_account_item_get_connection (item)), id))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_widget_grab_focus (GTK_WIDGET (page->list_view));
  trib_ui_test_press_keys (window, "Home");
  for (guint i = 0; i < position; i++)
    trib_ui_test_press_keys (window, "Down");
  g_assert_cmpuint (gtk_single_selection_get_selected (page->selection), ==, position);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(gboolean *) user_data = trib_secret_store_store_finish (TRIB_SECRET_STORE (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static GtkWidget *
find_credential_row (const char *key)
{
  for (guint i = 0; i < page->credential_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (page->credential_rows, i);
      TribSpecField *field = g_object_get_data (G_OBJECT (row), "trib-field");

      if (g_str_equal (trib_spec_field_get_key (field), key))
        return row;
    }

  return NULL;
}

static gboolean
row_filled (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (find_credential_row ("accessToken"))), data) == 0;
}

static gboolean
explore_view_open (gpointer connection_id)
{
  return trib_ui_test_find_explore_view (connection_id) != NULL;
}

static void
rename_to (const char *name)
{
  AdwMessageDialog *dialog;

  trib_ui_test_press_keys (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "F2");
  dialog = wait_for_dialog ("Rename");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), name);
  respond (dialog, "rename");
}

static gboolean
focus_in_list (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));

  return focus != NULL && (focus == GTK_WIDGET (page->list_view) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (page->list_view)));
}

static void
got_spec_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(TribConnectionSpec **) user_data = trib_flow_service_get_connection_spec_finish (result, NULL);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(char **) user_data = trib_flow_service_create_connection_finish (result, NULL, NULL);
}

/* An OAuth 2 REST account with nested parameters, made behind the page. */
static char *
create_nested_account (TribPlatformClient *client)
{
  g_autoptr(TribConnectionSpec) spec = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"host\":\"https://api.tributary.example\","
                                                 "\"accessToken\":\"tok\",\"requestParameterOverride\":"
                                                 "{\"accessTokenRequest\":{\"scope\":\"read\","
                                                 "\"audience\":\"orders\"}}}", NULL);
  char *id = NULL;

  trib_flow_service_get_connection_spec_async (client, REST_SPEC, NULL, got_spec_cb, &spec);
  trib_ui_test_iterate_until (is_set, &spec, 20);
  trib_flow_service_create_connection_async (client, "Nested REST", NULL, spec, "oAuth2RefreshCode",
                                             json_node_get_object (params), NULL, created_cb, &id);
  trib_ui_test_iterate_until (is_set, &id, 20);

  return id;
}

static void
test_accounts_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribPlatformClient *client;
  GtkEditable *search;
  AdwMessageDialog *dialog;
  GListModel *log;
  TribWindow *window;
  GtkWidget *secret_row = NULL;
  guint odata_position;

  window = trib_ui_test_open_demo (app, 60);
  client = trib_session_get_client (trib_window_get_session (window));

  /* Alt+7 goes to the accounts: the demo's, their connectors named. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+7");
  page = TRIB_ACCOUNTS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_ACCOUNTS_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  trib_ui_test_iterate_until (listed_with, (gpointer) "Luma landing bucket", 30);
  g_assert_true (has_account ("Luma orders (OData)"));
  /* Not before: the demo's window takes its own size as it opens. */
  {
    g_autoptr(TribAccountItem) first = g_list_model_get_item (G_LIST_MODEL (page->selection), 0);

    g_assert_cmpstr (trib_account_item_get_connector (first), !=,
                     trib_connection_get_spec_id (trib_account_item_get_connection (first)));
  }
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 800);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "accounts-wide-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "accounts-wide-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Search by name: one found, then none. */
  search = GTK_EDITABLE (page->search_entry);
  gtk_editable_set_text (search, "odata");
  trib_ui_test_iterate_until (only_one_found, (gpointer) "Luma orders (OData)", 20);
  gtk_editable_set_text (search, "no such account");
  trib_ui_test_iterate_until (no_results_shown, NULL, 20);
  gtk_editable_set_text (search, "");
  trib_ui_test_iterate_until (listed_with, (gpointer) "Luma landing bucket", 20);

  /* Down from the search goes to a row, not to its menu button, and the
   * Menu key opens the row's menu.
   */
  gtk_widget_grab_focus (GTK_WIDGET (page->search_entry));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_false (GTK_IS_BUTTON (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page->list_view)));
  }
  trib_ui_test_press_keys (GTK_WIDGET (window), "Menu");
  trib_ui_test_iterate_until (row_menu_shown, NULL, 10);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Escape");
  trib_ui_test_settle ();
  g_assert_false (row_menu_shown (NULL));

  /* Enter opens the selected account's details. */
  focus_account (ODATA_ID);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (details_of, (gpointer) ODATA_ID, 20);

  /* F2 renames it. */
  rename_to ("Luma orders");
  trib_ui_test_iterate_until (idle_page, NULL, 20);
  trib_ui_test_iterate_until (details_of, (gpointer) ODATA_ID, 20);
  g_assert_cmpstr (trib_connection_get_name (page->shown), ==, "Luma orders");

  /* Renamed elsewhere since it was read: the page explains, reloads it
   * and applies the rename to it as it is now.
   */
  rename_behind_back (client, ODATA_ID, "Luma orders, renamed elsewhere");
  rename_to ("Luma orders (OData)");
  dialog = wait_for_dialog ("Changed Elsewhere");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Reload"));
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "account-stale-light.png");
  respond (dialog, "reload");
  trib_ui_test_iterate_until (idle_page, NULL, 20);
  {
    g_autoptr(TribConnection) now = read_account (client, ODATA_ID);

    g_assert_cmpstr (trib_connection_get_name (now), ==, "Luma orders (OData)");
  }

  /* A secret remembered when the account was made (in the keyring, here
   * for the session only) fills its field; others stay empty.
   */
  {
    TribSecretStore *store = trib_application_get_secret_store (app);
    gboolean stored = FALSE;

    trib_secret_store_set_session_only (store, TRUE);
    trib_secret_store_store_async (store, trib_profile_get_id (trib_session_get_profile (trib_window_get_session (window))),
                                   "connection:" DATABRICKS_ID ":accessToken", "test", "dapi-remembered", NULL,
                                   stored_cb, &stored);
    trib_ui_test_iterate_until (is_true, &stored, 20);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.back", NULL);
  trib_ui_test_iterate_until (listed_with, (gpointer) "Luma Databricks warehouse", 20);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.select", "s", DATABRICKS_ID);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.details", NULL);
  trib_ui_test_iterate_until (details_of, (gpointer) DATABRICKS_ID, 20);
  trib_ui_test_iterate_until (row_filled, (gpointer) "dapi-remembered", 20);

  /* Test the credentials of the landing bucket, then give it its secret
   * again: it reaches the platform, never the request log.
   */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.back", NULL);
  trib_ui_test_iterate_until (listed_with, (gpointer) "Luma landing bucket", 20);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.select", "s", LANDING_ID);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.details", NULL);
  trib_ui_test_iterate_until (details_of, (gpointer) LANDING_ID, 20);
  /* By keyboard: the button, insensitive while it runs, has the focus
   * again after it.
   */
  gtk_widget_grab_focus (GTK_WIDGET (page->test_button));
  gtk_widget_activate (GTK_WIDGET (page->test_button));
  trib_ui_test_iterate_until (test_label_shown, (gpointer) "success", 20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (page->test_button));

  /* Explore opens a window exploring this account. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->explore_button)));
  g_assert_null (trib_ui_test_find_explore_view (LANDING_ID));
  gtk_widget_activate (GTK_WIDGET (page->explore_button));
  trib_ui_test_iterate_until (explore_view_open, (gpointer) LANDING_ID, 10);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (trib_ui_test_find_explore_view (LANDING_ID)))));

  secret_row = find_credential_row ("s3SecretKey");
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (secret_row));
  g_assert_nonnull (secret_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "account-detail-wide-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "account-detail-wide-dark.png");
  trib_ui_test_resize (GTK_WIDGET (window), 600, 800);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "account-detail-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "account-detail-narrow-light.png");

  gtk_editable_set_text (GTK_EDITABLE (secret_row), DEMO_S3_SECRET);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.update-credentials", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  trib_ui_test_iterate_until (idle_page, NULL, 20);
  trib_ui_test_iterate_until (details_of, (gpointer) LANDING_ID, 20);
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.test", NULL);
  trib_ui_test_iterate_until (test_label_shown, (gpointer) "success", 20);

  log = G_LIST_MODEL (trib_platform_client_get_log (client));
  {
    guint patches = 0;

    for (guint i = 0; i < g_list_model_get_n_items (log); i++)
      {
        g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
        g_autofree char *curl = trib_request_record_dup_curl (record);
        const char *body = trib_request_record_get_body (record);

        g_assert_null (body != NULL ? strstr (body, DEMO_S3_SECRET) : NULL);
        g_assert_null (strstr (curl, DEMO_S3_SECRET));
        g_assert_null (strstr (curl, "secret0123456789abcdef"));
        if (body != NULL && strstr (body, "/auth/params/s3SecretKey") != NULL)
          patches++;
      }
    g_assert_cmpuint (patches, >=, 1);
  }

  /* A flow uses the landing bucket: the platform refuses, says why, and
   * the account stays.
   */
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 800);
  trib_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.delete", NULL);
  dialog = wait_for_dialog ("Delete “Luma landing bucket”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "account-delete-light.png");
  respond (dialog, "delete");
  dialog = wait_for_dialog ("Was Not Deleted");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "flow"));
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "account-delete-refused-light.png");
  respond (dialog, "close");
  trib_ui_test_iterate_until (idle_page, NULL, 20);
  g_assert_true (details_of ((gpointer) LANDING_ID));

  /* Another, unused, goes: from the list, with the Delete key. */
  gtk_widget_activate_action (GTK_WIDGET (page), "accounts.back", NULL);
  trib_ui_test_iterate_until (listed_with, (gpointer) "Luma orders (OData)", 20);
  focus_account (ODATA_ID);
  odata_position = gtk_single_selection_get_selected (page->selection);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Delete");
  dialog = wait_for_dialog ("Delete “Luma orders (OData)”");
  respond (dialog, "delete");
  trib_ui_test_iterate_until (listed_without, (gpointer) "Luma orders (OData)", 20);
  g_assert_true (has_account ("Luma landing bucket"));
  /* The keys stay in the list, on the account that took its place,
   * not in the search field.
   */
  trib_ui_test_iterate_until (focus_in_list, NULL, 20);
  g_assert_cmpuint (gtk_single_selection_get_selected (page->selection), ==, odata_position);

  /* Nested credentials have rows too; a value changed and an optional
   * one cleared reach the platform at their own paths.
   */
  {
    g_autofree char *nested = create_nested_account (client);
    static const char * const scope_path[] = { "requestParameterOverride", "accessTokenRequest", "scope", NULL };
    static const char * const audience_path[] = { "requestParameterOverride", "accessTokenRequest", "audience", NULL };
    static const char * const host_path[] = { "host", NULL };
    g_autoptr(TribConnection) now = NULL;
    GtkWidget *scope;
    GtkWidget *audience;

    _trib_accounts_page_changed (page, NULL);
    trib_ui_test_iterate_until (listed_with, (gpointer) "Nested REST", 20);
    gtk_widget_activate_action (GTK_WIDGET (page), "accounts.select", "s", nested);
    gtk_widget_activate_action (GTK_WIDGET (page), "accounts.details", NULL);
    trib_ui_test_iterate_until (details_of, (gpointer) nested, 20);
    trib_ui_test_settle ();
    scope = find_credential_row ("requestParameterOverride.accessTokenRequest.scope");
    audience = find_credential_row ("requestParameterOverride.accessTokenRequest.audience");
    g_assert_nonnull (scope);
    g_assert_nonnull (audience);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (scope)), ==, "read");
    gtk_editable_set_text (GTK_EDITABLE (scope), "read write");
    gtk_editable_set_text (GTK_EDITABLE (audience), "");
    gtk_widget_activate_action (GTK_WIDGET (page), "accounts.update-credentials", NULL);
    trib_ui_test_iterate_until (idle_page, NULL, 20);
    trib_ui_test_iterate_until (details_of, (gpointer) nested, 20);
    now = read_account (client, nested);
    g_assert_cmpstr (json_node_get_string (trib_connection_get_auth_param (now, scope_path)), ==, "read write");
    g_assert_null (trib_connection_get_auth_param (now, audience_path));
    g_assert_cmpstr (json_node_get_string (trib_connection_get_auth_param (now, host_path)), ==,
                     "https://api.tributary.example");
    gtk_widget_activate_action (GTK_WIDGET (page), "accounts.back", NULL);
  }

  trib_ui_test_resize (GTK_WIDGET (window), 600, 800);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "accounts-narrow-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "accounts-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Another sandbox, its own accounts: Databricks is prod's only. */
  {
    TribSession *session = trib_window_get_session (window);
    GListModel *sandboxes = trib_session_get_sandboxes (session);

    for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
      {
        g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

        if (g_str_equal (trib_sandbox_get_name (sandbox), "dev"))
          trib_session_set_sandbox (session, sandbox);
      }
  }
  trib_ui_test_iterate_until (listed_without, (gpointer) "Luma Databricks warehouse", 20);
  g_assert_true (has_account ("Luma landing bucket"));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/accounts-page", test_accounts_page);

  return g_test_run ();
}
