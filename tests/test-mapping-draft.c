/* test-mapping-draft.c
 *
 * The Mapping step's draft: rows added, retargeted and removed, its own
 * checks (no target, two rows into one field), undo and redo (auto-map
 * as one step), the TribMapping array it gives, and, against
 * tributary-sim, Data Prep's verdicts landing on their rows and the
 * sample rows previewed as text.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-mapping-draft.h"
#include "trib-mapping.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"

static const char *schema_text =
  "{\"properties\": {"
  "  \"orderId\": {\"type\": \"string\"},"
  "  \"quantity\": {\"type\": \"integer\"},"
  "  \"note\": {\"type\": \"string\"}}}";

static TribMappingRow *
row_at (TribMappingDraft *draft,
        guint             position)
{
  g_autoptr(TribMappingRow) row = g_list_model_get_item (G_LIST_MODEL (draft), position);

  return row; /* the draft keeps it */
}

static void
count_cb (gpointer  object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_new_destroy (void)
{
  TribMappingDraft *draft = trib_mapping_draft_new ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (draft)) == TRIB_TYPE_MAPPING_ROW);
  g_assert_false (trib_mapping_draft_get_complete (draft));
  g_assert_false (trib_mapping_draft_get_can_undo (draft));
  trib_mapping_draft_add_column (draft, "OrderID", "integer", NULL, NULL);
  g_assert_finalize_object (draft);
}

static void
test_rows_and_checks (void)
{
  g_autoptr(TribMappingDraft) draft = trib_mapping_draft_new ();
  g_autoptr(GPtrArray) mappings = NULL;
  g_auto(GStrv) targets = NULL;
  guint complete_notes = 0;
  guint problem_notes = 0;
  TribMappingRow *row;

  g_signal_connect (draft, "notify::complete", G_CALLBACK (count_cb), &complete_notes);

  g_assert_cmpuint (trib_mapping_draft_add_column (draft, "OrderID", "integer", NULL, NULL), ==, 0);
  row = row_at (draft, 0);
  g_signal_connect (row, "notify::problem", G_CALLBACK (count_cb), &problem_notes);
  g_assert_cmpstr (trib_mapping_row_get_problem (row), ==, "Choose a target field");
  g_assert_false (trib_mapping_row_get_complete (row));
  g_assert_false (trib_mapping_draft_get_complete (draft));
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 1);

  trib_mapping_draft_set_target (draft, 0, "orderId", "string");
  g_assert_null (trib_mapping_row_get_problem (row));
  g_assert_cmpuint (problem_notes, ==, 1);
  g_assert_true (trib_mapping_draft_get_complete (draft));
  g_assert_cmpuint (complete_notes, ==, 1);

  /* A second row into the same field: the second is wrong, not the first. */
  trib_mapping_draft_add_expression (draft, "upper(CustomerID)", "orderId", "string");
  g_assert_null (trib_mapping_row_get_problem (row));
  g_assert_nonnull (strstr (trib_mapping_row_get_problem (row_at (draft, 1)), "already writes to orderId"));
  g_assert_false (trib_mapping_draft_get_complete (draft));
  g_assert_cmpuint (complete_notes, ==, 2);

  trib_mapping_draft_set_target (draft, 1, "note", "string");
  g_assert_true (trib_mapping_draft_get_complete (draft));
  trib_mapping_draft_set_identity (draft, 0, TRUE, "CRMID");
  g_assert_true (trib_mapping_row_get_identity (row));
  g_assert_cmpstr (trib_mapping_row_get_namespace (row), ==, "CRMID");
  g_assert_cmpint (trib_mapping_draft_find_target (draft, "note"), ==, 1);
  g_assert_cmpint (trib_mapping_draft_find_column (draft, "OrderID"), ==, 0);
  g_assert_cmpint (trib_mapping_draft_find_column (draft, "upper(CustomerID)"), ==, -1);

  /* An empty expression says so, and is not sent. */
  trib_mapping_draft_add_expression (draft, NULL, "quantity", "integer");
  g_assert_cmpstr (trib_mapping_row_get_problem (row_at (draft, 2)), ==, "Enter an expression");

  mappings = trib_mapping_draft_dup_mappings (draft);
  g_assert_cmpuint (mappings->len, ==, 2);
  g_assert_cmpint (trib_mapping_get_source_type (g_ptr_array_index (mappings, 0)), ==, TRIB_MAPPING_SOURCE_ATTRIBUTE);
  g_assert_cmpstr (trib_mapping_get_source (g_ptr_array_index (mappings, 0)), ==, "OrderID");
  g_assert_cmpstr (trib_mapping_get_destination (g_ptr_array_index (mappings, 0)), ==, "orderId");
  g_assert_cmpint (trib_mapping_get_source_type (g_ptr_array_index (mappings, 1)), ==, TRIB_MAPPING_SOURCE_EXPRESSION);
  g_assert_cmpstr (trib_mapping_get_source (g_ptr_array_index (mappings, 1)), ==, "upper(CustomerID)");
  targets = trib_mapping_draft_dup_targets (draft);
  g_assert_cmpuint (g_strv_length (targets), ==, 2);
  g_assert_cmpstr (targets[1], ==, "note");

  trib_mapping_draft_remove (draft, 2);
  trib_mapping_draft_remove (draft, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 1);
  g_assert_cmpstr (trib_mapping_row_get_source (row_at (draft, 0)), ==, "upper(CustomerID)");
}

