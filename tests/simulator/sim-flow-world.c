/* sim-flow-world.c
 *
 * The flows a sandbox starts with (world/flows.json): for the demo, a
 * flow of each seed's kind in `prod`, each with weeks of runs behind it
 * and some failing as the world has it (an account whose password was
 * rotated, a host that is gone, a file whose rows the mapping refuses);
 * and one sandbox (`uat`) with 2,000 flows and 100,000 runs for paging.
 * Everything is made when the sandbox is first used, from the flow's
 * index and the clock's start, so the simulator starts as fast as before
 * and every run sees the same world.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-world"

#include "config.h"

#include <string.h>

#include "sim-catalog-private.h"
#include "sim-clock.h"
#include "sim-flow-private.h"

#define HOUR_MS ((gint64) 60 * 60 * 1000)
#define DAY_MS (24 * HOUR_MS)

#define CLOUD_STORAGE_TO_AEP "9753525b-82c7-4dce-8a9b-5ccfce2b9876"
#define S004_MAPPING "37409d3017e24a3eb4a2dc21020f7a5b"

static struct
{
  JsonParser *parser;
  JsonArray *flows;
  JsonObject *paging;
} world;

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *what,
         guint        index)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: flows[%u]: %s", path, index, what);

  return FALSE;
}

gboolean
flow_world_load (const char  *world_dir,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (world_dir, "flows.json", NULL);
  JsonNode *root;

  world.parser = json_parser_new ();
  if (!json_parser_load_from_file (world.parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  root = json_parser_get_root (world.parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(world.flows = flow_member_array (json_node_get_object (root), "flows")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: the object must have a \"flows\" array", path);
      return FALSE;
    }
  world.paging = flow_member_object (json_node_get_object (root), "pagingSandbox");

  for (guint i = 0; i < json_array_get_length (world.flows); i++)
    {
      JsonObject *entry = json_array_get_object_element (world.flows, i);

      if (entry == NULL || sim_json_get_string (entry, "id") == NULL || sim_json_get_string (entry, "org") == NULL ||
          sim_json_get_string (entry, "name") == NULL || sim_json_get_string (entry, "flowSpec") == NULL ||
          flow_specs_lookup (sim_json_get_string (entry, "flowSpec")) == NULL ||
          sim_json_get_string (entry, "sourceSpec") == NULL || sim_json_get_string (entry, "dataset") == NULL ||
          flow_member_object (entry, "source") == NULL || flow_member_object (entry, "schedule") == NULL ||
          flow_member_array (entry, "sandboxes") == NULL)
        return invalid (error, path, "needs id, org, sandboxes, name, a known flowSpec, sourceSpec, source, "
                        "dataset and schedule", i);
      if (flow_check_schedule (flow_specs_lookup (sim_json_get_string (entry, "flowSpec")),
                               json_object_get_member (entry, "schedule")) != NULL &&
          !json_object_has_member (flow_member_object (entry, "schedule"), "startTime"))
        {
          /* The start time is the world's start: checked without it. */
          g_autoptr(JsonObject) schedule = flow_copy_object (flow_member_object (entry, "schedule"));
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *problem = NULL;

          json_object_set_int_member (schedule, "startTime", 1);
          json_node_set_object (node, schedule);
          if ((problem = flow_check_schedule (flow_specs_lookup (sim_json_get_string (entry, "flowSpec")), node)))
            return invalid (error, path, problem, i);
        }
    }

  return TRUE;
}

static gboolean
in_sandboxes (JsonObject *entry,
              const char *sandbox)
{
  JsonArray *sandboxes = flow_member_array (entry, "sandboxes");

  for (guint i = 0; sandboxes != NULL && i < json_array_get_length (sandboxes); i++)
    if (g_strcmp0 (json_array_get_string_element (sandboxes, i), sandbox) == 0)
      return TRUE;

  return FALSE;
}

/* A UUID made from a name, so the world's ids are the same every run. */
static char *
derived_uuid (const char *seed,
              const char *what)
{
  g_autofree char *text = g_strconcat (seed, "/", what, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-a%.3s-%.12s", hex, hex + 8, hex + 13, hex + 17, hex + 20);
}

static SimRequest
fake_request (FlowEntities *entities)
{
  SimRequest request = { 0 };

  request.server = entities->server;
  request.client = entities->client;
  request.sandbox = entities->sandbox;

  return request;
}

static JsonObject *
spec_ref (const char *id)
{
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "id", id);
  json_object_set_string_member (ref, "version", "1.0");

  return ref;
}

