/* trib-distiller-worker-private.h
 *
 * The worker's insides, shared by the files it is made of: the queue,
 * the thread and the connection (trib-distiller-worker.c), and how one
 * statement runs and reports to the main thread
 * (trib-distiller-execute.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "trib-distiller-run-private.h"
#include "trib-distiller-worker.h"

G_BEGIN_DECLS

/* The statements of one script share this: once one of them fails (or
 * is cancelled), the worker starts none of the others, so a CREATE or
 * INSERT after a failed statement never reaches the server.
 */typedef struct
{
  gatomicrefcount ref_count;
  gboolean stop_on_error;
  gint stopped;               /* atomic */
} Script;

typedef struct
{
  guint64 serial;
  char *sql;
  Script *script;             /* NULL for a statement on its own */
  TribDistillerRun *run;      /* only touched on the main thread */
  gint cancel_requested;      /* atomic */
} Job;

struct _TribDistillerWorker
{
  gatomicrefcount ref_count;
  GMutex mutex;
  GCond cond;
  GCond cancel_cond;          /* cancel, current_serial or cancels_in_flight changed */

  /* Guarded by mutex */
  GQueue jobs;
  guint64 current_serial;
  PGcancel *cancel;           /* set while a statement is on the server */
  guint cancels_in_flight;    /* PQcancel calls using cancel */
  gboolean closing;
  gboolean endpoint_ready;
  TribSqlEndpoint *endpoint;
  GError *endpoint_error;

  /* Main thread only */
  GMainContext *main_context;
  TribDistillerEndpointFunc endpoint_func;
  gpointer endpoint_data;
  guint64 next_serial;

  /* Worker thread only */
  PGconn *conn;
  Job *job;
};

gboolean _trib_distiller_worker_cancel_requested (TribDistillerWorker *self,
                                                  Job                 *job);
void _trib_distiller_job_free              (Job                   *job);
void _trib_distiller_job_stop_script       (Job                   *job,
                                            TribDistillerRunState  state);

/* trib-distiller-execute.c */
void _trib_distiller_worker_queue_on_main  (TribDistillerWorker   *self,
                                            GSourceFunc            func,
                                            gpointer               data,
                                            GDestroyNotify         destroy);
void _trib_distiller_worker_send_state     (TribDistillerWorker   *self,
                                            TribDistillerRunState  state);
void _trib_distiller_worker_send_finish    (TribDistillerWorker   *self,
                                            TribDistillerRunState  state,
                                            const char            *command_status,
                                            GError                *error);
void _trib_distiller_worker_notice_cb      (void                  *data,
                                            const PGresult        *result);
void _trib_distiller_worker_execute        (TribDistillerWorker   *self,
                                            Job                   *job);

G_END_DECLS