static void
test_undo (void)
{
  g_autoptr(TribMappingDraft) draft = trib_mapping_draft_new ();
  g_autoptr(GListModel) roots = NULL;
  const char * const names[] = { "order_id", "Quantity", "Other" };
  const TribColumnType types[] = { TRIB_COLUMN_STRING, TRIB_COLUMN_INTEGER, TRIB_COLUMN_STRING };
  guint n_fields = 0;
  guint can_undo_notes = 0;

  roots = trib_xdm_field_build_tree_from_text (schema_text, strlen (schema_text), NULL, &n_fields);
  g_signal_connect (draft, "notify::can-undo", G_CALLBACK (count_cb), &can_undo_notes);

  trib_mapping_draft_add_column (draft, "Other", "string", "note", "string");
  g_assert_true (trib_mapping_draft_get_can_undo (draft));
  g_assert_cmpuint (can_undo_notes, ==, 1);

  /* Auto-map leaves the mapped column and the taken field alone, and is
   * one step.
   */
  g_assert_cmpuint (trib_mapping_draft_automap (draft, roots, G_N_ELEMENTS (names), names, types), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 3);
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 1)), ==, "orderId");
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 2)), ==, "quantity");
  g_assert_cmpstr (trib_mapping_row_get_source_type (row_at (draft, 2)), ==, "integer");
  g_assert_cmpuint (trib_mapping_draft_automap (draft, roots, G_N_ELEMENTS (names), names, types), ==, 0);

  trib_mapping_draft_set_target (draft, 0, "orderId", "string");
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 1);

  g_assert_true (trib_mapping_draft_undo (draft));
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 0)), ==, "note");
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 0);
  g_assert_true (trib_mapping_draft_get_can_redo (draft));

  g_assert_true (trib_mapping_draft_undo (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 1);

  g_assert_true (trib_mapping_draft_redo (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 3);
  g_assert_true (trib_mapping_draft_redo (draft));
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 0)), ==, "orderId");
  g_assert_false (trib_mapping_draft_redo (draft));

  /* A new change forgets what was undone. */
  g_assert_true (trib_mapping_draft_undo (draft));
  trib_mapping_draft_remove (draft, 2);
  g_assert_false (trib_mapping_draft_get_can_redo (draft));

  trib_mapping_draft_clear (draft);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 0);
  g_assert_true (trib_mapping_draft_undo (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 2);

  while (trib_mapping_draft_undo (draft))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 0);
  g_assert_false (trib_mapping_draft_get_can_undo (draft));
}

