/* test-ui-errors.c
 *
 * A server that explains its refusal in ten megabytes: the window shows
 * a paragraph of it, at once, and the Activity page keeps and shows the
 * start of the answer, saying it was cut. A refused Reload says so. A page of
 * datasets refused after the first is said once; pages on their way are
 * said in words.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-datasets-page.h"
#include "trib-grid-scroller.h"
#include "trib-platform-client-private.h"
#include "trib-activity-page.h"
#include "trib-body-view.h"
#include "trib-paged-list.h"
#include "trib-paged-list-view.h"
#include "trib-sandboxes-page.h"
#include "trib-text-bound.h"
#include "trib-window.h"
#include "trib-ui-test.h"

#define HUGE_DETAIL_BYTES 10000000

/* One application per process: the tests share its window. */
static TribApplication *app;

static TribWindow *
demo_window (void)
{
  static TribWindow *window;

  if (window == NULL)
    {
      app = trib_application_new ();
      window = trib_ui_test_open_demo (app, 60);
    }

  return window;
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

/* The status page that shows the platform's refusal, once mapped. */
static AdwStatusPage *
refusal_page (GtkWidget *root)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  find_all (root, ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwStatusPage *page = g_ptr_array_index (pages, i);
      const char *description = adw_status_page_get_description (page);

      if (gtk_widget_get_mapped (GTK_WIDGET (page)) && description != NULL &&
          strstr (description, "tributary-sim fault") != NULL)
        return page;
    }

  return NULL;
}

static gboolean
refusal_shown (gpointer data)
{
  return refusal_page (data) != NULL;
}

static void
test_huge_error (void)
{
  g_autofree char *fault = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  TribRequestLog *log;
  TribRequestRecord *refused = NULL;
  GtkWidget *search;
  GtkWidget *activity;
  GtkWidget *list_view;
  GtkTextView *detail = NULL;
  TribBodyView *response;
  GtkTextBuffer *buffer;
  AdwStatusPage *page;
  TribWindow *window;
  guint refused_position = 0;

  window = demo_window ();
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  trib_ui_test_settle ();

  /* Searching asks the Catalog again, which refuses at length. */
  fault = g_strdup_printf ("{\"path\": \"/data/foundation/catalog/dataSets\", \"method\": \"GET\", "
                           "\"kind\": \"status\", \"status\": 400, \"detail_bytes\": %u, \"count\": 20}",
                           HUGE_DETAIL_BYTES);
  trib_ui_test_add_fault (window, fault);
  search = trib_ui_test_find_widget (GTK_WIDGET (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL)),
                                     GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "luma");
  trib_ui_test_iterate_until (refusal_shown, window, 60);
  trib_ui_test_settle ();

  /* The page shows a paragraph, drawn at once. */
  page = refusal_page (GTK_WIDGET (window));
  g_assert_cmpuint (g_utf8_strlen (adw_status_page_get_description (page), -1), <=,
                    TRIB_TEXT_BOUND_MESSAGE_CHARS + 1);
  find_all (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_assert_cmpuint (strlen (gtk_label_get_label (g_ptr_array_index (labels, i))), <,
                      4 * (TRIB_TEXT_BOUND_MESSAGE_CHARS + 1));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "huge-error-datasets.png");

  /* The Activity page keeps the start of the answer, and says it was cut. */
  log = trib_platform_client_get_log (trib_session_get_client (trib_window_get_session (window)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)) && refused == NULL; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (trib_request_record_get_status (record) == 400)
        {
          refused = record;
          refused_position = i;
        }
    }
  g_assert_nonnull (refused);
  g_assert_true (trib_request_record_get_response_cut (refused));

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+5");
  trib_ui_test_settle ();
  activity = trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_ACTIVITY_PAGE, NULL);
  list_view = trib_ui_test_find_widget (activity, GTK_TYPE_LIST_VIEW, NULL);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view))),
                                     refused_position);
  trib_ui_test_settle ();
  /* The answer, on its own page: its start, bounded, and a note. */
  response = TRIB_BODY_VIEW (trib_ui_test_find_any (activity, TRIB_TYPE_BODY_VIEW));
  response = TRIB_BODY_VIEW (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (response))),
                                                          "response"));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (response))), GTK_WIDGET (response));
  trib_ui_test_settle ();
  detail = GTK_TEXT_VIEW (trib_ui_test_find_widget (GTK_WIDGET (response), GTK_TYPE_TEXT_VIEW, NULL));
  buffer = gtk_text_view_get_buffer (detail);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 32768);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), <=, 2 * TRIB_REQUEST_RECORD_MAX_BODY_BYTES);
  g_assert_nonnull (strstr (trib_body_view_get_note (response), "Only the first"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "huge-error-activity.png");
}

