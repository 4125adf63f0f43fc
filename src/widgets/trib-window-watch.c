/* trib-window-watch.c
 *
 * Failing dataflows, seen from anywhere in the window (issue 14): the
 * window keeps a TribFlowWatcher on its session's sandbox, active only
 * while the window is mapped and not minimized (the watcher itself knows
 * no widget), shows the failing count as a badge on the sidebar's
 * "dataflows" row (its accessible label says it too), and a toast when a
 * flow's new run fails: View goes to the flow, and a run whose source
 * credentials were refused (`CONNECTOR-1001-401`) goes straight to
 * Update Credentials on its account.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-service-entities.h"
#include "trib-flow-service-flows.h"
#include "trib-toast.h"
#include "trib-window-private.h"

/* The code of a run whose source refused its credentials (§A9, §F 2). */
#define EXPIRED_CREDENTIALS "CONNECTOR-1001-401"

static GtkListBoxRow *
find_row (TribWindow *self,
          const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

/* The badge goes at the end of the row's box, once there is a row. */
static void
update_badge (TribWindow *self)
{
  GtkListBoxRow *row = find_row (self, "dataflows");
  guint n_failing = self->flow_watcher != NULL ? trib_flow_watcher_get_n_failing (self->flow_watcher) : 0;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  GtkWidget *box;

  if (row == NULL || !GTK_IS_BOX (box = gtk_list_box_row_get_child (row)))
    return;

  if (self->failing_badge == NULL)
    {
      self->failing_badge = gtk_label_new (NULL);
      gtk_widget_set_name (self->failing_badge, "failing-badge");
      gtk_widget_set_hexpand (self->failing_badge, TRUE);
      gtk_widget_set_halign (self->failing_badge, GTK_ALIGN_END);
      gtk_widget_set_valign (self->failing_badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->failing_badge, "failing-badge");
      gtk_widget_add_css_class (self->failing_badge, "numeric");
      /* The row's label says it: the badge is not read twice. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->failing_badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), self->failing_badge);
    }

  count = g_strdup_printf ("%u", n_failing);
  gtk_label_set_label (GTK_LABEL (self->failing_badge), count);
  gtk_widget_set_visible (self->failing_badge, n_failing > 0);
  if (n_failing > 0)
    /* Translators: the sidebar row of the Dataflows page, with how many fail */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dataflows, %u failing", "Dataflows, %u failing",
                                          n_failing), n_failing);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Dataflows"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), label);
}

static const TribFlowRunError *
find_error (TribFlowRun *run,
            const char  *code)
{
  GPtrArray *errors = run != NULL ? trib_flow_run_get_errors (run) : NULL;

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const TribFlowRunError *error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (error->code, code) == 0)
        return error;
    }

  return NULL;
}

