/* trib-data-prep.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-mapping-check.h"
#include "trib-mapping-preview-row.h"
#include "trib-mapping-set.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* Data Prep's largest page [UNV]; the simulator's. */
#define TRIB_DATA_PREP_PAGE_SIZE 100

void            trib_data_prep_create_mapping_set_async  (TribPlatformClient  *client,
                                                          const char          *name,
                                                          const char          *schema_id,
                                                          GPtrArray           *mappings,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
TribMappingSet *trib_data_prep_create_mapping_set_finish (GAsyncResult        *result,
                                                          GError             **error);
void            trib_data_prep_update_mapping_set_async  (TribPlatformClient  *client,
                                                          const char          *mapping_set_id,
                                                          const char          *name,
                                                          const char          *schema_id,
                                                          GPtrArray           *mappings,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
TribMappingSet *trib_data_prep_update_mapping_set_finish (GAsyncResult        *result,
                                                          GError             **error);
void            trib_data_prep_get_mapping_set_async     (TribPlatformClient  *client,
                                                          const char          *mapping_set_id,
                                                          gint                 version,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
TribMappingSet *trib_data_prep_get_mapping_set_finish    (GAsyncResult        *result,
                                                          GError             **error);
void            trib_data_prep_read_versions_async       (TribPlatformClient  *client,
                                                          const char          *mapping_set_id,
                                                          guint                max,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *trib_data_prep_read_versions_finish      (GAsyncResult        *result,
                                                          GError             **error);
TribPagedList  *trib_data_prep_list_mapping_sets         (TribPlatformClient  *client,
                                                          const char          *name,
                                                          guint                page_size);
void            trib_data_prep_validate_async            (TribPlatformClient  *client,
                                                          const char          *schema_id,
                                                          GPtrArray           *mappings,
                                                          const char * const  *column_names,
                                                          const char * const  *column_types,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *trib_data_prep_validate_finish           (GAsyncResult        *result,
                                                          GError             **error);
void            trib_data_prep_preview_async             (TribPlatformClient  *client,
                                                          const char          *schema_id,
                                                          GPtrArray           *mappings,
                                                          JsonArray           *rows,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray      *trib_data_prep_preview_finish            (GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
