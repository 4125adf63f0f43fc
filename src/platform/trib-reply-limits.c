/* trib-reply-limits.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-reply-limits"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-reply-limits.h"

/* json-glib's parser recurses once per level of nesting, so a few
 * hundred kilobytes of "[" overflow the stack. The bytes are scanned
 * for depth first, without recursion, and only then handed to it.
 *
 * The scan must never see less nesting than json-glib will. json-glib
 * 1.6 also takes comments and single-quoted strings, where a stray '"'
 * would make the two disagree about what is inside a string; real JSON
 * has neither, so a '/' or '\'' outside a string is refused, as is a
 * NUL byte anywhere.
 */

/**
 * trib_json_check_bounds:
 * @data: a JSON text, not necessarily nul-terminated
 * @length: its length in bytes
 * @limits: the limits to check
 * @error: a location for a #GError
 *
 * Checks @data against @limits' size and depth in one pass, without
 * recursion and without parsing it.
 *
 * Returns: whether @data may be given to a JSON parser
 */
gboolean
trib_json_check_bounds (const char             *data,
                        gsize                   length,
                        const TribReplyLimits  *limits,
                        GError                **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (limits != NULL, FALSE);

  if (length > limits->max_body_bytes)
    {
      g_autofree char *limit = g_format_size (limits->max_body_bytes);

      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE,
                   /* Translators: %s is a size, such as “64.0 MB” */
                   _("The JSON is larger than %s."), limit);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c == '\0')
        goto unexpected;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > limits->max_depth)
            {
              g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP,
                           /* Translators: %u is a number of levels */
                           _("The JSON nests more than %u levels deep."), limits->max_depth);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case '/':
        case '\'':
          goto unexpected;

        default:
          break;
        }

      continue;

    unexpected:
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   /* Translators: %lu is a byte offset in a text */
                   _("Unexpected character at byte %lu."), (gulong) i);
      return FALSE;
    }

  return TRUE;
}

/**
 * trib_json_parse_bounded:
 * @data: a JSON text from outside, not necessarily nul-terminated
 * @length: its length in bytes
 * @limits: the size and depth it may have
 * @error: a location for a #GError
 *
 * Parses @data once trib_json_check_bounds() has accepted it. Safe on
 * any input: this is the one way replies from servers are parsed.
 *
 * Returns: (transfer full) (nullable): the document, a null node for
 *   empty input, or %NULL with @error set: %TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE,
 *   %TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP or
 *   %TRIB_PLATFORM_ERROR_INVALID_RESPONSE
 */
JsonNode *
trib_json_parse_bounded (const char             *data,
                         gsize                   length,
                         const TribReplyLimits  *limits,
                         GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (!trib_json_check_bounds (data, length, limits, error))
    return NULL;

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                           parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);

  return root != NULL ? json_node_ref (root) : json_node_new (JSON_NODE_NULL);
}
