/* trib-test-pg-demo.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const char trib_test_pg_demo_sql[];
extern const char * const trib_test_pg_demo_tables[3];

G_END_DECLS
