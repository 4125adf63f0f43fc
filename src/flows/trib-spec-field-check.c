/* trib-spec-field-check.c
 *
 * A field's check of an answer, and the JSON value of a valid one. A
 * message names the field by its label and says what it expects, never
 * what was typed: the answer may be a secret.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-spec-field"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-spec-field-private.h"

/* A bound as a person reads it: "65535", not "65535.000000". */
static char *
format_bound (double bound)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (floor (bound) == bound && fabs (bound) < 1e15)
    return g_strdup_printf ("%.0f", bound);

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, bound));
}

static char *
range_message (TribSpecField *self,
               const char    *label,
               gboolean       whole)
{
  g_autofree char *minimum = self->has_minimum ? format_bound (self->minimum) : NULL;
  g_autofree char *maximum = self->has_maximum ? format_bound (self->maximum) : NULL;

  if (whole)
    {
      if (minimum != NULL && maximum != NULL)
        /* Translators: "Port must be a whole number between 1 and 65535" */
        return g_strdup_printf (_("%s must be a whole number between %s and %s"), label, minimum, maximum);
      if (minimum != NULL)
        return g_strdup_printf (_("%s must be a whole number of at least %s"), label, minimum);
      if (maximum != NULL)
        return g_strdup_printf (_("%s must be a whole number of at most %s"), label, maximum);

      return g_strdup_printf (_("%s must be a whole number"), label);
    }

  if (minimum != NULL && maximum != NULL)
    return g_strdup_printf (_("%s must be a number between %s and %s"), label, minimum, maximum);
  if (minimum != NULL)
    return g_strdup_printf (_("%s must be a number of at least %s"), label, minimum);
  if (maximum != NULL)
    return g_strdup_printf (_("%s must be a number of at most %s"), label, maximum);

  return g_strdup_printf (_("%s must be a number"), label);
}

static gboolean
in_range (TribSpecField *self,
          double         value)
{
  return (!self->has_minimum || value >= self->minimum) && (!self->has_maximum || value <= self->maximum);
}

/* g_ascii_strtod() also reads "inf", "nan" and hexadecimal, which JSON
 * has not.
 */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text[0] == '\0' || strspn (text, "+-0123456789.eE") != strlen (text))
    return FALSE;

  *value = g_ascii_strtod (text, &end);

  return end != NULL && *end == '\0' && isfinite (*value);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  if (g_ascii_strcasecmp (text, "true") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

/* Checks a scalar of @type; @text is not blank. */
static char *
check_scalar (TribSpecField     *self,
              TribSpecFieldType  type,
              const char        *label,
              const char        *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 whole;
  double number;
  gboolean boolean;

  switch (type)
    {
    case TRIB_SPEC_FIELD_INTEGER:
      if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &whole, NULL)
          || !in_range (self, (double) whole))
        return range_message (self, label, TRUE);
      return NULL;

    case TRIB_SPEC_FIELD_NUMBER:
      if (!parse_number (stripped, &number) || !in_range (self, number))
        return range_message (self, label, FALSE);
      return NULL;

    case TRIB_SPEC_FIELD_BOOLEAN:
      if (!parse_boolean (stripped, &boolean))
        return g_strdup_printf (_("%s must be true or false"), label);
      return NULL;

    case TRIB_SPEC_FIELD_STRING:
    case TRIB_SPEC_FIELD_ENUM:
    case TRIB_SPEC_FIELD_ARRAY:
    case TRIB_SPEC_FIELD_UNSUPPORTED:
    default:
      return NULL;
    }
}

static char *
check_string (TribSpecField *self,
              const char    *text)
{
  glong length = g_utf8_strlen (text, -1);
  g_autoptr(GError) error = NULL;

  if (self->min_length >= 0 && length < self->min_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s must be at least %d character long",
                                         "%s must be at least %d characters long",
                                         self->min_length),
                            self->label, self->min_length);
  if (self->max_length >= 0 && length > self->max_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s must be at most %d character long",
                                         "%s must be at most %d characters long",
                                         self->max_length),
                            self->label, self->max_length);

  /* A pattern that backtracks without end stops at PCRE's match limit
   * with an error: then the platform, not the form, decides.
   */
  if (self->regex != NULL
      && !g_regex_match_full (self->regex, text, -1, 0, (GRegexMatchFlags) 0, NULL, &error)
      && error == NULL)
    {
      if (self->pattern_hint != NULL)
        /* Translators: the second %s says what is expected, such as
         * "an address such as https://account.dfs.core.windows.net".
         */
        return g_strdup_printf (_("%s must be %s"), self->label, self->pattern_hint);

      /* Translators: the second %s is a regular expression. */
      return g_strdup_printf (_("%s does not have the form this connector expects (%s)"), self->label, self->pattern);
    }

  return NULL;
}

static char *
check_choice (TribSpecField *self,
              const char    *text)
{
  g_autofree char *listed = NULL;

  if (g_strv_contains ((const char * const *) self->choices, text))
    return NULL;

  if (self->choices[0] == NULL)
    return g_strdup_printf (_("%s has no choice this form can offer"), self->label);

  if (g_strv_length (self->choices) > 5)
    return g_strdup_printf (_("%s must be one of the listed choices"), self->label);

  /* Translators: a list of choices is joined with this. */
  listed = g_strjoinv (_(", "), self->choices);

  return g_strdup_printf (_("%s must be one of: %s"), self->label, listed);
}

