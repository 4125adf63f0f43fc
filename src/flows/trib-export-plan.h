/* trib-export-plan.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-export-schedule.h"
#include "trib-flow-plan.h"
#include "trib-spec-form.h"

G_BEGIN_DECLS

/**
 * TribExportDestination:
 * @connection_spec_id: the destination's connection spec
 * @flow_spec_id: its dataset flow spec (not the profile one)
 * @name: its name, untranslated ("Amazon S3")
 * @bucket_param: the target connection's bucket parameter (`bucketName`,
 *   `container`) or %NULL
 * @path_param: `path`, or `remotePath` for SFTP
 *
 * One of the six cloud storage destinations of a dataset export
 * (API-NOTES §C1).
 */
typedef struct
{
  const char *connection_spec_id;
  const char *flow_spec_id;
  const char *name;
  const char *bucket_param;
  const char *path_param;
} TribExportDestination;

/**
 * TribExportDraft:
 * @sandbox: the sandbox every call goes to
 * @name: the export dataflow's name
 * @destination: where the files go
 * @base_connection_id: an existing account of the destination, or %NULL
 * @new_account: the auth form of a new account (its answers), when
 *   @base_connection_id is %NULL; %NULL for the Data Landing Zone, which
 *   has no auth
 * @new_account_name: the new account's name
 * @dataset_ids: (array zero-terminated=1): the datasets to export
 * @dataset_names: (array zero-terminated=1): their names, in the same order
 * @file_type: `JSON` or `PARQUET`
 * @compression: `NONE` or `GZIP`
 * @bucket: the bucket or container, where @destination has one
 * @path: the folder the files go under
 * @folder_template: (nullable): the folder name template, %NULL for the
 *   platform's own
 * @schedule: when
 *
 * What the Export Datasets wizard collects, as plain data.
 */
typedef struct
{
  const char *sandbox;
  const char *name;
  const TribExportDestination *destination;
  const char *base_connection_id;
  TribSpecForm *new_account;
  const char *new_account_name;
  const char * const *dataset_ids;
  const char * const *dataset_names;
  const char *file_type;
  const char *compression;
  const char *bucket;
  const char *path;
  const char *folder_template;
  TribExportSchedule schedule;
} TribExportDraft;

/* The macros of a folder name template, in the docs' order. */
#define TRIB_EXPORT_FOLDER_MACROS "%DESTINATION%", "%DATASET_ID%", "%DATASET_NAME%", "%DESTINATION_INSTANCE_ID%", \
  "%DESTINATION_INSTANCE_NAME%", "%SANDBOX_NAME%", "%ORGANIZATION_NAME%", "%DATETIME(YYYYMMdd_HHmmss)%", \
  "%EXPORT_TIME%"

const TribExportDestination *trib_export_destinations          (guint                 *n_destinations);
const TribExportDestination *trib_export_destination_lookup    (const char            *connection_spec_id);
gboolean                     trib_export_draft_check           (const TribExportDraft *draft,
                                                                GError               **error);
TribFlowPlan                *trib_export_plan_new              (const TribExportDraft *draft,
                                                                GError               **error);
char                        *trib_export_folder_preview        (const char            *folder_template,
                                                                const TribExportDraft *draft,
                                                                const char            *organization,
                                                                GDateTime             *time);

G_END_DECLS
