/* trib-accounts-page-detail.c
 *
 * One account of the accounts page: what it is, a test of its
 * credentials, Explore (when the window offers it), and its credentials
 * as a form drawn from its connector's spec. Secrets are never shown:
 * their fields stay empty, and only what was typed is sent.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-accounts-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-account-item.h"
#include "trib-accounts-page-private.h"
#include "trib-application.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-toast.h"

/* Explore comes from another part of the window, which may not be there. */
static gboolean
window_can_explore (TribAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GType type;
  const char *name;
  const GVariantType *parameter_type;
  const char *property_name;

  if (root == NULL)
    return FALSE;

  if (G_IS_ACTION_GROUP (root) && g_action_group_query_action (G_ACTION_GROUP (root), "explore-source",
                                                               NULL, NULL, NULL, NULL, NULL))
    return TRUE;

  /* Or as the window's own class action. */
  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (root), i, &type, &name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (name, "win.explore-source"))
      return TRUE;

  return FALSE;
}

/* Where the Connect dialog remembers an account's secret, when asked to. */
static char *
dup_secret_kind (TribConnection *connection,
                 const char     *key)
{
  return g_strdup_printf ("connection:%s:%s", trib_connection_get_id (connection), key);
}

static TribSecretStore *
get_secret_store (TribAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return TRIB_IS_APPLICATION (app) ? trib_application_get_secret_store (TRIB_APPLICATION (app)) : NULL;
}

static const char *
get_profile_id (TribAccountsPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));

  return session != NULL ? trib_profile_get_id (trib_session_get_profile (session)) : NULL;
}

/* A remembered secret fills its row (shown as dots), and counts as
 * unchanged until edited.
 */
static void
remembered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autofree char *secret = trib_secret_store_lookup_finish (TRIB_SECRET_STORE (object), result, NULL);

  if (secret == NULL || gtk_widget_get_parent (row) == NULL ||
      gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0')
    return;

  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_object_set_data_full (G_OBJECT (row), "trib-original", g_strdup (secret), g_free);
  g_object_set_data (G_OBJECT (row), "trib-remembered", GINT_TO_POINTER (TRUE));
  memset (secret, 0, strlen (secret));
}

static void
look_up_remembered (TribAccountsPage *self,
                    GtkWidget        *row,
                    const char       *key)
{
  TribSecretStore *store = get_secret_store (self);
  const char *profile_id = get_profile_id (self);
  g_autofree char *kind = dup_secret_kind (self->shown, key);

  if (store != NULL && profile_id != NULL)
    trib_secret_store_lookup_async (store, profile_id, kind, self->cancellable, remembered_cb, g_object_ref (row));
}

/* A remembered secret that changed is remembered as it is now. */
static void
remember_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!trib_secret_store_store_finish (TRIB_SECRET_STORE (object), result, &error))
    g_debug ("A changed secret was not remembered: %s", error->message);
}

static void
remember_again (TribAccountsPage *self,
                TribSpecField    *field,
                const char       *secret)
{
  TribSecretStore *store = get_secret_store (self);
  const char *profile_id = get_profile_id (self);
  g_autofree char *kind = dup_secret_kind (self->shown, trib_spec_field_get_key (field));
  /* Translators: how the keyring names a remembered secret: the field, then the account */
  g_autofree char *label = g_strdup_printf (_("%s of %s"), trib_spec_field_get_label (field),
                                            trib_connection_get_name (self->shown));

  if (store != NULL && profile_id != NULL)
    trib_secret_store_store_async (store, profile_id, kind, label, secret, NULL, remember_cb, NULL);
}

static void
clear_credential_rows (TribAccountsPage *self)
{
  for (guint i = 0; i < self->credential_rows->len; i++)
    adw_preferences_group_remove (self->credentials_group, g_ptr_array_index (self->credential_rows, i));
  g_ptr_array_set_size (self->credential_rows, 0);
}

