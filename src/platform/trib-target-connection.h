/* trib-target-connection.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_TARGET_CONNECTION (trib_target_connection_get_type ())

G_DECLARE_FINAL_TYPE (TribTargetConnection, trib_target_connection, TRIB, TARGET_CONNECTION, GObject)

TribTargetConnection *trib_target_connection_new_from_json (JsonObject             *object);
const char             *trib_target_connection_get_id        (TribTargetConnection *self);
const char             *trib_target_connection_get_name      (TribTargetConnection *self);
const char             *trib_target_connection_get_etag      (TribTargetConnection *self);
const char             *trib_target_connection_get_spec_id   (TribTargetConnection *self);
const char             *trib_target_connection_get_dataset_id (TribTargetConnection *self);
JsonObject             *trib_target_connection_get_json      (TribTargetConnection *self);

G_END_DECLS
