/* trib-explore-view-accounts.c
 *
 * The explore view's account switcher: the sandbox's base connections,
 * and the Data Landing Zone, which needs none.
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

void
_trib_explore_view_update_title (TribExploreView *self)
{
  const char *name = NULL;

  if (self->connection_id != NULL && *self->connection_id == '\0')
    name = _("Data Landing Zone");
  else if (self->account_ids != NULL && self->connection_id != NULL)
    for (guint i = 0; i < self->account_ids->len; i++)
      if (g_str_equal (self->account_ids->pdata[i], self->connection_id))
        name = gtk_string_list_get_string (self->account_names, i);

  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Explore"));
  adw_window_title_set_subtitle (self->window_title, name != NULL ? _("Explore") : NULL);
}

void
_trib_explore_view_select_account_row (TribExploreView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->account_ids != NULL && self->connection_id != NULL)
    for (guint i = 0; i < self->account_ids->len; i++)
      if (g_str_equal (self->account_ids->pdata[i], self->connection_id))
        position = i;

  self->filling_accounts = TRUE;
  gtk_drop_down_set_selected (self->account_dropdown, position);
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
  guint n_items;
  g_autoptr(GPtrArray) names = NULL;

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
  names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (self->account_ids, 0);
  g_ptr_array_add (self->account_ids, g_strdup (""));
  g_ptr_array_add (names, g_strdup (_("Data Landing Zone")));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      g_ptr_array_add (self->account_ids, g_strdup (trib_connection_get_id (connection)));
      g_ptr_array_add (names, g_strdup (trib_connection_get_name (connection)));
    }
  g_ptr_array_add (names, NULL);

  self->filling_accounts = TRUE;
  gtk_string_list_splice (self->account_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->account_names)),
                          (const char * const *) names->pdata);
  self->filling_accounts = FALSE;
  _trib_explore_view_select_account_row (self);
  _trib_explore_view_update_title (self);
}

void
_trib_explore_view_account_selected_cb (TribExploreView *self)
{
  guint position = gtk_drop_down_get_selected (self->account_dropdown);

  if (self->filling_accounts || position >= self->account_ids->len)
    return;

  trib_explore_view_set_connection_id (self, self->account_ids->pdata[position]);
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
