/* trib-flow-service-private.h
 *
 * What the Flow Service files share: every create answers `{id, etag}`.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "trib-call.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *etag;
} TribFlowCreated;

void     _trib_flow_created_free         (TribFlowCreated  *created);
gpointer _trib_flow_service_parse_created (JsonNode         *reply,
                                          TribCall         *call,
                                          GError          **error);
char    *_trib_flow_service_finish_created (GAsyncResult    *result,
                                            char           **etag,
                                            GError         **error);

G_END_DECLS
