/* trib-ini-reader.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-ini-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-ini-reader.h"

/* Reads an INI file the way Python's configparser does with its defaults,
 * since that is what reads a config.ini in the notebooks of seed 000:
 * `ConfigParser()` then `read()` and `get()`. The model is
 * RawConfigParser._read() and BasicInterpolation in CPython 3.11's
 * Lib/configparser.py:
 *
 *  - lines end at \n, \r\n or \r (text mode's universal newlines);
 *  - a line whose stripped text starts with '#' or ';' is a comment;
 *    there are no inline comments;
 *  - "[name]": the name runs to the last ']' and keeps its spaces;
 *    section names are case-sensitive; [DEFAULT] holds defaults that
 *    every section inherits, and may appear more than once;
 *  - "key = value" or "key: value": the first '=' or ':' wins, the key is
 *    lowercased, key and value are stripped; no backslash escapes;
 *  - a line indented deeper than its key's line continues the value
 *    (joined with "\n"); an empty line inside a value is kept, trailing
 *    ones are not (empty_lines_in_values=True);
 *  - strict: a section twice, or a key twice in a section, is an error,
 *    as is a key before any section; other unreadable lines are all
 *    reported together at the end;
 *  - get() expands "%(key)s" from the section then [DEFAULT] and "%%"
 *    to "%"; any other '%' is an error, references nest 10 deep at most.
 *    aepp itself never reads the file: the notebook's config.get() does,
 *    with ConfigParser's default BasicInterpolation, and hands aepp the
 *    expanded value. So a secret written "a%%b" is "a%b", and one with a
 *    lone '%' stops the notebook; here it is refused with the same
 *    advice Python would need (write "%%"), naming the key, not the value.
 *
 * "Whitespace" is str.isspace(), which is what strip() and the regular
 * expressions' \s use. Two deliberate differences: a leading UTF-8 BOM
 * is skipped (Python keeps it and then finds no section header), and a
 * NUL byte is refused along with text that is not UTF-8.
 *
 * Errors name line numbers, keys and sections, never a value or a line's
 * text: a line the reader cannot make sense of may well be a secret.
 */

#define DEFAULT_SECTION "DEFAULT"
#define MAX_INTERPOLATION_DEPTH 10
#define MAX_LISTED_LINES 10

typedef struct
{
  char *name;
  GPtrArray *pieces;   /* while reading: the value's lines */
  char *value;         /* once read */
  guint line;
} Option;

typedef struct
{
  char *name;
  GHashTable *options; /* lowercased name → Option */
} Section;

struct _TribIniReader
{
  Section *defaults;
  GHashTable *sections;
};

static void
wipe_free (char *text)
{
  if (text != NULL)
    {
      explicit_bzero (text, strlen (text));
      g_free (text);
    }
}

static void
option_free (Option *option)
{
  g_free (option->name);
  g_clear_pointer (&option->pieces, g_ptr_array_unref);
  wipe_free (option->value);
  g_free (option);
}

static Section *
section_new (const char *name,
             gsize       length)
{
  Section *section = g_new0 (Section, 1);

  section->name = g_strndup (name, length);
  section->options = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) option_free);

  return section;
}

static void
section_free (Section *section)
{
  g_hash_table_unref (section->options);
  g_free (section->name);
  g_free (section);
}

/**
 * trib_ini_reader_free:
 * @self: a #TribIniReader
 *
 * Frees @self, overwriting every value first: some are secrets.
 */
void
trib_ini_reader_free (TribIniReader *self)
{
  if (self == NULL)
    return;

  section_free (self->defaults);
  g_hash_table_unref (self->sections);
  g_free (self);
}

/* Python's str.isspace(). */
static gboolean
py_isspace (gunichar c)
{
  return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) ||
         c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
         c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Skips whitespace forwards, counting the characters skipped. */
