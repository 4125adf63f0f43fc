/* trib-application-actions.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app.* actions; their shortcuts are set at startup. */

#define G_LOG_DOMAIN "trib-application"

#include "config.h"
#include "build-ident.h"

#include <glib/gi18n.h>

#include "trib-application-private.h"
#include "trib-preferences-window.h"

static void
use_profile_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TribApplication *self = user_data;
  const char *id = g_variant_get_string (param, NULL);
  TribProfile *profile = trib_profile_store_lookup (self->profile_store, id);

  /* Choosing the profile in use signs in again, which is how to retry
   * after fixing what stopped it. The running demo is gone back to as
   * it is.
   */
  if (profile != NULL)
    trib_application_use_profile (self, profile);
  else if (id[0] == '\0' && self->demo_session != NULL)
    trib_application_use_session (self, self->demo_session);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  TribApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them ask about unsaved files, then save
   * their state.
   */
  for (GList *iter = g_list_copy (windows); iter; iter = g_list_delete_link (iter, iter))
    gtk_window_close (iter->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  TribApplication *self = user_data;
  static const char *developers[] = { "The Tributary authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Tributary"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Tributary authors"),
                         "version", PACKAGE_VERSION,
                         "debug-info", TRIB_BUILD_IDENTIFIER,
                         "website", "https://github.com/tributary/tributary",
                         "issue-url", PACKAGE_BUGREPORTS,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "comments", _("A workbench for Adobe Experience Platform"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TribApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  TribPreferencesWindow *window = trib_preferences_window_new (self, parent);

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_profile_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TribApplication *self = user_data;

  trib_application_show_profile_dialog (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  TribApplication *self = user_data;

  trib_application_open_demo (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "new-profile", new_profile_action },
  { "open-demo", open_demo_action },
  { "use-profile", use_profile_action, "s", "\"\"" },
};

void
_trib_application_add_actions (TribApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}
