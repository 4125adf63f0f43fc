/* trib-query-schedules.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-query-schedule.h"
#include "trib-query-service.h"
#include "trib-schedule-run.h"

G_BEGIN_DECLS

/**
 * TribQueryScheduleDraft:
 * @name: the query's name
 * @database: such as `prod:all`
 * @sql: (nullable): the statement, a SELECT when there is an output
 * @template_id: (nullable): or the template to run
 * @output: where its runs write
 * @dataset_name: (nullable): the output dataset
 * @cron: five cron fields or a shorthand, in UTC
 * @start: the first moment it may run
 * @end: (nullable): the last
 *
 * What a new schedule is made of.
 */
typedef struct
{
  const char *name;
  const char *database;
  const char *sql;
  const char *template_id;
  TribQueryOutput output;
  const char *dataset_name;
  const char *cron;
  GDateTime *start;
  GDateTime *end;
} TribQueryScheduleDraft;

TribPagedList     *trib_query_schedules_list            (TribPlatformClient           *client);
void               trib_query_schedules_create_async    (TribPlatformClient           *client,
                                                         const TribQueryScheduleDraft *draft,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
TribQuerySchedule *trib_query_schedules_create_finish   (GAsyncResult                 *result,
                                                         GError                      **error);
void               trib_query_schedules_get_async       (TribPlatformClient           *client,
                                                         const char                   *schedule_id,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
TribQuerySchedule *trib_query_schedules_get_finish      (GAsyncResult                 *result,
                                                         GError                      **error);
void               trib_query_schedules_set_enabled_async (TribPlatformClient         *client,
                                                         const char                   *schedule_id,
                                                         gboolean                      enabled,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
gboolean           trib_query_schedules_set_enabled_finish (GAsyncResult              *result,
                                                         GError                      **error);
void               trib_query_schedules_set_cron_async  (TribPlatformClient           *client,
                                                         const char                   *schedule_id,
                                                         const char                   *cron,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
gboolean           trib_query_schedules_set_cron_finish (GAsyncResult                 *result,
                                                         GError                      **error);
void               trib_query_schedules_delete_async    (TribPlatformClient           *client,
                                                         const char                   *schedule_id,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
gboolean           trib_query_schedules_delete_finish   (GAsyncResult                 *result,
                                                         GError                      **error);

TribPagedList     *trib_query_schedules_list_runs       (TribPlatformClient           *client,
                                                         const char                   *schedule_id);
void               trib_query_schedules_trigger_async   (TribPlatformClient           *client,
                                                         const char                   *schedule_id,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
gboolean           trib_query_schedules_trigger_finish  (GAsyncResult                 *result,
                                                         GError                      **error);
void               trib_query_schedules_get_run_async   (TribPlatformClient           *client,
                                                         const char                   *schedule_id,
                                                         const char                   *run_id,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
TribScheduleRun   *trib_query_schedules_get_run_finish  (GAsyncResult                 *result,
                                                         GError                      **error);
void               trib_query_schedules_cancel_run_async (TribPlatformClient          *client,
                                                         const char                   *schedule_id,
                                                         const char                   *run_id,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
gboolean           trib_query_schedules_cancel_run_finish (GAsyncResult               *result,
                                                         GError                      **error);

G_END_DECLS
