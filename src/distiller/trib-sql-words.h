/* trib-sql-words.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribSqlFunctionOrigin:
 * @TRIB_SQL_FUNCTION_ADOBE: one of Data Distiller's Adobe-defined
 *   functions (sessions, attribution, previous and next values)
 * @TRIB_SQL_FUNCTION_SPARK: one of Spark SQL's, which Data Distiller runs
 * @TRIB_SQL_FUNCTION_ANSI: standard SQL
 *
 * Where a function comes from, as Data Distiller's documentation files it.
 */
typedef enum
{
  TRIB_SQL_FUNCTION_ADOBE,
  TRIB_SQL_FUNCTION_SPARK,
  TRIB_SQL_FUNCTION_ANSI,
} TribSqlFunctionOrigin;

/**
 * TribSqlFunction:
 * @name: the function's name, as written in SQL
 * @signature: its arguments, in parentheses
 * @description: one line, untranslated: pass it through
 *   trib_sql_function_get_description()
 * @origin: where it comes from
 *
 * A function Data Distiller knows.
 */
typedef struct
{
  const char *name;
  const char *signature;
  const char *description;
  TribSqlFunctionOrigin origin;
} TribSqlFunction;

const TribSqlFunction *trib_sql_functions               (guint                 *n_functions);
const char            *trib_sql_function_get_description (const TribSqlFunction *function);
const char * const    *trib_sql_keywords                (void);
gboolean               trib_sql_is_keyword              (const char            *word,
                                                         gssize                 len);

G_END_DECLS
