/* fuzz-json.c
 *
 * Replies as the platform layer hands them to the parsers: parsed by
 * trib_json_parse_bounded() with the limits every call has, as
 * trib_http_parse_json() does. What it refuses no parser sees; what it
 * gives them is theirs to read without a critical, and fuzz-reply
 * checks that it only gives them what they can read.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-json.h"
#include "trib-reply-limits.h"

/**
 * fuzz_json_parse_reply:
 * @data: a reply body
 * @length: its length
 *
 * Returns: (transfer full) (nullable): the parsed reply, a null node for
 *   an empty one, or %NULL if the platform layer refuses it
 */
JsonNode *
fuzz_json_parse_reply (const char *data,
                       gsize       length)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;

  return trib_json_parse_bounded (data, length, &limits, NULL);
}
