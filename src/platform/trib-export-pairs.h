/* trib-export-pairs.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

gboolean   trib_export_pairs_is_export_spec (const char          *flow_spec_id);
void       trib_export_pairs_find_async     (TribPlatformClient  *client,
                                             const char          *dataset_name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray *trib_export_pairs_find_finish    (GAsyncResult        *result,
                                             GError             **error);
void       trib_export_pairs_set_start_async (TribPlatformClient *client,
                                             TribFlow            *flow,
                                             gint64               start_ms,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void       trib_export_pairs_find_schedules_async  (TribPlatformClient  *client,
                                                    const char * const  *dataset_ids,
                                                    const char * const  *dataset_names,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *trib_export_pairs_find_schedules_finish (GAsyncResult        *result,
                                                    GError             **error);
char      *trib_export_pairs_set_start_finish (GAsyncResult      *result,
                                              GError           **error);

G_END_DECLS
