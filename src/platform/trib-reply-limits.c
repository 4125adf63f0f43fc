/* trib-reply-limits.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-reply-limits"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-json-scan.h"
#include "trib-platform-error.h"
#include "trib-reply-limits.h"
#include "trib-text-bound.h"

/* Bodies are checked by trib_json_scan() (core/trib-json-scan.c says
 * what json-glib gets wrong on hostile input) before json-glib parses
 * them.
 */

/**
 * trib_json_check_bounded:
 * @data: a JSON text from outside, not necessarily nul-terminated
 * @length: its length in bytes
 * @limits: the size and depth it may have
 * @repaired: (out) (transfer full) (optional): set to a copy of @data
 *   with its lone surrogates escaped as U+FFFD, if it has any
 * @error: a location for a #GError
 *
 * What trib_json_parse_bounded() checks before it parses, for a reader
 * of its own (trib-json-reader.h) that must only see checked text.
 *
 * Returns: whether @data, or @repaired when set, may be read
 */
gboolean
trib_json_check_bounded (const char             *data,
                         gsize                   length,
                         const TribReplyLimits  *limits,
                         char                  **repaired,
                         GError                **error)
{
  gsize offset = 0;

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

  switch (trib_json_scan (data, length, limits->max_depth, &offset, repaired))
    {
    case TRIB_JSON_SCAN_OK:
      return TRUE;

    case TRIB_JSON_SCAN_TOO_DEEP:
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP,
                   /* Translators: %u is a number of levels */
                   _("The JSON nests more than %u levels deep."), limits->max_depth);
      return FALSE;

    case TRIB_JSON_SCAN_INVALID_STRING:
    case TRIB_JSON_SCAN_LONE_SURROGATE:
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   /* Translators: %lu is a byte offset in a text */
                   _("The JSON has an invalid string at byte %lu."), (gulong) offset);
      return FALSE;

    case TRIB_JSON_SCAN_DUPLICATE_KEY:
      /* RFC 8259 says names SHOULD be unique, and the platform's are;
       * json-glib would take quadratic time to keep the last one.
       */
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   /* Translators: %lu is a byte offset in a text */
                   _("An object of the JSON has the same key twice; the second is at byte %lu."),
                   (gulong) offset);
      return FALSE;

    case TRIB_JSON_SCAN_UNEXPECTED:
    default:
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   /* Translators: %lu is a byte offset in a text */
                   _("Unexpected character at byte %lu."), (gulong) offset);
      return FALSE;
    }
}

/**
 * trib_json_parse_bounded:
 * @data: a JSON text from outside, not necessarily nul-terminated
 * @length: its length in bytes
 * @limits: the size and depth it may have
 * @error: a location for a #GError
 *
 * Parses @data once its size is within @limits and trib_json_scan() has
 * accepted it: no deeper than @limits, strings that are UTF-8, no key
 * twice in an object. An escaped lone surrogate becomes U+FFFD. Safe on
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
  g_autofree char *repaired = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  if (!trib_json_check_bounded (data, length, limits, &repaired, error))
    return NULL;

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, repaired != NULL ? repaired : data, length, &parse_error))
    {
      /* json-glib quotes the token it did not expect, cut to 29 bytes
       * whether or not that splits a character.
       */
      g_autofree char *message = trib_text_bound (parse_error->message, -1,
                                                  TRIB_TEXT_BOUND_MESSAGE_CHARS, 1);

      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE, message);
      return NULL;
    }

  root = json_parser_get_root (parser);

  return root != NULL ? json_node_ref (root) : json_node_new (JSON_NODE_NULL);
}
