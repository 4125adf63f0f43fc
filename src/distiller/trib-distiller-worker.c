/* trib-distiller-worker.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-worker"

#include "config.h"

#include <errno.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gi18n-lib.h>

#include "trib-distiller-error.h"
#include "trib-distiller-pq.h"
#include "trib-distiller-worker-private.h"

/* The worker owns one PGconn on a thread of its own, so the main loop
 * never waits on libpq. Statements queue up as jobs, run one after the
 * other (see trib-distiller-execute.c); a script's jobs share a Script.
 */

static Script *
script_new (gboolean stop_on_error)
{
  Script *script = g_new0 (Script, 1);

  g_atomic_ref_count_init (&script->ref_count);
  script->stop_on_error = stop_on_error;

  return script;
}

static Script *
script_ref (Script *script)
{
  g_atomic_ref_count_inc (&script->ref_count);

  return script;
}

static void
script_unref (Script *script)
{
  if (g_atomic_ref_count_dec (&script->ref_count))
    g_free (script);
}
/* Closing the session cancels what runs as surely as cancelling its run
 * does: either way, the server's "canceling statement" is no failure.
 */
gboolean
_trib_distiller_worker_cancel_requested (TribDistillerWorker *self,
                                         Job                 *job)
{
  gboolean closing;

  if (g_atomic_int_get (&job->cancel_requested))
    return TRUE;

  g_mutex_lock (&self->mutex);
  closing = self->closing;
  g_mutex_unlock (&self->mutex);

  return closing;
}

void
_trib_distiller_job_free (Job *job)
{
  g_free (job->sql);
  g_clear_pointer (&job->script, script_unref);
  g_clear_object (&job->run);
  g_free (job);
}

/* A cancelled statement stops its script whatever the choice on errors:
 * cancelling means stop.
 */
void
_trib_distiller_job_stop_script (Job                   *job,
                   TribDistillerRunState  state)
{
  if (job->script == NULL)
    return;

  if (state == TRIB_DISTILLER_RUN_CANCELLED ||
      (state == TRIB_DISTILLER_RUN_FAILED && job->script->stop_on_error))
    g_atomic_int_set (&job->script->stopped, TRUE);
}


typedef struct
{
  TribDistillerWorker *worker;
  gboolean fresh;
} EndpointRequest;

static void
endpoint_request_free (EndpointRequest *request)
{
  trib_distiller_worker_unref (request->worker);
  g_free (request);
}

/* Main thread: hand the question to whoever knows the parameters. */
static gboolean
request_endpoint_cb (gpointer data)
{
  EndpointRequest *request = data;
  TribDistillerWorker *self = request->worker;

  if (self->endpoint_func != NULL)
    self->endpoint_func (self, request->fresh, self->endpoint_data);
  else
    trib_distiller_worker_take_endpoint (self, NULL,
                                         g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                              _("The session was closed.")));

  return G_SOURCE_REMOVE;
}

