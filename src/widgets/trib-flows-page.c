/* trib-flows-page.c
 *
 * The Dataflows page: every flow of the sandbox, read from Flow Service a
 * page at a time as the list scrolls, each with its connector, account
 * and dataset (names looked up once, after the first page is shown:
 * TribFlowNames), its schedule in words, its state, last and next run;
 * filtered on the platform by state or by a failed last run; and one
 * flow's details (TribFlowDetail).
 *
 * Flow Service has no search by name: a search reads the list whole
 * (pages of a hundred) and filters it here.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flows-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-flow-detail.h"
#include "trib-flow-names.h"
#include "trib-flow-row.h"
#include "trib-flow-service-flows.h"
#include "trib-flows-page.h"
#include "trib-keynav.h"
#include "trib-paged-list-view.h"
#include "trib-session-page.h"
#include "trib-toast.h"

struct _TribFlowsPage
{
  TribSessionPage parent_instance;

  TribPagedList *list;
  GSignalGroup *list_signals;
  TribFlowNames *names;
  GtkFilterListModel *filtered;
  GtkCustomFilter *search_filter;
  GtkSingleSelection *selection;
  char *search;                   /* casefolded, or NULL */
  GCancellable *cancellable;
  char *pending_flow_id;          /* to show once the session has a sandbox */
  guint reload_idle;

  /* Template widgets */
  GtkStack *view_stack;
  GtkSearchEntry *search_entry;
  GtkWidget *more_label;
  GtkDropDown *filter_dropdown;
  TribPagedListView *list_view;
  GtkStack *results_stack;
  AdwStatusPage *no_results_page;
  GtkGridView *flows_view;
  TribFlowDetail *detail;
};

G_DEFINE_FINAL_TYPE (TribFlowsPage, trib_flows_page, TRIB_TYPE_SESSION_PAGE)

static const char * const filter_properties[] = {
  [TRIB_FLOWS_FILTER_ALL] = NULL,
  [TRIB_FLOWS_FILTER_ENABLED] = "state==enabled",
  [TRIB_FLOWS_FILTER_DISABLED] = "state==disabled",
  [TRIB_FLOWS_FILTER_FAILING] = "lastRunDetails.state==failed",
};

/* List */

static void
update_more_label (TribFlowsPage *self)
{
  gtk_widget_set_visible (self->more_label,
                          self->list != NULL && trib_paged_list_get_loading (self->list) &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0);
}

/* A search that matches nothing in a list that has flows. */
static void
update_results (TribFlowsPage *self)
{
  gboolean none = self->search != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                  self->list != NULL && !trib_paged_list_get_loading (self->list);

  if (none)
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_strdup_printf (_("No dataflow’s name contains “%s”."),
                                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      adw_status_page_set_description (self->no_results_page, description);
    }
  gtk_stack_set_visible_child_name (self->results_stack, none ? "none" : "results");
  update_more_label (self);
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  TribFlowsPage *self = user_data;
  g_autofree char *name = NULL;

  if (self->search == NULL)
    return TRUE;

  name = g_utf8_casefold (trib_flow_get_name (item) != NULL ? trib_flow_get_name (item) : "", -1);

  return strstr (name, self->search) != NULL;
}

static void
set_empty_text (TribFlowsPage *self)
{
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case TRIB_FLOWS_FILTER_ENABLED:
      trib_paged_list_view_set_empty (self->list_view, _("No Enabled Dataflows"),
                                      _("Every dataflow of this sandbox is disabled."));
      break;
    case TRIB_FLOWS_FILTER_DISABLED:
      trib_paged_list_view_set_empty (self->list_view, _("No Disabled Dataflows"),
                                      _("Every dataflow of this sandbox is enabled."));
      break;
    case TRIB_FLOWS_FILTER_FAILING:
      trib_paged_list_view_set_empty (self->list_view, _("No Failing Dataflows"),
                                      _("The last run of every dataflow went through."));
      break;
    case TRIB_FLOWS_FILTER_ALL:
    default:
      trib_paged_list_view_set_empty (self->list_view, _("No Dataflows"),
                                      _("Dataflows bring the data of a source account into a dataset. "
                                        "Create one from the Sources page."));
      break;
    }
}

