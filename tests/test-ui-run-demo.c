/* test-ui-run-demo.c
 *
 * What build-aux/run-demo.sh relies on when it runs Tributary from the
 * build tree through `meson devenv`, whose variables the tests share:
 * the translations the build compiled, and the application's icons for
 * the About dialog and the start screen, before anything is installed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-application.h"
#include "trib-ui-test.h"
#include "trib-window.h"

/* The built program itself, in French: main.c must bind its text domain
 * to the build tree's translations.
 */
static void
test_binary_speaks_french (void)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "tributary", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  envp = g_environ_setenv (envp, "LANGUAGE", "fr", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char *[]) { binary, (char *) "--help", NULL }, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The --demo option's description, from po/fr.po. */
  g_assert_nonnull (strstr (out, "Ouvrir la plateforme de démonstration locale"));
}

static gboolean
about_open (gpointer data)
{
  return trib_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL;
}

static void
test_about_icon (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *icon = NULL;
  GtkIconTheme *theme;
  GtkWindow *about;
  GtkWidget *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = GTK_WIDGET (trib_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (window, 900, 640);

  /* The start screen, translated, with the application's icon. */
  g_assert_cmpstr (_("Connect to Experience Platform"), ==, "Se connecter à Experience Platform");
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (window));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  trib_ui_test_save_screenshot (window, "start-wide-light-fr.png");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  trib_ui_test_iterate_until (about_open, NULL, 10);
  about = trib_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_object_get (about, "application-icon", &icon, NULL);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_true (gtk_icon_theme_has_icon (theme, icon));
  trib_ui_test_save_screenshot (GTK_WIDGET (about), "about-light-fr.png");

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  /* French, as a French desktop would ask for it; the C locale would
   * make gettext ignore LANGUAGE.
   */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/run-demo/translations", test_binary_speaks_french);
  g_test_add_func ("/tributary/ui/run-demo/about-icon", test_about_icon);

  return g_test_run ();
}
