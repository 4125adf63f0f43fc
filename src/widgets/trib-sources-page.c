/* trib-sources-page.c
 *
 * The catalog of source connectors (Flow Service's connection specs
 * that are sources), by category, searchable, each with how many
 * accounts (base connections) the sandbox has for it. Activating one
 * opens Connect (trib-connect-dialog.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sources-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-connect-dialog.h"
#include "trib-flow-service.h"
#include "trib-format.h"
#include "trib-list-cell.h"
#include "trib-session-page.h"
#include "trib-source-item.h"
#include "trib-sources-page.h"
#include "trib-toast.h"
#include "trib-tooltip-bin.h"

struct _TribSourcesPage
{
  TribSessionPage parent_instance;

  GCancellable *cancellable;
  /* TribSourceItem, by category then name */
  GListStore *items;
  /* the sandbox's base connections, once read */
  GListModel *accounts;
  /* the GtkFilter of each category's list */
  GPtrArray *filters;
  GtkListItemFactory *factory;
  gboolean counted;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwStatusPage *empty_page;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (TribSourcesPage, trib_sources_page, TRIB_TYPE_SESSION_PAGE)

static void load_accounts (TribSourcesPage *self);

/* Rows (trib-source-row.ui) */

static char *
source_row_accounts (GtkListItem *item,
                     guint        n_accounts)
{
  TribSourceItem *source = item != NULL ? gtk_list_item_get_item (item) : NULL;

  /* Activating it explores it at once: say so where "No accounts" would
   * suggest making one first.
   */
  if ((n_accounts == 0 || n_accounts == TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN) && source != NULL &&
      trib_connection_spec_explores_without_account (trib_source_item_get_spec (source)))
    return g_strdup (_("No account needed"));

  /* Not counted: say nothing rather than "No accounts". */
  if (n_accounts == TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN)
    return NULL;

  if (n_accounts == 0)
    return g_strdup (_("No accounts"));

  /* Translators: how many accounts of a connector the sandbox has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", n_accounts), n_accounts);
}

static char *
source_row_name (GtkListItem    *item,
                 TribSourceItem *source,
                 guint           n_accounts)
{
  g_autofree char *accounts = NULL;

  if (source == NULL)
    return NULL;

  accounts = source_row_accounts (item, n_accounts);

  return trib_a11y_join_parts (trib_source_item_get_name (source), accounts, NULL);
}

/* The platform names an icon of its own web catalog; the icon theme
 * rarely has it, and then the category's stands in.
 */
static char *
source_row_icon (GtkListItem    *item,
                 TribSourceItem *source)
{
  static const struct {
    const char *category;
    const char *icon;
  } icons[] = {
    { "Cloud Storage", "folder-remote-symbolic" },
    { "Databases", "drive-multidisk-symbolic" },
    { "Protocols", "network-server-symbolic" },
    { "CRM", "system-users-symbolic" },
  };
  const char *key;
  const char *category;
  GdkDisplay *display = gdk_display_get_default ();

  if (source == NULL)
    return NULL;

  key = trib_connection_spec_get_icon_key (trib_source_item_get_spec (source));
  if (key != NULL && display != NULL && gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (display), key))
    return g_strdup (key);

  category = trib_source_item_get_category (source);
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (category, icons[i].category) == 0)
      return g_strdup (icons[i].icon);

  return g_strdup ("application-x-addon-symbolic");
}

/* States */

static void
set_state (TribSourcesPage *self,
           const char      *state)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
}

typedef struct
{
  TribSourcesPage *page;
  char *category;
} CategoryFilter;

static void
category_filter_free (gpointer data)
{
  CategoryFilter *filter = data;

  g_free (filter->category);
  g_free (filter);
}

static gboolean
category_filter_match (gpointer item,
                       gpointer user_data)
{
  CategoryFilter *filter = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (filter->page->search_entry));
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (g_strcmp0 (trib_source_item_get_category (item), filter->category) != 0)
    return FALSE;
  if (search == NULL || search[0] == '\0')
    return TRUE;

  name = g_utf8_casefold (trib_source_item_get_name (item), -1);
  needle = g_utf8_casefold (search, -1);

  return strstr (name, needle) != NULL;
}

/* Each category shows as long as it lists a connector; with none left
 * by the search, the page says so.
 */
static void
update_groups (TribSourcesPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean any = FALSE;

  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GListModel *model = g_object_get_data (G_OBJECT (group), "trib-model");
      gboolean shown = model != NULL && g_list_model_get_n_items (model) > 0;

      gtk_widget_set_visible (group, shown);
      any |= shown;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return;

  if (any)
    {
      set_state (self, "list");
      return;
    }

  {
    /* Translators: %s is what the user searched for */
    g_autofree char *description = g_strdup_printf (_("No source connector’s name contains “%s”."), search);

    adw_status_page_set_title (self->empty_page, _("No Connector Found"));
    adw_status_page_set_description (self->empty_page, description);
    adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  }
  set_state (self, "empty");
}

