/* trib-json-reader.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-json-reader.h"

/* A pull reader over a JSON text, for the few replies large enough that
 * building json-glib's tree of nodes costs more than reading what is
 * wanted from them: a resolved ExperienceEvent schema has thousands of
 * fields, and json-glib spends most of its parse allocating a node, a
 * hash table and a member list for values that are thrown away. Here
 * nothing is allocated: strings are handed out as spans of the text,
 * decoded only when the caller keeps them, and what is not wanted is
 * skipped without recursion.
 *
 * The reader checks the grammar, in what it skips as in what it reads
 * (commas, colons, brackets, literals and numbers), and fails on the
 * first fault; trib_json_scan() checks the rest, and must have accepted
 * the text first, as it has every reply: nesting bounded, strings UTF-8
 * with whole escapes, no key twice. On text it has not accepted the
 * reader still never reads out of bounds, and its strings decode to no
 * more bytes than they take.
 */

static inline void
skip_blanks (TribJsonReader *reader)
{
  while (reader->pos < reader->end &&
         (*reader->pos == ' ' || *reader->pos == '\n' || *reader->pos == '\r' || *reader->pos == '\t'))
    reader->pos++;
}

static inline gboolean
fail (TribJsonReader *reader)
{
  reader->failed = TRUE;
  reader->pos = reader->end;

  return FALSE;
}

/**
 * trib_json_reader_init:
 * @reader: a #TribJsonReader
 * @data: a JSON text, which must outlive @reader and its strings
 * @length: its length in bytes
 */
void
trib_json_reader_init (TribJsonReader *reader,
                       const char     *data,
                       gsize           length)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (data != NULL || length == 0);

  reader->pos = data;
  reader->end = data + length;
  reader->failed = FALSE;
  reader->first = TRUE;
}

/**
 * trib_json_reader_failed:
 * @reader: a #TribJsonReader
 *
 * Once the reader has failed, it stays at the end of the text.
 *
 * Returns: whether the text ended early or held something no JSON value
 *   starts with
 */
gboolean
trib_json_reader_failed (TribJsonReader *reader)
{
  return reader->failed;
}

/**
 * trib_json_reader_peek:
 * @reader: a #TribJsonReader
 *
 * Returns: what the next value is, without reading it
 */
TribJsonKind
trib_json_reader_peek (TribJsonReader *reader)
{
  skip_blanks (reader);
  if (reader->pos == reader->end)
    return TRIB_JSON_KIND_INVALID;

  switch (*reader->pos)
    {
    case '{':
      return TRIB_JSON_KIND_OBJECT;
    case '[':
      return TRIB_JSON_KIND_ARRAY;
    case '"':
      return TRIB_JSON_KIND_STRING;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
    case 't': case 'f': case 'n':
      return TRIB_JSON_KIND_OTHER;
    default:
      return TRIB_JSON_KIND_INVALID;
    }
}

