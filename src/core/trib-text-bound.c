/* trib-text-bound.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-text-bound.h"

/* A server decides how long its error text is. Laying out megabytes in
 * a GtkLabel takes minutes, so any text from outside is cut to a
 * readable size before it becomes a message, and only the part kept is
 * ever looked at: the cost depends on the bound, not on the input.
 */

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

static void
trim_end (GString *str)
{
  while (str->len > 0 && g_ascii_isspace (str->str[str->len - 1]))
    g_string_truncate (str, str->len - 1);
}

/**
 * trib_text_bound:
 * @text: (nullable): text from outside, in any state
 * @length: its length in bytes, or -1 if nul-terminated
 * @max_chars: the most characters to keep
 * @max_lines: the most lines to keep; 1 makes one line of it, line
 *   breaks and tabs becoming spaces
 *
 * Cuts @text at a character boundary once it reaches @max_chars
 * characters or @max_lines lines, and then ends it with "…". Bytes that
 * are not UTF-8 become U+FFFD and control characters become spaces, so
 * the result can go to any widget.
 *
 * Returns: (transfer full) (nullable): the bounded text, %NULL if @text is
 */
char *
trib_text_bound (const char *text,
                 gssize      length,
                 gsize       max_chars,
                 guint       max_lines)
{
  g_autoptr(GString) str = NULL;
  const char *p;
  const char *end;
  gsize n_chars = 0;
  guint n_lines = 1;
  gboolean cut = FALSE;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return NULL;

  g_return_val_if_fail (max_chars > 0, NULL);
  g_return_val_if_fail (max_lines > 0, NULL);

  if (length < 0)
    length = strlen (text);

  str = g_string_sized_new (MIN ((gsize) length, max_chars * 2) + 4);
  p = text;
  end = text + length;

  /* One line: runs of spaces and breaks become one space, none leading. */
  if (max_lines == 1)
    while (p < end && (g_ascii_isspace (*p) || *p == '\0'))
      p++;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize step;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          c = 0xFFFD;
          step = 1;
        }
      else
        step = g_utf8_next_char (p) - p;

      if (n_chars >= max_chars)
        {
          cut = TRUE;
          break;
        }

      if (c == '\r' && p + 1 < end && p[1] == '\n')
        {
          /* CR LF is one break. */
          p++;
          continue;
        }

      if (max_lines == 1 && (is_line_break (c) || c == '\t' || g_unichar_iscntrl (c) || c == ' '))
        {
          pending_space = TRUE;
          p += step;
          continue;
        }

      if (is_line_break (c))
        {
          if (n_lines >= max_lines)
            {
              cut = TRUE;
              break;
            }
          n_lines++;
          g_string_append_c (str, '\n');
        }
      else if (c == '\t')
        g_string_append_c (str, '\t');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (str, ' ');
      else
        {
          if (pending_space)
            {
              g_string_append_c (str, ' ');
              n_chars++;
              pending_space = FALSE;
              if (n_chars >= max_chars)
                {
                  cut = TRUE;
                  break;
                }
            }
          g_string_append_unichar (str, c);
        }

      n_chars++;
      p += step;
    }

  if (cut)
    {
      trim_end (str);
      g_string_append (str, "…");
    }
  else if (max_lines == 1)
    trim_end (str);

  return g_string_free (g_steal_pointer (&str), FALSE);
}