static void
loaded_all_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TribFlowsPage) self = user_data;

  /* Errors show in the list view; this only says the search is whole. */
  trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, NULL);
  update_results (self);
}

static void
reload_list (TribFlowsPage *self)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);
  guint filter = gtk_drop_down_get_selected (self->filter_dropdown);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->list);

  if (trib_session_page_has_sandbox (page))
    {
      self->list = trib_flow_service_list_flows (trib_session_page_get_client (page),
                                                 filter < G_N_ELEMENTS (filter_properties)
                                                 ? filter_properties[filter] : NULL);
      if (self->names == NULL)
        self->names = trib_flow_names_new (trib_session_page_get_client (page));
      if (self->search != NULL)
        trib_paged_list_load_all_async (self->list, self->cancellable, loaded_all_cb, g_object_ref (self));
    }

  set_empty_text (self);
  g_signal_group_set_target (self->list_signals, self->list);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->list));
  trib_paged_list_view_set_model (self->list_view, self->list);
  update_results (self);
}

static void
search_changed_cb (TribFlowsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = g_utf8_casefold (stripped, -1);

  /* The whole list is searched, not only the pages read so far. */
  gtk_filter_list_model_set_filter (self->filtered, self->search != NULL ? GTK_FILTER (self->search_filter) : NULL);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->search != NULL && self->list != NULL && !trib_paged_list_get_complete (self->list))
    trib_paged_list_load_all_async (self->list, self->cancellable, loaded_all_cb, g_object_ref (self));
  update_results (self);
}

static void
filter_changed_cb (TribFlowsPage *self)
{
  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) != NULL)
    reload_list (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TribFlowsPage            *self)
{
  gtk_list_item_set_child (item, trib_flow_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TribFlowsPage            *self)
{
  TribFlowRow *row = TRIB_FLOW_ROW (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  trib_flow_row_bind (row, gtk_list_item_get_item (item), self->names);
  text = trib_flow_row_dup_text (row);
  trib_a11y_set_row_label (item, text);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TribFlowsPage            *self)
{
  trib_flow_row_unbind (TRIB_FLOW_ROW (gtk_list_item_get_child (item)));
  trib_a11y_set_row_label (item, NULL);
}

/* Detail */

static void
show_detail (TribFlowsPage *self,
             TribFlow      *flow)
{
  trib_flow_detail_show (self->detail, trib_session_page_get_client (TRIB_SESSION_PAGE (self)), self->names, flow);
  gtk_stack_set_visible_child_name (self->view_stack, "detail");
}

static void
flow_activated_cb (TribFlowsPage *self,
                   guint          position)
{
  g_autoptr(TribFlow) flow = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (flow != NULL)
    show_detail (self, flow);
}

static void
flow_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowsPage) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  if (!(flow = trib_flow_service_get_flow_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  show_detail (self, flow);
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribFlowsPage *self = TRIB_FLOWS_PAGE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail") ||
      trib_flow_detail_back (self->detail))
    return;

  trib_flow_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->flows_view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribFlowsPage *self = TRIB_FLOWS_PAGE (widget);

  trib_flow_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static gboolean
reload_idle_cb (gpointer data)
{
  TribFlowsPage *self = data;

  self->reload_idle = 0;
  reload_list (self);

  return G_SOURCE_REMOVE;
}

/* A session or a sandbox of its own: nothing shown before stays. A new
 * session comes with its sandbox, two changes at once: the list is read
 * once for both.
 */
static void
trib_flows_page_session_changed (TribSessionPage *page)
{
  TribFlowsPage *self = TRIB_FLOWS_PAGE (page);

  trib_flow_detail_clear (self->detail);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  if (self->names != NULL)
    trib_flow_names_cancel (self->names);
  g_clear_object (&self->names);
  if (trib_session_page_has_sandbox (page))
    self->names = trib_flow_names_new (trib_session_page_get_client (page));
  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->list);
  g_signal_group_set_target (self->list_signals, NULL);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);

  if (self->pending_flow_id != NULL && trib_session_page_has_sandbox (page))
    {
      g_autofree char *flow_id = g_steal_pointer (&self->pending_flow_id);

      trib_flows_page_show_flow (self, flow_id);
    }
}

