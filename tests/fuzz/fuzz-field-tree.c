/* fuzz-field-tree.c
 *
 * A schema's field tree, built from the registry's resolved schema
 * (`xed-full+json`, thousands of fields for a real ExperienceEvent
 * schema) and its identity descriptors, then filtered as the user
 * types. The input is the schema reply, a NUL, the descriptors reply,
 * a NUL, and the filter text; the last two may be missing.
 *
 * The tree is read from the text as the schema registry reads it: once
 * the checks every reply gets let it through, straight from the text.
 * It must hold as many fields as it says, each with a path made of its
 * parents' path and its name, be the tree json-glib's document of the
 * same text gives, and the filter must keep exactly the matches and
 * their ancestors.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-reply-limits.h"
#include "trib-xdm-field.h"

static guint
walk (GListModel *fields,
      const char *prefix)
{
  guint n_items = g_list_model_get_n_items (fields);
  guint n_fields = n_items;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      g_autofree char *expected_path = NULL;
      g_autofree char *children_prefix = NULL;
      GListModel *children = trib_xdm_field_get_children (field);
      const char *path = trib_xdm_field_get_path (field);

      g_assert_nonnull (trib_xdm_field_get_name (field));
      g_assert_nonnull (trib_xdm_field_get_type_name (field));

      expected_path = prefix != NULL ? g_strconcat (prefix, ".", trib_xdm_field_get_name (field), NULL)
                                     : g_strdup (trib_xdm_field_get_name (field));
      g_assert_cmpstr (path, ==, expected_path);

      fuzz_assert_utf8 (path);
      fuzz_assert_utf8 (trib_xdm_field_get_title (field));
      fuzz_assert_utf8 (trib_xdm_field_get_description (field));
      fuzz_assert_utf8 (trib_xdm_field_get_type_name (field));
      fuzz_assert_utf8 (trib_xdm_field_get_format (field));
      fuzz_assert_utf8 (trib_xdm_field_get_identity_namespace (field));
      (void) trib_xdm_field_get_required (field);

      /* Only an identity can be the primary one. */
      if (trib_xdm_field_get_primary_identity (field))
        g_assert_nonnull (trib_xdm_field_get_identity_namespace (field));

      if (children == NULL)
        continue;

      g_assert_cmpint (trib_xdm_field_get_shape (field), !=, TRIB_XDM_SHAPE_SCALAR);

      /* A map's values have no name: the path shows a star for them. */
      if (trib_xdm_field_get_shape (field) == TRIB_XDM_SHAPE_MAP)
        children_prefix = g_strconcat (path, ".*", NULL);
      else
        children_prefix = g_strdup (path);

      n_fields += walk (children, children_prefix);
    }

  return n_fields;
}

static void
assert_same_trees (GListModel *fields,
                   GListModel *expected)
{
  guint n_items = g_list_model_get_n_items (expected);

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      g_autoptr(TribXdmField) other = g_list_model_get_item (expected, i);

      g_assert_cmpstr (trib_xdm_field_get_path (field), ==, trib_xdm_field_get_path (other));
      g_assert_cmpstr (trib_xdm_field_get_name (field), ==, trib_xdm_field_get_name (other));
      g_assert_cmpstr (trib_xdm_field_get_title (field), ==, trib_xdm_field_get_title (other));
      g_assert_cmpstr (trib_xdm_field_get_description (field), ==, trib_xdm_field_get_description (other));
      g_assert_cmpstr (trib_xdm_field_get_type_name (field), ==, trib_xdm_field_get_type_name (other));
      g_assert_cmpstr (trib_xdm_field_get_format (field), ==, trib_xdm_field_get_format (other));
      g_assert_cmpstr (trib_xdm_field_get_identity_namespace (field), ==,
                       trib_xdm_field_get_identity_namespace (other));
      g_assert_cmpint (trib_xdm_field_get_primary_identity (field), ==, trib_xdm_field_get_primary_identity (other));
      g_assert_cmpint (trib_xdm_field_get_required (field), ==, trib_xdm_field_get_required (other));
      g_assert_cmpint (trib_xdm_field_get_shape (field), ==, trib_xdm_field_get_shape (other));
      g_assert_cmpint (trib_xdm_field_get_children (field) != NULL, ==, trib_xdm_field_get_children (other) != NULL);
      if (trib_xdm_field_get_children (field) != NULL)
        assert_same_trees (trib_xdm_field_get_children (field), trib_xdm_field_get_children (other));
    }
}

