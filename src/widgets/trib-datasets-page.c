/* trib-datasets-page.c
 *
 * The sandbox's datasets, read from Catalog a page at a time as the list
 * scrolls, and one dataset's details: its schema, table, tags, labels
 * and recent batches, with "Query This Dataset" and deletion.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-datasets-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-catalog.h"
#include "trib-dataset-create-dialog.h"
#include "trib-dataset-detail.h"
#include "trib-datasets-columns.h"
#include "trib-datasets-page-private.h"
#include "trib-export-wizard.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-paged-list-view.h"
#include "trib-schema-registry.h"
#include "trib-session-page.h"
#include "trib-toast.h"
#include "trib-xdm-titles.h"

G_DEFINE_FINAL_TYPE (TribDatasetsPage, trib_datasets_page, TRIB_TYPE_SESSION_PAGE)

static void
add_toast (TribDatasetsPage *self,
           const char       *message)
{
  trib_toast_show_message (GTK_WIDGET (self), message);
}

static const char *
schema_title (TribDatasetsPage *self,
              const char       *schema_id)
{
  const char *title;
  const char *slash;

  if (schema_id == NULL)
    return NULL;
  if ((title = g_hash_table_lookup (self->schema_titles, schema_id)))
    return title;

  /* A schema the list did not have, made since it was read, is asked for
   * once the list is whole (not before: each id would be asked for).
   */
  if (self->schemas != NULL && trib_paged_list_get_complete (self->schemas) && self->titles != NULL &&
      (title = trib_xdm_titles_lookup (self->titles, TRIB_XDM_KIND_SCHEMA, schema_id)))
    return title;

  slash = strrchr (schema_id, '/');

  return slash != NULL && slash[1] != '\0' ? slash + 1 : schema_id;
}

static const char *
schema_title_cb (gpointer    data,
                 const char *schema_id)
{
  return schema_title (data, schema_id);
}

/* List */

/* A label, not a spinner: while 50,000 datasets come, a spinner has the
 * window drawn again at every frame, a quarter of the app's CPU with
 * software GL.
 */
static void
update_more_label (TribDatasetsPage *self)
{
  gtk_widget_set_visible (self->more_label,
                          self->list != NULL && trib_paged_list_get_loading (self->list) &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0);
}

void
_trib_datasets_page_reload_list (TribDatasetsPage *self)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  TribDatasetQuery query = { 0 };

  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->list);

  query.search = search;
  _trib_datasets_page_fill_query (self, &query);
  if (trib_session_page_has_sandbox (page))
    self->list = trib_catalog_query_datasets (trib_session_page_get_client (page), &query);

  if (search[0] != '\0')
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_strdup_printf (_("No dataset’s name or table matches “%s”."), search);

      trib_paged_list_view_set_empty (self->list_view, _("No Results"), description);
    }
  else if (_trib_datasets_page_get_filtered (self))
    trib_paged_list_view_set_empty (self->list_view, _("No Results"),
                                    _("No dataset matches these filters."));
  else
    trib_paged_list_view_set_empty (self->list_view, _("No Datasets"),
                                    _("Datasets hold the data of a schema. Create one to load data into it."));

  g_signal_group_set_target (self->list_signals, self->list);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  /* Another list is read from its first dataset. */
  trib_grid_slots_set_offset (self->slots, 0);
  trib_paged_list_view_set_model (self->list_view, self->list);
  update_more_label (self);
}

static void
reload_list (TribDatasetsPage *self)
{
  _trib_datasets_page_reload_list (self);
}

static void
search_changed_cb (TribDatasetsPage *self)
{
  reload_list (self);
}

static void
rebind_rows (TribDatasetsPage *self)
{
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->slots));
}

static void
title_known_cb (TribDatasetsPage *self,
                const char       *id)
{
  rebind_rows (self);

  if (self->dataset != NULL && g_strcmp0 (trib_dataset_get_schema_id (self->dataset), id) == 0)
    trib_dataset_detail_set_schema_title (self->detail, schema_title (self, id));
}

