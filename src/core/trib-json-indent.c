/* trib-json-indent.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-json-indent"

#include "config.h"

#include <string.h>

#include "trib-json-indent.h"

/* Deeper levels are written at this one: past it, indentation would
 * cost more room than the text it lays out.
 */
#define MAX_INDENT_LEVELS 24

static void
new_line (GString *out,
          guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < MIN (depth, MAX_INDENT_LEVELS); i++)
    g_string_append (out, "  ");
}

/**
 * trib_json_indent:
 * @text: JSON text, possibly cut short or not JSON at all
 * @max_bytes: the most of @text to lay out
 * @cut: (out) (optional): set to whether @text was longer than @max_bytes
 *
 * Lays JSON text out one member a line, two spaces a level, for
 * reading. It reads tokens, not a document: text cut in the middle (the
 * request log keeps the start of long answers) is laid out as far as it
 * goes, and what is inside strings is copied as it is.
 *
 * Returns: (transfer full): the text laid out
 */
char *
trib_json_indent (const char *text,
                  gsize       max_bytes,
                  gboolean   *cut)
{
  GString *out;
  gsize length;
  guint depth = 0;
  gboolean in_string = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (cut != NULL)
    *cut = length > max_bytes;
  if (length > max_bytes)
    {
      /* Never half a character. */
      length = max_bytes;
      while (length > 0 && (text[length] & 0xC0) == 0x80)
        length--;
    }

  out = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          g_string_append_c (out, c);
          break;

        case '{':
        case '[':
          {
            gsize next = i + 1;

            while (next < length && strchr (" \t\r\n", text[next]) != NULL)
              next++;
            g_string_append_c (out, c);
            /* An empty object or array stays on its line. */
            if (next < length && text[next] == (c == '{' ? '}' : ']'))
              {
                g_string_append_c (out, text[next]);
                i = next;
              }
            else
              new_line (out, ++depth);
          }
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          new_line (out, depth);
          g_string_append_c (out, c);
          break;

        case ',':
          g_string_append_c (out, c);
          new_line (out, depth);
          break;

        case ':':
          g_string_append (out, ": ");
          break;

        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;

        default:
          g_string_append_c (out, c);
          break;
        }
    }

  return g_string_free (out, FALSE);
}
