/* trib-flow-runner-private.h
 *
 * The runner's calls about one step's resource, per kind (in
 * trib-flow-runner-platform.c), and its test hook.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow-plan-private.h"
#include "trib-flow-runner.h"

G_BEGIN_DECLS

void      _trib_flow_resource_check_async   (TribPlatformClient   *client,
                                             TribFlowStep         *step,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  _trib_flow_resource_check_finish  (GAsyncResult         *result,
                                             gboolean             *exists,
                                             GError              **error);
void      _trib_flow_resource_find_async    (TribPlatformClient   *client,
                                             TribFlowPlan         *plan,
                                             TribFlowStep         *step,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *_trib_flow_resource_find_finish   (GAsyncResult         *result,
                                             int                  *version,
                                             char                **name_space,
                                             GError              **error);
void      _trib_flow_resource_delete_async  (TribPlatformClient   *client,
                                             TribFlowStep         *step,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  _trib_flow_resource_delete_finish (GAsyncResult         *result,
                                             GError              **error);

struct _TribFlowRunner
{
  GObject parent_instance;

  TribPlatformClient *client;
  TribFlowPlan *plan;
  TribFlowJournal *journal;
  int current_step;
  int unsure_step;        /* a create that may have happened, or -1 */
  int stop_after;         /* tests: -1, or a step after which to stop */
  guint busy : 1;
};

typedef enum
{
  TRIB_FLOW_RUNNER_RUN,
  TRIB_FLOW_RUNNER_RESUME,
  TRIB_FLOW_RUNNER_ROLL_BACK,
} TribFlowRunnerMode;

typedef struct
{
  TribFlowRunnerMode mode;
  int index;
  GPtrArray *not_deleted;   /* char *, translated */
  gboolean failed;          /* a delete failed for a reason it may not next time */
} TribFlowRunnerOp;

void      _trib_flow_runner_op_free         (TribFlowRunnerOp     *op);
GTask    *_trib_flow_runner_start           (TribFlowRunner       *self,
                                             TribFlowRunnerMode    mode,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void      _trib_flow_runner_set_busy        (TribFlowRunner       *self,
                                             gboolean              busy);
void      _trib_flow_runner_set_current_step (TribFlowRunner      *self,
                                              int                  index);
void      _trib_flow_runner_fail            (GTask                *task,
                                             GError               *error);
gboolean  _trib_flow_runner_write_journal   (GTask                *task);

/* For tests: the runner stops right after this step's record is
 * written, as if the process were killed there.
 */
void      _trib_flow_runner_stop_after      (TribFlowRunner       *self,
                                             int                   index);

G_END_DECLS
