/* trib-query-template.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_TEMPLATE (trib_query_template_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryTemplate, trib_query_template, TRIB, QUERY_TEMPLATE, GObject)

TribQueryTemplate *trib_query_template_new_from_json (JsonObject        *object);
const char        *trib_query_template_get_id        (TribQueryTemplate *self);
const char        *trib_query_template_get_name      (TribQueryTemplate *self);
const char        *trib_query_template_get_sql       (TribQueryTemplate *self);
GDateTime         *trib_query_template_get_updated   (TribQueryTemplate *self);

G_END_DECLS
