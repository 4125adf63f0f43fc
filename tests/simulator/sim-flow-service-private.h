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