static JsonObject *
new_entity (FlowEntities *entities,
            const char   *id,
            const char   *name,
            gint64        created_ms)
{
  SimRequest request = fake_request (entities);
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *entity;

  json_object_set_string_member (body, "name", name);
  entity = flow_new_entity (&request, body);
  json_object_set_string_member (entity, "id", id);
  json_object_set_int_member (entity, "createdAt", created_ms);
  json_object_set_int_member (entity, "updatedAt", created_ms);
  json_object_set_string_member (entity, "createdBy", "acp_foundation_connectors@AdobeID");
  json_object_set_string_member (entity, "createdClient", "exc_app");

  return entity;
}

/* What the flow reads: inserted in the sandbox, borrowed back. */
static JsonObject *
add_source (FlowEntities *entities,
            const char   *id,
            const char   *name,
            const char   *spec_id,
            const char   *base_id,
            JsonObject   *source,
            gint64        created_ms)
{
  JsonObject *entity = new_entity (entities, id, name, created_ms);

  if (base_id != NULL)
    json_object_set_string_member (entity, "baseConnectionId", base_id);
  json_object_set_object_member (entity, "connectionSpec", spec_ref (spec_id));
  json_object_set_object_member (entity, "data", flow_copy_object (flow_member_object (source, "data")));
  json_object_set_object_member (entity, "params", flow_copy_object (flow_member_object (source, "params")));
  g_hash_table_insert (entities->sources, g_strdup (id), entity);

  return entity;
}

static JsonObject *
add_target (FlowEntities *entities,
            const char   *id,
            const char   *name,
            const char   *dataset_id,
            gint64        created_ms)
{
  SimRequest request = fake_request (entities);
  Dataset *dataset = g_hash_table_lookup (catalog_get_sandbox (&request)->by_id, dataset_id);
  JsonObject *entity = new_entity (entities, id, name, created_ms);
  JsonObject *data = json_object_new ();
  JsonObject *schema = json_object_new ();
  JsonObject *params = json_object_new ();

  json_object_set_string_member (entity, "baseConnectionId", "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e");
  json_object_set_object_member (entity, "connectionSpec", spec_ref (DATA_LAKE_SPEC));
  json_object_set_string_member (schema, "id", dataset != NULL ? dataset->schema_id : "");
  json_object_set_string_member (schema, "version", "application/vnd.adobe.xed-full+json;version=1");
  json_object_set_object_member (data, "schema", schema);
  json_object_set_object_member (entity, "data", data);
  json_object_set_string_member (params, "dataSetId", dataset_id);
  json_object_set_object_member (entity, "params", params);
  g_hash_table_insert (entities->targets, g_strdup (id), entity);

  return entity;
}

static JsonObject *
new_flow (FlowEntities *entities,
          const char   *id,
          const char   *name,
          const char   *flow_spec_id,
          JsonObject   *source,
          JsonObject   *target,
          JsonArray    *transformations,
          JsonObject   *schedule,
          gint64        start_ms,
          gboolean      enabled)
{
  JsonObject *flow = new_entity (entities, id, name, start_ms - HOUR_MS);
  JsonObject *params = flow_copy_object (schedule);
  JsonArray *sources = json_array_new ();
  JsonArray *targets = json_array_new ();
  JsonObject *inherited = json_object_new ();
  JsonArray *inherited_sources = json_array_new ();
  JsonArray *inherited_targets = json_array_new ();

  json_object_set_object_member (flow, "flowSpec", spec_ref (flow_spec_id));
  json_array_add_string_element (sources, sim_json_get_string (source, "id"));
  json_array_add_string_element (targets, sim_json_get_string (target, "id"));
  json_object_set_array_member (flow, "sourceConnectionIds", sources);
  json_object_set_array_member (flow, "targetConnectionIds", targets);
  json_object_set_array_member (flow, "transformations", json_array_ref (transformations));
  json_object_set_int_member (params, "startTime", start_ms / 1000);
  json_object_set_object_member (flow, "scheduleParams", params);
  json_object_set_string_member (flow, "state", enabled ? "enabled" : "disabled");
  json_array_add_object_element (inherited_sources, json_object_ref (source));
  json_array_add_object_element (inherited_targets, json_object_ref (target));
  json_object_set_array_member (inherited, "sourceConnections", inherited_sources);
  json_object_set_array_member (inherited, "targetConnections", inherited_targets);
  json_object_set_object_member (flow, "inheritedAttributes", inherited);

  return flow;
}

/* Its history is made as if it had been enabled all along; its state
 * then is its own.
 */
