/* trib-distiller-error.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trib-distiller-connect.h"

G_BEGIN_DECLS

#define TRIB_DISTILLER_ERROR (trib_distiller_error_quark ())

/**
 * TribDistillerError:
 * @TRIB_DISTILLER_ERROR_CONNECT: no connection could be opened
 * @TRIB_DISTILLER_ERROR_SQL: the server refused or failed the statement
 * @TRIB_DISTILLER_ERROR_CONNECTION_LOST: the connection broke during the
 *   statement; the next one reconnects
 * @TRIB_DISTILLER_ERROR_UNSUPPORTED: the statement needs something
 *   Tributary does not do, such as `COPY … FROM STDIN`
 *
 * Errors from Data Distiller's PostgreSQL side. Errors the server sends
 * keep their SQLSTATE, hint and position.
 */
typedef enum
{
  TRIB_DISTILLER_ERROR_CONNECT,
  TRIB_DISTILLER_ERROR_SQL,
  TRIB_DISTILLER_ERROR_CONNECTION_LOST,
  TRIB_DISTILLER_ERROR_UNSUPPORTED,
} TribDistillerError;

GQuark      trib_distiller_error_quark        (void);
GError     *trib_distiller_error_new_from_server (TribDistillerError  code,
                                                  const char         *message,
                                                  const char         *sqlstate,
                                                  const char         *detail,
                                                  const char         *hint,
                                                  guint               position);
const char *trib_distiller_error_get_sqlstate (const GError       *error);
const char *trib_distiller_error_get_detail   (const GError       *error);
const char *trib_distiller_error_get_hint     (const GError       *error);
guint       trib_distiller_error_get_position (const GError       *error);
GError     *trib_distiller_error_new_connect  (const char         *host,
                                               const char         *database,
                                               const char         *libpq_text);
TribConnectFailure trib_distiller_error_get_connect_failure (const GError *error);
const char *trib_distiller_error_get_libpq_text (const GError     *error);

G_END_DECLS
