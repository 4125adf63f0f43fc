/* bench-distiller-stream.c
 *
 * Streams 1,000,000 rows × 8 mixed columns from a throwaway PostgreSQL
 * through TribDistillerSession into TribResultModel, and in the same run
 * has psql print the same query to /dev/null over the same TLS
 * connection. Each side runs in a child process of its own, so that its
 * peak memory is its own; prints
 *
 *   BENCH distiller-stream wall_ratio=…   target=1.2
 *   BENCH distiller-stream mem_ratio=…    target=1.0
 *   BENCH distiller-stream headless_max_stall_ms=… target=16
 *     (a bare main loop without GTK; the window's own figure is
 *     `grid-stream max_stall_ms`, bench-grid.c)
 *
 * and, as information, the CPU time (user and system) of each side's
 * whole process.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "bench-util.h"
#include "trib-distiller-session.h"
#include "trib-test-pg.h"

extern char **environ;

#define ROLE "bench"
#define PASSWORD "bench-not-a-secret"

static const char query[] =
  "SELECT g AS id, g * 2.5::float8 AS score, 'name-' || g AS name, "
  "timestamptz '2026-01-01' + g * interval '1 second' AS seen, g % 2 = 0 AS even, "
  "md5(g::text) AS digest, (g % 1000)::numeric / 7 AS ratio, "
  "CASE WHEN g % 10 = 0 THEN NULL ELSE 'web.webpagedetails.pageViews' END AS event_type "
  "FROM generate_series(1, 1000000) AS g";

/* A provider that always answers the same endpoint: the bench's role. */
#define BENCH_TYPE_PROVIDER (bench_provider_get_type ())
G_DECLARE_FINAL_TYPE (BenchProvider, bench_provider, BENCH, PROVIDER, GObject)

struct _BenchProvider
{
  GObject parent_instance;
  TribSqlEndpoint *endpoint;
};

static void
bench_get_endpoint_async (TribSqlEndpointProvider *provider,
                          const char              *database,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);

  g_task_return_pointer (task, trib_sql_endpoint_copy (BENCH_PROVIDER (provider)->endpoint),
                         (GDestroyNotify) trib_sql_endpoint_free);
}

static TribSqlEndpoint *
bench_get_endpoint_finish (TribSqlEndpointProvider  *provider,
                           GAsyncResult             *result,
                           GError                  **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bench_provider_iface_init (TribSqlEndpointProviderInterface *iface)
{
  iface->get_endpoint_async = bench_get_endpoint_async;
  iface->get_endpoint_finish = bench_get_endpoint_finish;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchProvider, bench_provider, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TRIB_TYPE_SQL_ENDPOINT_PROVIDER, bench_provider_iface_init))

static void
bench_provider_finalize (GObject *object)
{
  g_clear_pointer (&BENCH_PROVIDER (object)->endpoint, trib_sql_endpoint_free);
  G_OBJECT_CLASS (bench_provider_parent_class)->finalize (object);
}

static void
bench_provider_class_init (BenchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_provider_finalize;
}

static void
bench_provider_init (BenchProvider *self)
{
}

/* The child that streams: prints "<wall seconds> <max stall ms> <rows>". */
static int
stream_child (const char *port)
{
  g_autoptr(BenchProvider) provider = g_object_new (BENCH_TYPE_PROVIDER, NULL);
  g_autoptr(TribDistillerSession) session = NULL;
  g_autoptr(TribDistillerRun) warmup = NULL;
  g_autoptr(TribDistillerRun) run = NULL;
  BenchProbe probe;
  gint64 started;
  double stall;
  double wall;

  provider->endpoint = trib_sql_endpoint_new ("127.0.0.1", (guint) g_ascii_strtoull (port, NULL, 10),
                                              ROLE, "postgres", PASSWORD);
  session = trib_distiller_session_new (TRIB_SQL_ENDPOINT_PROVIDER (provider), NULL);

  /* Connect first, so that the stall probe sees streaming only. */
  warmup = trib_distiller_session_run (session, "SELECT 1");
  while (!trib_distiller_run_get_finished (warmup))
    g_main_context_iteration (NULL, TRUE);
  if (trib_distiller_run_get_state (warmup) != TRIB_DISTILLER_RUN_DONE)
    {
      g_printerr ("bench: could not connect: %s\n", trib_distiller_run_get_error (warmup)->message);
      return 1;
    }

  bench_probe_start (&probe);
  started = g_get_monotonic_time ();
  run = trib_distiller_session_run (session, query);
  while (!trib_distiller_run_get_finished (run))
    g_main_context_iteration (NULL, TRUE);
  wall = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  stall = bench_probe_stop (&probe);

  if (trib_distiller_run_get_state (run) != TRIB_DISTILLER_RUN_DONE)
    {
      g_printerr ("bench: the query failed: %s\n", trib_distiller_run_get_error (run)->message);
      return 1;
    }

  g_print ("%.4f %.2f %u\n", wall, stall,
           g_list_model_get_n_items (G_LIST_MODEL (trib_distiller_run_get_model (run))));

  return 0;
}

