/* trib-ui-test-input.c
 *
 * Input as a person gives it: keys and clicks through the X server
 * (xdotool), and the clipboard.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "trib-ui-test.h"

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Once the X server has answered a round trip, every event it sent
 * before (those of the keys xdotool typed) is in GDK's hands: handle
 * them. An animation always has another frame ready, so the count of
 * iterations is bounded rather than waiting for none to be.
 */
static void
handle_pending_events (GtkWidget *window)
{
  gdk_display_sync (gtk_widget_get_display (window));
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * trib_ui_test_press_keys:
 * @keys: xdotool key names, e.g. `ctrl+Return`
 *
 * Types on the X server's keyboard into @window, as a person would:
 * the keys go through GTK's real input path, shortcuts included. When it
 * returns, GTK has handled them.
 */
void
trib_ui_test_press_keys (GtkWidget  *window,
                         const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "windowfocus", (char *) "--sync", xid, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  trib_ui_test_iterate_until (is_active, window, 10);
  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "key", (char *) "--clearmodifiers", (char *) keys, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  handle_pending_events (window);
}

/**
 * trib_ui_test_click:
 * @widget: a mapped widget of @window
 * @x: where to click, in @widget's coordinates
 * @y: where to click, in @widget's coordinates
 *
 * Clicks with the X server's pointer, as a person would.
 *
 * Through XTEST: the click has no `--window`, with which xdotool would
 * send a synthetic event (XSendEvent) that GTK 4, reading the pointer
 * through XInput2, ignores: a header clicked that way does not sort, in
 * a bare GtkColumnView as in ours.
 */
void
trib_ui_test_click (GtkWidget *window,
                    GtkWidget *widget,
                    double     x,
                    double     y)
{
  trib_ui_test_click_button (window, widget, x, y, 1, NULL);
}

/**
 * trib_ui_test_click_button:
 * @button: 1 for the primary button; 4 and 5 turn the wheel up and down
 * @held_key: (nullable): an xdotool key name held down meanwhile, e.g.
 *   `shift`
 *
 * Clicks as trib_ui_test_click() does, with another button.
 */
void
trib_ui_test_click_button (GtkWidget  *window,
                           GtkWidget  *widget,
                           double      x,
                           double      y,
                           guint       button,
                           const char *held_key)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  double window_x, window_y, offset_x, offset_y;
  int status = -1;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_translate_coordinates (widget, window, x, y, &window_x, &window_y));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &offset_x, &offset_y);

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("mousemove"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup ("--window"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (window_x + offset_x)));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) (window_y + offset_y)));
  if (held_key != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("keydown"));
      g_ptr_array_add (argv, g_strdup (held_key));
    }
  g_ptr_array_add (argv, g_strdup ("click"));
  g_ptr_array_add (argv, g_strdup_printf ("%u", button));
  if (held_key != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("keyup"));
      g_ptr_array_add (argv, g_strdup (held_key));
    }
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  handle_pending_events (window);
}

void
trib_ui_test_click_center (GtkWidget *window,
              GtkWidget *widget)
{
  trib_ui_test_click (window, widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/**
 * trib_ui_test_read_clipboard:
 * @widget: a widget of the display whose clipboard to read
 *
 * Returns: (transfer full): the clipboard's text
 */
char *
trib_ui_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read_cb, &text);
  trib_ui_test_iterate_until (is_set, &text, 10);

  return text;
}
