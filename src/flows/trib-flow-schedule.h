/* trib-flow-schedule.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_SCHEDULE (trib_flow_schedule_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowSchedule, trib_flow_schedule, TRIB, FLOW_SCHEDULE, GObject)

TribFlowSchedule   *trib_flow_schedule_new             (JsonObject       *schedule_schema);
const char * const *trib_flow_schedule_get_frequencies (TribFlowSchedule *self);

G_END_DECLS
