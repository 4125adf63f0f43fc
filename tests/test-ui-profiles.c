/* test-ui-profiles.c
 *
 * Two saved profiles on tributary-sim, one with every sandbox and one
 * limited to two: choosing the other profile from the sidebar's profile
 * menu signs in again and every view follows; the demo platform joins
 * the menu while it runs, and going back to it keeps what it was.
 * Preferences lists the profiles and adds one.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-preferences-window.h"
#include "trib-profile-dialog.h"
#include "trib-test-sim.h"
#include "trib-ui-test.h"
#include "trib-window.h"

/* The simulator's second client in the demo organization, which may use
 * only the dev and qa sandboxes (tests/simulator/world/orgs.json).
 */
#define LIMITED_CLIENT_ID "973d8d118dd1a8565290ab21d280cddc"
#define LIMITED_CLIENT_SECRET "p8e-LimitedClientSimDemoNotSecret003"
#define LIMITED_TECHNICAL_ACCOUNT "066E893D5AC59A231807E5A6@techacct.adobe.com"
#define LIMITED_SCOPES "openid,AdobeID,read_organizations"

typedef struct
{
  TribWindow *window;
  const char *profile_id;
} SessionFor;

static gboolean
session_ready_for (gpointer data)
{
  SessionFor *wanted = data;
  TribSession *session = trib_window_get_session (wanted->window);

  return trib_ui_test_session_ready (wanted->window) &&
         g_str_equal (trib_profile_get_id (trib_session_get_profile (session)), wanted->profile_id);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  trib_secret_store_store_finish (TRIB_SECRET_STORE (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static TribProfile *
add_profile (TribApplication *app,
             TribTestSim     *sim,
             const char      *id,
             const char      *name,
             const char      *client_id,
             const char      *client_secret,
             const char      *technical_account_id,
             const char      *scopes)
{
  g_autoptr(TribProfile) profile = trib_profile_new (id);
  gboolean stored = FALSE;

  trib_profile_set_name (profile, name);
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, client_id);
  trib_profile_set_technical_account_id (profile, technical_account_id);
  trib_profile_set_scopes (profile, scopes);
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);
  trib_profile_store_add (trib_application_get_profile_store (app), profile);

  trib_secret_store_store_async (trib_application_get_secret_store (app), id, TRIB_SECRET_KIND_CLIENT_SECRET,
                                 name, client_secret, NULL, stored_cb, &stored);
  trib_ui_test_iterate_until (is_true, &stored, 10);

  return profile;
}

static gboolean
menu_has_profile (GMenuModel *menu,
                  const char *name,
                  const char *id)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GVariant) target = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      if (g_strcmp0 (label, name) == 0 && target != NULL && g_str_equal (g_variant_get_string (target, NULL), id))
        return TRUE;
    }

  return FALSE;
}

/* The sidebar's header: a menu button labelled with the profile in use,
 * whose menu holds the profiles.
 */
static GtkMenuButton *
find_profile_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Switch Profile") == 0)
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_profile_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_inside (GtkWidget  *widget,
              const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_inside (child, text))
      return TRUE;

  return FALSE;
}

/* The profile in use shows in the sidebar's header, whose menu lists
 * every profile.
 */
static void
assert_profile_shown (TribWindow *window,
                      const char *name,
                      const char *id)
{
  GtkMenuButton *button = find_profile_button (GTK_WIDGET (window));
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (label_inside (GTK_WIDGET (button), name));

  menu = gtk_menu_button_get_menu_model (button);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_true (menu_has_profile (section, name, id));
}

static gboolean
demo_ready (gpointer data)
{
  TribWindow *window = data;

  return trib_ui_test_session_ready (window) &&
         trib_profile_get_ephemeral (trib_session_get_profile (trib_window_get_session (window)));
}

static gboolean
profile_dialog_open (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, NULL) != NULL;
}

/* The + of the Profiles group: the button of app.new-profile. */
static GtkWidget *
find_add_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "app.new-profile") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_add_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
preferences_open (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_PREFERENCES_WINDOW, NULL) != NULL;
}