static inline gboolean
is_delimiter (char c)
{
  return c == ',' || c == ':' || c == '}' || c == ']' || c == '{' || c == '[' || c == '"' ||
         c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/**
 * trib_json_reader_enter:
 * @reader: a #TribJsonReader
 *
 * Steps into the object or array that comes next; read its members
 * with trib_json_reader_next_member(), its elements with
 * trib_json_reader_next_element().
 *
 * Returns: whether an object or an array came next
 */
gboolean
trib_json_reader_enter (TribJsonReader *reader)
{
  TribJsonKind kind = trib_json_reader_peek (reader);

  if (kind != TRIB_JSON_KIND_OBJECT && kind != TRIB_JSON_KIND_ARRAY)
    return FALSE;

  reader->pos++;
  reader->first = TRUE;

  return TRUE;
}

static gboolean
read_string (TribJsonReader *reader,
             TribJsonString *string)
{
  const char *p;

  /* At the opening quote. */
  string->raw = p = reader->pos + 1;
  string->escaped = FALSE;

  while (p < reader->end)
    {
      if (*p == '"')
        {
          string->length = p - string->raw;
          reader->pos = p + 1;
          return TRUE;
        }

      if (*p == '\\')
        {
          string->escaped = TRUE;
          p++;
        }
      p++;
    }

  return fail (reader);
}

/**
 * trib_json_reader_next_member:
 * @reader: a #TribJsonReader inside an object
 * @key: (out): the next member's key
 *
 * Moves to the next member of the object; read or skip its value
 * before asking for the member after it.
 *
 * Returns: %FALSE at the end of the object, which is then left, or if
 *   the reader failed
 */
gboolean
trib_json_reader_next_member (TribJsonReader *reader,
                              TribJsonString *key)
{
  skip_blanks (reader);
  if (reader->pos == reader->end)
    return fail (reader);

  if (*reader->pos == '}')
    {
      /* The object was a value of the one around it. */
      reader->pos++;
      reader->first = FALSE;
      return FALSE;
    }

  if (!reader->first)
    {
      if (*reader->pos != ',')
        return fail (reader);
      reader->pos++;
      skip_blanks (reader);
    }
  reader->first = FALSE;

  if (reader->pos == reader->end || *reader->pos != '"' || !read_string (reader, key))
    return fail (reader);

  skip_blanks (reader);
  if (reader->pos == reader->end || *reader->pos != ':')
    return fail (reader);
  reader->pos++;

  return TRUE;
}

/**
 * trib_json_reader_next_element:
 * @reader: a #TribJsonReader inside an array
 *
 * Moves to the next element of the array; read or skip it before
 * asking for the one after it.
 *
 * Returns: %FALSE at the end of the array, which is then left, or if
 *   the reader failed
 */
gboolean
trib_json_reader_next_element (TribJsonReader *reader)
{
  skip_blanks (reader);
  if (reader->pos == reader->end)
    return fail (reader);

  if (*reader->pos == ']')
    {
      reader->pos++;
      reader->first = FALSE;
      return FALSE;
    }

  if (!reader->first)
    {
      if (*reader->pos != ',')
        return fail (reader);
      reader->pos++;
    }
  reader->first = FALSE;

  return TRUE;
}

/**
 * trib_json_reader_read_string:
 * @reader: a #TribJsonReader
 * @string: (out): the string
 *
 * Reads the next value if it is a string, and skips it if it is not.
 *
 * Returns: whether the value was a string
 */
gboolean
trib_json_reader_read_string (TribJsonReader *reader,
                              TribJsonString *string)
{
  if (trib_json_reader_peek (reader) != TRIB_JSON_KIND_STRING)
    {
      trib_json_reader_skip (reader);
      return FALSE;
    }

  return read_string (reader, string);
}

/**
 * trib_json_reader_skip:
 * @reader: a #TribJsonReader
 *
 * Skips the next value, however deep, in constant stack.
 */
static gboolean
skip_digits (TribJsonReader *reader)
{
  const char *start = reader->pos;

  while (reader->pos < reader->end && g_ascii_isdigit (*reader->pos))
    reader->pos++;

  return reader->pos > start;
}

static gboolean
skip_word (TribJsonReader *reader,
           const char     *word,
           gsize           length)
{
  if ((gsize) (reader->end - reader->pos) < length || memcmp (reader->pos, word, length) != 0)
    return FALSE;
  reader->pos += length;

  return TRUE;
}

/* `true`, `false`, `null` or a number, as RFC 8259 writes them. */
static void
skip_literal (TribJsonReader *reader)
{
  gboolean ok;

  switch (*reader->pos)
    {
    case 't':
      ok = skip_word (reader, "true", 4);
      break;
    case 'f':
      ok = skip_word (reader, "false", 5);
      break;
    case 'n':
      ok = skip_word (reader, "null", 4);
      break;
    default:
      if (*reader->pos == '-')
        reader->pos++;
      if (reader->pos < reader->end && *reader->pos == '0')
        {
          reader->pos++;
          ok = TRUE;
        }
      else
        ok = skip_digits (reader);
      if (ok && reader->pos < reader->end && *reader->pos == '.')
        {
          reader->pos++;
          ok = skip_digits (reader);
        }
      if (ok && reader->pos < reader->end && (*reader->pos == 'e' || *reader->pos == 'E'))
        {
          reader->pos++;
          if (reader->pos < reader->end && (*reader->pos == '+' || *reader->pos == '-'))
            reader->pos++;
          ok = skip_digits (reader);
        }
      break;
    }

  /* `truex`, `01`, `1.5.2` */
  if (!ok || (reader->pos < reader->end && !is_delimiter (*reader->pos)))
    fail (reader);
}

/**
 * trib_json_reader_skip:
 * @reader: a #TribJsonReader
 *
 * Skips the next value, however deep, in constant stack: what it holds
 * is checked as what is read is, so a text is refused whether or not
 * its faults are in what the caller wanted.
 */
/**
 * trib_json_reader_read_boolean:
 * @reader: a #TribJsonReader
 * @value: (out): the boolean, if it was one
 *
 * Reads the next value if it is `true` or `false`, and skips it if not.
 *
 * Returns: whether the value was a boolean
 */
gboolean
trib_json_reader_read_boolean (TribJsonReader *reader,
                               gboolean       *value)
{
  gboolean is_true;

  if (trib_json_reader_peek (reader) != TRIB_JSON_KIND_OTHER || (*reader->pos != 't' && *reader->pos != 'f'))
    {
      trib_json_reader_skip (reader);
      return FALSE;
    }

  is_true = *reader->pos == 't';
  skip_literal (reader);
  if (reader->failed)
    return FALSE;
  *value = is_true;

  return TRUE;
}

void
trib_json_reader_skip (TribJsonReader *reader)
{
  g_autoptr(GByteArray) open = NULL;  /* '{' or '[', innermost last */
  TribJsonString ignored;
  guint8 kind;

  switch (trib_json_reader_peek (reader))
    {
    case TRIB_JSON_KIND_STRING:
      read_string (reader, &ignored);
      return;

    case TRIB_JSON_KIND_OTHER:
      skip_literal (reader);
      return;

    case TRIB_JSON_KIND_OBJECT:
    case TRIB_JSON_KIND_ARRAY:
      break;

    case TRIB_JSON_KIND_INVALID:
    default:
      fail (reader);
      return;
    }

  open = g_byte_array_new ();
  kind = *reader->pos;
  g_byte_array_append (open, &kind, 1);
  trib_json_reader_enter (reader);

  while (open->len > 0 && !reader->failed)
    {
      gboolean more = open->data[open->len - 1] == '{' ? trib_json_reader_next_member (reader, &ignored)
                                                       : trib_json_reader_next_element (reader);

      if (!more)
        {
          g_byte_array_set_size (open, open->len - 1);
          continue;
        }

      switch (trib_json_reader_peek (reader))
        {
        case TRIB_JSON_KIND_OBJECT:
        case TRIB_JSON_KIND_ARRAY:
          kind = *reader->pos;
          g_byte_array_append (open, &kind, 1);
          trib_json_reader_enter (reader);
          break;

        case TRIB_JSON_KIND_STRING:
          read_string (reader, &ignored);
          break;

        case TRIB_JSON_KIND_OTHER:
          skip_literal (reader);
          break;

        case TRIB_JSON_KIND_INVALID:
        default:
          fail (reader);
          break;
        }
    }
}

/**
 * trib_json_reader_at_end:
 * @reader: a #TribJsonReader
 *
 * Returns: whether only blanks are left
 */
gboolean
trib_json_reader_at_end (TribJsonReader *reader)
{
  skip_blanks (reader);

  return !reader->failed && reader->pos == reader->end;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;

  return -1;
}

/* Four hex digits at @p, before @end; -1 if there are not. */
static gint32
read_hex4 (const char *p,
           const char *end)
{
  gint32 value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value << 4 | digit;
    }

  return value;
}

