/* trib-schedule-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-platform-client.h"
#include "trib-query-schedule.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEDULE_DIALOG (trib_schedule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribScheduleDialog, trib_schedule_dialog, TRIB, SCHEDULE_DIALOG, AdwWindow)

TribScheduleDialog *trib_schedule_dialog_new              (TribPlatformClient *client,
                                                           const char         *database,
                                                           const char         *sql);
TribScheduleDialog *trib_schedule_dialog_new_for_schedule (TribPlatformClient *client,
                                                           TribQuerySchedule  *schedule);
gboolean            trib_schedule_dialog_get_refused      (TribScheduleDialog *self);
char               *trib_schedule_dialog_dup_cron         (TribScheduleDialog *self);

G_END_DECLS
