/* trib-connect-dialog.c
 *
 * Connect: choose an existing account (base connection) of a connector
 * or make one from the form its authSpec draws, test it, save it, then
 * explore it (the window's `win.explore-source`, when it has one).
 *
 * The platform tests only a connection that exists
 * (`GET /connections/{id}/test`), so Test Connection creates the account
 * the first time, keeps its id and etag, and later sends only what
 * changed (PATCH with If-Match); it never creates twice. Save keeps the
 * account once its last test, of the answers shown, passed. Cancel,
 * Escape, closing the window, or another authentication type (which a
 * PATCH cannot change) deletes the account tested but not saved; an
 * account still being created when the dialog goes is deleted as soon
 * as its id arrives.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-connect-dialog-private.h"
#include "trib-connect-dialog.h"
#include "trib-entry-row.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-secret-row.h"
#include "trib-spec-form.h"
#include "trib-toast.h"

struct _TribConnectDialog
{
  AdwWindow parent_instance;

  TribSession *session;
  TribPlatformClient *client;
  TribConnectionSpec *spec;
  GListModel *auth_choices;
  TribSpecForm *form;
  /* A connector without credentials: the account is its name. */
  gboolean no_auth;

  /* The account Test made, until saved or deleted. */
  char *connection_id;
  char *etag;
  /* The keys of the fields the platform holds a value of: a field
   * answered then, and cleared since, is removed by the next PATCH.
   */
  GStrv synced_keys;
  /* Answers change the revision; what the platform holds, and what it
   * tested with success, are revisions too.
   */
  guint revision;
  guint synced_revision;
  guint tested_revision;
  gboolean tested;
  gboolean busy;
  gboolean saved;
  /* Gone while a request was under way: its answer cleans up. */
  gboolean closed;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkButton *test_button;
  AdwPreferencesGroup *accounts_group;
  TribEntryRow *name_row;
  GtkLabel *name_message;
  AdwComboRow *auth_row;
  GtkBox *fields_box;
  GtkSwitch *remember_switch;
  GtkBox *status_box;
  GtkSpinner *status_spinner;
  GtkImage *status_icon;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (TribConnectDialog, trib_connect_dialog, ADW_TYPE_WINDOW)

enum {
  ACCOUNT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
delete_unsaved (TribConnectDialog *self)
{
  g_autofree char *id = g_steal_pointer (&self->connection_id);

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->synced_keys, g_strfreev);
  if (id != NULL && !self->saved)
    _trib_connect_delete (self->client, gtk_window_get_transient_for (GTK_WINDOW (self)), id);
}

/* Saved or chosen: the window explores it, if it can. */
static void
explore (TribConnectDialog *self,
         const char        *connection_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* A connector with no exploreSpec has nothing to browse. */
  if (trib_connection_spec_get_explore_type (self->spec) == NULL)
    return;

  if (parent == NULL || !trib_connect_dialog_can_explore (parent) ||
      !gtk_widget_activate_action (GTK_WIDGET (parent), "win.explore-source", "s", connection_id))
    return;
}

/* States */

static gboolean
is_tested (TribConnectDialog *self)
{
  return self->tested && self->tested_revision == self->revision && self->connection_id != NULL;
}

static void
update_buttons (TribConnectDialog *self)
{
  gboolean tested = is_tested (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), tested && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !self->busy && (self->form != NULL || self->no_auth));
  /* A request under way is for the authentication type shown. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->auth_row), !self->busy);
  /* Enter tests until the test passes; then it saves. */
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (tested ? self->save_button : self->test_button));
}

static void
show_status (TribConnectDialog *self,
             const char        *icon_name,
             const char        *css_class,
             const char        *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), message != NULL);
  gtk_spinner_set_spinning (self->status_spinner, icon_name == NULL && message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), icon_name == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css_class);
    }
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  if (message != NULL && icon_name != NULL)
    trib_a11y_announce (GTK_WIDGET (self), message);
}

