/* test-ui-flow-watch.c
 *
 * A failing dataflow found from anywhere, and repaired, on the demo
 * platform (tributary-sim's prod flows, its clock stepped): the badge on
 * the Dataflows row counts the failing flows (and says so to a screen
 * reader); from it, the SFTP orders flow and its failed run's error in
 * words; its next run fails while the app is open: a toast, whose Update
 * Credentials opens its account on the Accounts page, the password
 * focused; new credentials; back on the flow, its failed run run again:
 * green. Screenshots light and dark.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libsoup/soup.h>

#include "trib-accounts-page.h"
#include "trib-application.h"
#include "trib-flow-detail.h"
#include "trib-flow-run-view.h"
#include "trib-flows-page.h"
#include "trib-paged-list.h"
#include "trib-spec-field.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define SFTP_ORDERS "Partner orders from SFTP"
#define SFTP_ORDERS_ID "6e9c4f5a-1b7d-4c8e-8f9a-0b1c2d3e4f5a"

static TribWindow *window;

/* Moves the demo platform's clock on, as tributary-sim's tests do. */
static void
advance_clock (guint minutes)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/clock", NULL);
  g_autofree char *json = g_strdup_printf ("{\"speed\": 0, \"advanceMinutes\": %u}", minutes);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
}

static GtkListBoxRow *
dataflows_row (void)
{
  GtkListBox *sidebar = trib_ui_test_find_sidebar (GTK_WIDGET (window));

  for (guint i = 0; gtk_list_box_get_row_at_index (sidebar, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "dataflows"))
        return row;
    }
  g_assert_not_reached ();
}

static GtkLabel *
find_badge (void)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (dataflows_row ()), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (labels, i)), "failing-badge"))
      return g_ptr_array_index (labels, i);

  return NULL;
}

static gboolean
badge_counts (gpointer data)
{
  TribFlowWatcher *watcher = trib_window_get_flow_watcher (window);
  GtkLabel *badge = find_badge ();
  g_autofree char *count = NULL;

  if (watcher == NULL || trib_flow_watcher_get_n_failing (watcher) < GPOINTER_TO_UINT (data) || badge == NULL)
    return FALSE;
  count = g_strdup_printf ("%u", trib_flow_watcher_get_n_failing (watcher));

  return g_str_equal (gtk_label_get_label (badge), count);
}

static TribFlowsPage *
flows_page (void)
{
  return TRIB_FLOWS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_FLOWS_PAGE, NULL));
}

