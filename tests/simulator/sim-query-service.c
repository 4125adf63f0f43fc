/* sim-query-service.c
 *
 * Query Service's connection parameters: where Data Distiller listens
 * and the password to give it. Data Distiller is a real PostgreSQL here
 * (tests/simulator/trib-test-pg.c), one login role per organization;
 * the password is a token the simulator makes up and can rotate.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-service"

#include "config.h"

#include <string.h>

#include "sim-services.h"
#include "trib-test-pg.h"

typedef struct
{
  char *admin_conninfo;       /* NULL: started without PostgreSQL */
  guint port;
  GHashTable *passwords;      /* org id → its role's current password */
} SimQueryService;

/* Routes have no user data; there is one service per process. */
static SimQueryService query_service;

static char *
new_password (void)
{
  GString *password = g_string_new ("dd-");

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (password, "%08x", g_random_int ());

  return g_string_free (password, FALSE);
}

static gboolean
set_role_password (const char  *org_id,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  PGconn *conn;
  char *role;
  char *literal;
  gboolean ok;

  if (!(conn = trib_test_pg_connect (query_service.admin_conninfo, NULL, error)))
    return FALSE;

  role = PQescapeIdentifier (conn, org_id, strlen (org_id));
  literal = PQescapeLiteral (conn, password, strlen (password));
  g_string_printf (sql,
                   "DO $$ BEGIN CREATE ROLE %s LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
                   "ALTER ROLE %s LOGIN PASSWORD %s",
                   role, role, literal);
  PQfreemem (role);
  PQfreemem (literal);
  PQfinish (conn);

  /* The statement holds the password: errors say which role, not it. */
  if (!(ok = trib_test_pg_exec (query_service.admin_conninfo, NULL, sql->str, NULL)))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not set the password of %s", org_id);

  return ok;
}

static void
connection_parameters_cb (SimRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  const char *org_id = request->client->org->id;
  const char *password;

  if (query_service.admin_conninfo == NULL)
    {
      sim_request_reply_problem (request, 503, "QSG-1503-503", "Query Service unavailable",
                                 "The simulator was started without PostgreSQL; start it with --postgres or "
                                 "TRIBUTARY_SIM_POSTGRES=start.");
      return;
    }

  if (!trib_test_pg_ensure_sandbox (query_service.admin_conninfo, request->sandbox, &error))
    {
      sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
      return;
    }

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

  database = g_strdup_printf ("%s:all", request->sandbox);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, "1");
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, org_id);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, database);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, "127.0.0.1");
  json_builder_set_member_name (builder, "port");
  json_builder_add_int_value (builder, query_service.port);
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

/* New connections need the new passwords; open ones go on. */
static void
rotate_cb (SimRequest *request)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer org_id;
  gpointer password;

  g_hash_table_iter_init (&iter, query_service.passwords);
  while (g_hash_table_iter_next (&iter, &org_id, &password))
    {
      g_autofree char *rotated = new_password ();

      if (!set_role_password (org_id, rotated, &error))
        {
          sim_request_reply_problem (request, 500, "SIM-0002-500", "Rotation failed", "%s", error->message);
          return;
        }
      g_hash_table_iter_replace (&iter, g_steal_pointer (&rotated));
    }

  sim_request_reply_strings (request, 200, "rotated", "all", NULL);
}

static guint
ask_port (const char  *admin_conninfo,
          GError     **error)
{
  PGconn *conn;
  PGresult *result;
  guint port = 0;

  if (!(conn = trib_test_pg_connect (admin_conninfo, NULL, error)))
    return 0;

  /* The administrator comes in over the socket; clients over TCP. */
  result = PQexec (conn, "SELECT setting FROM pg_settings WHERE name = 'port'");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    port = (guint) g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (result));

  PQclear (result);
  PQfinish (conn);

  return port;
}

/**
 * sim_query_service_register:
 * @admin_conninfo: (nullable): the superuser's way into a PostgreSQL
 *   with the demo template loaded, or %NULL to answer 503
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
      if (!(query_service.port = ask_port (admin_conninfo, error)))
        return FALSE;
      query_service.admin_conninfo = g_strdup (admin_conninfo);
    }

  sim_server_add_route (server, "GET", "/data/foundation/query/connection_parameters", SIM_ROUTE_DEFAULT,
                        connection_parameters_cb);
  sim_server_add_route (server, "POST", "/__sim/query/rotate", SIM_ROUTE_DEFAULT, rotate_cb);

  return TRUE;
}
