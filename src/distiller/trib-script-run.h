/* trib-script-run.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-session.h"
#include "trib-query-history.h"

G_BEGIN_DECLS

/**
 * TribScriptRunState:
 * @TRIB_SCRIPT_RUN_READY: not started
 * @TRIB_SCRIPT_RUN_RUNNING: some statements have not finished
 * @TRIB_SCRIPT_RUN_DONE: every statement ran without error
 * @TRIB_SCRIPT_RUN_FAILED: the script could not be split, or a
 *   statement failed
 * @TRIB_SCRIPT_RUN_CANCELLED: a statement was cancelled
 *
 * How a script goes, as a whole.
 */
typedef enum
{
  TRIB_SCRIPT_RUN_READY,
  TRIB_SCRIPT_RUN_RUNNING,
  TRIB_SCRIPT_RUN_DONE,
  TRIB_SCRIPT_RUN_FAILED,
  TRIB_SCRIPT_RUN_CANCELLED,
} TribScriptRunState;

#define TRIB_TYPE_SCRIPT_RUN_STATE (trib_script_run_state_get_type ())
#define TRIB_TYPE_SCRIPT_RUN (trib_script_run_get_type ())

GType trib_script_run_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (TribScriptRun, trib_script_run, TRIB, SCRIPT_RUN, GObject)

TribScriptRun      *trib_script_run_new                    (const char           *script,
                                                            gboolean              stop_on_error);
TribScriptRun      *trib_script_run_new_for_statement      (const char           *sql,
                                                            int                   offset);
void                trib_script_run_set_history            (TribScriptRun        *self,
                                                            TribQueryHistory     *history,
                                                            const char           *sandbox);
gboolean            trib_script_run_check                  (TribScriptRun        *self,
                                                            GError              **error);
void                trib_script_run_start                  (TribScriptRun        *self,
                                                            TribDistillerSession *session);
void                trib_script_run_cancel                 (TribScriptRun        *self);
TribScriptRunState  trib_script_run_get_state              (TribScriptRun        *self);
gboolean            trib_script_run_get_stop_on_error      (TribScriptRun        *self);
guint               trib_script_run_get_n_statements       (TribScriptRun        *self);
const char         *trib_script_run_get_statement          (TribScriptRun        *self,
                                                            guint                 index);
int                 trib_script_run_get_statement_offset   (TribScriptRun        *self,
                                                            guint                 index);
GPtrArray          *trib_script_run_get_runs               (TribScriptRun        *self);
TribDistillerRun   *trib_script_run_get_run                (TribScriptRun        *self,
                                                            guint                 index);
const GError       *trib_script_run_get_error              (TribScriptRun        *self);
int                 trib_script_run_get_error_index        (TribScriptRun        *self);
int                 trib_script_run_get_error_offset       (TribScriptRun        *self);

G_END_DECLS
