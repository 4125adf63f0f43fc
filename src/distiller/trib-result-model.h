/* trib-result-model.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-result-batch.h"

G_BEGIN_DECLS

/**
 * TribColumnKind:
 *
 * How a column's values read, from its PostgreSQL type: how to align,
 * sort and export them.
 */
typedef enum
{
  TRIB_COLUMN_KIND_TEXT,
  TRIB_COLUMN_KIND_INTEGER,
  TRIB_COLUMN_KIND_FLOAT,
  TRIB_COLUMN_KIND_NUMERIC,
  TRIB_COLUMN_KIND_BOOLEAN,
  TRIB_COLUMN_KIND_TIMESTAMP,
  TRIB_COLUMN_KIND_DATE,
  TRIB_COLUMN_KIND_JSON,
  TRIB_COLUMN_KIND_ARRAY,
  TRIB_COLUMN_KIND_STRUCT,
} TribColumnKind;

TribColumnKind trib_column_kind_from_type_oid (guint32 type_oid);
const char    *trib_column_type_word          (guint32 type_oid);

/**
 * TribResultSnapshot:
 *
 * The rows of a model at one moment, in its order at that moment,
 * readable from any thread while the model goes on growing.
 */
typedef struct _TribResultSnapshot TribResultSnapshot;

#define TRIB_TYPE_RESULT_MODEL (trib_result_model_get_type ())

G_DECLARE_FINAL_TYPE (TribResultModel, trib_result_model, TRIB, RESULT_MODEL, GObject)

TribResultModel    *trib_result_model_new             (void);
TribResultModel    *trib_result_model_new_from_text_rows (guint                       n_columns,
                                                          const char * const         *names,
                                                          const char * const         *type_names,
                                                          guint                       n_rows,
                                                          const char * const * const *rows);
const char         *trib_result_model_get_column_type_name (TribResultModel *self,
                                                            guint            column);
void                trib_result_model_set_columns     (TribResultModel    *self,
                                                       guint               n_columns,
                                                       const char * const *names,
                                                       const guint32      *type_oids);
void                trib_result_model_append_batch    (TribResultModel    *self,
                                                       TribResultBatch    *batch);
guint               trib_result_model_get_n_columns   (TribResultModel    *self);
const char         *trib_result_model_get_column_name (TribResultModel    *self,
                                                       guint               column);
guint32             trib_result_model_get_column_type (TribResultModel    *self,
                                                       guint               column);
TribColumnKind      trib_result_model_get_column_kind (TribResultModel    *self,
                                                       guint               column);
const char         *trib_result_model_get_value       (TribResultModel    *self,
                                                       guint               position,
                                                       guint               column,
                                                       gsize              *length);
gsize               trib_result_model_get_memory_size (TribResultModel    *self);
void                trib_result_model_sort            (TribResultModel    *self,
                                                       int                 column,
                                                       gboolean            descending);
void                trib_result_model_sort_async      (TribResultModel    *self,
                                                       int                 column,
                                                       gboolean            descending,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean            trib_result_model_sort_finish     (TribResultModel    *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
int                 trib_result_model_get_sort_column (TribResultModel    *self);
gboolean            trib_result_model_get_sort_descending (TribResultModel *self);
char               *trib_result_model_dup_tsv         (TribResultModel    *self,
                                                       const guint        *positions,
                                                       guint               n_positions,
                                                       gboolean            with_header);
const char         *trib_result_model_peek_compact    (TribResultModel    *self,
                                                       guint               position,
                                                       guint               column,
                                                       guint               max_chars,
                                                       char              **compacted);
char               *trib_result_model_dup_compact     (TribResultModel    *self,
                                                       guint               position,
                                                       guint               column,
                                                       guint               max_chars);
char               *trib_result_model_dup_pretty      (TribResultModel    *self,
                                                       guint               position,
                                                       guint               column);
TribResultSnapshot *trib_result_model_snapshot        (TribResultModel    *self);
void                trib_result_model_set_deferred    (TribResultModel    *self,
                                                       gboolean            deferred);
gboolean            trib_result_model_get_deferred    (TribResultModel    *self);
guint               trib_result_model_get_n_pending   (TribResultModel    *self);
guint               trib_result_model_flush           (TribResultModel    *self,
                                                       guint               max_rows);

guint               trib_result_snapshot_get_n_rows      (TribResultSnapshot *snapshot);
guint               trib_result_snapshot_get_n_columns   (TribResultSnapshot *snapshot);
const char         *trib_result_snapshot_get_column_name (TribResultSnapshot *snapshot,
                                                          guint               column);
TribColumnKind      trib_result_snapshot_get_column_kind (TribResultSnapshot *snapshot,
                                                          guint               column);
const char         *trib_result_snapshot_get_value       (TribResultSnapshot *snapshot,
                                                          guint               position,
                                                          guint               column,
                                                          gsize              *length);
void                trib_result_snapshot_free            (TribResultSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribResultSnapshot, trib_result_snapshot_free)

G_END_DECLS
