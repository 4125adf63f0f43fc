/* test-ui-profile-dialog.c
 *
 * The profile dialog against tributary-sim, typed into as a user would:
 * a wrong secret, an unknown organization and an unreachable host each
 * get their own message beside the field to fix; right credentials on a
 * system without a keyring offer to keep the secret for the session, and
 * then sign in.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-profile-dialog.h"
#include "trib-secret-row.h"
#include "trib-test-bus.h"
#include "trib-test-sim.h"
#include "trib-ui-test.h"
#include "trib-window.h"

typedef struct
{
  TribTestSim *sim;
  TribApplication *app;
  GtkWidget *dialog;
  GtkRevealer *error_revealer;
} Fixture;

static void
type_into (Fixture    *fixture,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = trib_ui_test_find_row (fixture->dialog, row_title);

  g_assert_nonnull (row);
  if (TRIB_IS_SECRET_ROW (row))
    trib_secret_row_set_secret (TRIB_SECRET_ROW (row), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
row_has_error (Fixture    *fixture,
               const char *row_title)
{
  return gtk_widget_has_css_class (trib_ui_test_find_row (fixture->dialog, row_title), "error");
}

static gboolean
error_shown (gpointer data)
{
  Fixture *fixture = data;

  return gtk_revealer_get_reveal_child (fixture->error_revealer) &&
         gtk_widget_get_sensitive (trib_ui_test_find_button (fixture->dialog, "C_onnect"));
}

static const char *
connect_and_wait_for_error (Fixture *fixture)
{
  GtkWidget *connect = trib_ui_test_find_button (fixture->dialog, "C_onnect");

  gtk_revealer_set_reveal_child (fixture->error_revealer, FALSE);
  g_signal_emit_by_name (connect, "clicked");
  trib_ui_test_iterate_until (error_shown, fixture, 30);

  return gtk_label_get_label (GTK_LABEL (gtk_revealer_get_child (fixture->error_revealer)));
}

static gboolean
keyring_question_shown (gpointer data)
{
  Fixture *fixture = data;

  return trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fixture->dialog)) != NULL;
}

static gboolean
signed_in (gpointer data)
{
  Fixture *fixture = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));

  return TRIB_IS_WINDOW (window) && trib_ui_test_session_ready (window) &&
         g_list_model_get_n_items (G_LIST_MODEL (trib_application_get_profile_store (fixture->app))) == 1;
}

/* Shown, and scrolled into view (its text, at least: the row's frame
 * may end just below).
 */
