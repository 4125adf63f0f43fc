/* trib-test-pg.c
 *
 * A throwaway PostgreSQL for the tests, the benchmarks and the demo:
 * initdb into a temporary directory, a certificate made for the
 * occasion, a free port on 127.0.0.1 that takes TLS and passwords only,
 * and a Unix socket in the data directory on which the superuser needs
 * none. Run as root, as CI does, the server runs as the `postgres`
 * system user, since PostgreSQL refuses to run as root.
 *
 * The server is our child, not a daemon, so that we know its pid. It
 * must not outlive us: trib_test_pg_stop() stops it and deletes the
 * directory, and for when we die without calling it (a failed
 * assertion, a crash, SIGKILL) a small watchdog process does the same
 * once the pipe we hold open to it closes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* nftw() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "trib-test-pg"

#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "trib-test-pg.h"
#include "trib-test-pg-demo.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* The demo org's sandboxes in world/sandboxes.json, prod first: the
 * others are copied from it.
 */
static const char * const demo_sandboxes[] = {
  "prod", "dev", "dev-analytics", "qa", "staging-eu", "uat", "sandbox-ml",
};

/* Stops the server and deletes the directory once our end of its
 * standard input closes. trib_test_pg_stop() kills it first, so that
 * only happens when we died without stopping the server. Started before
 * initdb, it learns the server's pid from that pipe, one line per
 * server started. It ignores the terminal's signals, since a Ctrl+C
 * reaches our whole process group, so as to be there to clean up. The
 * server removes postmaster.pid when it has shut down; one killed
 * outright leaves it, hence the time limit.
 */
static const char watchdog_script[] =
  "trap '' HUP INT TERM QUIT\n"
  "pid=\n"
  "while read -r line; do pid=$line; done\n"
  "[ -n \"$pid\" ] && kill -INT \"$pid\" 2>/dev/null\n"
  "i=0\n"
  "while [ -e \"$1/data/postmaster.pid\" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done\n"
  "rm -rf \"$1\"\n";

/* Runs in the child between fork and exec: system calls only. */
static void
child_setup (gpointer data)
{
  const TribTestPg *pg = data;

  if (pg->as_postgres_user && (setgroups (0, NULL) != 0 || setgid (pg->gid) != 0 || setuid (pg->uid) != 0))
    _exit (127);
}

static gboolean
choose_server_user (TribTestPg  *pg,
                    GError     **error)
{
  struct passwd *postgres;

  pg->uid = getuid ();
  pg->gid = getgid ();

  if (geteuid () != 0)
    return TRUE;

  if (!(postgres = getpwnam ("postgres")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "Running as root, but there is no postgres user to run PostgreSQL as; "
                           "install the postgresql package");
      return FALSE;
    }

  pg->as_postgres_user = TRUE;
  pg->uid = postgres->pw_uid;
  pg->gid = postgres->pw_gid;

  return TRUE;
}

static gboolean
is_server_bin_dir (const char *dir)
{
  g_autofree char *initdb = g_build_filename (dir, "initdb", NULL);
  g_autofree char *postgres = g_build_filename (dir, "postgres", NULL);

  return g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) && g_file_test (postgres, G_FILE_TEST_IS_EXECUTABLE);
}

static char *
find_bin_dir (GError **error)
{
  const char *env = g_getenv ("TRIBUTARY_PG_BINDIR");
  g_autofree char *pg_config = NULL;
  g_autofree char *pg_config_errors = NULL;
  g_autofree char *initdb = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  /* libpq-dev's pg_config names the server's directory even where, as
   * on Debian, the server's programs are not on PATH.
   */
  if (g_spawn_command_line_sync ("pg_config --bindir", &pg_config, &pg_config_errors, NULL, NULL) && pg_config != NULL &&
      is_server_bin_dir (g_strstrip (pg_config)))
    return g_steal_pointer (&pg_config);

  for (int version = 20; version >= 15; version--)
    {
      g_autofree char *dir = g_strdup_printf ("/usr/lib/postgresql/%d/bin", version);

      if (is_server_bin_dir (dir))
        return g_steal_pointer (&dir);
    }

  if ((initdb = g_find_program_in_path ("initdb")))
    return g_path_get_dirname (initdb);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "PostgreSQL server binaries not found; install the postgresql package "
                       "(or set TRIBUTARY_PG_BINDIR)");

  return NULL;
}

