/* trib-python-snippet.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-python-snippet"

#include "config.h"

#include "trib-python-snippet.h"

/* The hand-off to a notebook: the same connection as Tributary's, in the
 * two ways seed 000 shows, with the token left out. A Python string
 * literal needs its quotes and backslashes escaped.
 */
static void
append_python_string (GString    *str,
                      const char *value)
{
  g_string_append_c (str, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '\'');
}

/**
 * trib_python_snippet_psycopg2:
 * @endpoint: where Tributary connects; its password is left out
 *
 * Returns: (transfer full): Python that opens the same connection with
 *   psycopg2, the token to be pasted in place of a placeholder
 */
char *
trib_python_snippet_psycopg2 (const TribSqlEndpoint *endpoint)
{
  GString *str = g_string_new ("import psycopg2\n\n");

  g_return_val_if_fail (endpoint != NULL, NULL);

  g_string_append (str, "conn = psycopg2.connect(\n    host=");
  append_python_string (str, endpoint->host);
  g_string_append_printf (str, ",\n    port=%u,\n    dbname=", endpoint->port);
  append_python_string (str, endpoint->database);
  g_string_append (str, ",\n    user=");
  append_python_string (str, endpoint->user);
  g_string_append (str, ",\n    password=");
  append_python_string (str, TRIB_PYTHON_TOKEN_PLACEHOLDER);
  g_string_append (str, ",\n    sslmode='require',\n)\n");

  return g_string_free (str, FALSE);
}

/**
 * trib_python_snippet_aepp:
 * @sandbox: the sandbox
 * @table_name: (nullable): a dataset's table, to connect to it alone
 *
 * Returns: (transfer full): Python that connects with aepp, which reads
 *   the credentials from its own config.ini
 */
char *
trib_python_snippet_aepp (const char *sandbox,
                          const char *table_name)
{
  GString *str = g_string_new ("import aepp\nfrom aepp import queryservice\n\n");

  g_return_val_if_fail (sandbox != NULL, NULL);

  g_string_append (str, "aepp.importConfigFile('config.ini', sandbox=");
  append_python_string (str, sandbox);
  g_string_append (str, ")\ndd_conn = queryservice.QueryService().connection()\n");
  if (table_name != NULL && table_name[0] != '\0')
    {
      g_autofree char *database = g_strdup_printf ("%s:%s", sandbox, table_name);

      g_string_append (str, "dd_conn['dbname'] = ");
      append_python_string (str, database);
      g_string_append_c (str, '\n');
    }
  g_string_append (str, "dd_cursor = queryservice.InteractiveQuery2(dd_conn)\n");

  return g_string_free (str, FALSE);
}
