/* trib-flow-schedule.c
 *
 * What a flow spec's `scheduleSpec` allows, read once so a wizard can
 * offer only those choices and say why one is refused before the
 * platform does (API-NOTES §A7): the frequencies of its enum, and for
 * each what its `allOf` of if/then/else adds — an interval required or
 * forbidden (`once`), its minimum (15 for `minute`) and maximum,
 * backfill forbidden. Only these shapes are read: anything else the
 * spec says is left to the platform, which checks the whole schema.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-schedule.h"

typedef struct
{
  char *frequency;
  gboolean interval_required;
  gboolean interval_forbidden;
  gboolean backfill_forbidden;
  gint64 minimum;
  gint64 maximum;
} Rule;

struct _TribFlowSchedule
{
  GObject parent_instance;

  GStrv frequencies;
  GArray *rules;
};

G_DEFINE_FINAL_TYPE (TribFlowSchedule, trib_flow_schedule, G_TYPE_OBJECT)

/* The largest number of frequencies read: the spec's enum is five long. */
#define MAX_FREQUENCIES 32

static void
rule_clear (gpointer data)
{
  Rule *rule = data;

  g_free (rule->frequency);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
get_int (JsonObject *object,
         const char *member,
         gint64     *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *value = (gint64) json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether an `if` holds for the frequency: `properties.frequency` with
 * `const` or `enum`. Unknown: %FALSE, so only `else` applies.
 */
static gboolean
condition_holds (JsonObject *condition,
                 const char *frequency)
{
  JsonObject *property = get_object (get_object (condition, "properties"), "frequency");
  JsonNode *constant = property != NULL ? json_object_get_member (property, "const") : NULL;

  if (constant != NULL && JSON_NODE_HOLDS_VALUE (constant) && json_node_get_value_type (constant) == G_TYPE_STRING)
    return g_str_equal (json_node_get_string (constant), frequency);

  return array_has_string (get_array (property, "enum"), frequency);
}

static void
apply_interval_bounds (JsonObject *schema,
                       Rule       *rule)
{
  JsonObject *interval = get_object (get_object (schema, "properties"), "interval");
  gint64 value;

  if (get_int (interval, "minimum", &value))
    rule->minimum = MAX (rule->minimum, value);
  if (get_int (interval, "exclusiveMinimum", &value))
    rule->minimum = MAX (rule->minimum, value + 1);
  if (get_int (interval, "maximum", &value))
    rule->maximum = MIN (rule->maximum, value);
}

static void
apply_branch (JsonObject *branch,
              Rule       *rule)
{
  JsonArray *any_of;

  if (branch == NULL)
    return;

  if (array_has_string (get_array (branch, "required"), "interval"))
    rule->interval_required = TRUE;
  apply_interval_bounds (branch, rule);

  /* `not: {anyOf: [{required: [interval]}, {required: [backfill]}]}` */
  any_of = get_array (get_object (branch, "not"), "anyOf");
  for (guint i = 0; any_of != NULL && i < json_array_get_length (any_of); i++)
    {
      JsonNode *node = json_array_get_element (any_of, i);
      JsonArray *required = JSON_NODE_HOLDS_OBJECT (node) ? get_array (json_node_get_object (node), "required") : NULL;

      if (array_has_string (required, "interval"))
        rule->interval_forbidden = TRUE;
      if (array_has_string (required, "backfill"))
        rule->backfill_forbidden = TRUE;
    }
}

static void
trib_flow_schedule_finalize (GObject *object)
{
  TribFlowSchedule *self = (TribFlowSchedule *) object;

  g_clear_pointer (&self->frequencies, g_strfreev);
  g_clear_pointer (&self->rules, g_array_unref);

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
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
  g_array_set_clear_func (self->rules, rule_clear);
}

/**
 * trib_flow_schedule_new:
 * @schedule_schema: (nullable): a flow spec's `scheduleSpec.spec`
 *
 * Returns: (transfer full): its rules; without a schema, the frequency
 *   `once` only
 */
TribFlowSchedule *
trib_flow_schedule_new (JsonObject *schedule_schema)
{
  TribFlowSchedule *self = g_object_new (TRIB_TYPE_FLOW_SCHEDULE, NULL);
  g_autoptr(GStrvBuilder) frequencies = g_strv_builder_new ();
  JsonArray *choices = get_array (get_object (get_object (schedule_schema, "properties"), "frequency"), "enum");
  JsonArray *all_of = get_array (schedule_schema, "allOf");
  guint n_choices = choices != NULL ? MIN (json_array_get_length (choices), MAX_FREQUENCIES) : 0;

  for (guint i = 0; i < n_choices; i++)
    {
      JsonNode *node = json_array_get_element (choices, i);
      Rule rule = { NULL, FALSE, FALSE, FALSE, 1, G_MAXINT32 };

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      rule.frequency = g_strdup (json_node_get_string (node));
      apply_interval_bounds (schedule_schema, &rule);
      for (guint j = 0; all_of != NULL && j < json_array_get_length (all_of); j++)
        {
          JsonNode *entry = json_array_get_element (all_of, j);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;

          if (object == NULL || get_object (object, "if") == NULL)
            continue;
          apply_branch (get_object (object, condition_holds (get_object (object, "if"), rule.frequency)
                                            ? "then" : "else"), &rule);
        }

      g_strv_builder_add (frequencies, rule.frequency);
      g_array_append_val (self->rules, rule);
    }

  if (self->rules->len == 0)
    {
      Rule rule = { g_strdup ("once"), FALSE, TRUE, TRUE, 1, G_MAXINT32 };

      g_strv_builder_add (frequencies, rule.frequency);
      g_array_append_val (self->rules, rule);
    }

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

static const Rule *
find_rule (TribFlowSchedule *self,
           const char       *frequency)
{
  for (guint i = 0; i < self->rules->len; i++)
    if (g_strcmp0 (g_array_index (self->rules, Rule, i).frequency, frequency) == 0)
      return &g_array_index (self->rules, Rule, i);

  return NULL;
}

gint64
trib_flow_schedule_get_min_interval (TribFlowSchedule *self,
                                     const char       *frequency)
{
  const Rule *rule;

  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE (self), 1);

  rule = find_rule (self, frequency);
  return rule != NULL ? rule->minimum : 1;
}

gboolean
trib_flow_schedule_takes_interval (TribFlowSchedule *self,
                                   const char       *frequency)
{
  const Rule *rule;

  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE (self), FALSE);

  rule = find_rule (self, frequency);
  return rule != NULL && !rule->interval_forbidden;
}

/**
 * trib_flow_schedule_check:
 * @interval: the interval, or -1 for none
 * @backfill: 1 or 0, or -1 for none
 *
 * Returns: (transfer full) (nullable): why the spec refuses this
 *   schedule, translated; %NULL if it does not
 */
char *
trib_flow_schedule_check (TribFlowSchedule *self,
                          const char       *frequency,
                          gint64            interval,
                          int               backfill)
{
  const Rule *rule;

  g_return_val_if_fail (TRIB_IS_FLOW_SCHEDULE (self), NULL);

  rule = frequency != NULL ? find_rule (self, frequency) : NULL;
  if (rule == NULL)
    /* Translators: %s is a schedule frequency as the platform names it ("minute") */
    return g_strdup_printf (_("The dataflow’s specification has no “%s” frequency."), frequency);

  if (interval >= 0 && rule->interval_forbidden)
    /* Translators: %s is a schedule frequency as the platform names it ("once") */
    return g_strdup_printf (_("A “%s” schedule takes no interval."), frequency);
  if (backfill >= 0 && rule->backfill_forbidden)
    /* Translators: %s is a schedule frequency as the platform names it ("once") */
    return g_strdup_printf (_("A “%s” schedule takes no backfill."), frequency);
  if (interval < 0 && rule->interval_required)
    /* Translators: %s is a schedule frequency as the platform names it ("hour") */
    return g_strdup_printf (_("A “%s” schedule needs an interval."), frequency);
  if (interval >= 0 && interval < rule->minimum)
    /* Translators: the flow spec's rule; %s is a frequency ("minute"), the numbers are intervals */
    return g_strdup_printf (_("The dataflow’s specification asks a “%s” schedule for an interval of at least %d, "
                              "not %d."),
                            frequency, (int) rule->minimum, (int) CLAMP (interval, 0, G_MAXINT32));
  if (interval >= 0 && interval > rule->maximum)
    /* Translators: the flow spec's rule; %s is a frequency ("hour"), the numbers are intervals */
    return g_strdup_printf (_("The dataflow’s specification asks a “%s” schedule for an interval of at most %d, "
                              "not %d."),
                            frequency, (int) MIN (rule->maximum, G_MAXINT32), (int) MIN (interval, G_MAXINT32));

  return NULL;
}
