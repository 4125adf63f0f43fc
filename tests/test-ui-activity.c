/* test-ui-activity.c
 *
 * The Activity page on the demo platform: calls made over HTTP to the
 * simulator, found again with Ctrl+F and a search, filtered by status,
 * service and method, each with its time; a call's request and response
 * bodies read in the page, redacted: the demo's client secret, its
 * token and an account's password never show in any widget.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-activity-page.h"
#include "trib-application-private.h"
#include "trib-body-view.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-ims-auth.h"
#include "trib-platform-client-private.h"
#include "trib-platform-enums.h"
#include "trib-request-log.h"
#include "trib-tooltip-bin.h"
#include "trib-ui-test.h"

#define SFTP_SPEC "b7bf2577-4520-42c9-bae9-cad01560f7bc"
#define SFTP_PASSWORD "sftp-Pw-4c7e19d2-activity"

typedef struct
{
  TribWindow *window;
  TribActivityPage *page;
  GtkSingleSelection *selection;
  const char *secrets[4];
} Fixture;

typedef struct
{
  GtkSingleSelection *selection;
  guint n_items;
} ShownWanted;

/* The search entry waits a moment after the last key before it says. */
static gboolean
n_shown_is (gpointer data)
{
  ShownWanted *wanted = data;

  return g_list_model_get_n_items (G_LIST_MODEL (wanted->selection)) == wanted->n_items;
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
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
  g_autoptr(GError) error = NULL;
  char *id = trib_flow_service_create_connection_finish (result, NULL, &error);

  /* A refusal counts as an answer too. */
  *(char **) user_data = id != NULL ? id : g_strdup ("");
}

static void
got_token_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = trib_ims_auth_get_token_finish (TRIB_IMS_AUTH (object), result, NULL);
}

/* An SFTP account, made by the app's client, whose body carries a
 * password; with @host NULL the platform refuses it (400).
 */
static char *
create_sftp_account (TribPlatformClient *client,
                     const char         *host)
{
  g_autoptr(TribConnectionSpec) spec = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  char *id = NULL;

  trib_flow_service_get_connection_spec_async (client, SFTP_SPEC, NULL, got_spec_cb, &spec);
  trib_ui_test_iterate_until (is_set, &spec, 20);
  if (host != NULL)
    json_object_set_string_member (params, "host", host);
  json_object_set_int_member (params, "port", 22);
  json_object_set_string_member (params, "userName", "luma");
  json_object_set_string_member (params, "password", SFTP_PASSWORD);
  trib_flow_service_create_connection_async (client, "Activity SFTP", NULL, spec, "Basic Authentication for sftp",
                                             params, NULL, created_cb, &id);
  trib_ui_test_iterate_until (is_set, &id, 20);

  return id;
}

/* Every text a widget under @root shows or says: labels, entries, text
 * views, tooltips, status pages, accessible labels are not widgets of
 * their own and come from these.
 */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (tooltip != NULL)
    g_string_append_printf (out, "%s\n", tooltip);
  if (TRIB_IS_TOOLTIP_BIN (root) && trib_tooltip_bin_get_text (TRIB_TOOLTIP_BIN (root)) != NULL)
    g_string_append_printf (out, "%s\n", trib_tooltip_bin_get_text (TRIB_TOOLTIP_BIN (root)));
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  else if (GTK_IS_EDITABLE (root))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (root)));
  else if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_string_append_printf (out, "%s\n", text);
    }
  else if (ADW_IS_STATUS_PAGE (root))
    g_string_append_printf (out, "%s\n%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (root)),
                            adw_status_page_get_description (ADW_STATUS_PAGE (root)) ?: "");

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static void
assert_no_secret (Fixture *fixture)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (GTK_WIDGET (fixture->window), text);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->secrets); i++)
    if (fixture->secrets[i] != NULL && strstr (text->str, fixture->secrets[i]) != NULL)
      g_error ("A secret (%u) shows on the Activity page", i);
}

/* Shows the details' page @name, and returns it. */
static gpointer
body_view (Fixture    *fixture,
           const char *name)
{
  GtkStack *stack = NULL;
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (fixture->page), GTK_TYPE_STACK_SWITCHER, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  stack = gtk_stack_switcher_get_stack (g_ptr_array_index (stacks, 0));
  gtk_stack_set_visible_child_name (stack, name);
  trib_ui_test_settle ();

  return gtk_stack_get_visible_child (stack);
}

static void
select_filter (GtkDropDown *dropdown,
               int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (dropdown));

  gtk_drop_down_set_selected (dropdown, adw_enum_list_model_find_position (model, value));
  trib_ui_test_settle ();
}

