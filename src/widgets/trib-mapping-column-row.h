/* trib-mapping-column-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_COLUMN_ROW (trib_mapping_column_row_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingColumnRow, trib_mapping_column_row, TRIB, MAPPING_COLUMN_ROW, AdwBin)

GtkWidget  *trib_mapping_column_row_new      (void);
void        trib_mapping_column_row_show     (TribMappingColumnRow *self,
                                              const char           *column,
                                              const char           *type,
                                              const char           *goes,
                                              const char           *target);
const char *trib_mapping_column_row_get_column (TribMappingColumnRow *self);

G_END_DECLS
