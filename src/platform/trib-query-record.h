/* trib-query-record.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_RECORD (trib_query_record_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryRecord, trib_query_record, TRIB, QUERY_RECORD, GObject)

TribQueryRecord *trib_query_record_new_from_json    (JsonObject       *object);
const char      *trib_query_record_get_id           (TribQueryRecord  *self);
const char      *trib_query_record_get_name         (TribQueryRecord  *self);
const char      *trib_query_record_get_sql          (TribQueryRecord  *self);
const char      *trib_query_record_get_database     (TribQueryRecord  *self);
const char      *trib_query_record_get_state        (TribQueryRecord  *self);
const char      *trib_query_record_get_client       (TribQueryRecord  *self);
GDateTime       *trib_query_record_get_created      (TribQueryRecord  *self);
GDateTime       *trib_query_record_get_updated      (TribQueryRecord  *self);
gint64           trib_query_record_get_elapsed_ms   (TribQueryRecord  *self);
gint64           trib_query_record_get_row_count    (TribQueryRecord  *self);
const char      *trib_query_record_get_error        (TribQueryRecord  *self);
const char      *trib_query_record_get_created_dataset_id (TribQueryRecord *self);
gboolean         trib_query_record_get_is_ctas      (TribQueryRecord  *self);
gboolean         trib_query_record_get_is_insert_into (TribQueryRecord *self);

G_END_DECLS
