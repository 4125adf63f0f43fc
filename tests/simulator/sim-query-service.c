/* sim-query-service.c
 *
 * Query Service's connection parameters: where Data Distiller listens
 * and the password to give it. Data Distiller is a real PostgreSQL here
 * (trib-test-pg.c), with one login role per organization, named after
 * it; the password is a token the simulator makes up, not the IMS
 * token, and POST /__sim/query/rotate replaces it.
 *
 * The work is a few short statements over a Unix socket on one
 * connection, done synchronously: it holds the other requests up for
 * milliseconds.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-service"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include <libpq-fe.h>

#include "sim-pg-front.h"
#include "sim-services.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

typedef struct
{
  char *admin_conninfo;       /* NULL: started without PostgreSQL */
  PGconn *admin;              /* opened on first use, and again if it broke */
  guint port;                 /* the server's */
  SimPgFront *front;          /* where clients connect: Data Distiller's interface */
  GHashTable *passwords;      /* org id → its role's current password */
} SimQueryService;

/* Routes have no user data; there is one service per process. */
static SimQueryService query_service;

static char *
new_password (void)
{
  guint8 bytes[24];

  /* getrandom() only falls short for requests over 256 bytes. */
  if (getrandom (bytes, sizeof bytes, 0) != (ssize_t) sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = g_random_int_range (0, 256);

  return g_base64_encode (bytes, sizeof bytes);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

static PGconn *
get_admin (GError **error)
{
  if (query_service.admin != NULL && PQstatus (query_service.admin) == CONNECTION_OK)
    return query_service.admin;

  g_clear_pointer (&query_service.admin, PQfinish);
  query_service.admin = PQconnectdb (query_service.admin_conninfo);
  if (PQstatus (query_service.admin) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not connect to PostgreSQL: %s",
                   PQerrorMessage (query_service.admin));
      g_clear_pointer (&query_service.admin, PQfinish);
      return NULL;
    }
  PQsetNoticeProcessor (query_service.admin, ignore_notice, NULL);

  return query_service.admin;
}

/* Runs one statement as the superuser, on a new connection if the
 * last one broke (a test may terminate backends, or restart the
 * server).
 */
static PGresult *
admin_exec (const char          *sql,
            int                  n_params,
            const char * const  *params,
            GError             **error)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(PGresult) result = NULL;
      PGconn *admin;

      if (!(admin = get_admin (error)))
        return NULL;

      result = PQexecParams (admin, sql, n_params, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
        return g_steal_pointer (&result);

      if (PQstatus (admin) == CONNECTION_OK || attempt == 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PostgreSQL: %s", PQresultErrorMessage (result));
          return NULL;
        }
    }

  g_assert_not_reached ();
}

static gboolean
database_exists (const char  *name,
                 gboolean    *exists,
                 GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!(result = admin_exec ("SELECT 1 FROM pg_database WHERE datname = $1", 1, &name, error)))
    return FALSE;

  *exists = PQntuples (result) > 0;

  return TRUE;
}

/* Gives the org's role @password, creating the role if need be. The
 * server gets the SCRAM verifier, never the password itself, so it
 * cannot end up in the server's log.
 */
static gboolean
set_role_password (const char  *org_id,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(PGresult) role_result = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *sql = NULL;
  PGconn *admin;
  char *verifier;
  char *role;
  char *literal;

  if (!(role_result = admin_exec ("SELECT 1 FROM pg_roles WHERE rolname = $1", 1, &org_id, error)) ||
      !(admin = get_admin (error)))
    return FALSE;

  if (!(verifier = PQencryptPasswordConn (admin, password, org_id, "scram-sha-256")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not encrypt the password of %s: %s", org_id,
                   PQerrorMessage (admin));
      return FALSE;
    }

  role = PQescapeIdentifier (admin, org_id, strlen (org_id));
  literal = PQescapeLiteral (admin, verifier, strlen (verifier));
  sql = g_strdup_printf ("%s ROLE %s LOGIN PASSWORD %s", PQntuples (role_result) > 0 ? "ALTER" : "CREATE", role,
                         literal);
  PQfreemem (verifier);
  PQfreemem (role);
  PQfreemem (literal);

  result = admin_exec (sql, 0, NULL, error);

  return result != NULL;
}

