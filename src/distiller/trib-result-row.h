/* trib-result-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-result-model.h"

G_BEGIN_DECLS

#define TRIB_TYPE_RESULT_ROW (trib_result_row_get_type ())

G_DECLARE_FINAL_TYPE (TribResultRow, trib_result_row, TRIB, RESULT_ROW, GObject)

TribResultRow   *trib_result_row_new          (TribResultModel *model,
                                               guint            position);
TribResultModel *trib_result_row_get_model    (TribResultRow   *self);
guint            trib_result_row_get_position (TribResultRow   *self);
void             trib_result_row_set_position (TribResultRow   *self,
                                               guint            position);
const char      *trib_result_row_get_value    (TribResultRow   *self,
                                               guint            column,
                                               gsize           *length);

G_END_DECLS
