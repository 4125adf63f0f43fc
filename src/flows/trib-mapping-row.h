/* trib-mapping-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_ROW (trib_mapping_row_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingRow, trib_mapping_row, TRIB, MAPPING_ROW, GObject)

gboolean    trib_mapping_row_get_calculated  (TribMappingRow *self);
const char *trib_mapping_row_get_source      (TribMappingRow *self);
const char *trib_mapping_row_get_source_type (TribMappingRow *self);
const char *trib_mapping_row_get_target      (TribMappingRow *self);
const char *trib_mapping_row_get_target_type (TribMappingRow *self);
gboolean    trib_mapping_row_get_identity    (TribMappingRow *self);
const char *trib_mapping_row_get_namespace   (TribMappingRow *self);
const char *trib_mapping_row_get_problem     (TribMappingRow *self);
gboolean    trib_mapping_row_get_complete    (TribMappingRow *self);

G_END_DECLS
