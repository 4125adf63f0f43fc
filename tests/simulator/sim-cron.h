/* sim-cron.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SimCron SimCron;

SimCron  *sim_cron_parse   (const char     *text,
                            GError        **error);
void      sim_cron_free    (SimCron        *cron);
gboolean  sim_cron_is_once (const SimCron  *cron);
gint64    sim_cron_next    (const SimCron  *cron,
                            gint64          after_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimCron, sim_cron_free)

G_END_DECLS