/* Returns whether any of @fields is visible, and counts the matches. */
static gboolean
check_filter (GListModel *fields,
              const char *needle,
              guint      *n_matches)
{
  guint n_items = g_list_model_get_n_items (fields);
  gboolean any_visible = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      GListModel *children = trib_xdm_field_get_children (field);
      gboolean matches = trib_xdm_field_get_matches (field);
      gboolean child_visible = FALSE;

      if (needle == NULL)
        g_assert_true (matches);
      else if (matches)
        (*n_matches)++;

      if (children != NULL)
        child_visible = check_filter (children, needle, n_matches);

      g_assert_cmpint (trib_xdm_field_get_visible (field), ==, matches || child_visible);
      any_visible |= trib_xdm_field_get_visible (field);
    }

  return any_visible;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(JsonNode) schema = NULL;
  g_autoptr(JsonNode) descriptors = NULL;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GListModel) from_document = NULL;
  g_autofree char *repaired = NULL;
  g_autofree char *document = NULL;
  g_autofree char *needle = NULL;
  const char *parts[3];
  gsize lengths[3];
  guint n_fields = G_MAXUINT;
  guint n_document_fields = G_MAXUINT;
  guint n_matches = 0;

  fuzz_split (data, size, 3, parts, lengths);

  if (!trib_json_check_bounded (parts[0], lengths[0], &limits, &repaired, NULL))
    return 0;

  /* Without descriptors the tree is still built, unmarked. */
  if (parts[1] != NULL)
    descriptors = fuzz_json_parse_reply (parts[1], lengths[1]);

  roots = trib_xdm_field_build_tree_from_text (repaired != NULL ? repaired : parts[0], lengths[0],
                                               descriptors, &n_fields);

  /* The reader is as strict as json-glib, or stricter (`01`): what it
   * reads, json-glib reads as the same tree, written out and read again
   * (unless json-glib writes a number JSON has not, such as `inf`).
   */
  schema = fuzz_json_parse_reply (parts[0], lengths[0]);
  if (roots == NULL)
    return 0;
  g_assert_nonnull (schema);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (schema));

  g_assert_cmpuint (walk (roots, NULL), ==, n_fields);
  document = json_to_string (schema, FALSE);
  from_document = trib_xdm_field_build_tree_from_text (document, strlen (document), descriptors, &n_document_fields);
  if (from_document != NULL)
    {
      g_assert_cmpuint (n_fields, ==, n_document_fields);
      assert_same_trees (roots, from_document);
    }

  /* The filter text is typed into an entry: UTF-8, up to a NUL. */
  if (parts[2] != NULL)
    {
      needle = g_strndup (parts[2], lengths[2]);
      if (!g_utf8_validate (needle, -1, NULL))
        g_clear_pointer (&needle, g_free);
    }

  n_matches = trib_xdm_field_filter_tree (roots, needle);
  if (needle != NULL && needle[0] != '\0')
    {
      guint counted = 0;

      check_filter (roots, needle, &counted);
      g_assert_cmpuint (n_matches, ==, counted);
    }

  /* Clearing the filter shows everything again. */
  g_assert_cmpuint (trib_xdm_field_filter_tree (roots, NULL), ==, 0);
  check_filter (roots, NULL, &n_matches);

  return 0;
}
