/* fuzz-sandboxes.c
 *
 * Sandbox Management's replies: a page of the sandbox list
 * (`{"sandboxes": […], "_links": …}`, read as the sandboxes client
 * reads it) and a single sandbox. Every sandbox read has a name, and
 * its dates, when it has some, can be shown.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-platform-error.h"
#include "trib-sandbox.h"

static void
read_sandbox (JsonObject *object)
{
  g_autoptr(TribSandbox) sandbox = NULL;
  g_autoptr(GError) error = NULL;

  if (!(sandbox = trib_sandbox_new_from_json (object, &error)))
    {
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (trib_sandbox_get_name (sandbox));
  g_assert_cmpstr (trib_sandbox_get_name (sandbox), !=, "");
  g_assert_nonnull (trib_sandbox_get_title (sandbox));
  g_assert_nonnull (trib_sandbox_get_state (sandbox));
  g_assert_nonnull (trib_sandbox_get_sandbox_type (sandbox));
  g_assert_nonnull (trib_sandbox_get_region (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_name (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_title (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_state (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_sandbox_type (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_region (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_created_by (sandbox));
  fuzz_assert_utf8 (trib_sandbox_get_modified_by (sandbox));
  fuzz_assert_date_shown (trib_sandbox_get_created (sandbox));
  fuzz_assert_date_shown (trib_sandbox_get_modified (sandbox));
  (void) trib_sandbox_get_is_default (sandbox);
  (void) trib_sandbox_get_is_production (sandbox);
  (void) trib_sandbox_get_is_active (sandbox);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_json_parse_reply ((const char *) data, size);
  JsonObject *object;
  JsonNode *sandboxes;
  JsonNode *links;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  object = json_node_get_object (root);

  /* GET /sandboxes/{name} */
  read_sandbox (object);

  /* A page of GET / */
  if ((sandboxes = json_object_get_member (object, "sandboxes")) && JSON_NODE_HOLDS_ARRAY (sandboxes))
    {
      JsonArray *array = json_node_get_array (sandboxes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            read_sandbox (json_node_get_object (element));
        }
    }

  if ((links = json_object_get_member (object, "_links")) && JSON_NODE_HOLDS_OBJECT (links))
    (void) json_object_has_member (json_node_get_object (links), "next");

  return 0;
}
