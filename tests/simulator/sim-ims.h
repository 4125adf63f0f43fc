/* sim-ims.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-world.h"

G_BEGIN_DECLS

typedef struct _SimTokenTable SimTokenTable;

typedef enum
{
  SIM_TOKEN_VALID,
  SIM_TOKEN_UNKNOWN,    /* never issued, or revoked */
  SIM_TOKEN_EXPIRED,
} SimTokenState;

SimTokenTable *sim_token_table_new          (guint           lifetime_seconds);
void           sim_token_table_free         (SimTokenTable  *self);
char          *sim_token_table_issue        (SimTokenTable  *self,
                                             SimClient      *client);
SimTokenState  sim_token_table_check        (SimTokenTable  *self,
                                             const char     *token,
                                             SimClient     **client);
guint          sim_token_table_revoke_all   (SimTokenTable  *self);
guint          sim_token_table_get_lifetime (SimTokenTable  *self);
void           sim_token_table_set_lifetime (SimTokenTable  *self,
                                             guint           seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimTokenTable, sim_token_table_free)

G_END_DECLS
