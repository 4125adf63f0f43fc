/* trib-column-types.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-explore-preview.h"
#include "trib-xdm-field.h"

G_BEGIN_DECLS

/**
 * TribColumnType:
 * @TRIB_COLUMN_STRING: text, or values of mixed kinds
 * @TRIB_COLUMN_INTEGER: whole numbers
 * @TRIB_COLUMN_NUMBER: numbers with a fraction or an exponent
 * @TRIB_COLUMN_BOOLEAN: `true` and `false`
 * @TRIB_COLUMN_DATE: ISO 8601 dates (`2026-12-03`)
 * @TRIB_COLUMN_DATE_TIME: ISO 8601 dates and times with a zone
 *
 * The XDM type of a source column, as its sample values show it.
 */
typedef enum
{
  TRIB_COLUMN_STRING,
  TRIB_COLUMN_INTEGER,
  TRIB_COLUMN_NUMBER,
  TRIB_COLUMN_BOOLEAN,
  TRIB_COLUMN_DATE,
  TRIB_COLUMN_DATE_TIME,
} TribColumnType;

TribColumnType  trib_column_type_infer           (const char * const *values,
                                                  guint               n_values);
TribColumnType *trib_column_types_infer_preview  (TribExplorePreview *preview);
TribColumnType  trib_column_type_from_name       (const char         *name);
const char     *trib_column_type_to_xdm          (TribColumnType      type);
const char     *trib_column_type_to_json         (TribColumnType      type);
GListModel     *trib_column_types_planned_tree   (guint               n_columns,
                                                  const char * const *names,
                                                  const TribColumnType *types,
                                                  guint              *n_fields);

G_END_DECLS
