/* trib-json-scan.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-json-scan.h"

/* JSON from outside (replies, cell values, a configuration file) is
 * scanned byte by byte before json-glib 1.6 sees it, for what json-glib
 * gets wrong on hostile input:
 *
 *  - it parses recursively, so a few hundred kilobytes of "[" overflow
 *    the stack: nesting is counted here, without recursion;
 *  - it turns an escaped lone surrogate ("a\ud800b") into bytes that are
 *    not UTF-8, which every string getter then hands to labels, and
 *    reads a \u escape with fewer than four hex digits ("\udc]") as a
 *    character of its own making: strings are checked as RFC 8259 §7
 *    writes them, and a lone surrogate is either refused or repaired;
 *  - a key given twice replaces the first by a linear search of the
 *    object's keys, so a body of repeated keys takes quadratic time
 *    (36 s for 870 KB): duplicate keys are found here, in linear time;
 *  - it reads a text of several arrays or objects ("{}{}{}") as so many
 *    documents, and leaks all but the last: some 15 bytes for each byte
 *    of such a text, a gigabyte for one reply. A text is one value here.
 *
 * The scan must never see less nesting, or fewer keys, than json-glib
 * will. json-glib 1.6 also takes comments and single-quoted strings,
 * where a stray '"' would make the two disagree about what is inside a
 * string; real JSON has neither, so a '/' or '\'' outside a string is
 * refused, as is a NUL byte anywhere.
 *
 * Keys are compared as json-glib stores them: escapes decoded, repaired
 * surrogates as U+FFFD, cut at an escaped U+0000 (a C string ends
 * there). Those of the objects still open sit in one hash table,
 * chained, whose entries form a stack: an object's keys are the last
 * ones pushed when it closes, and each is then the head of its chain,
 * so closing it costs what its keys cost. The hash is SipHash with a
 * key drawn for each scan, so that a server cannot choose keys that
 * share a bucket and make the chains long.
 */

typedef struct
{
  guint64 hash;
  gsize start;          /* of its canonical form, in the text or in the arena */
  gsize length;
  gsize next;           /* 1 + the index of the next key in its bucket, or 0 */
  guint depth;          /* of its object: one open object per depth */
  gboolean in_arena;
} Key;

typedef struct
{
  gboolean is_object;
  gsize keys_mark;
  gsize arena_mark;
} Container;

typedef struct
{
  const guint8 *data;
  gsize length;
  GArray *containers;   /* Container, outermost first */
  GArray *keys;         /* Key, the keys of the open objects */
  gsize *buckets;
  gsize n_buckets;      /* a power of two */
  GByteArray *arena;    /* canonical forms of keys that have escapes */
  guint64 seed[2];
  gboolean repair;
  char *repaired;
} Scan;

#define ROTL(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                  \
  G_STMT_START {                                                  \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32);   \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2;                       \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0;                       \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32);   \
  } G_STMT_END

/* SipHash-2-4 (Aumasson and Bernstein, 2012). */
static guint64
siphash (const guint64  key[2],
         const guint8  *data,
         gsize          length)
{
  guint64 v0 = G_GUINT64_CONSTANT (0x736f6d6570736575) ^ key[0];
  guint64 v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d) ^ key[1];
  guint64 v2 = G_GUINT64_CONSTANT (0x6c7967656e657261) ^ key[0];
  guint64 v3 = G_GUINT64_CONSTANT (0x7465646279746573) ^ key[1];
  guint64 last = (guint64) length << 56;
  gsize i;

  for (i = 0; i + 8 <= length; i += 8)
    {
      guint64 m;

      memcpy (&m, data + i, 8);
      m = GUINT64_FROM_LE (m);
      v3 ^= m;
      SIPROUND;
      SIPROUND;
      v0 ^= m;
    }

  for (gsize j = 0; i + j < length; j++)
    last |= (guint64) data[i + j] << (8 * j);

  v3 ^= last;
  SIPROUND;
  SIPROUND;
  v0 ^= last;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;

  return v0 ^ v1 ^ v2 ^ v3;
}

static const guint8 *
key_bytes (Scan      *scan,
           const Key *key)
{
  /* An empty arena has no data at all. */
  if (key->length == 0)
    return (const guint8 *) "";

  return key->in_arena ? scan->arena->data + key->start : scan->data + key->start;
}

