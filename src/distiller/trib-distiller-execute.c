/* trib-distiller-execute.c
 *
 * One statement on the worker's thread: sent, its rows read in
 * column-wise batches, and everything about it posted, in order, to the
 * main thread.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-worker"

#include "config.h"

#include <poll.h>

#include <glib/gi18n-lib.h>

#include "trib-distiller-error.h"
#include "trib-distiller-pq.h"
#include "trib-distiller-worker-private.h"

/* Rows are read in single-row mode (which, measured against PQexec and
 * a cursor, streams fastest and holds the least) into column-wise
 * batches that go to the main thread whenever they fill up or have
 * waited long enough.
 */
#define BATCH_ROWS      8192
#define BATCH_WAIT_US   (30 * 1000)
#define CLOCK_EVERY     256

/* Everything the worker tells a run travels in one of these, in order. */
typedef enum
{
  POST_STATE,
  POST_COLUMNS,
  POST_BATCH,
  POST_MESSAGE,
  POST_FINISH,
} PostKind;

typedef struct
{
  PostKind kind;
  Job *job;
  TribDistillerRunState state;
  GStrv names;
  guint32 *oids;
  guint n_columns;
  TribResultBatch *batch;
  char *text;
  GError *error;
} Post;

static void
post_free (Post *post)
{
  g_strfreev (post->names);
  g_free (post->oids);
  g_clear_pointer (&post->batch, trib_result_batch_unref);
  g_free (post->text);
  g_clear_error (&post->error);
  g_free (post);
}

