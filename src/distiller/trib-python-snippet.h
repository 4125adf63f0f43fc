/* trib-python-snippet.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-sql-endpoint.h"

G_BEGIN_DECLS

#define TRIB_PYTHON_TOKEN_PLACEHOLDER "<ACCESS_TOKEN>"

char *trib_python_snippet_psycopg2 (const TribSqlEndpoint *endpoint);
char *trib_python_snippet_aepp     (const char            *sandbox,
                                    const char            *table_name);

G_END_DECLS
