/* trib-accounts-page-edit.c
 *
 * The accounts page's changes to an account: a rename or new credentials
 * sent with the etag the account was read with (when someone changed it
 * since, the platform refuses; the page says so in plain words and offers
 * to read it again and apply the change to what it is now), and delete
 * after a confirmation that names it (refused while a flow uses it, with
 * the platform's reason).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-accounts-page-private.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-platform-error.h"
#include "trib-toast.h"

void
_trib_accounts_page_set_busy (TribAccountsPage *self,
                              gboolean          busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->detail_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.rename", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.delete", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.update-credentials", !busy);
}

/* One change (a name, credentials) and what it needs to be sent again
 * to the account as it is now. Shared by the calls and the dialog that
 * explains a stale etag, which may answer twice (a response, then its
 * close response).
 */
typedef struct
{
  TribAccountsPage *self;
  char *id;
  char *account_name;
  char *name;
  JsonObject *auth_params;   /* secrets: overwritten when freed */
  GPtrArray *removed_params; /* paths (GStrv) of the parameters to remove */
  gboolean answered;
} Patch;

static void
patch_clear (Patch *patch)
{
  g_clear_object (&patch->self);
  g_free (patch->id);
  g_free (patch->account_name);
  g_free (patch->name);
  g_clear_pointer (&patch->auth_params, trib_spec_form_free_params);
  g_clear_pointer (&patch->removed_params, g_ptr_array_unref);
}

static void
patch_unref (Patch *patch)
{
  g_rc_box_release_full (patch, (GDestroyNotify)patch_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Patch, patch_unref)

static void send_patch (Patch *patch, const char *etag);

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Patch) patch = user_data;
  g_autoptr(TribConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = trib_flow_service_get_connection_finish (result, &error);
  if (connection == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _trib_accounts_page_set_busy (patch->self, FALSE);
          trib_toast_show_message (GTK_WIDGET (patch->self), error->message);
        }
      return;
    }

  patch->answered = FALSE;
  send_patch (g_steal_pointer (&patch), trib_connection_get_etag (connection));
}

static void
stale_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Patch            *patch)
{
  TribAccountsPage *self = patch->self;

  if (patch->answered)
    return;
  patch->answered = TRUE;

  if (!g_str_equal (response, "reload"))
    {
      _trib_accounts_page_set_busy (self, FALSE);
      _trib_accounts_page_changed (self, patch->id);
      return;
    }

  trib_flow_service_get_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), patch->id,
                                          self->cancellable, reread_cb, g_rc_box_acquire (patch));
}

static void
explain_stale (Patch *patch)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("“%s” Was Changed Elsewhere"), patch->account_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (patch->self))), heading,
                                   _("Someone changed this account after it was shown here, so your change "
                                     "was not saved. Reload the account to see it as it is now and apply "
                                     "your change to it again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reload", _("_Reload and Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (stale_response_cb), patch,
                         (GClosureNotify)(void (*) (void))patch_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
patch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Patch) patch = user_data;
  TribAccountsPage *self = patch->self;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  etag = trib_flow_service_update_connection_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_STALE))
    {
      explain_stale (g_steal_pointer (&patch));
      return;
    }

  _trib_accounts_page_set_busy (self, FALSE);
  if (etag == NULL)
    {
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  if (patch->name != NULL)
    {
      /* Translators: %s is an account's new name */
      g_autofree char *message = g_strdup_printf (_("Account renamed to “%s”"), patch->name);

      trib_toast_show_message (GTK_WIDGET (self), message);
    }
  else
    trib_toast_show_message (GTK_WIDGET (self), _("Credentials updated"));

  _trib_accounts_page_changed (self, patch->id);
}

static void
send_patch (Patch      *patch,
            const char *etag)
{
  TribAccountsPage *self = patch->self;

  trib_flow_service_update_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                             patch->id, etag, patch->name, patch->auth_params,
                                             patch->removed_params, self->cancellable, patch_cb, patch);
}