static void
rehash (Scan  *scan,
        gsize  n_buckets)
{
  g_free (scan->buckets);
  scan->buckets = g_new0 (gsize, n_buckets);
  scan->n_buckets = n_buckets;

  /* In the order they were pushed, so that later keys head the chains. */
  for (gsize i = 0; i < scan->keys->len; i++)
    {
      Key *key = &g_array_index (scan->keys, Key, i);
      gsize bucket = key->hash & (n_buckets - 1);

      key->next = scan->buckets[bucket];
      scan->buckets[bucket] = i + 1;
    }
}

/* Returns: %FALSE if the key's object has it already */
static gboolean
add_key (Scan *scan,
         Key  *key)
{
  const guint8 *bytes = key_bytes (scan, key);
  gsize bucket;

  key->hash = siphash (scan->seed, bytes, key->length) +
              key->depth * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  if (scan->keys->len >= scan->n_buckets)
    rehash (scan, MAX (scan->n_buckets * 2, 64));

  bucket = key->hash & (scan->n_buckets - 1);
  for (gsize e = scan->buckets[bucket]; e != 0;)
    {
      const Key *other = &g_array_index (scan->keys, Key, e - 1);

      if (other->hash == key->hash && other->depth == key->depth && other->length == key->length &&
          memcmp (key_bytes (scan, other), bytes, key->length) == 0)
        return FALSE;
      e = other->next;
    }

  key->next = scan->buckets[bucket];
  g_array_append_val (scan->keys, *key);
  scan->buckets[bucket] = scan->keys->len;

  return TRUE;
}

static void
close_container (Scan *scan)
{
  Container *top = &g_array_index (scan->containers, Container, scan->containers->len - 1);

  while (scan->keys->len > top->keys_mark)
    {
      const Key *key = &g_array_index (scan->keys, Key, scan->keys->len - 1);
      gsize bucket = key->hash & (scan->n_buckets - 1);

      g_assert (scan->buckets[bucket] == scan->keys->len);
      scan->buckets[bucket] = key->next;
      g_array_set_size (scan->keys, scan->keys->len - 1);
    }

  g_byte_array_set_size (scan->arena, top->arena_mark);
  g_array_set_size (scan->containers, scan->containers->len - 1);
}

static gboolean
read_hex4 (Scan    *scan,
           gsize    at,
           guint   *unit)
{
  *unit = 0;

  if (at + 4 > scan->length)
    return FALSE;

  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (scan->data[i]);

      if (digit < 0)
        return FALSE;
      *unit = *unit * 16 + digit;
    }

  return TRUE;
}

static void
append_unichar (GByteArray *arena,
                gunichar    c)
{
  char buffer[6];
  int n = g_unichar_to_utf8 (c, buffer);

  g_byte_array_append (arena, (const guint8 *) buffer, n);
}

/* The \u escape at @at (its backslash), and the low half after it if it
 * is the high half of a pair: how many bytes they take and what they
 * stand for, or a lone surrogate repaired or refused.
 */
static TribJsonScanStatus
read_unicode_escape (Scan     *scan,
                     gsize     at,
                     gsize    *n_bytes,
                     gunichar *c)
{
  guint unit;
  guint low;

  if (!read_hex4 (scan, at + 2, &unit))
    return TRIB_JSON_SCAN_INVALID_STRING;

  *n_bytes = 6;
  *c = unit;

  if (unit >= 0xd800 && unit <= 0xdbff &&
      at + 12 <= scan->length && scan->data[at + 6] == '\\' && scan->data[at + 7] == 'u' &&
      read_hex4 (scan, at + 8, &low) && low >= 0xdc00 && low <= 0xdfff)
    {
      *n_bytes = 12;
      *c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      return TRIB_JSON_SCAN_OK;
    }

  if (unit < 0xd800 || unit > 0xdfff)
    return TRIB_JSON_SCAN_OK;

  /* Half a pair. JavaScript and Python make strings of such text, so a
   * server may well send it for a name someone typed elsewhere: one such
   * name must not make a whole list unreadable. The escape becomes one
   * of U+FFFD, the replacement character, of the same length, as
   * WHATWG's USVString conversion does.
   */
  if (!scan->repair)
    return TRIB_JSON_SCAN_LONE_SURROGATE;

  if (scan->repaired == NULL)
    {
      scan->repaired = g_malloc (scan->length + 1);
      memcpy (scan->repaired, scan->data, scan->length);
      scan->repaired[scan->length] = '\0';
    }
  memcpy (scan->repaired + at, "\\ufffd", 6);
  *c = 0xfffd;

  return TRIB_JSON_SCAN_OK;
}

