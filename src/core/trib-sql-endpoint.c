/* trib-sql-endpoint.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-endpoint"

#include "config.h"

#include "trib-sql-endpoint.h"
#include "trib-util.h"

G_DEFINE_BOXED_TYPE (TribSqlEndpoint, trib_sql_endpoint, trib_sql_endpoint_copy, trib_sql_endpoint_free)

/**
 * trib_sql_endpoint_new:
 *
 * Returns: (transfer full): a new endpoint holding copies of its arguments
 */
TribSqlEndpoint *
trib_sql_endpoint_new (const char *host,
                       guint       port,
                       const char *user,
                       const char *database,
                       const char *password)
{
  TribSqlEndpoint *self = g_new0 (TribSqlEndpoint, 1);

  self->host = g_strdup (host);
  self->port = port;
  self->user = g_strdup (user);
  self->database = g_strdup (database);
  self->password = g_strdup (password);

  return self;
}

TribSqlEndpoint *
trib_sql_endpoint_copy (const TribSqlEndpoint *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return trib_sql_endpoint_new (self->host, self->port, self->user, self->database, self->password);
}

void
trib_sql_endpoint_free (TribSqlEndpoint *self)
{
  if (self == NULL)
    return;

  g_free (self->host);
  g_free (self->user);
  g_free (self->database);
  trib_secret_free (self->password);
  g_free (self);
}
