/* trib-distiller-pq.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "trib-result-batch.h"
#include "trib-sql-endpoint.h"

G_BEGIN_DECLS

PGconn *trib_distiller_pq_connect    (TribSqlEndpoint  *endpoint,
                                      GError          **error);
GError *trib_distiller_pq_error      (PGconn           *conn,
                                      PGresult         *result);
void    trib_distiller_pq_append_row (TribResultBatch  *batch,
                                      PGresult         *result,
                                      const char      **values,
                                      int              *lengths);

G_END_DECLS
