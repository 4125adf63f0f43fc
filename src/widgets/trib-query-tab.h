/* trib-query-tab.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-query-editor.h"
#include "trib-query-history.h"
#include "trib-run-results.h"
#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_TAB (trib_query_tab_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryTab, trib_query_tab, TRIB, QUERY_TAB, AdwBin)

TribQueryTab    *trib_query_tab_new          (void);
TribQueryEditor *trib_query_tab_get_editor   (TribQueryTab     *self);
TribRunResults  *trib_query_tab_get_results  (TribQueryTab     *self);
void             trib_query_tab_set_session  (TribQueryTab     *self,
                                              TribSession      *session);
void             trib_query_tab_set_history  (TribQueryTab     *self,
                                              TribQueryHistory *history);
const char      *trib_query_tab_get_table    (TribQueryTab     *self);
void             trib_query_tab_set_table    (TribQueryTab     *self,
                                              const char       *table);
char            *trib_query_tab_dup_database (TribQueryTab     *self);
gboolean         trib_query_tab_run          (TribQueryTab     *self,
                                              gboolean          script,
                                              gboolean          stop_on_error,
                                              GError          **error);
void             trib_query_tab_cancel       (TribQueryTab     *self);
gboolean         trib_query_tab_get_running  (TribQueryTab     *self);
GPtrArray       *trib_query_tab_get_runs     (TribQueryTab     *self);
char            *trib_query_tab_dup_sql      (TribQueryTab     *self,
                                              gboolean          script);
GFile           *trib_query_tab_get_file     (TribQueryTab     *self);
void             trib_query_tab_set_file     (TribQueryTab     *self,
                                              GFile            *file,
                                              const char       *saved_text);
gboolean         trib_query_tab_get_modified (TribQueryTab     *self);
void             trib_query_tab_revert       (TribQueryTab     *self);

G_END_DECLS
