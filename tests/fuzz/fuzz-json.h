/* fuzz-json.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Replies nested deeper than this are refused before parsing, as
 * fuzz-json.c explains.
 */
#define FUZZ_JSON_MAX_DEPTH 512

gboolean  fuzz_json_within_bounds (const char *data,
                                   gsize       length);
JsonNode *fuzz_json_parse_reply   (const char *data,
                                   gsize       length);

G_END_DECLS
