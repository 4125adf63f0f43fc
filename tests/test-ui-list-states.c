/* test-ui-list-states.c
 *
 * The datasets and schemas pages' lists (TribPagedListView) in each of
 * their states — loading, empty, error, list — light and dark, narrow
 * (600 px) and wide (1400 px), with a screenshot of each to look at.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <libsoup/soup.h>

#include "trib-datasets-page.h"
#include "trib-paged-list-view.h"
#include "trib-platform-client.h"
#include "trib-schemas-page.h"
#include "trib-ui-test.h"

#define DATASETS_PATH "/data/foundation/catalog/dataSets"
#define SCHEMAS_PATH "/data/foundation/schemaregistry/tenant/schemas"

static void
send_to_faults (TribWindow *window,
                const char *method,
                const char *fault)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/faults", NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (fault != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (fault, strlen (fault));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), <, 300);
}

static gboolean
view_in_state (gpointer data)
{
  TribPagedListView *view = data;

  return g_strcmp0 (trib_paged_list_view_get_state (view), g_object_get_data (G_OBJECT (view), "test-state")) == 0;
}

static void
shoot (TribWindow        *window,
       TribPagedListView *view,
       const char        *page,
       const char        *state,
       int                width,
       const char        *scheme)
{
  g_autofree char *name = g_strdup_printf ("list-states-%s-%s-%d-%s.png", page, state, width, scheme);
  int minimum;

  g_object_set_data (G_OBJECT (view), "test-state", (gpointer) state);
  trib_ui_test_iterate_until (view_in_state, view, 30);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), name);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* The window is the width asked for (less its frame), which its
   * content fits in.
   */
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, width - 40);
}

static void
tour_states (TribWindow *window,
             const char *page_name,
             GType       page_type,
             const char *path,
             int         width,
             const char *scheme)
{
  g_autofree char *delay = g_strdup_printf ("{\"path\": \"%s\", \"method\": \"GET\", \"kind\": \"delay\", "
                                            "\"delay_ms\": 1500, \"count\": 1}", path);
  g_autofree char *refusal = g_strdup_printf ("{\"path\": \"%s\", \"method\": \"GET\", \"kind\": \"status\", "
                                              "\"status\": 400, \"count\": 2}", path);
  TribPagedListView *view;
  GtkWidget *search;
  GtkWidget *page;

  trib_window_show_page (window, page_name);
  trib_ui_test_settle ();
  page = trib_ui_test_find_widget (GTK_WIDGET (window), page_type, NULL);
  view = TRIB_PAGED_LIST_VIEW (trib_ui_test_find_widget (page, TRIB_TYPE_PAGED_LIST_VIEW, NULL));
  search = trib_ui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);

  send_to_faults (window, "POST", delay);
  if (page_type == TRIB_TYPE_DATASETS_PAGE)
    trib_datasets_page_reload (TRIB_DATASETS_PAGE (page));
  else
    trib_schemas_page_reload (TRIB_SCHEMAS_PAGE (page));
  shoot (window, view, page_name, "loading", width, scheme);
  shoot (window, view, page_name, "list", width, scheme);

  gtk_editable_set_text (GTK_EDITABLE (search), "no such thing anywhere");
  shoot (window, view, page_name, "empty", width, scheme);

  /* Replacing the text empties the entry on the way, which GTK reports
   * at once: two lists are asked for, and both are refused.
   */
  send_to_faults (window, "POST", refusal);
  gtk_editable_set_text (GTK_EDITABLE (search), "still no such thing");
  shoot (window, view, page_name, "error", width, scheme);

  send_to_faults (window, "DELETE", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  shoot (window, view, page_name, "list", width, scheme);
}

static void
test_list_states (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 600, 1400 };
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 60);
  /* Resized before its first frame, a window takes its default size back. */
  trib_ui_test_settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < 2; i++)
    {
      const char *scheme = i == 0 ? "light" : "dark";

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint j = 0; j < G_N_ELEMENTS (widths); j++)
        {
          trib_ui_test_resize (GTK_WIDGET (window), widths[j], 800);
          tour_states (window, "datasets", TRIB_TYPE_DATASETS_PAGE, DATASETS_PATH, widths[j], scheme);
          tour_states (window, "schemas", TRIB_TYPE_SCHEMAS_PAGE, SCHEMAS_PATH, widths[j], scheme);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/list-states", test_list_states);

  return g_test_run ();
}
