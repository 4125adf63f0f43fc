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

void trib_datasets_columns_add (GtkColumnView        *view,
                                TribSchemaTitleFunc   schema_title,
                                gpointer              data,
                                GtkColumnViewColumn **table_column,
                                GtkColumnViewColumn **created_column);

G_END_DECLS
