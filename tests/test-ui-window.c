/* test-ui-window.c
 *
 * The window around the pages, on the demo platform: what the start
 * screen says, the sidebar following the page shown however it was
 * chosen, and opening the demo platform again while in it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-activity-page.h"
#include "trib-application.h"
#include "trib-sandboxes-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

static const char *
visible_page (TribWindow *window)
{
  GtkStack *pages = GTK_STACK (gtk_widget_get_parent (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SANDBOXES_PAGE)));

  return gtk_stack_get_visible_child_name (pages);
}

/* The sidebar highlights the page shown, and only it. */
static void
assert_sidebar_shows (TribWindow *window,
                      const char *page_name)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (window)));

  g_assert_nonnull (row);
  g_assert_cmpstr (visible_page (window), ==, page_name);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, page_name);
}

static gboolean
session_idle (gpointer data)
{
  TribSession *session = trib_window_get_session (data);
  TribRequestLog *log = trib_application_get_request_log (trib_application_get_default ());
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (log));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (!trib_request_record_get_done (record))
        return FALSE;
    }

  return !trib_session_get_loading (session);
}

static void
refresh (TribWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  trib_ui_test_settle ();
  trib_ui_test_iterate_until (session_idle, window, 30);
  trib_ui_test_settle ();
}

/* The log lists the newest call first. */
static gboolean
at_newest (GtkScrolledWindow *scroller)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)) < 1;
}

/* Until the pages' own loads (the next page of datasets, say) stop
 * adding calls to @log for half a second.
 */
static void
wait_for_quiet_log (GListModel *log)
{
  guint n_calls;

  do
    {
      gint64 quiet_until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      n_calls = g_list_model_get_n_items (log);
      while (g_get_monotonic_time () < quiet_until)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (10 * 1000);
        }
    }
  while (g_list_model_get_n_items (log) != n_calls);
}

/* The header's reload button. */
static GtkWidget *
find_reload_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "view-refresh-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_reload_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Reloads with the header's button: the calls it makes go to @service,
 * and not to the sandbox list unless that is the one reloaded. (Other
 * lists may read on meanwhile, as they are scrolled.)
 */
static void
assert_reloads (TribWindow *window,
                const char *tooltip,
                const char *service)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (trib_application_get_default ()));
  GtkWidget *button = find_reload_button (GTK_WIDGET (window));
  guint before = g_list_model_get_n_items (log);
  gboolean service_called = FALSE;
  guint added;

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, tooltip);

  g_signal_emit_by_name (button, "clicked");
  trib_ui_test_settle ();
  trib_ui_test_iterate_until (session_idle, window, 30);
  added = g_list_model_get_n_items (log) - before;

  /* The newest calls come first. */
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      const char *url = trib_request_record_get_url (record);

      service_called |= strstr (url, service) != NULL;
      if (strstr (service, "sandbox-management") == NULL)
        g_assert_null (strstr (url, "sandbox-management"));
    }
  g_assert_true (service_called);
}

static gboolean
question_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

static gboolean
new_session_ready (gpointer data)
{
  TribWindow *window = data;
  TribSession *old = g_object_get_data (G_OBJECT (window), "test-old-session");

  return trib_window_get_session (window) != old && trib_ui_test_session_ready (window);
}

/* An idle window draws nothing. A spinner left turning in a page its
 * stack hid (the query page's "Running…") kept every window drawing
 * sixty frames a second, on every page, for as long as it was open.
 */
static void
assert_idle_pages_draw_nothing (TribWindow *window)
{
  static const char * const pages[] = {
    "sandboxes", "schemas", "datasets", "sources", "accounts", "dataflows", "schedules", "query", "activity",
  };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gint64 first_frame;
      gint64 until;

      trib_window_show_page (window, pages[i]);
      trib_ui_test_settle ();
      trib_ui_test_settle ();
      first_frame = gdk_frame_clock_get_frame_counter (clock);
      until = g_get_monotonic_time () + G_USEC_PER_SEC;
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }
      /* A few, for the live demo's flows and calls coming in meanwhile. */
      g_test_message ("%s: %" G_GINT64_FORMAT " frames in a second, idle", pages[i],
                      gdk_frame_clock_get_frame_counter (clock) - first_frame);
      g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock) - first_frame, <=, 10);
    }
  trib_window_show_page (window, pages[0]);
  trib_ui_test_settle ();
}