/**
 * _trib_accounts_page_patch:
 * @auth_params: (transfer full) (nullable): credentials to replace
 * @removed_params: (transfer full) (nullable) (element-type GStrv): the
 *   paths of optional parameters to remove
 *
 * Sends a change of @connection with the etag it was read with.
 */
void
_trib_accounts_page_patch (TribAccountsPage *self,
                           TribConnection   *connection,
                           const char       *name,
                           JsonObject       *auth_params,
                           GPtrArray        *removed_params)
{
  Patch *patch = g_rc_box_new0 (Patch);

  patch->self = g_object_ref (self);
  patch->id = g_strdup (trib_connection_get_id (connection));
  patch->account_name = g_strdup (trib_connection_get_name (connection));
  patch->name = g_strdup (name);
  patch->auth_params = auth_params;
  patch->removed_params = removed_params;

  _trib_accounts_page_set_busy (self, TRUE);
  send_patch (patch, trib_connection_get_etag (connection));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TribAccountsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  TribConnection *connection = g_object_get_data (G_OBJECT (dialog), "connection");

  if (!g_str_equal (response, "rename") || name[0] == '\0' ||
      g_strcmp0 (name, trib_connection_get_name (connection)) == 0)
    return;

  _trib_accounts_page_patch (self, connection, name, NULL, NULL);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", name[0] != '\0');
}

void
_trib_accounts_page_rename (TribAccountsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TribConnection *connection = _trib_accounts_page_get_account (self);
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *heading = NULL;

  if (connection == NULL || self->busy)
    return;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Rename “%s”"), trib_connection_get_name (connection));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), trib_connection_get_name (connection));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "connection", g_object_ref (connection), g_object_unref);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* What the answer to a delete needs to say what went. */
typedef struct
{
  TribAccountsPage *self;
  char *id;
  char *name;
} Delete;

static void
delete_free (Delete *delete)
{
  g_clear_object (&delete->self);
  g_free (delete->id);
  g_free (delete->name);
  g_free (delete);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Delete, delete_free)

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Delete) delete = user_data;
  TribAccountsPage *self = delete->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trib_flow_service_delete_connection_finish (result, &error))
    {
      GtkWidget *dialog;
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _trib_accounts_page_set_busy (self, FALSE);
      /* The platform says why (a flow uses it, and which): nothing went. */
      /* Translators: %s is an account's name */
      heading = g_strdup_printf (_("“%s” Was Not Deleted"), delete->name);
      body = trib_format_error_text (error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  _trib_accounts_page_set_busy (self, FALSE);
  /* Translators: %s is an account's name */
  message = g_strdup_printf (_("“%s” deleted"), delete->name);
  trib_toast_show_message (GTK_WIDGET (self), message);

  if (self->shown != NULL && g_strcmp0 (trib_connection_get_id (self->shown), delete->id) == 0)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      _trib_accounts_page_clear_details (self);
    }
  _trib_accounts_page_changed (self, NULL);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TribAccountsPage *self)
{
  TribConnection *connection = g_object_get_data (G_OBJECT (dialog), "connection");
  Delete *delete;

  if (!g_str_equal (response, "delete"))
    return;

  _trib_accounts_page_set_busy (self, TRUE);
  delete = g_new0 (Delete, 1);
  delete->self = g_object_ref (self);
  delete->id = g_strdup (trib_connection_get_id (connection));
  delete->name = g_strdup (trib_connection_get_name (connection));
  trib_flow_service_delete_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                             delete->id, self->cancellable, delete_cb, delete);
}

void
_trib_accounts_page_delete (TribAccountsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TribConnection *connection = _trib_accounts_page_get_account (self);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (connection == NULL || self->busy)
    return;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Delete “%s”?"), trib_connection_get_name (connection));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Its credentials are removed from the platform. An account that a "
                                     "dataflow uses cannot be deleted. Deleting cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "connection", g_object_ref (connection), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
