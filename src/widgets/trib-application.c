/* trib-application.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-application"

#include "config.h"
#include "build-ident.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "trib-a11y.h"
#include "trib-application-private.h"
#include "trib-demo-platform.h"
#include "trib-error.h"
#include "trib-profile-dialog.h"
#include "trib-renderer.h"
#include "trib-resources.h"
#include "trib-sign-in.h"
#include "trib-util.h"
#include "trib-window.h"

G_DEFINE_FINAL_TYPE (TribApplication, trib_application, ADW_TYPE_APPLICATION)

static void profiles_changed_cb (TribApplication *self);

TribApplication *
trib_application_new (void)
{
  return g_object_new (TRIB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", APP_RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * trib_application_get_default:
 *
 * Returns: (transfer none): the running application
 */
TribApplication *
trib_application_get_default (void)
{
  return TRIB_APPLICATION (g_application_get_default ());
}

static TribWindow *
get_window (TribApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TRIB_IS_WINDOW (window))
    return TRIB_WINDOW (window);

  return trib_window_new (self);
}

TribWindow *
_trib_application_get_window (TribApplication *self)
{
  return get_window (self);
}

static void
save_profiles_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!trib_profile_store_save_finish (TRIB_PROFILE_STORE (object), result, &error))
    g_warning ("Could not save profiles: %s", error->message);
}

/**
 * trib_application_save_profiles:
 * @self: a #TribApplication
 *
 * Writes the profile store in the background.
 */
void
trib_application_save_profiles (TribApplication *self)
{
  g_return_if_fail (TRIB_IS_APPLICATION (self));

  trib_profile_store_save_async (self->profile_store, NULL, save_profiles_cb, NULL);
}

static void
session_sandbox_changed_cb (TribApplication *self,
                            GParamSpec      *pspec,
                            TribSession     *session)
{
  /* The sandbox is remembered per profile; demo profiles are not kept. */
  if (!trib_profile_get_ephemeral (trib_session_get_profile (session)))
    trib_application_save_profiles (self);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Failures show on the session's error state; nothing more to do. */
  if (!trib_session_refresh_finish (TRIB_SESSION (object), result, &error))
    g_debug ("Refreshing the session failed: %s", error->message);
}

/**
 * trib_application_use_session:
 * @self: a #TribApplication
 * @session: a session to work in
 *
 * Makes @session the one every page works in, and lists its sandboxes
 * if that was not done yet.
 */
void
trib_application_use_session (TribApplication *self,
                              TribSession     *session)
{
  TribProfile *profile;

  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (TRIB_IS_SESSION (session));

  profile = trib_session_get_profile (session);
  if (!trib_profile_get_ephemeral (profile))
    g_settings_set_string (self->settings, "last-profile", trib_profile_get_id (profile));
  g_action_group_change_action_state (G_ACTION_GROUP (self), "use-profile",
                                      g_variant_new_string (trib_profile_get_ephemeral (profile)
                                                              ? ""
                                                              : trib_profile_get_id (profile)));

  /* The running demo's session is used again when gone back to. */
  g_signal_handlers_disconnect_by_func (session, session_sandbox_changed_cb, self);
  g_signal_connect_object (session, "notify::sandbox",
                           G_CALLBACK (session_sandbox_changed_cb), self, G_CONNECT_SWAPPED);

  trib_window_set_session (get_window (self), session);

  if (g_list_model_get_n_items (trib_session_get_sandboxes (session)) == 0 &&
      !trib_session_get_loading (session))
    trib_session_refresh_async (session, NULL, refresh_cb, NULL);
}

/* One profile dialog at a time: a second one would hold a second copy
 * of a secret being typed, and GTK 4.8 fires a button's AT-SPI click
 * twice, so a screen reader user would get two.
 */
static TribProfileDialog *
ensure_profile_dialog (TribApplication *self,
                       GtkWindow       *parent)
{
  if (self->profile_dialog == NULL)
    {
      self->profile_dialog = trib_profile_dialog_new (self, parent);
      g_object_add_weak_pointer (G_OBJECT (self->profile_dialog), (gpointer *)&self->profile_dialog);
    }

  return self->profile_dialog;
}

void
trib_application_show_profile_dialog (TribApplication *self,
                                      GtkWindow       *parent)
{
  g_return_if_fail (TRIB_IS_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (ensure_profile_dialog (self, parent)));
}

