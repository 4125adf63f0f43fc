/* bench-bare-window.c
 *
 * The anchor of `BENCH start`: the least a libadwaita application can
 * show, an AdwApplication presenting an AdwApplicationWindow of
 * Tributary's default size with a header bar and a label. Like
 * Tributary with TRIBUTARY_BENCH_FIRST_FRAME set, it prints
 * "first-frame <g_get_monotonic_time ()>" on stdout when its first frame
 * has been painted, stays idle two seconds so its memory can be read,
 * and quits. Its renderer is chosen as Tributary chooses its own
 * (trib-renderer.c), so that both draw the same way.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "trib-renderer.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_timeout_add_seconds (2, quit_cb, user_data);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
startup_cb (GApplication *app)
{
  trib_renderer_apply (gdk_display_get_default ());
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Bare window");

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  trib_renderer_prepare ();
  app = adw_application_new ("io.github.tributary.Tributary.BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
