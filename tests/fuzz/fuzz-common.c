/* fuzz-common.c
 *
 * What every fuzz target shares: the process set up so that whatever
 * the parsers would only complain about (a critical, a warning) is a
 * finding, and the input cut into the parts a target reads.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* A g_return_if_fail() tripped by a reply is a bug in the code that let
 * the reply through, even though the app would carry on. GLib stops on
 * a fatal message with a breakpoint trap, a signal libFuzzer does not
 * catch, so the input would be lost: abort instead.
 */
static GLogWriterOutput
abort_on_warnings_writer (GLogLevelFlags   log_level,
                          const GLogField *fields,
                          gsize            n_fields,
                          gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warnings_writer, NULL, NULL);

  return 0;
}

/**
 * fuzz_split:
 * @data: the fuzzer's input
 * @size: its length
 * @n_parts: how many parts the target reads
 * @parts: (out caller-allocates) (array length=n_parts): the parts, %NULL
 *   for those the input lacks
 * @lengths: (out caller-allocates) (array length=n_parts): their lengths
 *
 * Cuts @data at its first @n_parts - 1 NUL bytes, so that an input can
 * carry a reply body and the values that go with it; the last part keeps
 * any further NUL. Parts point into @data: they are not NUL-terminated.
 *
 * Returns: how many parts the input has
 */
gsize
fuzz_split (const uint8_t  *data,
            size_t          size,
            gsize           n_parts,
            const char    **parts,
            gsize          *lengths)
{
  const char *rest = (const char *) data;
  gsize left = size;
  gsize n = 0;

  for (gsize i = 0; i < n_parts; i++)
    {
      parts[i] = NULL;
      lengths[i] = 0;
    }

  while (n < n_parts && rest != NULL)
    {
      const char *nul = n + 1 < n_parts ? memchr (rest, '\0', left) : NULL;

      parts[n] = rest;
      lengths[n] = nul != NULL ? (gsize) (nul - rest) : left;
      n++;

      if (nul == NULL)
        break;
      left -= lengths[n - 1] + 1;
      rest = nul + 1;
    }

  return n;
}

/* What reaches a label must be UTF-8: GTK refuses the rest with a warning
 * and shows nothing.
 */
void
fuzz_assert_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (text, NULL);

      g_error ("Not UTF-8: \"%s\"", escaped);
    }
}

/* A date read from a reply, when there is one, can be shown. */
void
fuzz_assert_date_shown (GDateTime *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = g_date_time_format_iso8601 (date);
  g_assert_nonnull (text);
}

/**
 * fuzz_contains:
 * @haystack: bytes, not necessarily nul-terminated
 * @length: how many
 * @needle: a string
 *
 * Returns: whether @needle is in @haystack
 */
gboolean
fuzz_contains (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* Not even the start of it: an error that cut the secret short would
 * still show most of it.
 */
void
fuzz_assert_no_secret (const char *text)
{
  if (text != NULL && fuzz_contains (text, strlen (text), "Pl4nted"))
    g_error ("A message quotes the secret: %s", text);
}
