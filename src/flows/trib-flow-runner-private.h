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

/* For tests: the runner stops right after this step's record is
 * written, as if the process were killed there.
 */
void      _trib_flow_runner_stop_after      (TribFlowRunner       *self,
                                             int                   index);

G_END_DECLS
