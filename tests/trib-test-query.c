/* trib-test-query.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-test-platform.h"
#include "trib-test-query.h"

/* Long enough for the slowest run of the tests on two busy cores. */
#define DEADLINE_SECONDS 60

static gboolean
wake_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms, so calls on their way get answered. */
void
trib_test_query_sleep (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

TribQuerySchedule *
trib_test_query_create_schedule (TribPlatformClient           *client,
                                 const TribQueryScheduleDraft *draft,
                                 GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_query_schedules_create_async (client, draft, NULL, trib_test_result_cb, &result);

  return trib_query_schedules_create_finish (trib_test_wait_result (&result), error);
}

TribQuerySchedule *
trib_test_query_get_schedule (TribPlatformClient *client,
                              const char         *schedule_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribQuerySchedule *schedule;

  trib_query_schedules_get_async (client, schedule_id, NULL, trib_test_result_cb, &result);
  schedule = trib_query_schedules_get_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return schedule;
}

TribQuerySchedule *
trib_test_query_wait_schedule (TribPlatformClient     *client,
                               const char             *schedule_id,
                               TribQueryScheduleState  state)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(TribQuerySchedule) schedule = trib_test_query_get_schedule (client, schedule_id);

      if (trib_query_schedule_get_state (schedule) == state)
        return g_steal_pointer (&schedule);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      trib_test_query_sleep (50);
    }
}

gboolean
trib_test_query_set_enabled (TribPlatformClient  *client,
                             const char          *schedule_id,
                             gboolean             enabled,
                             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_query_schedules_set_enabled_async (client, schedule_id, enabled, NULL, trib_test_result_cb, &result);

  return trib_query_schedules_set_enabled_finish (trib_test_wait_result (&result), error);
}

gboolean
trib_test_query_trigger (TribPlatformClient  *client,
                         const char          *schedule_id,
                         GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_query_schedules_trigger_async (client, schedule_id, NULL, trib_test_result_cb, &result);

  return trib_query_schedules_trigger_finish (trib_test_wait_result (&result), error);
}

/**
 * trib_test_query_list_runs:
 *
 * Returns: (transfer full): every run of the schedule, newest first
 */
GListModel *
trib_test_query_list_runs (TribPlatformClient *client,
                           const char         *schedule_id)
{
  TribPagedList *runs = trib_query_schedules_list_runs (client, schedule_id);

  trib_test_load_all (runs);

  return G_LIST_MODEL (runs);
}

static guint
count_finished (GListModel *runs)
{
  guint finished = 0;

  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(TribScheduleRun) run = g_list_model_get_item (runs, i);

      if (trib_schedule_run_get_state (run) != TRIB_SCHEDULE_RUN_IN_PROGRESS)
        finished++;
    }

  return finished;
}

/* Until the schedule has @n_finished runs, all finished. */
GListModel *
trib_test_query_wait_runs (TribPlatformClient *client,
                           const char         *schedule_id,
                           guint               n_finished)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GListModel) runs = trib_test_query_list_runs (client, schedule_id);

      if (g_list_model_get_n_items (runs) >= n_finished && count_finished (runs) == g_list_model_get_n_items (runs))
        {
          g_assert_cmpuint (g_list_model_get_n_items (runs), ==, n_finished);
          return g_steal_pointer (&runs);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      trib_test_query_sleep (50);
    }
}

TribScheduleRun *
trib_test_query_get_run (TribPlatformClient *client,
                         const char         *schedule_id,
                         const char         *run_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribScheduleRun *run;

  trib_query_schedules_get_run_async (client, schedule_id, run_id, NULL, trib_test_result_cb, &result);
  run = trib_query_schedules_get_run_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return run;
}

TribQueryRecord *
trib_test_query_create_query (TribPlatformClient  *client,
                              const char          *sql,
                              TribQueryOutput      output,
                              const char          *dataset_name,
                              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_query_service_create_query_async (client, NULL, "prod:all", sql, output, dataset_name, NULL,
                                         trib_test_result_cb, &result);

  return trib_query_service_create_query_finish (trib_test_wait_result (&result), error);
}

/* Until the query has finished, whichever way. */
TribQueryRecord *
trib_test_query_wait_query (TribPlatformClient *client,
                            const char         *query_id)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TribQueryRecord) query = NULL;
      const char *state;

      trib_query_service_get_query_async (client, query_id, NULL, trib_test_result_cb, &result);
      query = trib_query_service_get_query_finish (trib_test_wait_result (&result), &error);
      g_assert_no_error (error);
      state = trib_query_record_get_state (query);
      if (g_strcmp0 (state, "SUBMITTED") != 0 && g_strcmp0 (state, "IN_PROGRESS") != 0)
        return g_steal_pointer (&query);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      trib_test_query_sleep (50);
    }
}
