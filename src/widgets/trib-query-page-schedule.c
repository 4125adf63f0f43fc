/* trib-query-page-schedule.c
 *
 * Schedule…: the statement under the cursor, or the selection, of the
 * selected tab made a scheduled query (trib-schedule-dialog.c), on the
 * database the tab runs on. Once scheduled, a toast offers to show it
 * on the Schedules page.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-query-page-private.h"
#include "trib-schedule-dialog.h"
#include "trib-toast.h"

static void
scheduled_cb (TribQueryPage *self,
              const char    *schedule_id)
{
  AdwToast *toast = adw_toast_new (_("Query scheduled"));

  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-schedule");
  adw_toast_set_action_target_value (toast, g_variant_new_string (schedule_id));
  trib_toast_show (GTK_WIDGET (self), toast);
}

void
_trib_query_page_schedule_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  g_autofree char *statement = NULL;
  g_autofree char *database = NULL;
  TribScheduleDialog *dialog;
  int offset = 0;

  if (tab == NULL || session == NULL || !(database = trib_query_tab_dup_database (tab)))
    return;

  statement = trib_query_editor_dup_current_statement (trib_query_tab_get_editor (tab), &offset);
  if (statement == NULL || g_strstrip (statement)[0] == '\0')
    {
      _trib_query_page_toast (self, _("There is no statement to schedule: write one first."));
      return;
    }

  dialog = trib_schedule_dialog_new (trib_session_get_client (session), database, statement);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (scheduled_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