static gboolean
deliver_post (gpointer data)
{
  Post *post = data;
  TribDistillerRun *run = post->job->run;

  switch (post->kind)
    {
    case POST_STATE:
      trib_distiller_run_set_state (run, post->state);
      break;

    case POST_COLUMNS:
      trib_distiller_run_set_columns (run, post->n_columns, (const char * const *) post->names, post->oids);
      break;

    case POST_BATCH:
      trib_distiller_run_add_batch (run, post->batch);
      break;

    case POST_MESSAGE:
      trib_distiller_run_add_message (run, post->text);
      break;

    case POST_FINISH:
      trib_distiller_run_finish (run, post->state, post->text, post->error);
      g_clear_pointer (&post->job, _trib_distiller_job_free);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* g_main_context_invoke() would run @func right here, on the worker thread,
 * whenever the main thread is between iterations; posts must stay on the
 * main thread and in order, so they always go through a queued source. */
void
_trib_distiller_worker_queue_on_main (TribDistillerWorker *self,
               GSourceFunc          func,
               gpointer             data,
               GDestroyNotify       destroy)
{
  g_autoptr (GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[tributary] distiller post");
  g_source_attach (source, self->main_context);
}

static void
send_post (TribDistillerWorker *self,
           Post                *post)
{
  post->job = self->job;
  _trib_distiller_worker_queue_on_main (self, deliver_post, post, (GDestroyNotify) post_free);
}

void
_trib_distiller_worker_send_state (TribDistillerWorker   *self,
            TribDistillerRunState  state)
{
  Post *post = g_new0 (Post, 1);

  post->kind = POST_STATE;
  post->state = state;
  send_post (self, post);
}

void
_trib_distiller_worker_send_finish (TribDistillerWorker   *self,
             TribDistillerRunState  state,
             const char            *command_status,
             GError                *error)
{
  Post *post = g_new0 (Post, 1);

  /* Before the next job is taken, on this thread: nothing races it. */
  _trib_distiller_job_stop_script (self->job, state);

  post->kind = POST_FINISH;
  post->state = state;
  post->text = g_strdup (command_status);
  post->error = error;
  send_post (self, post);
  self->job = NULL;
}

void
_trib_distiller_worker_notice_cb (void           *data,
           const PGresult *result)
{
  TribDistillerWorker *self = data;
  Post *post;

  if (self->job == NULL)
    return;

  post = g_new0 (Post, 1);
  post->kind = POST_MESSAGE;
  post->text = g_strstrip (g_strdup (PQresultErrorMessage (result)));
  send_post (self, post);
}

static void
send_columns (TribDistillerWorker *self,
              PGresult            *result)
{
  Post *post = g_new0 (Post, 1);
  guint n_columns = PQnfields (result);

  post->kind = POST_COLUMNS;
  post->n_columns = n_columns;
  post->names = g_new0 (char *, n_columns + 1);
  post->oids = g_new0 (guint32, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      post->names[i] = g_strdup (PQfname (result, i));
      post->oids[i] = PQftype (result, i);
    }

  send_post (self, post);
}

/* @batch is where the rows of a whole statement are written; what it
 * holds goes out in a batch of its own, of its exact size.
 */
static void
send_batch (TribDistillerWorker *self,
            TribResultBatch     *batch)
{
  Post *post;

  if (batch == NULL || trib_result_batch_get_n_rows (batch) == 0)
    return;

  post = g_new0 (Post, 1);
  post->kind = POST_BATCH;
  post->batch = trib_result_batch_take_rows (batch);
  send_post (self, post);
}

/* Before blocking for the next row, hands over the rows read so far if
 * the server is slow to send more, so that a trickle of rows still shows
 * up as it comes rather than when a batch fills.
 */
static void
wait_for_rows (TribDistillerWorker *self,
               TribResultBatch     *batch,
               gint64              *last_sent)
{
  while (batch != NULL && trib_result_batch_get_n_rows (batch) > 0 && PQisBusy (self->conn))
    {
      struct pollfd pfd = { .fd = PQsocket (self->conn), .events = POLLIN };
      gint64 wait_us;

      if (!PQconsumeInput (self->conn) || !PQisBusy (self->conn))
        return;

      wait_us = *last_sent + BATCH_WAIT_US - g_get_monotonic_time ();
      if (wait_us <= 0 || poll (&pfd, 1, (int) (wait_us / 1000) + 1) == 0)
        {
          send_batch (self, batch);
          *last_sent = g_get_monotonic_time ();
        }
    }
}

void
_trib_distiller_worker_execute (TribDistillerWorker *self,
         Job                 *job)
{
  g_autoptr(TribResultBatch) batch = NULL;
  g_autofree const char **values = NULL;
  g_autofree int *lengths = NULL;
  g_autofree char *command_status = NULL;
  g_autoptr(GError) error = NULL;
  gboolean described = FALSE;
  gint64 last_sent = g_get_monotonic_time ();
  guint since_clock = 0;
  PGresult *result;

  /* A statement cancelled while its connection opened never goes out.
   * One cancelled after this is the cancel thread's: it cancels as soon
   * as self->cancel is set, and again until the statement ends.
   */
  if (_trib_distiller_worker_cancel_requested (self, job))
    {
      _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
      return;
    }

  if (!PQsendQuery (self->conn, job->sql))
    {
      error = trib_distiller_pq_error (self->conn, NULL);
      goto finish;
    }
  PQsetSingleRowMode (self->conn);

  g_mutex_lock (&self->mutex);
  self->cancel = PQgetCancel (self->conn);
  g_cond_broadcast (&self->cancel_cond);
  g_mutex_unlock (&self->mutex);

  _trib_distiller_worker_send_state (self, TRIB_DISTILLER_RUN_RUNNING);

  for (;;)
    {
      wait_for_rows (self, batch, &last_sent);
      if ((result = PQgetResult (self->conn)) == NULL)
        break;

      switch (PQresultStatus (result))
        {
        case PGRES_SINGLE_TUPLE:
          if (!described)
            {
              send_columns (self, result);
              values = g_new0 (const char *, PQnfields (result) + 1);
              lengths = g_new0 (int, PQnfields (result) + 1);
              described = TRUE;
            }
          if (batch == NULL)
            batch = trib_result_batch_new (PQnfields (result), BATCH_ROWS);
          trib_distiller_pq_append_row (batch, result, values, lengths);

          if (++since_clock >= CLOCK_EVERY)
            {
              gint64 now = g_get_monotonic_time ();

              since_clock = 0;
              if (trib_result_batch_get_n_rows (batch) >= BATCH_ROWS || now - last_sent >= BATCH_WAIT_US)
                {
                  send_batch (self, batch);
                  last_sent = now;
                }
            }
          break;

        case PGRES_TUPLES_OK:
          /* The end of the rows; a query without rows is described here. */
          if (!described && PQnfields (result) > 0)
            {
              send_columns (self, result);
              described = TRUE;
            }
          send_batch (self, batch);
          g_clear_pointer (&batch, trib_result_batch_unref);
          g_free (command_status);
          command_status = g_strdup (PQcmdStatus (result));
          break;

        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
          g_free (command_status);
          command_status = g_strdup (PQcmdStatus (result));
          break;

        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
          if (error == NULL)
            error = g_error_new_literal (TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_UNSUPPORTED,
                                         _("COPY to or from the client is not supported here; export the result instead."));
          PQclear (result);
          result = NULL;
          /* Leaves COPY mode so the connection stays usable. */
          if (PQputCopyEnd (self->conn, "not supported") < 0)
            g_clear_pointer (&self->conn, PQfinish);
          break;

        case PGRES_BAD_RESPONSE:
        case PGRES_NONFATAL_ERROR:
        case PGRES_FATAL_ERROR:
        case PGRES_PIPELINE_SYNC:
        case PGRES_PIPELINE_ABORTED:
        default:
          if (error == NULL)
            error = trib_distiller_pq_error (self->conn, result);
          break;
        }

      g_clear_pointer (&result, PQclear);
      if (self->conn == NULL)
        break;
    }

  send_batch (self, batch);

  /* No cancel meant for this statement may reach the server once the
   * next one could be there.
   */
  g_mutex_lock (&self->mutex);
  while (self->cancels_in_flight > 0)
    g_cond_wait (&self->cancel_cond, &self->mutex);
  g_clear_pointer (&self->cancel, PQfreeCancel);
  g_cond_broadcast (&self->cancel_cond);
  g_mutex_unlock (&self->mutex);

finish:
  if (self->conn == NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      g_autoptr(GError) lost = NULL;
      g_autofree char *reason = NULL;

      reason = self->conn ? g_strstrip (g_strdup (PQerrorMessage (self->conn))) : NULL;
      lost = g_error_new (TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_CONNECTION_LOST,
                          /* Translators: %s is the technical reason */
                          _("The connection to the server was lost (%s). The next statement opens a new one."),
                          error != NULL ? error->message : (reason != NULL ? reason : ""));
      g_clear_pointer (&self->conn, PQfinish);
      g_clear_error (&error);
      error = g_steal_pointer (&lost);
    }

  if (error != NULL && _trib_distiller_worker_cancel_requested (self, job) &&
      g_strcmp0 (trib_distiller_error_get_sqlstate (error), "57014") == 0)
    _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_CANCELLED, NULL, NULL);
  else if (error != NULL)
    _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_FAILED, command_status, g_steal_pointer (&error));
  else
    _trib_distiller_worker_send_finish (self, TRIB_DISTILLER_RUN_DONE, command_status, NULL);
}
