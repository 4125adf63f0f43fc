/* trib-json-reader.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribJsonKind:
 * @TRIB_JSON_KIND_INVALID: the end of the text, or something no JSON
 *   value starts with
 * @TRIB_JSON_KIND_OBJECT: an object
 * @TRIB_JSON_KIND_ARRAY: an array
 * @TRIB_JSON_KIND_STRING: a string
 * @TRIB_JSON_KIND_OTHER: a number, `true`, `false` or `null`
 *
 * What the next value of a #TribJsonReader is.
 */
typedef enum
{
  TRIB_JSON_KIND_INVALID,
  TRIB_JSON_KIND_OBJECT,
  TRIB_JSON_KIND_ARRAY,
  TRIB_JSON_KIND_STRING,
  TRIB_JSON_KIND_OTHER,
} TribJsonKind;

/**
 * TribJsonString:
 * @raw: the string's bytes in the text, between its quotes, escapes
 *   undecoded
 * @length: how many bytes @raw has
 * @escaped: whether @raw holds a backslash
 *
 * A string of the text, not yet copied.
 */
typedef struct
{
  const char *raw;
  gsize length;
  gboolean escaped;
} TribJsonString;

/**
 * TribJsonReader:
 *
 * A cursor over a JSON text, read in place. Keep it on the stack and
 * treat its members as private.
 */
typedef struct
{
  /*< private >*/
  const char *pos;
  const char *end;
  gboolean failed;
  gboolean first;       /* no member or element read yet in this container */
} TribJsonReader;

void          trib_json_reader_init          (TribJsonReader       *reader,
                                              const char           *data,
                                              gsize                 length);
gboolean      trib_json_reader_failed        (TribJsonReader       *reader);
TribJsonKind  trib_json_reader_peek          (TribJsonReader       *reader);
gboolean      trib_json_reader_enter         (TribJsonReader       *reader);
gboolean      trib_json_reader_next_member   (TribJsonReader       *reader,
                                              TribJsonString       *key);
gboolean      trib_json_reader_next_element  (TribJsonReader       *reader);
gboolean      trib_json_reader_read_string   (TribJsonReader       *reader,
                                              TribJsonString       *string);
gboolean      trib_json_reader_read_boolean  (TribJsonReader       *reader,
                                              gboolean             *value);
void          trib_json_reader_skip          (TribJsonReader       *reader);
gboolean      trib_json_reader_at_end        (TribJsonReader       *reader);

gsize         trib_json_string_decode        (const TribJsonString *string,
                                              char                 *out);
gboolean      trib_json_string_equal         (const TribJsonString *string,
                                              const char           *literal);

G_END_DECLS
