/* sim-pg-front-tables.c
 *
 * What the PostgreSQL front asks the server as the superuser, over its
 * Unix socket: which database a `{sandbox}:{table}` name opens, the
 * tables of the generated datasets, and the JSON columns the rewriter
 * turns dot paths into.
 *
 * The generated datasets (sim-catalog.c) have no rows until someone
 * asks for them: their tables are made in `{sandbox}:all` on first use,
 * from rows of the demo table of the same schema chosen by their index,
 * so the simulator starts as fast with 50,000 of them as with none.
 *
 * The front's connections each run in a thread of their own; one mutex
 * serializes these calls, which are short.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-pg-front"

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "sim-pg-front.h"
#include "sim-services.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

struct _SimPgAdmin
{
  GMutex lock;
  char *conninfo;         /* the superuser's, for any database */
  GHashTable *conns;      /* database → PGconn */
  GHashTable *made;       /* "database\ntable" of tables made */
  GHashTable *json_types; /* "database\ncolumn\npath" → jsonb_typeof */
  GHashTable *json_keys;  /* "database\ncolumn\npath" → GStrv, the keys of the objects there */
};

static void
ignore_notice (void       *data,
               const char *message)
{
}

SimPgAdmin *
sim_pg_admin_new (const char *admin_conninfo)
{
  SimPgAdmin *admin = g_new0 (SimPgAdmin, 1);

  g_mutex_init (&admin->lock);
  admin->conninfo = g_strdup (admin_conninfo);
  admin->conns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) PQfinish);
  admin->made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  admin->json_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  admin->json_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  return admin;
}

void
sim_pg_admin_free (SimPgAdmin *admin)
{
  g_hash_table_unref (admin->conns);
  g_hash_table_unref (admin->made);
  g_hash_table_unref (admin->json_types);
  g_hash_table_unref (admin->json_keys);
  g_free (admin->conninfo);
  g_mutex_clear (&admin->lock);
  g_free (admin);
}

/* The superuser's connection to @database, opened again if it broke.
 * Called with the lock held.
 */
static PGconn *
get_conn (SimPgAdmin *admin,
          const char *database)
{
  const char * const keywords[] = { "dbname", "dbname", NULL };
  const char * const values[] = { admin->conninfo, database, NULL };
  PGconn *conn = g_hash_table_lookup (admin->conns, database);

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    return conn;

  /* The first dbname is expanded as a connection string, the second
   * overrides the database it names.
   */
  conn = PQconnectdbParams (keywords, values, TRUE);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_debug ("Cannot open %s as the superuser: %s", database, PQerrorMessage (conn));
      PQfinish (conn);
      g_hash_table_remove (admin->conns, database);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  g_hash_table_replace (admin->conns, g_strdup (database), conn);

  return conn;
}

/* Runs @sql on @database, once more on a new connection if the last
 * one broke (a test may terminate backends).
 */
static PGresult *
exec_params (SimPgAdmin         *admin,
             const char         *database,
             const char         *sql,
             int                 n_params,
             const char * const *params)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      PGconn *conn = get_conn (admin, database);
      PGresult *result;

      if (conn == NULL)
        return NULL;

      result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (result) == PGRES_TUPLES_OK || PQresultStatus (result) == PGRES_COMMAND_OK)
        return result;

      g_debug ("%s: %s", database, PQresultErrorMessage (result));
      PQclear (result);
      if (PQstatus (conn) == CONNECTION_OK)
        return NULL;
    }

  return NULL;
}

static gboolean
database_exists (SimPgAdmin *admin,
                 const char *database)
{
  g_autoptr(PGresult) result = exec_params (admin, "postgres", "SELECT 1 FROM pg_database WHERE datname = $1",
                                            1, &database);

  return result != NULL && PQntuples (result) > 0;
}

static gboolean
table_exists (SimPgAdmin *admin,
              const char *database,
              const char *table)
{
  g_autoptr(PGresult) result = exec_params (admin, database,
                                            "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                            "WHERE n.nspname = 'public' AND c.relname = $1 AND c.relkind IN ('r', 'v')",
                                            1, &table);

  return result != NULL && PQntuples (result) > 0;
}

static gboolean
ensure_table_locked (SimPgAdmin  *admin,
                     const char  *database,
                     const char  *table,
                     GError     **error)
{
  g_autofree char *key = g_strconcat (database, "\n", table, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *source;
  const char *order;
  PGconn *conn;
  char *quoted;
  guint index = 0;

  if (g_hash_table_contains (admin->made, key))
    return TRUE;
  if ((source = sim_catalog_generated_source (table, &index)) == NULL)
    return TRUE;
  if ((conn = get_conn (admin, database)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot open %s", database);
      return FALSE;
    }

  /* Some twenty to a hundred rows, the same for the same index. */
  order = g_str_equal (source, "luma_web_events") ? "_id" :
          g_str_equal (source, "luma_orders") ? "order_id" : "person_id";
  quoted = PQescapeIdentifier (conn, table, strlen (table));
  sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS %s AS SELECT * FROM %s ORDER BY %s OFFSET %u LIMIT %u",
                         quoted, source, order, (index * 7919u) % 15000u, 20u + index % 80u);
  PQfreemem (quoted);

  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot make %s in %s: %s", table, database,
                   PQresultErrorMessage (result));
      return FALSE;
    }
  g_hash_table_add (admin->made, g_steal_pointer (&key));

  return TRUE;
}

