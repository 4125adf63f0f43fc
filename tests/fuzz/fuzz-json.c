/* fuzz-json.c
 *
 * Replies as the platform layer hands them to the parsers: a body that
 * json-glib accepted, as trib_http_parse_json() reads it (immutable
 * nodes, an empty body being null). json-glib accepts a body of blanks
 * or a comment alone with no root at all: that is null too, which is
 * what trib_http_parse_json() must make of it.
 *
 * Two kinds of body are the platform layer's to refuse before any
 * parser sees them, and so are left out here rather than reported
 * against the parsers:
 *
 *  - json-glib parses recursively, and a body nested deeply enough
 *    overflows the stack inside it (tens of thousands of levels, more
 *    than a fuzzer's inputs hold, so checking the parsed tree is enough
 *    here);
 *  - json-glib 1.6 turns an escaped lone surrogate ("a\ud800b"), or a
 *    \u escape with fewer than four hex digits ("\udc]"), into bytes
 *    that are not UTF-8, which every string getter then hands on to
 *    labels and to g_utf8_*() functions.
 *
 * Until every target goes through the platform layer's bounded parser,
 * the harness refuses both itself, so that the parsers see what would
 * pass that parser and nothing else.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-json.h"

static gboolean
node_within_bounds (JsonNode *node,
                    guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (depth >= FUZZ_JSON_MAX_DEPTH)
          return FALSE;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !node_within_bounds (member, depth + 1))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        if (depth >= FUZZ_JSON_MAX_DEPTH)
          return FALSE;

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!node_within_bounds (json_array_get_element (array, i), depth + 1))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING ||
             g_utf8_validate (json_node_get_string (node), -1, NULL);

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/**
 * fuzz_json_parse_reply:
 * @data: a reply body
 * @length: its length
 *
 * Returns: (transfer full) (nullable): the parsed reply, or %NULL if it
 *   is not JSON, nests arrays and objects deeper than
 *   %FUZZ_JSON_MAX_DEPTH, or holds a string that is not UTF-8
 */
JsonNode *
fuzz_json_parse_reply (const char *data,
                       gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  if (!(root = json_parser_get_root (parser)))
    return json_node_new (JSON_NODE_NULL);

  if (!node_within_bounds (root, 0))
    return NULL;

  return json_node_ref (root);
}

/**
 * fuzz_json_within_bounds:
 * @data: a reply body
 * @length: its length
 *
 * For the parsers that read a body themselves.
 *
 * Returns: %FALSE if @data is JSON that fuzz_json_parse_reply() refuses
 */
gboolean
fuzz_json_within_bounds (const char *data,
                         gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (length == 0 ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      !(root = json_parser_get_root (parser)))
    return TRUE;

  return node_within_bounds (root, 0);
}
