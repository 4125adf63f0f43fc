/* trib-profile-dialog.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-profile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-config-ini.h"
#include "trib-entry-row.h"
#include "trib-error.h"
#include "trib-format.h"
#include "trib-http.h"
#include "trib-platform-error.h"
#include "trib-profile-dialog.h"
#include "trib-secret-row.h"
#include "trib-sign-in.h"
#include "trib-util.h"

/* Connect with credentials, import a config.ini, or open the demo. The
 * credentials are proven (a token and the sandbox list) before anything
 * is saved, and each way of failing says what to fix.
 */
struct _TribProfileDialog
{
  AdwWindow parent_instance;

  TribApplication *application;
  TribProfile *editing;          /* the profile being edited, keeps its id */
  TribSignIn *sign_in;           /* proves the credentials */
  TribSession *session;          /* the session proven */
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkButton *back_button;
  GtkButton *cancel_button;
  GtkButton *connect_button;
  GtkSpinner *spinner;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkStack *stack;
  TribEntryRow *name_row;
  TribEntryRow *org_row;
  TribEntryRow *client_row;
  TribSecretRow *secret_row;
  TribEntryRow *tech_row;
  TribEntryRow *scopes_row;
  TribEntryRow *sandbox_row;
  AdwExpanderRow *hosts_row;
  TribEntryRow *ims_row;
  TribEntryRow *platform_row;
};

G_DEFINE_FINAL_TYPE (TribProfileDialog, trib_profile_dialog, ADW_TYPE_WINDOW)

static GtkWidget *get_field (GtkWidget *row);

static void
culprit_revealed_cb (GtkRevealer *revealer,
                     GParamSpec  *pspec,
                     GtkWidget   *culprit)
{
  if (!gtk_revealer_get_child_revealed (revealer))
    return;

  g_signal_handlers_disconnect_by_func (revealer, culprit_revealed_cb, culprit);
  gtk_widget_grab_focus (get_field (culprit));
}

/* The widget that takes the focus and the typing in a row: the one
 * assistive technology reads as the field.
 */
static GtkWidget *
get_field (GtkWidget *row)
{
  GtkEditable *delegate;

  if (TRIB_IS_SECRET_ROW (row))
    return trib_secret_row_get_entry (TRIB_SECRET_ROW (row));

  if (TRIB_IS_ENTRY_ROW (row))
    return trib_entry_row_get_entry (TRIB_ENTRY_ROW (row));

  if (GTK_IS_EDITABLE (row) && (delegate = gtk_editable_get_delegate (GTK_EDITABLE (row))) != NULL)
    return GTK_WIDGET (delegate);

  return row;
}

/* The field in error says so to assistive technology, and points at the
 * message; GTK 4.8 passes DESCRIBED_BY over AT-SPI, later ones also
 * ERROR_MESSAGE.
 */
static void
mark_invalid (TribProfileDialog *self,
              GtkWidget         *row,
              gboolean           invalid)
{
  GtkAccessible *field = GTK_ACCESSIBLE (get_field (row));

  if (invalid)
    {
      gtk_accessible_update_state (field, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_relation (field,
                                      GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, self->error_label,
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_state (field, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (field, GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
      gtk_accessible_reset_relation (field, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

static void
show_error (TribProfileDialog *self,
            const char        *message,
            GtkWidget         *culprit)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->org_row), GTK_WIDGET (self->client_row), GTK_WIDGET (self->secret_row),
    GTK_WIDGET (self->scopes_row), GTK_WIDGET (self->ims_row), GTK_WIDGET (self->platform_row),
  };
  g_autofree char *text = trib_format_error_text (message);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      mark_invalid (self, rows[i], FALSE);
    }

  gtk_label_set_label (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);

  if (culprit != NULL)
    {
      GtkWidget *revealer = gtk_widget_get_ancestor (culprit, GTK_TYPE_REVEALER);

      gtk_widget_add_css_class (culprit, "error");
      mark_invalid (self, culprit, TRUE);

      /* The host rows fold away: a culprit must be seen, and focusing it
       * scrolls to it only once it is unfolded.
       */
      if (revealer != NULL && !gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)))
        {
          g_signal_handlers_disconnect_matched (revealer, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, culprit_revealed_cb, NULL);
          g_signal_connect_object (revealer, "notify::child-revealed", G_CALLBACK (culprit_revealed_cb), culprit, 0);
          adw_expander_row_set_expanded (self->hosts_row, TRUE);
        }
      else
        {
          gtk_widget_grab_focus (get_field (culprit));
        }
    }
}

static void
set_busy (TribProfileDialog *self,
          gboolean           busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !busy);
}

