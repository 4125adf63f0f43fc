/* sim-query-exec.c
 *
 * Runs Query Service's statements (queries posted over REST, schedule
 * runs) on the simulator's real PostgreSQL, each on its own connection
 * in a worker thread, so a long query holds up no other request. The
 * statement runs as the org's role in its sandbox's `{sandbox}:all`
 * database, in one transaction: a failure leaves no half-written
 * output table. Cancelling sends PostgreSQL a cancel request, and a
 * statement timeout ends the ones that run too long, as Query Service's
 * ten minutes do.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-exec"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libpq-fe.h>

#include "sim-query-exec.h"
#include "sim-services.h"

struct _SimQueryJob
{
  gatomicrefcount ref_count;
  char *org_id;
  char *database;
  char *sql;
  guint timeout_seconds;
  SimQueryJobDone done;
  gpointer user_data;

  GMutex mutex;
  PGcancel *cancel;          /* under mutex, while connected */
  gboolean cancelled;        /* under mutex */

  SimQueryResult result;     /* written by the worker, read once it is done */
};

const char *
sim_query_outcome_to_state (SimQueryOutcome outcome)
{
  switch (outcome)
    {
    case SIM_QUERY_OUTCOME_SUCCESS: return "SUCCESS";
    case SIM_QUERY_OUTCOME_FAILED: return "FAILED";
    case SIM_QUERY_OUTCOME_KILLED: return "KILLED";
    case SIM_QUERY_OUTCOME_TIMEOUT: return "TIMEOUT";
    default: g_return_val_if_reached ("FAILED");
    }
}

SimQueryJob *
sim_query_job_ref (SimQueryJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
sim_query_job_unref (SimQueryJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_assert (job->cancel == NULL);
  g_free (job->org_id);
  g_free (job->database);
  g_free (job->sql);
  g_free (job->result.sqlstate);
  g_free (job->result.message);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

static void
fail (SimQueryJob *job,
      PGconn      *conn,
      PGresult    *result)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  gboolean cancelled;

  g_mutex_lock (&job->mutex);
  cancelled = job->cancelled;
  g_mutex_unlock (&job->mutex);

  job->result.sqlstate = g_strdup (sqlstate != NULL ? sqlstate : "08006");
  job->result.message = g_strdup (primary != NULL ? primary : g_strchomp (PQerrorMessage (conn)));

  /* 57014 is both a cancel and a timeout; only we know which. */
  if (g_strcmp0 (sqlstate, "57014") == 0)
    job->result.outcome = cancelled ? SIM_QUERY_OUTCOME_KILLED : SIM_QUERY_OUTCOME_TIMEOUT;
  else
    job->result.outcome = cancelled ? SIM_QUERY_OUTCOME_KILLED : SIM_QUERY_OUTCOME_FAILED;
}

/* Runs @sql and says whether it went well; a failure is recorded. */
static gboolean
exec_step (SimQueryJob *job,
           PGconn      *conn,
           const char  *sql,
           gint64      *row_count)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    fail (job, conn, result);
  else if (row_count != NULL)
    {
      const char *affected = PQcmdTuples (result);

      *row_count = status == PGRES_TUPLES_OK ? PQntuples (result)
                                             : (affected[0] != '\0' ? g_ascii_strtoll (affected, NULL, 10) : 0);
    }
  PQclear (result);

  return ok;
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SimQueryJob *job = task_data;
  const char * const keywords[] = { "dbname", "dbname", NULL };
  const char * const values[] = { sim_query_service_get_admin_conninfo (), job->database, NULL };
  gint64 started = g_get_monotonic_time ();
  g_autofree char *role = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sqlstate = NULL;
  g_autofree char *message = NULL;
  PGconn *conn = NULL;
  gboolean cancelled;

  /* Data Distiller's SQL, as the PostgreSQL front rewrites it. */
  if (!(sql = sim_query_service_rewrite (job->database, job->sql, &sqlstate, &message)))
    {
      job->result.outcome = SIM_QUERY_OUTCOME_FAILED;
      job->result.sqlstate = g_steal_pointer (&sqlstate);
      job->result.message = g_steal_pointer (&message);
      goto out;
    }

  /* The first dbname is the superuser's connection string, the second
   * overrides its database.
   */
  conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      fail (job, conn, NULL);
      goto out;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  g_mutex_lock (&job->mutex);
  cancelled = job->cancelled;
  if (!cancelled)
    job->cancel = PQgetCancel (conn);
  g_mutex_unlock (&job->mutex);
  if (cancelled)
    {
      job->result.outcome = SIM_QUERY_OUTCOME_KILLED;
      job->result.sqlstate = g_strdup ("57014");
      job->result.message = g_strdup ("canceling statement due to user request");
      goto out;
    }

  {
    char *escaped = PQescapeIdentifier (conn, job->org_id, strlen (job->org_id));

    role = g_strdup_printf ("SET ROLE %s", escaped);
    PQfreemem (escaped);
  }
  timeout = g_strdup_printf ("SET statement_timeout = %u", job->timeout_seconds * 1000);

  if (exec_step (job, conn, role, NULL) &&
      exec_step (job, conn, timeout, NULL) &&
      exec_step (job, conn, "BEGIN", NULL) &&
      exec_step (job, conn, sql, &job->result.row_count) &&
      exec_step (job, conn, "COMMIT", NULL))
    job->result.outcome = SIM_QUERY_OUTCOME_SUCCESS;

out:
  g_mutex_lock (&job->mutex);
  g_clear_pointer (&job->cancel, PQfreeCancel);
  g_mutex_unlock (&job->mutex);
  PQfinish (conn);

  job->result.duration_ms = (g_get_monotonic_time () - started) / 1000;
  g_task_return_boolean (task, TRUE);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SimQueryJob) job = user_data;

  job->done (&job->result, job->user_data);
}

/**
 * sim_query_job_start:
 * @org_id: the org whose role runs the statement
 * @database: such as `prod:all`
 * @sql: one statement, run in a transaction of its own
 * @done: called on this thread's main context when it ends
 *
 * Returns: (transfer full): the job, to cancel it
 */
SimQueryJob *
sim_query_job_start (const char      *org_id,
                     const char      *database,
                     const char      *sql,
                     guint            timeout_seconds,
                     SimQueryJobDone  done,
                     gpointer         user_data)
{
  SimQueryJob *job = g_new0 (SimQueryJob, 1);
  g_autoptr(GTask) task = NULL;

  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  job->org_id = g_strdup (org_id);
  job->database = g_strdup (database);
  job->sql = g_strdup (sql);
  job->timeout_seconds = timeout_seconds;
  job->done = done;
  job->user_data = user_data;

  task = g_task_new (NULL, NULL, run_done_cb, sim_query_job_ref (job));
  g_task_set_task_data (task, sim_query_job_ref (job), (GDestroyNotify) sim_query_job_unref);
  g_task_run_in_thread (task, run_worker);

  return job;
}

/* Asks PostgreSQL to stop the statement; the job ends KILLED soon after. */
void
sim_query_job_cancel (SimQueryJob *job)
{
  char message[256];

  g_mutex_lock (&job->mutex);
  job->cancelled = TRUE;
  if (job->cancel != NULL)
    PQcancel (job->cancel, message, sizeof message);
  g_mutex_unlock (&job->mutex);
}
