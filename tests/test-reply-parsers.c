/* test-reply-parsers.c
 *
 * The readers of the platform's replies (Catalog's datasets and
 * batches, the Schema Registry's resources and field trees, Sandbox
 * Management's sandboxes) on the odd replies the fuzz targets of
 * tests/fuzz/ found them mishandling.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "trib-batch.h"
#include "trib-dataset.h"
#include "trib-platform-error.h"
#include "trib-sandbox.h"
#include "trib-xdm-field.h"
#include "trib-xdm-resource.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* Found by fuzz-catalog: a negative count passed for a count. */
static void
test_batch_counts (void)
{
  g_autoptr(JsonNode) negative = parse ("{\"recordCount\": -110, \"failedRecordCount\": -5}");
  g_autoptr(JsonNode) counted = parse ("{\"recordCount\": 25000, \"failedRecordCount\": 0}");
  g_autoptr(TribBatch) odd = trib_batch_new_from_json ("b1", json_node_get_object (negative));
  g_autoptr(TribBatch) good = trib_batch_new_from_json ("b2", json_node_get_object (counted));

  g_assert_cmpint (trib_batch_get_record_count (odd), ==, -1);
  g_assert_cmpint (trib_batch_get_failed_record_count (odd), ==, -1);
  g_assert_cmpint (trib_batch_get_record_count (good), ==, 25000);
  g_assert_cmpint (trib_batch_get_failed_record_count (good), ==, 0);
}

/* Found by fuzz-catalog: casting 1e999 (infinity) or 1e300 to gint64 is
 * undefined behaviour, which UBSan reports in the clang build.
 */
static void
test_dates_out_of_range (void)
{
  g_autoptr(JsonNode) batch_json = parse ("{\"created\": 1e999, \"completed\": -1e300}");
  g_autoptr(JsonNode) dataset_json = parse ("{\"name\": \"Odd\", \"created\": 9.3e18, \"updated\": 1790035200000.5}");
  g_autoptr(JsonNode) schema_json = parse ("{\"$id\": \"https://ns.adobe.com/t/schemas/1\","
                                           " \"meta:registryMetadata\": {\"repo:createdDate\": -1e999,"
                                           " \"repo:lastModifiedDate\": 1708300800000}}");
  g_autoptr(TribBatch) batch = trib_batch_new_from_json ("b1", json_node_get_object (batch_json));
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (trib_batch_get_created (batch));
  g_assert_null (trib_batch_get_completed (batch));

  dataset = trib_dataset_new_from_json ("d1", json_node_get_object (dataset_json), &error);
  g_assert_no_error (error);
  g_assert_null (trib_dataset_get_created (dataset));
  g_assert_nonnull (trib_dataset_get_updated (dataset));
  g_assert_cmpint (g_date_time_to_unix (trib_dataset_get_updated (dataset)), ==, 1790035200);

  schema = trib_xdm_resource_new_from_json (TRIB_XDM_KIND_SCHEMA, json_node_get_object (schema_json), &error);
  g_assert_no_error (error);
  g_assert_null (trib_xdm_resource_get_created (schema));
  g_assert_nonnull (trib_xdm_resource_get_modified (schema));
}

/* A wide object whose fields are all required was quadratic to read
 * (a 50,000-field one took seconds, a reply of a few MB minutes): each
 * field searched the whole list. That cost has no test, tests being
 * untimed; this checks the required flags the lookup now gives.
 */
static void
test_required_fields (void)
{
  g_autoptr(GString) json = g_string_new ("{\"properties\": {");
  g_autoptr(JsonNode) schema = NULL;
  g_autoptr(GListModel) roots = NULL;
  guint n_fields = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (json, "%s\"f%u\": {\"type\": \"string\"}", i > 0 ? ", " : "", i);
  g_string_append (json, ", \"o\": {\"type\": \"object\", \"properties\": {\"f1\": {}, \"g\": {}},"
                         " \"required\": [\"g\", \"g\"]}}, \"required\": [\"o\", \"missing\"");
  for (guint i = 0; i < 2000; i += 2)
    g_string_append_printf (json, ", \"f%u\"", i);
  g_string_append (json, "]}");

  schema = parse (json->str);
  roots = trib_xdm_field_build_tree (json_node_get_object (schema), NULL, &n_fields);
  g_assert_cmpuint (n_fields, ==, 2003);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (roots, i);
      const char *name = trib_xdm_field_get_name (field);

      if (g_str_equal (name, "o"))
        {
          GListModel *children = trib_xdm_field_get_children (field);
          g_autoptr(TribXdmField) f1 = g_list_model_get_item (children, 0);
          g_autoptr(TribXdmField) g = g_list_model_get_item (children, 1);

          g_assert_true (trib_xdm_field_get_required (field));
          g_assert_cmpstr (trib_xdm_field_get_name (f1), ==, "f1");
          g_assert_false (trib_xdm_field_get_required (f1));
          g_assert_cmpstr (trib_xdm_field_get_name (g), ==, "g");
          g_assert_true (trib_xdm_field_get_required (g));
        }
      else
        {
          guint index = atoi (name + 1);

          g_assert_cmpint (trib_xdm_field_get_required (field), ==, index % 2 == 0);
        }
    }
}

/* Found by fuzz-sandboxes: json-glib's getters warned (a critical) on a
 * member that was an object or an array instead of a string.
 */
static void
test_sandbox_members_of_another_type (void)
{
  g_autoptr(JsonNode) nameless_json = parse ("{\"name\": {\"first\": \"dev\"}}");
  g_autoptr(JsonNode) odd_json = parse ("{\"name\": \"dev\", \"title\": [], \"state\": {}, \"type\": 5,"
                                        " \"region\": null, \"createdBy\": [\"x\"], \"isDefault\": {},"
                                        " \"createdDate\": {}, \"lastModifiedDate\": [1]}");
  g_autoptr(TribSandbox) nameless = NULL;
  g_autoptr(TribSandbox) odd = NULL;
  g_autoptr(GError) error = NULL;

  nameless = trib_sandbox_new_from_json (json_node_get_object (nameless_json), &error);
  g_assert_null (nameless);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  odd = trib_sandbox_new_from_json (json_node_get_object (odd_json), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_sandbox_get_name (odd), ==, "dev");
  g_assert_cmpstr (trib_sandbox_get_title (odd), ==, "dev");
  g_assert_cmpstr (trib_sandbox_get_state (odd), ==, "");
  g_assert_cmpstr (trib_sandbox_get_sandbox_type (odd), ==, "");
  g_assert_cmpstr (trib_sandbox_get_region (odd), ==, "");
  g_assert_null (trib_sandbox_get_created_by (odd));
  g_assert_false (trib_sandbox_get_is_default (odd));
  g_assert_null (trib_sandbox_get_created (odd));
  g_assert_null (trib_sandbox_get_modified (odd));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/reply-parsers/batch-counts", test_batch_counts);
  g_test_add_func ("/tributary/reply-parsers/dates-out-of-range", test_dates_out_of_range);
  g_test_add_func ("/tributary/reply-parsers/required-fields", test_required_fields);
  g_test_add_func ("/tributary/reply-parsers/sandbox-members-of-another-type",
                   test_sandbox_members_of_another_type);

  return g_test_run ();
}
