/* trib-renderer.c
 *
 * The renderer of the windows when OpenGL is only software.
 *
 * GTK 4.8 draws with its GL renderer wherever GL works at all, and on a
 * machine without a usable GPU (a virtual machine, a remote desktop, a
 * headless X server) Mesa gives it llvmpipe: every frame is then drawn
 * by the CPU through a GL pipeline, tens of milliseconds for a window
 * that cairo paints in two or three, and the rasteriser's state costs
 * some sixty megabytes more. There, the cairo renderer is the better
 * one. GTK asks a display's "gsk-renderer" before the GSK_RENDERER
 * variable and its own order, so the choice is made through it, before
 * the first window is realised; a GSK_RENDERER the user set is left to
 * decide. Without a GPU device at all, GL could only be software: GL is
 * then not even loaded (GDK_DEBUG=gl-disable, before GTK starts), which
 * spares the start Mesa's loading and setup (60 to 85 ms of CPU) and
 * the process some 60 MB. The benchmarks' bare anchors call the same
 * functions, so that both sides of a figure draw the same way.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-renderer"

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "trib-renderer.h"

/* What Mesa calls its rasterisers that run on the CPU: llvmpipe and
 * softpipe (Gallium), swrast (the DRI loader's name for them) and the
 * old classic "Software Rasterizer".
 */
static const char * const software_names[] = {
  "llvmpipe",
  "softpipe",
  "swrast",
  "software rasterizer",
};

/**
 * trib_renderer_is_software:
 * @gl_renderer: (nullable): a GL_RENDERER string
 *
 * Returns: whether @gl_renderer names a rasteriser running on the CPU
 */
gboolean
trib_renderer_is_software (const char *gl_renderer)
{
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software_names); i++)
    if (strstr (lower, software_names[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * trib_renderer_choose:
 * @user_renderer: (nullable): the value of GSK_RENDERER
 * @gl_renderer: (nullable): the GL_RENDERER of the display, %NULL without GL
 *
 * Returns: (nullable): the renderer to ask GTK for, or %NULL to leave
 *   GTK's own choice: the user's, or GL on a GPU. Without GL at all GTK
 *   would try it, say on the terminal that it failed, and fall back to
 *   cairo: it is asked for cairo straight away.
 */
const char *
trib_renderer_choose (const char *user_renderer,
                      const char *gl_renderer)
{
  if (user_renderer != NULL && user_renderer[0] != '\0')
    return NULL;

  if (gl_renderer == NULL || trib_renderer_is_software (gl_renderer))
    return "cairo";

  return NULL;
}

/**
 * trib_renderer_has_gpu_device:
 * @dev_dir: where device nodes are, "/dev"
 *
 * Returns: whether a GPU could draw for this process: a DRM node (Mesa's
 *   drivers, NVIDIA's with its DRM module) or NVIDIA's own control node.
 *   Off Linux, %TRUE: GL is asked instead.
 */
gboolean
trib_renderer_has_gpu_device (const char *dev_dir)
{
#ifdef __linux__
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autofree char *nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!(dir = g_dir_open (dri, 0, NULL)))
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;

  return FALSE;
#else
  return TRUE;
#endif
}

/* GDK_DEBUG as the user gave it, while trib_renderer_prepare() has it
 * say gl-disable.
 */
static gboolean gdk_debug_changed;
static char *user_gdk_debug;

/**
 * trib_renderer_prepare:
 *
 * Before GTK starts (gtk_init()), in main(): without a GPU device and
 * without a GSK_RENDERER of the user's, keeps GDK from loading GL, and
 * GTK then draws with cairo. Once GTK has started,
 * trib_renderer_restore_environment() puts the variable back.
 */
void
trib_renderer_prepare (void)
{
  const char *user_renderer = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if ((user_renderer != NULL && user_renderer[0] != '\0') || trib_renderer_has_gpu_device ("/dev"))
    return;

  flags = debug != NULL && debug[0] != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  if (!gdk_debug_changed)
    {
      user_gdk_debug = g_strdup (debug);
      gdk_debug_changed = TRUE;
    }
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

/**
 * trib_renderer_restore_environment:
 *
 * Once GTK has started (gtk_init() read GDK_DEBUG and opened the
 * display), in main() while it is the only thread: puts GDK_DEBUG back
 * as the user gave it. The programs Tributary starts (the demo's
 * simulator, a browser for a link) inherit the environment: gl-disable
 * is this process's choice for its own windows, not theirs to make, and
 * other toolkits read the variable differently.
 */
void
trib_renderer_restore_environment (void)
{
  if (!gdk_debug_changed)
    return;

  if (user_gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", user_gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&user_gdk_debug, g_free);
  gdk_debug_changed = FALSE;
}

/* GDK 4.8 on X11 opens its GL display when it opens the display, to
 * choose the windows' visual: a context of our own to read the renderer
 * costs a few milliseconds, and loads nothing GTK did not load already.
 */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  char *result;

  if (!gdk_display_prepare_gl (display, &error) ||
      !(context = gdk_display_create_gl_context (display, &error)) ||
      !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No GL to choose a renderer by: %s", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (renderer);
  gdk_gl_context_clear_current ();

  return result;
}

/**
 * trib_renderer_apply:
 * @display: the display, before any of its windows is realised
 *
 * Asks GTK for the cairo renderer on @display when its GL is software
 * and the user did not set GSK_RENDERER.
 *
 * Returns: (nullable): the renderer asked for, %NULL when GTK chooses
 */
const char *
trib_renderer_apply (GdkDisplay *display)
{
  const char *user_renderer = g_getenv ("GSK_RENDERER");
  g_autofree char *gl_renderer = NULL;
  const char *choice;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* Without asking GL, which is what the user's choice may avoid. */
  if (user_renderer != NULL && user_renderer[0] != '\0')
    return NULL;

  gl_renderer = dup_gl_renderer (display);
  choice = trib_renderer_choose (user_renderer, gl_renderer);
  g_debug ("GL renderer %s: %s", gl_renderer != NULL ? gl_renderer : "none",
           choice != NULL ? choice : "GTK's choice");
  if (choice != NULL)
    g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup (choice), g_free);

  return choice;
}
