/* trib-result-batch.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_TYPE_RESULT_BATCH (trib_result_batch_get_type ())

typedef struct _TribResultBatch TribResultBatch;

GType            trib_result_batch_get_type        (void) G_GNUC_CONST;
TribResultBatch *trib_result_batch_new             (guint               n_columns,
                                                    guint               expected_rows);
TribResultBatch *trib_result_batch_ref             (TribResultBatch    *self);
void             trib_result_batch_unref           (TribResultBatch    *self);
void             trib_result_batch_append_row      (TribResultBatch    *self,
                                                    const char * const *values,
                                                    const int          *lengths);
void             trib_result_batch_seal            (TribResultBatch    *self);
TribResultBatch *trib_result_batch_take_rows       (TribResultBatch    *self);
guint            trib_result_batch_get_n_rows      (TribResultBatch    *self);
guint            trib_result_batch_get_n_columns   (TribResultBatch    *self);
const char      *trib_result_batch_get_value       (TribResultBatch    *self,
                                                    guint               row,
                                                    guint               column,
                                                    gsize              *length);
gsize            trib_result_batch_get_memory_size (TribResultBatch    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribResultBatch, trib_result_batch_unref)

G_END_DECLS