static FlowLive *
insert_flow (FlowEntities *entities,
             JsonObject   *flow,
             gint64        now_ms)
{
  SimRequest request = fake_request (entities);
  FlowLive *live;

  g_ptr_array_add (entities->flows, flow);
  g_hash_table_insert (entities->flows_by_id, (gpointer) sim_json_get_string (flow, "id"), flow);
  live = flow_live_add (entities, flow, now_ms);
  flow_mark_used (&request, flow, TRUE);

  return live;
}

/* Up to @n_runs slots from the flow's start, all before @now_ms; a
 * `once` flow has one.
 */
static void
add_history (FlowLive *live,
             guint     n_runs,
             gint64    now_ms)
{
  gint64 start = json_object_get_int_member (flow_member_object (live->flow, "scheduleParams"), "startTime") * 1000;
  gint64 period = flow_live_period_ms (live);

  for (guint i = 0; i < n_runs; i++)
    {
      gint64 at = start + (gint64) i * period;

      if (at >= now_ms || (period == 0 && i > 0))
        break;
      flow_live_add_run (live, at, at, TRUE, 0);
    }
  flow_live_reschedule (live, now_ms);
  flow_live_catch_up (live, now_ms);
}

static void
populate_demo (FlowEntities *entities,
               gint64        now_ms)
{
  for (guint i = 0; i < json_array_get_length (world.flows); i++)
    {
      JsonObject *entry = json_array_get_object_element (world.flows, i);
      JsonObject *mismatch = flow_member_object (entry, "mismatch");
      const char *id = sim_json_get_string (entry, "id");
      gint64 days = json_object_get_int_member_with_default (entry, "historyDays", 14);
      gint64 start = now_ms - days * DAY_MS;
      g_autofree char *source_id = derived_uuid (id, "source");
      g_autofree char *target_id = derived_uuid (id, "target");
      g_autofree char *source_name = g_strconcat (sim_json_get_string (entry, "name"), ": source", NULL);
      g_autofree char *target_name = g_strconcat (sim_json_get_string (entry, "name"), ": target", NULL);
      JsonObject *source;
      JsonObject *target;
      JsonObject *flow;
      FlowLive *live;

      if (!g_str_equal (sim_json_get_string (entry, "org"), entities->client->org->id) ||
          !in_sandboxes (entry, entities->sandbox))
        continue;

      /* Whole hours, so the slots fall on the hour. */
      start -= start % HOUR_MS;
      source = add_source (entities, source_id, source_name, sim_json_get_string (entry, "sourceSpec"),
                           sim_json_get_string (entry, "baseConnection"), flow_member_object (entry, "source"),
                           start - DAY_MS);
      target = add_target (entities, target_id, target_name, sim_json_get_string (entry, "dataset"), start - DAY_MS);
      flow = new_flow (entities, id, sim_json_get_string (entry, "name"), sim_json_get_string (entry, "flowSpec"),
                       source, target, flow_member_array (entry, "transformations"),
                       flow_member_object (entry, "schedule"), start, TRUE);
      live = insert_flow (entities, flow, now_ms);
      live->records = json_object_get_int_member_with_default (entry, "records", 5000);
      if (json_object_has_member (entry, "failingSinceHours"))
        live->healthy_until_ms = now_ms - json_object_get_int_member (entry, "failingSinceHours") * HOUR_MS;
      if (mismatch != NULL)
        {
          live->mismatch_every = (guint) json_object_get_int_member_with_default (mismatch, "every", 4);
          live->mismatch_permille = (guint) json_object_get_int_member_with_default (mismatch, "permille", 20);
          live->mismatch_column = g_strdup (sim_json_get_string (mismatch, "column"));
        }
      add_history (live, G_MAXUINT, now_ms);
      if (g_strcmp0 (sim_json_get_string (entry, "state"), "disabled") == 0)
        {
          json_object_set_string_member (flow, "state", "disabled");
          flow_live_reschedule (live, now_ms);
        }
    }
}

/* 2,000 flows on a few shared connections; the first runs every 15
 * minutes (10,000 runs, for the chart), the others daily.
 */
