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
#include "trib-window.h"

static void
iterate_until (gboolean (*predicate) (gpointer),
               gpointer   data,
               guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
session_ready (gpointer data)
{
  TribWindow *window = data;
  TribSession *session = trib_window_get_session (window);

  return session != NULL && !trib_session_get_loading (session) &&
         g_list_model_get_n_items (trib_session_get_sandboxes (session)) > 0;
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *with_subtitle)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_widgets (root, type, found);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      if (with_subtitle == NULL ||
          (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)) != NULL &&
           adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget))[0] != '\0'))
        return widget;
    }

  return NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("TRIB_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  settle ();

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir != NULL ? dir : ".", 0755);
  path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_queue_resize (window);
  settle ();
}

static void
test_demo_sandboxes (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribWindow *window;
  TribSession *session;
  GtkWidget *title;
  GtkWidget *dropdown;
  GListModel *sandboxes;
  guint dev_position = GTK_INVALID_LIST_POSITION;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  trib_application_open_demo (app, NULL);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));

  iterate_until (session_ready, window, 30);
  settle ();

  session = trib_window_get_session (window);
  sandboxes = trib_session_get_sandboxes (session);
  g_assert_cmpuint (g_list_model_get_n_items (sandboxes), >=, 2);
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "prod");

  /* The header shows the profile and the sandbox in use. */
  title = find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)),
                            trib_sandbox_get_title (trib_session_get_sandbox (session))));

  resize (GTK_WIDGET (window), 1200, 760);
  save_screenshot (GTK_WIDGET (window), "sandboxes-wide-light.png");

  /* Switch sandbox with the header's switcher, as a user would. */
  dropdown = find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), "dev"))
        dev_position = i;
    }
  g_assert_cmpuint (dev_position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), dev_position);
  settle ();

  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "dev");
  g_assert_cmpstr (trib_platform_client_get_sandbox (trib_session_get_client (session)), ==, "dev");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)),
                            trib_sandbox_get_title (trib_session_get_sandbox (session))));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (GTK_WIDGET (window), "sandboxes-wide-dark.png");

  resize (GTK_WIDGET (window), 400, 760);
  save_screenshot (GTK_WIDGET (window), "sandboxes-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (GTK_WIDGET (window), "sandboxes-narrow-light.png");

  resize (GTK_WIDGET (window), 1200, 760);
  trib_window_show_page (window, "activity");
  save_screenshot (GTK_WIDGET (window), "activity-wide-light.png");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = g_dir_make_tmp ("trib-ui-XXXXXX", NULL);

  /* Profiles the test might save go to a throwaway directory. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tributary/ui/demo-sandboxes", test_demo_sandboxes);

  return g_test_run ();
}
