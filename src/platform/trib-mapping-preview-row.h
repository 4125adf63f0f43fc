/* trib-mapping-preview-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_PREVIEW_ROW (trib_mapping_preview_row_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingPreviewRow, trib_mapping_preview_row, TRIB, MAPPING_PREVIEW_ROW, GObject)

TribMappingPreviewRow *trib_mapping_preview_row_new_from_json (JsonObject            *object);
JsonObject            *trib_mapping_preview_row_get_data      (TribMappingPreviewRow *self);
JsonNode              *trib_mapping_preview_row_get_value     (TribMappingPreviewRow *self,
                                                               const char            *path);
const char * const    *trib_mapping_preview_row_get_problems  (TribMappingPreviewRow *self);

G_END_DECLS
