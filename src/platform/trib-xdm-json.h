/* trib-xdm-json.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *trib_xdm_json_get_string   (JsonObject *object,
                                        const char *member);
JsonObject *trib_xdm_json_get_object   (JsonObject *object,
                                        const char *member);
JsonArray  *trib_xdm_json_get_array    (JsonObject *object,
                                        const char *member);
gboolean    trib_xdm_json_get_boolean  (JsonObject *object,
                                        const char *member);
gboolean    trib_xdm_json_get_int      (JsonObject *object,
                                        const char *member,
                                        gint64     *value);
GDateTime  *trib_xdm_json_get_epoch_ms (JsonObject *object,
                                        const char *member);
GStrv       trib_xdm_json_get_strv     (JsonObject *object,
                                        const char *member);

G_END_DECLS
