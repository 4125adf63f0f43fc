/* sim-server-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

/* sim-request.c */
SimRequest *_sim_request_new   (SimServer         *server,
                                SoupServerMessage *message,
                                const char        *path,
                                GHashTable        *query);

/* sim-gateway.c */
gboolean    _sim_gateway_check (SimRequest        *request,
                                SimRouteFlags      flags);

G_END_DECLS