static const char *
skip_space (const char *p,
            const char *end,
            guint      *n_chars)
{
  while (p < end && py_isspace (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      if (n_chars != NULL)
        (*n_chars)++;
    }

  return p;
}

static const char *
skip_space_back (const char *start,
                 const char *end)
{
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !py_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end;
}

/* One line of text mode's universal newlines: returns its end and moves
 * @p past its line break.
 */
static const char *
next_line (const char **p,
           const char  *end)
{
  const char *eol = *p;

  while (eol < end && *eol != '\n' && *eol != '\r')
    eol++;

  *p = eol;
  if (*p < end && **p == '\r' && *p + 1 < end && (*p)[1] == '\n')
    *p += 2;
  else if (*p < end)
    *p += 1;

  return eol;
}

static gboolean
check_text (const char  *data,
            const char  *end,
            GError     **error)
{
  guint line_number = 0;

  for (const char *p = data; p < end;)
    {
      const char *line = p;
      const char *eol = next_line (&p, end);

      line_number++;
      /* With a length, NUL bytes fail validation too. */
      if (!g_utf8_validate_len (line, eol - line, NULL))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       _("Line %u is not UTF-8 text."), line_number);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
join_lines (GArray *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (lines->len, MAX_LISTED_LINES);

  for (guint i = 0; i < shown; i++)
    g_string_append_printf (text, i == 0 ? "%u" : ", %u", g_array_index (lines, guint, i));
  if (lines->len > shown)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
join_values (Section *section)
{
  GHashTableIter iter;
  Option *option;

  g_hash_table_iter_init (&iter, section->options);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &option))
    {
      GString *value = g_string_new (NULL);
      const char *end;

      for (guint i = 0; i < option->pieces->len; i++)
        {
          if (i > 0)
            g_string_append_c (value, '\n');
          g_string_append (value, g_ptr_array_index (option->pieces, i));
        }

      /* '\n'.join(val).rstrip(): trailing empty lines go. */
      end = skip_space_back (value->str, value->str + value->len);
      option->value = g_strndup (value->str, end - value->str);
      explicit_bzero (value->str, value->len);
      g_string_free (value, TRUE);
      g_clear_pointer (&option->pieces, g_ptr_array_unref);
    }
}

static void
wipe_piece (gpointer data)
{
  wipe_free (data);
}

/**
 * trib_ini_reader_new:
 * @data: the file's contents
 * @length: the length of @data in bytes
 * @error: a location for a #GError
 *
 * Reads @data as Python's `configparser.ConfigParser().read()` would.
 *
 * Returns: (transfer full) (nullable): the sections and their values
 */
TribIniReader *
trib_ini_reader_new (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(TribIniReader) self = g_new0 (TribIniReader, 1);
  g_autoptr(GArray) bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *end = data + length;
  Section *section = NULL;
  Option *option = NULL;   /* where continuation lines go, if anywhere */
  guint indent_level = 0;
  guint line_number = 0;
  GHashTableIter iter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self->defaults = section_new (DEFAULT_SECTION, strlen (DEFAULT_SECTION));
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) section_free);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;

  if (!check_text (data, end, error))
    return NULL;

  for (const char *p = data; p < end;)
    {
      const char *line = p;
      const char *eol = next_line (&p, end);
      guint indent = 0;
      const char *start = skip_space (line, eol, &indent);
      const char *stop = skip_space_back (start, eol);
      const char *delimiter;
      const char *key_end;
      const char *value_start;
      g_autofree char *key = NULL;
      Option *existing;

      line_number++;

      if (start == stop || *start == '#' || *start == ';')
        {
          /* An empty line belongs to the value being read, a comment not. */
          if (start == stop && option != NULL)
            g_ptr_array_add (option->pieces, g_strdup (""));
          continue;
        }

      if (option != NULL && indent > indent_level)
        {
          g_ptr_array_add (option->pieces, g_strndup (start, stop - start));
          continue;
        }

      indent_level = indent;

      /* "\[(?P<header>.+)\]" matched at the start: up to the last ']'. */
      if (*start == '[' && stop - start >= 3)
        {
          const char *close = stop - 1;

          while (close > start + 1 && *close != ']')
            close--;

          if (close > start + 1)
            {
              g_autofree char *name = g_strndup (start + 1, close - start - 1);

              if (g_hash_table_contains (self->sections, name))
                {
                  g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                               /* Translators: %s is a section name, as in [Credential] */
                               _("Line %u: the section [%s] appears a second time."),
                               line_number, name);
                  return NULL;
                }

              if (g_str_equal (name, DEFAULT_SECTION))
                {
                  section = self->defaults;
                }
              else
                {
                  section = section_new (start + 1, close - start - 1);
                  g_hash_table_insert (self->sections, section->name, section);
                }

              option = NULL;
              continue;
            }
        }

      if (section == NULL)
        {
          /* Not even the key is named: this line may be a stray secret. */
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       _("Line %u comes before any [section] header."), line_number);
          return NULL;
        }

      delimiter = start;
      while (delimiter < stop && *delimiter != '=' && *delimiter != ':')
        delimiter++;

      if (delimiter == stop)
        {
          /* Reported with the others at the end, as configparser does;
           * continuation lines still go to the key before.
           */
          g_array_append_val (bad_lines, line_number);
          continue;
        }

      key_end = skip_space_back (start, delimiter);
      value_start = skip_space (delimiter + 1, stop, NULL);
      if (key_end == start)
        g_array_append_val (bad_lines, line_number);

      key = g_utf8_strdown (start, key_end - start);
      if ((existing = g_hash_table_lookup (section->options, key)) != NULL)
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       /* Translators: %s is a key, as in client_secret, then a section name */
                       _("Line %u: the key “%s” appears a second time in [%s]."),
                       line_number, key, section->name);
          return NULL;
        }

      existing = g_new0 (Option, 1);
      existing->name = g_steal_pointer (&key);
      existing->line = line_number;
      existing->pieces = g_ptr_array_new_with_free_func (wipe_piece);
      g_ptr_array_add (existing->pieces, g_strndup (value_start, stop - value_start));
      g_hash_table_insert (section->options, existing->name, existing);

      /* An empty key takes no continuation lines, as in configparser. */
      option = existing->name[0] != '\0' ? existing : NULL;
    }

  join_values (self->defaults);
  g_hash_table_iter_init (&iter, self->sections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &section))
    join_values (section);

  if (bad_lines->len > 0)
    {
      g_autofree char *list = join_lines (bad_lines);

      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a list of line numbers such as "3, 7" */
                   g_dngettext (GETTEXT_PACKAGE,
                                "Line %s is neither a [section] header, a comment nor a “key = value” line.",
                                "Lines %s are neither [section] headers, comments nor “key = value” lines.",
                                bad_lines->len),
                   list);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * trib_ini_reader_has_section:
 * @self: a #TribIniReader
 * @section: a section name, case-sensitive
 *
 * Returns: %TRUE if the file has @section; never for `DEFAULT`, as in
 *   configparser
 */
