/* trib-flow-service.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-connection.h"
#include "trib-connection-spec.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* How many base connections a page asks for. */
#define TRIB_FLOW_SERVICE_PAGE_SIZE 100

void                trib_flow_service_list_connection_specs_async  (TribPlatformClient   *client,
                                                                    const char           *property,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
GListModel         *trib_flow_service_list_connection_specs_finish (GAsyncResult         *result,
                                                                    GError              **error);
void                trib_flow_service_get_connection_spec_async    (TribPlatformClient   *client,
                                                                    const char           *spec_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
TribConnectionSpec *trib_flow_service_get_connection_spec_finish   (GAsyncResult         *result,
                                                                    GError              **error);
TribPagedList      *trib_flow_service_list_connections             (TribPlatformClient   *client,
                                                                    const char           *property);
void                trib_flow_service_get_connection_async         (TribPlatformClient   *client,
                                                                    const char           *connection_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
TribConnection     *trib_flow_service_get_connection_finish        (GAsyncResult         *result,
                                                                    GError              **error);
void                trib_flow_service_create_connection_async      (TribPlatformClient   *client,
                                                                    const char           *name,
                                                                    const char           *description,
                                                                    TribConnectionSpec   *spec,
                                                                    const char           *auth_name,
                                                                    JsonObject           *auth_params,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
char               *trib_flow_service_create_connection_finish     (GAsyncResult         *result,
                                                                    char                **etag,
                                                                    GError              **error);
void                trib_flow_service_update_connection_async      (TribPlatformClient   *client,
                                                                    const char           *connection_id,
                                                                    const char           *etag,
                                                                    const char           *name,
                                                                    JsonObject           *auth_params,
                                                                    GPtrArray            *removed_params,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
char               *trib_flow_service_update_connection_finish     (GAsyncResult         *result,
                                                                    GError              **error);
void                trib_flow_service_delete_connection_async      (TribPlatformClient   *client,
                                                                    const char           *connection_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
gboolean            trib_flow_service_delete_connection_finish     (GAsyncResult         *result,
                                                                    GError              **error);
void                trib_flow_service_test_connection_async        (TribPlatformClient   *client,
                                                                    const char           *connection_id,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
gboolean            trib_flow_service_test_connection_finish       (GAsyncResult         *result,
                                                                    GError              **error);

G_END_DECLS
