/* trib-catalog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-batch.h"
#include "trib-dataset.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* Catalog's largest page. */
#define TRIB_CATALOG_PAGE_SIZE 100

TribPagedList *trib_catalog_list_datasets         (TribPlatformClient   *client,
                                                   const char           *search);
TribPagedList *trib_catalog_list_tables           (TribPlatformClient   *client);
void           trib_catalog_get_dataset_async     (TribPlatformClient   *client,
                                                   const char           *dataset_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
TribDataset   *trib_catalog_get_dataset_finish    (GAsyncResult         *result,
                                                   GError              **error);
void           trib_catalog_list_batches_async    (TribPlatformClient   *client,
                                                   const char           *dataset_id,
                                                   guint                 limit,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GListModel    *trib_catalog_list_batches_finish   (GAsyncResult         *result,
                                                   GError              **error);
void           trib_catalog_create_dataset_async  (TribPlatformClient   *client,
                                                   const char           *name,
                                                   const char           *description,
                                                   const char           *schema_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char          *trib_catalog_create_dataset_finish (GAsyncResult         *result,
                                                   GError              **error);
void           trib_catalog_delete_dataset_async  (TribPlatformClient   *client,
                                                   const char           *dataset_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       trib_catalog_delete_dataset_finish (GAsyncResult         *result,
                                                   GError              **error);
void           trib_catalog_get_labels_async      (TribPlatformClient   *client,
                                                   const char           *dataset_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       trib_catalog_get_labels_finish     (GAsyncResult         *result,
                                                   GStrv                *labels,
                                                   GStrv                *field_labels,
                                                   GError              **error);

G_END_DECLS