/* The CPU time (user and system) of the last process measure() ran. */
static double last_cpu_s;

/* Runs @argv to completion with its stdout in @out (or /dev/null);
 * returns its wall time and peak resident memory in KiB.
 */
static double
measure (char       **argv,
         char       **envp,
         long        *max_rss_kib,
         char       **out)
{
  g_autofree char *path = g_strdup ("/tmp/trib-bench-XXXXXX");
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 started;
  int status;
  pid_t pid;
  int fd;

  fd = g_mkstemp (path);
  g_assert (fd >= 0);
  close (fd);

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, out != NULL ? path : "/dev/null",
                                    O_WRONLY | O_TRUNC, 0600);

  started = g_get_monotonic_time ();
  if (posix_spawnp (&pid, argv[0], &actions, NULL, argv, envp) != 0)
    g_error ("Could not start %s", argv[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", argv[0]);
  posix_spawn_file_actions_destroy (&actions);

  *max_rss_kib = usage.ru_maxrss;
  last_cpu_s = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
               (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / (double) G_USEC_PER_SEC;
  if (out != NULL)
    g_file_get_contents (path, out, NULL, NULL);
  g_unlink (path);

  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

static void
create_role (TribTestPg *pg)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, "postgres");
  PGconn *admin = PQconnectdb (conninfo);
  PGresult *result;

  if (PQstatus (admin) != CONNECTION_OK)
    g_error ("bench: %s", PQerrorMessage (admin));
  result = PQexec (admin, "CREATE ROLE " ROLE " LOGIN PASSWORD '" PASSWORD "'");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("bench: %s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (admin);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  g_autofree char *ours = NULL;
  g_auto(GStrv) envp = NULL;
  g_auto(GStrv) fields = NULL;
  TribTestPg *pg;
  double psql_wall, our_wall;
  double psql_cpu;
  long psql_rss, our_rss;

  if (argc == 3 && g_str_equal (argv[1], "--stream-child"))
    return stream_child (argv[2]);

  if (!(pg = trib_test_pg_start (&error)))
    g_error ("bench: %s", error->message);
  create_role (pg);
  port = g_strdup_printf ("%u", pg->port);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "PGHOST", "127.0.0.1", TRUE);
  envp = g_environ_setenv (envp, "PGPORT", port, TRUE);
  envp = g_environ_setenv (envp, "PGUSER", ROLE, TRUE);
  envp = g_environ_setenv (envp, "PGPASSWORD", PASSWORD, TRUE);
  envp = g_environ_setenv (envp, "PGDATABASE", "postgres", TRUE);
  envp = g_environ_setenv (envp, "PGSSLMODE", "require", TRUE);

  /* The anchor, then us; a warm-up of psql first so that neither pays
   * for a cold server.
   */
  measure ((char *[]) { (char *) "psql", (char *) "-X", (char *) "-At", (char *) "-o", (char *) "/dev/null",
                        (char *) "-c", (char *) query, NULL }, envp, &psql_rss, NULL);
  psql_wall = measure ((char *[]) { (char *) "psql", (char *) "-X", (char *) "-At", (char *) "-o", (char *) "/dev/null",
                                    (char *) "-c", (char *) query, NULL }, envp, &psql_rss, NULL);
  psql_cpu = last_cpu_s;
  our_wall = measure ((char *[]) { argv[0], (char *) "--stream-child", port, NULL }, envp, &our_rss, &ours);

  trib_test_pg_stop (pg);

  fields = g_strsplit (g_strstrip (ours), " ", 3);
  g_assert (g_strv_length (fields) == 3);
  g_assert (g_str_equal (fields[2], "1000000"));

  /* Both walls are whole processes: start, connect, stream, exit. */
  g_print ("# psql: %.3f s, %ld KiB; Tributary: %.3f s (%s s streaming), %ld KiB\n",
           psql_wall, psql_rss, our_wall, fields[0], our_rss);
  g_print ("# CPU time, user and system, whole process: psql %.2f s, Tributary %.2f s\n", psql_cpu, last_cpu_s);
  g_print ("BENCH distiller-stream wall_ratio=%.2f target=1.2\n", our_wall / psql_wall);
  g_print ("BENCH distiller-stream mem_ratio=%.2f target=1.0\n", (double) our_rss / (double) psql_rss);
  g_print ("BENCH distiller-stream headless_max_stall_ms=%s target=16\n", fields[1]);

  return 0;
}
