/* trib-sql-endpoint-provider.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-sql-endpoint.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SQL_ENDPOINT_PROVIDER (trib_sql_endpoint_provider_get_type ())

G_DECLARE_INTERFACE (TribSqlEndpointProvider, trib_sql_endpoint_provider, TRIB, SQL_ENDPOINT_PROVIDER, GObject)

/**
 * TribSqlEndpointProviderInterface:
 * @get_endpoint_async: asks for fresh connection parameters for @database
 *   (%NULL for the provider's default database)
 * @get_endpoint_finish: completes @get_endpoint_async
 *
 * Something that knows where to connect for SQL and with which
 * credentials, such as Query Service. Every call returns fresh
 * parameters: tokens used as passwords expire.
 */
struct _TribSqlEndpointProviderInterface
{
  GTypeInterface parent_iface;

  void             (*get_endpoint_async)  (TribSqlEndpointProvider  *self,
                                           const char               *database,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
  TribSqlEndpoint *(*get_endpoint_finish) (TribSqlEndpointProvider  *self,
                                           GAsyncResult             *result,
                                           GError                  **error);
};

void             trib_sql_endpoint_provider_get_endpoint_async  (TribSqlEndpointProvider  *self,
                                                                 const char               *database,
                                                                 GCancellable             *cancellable,
                                                                 GAsyncReadyCallback       callback,
                                                                 gpointer                  user_data);
TribSqlEndpoint *trib_sql_endpoint_provider_get_endpoint_finish (TribSqlEndpointProvider  *self,
                                                                 GAsyncResult             *result,
                                                                 GError                  **error);

G_END_DECLS
