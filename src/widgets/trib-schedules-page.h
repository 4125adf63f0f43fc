/* trib-schedules-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEDULES_PAGE (trib_schedules_page_get_type ())

G_DECLARE_FINAL_TYPE (TribSchedulesPage, trib_schedules_page, TRIB, SCHEDULES_PAGE, TribSessionPage)

void trib_schedules_page_reload        (TribSchedulesPage *self);
void trib_schedules_page_show_schedule (TribSchedulesPage *self,
                                        const char        *schedule_id);

G_END_DECLS
