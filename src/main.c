/* main.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "trib-application.h"
#include "trib-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) app = NULL;
  const char *localedir;

  /* Run from the build tree (meson devenv, build-aux/run-demo.sh), the
   * translations are where the build compiled them, not installed yet.
   */
  localedir = g_getenv ("TRIBUTARY_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before GTK starts: whether it loads GL at all. */
  trib_renderer_prepare ();
  /* GTK starts here rather than in the application's startup, while this
   * is the only thread, so that the environment can be given back as the
   * user set it to the programs Tributary starts.
   */
  if (gtk_init_check ())
    trib_renderer_restore_environment ();

  app = trib_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
