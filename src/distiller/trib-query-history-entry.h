/* trib-query-history-entry.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trib-distiller-run.h"

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_HISTORY_ENTRY (trib_query_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryHistoryEntry, trib_query_history_entry, TRIB, QUERY_HISTORY_ENTRY, GObject)

TribQueryHistoryEntry *trib_query_history_entry_new_for_run  (TribDistillerRun      *run,
                                                              const char            *sandbox,
                                                              const char            *database);
TribQueryHistoryEntry *trib_query_history_entry_new_from_json (JsonObject           *object);
JsonNode              *trib_query_history_entry_to_json      (TribQueryHistoryEntry *self);
const char            *trib_query_history_entry_get_sql      (TribQueryHistoryEntry *self);
const char            *trib_query_history_entry_get_sandbox  (TribQueryHistoryEntry *self);
const char            *trib_query_history_entry_get_database (TribQueryHistoryEntry *self);
GDateTime             *trib_query_history_entry_get_started  (TribQueryHistoryEntry *self);
gint64                 trib_query_history_entry_get_duration_ms (TribQueryHistoryEntry *self);
guint64                trib_query_history_entry_get_n_rows   (TribQueryHistoryEntry *self);
const char            *trib_query_history_entry_get_outcome  (TribQueryHistoryEntry *self);
const char            *trib_query_history_entry_get_message  (TribQueryHistoryEntry *self);

G_END_DECLS
