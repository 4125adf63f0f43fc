/* trib-flow-schedule.c
 *
 * The frequencies a flow spec's `scheduleSpec` offers (API-NOTES §A7),
 * in its order, so a wizard offers only those; whether a schedule fits
 * the spec is TribFlowAnswers' check.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-schedule"

#include "config.h"

#include "trib-flow-schedule.h"

struct _TribFlowSchedule
{
  GObject parent_instance;

  GStrv frequencies;
};

G_DEFINE_FINAL_TYPE (TribFlowSchedule, trib_flow_schedule, G_TYPE_OBJECT)

/* The spec's enum is five long; a hostile one is cut here. */
#define MAX_FREQUENCIES 32

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
trib_flow_schedule_finalize (GObject *object)
{
  TribFlowSchedule *self = (TribFlowSchedule *) object;

  g_clear_pointer (&self->frequencies, g_strfreev);

  G_OBJECT_CLASS (trib_flow_schedule_parent_class)->finalize (object);
}

static void
trib_flow_schedule_class_init (TribFlowScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_schedule_finalize;
}

static void
trib_flow_schedule_init (TribFlowSchedule *self)
{
}

/**
 * trib_flow_schedule_new:
 * @schedule_schema: (nullable): a flow spec's `scheduleSpec.spec`
 *
 * Returns: (transfer full): its frequencies; `once` alone when the spec
 *   names none
 */
TribFlowSchedule *
trib_flow_schedule_new (JsonObject *schedule_schema)
{
  TribFlowSchedule *self = g_object_new (TRIB_TYPE_FLOW_SCHEDULE, NULL);
  g_autoptr(GStrvBuilder) frequencies = g_strv_builder_new ();
  JsonObject *frequency = get_object (get_object (schedule_schema, "properties"), "frequency");
  JsonNode *choices = frequency != NULL ? json_object_get_member (frequency, "enum") : NULL;
  JsonArray *array = choices != NULL && JSON_NODE_HOLDS_ARRAY (choices) ? json_node_get_array (choices) : NULL;
  guint n_choices = array != NULL ? MIN (json_array_get_length (array), MAX_FREQUENCIES) : 0;
  guint n_added = 0;

  for (guint i = 0; i < n_choices; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_strv_builder_add (frequencies, json_node_get_string (node));
          n_added++;
        }
    }

  if (n_added == 0)
    g_strv_builder_add (frequencies, "once");

  self->frequencies = g_strv_builder_end (frequencies);

  return self;
}

/**
 * trib_flow_schedule_get_frequencies:
 *
 * Returns: (transfer none): the frequencies the spec allows, in its order
 */
const char * const *
trib_flow_schedule_get_frequencies (TribFlowSchedule *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE (self), NULL);

  return (const char * const *) self->frequencies;
}
