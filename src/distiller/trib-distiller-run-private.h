/* trib-distiller-run-private.h
 *
 * What the session and its worker use to report on a run; always called
 * on the main thread.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-run.h"
#include "trib-result-batch.h"

G_BEGIN_DECLS

typedef void (*TribDistillerCancelFunc) (TribDistillerRun *run,
                                         gpointer          user_data);

TribDistillerRun *trib_distiller_run_new         (const char              *sql,
                                                  TribDistillerCancelFunc  cancel_func,
                                                  gpointer                 cancel_data,
                                                  GDestroyNotify           cancel_data_destroy);
void              trib_distiller_run_set_state   (TribDistillerRun        *self,
                                                  TribDistillerRunState    state);
void              trib_distiller_run_set_columns (TribDistillerRun        *self,
                                                  guint                    n_columns,
                                                  const char * const      *names,
                                                  const guint32           *type_oids);
void              trib_distiller_run_add_batch   (TribDistillerRun        *self,
                                                  TribResultBatch         *batch);
void              trib_distiller_run_add_message (TribDistillerRun        *self,
                                                  const char              *message);
void              trib_distiller_run_finish      (TribDistillerRun        *self,
                                                  TribDistillerRunState    state,
                                                  const char              *command_status,
                                                  const GError            *error);

G_END_DECLS
