/* trib-query-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-history-panel.h"
#include "trib-query-page.h"
#include "trib-query-tab.h"

G_BEGIN_DECLS

/* Data Distiller SQL in tabs, each with the result of what it ran; the
 * toolbar above acts on the selected tab and shows its target and how
 * its Run goes. A script runs statement by statement and, unless asked
 * otherwise, stops at the first failure.
 */
struct _TribQueryPage
{
  TribSessionPage parent_instance;

  GSettings *settings;
  TribQueryHistory *history;
  GBindingGroup *tab_bindings;    /* the selected tab's target, and the entry */
  GSignalGroup *results_signals;  /* the selected tab's results */
  guint save_source;              /* a save of the tabs, waiting for typing to pause */
  guint restoring : 1;
  guint continue_on_error : 1;
  GMenu *recent_menu;             /* the recent .sql files, in the file menu */

  /* Template widgets */
  GtkEntry *table_entry;
  TribHistoryPanel *history_panel;
  AdwFlap *flap;
  GtkLabel *status_label;
  GtkSpinner *spinner;
  AdwTabView *tab_view;
  AdwSplitButton *run_button;
  GtkMenuButton *export_button;
  AdwTabBar *tab_bar;
  GtkWidget *new_tab_button;
  GtkMenuButton *file_button;
  GtkWidget *production_banner;
  GtkLabel *production_label;
};

/* Before a modified tab's title; the tab's accessible name says it. */
#define TRIB_MODIFIED_MARK "• "

void          _trib_query_page_toast               (TribQueryPage *self,
                                                    const char    *message);
const char   *_trib_query_page_current_sandbox     (TribQueryPage *self);
TribQueryTab *_trib_query_page_get_current_tab     (TribQueryPage *self);
void          _trib_query_page_update_toolbar      (TribQueryPage *self);

/* trib-query-page-tabs.c */
TribQueryTab *_trib_query_page_add_tab             (TribQueryPage *self,
                                                    const char    *text,
                                                    const char    *table);
void          _trib_query_page_select_tab          (TribQueryPage *self,
                                                    TribQueryTab  *tab);
void          _trib_query_page_queue_save          (TribQueryPage *self);
void          _trib_query_page_restore_tabs        (TribQueryPage *self);
gboolean      _trib_query_page_close_page_cb       (TribQueryPage *self,
                                                    AdwTabPage    *page);
void          _trib_query_page_new_tab_action      (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_close_tab_action    (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_finish_close        (TribQueryPage *self,
                                                    AdwTabPage    *page);

/* trib-query-page-guard.c */
void          _trib_query_page_run_in_tab          (TribQueryPage *self,
                                                    TribQueryTab  *tab,
                                                    gboolean       script,
                                                    gboolean       cancel_first);
void          _trib_query_page_update_production_banner (TribQueryPage *self);

/* trib-query-page-files.c */
void          _trib_query_page_open_action         (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_open_recent_action  (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_save_action         (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_reattach_file       (TribQueryPage *self,
                                                    TribQueryTab  *tab,
                                                    const char    *uri);
void          _trib_query_page_update_recent       (TribQueryPage *self);
void          _trib_query_page_ask_close_tab       (TribQueryPage *self,
                                                    AdwTabPage    *page);

/* trib-query-page-export.c */
void          _trib_query_page_export_action       (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);
void          _trib_query_page_copy_python_action  (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);

/* trib-query-page-schedule.c */
void          _trib_query_page_schedule_action     (GtkWidget     *widget,
                                                    const char    *action_name,
                                                    GVariant      *param);

G_END_DECLS
