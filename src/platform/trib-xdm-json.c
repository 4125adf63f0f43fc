/* trib-xdm-json.c
 *
 * Lenient readers for the platform's JSON: a member of the wrong type
 * reads as absent rather than failing an assertion, since a list with
 * one odd item should still show the others.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-xdm-json.h"

/**
 * trib_xdm_json_get_string:
 * @object: (nullable): a #JsonObject
 * @member: a member name
 *
 * Returns: (nullable): the member's string, or %NULL if it is not one
 */
const char *
trib_xdm_json_get_string (JsonObject *object,
                          const char *member)
{
  /* A missing parent reads as a missing member. */
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * trib_xdm_json_get_object:
 * @object: (nullable): a #JsonObject
 * @member: a member name
 *
 * Returns: (nullable) (transfer none): the member's object
 */
JsonObject *
trib_xdm_json_get_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * trib_xdm_json_get_array:
 * @object: (nullable): a #JsonObject
 * @member: a member name
 *
 * Returns: (nullable) (transfer none): the member's array
 */
JsonArray *
trib_xdm_json_get_array (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
trib_xdm_json_get_boolean (JsonObject *object,
                           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/**
 * trib_xdm_json_get_int:
 * @object: (nullable): a #JsonObject
 * @member: a member name
 * @value: (out): the member's integer, or 0
 *
 * json-glib's own getters reach a double's integer part by a cast,
 * undefined out of range, and a string's as 0: only an integer counts.
 *
 * Returns: whether the member is an integer
 */
gboolean
trib_xdm_json_get_int (JsonObject *object,
                       const char *member,
                       gint64     *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  *value = 0;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);

  return TRUE;
}

/**
 * trib_xdm_json_get_epoch_ms:
 * @object: (nullable): a #JsonObject
 * @member: a member holding milliseconds since 1970, as the platform's
 *   timestamps do
 *
 * Returns: (transfer full) (nullable): the time, in UTC
 */
GDateTime *
trib_xdm_json_get_epoch_ms (JsonObject *object,
                            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  gint64 ms;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    ms = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* Casting a double outside gint64's range (1e300, or the infinity
       * 1e999 parses to) is undefined; NaN fails both comparisons.
       */
      if (!(value >= (double) G_MININT64 && value < (double) G_MAXINT64))
        return NULL;
      ms = (gint64) value;
    }
  else
    return NULL;

  return g_date_time_new_from_unix_utc (ms / 1000);
}

/**
 * trib_xdm_json_get_strv:
 * @object: (nullable): a #JsonObject
 * @member: a member holding an array of strings
 *
 * Returns: (transfer full): the array's strings, empty if there are none
 */
GStrv
trib_xdm_json_get_strv (JsonObject *object,
                        const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = trib_xdm_json_get_array (object, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}