/* A Reload the platform refuses, with the list of sandboxes still
 * shown, says so instead of looking like a Reload that found nothing new.
 */
static void
test_failed_reload (void)
{
  GtkWidget *sandboxes_page;
  TribWindow *window;

  window = demo_window ();
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+1");
  trib_ui_test_settle ();

  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/sandbox-management/*\", \"method\": \"GET\", "
                     "\"kind\": \"status\", \"status\": 403, \"count\": 20}");
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+r");
  trib_ui_test_wait_for_label (GTK_WIDGET (window), "Could not reload the sandboxes");

  /* What was listed stays listed. */
  sandboxes_page = trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SANDBOXES_PAGE, NULL);
  g_assert_true (trib_ui_test_has_label (sandboxes_page, "Production", FALSE));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "failed-reload.png");
}

static void
clear_faults (TribWindow *window)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/faults", NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("DELETE", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), <, 300);
}

static void
count_fault_toasts_cb (GObject    *announcer,
                       GParamSpec *pspec,
                       guint      *n_toasts)
{
  g_autofree char *message = NULL;

  g_object_get (announcer, "message", &message, NULL);
  if (message != NULL && strstr (message, "tributary-sim fault") != NULL)
    (*n_toasts)++;
}

/* A page after the first that the platform refuses: one failure, one
 * toast, however many properties of the list it changes.
 */
static void
test_datasets_error_toast_once (void)
{
  TribWindow *window;
  GtkWidget *page;
  GtkWidget *search;
  GtkWidget *column_view;
  GtkAdjustment *adjustment;
  TribPagedList *list;
  GObject *announcer;
  gulong handler;
  guint n_toasts = 0;
  gint64 until;

  window = demo_window ();
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  clear_faults (window);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL);
  search = trib_ui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  announcer = trib_ui_test_find_any (GTK_WIDGET (window), g_type_from_name ("TribAnnouncer"));
  g_assert_nonnull (announcer);
  handler = g_signal_connect (announcer, "notify::message", G_CALLBACK (count_fault_toasts_cb), &n_toasts);

  /* The second page is refused (a 4xx, not retried). */
  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/catalog/dataSets\", \"method\": \"GET\", "
                     "\"query\": \"&start=100&\", \"kind\": \"status\", \"status\": 400}");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  trib_datasets_page_reload (TRIB_DATASETS_PAGE (page));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 60);
  trib_ui_test_settle ();
  list = TRIB_PAGED_LIST (trib_datasets_page_get_list (TRIB_DATASETS_PAGE (page)));
  column_view = trib_ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  /* Scrolled to the last row each time more come, by its rows. */
  adjustment = trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (gtk_widget_get_ancestor (
    column_view, TRIB_TYPE_GRID_SCROLLER)));
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (trib_paged_list_get_error (list) == NULL)
    {
      double end = gtk_adjustment_get_upper (adjustment) -
                   gtk_adjustment_get_page_size (adjustment);

      g_assert_cmpint (g_get_monotonic_time (), <, until);
      if (gtk_adjustment_get_value (adjustment) < end)
        gtk_adjustment_set_value (adjustment, end);
      g_main_context_iteration (NULL, TRUE);
    }
  trib_ui_test_settle ();

  g_assert_cmpuint (n_toasts, ==, 1);
  g_signal_handler_disconnect (announcer, handler);
  clear_faults (window);
}

static gboolean
list_loading (gpointer data)
{
  return trib_paged_list_get_loading (data);
}

static gboolean
list_complete (gpointer data)
{
  return trib_paged_list_get_complete (data);
}

/* More pages on their way say so, in words that do not redraw the
 * window at every frame, and stop saying it once they are in.
 */
