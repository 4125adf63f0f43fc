/* trib-connection.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_CONNECTION (trib_connection_get_type ())

G_DECLARE_FINAL_TYPE (TribConnection, trib_connection, TRIB, CONNECTION, GObject)

TribConnection *trib_connection_new_from_json      (JsonObject     *object);
TribConnection *trib_connection_new_landing_zone   (void);
const char     *trib_connection_get_id             (TribConnection *self);
const char     *trib_connection_get_name           (TribConnection *self);
const char     *trib_connection_get_description    (TribConnection *self);
const char     *trib_connection_get_spec_id        (TribConnection *self);
const char     *trib_connection_get_auth_name      (TribConnection *self);
JsonObject     *trib_connection_get_auth_params    (TribConnection *self);
JsonNode       *trib_connection_get_auth_param     (TribConnection     *self,
                                                    const char * const *path);
const char     *trib_connection_get_state          (TribConnection *self);
const char     *trib_connection_get_etag           (TribConnection *self);
GDateTime      *trib_connection_get_created        (TribConnection *self);
GDateTime      *trib_connection_get_updated        (TribConnection *self);

G_END_DECLS
