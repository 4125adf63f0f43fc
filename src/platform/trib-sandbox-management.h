/* trib-sandbox-management.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-platform-client.h"
#include "trib-sandbox.h"

G_BEGIN_DECLS

#define TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE 50

void        trib_sandbox_management_list_async  (TribPlatformClient   *client,
                                                 guint                 page_size,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GListModel *trib_sandbox_management_list_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
