/* trib-accounts-page.c
 *
 * The sandbox's accounts (Flow Service base connections), read a page at
 * a time as the list scrolls, searchable by name, with rename and delete
 * from the row's menu or the keyboard (F2, Delete, Enter for details).
 * A change is sent with the etag the account had when read: when someone
 * changed it since, the page says so and offers to read it again and
 * apply the change to what it is now.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-account-item.h"
#include "trib-accounts-page-private.h"
#include "trib-flow-service.h"
#include "trib-keynav.h"
#include "trib-list-cell.h"
#include "trib-toast.h"

G_DEFINE_FINAL_TYPE (TribAccountsPage, trib_accounts_page, TRIB_TYPE_SESSION_PAGE)

/* List */

static gpointer
map_connection (gpointer item,
                gpointer user_data)
{
  TribAccountsPage *self = user_data;
  g_autoptr(TribConnection) connection = item;
  TribConnectionSpec *spec = g_hash_table_lookup (self->specs, trib_connection_get_spec_id (connection));

  return trib_account_item_new (connection, spec != NULL ? trib_connection_spec_get_connector_name (spec) : NULL);
}

/* The list read again after a change: the keys go on where they were,
 * on the account changed, or on the one that took a deleted one's place,
 * rather than in the search field with the first row selected.
 */
static void
reselect (TribAccountsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);
  guint position = MIN (self->reselect_position, n_items > 0 ? n_items - 1 : 0);

  self->reselect = FALSE;
  for (guint i = 0; self->reselect_id != NULL && i < n_items; i++)
    {
      g_autoptr(TribAccountItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (trib_connection_get_id (trib_account_item_get_connection (item)), self->reselect_id) == 0)
        position = i;
    }
  g_clear_pointer (&self->reselect_id, g_free);

  if (n_items == 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0)
    return;

  /* Through the list's own actions, so that its cursor (where the
   * arrows go from) is the row selected, which the actions act on.
   */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.select-item", "(ubb)", position, FALSE, FALSE);
}

static void
update_results (TribAccountsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean loading = self->list != NULL && trib_paged_list_get_loading (self->list);
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (self->reselect && !loading && self->list != NULL &&
      (trib_paged_list_get_complete (self->list) || g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0))
    reselect (self);

  gtk_widget_set_visible (self->more_label,
                          loading && self->list != NULL &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0);

  if (search[0] != '\0' && none && !loading)
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_strdup_printf (_("No account’s name contains “%s”."), search);

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->results_stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "list");
}

/* A search needs every name: the platform cannot search them. */
static void
load_all_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* Its error is the list's, which the list view shows. */
  trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, NULL);
}

static void
apply_search (TribAccountsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (search[0] == '\0')
    {
      /* Without a filter the list is read only as far as it is seen. */
      gtk_filter_list_model_set_filter (self->filtered, NULL);
    }
  else
    {
      g_autoptr(GtkStringFilter) filter =
        gtk_string_filter_new (gtk_property_expression_new (TRIB_TYPE_ACCOUNT_ITEM, NULL, "name"));

      gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
      gtk_string_filter_set_ignore_case (filter, TRUE);
      gtk_string_filter_set_search (filter, search);
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (filter));

      if (self->list != NULL && !trib_paged_list_get_complete (self->list))
        trib_paged_list_load_all_async (self->list, self->cancellable, load_all_cb, NULL);
    }

  update_results (self);
}

static void
reload_list (TribAccountsPage *self)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      trib_paged_list_cancel (self->list);
    }
  g_clear_object (&self->list);

  if (trib_session_page_has_sandbox (page))
    {
      self->list = trib_flow_service_list_connections (trib_session_page_get_client (page), NULL);
      g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);
    }

  gtk_map_list_model_set_model (self->items, G_LIST_MODEL (self->list));
  trib_paged_list_view_set_model (self->paged_view, self->list);
  apply_search (self);
}

static void
search_changed_cb (TribAccountsPage *self)
{
  apply_search (self);
}