/* Schema titles arrive after the first rows are bound: bind them again. */
static void
schemas_changed_cb (TribDatasetsPage *self,
                    guint             position,
                    guint             removed,
                    guint             added,
                    GListModel       *schemas)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribXdmResource) schema = g_list_model_get_item (schemas, i);

      g_hash_table_replace (self->schema_titles, g_strdup (trib_xdm_resource_get_id (schema)),
                            g_strdup (trib_xdm_resource_get_title (schema)));
    }

  /* The registry's whole list is a few pages; read them all. */
  if (!trib_paged_list_get_complete (TRIB_PAGED_LIST (schemas)))
    trib_paged_list_load_more (TRIB_PAGED_LIST (schemas));

  _trib_datasets_page_schemas_changed (self);
  rebind_rows (self);
  if (self->dataset != NULL)
    trib_dataset_detail_set_schema_title (self->detail, schema_title (self, trib_dataset_get_schema_id (self->dataset)));
}

static void
reload_schema_titles (TribDatasetsPage *self)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);

  if (self->schemas != NULL)
    {
      trib_paged_list_cancel (self->schemas);
      g_signal_handlers_disconnect_by_func (self->schemas, schemas_changed_cb, self);
    }
  g_clear_object (&self->schemas);
  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_clear_object (&self->titles);
  g_hash_table_remove_all (self->schema_titles);
  _trib_datasets_page_schemas_changed (self);

  if (!trib_session_page_has_sandbox (page))
    return;

  /* The session's: the schemas page may have met the titles already. */
  self->titles = g_object_ref (trib_session_get_xdm_titles (trib_session_page_get_session (page)));
  g_signal_connect_object (self->titles, "title-known", G_CALLBACK (title_known_cb), self, G_CONNECT_SWAPPED);

  self->schemas = trib_schema_registry_list (trib_session_page_get_client (page), TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT, NULL, NULL);
  g_signal_connect_object (self->schemas, "items-changed", G_CALLBACK (schemas_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Detail */

static void
update_detail_spinner (TribDatasetsPage *self)
{
  gtk_spinner_set_spinning (self->detail_spinner, self->deleting || trib_dataset_detail_get_loading (self->detail));
}

static void
show_detail (TribDatasetsPage *self,
             TribDataset      *dataset)
{
  const char *schema_id = trib_dataset_get_schema_id (dataset);

  g_set_object (&self->dataset, dataset);

  gtk_label_set_label (self->name_label, trib_dataset_get_name (dataset));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datasets.query", trib_dataset_get_table_name (dataset) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datasets.show-schema", schema_id != NULL);
  trib_dataset_detail_show (self->detail, trib_session_page_get_client (TRIB_SESSION_PAGE (self)), dataset,
                            schema_title (self, schema_id));
  gtk_stack_set_visible_child_name (self->view_stack, "detail");
}

static void
row_activated_cb (TribDatasetsPage *self,
                  guint             position)
{
  guint row = trib_grid_slots_get_offset (self->slots) + position;
  g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (self->selection), row);

  if (dataset != NULL)
    show_detail (self, dataset);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribDatasetsPage) self = user_data;
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (!(dataset = trib_catalog_get_dataset_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  show_detail (self, dataset);
}

static void
dataset_created_cb (TribDatasetsPage *self,
                    const char       *dataset_id)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_list (self);
  g_cancellable_cancel (self->fetch_cancellable);
  g_object_unref (self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  trib_catalog_get_dataset_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), dataset_id,
                                  self->fetch_cancellable, fetched_cb, g_object_ref (self));
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);
  TribDatasetCreateDialog *dialog;

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  dialog = trib_dataset_create_dialog_new (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "created", G_CALLBACK (dataset_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_cancellable_cancel (self->fetch_cancellable);
  trib_dataset_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* Back on the row of the dataset left, wherever the list moved. */
  if (selected == GTK_INVALID_LIST_POSITION ||
      !trib_grid_scroller_focus_row (self->scroller, selected))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
query_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);

  if (self->dataset != NULL && trib_dataset_get_table_name (self->dataset) != NULL)
    gtk_widget_activate_action (widget, "win.query-dataset", "s", trib_dataset_get_table_name (self->dataset));
}

