/* trib-test-flow.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-catalog.h"
#include "trib-data-prep.h"
#include "trib-flow-service-entities.h"
#include "trib-flow-service-flows.h"
#include "trib-schema-registry.h"
#include "trib-test-flow.h"

#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define PERSON_DETAILS "https://ns.adobe.com/xdm/context/profile-person-details"

const char *
trib_test_setup_name (TribTestSetup setup)
{
  static const char * const names[] = { "seed-002", "seed-004", "databricks" };

  g_assert (setup < TRIB_TEST_N_SETUPS);

  return names[setup];
}

static void
add_mapping (GPtrArray  *mappings,
             const char *source,
             const char *destination)
{
  g_ptr_array_add (mappings, trib_mapping_new (TRIB_MAPPING_SOURCE_ATTRIBUTE, source, destination));
}

/* @unique makes the names the person would type unique to one test. */
TribFlowAnswers *
trib_test_setup_answers (TribTestSetup  setup,
                         const char    *unique)
{
  g_autoptr(TribFlowAnswers) answers = trib_flow_answers_new ();
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autofree char *flow_name = g_strdup_printf ("%s flow %s", trib_test_setup_name (setup), unique);
  g_autofree char *dataset_name = g_strdup_printf ("%s dataset %s", trib_test_setup_name (setup), unique);
  g_autofree char *schema_title = g_strdup_printf ("%s schema %s", trib_test_setup_name (setup), unique);

  trib_flow_answers_set_sandbox (answers, "prod");
  trib_flow_answers_set_start_time (answers, start);
  trib_flow_answers_set_flow_name (answers, flow_name);
  trib_flow_answers_set_dataset_name (answers, dataset_name);
  trib_flow_answers_set_schema_title (answers, schema_title);

  switch (setup)
    {
    case TRIB_TEST_SETUP_SEED_002:
      {
        static const char * const groups[] = { PERSON_DETAILS, NULL };

        trib_flow_answers_set_connection_spec_id (answers, TRIB_TEST_S3_SPEC);
        trib_flow_answers_set_base_connection_id (answers, TRIB_TEST_S3_CONNECTION);
        trib_flow_answers_set_object (answers, TRIB_EXPLORE_ITEM_FILE, "/luma/orders/orders.parquet");
        trib_flow_answers_set_file_type (answers, "parquet");
        trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS);
        trib_flow_answers_set_class_id (answers, PROFILE_CLASS);
        trib_flow_answers_set_field_group_ids (answers, groups);
        trib_flow_answers_set_profile_enabled (answers, TRUE);
        add_mapping (mappings, "customerEmail", "person.name.fullName");
        add_mapping (mappings, "store", "person.nationality");
        trib_flow_answers_set_frequency (answers, TRIB_FLOW_FREQUENCY_HOUR);
        trib_flow_answers_set_interval (answers, 1);
        trib_flow_answers_set_backfill (answers, TRUE);
      }
      break;

    case TRIB_TEST_SETUP_SEED_004:
      {
        static const char * const names[] = { "OrderID", "CustomerID", "EmployeeID", "OrderDate", "Freight", NULL };
        static const char * const types[] = { "string", "string", "integer", "string", "number", NULL };
        g_autofree char *class_title = g_strdup_printf ("Orders %s", unique);

        trib_flow_answers_set_connection_spec_id (answers, TRIB_TEST_ODATA_SPEC);
        trib_flow_answers_set_base_connection_id (answers, TRIB_TEST_ODATA_CONNECTION);
        trib_flow_answers_set_object (answers, TRIB_EXPLORE_ITEM_TABLE, "Orders");
        trib_flow_answers_set_delta_column (answers, "OrderDate");
        trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_ADHOC_SCHEMA);
        trib_flow_answers_set_class_title (answers, class_title);
        trib_flow_answers_set_columns (answers, names, types);
        for (guint i = 0; names[i] != NULL; i++)
          add_mapping (mappings, names[i], names[i]);
        trib_flow_answers_set_frequency (answers, TRIB_FLOW_FREQUENCY_MINUTE);
        trib_flow_answers_set_interval (answers, 15);
      }
      break;

    case TRIB_TEST_SETUP_DATABRICKS:
      trib_flow_answers_set_connection_spec_id (answers, TRIB_TEST_DATABRICKS_SPEC);
      trib_flow_answers_set_base_connection_id (answers, TRIB_TEST_DATABRICKS_CONNECTION);
      trib_flow_answers_set_object (answers, TRIB_EXPLORE_ITEM_TABLE, "sales.orders");
      trib_flow_answers_set_delta_column (answers, "updated_at");
      trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_NEW_DATASET);
      trib_flow_answers_set_schema_id (answers, TRIB_TEST_ORDERS_SCHEMA);
      add_mapping (mappings, "order_id", "_id");
      add_mapping (mappings, "status", "eventType");
      trib_flow_answers_set_frequency (answers, TRIB_FLOW_FREQUENCY_DAY);
      trib_flow_answers_set_interval (answers, 1);
      trib_flow_answers_set_backfill (answers, FALSE);
      break;

    case TRIB_TEST_N_SETUPS:
    default:
      g_assert_not_reached ();
    }

  trib_flow_answers_set_mappings (answers, mappings);

  return g_steal_pointer (&answers);
}

