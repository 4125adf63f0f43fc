/* fuzz-json.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *fuzz_json_parse_reply (const char *data,
                                 gsize       length);

G_END_DECLS