void
_trib_accounts_page_clear_details (TribAccountsPage *self)
{
  if (self->credential_rows != NULL)
    clear_credential_rows (self);
  g_clear_object (&self->form);
  g_clear_object (&self->shown);
}

static TribSpecForm *
find_auth_form (TribConnectionSpec *spec,
                const char         *auth_name)
{
  JsonObject *json = trib_connection_spec_get_json (spec);
  JsonNode *auth_spec = json != NULL ? json_object_get_member (json, "authSpec") : NULL;
  g_autoptr(GListModel) choices = NULL;

  if (auth_spec == NULL || auth_name == NULL)
    return NULL;

  choices = trib_spec_form_new_auth_choices (trib_connection_spec_get_id (spec), auth_spec);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, i);

      if (g_strcmp0 (trib_spec_form_get_name (form), auth_name) == 0)
        return g_steal_pointer (&form);
    }

  return NULL;
}

/* The form of the account's auth type: a row per field the form can
 * draw, nested ones too (a JSON Patch replaces or removes each at its
 * own path).
 */
static void
build_credentials (TribAccountsPage *self)
{
  TribConnectionSpec *spec = g_hash_table_lookup (self->specs, trib_connection_get_spec_id (self->shown));
  guint n_fields;

  clear_credential_rows (self);
  g_clear_object (&self->form);

  if (spec != NULL)
    self->form = find_auth_form (spec, trib_connection_get_auth_name (self->shown));

  n_fields = self->form != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->form)) : 0;
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (self->form), i);
      const char *key = trib_spec_field_get_key (field);
      GtkWidget *row;

      if (trib_spec_field_get_field_type (field) == TRIB_SPEC_FIELD_UNSUPPORTED)
        continue;

      if (trib_spec_field_get_secret (field))
        {
          row = adw_password_entry_row_new ();
          look_up_remembered (self, row, key);
        }
      else
        {
          JsonNode *value = trib_connection_get_auth_param (self->shown, trib_spec_field_get_path (field));

          row = adw_entry_row_new ();
          if (value != NULL)
            {
              if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
                gtk_editable_set_text (GTK_EDITABLE (row), json_node_get_string (value));
              else if (JSON_NODE_HOLDS_VALUE (value))
                {
                  g_autofree char *text = json_to_string (value, FALSE);

                  gtk_editable_set_text (GTK_EDITABLE (row), text);
                }
            }
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_spec_field_get_label (field));
      g_object_set_data_full (G_OBJECT (row), "trib-field", g_object_ref (field), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), "trib-original",
                              g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))), g_free);
      adw_preferences_group_add (self->credentials_group, row);
      g_ptr_array_add (self->credential_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->credentials_group), self->credential_rows->len > 0);
}