/* Runs a program to its end, as the server user if @pg is given; its
 * output only shows in the error, if it fails.
 */
static gboolean
run (const char * const *argv,
     TribTestPg         *pg,
     GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
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
give_to_server_user (TribTestPg  *pg,
                     const char  *path,
                     GError     **error)
{
  if (chown (path, pg->uid, pg->gid) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not hand %s to the server user: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* A port nobody listens on now. Someone may take it before the server
 * does; trib_test_pg_start() then tries another.
 */
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

/* A value for postgresql.conf, or for a libpq connection string: both
 * take single quotes with backslash escapes.
 */
static char *
quote_value (const char *value)
{
  g_autoptr(GString) quoted = g_string_new ("'");

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
make_certificate (TribTestPg  *pg,
                  GError     **error)
{
  g_autofree char *cert = g_build_filename (pg->data_dir, "server.crt", NULL);
  g_autofree char *key = g_build_filename (pg->data_dir, "server.key", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "openssl not found, which makes the server's certificate; install the openssl package");
      return FALSE;
    }

  /* Made as the server user, so the server may read the key, which it
   * insists nobody else can.
   */
  if (!run ((const char *[]) { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                               "-subj", "/CN=localhost", "-keyout", key, "-out", cert, NULL },
            pg, error))
    return FALSE;

  if (g_chmod (key, 0600) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "Could not protect %s: %s", key,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure (TribTestPg  *pg,
           GError     **error)
{
  g_autofree char *conf_path = g_build_filename (pg->data_dir, "postgresql.conf", NULL);
  g_autofree char *hba_path = g_build_filename (pg->data_dir, "pg_hba.conf", NULL);
  g_autofree char *socket_dir = quote_value (pg->data_dir);
  g_autofree char *conf = NULL;
  g_autofree char *settings = NULL;

  if (!g_file_get_contents (conf_path, &conf, NULL, error))
    return FALSE;

  /* Durability is worth nothing in a throwaway cluster; speed is. With
   * wal_level minimal, tables filled in the transaction that creates
   * them skip the WAL. Nothing lives long enough to need autovacuum,
   * and one of its workers in a template would hold up CREATE DATABASE.
   * The port is given on the command line, so that a retry can change
   * it.
   */
  settings = g_strdup_printf ("%s\n"
                              "listen_addresses = '127.0.0.1'\n"
                              "unix_socket_directories = %s\n"
                              "ssl = on\n"
                              "password_encryption = 'scram-sha-256'\n"
                              "max_connections = 50\n"
                              "shared_buffers = 32MB\n"
                              "fsync = off\n"
                              "synchronous_commit = off\n"
                              "full_page_writes = off\n"
                              "wal_level = minimal\n"
                              "max_wal_senders = 0\n"
                              "autovacuum = off\n",
                              conf, socket_dir);

  /* No plain TCP at all: clients must use TLS, as with Data Distiller. */
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
    return g_strdup ("(no server log)");

  return g_strdup (length > 2000 ? log + length - 2000 : log);
}

static gboolean
spawn_server (TribTestPg  *pg,
              GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *postgres = g_build_filename (pg->bin_dir, "postgres", NULL);
  g_autofree char *log = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *port = g_strdup_printf ("%u", pg->port);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, pg, NULL);

  pg->server = g_subprocess_launcher_spawn (launcher, error, postgres, "-D", pg->data_dir, "-p", port, NULL);

  return pg->server != NULL;
}

/* Waits for the server to take connections on its socket; %FALSE with
 * @port_taken set if it gave up because the port had gone meanwhile.
 */
static gboolean
wait_until_ready (TribTestPg  *pg,
                  gboolean    *port_taken,
                  GError     **error)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, "postgres");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  *port_taken = FALSE;

  while (PQping (conninfo) != PQPING_OK)
    {
      /* GSubprocess reaps the child on GLib's worker thread. */
      if (g_subprocess_get_identifier (pg->server) == NULL || g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = read_log_tail (pg);

          *port_taken = strstr (log, "Address already in use") != NULL;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PostgreSQL did not start; its log ends:\n%s", log);
          return FALSE;
        }
      g_usleep (10000);
    }

  return TRUE;
}

static gboolean
start_watchdog (TribTestPg  *pg,
                GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  pg->watchdog = g_subprocess_launcher_spawn (launcher, error, "/bin/sh", "-c", watchdog_script, "sh", pg->dir,
                                              NULL);

  return pg->watchdog != NULL;
}

static gboolean
tell_watchdog (TribTestPg  *pg,
               GError     **error)
{
  const char *pid = g_subprocess_get_identifier (pg->server);
  GOutputStream *stdin_pipe = g_subprocess_get_stdin_pipe (pg->watchdog);
  g_autofree char *line = NULL;

  /* Gone already: wait_until_ready() says why. */
  if (pid == NULL)
    return TRUE;

  line = g_strdup_printf ("%s\n", pid);

  return g_output_stream_write_all (stdin_pipe, line, strlen (line), NULL, NULL, error) &&
         g_output_stream_flush (stdin_pipe, NULL, error);
}

/**
 * trib_test_pg_start:
 *
 * Creates and starts a cluster, in a second or two. The superuser is
 * `postgres`, reached through trib_test_pg_admin_conninfo(); there are
 * no other roles and no data until trib_test_pg_load_demo().
 *
 * Returns: (transfer full) (nullable): the running cluster
 */
TribTestPg *
trib_test_pg_start (GError **error)
{
  g_autoptr(TribTestPg) pg = g_new0 (TribTestPg, 1);
  g_autofree char *initdb = NULL;
  struct sockaddr_un address;

  if (!choose_server_user (pg, error) || !(pg->bin_dir = find_bin_dir (error)) ||
      !(pg->dir = g_dir_make_tmp ("tributary-pg-XXXXXX", error)))
    return NULL;
  pg->data_dir = g_build_filename (pg->dir, "data", NULL);

  if (strlen (pg->data_dir) + strlen ("/.s.PGSQL.65535") >= sizeof address.sun_path)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG,
                   "%s is too long a path for PostgreSQL's socket; set TMPDIR to a shorter one", pg->data_dir);
      return NULL;
    }

  if (!give_to_server_user (pg, pg->dir, error) || !start_watchdog (pg, error))
    return NULL;

  initdb = g_build_filename (pg->bin_dir, "initdb", NULL);
  if (!run ((const char *[]) { initdb, "--pgdata", pg->data_dir, "--username", "postgres", "--auth-local", "trust",
                               "--auth-host", "scram-sha-256", "--encoding", "UTF8", "--locale", "C", "--no-sync",
                               "--no-instructions", NULL },
            pg, error) ||
      !make_certificate (pg, error) || !configure (pg, error))
    return NULL;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean port_taken = FALSE;

      if (!(pg->port = free_port (error)) || !spawn_server (pg, error) || !tell_watchdog (pg, error))
        return NULL;
      if (wait_until_ready (pg, &port_taken, &local_error))
        break;

      if (g_subprocess_get_identifier (pg->server) != NULL)
        {
          g_subprocess_force_exit (pg->server);
          g_subprocess_wait (pg->server, NULL, NULL);
        }
      g_clear_object (&pg->server);
      if (!port_taken || attempt == 5)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&pg);
}

