/* trib-export-schedule.c
 *
 * A dataset export's schedule (API-NOTES §C2): the only combinations
 * of `exportMode`, `timeUnit` and `interval` the platform accepts —
 * once (full, day, 0), daily (incremental, day, 1) and every 3, 6, 9
 * or 12 hours (incremental, hour) — and the ticks it falls on, which
 * the collision check compares with a scheduled query's runs.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-export-schedule.h"

#define HOUR_SECONDS 3600
#define DAY_SECONDS (24 * HOUR_SECONDS)

/* Bounds the ticks one call lists: 90 days every 3 hours is 720. */
#define MAX_TICKS 100000

static const struct
{
  TribExportTimeUnit unit;
  int interval;
} frequencies[TRIB_EXPORT_N_FREQUENCIES] = {
  [TRIB_EXPORT_ONCE] = { TRIB_EXPORT_UNIT_DAY, 0 },
  [TRIB_EXPORT_DAILY] = { TRIB_EXPORT_UNIT_DAY, 1 },
  [TRIB_EXPORT_EVERY_3_HOURS] = { TRIB_EXPORT_UNIT_HOUR, 3 },
  [TRIB_EXPORT_EVERY_6_HOURS] = { TRIB_EXPORT_UNIT_HOUR, 6 },
  [TRIB_EXPORT_EVERY_9_HOURS] = { TRIB_EXPORT_UNIT_HOUR, 9 },
  [TRIB_EXPORT_EVERY_12_HOURS] = { TRIB_EXPORT_UNIT_HOUR, 12 },
};

/**
 * trib_export_frequency_allows:
 * @frequency: a frequency
 * @mode: an export mode
 *
 * Returns: whether the platform takes @mode at @frequency: a full
 *   export only once, an incremental one only on a repeating schedule
 */
gboolean
trib_export_frequency_allows (TribExportFrequency frequency,
                              TribExportMode      mode)
{
  return (frequency == TRIB_EXPORT_ONCE) == (mode == TRIB_EXPORT_MODE_FULL);
}

/**
 * trib_export_schedule_init_frequency:
 * @self: a schedule to fill
 * @frequency: one of the frequencies the platform offers
 * @mode: full or incremental
 * @start: the first tick, epoch seconds
 *
 * Fills @self with the unit and interval of @frequency, without an end.
 * The combination is not checked: trib_export_schedule_check() says
 * why the platform would refuse it.
 */
void
trib_export_schedule_init_frequency (TribExportSchedule  *self,
                                     TribExportFrequency  frequency,
                                     TribExportMode       mode,
                                     gint64               start)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (frequency < TRIB_EXPORT_N_FREQUENCIES);

  self->mode = mode;
  self->unit = frequencies[frequency].unit;
  self->interval = frequencies[frequency].interval;
  self->start = start;
  self->end = 0;
}

/**
 * trib_export_schedule_check:
 * @self: a schedule
 * @error: a location for a #GError
 *
 * Checks @self as the platform does.
 *
 * Returns: %TRUE if the platform accepts it, else %FALSE with @error
 *   saying why in words
 */
gboolean
trib_export_schedule_check (const TribExportSchedule  *self,
                            GError                   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->start <= 0)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("The export needs a start time."));
      return FALSE;
    }
  if (self->end != 0 && self->end <= self->start)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("The end time must come after the start time."));
      return FALSE;
    }

  if (self->mode == TRIB_EXPORT_MODE_FULL)
    {
      if (self->unit == TRIB_EXPORT_UNIT_DAY && self->interval == 0)
        return TRUE;
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("A full export can only run once: repeating exports are incremental."));
      return FALSE;
    }

  if (self->unit == TRIB_EXPORT_UNIT_DAY && self->interval == 1)
    return TRUE;
  if (self->unit == TRIB_EXPORT_UNIT_HOUR &&
      (self->interval == 3 || self->interval == 6 || self->interval == 9 || self->interval == 12))
    return TRUE;
  if (self->unit == TRIB_EXPORT_UNIT_DAY && self->interval == 0)
    g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                         _("An export that runs once is a full export, not an incremental one."));
  else
    g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                         _("An incremental export runs daily or every 3, 6, 9 or 12 hours."));

  return FALSE;
}

/**
 * trib_export_schedule_get_period:
 * @self: a schedule
 *
 * Returns: the seconds between two ticks, or 0 for an export that runs once
 */
gint64
trib_export_schedule_get_period (const TribExportSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (gint64) self->interval * (self->unit == TRIB_EXPORT_UNIT_DAY ? DAY_SECONDS : HOUR_SECONDS);
}

/**
 * trib_export_schedule_ticks:
 * @self: a schedule
 * @from: epoch seconds, included
 * @to: epoch seconds, excluded
 *
 * The moments the export runs within [@from, @to): the start, then
 * every whole period after it, never after the end. Runs on the
 * platform start at these ticks (the simulator fires them exactly).
 *
 * Returns: (transfer full) (element-type gint64): epoch seconds in order,
 *   at most 100,000 of them
 */