/* The Export Datasets wizard, with the dataset shown or selected
 * chosen at first; more are chosen in the wizard.
 */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  g_autoptr(TribDataset) selected = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  TribExportWizard *wizard;
  const char *ids[2] = { NULL, NULL };

  if (session == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") == 0 && self->dataset != NULL)
    ids[0] = trib_dataset_get_id (self->dataset);
  else if ((selected = gtk_single_selection_get_selected_item (self->selection)) != NULL)
    {
      g_object_ref (selected);
      ids[0] = trib_dataset_get_id (selected);
    }

  wizard = trib_export_wizard_new (session, ids);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (wizard), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
show_schema_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);

  if (self->dataset != NULL && trib_dataset_get_schema_id (self->dataset) != NULL)
    gtk_widget_activate_action (widget, "win.show-schema", "s", trib_dataset_get_schema_id (self->dataset));
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);

  if (self->dataset != NULL && trib_dataset_get_table_name (self->dataset) != NULL)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), trib_dataset_get_table_name (self->dataset));
      add_toast (self, _("Table name copied"));
    }
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribDatasetsPage) self = user_data;
  g_autofree char *name = g_object_steal_data (G_OBJECT (self), "trib-deleting");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->deleting = FALSE;
  update_detail_spinner (self);

  if (!trib_catalog_delete_dataset_finish (result, &error))
    {
      /* Translators: %s is a dataset name, then why it could not be deleted */
      message = g_strdup_printf (_("Could not delete “%s”: %s"), name, error->message);
      add_toast (self, message);
      return;
    }

  /* Translators: %s is a dataset name */
  message = g_strdup_printf (_("“%s” deleted"), name);
  add_toast (self, message);
  g_clear_object (&self->dataset);
  trib_dataset_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  reload_list (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TribDatasetsPage *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->dataset == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self), "trib-deleting", g_strdup (trib_dataset_get_name (self->dataset)), g_free);
  self->deleting = TRUE;
  update_detail_spinner (self);
  trib_catalog_delete_dataset_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                     trib_dataset_get_id (self->dataset), NULL, deleted_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->dataset == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail"))
    return;

  /* Translators: %s is a dataset name */
  heading = g_strdup_printf (_("Delete “%s”?"), trib_dataset_get_name (self->dataset));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The dataset and all the data loaded into it are deleted. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

/* A session or a sandbox of its own: nothing shown before stays. */
static void
trib_datasets_page_session_changed (TribSessionPage *page)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (page);

  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->dataset);
  trib_dataset_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* A schema belongs to one sandbox: its filter cannot follow. */
  g_object_set (self, "schema-filter", "", NULL);
  reload_schema_titles (self);
  reload_list (self);
}

static void
trib_datasets_page_dispose (GObject *object)
{
  TribDatasetsPage *self = (TribDatasetsPage *) object;

  g_cancellable_cancel (self->fetch_cancellable);
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  if (self->schemas != NULL)
    trib_paged_list_cancel (self->schemas);
  g_clear_object (&self->fetch_cancellable);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->list);
  g_clear_object (&self->schemas);
  /* The session's cache outlives the page. */
  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_clear_object (&self->titles);
  g_clear_object (&self->slots);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  _trib_datasets_page_dispose_sort (self);
  g_clear_pointer (&self->schema_titles, g_hash_table_unref);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_DATASETS_PAGE);

  G_OBJECT_CLASS (trib_datasets_page_parent_class)->dispose (object);
}

static void
trib_datasets_page_class_init (TribDatasetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_datasets_page_dispose;
  page_class->session_changed = trib_datasets_page_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-datasets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, query_button);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_detail_spinner);

  gtk_widget_class_install_action (widget_class, "datasets.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "datasets.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "datasets.query", NULL, query_action);
  gtk_widget_class_install_action (widget_class, "datasets.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "datasets.show-schema", NULL, show_schema_action);
  gtk_widget_class_install_action (widget_class, "datasets.copy-table", NULL, copy_table_action);
  gtk_widget_class_install_action (widget_class, "datasets.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "datasets.find", NULL, find_action);

  _trib_datasets_page_class_init_sort (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "datasets.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "datasets.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "datasets.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "datasets.delete", NULL);
}

static void
trib_datasets_page_init (TribDatasetsPage *self)
{
  g_type_ensure (TRIB_TYPE_DATASET_DETAIL);
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);
  g_type_ensure (TRIB_TYPE_GRID_SCROLLER);
  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->column_view));

  self->schema_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->fetch_cancellable = g_cancellable_new ();

  self->list_signals = g_signal_group_new (TRIB_TYPE_PAGED_LIST);
  g_signal_group_connect_object (self->list_signals, "notify::loading", G_CALLBACK (update_more_label), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->list_signals, "notify::n-items", G_CALLBACK (update_more_label), self,
                                 G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  self->slots = trib_grid_slots_new_for_items (GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->slots));
  trib_grid_scroller_set_slots (self->scroller, self->slots);

  trib_datasets_columns_add (self->column_view, schema_title_cb, self, self->columns);
  _trib_datasets_page_init_sort (self);
}

