/* trib-distiller-session.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-run.h"
#include "trib-sql-endpoint-provider.h"

G_BEGIN_DECLS

#define TRIB_TYPE_DISTILLER_SESSION (trib_distiller_session_get_type ())

G_DECLARE_FINAL_TYPE (TribDistillerSession, trib_distiller_session, TRIB, DISTILLER_SESSION, GObject)

TribDistillerSession *trib_distiller_session_new          (TribSqlEndpointProvider *provider,
                                                           const char              *database);
TribSqlEndpointProvider *trib_distiller_session_get_provider (TribDistillerSession *self);
const char           *trib_distiller_session_get_database (TribDistillerSession    *self);
TribDistillerRun     *trib_distiller_session_run          (TribDistillerSession    *self,
                                                           const char              *sql);
GPtrArray            *trib_distiller_session_run_script   (TribDistillerSession    *self,
                                                           const char * const      *statements,
                                                           gboolean                 stop_on_error);
void                  trib_distiller_session_close        (TribDistillerSession    *self);

G_END_DECLS
