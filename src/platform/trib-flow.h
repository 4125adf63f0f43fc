/* trib-flow.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW (trib_flow_get_type ())

G_DECLARE_FINAL_TYPE (TribFlow, trib_flow, TRIB, FLOW, GObject)

TribFlow   *trib_flow_new_from_json              (JsonObject *object);
const char *trib_flow_get_id                     (TribFlow   *self);
const char *trib_flow_get_name                   (TribFlow   *self);
const char *trib_flow_get_state                  (TribFlow   *self);
const char *trib_flow_get_etag                   (TribFlow   *self);
const char *trib_flow_get_flow_spec_id           (TribFlow   *self);
const char *trib_flow_get_source_connection_id   (TribFlow   *self);
const char *trib_flow_get_target_connection_id   (TribFlow   *self);
JsonObject *trib_flow_get_schedule_params        (TribFlow   *self);
JsonObject *trib_flow_get_json                   (TribFlow   *self);

G_END_DECLS