static void
profile_signed_in_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TribProfile) profile = user_data;
  TribApplication *self = trib_application_get_default ();
  TribSignIn *sign_in = TRIB_SIGN_IN (object);
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (!(session = trib_sign_in_run_finish (sign_in, result, &error)))
    {
      TribProfileDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (trib_sign_in_get_failed_at (sign_in) != TRIB_SIGN_IN_STATE_READING_SECRET)
        {
          trib_window_show_error (get_window (self), _("This profile cannot sign in"), error);
          return;
        }

      /* Without its secret the profile cannot sign in: ask for it, with
       * the rest of the profile filled in.
       */
      dialog = ensure_profile_dialog (self, GTK_WINDOW (get_window (self)));
      trib_profile_dialog_edit_profile (dialog, profile, error);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  trib_application_use_session (self, session);
}

/* The first window shows as soon as it can, and what it opens over itself
 * at startup follows its first frame instead of holding it back.
 */
static void
first_frame_cb (GdkFrameClock   *clock,
                TribApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  self->painted = TRUE;

  if (self->ask_profile)
    {
      self->ask_profile = FALSE;
      trib_application_show_profile_dialog (self, GTK_WINDOW (get_window (self)));
    }
}

static void
profiles_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autofree char *last = NULL;

  if (!trib_profile_store_load_finish (self->profile_store, result, &error))
    {
      trib_window_show_error (get_window (self), _("Your profiles could not be read"), error);
      return;
    }

  last = g_settings_get_string (self->settings, "last-profile");
  if (trib_profile_store_lookup (self->profile_store, last) != NULL)
    profile = g_object_ref (trib_profile_store_lookup (self->profile_store, last));
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->profile_store)) > 0)
    profile = g_list_model_get_item (G_LIST_MODEL (self->profile_store), 0);

  if (profile == NULL && !self->painted)
    {
      self->ask_profile = TRUE;
      return;
    }

  if (profile == NULL)
    {
      trib_application_show_profile_dialog (self, GTK_WINDOW (get_window (self)));
      return;
    }

  trib_application_use_profile (self, profile);
}

/**
 * trib_application_use_profile:
 * @self: a #TribApplication
 * @profile: a saved profile
 *
 * Signs in with @profile, its secret read from the keyring, and makes it
 * the one every page works in.
 */
void
trib_application_use_profile (TribApplication *self,
                              TribProfile     *profile)
{
  g_return_if_fail (TRIB_IS_APPLICATION (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));

  trib_window_show_signing_in (get_window (self), profile);
  trib_sign_in_run_async (self->sign_in, profile, NULL, TRIB_SIGN_IN_NONE, self->cancellable,
                          profile_signed_in_cb, g_object_ref (profile));
}

/* The profile menu lists the saved profiles as radio items of
 * app.use-profile, whose state is the profile in use, and the demo
 * platform while it runs, whose profile is not saved: its id is "".
 */
static void
profiles_changed_cb (TribApplication *self)
{
  GListModel *profiles = G_LIST_MODEL (self->profile_store);
  guint n_items = g_list_model_get_n_items (profiles);

  g_menu_remove_all (self->profiles_menu);

  if (self->demo_session != NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (trib_profile_get_name (trib_session_get_profile (self->demo_session)),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "app.use-profile", g_variant_new_string (""));
      g_menu_append_item (self->profiles_menu, item);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribProfile) profile = g_list_model_get_item (profiles, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (trib_profile_get_name (profile), NULL);

      g_menu_item_set_action_and_target_value (item, "app.use-profile",
                                               g_variant_new_string (trib_profile_get_id (profile)));
      g_menu_append_item (self->profiles_menu, item);
    }
}

void
_trib_application_profiles_changed (TribApplication *self)
{
  profiles_changed_cb (self);
}

/**
 * trib_application_get_profiles_menu:
 * @self: a #TribApplication
 *
 * Returns: (transfer none): a menu section with one item per profile
 */
GMenuModel *
trib_application_get_profiles_menu (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->profiles_menu);
}

static void
trib_application_activate (GApplication *app)
{
  TribApplication *self = TRIB_APPLICATION (app);
  TribWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));

  if (self->started)
    return;

  self->started = TRUE;
  /* Presenting realized it. */
  if (gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
  else
    self->painted = TRUE;

  if (self->open_demo)
    trib_application_open_demo (self, GTK_WINDOW (window));
  else
    trib_profile_store_load_async (self->profile_store, self->cancellable,
                                   profiles_loaded_cb, g_object_ref (self));
}

static gint
trib_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  TribApplication *self = TRIB_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s (%s)\n", "Tributary", PACKAGE_VERSION, TRIB_BUILD_IDENTIFIER);
      return 0;
    }

  if (g_variant_dict_contains (options, "demo"))
    self->open_demo = TRUE;

  return G_APPLICATION_CLASS (trib_application_parent_class)->handle_local_options (app, options);
}

