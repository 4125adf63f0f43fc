/* trib-sql-completion.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "trib-sql-names.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SQL_COMPLETION (trib_sql_completion_get_type ())

G_DECLARE_FINAL_TYPE (TribSqlCompletion, trib_sql_completion, TRIB, SQL_COMPLETION, GObject)

TribSqlCompletion *trib_sql_completion_new       (void);
TribSqlNames      *trib_sql_completion_get_names (TribSqlCompletion *self);
void               trib_sql_completion_set_names (TribSqlCompletion *self,
                                                  TribSqlNames      *names);

G_END_DECLS
