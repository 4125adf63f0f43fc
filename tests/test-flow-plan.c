/* test-flow-plan.c
 *
 * The plans of the three setups of issue 13 as the Review page shows
 * them: the steps in order, each body valid JSON with the seeds' errata
 * fixed and earlier steps' ids as placeholders; the wizard's checks, one
 * message per problem (14 minutes refused with the flow spec's reason);
 * the plan as curl with credentials as placeholders; the journal's
 * round trip; properties notified once per change.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "trib-error.h"
#include "trib-flow-plan-private.h"
#include "trib-test-flow.h"

static TribTestSim *sim;
static TribPlatformClient *client;

static JsonObject *
body_of (TribFlowPlan     *plan,
         TribFlowStepKind  kind)
{
  TribFlowStep *step = trib_flow_plan_find_step (plan, kind);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  JsonObject *object;

  g_assert_nonnull (step);
  text = trib_flow_step_dup_body_text (step);
  g_assert_nonnull (text);
  /* Indented for reading. */
  g_assert_nonnull (strstr (text, "\n  \""));
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);

  return object;
}

static const char *
path_string (JsonObject *object,
             const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i + 1] != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);

  return json_object_get_string_member (object, parts[g_strv_length (parts) - 1]);
}

static void
assert_kinds (TribFlowPlan           *plan,
              const TribFlowStepKind *kinds,
              guint                   n_kinds)
{
  g_assert_cmpuint (trib_flow_plan_get_n_steps (plan), ==, n_kinds);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(TribFlowStep) step = g_list_model_get_item (G_LIST_MODEL (plan), i);

      g_assert_cmpint (trib_flow_step_get_kind (step), ==, kinds[i]);
      g_assert_cmpuint (trib_flow_step_get_index (step), ==, i);
      g_assert_cmpint (trib_flow_step_get_state (step), ==, TRIB_FLOW_STEP_PENDING);
      g_assert_nonnull (trib_flow_step_get_title (step));
    }
}

static void
test_seed_002 (void)
{
  static const TribFlowStepKind kinds[] = {
    TRIB_FLOW_STEP_CREATE_SCHEMA, TRIB_FLOW_STEP_CREATE_DATASET, TRIB_FLOW_STEP_CREATE_MAPPING_SET,
    TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION, TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION,
    TRIB_FLOW_STEP_FIND_FLOW_SPEC, TRIB_FLOW_STEP_CREATE_FLOW,
  };
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_002, "p");
  g_autoptr(JsonObject) schema = NULL;
  g_autoptr(JsonObject) dataset = NULL;
  g_autoptr(JsonObject) source = NULL;
  g_autoptr(JsonObject) flow = NULL;
  JsonObject *params;
  JsonObject *schedule;
  JsonArray *transformations;

  assert_kinds (plan, kinds, G_N_ELEMENTS (kinds));

  schema = body_of (plan, TRIB_FLOW_STEP_CREATE_SCHEMA);
  g_assert_cmpstr (json_object_get_string_member (schema, "meta:class"), ==,
                   "https://ns.adobe.com/xdm/context/profile");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (schema, "allOf")), ==, 2);

  dataset = body_of (plan, TRIB_FLOW_STEP_CREATE_DATASET);
  g_assert_cmpstr (path_string (dataset, "schemaRef.id"), ==, "{{step1.id}}");
  g_assert_cmpstr (path_string (dataset, "fileDescription.format"), ==, "parquet");
  g_assert_true (json_object_has_member (json_object_get_object_member (dataset, "tags"), "unifiedProfile"));

  /* S002's errata: valid JSON, recursive a boolean. */
  source = body_of (plan, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION);
  params = json_object_get_object_member (source, "params");
  g_assert_cmpstr (json_object_get_string_member (params, "path"), ==, "/luma/orders/orders.parquet");
  g_assert_true (JSON_NODE_TYPE (json_object_get_member (params, "recursive")) == JSON_NODE_VALUE);
  g_assert_true (json_node_get_value_type (json_object_get_member (params, "recursive")) == G_TYPE_BOOLEAN);
  g_assert_cmpstr (path_string (source, "data.format"), ==, "parquet");
  g_assert_cmpstr (json_object_get_string_member (source, "baseConnectionId"), ==, TRIB_TEST_S3_CONNECTION);
  /* Made by this setup, so found again by a name no other has. */
  {
    g_autofree char *short_id = g_strndup (trib_flow_plan_get_setup_id (plan), 8);

    g_assert_nonnull (strstr (json_object_get_string_member (source, "name"), short_id));
  }

  flow = body_of (plan, TRIB_FLOW_STEP_CREATE_FLOW);
  g_assert_cmpstr (path_string (flow, "flowSpec.id"), ==, "{{step6.id}}");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (flow, "sourceConnectionIds"), 0), ==,
                   "{{step4.id}}");
  transformations = json_object_get_array_member (flow, "transformations");
  g_assert_cmpuint (json_array_get_length (transformations), ==, 1);
  /* CloudStorageToAEP types mappingVersion as an integer. */
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 0), "params.mappingVersion"), ==,
                   "{{step3.version}}");
  schedule = json_object_get_object_member (flow, "scheduleParams");
  g_assert_cmpstr (json_object_get_string_member (schedule, "frequency"), ==, "hour");
  g_assert_cmpint (json_object_get_int_member (schedule, "interval"), ==, 1);
  g_assert_true (json_object_get_boolean_member (schedule, "backfill"));
  g_assert_cmpint (json_object_get_int_member (schedule, "startTime"), ==, 1767225600);
  g_assert_cmpstr (trib_flow_step_get_path (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_FIND_FLOW_SPEC)), ==,
                   "/data/foundation/flowservice/flowSpecs?property=name%3D%3D%22CloudStorageToAEP%22");
}

