/* sim-clock.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

/* Called after the clock moved: on each tick while it runs, and at once
 * after an advance, so what is due by @now_ms happens before the
 * admin call answers.
 */
typedef void (*SimClockFunc) (gint64   now_ms,
                              gpointer user_data);

void   sim_clock_init          (gint64        start_ms,
                                double        speed);
gint64 sim_clock_now_ms        (void);
gint64 sim_clock_start_ms      (void);
double sim_clock_get_speed     (void);
void   sim_clock_set_speed     (double        speed);
void   sim_clock_advance       (gint64        ms);
void   sim_clock_add_listener  (SimClockFunc  func,
                                gpointer      user_data);
void   sim_clock_register      (SimServer    *server);

G_END_DECLS