static char *
check_lines (TribSpecField *self,
             const char    *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint line_number = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *label = NULL;
      char *message;

      line_number++;
      g_strchomp (lines[i]);
      if (_trib_spec_field_is_blank (lines[i]))
        continue;

      /* Translators: names one line of a field that takes a list, one
       * value per line: "Line 3 of Ports".
       */
      label = g_strdup_printf (_("Line %u of %s"), line_number, self->label);
      message = check_scalar (self, self->item_type, label, lines[i]);
      if (message != NULL)
        return message;
    }

  return NULL;
}

/**
 * trib_spec_field_check:
 * @self: a field
 * @text: (nullable): the answer, as typed; `true` or `false` for a switch
 *
 * Returns: (transfer full) (nullable): %NULL when @text is a valid
 *   answer, else a translated message naming the field and saying what
 *   it expects, such as "Port must be a whole number between 1 and
 *   65535"; it never quotes @text
 */
char *
trib_spec_field_check (TribSpecField *self,
                       const char    *text)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  if (text != NULL && strlen (text) > TRIB_SPEC_FIELD_MAX_ANSWER)
    return g_strdup_printf (_("%s is longer than Tributary accepts"), self->label);
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return g_strdup_printf (_("%s must be text"), self->label);

  if (_trib_spec_field_is_blank (text))
    {
      if (!self->required)
        return NULL;
      if (self->type == TRIB_SPEC_FIELD_UNSUPPORTED)
        /* Translators: the second %s says why, as a sentence. */
        return g_strdup_printf (_("%s cannot be filled in on this form. %s"), self->label, self->problem);

      return g_strdup_printf (_("%s is required"), self->label);
    }

  switch (self->type)
    {
    case TRIB_SPEC_FIELD_STRING:
      return check_string (self, text);
    case TRIB_SPEC_FIELD_INTEGER:
    case TRIB_SPEC_FIELD_NUMBER:
    case TRIB_SPEC_FIELD_BOOLEAN:
      return check_scalar (self, self->type, self->label, text);
    case TRIB_SPEC_FIELD_ENUM:
      return check_choice (self, text);
    case TRIB_SPEC_FIELD_ARRAY:
      return check_lines (self, text);
    case TRIB_SPEC_FIELD_UNSUPPORTED:
    default:
      return g_strdup_printf (_("%s cannot be filled in on this form. %s"), self->label, self->problem);
    }
}

static JsonNode *
scalar_node (TribSpecFieldType  type,
             const char        *text)
{
  g_autofree char *stripped = NULL;
  gint64 whole;
  double number;
  gboolean boolean;

  switch (type)
    {
    case TRIB_SPEC_FIELD_STRING:
      return json_node_init_string (json_node_alloc (), text);

    case TRIB_SPEC_FIELD_INTEGER:
      stripped = g_strstrip (g_strdup (text));
      if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &whole, NULL))
        return NULL;
      return json_node_init_int (json_node_alloc (), whole);

    case TRIB_SPEC_FIELD_NUMBER:
      stripped = g_strstrip (g_strdup (text));
      if (!parse_number (stripped, &number))
        return NULL;
      return json_node_init_double (json_node_alloc (), number);

    case TRIB_SPEC_FIELD_BOOLEAN:
      stripped = g_strstrip (g_strdup (text));
      if (!parse_boolean (stripped, &boolean))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), boolean);

    case TRIB_SPEC_FIELD_ENUM:
    case TRIB_SPEC_FIELD_ARRAY:
    case TRIB_SPEC_FIELD_UNSUPPORTED:
    default:
      return NULL;
    }
}

/**
 * trib_spec_field_to_node:
 * @self: a field
 * @text: (nullable): an answer that trib_spec_field_check() accepts
 *
 * Returns: (transfer full) (nullable): the value the platform expects
 *   (an integer for an integer field, a boolean for a boolean, the
 *   choice's own JSON value for an enum, an array of one value per
 *   line), or %NULL for a blank or invalid answer, which the params
 *   leave out. A string value is @text as typed: a secret's copy is the
 *   caller's to drop with the params.
 */
JsonNode *
trib_spec_field_to_node (TribSpecField *self,
                         const char    *text)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  if (_trib_spec_field_is_blank (text) || (message = trib_spec_field_check (self, text)) != NULL)
    return NULL;

  if (self->type == TRIB_SPEC_FIELD_ENUM)
    {
      for (guint i = 0; self->choices[i] != NULL; i++)
        if (strcmp (self->choices[i], text) == 0)
          return json_node_copy (g_ptr_array_index (self->choice_nodes, i));

      return NULL;
    }

  if (self->type == TRIB_SPEC_FIELD_ARRAY)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; lines[i] != NULL; i++)
        {
          JsonNode *item;

          g_strchomp (lines[i]);
          if (_trib_spec_field_is_blank (lines[i]))
            continue;
          item = scalar_node (self->item_type, lines[i]);
          if (item != NULL)
            json_array_add_element (array, item);
        }

      return json_node_init_array (json_node_alloc (), array);
    }

  return scalar_node (self->type, text);
}
