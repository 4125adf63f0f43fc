/* trib-explore-view-accounts.c
 *
 * The explore view's account switcher: the sandbox's base connections,
 * and the Data Landing Zone, which needs none. The drop-down holds the
 * connections themselves and names them through an expression, and the
 * view follows the chosen connection's id, never a position: a list
 * that changes (an account made or deleted elsewhere, a reload) cannot
 * switch the view to another account.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-connection.h"
#include "trib-explore-view-private.h"
#include "trib-flow-service.h"
#include "trib-toast.h"

/* The drop-down's label of an account. */
static char *
account_label (TribConnection *connection)
{
  const char *id = connection != NULL ? trib_connection_get_id (connection) : NULL;
  const char *name = connection != NULL ? trib_connection_get_name (connection) : NULL;

  if (id == NULL)
    return NULL;
  if (*id == '\0')
    return g_strdup (_("Data Landing Zone"));
  if (name == NULL || *name == '\0')
    return g_strdup (id);

  return g_strdup (name);
}

void
_trib_explore_view_setup_accounts (TribExploreView *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->account_store = g_list_store_new (TRIB_TYPE_CONNECTION);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (account_label), NULL, NULL);
  gtk_drop_down_set_expression (self->account_dropdown, expression);
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (self->account_store));
}

/* The position of @connection_id in the drop-down, or
 * GTK_INVALID_LIST_POSITION.
 */
static guint
find_account (TribExploreView *self,
              const char      *connection_id)
{
  GListModel *model = G_LIST_MODEL (self->account_store);

  for (guint i = 0; connection_id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (model, i);

      if (g_strcmp0 (trib_connection_get_id (connection), connection_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_trib_explore_view_update_title (TribExploreView *self)
{
  guint position = find_account (self, self->connection_id);
  g_autofree char *name = NULL;
  GtkRoot *root;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (G_LIST_MODEL (self->account_store), position);

      name = account_label (connection);
    }
  else if (self->connection_id != NULL && *self->connection_id == '\0')
    name = g_strdup (_("Data Landing Zone"));

  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Explore"));
  adw_window_title_set_subtitle (self->window_title, name != NULL ? _("Explore") : NULL);

  /* The view is its window's content: the window list and the task
   * switcher tell two explore windows apart by their source.
   */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      g_autofree char *title = NULL;

      if (name != NULL)
        /* Translators: a window's title; %s is the account explored */
        title = g_strdup_printf (_("%s — Explore"), name);
      gtk_window_set_title (GTK_WINDOW (root), title != NULL ? title : _("Explore"));
    }
}

void
_trib_explore_view_select_account_row (TribExploreView *self)
{
  self->filling_accounts = TRUE;
  gtk_drop_down_set_selected (self->account_dropdown, find_account (self, self->connection_id));
  self->filling_accounts = FALSE;
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribExploreView) self = user_data;
  g_autoptr(GError) error = NULL;
  TribPagedList *accounts = TRIB_PAGED_LIST (object);
  g_autoptr(GPtrArray) items = NULL;
  guint n_items;

  if (!trib_paged_list_load_all_finish (accounts, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && accounts == self->accounts)
        {
          g_autofree char *message = g_strdup_printf (_("Could not list the accounts: %s"), error->message);

          trib_toast_show_message (GTK_WIDGET (self), message);
        }
      return;
    }
  if (accounts != self->accounts)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, trib_connection_new_landing_zone ());
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (accounts), i));

  self->filling_accounts = TRUE;
  g_list_store_splice (self->account_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->account_store)),
                       items->pdata, items->len);
  self->filling_accounts = FALSE;
  _trib_explore_view_select_account_row (self);
  _trib_explore_view_update_title (self);
}

void
_trib_explore_view_account_selected_cb (TribExploreView *self)
{
  TribConnection *connection = gtk_drop_down_get_selected_item (self->account_dropdown);

  if (self->filling_accounts || connection == NULL)
    return;

  trib_explore_view_set_connection_id (self, trib_connection_get_id (connection));
}

void
_trib_explore_view_load_accounts (TribExploreView *self)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));

  if (self->accounts != NULL)
    trib_paged_list_cancel (self->accounts);
  g_clear_object (&self->accounts);
  if (client == NULL)
    return;

  self->accounts = trib_flow_service_list_connections (client, NULL);
  trib_paged_list_load_all_async (self->accounts, NULL, accounts_loaded_cb, g_object_ref (self));
}