static void
style_variant_changed_cb (TribApplication *self,
                          const char      *key,
                          GSettings       *settings)
{
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (g_strcmp0 (variant, "dark") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (variant, "light") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
request_log_size_changed_cb (TribApplication *self,
                             const char      *key,
                             GSettings       *settings)
{
  trib_request_log_set_max_records (self->request_log,
                                    g_settings_get_uint (settings, "request-log-size"));
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Without its past the history still records what runs from now on. */
  if (!trib_query_history_load_finish (TRIB_QUERY_HISTORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("%s", error->message);
}

static void
trib_application_startup (GApplication *app)
{
  TribApplication *self = TRIB_APPLICATION (app);
  const char *icon_dir;
  const char *style_dir;

  G_APPLICATION_CLASS (trib_application_parent_class)->startup (app);

  /* Before the first window is realised: its renderer is chosen then. */
  trib_renderer_apply (gdk_display_get_default ());

  /* Run from the build tree (meson devenv, build-aux/run-demo.sh), the
   * application's icons are not installed yet: the build copied them,
   * under their installed names, into this folder.
   */
  icon_dir = g_getenv ("TRIBUTARY_ICONDIR");
  if (icon_dir != NULL && icon_dir[0] != '\0')
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icon_dir);

  /* Data Distiller SQL extends GtkSourceView's SQL; it ships in the resources. */
  gtk_source_init ();
  trib_a11y_init ();
  gtk_source_language_manager_append_search_path (gtk_source_language_manager_get_default (),
                                                  "resource://" APP_RESOURCE_PATH "/language-specs/");
  /* The editor's highlighting without text colours (trib-query-editor.c),
   * from the build tree when run from it.
   */
  style_dir = g_getenv ("TRIBUTARY_STYLEDIR");
  gtk_source_style_scheme_manager_append_search_path (gtk_source_style_scheme_manager_get_default (),
                                                      style_dir != NULL && style_dir[0] != '\0'
                                                      ? style_dir : TRIB_STYLEDIR);

  /* Reference the resource bundle so the linker keeps it. */
  g_assert (trib_get_resource () != NULL);

  _trib_application_add_actions (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-profile", (const char *[]) { "<Control><Shift>n", NULL });
  /* What GtkApplication gives a gtk/help-overlay.ui, which trib-window.c
   * builds itself, later.
   */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (style_variant_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::request-log-size",
                           G_CALLBACK (request_log_size_changed_cb), self, G_CONNECT_SWAPPED);
  style_variant_changed_cb (self, NULL, self->settings);

  self->request_log = trib_request_log_new (g_settings_get_uint (self->settings, "request-log-size"));
  self->sign_in = trib_sign_in_new (self->secret_store, self->request_log);

  self->query_history = trib_query_history_new_default ();
  trib_query_history_load_async (self->query_history, self->cancellable, history_loaded_cb, NULL);

  g_signal_connect_object (self->profile_store, "items-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  profiles_changed_cb (self);
}

static void
trib_application_shutdown (GApplication *app)
{
  TribApplication *self = TRIB_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  if (self->demo != NULL)
    trib_demo_platform_stop (self->demo);

  G_APPLICATION_CLASS (trib_application_parent_class)->shutdown (app);
}

static void
trib_application_dispose (GObject *object)
{
  TribApplication *self = (TribApplication *)object;

  g_clear_object (&self->demo_session);
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);
  g_clear_object (&self->profile_store);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->sign_in);
  g_clear_object (&self->request_log);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profiles_menu);
  g_clear_object (&self->query_history);
  g_clear_weak_pointer (&self->profile_dialog);

  G_OBJECT_CLASS (trib_application_parent_class)->dispose (object);
}

static void
trib_application_class_init (TribApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = trib_application_dispose;

  app_class->activate = trib_application_activate;
  app_class->startup = trib_application_startup;
  app_class->shutdown = trib_application_shutdown;
  app_class->handle_local_options = trib_application_handle_local_options;
}

static void
trib_application_init (TribApplication *self)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the local demo platform"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);

  self->profile_store = trib_profile_store_new_default ();
  self->secret_store = trib_secret_store_new ();
  self->cancellable = g_cancellable_new ();
  self->profiles_menu = g_menu_new ();
}

GSettings *
trib_application_get_settings (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->settings;
}

TribProfileStore *
trib_application_get_profile_store (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->profile_store;
}

TribSecretStore *
trib_application_get_secret_store (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->secret_store;
}

TribRequestLog *
trib_application_get_request_log (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->request_log;
}

/**
 * trib_application_get_query_history:
 *
 * Returns: (transfer none): the statements run, kept across restarts
 */
TribQueryHistory *
trib_application_get_query_history (TribApplication *self)
{
  g_return_val_if_fail (TRIB_IS_APPLICATION (self), NULL);

  return self->query_history;
}