static void
connection_parameters_cb (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  const char *org_id = request->client->org->id;
  const char *password;
  gboolean exists = FALSE;

  if (query_service.admin_conninfo == NULL)
    {
      sim_request_reply_problem (request, 503, "QSG-1503-503", "Query Service unavailable",
                                 "The simulator was started without PostgreSQL; start it with --postgres "
                                 "CONNINFO or with TRIBUTARY_SIM_POSTGRES=start in its environment.");
      return;
    }

  database = g_strdup_printf ("%s:all", request->sandbox);
  if (!database_exists (database, &exists, &error))
    {
      sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
      return;
    }
  if (!exists)
    {
      sim_request_reply_problem (request, 404, "QSG-1404-404", "Database not found",
                                 "Sandbox '%s' has no Query Service database: only the sandboxes of the "
                                 "simulator's demo data have one.", request->sandbox);
      return;
    }

  /* One password per org, made on first demand, until rotated. */
  if ((password = g_hash_table_lookup (query_service.passwords, org_id)) == NULL)
    {
      g_autofree char *fresh = new_password ();

      if (!set_role_password (org_id, fresh, &error))
        {
          sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
          return;
        }
      password = fresh;
      g_hash_table_insert (query_service.passwords, g_strdup (org_id), g_steal_pointer (&fresh));
    }

  /* A role has one password, so the compressed token is the same. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  /* An integer in query-service.yaml's ConnectionParameters. */
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, org_id);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, database);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, "127.0.0.1");
  json_builder_set_member_name (builder, "port");
  json_builder_add_int_value (builder, sim_pg_front_get_port (query_service.front));
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, password);
  json_builder_set_member_name (builder, "compressedToken");
  json_builder_add_string_value (builder, password);
  json_builder_set_member_name (builder, "websocketHost");
  json_builder_add_string_value (builder, "127.0.0.1");
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

/* New connections need the new passwords; PostgreSQL checks a password
 * only when a session starts, so open ones go on.
 */
static void
rotate_cb (SimRequest *request)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer org_id;

  if (query_service.admin_conninfo != NULL)
    {
      g_hash_table_iter_init (&iter, query_service.passwords);
      while (g_hash_table_iter_next (&iter, &org_id, NULL))
        {
          g_autofree char *rotated = new_password ();

          if (!set_role_password (org_id, rotated, &error))
            {
              sim_request_reply_problem (request, 500, "SIM-0003-500", "Rotation failed", "%s", error->message);
              return;
            }
          g_hash_table_iter_replace (&iter, g_steal_pointer (&rotated));
        }
    }

  soup_server_message_set_status (request->message, 204, NULL);
}

