/* sim-catalog-private.h
 *
 * What the Catalog's files share: the datasets and batches of each
 * sandbox.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-services.h"

G_BEGIN_DECLS

#define CATALOG_PATH "/data/foundation/catalog"

/* The Catalog's reply to a bad query parameter. */
#define BAD_QUERY_CODE "CAT-1001-400"
#define BAD_QUERY_TITLE "Invalid query parameter"

#define SCHEMA_CONTENT_TYPE "application/vnd.adobe.xed-full+json;version=1"

/* One of a failed batch's errors, as the Catalog gives them. */
typedef struct
{
  const char *code;
  const char *rows;         /* a row or a range of rows, "3-5" */
  const char *description;
} BatchError;

typedef struct
{
  char *id;
  const char *status;
  gint64 created;
  gint64 completed;
  gint64 records;
  gint64 failed_records;
  const char *error_code;
  const char *error_description;
  const BatchError *errors;   /* static, n_errors of them; or the one error above */
  guint n_errors;
} Batch;

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *schema_id;
  char *schema_content_type;  /* NULL: SCHEMA_CONTENT_TYPE */
  char *table;
  gint64 created;
  gint64 updated;
  gboolean profile;
  gboolean labelled;
  GPtrArray *batches;   /* Batch, newest last */
  gboolean batches_unsorted;  /* flows added some: sort before reading */
} Dataset;

typedef struct
{
  GPtrArray *by_name;   /* Dataset, sorted by name */
  GHashTable *by_id;    /* id → Dataset */
  guint next_id;
} Sandbox;

/* sim-catalog.c */
const char *dataset_get_schema_content_type (const Dataset *dataset);
Sandbox    *catalog_get_sandbox             (SimRequest    *request);
Dataset    *catalog_find_dataset            (SimRequest    *request);

/* sim-catalog-batches.c */
void        catalog_add_detail_routes       (SimServer     *server);
void        catalog_sort_batches            (Dataset       *dataset);
void        catalog_add_flow_batch          (SimServer     *server,
                                             SimClient     *client,
                                             const char    *sandbox,
                                             const char    *dataset_id,
                                             const char    *batch_id,
                                             const char    *status,
                                             gint64         created,
                                             gint64         completed,
                                             gint64         records,
                                             gint64         failed_records,
                                             const char    *error_code,
                                             const char    *error_description);

G_END_DECLS
