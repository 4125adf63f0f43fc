/* test-ui-first-start.c
 *
 * A first start, with no profile, as `BENCH start` measures it: the
 * start screen shows without the pages built, and the profile dialog
 * follows the window's first frame instead of holding it back; a page
 * asked for by an action or a shortcut is built then, and works.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-profile-dialog.h"
#include "trib-query-page.h"
#include "trib-sandboxes-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
profile_dialog_shown (gpointer data)
{
  const gboolean *painted = data;
  gboolean shown = trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, NULL) != NULL;

  /* Only once the window has drawn its first frame. */
  g_assert_true (!shown || *painted);

  return shown;
}

/* The page shown, which the sidebar highlights. */
static void
assert_page_shown (TribWindow *window,
                   const char *page_name)
{
  GtkWidget *page = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SANDBOXES_PAGE);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (window)));

  g_assert_nonnull (page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (page))), ==, page_name);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, page_name);
}

static void
test_first_start (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean painted = FALSE;
  GtkListBoxRow *row;
  TribQueryPage *query;
  TribWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (painted_cb), &painted);

  g_assert_null (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SANDBOXES_PAGE));
  g_assert_null (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE));
  /* The sidebar highlights the page that will show first. */
  row = gtk_list_box_get_selected_row (trib_ui_test_find_sidebar (GTK_WIDGET (window)));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "sandboxes");

  trib_ui_test_iterate_until (profile_dialog_shown, &painted, 30);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), painted_cb, &painted);
  g_assert_nonnull (trib_ui_test_find_label (GTK_WIDGET (window), "Connect to Experience Platform", FALSE));
  gtk_window_destroy (trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, NULL));
  trib_ui_test_settle ();
  g_assert_null (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE));

  /* A shortcut or an action for a page not built yet builds it first. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  assert_page_shown (window, "schemas");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-into-query", "s", "SELECT 1");
  query = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE);
  g_assert_nonnull (query);
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (query));
  g_assert_nonnull (strstr (text, "SELECT 1"));
  assert_page_shown (window, "query");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/first-start", test_first_start);

  return g_test_run ();
}