static void
search_changed_cb (TribSourcesPage *self)
{
  for (guint i = 0; i < self->filters->len; i++)
    gtk_filter_changed (g_ptr_array_index (self->filters, i), GTK_FILTER_CHANGE_DIFFERENT);

  update_groups (self);
}

static void
stop_search_cb (TribSourcesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
connect_saved_cb (TribSourcesPage *self)
{
  load_accounts (self);
}

static void
open_connect (TribSourcesPage *self,
              TribSourceItem  *item)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TribConnectDialog *dialog;

  if (client == NULL || session == NULL || !GTK_IS_WINDOW (root))
    return;

  /* Nothing to connect: the platform explores it through its spec. */
  if (trib_connection_spec_explores_without_account (trib_source_item_get_spec (item)) &&
      trib_connect_dialog_can_explore (GTK_WINDOW (root)) &&
      gtk_widget_activate_action (GTK_WIDGET (root), "win.explore-source", "s", ""))
    return;

  dialog = trib_connect_dialog_new (GTK_WINDOW (root), session, trib_source_item_get_spec (item), self->accounts);
  g_signal_connect_object (dialog, "account-saved", G_CALLBACK (connect_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_activate_cb (GtkListView *list_view,
                  guint        position,
                  gpointer     user_data)
{
  TribSourcesPage *self = user_data;
  g_autoptr(TribSourceItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)),
                                                           position);

  if (item != NULL)
    open_connect (self, item);
}

/* Enter in the search opens the first connector it finds. */
static void
search_activate_cb (TribSourcesPage *self)
{
  /* What was typed last may not have filtered yet. */
  search_changed_cb (self);
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box)); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GListModel *model = g_object_get_data (G_OBJECT (group), "trib-model");

      if (model != NULL && g_list_model_get_n_items (model) > 0)
        {
          g_autoptr(TribSourceItem) item = g_list_model_get_item (model, 0);

          open_connect (self, item);
          return;
        }
    }
}

static GtkWidget *
new_group (TribSourcesPage *self,
           const char      *category)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (category[0] != '\0' ? category : _("Other"));
  CategoryFilter *data = g_new0 (CategoryFilter, 1);
  GtkCustomFilter *filter;
  GtkFilterListModel *model;
  GtkWidget *list_view;

  data->page = self;
  data->category = g_strdup (category);
  filter = gtk_custom_filter_new (category_filter_match, data, category_filter_free);
  g_ptr_array_add (self->filters, g_object_ref (filter));
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), GTK_FILTER (filter));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (model)))),
                                 g_object_ref (self->factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "card");
  gtk_widget_add_css_class (list_view, "source-list");
  trib_a11y_set_label (list_view, gtk_label_get_label (GTK_LABEL (heading)));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  g_signal_connect_object (list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (box), list_view);

  g_object_set_data_full (G_OBJECT (box), "trib-model", model, g_object_unref);

  return box;
}

static void
clear_groups (TribSourcesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->filters, 0);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int by_category = g_utf8_collate (trib_source_item_get_category ((gpointer) a),
                                    trib_source_item_get_category ((gpointer) b));

  if (by_category != 0)
    return by_category;

  return g_utf8_collate (trib_source_item_get_name ((gpointer) a), trib_source_item_get_name ((gpointer) b));
}

static void
count_accounts (TribSourcesPage *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_accounts = self->accounts != NULL ? g_list_model_get_n_items (self->accounts) : 0;

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (self->accounts, i);
      const char *spec_id = trib_connection_get_spec_id (connection);

      if (spec_id != NULL)
        g_hash_table_insert (counts, (gpointer) spec_id,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, spec_id)) + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(TribSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *id = trib_connection_spec_get_id (trib_source_item_get_spec (item));

      trib_source_item_set_n_accounts (item, GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)));
    }
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribSourcesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && G_LIST_MODEL (object) == self->accounts)
        {
          g_autofree char *text = trib_format_error_text (error->message);
          /* Translators: %s is the platform's explanation */
          g_autofree char *message = g_strdup_printf (_("Accounts could not be counted: %s"), text);
          g_autofree char *markup = g_markup_escape_text (message, -1);
          AdwToast *toast = adw_toast_new (markup);

          /* The counts shown were not read: none is claimed. */
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
            {
              g_autoptr(TribSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

              trib_source_item_set_n_accounts (item, TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN);
            }
          adw_toast_set_button_label (toast, _("_Try Again"));
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          adw_toast_set_timeout (toast, 0);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (load_accounts), self, G_CONNECT_SWAPPED);
          trib_toast_show (GTK_WIDGET (self), toast);
        }
      return;
    }

  if (G_LIST_MODEL (object) != self->accounts)
    return;

  count_accounts (self);
  self->counted = TRUE;
}

