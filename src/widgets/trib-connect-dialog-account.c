/* trib-connect-dialog-account.c
 *
 * What Connect does for an account after the dialog may be gone: delete
 * the one tested but not saved, and keep a saved one's secrets in the
 * keyring when asked to. Either tells the window (a toast) when it
 * fails, if the window is still there.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-application.h"
#include "trib-connect-dialog-private.h"
#include "trib-connect-dialog.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-secret-store.h"
#include "trib-toast.h"

static GWeakRef *
weak_ref_new (GtkWindow *parent)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, parent);

  return ref;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  if (!trib_flow_service_delete_connection_finish (result, &error) && parent != NULL)
    {
      g_autofree char *text = trib_format_error_text (error->message);
      /* Translators: %s is the platform's explanation */
      g_autofree char *message = g_strdup_printf (_("The account tested but not saved could not be deleted: %s"),
                                                  text);

      trib_toast_show_message (parent, message);
    }

  weak_ref_free (ref);
}

void
_trib_connect_delete (TribPlatformClient *client,
                      GtkWindow          *parent,
                      const char         *connection_id)
{
  trib_flow_service_delete_connection_async (client, connection_id, NULL, delete_cb, weak_ref_new (parent));
}

static void
remembered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  if (!trib_secret_store_store_finish (TRIB_SECRET_STORE (object), result, &error) && parent != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The credentials could not be kept in the keyring: %s"),
                                                  error->message);

      trib_toast_show_message (parent, message);
    }

  weak_ref_free (ref);
}

/* Each secret answer goes to the keyring on its own, under the profile,
 * the account and the parameter it answers; nothing else keeps it.
 */
void
_trib_connect_remember (GtkWindow    *parent,
                        TribSession  *session,
                        TribSpecForm *form,
                        const char   *connection_id,
                        const char   *name)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  TribProfile *profile = trib_session_get_profile (session);
  TribSecretStore *store;

  if (!TRIB_IS_APPLICATION (app) || profile == NULL)
    return;

  store = trib_application_get_secret_store (TRIB_APPLICATION (app));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);
      const char *key = trib_spec_field_get_key (field);
      const char *secret = trib_spec_form_get_answer (form, key);
      g_autofree char *kind = NULL;
      g_autofree char *label = NULL;

      if (!trib_spec_field_get_secret (field) || secret == NULL || secret[0] == '\0')
        continue;

      kind = g_strdup_printf ("connection:%s:%s", connection_id, key);
      /* Translators: the keyring's name for a secret: the account, then the parameter */
      label = g_strdup_printf (_("Tributary account “%s”: %s"), name, trib_spec_field_get_label (field));
      trib_secret_store_store_async (store, trib_profile_get_id (profile), kind, label, secret, NULL,
                                     remembered_cb, weak_ref_new (parent));
    }
}

/**
 * trib_connect_dialog_can_explore:
 * @window: the application's window
 *
 * Returns: whether @window can explore a source (`win.explore-source`)
 */
gboolean
trib_connect_dialog_can_explore (GtkWindow *window)
{
  GtkWidgetClass *widget_class;
  const char *name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  if (window == NULL)
    return FALSE;

  if (G_IS_ACTION_GROUP (window) && g_action_group_has_action (G_ACTION_GROUP (window), "explore-source"))
    return TRUE;

  widget_class = GTK_WIDGET_GET_CLASS (window);
  for (guint i = 0; gtk_widget_class_query_action (widget_class, i, &owner, &name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (name, "win.explore-source"))
      return TRUE;

  return FALSE;
}