static void
test_seed_004 (void)
{
  static const TribFlowStepKind kinds[] = {
    TRIB_FLOW_STEP_CREATE_CLASS, TRIB_FLOW_STEP_CREATE_SCHEMA, TRIB_FLOW_STEP_CREATE_DATASET,
    TRIB_FLOW_STEP_CREATE_MAPPING_SET, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION,
    TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION, TRIB_FLOW_STEP_FIND_FLOW_SPEC, TRIB_FLOW_STEP_CREATE_FLOW,
  };
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_004, "p");
  g_autoptr(JsonObject) class = NULL;
  g_autoptr(JsonObject) mapping = NULL;
  g_autoptr(JsonObject) target = NULL;
  g_autoptr(JsonObject) flow = NULL;
  JsonObject *fields;
  JsonArray *mappings;
  JsonArray *transformations;
  g_autoptr(GHashTable) destinations = g_hash_table_new (g_str_hash, g_str_equal);

  assert_kinds (plan, kinds, G_N_ELEMENTS (kinds));

  class = body_of (plan, TRIB_FLOW_STEP_CREATE_CLASS);
  fields = json_object_get_object_member (
    json_object_get_object_member (
      json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (class, "allOf"), 1),
                                     "properties"), "_adhoc"), "properties");
  g_assert_cmpstr (path_string (fields, "EmployeeID.type"), ==, "integer");
  g_assert_cmpstr (path_string (fields, "Freight.type"), ==, "number");

  /* S004's errata: distinct destinations, under the class's namespace. */
  mapping = body_of (plan, TRIB_FLOW_STEP_CREATE_MAPPING_SET);
  g_assert_cmpstr (path_string (mapping, "outputSchema.schemaRef.id"), ==, "{{step2.id}}");
  mappings = json_object_get_array_member (mapping, "mappings");
  g_assert_cmpuint (json_array_get_length (mappings), ==, 5);
  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      const char *destination = json_object_get_string_member (json_array_get_object_element (mappings, i),
                                                               "destination");

      g_assert_true (g_str_has_prefix (destination, "{{step1.namespace}}."));
      g_assert_true (g_hash_table_add (destinations, (gpointer) destination));
    }

  /* The target on the Data Lake spec, not the OData one. */
  target = body_of (plan, TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION);
  g_assert_cmpstr (path_string (target, "connectionSpec.id"), ==, "c604ff05-7f1a-43c0-8e18-33bf874cb11c");
  g_assert_cmpstr (path_string (target, "params.dataSetId"), ==, "{{step3.id}}");
  g_assert_false (json_object_has_member (target, "baseConnectionId"));

  flow = body_of (plan, TRIB_FLOW_STEP_CREATE_FLOW);
  transformations = json_object_get_array_member (flow, "transformations");
  g_assert_cmpuint (json_array_get_length (transformations), ==, 2);
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 0), "name"), ==, "Copy");
  /* A column of Orders, and the current OData date format. */
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 0), "params.deltaColumn.name"), ==,
                   "OrderDate");
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 0),
                                "params.deltaColumn.dateFormat"), ==, "yyyy-MM-ddTHH:mm:ssZ");
  /* CRMToAEP types mappingVersion as a string. */
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 1), "params.mappingId"), ==,
                   "{{step4.id}}");
  g_assert_cmpstr (path_string (json_array_get_object_element (transformations, 1), "params.mappingVersion"), ==,
                   "{{step4.version:string}}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (flow, "scheduleParams"), "interval"),
                   ==, 15);
}

