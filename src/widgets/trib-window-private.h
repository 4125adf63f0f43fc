/* trib-window-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-activity-page.h"
#include "trib-sources-page.h"
#include "trib-announcer.h"
#include "trib-datasets-page.h"
#include "trib-accounts-page.h"
#include "trib-flows-page.h"
#include "trib-query-page.h"
#include "trib-sandboxes-page.h"
#include "trib-schedules-page.h"
#include "trib-schemas-page.h"
#include "trib-flow-watcher.h"
#include "trib-window.h"

G_BEGIN_DECLS

struct _TribWindow
{
  AdwApplicationWindow parent_instance;

  TribSession *session;
  GSignalGroup *session_signals;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkListBox *sidebar_list;
  GtkDropDown *sandbox_dropdown;
  AdwWindowTitle *window_title;
  GtkStack *main_stack;
  GtkStack *pages_stack;
  GtkSpinner *connecting_spinner;
  GtkLabel *connecting_label;
  AdwStatusPage *welcome_page;
  AdwStatusPage *error_page;
  GtkButton *refresh_button;
  GtkMenuButton *profile_button;
  GtkMenuButton *primary_menu_button;
  TribAnnouncer *announcer;
  GtkLabel *profile_label;
  GMenu *profile_menu;

  /* Built by ensure_pages (), NULL until then. */
  TribSandboxesPage *sandboxes_page;
  TribActivityPage *activity_page;
  TribSourcesPage *sources_page;
  TribQueryPage *query_page;
  TribSchemasPage *schemas_page;
  TribDatasetsPage *datasets_page;
  TribAccountsPage *accounts_page;
  TribFlowsPage *flows_page;

  /* trib-window-watch.c */
  TribFlowWatcher *flow_watcher;
  GtkWidget *failing_badge;
  char *watched_sandbox;
  TribSchedulesPage *schedules_page;

  guint updating_dropdown : 1;
  guint restored_state : 1;
  guint syncing_sidebar : 1;
  guint setups_offered : 1;
  guint close_confirmed : 1;      /* the query page's unsaved files were dealt with */
};

void _trib_window_class_add_actions (GtkWidgetClass *widget_class);
void _trib_window_watch_class_init  (GtkWidgetClass *widget_class);
void _trib_window_watch_init        (TribWindow     *self);
void _trib_window_watch_session     (TribWindow     *self);
void _trib_window_watch_dispose     (TribWindow     *self);

G_END_DECLS
