/* trib-test-query.h
 *
 * What the tests of Query Service's schedules share: typed calls waited
 * for, and polling until the simulator's schedules and runs get where a
 * test wants them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-query-schedules.h"
#include "trib-query-service.h"

G_BEGIN_DECLS

void               trib_test_query_sleep           (guint                         ms);
TribQuerySchedule *trib_test_query_create_schedule (TribPlatformClient           *client,
                                                    const TribQueryScheduleDraft *draft,
                                                    GError                      **error);
TribQuerySchedule *trib_test_query_get_schedule    (TribPlatformClient           *client,
                                                    const char                   *schedule_id);
TribQuerySchedule *trib_test_query_wait_schedule   (TribPlatformClient           *client,
                                                    const char                   *schedule_id,
                                                    TribQueryScheduleState        state);
gboolean           trib_test_query_set_enabled     (TribPlatformClient           *client,
                                                    const char                   *schedule_id,
                                                    gboolean                      enabled,
                                                    GError                      **error);
gboolean           trib_test_query_trigger         (TribPlatformClient           *client,
                                                    const char                   *schedule_id,
                                                    GError                      **error);
GListModel        *trib_test_query_list_runs       (TribPlatformClient           *client,
                                                    const char                   *schedule_id);
GListModel        *trib_test_query_wait_runs       (TribPlatformClient           *client,
                                                    const char                   *schedule_id,
                                                    guint                         n_finished);
TribScheduleRun   *trib_test_query_get_run         (TribPlatformClient           *client,
                                                    const char                   *schedule_id,
                                                    const char                   *run_id);
TribQueryRecord   *trib_test_query_create_query    (TribPlatformClient           *client,
                                                    const char                   *sql,
                                                    TribQueryOutput               output,
                                                    const char                   *dataset_name,
                                                    GError                      **error);
TribQueryRecord   *trib_test_query_wait_query      (TribPlatformClient           *client,
                                                    const char                   *query_id);

G_END_DECLS
