/* trib-distiller-run.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-result-model.h"

G_BEGIN_DECLS

/**
 * TribDistillerRunState:
 * @TRIB_DISTILLER_RUN_QUEUED: waiting for the statements before it
 * @TRIB_DISTILLER_RUN_CONNECTING: opening a connection first
 * @TRIB_DISTILLER_RUN_RUNNING: sent to the server
 * @TRIB_DISTILLER_RUN_DONE: finished without error
 * @TRIB_DISTILLER_RUN_FAILED: finished with an error
 * @TRIB_DISTILLER_RUN_CANCELLED: cancelled before or while running
 * @TRIB_DISTILLER_RUN_SKIPPED: never sent, because a statement before it
 *   in its script failed or was cancelled
 */
typedef enum
{
  TRIB_DISTILLER_RUN_QUEUED,
  TRIB_DISTILLER_RUN_CONNECTING,
  TRIB_DISTILLER_RUN_RUNNING,
  TRIB_DISTILLER_RUN_DONE,
  TRIB_DISTILLER_RUN_FAILED,
  TRIB_DISTILLER_RUN_CANCELLED,
  TRIB_DISTILLER_RUN_SKIPPED,
} TribDistillerRunState;

#define TRIB_TYPE_DISTILLER_RUN (trib_distiller_run_get_type ())

G_DECLARE_FINAL_TYPE (TribDistillerRun, trib_distiller_run, TRIB, DISTILLER_RUN, GObject)

const char            *trib_distiller_run_get_sql            (TribDistillerRun *self);
TribDistillerRunState  trib_distiller_run_get_state          (TribDistillerRun *self);
gboolean               trib_distiller_run_get_finished       (TribDistillerRun *self);
guint64                trib_distiller_run_get_n_rows         (TribDistillerRun *self);
TribResultModel       *trib_distiller_run_get_model          (TribDistillerRun *self);
const char            *trib_distiller_run_get_command_status (TribDistillerRun *self);
const GError          *trib_distiller_run_get_error          (TribDistillerRun *self);
const char * const    *trib_distiller_run_get_messages       (TribDistillerRun *self);
GDateTime             *trib_distiller_run_get_started        (TribDistillerRun *self);
gint64                 trib_distiller_run_get_elapsed_us     (TribDistillerRun *self);
void                   trib_distiller_run_cancel             (TribDistillerRun *self);

G_END_DECLS
