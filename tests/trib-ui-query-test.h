/* trib-ui-query-test.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-query-page.h"
#include "trib-ui-test.h"

G_BEGIN_DECLS

void                   trib_ui_query_wait_for_runs      (TribQueryPage   *page,
                                                         guint            n_runs);
TribDistillerRun      *trib_ui_query_run_at             (TribQueryPage   *page,
                                                         guint            index);
TribDistillerRunState  trib_ui_query_state_at           (TribQueryPage   *page,
                                                         guint            index);
gboolean               trib_ui_query_first_run_running  (gpointer         page);
GtkWidget             *trib_ui_query_get_view           (TribQueryEditor *editor);
void                   trib_ui_query_type_and_run       (GtkWidget       *window,
                                                         TribQueryEditor *editor,
                                                         const char      *text,
                                                         const char      *keys);
void                   trib_ui_query_run_and_wait       (GtkWidget       *window,
                                                         TribQueryPage   *page,
                                                         const char      *text,
                                                         const char      *keys,
                                                         guint            n_runs);
AdwTabView            *trib_ui_query_get_tab_view       (TribQueryPage   *page);
int                    trib_ui_query_n_tabs             (TribQueryPage   *page);
int                    trib_ui_query_selected_tab       (TribQueryPage   *page);
GtkEntry              *trib_ui_query_get_table_entry    (TribQueryPage   *page);
TribRunResults        *trib_ui_query_current_results    (TribQueryPage   *page);
const char            *trib_ui_query_first_value        (TribQueryPage   *page,
                                                         guint            index);
void                   trib_ui_query_save_screenshots   (GtkWidget       *window,
                                                         const char      *name,
                                                         gboolean         all);
TribQueryPage         *trib_ui_query_show_page          (GtkWidget       *window);
AdwMessageDialog      *trib_ui_query_find_dialog        (const char      *heading_part);
AdwMessageDialog      *trib_ui_query_wait_for_dialog    (const char      *heading_part);
void                   trib_ui_query_respond            (AdwMessageDialog *dialog,
                                                         const char      *response);
void                   trib_ui_query_type_keys          (GtkWidget       *window,
                                                         const char      *keys);
void                   trib_ui_query_save_dialog_screenshots (AdwMessageDialog *dialog,
                                                              const char       *name);
void                   trib_ui_query_save_sized_screenshots  (GtkWidget        *window,
                                                              const char       *name);
gboolean               trib_ui_query_schedule_dialog_open    (gpointer          unused);
gboolean               trib_ui_query_schedule_dialog_closed  (gpointer          unused);
char                  *trib_ui_query_dup_row_name       (GtkWidget        *label);
GtkWidget             *trib_ui_query_find_column_title  (GtkColumnView    *column_view,
                                                         const char       *title);
TribQueryPage         *trib_ui_query_open_demo_page     (TribApplication  *app,
                                                         TribWindow      **window);

G_END_DECLS