/**
 * sim_pg_admin_ensure_table:
 * @database: such as `prod:all`
 * @table: any table name
 *
 * Makes @table in @database if it is a generated dataset's and does not
 * exist yet; does nothing for other names.
 */
gboolean
sim_pg_admin_ensure_table (SimPgAdmin  *admin,
                           const char  *database,
                           const char  *table,
                           GError     **error)
{
  gboolean ok;

  if (sim_catalog_generated_source (table, NULL) == NULL)
    return TRUE;

  g_mutex_lock (&admin->lock);
  ok = ensure_table_locked (admin, database, table, error);
  g_mutex_unlock (&admin->lock);

  return ok;
}

/**
 * sim_pg_admin_route:
 * @database: the database a client asks for
 *
 * Data Distiller takes `{sandbox}:{table}` for every dataset of the
 * sandbox. The demo's server has such a database for the three Luma
 * tables only; the others (generated datasets, CTAS outputs) live in
 * `{sandbox}:all`, which is opened instead.
 *
 * Returns: the database to open on the server: @database itself when
 *   it exists or when no dataset has that table (the server then says
 *   it does not exist)
 */
char *
sim_pg_admin_route (SimPgAdmin *admin,
                    const char *database)
{
  const char *colon = strchr (database, ':');
  g_autofree char *all = NULL;
  char *routed = NULL;

  if (colon == NULL || colon[1] == '\0')
    return g_strdup (database);

  all = g_strdup_printf ("%.*s:all", (int) (colon - database), database);

  g_mutex_lock (&admin->lock);
  if (!database_exists (admin, database) && database_exists (admin, all))
    {
      g_autoptr(GError) error = NULL;
      const char *table = colon + 1;

      if (sim_catalog_generated_source (table, NULL) != NULL)
        {
          if (ensure_table_locked (admin, all, table, &error))
            routed = g_strdup (all);
          else
            g_debug ("%s", error->message);
        }
      else if (table_exists (admin, all, table))
        {
          routed = g_strdup (all);
        }
    }
  g_mutex_unlock (&admin->lock);

  return routed != NULL ? routed : g_strdup (database);
}

/**
 * sim_pg_admin_tables:
 *
 * Returns: (transfer full): the names of @database's tables and views
 */
GHashTable *
sim_pg_admin_tables (SimPgAdmin *admin,
                     const char *database)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) result = NULL;

  g_mutex_lock (&admin->lock);
  result = exec_params (admin, database,
                        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm')",
                        0, NULL);
  g_mutex_unlock (&admin->lock);

  for (int i = 0; result != NULL && i < PQntuples (result); i++)
    g_hash_table_add (tables, g_strdup (PQgetvalue (result, i, 0)));

  return tables;
}

/**
 * sim_pg_admin_json_columns:
 *
 * Returns: (transfer full): the names of @database's JSON columns, in
 *   any of its tables: the nested objects of the XDM datasets
 */
GHashTable *
sim_pg_admin_json_columns (SimPgAdmin *admin,
                           const char *database)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) result = NULL;

  g_mutex_lock (&admin->lock);
  result = exec_params (admin, database,
                        "SELECT DISTINCT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                        "AND a.atttypid = 'jsonb'::regtype AND a.attnum > 0 AND NOT a.attisdropped",
                        0, NULL);
  g_mutex_unlock (&admin->lock);

  for (int i = 0; result != NULL && i < PQntuples (result); i++)
    g_hash_table_add (columns, g_strdup (PQgetvalue (result, i, 0)));

  return columns;
}

/**
 * sim_pg_path_array:
 * @keys: (element-type utf8): keys into a JSON value
 *
 * Returns: a text[] literal of @keys, `{"webPageDetails","name"}`
 */
char *
sim_pg_path_array (GPtrArray *keys,
                   guint      n)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; i < n && i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (i > 0)
        g_string_append_c (array, ',');
      g_string_append_c (array, '"');
      for (const char *p = key; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (array, '\\');
          g_string_append_c (array, *p);
        }
      g_string_append_c (array, '"');
    }
  g_string_append_c (array, '}');

  return g_string_free (array, FALSE);
}

/* The tables of @database with the JSON column @column, quoted. Called
 * with the lock held.
 */
static PGresult *
tables_with_column (SimPgAdmin *admin,
                    const char *database,
                    const char *column)
{
  return exec_params (admin, database,
                      "SELECT quote_ident(c.relname) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                      "AND c.relkind = 'r' AND a.attname = $1 AND a.atttypid = 'jsonb'::regtype "
                      "ORDER BY c.relname LIMIT 20",
                      1, &column);
}

/* The keys of the objects at @path in @column, from a sample of each
 * table's rows. Called with the lock held.
 */
