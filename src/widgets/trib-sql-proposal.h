/* trib-sql-proposal.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

/**
 * TribSqlProposalKind:
 * @TRIB_SQL_PROPOSAL_KEYWORD: a keyword
 * @TRIB_SQL_PROPOSAL_FUNCTION: a function, completed with its parentheses
 * @TRIB_SQL_PROPOSAL_TABLE: a table of the sandbox
 * @TRIB_SQL_PROPOSAL_FIELD: a column, or a field of an XDM object
 *
 * What a completion proposal is.
 */
typedef enum
{
  TRIB_SQL_PROPOSAL_KEYWORD,
  TRIB_SQL_PROPOSAL_FUNCTION,
  TRIB_SQL_PROPOSAL_TABLE,
  TRIB_SQL_PROPOSAL_FIELD,
} TribSqlProposalKind;

#define TRIB_TYPE_SQL_PROPOSAL (trib_sql_proposal_get_type ())

G_DECLARE_FINAL_TYPE (TribSqlProposal, trib_sql_proposal, TRIB, SQL_PROPOSAL, GObject)

TribSqlProposal     *trib_sql_proposal_new         (TribSqlProposalKind  kind,
                                                    const char          *text,
                                                    const char          *detail,
                                                    const char          *comment);
TribSqlProposalKind  trib_sql_proposal_get_kind    (TribSqlProposal     *self);
const char          *trib_sql_proposal_get_text    (TribSqlProposal     *self);
const char          *trib_sql_proposal_get_detail  (TribSqlProposal     *self);
const char          *trib_sql_proposal_get_comment (TribSqlProposal     *self);

G_END_DECLS