/* As the wizard does: files take CloudStorageToAEP, and a table source
 * the flow spec that lists its connection spec.
 */
TribFlowSpec *
trib_test_find_flow_spec (TribPlatformClient *client,
                          TribFlowAnswers    *answers)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribFlowSpec *spec;
  gboolean table = trib_flow_answers_get_object_kind (answers) == TRIB_EXPLORE_ITEM_TABLE;

  trib_flow_service_find_flow_spec_async (client, table ? NULL : "CloudStorageToAEP",
                                          table ? trib_flow_answers_get_connection_spec_id (answers) : NULL,
                                          NULL, trib_test_result_cb, &result);
  spec = trib_flow_service_find_flow_spec_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return spec;
}

TribFlowPlan *
trib_test_setup_plan (TribPlatformClient *client,
                      TribTestSetup       setup,
                      const char         *unique)
{
  g_autoptr(TribFlowAnswers) answers = trib_test_setup_answers (setup, unique);
  g_autoptr(TribFlowSpec) spec = trib_test_find_flow_spec (client, answers);
  g_autoptr(GError) error = NULL;
  TribFlowPlan *plan;

  plan = trib_flow_plan_new (answers, spec, &error);
  g_assert_no_error (error);

  return plan;
}

static void
runner_result_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

char *
trib_test_run (TribFlowRunner  *runner,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_runner_run_async (runner, NULL, runner_result_cb, &result);

  return trib_flow_runner_run_finish (runner, wait_for (&result), error);
}

char *
trib_test_resume (TribFlowRunner  *runner,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_runner_resume_async (runner, NULL, runner_result_cb, &result);

  return trib_flow_runner_resume_finish (runner, wait_for (&result), error);
}

gboolean
trib_test_roll_back (TribFlowRunner  *runner,
                     GStrv           *not_deleted,
                     GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_runner_roll_back_async (runner, NULL, runner_result_cb, &result);

  return trib_flow_runner_roll_back_finish (runner, wait_for (&result), not_deleted, error);
}

static guint
count_named (TribPagedList *list,
             const char    *name,
             const char  *(*get_name) (gpointer))
{
  guint count = 0;

  trib_test_load_all (list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (get_name (item), name) == 0)
        count++;
    }
  g_object_unref (list);

  return count;
}

/* Every resource the plan's steps name, counted by that name on the
 * simulator through its list endpoints.
 */
void
trib_test_count (TribPlatformClient *client,
                 TribFlowPlan       *plan,
                 TribTestCount      *count)
{
  *count = (TribTestCount) { 0 };

  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (plan, i);
      const char *name = trib_flow_step_get_resource_name (step);

      switch (trib_flow_step_get_kind (step))
        {
        case TRIB_FLOW_STEP_CREATE_CLASS:
          count->classes = count_named (trib_schema_registry_list (client, TRIB_XDM_KIND_CLASS,
                                                                   TRIB_XDM_CONTAINER_TENANT, name, NULL),
                                        name, (gpointer) trib_xdm_resource_get_title);
          break;
        case TRIB_FLOW_STEP_CREATE_SCHEMA:
          count->schemas = count_named (trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA,
                                                                   TRIB_XDM_CONTAINER_TENANT, name, NULL),
                                        name, (gpointer) trib_xdm_resource_get_title);
          break;
        case TRIB_FLOW_STEP_CREATE_DATASET:
          count->datasets = count_named (trib_catalog_list_datasets (client, name), name,
                                         (gpointer) trib_dataset_get_name);
          break;
        case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
          count->mapping_sets = count_named (trib_data_prep_list_mapping_sets (client, name, 100), name,
                                             (gpointer) trib_mapping_set_get_name);
          break;
        case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
          count->sources = count_named (trib_flow_service_list_source_connections (client, NULL), name,
                                        (gpointer) trib_source_connection_get_name);
          break;
        case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
          count->targets = count_named (trib_flow_service_list_target_connections (client, NULL), name,
                                        (gpointer) trib_target_connection_get_name);
          break;
        case TRIB_FLOW_STEP_CREATE_FLOW:
          count->flows = count_named (trib_flow_service_list_flows (client, NULL), name,
                                      (gpointer) trib_flow_get_name);
          break;
        case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
        case TRIB_FLOW_STEP_CREATE_CONNECTION:
        default:
          break;
        }
    }
}
