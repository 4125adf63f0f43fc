/* test-ui-renderer.c
 *
 * The renderer chosen when OpenGL is only software (trib-renderer.c):
 * the decision on the GL_RENDERER strings of real drivers, the user's
 * GSK_RENDERER left to decide, and the windows of the application
 * drawn by the renderer chosen.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <epoxy/gl.h>

#include "trib-application.h"
#include "trib-renderer.h"
#include "trib-ui-test.h"

/* The GL_RENDERER of @display as the test reads it, apart from the code
 * under test; NULL without GL.
 */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  char *renderer;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return renderer;
}

static void
test_choose (void)
{
  static const char * const software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)",
    "softpipe",
    "Software Rasterizer",
    "Mesa swrast",
  };
  /* AMD's names LLVM too: its shader compiler, not a CPU rasteriser. */
  static const char * const hardware[] = {
    "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
    "NVIDIA GeForce GTX 1080/PCIe/SSE2",
    "virgl (Intel(R) Xe Graphics (TGL GT2))",
  };

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    {
      g_assert_true (trib_renderer_is_software (software[i]));
      g_assert_cmpstr (trib_renderer_choose (NULL, software[i]), ==, "cairo");
      g_assert_cmpstr (trib_renderer_choose ("", software[i]), ==, "cairo");
      /* The user's choice, whatever it is, is GTK's to apply. */
      g_assert_null (trib_renderer_choose ("gl", software[i]));
      g_assert_null (trib_renderer_choose ("cairo", software[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    {
      g_assert_false (trib_renderer_is_software (hardware[i]));
      g_assert_null (trib_renderer_choose (NULL, hardware[i]));
    }
  /* Without GL, GTK falls back to cairo by itself. */
  /* No GL at all: cairo, without GTK trying GL first. */
  g_assert_cmpstr (trib_renderer_choose (NULL, NULL), ==, "cairo");
  g_assert_null (trib_renderer_choose ("gl", NULL));
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* A GPU device is a DRM node or NVIDIA's control node; without one, GL
 * is not even loaded.
 */
static void
test_gpu_device (void)
{
  g_autofree char *dev = g_dir_make_tmp ("trib-dev-XXXXXX", NULL);
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);
  g_autofree char *command = NULL;

  g_assert_nonnull (dev);
  g_assert_false (trib_renderer_has_gpu_device (dev));
  g_assert_cmpint (g_mkdir (dri, 0700), ==, 0);
  /* What udev leaves there without a device. */
  touch (dri, "by-path");
  g_assert_false (trib_renderer_has_gpu_device (dev));
  touch (dri, "renderD128");
  g_assert_true (trib_renderer_has_gpu_device (dev));

  command = g_strdup_printf ("rm -rf '%s'/dri/*", dev);
  g_assert_cmpint (system (command), ==, 0);
  touch (dri, "card0");
  g_assert_true (trib_renderer_has_gpu_device (dev));

  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("rm -rf '%s'/dri", dev);
  g_assert_cmpint (system (command), ==, 0);
  touch (dev, "nvidiactl");
  g_assert_true (trib_renderer_has_gpu_device (dev));

  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("rm -rf '%s'", dev);
  g_assert_cmpint (system (command), ==, 0);
}

/* The application's windows are drawn by cairo when GL is software or
 * there is no GPU at all, by GTK's own choice otherwise; GTK never tries
 * a GL it cannot have, and so never says it failed.
 */
static void
test_application (void)
{
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gl_renderer = NULL;
  GtkWidget *window;
  GskRenderer *renderer;

  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      g_test_skip ("GSK_RENDERER is set: the user's choice applies");
      return;
    }

  app = trib_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  gl_renderer = dup_gl_renderer (gdk_display_get_default ());
  g_test_message ("GL_RENDERER: %s; GDK_DEBUG=%s", gl_renderer != NULL ? gl_renderer : "none", g_getenv ("GDK_DEBUG"));

  window = gtk_window_new ();
  gtk_widget_realize (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  if (!trib_renderer_has_gpu_device ("/dev"))
    {
      /* trib_ui_test_init() prepared as main() does: no GL at all. */
      g_assert_null (gl_renderer);
      /* Not loaded, though the environment says so no longer. */
      g_assert_null (strstr (g_getenv ("GDK_DEBUG") != NULL ? g_getenv ("GDK_DEBUG") : "", "gl-disable"));
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
      g_assert_cmpstr (g_object_get_data (G_OBJECT (gdk_display_get_default ()), "gsk-renderer"), ==, "cairo");
    }
  else if (trib_renderer_is_software (gl_renderer))
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  else if (gl_renderer != NULL)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), !=, "GskCairoRenderer");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A GSK_RENDERER of the user's is left to GTK: GL neither disabled nor
 * even asked.
 */
static void
test_user_choice (void)
{
  GdkDisplay *display = gdk_display_open (gdk_display_get_name (gdk_display_get_default ()));
  g_autofree char *previous = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *previous_debug = g_strdup (g_getenv ("GDK_DEBUG"));
  g_autofree char *gl_renderer = NULL;
  const char *choice;

  g_assert_nonnull (display);

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_setenv ("GDK_DEBUG", "misc", TRUE);
  trib_renderer_prepare ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc");
  g_assert_null (trib_renderer_apply (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));

  /* Set but empty is not a choice. */
  g_setenv ("GSK_RENDERER", "", TRUE);
  trib_renderer_prepare ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, trib_renderer_has_gpu_device ("/dev") ? "misc" : "misc,gl-disable");
  if (previous_debug != NULL)
    g_setenv ("GDK_DEBUG", previous_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  gl_renderer = dup_gl_renderer (display);
  choice = trib_renderer_apply (display);
  g_assert_cmpstr (choice, ==, gl_renderer == NULL || trib_renderer_is_software (gl_renderer) ? "cairo" : NULL);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, choice);

  if (previous != NULL)
    g_setenv ("GSK_RENDERER", previous, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  gdk_display_close (display);
}

/* The process started by @parent_pid whose name is @comm, or 0. */
static GPid
find_child (GPid        parent_pid,
            const char *comm)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *open_paren, *close_paren;
      g_autofree char *child_comm = NULL;
      int ppid = 0;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL) ||
          !(open_paren = strchr (stat, '(')) || !(close_paren = strrchr (stat, ')')))
        continue;
      child_comm = g_strndup (open_paren + 1, close_paren - open_paren - 1);
      if (sscanf (close_paren + 1, " %*c %d", &ppid) == 1 && ppid == parent_pid &&
          g_str_equal (child_comm, comm))
        return atoi (name);
    }

  return 0;
}

