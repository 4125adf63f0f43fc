/* trib-mapping-set.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-mapping.h"

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_SET (trib_mapping_set_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingSet, trib_mapping_set, TRIB, MAPPING_SET, GObject)

TribMappingSet *trib_mapping_set_new_from_json    (JsonObject     *object);
const char     *trib_mapping_set_get_id           (TribMappingSet *self);
guint           trib_mapping_set_get_version      (TribMappingSet *self);
const char     *trib_mapping_set_get_name         (TribMappingSet *self);
const char     *trib_mapping_set_get_schema_id    (TribMappingSet *self);
GDateTime      *trib_mapping_set_get_created      (TribMappingSet *self);
GDateTime      *trib_mapping_set_get_modified     (TribMappingSet *self);
const char     *trib_mapping_set_get_created_by   (TribMappingSet *self);
const char     *trib_mapping_set_get_modified_by  (TribMappingSet *self);
GPtrArray      *trib_mapping_set_get_mappings     (TribMappingSet *self);

G_END_DECLS
