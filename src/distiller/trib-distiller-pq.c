/* trib-distiller-pq.c
 *
 * What the worker needs of libpq beyond the protocol loop: how to
 * connect, how to read an error, how to copy a row.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-pq"

#include "config.h"

#include "trib-distiller-error.h"
#include "trib-distiller-pq.h"

/**
 * trib_distiller_pq_connect:
 *
 * Opens a connection as Data Distiller wants it: TLS required, UTF-8.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL
 */
PGconn *
trib_distiller_pq_connect (TribSqlEndpoint  *endpoint,
                           GError          **error)
{
  g_autofree char *port = g_strdup_printf ("%u", endpoint->port);
  const char *keywords[] = {
    "host", "port", "user", "password", "dbname",
    "sslmode", "application_name", "connect_timeout", "client_encoding",
    NULL
  };
  const char *values[] = {
    endpoint->host, port, endpoint->user, endpoint->password, endpoint->database,
    "require", "Tributary", "20", "UTF8",
    NULL
  };
  PGconn *conn = PQconnectdbParams (keywords, values, FALSE);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (conn)));

      /* A sentence to act on; libpq's words stay in the error for a disclosure. */
      g_propagate_error (error, trib_distiller_error_new_connect (endpoint->host, endpoint->database, reason));
      PQfinish (conn);
      return NULL;
    }

  return conn;
}

/**
 * trib_distiller_pq_error:
 * @result: (nullable): the failed result, or %NULL when there is none
 *
 * Returns: (transfer full): the server's error, with its SQLSTATE,
 *   detail, hint and position
 */
GError *
trib_distiller_pq_error (PGconn   *conn,
                         PGresult *result)
{
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *position = result ? PQresultErrorField (result, PG_DIAG_STATEMENT_POSITION) : NULL;
  g_autofree char *fallback = NULL;

  if (primary == NULL)
    primary = fallback = g_strstrip (g_strdup (PQerrorMessage (conn)));

  return trib_distiller_error_new_from_server (TRIB_DISTILLER_ERROR_SQL, primary,
                                               result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL,
                                               result ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL,
                                               result ? PQresultErrorField (result, PG_DIAG_MESSAGE_HINT) : NULL,
                                               position ? (guint) g_ascii_strtoull (position, NULL, 10) : 0);
}

/**
 * trib_distiller_pq_append_row:
 * @result: a single-row result
 * @values: room for a value per column
 * @lengths: room for a length per column
 *
 * Copies the row into @batch; NULL stays distinct from empty.
 */
void
trib_distiller_pq_append_row (TribResultBatch  *batch,
                              PGresult         *result,
                              const char      **values,
                              int              *lengths)
{
  int n_columns = PQnfields (result);

  for (int i = 0; i < n_columns; i++)
    {
      values[i] = PQgetisnull (result, 0, i) ? NULL : PQgetvalue (result, 0, i);
      lengths[i] = PQgetlength (result, 0, i);
    }

  trib_result_batch_append_row (batch, values, lengths);
}