/* The value of @variable in the environment @pid started with, or NULL.
 * The kernel names the new program before it lays out its environment:
 * found by its name in between, the process shows an empty one for a
 * moment, which no program is started with here.
 */
static char *
dup_environ_value (GPid        pid,
                   const char *variable)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/environ", pid);
  g_autofree char *prefix = g_strconcat (variable, "=", NULL);
  g_autofree char *contents = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gsize length = 0;

  for (;;)
    {
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (length > 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_pointer (&contents, g_free);
      g_usleep (10 * 1000);
    }
  for (const char *entry = contents; entry < contents + length; entry += strlen (entry) + 1)
    if (g_str_has_prefix (entry, prefix))
      return g_strdup (entry + strlen (prefix));

  return NULL;
}

/* gl-disable is Tributary's choice for its own windows: the programs it
 * starts (here the demo's simulator, as a browser for a link would be)
 * get the environment the user started it with. Through the real
 * program, whose main() prepares the renderer.
 */
static void
test_children_environment (void)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "tributary", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *debug = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  GPid pid, sim_pid = 0;
  int status;

  if (trib_renderer_has_gpu_device ("/dev"))
    {
      g_test_skip ("A GPU device: GL is not disabled");
      return;
    }

  envp = g_environ_setenv (envp, "GDK_DEBUG", "no-portals", TRUE);
  envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  g_spawn_async (NULL, (char *[]) { binary, (char *) "--demo", NULL }, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((sim_pid = find_child (pid, "tributary-sim")) == 0)
    {
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
  debug = dup_environ_value (sim_pid, "GDK_DEBUG");

  kill (pid, SIGTERM);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_cmpstr (debug, ==, "no-portals");
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/renderer/choose", test_choose);
  g_test_add_func ("/renderer/gpu-device", test_gpu_device);
  /* Before any application of the test's owns the application's name,
   * which the program started would then hand its --demo to.
   */
  g_test_add_func ("/renderer/children-environment", test_children_environment);
  /* First: GTK reads GSK_RENDERER once, for the first window it realises. */
  g_test_add_func ("/renderer/application", test_application);
  g_test_add_func ("/renderer/user-choice", test_user_choice);

  return g_test_run ();
}