static gboolean
in_view (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (row) && gtk_widget_compute_bounds (row, scroller, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height * 3 / 4 <= gtk_widget_get_height (scroller);
}

static GtkWidget *
find_back_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Back") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_sign_in_errors (void)
{
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture fixture = { 0 };
  GtkWindow *question;
  TribSession *session;
  TribProfile *saved;
  const char *message;

  fixture.sim = trib_test_sim_start (NULL);
  fixture.app = trib_application_new ();
  g_application_set_flags (G_APPLICATION (fixture.app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture.app), NULL, &error);
  g_assert_no_error (error);

  fixture.dialog = GTK_WIDGET (trib_profile_dialog_new (fixture.app, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture.dialog), 600, 720);
  gtk_window_present (GTK_WINDOW (fixture.dialog));
  trib_ui_test_settle ();
  fixture.error_revealer = trib_ui_test_find_any (fixture.dialog, GTK_TYPE_REVEALER);
  g_assert_nonnull (fixture.error_revealer);
  trib_ui_test_save_screenshot (fixture.dialog, "profile-dialog-choices-light.png");

  /* The choices: Cancel is the way out. */
  g_assert_true (gtk_widget_get_visible (trib_ui_test_find_button (fixture.dialog, "_Cancel")));
  g_assert_false (gtk_widget_get_visible (find_back_button (fixture.dialog)));

  g_signal_emit_by_name (trib_ui_test_find_row (fixture.dialog, "Enter Credentials"), "activated");
  trib_ui_test_settle ();

  /* The form: one way back, to the choices, not two. */
  g_assert_true (gtk_widget_get_visible (find_back_button (fixture.dialog)));
  g_assert_false (gtk_widget_get_visible (trib_ui_test_find_button (fixture.dialog, "_Cancel")));

  type_into (&fixture, "Profile name", "Data Engineering");
  type_into (&fixture, "Organization ID", fixture.sim->org_id);
  type_into (&fixture, "Client ID", fixture.sim->client_id);
  type_into (&fixture, "Technical account ID", fixture.sim->technical_account_id);
  type_into (&fixture, "Scopes", fixture.sim->scopes);
  type_into (&fixture, "IMS URL", fixture.sim->base_url);
  type_into (&fixture, "Platform URL", fixture.sim->base_url);

  /* Nothing to try without a secret. */
  message = connect_and_wait_for_error (&fixture);
  g_assert_nonnull (strstr (message, "Enter the client secret"));
  g_assert_true (row_has_error (&fixture, "Client secret"));

  /* A wrong secret: IMS refuses it. */
  type_into (&fixture, "Client secret", "p8e-NotTheRightSecret");
  message = connect_and_wait_for_error (&fixture);
  g_assert_nonnull (strstr (message, "client secret was refused"));
  g_assert_true (row_has_error (&fixture, "Client secret"));
  g_assert_false (row_has_error (&fixture, "Organization ID"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (fixture.dialog, "profile-dialog-wrong-secret-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* The right secret, with an organization the platform does not know. */
  type_into (&fixture, "Client secret", fixture.sim->client_secret);
  type_into (&fixture, "Organization ID", "0000000000000000DEADBEEF@AdobeOrg");
  message = connect_and_wait_for_error (&fixture);
  g_assert_nonnull (strstr (message, "organization ID"));
  g_assert_true (row_has_error (&fixture, "Organization ID"));
  g_assert_false (row_has_error (&fixture, "Client secret"));

  /* A platform host nobody listens on. */
  type_into (&fixture, "Organization ID", fixture.sim->org_id);
  type_into (&fixture, "Platform URL", "http://127.0.0.1:9");
  message = connect_and_wait_for_error (&fixture);
  g_assert_nonnull (strstr (message, "Experience Platform could not be reached"));
  g_assert_nonnull (strstr (message, "127.0.0.1"));
  g_assert_true (row_has_error (&fixture, "Platform URL"));
  g_assert_false (row_has_error (&fixture, "IMS URL"));

  /* An IMS host nobody listens on: the IMS row is the one to fix, and
   * it is in view.
   */
  type_into (&fixture, "Platform URL", fixture.sim->base_url);
  type_into (&fixture, "IMS URL", "http://127.0.0.1:9");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (trib_ui_test_find_row (fixture.dialog, "Hosts")), FALSE);
  trib_ui_test_settle ();
  message = connect_and_wait_for_error (&fixture);
  g_assert_nonnull (strstr (message, "IMS could not be reached"));
  g_assert_nonnull (strstr (message, "127.0.0.1"));
  g_assert_true (row_has_error (&fixture, "IMS URL"));
  g_assert_false (row_has_error (&fixture, "Platform URL"));
  trib_ui_test_settle ();
  g_assert_true (in_view (trib_ui_test_find_row (fixture.dialog, "IMS URL")));
  trib_ui_test_save_screenshot (fixture.dialog, "profile-dialog-ims-unreachable-light.png");
  type_into (&fixture, "IMS URL", fixture.sim->base_url);

  /* Nothing was saved by any of these attempts. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trib_application_get_profile_store (fixture.app))), ==, 0);

  /* Right at last. The test bus has no keyring: the dialog says so and
   * offers memory for this session; accepting signs in.
   */
  type_into (&fixture, "Platform URL", fixture.sim->base_url);
  g_signal_emit_by_name (trib_ui_test_find_button (fixture.dialog, "C_onnect"), "clicked");
  trib_ui_test_iterate_until (keyring_question_shown, &fixture, 30);
  question = trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (fixture.dialog));
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (question), "profile-dialog-no-keyring-light.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "session");

  trib_ui_test_iterate_until (signed_in, &fixture, 30);
  session = trib_window_get_session (TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture.app))));
  saved = g_list_model_get_item (G_LIST_MODEL (trib_application_get_profile_store (fixture.app)), 0);
  g_assert_true (saved == trib_session_get_profile (session));
  g_assert_cmpstr (trib_profile_get_name (saved), ==, "Data Engineering");
  g_assert_true (trib_secret_store_get_session_only (trib_application_get_secret_store (fixture.app)));
  g_object_unref (saved);

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (fixture.app)));
  trib_ui_test_settle ();
  g_clear_object (&fixture.app);
  g_clear_pointer (&fixture.sim, trib_test_sim_free);
}

int
main (int   argc,
      char *argv[])
{
  TribTestBus bus = { 0 };
  int status;

  /* A session bus of its own, with no keyring to activate: the dialog
   * must find none, whatever the machine running the test has.
   */
  trib_test_bus_start (&bus);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/profile-dialog", test_sign_in_errors);

  status = g_test_run ();
  trib_test_bus_stop (&bus);

  return status;
}
