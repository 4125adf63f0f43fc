/* trib-test-distiller.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "trib-test-distiller.h"

static TribProfile *
profile_for_sim (TribTestSim *sim)
{
  TribProfile *profile = trib_profile_new (NULL);

  trib_profile_set_name (profile, "Simulator");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_default_sandbox (profile, "prod");
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  return profile;
}

/* Call after g_test_init(). */
TribTestDistiller *
trib_test_distiller_start (void)
{
  TribTestDistiller *self = g_new0 (TribTestDistiller, 1);
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;

  self->pg = trib_test_pg_start (&error);
  g_assert_no_error (error);
  trib_test_pg_load_demo (self->pg, &error);
  g_assert_no_error (error);

  conninfo = trib_test_pg_admin_conninfo (self->pg, "postgres");
  self->sim = trib_test_sim_start ((const char *[]) { "--postgres", conninfo, NULL });

  profile = profile_for_sim (self->sim);
  self->client = trib_platform_client_new (profile, self->sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (self->client, "prod");
  self->query_service = trib_query_service_new (self->client);

  return self;
}

void
trib_test_distiller_stop (TribTestDistiller *self)
{
  g_clear_object (&self->query_service);
  g_clear_object (&self->client);
  g_clear_pointer (&self->sim, trib_test_sim_free);
  g_clear_pointer (&self->pg, trib_test_pg_stop);
  g_free (self);
}

/**
 * trib_test_distiller_new_session:
 * @database: (nullable): as for trib_distiller_session_new()
 *
 * Returns: (transfer full): a session whose parameters come from the
 *   simulator's Query Service
 */
TribDistillerSession *
trib_test_distiller_new_session (TribTestDistiller *self,
                                 const char        *database)
{
  return trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (self->query_service), database);
}

/* Ends the backend @pid from another connection, as an administrator or
 * a crash would.
 */
void
trib_test_distiller_terminate (TribTestDistiller *self,
                               const char        *pid)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (self->pg, "postgres");
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend(%s)", pid);
  PGconn *admin = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  result = PQexec (admin, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "t");
  PQclear (result);
  PQfinish (admin);
}

void
trib_test_wait_run (TribDistillerRun *run)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_distiller_run_get_finished (run))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
trib_test_wait_runs (GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    trib_test_wait_run (g_ptr_array_index (runs, i));
}

void
trib_test_iterate_while_not (gboolean (*predicate) (gpointer),
                             gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

gboolean
trib_test_run_is_running (gpointer run)
{
  return trib_distiller_run_get_state (run) == TRIB_DISTILLER_RUN_RUNNING;
}

gboolean
trib_test_run_is_connecting (gpointer run)
{
  return trib_distiller_run_get_state (run) == TRIB_DISTILLER_RUN_CONNECTING;
}

/**
 * trib_test_run_and_wait:
 *
 * Returns: (transfer full): the run of @sql, finished
 */
TribDistillerRun *
trib_test_run_and_wait (TribDistillerSession *session,
                        const char           *sql)
{
  TribDistillerRun *run = trib_distiller_session_run (session, sql);

  trib_test_wait_run (run);

  return run;
}

void
trib_test_assert_done (TribDistillerRun *run)
{
  g_assert_no_error ((GError *) trib_distiller_run_get_error (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_DONE);
}

const char *
trib_test_first_value (TribDistillerRun *run)
{
  TribResultModel *model = trib_distiller_run_get_model (run);

  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);

  return trib_result_model_get_value (model, 0, 0, NULL);
}

char *
trib_test_backend_pid (TribDistillerSession *session)
{
  g_autoptr(TribDistillerRun) run = trib_test_run_and_wait (session, "SELECT pg_backend_pid()");

  trib_test_assert_done (run);

  return g_strdup (trib_test_first_value (run));
}

gboolean
trib_test_table_exists (TribDistillerSession *session,
                        const char           *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_regclass('%s') IS NOT NULL", table);
  g_autoptr(TribDistillerRun) run = trib_test_run_and_wait (session, sql);

  trib_test_assert_done (run);

  return g_str_equal (trib_test_first_value (run), "t");
}
