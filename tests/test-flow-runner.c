/* test-flow-runner.c
 *
 * The three setups of issue 13 run end to end through TribFlowRunner
 * against tributary-sim over HTTP: each step's state followed, the
 * flow made once with what it needs, the journal written while it runs
 * and gone after; a resume from a journal in a fresh runner; a roll back
 * of a finished setup; an ad hoc class mapped onto as the wizard plans
 * it, before it exists, its mappings landing on the class's fields.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-column-types.h"
#include "trib-data-prep.h"
#include "trib-flow-runner-private.h"
#include "trib-flow-service-flows.h"
#include "trib-mapping-draft.h"
#include "trib-schema-registry.h"
#include "trib-test-flow.h"

static TribTestSim *sim;
static TribPlatformClient *client;
static char *journal_dir;

typedef struct
{
  GPtrArray *seen;        /* "N:state" as notified */
  gboolean journal_seen;
  TribFlowJournal *journal;
} Watch;

static void
state_cb (TribFlowStep *step,
          GParamSpec   *pspec,
          Watch        *watch)
{
  g_ptr_array_add (watch->seen, g_strdup_printf ("%u:%d", trib_flow_step_get_index (step),
                                                 trib_flow_step_get_state (step)));
  if (g_file_test (trib_flow_journal_get_path (watch->journal), G_FILE_TEST_EXISTS))
    watch->journal_seen = TRUE;
}

static void
test_setup (gconstpointer data)
{
  TribTestSetup setup = GPOINTER_TO_UINT (data);
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, setup, unique);
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowRunner) runner = trib_flow_runner_new (client, plan, journal);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribFlow) flow = NULL;
  g_autofree char *flow_id = NULL;
  g_autofree char *state_text = NULL;
  Watch watch = { seen, FALSE, journal };
  TribTestCount count;
  TribFlowStep *target;

  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    g_signal_connect (trib_flow_plan_get_step (plan, i), "notify::state", G_CALLBACK (state_cb), &watch);

  flow_id = trib_test_run (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);
  g_assert_true (trib_flow_plan_is_complete (plan));
  g_assert_cmpstr (trib_flow_plan_get_flow_id (plan), ==, flow_id);

  /* Each step went running, then done, in order; the journal existed
   * while it ran and is gone now.
   */
  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    {
      g_autofree char *running = g_strdup_printf ("%u:%d", i, TRIB_FLOW_STEP_RUNNING);
      g_autofree char *done = g_strdup_printf ("%u:%d", i, TRIB_FLOW_STEP_DONE);

      g_assert_cmpstr (g_ptr_array_index (seen, 2 * i), ==, running);
      g_assert_cmpstr (g_ptr_array_index (seen, 2 * i + 1), ==, done);
    }
  g_assert_true (watch.journal_seen);
  g_assert_false (g_file_test (trib_flow_journal_get_path (journal), G_FILE_TEST_EXISTS));

  trib_flow_service_get_flow_async (client, flow_id, NULL, trib_test_result_cb, &result);
  flow = trib_flow_service_get_flow_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  target = trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION);
  g_assert_cmpstr (trib_flow_get_target_connection_id (flow), ==, trib_flow_step_get_created_id (target));
  g_assert_cmpstr (trib_flow_get_flow_spec_id (flow), ==,
                   trib_flow_step_get_created_id (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_FIND_FLOW_SPEC)));
  state_text = g_strdup (trib_flow_get_state (flow));
  g_assert_cmpstr (state_text, ==, "enabled");

  trib_test_count (client, plan, &count);
  g_assert_cmpuint (count.flows, ==, 1);
  g_assert_cmpuint (count.sources, ==, 1);
  g_assert_cmpuint (count.targets, ==, 1);
  g_assert_cmpuint (count.datasets, ==, setup == TRIB_TEST_SETUP_DATABRICKS ? 1 : 1);
  g_assert_cmpuint (count.mapping_sets, ==, 1);

  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    g_signal_handlers_disconnect_by_data (trib_flow_plan_get_step (plan, i), &watch);
}

/* A setup stopped after its third step, taken up from the journal by a
 * runner that never saw the first.
 */
