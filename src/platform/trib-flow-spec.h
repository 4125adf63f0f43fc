/* trib-flow-spec.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_SPEC (trib_flow_spec_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowSpec, trib_flow_spec, TRIB, FLOW_SPEC, GObject)

TribFlowSpec *trib_flow_spec_new_from_json          (JsonObject   *object);
const char   *trib_flow_spec_get_id                 (TribFlowSpec *self);
const char   *trib_flow_spec_get_name               (TribFlowSpec *self);
gboolean      trib_flow_spec_takes_source           (TribFlowSpec *self,
                                                     const char   *connection_spec_id);
gboolean      trib_flow_spec_takes_target           (TribFlowSpec *self,
                                                     const char   *connection_spec_id);
JsonObject   *trib_flow_spec_get_transformation     (TribFlowSpec *self,
                                                     const char   *name);
JsonObject   *trib_flow_spec_get_schedule_schema    (TribFlowSpec *self);
JsonObject   *trib_flow_spec_get_json               (TribFlowSpec *self);

G_END_DECLS
