/* trib-flow-service-flows.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow.h"
#include "trib-flow-spec.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* The Data Lake's connection spec, the target of every source flow. */
#define TRIB_DATA_LAKE_SPEC_ID "c604ff05-7f1a-43c0-8e18-33bf874cb11c"

void          trib_flow_service_create_source_connection_async  (TribPlatformClient   *client,
                                                                 const char           *name,
                                                                 const char           *connection_spec_id,
                                                                 const char           *base_connection_id,
                                                                 JsonObject           *data,
                                                                 JsonObject           *params,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
char         *trib_flow_service_create_source_connection_finish (GAsyncResult         *result,
                                                                 char                **etag,
                                                                 GError              **error);
void          trib_flow_service_create_target_connection_async  (TribPlatformClient   *client,
                                                                 const char           *name,
                                                                 const char           *dataset_id,
                                                                 const char           *schema_id,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
char         *trib_flow_service_create_target_connection_finish (GAsyncResult         *result,
                                                                 char                **etag,
                                                                 GError              **error);
void          trib_flow_service_find_flow_spec_async            (TribPlatformClient   *client,
                                                                 const char           *name,
                                                                 const char           *source_spec_id,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
TribFlowSpec *trib_flow_service_find_flow_spec_finish           (GAsyncResult         *result,
                                                                 GError              **error);
void          trib_flow_service_get_flow_spec_async             (TribPlatformClient   *client,
                                                                 const char           *flow_spec_id,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
void          trib_flow_service_create_flow_async               (TribPlatformClient   *client,
                                                                 const char           *name,
                                                                 const char           *flow_spec_id,
                                                                 const char           *source_connection_id,
                                                                 const char           *target_connection_id,
                                                                 JsonArray            *transformations,
                                                                 JsonObject           *schedule_params,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
char         *trib_flow_service_create_flow_finish              (GAsyncResult         *result,
                                                                 char                **etag,
                                                                 GError              **error);
void          trib_flow_service_get_flow_async                  (TribPlatformClient   *client,
                                                                 const char           *flow_id,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
TribFlow     *trib_flow_service_get_flow_finish                 (GAsyncResult         *result,
                                                                 GError              **error);
TribPagedList *trib_flow_service_list_flows                     (TribPlatformClient   *client,
                                                                 const char           *property);

G_END_DECLS
