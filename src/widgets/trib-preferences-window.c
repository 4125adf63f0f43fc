/* trib-preferences-window.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-format.h"
#include "trib-preferences-window.h"

struct _TribPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  TribApplication *application;

  /* Template widgets */
  GtkListBox *profiles_list;
  AdwComboRow *style_row;
  GtkSpinButton *log_size_spin;
};

G_DEFINE_FINAL_TYPE (TribPreferencesWindow, trib_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const style_variants[] = { "default", "light", "dark" };

static gboolean
style_to_row (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_str_equal (style, style_variants[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
row_to_style (const GValue       *value,
              const GVariantType *expected_type,
              gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (style_variants[MIN (selected, G_N_ELEMENTS (style_variants) - 1)]);
}

static void
secret_cleared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!trib_secret_store_clear_finish (TRIB_SECRET_STORE (object), result, &error))
    g_warning ("Could not remove a client secret from the keyring: %s", error->message);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TribProfile      *profile)
{
  TribApplication *app = trib_application_get_default ();

  if (g_strcmp0 (response, "remove") != 0)
    return;

  trib_secret_store_clear_async (trib_application_get_secret_store (app), trib_profile_get_id (profile),
                                 NULL, secret_cleared_cb, NULL);
  trib_profile_store_remove (trib_application_get_profile_store (app), profile);
  trib_application_save_profiles (app);
}

static void
remove_clicked_cb (GtkButton *button,
                   TribProfile *profile)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, NULL, NULL));
  /* Translators: %s is a profile name */
  adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), trib_profile_get_name (profile));
  adw_message_dialog_set_body (dialog, _("The profile and its client secret will be removed from this computer. The credentials themselves stay valid in the Adobe Developer Console."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb),
                         g_object_ref (profile), (GClosureNotify) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_profile_row (gpointer item,
                    gpointer user_data)
{
  TribProfile *profile = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_bind_property (profile, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (profile, "org-id", row, "subtitle", G_BINDING_SYNC_CREATE);
  trib_format_without_hyphens (row);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Profile"));
  g_signal_connect_data (remove, "clicked", G_CALLBACK (remove_clicked_cb),
                         g_object_ref (profile), (GClosureNotify) g_object_unref, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
trib_preferences_window_dispose (GObject *object)
{
  TribPreferencesWindow *self = (TribPreferencesWindow *)object;

  g_clear_object (&self->application);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (trib_preferences_window_parent_class)->dispose (object);
}

static void
trib_preferences_window_class_init (TribPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TribPreferencesWindow, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, TribPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, TribPreferencesWindow, log_size_spin);
}

static void
trib_preferences_window_init (TribPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TribPreferencesWindow *
trib_preferences_window_new (TribApplication *application,
                             GtkWindow       *parent)
{
  TribPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (TRIB_IS_APPLICATION (application), NULL);

  /* As one of the application's windows, the window finds its app.
   * actions (New Profile) and keeps the application running.
   */
  self = g_object_new (TRIB_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       "transient-for", parent,
                       NULL);
  self->application = g_object_ref (application);
  settings = trib_application_get_settings (application);

  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_row, row_to_style, NULL, NULL);
  g_settings_bind (settings, "request-log-size",
                   gtk_spin_button_get_adjustment (self->log_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_list_box_bind_model (self->profiles_list,
                           G_LIST_MODEL (trib_application_get_profile_store (application)),
                           create_profile_row, NULL, NULL);

  return self;
}
