/* trib-flow.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trib-flow-run.h"

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
const char *trib_flow_get_frequency              (TribFlow   *self);
gint64      trib_flow_get_interval               (TribFlow   *self);
gint64      trib_flow_get_start_time             (TribFlow   *self);
gboolean    trib_flow_is_enabled                 (TribFlow   *self);
gint64      trib_flow_get_mapping_version        (TribFlow   *self);
const char *trib_flow_get_last_run_id            (TribFlow   *self);
TribFlowRunState trib_flow_get_last_run_state    (TribFlow   *self);
gint64      trib_flow_get_last_run_started_ms    (TribFlow   *self);
const char *trib_flow_get_account_id             (TribFlow   *self);
const char *trib_flow_get_source_spec_id         (TribFlow   *self);
const char *trib_flow_get_dataset_id             (TribFlow   *self);
const char *trib_flow_get_mapping_id             (TribFlow   *self);
gint64      trib_flow_get_next_run               (TribFlow   *self,
                                                  gint64      now);

G_END_DECLS