/* Seed 004's target: the profile class with person details. */
static char *
create_target_schema (TribPlatformClient *client)
{
  const char * const field_groups[] = { "https://ns.adobe.com/xdm/context/profile-person-details", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = trib_test_unique_name ("Mapping draft target");

  trib_schema_registry_create_schema_async (client, title, NULL, "https://ns.adobe.com/xdm/context/profile",
                                            field_groups, NULL, trib_test_result_cb, &result);
  schema = trib_schema_registry_create_schema_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return g_strdup (trib_xdm_resource_get_id (schema));
}

static void
test_validate_and_preview (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_default_client (sim);
  g_autoptr(TribMappingDraft) draft = trib_mapping_draft_new ();
  g_autofree char *schema_id = create_target_schema (client);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TribExplorePreview) sample = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) preview_result = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) targets = NULL;
  const char * const names[] = { "OrderID", "CustomerID", "Shipped" };
  const TribColumnType types[] = { TRIB_COLUMN_INTEGER, TRIB_COLUMN_STRING, TRIB_COLUMN_BOOLEAN };

  trib_mapping_draft_add_column (draft, "CustomerID", "string", "_id", "string");
  trib_mapping_draft_add_column (draft, "Shipped", "boolean", "person.birthDate", "date");   /* wrong type */
  trib_mapping_draft_add_expression (draft, "concat(CustomerID,", "person.name.firstName", "string");
  trib_mapping_draft_add_column (draft, "OrderID", "integer", NULL, NULL);                   /* not sent */

  trib_mapping_draft_validate_async (draft, client, schema_id, G_N_ELEMENTS (names), names, types, NULL,
                                     trib_test_result_cb, &result);
  g_assert_true (trib_mapping_draft_validate_finish (draft, trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_null (trib_mapping_row_get_problem (row_at (draft, 0)));
  g_assert_nonnull (strstr (trib_mapping_row_get_problem (row_at (draft, 1)), "Type mismatch"));
  g_assert_nonnull (strstr (trib_mapping_row_get_problem (row_at (draft, 2)), "Invalid expression"));
  g_assert_cmpstr (trib_mapping_row_get_problem (row_at (draft, 3)), ==, "Choose a target field");
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 3);

  /* Fixing a row drops its verdict; undoing the fix brings it back. */
  trib_mapping_draft_set_expression (draft, 2, "concat(CustomerID, \"!\")");
  g_assert_null (trib_mapping_row_get_problem (row_at (draft, 2)));
  trib_mapping_draft_undo (draft);
  g_assert_nonnull (strstr (trib_mapping_row_get_problem (row_at (draft, 2)), "Invalid expression"));
  trib_mapping_draft_redo (draft);
  trib_mapping_draft_remove (draft, 1);
  trib_mapping_draft_set_target (draft, 2, "person.name.lastName", "string");

  g_clear_object (&result);
  trib_mapping_draft_validate_async (draft, client, schema_id, G_N_ELEMENTS (names), names, types, NULL,
                                     trib_test_result_cb, &result);
  g_assert_true (trib_mapping_draft_validate_finish (draft, trib_test_wait_result (&result), &error));
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 0);
  g_assert_true (trib_mapping_draft_get_complete (draft));

  /* Preview: the sample as the explore preview gives it, typed by column. */
  node = json_from_string ("{\"format\": \"flat\", \"schema\": {\"columns\": ["
                           "{\"name\": \"OrderID\", \"type\": \"integer\"},"
                           "{\"name\": \"CustomerID\", \"type\": \"string\"},"
                           "{\"name\": \"Shipped\", \"type\": \"boolean\"}]},"
                           "\"data\": [{\"OrderID\": 10248, \"CustomerID\": \"VINET\", \"Shipped\": true},"
                           "{\"OrderID\": 10249, \"CustomerID\": \"TOMSP\", \"Shipped\": false}]}", &error);
  g_assert_no_error (error);
  sample = trib_explore_preview_new_from_json (json_node_get_object (node));
  g_assert_cmpuint (trib_explore_preview_get_n_rows (sample), ==, 2);

  trib_mapping_draft_preview_async (draft, client, schema_id, sample, types, NULL, trib_test_result_cb,
                                    &preview_result);
  rows = trib_mapping_draft_preview_finish (draft, trib_test_wait_result (&preview_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  targets = trib_mapping_draft_dup_targets (draft);
  g_assert_cmpstr (targets[0], ==, "_id");
  g_assert_cmpstr (targets[2], ==, "person.name.lastName");
  texts = trib_mapping_preview_row_dup_texts (g_ptr_array_index (rows, 1), (const char * const *) targets);
  g_assert_cmpuint (texts->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "TOMSP");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "TOMSP!");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "10249");
  g_assert_null (g_ptr_array_index (texts, 3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/mapping-draft/new-destroy", test_new_destroy);
  g_test_add_func ("/tributary/mapping-draft/rows-and-checks", test_rows_and_checks);
  g_test_add_func ("/tributary/mapping-draft/undo", test_undo);
  g_test_add_func ("/tributary/mapping-draft/validate-and-preview", test_validate_and_preview);

  return g_test_run ();
}
