/* trib-mapping-check.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_CHECK (trib_mapping_check_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingCheck, trib_mapping_check, TRIB, MAPPING_CHECK, GObject)

TribMappingCheck   *trib_mapping_check_new_from_json   (guint             index,
                                                        const char       *destination,
                                                        JsonObject       *object);
guint               trib_mapping_check_get_index       (TribMappingCheck *self);
const char         *trib_mapping_check_get_destination (TribMappingCheck *self);
gboolean            trib_mapping_check_get_succeeded   (TribMappingCheck *self);
const char * const *trib_mapping_check_get_problems    (TribMappingCheck *self);

G_END_DECLS
