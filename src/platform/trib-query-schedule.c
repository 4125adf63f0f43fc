/* trib-query-schedule.c
 *
 * A scheduled query of Query Service (`/schedules`): its query, its
 * cron schedule in UTC between a start and an optional end, its state,
 * and, when ten failed runs in a row stopped it, why.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-schedule"

#include "config.h"

#include "trib-cron.h"
#include "trib-query-schedule.h"
#include "trib-xdm-json.h"

struct _TribQuerySchedule
{
  GObject parent_instance;

  char *id;
  char *name;
  TribQueryScheduleState state;
  char *cron;
  GDateTime *start;
  GDateTime *end;
  guint max_active_runs;
  char *database;
  char *sql;
  char *template_id;
  char *output_dataset;
  gboolean creates_dataset;
  char *quarantine_reason;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (TribQuerySchedule, trib_query_schedule, G_TYPE_OBJECT)

static void
trib_query_schedule_finalize (GObject *object)
{
  TribQuerySchedule *self = (TribQuerySchedule *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->cron);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_free (self->database);
  g_free (self->sql);
  g_free (self->template_id);
  g_free (self->output_dataset);
  g_free (self->quarantine_reason);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (trib_query_schedule_parent_class)->finalize (object);
}

static void
trib_query_schedule_class_init (TribQueryScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_query_schedule_finalize;
}

static void
trib_query_schedule_init (TribQuerySchedule *self)
{
}

/* Both "2020-01-08T12:30:00.000Z" and "2020-01-08 12:30:00+00:00" occur. */
static GDateTime *
get_time (JsonObject *object,
          const char *member)
{
  const char *text = trib_xdm_json_get_string (object, member);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static TribQueryScheduleState
parse_state (const char *state)
{
  static const char * const names[] = { "", "REGISTERING", "ENABLED", "DISABLED", "QUARANTINED" };

  for (guint i = 1; state != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (state, names[i]))
      return i;

  return TRIB_QUERY_SCHEDULE_UNKNOWN;
}

/**
 * trib_query_schedule_new_from_json:
 * @object: a schedule as `GET /schedules` lists it
 *
 * The quarantine shows as the state `QUARANTINED` with a `quarantine`
 * object, as the simulator has it **[UNV]**: the platform's three
 * documented states have no room for it.
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL without an id
 */
TribQuerySchedule *
trib_query_schedule_new_from_json (JsonObject *object)
{
  TribQuerySchedule *self;
  JsonObject *query;
  JsonObject *timing;
  JsonObject *quarantine;
  JsonObject *output;
  gint64 max_runs;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_QUERY_SCHEDULE, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->state = parse_state (trib_xdm_json_get_string (object, "state"));
  self->created = get_time (object, "created");

  if ((query = trib_xdm_json_get_object (object, "query")))
    {
      self->name = g_strdup (trib_xdm_json_get_string (query, "name"));
      self->database = g_strdup (trib_xdm_json_get_string (query, "dbName"));
      self->sql = g_strdup (trib_xdm_json_get_string (query, "sql"));
      self->template_id = g_strdup (trib_xdm_json_get_string (query, "templateId"));
      if ((output = trib_xdm_json_get_object (query, "ctasParameters")))
        self->creates_dataset = TRUE;
      else
        output = trib_xdm_json_get_object (query, "insertIntoParameters");
      if (output != NULL)
        self->output_dataset = g_strdup (trib_xdm_json_get_string (output, "datasetName"));
    }

  if ((timing = trib_xdm_json_get_object (object, "schedule")))
    {
      self->cron = g_strdup (trib_xdm_json_get_string (timing, "schedule"));
      self->start = get_time (timing, "startDate");
      self->end = get_time (timing, "endDate");
      self->max_active_runs = trib_xdm_json_get_int (timing, "maxActiveRuns", &max_runs) && max_runs > 0
                              ? (guint) MIN (max_runs, G_MAXUINT) : 1;
    }

  if ((quarantine = trib_xdm_json_get_object (object, "quarantine")))
    self->quarantine_reason = g_strdup (trib_xdm_json_get_string (quarantine, "reason"));

  return self;
}

const char *
trib_query_schedule_get_id (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->id;
}

/**
 * trib_query_schedule_get_name:
 *
 * Returns: (nullable): the query's name
 */
const char *
trib_query_schedule_get_name (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->name;
}

TribQueryScheduleState
trib_query_schedule_get_state (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), TRIB_QUERY_SCHEDULE_UNKNOWN);
  return self->state;
}

/**
 * trib_query_schedule_get_cron:
 *
 * Returns: (nullable): five cron fields or a shorthand such as `@daily`,
 *   in UTC
 */
const char *
trib_query_schedule_get_cron (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->cron;
}

/**
 * trib_query_schedule_get_start:
 *
 * Returns: (transfer none) (nullable): the first moment it may run
 */
GDateTime *
trib_query_schedule_get_start (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->start;
}

/**
 * trib_query_schedule_get_end:
 *
 * Returns: (transfer none) (nullable): the last moment it may run
 */
GDateTime *
trib_query_schedule_get_end (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->end;
}

guint
trib_query_schedule_get_max_active_runs (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), 1);
  return self->max_active_runs;
}

const char *
trib_query_schedule_get_database (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->database;
}

const char *
trib_query_schedule_get_sql (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->sql;
}

const char *
trib_query_schedule_get_template_id (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->template_id;
}

/**
 * trib_query_schedule_get_output_dataset:
 *
 * Returns: (nullable): the name of the dataset its runs write
 */
const char *
trib_query_schedule_get_output_dataset (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->output_dataset;
}

/* Whether the output dataset is a new one (CTAS) rather than an
 * existing one (INSERT INTO).
 */
gboolean
trib_query_schedule_get_creates_dataset (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), FALSE);
  return self->creates_dataset;
}

/**
 * trib_query_schedule_get_quarantine_reason:
 *
 * Returns: (nullable): why the platform stopped it, while quarantined
 */
const char *
trib_query_schedule_get_quarantine_reason (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->quarantine_reason;
}

/**
 * trib_query_schedule_get_created:
 *
 * Returns: (transfer none) (nullable): when it was made
 */
GDateTime *
trib_query_schedule_get_created (TribQuerySchedule *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  return self->created;
}

/**
 * trib_query_schedule_dup_next_run:
 * @after: a time
 *
 * When it is next due after @after, by its schedule, start and end,
 * whatever its state.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if it
 *   is never due again (or its schedule cannot be read)
 */
GDateTime *
trib_query_schedule_dup_next_run (TribQuerySchedule *self,
                                  GDateTime         *after)
{
  g_autoptr(TribCron) cron = NULL;
  gint64 from;
  gint64 next;

  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (self), NULL);
  g_return_val_if_fail (after != NULL, NULL);

  if (self->start == NULL || !(cron = trib_cron_parse (self->cron, NULL)))
    return NULL;

  from = MAX (g_date_time_to_unix (after), g_date_time_to_unix (self->start) - 1) * 1000;
  if (trib_cron_is_once (cron))
    next = g_date_time_to_unix (self->start) * 1000 > from ? g_date_time_to_unix (self->start) * 1000 : -1;
  else
    next = trib_cron_next (cron, from);

  if (next < 0 || (self->end != NULL && next / 1000 > g_date_time_to_unix (self->end)))
    return NULL;

  return g_date_time_new_from_unix_utc (next / 1000);
}
