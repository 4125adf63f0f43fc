/* test-python-snippet.c
 *
 * The "Copy Connection for Python" snippets: valid Python, the same
 * connection, and never the token.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "trib-python-snippet.h"

#define SECRET "dd-5e3f-not-to-be-copied"

/* Python itself says whether the snippet parses. */
static void
assert_valid_python (const char *code)
{
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "python3", "-c", "import ast, sys; ast.parse(sys.stdin.read())", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, code, NULL, NULL, &errors, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("Not valid Python (%s):\n%s", errors, code);
}

static void
test_psycopg2 (void)
{
  g_autoptr(TribSqlEndpoint) endpoint = trib_sql_endpoint_new ("acme.platform-query.adobe.io", 80,
                                                               "B2C2D9A35F3E4C1A0A495C2B@AdobeOrg",
                                                               "prod:luma_web_events", SECRET);
  g_autofree char *code = trib_python_snippet_psycopg2 (endpoint);

  assert_valid_python (code);
  g_assert_nonnull (strstr (code, "import psycopg2\n"));
  g_assert_nonnull (strstr (code, "host='acme.platform-query.adobe.io'"));
  g_assert_nonnull (strstr (code, "port=80,"));
  g_assert_nonnull (strstr (code, "dbname='prod:luma_web_events'"));
  g_assert_nonnull (strstr (code, "user='B2C2D9A35F3E4C1A0A495C2B@AdobeOrg'"));
  g_assert_nonnull (strstr (code, "password='" TRIB_PYTHON_TOKEN_PLACEHOLDER "'"));
  g_assert_nonnull (strstr (code, "sslmode='require'"));
  g_assert_null (strstr (code, SECRET));
}

static void
test_psycopg2_quoting (void)
{
  g_autoptr(TribSqlEndpoint) endpoint = trib_sql_endpoint_new ("host", 5432, "o'brien\\", "it's:all", SECRET);
  g_autofree char *code = trib_python_snippet_psycopg2 (endpoint);

  /* Quotes and backslashes in values do not break out of the strings. */
  assert_valid_python (code);
  g_assert_nonnull (strstr (code, "user='o\\'brien\\\\'"));
  g_assert_nonnull (strstr (code, "dbname='it\\'s:all'"));
}

static void
test_aepp (void)
{
  g_autofree char *sandbox = trib_python_snippet_aepp ("prod", NULL);
  g_autofree char *dataset = trib_python_snippet_aepp ("dev", "luma_web_events");

  assert_valid_python (sandbox);
  assert_valid_python (dataset);

  /* aepp reads the credentials itself; only the sandbox is named. */
  g_assert_nonnull (strstr (sandbox, "aepp.importConfigFile('config.ini', sandbox='prod')"));
  g_assert_nonnull (strstr (sandbox, "queryservice.QueryService().connection()"));
  g_assert_null (strstr (sandbox, "dbname"));
  g_assert_nonnull (strstr (dataset, "sandbox='dev'"));
  g_assert_nonnull (strstr (dataset, "dd_conn['dbname'] = 'dev:luma_web_events'"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/python-snippet/psycopg2", test_psycopg2);
  g_test_add_func ("/tributary/python-snippet/psycopg2-quoting", test_psycopg2_quoting);
  g_test_add_func ("/tributary/python-snippet/aepp", test_aepp);

  return g_test_run ();
}