static GtkDropDown *
find_dropdown (Fixture    *fixture,
               const char *tooltip)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (found, i)), tooltip) == 0)
      return g_ptr_array_index (found, i);

  g_assert_not_reached ();
}

/* The position shown of the newest call with @method whose URL ends
 * with @url_end.
 */
static guint
find_call (Fixture    *fixture,
           const char *method,
           const char *url_end)
{
  GListModel *model = G_LIST_MODEL (fixture->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (model, i);

      if (g_str_equal (trib_request_record_get_method (record), method) &&
          g_str_has_suffix (trib_request_record_get_url (record), url_end))
        return i;
    }

  g_assert_not_reached ();
}

static void
save_shots (Fixture    *fixture,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { const char *size; int width; gboolean dark; } shots[] = {
    { "wide", 1280, FALSE }, { "wide", 1280, TRUE }, { "narrow", 600, TRUE }, { "narrow", 600, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *file = g_strdup_printf ("activity-%s-%s-%s.png", name, shots[i].size,
                                               shots[i].dark ? "dark" : "light");

      trib_ui_test_resize (GTK_WIDGET (fixture->window), shots[i].width, 800);
      adw_style_manager_set_color_scheme (style, shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      trib_ui_test_save_screenshot (GTK_WIDGET (fixture->window), file);
      assert_no_secret (fixture);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (GTK_WIDGET (fixture->window), 1280, 800);
}

static void
test_activity (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  Fixture fixture = { 0 };
  TribPlatformClient *client;
  GListModel *log;
  GtkWidget *focus;
  GtkEditable *search;
  GtkDropDown *outcome;
  GtkDropDown *service;
  GtkDropDown *method;
  TribBodyView *view;
  g_autofree char *id = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;
  guint n_calls;
  guint position;

  fixture.window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (fixture.window), 1280, 800);
  client = trib_session_get_client (trib_window_get_session (fixture.window));
  log = G_LIST_MODEL (trib_platform_client_get_log (client));

  trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), NULL, got_token_cb, &token);
  trib_ui_test_iterate_until (is_set, &token, 20);
  fixture.secrets[0] = trib_demo_platform_get_client_secret (app->demo);
  fixture.secrets[1] = token;
  fixture.secrets[2] = SFTP_PASSWORD;
  g_assert_nonnull (fixture.secrets[0]);

  /* Calls over HTTP: an account made with a password, one refused. */
  id = create_sftp_account (client, "sftp.luma.example");
  g_assert_cmpstr (id, !=, "");
  refused = create_sftp_account (client, NULL);
  g_assert_cmpstr (refused, ==, "");

  /* Ctrl+F, with the focus in the sidebar, is the page's search. */
  trib_ui_test_press_keys (GTK_WIDGET (fixture.window), "alt+5");
  fixture.page = TRIB_ACTIVITY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (fixture.window), TRIB_TYPE_ACTIVITY_PAGE, NULL));
  fixture.selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (trib_ui_test_find_widget (GTK_WIDGET (fixture.page),
                                                                                                                  GTK_TYPE_LIST_VIEW, NULL))));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (fixture.window)))));
  trib_ui_test_press_keys (GTK_WIDGET (fixture.window), "ctrl+f");
  focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
  g_assert_nonnull (focus);
  search = GTK_EDITABLE (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, TRIB_TYPE_ACTIVITY_PAGE));
  n_calls = g_list_model_get_n_items (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)), ==, n_calls);

  /* Each call says when it was sent, the day in its tooltip. */
  {
    g_autoptr(TribRequestRecord) newest = g_list_model_get_item (log, 0);
    g_autofree char *time = trib_format_time (trib_request_record_get_started (newest));
    g_autofree char *full = trib_format_full_date_time (trib_request_record_get_started (newest));
    GtkWidget *label = trib_ui_test_find_label (GTK_WIDGET (fixture.page), time, FALSE);

    g_assert_nonnull (label);
    g_assert_cmpstr (trib_tooltip_bin_get_text (TRIB_TOOLTIP_BIN (gtk_widget_get_ancestor (label, TRIB_TYPE_TOOLTIP_BIN))),
                     ==, full);
  }

  /* A search of two words finds the calls that have both. */
  gtk_editable_set_text (search, "Connections post");
  trib_ui_test_iterate_until (n_shown_is, &(ShownWanted) { fixture.selection, 2 }, 10);
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (fixture.page), "2 of", TRUE));

  /* Escape clears it. */
  trib_ui_test_press_keys (GTK_WIDGET (fixture.window), "Escape");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  trib_ui_test_iterate_until (n_shown_is, &(ShownWanted) { fixture.selection, n_calls }, 10);

  /* Filters: Flow Service, POST, then a client error. */
  outcome = find_dropdown (&fixture, "Status");
  service = find_dropdown (&fixture, "Service");
  method = find_dropdown (&fixture, "Method");
  select_filter (service, TRIB_REQUEST_SERVICE_FLOW_SERVICE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (fixture.selection), i);

      g_assert_cmpint (trib_request_record_get_service (record), ==, TRIB_REQUEST_SERVICE_FLOW_SERVICE);
      g_assert_nonnull (strstr (trib_request_record_get_url (record), "/flowservice/"));
    }
  gtk_drop_down_set_selected (method, 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (method)), ==, "POST");
  trib_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)), ==, 2);
  select_filter (outcome, TRIB_REQUEST_OUTCOME_CLIENT_ERROR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)), ==, 1);

  /* The refused call's request, its password hidden, and the answer. */
  gtk_single_selection_set_selected (fixture.selection, 0);
  trib_ui_test_settle ();
  view = body_view (&fixture, "request");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, "\"password\": \"$PASSWORD\""));
  g_assert_nonnull (strstr (text, "\"userName\": \"luma\""));
  g_clear_pointer (&text, g_free);
  view = body_view (&fixture, "response");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, "host"));
  g_clear_pointer (&text, g_free);
  assert_no_secret (&fixture);
  save_shots (&fixture, "client-error");

  /* Success: the account made, its body and the id it got. */
  select_filter (outcome, TRIB_REQUEST_OUTCOME_SUCCESS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)), ==, 1);
  gtk_single_selection_set_selected (fixture.selection, 0);
  view = body_view (&fixture, "response");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, id));
  g_clear_pointer (&text, g_free);
  view = body_view (&fixture, "request");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, "\"host\": \"sftp.luma.example\""));
  g_assert_nonnull (strstr (text, "$PASSWORD"));
  g_clear_pointer (&text, g_free);
  assert_no_secret (&fixture);

  /* Copy copies the body shown, redacted. */
  gtk_widget_activate_action (GTK_WIDGET (view), "body.copy", NULL);
  text = trib_ui_test_read_clipboard (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "$PASSWORD"));
  g_assert_null (strstr (text, SFTP_PASSWORD));
  g_clear_pointer (&text, g_free);

  /* IMS: the sign-in's form and the token it got, both hidden. */
  select_filter (outcome, TRIB_REQUEST_OUTCOME_ANY);
  gtk_drop_down_set_selected (method, 0);
  select_filter (service, TRIB_REQUEST_SERVICE_IMS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)), >=, 1);
  position = find_call (&fixture, "POST", "/ims/token/v3");
  gtk_single_selection_set_selected (fixture.selection, position);
  view = body_view (&fixture, "request");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, "client_secret=$CLIENT_SECRET"));
  g_clear_pointer (&text, g_free);
  view = body_view (&fixture, "response");
  text = trib_body_view_dup_text (view);
  g_assert_nonnull (strstr (text, "\"access_token\": \"$ACCESS_TOKEN\""));
  g_clear_pointer (&text, g_free);
  assert_no_secret (&fixture);
  save_shots (&fixture, "ims");

  /* Nothing matches: the page says so. */
  gtk_editable_set_text (search, "no-such-call-anywhere");
  trib_ui_test_iterate_until (n_shown_is, &(ShownWanted) { fixture.selection, 0 }, 10);
  trib_ui_test_wait_for_label (GTK_WIDGET (fixture.page), "No Calls Match");
  save_shots (&fixture, "no-match");
  select_filter (service, TRIB_REQUEST_SERVICE_ANY);
  gtk_editable_set_text (search, "");
  trib_ui_test_iterate_until (n_shown_is, &(ShownWanted) { fixture.selection, g_list_model_get_n_items (log) }, 10);

  /* Every call of the session, one after the other: no widget ever
   * shows a secret.
   */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture.selection)); i++)
    {
      gtk_single_selection_set_selected (fixture.selection, i);
      body_view (&fixture, "request");
      assert_no_secret (&fixture);
      body_view (&fixture, "response");
      assert_no_secret (&fixture);
    }
  body_view (&fixture, "call");
  assert_no_secret (&fixture);

  /* A log emptied: no calls yet. */
  trib_request_log_clear (TRIB_REQUEST_LOG (log));
  trib_ui_test_settle ();
  trib_ui_test_wait_for_label (GTK_WIDGET (fixture.page), "No Calls Yet");
  save_shots (&fixture, "empty");

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/activity", test_activity);

  return g_test_run ();
}
