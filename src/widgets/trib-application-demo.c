/* trib-application-demo.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The local demo platform: started on demand, signed in to, gone back to
 * as it was, and started afresh only when asked.
 */

#define G_LOG_DOMAIN "trib-application"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-application-private.h"

static void
demo_signed_in_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TribApplication) self = user_data;
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (!(session = trib_sign_in_run_finish (TRIB_SIGN_IN (object), result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      trib_demo_platform_stop (self->demo);
      g_clear_object (&self->demo);
      trib_window_show_error (_trib_application_get_window (self), _("The demo platform could not be opened"), error);
      return;
    }

  g_set_object (&self->demo_session, session);
  _trib_application_profiles_changed (self);
  trib_application_use_session (self, session);
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TribApplication) self = user_data;
  g_autoptr(TribDemoPlatform) demo = NULL;
  g_autoptr(GError) error = NULL;

  if (!(demo = trib_demo_platform_start_finish (result, &error)))
    {
      trib_window_show_error (_trib_application_get_window (self), _("The demo platform could not be opened"), error);
      return;
    }

  g_set_object (&self->demo, demo);
  trib_sign_in_run_async (self->sign_in, trib_demo_platform_get_profile (demo),
                          trib_demo_platform_get_client_secret (demo), TRIB_SIGN_IN_NONE,
                          self->cancellable, demo_signed_in_cb, g_object_ref (self));
}

static void
start_demo (TribApplication *self)
{
  if (self->demo != NULL)
    trib_demo_platform_stop (self->demo);
  g_clear_object (&self->demo);
  g_clear_object (&self->demo_session);
  _trib_application_profiles_changed (self);

  trib_window_show_connecting (_trib_application_get_window (self), _("Starting the demo platform…"));
  trib_demo_platform_start_async (self->cancellable, demo_started_cb, g_object_ref (self));
}

static void
restart_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TribApplication  *self)
{
  if (g_strcmp0 (response, "restart") == 0)
    start_demo (self);
}

/**
 * trib_application_open_demo:
 * @self: a #TribApplication
 * @parent: (nullable): the window asking
 *
 * Starts the local demo platform and signs in to it. If it runs already,
 * goes back to it as it was; if it is the one in use, asks before
 * starting it again, which throws away what was made in it.
 */
void
trib_application_open_demo (TribApplication *self,
                            GtkWindow       *parent)
{
  TribWindow *window;
  AdwMessageDialog *dialog;

  g_return_if_fail (TRIB_IS_APPLICATION (self));

  if (self->demo == NULL || self->demo_session == NULL)
    {
      start_demo (self);
      return;
    }

  window = _trib_application_get_window (self);
  if (trib_window_get_session (window) != self->demo_session)
    {
      trib_application_use_session (self, self->demo_session);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent != NULL ? parent : GTK_WINDOW (window),
                                                       _("Restart the Demo Platform?"), NULL));
  adw_message_dialog_set_body (dialog, _("The demo platform is already open. Starting it again puts back its original data: the schemas, datasets and tables made in it since it started are lost."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restart", _("_Restart"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restart", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restart_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