static void
fill_details (TribAccountsPage *self)
{
  TribConnection *connection = self->shown;
  g_autoptr(TribAccountItem) item = NULL;
  TribConnectionSpec *spec = g_hash_table_lookup (self->specs, trib_connection_get_spec_id (connection));
  GtkWidget *rows[] = { GTK_WIDGET (self->connector_row), GTK_WIDGET (self->auth_row),
                        GTK_WIDGET (self->state_row), GTK_WIDGET (self->created_row), GTK_WIDGET (self->id_row) };
  const char *values[G_N_ELEMENTS (rows)];

  item = trib_account_item_new (connection, spec != NULL ? trib_connection_spec_get_connector_name (spec) : NULL);
  values[0] = trib_account_item_get_connector (item);
  values[1] = trib_connection_get_auth_name (connection);
  values[2] = trib_account_item_get_state (item);
  values[3] = trib_account_item_get_created (item);
  values[4] = trib_connection_get_id (connection);

  gtk_label_set_label (self->name_label, trib_connection_get_name (connection));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows[i]), values[i] != NULL ? values[i] : "");
      gtk_widget_set_visible (rows[i], values[i] != NULL && values[i][0] != '\0');
    }

  /* The action is named only once the button has a target: a window
   * with win.explore-source refuses a button that would send none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->explore_button), "s", trib_connection_get_id (connection));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->explore_button), "win.explore-source");
  gtk_widget_set_visible (GTK_WIDGET (self->explore_button), window_can_explore (self));
}

static void
show_connection (TribAccountsPage *self,
                 TribConnection   *connection)
{
  gboolean same = self->shown != NULL &&
                  g_strcmp0 (trib_connection_get_id (self->shown), trib_connection_get_id (connection)) == 0;

  g_object_ref (connection);
  if (!same)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->test_label), FALSE);
      _trib_accounts_page_clear_details (self);
    }
  g_set_object (&self->shown, connection);
  g_object_unref (connection);

  fill_details (self);
  build_credentials (self);

  /* Coming from the list, the keys go on acting on the account. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") != 0)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "detail");
      gtk_widget_grab_focus (GTK_WIDGET (self->test_button));
    }

  /* From a run its credentials failed: straight to the first secret. */
  if (self->focus_credentials && self->credential_rows->len > 0)
    {
      GtkWidget *first = g_ptr_array_index (self->credential_rows, 0);

      for (guint i = 0; i < self->credential_rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (self->credential_rows, i);
          TribSpecField *field = g_object_get_data (G_OBJECT (row), "trib-field");

          if (field != NULL && trib_spec_field_get_secret (field))
            {
              first = row;
              break;
            }
        }
      gtk_widget_grab_focus (first);
    }
}

static void
account_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribAccountsPage) self = user_data;
  g_autoptr(TribConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = trib_flow_service_get_connection_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->detail_spinner, FALSE);
  if (connection == NULL)
    {
      self->focus_credentials = FALSE;
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  show_connection (self, connection);
  self->focus_credentials = FALSE;
}

/**
 * trib_accounts_page_show_credentials:
 * @self: a #TribAccountsPage
 * @account_id: an account (a base connection)
 *
 * Shows the account with its credentials to update, the first secret
 * focused: where a run whose credentials were refused leads.
 */
void
trib_accounts_page_show_credentials (TribAccountsPage *self,
                                     const char       *account_id)
{
  g_return_if_fail (TRIB_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (account_id != NULL);

  self->focus_credentials = TRUE;
  gtk_spinner_set_spinning (self->detail_spinner, TRUE);
  trib_flow_service_get_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), account_id,
                                          self->cancellable, account_cb, g_object_ref (self));
}

static void
detail_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribAccountsPage) self = user_data;
  g_autoptr(TribConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = trib_flow_service_get_connection_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->detail_spinner, FALSE);
  if (connection == NULL)
    {
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  /* Only if it is still the one shown. */
  if (self->shown == NULL || g_strcmp0 (trib_connection_get_id (self->shown), trib_connection_get_id (connection)) != 0)
    return;

  show_connection (self, connection);
}

/**
 * _trib_accounts_page_show_details:
 * @connection: an account, from the list or the details
 *
 * Shows @connection, then reads it again: the list's copy may be older
 * than the account, and the etag a change is sent with must be its own.
 */