static void
test_resume_from_journal (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_004, unique);
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowRunner) runner = trib_flow_runner_new (client, plan, journal);
  g_autoptr(TribFlowJournal) loaded = NULL;
  g_autoptr(TribFlowPlan) reloaded = NULL;
  g_autoptr(TribFlowRunner) second = NULL;
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  TribTestCount count;

  /* As if the process were killed once the third step is recorded. */
  _trib_flow_runner_stop_after (runner, 2);
  g_assert_null (trib_test_run (runner, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&runner);

  pending = trib_flow_journal_list_pending (journal_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pending), >=, 1);

  loaded = trib_flow_journal_load (trib_flow_journal_get_path (journal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_journal_get_setup_id (loaded), ==, trib_flow_plan_get_setup_id (plan));
  g_assert_cmpstr (trib_flow_journal_get_sandbox (loaded), ==, "prod");
  reloaded = trib_flow_journal_dup_plan (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_flow_step_get_state (trib_flow_plan_get_step (reloaded, 0)), ==, TRIB_FLOW_STEP_DONE);

  g_assert_cmpint (trib_flow_step_get_state (trib_flow_plan_get_step (reloaded, 3)), ==, TRIB_FLOW_STEP_PENDING);

  second = trib_flow_runner_new (client, reloaded, loaded);
  flow_id = trib_test_resume (second, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);

  trib_test_count (client, reloaded, &count);
  g_assert_cmpuint (count.classes, ==, 1);
  g_assert_cmpuint (count.schemas, ==, 1);
  g_assert_cmpuint (count.datasets, ==, 1);
  g_assert_cmpuint (count.mapping_sets, ==, 1);
  g_assert_cmpuint (count.flows, ==, 1);
}

static void
cancel_when_running_cb (TribFlowStep *step,
                        GParamSpec   *pspec,
                        GCancellable *cancellable)
{
  if (trib_flow_step_get_state (step) == TRIB_FLOW_STEP_RUNNING)
    g_cancellable_cancel (cancellable);
}

/* Cancelled while the mapping set's create is in flight: the runner
 * says so, and the same runner resumes without making it twice.
 */
static void
test_cancel_then_resume (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_004, unique);
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowRunner) runner = trib_flow_runner_new (client, plan, journal);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  TribFlowStep *mapping = trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_MAPPING_SET);
  TribTestCount count;

  g_signal_connect (mapping, "notify::state", G_CALLBACK (cancel_when_running_cb), cancellable);
  trib_flow_runner_run_async (runner, cancellable, trib_test_result_cb, &result);
  g_assert_null (trib_flow_runner_run_finish (runner, trib_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_signal_handlers_disconnect_by_data (mapping, cancellable);
  g_clear_error (&error);
  g_assert_false (trib_flow_runner_get_busy (runner));
  g_assert_true (g_file_test (trib_flow_journal_get_path (journal), G_FILE_TEST_EXISTS));

  flow_id = trib_test_resume (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);
  trib_test_count (client, plan, &count);
  g_assert_cmpuint (count.mapping_sets, ==, 1);
  g_assert_cmpuint (count.flows, ==, 1);
}

static void
test_roll_back_finished (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowPlan) plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_SEED_002, unique);
  g_autoptr(TribFlowRunner) runner = NULL;
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_deleted = NULL;
  g_autofree char *flow_id = NULL;
  TribTestCount count;

  runner = trib_flow_runner_new (client, plan, journal);
  flow_id = trib_test_run (runner, &error);
  g_assert_no_error (error);

  g_assert_true (trib_test_roll_back (runner, &not_deleted, &error));
  g_assert_no_error (error);
  /* Data Prep cannot delete a mapping set: it is said, and only that. */
  g_assert_nonnull (not_deleted);
  g_assert_cmpuint (g_strv_length (not_deleted), ==, 1);
  g_assert_nonnull (strstr (not_deleted[0], "mapping set"));

  trib_test_count (client, plan, &count);
  g_assert_cmpuint (count.flows + count.sources + count.targets + count.datasets + count.schemas, ==, 0);
  for (guint i = 0; i < trib_flow_plan_get_n_steps (plan); i++)
    g_assert_cmpint (trib_flow_step_get_state (trib_flow_plan_get_step (plan, i)), ==, TRIB_FLOW_STEP_SKIPPED);
}

/* Seed 002 as written: Parquet files already in XDM, no mapping set. */
static void
test_xdm_source (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowAnswers) answers = trib_test_setup_answers (TRIB_TEST_SETUP_SEED_002, unique);
  g_autoptr(TribFlowSpec) spec = trib_test_find_flow_spec (client, answers);
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autoptr(TribFlowJournal) journal = NULL;
  g_autoptr(TribFlowRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  g_autofree char *source_body = NULL;

  trib_flow_answers_set_xdm_source (answers, TRUE);
  plan = trib_flow_plan_new (answers, spec, &error);
  g_assert_no_error (error);
  g_assert_null (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_MAPPING_SET));
  source_body = trib_flow_step_dup_body_text (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION));
  g_assert_nonnull (strstr (source_body, "parquet_xdm"));

  journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  runner = trib_flow_runner_new (client, plan, journal);
  flow_id = trib_test_run (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);
}

