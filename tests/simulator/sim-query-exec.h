/* sim-query-exec.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SIM_QUERY_OUTCOME_SUCCESS,
  SIM_QUERY_OUTCOME_FAILED,
  SIM_QUERY_OUTCOME_KILLED,
  SIM_QUERY_OUTCOME_TIMEOUT,
} SimQueryOutcome;

/**
 * SimQueryResult:
 * @outcome: how it ended
 * @sqlstate: (nullable): PostgreSQL's code when it failed
 * @message: (nullable): PostgreSQL's message when it failed
 * @row_count: rows returned, created or inserted
 * @duration_ms: the real time the statements took, connection included
 */
typedef struct
{
  SimQueryOutcome outcome;
  char *sqlstate;
  char *message;
  gint64 row_count;
  gint64 duration_ms;
} SimQueryResult;

typedef struct _SimQueryJob SimQueryJob;

/* Called on the main thread once the job ends, killed ones included. */
typedef void (*SimQueryJobDone) (const SimQueryResult *result,
                                 gpointer              user_data);

const char  *sim_query_outcome_to_state (SimQueryOutcome  outcome);
SimQueryJob *sim_query_job_start        (const char      *org_id,
                                         const char      *database,
                                         const char      *sql,
                                         guint            timeout_seconds,
                                         SimQueryJobDone  done,
                                         gpointer         user_data);
void         sim_query_job_cancel       (SimQueryJob     *job);
SimQueryJob *sim_query_job_ref          (SimQueryJob     *job);
void         sim_query_job_unref        (SimQueryJob     *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimQueryJob, sim_query_job_unref)

G_END_DECLS
