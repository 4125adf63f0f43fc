/* sim-flow-private.h
 *
 * What the Flow Service's dataflow files share (flow specs, source and
 * target connections, flows), and the hook through which Data Prep
 * tells them which mapping sets exist.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-flow-service-private.h"

G_BEGIN_DECLS

/**
 * sim_flow_register_mapping:
 * @org_id: the org that owns the mapping set
 * @sandbox: (nullable): its sandbox; %NULL: any sandbox of @org_id
 * @mapping_id: the mapping set's id (32 hex)
 * @version: its version, from 0
 * @schema_id: (nullable): its output schema's `$id`
 *
 * Data Prep calls this when a mapping set is created or gets a new
 * version, so that `POST /flows` accepts its `Mapping` transformation.
 * The demo org starts with S004's mapping set 37409d30…, version 0, in
 * every sandbox, so flows can be made before Data Prep exists.
 */
void     sim_flow_register_mapping  (const char *org_id,
                                     const char *sandbox,
                                     const char *mapping_id,
                                     gint64      version,
                                     const char *schema_id);

/**
 * sim_flow_mapping_exists:
 * @server: the server
 * @client: the caller's client (its org owns the mapping set)
 * @sandbox: the sandbox the request works in
 * @mapping_id: a mapping set id
 * @version: the version the flow asks for
 *
 * What `POST /flows` asks about a `Mapping` transformation: the table
 * sim_flow_register_mapping() fills, then Data Prep's own mapping sets.
 *
 * Returns: whether the mapping set exists in that version
 */
gboolean sim_flow_mapping_exists    (SimServer  *server,
                                     SimClient  *client,
                                     const char *sandbox,
                                     const char *mapping_id,
                                     gint64      version);

G_END_DECLS

/* Below: the dataflow files only. */

G_BEGIN_DECLS

#define DATA_LAKE_SPEC "c604ff05-7f1a-43c0-8e18-33bf874cb11c"
#define LANDING_ZONE_SPEC "26f526f2-58f4-4712-961d-e41bf1ccc0e8"

/* The source and target connections and flows of one sandbox: each as
 * the JSON that GET answers with.
 */
typedef struct
{
  GHashTable *sources;    /* id → JsonObject */
  GHashTable *targets;    /* id → JsonObject */
  GPtrArray *flows;       /* JsonObject, in creation order */
  GHashTable *flows_by_id;
} FlowEntities;

/* sim-flow-specs.c */
gboolean      flow_specs_load              (const char    *world_dir,
                                            GError       **error);
JsonObject   *flow_specs_lookup            (const char    *id);
char         *flow_check_schedule          (JsonObject    *flow_spec,
                                            JsonNode      *params);
gboolean      flow_get_integer             (JsonNode      *node,
                                            gboolean       string_too,
                                            gint64        *value);
void          flow_add_spec_routes         (SimServer     *server);

/* sim-flow-entities.c */
FlowEntities *flow_get_entities            (SimRequest    *request);
JsonObject   *flow_new_entity              (SimRequest    *request,
                                            JsonObject    *body);
void          flow_reply_id_etag           (SimRequest    *request,
                                            JsonObject    *entity);
void          flow_add_entity_routes       (SimServer     *server);

/* sim-flow-flows.c */
void          flow_add_flow_routes         (SimServer     *server);
void          flow_foreach_entities        (GHFunc         func,
                                            gpointer       user_data);

/* sim-dataset-export-checks.c */
#define EXPORT_SOURCE_SPEC "23598e46-f560-407b-88d5-ea6207e49db0"
#define EXPORT_SCHEDULE_SPEC "DatasetScheduleParams_V2"

gboolean      dataset_export_is_destination (const char   *spec_id);
const char   *dataset_export_path_param     (const char   *spec_id);
const char   *dataset_export_place_param    (const char   *spec_id);
gboolean      dataset_export_check_source   (SimRequest   *request,
                                             JsonObject   *body);
gboolean      dataset_export_check_target   (SimRequest   *request,
                                             JsonObject   *body,
                                             const char   *spec_id);
char         *dataset_export_check_schedule (JsonObject   *params);

G_END_DECLS