/* The connectors' names come after the first rows: draw them again. */
static void
specs_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribAccountsPage) self = user_data;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GError) error = NULL;

  specs = trib_flow_service_list_connection_specs_finish (result, &error);
  if (specs == NULL)
    {
      /* Rows show the spec's id instead; nothing else needs them. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No connector names: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (specs, i);

      g_hash_table_replace (self->specs, g_strdup (trib_connection_spec_get_id (spec)), g_object_ref (spec));
    }

  gtk_map_list_model_set_map_func (self->items, map_connection, self, NULL);
  if (self->shown != NULL)
    _trib_accounts_page_show_details (self, self->shown);
}

/* The menu button of the account's row, if the row is in view. */
static GtkWidget *
find_row_button (GtkWidget  *widget,
                 const char *connection_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_name (child), connection_id) == 0)
        return child;
      if ((found = find_row_button (child, connection_id)) != NULL)
        return found;
    }

  return NULL;
}

static void
list_activate_cb (TribAccountsPage *self,
                  guint             position)
{
  g_autoptr(TribAccountItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    _trib_accounts_page_show_details (self, trib_account_item_get_connection (item));
}

static gboolean
unparent_menu_cb (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);

  return G_SOURCE_REMOVE;
}

static void
row_menu_closed_cb (GtkPopover *popover)
{
  /* Not from its own signal: it is still being closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_menu_cb, g_object_ref (popover), g_object_unref);
}

/* The row whose menu opens becomes the row the menu's actions act on. */
static void
account_row_menu_cb (GtkButton *button)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  GtkWidget *popover;

  gtk_widget_activate_action (GTK_WIDGET (button), "accounts.select", "s", gtk_widget_get_name (GTK_WIDGET (button)));

  g_menu_append (menu, _("_Details"), "accounts.details");
  g_menu_append (menu, _("_Rename…"), "accounts.rename");
  g_menu_append (menu, _("_Test Credentials"), "accounts.test");
  g_menu_append (danger, _("_Delete…"), "accounts.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  g_signal_connect (popover, "closed", G_CALLBACK (row_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Changes */

/**
 * _trib_accounts_page_get_account:
 *
 * Returns: (nullable): the account actions act on: the one in the
 *   details, or the one selected in the list
 */
TribConnection *
_trib_accounts_page_get_account (TribAccountsPage *self)
{
  TribAccountItem *item;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") == 0)
    return self->shown;

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? trib_account_item_get_connection (item) : NULL;
}

/* An account changed or went: the list is read again, and the details
 * show it as it is now.
 */
void
_trib_accounts_page_changed (TribAccountsPage *self,
                             const char       *connection_id)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_free (self->reselect_id);
  self->reselect_id = g_strdup (connection_id);
  self->reselect_position = selected != GTK_INVALID_LIST_POSITION ? selected : 0;
  self->reselect = TRUE;
  reload_list (self);

  if (self->shown != NULL && connection_id != NULL &&
      g_strcmp0 (trib_connection_get_id (self->shown), connection_id) == 0)
    _trib_accounts_page_show_details (self, self->shown);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _trib_accounts_page_rename (TRIB_ACCOUNTS_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _trib_accounts_page_delete (TRIB_ACCOUNTS_PAGE (widget));
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribAccountItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (trib_connection_get_id (trib_account_item_get_connection (item)), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (widget);
  TribConnection *connection = _trib_accounts_page_get_account (self);

  if (connection != NULL)
    _trib_accounts_page_show_details (self, connection);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  _trib_accounts_page_clear_details (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _trib_accounts_page_test (TRIB_ACCOUNTS_PAGE (widget));
}

static void
update_credentials_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  _trib_accounts_page_update_credentials (TRIB_ACCOUNTS_PAGE (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (widget);

  back_action (widget, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Menu or Shift+F10: the selected row's menu, as its button opens it. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (widget);
  TribAccountItem *item = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *button;

  if (item == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0)
    return;

  button = find_row_button (GTK_WIDGET (self->list_view),
                            trib_connection_get_id (trib_account_item_get_connection (item)));
  if (button != NULL)
    account_row_menu_cb (GTK_BUTTON (button));
}

/**
 * trib_accounts_page_reload:
 * @self: a #TribAccountsPage
 *
 * Reads the accounts again, and the account shown.
 */
void
trib_accounts_page_reload (TribAccountsPage *self)
{
  g_return_if_fail (TRIB_IS_ACCOUNTS_PAGE (self));

  _trib_accounts_page_changed (self, self->shown != NULL ? trib_connection_get_id (self->shown) : NULL);
}

/* GObject */

/* Another session or sandbox: nothing of the last one stays. */
static void
trib_accounts_page_session_changed (TribSessionPage *page)
{
  TribAccountsPage *self = TRIB_ACCOUNTS_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  _trib_accounts_page_set_busy (self, FALSE);

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  _trib_accounts_page_clear_details (self);
  g_hash_table_remove_all (self->specs);
  reload_list (self);

  if (trib_session_page_has_sandbox (page))
    trib_flow_service_list_connection_specs_async (trib_session_page_get_client (page), NULL, self->cancellable,
                                                   specs_cb, g_object_ref (self));
}

static void
trib_accounts_page_dispose (GObject *object)
{
  TribAccountsPage *self = (TribAccountsPage *)object;

  g_cancellable_cancel (self->cancellable);
  _trib_accounts_page_clear_details (self);
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      trib_paged_list_cancel (self->list);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ACCOUNTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (trib_accounts_page_parent_class)->dispose (object);
}

static void
trib_accounts_page_finalize (GObject *object)
{
  TribAccountsPage *self = (TribAccountsPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->specs, g_hash_table_unref);
  g_clear_pointer (&self->credential_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reselect_id, g_free);

  G_OBJECT_CLASS (trib_accounts_page_parent_class)->finalize (object);
}

static void
trib_accounts_page_class_init (TribAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_accounts_page_dispose;
  object_class->finalize = trib_accounts_page_finalize;
  page_class->session_changed = trib_accounts_page_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, paged_view);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, connector_row);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, auth_row);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, explore_button);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, test_label);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, TribAccountsPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "accounts.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "accounts.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "accounts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "accounts.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "accounts.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "accounts.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "accounts.update-credentials", NULL, update_credentials_action);
  gtk_widget_class_install_action (widget_class, "accounts.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "accounts.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "accounts.rename", NULL);
  /* The keypad's key first: a menu shows the action's last one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "accounts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "accounts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "accounts.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "accounts.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "accounts.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "accounts.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "accountspage");
}

static void
trib_accounts_page_init (TribAccountsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  g_type_ensure (TRIB_TYPE_ACCOUNT_ITEM);
  g_type_ensure (TRIB_TYPE_LIST_CELL);
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->specs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->credential_rows = g_ptr_array_new ();

  self->items = gtk_map_list_model_new (NULL, map_connection, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "account_row_menu_cb",
                                          G_CALLBACK (account_row_menu_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-account-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));

  trib_paged_list_view_set_empty (self->paged_view, _("No Accounts"),
                                  _("An account holds the credentials of a source. Connect a source to add one."));
}

static void
account_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TribAccountsPage) self = user_data;
  g_autoptr(TribConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (!(connection = trib_flow_service_get_connection_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  _trib_accounts_page_show_details (self, connection);
}

/**
 * trib_accounts_page_show_account:
 * @self: a #TribAccountsPage
 * @account_id: an account's (base connection's) id
 *
 * Reads the account and shows its details: where a dataflow's chain
 * sends its account.
 */
void
trib_accounts_page_show_account (TribAccountsPage *self,
                                 const char       *account_id)
{
  g_return_if_fail (TRIB_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (account_id != NULL);

  if (!trib_session_page_has_sandbox (TRIB_SESSION_PAGE (self)))
    return;

  trib_flow_service_get_connection_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), account_id,
                                          self->cancellable, account_read_cb, g_object_ref (self));
}
