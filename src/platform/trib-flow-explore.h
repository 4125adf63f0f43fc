/* trib-flow-explore.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-explore-item.h"
#include "trib-explore-preview.h"
#include "trib-landing-zone.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* The Data Landing Zone's source spec, explored without a connection. */
#define TRIB_LANDING_ZONE_SPEC_ID "26f526f2-58f4-4712-961d-e41bf1ccc0e8"

/**
 * TribExploreFileType:
 * @TRIB_EXPLORE_FILE_DELIMITED: text in columns (CSV, TSV…): every
 *   column a string
 * @TRIB_EXPLORE_FILE_JSON: one JSON object per line, XDM-compliant
 * @TRIB_EXPLORE_FILE_PARQUET: Apache Parquet, XDM-compliant
 *
 * How to read a file.
 */
typedef enum
{
  TRIB_EXPLORE_FILE_DELIMITED,
  TRIB_EXPLORE_FILE_JSON,
  TRIB_EXPLORE_FILE_PARQUET,
} TribExploreFileType;

/**
 * TribExploreFileOptions:
 * @file_type: how to read the file
 * @column_delimiter: (nullable): one character; a comma if %NULL
 * @compression_type: (nullable): `gzip`, `bzip2`, `deflate`,
 *   `zipDeflate`, `tarGzip` or `tar`; %NULL for none
 * @encoding: (nullable): `UTF-8` (if %NULL) or `ISO-8859-1`
 *
 * The file options a preview is read with: the platform does not guess
 * them (except the Data Landing Zone's, when asked to).
 */
typedef struct
{
  TribExploreFileType file_type;
  const char *column_delimiter;
  const char *compression_type;
  const char *encoding;
} TribExploreFileOptions;

void                trib_flow_explore_browse_async                  (TribPlatformClient            *client,
                                                                     const char                    *connection_id,
                                                                     const char                    *folder_path,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
GListModel         *trib_flow_explore_browse_finish                 (GAsyncResult                  *result,
                                                                     GError                       **error);
void                trib_flow_explore_preview_file_async            (TribPlatformClient            *client,
                                                                     const char                    *connection_id,
                                                                     const char                    *path,
                                                                     const TribExploreFileOptions  *options,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
void                trib_flow_explore_get_table_async               (TribPlatformClient            *client,
                                                                     const char                    *connection_id,
                                                                     const char                    *table_path,
                                                                     gboolean                       with_rows,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
void                trib_flow_explore_landing_zone_browse_async     (TribPlatformClient            *client,
                                                                     const char                    *folder_path,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
void                trib_flow_explore_landing_zone_preview_async    (TribPlatformClient            *client,
                                                                     const char                    *path,
                                                                     const TribExploreFileOptions  *options,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
TribExplorePreview *trib_flow_explore_preview_finish                (GAsyncResult                  *result,
                                                                     GError                       **error);
void                trib_flow_explore_get_landing_zone_async        (TribPlatformClient            *client,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
void                trib_flow_explore_get_landing_zone_credentials_async (TribPlatformClient       *client,
                                                                     gboolean                       refresh,
                                                                     GCancellable                  *cancellable,
                                                                     GAsyncReadyCallback            callback,
                                                                     gpointer                       user_data);
TribLandingZone    *trib_flow_explore_landing_zone_finish           (GAsyncResult                  *result,
                                                                     GError                       **error);

G_END_DECLS
