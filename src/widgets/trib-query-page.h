/* trib-query-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-query-editor.h"
#include "trib-query-history.h"
#include "trib-query-tab.h"
#include "trib-result-view.h"
#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_PAGE (trib_query_page_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryPage, trib_query_page, TRIB, QUERY_PAGE, TribSessionPage)

void             trib_query_page_set_settings       (TribQueryPage *self,
                                                     GSettings     *settings);
void             trib_query_page_set_history        (TribQueryPage    *self,
                                                     TribQueryHistory *history);
void             trib_query_page_save_tabs          (TribQueryPage *self);
void             trib_query_page_open_query         (TribQueryPage *self,
                                                     const char    *sql,
                                                     const char    *table_name);
void             trib_query_page_insert_text        (TribQueryPage *self,
                                                     const char    *text);
TribQueryTab    *trib_query_page_get_current_tab    (TribQueryPage *self);
TribQueryEditor *trib_query_page_get_current_editor (TribQueryPage *self);
TribResultView  *trib_query_page_get_result_view    (TribQueryPage *self);
GPtrArray       *trib_query_page_get_runs           (TribQueryPage *self);
void             trib_query_page_open_file          (TribQueryPage *self,
                                                     GFile         *file);
guint            trib_query_page_get_n_modified     (TribQueryPage *self);
void             trib_query_page_close_async        (TribQueryPage       *self,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         trib_query_page_close_finish       (TribQueryPage  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

G_END_DECLS
