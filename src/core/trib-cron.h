/* trib-cron.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TribCron TribCron;

TribCron  *trib_cron_parse   (const char     *text,
                            GError        **error);
void      trib_cron_free    (TribCron        *cron);
gboolean  trib_cron_is_once (const TribCron  *cron);
gint64    trib_cron_next    (const TribCron  *cron,
                            gint64          after_ms);
gint64    trib_cron_next_in (const TribCron  *cron,
                            gint64          after_ms,
                            GTimeZone      *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribCron, trib_cron_free)

G_END_DECLS