static void
test_databricks (void)
{
  static const TribFlowStepKind kinds[] = {
    TRIB_FLOW_STEP_CREATE_DATASET, TRIB_FLOW_STEP_CREATE_MAPPING_SET, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION,
    TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION, TRIB_FLOW_STEP_FIND_FLOW_SPEC, TRIB_FLOW_STEP_CREATE_FLOW,
  };
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_DATABRICKS, "p");
  g_autoptr(JsonObject) source = NULL;
  g_autoptr(JsonObject) flow = NULL;
  JsonObject *schedule;

  assert_kinds (plan, kinds, G_N_ELEMENTS (kinds));
  source = body_of (plan, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION);
  g_assert_cmpstr (path_string (source, "data.format"), ==, "tabular");
  g_assert_cmpstr (path_string (source, "params.tableName"), ==, "sales.orders");
  g_assert_cmpstr (path_string (source, "connectionSpec.id"), ==, TRIB_TEST_DATABRICKS_SPEC);
  flow = body_of (plan, TRIB_FLOW_STEP_CREATE_FLOW);
  g_assert_cmpstr (path_string (json_array_get_object_element (json_object_get_array_member (flow, "transformations"),
                                                               0), "params.deltaColumn.name"), ==, "updated_at");
  schedule = json_object_get_object_member (flow, "scheduleParams");
  g_assert_false (json_object_get_boolean_member (schedule, "backfill"));
  g_assert_cmpstr (trib_flow_step_get_resource_name (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_FIND_FLOW_SPEC)),
                   ==, "CRMToAEP");
}

static void
assert_refused (TribFlowAnswers    *answers,
                TribFlowWizardStep  step,
                const char         *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (trib_flow_answers_check_step (answers, step, &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_FAILED);
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static void
assert_accepted (TribFlowAnswers    *answers,
                 TribFlowWizardStep  step)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trib_flow_answers_check_step (answers, step, &error));
  g_assert_no_error (error);
}

