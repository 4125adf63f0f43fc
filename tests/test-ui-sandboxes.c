/* test-ui-sandboxes.c
 *
 * Opens the demo platform in the real application window, in-process,
 * and drives the sandboxes page and the sandbox switcher.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-format.h"
#include "trib-window.h"
#include "trib-ui-test.h"

/* The label shown whose text starts with @prefix. */
static GtkLabel *
find_label_starting (GtkWidget  *widget,
                     const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_demo_sandboxes (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribWindow *window;
  TribSession *session;
  GtkWidget *title;
  GtkWidget *dropdown;
  GtkWidget *sidebar;
  GtkWidget *list_view;
  GListModel *sandboxes;
  guint dev_position = GTK_INVALID_LIST_POSITION;

  window = trib_ui_test_open_demo (app, 30);
  trib_ui_test_settle ();

  session = trib_window_get_session (window);
  sandboxes = trib_session_get_sandboxes (session);
  g_assert_cmpuint (g_list_model_get_n_items (sandboxes), >=, 2);
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "prod");

  /* The header shows the profile and the sandbox in use. */
  title = trib_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)),
                            trib_sandbox_get_title (trib_session_get_sandbox (session))));

  trib_ui_test_resize (GTK_WIDGET (window), 1200, 760);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sandboxes-wide-light.png");

  /* Switch sandbox with the header's switcher, as a user would. */
  dropdown = trib_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), "dev"))
        dev_position = i;
    }
  g_assert_cmpuint (dev_position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), dev_position);
  trib_ui_test_settle ();

  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "dev");
  g_assert_cmpstr (trib_platform_client_get_sandbox (trib_session_get_client (session)), ==, "dev");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)),
                            trib_sandbox_get_title (trib_session_get_sandbox (session))));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sandboxes-wide-dark.png");

  /* Narrow, the sidebar, the list and the details each take the window,
   * and activating a row goes one level deeper. The page shown since
   * signing in stays; one step back are the pages.
   */
  trib_ui_test_resize (GTK_WIDGET (window), 400, 760);
  g_assert_nonnull (trib_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL));
  g_signal_emit_by_name (trib_ui_test_find_button_with_tooltip (GTK_WIDGET (window), "Back to Pages"), "clicked");
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sidebar-narrow-dark.png");
  sidebar = trib_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (sidebar);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0), "activate");
  trib_ui_test_settle ();
  list_view = trib_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  /* The type on the rows' side is in words, not the platform's value. */
  g_assert_nonnull (trib_ui_test_find_any_label (list_view, "Development"));
  g_assert_null (trib_ui_test_find_any_label (list_view, "development"));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sandboxes-narrow-dark.png");
  g_signal_emit_by_name (list_view, "activate", dev_position);
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_mapped (list_view));

  /* Dates as every page writes them; the technical account that made
   * the sandbox wraps without a hyphen inserted.
   */
  {
    TribSandbox *dev = trib_session_get_sandbox (session);
    g_autofree char *created = trib_format_date_time (trib_sandbox_get_created (dev));
    g_autofree char *modified = trib_format_date_time (trib_sandbox_get_modified (dev));
    GtkLabel *created_label = find_label_starting (GTK_WIDGET (window), created);
    GtkLabel *modified_label = find_label_starting (GTK_WIDGET (window), modified);

    g_assert_nonnull (created_label);
    g_assert_nonnull (modified_label);
    g_assert_nonnull (strstr (gtk_label_get_label (created_label), trib_sandbox_get_created_by (dev)));
    g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (created_label)), >, 1);
    g_assert_false (trib_ui_test_label_hyphenated (created_label));
    g_assert_false (trib_ui_test_label_hyphenated (modified_label));
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "sandbox-details-narrow-light.png");

  trib_ui_test_resize (GTK_WIDGET (window), 1200, 760);
  trib_window_show_page (window, "activity");
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "activity-wide-light.png");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/demo-sandboxes", test_demo_sandboxes);

  return g_test_run ();
}