static void
test_switch_profile (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) state = NULL;
  GMenuModel *menu;
  TribWindow *window;
  TribSession *session;
  GListModel *sandboxes;
  GtkWidget *title;
  GtkWidget *preferences;
  GtkLabel *org_label;
  GtkWidget *add;
  GtkWindow *dialog;
  TribSession *demo_session;
  SessionFor wanted;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The test bus has no keyring: keep the secrets in memory, as a user
   * without one would after saying yes.
   */
  trib_secret_store_set_session_only (trib_application_get_secret_store (app), TRUE);
  add_profile (app, sim, "everything", "Data Engineering", sim->client_id, sim->client_secret,
               sim->technical_account_id, sim->scopes);
  add_profile (app, sim, "limited", "Limited Client", LIMITED_CLIENT_ID, LIMITED_CLIENT_SECRET,
               LIMITED_TECHNICAL_ACCOUNT, LIMITED_SCOPES);

  /* Each saved profile is a radio item of the primary menu. */
  menu = trib_application_get_profiles_menu (app);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (menu_has_profile (menu, "Data Engineering", "everything"));
  g_assert_true (menu_has_profile (menu, "Limited Client", "limited"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("everything"));
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (GTK_WIDGET (window), 1200, 760);

  wanted = (SessionFor) { window, "everything" };
  trib_ui_test_iterate_until (session_ready_for, &wanted, 30);
  session = trib_window_get_session (window);
  g_assert_cmpuint (g_list_model_get_n_items (trib_session_get_sandboxes (session)), >, 2);

  title = trib_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), "Data Engineering"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "use-profile");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "everything");
  g_clear_pointer (&state, g_variant_unref);
  assert_profile_shown (window, "Data Engineering", "everything");
  g_assert_true (menu_has_profile (menu, "Limited Client", "limited"));

  /* Switching signs in with the other client: its sandboxes only, and
   * the header says whose they are.
   */
  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("limited"));
  wanted = (SessionFor) { window, "limited" };
  trib_ui_test_iterate_until (session_ready_for, &wanted, 30);
  trib_ui_test_settle ();

  session = trib_window_get_session (window);
  sandboxes = trib_session_get_sandboxes (session);
  g_assert_cmpuint (g_list_model_get_n_items (sandboxes), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);
      const char *name = trib_sandbox_get_name (sandbox);

      g_assert_true (g_str_equal (name, "dev") || g_str_equal (name, "qa"));
    }
  g_assert_cmpstr (trib_platform_client_get_sandbox (trib_session_get_client (session)), ==,
                   trib_sandbox_get_name (trib_session_get_sandbox (session)));

  title = trib_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), "Limited Client"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "use-profile");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "limited");
  assert_profile_shown (window, "Limited Client", "limited");

  trib_ui_test_save_screenshot (GTK_WIDGET (window), "profile-limited-wide-light.png");
  gtk_menu_button_popup (find_profile_button (GTK_WIDGET (window)));
  trib_ui_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (find_profile_button (GTK_WIDGET (window)))),
                                "profile-menu-light.png");
  gtk_menu_button_popdown (find_profile_button (GTK_WIDGET (window)));

  /* The sandbox is remembered per profile: work in qa, go away and come
   * back, and qa is still the one in use.
   */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), "qa"))
        trib_session_set_sandbox (session, sandbox);
    }
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "qa");

  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("everything"));
  wanted = (SessionFor) { window, "everything" };
  trib_ui_test_iterate_until (session_ready_for, &wanted, 30);
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (trib_window_get_session (window))), ==, "prod");

  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("limited"));
  wanted = (SessionFor) { window, "limited" };
  trib_ui_test_iterate_until (session_ready_for, &wanted, 30);
  session = trib_window_get_session (window);
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, "qa");
  g_assert_cmpstr (trib_platform_client_get_sandbox (trib_session_get_client (session)), ==, "qa");

  /* The demo platform joins the menu while it runs; going back to it
   * after another profile finds it as it was, not started again.
   */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  trib_ui_test_iterate_until (demo_ready, window, 60);
  demo_session = g_object_ref (trib_window_get_session (window));
  assert_profile_shown (window, trib_profile_get_name (trib_session_get_profile (demo_session)), "");
  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("everything"));
  wanted = (SessionFor) { window, "everything" };
  trib_ui_test_iterate_until (session_ready_for, &wanted, 30);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  trib_ui_test_settle ();
  g_assert_true (trib_window_get_session (window) == demo_session);
  g_assert_null (trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string ("limited"));
  trib_ui_test_settle ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "use-profile", g_variant_new_string (""));
  trib_ui_test_settle ();
  g_assert_true (trib_window_get_session (window) == demo_session);

  /* Preferences lists the saved profiles, and its + adds one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  trib_ui_test_iterate_until (preferences_open, NULL, 10);
  preferences = GTK_WIDGET (trib_ui_test_find_toplevel (TRIB_TYPE_PREFERENCES_WINDOW, NULL));
  trib_ui_test_settle ();
  g_assert_nonnull (trib_ui_test_find_row (preferences, "Data Engineering"));
  g_assert_nonnull (trib_ui_test_find_row (preferences, "Limited Client"));
  /* The organization ID wraps, when it must, without a hyphen inserted. */
  org_label = trib_ui_test_find_any_label (preferences, sim->org_id);
  g_assert_nonnull (org_label);
  g_assert_false (trib_ui_test_label_hyphenated (org_label));
  trib_ui_test_save_screenshot (preferences, "preferences-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (preferences, "preferences-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  add = find_add_button (preferences);
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  trib_ui_test_iterate_until (profile_dialog_open, NULL, 10);
  dialog = trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, NULL);
  /* Clicked again (as GTK 4.8 does for one AT-SPI click): still one. */
  g_signal_emit_by_name (add, "clicked");
  trib_ui_test_settle ();
  g_assert_null (trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, dialog));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_clear_object (&demo_session);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/switch-profile", test_switch_profile);

  return g_test_run ();
}
