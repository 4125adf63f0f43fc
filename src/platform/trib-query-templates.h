/* trib-query-templates.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-query-template.h"

G_BEGIN_DECLS

TribPagedList     *trib_query_templates_list          (TribPlatformClient   *client);
void               trib_query_templates_create_async  (TribPlatformClient   *client,
                                                       const char           *name,
                                                       const char           *sql,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TribQueryTemplate *trib_query_templates_create_finish (GAsyncResult         *result,
                                                       GError              **error);
void               trib_query_templates_get_async     (TribPlatformClient   *client,
                                                       const char           *template_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TribQueryTemplate *trib_query_templates_get_finish    (GAsyncResult         *result,
                                                       GError              **error);
void               trib_query_templates_update_async  (TribPlatformClient   *client,
                                                       const char           *template_id,
                                                       const char           *name,
                                                       const char           *sql,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
TribQueryTemplate *trib_query_templates_update_finish (GAsyncResult         *result,
                                                       GError              **error);
void               trib_query_templates_delete_async  (TribPlatformClient   *client,
                                                       const char           *template_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           trib_query_templates_delete_finish (GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
