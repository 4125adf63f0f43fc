/* trib-datasets-columns.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TribSchemaTitleFunc:
 * @data: the data given with the function
 * @schema_id: (nullable): a schema's `$id`
 *
 * Returns: (nullable): what to show for the schema
 */
typedef const char *(*TribSchemaTitleFunc) (gpointer    data,
                                            const char *schema_id);

/* The list's columns, in their order. */
typedef enum
{
  TRIB_DATASETS_COLUMN_NAME,
  TRIB_DATASETS_COLUMN_SCHEMA,
  TRIB_DATASETS_COLUMN_TABLE,
  TRIB_DATASETS_COLUMN_CREATED,
  TRIB_DATASETS_COLUMN_LAST_BATCH,
  TRIB_DATASETS_N_COLUMNS
} TribDatasetsColumn;

void trib_datasets_columns_add (GtkColumnView        *view,
                                TribSchemaTitleFunc   schema_title,
                                gpointer              data,
                                GtkColumnViewColumn  *columns[TRIB_DATASETS_N_COLUMNS]);

G_END_DECLS
