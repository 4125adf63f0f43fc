/* trib-distiller-session.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-session"

#include "config.h"

#include "trib-distiller-session.h"
#include "trib-distiller-worker.h"

/* One connection to Data Distiller, for one database (`prod:all`, or
 * `prod:some_table` for a single dataset). Statements run one after the
 * other on the worker's connection; the session asks its provider for
 * fresh connection parameters whenever the worker has to connect.
 */
struct _TribDistillerSession
{
  GObject parent_instance;

  TribSqlEndpointProvider *provider;
  char *database;
  TribDistillerWorker *worker;
  GCancellable *cancellable;
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (TribDistillerSession, trib_distiller_session, G_TYPE_OBJECT)

static void
endpoint_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TribDistillerWorker) worker = user_data;
  GError *error = NULL;
  TribSqlEndpoint *endpoint;

  endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (object), result, &error);
  trib_distiller_worker_take_endpoint (worker, endpoint, error);
}

static void
need_endpoint (TribDistillerWorker *worker,
               gboolean             fresh,
               gpointer             user_data)
{
  TribDistillerSession *self = user_data;

  /* The provider is asked every time, so @fresh needs no special case. */
  trib_sql_endpoint_provider_get_endpoint_async (self->provider, self->database, self->cancellable,
                                                 endpoint_cb, trib_distiller_worker_ref (worker));
}

static void
trib_distiller_session_dispose (GObject *object)
{
  TribDistillerSession *self = (TribDistillerSession *)object;

  trib_distiller_session_close (self);

  G_OBJECT_CLASS (trib_distiller_session_parent_class)->dispose (object);
}

static void
trib_distiller_session_finalize (GObject *object)
{
  TribDistillerSession *self = (TribDistillerSession *)object;

  g_clear_pointer (&self->worker, trib_distiller_worker_unref);
  g_clear_object (&self->provider);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (trib_distiller_session_parent_class)->finalize (object);
}

static void
trib_distiller_session_class_init (TribDistillerSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_distiller_session_dispose;
  object_class->finalize = trib_distiller_session_finalize;
}

static void
trib_distiller_session_init (TribDistillerSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * trib_distiller_session_new:
 * @provider: where connection parameters come from
 * @database: (nullable): the database, such as `prod:luma_web_events`;
 *   %NULL for the provider's default (the whole sandbox)
 *
 * Returns: (transfer full): a session; it connects for its first
 *   statement
 */
TribDistillerSession *
trib_distiller_session_new (TribSqlEndpointProvider *provider,
                            const char              *database)
{
  TribDistillerSession *self;

  g_return_val_if_fail (TRIB_IS_SQL_ENDPOINT_PROVIDER (provider), NULL);

  self = g_object_new (TRIB_TYPE_DISTILLER_SESSION, NULL);
  self->provider = g_object_ref (provider);
  self->database = g_strdup (database);
  self->worker = trib_distiller_worker_new (need_endpoint, self);

  return self;
}

/**
 * trib_distiller_session_get_provider:
 *
 * Returns: (transfer none): where connection parameters come from
 */
TribSqlEndpointProvider *
trib_distiller_session_get_provider (TribDistillerSession *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_SESSION (self), NULL);

  return self->provider;
}

/**
 * trib_distiller_session_get_database:
 *
 * Returns: (nullable): the database asked for, or %NULL for the default
 */
const char *
trib_distiller_session_get_database (TribDistillerSession *self)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_SESSION (self), NULL);

  return self->database;
}

/**
 * trib_distiller_session_run:
 * @sql: one statement
 *
 * Queues @sql; the run reports its progress on this thread.
 *
 * Returns: (transfer full): the run
 */
TribDistillerRun *
trib_distiller_session_run (TribDistillerSession *self,
                            const char           *sql)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_SESSION (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return trib_distiller_worker_push (self->worker, sql);
}

/**
 * trib_distiller_session_run_script:
 * @statements: (array zero-terminated=1): the statements of a script
 * @stop_on_error: whether the statements after a failed one are skipped
 *
 * Queues @statements to run one after the other. With @stop_on_error, as
 * with psql's `ON_ERROR_STOP`, none starts once one has failed; the rest
 * finish as %TRIB_DISTILLER_RUN_SKIPPED. Cancelling one always skips the
 * rest.
 *
 * Returns: (transfer full) (element-type TribDistillerRun): the runs, in
 *   the order of @statements
 */
GPtrArray *
trib_distiller_session_run_script (TribDistillerSession *self,
                                   const char * const   *statements,
                                   gboolean              stop_on_error)
{
  g_return_val_if_fail (TRIB_IS_DISTILLER_SESSION (self), NULL);
  g_return_val_if_fail (statements != NULL, NULL);

  return trib_distiller_worker_push_script (self->worker, statements, stop_on_error);
}

/**
 * trib_distiller_session_close:
 *
 * Cancels every run and closes the connection in the background. Runs
 * asked for afterwards are cancelled at once.
 */
void
trib_distiller_session_close (TribDistillerSession *self)
{
  g_return_if_fail (TRIB_IS_DISTILLER_SESSION (self));

  if (self->closed)
    return;

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  trib_distiller_worker_close (self->worker);
}