static const char *
get_name (TribConnectDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

static gboolean
check_name (TribConnectDialog *self,
            gboolean           always)
{
  g_autofree char *name = g_strstrip (g_strdup (get_name (self)));
  gboolean ok = name[0] != '\0';

  if (always || gtk_widget_get_visible (GTK_WIDGET (self->name_message)))
    {
      gtk_label_set_label (self->name_message, ok ? "" : _("Account name is required"));
      gtk_widget_set_visible (GTK_WIDGET (self->name_message), !ok);
    }

  return ok;
}

static void
changed (TribConnectDialog *self)
{
  self->revision++;
  if (self->tested)
    show_status (self, NULL, NULL, NULL);
  self->tested = FALSE;
  update_buttons (self);
}

static void
field_changed_cb (gpointer       user_data,
                  TribSpecField *field)
{
  TribConnectDialog *self = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _trib_connect_field_show_check (child, self->form, FALSE);

  changed (self);
}

static void
name_changed_cb (TribConnectDialog *self)
{
  check_name (self, FALSE);
  changed (self);
}

static void
build_fields (TribConnectDialog *self)
{
  GtkWidget *child;
  guint n_fields = self->form != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->form)) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (self->form), i);

      gtk_box_append (self->fields_box, _trib_connect_field_new (self->form, field, field_changed_cb, self));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fields_box), n_fields > 0);
}

static void
auth_selected_cb (TribConnectDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->auth_row);
  g_autoptr(TribSpecForm) form = NULL;

  if (self->auth_choices != NULL && selected != GTK_INVALID_LIST_POSITION)
    form = g_list_model_get_item (self->auth_choices, selected);
  if (form == self->form)
    return;

  /* The platform cannot change an account's authentication type: the
   * one tested with the other type goes.
   */
  delete_unsaved (self);

  g_set_object (&self->form, form);
  build_fields (self);
  show_status (self, NULL, NULL, NULL);
  changed (self);
}

/* Test */

static void
test_done (TribConnectDialog *self,
           const GError      *error)
{
  self->busy = FALSE;

  if (error == NULL)
    {
      self->tested = TRUE;
      self->tested_revision = self->synced_revision;
      show_status (self, "emblem-ok-symbolic", "success",
                   is_tested (self) ? _("The connection works. Save the account to keep it.")
                                    : _("The connection works, with the answers before the last change."));
    }
  else
    {
      /* The platform's error says it was the test that failed. */
      g_autofree char *text = trib_format_error_text (error->message);

      self->tested = FALSE;
      show_status (self, "dialog-error-symbolic", "error", text);
    }

  update_buttons (self);
  if (is_tested (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TribConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  trib_flow_service_test_connection_finish (result, &error);
  if (self->closed)
    return;

  test_done (self, error);
}

static void
run_test (TribConnectDialog *self)
{
  trib_flow_service_test_connection_async (self->client, self->connection_id, NULL, test_cb, g_object_ref (self));
}

typedef struct
{
  TribConnectDialog *self;
  guint revision;
  GStrv keys;
} Sent;

static void
sent_free (Sent *sent)
{
  g_object_unref (sent->self);
  g_strfreev (sent->keys);
  g_free (sent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sent, sent_free)

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Sent) sent = user_data;
  TribConnectDialog *self = sent->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *id = trib_flow_service_create_connection_finish (result, &etag, &error);

  if (id != NULL)
    {
      self->connection_id = g_steal_pointer (&id);
      self->etag = g_steal_pointer (&etag);
      self->synced_revision = sent->revision;
      g_strfreev (self->synced_keys);
      self->synced_keys = g_steal_pointer (&sent->keys);
    }

  if (self->closed)
    {
      delete_unsaved (self);
      return;
    }

  if (error != NULL)
    {
      test_done (self, error);
      return;
    }

  run_test (self);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Sent) sent = user_data;
  TribConnectDialog *self = sent->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = trib_flow_service_update_connection_finish (result, &error);

  if (self->closed)
    return;

  if (etag == NULL)
    {
      test_done (self, error);
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  self->synced_revision = sent->revision;
  g_strfreev (self->synced_keys);
  self->synced_keys = g_steal_pointer (&sent->keys);
  run_test (self);
}

static void
focus_first_problem (TribConnectDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *message = gtk_widget_get_last_child (child);

      if (GTK_IS_LABEL (message) && gtk_widget_get_visible (message))
        {
          gtk_widget_grab_focus (_trib_connect_field_get_input (child));
          return;
        }
    }
}