static void
populate_paging (FlowEntities *entities,
                 gint64        now_ms)
{
  static const char * const datasets[] = {
    "64f0a1b2c3d4e5f60718293a", "64f0a1b2c3d4e5f60718293b", "64f0a1b2c3d4e5f60718293c",
  };
  static const char * const subjects[] = {
    "Web events", "Orders", "Loyalty members", "Store visits", "Campaign responses", "Call center logs",
  };
  guint n_flows = (guint) CLAMP (json_object_get_int_member_with_default (world.paging, "flows", 2000), 1, 100000);
  gint64 n_total = json_object_get_int_member_with_default (world.paging, "runs", 100000);
  gint64 busiest = MIN (json_object_get_int_member_with_default (world.paging, "busiestFlowRuns", 10000), n_total);
  guint per_flow = n_flows > 1 ? (guint) ((n_total - busiest) / (n_flows - 1)) : 0;
  guint extra = n_flows > 1 ? (guint) ((n_total - busiest) % (n_flows - 1)) : 0;
  g_autoptr(JsonArray) transformations = json_array_new ();
  JsonObject *mapping = json_object_new ();
  JsonObject *mapping_params = json_object_new ();
  JsonObject *sources[4];
  JsonObject *targets[G_N_ELEMENTS (datasets)];
  gint64 origin = now_ms - 120 * DAY_MS;

  origin -= origin % DAY_MS;
  json_object_set_string_member (mapping_params, "mappingId", S004_MAPPING);
  json_object_set_int_member (mapping_params, "mappingVersion", 0);
  json_object_set_string_member (mapping, "name", "Mapping");
  json_object_set_object_member (mapping, "params", mapping_params);
  json_array_add_object_element (transformations, mapping);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *what = g_strdup_printf ("source-%u", i);
      g_autofree char *id = derived_uuid (entities->sandbox, what);
      g_autofree char *name = g_strdup_printf ("Landing zone drop %u", i + 1);
      g_autofree char *path = g_strdup_printf ("dlz-user-container/drop-%u", i + 1);
      g_autoptr(JsonObject) source = json_object_new ();
      JsonObject *data = json_object_new ();
      JsonObject *params = json_object_new ();

      json_object_set_string_member (data, "format", "delimited");
      json_object_set_string_member (params, "path", path);
      json_object_set_string_member (params, "type", "folder");
      json_object_set_object_member (source, "data", data);
      json_object_set_object_member (source, "params", params);
      sources[i] = add_source (entities, id, name, LANDING_ZONE_SPEC, NULL, source, origin - DAY_MS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_autofree char *what = g_strdup_printf ("target-%u", i);
      g_autofree char *id = derived_uuid (entities->sandbox, what);
      g_autofree char *name = g_strdup_printf ("Paging target %u", i + 1);

      targets[i] = add_target (entities, id, name, datasets[i], origin - DAY_MS);
    }

  for (guint i = 0; i < n_flows; i++)
    {
      g_autofree char *seed = g_strdup_printf ("%s/flow-%u", entities->sandbox, i);
      g_autofree char *id = derived_uuid (seed, "flow");
      g_autofree char *name = g_strdup_printf ("%s %04u", subjects[i % G_N_ELEMENTS (subjects)], i + 1);
      g_autoptr(JsonObject) schedule = json_object_new ();
      guint n_runs = i == 0 ? (guint) busiest : per_flow + (i <= extra ? 1 : 0);
      gint64 start;
      JsonObject *flow;
      FlowLive *live;

      json_object_set_string_member (schedule, "frequency", i == 0 ? "minute" : "day");
      json_object_set_int_member (schedule, "interval", i == 0 ? 15 : 1);
      json_object_set_boolean_member (schedule, "backfill", TRUE);
      /* Its runs end just before now: the n-th slot back. */
      start = i == 0 ? now_ms - (gint64) n_runs * 15 * 60 * 1000 : now_ms - (gint64) n_runs * DAY_MS;
      start -= start % (60 * 1000);
      flow = new_flow (entities, id, name, CLOUD_STORAGE_TO_AEP, sources[i % G_N_ELEMENTS (sources)],
                       targets[i % G_N_ELEMENTS (targets)], transformations, schedule, start, TRUE);
      live = insert_flow (entities, flow, now_ms);
      live->records = 500 + (i * 7919) % 20000;
      if (i % 10 == 3)
        {
          live->mismatch_every = 7;
          live->mismatch_permille = 15;
          live->mismatch_column = g_strdup ("visitDate");
        }
      add_history (live, n_runs, now_ms);
      /* One in ten was switched off. */
      if (i % 10 == 9)
        {
          json_object_set_string_member (flow, "state", "disabled");
          flow_live_reschedule (live, now_ms);
        }
    }
}

void
flow_world_populate (FlowEntities *entities)
{
  gint64 now = sim_clock_now_ms ();

  if (world.flows == NULL || entities->client == NULL)
    return;

  if (world.paging != NULL &&
      g_strcmp0 (sim_json_get_string (world.paging, "org"), entities->client->org->id) == 0 &&
      g_strcmp0 (sim_json_get_string (world.paging, "sandbox"), entities->sandbox) == 0)
    populate_paging (entities, now);
  else
    populate_demo (entities, now);
}
