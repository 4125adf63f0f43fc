/* trib-schedule-timeline.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-collision.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEDULE_TIMELINE (trib_schedule_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TribScheduleTimeline, trib_schedule_timeline, TRIB, SCHEDULE_TIMELINE, GtkWidget)

GtkWidget  *trib_schedule_timeline_new           (void);
void        trib_schedule_timeline_set_check     (TribScheduleTimeline *self,
                                                  TribCollisionRuns    *runs,
                                                  TribCollisionReport  *report);
void        trib_schedule_timeline_set_zone      (TribScheduleTimeline *self,
                                                  GTimeZone            *zone);
const char *trib_schedule_timeline_get_summary   (TribScheduleTimeline *self);
guint       trib_schedule_timeline_get_n_warnings (TribScheduleTimeline *self);
gint64      trib_schedule_timeline_get_suggested_start (TribScheduleTimeline *self);

G_END_DECLS