/* One way back at a time: from the form to the choices, or, when the
 * form is all the dialog shows (a profile whose secret is missing),
 * Cancel.
 */
static void
show_form (TribProfileDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->editing == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->editing != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->connect_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
fill_form (TribProfileDialog *self,
           TribProfile       *profile,
           const char        *secret)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), trib_profile_get_name (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->org_row), trib_profile_get_org_id (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->client_row), trib_profile_get_client_id (profile) ?: "");
  trib_secret_row_set_secret (self->secret_row, secret);
  gtk_editable_set_text (GTK_EDITABLE (self->tech_row), trib_profile_get_technical_account_id (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->scopes_row), trib_profile_get_scopes (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->sandbox_row), trib_profile_get_default_sandbox (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->ims_row), trib_profile_get_ims_url (profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->platform_row), trib_profile_get_platform_url (profile) ?: "");
}

static TribProfile *
profile_from_form (TribProfileDialog *self)
{
  TribProfile *profile = self->editing != NULL
                         ? trib_profile_copy (self->editing)
                         : trib_profile_new (NULL);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *org_id = gtk_editable_get_text (GTK_EDITABLE (self->org_row));

  trib_profile_set_org_id (profile, org_id);
  trib_profile_set_client_id (profile, gtk_editable_get_text (GTK_EDITABLE (self->client_row)));
  trib_profile_set_technical_account_id (profile, gtk_editable_get_text (GTK_EDITABLE (self->tech_row)));
  trib_profile_set_scopes (profile, gtk_editable_get_text (GTK_EDITABLE (self->scopes_row)));
  trib_profile_set_default_sandbox (profile, gtk_editable_get_text (GTK_EDITABLE (self->sandbox_row)));
  trib_profile_set_ims_url (profile, gtk_editable_get_text (GTK_EDITABLE (self->ims_row)));
  trib_profile_set_platform_url (profile, gtk_editable_get_text (GTK_EDITABLE (self->platform_row)));
  trib_profile_set_name (profile, name[0] != '\0' ? name : org_id);

  return profile;
}

/* Says what went wrong in the words of someone fixing credentials, and
 * points at the field to change. @host_row is the row of the host being
 * called when @error happened: IMS for the token, then the platform.
 */
static void
explain_sign_in_error (TribProfileDialog *self,
                       const GError      *error,
                       TribEntryRow      *host_row)
{
  g_autofree char *message = NULL;
  GtkWidget *culprit = NULL;

  if (error->domain == TRIB_PLATFORM_ERROR)
    {
      switch ((TribPlatformError) error->code)
        {
        case TRIB_PLATFORM_ERROR_INVALID_SECRET:
          message = g_strdup (_("The client secret was refused. Copy it again from the project’s OAuth Server-to-Server credential in the Adobe Developer Console."));
          culprit = GTK_WIDGET (self->secret_row);
          break;

        case TRIB_PLATFORM_ERROR_INVALID_CLIENT:
          message = g_strdup (_("IMS does not know this client ID. Check it in the Adobe Developer Console."));
          culprit = GTK_WIDGET (self->client_row);
          break;

        case TRIB_PLATFORM_ERROR_INVALID_SCOPE:
          message = g_strdup (_("IMS refused one of the scopes. Use the scopes listed for the credential in the Adobe Developer Console."));
          culprit = GTK_WIDGET (self->scopes_row);
          break;

        case TRIB_PLATFORM_ERROR_UNKNOWN_ORG:
          message = g_strdup (_("Experience Platform does not know this organization ID for these credentials. It ends in @AdobeOrg and is shown beside the credential in the Adobe Developer Console."));
          culprit = GTK_WIDGET (self->org_row);
          break;

        case TRIB_PLATFORM_ERROR_UNREACHABLE:
          if (host_row == self->ims_row)
            /* Translators: %s is the technical reason, which names the host */
            message = g_strdup_printf (_("IMS could not be reached, so no token could be requested. Check the network and the IMS URL. (%s)"), error->message);
          else
            /* Translators: %s is the technical reason, which names the host */
            message = g_strdup_printf (_("Experience Platform could not be reached. Check the network and the platform URL. (%s)"), error->message);
          culprit = GTK_WIDGET (host_row);
          break;

        case TRIB_PLATFORM_ERROR_INSECURE_URL:
          message = g_strdup (error->message);
          culprit = GTK_WIDGET (host_row);
          break;

        case TRIB_PLATFORM_ERROR_FORBIDDEN:
          /* Translators: %s is the platform's own message, quoted */
          message = g_strdup_printf (_("These credentials are not allowed to list sandboxes (“%s”). Ask an administrator to add the credential to a role with sandbox access."), error->message);
          break;

        case TRIB_PLATFORM_ERROR_FAILED:
        case TRIB_PLATFORM_ERROR_BAD_REQUEST:
        case TRIB_PLATFORM_ERROR_UNAUTHORIZED:
        case TRIB_PLATFORM_ERROR_NOT_FOUND:
        case TRIB_PLATFORM_ERROR_CONFLICT:
        case TRIB_PLATFORM_ERROR_RATE_LIMITED:
        case TRIB_PLATFORM_ERROR_SERVER:
        case TRIB_PLATFORM_ERROR_INVALID_RESPONSE:
        case TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX:
        case TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE:
        case TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP:
        case TRIB_PLATFORM_ERROR_NO_ANSWER:
        case TRIB_PLATFORM_ERROR_REPLY_STALLED:
        case TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST:
        case TRIB_PLATFORM_ERROR_REDIRECT_UNSAFE:
        case TRIB_PLATFORM_ERROR_REDIRECT_LOOP:
        case TRIB_PLATFORM_ERROR_STALE:
        default:
          break;
        }
    }

  if (message == NULL)
    message = g_strdup (error->message);

  show_error (self, message, culprit);
}

