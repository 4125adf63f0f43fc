/* sim-flow-service-private.h
 *
 * What the Flow Service's files share, and what the other simulated
 * services (explore and preview) may ask of it: connection specs and
 * base connections as the world and the requests left them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-services.h"

G_BEGIN_DECLS

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

/**
 * sim_flow_service_lookup_connection:
 * @server: the server
 * @client: the caller's client (its org owns the connection)
 * @sandbox: the sandbox the request works in
 * @connection_id: a base connection id
 * @spec_id: (out) (optional) (transfer none): the connection spec id
 *
 * Finds a base connection of the sandbox, for the services that act
 * through one (explore, preview), which must check its credentials
 * against the world themselves.
 *
 * Returns: (transfer none) (nullable): the connection's auth params,
 *   unmasked (an empty object for a connection without auth, such as a
 *   Data Lake one), valid until the connection changes; %NULL if the
 *   sandbox has no such connection
 */
JsonObject *sim_flow_service_lookup_connection (SimServer   *server,
                                                SimClient   *client,
                                                const char  *sandbox,
                                                const char  *connection_id,
                                                const char **spec_id);

/**
 * sim_flow_service_set_connection_used:
 * @flow_id: the flow that starts or stops using the connection
 * @used: whether it uses it from now on
 *
 * Records which flows use a base connection, which cannot be deleted
 * while any does (`1418-400`). The world's `flows` seed it; flows
 * created at run time call this.
 *
 * Returns: %FALSE if the sandbox has no such connection
 */
gboolean    sim_flow_service_set_connection_used (SimServer  *server,
                                                  SimClient  *client,
                                                  const char *sandbox,
                                                  const char *connection_id,
                                                  const char *flow_id,
                                                  gboolean    used);

/**
 * sim_flow_service_lookup_spec:
 * @spec_id: a connection spec id
 *
 * Returns: (transfer none) (nullable): the spec as the world holds it
 */
JsonObject *sim_flow_service_lookup_spec       (const char  *spec_id);

/**
 * sim_flow_service_reply_error:
 * @code: the Flow Service code, such as "1101-404" (the status is its end)
 * @title: the title, such as "Resource not found"
 *
 * Answers with the Flow Service's error body:
 * `{"type": "https://ns.adobe.com/aep/errors/FLOW-<code>", "title",
 * "status", "report": {"detailed-message", "request-id"},
 * "errorMessage", "errorDetails"}`.
 */
void        sim_flow_service_reply_error       (SimRequest  *request,
                                                const char  *code,
                                                const char  *title,
                                                const char  *detail_format,
                                                ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS

/* Below: the Flow Service's own files only. */

G_BEGIN_DECLS

/* What GET shows in place of a secret (a parameter of format password). */
#define FLOW_MASK "***"

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *spec_id;
  char *spec_name;        /* the auth type; NULL without auth */
  JsonObject *params;     /* unmasked; empty without auth */
  char *state;
  char *etag;             /* with its quotes, as the platform sends it */
  gint64 created_at;
  gint64 updated_at;
  char *created_by;
  char *created_client;
  guint64 serial;         /* creation order, for paging */
  GPtrArray *used_by;     /* ids of the flows that use it */
} FlowConnection;

typedef struct
{
  GPtrArray *connections; /* FlowConnection, in creation order */
  GHashTable *by_id;      /* id → FlowConnection */
} FlowSandbox;

typedef struct
{
  char *path;
  char *op;
  char *value;
} FlowCondition;

/* sim-flow-service.c */
FlowSandbox    *flow_get_sandbox            (SimRequest    *request);
FlowConnection *flow_connection_new         (void);
void            flow_sandbox_add            (FlowSandbox   *sandbox,
                                             FlowConnection *connection);
char           *flow_new_etag               (void);
JsonObject     *flow_copy_object            (JsonObject    *object);
JsonArray      *flow_get_remote_accounts    (void);

/* sim-flow-service-checks.c */
JsonObject     *flow_find_auth_spec         (JsonObject    *spec,
                                             const char    *spec_name);
char           *flow_check_params           (JsonObject    *auth_spec,
                                             JsonObject    *params);
gboolean        flow_patch_param            (JsonObject    *params,
                                             const char    *pointer,
                                             JsonNode      *value);
GPtrArray      *flow_parse_property         (const char    *text);
gboolean        flow_matches                (JsonObject    *object,
                                             GPtrArray     *conditions);
void            flow_reply_item_list        (SimRequest    *request,
                                             GPtrArray     *objects);
void            flow_reply_items            (SimRequest    *request,
                                             JsonArray     *all);

FlowConnection *flow_lookup_connection      (SimServer     *server,
                                             SimClient     *client,
                                             const char    *sandbox,
                                             const char    *connection_id);

void            sim_flow_service_touch      (SimServer     *server,
                                             SimClient     *client,
                                             const char    *sandbox);

/* sim-flow-service-connections.c */
void            flow_add_connection_routes  (SimServer     *server);
const char     *flow_connection_refusal     (FlowConnection *connection,
                                             gboolean      *unreachable);

G_END_DECLS
