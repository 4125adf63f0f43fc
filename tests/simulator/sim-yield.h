/* sim-yield.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

void sim_yield_cpu           (void);
void sim_yield_session_group (pid_t pid);

G_END_DECLS