gboolean
trib_ini_reader_has_section (TribIniReader *self,
                             const char    *section)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return g_hash_table_contains (self->sections, section);
}

static Option *
find_option (TribIniReader *self,
             Section       *section,
             const char    *name)
{
  Option *option = NULL;

  if (section != NULL)
    option = g_hash_table_lookup (section->options, name);
  if (option == NULL)
    option = g_hash_table_lookup (self->defaults->options, name);

  return option;
}

/* BasicInterpolation._interpolate_some(). */
static gboolean
interpolate (TribIniReader  *self,
             Section        *section,
             Option         *option,
             const char     *rest,
             GString        *result,
             guint           depth,
             GError        **error)
{
  if (depth > MAX_INTERPOLATION_DEPTH)
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                   /* Translators: %s is a key, %d a number of levels */
                   _("Line %u: the value of “%s” has “%%(…)s” references nested more than %d deep."),
                   option->line, option->name, MAX_INTERPOLATION_DEPTH);
      return FALSE;
    }

  while (*rest != '\0')
    {
      const char *percent = strchr (rest, '%');
      const char *close;
      g_autofree char *name = NULL;
      Option *referred;

      if (percent == NULL)
        {
          g_string_append (result, rest);
          return TRUE;
        }

      g_string_append_len (result, rest, percent - rest);
      rest = percent;

      if (rest[1] == '%')
        {
          g_string_append_c (result, '%');
          rest += 2;
          continue;
        }

      if (rest[1] != '(')
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       /* Translators: %s is a key; “%%” shows as “%” */
                       _("Line %u: in the value of “%s”, a “%%” is followed by neither “%%” nor “(”. "
                         "Python’s configparser reads “%%” as the start of a reference: write “%%%%” "
                         "for a percent sign."),
                       option->line, option->name);
          return FALSE;
        }

      /* "%\(([^)]+)\)s" */
      close = strchr (rest + 2, ')');
      if (close == NULL || close == rest + 2 || close[1] != 's')
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       /* Translators: %s is a key; “%%” shows as “%” */
                       _("Line %u: the value of “%s” has a “%%(” that does not end a reference "
                         "with “)s”. Write “%%%%” for a percent sign."),
                       option->line, option->name);
          return FALSE;
        }

      /* The name is part of the value, so it is not shown either. */
      name = g_utf8_strdown (rest + 2, close - rest - 2);
      rest = close + 2;

      if ((referred = find_option (self, section, name)) == NULL)
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
                       /* Translators: %s is a key then a section name; “%%” shows as “%” */
                       _("Line %u: the value of “%s” refers with “%%(…)s” to a key that [%s] does "
                         "not have. Write “%%%%” for a percent sign."),
                       option->line, option->name, section != NULL ? section->name : DEFAULT_SECTION);
          return FALSE;
        }

      if (strchr (referred->value, '%') == NULL)
        g_string_append (result, referred->value);
      else if (!interpolate (self, section, option, referred->value, result, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * trib_ini_reader_get:
 * @self: a #TribIniReader
 * @section: a section name, case-sensitive
 * @key: a key, in any case
 * @value: (out) (transfer full) (nullable): the value, or %NULL if
 *   neither @section nor `[DEFAULT]` has @key
 * @line: (out) (optional): the line of @key
 * @error: a location for a #GError
 *
 * Gets a value as `ConfigParser.get()` does, with `%(key)s` references
 * expanded and `%%` read as `%`. Free the value with trib_secret_free().
 *
 * Returns: %FALSE if the value has a `%` that configparser refuses
 */
gboolean
trib_ini_reader_get (TribIniReader  *self,
                     const char     *section,
                     const char     *key,
                     char          **value,
                     guint          *line,
                     GError        **error)
{
  g_autofree char *name = NULL;
  Section *found;
  Option *option;
  GString *result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  if (line != NULL)
    *line = 0;

  found = g_hash_table_lookup (self->sections, section);
  if (found == NULL && !g_str_equal (section, DEFAULT_SECTION))
    return TRUE;

  name = g_utf8_strdown (key, -1);
  if ((option = find_option (self, found, name)) == NULL)
    return TRUE;

  if (line != NULL)
    *line = option->line;

  result = g_string_new (NULL);
  if (!interpolate (self, found, option, option->value, result, 1, error))
    {
      explicit_bzero (result->str, result->len);
      g_string_free (result, TRUE);
      return FALSE;
    }

  *value = g_strndup (result->str, result->len);
  explicit_bzero (result->str, result->len);
  g_string_free (result, TRUE);

  return TRUE;
}
