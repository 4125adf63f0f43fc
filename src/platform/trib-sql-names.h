/* trib-sql-names.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-dataset.h"
#include "trib-platform-client.h"
#include "trib-xdm-field.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SQL_NAMES (trib_sql_names_get_type ())

G_DECLARE_FINAL_TYPE (TribSqlNames, trib_sql_names, TRIB, SQL_NAMES, GObject)

TribSqlNames *trib_sql_names_new                 (TribPlatformClient   *client);
void          trib_sql_names_load_tables         (TribSqlNames         *self);
gboolean      trib_sql_names_get_tables_complete (TribSqlNames         *self);
guint         trib_sql_names_get_n_tables        (TribSqlNames         *self);
GPtrArray    *trib_sql_names_find_tables         (TribSqlNames         *self,
                                                  const char           *prefix,
                                                  guint                 limit);
TribDataset  *trib_sql_names_lookup_table        (TribSqlNames         *self,
                                                  const char           *table);
GListModel   *trib_sql_names_peek_fields         (TribSqlNames         *self,
                                                  const char           *schema_id);
void          trib_sql_names_load_fields_async   (TribSqlNames         *self,
                                                  const char           *schema_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel   *trib_sql_names_load_fields_finish  (TribSqlNames         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
GListModel   *trib_sql_names_children_at         (GListModel           *roots,
                                                  const char           *path);

G_END_DECLS
