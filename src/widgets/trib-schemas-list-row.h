/* trib-schemas-list-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-xdm-resource.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEMAS_LIST_ROW (trib_schemas_list_row_get_type ())

G_DECLARE_FINAL_TYPE (TribSchemasListRow, trib_schemas_list_row, TRIB, SCHEMAS_LIST_ROW, AdwBin)

TribXdmResource *trib_schemas_list_row_get_resource (TribSchemasListRow *self);
void             trib_schemas_list_row_set_resource (TribSchemasListRow *self,
                                                     TribXdmResource    *resource);
const char      *trib_schemas_list_row_get_subtitle (TribSchemasListRow *self);

G_END_DECLS
