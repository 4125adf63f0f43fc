/* trib-result-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-result-model.h"

G_BEGIN_DECLS

#define TRIB_TYPE_RESULT_VIEW (trib_result_view_get_type ())

G_DECLARE_FINAL_TYPE (TribResultView, trib_result_view, TRIB, RESULT_VIEW, AdwBin)

TribResultView    *trib_result_view_new                (void);
TribResultModel   *trib_result_view_get_model          (TribResultView  *self);
void               trib_result_view_set_model          (TribResultView  *self,
                                                        TribResultModel *model);
void               trib_result_view_set_loading        (TribResultView  *self,
                                                        gboolean         loading);
gboolean           trib_result_view_get_sorting        (TribResultView  *self);
GtkColumnView     *trib_result_view_get_column_view    (TribResultView  *self);
GtkSelectionModel *trib_result_view_get_rows           (TribResultView  *self);
GtkAdjustment     *trib_result_view_get_row_adjustment (TribResultView  *self);
void               trib_result_view_set_filter_text    (TribResultView  *self,
                                                        const char      *text);
guint              trib_result_view_get_n_shown        (TribResultView  *self);

G_END_DECLS
