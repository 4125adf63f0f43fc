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
 * Data Prep calls this for each version of the world's mapping sets
 * (world/mapping-sets.json: S004's 37409d30…, versions 0 and 1, in the
 * demo org's `prod` and `uat`), without a schema: the demo flows write
 * that set into datasets of several schemas, as the seeds do, so
 * `POST /flows` does not refuse them with 1425-400. Sets created at run
 * time are found through Data Prep itself (sim_flow_mapping_exists()).
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

/**
 * sim_flow_mapping_schema:
 * @server: the server
 * @client: the caller's client
 * @sandbox: the sandbox the request works in
 * @mapping_id: a mapping set id
 * @version: its version
 *
 * Returns: (nullable): the output schema's `$id` of that mapping set
 *   version, if known
 */
const char *sim_flow_mapping_schema (SimServer  *server,
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
typedef struct _FlowLive FlowLive;

typedef struct
{
  GHashTable *sources;    /* id → JsonObject */
  GHashTable *targets;    /* id → JsonObject */
  GPtrArray *flows;       /* JsonObject, in creation order */
  GHashTable *flows_by_id;
  GHashTable *live;       /* flow id → FlowLive: its runs and schedule */
  /* Where the sandbox is, for runs the clock fires without a request. */
  SimServer *server;
  SimClient *client;
  char *sandbox;
  gboolean populated;     /* the world's flows were added */
} FlowEntities;

/* Why a run fails, besides a file that does not match the mapping. */
typedef enum
{
  FLOW_FAILURE_NONE,
  FLOW_FAILURE_CREDENTIALS,
  FLOW_FAILURE_UNREACHABLE,
} FlowFailure;

/* One run, compactly: the paging sandbox holds 100,000 of them. Its
 * JSON is made when asked for (sim-flow-run-json.c).
 */
typedef struct
{
  gint64 started_ms;
  gint64 created_ms;
  guint32 duration_ms;
  guint32 records_in;
  guint32 records_failed;
  guint32 parent;         /* 1 + the index of the run it re-triggers; 0 */
  guint16 files;
  guint8 failure;         /* FlowFailure */
  guint8 message;         /* 1 + index in FlowLive.messages; 0 */
} FlowRun;

struct _FlowLive
{
  FlowEntities *entities;
  JsonObject *flow;
  guint32 serial;         /* in run ids */
  GArray *runs;           /* FlowRun, in the order they were made */
  guint n_finished;       /* runs whose end the Catalog has heard of */
  gint64 next_ms;         /* the next scheduled start; G_MAXINT64: none */
  gint64 records;         /* a typical run's records */
  guint mismatch_every;   /* every Nth run meets rows the mapping refuses; 0 never */
  guint mismatch_permille;
  char *mismatch_column;
  gint64 healthy_until_ms; /* history before this never fails */
  GPtrArray *messages;    /* the connectors' complaints, char * */
};

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

JsonObject   *flow_member_object           (JsonObject    *object,
                                            const char    *member);
JsonArray    *flow_member_array            (JsonObject    *object,
                                            const char    *member);

/* sim-flow-flows.c */
void          flow_add_flow_routes         (SimServer     *server);
JsonObject   *flow_find_flow               (SimRequest    *request);
void          flow_insert_flow             (FlowEntities  *entities,
                                            JsonObject    *flow);
gboolean      flow_check_mapping_params    (SimRequest    *request,
                                            JsonObject    *flow_spec,
                                            JsonObject    *params);
void          flow_mark_used               (SimRequest    *request,
                                            JsonObject    *flow,
                                            gboolean       used);
void          flow_invalid                 (SimRequest    *request,
                                            const char    *code,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (3, 4);

/* sim-flow-flow-edit.c */
void          flow_add_edit_routes         (SimServer     *server);

/* sim-flow-runs.c */
FlowLive     *flow_live_add                (FlowEntities  *entities,
                                            JsonObject    *flow,
                                            gint64         now_ms);
FlowLive     *flow_live_get                (FlowEntities  *entities,
                                            const char    *flow_id);
void          flow_live_remove             (FlowEntities  *entities,
                                            const char    *flow_id);
void          flow_live_free               (FlowLive      *live);
gint64        flow_live_period_ms          (FlowLive      *live);
gboolean      flow_live_is_once            (FlowLive      *live);
gboolean      flow_live_is_running         (FlowLive      *live,
                                            gint64         now_ms);
void          flow_live_reschedule         (FlowLive      *live,
                                            gint64         now_ms);
guint         flow_live_add_run            (FlowLive      *live,
                                            gint64         started_ms,
                                            gint64         created_ms,
                                            gboolean       history,
                                            guint          parent);
void          flow_live_catch_up           (FlowLive      *live,
                                            gint64         now_ms);
void          flow_live_catch_up_all       (FlowEntities  *entities,
                                            gint64         now_ms);
char         *flow_run_id                  (FlowLive      *live,
                                            guint          index);
FlowLive     *flow_run_lookup              (FlowEntities  *entities,
                                            const char    *run_id,
                                            guint         *index);
void          flow_run_batch_id            (FlowLive      *live,
                                            guint          index,
                                            char           out[27]);
const char   *flow_live_dataset_id         (FlowLive      *live);
const char   *flow_run_status              (FlowLive      *live,
                                            guint          index,
                                            gint64         now_ms);
void          flow_runs_init               (void);

/* sim-flow-run-json.c */
JsonObject   *flow_run_to_json             (FlowLive      *live,
                                            guint          index,
                                            gint64         now_ms);
void          flow_live_update_flow_json   (FlowLive      *live,
                                            gint64         now_ms);

/* sim-flow-run-routes.c */
void          flow_add_run_routes          (SimServer     *server);

/* sim-flow-world.c */
gboolean      flow_world_load              (const char    *world_dir,
                                            GError       **error);
void          flow_world_populate          (FlowEntities  *entities);
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