/* Worker thread: asks the main thread for parameters and waits. */
static TribSqlEndpoint *
wait_for_endpoint (TribDistillerWorker  *self,
                   gboolean              fresh,
                   GError              **error)
{
  EndpointRequest *request = g_new0 (EndpointRequest, 1);
  TribSqlEndpoint *endpoint;

  request->worker = trib_distiller_worker_ref (self);
  request->fresh = fresh;

  g_mutex_lock (&self->mutex);
  self->endpoint_ready = FALSE;
  g_mutex_unlock (&self->mutex);

  _trib_distiller_worker_queue_on_main (self, request_endpoint_cb, request, (GDestroyNotify) endpoint_request_free);

  g_mutex_lock (&self->mutex);
  while (!self->endpoint_ready && !self->closing)
    g_cond_wait (&self->cond, &self->mutex);

  endpoint = g_steal_pointer (&self->endpoint);
  if (endpoint == NULL)
    {
      if (self->endpoint_error != NULL)
        g_propagate_error (error, g_steal_pointer (&self->endpoint_error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The session was closed."));
    }
  g_clear_error (&self->endpoint_error);
  g_mutex_unlock (&self->mutex);

  return endpoint;
}

/* Opens a connection if there is none. Parameters are asked for anew for
 * every connection; if the server refuses them (the token rotated
 * between asking and connecting), fresh ones get one more try.
 */
static gboolean
ensure_connection (TribDistillerWorker  *self,
                   GError              **error)
{
  if (self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  g_clear_pointer (&self->conn, PQfinish);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(TribSqlEndpoint) endpoint = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(endpoint = wait_for_endpoint (self, attempt > 0, error)))
        return FALSE;

      if ((self->conn = trib_distiller_pq_connect (endpoint, &local_error)))
        {
          PQsetNoticeReceiver (self->conn, _trib_distiller_worker_notice_cb, self);
          return TRUE;
        }

      if (attempt > 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  g_assert_not_reached ();
}

/* Ten steps of niceness below the window's thread, for this thread
 * alone, as trib-result-model.c sorts: a million rows arriving must not
 * take the cores from the window that shows them (on a busy machine it
 * drew nothing for a third of a second at a time while rows came).
 */
static void
lower_priority (void)
{
#ifdef __linux__
  id_t tid = (id_t) syscall (SYS_gettid);
  int niceness;

  errno = 0;
  niceness = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    setpriority (PRIO_PROCESS, tid, MIN (niceness + 10, 19));
#endif
}

static gpointer
worker_thread (gpointer data)
{
  g_autoptr(TribDistillerWorker) self = data;

  lower_priority ();

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      Job *job;

      g_mutex_lock (&self->mutex);
      while (!self->closing && g_queue_is_empty (&self->jobs))
        g_cond_wait (&self->cond, &self->mutex);
      if (self->closing)
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      job = g_queue_pop_head (&self->jobs);
      self->current_serial = job->serial;
      g_mutex_unlock (&self->mutex);

      self->job = job;

      if (job->script != NULL && g_atomic_int_get (&job->script->stopped))
        {
          _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_SKIPPED, NULL, NULL);
        }
      else
        {
          if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
            _trib_distiller_worker_send_state (self, TRIB_DISTILLER_RUN_CONNECTING);

          if (ensure_connection (self, &error))
            _trib_distiller_worker_execute (self, job);
          else if (_trib_distiller_worker_cancel_requested (self, job))
            _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
          else
            _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_FAILED, NULL, g_steal_pointer (&error));
        }

      g_mutex_lock (&self->mutex);
      self->current_serial = 0;
      g_cond_broadcast (&self->cancel_cond);
      g_mutex_unlock (&self->mutex);
    }

  g_clear_pointer (&self->conn, PQfinish);

  return NULL;
}

/**
 * trib_distiller_worker_new: (skip)
 * @endpoint_func: asked, on the calling thread's main context, where to
 *   connect
 * @user_data: data for @endpoint_func
 *
 * Starts the worker thread; it connects when the first statement comes.
 */