static void
load_accounts (TribSourcesPage *self)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));

  g_clear_object (&self->accounts);
  self->counted = FALSE;
  if (client == NULL)
    return;

  self->accounts = G_LIST_MODEL (trib_flow_service_list_connections (client, NULL));
  trib_paged_list_load_all_async (TRIB_PAGED_LIST (self->accounts), self->cancellable, accounts_loaded_cb,
                                  g_object_ref (self));
}

static void
specs_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TribSourcesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) specs = trib_flow_service_list_connection_specs_finish (result, &error);
  const char *last_category = NULL;

  if (specs == NULL)
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      description = trib_format_error_text (error->message);
      adw_status_page_set_description (self->error_page, description);
      set_state (self, "error");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (specs, i);

      if (trib_connection_spec_is_source (spec))
        {
          g_autoptr(TribSourceItem) item = trib_source_item_new (spec);

          g_list_store_insert_sorted (self->items, item, compare_items, NULL);
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Source Connectors"));
      adw_status_page_set_description (self->empty_page,
                                       _("The platform offers no source connector in this sandbox."));
      adw_status_page_set_icon_name (self->empty_page, "folder-remote-symbolic");
      set_state (self, "empty");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(TribSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *category = trib_source_item_get_category (item);

      if (last_category == NULL || g_strcmp0 (category, last_category) != 0)
        gtk_box_append (self->groups_box, new_group (self, category));
      last_category = category;
    }

  update_groups (self);
  load_accounts (self);
}

/**
 * trib_sources_page_reload:
 *
 * Reads the catalog and the sandbox's accounts again.
 */
void
trib_sources_page_reload (TribSourcesPage *self)
{
  TribPlatformClient *client;

  g_return_if_fail (TRIB_IS_SOURCES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_object (&self->accounts);
  self->counted = FALSE;
  clear_groups (self);
  g_list_store_remove_all (self->items);
  set_state (self, "loading");

  client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));
  if (client == NULL || !trib_session_page_has_sandbox (TRIB_SESSION_PAGE (self)))
    return;

  trib_flow_service_list_connection_specs_async (client, NULL, self->cancellable, specs_loaded_cb,
                                                 g_object_ref (self));
}

/**
 * trib_sources_page_get_items:
 *
 * Returns: (transfer none): the catalog's source connectors, as
 *   #TribSourceItem
 */
GListModel *
trib_sources_page_get_items (TribSourcesPage *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCES_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * trib_sources_page_get_state:
 *
 * Returns: what the page shows: "loading", "error", "empty" or "list"
 */
const char *
trib_sources_page_get_state (TribSourcesPage *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * trib_sources_page_get_counted:
 *
 * Returns: whether the connectors' accounts are counted
 */
gboolean
trib_sources_page_get_counted (TribSourcesPage *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCES_PAGE (self), FALSE);

  return self->counted;
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (TRIB_SOURCES_PAGE (widget)->search_entry));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  trib_sources_page_reload (TRIB_SOURCES_PAGE (widget));
}

/* Alt+6 comes to the page to search it. */
static gboolean
trib_sources_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRIB_SOURCES_PAGE (widget)->search_entry));
}

static void
trib_sources_page_session_changed (TribSessionPage *page)
{
  trib_sources_page_reload (TRIB_SOURCES_PAGE (page));
}

static void
trib_sources_page_dispose (GObject *object)
{
  TribSourcesPage *self = (TribSourcesPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->factory);
  if (self->groups_box != NULL)
    clear_groups (self);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SOURCES_PAGE);

  G_OBJECT_CLASS (trib_sources_page_parent_class)->dispose (object);
}

static void
trib_sources_page_finalize (GObject *object)
{
  TribSourcesPage *self = (TribSourcesPage *)object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->filters, g_ptr_array_unref);

  G_OBJECT_CLASS (trib_sources_page_parent_class)->finalize (object);
}

static void
trib_sources_page_class_init (TribSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_sources_page_dispose;
  object_class->finalize = trib_sources_page_finalize;
  widget_class->grab_focus = trib_sources_page_grab_focus;
  page_class->session_changed = trib_sources_page_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TribSourcesPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "sources.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "sources.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "sources.find", NULL);

  gtk_widget_class_set_css_name (widget_class, "sourcespage");
}

static void
trib_sources_page_init (TribSourcesPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  g_type_ensure (TRIB_TYPE_SOURCE_ITEM);
  g_type_ensure (TRIB_TYPE_LIST_CELL);
  g_type_ensure (TRIB_TYPE_TOOLTIP_BIN);

  self->items = g_list_store_new (TRIB_TYPE_SOURCE_ITEM);
  self->filters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "source_row_name", G_CALLBACK (source_row_name),
                                           "source_row_icon", G_CALLBACK (source_row_icon),
                                           "source_row_accounts", G_CALLBACK (source_row_accounts),
                                           NULL);
  self->factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-source-row.ui");

  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);

  set_state (self, "loading");
}
