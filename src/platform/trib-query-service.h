/* trib-query-service.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-query-record.h"
#include "trib-sql-endpoint-provider.h"

G_BEGIN_DECLS

#define TRIB_QUERY_SERVICE_PAGE_SIZE 50

/**
 * TribQueryOutput:
 * @TRIB_QUERY_OUTPUT_NONE: the query writes nothing
 * @TRIB_QUERY_OUTPUT_NEW_DATASET: it creates a dataset (`ctasParameters`)
 * @TRIB_QUERY_OUTPUT_EXISTING_DATASET: it adds rows to one
 *   (`insertIntoParameters`)
 *
 * Where a query or a schedule's runs write their rows.
 */
typedef enum
{
  TRIB_QUERY_OUTPUT_NONE,
  TRIB_QUERY_OUTPUT_NEW_DATASET,
  TRIB_QUERY_OUTPUT_EXISTING_DATASET,
} TribQueryOutput;

#define TRIB_TYPE_QUERY_SERVICE (trib_query_service_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryService, trib_query_service, TRIB, QUERY_SERVICE, GObject)

TribQueryService   *trib_query_service_new        (TribPlatformClient *client);
TribPlatformClient *trib_query_service_get_client (TribQueryService   *self);
const char         *trib_query_service_get_sandbox (TribQueryService  *self);

TribPagedList      *trib_query_service_list_queries (TribPlatformClient *client,
                                                     gboolean            oldest_first,
                                                     const char         *state);
char               *trib_query_service_dup_database_name (const char *sandbox,
                                                          const char *table_name);
char               *trib_query_service_dup_preview_sql   (const char *table_name);
gboolean            trib_query_service_sql_writes_table  (const char *sql);

void                trib_query_service_create_query_async  (TribPlatformClient   *client,
                                                            const char           *name,
                                                            const char           *database,
                                                            const char           *sql,
                                                            TribQueryOutput       output,
                                                            const char           *dataset_name,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
TribQueryRecord    *trib_query_service_create_query_finish (GAsyncResult         *result,
                                                            GError              **error);
void                trib_query_service_get_query_async     (TribPlatformClient   *client,
                                                            const char           *query_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
TribQueryRecord    *trib_query_service_get_query_finish    (GAsyncResult         *result,
                                                            GError              **error);
void                trib_query_service_cancel_query_async  (TribPlatformClient   *client,
                                                            const char           *query_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean            trib_query_service_cancel_query_finish (GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
