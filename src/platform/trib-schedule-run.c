/* trib-schedule-run.c
 *
 * One run of a scheduled query: listed by `GET /schedules/{id}/runs`
 * (state and times only), or in detail with its `taskStatusList`, whose
 * tasks give the run's start, end, duration and error.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedule-run"

#include "config.h"

#include "trib-schedule-run.h"
#include "trib-xdm-json.h"

struct _TribScheduleRun
{
  GObject parent_instance;

  char *id;
  char *schedule_id;
  TribScheduleRunState state;
  GDateTime *created;
  gboolean external;
  GArray *tasks;            /* TribScheduleTask */
};

G_DEFINE_FINAL_TYPE (TribScheduleRun, trib_schedule_run, G_TYPE_OBJECT)

static void
task_clear (TribScheduleTask *task)
{
  g_free (task->id);
  g_free (task->state);
  g_free (task->message);
  g_clear_pointer (&task->start, g_date_time_unref);
  g_clear_pointer (&task->end, g_date_time_unref);
}

static void
trib_schedule_run_finalize (GObject *object)
{
  TribScheduleRun *self = (TribScheduleRun *) object;

  g_free (self->id);
  g_free (self->schedule_id);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->tasks, g_array_unref);

  G_OBJECT_CLASS (trib_schedule_run_parent_class)->finalize (object);
}

static void
trib_schedule_run_class_init (TribScheduleRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_schedule_run_finalize;
}

static void
trib_schedule_run_init (TribScheduleRun *self)
{
  self->tasks = g_array_new (FALSE, TRUE, sizeof (TribScheduleTask));
  g_array_set_clear_func (self->tasks, (GDestroyNotify) task_clear);
}

/* Runs write "2022-06-03 11:03:54.095191+00:00". */
static GDateTime *
get_time (JsonObject *object,
          const char *member)
{
  const char *text = trib_xdm_json_get_string (object, member);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/* A string of seconds in the yaml, a number in its example: either. */
static gint64
get_duration_ms (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "duration");
  double seconds;
  char *end;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      seconds = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return -1;
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    seconds = json_node_get_double (node);
  else
    return -1;

  return seconds >= 0 && seconds < 1e12 ? (gint64) (seconds * 1000 + 0.5) : -1;
}

static TribScheduleRunState
parse_state (const char *state)
{
  if (g_strcmp0 (state, "IN_PROGRESS") == 0)
    return TRIB_SCHEDULE_RUN_IN_PROGRESS;
  if (g_strcmp0 (state, "SUCCESS") == 0)
    return TRIB_SCHEDULE_RUN_SUCCESS;
  if (g_strcmp0 (state, "FAILED") == 0)
    return TRIB_SCHEDULE_RUN_FAILED;
  return TRIB_SCHEDULE_RUN_UNKNOWN;
}

/**
 * trib_schedule_run_new_from_json:
 * @object: a run, from the list or the detail
 *
 * Returns: (transfer full) (nullable): the run, or %NULL without an id
 */
TribScheduleRun *
trib_schedule_run_new_from_json (JsonObject *object)
{
  TribScheduleRun *self;
  JsonArray *tasks;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_SCHEDULE_RUN, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->schedule_id = g_strdup (trib_xdm_json_get_string (object, "scheduleId"));
  self->state = parse_state (trib_xdm_json_get_string (object, "state"));
  self->created = get_time (object, "created");
  self->external = trib_xdm_json_get_boolean (object, "externalTrigger");

  tasks = trib_xdm_json_get_array (object, "taskStatusList");
  for (guint i = 0; tasks != NULL && i < json_array_get_length (tasks); i++)
    {
      JsonNode *element = json_array_get_element (tasks, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      TribScheduleTask task = { 0 };

      if (item == NULL)
        continue;
      task.id = g_strdup (trib_xdm_json_get_string (item, "taskId"));
      task.state = g_strdup (trib_xdm_json_get_string (item, "state"));
      task.message = g_strdup (trib_xdm_json_get_string (item, "message"));
      task.start = get_time (item, "startDate");
      task.end = get_time (item, "endDate");
      task.duration_ms = get_duration_ms (item);
      g_array_append_val (self->tasks, task);
    }

  return self;
}

const char *
trib_schedule_run_get_id (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);
  return self->id;
}

/**
 * trib_schedule_run_get_schedule_id:
 *
 * Returns: (nullable): its schedule's id, in a run's detail
 */
const char *
trib_schedule_run_get_schedule_id (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);
  return self->schedule_id;
}

TribScheduleRunState
trib_schedule_run_get_state (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), TRIB_SCHEDULE_RUN_UNKNOWN);
  return self->state;
}

/**
 * trib_schedule_run_get_created:
 *
 * Returns: (transfer none) (nullable): when it was due, or asked for
 */
GDateTime *
trib_schedule_run_get_created (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);
  return self->created;
}

/* Whether someone asked for it, rather than its schedule. */
gboolean
trib_schedule_run_get_external (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), FALSE);
  return self->external;
}

/**
 * trib_schedule_run_get_start:
 *
 * Returns: (transfer none) (nullable): when its first task started; only
 *   a run's detail has tasks
 */
GDateTime *
trib_schedule_run_get_start (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);

  for (guint i = 0; i < self->tasks->len; i++)
    if (g_array_index (self->tasks, TribScheduleTask, i).start != NULL)
      return g_array_index (self->tasks, TribScheduleTask, i).start;

  return NULL;
}

/**
 * trib_schedule_run_get_end:
 *
 * Returns: (transfer none) (nullable): when its last task ended, once
 *   every one has
 */
GDateTime *
trib_schedule_run_get_end (TribScheduleRun *self)
{
  GDateTime *end = NULL;

  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);

  for (guint i = 0; i < self->tasks->len; i++)
    {
      GDateTime *task_end = g_array_index (self->tasks, TribScheduleTask, i).end;

      if (task_end == NULL)
        return NULL;
      if (end == NULL || g_date_time_compare (task_end, end) > 0)
        end = task_end;
    }

  return end;
}

/**
 * trib_schedule_run_get_duration_ms:
 *
 * Returns: the time its tasks took together, or -1 until they all end
 */
gint64
trib_schedule_run_get_duration_ms (TribScheduleRun *self)
{
  gint64 total = 0;

  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), -1);

  if (self->tasks->len == 0)
    return -1;
  for (guint i = 0; i < self->tasks->len; i++)
    {
      gint64 duration = g_array_index (self->tasks, TribScheduleTask, i).duration_ms;

      if (duration < 0)
        return -1;
      total += duration;
    }

  return total;
}

/**
 * trib_schedule_run_get_error:
 *
 * Returns: (nullable): the message of its first failed task
 */
const char *
trib_schedule_run_get_error (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);

  for (guint i = 0; i < self->tasks->len; i++)
    {
      TribScheduleTask *task = &g_array_index (self->tasks, TribScheduleTask, i);

      if (g_strcmp0 (task->state, "FAILED") == 0)
        return task->message;
    }

  return NULL;
}

guint
trib_schedule_run_get_n_tasks (TribScheduleRun *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), 0);
  return self->tasks->len;
}

/**
 * trib_schedule_run_get_task:
 *
 * Returns: (transfer none): the task at @position
 */
const TribScheduleTask *
trib_schedule_run_get_task (TribScheduleRun *self,
                            guint            position)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_RUN (self), NULL);
  g_return_val_if_fail (position < self->tasks->len, NULL);

  return &g_array_index (self->tasks, TribScheduleTask, position);
}
