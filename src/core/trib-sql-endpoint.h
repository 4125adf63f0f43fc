/* trib-sql-endpoint.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_TYPE_SQL_ENDPOINT (trib_sql_endpoint_get_type ())

/**
 * TribSqlEndpoint:
 * @host: the server's host name
 * @port: its port
 * @user: the role to log in as
 * @database: the database, such as `prod:all`
 * @password: the password (for Data Distiller, a token); a secret
 *
 * Where and as whom to open a PostgreSQL-protocol connection. The
 * password is wiped when the endpoint is freed.
 */
typedef struct
{
  char *host;
  guint port;
  char *user;
  char *database;
  char *password;
} TribSqlEndpoint;

GType            trib_sql_endpoint_get_type (void) G_GNUC_CONST;
TribSqlEndpoint *trib_sql_endpoint_new      (const char            *host,
                                             guint                  port,
                                             const char            *user,
                                             const char            *database,
                                             const char            *password);
TribSqlEndpoint *trib_sql_endpoint_copy     (const TribSqlEndpoint *self);
void             trib_sql_endpoint_free     (TribSqlEndpoint       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribSqlEndpoint, trib_sql_endpoint_free)

G_END_DECLS