static void
trib_flows_page_dispose (GObject *object)
{
  TribFlowsPage *self = (TribFlowsPage *) object;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  if (self->names != NULL)
    trib_flow_names_cancel (self->names);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->list);
  g_clear_object (&self->names);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->pending_flow_id, g_free);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOWS_PAGE);

  G_OBJECT_CLASS (trib_flows_page_parent_class)->dispose (object);
}

static void
trib_flows_page_class_init (TribFlowsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_flows_page_dispose;
  page_class->session_changed = trib_flows_page_session_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-flows-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, more_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, flows_view);
  gtk_widget_class_bind_template_child (widget_class, TribFlowsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flow_activated_cb);

  gtk_widget_class_install_action (widget_class, "flows.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "flows.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "flows.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "flows.back", NULL);
}

static void
trib_flows_page_init (TribFlowsPage *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (TRIB_TYPE_FLOW_DETAIL);
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->flows_view));
  trib_a11y_name_dropdown (self->filter_dropdown, _("Show Dataflows"));

  self->cancellable = g_cancellable_new ();
  self->list_signals = g_signal_group_new (TRIB_TYPE_PAGED_LIST);
  g_signal_group_connect_object (self->list_signals, "notify::loading", G_CALLBACK (update_results), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->list_signals, "notify::n-items", G_CALLBACK (update_more_label), self,
                                 G_CONNECT_SWAPPED);

  self->search_filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_grid_view_set_model (self->flows_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_grid_view_set_factory (self->flows_view, factory);
  g_object_unref (factory);
}

/**
 * trib_flows_page_reload:
 * @self: a #TribFlowsPage
 *
 * Reads the list again, as filtered and searched, and the flow shown.
 */
void
trib_flows_page_reload (TribFlowsPage *self)
{
  g_return_if_fail (TRIB_IS_FLOWS_PAGE (self));

  if (trib_session_page_get_session (TRIB_SESSION_PAGE (self)) == NULL)
    return;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  reload_list (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail"))
    trib_flow_detail_reload (self->detail);
}

/**
 * trib_flows_page_set_filter:
 *
 * Shows only the flows @filter lets through, as the drop-down does.
 */
void
trib_flows_page_set_filter (TribFlowsPage   *self,
                            TribFlowsFilter  filter)
{
  g_return_if_fail (TRIB_IS_FLOWS_PAGE (self));

  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

/**
 * trib_flows_page_show_flow:
 * @flow_id: a dataflow's id
 *
 * Reads the flow and shows its details; before the session has a
 * sandbox, once it has.
 */
void
trib_flows_page_show_flow (TribFlowsPage *self,
                           const char    *flow_id)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);

  g_return_if_fail (TRIB_IS_FLOWS_PAGE (self));
  g_return_if_fail (flow_id != NULL);

  if (!trib_session_page_has_sandbox (page))
    {
      g_free (self->pending_flow_id);
      self->pending_flow_id = g_strdup (flow_id);
      return;
    }

  trib_flow_service_get_flow_async (trib_session_page_get_client (page), flow_id, self->cancellable, flow_read_cb,
                                    g_object_ref (self));
}

/**
 * trib_flows_page_get_list:
 *
 * Returns: (transfer none) (nullable): the flows read, a #TribPagedList
 */
GListModel *
trib_flows_page_get_list (TribFlowsPage *self)
{
  g_return_val_if_fail (TRIB_IS_FLOWS_PAGE (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

/**
 * trib_flows_page_get_shown:
 *
 * Returns: (transfer none): the flows the list shows, searched
 */
GListModel *
trib_flows_page_get_shown (TribFlowsPage *self)
{
  g_return_val_if_fail (TRIB_IS_FLOWS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * trib_flows_page_get_detail:
 *
 * Returns: (transfer none): the flow's details, where its actions go
 */
TribFlowDetail *
trib_flows_page_get_detail (TribFlowsPage *self)
{
  g_return_val_if_fail (TRIB_IS_FLOWS_PAGE (self), NULL);

  return self->detail;
}

/**
 * trib_flows_page_get_showing_detail:
 *
 * Returns: whether a flow (or one of its runs) is shown, not the list
 */
gboolean
trib_flows_page_get_showing_detail (TribFlowsPage *self)
{
  g_return_val_if_fail (TRIB_IS_FLOWS_PAGE (self), FALSE);

  return g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "detail");
}