static void
test_clicked_cb (TribConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  JsonObject *params = NULL;
  Sent *sent;

  if (self->busy || (self->form == NULL && !self->no_auth))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _trib_connect_field_show_check (child, self->form, TRUE);

  if (!check_name (self, TRUE))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  if (self->form != NULL &&
      (!trib_spec_form_validate (self->form, &error) ||
       (params = trib_spec_form_build_params (self->form, &error)) == NULL))
    {
      show_status (self, "dialog-error-symbolic", "error", error->message);
      focus_first_problem (self);
      return;
    }

  name = g_strstrip (g_strdup (get_name (self)));
  self->busy = TRUE;
  show_status (self, NULL, NULL, _("Testing the connection…"));
  update_buttons (self);

  if (self->connection_id != NULL && self->synced_revision == self->revision)
    {
      g_clear_pointer (&params, trib_spec_form_free_params);
      run_test (self);
      return;
    }

  sent = g_new0 (Sent, 1);
  sent->self = g_object_ref (self);
  sent->revision = self->revision;
  sent->keys = self->form != NULL ? _trib_connect_answered_keys (self->form) : NULL;
  if (self->connection_id == NULL)
    trib_flow_service_create_connection_async (self->client, name, NULL, self->spec,
                                               self->form != NULL ? trib_spec_form_get_name (self->form) : NULL,
                                               params, NULL, create_cb, sent);
  else
    {
      g_autoptr(GPtrArray) cleared = self->form != NULL
                                     ? _trib_connect_cleared_paths (self->form,
                                                                    (const char * const *) self->synced_keys)
                                     : NULL;

      trib_flow_service_update_connection_async (self->client, self->connection_id, self->etag, name, params,
                                                 cleared, NULL, update_cb, sent);
    }
  /* The request holds what it sends: the params go now. */
  g_clear_pointer (&params, trib_spec_form_free_params);
}

/* Save */

/* An account tested but not saved goes; one still being created goes
 * when its id arrives (create_cb).
 */
static void
discard_unsaved (TribConnectDialog *self)
{
  if (self->closed)
    return;

  self->closed = TRUE;
  delete_unsaved (self);
}

static void
close_dialog (TribConnectDialog *self)
{
  discard_unsaved (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (TribConnectDialog *self)
{
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!is_tested (self) || self->busy)
    return;

  self->saved = TRUE;
  id = g_strdup (self->connection_id);
  if (gtk_switch_get_active (self->remember_switch) && self->form != NULL)
    _trib_connect_remember (gtk_window_get_transient_for (GTK_WINDOW (self)), self->session, self->form,
                            self->connection_id, get_name (self));

  /* Translators: %s is the account's name */
  message = g_strdup_printf (_("Account “%s” saved"), get_name (self));
  if (parent != NULL)
    trib_toast_show_message (GTK_WIDGET (parent), message);

  g_signal_emit (self, signals[ACCOUNT_SAVED], 0, id);
  explore (self, id);
  close_dialog (self);
}

static void
account_activated_cb (AdwActionRow      *row,
                      TribConnectDialog *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "trib-connection-id"));

  explore (self, id);
  close_dialog (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  close_dialog (TRIB_CONNECT_DIALOG (widget));
}

static gboolean
trib_connect_dialog_close_request (GtkWindow *window)
{
  discard_unsaved (TRIB_CONNECT_DIALOG (window));

  return GTK_WINDOW_CLASS (trib_connect_dialog_parent_class)->close_request (window);
}

static void
add_accounts (TribConnectDialog *self,
              GListModel        *accounts)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean can_explore = trib_connect_dialog_can_explore (parent) &&
                         trib_connection_spec_get_explore_type (self->spec) != NULL;
  guint n_rows = 0;

  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (accounts, i);
      GtkWidget *row;

      if (g_strcmp0 (trib_connection_get_spec_id (connection), trib_connection_spec_get_id (self->spec)) != 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_connection_get_name (connection));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), trib_connection_get_auth_name (connection));
      g_object_set_data_full (G_OBJECT (row), "trib-connection-id", g_strdup (trib_connection_get_id (connection)),
                              g_free);
      if (can_explore)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

          /* Translators: the tooltip of an account; choosing it explores it */
          gtk_widget_set_tooltip_text (row, _("Explore"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_object (row, "activated", G_CALLBACK (account_activated_cb), self, 0);
        }
      adw_preferences_group_add (self->accounts_group, row);
      n_rows++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->accounts_group), n_rows > 0);
  if (n_rows > 0 && can_explore)
    adw_preferences_group_set_description (self->accounts_group, _("Explore with an account the sandbox has."));
}