/**
 * trib_test_pg_admin_conninfo:
 * @database: the database to connect to
 *
 * Returns: (transfer full): a libpq connection string for the superuser,
 *   over the Unix socket, where it needs no password
 */
char *
trib_test_pg_admin_conninfo (TribTestPg *pg,
                             const char *database)
{
  g_autofree char *host = NULL;
  g_autofree char *dbname = NULL;

  g_return_val_if_fail (pg != NULL, NULL);
  g_return_val_if_fail (database != NULL, NULL);

  host = quote_value (pg->data_dir);
  dbname = quote_value (database);

  return g_strdup_printf ("host=%s port=%u user=postgres dbname=%s", host, pg->port, dbname);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

static PGconn *
connect_admin (TribTestPg  *pg,
               const char  *database,
               GError     **error)
{
  g_autofree char *conninfo = trib_test_pg_admin_conninfo (pg, database);
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not connect to %s: %s", database,
                   PQerrorMessage (conn));
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  return g_steal_pointer (&conn);
}

static gboolean
exec_sql (PGconn      *conn,
          const char  *sql,
          GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "In %s: %s", PQdb (conn), PQresultErrorMessage (result));
      return FALSE;
    }

  return TRUE;
}

static char *
quote_identifier (PGconn     *conn,
                  const char *name)
{
  char *escaped = PQescapeIdentifier (conn, name, strlen (name));
  char *quoted = g_strdup (escaped);

  PQfreemem (escaped);

  return quoted;
}

