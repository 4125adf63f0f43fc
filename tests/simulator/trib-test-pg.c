/* trib-test-pg.c
 *
 * A throwaway PostgreSQL for the tests, the benchmarks and the demo:
 * initdb into a temporary directory, TLS with a certificate made for
 * the occasion, a free port on 127.0.0.1 (TLS and passwords only) and a
 * Unix socket in the data directory for the administrator (trust). Run
 * as root, as CI does, the server runs as the `postgres` system user.
 * The server dies with the thread that started it, so a crashed test
 * leaves no server behind.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* nftw() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "trib-test-pg"

#include "config.h"

#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "trib-test-pg.h"
#include "trib-test-pg-demo.h"

/* Runs in the child between fork and exec: system calls only. */
static void
child_setup (gpointer data)
{
  const TribTestPg *pg = data;

  if (pg->as_postgres_user && (setgroups (0, NULL) != 0 || setgid (pg->gid) != 0 || setuid (pg->uid) != 0))
    _exit (127);

  /* Set after setuid(), which clears it. */
  prctl (PR_SET_PDEATHSIG, SIGINT);
}

static gboolean
choose_server_user (TribTestPg  *pg,
                    GError     **error)
{
  struct passwd *postgres;

  pg->uid = getuid ();
  pg->gid = getgid ();

  /* PostgreSQL refuses to run as root. */
  if (getuid () != 0)
    return TRUE;

  if (!(postgres = getpwnam ("postgres")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "Running as root, but there is no postgres user to run PostgreSQL as");
      return FALSE;
    }

  pg->as_postgres_user = TRUE;
  pg->uid = postgres->pw_uid;
  pg->gid = postgres->pw_gid;

  return TRUE;
}

static char *
find_bin_dir (GError **error)
{
  const char *env = g_getenv ("TRIBUTARY_PG_BINDIR");
  g_autofree char *initdb = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  /* Debian keeps the server's programs out of PATH. */
  for (int version = 20; version >= 13; version--)
    {
      g_autofree char *dir = g_strdup_printf ("/usr/lib/postgresql/%d/bin", version);
      g_autofree char *path = g_build_filename (dir, "initdb", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&dir);
    }

  if ((initdb = g_find_program_in_path ("initdb")))
    return g_path_get_dirname (initdb);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "PostgreSQL server programs not found; install the postgresql package "
                       "or set TRIBUTARY_PG_BINDIR");

  return NULL;
}

/* Runs a program to its end, as the server user if @pg is given. */
static gboolean
run (const char * const *argv,
     TribTestPg         *pg,
     GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE |
                                        G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  if (pg != NULL)
    g_subprocess_launcher_set_child_setup (launcher, child_setup, pg, NULL);

  if (!(process = g_subprocess_launcher_spawnv (launcher, argv, error)) ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error))
    return FALSE;

  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s", argv[0], output);
      return FALSE;
    }

  return TRUE;
}

static int
remove_cb (const char        *path,
           const struct stat *sb,
           int                type,
           struct FTW        *ftw)
{
  return remove (path);
}

static gboolean
give_to_server_user (TribTestPg *pg,
                     const char *path)
{
  return chown (path, pg->uid, pg->gid) == 0;
}

static guint
free_port (GError **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (!(socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error)) ||
      !g_socket_bind (socket, any, FALSE, error) ||
      !(bound = g_socket_get_local_address (socket, error)))
    return 0;

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
configure (TribTestPg  *pg,
           GError     **error)
{
  g_autofree char *conf_path = g_build_filename (pg->data_dir, "postgresql.conf", NULL);
  g_autofree char *hba_path = g_build_filename (pg->data_dir, "pg_hba.conf", NULL);
  g_autofree char *cert = g_build_filename (pg->dir, "server.crt", NULL);
  g_autofree char *key = g_build_filename (pg->dir, "server.key", NULL);
  g_autofree char *conf = NULL;
  g_autofree char *settings = NULL;

  if (!run ((const char *[]) { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                               "-subj", "/CN=localhost", "-keyout", key, "-out", cert, NULL },
            NULL, error))
    return FALSE;
  if (g_chmod (key, 0600) != 0 || !give_to_server_user (pg, key) || !give_to_server_user (pg, cert))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not hand the certificate to the server user");
      return FALSE;
    }

  if (!g_file_get_contents (conf_path, &conf, NULL, error))
    return FALSE;

  /* Durability is worth nothing in a throwaway cluster; speed is. */
  settings = g_strdup_printf ("%s\n"
                              "listen_addresses = '127.0.0.1'\n"
                              "port = %u\n"
                              "unix_socket_directories = '%s'\n"
                              "ssl = on\n"
                              "ssl_cert_file = '%s'\n"
                              "ssl_key_file = '%s'\n"
                              "password_encryption = 'scram-sha-256'\n"
                              "max_connections = 50\n"
                              "fsync = off\n"
                              "synchronous_commit = off\n"
                              "full_page_writes = off\n"
                              "logging_collector = off\n",
                              conf, pg->port, pg->data_dir, cert, key);

  return g_file_set_contents (conf_path, settings, -1, error) &&
         g_file_set_contents (hba_path,
                              "local all all trust\n"
                              "hostssl all all 127.0.0.1/32 scram-sha-256\n",
                              -1, error);
}