static void
set_spec (TribConnectDialog  *self,
          TribConnectionSpec *spec)
{
  JsonNode *auth_spec = json_object_get_member (trib_connection_spec_get_json (spec), "authSpec");
  const char *name = trib_connection_spec_get_connector_name (spec);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  guint n_choices;

  self->spec = g_object_ref (spec);
  /* Translators: the dialog's title; %s is a connector, such as Amazon S3 */
  title = g_strdup_printf (_("Connect to %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  self->auth_choices = trib_spec_form_new_auth_choices (trib_connection_spec_get_id (spec), auth_spec);
  n_choices = self->auth_choices != NULL ? g_list_model_get_n_items (self->auth_choices) : 0;
  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(TribSpecForm) form = g_list_model_get_item (self->auth_choices, i);

      gtk_string_list_append (labels, trib_spec_form_get_label (form));
    }
  adw_combo_row_set_model (self->auth_row, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->auth_row), n_choices > 1);
  g_signal_connect_object (self->auth_row, "notify::selected", G_CALLBACK (auth_selected_cb), self,
                           G_CONNECT_SWAPPED);
  auth_selected_cb (self);

  /* A connector without credentials has nothing to remember, and its
   * account is only a name: the platform lets it be made (API-NOTES §C2:
   * only name and connectionSpec), and says it works.
   */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->remember_switch), ADW_TYPE_PREFERENCES_GROUP),
                          n_choices > 0);
  self->no_auth = n_choices == 0;
  if (self->no_auth)
    adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->name_row), ADW_TYPE_PREFERENCES_GROUP)),
      _("This connector takes no credentials: the account only needs a name. Test Connection creates it."));
  update_buttons (self);
}

/**
 * trib_connect_dialog_new:
 * @parent: the window that explores what is connected
 * @session: the session whose sandbox gets the account
 * @spec: the connector
 * @accounts: (nullable): the sandbox's accounts, as #TribConnection
 *
 * Returns: (transfer none): the dialog, for gtk_window_present()
 */
TribConnectDialog *
trib_connect_dialog_new (GtkWindow          *parent,
                         TribSession        *session,
                         TribConnectionSpec *spec,
                         GListModel         *accounts)
{
  TribConnectDialog *self;

  g_return_val_if_fail (TRIB_IS_SESSION (session), NULL);
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (spec), NULL);

  self = g_object_new (TRIB_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  self->client = g_object_ref (trib_session_get_client (session));
  set_spec (self, spec);
  add_accounts (self, accounts);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

/**
 * trib_connect_dialog_get_connection_id:
 *
 * Returns: (nullable): the account Test made, %NULL before
 */
const char *
trib_connect_dialog_get_connection_id (TribConnectDialog *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECT_DIALOG (self), NULL);

  return self->connection_id;
}

gboolean
trib_connect_dialog_get_busy (TribConnectDialog *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * trib_connect_dialog_get_tested:
 *
 * Returns: whether the account passed its test with the answers shown
 */
gboolean
trib_connect_dialog_get_tested (TribConnectDialog *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECT_DIALOG (self), FALSE);

  return is_tested (self);
}

static void
trib_connect_dialog_dispose (GObject *object)
{
  TribConnectDialog *self = (TribConnectDialog *)object;

  if (self->form != NULL)
    trib_spec_form_clear_answers (self->form);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (trib_connect_dialog_parent_class)->dispose (object);
}

static void
trib_connect_dialog_finalize (GObject *object)
{
  TribConnectDialog *self = (TribConnectDialog *)object;

  g_clear_object (&self->form);
  g_clear_object (&self->auth_choices);
  g_clear_object (&self->spec);
  g_clear_object (&self->client);
  g_clear_object (&self->session);
  g_clear_pointer (&self->connection_id, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->synced_keys, g_strfreev);

  G_OBJECT_CLASS (trib_connect_dialog_parent_class)->finalize (object);
}

static void
trib_connect_dialog_class_init (TribConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trib_connect_dialog_dispose;
  object_class->finalize = trib_connect_dialog_finalize;
  window_class->close_request = trib_connect_dialog_close_request;

  /**
   * TribConnectDialog::account-saved:
   * @connection_id: the account's id
   *
   * A new account was tested and saved.
   */
  signals[ACCOUNT_SAVED] = g_signal_new ("account-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, auth_row);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, fields_box);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, TribConnectDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);

  gtk_widget_class_install_action (widget_class, "connect.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "connect.cancel", NULL);
}

static void
trib_connect_dialog_init (TribConnectDialog *self)
{
  g_type_ensure (TRIB_TYPE_ENTRY_ROW);
  g_type_ensure (TRIB_TYPE_SECRET_ROW);

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_a11y_set_label (trib_entry_row_get_entry (self->name_row), _("Account name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (trib_entry_row_get_entry (self->name_row)),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (trib_entry_row_get_entry (self->name_row)),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->name_message, NULL, -1);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
  update_buttons (self);
}