/* A copy of @template. FILE_COPY copies the files, which is much faster
 * than the default WAL_LOG for a template of this size.
 */
static gboolean
copy_database (PGconn      *admin,
               const char  *name,
               const char  *template,
               GError     **error)
{
  g_autofree char *quoted_name = quote_identifier (admin, name);
  g_autofree char *quoted_template = quote_identifier (admin, template);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY", quoted_name,
                                          quoted_template);

  return exec_sql (admin, sql, error);
}

/* Makes {sandbox}:{table} from {sandbox}:all by dropping the others. */
static gboolean
make_table_database (TribTestPg  *pg,
                     PGconn      *admin,
                     const char  *sandbox,
                     guint        table,
                     GError     **error)
{
  g_autofree char *all = g_strdup_printf ("%s:all", sandbox);
  g_autofree char *name = g_strdup_printf ("%s:%s", sandbox, trib_test_pg_demo_tables[table]);
  g_autoptr(GString) drop = g_string_new (NULL);
  g_autoptr(PGconn) conn = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (trib_test_pg_demo_tables); i++)
    if (i != table)
      g_string_append_printf (drop, "DROP TABLE %s;", trib_test_pg_demo_tables[i]);

  return copy_database (admin, name, all, error) &&
         (conn = connect_admin (pg, name, error)) != NULL &&
         exec_sql (conn, drop->str, error);
}

/**
 * trib_test_pg_load_demo:
 *
 * Loads the demo datasets (Luma web events, CRM profiles and orders; see
 * trib-test-pg-demo.c) into every sandbox of the demo org, as Data
 * Distiller names the databases: `{sandbox}:all` with every dataset,
 * and `{sandbox}:{table}` with that one only. It also creates the demo
 * org's login role, TRIB_TEST_PG_DEMO_ROLE, which may connect to them
 * and read the datasets; it has no password until Query Service gives
 * it one. Four to seven seconds on two cores, most of it copying files.
 */
