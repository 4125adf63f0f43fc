/* trib-sql-context.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TribSqlPlace:
 * @TRIB_SQL_PLACE_NONE: inside a string or a comment: nothing to complete
 * @TRIB_SQL_PLACE_TABLE: where a table name goes (after `FROM`, `JOIN`,
 *   `INTO`, `UPDATE`, `TABLE`, or a comma of a `FROM` list)
 * @TRIB_SQL_PLACE_EXPRESSION: anywhere else: keywords, functions, columns
 *
 * What the word at the cursor may be.
 */
typedef enum
{
  TRIB_SQL_PLACE_NONE,
  TRIB_SQL_PLACE_TABLE,
  TRIB_SQL_PLACE_EXPRESSION,
} TribSqlPlace;

/**
 * TribSqlTableRef:
 * @name: a table the statement reads, as written (quotes removed)
 * @alias: (nullable): the name it is given there
 *
 * One table of a statement's `FROM` and `JOIN` clauses.
 */
typedef struct
{
  char *name;
  char *alias;
} TribSqlTableRef;

/**
 * TribSqlContext:
 * @place: what the word at the cursor may be
 * @prefix: the part of the word before the cursor, maybe empty
 * @prefix_start: byte offset in the script where @prefix starts
 * @path: (nullable): the dotted names before @prefix, without the last
 *   dot (`e.web.webPageDetails` for `e.web.webPageDetails.na`); %NULL
 *   when @prefix follows no dot
 * @tables: (element-type TribSqlTableRef): the tables of the statement
 *   around the cursor, in order
 *
 * What is before the cursor in a script, for completion.
 */
typedef struct
{
  TribSqlPlace place;
  char *prefix;
  gsize prefix_start;
  char *path;
  GPtrArray *tables;
} TribSqlContext;

TribSqlContext        *trib_sql_context_scan          (const char           *script,
                                                       gssize                len,
                                                       gsize                 cursor);
void                   trib_sql_context_free          (TribSqlContext       *self);
const TribSqlTableRef *trib_sql_context_resolve       (const TribSqlContext *self,
                                                       const char          **field_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribSqlContext, trib_sql_context_free)

G_END_DECLS
