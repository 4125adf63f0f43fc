/* sim-clock.h
 *
 * The simulator's clock, for everything that runs on a schedule (Query
 * Service schedules, flow runs): real time plus an offset that tests
 * move forward with POST /__sim/clock/advance.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

/**
 * SimClockTickFunc:
 * @now_ms: the clock's time, epoch milliseconds
 * @user_data: the data given to sim_clock_add_listener()
 *
 * Called after the clock moves: on every advance, and every few seconds
 * of real time, so schedules fire in the demo too.
 */
typedef void (*SimClockTickFunc) (gint64   now_ms,
                                  gpointer user_data);

void   sim_clock_register     (SimServer        *server);
gint64 sim_clock_now_ms       (void);
void   sim_clock_advance      (gint64            ms);
void   sim_clock_add_listener (SimClockTickFunc  func,
                               gpointer          user_data);
char  *sim_clock_format_iso   (gint64            ms);

G_END_DECLS
