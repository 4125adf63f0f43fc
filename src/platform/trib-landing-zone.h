/* trib-landing-zone.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_LANDING_ZONE (trib_landing_zone_get_type ())

G_DECLARE_FINAL_TYPE (TribLandingZone, trib_landing_zone, TRIB, LANDING_ZONE, GObject)

TribLandingZone *trib_landing_zone_new_from_json             (JsonObject      *object);
const char      *trib_landing_zone_get_container_name        (TribLandingZone *self);
int              trib_landing_zone_get_container_ttl_days    (TribLandingZone *self);
const char      *trib_landing_zone_get_storage_account_name  (TribLandingZone *self);
const char      *trib_landing_zone_get_sas_token             (TribLandingZone *self);
const char      *trib_landing_zone_get_sas_uri               (TribLandingZone *self);

G_END_DECLS
