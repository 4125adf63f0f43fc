/* trib-atspi-test-input.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Acting on the application as a user of assistive technology does:
 * actions of its nodes, focus, and keys typed through the X server.
 */

#include <string.h>

#include "trib-atspi-test.h"

void
trib_atspi_test_do_action (AtspiAccessible *accessible,
                           const char      *action)
{
  g_autoptr(AtspiAction) iface = atspi_accessible_get_action_iface (accessible);
  g_autofree char *what = trib_atspi_test_describe (accessible);
  g_autoptr(GError) error = NULL;
  int n;

  if (iface == NULL)
    g_error ("%s has no actions", what);

  n = atspi_action_get_n_actions (iface, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = atspi_action_get_action_name (iface, i, NULL);

      if (action == NULL || g_strcmp0 (name, action) == 0)
        {
          atspi_action_do_action (iface, i, &error);
          g_assert_no_error (error);
          return;
        }
    }

  g_error ("%s has no action '%s'", what, action != NULL ? action : "(any)");
}

gboolean
trib_atspi_test_grab_focus (AtspiAccessible *accessible)
{
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (accessible);

  return component != NULL && atspi_component_grab_focus (component, NULL);
}

static char *
run_xdotool (const char * const *argv,
             gboolean            check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (check && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed", argv[0], argv[1]);

  return g_steal_pointer (&out);
}

/* Without a window manager under Xvfb nothing moves the X focus to the
 * app: give it to the app's newest visible window unless one of its
 * windows has it already (a dialog the app presented).
 */
static void
focus_app_window (TribAtspiApp *app)
{
  g_autofree char *pid = g_strdup_printf ("%d", trib_atspi_test_app_pid (app));
  g_autofree char *windows = NULL;
  g_autofree char *focused = NULL;
  g_auto(GStrv) ids = NULL;
  guint n;

  trib_atspi_test_assert_alive (app);
  windows = run_xdotool ((const char * const []) { "xdotool", "search", "--onlyvisible", "--pid", pid, NULL }, FALSE);
  focused = run_xdotool ((const char * const []) { "xdotool", "getwindowfocus", NULL }, FALSE);
  ids = g_strsplit (g_strstrip (windows), "\n", -1);
  n = g_strv_length (ids);
  if (n == 0 || ids[0][0] == '\0')
    g_error ("The application has no visible X window to type into");
  if (g_strv_contains ((const char * const *) ids, g_strstrip (focused)))
    return;

  g_free (run_xdotool ((const char * const []) { "xdotool", "windowfocus", "--sync", ids[n - 1], NULL }, TRUE));
}

void
trib_atspi_test_press_key (TribAtspiApp *app,
                           const char   *keys)
{
  g_auto(GStrv) argv = NULL;
  g_autofree char *command = g_strdup_printf ("xdotool key --clearmodifiers %s", keys);

  focus_app_window (app);
  argv = g_strsplit (command, " ", -1);
  g_free (run_xdotool ((const char * const *) argv, TRUE));
}

void
trib_atspi_test_type_text (TribAtspiApp *app,
                           const char   *text)
{
  focus_app_window (app);
  g_free (run_xdotool ((const char * const []) { "xdotool", "type", "--clearmodifiers", "--delay", "20", "--", text, NULL },
                       TRUE));
}
