/* trib-mapping.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribMappingSourceType:
 * @TRIB_MAPPING_SOURCE_ATTRIBUTE: the source is a column of the source
 * @TRIB_MAPPING_SOURCE_EXPRESSION: the source is a Data Prep expression
 * @TRIB_MAPPING_SOURCE_STATIC: the source is a constant
 */
typedef enum
{
  TRIB_MAPPING_SOURCE_ATTRIBUTE,
  TRIB_MAPPING_SOURCE_EXPRESSION,
  TRIB_MAPPING_SOURCE_STATIC,
} TribMappingSourceType;

#define TRIB_TYPE_MAPPING (trib_mapping_get_type ())

G_DECLARE_FINAL_TYPE (TribMapping, trib_mapping, TRIB, MAPPING, GObject)

TribMapping          *trib_mapping_new             (TribMappingSourceType  source_type,
                                                    const char            *source,
                                                    const char            *destination);
TribMapping          *trib_mapping_new_from_json   (JsonObject            *object);
void                  trib_mapping_set_name        (TribMapping           *self,
                                                    const char            *name);
void                  trib_mapping_set_description (TribMapping           *self,
                                                    const char            *description);
TribMappingSourceType trib_mapping_get_source_type (TribMapping           *self);
const char           *trib_mapping_get_source      (TribMapping           *self);
const char           *trib_mapping_get_destination (TribMapping           *self);
const char           *trib_mapping_get_name        (TribMapping           *self);
const char           *trib_mapping_get_description (TribMapping           *self);
const char           *trib_mapping_get_id          (TribMapping           *self);
void                  trib_mapping_to_json         (TribMapping           *self,
                                                    JsonBuilder           *builder);

G_END_DECLS