GArray *
trib_export_schedule_ticks (const TribExportSchedule *self,
                            gint64                    from,
                            gint64                    to)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 period;
  gint64 tick;

  g_return_val_if_fail (self != NULL, ticks);

  period = trib_export_schedule_get_period (self);
  if (period <= 0)
    {
      if (self->start >= from && self->start < to)
        g_array_append_val (ticks, self->start);
      return ticks;
    }

  /* The first tick at or after @from, without walking from the start. */
  tick = self->start;
  if (from > tick)
    tick += ((from - tick + period - 1) / period) * period;
  for (; tick < to && ticks->len < MAX_TICKS; tick += period)
    {
      if (self->end != 0 && tick > self->end)
        break;
      g_array_append_val (ticks, tick);
    }

  return ticks;
}

/**
 * trib_export_mode_to_string:
 * @mode: an export mode
 *
 * Returns: its `exportMode` value
 */
const char *
trib_export_mode_to_string (TribExportMode mode)
{
  return mode == TRIB_EXPORT_MODE_FULL ? "DAILY_FULL_EXPORT" : "FIRST_FULL_THEN_INCREMENTAL";
}

/**
 * trib_export_schedule_to_json:
 * @self: a schedule
 * @folder_template: (nullable): the folder name template, or %NULL for
 *   the platform's default
 *
 * Returns: (transfer full): the flow's `scheduleParams`
 */
JsonObject *
trib_export_schedule_to_json (const TribExportSchedule *self,
                              const char               *folder_template)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "exportMode", trib_export_mode_to_string (self->mode));
  json_object_set_string_member (params, "timeUnit", self->unit == TRIB_EXPORT_UNIT_DAY ? "day" : "hour");
  json_object_set_int_member (params, "interval", self->interval);
  json_object_set_int_member (params, "startTime", self->start);
  if (self->end != 0)
    json_object_set_int_member (params, "endTime", self->end);
  /* The docs spell it `foldernameTemplate`, the yaml `folderNameTemplate`
   * (API-NOTES §C2): the docs' spelling is what the UI sends.
   */
  if (folder_template != NULL && *folder_template != '\0')
    json_object_set_string_member (params, "foldernameTemplate", folder_template);

  return params;
}

static gboolean
get_int (JsonObject *params,
         const char *name,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (params, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *end = NULL;

      *value = g_ascii_strtoll (json_node_get_string (node), &end, 10);
      return end != NULL && end != json_node_get_string (node) && *end == '\0';
    }

  return FALSE;
}

/**
 * trib_export_schedule_from_json:
 * @params: an export flow's `scheduleParams`
 * @self: (out caller-allocates): the schedule
 * @error: a location for a #GError
 *
 * Reads an existing export flow's schedule, for the collision check.
 *
 * Returns: %TRUE if @params is an export schedule the platform accepts
 */
gboolean
trib_export_schedule_from_json (JsonObject          *params,
                                TribExportSchedule  *self,
                                GError             **error)
{
  const char *mode;
  const char *unit;
  gint64 interval = -1;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  mode = json_object_get_string_member_with_default (params, "exportMode", NULL);
  unit = json_object_get_string_member_with_default (params, "timeUnit", NULL);
  *self = (TribExportSchedule) { 0 };
  self->mode = g_strcmp0 (mode, "DAILY_FULL_EXPORT") == 0 ? TRIB_EXPORT_MODE_FULL : TRIB_EXPORT_MODE_INCREMENTAL;
  self->unit = g_strcmp0 (unit, "day") == 0 ? TRIB_EXPORT_UNIT_DAY : TRIB_EXPORT_UNIT_HOUR;
  if ((mode != NULL && self->mode == TRIB_EXPORT_MODE_INCREMENTAL &&
       g_strcmp0 (mode, "FIRST_FULL_THEN_INCREMENTAL") != 0) ||
      (g_strcmp0 (unit, "day") != 0 && g_strcmp0 (unit, "hour") != 0) ||
      !get_int (params, "interval", &interval) || interval < 0 || interval > 24 ||
      !get_int (params, "startTime", &self->start))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("This is not a dataset export’s schedule."));
      return FALSE;
    }
  self->interval = interval;
  if (json_object_has_member (params, "endTime") && !get_int (params, "endTime", &self->end))
    self->end = 0;

  return trib_export_schedule_check (self, error);
}

/**
 * trib_export_schedule_to_collision:
 * @self: a schedule, as the wizard has it before it is sent
 * @export: (out caller-allocates): the same schedule as the collision
 *   check reads a flow's `scheduleParams`
 *
 * So that an export not made yet is checked by the same functions as
 * one that exists (trib_collision_export_from_params()).
 */
void
trib_export_schedule_to_collision (const TribExportSchedule *self,
                                   TribCollisionExport      *export)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (export != NULL);

  *export = (TribCollisionExport) { 0 };
  export->interval_hours = (guint) (trib_export_schedule_get_period (self) / HOUR_SECONDS);
  export->incremental = self->mode == TRIB_EXPORT_MODE_INCREMENTAL;
  export->start_ms = self->start * 1000;
  export->end_ms = self->end > 0 ? self->end * 1000 : -1;
}