static void
test_checks (void)
{
  g_autoptr(TribFlowAnswers) answers = trib_test_setup_answers (TRIB_TEST_SETUP_SEED_004, "c");
  g_autoptr(TribFlowSpec) spec = trib_test_find_flow_spec (client, answers);
  g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const bad_names[] = { "Order ID", NULL };
  static const char * const bad_types[] = { "string", NULL };
  static const char * const same_names[] = { "a", "a", NULL };
  static const char * const same_types[] = { "string", "string", NULL };
  GPtrArray *mappings;

  trib_flow_answers_set_flow_spec (answers, spec);
  for (TribFlowWizardStep step = TRIB_FLOW_WIZARD_STEP_SOURCE; step <= TRIB_FLOW_WIZARD_STEP_REVIEW; step++)
    assert_accepted (answers, step);

  /* 14 minutes: the spec's own minimum, named with the spec. */
  trib_flow_answers_set_interval (answers, 14);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE, "at least 15");
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE, "CRMToAEP");
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_REVIEW, "at least 15");
  trib_flow_answers_set_frequency (answers, TRIB_FLOW_FREQUENCY_HOUR);
  assert_accepted (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE);
  trib_flow_answers_set_interval (answers, 0);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE, "at least 1");
  trib_flow_answers_set_frequency (answers, TRIB_FLOW_FREQUENCY_ONCE);
  assert_accepted (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE);
  trib_flow_answers_set_start_time (answers, NULL);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SCHEDULE, "first run");

  trib_flow_answers_set_delta_column (answers, NULL);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SOURCE, "delta column");
  trib_flow_answers_set_delta_column (answers, "OrderDate");
  trib_flow_answers_set_base_connection_id (answers, NULL);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SOURCE, "account");
  trib_flow_answers_set_base_connection_id (answers, TRIB_TEST_ODATA_CONNECTION);

  trib_flow_answers_set_columns (answers, bad_names, bad_types);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_TARGET, "“Order ID” cannot be a field name");
  trib_flow_answers_set_columns (answers, same_names, same_types);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_TARGET, "Two fields are named “a”");
  trib_flow_answers_set_columns (answers, NULL, NULL);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_TARGET, "at least one field");
  trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_EXISTING_DATASET);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_TARGET, "Choose the dataset");

  mappings = trib_flow_answers_get_mappings (answers);
  g_ptr_array_add (twice, g_object_ref (g_ptr_array_index (mappings, 0)));
  g_ptr_array_add (twice, trib_mapping_new (TRIB_MAPPING_SOURCE_ATTRIBUTE, "CustomerID",
                                            trib_mapping_get_destination (g_ptr_array_index (mappings, 0))));
  trib_flow_answers_set_mappings (answers, twice);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_MAPPING, "Two mappings write to “OrderID”");
  trib_flow_answers_set_mappings (answers, NULL);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_MAPPING, "at least one source column");
  /* Already XDM: no mapping to check, and Parquet files only. */
  trib_flow_answers_set_xdm_source (answers, TRUE);
  assert_accepted (answers, TRIB_FLOW_WIZARD_STEP_MAPPING);
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_SOURCE, "Only Parquet");

  trib_flow_answers_set_flow_name (answers, "  ");
  assert_refused (answers, TRIB_FLOW_WIZARD_STEP_REVIEW, "");
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_answers_notify (void)
{
  g_autoptr(TribFlowAnswers) answers = trib_flow_answers_new ();
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 5, 1, 12, 0, 0);
  guint name = 0, kind = 0, start = 0;

  g_signal_connect (answers, "notify::flow-name", G_CALLBACK (notify_cb), &name);
  g_signal_connect (answers, "notify::target-kind", G_CALLBACK (notify_cb), &kind);
  g_signal_connect (answers, "notify::start-time", G_CALLBACK (notify_cb), &start);

  trib_flow_answers_set_flow_name (answers, "Orders");
  trib_flow_answers_set_flow_name (answers, "Orders");
  g_object_set (answers, "target-kind", TRIB_FLOW_TARGET_ADHOC_SCHEMA, NULL);
  trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_ADHOC_SCHEMA);
  trib_flow_answers_set_start_time (answers, local);
  trib_flow_answers_set_start_time (answers, local);
  g_assert_cmpuint (name, ==, 1);
  g_assert_cmpuint (kind, ==, 1);
  g_assert_cmpuint (start, ==, 1);
  /* Kept in UTC, the same instant. */
  g_assert_cmpint (g_date_time_to_unix (trib_flow_answers_get_start_time (answers)), ==, g_date_time_to_unix (local));
  g_assert_cmpint (g_date_time_get_utc_offset (trib_flow_answers_get_start_time (answers)), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&answers));
}

