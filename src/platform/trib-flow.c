/* trib-flow.c
 *
 * A Flow Service dataflow as GET /flows shows it: its flow spec, its
 * source and target connections (one each, as the wizards make them),
 * its schedule and state, and the etag an update must send.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow"

#include "config.h"

#include "trib-flow.h"
#include "trib-xdm-json.h"

struct _TribFlow
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribFlow, trib_flow, G_TYPE_OBJECT)

static void
trib_flow_finalize (GObject *object)
{
  TribFlow *self = (TribFlow *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_flow_parent_class)->finalize (object);
}

static void
trib_flow_class_init (TribFlowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_finalize;
}

static void
trib_flow_init (TribFlow *self)
{
}

/**
 * trib_flow_new_from_json:
 * @object: one item of a flows answer
 *
 * Returns: (transfer full) (nullable): the flow, or %NULL without an id
 *   or a flow spec
 */
TribFlow *
trib_flow_new_from_json (JsonObject *object)
{
  TribFlow *self;
  JsonObject *spec;

  g_return_val_if_fail (object != NULL, NULL);

  spec = trib_xdm_json_get_object (object, "flowSpec");
  if (trib_xdm_json_get_string (object, "id") == NULL || spec == NULL ||
      trib_xdm_json_get_string (spec, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_FLOW, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_flow_get_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_flow_get_name (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

const char *
trib_flow_get_state (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "state");
}

const char *
trib_flow_get_etag (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "etag");
}

const char *
trib_flow_get_flow_spec_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (trib_xdm_json_get_object (self->json, "flowSpec"), "id");
}

static const char *
first_id (JsonObject *object,
          const char *member)
{
  JsonArray *ids = trib_xdm_json_get_array (object, member);

  return ids != NULL && json_array_get_length (ids) > 0 ? json_array_get_string_element (ids, 0) : NULL;
}

const char *
trib_flow_get_source_connection_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return first_id (self->json, "sourceConnectionIds");
}

const char *
trib_flow_get_target_connection_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return first_id (self->json, "targetConnectionIds");
}

/**
 * trib_flow_get_schedule_params:
 *
 * Returns: (transfer none) (nullable): `scheduleParams`
 */
JsonObject *
trib_flow_get_schedule_params (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_object (self->json, "scheduleParams");
}

/**
 * trib_flow_get_json:
 *
 * Returns: (transfer none): the flow as the platform gave it
 */
JsonObject *
trib_flow_get_json (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return self->json;
}

/**
 * trib_flow_get_frequency:
 *
 * Returns: (nullable): `once`, `minute`, `hour`, `day` or `week`
 */
const char *
trib_flow_get_frequency (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (trib_flow_get_schedule_params (self), "frequency");
}

/* Numbers may come as strings (API-NOTES §A8). */
static gint64
schedule_int (TribFlow   *self,
              const char *member,
              gint64      fallback)
{
  JsonObject *params = trib_flow_get_schedule_params (self);
  const char *text = trib_xdm_json_get_string (params, member);
  gint64 value;

  if (trib_xdm_json_get_int (params, member, &value))
    return value;
  if (text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &value, NULL))
    return value;

  return fallback;
}

/**
 * trib_flow_get_interval:
 *
 * Returns: how many units of the frequency between runs; 0 for `once`
 */
gint64
trib_flow_get_interval (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), 0);

  return g_strcmp0 (trib_flow_get_frequency (self), "once") == 0 ? 0 : schedule_int (self, "interval", 1);
}

/**
 * trib_flow_get_start_time:
 *
 * Returns: the schedule's start, in epoch seconds, or -1
 */
gint64
trib_flow_get_start_time (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), -1);

  return schedule_int (self, "startTime", -1);
}

gboolean
trib_flow_is_enabled (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), FALSE);

  return g_strcmp0 (trib_flow_get_state (self), "enabled") == 0;
}

/**
 * trib_flow_get_mapping_version:
 *
 * Returns: the version of the mapping set its `Mapping` transformation
 *   uses (sent as a number or a string), or -1 without one
 */
gint64
trib_flow_get_mapping_version (TribFlow *self)
{
  JsonArray *transformations;

  g_return_val_if_fail (TRIB_IS_FLOW (self), -1);

  transformations = trib_xdm_json_get_array (self->json, "transformations");
  for (guint i = 0; transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonNode *node = json_array_get_element (transformations, i);
      JsonObject *params;
      const char *text;
      gint64 version;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          g_strcmp0 (trib_xdm_json_get_string (json_node_get_object (node), "name"), "Mapping") != 0)
        continue;
      params = trib_xdm_json_get_object (json_node_get_object (node), "params");
      if (trib_xdm_json_get_int (params, "mappingVersion", &version))
        return version;
      text = trib_xdm_json_get_string (params, "mappingVersion");
      if (text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &version, NULL))
        return version;
    }

  return -1;
}

