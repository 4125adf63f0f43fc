/* trib-cron.c
 *
 * Query Service's schedule expressions, read as the platform reads them:
 * five-field cron (minute, hour, day of month, month, day of week; `*`,
 * numbers, ranges, steps, lists, three-letter month and day names) in
 * UTC, and the shorthands of the scheduled-queries guide (@once,
 * @hourly, @daily, @weekly, @monthly, @yearly). The app checks a
 * schedule before sending it and works out its next runs with it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-cron"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "trib-cron.h"

struct _TribCron
{
  gboolean once;
  guint64 minutes;     /* bit n: minute n */
  guint32 hours;
  guint32 days;        /* bit 1..31 */
  guint32 months;      /* bit 1..12 */
  guint32 weekdays;    /* bit 0..6, Sunday 0 */
  gboolean any_day;    /* day of month was `*` */
  gboolean any_weekday;
};

typedef struct
{
  const char *name;
  guint min;
  guint max;
  const char * const *names;
} Field;

static const char * const month_names[] = {
  "", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", NULL,
};
static const char * const day_names[] = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", NULL };

static const Field fields[5] = {
  { N_("minute"), 0, 59, NULL },
  { N_("hour"), 0, 23, NULL },
  { N_("day of month"), 1, 31, NULL },
  { N_("month"), 1, 12, month_names },
  /* 7 is Sunday too, as in most crons. */
  { N_("day of week"), 0, 7, day_names },
};

static gboolean
parse_value (const Field *field,
             const char  *text,
             guint       *value)
{
  guint64 number;

  if (field->names != NULL)
    for (guint i = 0; field->names[i] != NULL; i++)
      if (field->names[i][0] != '\0' && g_ascii_strcasecmp (text, field->names[i]) == 0)
        {
          *value = i;
          return TRUE;
        }

  if (!g_ascii_string_to_unsigned (text, 10, field->min, field->max, &number, NULL))
    return FALSE;

  *value = (guint) number;
  return TRUE;
}

static gboolean
parse_field (const Field  *field,
             const char   *text,
             guint64      *bits,
             GError      **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  *bits = 0;
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) stepped = g_strsplit (items[i], "/", 2);
      g_auto(GStrv) range = NULL;
      guint64 step = 1;
      guint first = field->min;
      guint last = field->max;

      if (stepped[1] != NULL &&
          !g_ascii_string_to_unsigned (stepped[1], 10, 1, field->max + 1, &step, NULL))
        goto invalid;

      if (!g_str_equal (stepped[0], "*"))
        {
          range = g_strsplit (stepped[0], "-", 2);
          if (!parse_value (field, range[0], &first))
            goto invalid;
          last = first;
          if (range[1] != NULL && !parse_value (field, range[1], &last))
            goto invalid;
          /* n/step runs from n to the end, as Vixie cron reads it. */
          if (range[1] == NULL && stepped[1] != NULL)
            last = field->max;
          if (last < first)
            goto invalid;
        }

      for (guint v = first; v <= last; v += step)
        *bits |= G_GUINT64_CONSTANT (1) << v;
    }

  return TRUE;

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: the first %s is a cron field ("minute"), the second what was typed, then the
                * field's bounds */
               _("The %s field “%s” is not valid: use %u to %u, *, a range a-b, a step */n or a list."),
               _(field->name), text, field->min, field->max);
  return FALSE;
}

static const struct { const char *name; const char *expression; } shorthands[] = {
  { "@hourly", "0 * * * *" },
  { "@daily", "0 0 * * *" },
  { "@weekly", "0 0 * * 0" },
  { "@monthly", "0 0 1 * *" },
  { "@yearly", "0 0 1 1 *" },
};

/**
 * trib_cron_parse:
 * @text: (nullable): a schedule as `schedule.schedule` holds it
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with
 *   @error saying which part is wrong
 */
TribCron *
trib_cron_parse (const char  *text,
                GError     **error)
{
  g_autoptr(TribCron) cron = g_new0 (TribCron, 1);
  g_auto(GStrv) parts = NULL;
  guint64 bits[5];

  if (text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A schedule is required."));
      return NULL;
    }

  if (g_str_equal (text, "@once"))
    {
      cron->once = TRUE;
      return g_steal_pointer (&cron);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shorthands); i++)
    if (g_str_equal (text, shorthands[i].name))
      text = shorthands[i].expression;
  if (text[0] == '@')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a schedule: use five cron fields or one of @once, @hourly, @daily, @weekly, "
                     "@monthly, @yearly."), text);
      return NULL;
    }

  parts = g_strsplit_set (text, " \t", -1);
  {
    /* Fields are separated by any run of blanks. */
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();

    for (guint i = 0; parts[i] != NULL; i++)
      if (parts[i][0] != '\0')
        g_ptr_array_add (kept, parts[i]);
    if (kept->len != 5)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("“%s” is not a cron expression: it needs five fields (minute, hour, day of month, month, "
                       "day of week), not %u."), text, kept->len);
        return NULL;
      }
    for (guint i = 0; i < 5; i++)
      if (!parse_field (&fields[i], g_ptr_array_index (kept, i), &bits[i], error))
        return NULL;
    cron->any_day = g_str_equal (g_ptr_array_index (kept, 2), "*");
    cron->any_weekday = g_str_equal (g_ptr_array_index (kept, 4), "*");
  }

  cron->minutes = bits[0];
  cron->hours = (guint32) bits[1];
  cron->days = (guint32) bits[2];
  cron->months = (guint32) bits[3];
  cron->weekdays = (guint32) ((bits[4] | (bits[4] >> 7)) & 0x7f);

  return g_steal_pointer (&cron);
}