/* Reads the string whose opening quote is at *@pos, leaving *@pos on its
 * closing quote, or on what is wrong with it. For a key, @key gets its
 * canonical form.
 */
static TribJsonScanStatus
scan_string (Scan  *scan,
             gsize *pos,
             Key   *key)
{
  const guint8 *data = scan->data;
  gsize start = *pos + 1;
  gboolean escaped = FALSE;   /* the key's canonical form is in the arena */
  gboolean cut = FALSE;       /* the key ended at an escaped U+0000 */
  gsize arena_start = scan->arena->len;

  for (gsize i = start; i < scan->length;)
    {
      guint8 c = data[i];
      gsize n_bytes = 1;
      gunichar decoded;

      if (c == '"')
        {
          if (key != NULL)
            {
              key->in_arena = escaped;
              key->start = escaped ? arena_start : start;
              key->length = escaped ? scan->arena->len - arena_start : i - start;
            }
          *pos = i;
          return TRIB_JSON_SCAN_OK;
        }

      if (c < 0x20)
        {
          *pos = i;
          return TRIB_JSON_SCAN_INVALID_STRING;
        }

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated ((const char *) data + i, scan->length - i);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              *pos = i;
              return TRIB_JSON_SCAN_INVALID_STRING;
            }
          n_bytes = g_utf8_skip[c];
        }

      if (c != '\\')
        {
          if (escaped && !cut)
            g_byte_array_append (scan->arena, data + i, n_bytes);
          i += n_bytes;
          continue;
        }

      if (key != NULL && !escaped)
        {
          escaped = TRUE;
          g_byte_array_append (scan->arena, data + start, i - start);
        }

      if (i + 1 >= scan->length)
        {
          *pos = i;
          return TRIB_JSON_SCAN_INVALID_STRING;
        }

      n_bytes = 2;
      switch (data[i + 1])
        {
        case '"':
        case '\\':
        case '/':
          decoded = data[i + 1];
          break;
        case 'b':
          decoded = '\b';
          break;
        case 'f':
          decoded = '\f';
          break;
        case 'n':
          decoded = '\n';
          break;
        case 'r':
          decoded = '\r';
          break;
        case 't':
          decoded = '\t';
          break;
        case 'u':
          {
            TribJsonScanStatus status = read_unicode_escape (scan, i, &n_bytes, &decoded);

            if (status != TRIB_JSON_SCAN_OK)
              {
                *pos = i;
                return status;
              }
          }
          break;
        default:
          *pos = i;
          return TRIB_JSON_SCAN_INVALID_STRING;
        }

      if (escaped && !cut)
        {
          if (decoded == 0)
            cut = TRUE;
          else
            append_unichar (scan->arena, decoded);
        }
      i += n_bytes;
    }

  *pos = scan->length;
  return TRIB_JSON_SCAN_INVALID_STRING;
}

typedef enum
{
  TOP_NONE,             /* no value yet */
  TOP_SCALAR,           /* in a number or a literal */
  TOP_DONE,             /* after the value: only blanks may follow */
} TopState;