static void
test_curl (void)
{
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_004, "curl");
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autofree char *token = trib_test_platform_token (client);
  g_autofree char *curl = trib_flow_plan_to_curl (plan, profile);

  g_assert_nonnull (strstr (curl, "# 1. Create the class"));
  g_assert_nonnull (strstr (curl, "curl -X POST "));
  g_assert_nonnull (strstr (curl, "/data/foundation/flowservice/flows"));
  g_assert_nonnull (strstr (curl, "$ACCESS_TOKEN"));
  g_assert_nonnull (strstr (curl, "$API_KEY"));
  g_assert_nonnull (strstr (curl, "x-sandbox-name: prod"));
  g_assert_nonnull (strstr (curl, "{{step4.id}}"));
  g_assert_null (strstr (curl, token));
  g_assert_null (strstr (curl, sim->client_secret));
  g_assert_null (strstr (curl, trib_profile_get_client_id (profile)));
}

/* The journal keeps the plan whole, and only what the plan holds. */
static void
test_journal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("flow-plan-XXXXXX", NULL);
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_002, "j");
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowJournal) loaded = NULL;
  g_autoptr(TribFlowPlan) copy = NULL;
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *token = trib_test_platform_token (client);

  _trib_flow_step_set_created (trib_flow_plan_get_step (plan, 0), "https://ns.adobe.com/x/schemas/1", -1);
  _trib_flow_step_set_state (trib_flow_plan_get_step (plan, 0), TRIB_FLOW_STEP_DONE);
  g_assert_true (trib_flow_journal_write (journal, plan, 1, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (trib_flow_journal_get_path (journal), &contents, NULL, NULL));
  g_assert_null (strstr (contents, token));
  g_assert_null (strstr (contents, sim->client_secret));

  pending = trib_flow_journal_list_pending (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pending), ==, 1);
  loaded = g_list_model_get_item (pending, 0);
  g_assert_cmpstr (trib_flow_journal_get_title (loaded), ==, trib_flow_plan_get_title (plan));
  g_assert_cmpint (trib_flow_journal_get_sending_step (loaded), ==, 1);
  copy = trib_flow_journal_dup_plan (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_flow_plan_get_n_steps (copy), ==, trib_flow_plan_get_n_steps (plan));
  g_assert_cmpstr (trib_flow_step_get_created_id (trib_flow_plan_get_step (copy, 0)), ==,
                   "https://ns.adobe.com/x/schemas/1");
  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    {
      g_autofree char *a = trib_flow_step_dup_body_text (trib_flow_plan_get_step (plan, i));
      g_autofree char *b = trib_flow_step_dup_body_text (trib_flow_plan_get_step (copy, i));

      g_assert_cmpstr (a, ==, b);
    }

  /* A damaged journal is skipped, not fatal. */
  {
    g_autofree char *bad = g_build_filename (dir, "damaged.json", NULL);
    g_autoptr(GListModel) again = NULL;

    g_assert_true (g_file_set_contents (bad, "{\"plan\": 3}", -1, NULL));
    g_test_expect_message ("trib-flow-journal", G_LOG_LEVEL_WARNING, "*damaged*");
    again = trib_flow_journal_list_pending (dir, &error);
    g_test_assert_expected_messages ();
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 1);
    g_unlink (bad);
  }

  g_assert_true (trib_flow_journal_delete (journal, &error));
  g_assert_false (g_file_test (trib_flow_journal_get_path (journal), G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-plan/seed-002", test_seed_002);
  g_test_add_func ("/tributary/flow-plan/seed-004", test_seed_004);
  g_test_add_func ("/tributary/flow-plan/databricks", test_databricks);
  g_test_add_func ("/tributary/flow-plan/checks", test_checks);
  g_test_add_func ("/tributary/flow-plan/answers-notify", test_answers_notify);
  g_test_add_func ("/tributary/flow-plan/curl", test_curl);
  g_test_add_func ("/tributary/flow-plan/journal", test_journal);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
