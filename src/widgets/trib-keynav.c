/* trib-keynav.c
 *
 * Keyboard navigation shared by the pages' lists and tables.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-keynav.h"

/**
 * trib_keynav_leave:
 * @widget: a widget that has the focus, or holds it
 * @direction: %GTK_DIR_TAB_FORWARD or %GTK_DIR_TAB_BACKWARD
 *
 * Moves the focus out of @widget to the next (or previous) focusable
 * widget of the window. For as long as the window looks for it, @widget
 * takes no focus, so the search steps over all it holds (rows, the
 * lines of an editor) as over one widget; it wraps around the window as
 * Tab does.
 */
void
trib_keynav_leave (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  g_autoptr(GtkWidget) focus = NULL;
  GtkRoot *root;
  gboolean could_focus;
  gboolean moved;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!(root = gtk_widget_get_root (widget)))
    return;

  g_set_object (&focus, gtk_root_get_focus (root));
  could_focus = gtk_widget_get_can_focus (widget);
  gtk_widget_set_can_focus (widget, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (widget, could_focus);

  /* Nothing else takes focus: stay where we were. */
  if (!moved && focus != NULL)
    gtk_widget_grab_focus (focus);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *list)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return GDK_EVENT_PROPAGATE;

  /* Alt+Tab is the desktop's; Ctrl+Tab leaves too, as from a text view. */
  if (state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return GDK_EVENT_PROPAGATE;

  trib_keynav_leave (list, (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? GTK_DIR_TAB_BACKWARD
                                                                                      : GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_STOP;
}

/**
 * trib_keynav_single_tab_stop:
 * @list: a list, a table, or a widget holding one (a preferences group)
 *
 * Makes @list one Tab stop, as GTK's lists are not: each row (each cell
 * of a column view) would be one, and a table of a hundred rows would
 * take a hundred presses to get past. Tab lands in @list where its own
 * focus handling puts it (a list box's selected row, a list view's last
 * focused row, else the first); the arrow keys move inside it; Tab and
 * Shift+Tab leave it, from any row.
 */
void
trib_keynav_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "trib-keynav-tab");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), list);
  gtk_widget_add_controller (list, keys);
}
