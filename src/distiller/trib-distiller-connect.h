/* trib-distiller-connect.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribConnectFailure:
 * @TRIB_CONNECT_FAILURE_OTHER: none of the below
 * @TRIB_CONNECT_FAILURE_NO_DATABASE: the server has no such database
 *   (for Data Distiller, no dataset with that table name)
 * @TRIB_CONNECT_FAILURE_AUTHENTICATION: the server refused the password
 *   (Query Service's token)
 * @TRIB_CONNECT_FAILURE_NO_PASSWORD: the server asked for a password and
 *   there was none
 * @TRIB_CONNECT_FAILURE_NO_ROLE: the server does not know the user
 * @TRIB_CONNECT_FAILURE_TOO_MANY: the server has no connection to spare
 * @TRIB_CONNECT_FAILURE_STARTING: the server is starting or stopping
 * @TRIB_CONNECT_FAILURE_TLS_REQUIRED: the server does not offer TLS,
 *   which Tributary requires
 * @TRIB_CONNECT_FAILURE_TLS: TLS was offered and failed
 * @TRIB_CONNECT_FAILURE_NOT_POSTGRES: something answered that does not
 *   speak PostgreSQL's protocol
 * @TRIB_CONNECT_FAILURE_UNKNOWN_HOST: the host name does not resolve
 * @TRIB_CONNECT_FAILURE_UNREACHABLE: the server refused the connection
 *   or did not answer in time
 *
 * Why libpq could not connect, read from its message.
 */
typedef enum
{
  TRIB_CONNECT_FAILURE_OTHER,
  TRIB_CONNECT_FAILURE_NO_DATABASE,
  TRIB_CONNECT_FAILURE_AUTHENTICATION,
  TRIB_CONNECT_FAILURE_NO_PASSWORD,
  TRIB_CONNECT_FAILURE_NO_ROLE,
  TRIB_CONNECT_FAILURE_TOO_MANY,
  TRIB_CONNECT_FAILURE_STARTING,
  TRIB_CONNECT_FAILURE_TLS_REQUIRED,
  TRIB_CONNECT_FAILURE_TLS,
  TRIB_CONNECT_FAILURE_NOT_POSTGRES,
  TRIB_CONNECT_FAILURE_UNKNOWN_HOST,
  TRIB_CONNECT_FAILURE_UNREACHABLE,
} TribConnectFailure;

TribConnectFailure  trib_connect_failure_classify (const char         *libpq_message);
char               *trib_connect_failure_describe (TribConnectFailure  failure,
                                                   const char         *host,
                                                   const char         *database);

G_END_DECLS