/**
 * trib_json_string_decode:
 * @string: a string of the text
 * @out: room for at least @string's length in bytes
 *
 * Decodes @string's escapes into @out, as json-glib stores strings: a
 * lone surrogate becomes U+FFFD and the string ends at an escaped
 * U+0000, since a C string ends there. No NUL is added.
 *
 * Returns: how many bytes were written, never more than @string's length
 */
gsize
trib_json_string_decode (const TribJsonString *string,
                         char                 *out)
{
  const char *p = string->raw;
  const char *end = string->raw + string->length;
  char *o = out;

  if (!string->escaped)
    {
      const char *nul = memchr (p, '\0', string->length);
      gsize length = nul != NULL ? (gsize) (nul - p) : string->length;

      memcpy (out, p, length);
      return length;
    }

  while (p < end)
    {
      gint32 unit;
      gunichar c;

      if (*p == '\0')
        break;

      if (*p != '\\' || p + 1 == end)
        {
          *o++ = *p++;
          continue;
        }

      switch (p[1])
        {
        case 'b': *o++ = '\b'; p += 2; continue;
        case 'f': *o++ = '\f'; p += 2; continue;
        case 'n': *o++ = '\n'; p += 2; continue;
        case 'r': *o++ = '\r'; p += 2; continue;
        case 't': *o++ = '\t'; p += 2; continue;
        case 'u': break;
        default: *o++ = p[1]; p += 2; continue;
        }

      /* Six bytes of text give at most three of UTF-8, a pair of
       * escapes (twelve) four, so the output never outgrows the input.
       */
      if ((unit = read_hex4 (p + 2, end)) < 0)
        {
          p += 2;
          continue;
        }
      p += 6;

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          gint32 low = -1;

          if (end - p >= 6 && p[0] == '\\' && p[1] == 'u')
            low = read_hex4 (p + 2, end);

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          else
            c = 0xFFFD;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        c = 0xFFFD;
      else
        c = unit;

      if (c == 0)
        break;

      o += g_unichar_to_utf8 (c, o);
    }

  return o - out;
}

/**
 * trib_json_string_equal:
 * @string: a string of the text
 * @literal: a string without escapes, such as a member name
 *
 * Returns: whether @string, decoded, is @literal
 */
gboolean
trib_json_string_equal (const TribJsonString *string,
                        const char           *literal)
{
  g_autofree char *decoded = NULL;
  gsize length;

  if (!string->escaped)
    return string->length == strlen (literal) && memcmp (string->raw, literal, string->length) == 0;

  decoded = g_malloc (string->length);
  length = trib_json_string_decode (string, decoded);

  return length == strlen (literal) && memcmp (decoded, literal, length) == 0;
}
