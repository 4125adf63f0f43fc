/* trib-toast.c
 *
 * The one way to show a toast: from any widget, in the toast overlay
 * around it, said aloud to a screen reader. No page needs to know the
 * window it is in.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-a11y.h"
#include "trib-format.h"
#include "trib-toast.h"

/**
 * trib_toast_show:
 * @from: a widget in a window, or its toast overlay itself
 * @toast: (transfer full): the toast, its title markup
 *
 * Shows @toast in the nearest toast overlay around @from; outside one
 * (a widget not in a window yet) it is dropped.
 */
void
trib_toast_show (GtkWidget *from,
                 AdwToast  *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if ((overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY)) != NULL)
    trib_a11y_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

/**
 * trib_toast_show_message:
 * @from: a widget in a window
 * @message: plain text, an error's message for instance
 *
 * Shows @message as a toast: its first line, as text, not markup.
 */
void
trib_toast_show_message (GtkWidget  *from,
                         const char *message)
{
  g_autofree char *line = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (message != NULL);

  line = trib_format_error_line (message);
  escaped = g_markup_escape_text (line, -1);
  trib_toast_show (from, adw_toast_new (escaped));
}
