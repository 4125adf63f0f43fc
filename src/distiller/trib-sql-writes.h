/* trib-sql-writes.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-sql-splitter.h"

G_BEGIN_DECLS

const char *trib_sql_write_verb   (const char *statement,
                                   gssize      len);
GPtrArray  *trib_sql_find_writes  (const char *script,
                                   gssize      len);

G_END_DECLS