static gboolean
flow_listed (gpointer data)
{
  GListModel *shown = trib_flows_page_get_shown (flows_page ());
  GListModel *list = trib_flows_page_get_list (flows_page ());

  if (list == NULL || !trib_paged_list_get_complete (TRIB_PAGED_LIST (list)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (shown, i);

      if (g_str_equal (trib_flow_get_name (flow), data))
        return TRUE;
    }

  return FALSE;
}

static gboolean
runs_read (gpointer data)
{
  TribFlowDetail *detail = trib_flows_page_get_detail (flows_page ());
  GListModel *runs = trib_flow_detail_get_runs (detail);

  return trib_flow_detail_get_flow (detail) != NULL &&
         g_str_equal (trib_flow_get_id (trib_flow_detail_get_flow (detail)), data) && runs != NULL &&
         trib_paged_list_get_complete (TRIB_PAGED_LIST (runs)) && g_list_model_get_n_items (runs) > 0;
}

static gboolean
has_label (gpointer data)
{
  return trib_ui_test_has_label (GTK_WIDGET (window), data, TRUE);
}

static void
flow_failed_cb (TribFlowWatcher *watcher,
                TribFlow        *flow,
                TribFlowRun     *run,
                char           **failed)
{
  if (*failed == NULL && g_str_equal (trib_flow_get_id (flow), SFTP_ORDERS_ID))
    *failed = g_strdup (trib_flow_get_id (flow));
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static GtkWidget *
credential_row (TribAccountsPage *accounts,
                const char       *key)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (accounts), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      TribSpecField *field = g_object_get_data (g_ptr_array_index (rows, i), "trib-field");

      if (field != NULL && g_strcmp0 (trib_spec_field_get_key (field), key) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static TribAccountsPage *
accounts_page (void)
{
  return TRIB_ACCOUNTS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_ACCOUNTS_PAGE, NULL));
}

static gboolean
password_focused (gpointer data)
{
  GtkWidget *row = accounts_page () != NULL ? credential_row (accounts_page (), "password") : NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return row != NULL && focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static gboolean
run_green (gpointer data)
{
  GListModel *runs = trib_flow_detail_get_runs (trib_flows_page_get_detail (flows_page ()));
  g_autoptr(TribFlowRun) newest = NULL;

  if (runs == NULL || !trib_paged_list_get_complete (TRIB_PAGED_LIST (runs)) || g_list_model_get_n_items (runs) == 0)
    return FALSE;
  newest = g_list_model_get_item (runs, 0);

  return trib_flow_run_get_state (newest) == TRIB_FLOW_RUN_STATE_SUCCESS &&
         trib_flow_run_get_parent_id (newest) != NULL;
}

static gboolean
not_failing (gpointer data)
{
  TribFlowWatcher *watcher = trib_window_get_flow_watcher (window);

  return !trib_flow_watcher_is_failing (watcher, SFTP_ORDERS_ID);
}

/* The toast's button: the Accounts page has one of the same name, hidden. */
static gpointer
toast_button_shown (gpointer data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Update Credentials") == 0 &&
        gtk_widget_get_ancestor (g_ptr_array_index (buttons, i), TRIB_TYPE_ACCOUNTS_PAGE) == NULL)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static void
shoot (const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strdup_printf ("flow-watch-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("flow-watch-%s-dark.png", name);

  trib_ui_test_save_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_flow_watch (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *failed = NULL;
  g_autofree char *accessible = NULL;
  TribFlowWatcher *watcher;
  TribFlowsPage *page;
  TribFlowDetail *detail;
  TribAccountsPage *accounts;
  GtkWidget *retrigger;
  GtkDropDown *filter;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1400, 800);
  advance_clock (0);

  /* The badge: the world's failing flows, counted while the window shows. */
  watcher = trib_window_get_flow_watcher (window);
  g_assert_nonnull (watcher);
  g_assert_true (trib_flow_watcher_get_active (watcher));
  trib_flow_watcher_set_interval (watcher, 300);
  trib_flow_watcher_poll_now (watcher);
  trib_ui_test_iterate_until (badge_counts, GUINT_TO_POINTER (2), 30);
  g_assert_true (trib_flow_watcher_is_failing (watcher, SFTP_ORDERS_ID));
  accessible = g_strdup_printf ("Dataflows, %u failing", trib_flow_watcher_get_n_failing (watcher));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (dataflows_row ())), ==, accessible);
  shoot ("badge");

  /* From the badge's row: the failing flows, the SFTP orders, its error. */
  trib_ui_test_click_center (GTK_WIDGET (window), GTK_WIDGET (dataflows_row ()));
  page = flows_page ();
  filter = GTK_DROP_DOWN (trib_ui_test_find_any (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (filter, TRIB_FLOWS_FILTER_FAILING);
  trib_ui_test_iterate_until (flow_listed, (gpointer) SFTP_ORDERS, 30);
  trib_flows_page_show_flow (page, SFTP_ORDERS_ID);
  trib_ui_test_iterate_until (runs_read, (gpointer) SFTP_ORDERS_ID, 30);
  detail = trib_flows_page_get_detail (page);
  {
    g_autoptr(TribFlowRun) last = g_list_model_get_item (trib_flow_detail_get_runs (detail), 0);

    g_assert_cmpint (trib_flow_run_get_state (last), ==, TRIB_FLOW_RUN_STATE_FAILED);
    trib_flow_detail_show_run (detail, last);
  }
  trib_ui_test_iterate_until (has_label, (gpointer) "Update the credentials of the account", 20);
  /* Run Again, there, is for the run shown. */
  g_assert_nonnull (trib_ui_test_find_by_action (GTK_WIDGET (detail), "flow.retrigger-run"));
  trib_flow_detail_back (detail);
  g_assert_null (trib_ui_test_find_by_action (GTK_WIDGET (detail), "flow.retrigger-run"));

  /* A day on, its next run fails too, while the app is open: a toast. */
  g_signal_connect (watcher, "flow-failed", G_CALLBACK (flow_failed_cb), &failed);
  advance_clock (24 * 60);
  trib_ui_test_iterate_until (is_set, &failed, 30);
  trib_ui_test_iterate_until (has_label, (gpointer) "its credentials were refused", 20);
  shoot ("toast");
  g_signal_handlers_disconnect_by_data (watcher, &failed);

  /* Its Update Credentials: the account, the password to type. */
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) toast_button_shown, NULL, 20);
  gtk_widget_activate (toast_button_shown (NULL));
  trib_ui_test_iterate_until (password_focused, NULL, 30);
  accounts = accounts_page ();
  shoot ("credentials");
  gtk_editable_set_text (GTK_EDITABLE (credential_row (accounts, "userName")), "luma");
  gtk_editable_set_text (GTK_EDITABLE (credential_row (accounts, "password")), "tributary-demo-sftp");
  gtk_widget_activate_action (GTK_WIDGET (accounts), "accounts.update-credentials", NULL);
  trib_ui_test_iterate_until (has_label, (gpointer) "Credentials updated", 20);

  /* Back on the flow: its failed run again, then green. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+8");
  trib_ui_test_iterate_until (runs_read, (gpointer) SFTP_ORDERS_ID, 30);
  retrigger = trib_ui_test_find_by_action (GTK_WIDGET (detail), "flow.retrigger");
  g_assert_nonnull (retrigger);
  trib_ui_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_is_sensitive, retrigger, 20);
  gtk_widget_activate (retrigger);
  trib_ui_test_iterate_until (has_label, (gpointer) "started again", 20);
  advance_clock (3);
  trib_flow_detail_reload (detail);
  trib_ui_test_iterate_until (run_green, NULL, 30);
  trib_flow_watcher_poll_now (watcher);
  trib_ui_test_iterate_until (not_failing, NULL, 30);
  shoot ("green");

  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/flow-watch", test_flow_watch);

  return g_test_run ();
}
