/* fuzz-reply.c
 *
 * trib_json_parse_bounded(), which every reply goes through, with its
 * limits drawn from the input: the first byte is the deepest nesting
 * allowed, the next two the largest body (big-endian, 0 for no limit);
 * the rest is the body.
 *
 * It refuses, with one of its own errors, or gives a document that
 * keeps the limits, whose every string and member name is UTF-8, and
 * in which json-glib kept every member: reparsed with the scan's
 * repairs, no object may have been given a member it already had,
 * which json-glib would have replaced in quadratic time.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "trib-json-scan.h"
#include "trib-platform-error.h"
#include "trib-reply-limits.h"

static guint
check_node (JsonNode *node,
            guint     depth)
{
  guint deepest = depth;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            fuzz_assert_utf8 (name);
            deepest = MAX (deepest, check_node (member, depth + 1));
          }
        return MAX (deepest, depth + 1);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          deepest = MAX (deepest, check_node (json_array_get_element (array, i), depth + 1));
        return MAX (deepest, depth + 1);
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        fuzz_assert_utf8 (json_node_get_string (node));
      return depth;

    case JSON_NODE_NULL:
    default:
      return depth;
    }
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  GHashTable *counts)
{
  g_hash_table_insert (counts, object,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, object)) + 1));
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               GHashTable *counts)
{
  guint members = GPOINTER_TO_UINT (g_hash_table_lookup (counts, object));

  if (members != json_object_get_size (object))
    g_error ("An object was given %u members and kept %u: a key came twice",
             members, json_object_get_size (object));
  g_hash_table_remove (counts, object);
}

/* json-glib again, on what it was given, counting members as they come. */
static void
check_no_member_replaced (const char *body,
                          gsize       length,
                          guint       max_depth)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autofree char *repaired = NULL;

  g_assert_cmpint (trib_json_scan (body, length, max_depth, NULL, &repaired), ==, TRIB_JSON_SCAN_OK);

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), counts);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), counts);
  g_assert_true (json_parser_load_from_data (parser, repaired != NULL ? repaired : body, length, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;
  gsize length;

  if (size < 3)
    return 0;

  limits.max_depth = data[0];
  limits.max_body_bytes = (data[1] << 8) | data[2];
  if (limits.max_body_bytes == 0)
    limits.max_body_bytes = G_MAXSIZE;
  body = (const char *) data + 3;
  length = size - 3;

  root = trib_json_parse_bounded (body, length, &limits, &error);

  if (root == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TRIB_PLATFORM_ERROR);
      g_assert_true (error->code == TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE ||
                     error->code == TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP ||
                     error->code == TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_true ((error->code == TRIB_PLATFORM_ERROR_REPLY_TOO_LARGE) == (length > limits.max_body_bytes));
      fuzz_assert_utf8 (error->message);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (length, <=, limits.max_body_bytes);
  g_assert_cmpuint (check_node (root, 0), <=, limits.max_depth);

  if (JSON_NODE_HOLDS_NULL (root))
    return 0;

  check_no_member_replaced (body, length, limits.max_depth);

  return 0;
}
