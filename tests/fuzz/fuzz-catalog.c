/* fuzz-catalog.c
 *
 * Catalog's replies: a page of datasets or of batches is one object
 * with each item filed under its id, read as the Catalog client reads
 * it. Every item is read both as a dataset and as a batch, so one
 * corpus serves both.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-batch.h"
#include "trib-dataset.h"
#include "trib-platform-error.h"

static void
read_dataset (const char *id,
              JsonObject *object)
{
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *tag_names;

  if (!(dataset = trib_dataset_new_from_json (id, object, &error)))
    {
      g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
      fuzz_assert_utf8 (error->message);
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_id (dataset), ==, id);
  g_assert_nonnull (trib_dataset_get_name (dataset));
  fuzz_assert_utf8 (trib_dataset_get_name (dataset));
  fuzz_assert_utf8 (trib_dataset_get_description (dataset));
  fuzz_assert_utf8 (trib_dataset_get_schema_id (dataset));
  fuzz_assert_utf8 (trib_dataset_get_table_name (dataset));
  fuzz_assert_utf8 (trib_dataset_get_format (dataset));
  fuzz_assert_utf8 (trib_dataset_get_last_batch_id (dataset));
  fuzz_assert_utf8 (trib_dataset_get_last_batch_status (dataset));
  fuzz_assert_date_shown (trib_dataset_get_created (dataset));
  fuzz_assert_date_shown (trib_dataset_get_updated (dataset));
  (void) trib_dataset_get_profile_enabled (dataset);

  tag_names = trib_dataset_get_tag_names (dataset);
  g_assert_nonnull (tag_names);
  for (guint i = 0; tag_names[i] != NULL; i++)
    {
      g_autofree char *tag = trib_dataset_dup_tag (dataset, tag_names[i]);

      g_assert_nonnull (tag);
      fuzz_assert_utf8 (tag);
    }
}

static void
read_batch (const char *id,
            JsonObject *object)
{
  g_autoptr(TribBatch) batch = trib_batch_new_from_json (id, object);

  g_assert_nonnull (batch);
  g_assert_cmpstr (trib_batch_get_id (batch), ==, id);
  fuzz_assert_utf8 (trib_batch_get_status (batch));
  fuzz_assert_utf8 (trib_batch_get_error_summary (batch));
  fuzz_assert_date_shown (trib_batch_get_created (batch));
  fuzz_assert_date_shown (trib_batch_get_completed (batch));
  g_assert_cmpint (trib_batch_get_record_count (batch), >=, -1);
  g_assert_cmpint (trib_batch_get_failed_record_count (batch), >=, -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_json_parse_reply ((const char *) data, size);
  g_autoptr(GList) ids = NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  object = json_node_get_object (root);
  ids = json_object_get_members (object);

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      read_dataset (l->data, json_node_get_object (node));
      read_batch (l->data, json_node_get_object (node));
    }

  return 0;
}
