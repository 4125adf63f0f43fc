/* trib-sql-proposal.c
 *
 * One completion proposal of the query editor: a word, what it is, and
 * a few words about it (a function's arguments and what it does, a
 * field's type and title, a table's dataset).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-proposal"

#include "config.h"

#include "trib-sql-proposal.h"

struct _TribSqlProposal
{
  GObject parent_instance;

  TribSqlProposalKind kind;
  char *text;
  char *detail;
  char *comment;
};

static char *
trib_sql_proposal_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (TRIB_SQL_PROPOSAL (proposal)->text);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = trib_sql_proposal_get_typed_text;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TribSqlProposal, trib_sql_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL, proposal_iface_init))

static void
trib_sql_proposal_finalize (GObject *object)
{
  TribSqlProposal *self = (TribSqlProposal *)object;

  g_free (self->text);
  g_free (self->detail);
  g_free (self->comment);

  G_OBJECT_CLASS (trib_sql_proposal_parent_class)->finalize (object);
}

static void
trib_sql_proposal_class_init (TribSqlProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_sql_proposal_finalize;
}

static void
trib_sql_proposal_init (TribSqlProposal *self)
{
}

/**
 * trib_sql_proposal_new:
 * @kind: what the proposal is
 * @text: the text it completes to
 * @detail: (nullable): shown after it: a function's arguments, a type
 * @comment: (nullable): a line about it
 *
 * Returns: (transfer full): a proposal
 */
TribSqlProposal *
trib_sql_proposal_new (TribSqlProposalKind  kind,
                       const char          *text,
                       const char          *detail,
                       const char          *comment)
{
  TribSqlProposal *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (TRIB_TYPE_SQL_PROPOSAL, NULL);
  self->kind = kind;
  self->text = g_strdup (text);
  self->detail = g_strdup (detail);
  self->comment = g_strdup (comment);

  return self;
}

TribSqlProposalKind
trib_sql_proposal_get_kind (TribSqlProposal *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_PROPOSAL (self), TRIB_SQL_PROPOSAL_KEYWORD);

  return self->kind;
}

const char *
trib_sql_proposal_get_text (TribSqlProposal *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_PROPOSAL (self), NULL);

  return self->text;
}

const char *
trib_sql_proposal_get_detail (TribSqlProposal *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_PROPOSAL (self), NULL);

  return self->detail;
}

const char *
trib_sql_proposal_get_comment (TribSqlProposal *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_PROPOSAL (self), NULL);

  return self->comment;
}
