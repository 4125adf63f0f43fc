/* trib-query-history.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-query-history-entry.h"

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_HISTORY (trib_query_history_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryHistory, trib_query_history, TRIB, QUERY_HISTORY, GObject)

TribQueryHistory *trib_query_history_new          (GFile                 *file);
TribQueryHistory *trib_query_history_new_default  (void);
void              trib_query_history_load_async   (TribQueryHistory      *self,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gboolean          trib_query_history_load_finish  (TribQueryHistory      *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
void              trib_query_history_add          (TribQueryHistory      *self,
                                                   TribQueryHistoryEntry *entry);
void              trib_query_history_flush        (TribQueryHistory      *self);

G_END_DECLS
