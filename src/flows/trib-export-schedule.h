/* trib-export-schedule.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trib-collision.h"

G_BEGIN_DECLS

/**
 * TribExportMode:
 * @TRIB_EXPORT_MODE_FULL: `DAILY_FULL_EXPORT`, every row each time
 *   (the platform allows it only once)
 * @TRIB_EXPORT_MODE_INCREMENTAL: `FIRST_FULL_THEN_INCREMENTAL`
 *
 * What an export writes at each tick.
 */
typedef enum
{
  TRIB_EXPORT_MODE_FULL,
  TRIB_EXPORT_MODE_INCREMENTAL,
} TribExportMode;

/**
 * TribExportTimeUnit:
 * @TRIB_EXPORT_UNIT_DAY: `day`
 * @TRIB_EXPORT_UNIT_HOUR: `hour`
 */
typedef enum
{
  TRIB_EXPORT_UNIT_DAY,
  TRIB_EXPORT_UNIT_HOUR,
} TribExportTimeUnit;

/**
 * TribExportSchedule:
 * @mode: full or incremental
 * @unit: day or hour
 * @interval: 0 (once), 1 (daily) or 3, 6, 9, 12 (hours)
 * @start: the first tick, epoch seconds (UTC)
 * @end: the last moment a tick may fall on, epoch seconds, or 0 for none
 *
 * A dataset export flow's `scheduleParams` as plain data (API-NOTES
 * §C2): what the wizard asks, what the plan sends, and what the
 * collision check reads (trib_export_schedule_ticks()).
 */
typedef struct
{
  TribExportMode mode;
  TribExportTimeUnit unit;
  int interval;
  gint64 start;
  gint64 end;
} TribExportSchedule;

/**
 * TribExportFrequency:
 * @TRIB_EXPORT_ONCE: one full export
 * @TRIB_EXPORT_DAILY: every day
 * @TRIB_EXPORT_EVERY_3_HOURS: every 3 hours
 * @TRIB_EXPORT_EVERY_6_HOURS: every 6 hours
 * @TRIB_EXPORT_EVERY_9_HOURS: every 9 hours
 * @TRIB_EXPORT_EVERY_12_HOURS: every 12 hours
 *
 * The frequencies the platform offers, in the wizard's order.
 */
typedef enum
{
  TRIB_EXPORT_ONCE,
  TRIB_EXPORT_DAILY,
  TRIB_EXPORT_EVERY_3_HOURS,
  TRIB_EXPORT_EVERY_6_HOURS,
  TRIB_EXPORT_EVERY_9_HOURS,
  TRIB_EXPORT_EVERY_12_HOURS,
  TRIB_EXPORT_N_FREQUENCIES,
} TribExportFrequency;

void         trib_export_schedule_init_frequency (TribExportSchedule        *self,
                                                  TribExportFrequency        frequency,
                                                  TribExportMode             mode,
                                                  gint64                     start);
gboolean     trib_export_schedule_check          (const TribExportSchedule  *self,
                                                  GError                   **error);
gboolean     trib_export_frequency_allows        (TribExportFrequency        frequency,
                                                  TribExportMode             mode);
gint64       trib_export_schedule_get_period     (const TribExportSchedule  *self);
GArray      *trib_export_schedule_ticks          (const TribExportSchedule  *self,
                                                  gint64                     from,
                                                  gint64                     to);
JsonObject  *trib_export_schedule_to_json        (const TribExportSchedule  *self,
                                                  const char                *folder_template);
gboolean     trib_export_schedule_from_json      (JsonObject                *params,
                                                  TribExportSchedule        *self,
                                                  GError                   **error);
const char  *trib_export_mode_to_string          (TribExportMode             mode);
void         trib_export_schedule_to_collision   (const TribExportSchedule  *self,
                                                  TribCollisionExport       *export);

G_END_DECLS
