/* trib-flow-runner.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-flow-journal.h"
#include "trib-flow-plan.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_RUNNER (trib_flow_runner_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowRunner, trib_flow_runner, TRIB, FLOW_RUNNER, GObject)

TribFlowRunner  *trib_flow_runner_new              (TribPlatformClient   *client,
                                                    TribFlowPlan         *plan,
                                                    TribFlowJournal      *journal);
TribFlowPlan    *trib_flow_runner_get_plan         (TribFlowRunner       *self);
TribFlowJournal *trib_flow_runner_get_journal      (TribFlowRunner       *self);
gboolean         trib_flow_runner_get_busy         (TribFlowRunner       *self);
int              trib_flow_runner_get_current_step (TribFlowRunner       *self);
void             trib_flow_runner_run_async        (TribFlowRunner       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char            *trib_flow_runner_run_finish       (TribFlowRunner       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             trib_flow_runner_resume_async     (TribFlowRunner       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char            *trib_flow_runner_resume_finish    (TribFlowRunner       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             trib_flow_runner_roll_back_async  (TribFlowRunner       *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         trib_flow_runner_roll_back_finish (TribFlowRunner       *self,
                                                    GAsyncResult         *result,
                                                    GStrv                *not_deleted,
                                                    GError              **error);

G_END_DECLS
