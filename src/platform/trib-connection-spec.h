/* trib-connection-spec.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_CONNECTION_SPEC (trib_connection_spec_get_type ())

G_DECLARE_FINAL_TYPE (TribConnectionSpec, trib_connection_spec, TRIB, CONNECTION_SPEC, GObject)

TribConnectionSpec *trib_connection_spec_new_from_json         (JsonObject         *object);
const char         *trib_connection_spec_get_id                (TribConnectionSpec *self);
const char         *trib_connection_spec_get_name              (TribConnectionSpec *self);
const char         *trib_connection_spec_get_provider_id       (TribConnectionSpec *self);
const char         *trib_connection_spec_get_version           (TribConnectionSpec *self);
const char         *trib_connection_spec_get_category          (TribConnectionSpec *self);
const char         *trib_connection_spec_get_connector_name    (TribConnectionSpec *self);
const char         *trib_connection_spec_get_icon_key          (TribConnectionSpec *self);
const char         *trib_connection_spec_get_description       (TribConnectionSpec *self);
gboolean            trib_connection_spec_is_source             (TribConnectionSpec *self);
gboolean            trib_connection_spec_is_destination        (TribConnectionSpec *self);
const char         *trib_connection_spec_get_explore_type      (TribConnectionSpec *self);
GStrv               trib_connection_spec_dup_auth_names        (TribConnectionSpec *self);
gboolean            trib_connection_spec_explores_without_account (TribConnectionSpec *self);
JsonObject         *trib_connection_spec_get_auth_schema       (TribConnectionSpec *self,
                                                                const char         *auth_name);
JsonObject         *trib_connection_spec_get_source_schema     (TribConnectionSpec *self);
JsonObject         *trib_connection_spec_get_target_schema     (TribConnectionSpec *self);
JsonObject         *trib_connection_spec_get_json              (TribConnectionSpec *self);

G_END_DECLS
