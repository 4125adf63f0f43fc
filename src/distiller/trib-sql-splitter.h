/* trib-sql-splitter.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_SQL_SPLITTER_ERROR (trib_sql_splitter_error_quark ())

/**
 * TribSqlSplitterError:
 * @TRIB_SQL_SPLITTER_ERROR_UNTERMINATED: a string, quoted identifier,
 *   block comment or dollar-quoted body runs to the end of the script
 *
 * Why a script could not be split into statements.
 */
typedef enum
{
  TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
} TribSqlSplitterError;

/**
 * TribSqlStatement:
 * @start: byte offset of the statement's first significant byte
 * @end: byte offset just past its last byte, before its `;`
 * @line: line of @start, from 1
 * @column: column of @start, in characters, from 1
 * @text: the statement, trimmed, without its `;`
 *
 * One statement of a script.
 */
typedef struct
{
  gsize  start;
  gsize  end;
  guint  line;
  guint  column;
  char  *text;
} TribSqlStatement;

#define TRIB_TYPE_SQL_STATEMENT (trib_sql_statement_get_type ())

GQuark            trib_sql_splitter_error_quark (void);
GType             trib_sql_statement_get_type   (void) G_GNUC_CONST;
TribSqlStatement *trib_sql_statement_copy       (const TribSqlStatement *self);
void              trib_sql_statement_free       (TribSqlStatement       *self);
GPtrArray        *trib_sql_split                (const char             *script,
                                                 gssize                  len,
                                                 gsize                  *error_offset,
                                                 GError                **error);
TribSqlStatement *trib_sql_statement_at         (const char             *script,
                                                 gssize                  len,
                                                 gsize                   cursor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribSqlStatement, trib_sql_statement_free)

G_END_DECLS
