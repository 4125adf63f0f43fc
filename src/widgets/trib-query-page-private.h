/* trib-query-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-session.h"
#include "trib-history-panel.h"
#include "trib-query-page.h"
#include "trib-run-results.h"

G_BEGIN_DECLS

/* Data Distiller SQL: editor tabs above, the result of what ran below.
 * A script runs statement by statement and stops at the first failure;
 * each statement's result can be picked from the list above the grid.
 */
struct _TribQueryPage
{
  AdwBin parent_instance;

  TribSession *session;
  GSettings *settings;
  TribQueryHistory *history;
  TribDistillerSession *distiller;
  GPtrArray *runs;              /* TribDistillerRun, of the last Run */
  GArray *run_offsets;          /* int: where each run's text starts in its editor */
  TribQueryEditor *run_editor;  /* the editor the runs came from */
  guint save_source;            /* a save of the tabs' text, waiting for typing to pause */
  guint restoring : 1;

  /* Template widgets */
  GtkEntry *table_entry;
  TribHistoryPanel *history_panel;
  GtkLabel *status_label;
  GtkSpinner *spinner;
  AdwTabView *tab_view;
  TribRunResults *results;
};

void        _trib_query_page_toast               (TribQueryPage *self,
                                                  const char    *message);
const char *_trib_query_page_current_sandbox     (TribQueryPage *self);
char       *_trib_query_page_dup_database        (TribQueryPage *self);
void        _trib_query_page_results_changed_cb  (TribQueryPage *self);

/* trib-query-page-export.c */
void        _trib_query_page_export_action       (GtkWidget     *widget,
                                                  const char    *action_name,
                                                  GVariant      *param);
void        _trib_query_page_copy_python_action  (GtkWidget     *widget,
                                                  const char    *action_name,
                                                  GVariant      *param);

G_END_DECLS