gboolean
trib_test_pg_load_demo (TribTestPg  *pg,
                        GError     **error)
{
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(GString) grants = g_string_new (NULL);
  g_autofree char *role = NULL;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (pg != NULL, FALSE);

  if (!(admin = connect_admin (pg, "postgres", error)))
    return FALSE;
  role = quote_identifier (admin, TRIB_TEST_PG_DEMO_ROLE);

  /* The datasets are generated once, into prod:all, in one transaction
   * (a single PQexec), so that with wal_level minimal they skip the WAL.
   * A smaller sample makes ANALYZE of the JSON columns eight times
   * faster, and is plenty for the planner here. VACUUM sets the hint
   * bits once, rather than the first query in every copy.
   */
  {
    g_autoptr(PGconn) conn = NULL;
    g_autofree char *create_role = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
    g_autofree char *fill = g_strdup_printf ("SET default_statistics_target = 10;"
                                             "%s"
                                             "ALTER TABLE luma_web_events ADD PRIMARY KEY (_id);"
                                             "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s;",
                                             trib_test_pg_demo_sql, role);

    if (!exec_sql (admin, create_role, error) ||
        !copy_database (admin, "prod:all", "template1", error) ||
        !(conn = connect_admin (pg, "prod:all", error)) ||
        !exec_sql (conn, fill, error) ||
        !exec_sql (conn, "VACUUM", error))
      return FALSE;
  }
  g_debug ("Generated the datasets in %.2f s", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  /* Copies of copies: each sandbox's one-table databases come from
   * prod's, so that no copy carries tables only to drop them.
   */
  for (guint i = 0; i < G_N_ELEMENTS (trib_test_pg_demo_tables); i++)
    if (!make_table_database (pg, admin, "prod", i, error))
      return FALSE;

  for (guint s = 1; s < G_N_ELEMENTS (demo_sandboxes); s++)
    {
      g_autofree char *all = g_strdup_printf ("%s:all", demo_sandboxes[s]);

      if (!copy_database (admin, all, "prod:all", error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (trib_test_pg_demo_tables); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s:%s", demo_sandboxes[s], trib_test_pg_demo_tables[i]);
          g_autofree char *template = g_strdup_printf ("prod:%s", trib_test_pg_demo_tables[i]);

          if (!copy_database (admin, name, template, error))
            return FALSE;
        }
    }

  /* Database privileges belong to the cluster, not to the copied files. */
  for (guint s = 0; s < G_N_ELEMENTS (demo_sandboxes); s++)
    for (guint i = 0; i <= G_N_ELEMENTS (trib_test_pg_demo_tables); i++)
      {
        g_autofree char *name = g_strdup_printf ("%s:%s", demo_sandboxes[s],
                                                 i < G_N_ELEMENTS (trib_test_pg_demo_tables)
                                                 ? trib_test_pg_demo_tables[i] : "all");
        g_autofree char *quoted = quote_identifier (admin, name);

        g_string_append_printf (grants, "GRANT CONNECT ON DATABASE %s TO %s;", quoted, role);
      }

  if (!exec_sql (admin, grants->str, error))
    return FALSE;
  g_debug ("Loaded the demo in %.2f s", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  return TRUE;
}

/* Fast shutdown, as pg_ctl stop -m fast: sessions are ended. */
static void
stop_server (TribTestPg *pg)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_subprocess_send_signal (pg->server, SIGINT);
  while (g_subprocess_get_identifier (pg->server) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (10000);

  /* Immediate shutdown, if fast hangs. */
  if (g_subprocess_get_identifier (pg->server) != NULL)
    {
      g_warning ("PostgreSQL did not stop within 30 seconds; stopping it immediately");
      g_subprocess_send_signal (pg->server, SIGQUIT);
    }

  g_subprocess_wait (pg->server, NULL, NULL);
}

/**
 * trib_test_pg_stop:
 *
 * Stops the server (fast: open sessions are ended), deletes its
 * directory and frees @pg.
 */
void
trib_test_pg_stop (TribTestPg *pg)
{
  gint64 started = g_get_monotonic_time ();

  if (pg == NULL)
    return;

  /* Before the server, whose stopping would otherwise race the
   * watchdog's clean-up.
   */
  if (pg->watchdog != NULL)
    {
      g_subprocess_force_exit (pg->watchdog);
      g_subprocess_wait (pg->watchdog, NULL, NULL);
    }
  if (pg->server != NULL)
    stop_server (pg);
  g_debug ("Stopped PostgreSQL in %.2f s", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  if (pg->dir != NULL)
    nftw (pg->dir, remove_cb, 16, FTW_DEPTH | FTW_PHYS);
  g_debug ("Removed its directory in %.2f s", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_clear_object (&pg->watchdog);
  g_clear_object (&pg->server);
  g_free (pg->dir);
  g_free (pg->data_dir);
  g_free (pg->bin_dir);
  g_free (pg);
}