/**
 * trib_datasets_page_set_compact:
 * @self: a #TribDatasetsPage
 * @compact: whether the page is narrow
 *
 * Narrow, the datasets' names and schemas need the room; the table and
 * the date are on each dataset's page, where the name needs the room of
 * "Query This Dataset", an icon then.
 */
void
trib_datasets_page_set_compact (TribDatasetsPage *self,
                                gboolean          compact)
{
  g_return_if_fail (TRIB_IS_DATASETS_PAGE (self));

  gtk_column_view_column_set_visible (self->columns[TRIB_DATASETS_COLUMN_TABLE], !compact);
  gtk_column_view_column_set_visible (self->columns[TRIB_DATASETS_COLUMN_CREATED], !compact);

  if (compact)
    {
      gtk_button_set_icon_name (self->query_button, "utilities-terminal-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->query_button), _("Query This Dataset"));
    }
  else
    {
      gtk_button_set_label (self->query_button, _("_Query This Dataset"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->query_button), NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->query_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Query This Dataset"), -1);
}

/**
 * trib_datasets_page_reload:
 * @self: a #TribDatasetsPage
 *
 * Reads the list again, as it is searched, with the schemas' titles, and
 * the dataset shown.
 */
void
trib_datasets_page_reload (TribDatasetsPage *self)
{
  g_return_if_fail (TRIB_IS_DATASETS_PAGE (self));

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  reload_schema_titles (self);
  reload_list (self);

  if (self->dataset != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail"))
    {
      g_cancellable_cancel (self->fetch_cancellable);
      g_object_unref (self->fetch_cancellable);
      self->fetch_cancellable = g_cancellable_new ();
      trib_catalog_get_dataset_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                      trib_dataset_get_id (self->dataset), self->fetch_cancellable, fetched_cb, g_object_ref (self));
    }
}

/**
 * trib_datasets_page_get_list:
 * @self: a #TribDatasetsPage
 *
 * Returns: (transfer none) (nullable): the datasets shown, as a #TribPagedList
 */
GListModel *
trib_datasets_page_get_list (TribDatasetsPage *self)
{
  g_return_val_if_fail (TRIB_IS_DATASETS_PAGE (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

/**
 * trib_datasets_page_get_dataset:
 * @self: a #TribDatasetsPage
 *
 * Returns: (transfer none) (nullable): the dataset whose details are shown
 */
TribDataset *
trib_datasets_page_get_dataset (TribDatasetsPage *self)
{
  g_return_val_if_fail (TRIB_IS_DATASETS_PAGE (self), NULL);

  return g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail") ? self->dataset : NULL;
}

/**
 * trib_datasets_page_get_n_batches:
 * @self: a #TribDatasetsPage
 *
 * Returns: how many recent batches the details show, once they arrived
 */
guint
trib_datasets_page_get_n_batches (TribDatasetsPage *self)
{
  g_return_val_if_fail (TRIB_IS_DATASETS_PAGE (self), 0);

  return trib_dataset_detail_get_n_batches (self->detail);
}

/**
 * trib_datasets_page_show_dataset:
 * @self: a #TribDatasetsPage
 * @dataset_id: a dataset's id
 *
 * Reads the dataset and shows its details, its recent batches among
 * them: where the Dataflows page sends the batches a run wrote.
 */
void
trib_datasets_page_show_dataset (TribDatasetsPage *self,
                                 const char       *dataset_id)
{
  g_return_if_fail (TRIB_IS_DATASETS_PAGE (self));
  g_return_if_fail (dataset_id != NULL);

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  g_cancellable_cancel (self->fetch_cancellable);
  g_object_unref (self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  trib_catalog_get_dataset_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), dataset_id,
                                  self->fetch_cancellable, fetched_cb, g_object_ref (self));
}