static void
test_new_destroy (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  TribFlowPlan *plan = trib_test_setup_plan (client, TRIB_TEST_SETUP_DATABRICKS, unique);
  TribFlowJournal *journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  TribFlowRunner *runner = trib_flow_runner_new (client, plan, journal);

  g_assert_false (trib_flow_runner_get_busy (runner));
  g_assert_cmpint (trib_flow_runner_get_current_step (runner), ==, -1);
  g_assert_true (trib_flow_runner_get_plan (runner) == plan);
  g_assert_finalize_object (runner);
  g_assert_finalize_object (journal);
  g_assert_finalize_object (plan);
}

static gboolean
has_leaf (GListModel *fields,
          const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);

      if (g_str_equal (trib_xdm_field_get_path (field), path))
        return TRUE;
      if (trib_xdm_field_get_children (field) != NULL && has_leaf (trib_xdm_field_get_children (field), path))
        return TRUE;
    }

  return FALSE;
}

/* The wizard's ad hoc path: the class's fields planned from the
 * columns, auto-mapped before anything exists, the plan run; each
 * mapping then writes to a real field of the schema made, under the
 * namespace the registry gave the class.
 */
static void
test_planned_adhoc (void)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowAnswers) answers = trib_test_setup_answers (TRIB_TEST_SETUP_SEED_004, unique);
  const char * const *names = trib_flow_answers_get_column_names (answers);
  const char * const *json_types = trib_flow_answers_get_column_types (answers);
  guint n_columns = g_strv_length ((char **) names);
  g_autofree TribColumnType *types = g_new0 (TribColumnType, n_columns);
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(TribMappingDraft) draft = trib_mapping_draft_new ();
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(TribFlowSpec) spec = NULL;
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autoptr(TribFlowJournal) journal = NULL;
  g_autoptr(TribFlowRunner) runner = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribMappingSet) mapping_set = NULL;
  g_autoptr(GListModel) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  GPtrArray *stored;
  guint n_fields;

  for (guint i = 0; i < n_columns; i++)
    types[i] = trib_column_type_from_name (json_types[i]);
  planned = trib_column_types_planned_tree (n_columns, names, types, &n_fields);
  g_assert_cmpuint (n_fields, ==, n_columns);
  g_assert_cmpuint (trib_mapping_draft_automap (draft, planned, n_columns, names, types), ==, n_columns);
  mappings = trib_mapping_draft_dup_mappings (draft);
  trib_flow_answers_set_mappings (answers, mappings);

  spec = trib_test_find_flow_spec (client, answers);
  plan = trib_flow_plan_new (answers, spec, &error);
  g_assert_no_error (error);
  journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  runner = trib_flow_runner_new (client, plan, journal);
  flow_id = trib_test_run (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);

  trib_data_prep_get_mapping_set_async (client,
                                        trib_flow_step_get_created_id (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_MAPPING_SET)),
                                        -1, NULL, trib_test_result_cb, &result);
  mapping_set = trib_data_prep_get_mapping_set_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA,
                                          trib_flow_step_get_created_id (trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_SCHEMA)),
                                          NULL, trib_test_result_cb, &result);
  made = trib_schema_registry_load_fields_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);

  stored = trib_mapping_set_get_mappings (mapping_set);
  g_assert_cmpuint (stored->len, ==, n_columns);
  for (guint i = 0; i < stored->len; i++)
    {
      const char *destination = trib_mapping_get_destination (g_ptr_array_index (stored, i));

      g_test_message ("mapped onto %s", destination);
      g_assert_null (strstr (destination, "{{"));
      g_assert_true (has_leaf (made, destination));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  journal_dir = g_dir_make_tmp ("flow-runner-XXXXXX", NULL);
  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/flow-runner/new-destroy", test_new_destroy);
  for (TribTestSetup setup = 0; setup < TRIB_TEST_N_SETUPS; setup++)
    {
      g_autofree char *path = g_strdup_printf ("/tributary/flow-runner/%s", trib_test_setup_name (setup));

      g_test_add_data_func (path, GUINT_TO_POINTER (setup), test_setup);
    }
  g_test_add_func ("/tributary/flow-runner/xdm-source", test_xdm_source);
  g_test_add_func ("/tributary/flow-runner/resume-from-journal", test_resume_from_journal);
  g_test_add_func ("/tributary/flow-runner/cancel-then-resume", test_cancel_then_resume);
  g_test_add_func ("/tributary/flow-runner/roll-back-finished", test_roll_back_finished);
  g_test_add_func ("/tributary/flow-runner/planned-adhoc", test_planned_adhoc);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);
  g_rmdir (journal_dir);
  g_free (journal_dir);

  return status;
}