static const char * const *
keys_at (SimPgAdmin *admin,
         const char *database,
         const char *column,
         PGresult   *tables,
         const char *path)
{
  g_autofree char *cache_key = g_strjoin ("\n", database, column, path, NULL);
  g_autoptr(GHashTable) found = NULL;
  GStrv keys;
  PGconn *conn;

  if ((keys = g_hash_table_lookup (admin->json_keys, cache_key)) != NULL)
    return (const char * const *) keys;
  if ((conn = get_conn (admin, database)) == NULL)
    return NULL;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; tables != NULL && i < PQntuples (tables); i++)
    {
      g_autoptr(PGresult) result = NULL;
      g_autofree char *sql = NULL;
      char *quoted = PQescapeIdentifier (conn, column, strlen (column));

      sql = g_strdup_printf ("SELECT DISTINCT k FROM (SELECT jsonb_object_keys(%s #> $1::text[]) AS k FROM %s "
                             "WHERE jsonb_typeof(%s #> $1::text[]) = 'object' LIMIT 2000) AS s",
                             quoted, PQgetvalue (tables, i, 0), quoted);
      PQfreemem (quoted);
      result = exec_params (admin, database, sql, 1, &path);
      for (int j = 0; result != NULL && j < PQntuples (result); j++)
        g_hash_table_add (found, g_strdup (PQgetvalue (result, j, 0)));
    }

  keys = (GStrv) g_hash_table_get_keys_as_array (found, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    keys[i] = g_strdup (keys[i]);
  g_hash_table_insert (admin->json_keys, g_steal_pointer (&cache_key), keys);

  return (const char * const *) keys;
}

/**
 * sim_pg_admin_resolve_keys:
 * @column: a JSON column's name
 * @keys: (element-type utf8): keys below it, replaced in place
 *
 * Spark finds a struct's fields whatever their case
 * (`spark.sql.caseSensitive` is false, as the seed's
 * `web.webReferrer.url` for XDM's `URL` shows); JSON keys are
 * case-sensitive. A key the data does not have is replaced by the one
 * it has that differs only in case. A map's keys are data, matched
 * exactly by Spark too: `identityMap`'s namespaces.
 */
void
sim_pg_admin_resolve_keys (SimPgAdmin *admin,
                           const char *database,
                           const char *column,
                           GPtrArray  *keys)
{
  g_autoptr(PGresult) tables = NULL;

  g_mutex_lock (&admin->lock);
  tables = tables_with_column (admin, database, column);
  for (guint i = g_str_equal (column, "identitymap") ? 1 : 0; i < keys->len; i++)
    {
      g_autofree char *prefix = sim_pg_path_array (keys, i);
      const char * const *known = keys_at (admin, database, column, tables, prefix);
      const char *key = g_ptr_array_index (keys, i);

      if (known == NULL || g_strv_contains (known, key))
        continue;
      for (guint k = 0; known[k] != NULL; k++)
        if (g_ascii_strcasecmp (known[k], key) == 0)
          {
            g_free (g_ptr_array_index (keys, i));
            g_ptr_array_index (keys, i) = g_strdup (known[k]);
            break;
          }
    }
  g_mutex_unlock (&admin->lock);
}

/**
 * sim_pg_admin_json_type:
 * @column: a JSON column's name
 * @path: the keys below it, as a text[] literal: `{"webPageDetails","name"}`
 *
 * What the datasets hold at @path in @column: the XDM type of a field,
 * as the data shows it, since a JSON column has none.
 *
 * Returns: (nullable): `string`, `number`, `boolean`, `object` or
 *   `array`; %NULL when no row has a value there
 */
char *
sim_pg_admin_json_type (SimPgAdmin *admin,
                        const char *database,
                        const char *column,
                        const char *path)
{
  g_autofree char *key = g_strjoin ("\n", database, column, path, NULL);
  g_autoptr(PGresult) tables = NULL;
  char *type = NULL;

  g_mutex_lock (&admin->lock);
  if ((type = g_strdup (g_hash_table_lookup (admin->json_types, key))) != NULL)
    goto out;

  tables = tables_with_column (admin, database, column);
  for (int i = 0; tables != NULL && i < PQntuples (tables) && type == NULL; i++)
    {
      g_autoptr(PGresult) found = NULL;
      g_autofree char *sql = NULL;
      PGconn *conn = get_conn (admin, database);
      char *quoted;

      if (conn == NULL)
        break;
      quoted = PQescapeIdentifier (conn, column, strlen (column));
      sql = g_strdup_printf ("SELECT jsonb_typeof(%s #> $1::text[]) FROM %s WHERE %s #> $1::text[] IS NOT NULL "
                             "AND jsonb_typeof(%s #> $1::text[]) <> 'null' LIMIT 1",
                             quoted, PQgetvalue (tables, i, 0), quoted, quoted);
      PQfreemem (quoted);
      found = exec_params (admin, database, sql, 1, &path);
      if (found != NULL && PQntuples (found) > 0)
        type = g_strdup (PQgetvalue (found, 0, 0));
    }
  if (type != NULL)
    g_hash_table_insert (admin->json_types, g_strdup (key), g_strdup (type));

out:
  g_mutex_unlock (&admin->lock);

  return type;
}