static void
finish_connect (TribProfileDialog *self)
{
  TribProfileStore *store = trib_application_get_profile_store (self->application);

  trib_profile_store_add (store, trib_session_get_profile (self->session));
  trib_application_save_profiles (self->application);
  trib_application_use_session (self->application, self->session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void store_secret (TribProfileDialog *self);

static void
keyring_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     TribProfileDialog *self)
{
  if (g_strcmp0 (response, "session") == 0)
    {
      trib_secret_store_set_session_only (trib_application_get_secret_store (self->application), TRUE);
      store_secret (self);
      return;
    }

  set_busy (self, FALSE);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TribProfileDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (trib_secret_store_store_finish (TRIB_SECRET_STORE (object), result, &error))
    {
      finish_connect (self);
      return;
    }

  if (!g_error_matches (error, TRIB_ERROR, TRIB_ERROR_NO_KEYRING))
    {
      set_busy (self, FALSE);
      show_error (self, error->message, NULL);
      return;
    }

  /* No Secret Service: say so, and offer memory for this session only.
   * A file is never an option.
   */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("No Keyring Available"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Tributary keeps client secrets only in the keyring, and no keyring (Secret Service) answers on this system. The secret can be kept in memory until Tributary quits; you will need to enter it again next time.\n\n%s"),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "session", _("_Keep for This Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keyring_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_secret (TribProfileDialog *self)
{
  TribProfile *profile = trib_session_get_profile (self->session);
  g_autofree char *label = NULL;

  /* Translators: the keyring item's label; %s is a profile name */
  label = g_strdup_printf (_("Tributary client secret for %s"), trib_profile_get_name (profile));
  trib_secret_store_store_async (trib_application_get_secret_store (self->application),
                                 trib_profile_get_id (profile),
                                 TRIB_SECRET_KIND_CLIENT_SECRET,
                                 label,
                                 trib_secret_row_get_secret (self->secret_row),
                                 self->cancellable,
                                 secret_stored_cb,
                                 g_object_ref (self));
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribProfileDialog) self = user_data;
  TribSignIn *sign_in = TRIB_SIGN_IN (object);
  g_autoptr(GError) error = NULL;

  /* The token comes from IMS, the sandboxes from the platform: the step
   * that failed tells which host to blame.
   */
  g_clear_object (&self->session);
  if (!(self->session = trib_sign_in_run_finish (sign_in, result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      explain_sign_in_error (self, error,
                             trib_sign_in_get_failed_at (sign_in) == TRIB_SIGN_IN_STATE_GETTING_TOKEN
                               ? self->ims_row
                               : self->platform_row);
      return;
    }

  store_secret (self);
}

static void
connect_clicked_cb (TribProfileDialog *self)
{
  g_autoptr(TribProfile) profile = profile_from_form (self);
  g_autoptr(GError) error = NULL;
  const char *secret = trib_secret_row_get_secret (self->secret_row);

  if (secret[0] == '\0')
    {
      show_error (self, _("Enter the client secret."), GTK_WIDGET (self->secret_row));
      return;
    }

  if (!trib_http_check_base_url (trib_profile_get_ims_url (profile), &error))
    {
      explain_sign_in_error (self, error, self->ims_row);
      return;
    }

  if (self->sign_in == NULL)
    self->sign_in = trib_sign_in_new (trib_application_get_secret_store (self->application),
                                      trib_application_get_request_log (self->application));

  show_error (self, NULL, NULL);
  set_busy (self, TRUE);
  g_clear_object (&self->session);
  trib_sign_in_run_async (self->sign_in, profile, secret, TRIB_SIGN_IN_PROVE, self->cancellable,
                          signed_in_cb, g_object_ref (self));
}

static void
enter_credentials_cb (TribProfileDialog *self)
{
  show_error (self, NULL, NULL);
  show_form (self);
}

static void
config_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TribProfileDialog) self = user_data;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  if (!(profile = trib_config_ini_read_finish (result, &secret, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message, NULL);
      return;
    }

  fill_form (self, profile, secret);
  trib_secret_free (secret);
  show_error (self, NULL, NULL);
  show_form (self);
}

static void
chooser_response_cb (TribProfileDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    trib_config_ini_read_async (file, self->cancellable, config_read_cb, g_object_ref (self));
}

static void
import_config_cb (TribProfileDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Configuration files"));
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_filter_add_pattern (filter, "*.cfg");
  /* aepp's own file. Either kind is told apart by its contents, so a
   * file of any name will do.
   */
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import config.ini"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_demo_cb (TribProfileDialog *self)
{
  trib_application_open_demo (self->application, gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
back_clicked_cb (TribProfileDialog *self)
{
  show_error (self, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), FALSE);
}

static void
trib_profile_dialog_dispose (GObject *object)
{
  TribProfileDialog *self = (TribProfileDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->sign_in);
  g_clear_object (&self->session);
  g_clear_object (&self->editing);
  g_clear_object (&self->application);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_PROFILE_DIALOG);

  G_OBJECT_CLASS (trib_profile_dialog_parent_class)->dispose (object);
}

static void
trib_profile_dialog_class_init (TribProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_profile_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-profile-dialog.ui");
  g_type_ensure (TRIB_TYPE_ENTRY_ROW);
  g_type_ensure (TRIB_TYPE_SECRET_ROW);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, tech_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, scopes_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, sandbox_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, hosts_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, ims_row);
  gtk_widget_class_bind_template_child (widget_class, TribProfileDialog, platform_row);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, enter_credentials_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_config_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_demo_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_profile_dialog_init (TribProfileDialog *self)
{
  g_autoptr(TribProfile) defaults = trib_profile_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Errors quote organization IDs and hosts. */
  trib_format_without_hyphens (GTK_WIDGET (self->error_label));

  self->cancellable = g_cancellable_new ();
  fill_form (self, defaults, NULL);
}

TribProfileDialog *
trib_profile_dialog_new (TribApplication *application,
                         GtkWindow       *parent)
{
  TribProfileDialog *self;

  g_return_val_if_fail (TRIB_IS_APPLICATION (application), NULL);

  self = g_object_new (TRIB_TYPE_PROFILE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->application = g_object_ref (application);

  return self;
}

/**
 * trib_profile_dialog_edit_profile:
 * @self: a #TribProfileDialog
 * @profile: a saved profile whose secret must be entered again
 * @reason: (nullable): why, such as the keyring having no secret for it
 */
void
trib_profile_dialog_edit_profile (TribProfileDialog *self,
                                  TribProfile       *profile,
                                  const GError      *reason)
{
  g_return_if_fail (TRIB_IS_PROFILE_DIALOG (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));

  g_set_object (&self->editing, profile);
  fill_form (self, profile, NULL);
  show_form (self);
  show_error (self, reason != NULL ? reason->message : NULL, GTK_WIDGET (self->secret_row));
}
