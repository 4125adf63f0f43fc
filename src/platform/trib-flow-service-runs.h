/* trib-flow-service-runs.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow.h"
#include "trib-flow-run.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* A flow's runs are read 100 at a time. */
#define TRIB_FLOW_RUNS_PAGE_SIZE 100

TribPagedList *trib_flow_service_list_runs              (TribPlatformClient   *client,
                                                         const char           *flow_id);
void           trib_flow_service_get_run_async          (TribPlatformClient   *client,
                                                         const char           *run_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
TribFlowRun   *trib_flow_service_get_run_finish         (GAsyncResult         *result,
                                                         GError              **error);
void           trib_flow_service_set_flow_enabled_async (TribPlatformClient   *client,
                                                         const char           *flow_id,
                                                         gboolean              enabled,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char          *trib_flow_service_set_flow_enabled_finish (GAsyncResult        *result,
                                                          GError             **error);
void           trib_flow_service_update_flow_async      (TribPlatformClient   *client,
                                                         TribFlow             *flow,
                                                         const char           *name,
                                                         const char           *frequency,
                                                         gint64                interval,
                                                         gint64                mapping_version,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char          *trib_flow_service_update_flow_finish     (GAsyncResult         *result,
                                                         GError              **error);
void           trib_flow_service_change_flow_async      (TribPlatformClient   *client,
                                                         TribFlow             *flow,
                                                         const char           *name,
                                                         const char           *frequency,
                                                         gint64                interval,
                                                         gint64                mapping_version,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
TribFlow      *trib_flow_service_change_flow_finish     (GAsyncResult         *result,
                                                         GError              **error);
void           trib_flow_service_delete_flow_async      (TribPlatformClient   *client,
                                                         const char           *flow_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean       trib_flow_service_delete_flow_finish     (GAsyncResult         *result,
                                                         GError              **error);
void           trib_flow_service_run_flow_now_async     (TribPlatformClient   *client,
                                                         const char           *flow_id,
                                                         GDateTime            *window_start,
                                                         GDateTime            *window_end,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char          *trib_flow_service_run_flow_now_finish    (GAsyncResult         *result,
                                                         GError              **error);
void           trib_flow_service_retrigger_run_async    (TribPlatformClient   *client,
                                                         const char           *run_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
TribFlowRun   *trib_flow_service_retrigger_run_finish   (GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
