/* trib-mapping-row-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-mapping-draft.h"

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_ROW_VIEW (trib_mapping_row_view_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingRowView, trib_mapping_row_view, TRIB, MAPPING_ROW_VIEW, AdwBin)

GtkWidget *trib_mapping_row_view_new  (void);
void       trib_mapping_row_view_show (TribMappingRowView *self,
                                       TribMappingRow     *row,
                                       const char         *shown_target,
                                       const char         *target_tooltip);

G_END_DECLS
