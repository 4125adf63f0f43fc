/* trib-source-connection.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_SOURCE_CONNECTION (trib_source_connection_get_type ())

G_DECLARE_FINAL_TYPE (TribSourceConnection, trib_source_connection, TRIB, SOURCE_CONNECTION, GObject)

TribSourceConnection *trib_source_connection_new_from_json (JsonObject             *object);
const char             *trib_source_connection_get_id        (TribSourceConnection *self);
const char             *trib_source_connection_get_name      (TribSourceConnection *self);
const char             *trib_source_connection_get_etag      (TribSourceConnection *self);
const char             *trib_source_connection_get_spec_id   (TribSourceConnection *self);
const char             *trib_source_connection_get_base_connection_id (TribSourceConnection *self);
JsonObject             *trib_source_connection_get_json      (TribSourceConnection *self);

G_END_DECLS