void
trib_cron_free (TribCron *cron)
{
  g_free (cron);
}

gboolean
trib_cron_is_once (const TribCron *cron)
{
  return cron->once;
}

static gboolean
day_matches (const TribCron *cron,
             GDateTime     *time)
{
  gboolean day = (cron->days >> g_date_time_get_day_of_month (time)) & 1;
  gboolean weekday = (cron->weekdays >> (g_date_time_get_day_of_week (time) % 7)) & 1;

  /* Both restricted: either one will do, as in every cron. */
  if (!cron->any_day && !cron->any_weekday)
    return day || weekday;
  return day && weekday;
}

/**
 * trib_cron_next:
 * @after_ms: epoch milliseconds
 *
 * Returns: the first time the schedule fires strictly after @after_ms,
 *   in epoch milliseconds, or -1 if it never does within five years
 *   (30 February) or it is @once
 */
gint64
trib_cron_next (const TribCron *cron,
               gint64         after_ms)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 limit;

  if (cron->once)
    return -1;

  /* The next whole minute. */
  time = g_date_time_new_from_unix_utc ((after_ms / 60000 + 1) * 60);
  limit = g_date_time_to_unix (time) + (gint64) 5 * 366 * 86400;

  while (g_date_time_to_unix (time) < limit)
    {
      GDateTime *next;

      if (!((cron->months >> g_date_time_get_month (time)) & 1) || !day_matches (cron, time))
        {
          /* On to the next day's midnight. */
          next = g_date_time_add_full (time, 0, 0, 1, -g_date_time_get_hour (time),
                                       -g_date_time_get_minute (time), 0);
        }
      else if (!((cron->hours >> g_date_time_get_hour (time)) & 1))
        next = g_date_time_add_full (time, 0, 0, 0, 1, -g_date_time_get_minute (time), 0);
      else if (!((cron->minutes >> g_date_time_get_minute (time)) & 1))
        next = g_date_time_add_minutes (time, 1);
      else
        return g_date_time_to_unix (time) * 1000;

      g_date_time_unref (time);
      time = next;
    }

  return -1;
}

/**
 * trib_cron_next_in:
 * @after_ms: epoch milliseconds
 * @zone: (nullable): the time zone the fields are read in, %NULL for
 *   UTC as the platform reads them
 *
 * The platform reads a cron in UTC; the app reads it in a local zone to
 * show what a schedule written in local time becomes across a change to
 * or from summer time. A time the change skips is moved past the gap,
 * as GLib does, and one it repeats fires once, as in Vixie cron.
 *
 * Returns: the first time the schedule fires strictly after @after_ms,
 *   in epoch milliseconds, or -1 as trib_cron_next() says
 */
gint64
trib_cron_next_in (const TribCron *cron,
                   gint64          after_ms,
                   GTimeZone      *zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int first_hour;

  if (zone == NULL)
    return trib_cron_next (cron, after_ms);
  if (cron->once)
    return -1;

  utc = g_date_time_new_from_unix_utc (after_ms >= 0 ? after_ms / 1000 : (after_ms - 999) / 1000);
  local = g_date_time_to_timezone (utc, zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
  /* Hours before this one cannot come after @after_ms, even two hours
   * back across a change of offset. */
  first_hour = MAX (0, g_date_time_get_hour (local) - 2);

  for (guint day = 0; day < 5 * 366; day++, first_hour = 0, g_date_add_days (&date, 1))
    {
      guint dom = g_date_get_day (&date);
      guint weekday = g_date_get_weekday (&date) % 7;
      gboolean day_ok = (cron->days >> dom) & 1;
      gboolean weekday_ok = (cron->weekdays >> weekday) & 1;

      if (!((cron->months >> g_date_get_month (&date)) & 1))
        continue;
      if (!cron->any_day && !cron->any_weekday ? !(day_ok || weekday_ok) : !(day_ok && weekday_ok))
        continue;

      for (int hour = first_hour; hour < 24; hour++)
        {
          if (!((cron->hours >> hour) & 1))
            continue;
          for (int minute = 0; minute < 60; minute++)
            {
              g_autoptr(GDateTime) time = NULL;
              gint64 ms;

              if (!((cron->minutes >> minute) & 1))
                continue;
              time = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date), (int) dom, hour,
                                      minute, 0);
              if (time == NULL)
                continue;
              ms = g_date_time_to_unix (time) * 1000;
              if (ms > after_ms)
                return ms;
            }
        }
    }

  return -1;
}
