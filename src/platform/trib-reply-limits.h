/* trib-reply-limits.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribReplyLimits:
 * @max_body_bytes: the most bytes of an answer's body read, counted
 *   after decompression
 * @max_depth: the deepest nesting of JSON arrays and objects parsed
 * @answer_timeout_ms: the longest wait from sending a request until
 *   the answer's headers have arrived
 * @stall_timeout_ms: while the body arrives, each period this long must
 *   bring @min_progress_bytes or the end of the body
 * @min_progress_bytes: see @stall_timeout_ms
 *
 * What an answer may cost before it is refused. Checked while it
 * arrives and before any parser sees it, so a hostile or broken server
 * cannot crash the app, fill its memory or hold a call for minutes.
 */
typedef struct
{
  gsize max_body_bytes;
  guint max_depth;
  guint answer_timeout_ms;
  guint stall_timeout_ms;
  gsize min_progress_bytes;
} TribReplyLimits;

/* 64 MiB is over a hundred times the largest answer of the demo platform
 * (the 5,157-field resolved schema, 568 KiB) and fifty times a
 * 10,000-field one, yet its parsed tree still fits in memory with room
 * to spare. 512 levels is thirty times the deepest answer (16, that same
 * schema) and far below what json-glib's recursive parser survives. A
 * minute for the headers outlasts any platform operation that answers
 * at all; then 1 KiB every 30 s is slower than any working network.
 */
#define TRIB_REPLY_LIMITS_DEFAULT ((TribReplyLimits) { 64 * 1024 * 1024, 512, 60 * 1000, 30 * 1000, 1024 })

gboolean  trib_json_check_bounded (const char             *data,
                                   gsize                   length,
                                   const TribReplyLimits  *limits,
                                   char                  **repaired,
                                   GError                **error);
JsonNode *trib_json_parse_bounded (const char             *data,
                                   gsize                   length,
                                   const TribReplyLimits  *limits,
                                   GError                **error);

G_END_DECLS
