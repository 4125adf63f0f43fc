/* fuzz-xdm-schema.c
 *
 * The Schema Registry's replies about resources: a page of a list
 * (`{"results": […], "_page": {"next": …}}`, read as the registry
 * client reads it) and a single schema, class, field group or data
 * type. Every resource read must have an id, a title, and lists that
 * can be walked.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"
#include "trib-xdm-resource.h"

static void
walk_strv (const char * const *strv)
{
  g_assert_nonnull (strv);
  for (guint i = 0; strv[i] != NULL; i++)
    fuzz_assert_utf8 (strv[i]);
}

static void
read_resource (TribXdmKind  kind,
               JsonObject  *object)
{
  g_autoptr(TribXdmResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  resource = trib_xdm_resource_new_from_json (kind, object, &error);
  if (resource == NULL)
    {
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_null (trib_xdm_json_get_string (object, "$id"));
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpint (trib_xdm_resource_get_kind (resource), ==, kind);
  g_assert_cmpstr (trib_xdm_resource_get_id (resource), ==, trib_xdm_json_get_string (object, "$id"));
  g_assert_nonnull (trib_xdm_resource_get_title (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_id (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_title (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_alt_id (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_description (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_version (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_class_id (resource));
  fuzz_assert_utf8 (trib_xdm_resource_get_dataset_namespace (resource));
  walk_strv (trib_xdm_resource_get_field_group_ids (resource));
  walk_strv (trib_xdm_resource_get_intended_to_extend (resource));
  fuzz_assert_date_shown (trib_xdm_resource_get_created (resource));
  fuzz_assert_date_shown (trib_xdm_resource_get_modified (resource));
  (void) trib_xdm_resource_get_container (resource);
  (void) trib_xdm_resource_get_behavior (resource);
  (void) trib_xdm_resource_get_profile_enabled (resource);

  if (kind == TRIB_XDM_KIND_CLASS)
    g_assert_cmpstr (trib_xdm_resource_get_class_id (resource), ==, trib_xdm_resource_get_id (resource));
  if (kind != TRIB_XDM_KIND_SCHEMA)
    g_assert_null (trib_xdm_resource_get_field_group_ids (resource)[0]);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_json_parse_reply ((const char *) data, size);
  JsonObject *object;
  JsonObject *page;
  JsonArray *results;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  object = json_node_get_object (root);

  for (TribXdmKind kind = TRIB_XDM_KIND_SCHEMA; kind <= TRIB_XDM_KIND_DATA_TYPE; kind++)
    {
      /* GET of one resource */
      read_resource (kind, object);

      /* A page of a list, as the registry client walks it */
      if ((results = trib_xdm_json_get_array (object, "results")))
        {
          for (guint i = 0; i < json_array_get_length (results); i++)
            {
              JsonNode *element = json_array_get_element (results, i);

              if (JSON_NODE_HOLDS_OBJECT (element))
                read_resource (kind, json_node_get_object (element));
            }
        }
    }

  if ((page = trib_xdm_json_get_object (object, "_page")))
    fuzz_assert_utf8 (trib_xdm_json_get_string (page, "next"));

  return 0;
}
