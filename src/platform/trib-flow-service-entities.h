/* trib-flow-service-entities.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-source-connection.h"
#include "trib-target-connection.h"

G_BEGIN_DECLS

/**
 * TribFlowEntityKind:
 * @TRIB_FLOW_ENTITY_SOURCE_CONNECTION: `/sourceConnections`
 * @TRIB_FLOW_ENTITY_TARGET_CONNECTION: `/targetConnections`
 * @TRIB_FLOW_ENTITY_FLOW: `/flows`
 *
 * What a dataflow setup makes in Flow Service, besides accounts.
 */
typedef enum
{
  TRIB_FLOW_ENTITY_SOURCE_CONNECTION,
  TRIB_FLOW_ENTITY_TARGET_CONNECTION,
  TRIB_FLOW_ENTITY_FLOW,
} TribFlowEntityKind;

TribPagedList        *trib_flow_service_list_source_connections  (TribPlatformClient   *client,
                                                                  const char           *property);
TribPagedList        *trib_flow_service_list_target_connections  (TribPlatformClient   *client,
                                                                  const char           *property);
void                  trib_flow_service_get_source_connection_async  (TribPlatformClient   *client,
                                                                      const char           *id,
                                                                      GCancellable         *cancellable,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
TribSourceConnection *trib_flow_service_get_source_connection_finish (GAsyncResult         *result,
                                                                      GError              **error);
void                  trib_flow_service_get_target_connection_async  (TribPlatformClient   *client,
                                                                      const char           *id,
                                                                      GCancellable         *cancellable,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
TribTargetConnection *trib_flow_service_get_target_connection_finish (GAsyncResult         *result,
                                                                      GError              **error);
void                  trib_flow_service_delete_entity_async      (TribPlatformClient   *client,
                                                                  TribFlowEntityKind    kind,
                                                                  const char           *id,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
gboolean              trib_flow_service_delete_entity_finish     (GAsyncResult         *result,
                                                                  GError              **error);

G_END_DECLS