static TribJsonScanStatus
scan_text (Scan  *scan,
           guint  max_depth,
           gsize *offset)
{
  const guint8 *data = scan->data;
  gboolean expect_key = FALSE;
  TopState top = TOP_NONE;

  for (gsize i = 0; i < scan->length; i++)
    {
      TribJsonScanStatus status;
      Container container;
      Key key = { 0, };
      gboolean at_top = scan->containers->len == 0;
      gboolean is_key;

      *offset = i;

      switch (data[i])
        {
        case '"':
          if (at_top && top != TOP_NONE)
            return TRIB_JSON_SCAN_UNEXPECTED;
          is_key = expect_key &&
                   g_array_index (scan->containers, Container, scan->containers->len - 1).is_object;
          key.depth = scan->containers->len;
          if ((status = scan_string (scan, &i, is_key ? &key : NULL)) != TRIB_JSON_SCAN_OK)
            {
              *offset = i;
              return status;
            }
          if (is_key && !add_key (scan, &key))
            return TRIB_JSON_SCAN_DUPLICATE_KEY;
          expect_key = FALSE;
          if (at_top)
            top = TOP_DONE;
          break;

        case '[':
        case '{':
          if (at_top && top != TOP_NONE)
            return TRIB_JSON_SCAN_UNEXPECTED;
          if (scan->containers->len >= max_depth)
            return TRIB_JSON_SCAN_TOO_DEEP;
          container.is_object = data[i] == '{';
          container.keys_mark = scan->keys->len;
          container.arena_mark = scan->arena->len;
          g_array_append_val (scan->containers, container);
          expect_key = container.is_object;
          break;

        case ']':
        case '}':
          /* Which one closes what is json-glib's to check. */
          if (at_top)
            return TRIB_JSON_SCAN_UNEXPECTED;
          close_container (scan);
          if (scan->containers->len == 0)
            top = TOP_DONE;
          expect_key = FALSE;
          break;

        case ',':
          if (at_top)
            return TRIB_JSON_SCAN_UNEXPECTED;
          expect_key = g_array_index (scan->containers, Container, scan->containers->len - 1).is_object;
          break;

        case ' ':
        case '\t':
        case '\n':
        case '\r':
          if (at_top && top == TOP_SCALAR)
            top = TOP_DONE;
          break;

        case '\0':
        case '/':
        case '\'':
          return TRIB_JSON_SCAN_UNEXPECTED;

        default:
          /* A byte order mark json-glib skips; nothing else is JSON. */
          if (data[i] >= 0x80 && i == 0 && scan->length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
            i += 2;
          else if (data[i] >= 0x80 || (at_top && top == TOP_DONE))
            return TRIB_JSON_SCAN_UNEXPECTED;
          else if (at_top)
            top = TOP_SCALAR;
          break;
        }
    }

  return TRIB_JSON_SCAN_OK;
}

/**
 * trib_json_scan:
 * @data: a JSON text from outside, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @offset: (out) (optional): where the scan stopped: the byte it refused
 * @repaired: (out) (optional) (transfer full) (nullable): %NULL to refuse
 *   lone surrogates; otherwise set to %NULL, or to a copy of @data with
 *   each escaped lone surrogate replaced by `\ufffd` (same length, plus
 *   a NUL) when there were any
 *
 * Checks @data for what json-glib must not be given, in one pass,
 * without recursion, in time linear in @length. What passes is one
 * value at most, with only UTF-8 strings and objects without duplicate
 * keys.
 *
 * Returns: %TRIB_JSON_SCAN_OK, or what is wrong with @data
 */
TribJsonScanStatus
trib_json_scan (const char  *data,
                gsize        length,
                guint        max_depth,
                gsize       *offset,
                char       **repaired)
{
  TribJsonScanStatus status;
  gsize stopped = 0;
  Scan scan = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, TRIB_JSON_SCAN_UNEXPECTED);

  if (repaired != NULL)
    *repaired = NULL;

  scan.data = (const guint8 *) data;
  scan.length = length;
  scan.containers = g_array_new (FALSE, FALSE, sizeof (Container));
  scan.keys = g_array_new (FALSE, FALSE, sizeof (Key));
  scan.arena = g_byte_array_new ();
  scan.repair = repaired != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (scan.seed); i++)
    scan.seed[i] = ((guint64) g_random_int () << 32) | g_random_int ();

  status = scan_text (&scan, max_depth, &stopped);

  if (offset != NULL)
    *offset = stopped;
  if (status == TRIB_JSON_SCAN_OK && repaired != NULL)
    *repaired = g_steal_pointer (&scan.repaired);

  g_free (scan.repaired);
  g_free (scan.buckets);
  g_array_unref (scan.containers);
  g_array_unref (scan.keys);
  g_byte_array_unref (scan.arena);

  return status;
}

/**
 * trib_json_line_at:
 * @data: a text
 * @length: its length in bytes
 * @offset: a byte of it
 *
 * Returns: the line @offset is on, counting from 1
 */
guint
trib_json_line_at (const char *data,
                   gsize       length,
                   gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < MIN (offset, length); i++)
    if (data[i] == '\n')
      line++;

  return line;
}