TribDistillerWorker *
trib_distiller_worker_new (TribDistillerEndpointFunc endpoint_func,
                           gpointer                  user_data)
{
  TribDistillerWorker *self = g_new0 (TribDistillerWorker, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_cond_init (&self->cancel_cond);
  g_queue_init (&self->jobs);
  self->main_context = g_main_context_ref_thread_default ();
  self->endpoint_func = endpoint_func;
  self->endpoint_data = user_data;
  self->next_serial = 1;

  g_thread_unref (g_thread_new ("trib-distiller", worker_thread, trib_distiller_worker_ref (self)));

  return self;
}

TribDistillerWorker *
trib_distiller_worker_ref (TribDistillerWorker *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
trib_distiller_worker_unref (TribDistillerWorker *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_assert (g_queue_is_empty (&self->jobs));
  g_assert (self->conn == NULL);

  g_clear_pointer (&self->endpoint, trib_sql_endpoint_free);
  g_clear_error (&self->endpoint_error);
  g_main_context_unref (self->main_context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_cond_clear (&self->cancel_cond);
  g_free (self);
}

typedef struct
{
  TribDistillerWorker *worker;
  guint64 serial;
} CancelRequest;

/* PQcancel opens a connection of its own to the server, so it runs on a
 * short-lived thread rather than the main one, and without the mutex.
 *
 * The server drops a cancel that comes while its backend waits for a
 * statement, and a cancel can overtake the statement it is meant for
 * (it comes on a connection of its own): it is sent again, less and less
 * often, until the statement ends.
 */
#define CANCEL_RETRY_FIRST_MS 100
#define CANCEL_RETRY_MAX_MS   2000

static gpointer
cancel_thread (gpointer data)
{
  CancelRequest *request = data;
  TribDistillerWorker *self = request->worker;
  gint64 retry_ms = CANCEL_RETRY_FIRST_MS;

  g_mutex_lock (&self->mutex);
  while (self->current_serial == request->serial)
    {
      PGcancel *cancel = self->cancel;
      char reason[256];
      gint64 retry_at;

      /* Still connecting, or over and about to be done with. */
      if (cancel == NULL)
        {
          g_cond_wait (&self->cancel_cond, &self->mutex);
          continue;
        }

      self->cancels_in_flight++;
      g_mutex_unlock (&self->mutex);
      if (!PQcancel (cancel, reason, sizeof reason))
        g_debug ("Cancelling failed: %s", reason);
      g_mutex_lock (&self->mutex);
      self->cancels_in_flight--;
      g_cond_broadcast (&self->cancel_cond);

      retry_at = g_get_monotonic_time () + retry_ms * G_TIME_SPAN_MILLISECOND;
      retry_ms = MIN (retry_ms * 2, CANCEL_RETRY_MAX_MS);
      while (self->current_serial == request->serial && self->cancel == cancel &&
             g_cond_wait_until (&self->cancel_cond, &self->mutex, retry_at))
        ;
    }
  g_mutex_unlock (&self->mutex);

  trib_distiller_worker_unref (self);
  g_free (request);

  return NULL;
}

static void
cancel_job (TribDistillerRun *run,
            gpointer          data)
{
  Job *job = data;
  TribDistillerWorker *self = g_object_get_data (G_OBJECT (run), "trib-distiller-worker");
  gboolean queued;

  g_atomic_int_set (&job->cancel_requested, TRUE);

  g_mutex_lock (&self->mutex);
  queued = g_queue_remove (&self->jobs, job);
  g_mutex_unlock (&self->mutex);

  if (queued)
    {
      _trib_distiller_job_stop_script (job, TRIB_DISTILLER_RUN_CANCELLED);
      trib_distiller_run_finish (run, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
      _trib_distiller_job_free (job);
    }
  else
    {
      CancelRequest *request = g_new0 (CancelRequest, 1);

      request->worker = trib_distiller_worker_ref (self);
      request->serial = job->serial;
      g_thread_unref (g_thread_new ("trib-distiller-cancel", cancel_thread, request));
    }
}

static Job *
job_new (TribDistillerWorker *self,
         const char          *sql,
         Script              *script)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(TribDistillerRun) run = NULL;

  job->serial = self->next_serial++;
  job->sql = g_strdup (sql);
  job->script = script != NULL ? script_ref (script) : NULL;

  /* The job outlives a run its caller drops; the run only points back. */
  run = trib_distiller_run_new (sql, cancel_job, job, NULL);
  job->run = g_object_ref (run);
  g_object_set_data_full (G_OBJECT (run), "trib-distiller-worker", trib_distiller_worker_ref (self),
                          (GDestroyNotify) trib_distiller_worker_unref);

  return job;
}

/* Queues @jobs in one go, so that no other statement comes between
 * those of a script.
 */
static void
push_jobs (TribDistillerWorker  *self,
           Job                 **jobs,
           guint                 n_jobs)
{
  g_mutex_lock (&self->mutex);
  if (self->closing)
    {
      g_mutex_unlock (&self->mutex);
      for (guint i = 0; i < n_jobs; i++)
        {
          trib_distiller_run_finish (jobs[i]->run, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
          _trib_distiller_job_free (jobs[i]);
        }
      return;
    }
  for (guint i = 0; i < n_jobs; i++)
    g_queue_push_tail (&self->jobs, jobs[i]);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/**
 * trib_distiller_worker_push:
 * @sql: one statement
 *
 * Queues @sql behind the statements already queued.
 *
 * Returns: (transfer full): the run that reports on @sql
 */
TribDistillerRun *
trib_distiller_worker_push (TribDistillerWorker *self,
                            const char          *sql)
{
  Job *job = job_new (self, sql, NULL);
  TribDistillerRun *run = g_object_ref (job->run);

  push_jobs (self, &job, 1);

  return run;
}

/**
 * trib_distiller_worker_push_script:
 * @statements: (array zero-terminated=1): the statements of a script, in
 *   order
 * @stop_on_error: whether a failed statement keeps the rest from starting
 *
 * Queues @statements behind the statements already queued. Whatever
 * @stop_on_error says, a cancelled statement keeps the rest from
 * starting; they finish as %TRIB_DISTILLER_RUN_SKIPPED.
 *
 * Returns: (transfer full) (element-type TribDistillerRun): the runs that
 *   report on @statements, in order
 */
GPtrArray *
trib_distiller_worker_push_script (TribDistillerWorker *self,
                                   const char * const  *statements,
                                   gboolean             stop_on_error)
{
  Script *script = script_new (stop_on_error);
  guint n_statements = g_strv_length ((char **) statements);
  g_autofree Job **jobs = g_new0 (Job *, MAX (n_statements, 1));
  GPtrArray *runs = g_ptr_array_new_full (n_statements, g_object_unref);

  for (guint i = 0; i < n_statements; i++)
    {
      jobs[i] = job_new (self, statements[i], script);
      g_ptr_array_add (runs, g_object_ref (jobs[i]->run));
    }
  script_unref (script);

  push_jobs (self, jobs, n_statements);

  return runs;
}

/**
 * trib_distiller_worker_take_endpoint:
 * @endpoint: (transfer full) (nullable): where to connect
 * @error: (transfer full) (nullable): why there is nowhere to connect
 *
 * Answers the endpoint function; call on the main thread.
 */
void
trib_distiller_worker_take_endpoint (TribDistillerWorker *self,
                                     TribSqlEndpoint     *endpoint,
                                     GError              *error)
{
  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->endpoint, trib_sql_endpoint_free);
  g_clear_error (&self->endpoint_error);
  self->endpoint = endpoint;
  self->endpoint_error = error;
  self->endpoint_ready = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/**
 * trib_distiller_worker_close:
 *
 * Cancels what runs and what waits, and lets the thread close the
 * connection and end. Call on the main thread.
 */
void
trib_distiller_worker_close (TribDistillerWorker *self)
{
  g_autoptr(GPtrArray) queued = g_ptr_array_new ();
  guint64 running;

  g_mutex_lock (&self->mutex);
  self->closing = TRUE;
  while (!g_queue_is_empty (&self->jobs))
    g_ptr_array_add (queued, g_queue_pop_head (&self->jobs));
  running = self->current_serial;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  self->endpoint_func = NULL;
  self->endpoint_data = NULL;

  for (guint i = 0; i < queued->len; i++)
    {
      Job *job = g_ptr_array_index (queued, i);

      trib_distiller_run_finish (job->run, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
      _trib_distiller_job_free (job);
    }

  if (running != 0)
    {
      CancelRequest *request = g_new0 (CancelRequest, 1);

      request->worker = trib_distiller_worker_ref (self);
      request->serial = running;
      g_thread_unref (g_thread_new ("trib-distiller-cancel", cancel_thread, request));
    }
}
