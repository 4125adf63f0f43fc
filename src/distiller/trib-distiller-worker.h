/* trib-distiller-worker.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-run.h"
#include "trib-sql-endpoint.h"

G_BEGIN_DECLS

typedef struct _TribDistillerWorker TribDistillerWorker;

/* Called on the main thread when the worker needs somewhere to connect;
 * answer with trib_distiller_worker_take_endpoint(). @fresh says the
 * last parameters were refused.
 */
typedef void (*TribDistillerEndpointFunc) (TribDistillerWorker *worker,
                                           gboolean             fresh,
                                           gpointer             user_data);

TribDistillerWorker *trib_distiller_worker_new           (TribDistillerEndpointFunc  endpoint_func,
                                                          gpointer                   user_data);
TribDistillerWorker *trib_distiller_worker_ref           (TribDistillerWorker       *self);
void                 trib_distiller_worker_unref         (TribDistillerWorker       *self);
TribDistillerRun    *trib_distiller_worker_push          (TribDistillerWorker       *self,
                                                          const char                *sql);
GPtrArray           *trib_distiller_worker_push_script   (TribDistillerWorker       *self,
                                                          const char * const        *statements,
                                                          gboolean                   stop_on_error);
void                 trib_distiller_worker_take_endpoint (TribDistillerWorker       *self,
                                                          TribSqlEndpoint           *endpoint,
                                                          GError                    *error);
void                 trib_distiller_worker_close         (TribDistillerWorker       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribDistillerWorker, trib_distiller_worker_unref)

G_END_DECLS