static guint
ask_port (GError **error)
{
  g_autoptr(PGresult) result = NULL;
  guint64 port = 0;

  /* We come in over the socket; clients over TCP, on this port. */
  if (!(result = admin_exec ("SELECT setting FROM pg_settings WHERE name = 'port'", 0, NULL, error)))
    return 0;

  if (PQntuples (result) != 1 ||
      !g_ascii_string_to_unsigned (PQgetvalue (result, 0, 0), 10, 1, G_MAXUINT16, &port, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PostgreSQL did not say which port it uses");
      return 0;
    }

  return port;
}

/* The front shows the server's own certificate, so that SCRAM's
 * channel binding, which hashes it, holds across the front. Relative
 * paths are the data directory's.
 */
static SimPgFront *
start_front (GError **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  const char *data_dir;

  if (!(result = admin_exec ("SELECT current_setting('data_directory'), current_setting('ssl_cert_file'), "
                             "current_setting('ssl_key_file')", 0, NULL, error)))
    return NULL;

  data_dir = PQgetvalue (result, 0, 0);
  certificate = g_path_is_absolute (PQgetvalue (result, 0, 1)) ? g_strdup (PQgetvalue (result, 0, 1))
                : g_build_filename (data_dir, PQgetvalue (result, 0, 1), NULL);
  key = g_path_is_absolute (PQgetvalue (result, 0, 2)) ? g_strdup (PQgetvalue (result, 0, 2))
        : g_build_filename (data_dir, PQgetvalue (result, 0, 2), NULL);

  return sim_pg_front_start (query_service.admin_conninfo, query_service.port, certificate, key, error);
}

/**
 * sim_query_service_rewrite:
 * @database: where @sql is to run
 *
 * Data Distiller's SQL as the demo's PostgreSQL runs it
 * (sim-pg-rewrite.c). Any thread.
 *
 * Returns: (nullable): the statement to run, or %NULL with Data
 *   Distiller's @sqlstate and @message
 */
char *
sim_query_service_rewrite (const char  *database,
                           const char  *sql,
                           char       **sqlstate,
                           char       **message)
{
  g_return_val_if_fail (query_service.front != NULL, NULL);

  return sim_pg_front_rewrite (query_service.front, database, sql, sqlstate, message);
}

/**
 * sim_query_service_get_admin_conninfo:
 *
 * Returns: (nullable): the superuser's connection string, %NULL when
 *   the simulator runs without PostgreSQL
 */
const char *
sim_query_service_get_admin_conninfo (void)
{
  return query_service.admin_conninfo;
}

/**
 * sim_query_service_check_database:
 * @database: such as `prod:all`
 *
 * Returns: whether PostgreSQL has @database; %FALSE with @error set if
 *   it could not be asked
 */
gboolean
sim_query_service_check_database (const char  *database,
                                  gboolean    *exists,
                                  GError     **error)
{
  return database_exists (database, exists, error);
}

/**
 * sim_query_service_ensure_role:
 * @org_id: an org id
 *
 * Makes the org's role if it has none yet, without a password: the
 * statements Query Service runs for the org (REST queries, schedule
 * runs) run as it, so their tables are the org's.
 */
gboolean
sim_query_service_ensure_role (const char  *org_id,
                               GError     **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) created = NULL;
  g_autofree char *sql = NULL;
  PGconn *admin;
  char *role;

  if (!(exists = admin_exec ("SELECT 1 FROM pg_roles WHERE rolname = $1", 1, &org_id, error)))
    return FALSE;
  if (PQntuples (exists) > 0)
    return TRUE;

  if (!(admin = get_admin (error)))
    return FALSE;
  role = PQescapeIdentifier (admin, org_id, strlen (org_id));
  sql = g_strdup_printf ("CREATE ROLE %s", role);
  PQfreemem (role);

  created = admin_exec (sql, 0, NULL, error);

  return created != NULL;
}

/**
 * sim_query_service_register:
 * @admin_conninfo: (nullable): the superuser's way into a PostgreSQL
 *   with the demo data loaded (trib_test_pg_load_demo()), or %NULL to
 *   answer 503
 *
 * Returns: %FALSE if that PostgreSQL cannot be reached
 */
gboolean
sim_query_service_register (SimServer   *server,
                            const char  *admin_conninfo,
                            GError     **error)
{
  g_assert (query_service.passwords == NULL);

  query_service.passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (admin_conninfo != NULL)
    {
      query_service.admin_conninfo = g_strdup (admin_conninfo);
      if (!(query_service.port = ask_port (error)) || !(query_service.front = start_front (error)))
        {
          g_clear_pointer (&query_service.admin_conninfo, g_free);
          return FALSE;
        }
    }

  sim_server_add_route (server, "GET", "/data/foundation/query/connection_parameters",
                        SIM_ROUTE_SANDBOX_DEFAULT_PROD, connection_parameters_cb);
  sim_server_add_route (server, "POST", "/__sim/query/rotate", SIM_ROUTE_DEFAULT, rotate_cb);

  return TRUE;
}

/**
 * sim_query_service_shutdown:
 *
 * Closes the connection to PostgreSQL, before the server stops.
 */
void
sim_query_service_shutdown (void)
{
  g_clear_pointer (&query_service.front, sim_pg_front_stop);
  g_clear_pointer (&query_service.admin, PQfinish);
  g_clear_pointer (&query_service.admin_conninfo, g_free);
  g_clear_pointer (&query_service.passwords, g_hash_table_unref);
}