static void
test_datasets_loading_more (void)
{
  TribWindow *window;
  GtkWidget *page;
  GtkWidget *search;
  TribPagedList *list;
  GtkAdjustment *adjustment;
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();

  window = demo_window ();
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  clear_faults (window);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+3");
  page = trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE, NULL);
  search = trib_ui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);

  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/catalog/dataSets\", \"method\": \"GET\", "
                     "\"query\": \"&start=100&\", \"kind\": \"delay\", \"delay_ms\": 3000}");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  trib_datasets_page_reload (TRIB_DATASETS_PAGE (page));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 60);
  trib_ui_test_settle ();
  list = TRIB_PAGED_LIST (trib_datasets_page_get_list (TRIB_DATASETS_PAGE (page)));

  /* The next page is asked for as the first one's end comes in sight. */
  g_assert_false (trib_paged_list_get_loading (list));
  adjustment = trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (trib_ui_test_find_widget (
    page, TRIB_TYPE_GRID_SCROLLER, NULL)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  trib_ui_test_iterate_until (list_loading, list, 10);
  trib_ui_test_settle ();
  g_assert_true (trib_paged_list_get_loading (list));
  g_assert_true (trib_ui_test_has_label (page, "Loading more…", FALSE));
  find_all (page, GTK_TYPE_SPINNER, spinners);
  for (guint i = 0; i < spinners->len; i++)
    g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (spinners, i)) &&
                    gtk_spinner_get_spinning (g_ptr_array_index (spinners, i)));

  trib_ui_test_iterate_until (list_complete, list, 60);
  g_assert_false (trib_ui_test_has_label (page, "Loading more…", FALSE));
  clear_faults (window);
}

static gboolean
view_in_state (gpointer data)
{
  TribPagedListView *view = data;

  return g_strcmp0 (trib_paged_list_view_get_state (view), g_object_get_data (G_OBJECT (view), "test-state")) == 0;
}

static void
wait_for_state (TribPagedListView *view,
                const char        *state)
{
  g_object_set_data (G_OBJECT (view), "test-state", (gpointer) state);
  trib_ui_test_iterate_until (view_in_state, view, 60);
}

/* A list refused from its first page says why, in the platform's words,
 * and Try Again reads it again.
 */
static void
test_schemas_error_retry (void)
{
  TribPagedListView *view;
  AdwStatusPage *status;
  GtkWidget *retry;
  TribWindow *window;
  GtkWidget *page;

  window = demo_window ();
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);
  clear_faults (window);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  trib_ui_test_settle ();
  page = trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE, NULL);
  view = TRIB_PAGED_LIST_VIEW (trib_ui_test_find_widget (page, TRIB_TYPE_PAGED_LIST_VIEW, NULL));

  trib_ui_test_add_fault (window, "{\"path\": \"/data/foundation/schemaregistry/tenant/schemas\", \"method\": \"GET\", "
                          "\"kind\": \"status\", \"status\": 400, \"count\": 1}");
  trib_schemas_page_reload (TRIB_SCHEMAS_PAGE (page));
  wait_for_state (view, "error");
  trib_ui_test_settle ();

  status = ADW_STATUS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Could Not Load the List");
  g_assert_nonnull (adw_status_page_get_description (status));
  g_assert_cmpstr (adw_status_page_get_description (status), !=, "");
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-list-error.png");

  retry = trib_ui_test_find_button (GTK_WIDGET (view), "_Try Again");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_is_sensitive (retry));
  g_signal_emit_by_name (retry, "clicked");
  wait_for_state (view, "list");
  g_assert_cmpuint (g_list_model_get_n_items (trib_schemas_page_get_list (TRIB_SCHEMAS_PAGE (page))), >, 0);
  clear_faults (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/huge-error", test_huge_error);
  g_test_add_func ("/tributary/ui/failed-reload", test_failed_reload);
  g_test_add_func ("/tributary/ui/datasets-error-toast-once", test_datasets_error_toast_once);
  g_test_add_func ("/tributary/ui/datasets-loading-more", test_datasets_loading_more);
  g_test_add_func ("/tributary/ui/schemas-error-retry", test_schemas_error_retry);
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