static char *
read_log_tail (TribTestPg *pg)
{
  g_autofree char *path = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *log = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &log, &length, NULL))
    return g_strdup ("");

  return g_strdup (length > 2000 ? log + length - 2000 : log);
}

static gboolean
wait_until_ready (TribTestPg  *pg,
                  GError     **error)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, "postgres");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (PQping (conninfo) != PQPING_OK)
    {
      /* The child watch reaps an early exit. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (g_subprocess_get_identifier (pg->server) == NULL || g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = read_log_tail (pg);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PostgreSQL did not start: %s", log);
          return FALSE;
        }
      g_usleep (20000);
    }

  return TRUE;
}

/**
 * trib_test_pg_start:
 *
 * Creates and starts a cluster; a few seconds.
 *
 * Returns: (transfer full) (nullable): the running cluster
 */
TribTestPg *
trib_test_pg_start (GError **error)
{
  g_autoptr(TribTestPg) pg = g_new0 (TribTestPg, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *initdb = NULL;
  g_autofree char *postgres = NULL;
  g_autofree char *log = NULL;

  if (!choose_server_user (pg, error) || !(pg->bin_dir = find_bin_dir (error)) ||
      !(pg->dir = g_dir_make_tmp ("tributary-pg-XXXXXX", error)))
    return NULL;
  pg->data_dir = g_build_filename (pg->dir, "data", NULL);
  if (!give_to_server_user (pg, pg->dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not hand %s to the server user", pg->dir);
      return NULL;
    }

  initdb = g_build_filename (pg->bin_dir, "initdb", NULL);
  if (!run ((const char *[]) { initdb, "--pgdata", pg->data_dir, "--username", "postgres", "--auth-local", "trust",
                               "--auth-host", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync",
                               NULL },
            pg, error))
    return NULL;

  if (!(pg->port = free_port (error)) || !configure (pg, error))
    return NULL;

  log = g_build_filename (pg->dir, "server.log", NULL);
  postgres = g_build_filename (pg->bin_dir, "postgres", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, pg, NULL);
  if (!(pg->server = g_subprocess_launcher_spawn (launcher, error, postgres, "-D", pg->data_dir, NULL)) ||
      !wait_until_ready (pg, error))
    return NULL;

  return g_steal_pointer (&pg);
}

/**
 * trib_test_pg_admin_conninfo:
 * @database: the database to connect to
 *
 * Returns: (transfer full): a libpq connection string for the superuser,
 *   over the Unix socket
 */
char *
trib_test_pg_admin_conninfo (TribTestPg *pg,
                             const char *database)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = database; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_strdup_printf ("host='%s' port=%u user=postgres dbname=%s", pg->data_dir, pg->port, quoted->str);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

/**
 * trib_test_pg_connect:
 * @admin_conninfo: how to reach the server as its superuser
 * @database: (nullable): another database than the conninfo's
 *
 * Returns: (transfer full) (nullable): a connection, or %NULL
 */
PGconn *
trib_test_pg_connect (const char  *admin_conninfo,
                      const char  *database,
                      GError     **error)
{
  /* A second dbname is a plain name that overrides the first's. */
  const char * const keywords[] = { "dbname", database != NULL ? "dbname" : NULL, NULL };
  const char * const values[] = { admin_conninfo, database, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not connect to %s: %s",
                   database != NULL ? database : "PostgreSQL", PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  return conn;
}

/**
 * trib_test_pg_exec:
 *
 * Runs @sql (one or more statements) as the superuser in @database.
 */
gboolean
trib_test_pg_exec (const char  *admin_conninfo,
                   const char  *database,
                   const char  *sql,
                   GError     **error)
{
  PGconn *conn;
  PGresult *result;
  gboolean ok;

  if (!(conn = trib_test_pg_connect (admin_conninfo, database, error)))
    return FALSE;

  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "In %s: %s", database != NULL ? database : "PostgreSQL",
                 PQresultErrorMessage (result));

  PQclear (result);
  PQfinish (conn);

  return ok;
}

static char *
quote_identifier (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/**
 * trib_test_pg_load_demo:
 *
 * Generates the demo datasets (Luma web events, CRM profiles, orders)
 * into a template database, and the prod sandbox's databases from it.
 */
gboolean
trib_test_pg_load_demo (TribTestPg  *pg,
                        GError     **error)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, "postgres");

  return trib_test_pg_exec (conninfo, NULL, "CREATE DATABASE " TRIB_TEST_PG_TEMPLATE, error) &&
         trib_test_pg_exec (conninfo, TRIB_TEST_PG_TEMPLATE, trib_test_pg_demo_sql, error) &&
         trib_test_pg_ensure_sandbox (conninfo, "prod", error);
}

static gboolean
database_exists (const char  *admin_conninfo,
                 const char  *name,
                 gboolean    *exists,
                 GError     **error)
{
  const char * const params[] = { name };
  PGconn *conn;
  PGresult *result;
  gboolean ok;

  if (!(conn = trib_test_pg_connect (admin_conninfo, NULL, error)))
    return FALSE;

  result = PQexecParams (conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, params, NULL, NULL, 0);
  if ((ok = PQresultStatus (result) == PGRES_TUPLES_OK))
    *exists = PQntuples (result) > 0;
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (result));

  PQclear (result);
  PQfinish (conn);

  return ok;
}

/**
 * trib_test_pg_ensure_sandbox:
 *
 * Makes a sandbox's databases, as Data Distiller names them, unless they
 * are there: `{sandbox}:all` with every dataset, and `{sandbox}:{table}`
 * with one dataset each. They are copies of the demo template, which
 * trib_test_pg_load_demo() made.
 */
gboolean
trib_test_pg_ensure_sandbox (const char  *admin_conninfo,
                             const char  *sandbox,
                             GError     **error)
{
  g_autofree char *all = g_strdup_printf ("%s:all", sandbox);
  gboolean exists = FALSE;

  if (!database_exists (admin_conninfo, all, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;

  /* The whole sandbox last: its presence says the others are there. */
  for (guint i = 0; i <= G_N_ELEMENTS (trib_test_pg_demo_tables); i++)
    {
      gboolean whole = i == G_N_ELEMENTS (trib_test_pg_demo_tables);
      g_autofree char *name = g_strdup_printf ("%s:%s", sandbox, whole ? "all" : trib_test_pg_demo_tables[i]);
      g_autofree char *quoted = quote_identifier (name);
      g_autofree char *remove = g_strdup_printf ("DROP DATABASE IF EXISTS %s", quoted);
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE " TRIB_TEST_PG_TEMPLATE
                                                 " STRATEGY FILE_COPY", quoted);
      g_autoptr(GString) drop = g_string_new (NULL);

      /* One at a time: CREATE DATABASE refuses to be in a transaction. */
      if (!trib_test_pg_exec (admin_conninfo, NULL, remove, error) ||
          !trib_test_pg_exec (admin_conninfo, NULL, create, error))
        return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (trib_test_pg_demo_tables) && !whole; j++)
        if (j != i)
          g_string_append_printf (drop, "DROP TABLE %s;", trib_test_pg_demo_tables[j]);
      if (drop->len > 0 && !trib_test_pg_exec (admin_conninfo, name, drop->str, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trib_test_pg_stop:
 *
 * Stops the server (fast: open connections are closed) and deletes its
 * directory.
 */
void
trib_test_pg_stop (TribTestPg *pg)
{
  if (pg == NULL)
    return;

  if (pg->server != NULL)
    {
      g_subprocess_send_signal (pg->server, SIGINT);
      g_subprocess_wait (pg->server, NULL, NULL);
    }
  if (pg->dir != NULL)
    nftw (pg->dir, remove_cb, 16, FTW_DEPTH | FTW_PHYS);

  g_clear_object (&pg->server);
  g_free (pg->dir);
  g_free (pg->data_dir);
  g_free (pg->bin_dir);
  g_free (pg);
}
