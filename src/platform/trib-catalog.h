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

/* The columns of a list of datasets the Catalog can sort by. */
typedef enum
{
  TRIB_DATASET_SORT_NAME,
  TRIB_DATASET_SORT_SCHEMA,
  TRIB_DATASET_SORT_CREATED,
  TRIB_DATASET_SORT_LAST_BATCH,
} TribDatasetSort;

/* The last batch's status a list is filtered by, as the app groups them. */
typedef enum
{
  TRIB_DATASET_STATUS_ANY,
  TRIB_DATASET_STATUS_SUCCESS,
  TRIB_DATASET_STATUS_FAILED,
  TRIB_DATASET_STATUS_PROCESSING,
  TRIB_DATASET_STATUS_NONE,
} TribDatasetStatus;

typedef struct
{
  const char *search;        /* words of the name or the table name, or NULL */
  TribDatasetSort sort;
  gboolean descending;
  TribDatasetStatus status;
  const char *schema_id;     /* only the datasets of this schema, or NULL */
} TribDatasetQuery;

TribPagedList *trib_catalog_list_datasets         (TribPlatformClient   *client,
                                                   const char           *search);
TribPagedList *trib_catalog_list_tables           (TribPlatformClient   *client);
TribPagedList *trib_catalog_query_datasets        (TribPlatformClient   *client,
                                                   const TribDatasetQuery *query);
char          *trib_catalog_search_pattern        (const char           *search);
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
