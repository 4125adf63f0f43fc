/* trib-explore-view-actions.c
 *
 * The explore view's actions: Refresh (F5, Ctrl+R) reads everything
 * again, Retry the preview, and *Create Dataflow…* opens the dataflow
 * wizard on the selected object.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-view"

#include "config.h"

#include "trib-explore-view-private.h"
#include "trib-flow-wizard.h"

/* explore.create-dataflow: the wizard starts from the selected object,
 * read with the options chosen here.
 */
static void
create_dataflow_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (widget);
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  TribExploreFileOptions options;
  TribFlowWizard *wizard;

  if (session == NULL || self->selected == NULL || self->connection_id == NULL)
    return;

  _trib_explore_view_read_options (self, &options);
  wizard = trib_flow_wizard_new (session);
  trib_flow_wizard_set_source (wizard, self->connection_id, trib_explore_item_get_path (self->selected),
                               trib_explore_item_get_item_type (self->selected),
                               trib_explore_item_get_item_type (self->selected) == TRIB_EXPLORE_ITEM_TABLE
                               ? NULL : &options);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (wizard), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (wizard));
}

/**
 * trib_explore_view_reload:
 *
 * Reads again what the view shows (F5): the accounts, the tree from its
 * root, and the file or table previewed, with the same options. Folders
 * opened before are closed: their listings may have changed.
 */
void
trib_explore_view_reload (TribExploreView *self)
{
  g_autoptr(TribExploreItem) previewed = NULL;

  g_return_if_fail (TRIB_IS_EXPLORE_VIEW (self));

  if (self->previewed != NULL)
    previewed = g_object_ref (self->previewed);

  _trib_explore_view_load_accounts (self);
  _trib_explore_view_rebuild_tree (self);

  if (previewed != NULL)
    {
      gtk_widget_set_visible (self->options_box,
                              trib_explore_item_get_item_type (previewed) == TRIB_EXPLORE_ITEM_FILE);
      _trib_explore_view_run_preview (self, previewed);
    }
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  trib_explore_view_reload (TRIB_EXPLORE_VIEW (widget));
}

static void
retry_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (widget);

  if (self->previewed != NULL)
    _trib_explore_view_run_preview (self, self->previewed);
}

void
_trib_explore_view_class_add_actions (GtkWidgetClass *widget_class)
{
  /* The explore window is not the main window: win.refresh's keys work
   * here too, on what this view shows.
   */
  gtk_widget_class_install_action (widget_class, "explore.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "explore.retry-preview", NULL, retry_preview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "explore.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "explore.refresh", NULL);

  gtk_widget_class_install_action (widget_class, "explore.create-dataflow", NULL, create_dataflow_action);
}
