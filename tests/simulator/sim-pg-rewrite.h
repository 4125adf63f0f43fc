/* sim-pg-rewrite.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sim-pg-front.h"

G_BEGIN_DECLS

/* sim-pg-lexer.c */
typedef enum
{
  SIM_PG_TOKEN_SPACE,
  SIM_PG_TOKEN_COMMENT,
  SIM_PG_TOKEN_WORD,
  SIM_PG_TOKEN_QUOTED,    /* "identifier" */
  SIM_PG_TOKEN_STRING,    /* 'text', E'text' */
  SIM_PG_TOKEN_DOLLAR,    /* $tag$text$tag$ */
  SIM_PG_TOKEN_NUMBER,
  SIM_PG_TOKEN_VARIABLE,  /* @name */
  SIM_PG_TOKEN_PUNCT,
} SimPgTokenKind;

typedef struct
{
  SimPgTokenKind kind;
  const char *start;
  gsize len;
} SimPgToken;

GArray *sim_pg_tokenize (const char *sql,
                         gsize       len);

/* sim-pg-rewrite.c */
char *sim_pg_rewrite                 (SimPgAdmin  *admin,
                                      const char  *database,
                                      const char  *scope,
                                      const char  *sql,
                                      char       **sqlstate,
                                      char       **message);
char *sim_pg_rewrite_error_statement (const char  *sqlstate,
                                      const char  *message,
                                      guint        n_parameters);
guint sim_pg_rewrite_count_parameters (const char *sql);

G_END_DECLS