void
_trib_accounts_page_show_details (TribAccountsPage *self,
                                  TribConnection   *connection)
{
  show_connection (self, connection);

  gtk_spinner_set_spinning (self->detail_spinner, TRUE);
  trib_flow_service_get_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                          trib_connection_get_id (connection), self->cancellable,
                                          detail_cb, g_object_ref (self));
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TribAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean passed;

  passed = trib_flow_service_test_connection_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  /* Made insensitive while it ran, the button gave the focus up to the
   * window; the keyboard carries on from it, not from the window's top.
   */
  if (self->test_had_focus)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL && gtk_root_get_focus (root) == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->test_button));
      self->test_had_focus = FALSE;
    }
  text = passed ? g_strdup (_("The platform connected with these credentials."))
                : trib_format_error_text (error->message);

  gtk_label_set_label (self->test_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->test_label), TRUE);
  if (passed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->test_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->test_label), "error");
    }

  /* From the list, the result is not in view. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") != 0)
    trib_toast_show_message (GTK_WIDGET (self), text);
}

void
_trib_accounts_page_test (TribAccountsPage *self)
{
  TribConnection *connection = _trib_accounts_page_get_account (self);

  if (connection == NULL)
    return;

  self->test_had_focus = gtk_widget_has_focus (GTK_WIDGET (self->test_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  gtk_label_set_label (self->test_label, _("Testing…"));
  gtk_widget_set_visible (GTK_WIDGET (self->test_label), TRUE);
  trib_flow_service_test_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                           trib_connection_get_id (connection), self->cancellable,
                                           test_cb, g_object_ref (self));
}

/* Only what changed is sent: a secret typed, another value, or an
 * optional value cleared (removed). The form builds the params, each
 * value at its path, nested ones too.
 */
void
_trib_accounts_page_update_credentials (TribAccountsPage *self)
{
  g_autoptr(GStrvBuilder) changed = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *params;

  if (self->shown == NULL || self->form == NULL || self->busy)
    return;

  changed = g_strv_builder_new ();
  removed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  trib_spec_form_clear_answers (self->form);
  for (guint i = 0; i < self->credential_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->credential_rows, i);
      TribSpecField *field = g_object_get_data (G_OBJECT (row), "trib-field");
      const char *original = g_object_get_data (G_OBJECT (row), "trib-original");
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      const char *key = trib_spec_field_get_key (field);
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      g_autofree char *problem = NULL;

      /* An empty secret keeps the one the platform has. */
      if ((text[0] == '\0' && trib_spec_field_get_secret (field)) || g_strcmp0 (text, original) == 0)
        {
          gtk_widget_remove_css_class (row, "error");
          continue;
        }

      /* An optional value emptied goes from the account. */
      if (trimmed[0] == '\0' && !trib_spec_field_get_required (field) &&
          original != NULL && original[0] != '\0')
        {
          gtk_widget_remove_css_class (row, "error");
          g_ptr_array_add (removed, g_strdupv ((GStrv) trib_spec_field_get_path (field)));
          continue;
        }

      problem = trib_spec_field_check (field, text);
      if (problem != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
          trib_toast_show_message (GTK_WIDGET (self), problem);
          trib_spec_form_clear_answers (self->form);
          return;
        }

      gtk_widget_remove_css_class (row, "error");
      trib_spec_form_set_answer (self->form, key, text);
      g_strv_builder_add (changed, key);
      if (g_object_get_data (G_OBJECT (row), "trib-remembered") != NULL)
        remember_again (self, field, text);
    }

  keys = g_strv_builder_end (g_steal_pointer (&changed));
  params = trib_spec_form_build_some_params (self->form, (const char * const *) keys, &error);
  /* The form's copy of the answers goes; the params hold them now. */
  trib_spec_form_clear_answers (self->form);
  if (params == NULL)
    {
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  if (json_object_get_size (params) == 0 && removed->len == 0)
    {
      trib_spec_form_free_params (params);
      trib_toast_show_message (GTK_WIDGET (self), _("Nothing to update: no credential was changed."));
      return;
    }

  /* Typed secrets leave the fields once they are in the request. */
  for (guint i = 0; i < self->credential_rows->len; i++)
    if (ADW_IS_PASSWORD_ENTRY_ROW (g_ptr_array_index (self->credential_rows, i)))
      gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->credential_rows, i)), "");

  if (json_object_get_size (params) == 0)
    g_clear_pointer (&params, trib_spec_form_free_params);
  _trib_accounts_page_patch (self, self->shown, NULL, params, removed->len > 0 ? g_steal_pointer (&removed) : NULL);
}
