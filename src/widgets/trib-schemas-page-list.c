/* trib-schemas-page-list.c
 *
 * The schemas page's list of resources: one kind, yours or Adobe's,
 * searched by title, read a page at a time; a resource a link or a
 * creation led to is selected once its page arrives.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schemas-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-format.h"
#include "trib-list-cell.h"
#include "trib-platform-enums.h"
#include "trib-schema-registry.h"
#include "trib-schemas-list-row.h"
#include "trib-schemas-page-private.h"

static int
selected_value (GtkDropDown *dropdown)
{
  AdwEnumListItem *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? adw_enum_list_item_get_value (item) : 0;
}

static void
select_value (GtkDropDown *dropdown,
              int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (dropdown));

  gtk_drop_down_set_selected (dropdown, adw_enum_list_model_find_position (model, value));
}

static TribXdmKind
selected_kind (TribSchemasPage *self)
{
  return (TribXdmKind) selected_value (self->kind_dropdown);
}

TribXdmContainer
_trib_schemas_page_selected_container (TribSchemasPage *self)
{
  return (TribXdmContainer) selected_value (self->container_dropdown);
}

char *
_trib_schemas_page_describe_kind (gpointer    item,
                                  TribXdmKind kind)
{
  switch (kind)
    {
    case TRIB_XDM_KIND_SCHEMA:
      return g_strdup (_("Schemas"));
    case TRIB_XDM_KIND_CLASS:
      return g_strdup (_("Classes"));
    case TRIB_XDM_KIND_FIELD_GROUP:
      return g_strdup (_("Field Groups"));
    case TRIB_XDM_KIND_DATA_TYPE:
      return g_strdup (_("Data Types"));
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
_trib_schemas_page_describe_container (gpointer         item,
                                       TribXdmContainer container)
{
  switch (container)
    {
    case TRIB_XDM_CONTAINER_TENANT:
      return g_strdup (C_("xdm container", "Yours"));
    case TRIB_XDM_CONTAINER_GLOBAL:
      return g_strdup (C_("xdm container", "Adobe’s"));
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_trib_schemas_page_describe_behavior (TribXdmBehavior behavior)
{
  switch (behavior)
    {
    case TRIB_XDM_BEHAVIOR_RECORD:
      return C_("xdm behavior", "Record");
    case TRIB_XDM_BEHAVIOR_TIME_SERIES:
      return C_("xdm behavior", "Time series");
    case TRIB_XDM_BEHAVIOR_ADHOC:
      return C_("xdm behavior", "Ad hoc");
    case TRIB_XDM_BEHAVIOR_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
_trib_schemas_page_title_for_id (TribSchemasPage *self,
                                 TribXdmKind      kind,
                                 const char      *id)
{
  const char *title = self->titles != NULL ? trib_xdm_titles_lookup (self->titles, kind, id) : NULL;
  const char *slash;

  if (title != NULL)
    return title;

  /* Until its title arrives, the end of an id reads best. */
  slash = strrchr (id, '/');

  return slash != NULL && slash[1] != '\0' ? slash + 1 : id;
}

/* Selects the resource a link or a creation led to, once the list holds
 * it, reading on page by page until the list ends.
 */
static void
select_pending (TribSchemasPage *self)
{
  guint n_items;

  if (self->pending_id == NULL || self->list == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmResource) resource = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (g_str_equal (trib_xdm_resource_get_id (resource), self->pending_id))
        {
          g_clear_pointer (&self->pending_id, g_free);
          gtk_single_selection_set_selected (self->list_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }

  if (trib_paged_list_get_complete (self->list) || trib_paged_list_get_error (self->list) != NULL)
    g_clear_pointer (&self->pending_id, g_free);
  else if (!trib_paged_list_get_loading (self->list))
    trib_paged_list_load_more (self->list);
}

void
_trib_schemas_page_reload_list (TribSchemasPage *self)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));

  if (self->freeze_reload)
    return;

  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->list);
  g_free (self->list_search);
  self->list_search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (trib_session_page_has_sandbox (TRIB_SESSION_PAGE (self)))
    self->list = trib_schema_registry_list (client, selected_kind (self), _trib_schemas_page_selected_container (self),
                                            self->list_search, NULL);

  if (self->list_search[0] != '\0')
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_strdup_printf (_("Nothing has a title containing “%s”."), self->list_search);

      trib_paged_list_view_set_empty (self->paged_view, _("No Results"), description);
    }
  else
    trib_paged_list_view_set_empty (self->paged_view, _("Nothing Here Yet"), NULL);

  g_signal_group_set_target (self->list_signals, self->list);
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (self->list));
  trib_paged_list_view_set_model (self->paged_view, self->list);
  select_pending (self);
}

/* Lists the resources of @kind and @container unfiltered, and selects
 * @id there once it arrives: an old search must not hide the resource a
 * link or a creation led to.
 */
void
_trib_schemas_page_reveal_in_list (TribSchemasPage  *self,
                                   TribXdmKind       kind,
                                   TribXdmContainer  container,
                                   const char       *id)
{
  g_free (self->pending_id);
  self->pending_id = g_strdup (id);

  self->freeze_reload = TRUE;
  select_value (self->kind_dropdown, kind);
  select_value (self->container_dropdown, container);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->freeze_reload = FALSE;

  _trib_schemas_page_reload_list (self);
}

void
_trib_schemas_page_search_changed_cb (TribSchemasPage *self)
{
  /* The search entry says so a moment after its text was set, by then
   * perhaps already listed.
   */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->list_search) != 0)
    _trib_schemas_page_reload_list (self);
}

void
_trib_schemas_page_list_options_changed_cb (TribSchemasPage *self)
{
  _trib_schemas_page_reload_list (self);
}

/* The row's accessible name (trib-schemas-list-row.ui). */
static char *
schemas_row_name (GtkListItem     *item,
                  TribXdmResource *resource,
                  const char      *subtitle)
{
  if (resource == NULL)
    return NULL;

  return trib_a11y_join_parts (trib_xdm_resource_get_title (resource), subtitle != NULL ? subtitle : "", NULL);
}

void
_trib_schemas_page_init_list (TribSchemasPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->list_signals = g_signal_group_new (TRIB_TYPE_PAGED_LIST);
  g_signal_group_connect_object (self->list_signals, "notify::loading",
                                 G_CALLBACK (select_pending), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->list_signals, "notify::error",
                                 G_CALLBACK (select_pending), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->list_signals, "notify::n-items",
                                 G_CALLBACK (select_pending), self, G_CONNECT_SWAPPED);

  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));

  g_type_ensure (TRIB_TYPE_LIST_CELL);
  g_type_ensure (TRIB_TYPE_SCHEMAS_LIST_ROW);
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "schemas_row_name",
                                          G_CALLBACK (schemas_row_name));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-schemas-list-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
}
