/* trib-sql-endpoint-provider.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-endpoint-provider"

#include "config.h"

#include "trib-sql-endpoint-provider.h"

G_DEFINE_INTERFACE (TribSqlEndpointProvider, trib_sql_endpoint_provider, G_TYPE_OBJECT)

static void
trib_sql_endpoint_provider_default_init (TribSqlEndpointProviderInterface *iface)
{
}

/**
 * trib_sql_endpoint_provider_get_endpoint_async:
 * @self: a #TribSqlEndpointProvider
 * @database: (nullable): the database to connect to, or %NULL for the
 *   provider's default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the endpoint
 * @user_data: data for @callback
 *
 * Asks for fresh connection parameters.
 */
void
trib_sql_endpoint_provider_get_endpoint_async (TribSqlEndpointProvider *self,
                                               const char              *database,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  g_return_if_fail (TRIB_IS_SQL_ENDPOINT_PROVIDER (self));

  TRIB_SQL_ENDPOINT_PROVIDER_GET_IFACE (self)->get_endpoint_async (self, database, cancellable, callback, user_data);
}

/**
 * trib_sql_endpoint_provider_get_endpoint_finish:
 *
 * Returns: (transfer full): the endpoint, or %NULL with @error set
 */
TribSqlEndpoint *
trib_sql_endpoint_provider_get_endpoint_finish (TribSqlEndpointProvider  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  g_return_val_if_fail (TRIB_IS_SQL_ENDPOINT_PROVIDER (self), NULL);

  return TRIB_SQL_ENDPOINT_PROVIDER_GET_IFACE (self)->get_endpoint_finish (self, result, error);
}