/**
 * trib_flow_get_last_run_id:
 *
 * Returns: (nullable): the id of the last run that ended
 */
const char *
trib_flow_get_last_run_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (trib_xdm_json_get_object (self->json, "lastRunDetails"), "id");
}

/**
 * trib_flow_get_last_run_state:
 *
 * Returns: how the last run that ended went; %TRIB_FLOW_RUN_STATE_UNKNOWN
 *   if none has
 */
TribFlowRunState
trib_flow_get_last_run_state (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), TRIB_FLOW_RUN_STATE_UNKNOWN);

  return trib_flow_run_state_from_string (
    trib_xdm_json_get_string (trib_xdm_json_get_object (self->json, "lastRunDetails"), "state"));
}

/**
 * trib_flow_get_last_run_started_ms:
 *
 * Returns: when the last run that ended started, in epoch ms, or -1
 */
gint64
trib_flow_get_last_run_started_ms (TribFlow *self)
{
  gint64 value;

  g_return_val_if_fail (TRIB_IS_FLOW (self), -1);

  return trib_xdm_json_get_int (trib_xdm_json_get_object (self->json, "lastRunDetails"), "startedAtUTC", &value)
         ? value : -1;
}

/* The flow's first inherited source or target connection: GET /flows
 * copies them into `inheritedAttributes`, so a list of flows names their
 * accounts and datasets without a request per flow.
 */
static JsonObject *
inherited (TribFlow   *self,
           const char *member)
{
  JsonArray *connections = trib_xdm_json_get_array (trib_xdm_json_get_object (self->json, "inheritedAttributes"),
                                                    member);
  JsonNode *node;

  if (connections == NULL || json_array_get_length (connections) == 0)
    return NULL;
  node = json_array_get_element (connections, 0);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * trib_flow_get_account_id:
 *
 * Returns: (nullable): the base connection (account) of its source
 *   connection, when the platform gave its inherited attributes
 */
const char *
trib_flow_get_account_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);
  return trib_xdm_json_get_string (inherited (self, "sourceConnections"), "baseConnectionId");
}

/**
 * trib_flow_get_source_spec_id:
 *
 * Returns: (nullable): the connection spec (connector) of its source
 */
const char *
trib_flow_get_source_spec_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);
  return trib_xdm_json_get_string (trib_xdm_json_get_object (inherited (self, "sourceConnections"),
                                                             "connectionSpec"), "id");
}

/**
 * trib_flow_get_dataset_id:
 *
 * Returns: (nullable): the Catalog dataset its target connection writes to
 */
const char *
trib_flow_get_dataset_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);
  return trib_xdm_json_get_string (trib_xdm_json_get_object (inherited (self, "targetConnections"), "params"),
                                   "dataSetId");
}

/**
 * trib_flow_get_mapping_id:
 *
 * Returns: (nullable): the mapping set of its `Mapping` transformation
 */
const char *
trib_flow_get_mapping_id (TribFlow *self)
{
  JsonArray *transformations;

  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  transformations = trib_xdm_json_get_array (self->json, "transformations");
  for (guint i = 0; transformations != NULL && i < json_array_get_length (transformations); i++)
    {
      JsonNode *node = json_array_get_element (transformations, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (trib_xdm_json_get_string (json_node_get_object (node), "name"), "Mapping") == 0)
        return trib_xdm_json_get_string (trib_xdm_json_get_object (json_node_get_object (node), "params"),
                                         "mappingId");
    }

  return NULL;
}

/**
 * trib_flow_get_next_run:
 * @self: a #TribFlow
 * @now: the time, in epoch seconds
 *
 * The platform fires an enabled flow at `startTime + k × interval`; this
 * is the first such slot after @now.
 *
 * Returns: the next run's time, in epoch seconds, or -1 when none is due
 *   (disabled, `once`, or no schedule)
 */
gint64
trib_flow_get_next_run (TribFlow *self,
                        gint64    now)
{
  static const struct {
    const char *frequency;
    gint64 seconds;
  } units[] = {
    { "minute", 60 }, { "hour", 3600 }, { "day", 86400 }, { "week", 7 * 86400 },
  };
  const char *frequency;
  gint64 start;
  gint64 step = 0;

  g_return_val_if_fail (TRIB_IS_FLOW (self), -1);

  frequency = trib_flow_get_frequency (self);
  start = trib_flow_get_start_time (self);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_strcmp0 (frequency, units[i].frequency) == 0)
      step = units[i].seconds * trib_flow_get_interval (self);

  if (!trib_flow_is_enabled (self) || step <= 0 || start < 0)
    return -1;
  if (start > now)
    return start;

  return start + ((now - start) / step + 1) * step;
}