static void
test_window (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  TribWindow *window;
  TribSession *session;
  AdwMessageDialog *question;
  TribActivityPage *activity;
  GtkWidget *focus;
  GtkScrolledWindow *scroller;
  GtkSingleSelection *calls;
  GListModel *log;
  guint n_calls;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* While the demo starts, the start screen says so in one sentence. */
  trib_application_open_demo (app, NULL);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (GTK_WIDGET (window), 1100, 720);
  g_assert_nonnull (trib_ui_test_find_any_label (GTK_WIDGET (window), "Starting the demo platform…"));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "start-connecting-wide-light.png");
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, 60);
  trib_ui_test_settle ();
  assert_idle_pages_draw_nothing (window);

  /* The sidebar follows the page shown, however it was chosen. */
  assert_sidebar_shows (window, "sandboxes");
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  assert_sidebar_shows (window, "schemas");
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+5");
  assert_sidebar_shows (window, "activity");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "datasets");
  trib_ui_test_settle ();
  assert_sidebar_shows (window, "datasets");

  /* Moving through the sidebar with the keyboard shows each page. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (window)))));
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  assert_sidebar_shows (window, "query");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Up");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Up");
  assert_sidebar_shows (window, "schemas");
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sidebar-datasets-wide-light.png");

  /* Ctrl+F searches the page shown even with the focus in the sidebar. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (window)))));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+f");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, g_type_from_name ("TribDatasetsPage")));

  /* The reload button says what it reloads, and reloads only that; it
   * is gone where there is nothing to reload.
   */
  trib_window_show_page (window, "datasets");
  assert_reloads (window, "Reload Datasets", "/data/foundation/catalog/");
  trib_window_show_page (window, "schemas");
  assert_reloads (window, "Reload Schemas", "/data/foundation/schemaregistry/");
  trib_window_show_page (window, "sandboxes");
  assert_reloads (window, "Reload Sandboxes", "/data/foundation/sandbox-management/");
  trib_window_show_page (window, "query");
  g_assert_false (gtk_widget_get_visible (find_reload_button (GTK_WIDGET (window))));
  trib_window_show_page (window, "activity");
  g_assert_false (gtk_widget_get_visible (find_reload_button (GTK_WIDGET (window))));

  /* Activity opens at the newest call, and follows new ones while it is
   * there; scrolled back to older calls, it stays where it was put.
   */
  for (guint i = 0; i < 3; i++)
    refresh (window);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+5");
  activity = TRIB_ACTIVITY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_ACTIVITY_PAGE, NULL));
  log = G_LIST_MODEL (trib_activity_page_get_log (activity));
  scroller = GTK_SCROLLED_WINDOW (trib_ui_test_find_widget (GTK_WIDGET (activity), GTK_TYPE_SCROLLED_WINDOW, NULL));
  calls = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (trib_ui_test_find_widget (GTK_WIDGET (activity),
                                                                                                  GTK_TYPE_LIST_VIEW,
                                                                                                  NULL))));
  n_calls = g_list_model_get_n_items (log);
  g_assert_cmpuint (n_calls, >, 12);
  g_assert_cmpuint (gtk_single_selection_get_selected (calls), ==, 0);
  g_assert_true (at_newest (scroller));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "activity-newest-wide-light.png");

  refresh (window);
  g_assert_cmpuint (g_list_model_get_n_items (log), >, n_calls);
  g_assert_cmpuint (gtk_single_selection_get_selected (calls), ==, 0);
  g_assert_true (at_newest (scroller));

  /* Scrolled down to an older call, which is selected: both stay. A
   * call that came in before the list had scrolled would rightly have
   * brought it back to the newest.
   */
  wait_for_quiet_log (log);
  n_calls = g_list_model_get_n_items (log);
  gtk_single_selection_set_selected (calls, n_calls - 1);
  gtk_widget_activate_action (trib_ui_test_find_widget (GTK_WIDGET (activity), GTK_TYPE_LIST_VIEW, NULL),
                              "list.scroll-to-item", "u", n_calls - 1);
  trib_ui_test_settle ();
  g_assert_false (at_newest (scroller));
  refresh (window);
  g_assert_cmpuint (gtk_single_selection_get_selected (calls), ==, g_list_model_get_n_items (log) - 1);
  g_assert_false (at_newest (scroller));

  /* Opening the demo platform again while in it asks first, and says
   * what starting it again would lose; Cancel keeps it as it is.
   */
  session = trib_window_get_session (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  trib_ui_test_iterate_until (question_shown, NULL, 10);
  question = ADW_MESSAGE_DIALOG (trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Restart the Demo Platform?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "are lost"));
  trib_ui_test_save_screenshot (GTK_WIDGET (question), "demo-restart-question-light.png");
  adw_message_dialog_response (question, "cancel");
  trib_ui_test_settle ();
  g_assert_true (trib_window_get_session (window) == session);
  g_assert_true (trib_ui_test_session_ready (window));

  /* Restart does restart it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  trib_ui_test_iterate_until (question_shown, NULL, 10);
  question = ADW_MESSAGE_DIALOG (trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_object_set_data (G_OBJECT (window), "test-old-session", session);
  adw_message_dialog_response (question, "restart");
  trib_ui_test_iterate_until (new_session_ready, window, 60);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/window", test_window);

  return g_test_run ();
}
