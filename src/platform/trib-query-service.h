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

G_END_DECLS
