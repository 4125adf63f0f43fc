/* trib-json-scan.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribJsonScanStatus:
 * @TRIB_JSON_SCAN_OK: the text may be given to json-glib
 * @TRIB_JSON_SCAN_TOO_DEEP: arrays and objects nest deeper than allowed
 * @TRIB_JSON_SCAN_UNEXPECTED: a NUL byte, or outside strings a comment,
 *   a single quote, a byte that is not ASCII (a leading BOM aside), or
 *   anything but blanks after the first value
 * @TRIB_JSON_SCAN_INVALID_STRING: a string that is not UTF-8, holds a
 *   control character, has an unknown or short escape, or does not end
 * @TRIB_JSON_SCAN_LONE_SURROGATE: a `\u` escape of half a surrogate
 *   pair, where the caller asked for no repair
 * @TRIB_JSON_SCAN_DUPLICATE_KEY: an object has the same key twice
 *
 * What trib_json_scan() found.
 */
typedef enum
{
  TRIB_JSON_SCAN_OK,
  TRIB_JSON_SCAN_TOO_DEEP,
  TRIB_JSON_SCAN_UNEXPECTED,
  TRIB_JSON_SCAN_INVALID_STRING,
  TRIB_JSON_SCAN_LONE_SURROGATE,
  TRIB_JSON_SCAN_DUPLICATE_KEY,
} TribJsonScanStatus;

TribJsonScanStatus trib_json_scan (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   gsize       *offset,
                                   char       **repaired);

guint              trib_json_line_at (const char *data,
                                      gsize       length,
                                      gsize       offset);

G_END_DECLS