static void
flow_failed_cb (TribWindow  *self,
                TribFlow    *flow,
                TribFlowRun *run)
{
  g_autofree char *escaped = g_markup_escape_text (trib_flow_get_name (flow), -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (find_error (run, EXPIRED_CREDENTIALS) != NULL)
    {
      /* Translators: %s is a dataflow's name; its source refused the credentials */
      title = g_strdup_printf (_("Dataflow “%s” failed: its credentials were refused"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Update Credentials"));
      adw_toast_set_action_name (toast, "win.update-flow-credentials");
      /* What the user can repair at once goes before the rest. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  else
    {
      /* Translators: %s is a dataflow's name */
      title = g_strdup_printf (_("Dataflow “%s” failed"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_View"));
      adw_toast_set_action_name (toast, "win.show-flow");
    }
  adw_toast_set_action_target_value (toast, g_variant_new_string (trib_flow_get_id (flow)));
  adw_toast_set_timeout (toast, 10);
  trib_toast_show (GTK_WIDGET (self->toast_overlay), toast);
}

static void
update_active (TribWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  gboolean minimized = GDK_IS_TOPLEVEL (surface) &&
                       (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0;

  if (self->flow_watcher != NULL)
    trib_flow_watcher_set_active (self->flow_watcher,
                                  gtk_widget_get_mapped (GTK_WIDGET (self)) && !minimized &&
                                  self->session != NULL && trib_session_get_sandbox (self->session) != NULL);
}

static void
realize_cb (TribWindow *self)
{
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "notify::state", G_CALLBACK (update_active),
                           self, G_CONNECT_SWAPPED);
}

/**
 * _trib_window_watch_init:
 *
 * Follows whether the window is in view.
 */
void
_trib_window_watch_init (TribWindow *self)
{
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (update_active), NULL);
  g_signal_connect_after (self, "unmap", G_CALLBACK (update_active), NULL);
}

/**
 * _trib_window_watch_session:
 *
 * The session or its sandbox changed: the watcher follows, learning the
 * new sandbox's failing flows afresh.
 */
void
_trib_window_watch_session (TribWindow *self)
{
  TribPlatformClient *client = self->session != NULL ? trib_session_get_client (self->session) : NULL;
  TribSandbox *sandbox = self->session != NULL ? trib_session_get_sandbox (self->session) : NULL;
  const char *sandbox_name = sandbox != NULL ? trib_sandbox_get_name (sandbox) : NULL;
  /* Between two readings of the sandboxes there may be none for a moment:
   * that is not another sandbox.
   */
  gboolean same_sandbox = sandbox_name == NULL || g_strcmp0 (sandbox_name, self->watched_sandbox) == 0;

  if (self->flow_watcher != NULL && trib_flow_watcher_get_client (self->flow_watcher) != client)
    _trib_window_watch_dispose (self);
  /* The sandboxes read again keep the one shown: nothing to learn again. */
  if (sandbox_name != NULL)
    {
      g_free (self->watched_sandbox);
      self->watched_sandbox = g_strdup (sandbox_name);
    }

  if (client != NULL && self->flow_watcher == NULL)
    {
      self->flow_watcher = trib_flow_watcher_new (client);
      g_signal_connect_object (self->flow_watcher, "notify::n-failing", G_CALLBACK (update_badge), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->flow_watcher, "flow-failed", G_CALLBACK (flow_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if (self->flow_watcher != NULL && !same_sandbox)
    {
      trib_flow_watcher_restart (self->flow_watcher);
    }

  update_active (self);
  update_badge (self);
}

void
_trib_window_watch_dispose (TribWindow *self)
{
  if (self->flow_watcher != NULL)
    {
      trib_flow_watcher_set_active (self->flow_watcher, FALSE);
      g_signal_handlers_disconnect_by_data (self->flow_watcher, self);
    }
  g_clear_object (&self->flow_watcher);
  g_clear_pointer (&self->watched_sandbox, g_free);
}

/**
 * trib_window_get_flow_watcher:
 * @self: a #TribWindow
 *
 * Returns: (transfer none) (nullable): the watcher of the session's
 *   failing dataflows
 */
TribFlowWatcher *
trib_window_get_flow_watcher (TribWindow *self)
{
  g_return_val_if_fail (TRIB_IS_WINDOW (self), NULL);

  return self->flow_watcher;
}

/* The account of the flow's source: flow → source connection → its
 * base connection, then its page, its credentials first.
 */
static void
source_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribWindow) self = user_data;
  g_autoptr(TribSourceConnection) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *account_id;

  source = trib_flow_service_get_source_connection_finish (result, &error);
  if (source == NULL || (account_id = trib_source_connection_get_base_connection_id (source)) == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        trib_window_add_toast (self, error->message);
      return;
    }

  trib_window_show_page (self, "accounts");
  trib_accounts_page_show_credentials (self->accounts_page, account_id);
}

static void
flow_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TribWindow) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (flow == NULL || self->session == NULL || trib_flow_get_source_connection_id (flow) == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        trib_window_add_toast (self, error->message);
      return;
    }

  trib_flow_service_get_source_connection_async (trib_session_get_client (self->session),
                                                 trib_flow_get_source_connection_id (flow), NULL, source_cb,
                                                 g_object_ref (self));
}

static void
update_flow_credentials_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  if (self->session == NULL)
    return;

  trib_flow_service_get_flow_async (trib_session_get_client (self->session), g_variant_get_string (param, NULL), NULL,
                                    flow_cb, g_object_ref (self));
}

/* The flow's details on the Dataflows page, its last run's errors in view. */
static void
show_flow_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "dataflows");
  trib_flows_page_show_flow (self->flows_page, g_variant_get_string (param, NULL));
}

void
_trib_window_watch_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.update-flow-credentials", "s", update_flow_credentials_action);
  gtk_widget_class_install_action (widget_class, "win.show-flow", "s", show_flow_action);
}
