/* test-export-plan.c
 *
 * The Export Datasets wizard's plan (issue 15), through tributary-sim:
 * the export schedule's valid combinations and ticks, the payloads of
 * each step (a new S3 account's secrets never in a body, the journal or
 * the curl commands), every valid schedule accepted by the simulator,
 * and the fault matrix on the export steps — the answer lost after the
 * simulator acted, a 500, the process killed after the step — then
 * resume or roll back: the complete export once, or nothing.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-error.h"
#include "trib-export-plan.h"
#include "trib-flow-runner-private.h"
#include "trib-test-flow.h"

#define S3_DESTINATION "4fce964d-3f37-408f-9778-e597338a21ee"
#define S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"
#define HOUR 3600

static TribTestSim *sim;
static TribPlatformClient *client;
static char *journal_dir;
static char *dataset_id;
static char *dataset_name;

typedef enum
{
  FAULT_LOST_ANSWER,
  FAULT_SERVER_ERROR,
  FAULT_KILLED_AFTER,
  N_FAULTS,
} Fault;

static const char * const fault_names[] = { "lost-answer", "500", "killed-after" };

/* The S3 destination's "Access Key" form, answered as the demo's. */
static TribSpecForm *
s3_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = trib_test_call (client, "GET", "/data/foundation/flowservice/connectionSpecs/"
                                              S3_DESTINATION, NULL, &error);
  JsonObject *spec;
  g_autoptr(GListModel) choices = NULL;
  TribSpecForm *form = NULL;

  g_assert_no_error (error);
  spec = json_array_get_object_element (json_object_get_array_member (json_node_get_object (reply), "items"), 0);
  choices = trib_spec_form_new_auth_choices (S3_DESTINATION, json_object_get_member (spec, "authSpec"));
  for (guint i = 0; i < g_list_model_get_n_items (choices) && form == NULL; i++)
    {
      g_autoptr(TribSpecForm) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (trib_spec_form_get_name (choice), "Access Key") == 0)
        form = g_steal_pointer (&choice);
    }
  g_assert_nonnull (form);
  trib_spec_form_set_answer (form, "s3AccessKey", "AKIATRIBUTARYDEMO001");
  trib_spec_form_set_answer (form, "s3SecretKey", S3_SECRET);

  return form;
}

static void
fill_draft (TribExportDraft    *draft,
            const char         *unique,
            TribSpecForm       *form,
            const char * const *ids,
            const char * const *names)
{
  *draft = (TribExportDraft) { 0 };
  draft->sandbox = "prod";
  draft->name = unique;
  draft->destination = trib_export_destination_lookup (S3_DESTINATION);
  draft->new_account = form;
  draft->new_account_name = "Luma exports";
  draft->dataset_ids = ids;
  draft->dataset_names = names;
  draft->file_type = "JSON";
  draft->compression = "GZIP";
  draft->bucket = "luma-exports";
  draft->path = "exports/plan";
  trib_export_schedule_init_frequency (&draft->schedule, TRIB_EXPORT_EVERY_3_HOURS, TRIB_EXPORT_MODE_INCREMENTAL,
                                       g_get_real_time () / G_USEC_PER_SEC + HOUR);
}

static TribFlowPlan *
new_plan (const char *unique)
{
  g_autoptr(TribSpecForm) form = s3_form ();
  const char *ids[] = { dataset_id, NULL };
  const char *names[] = { dataset_name, NULL };
  g_autoptr(GError) error = NULL;
  TribExportDraft draft;
  TribFlowPlan *plan;

  fill_draft (&draft, unique, form, ids, names);
  plan = trib_export_plan_new (&draft, &error);
  g_assert_no_error (error);

  return plan;
}

static void
test_schedule (void)
{
  static const struct { TribExportMode mode; TribExportTimeUnit unit; int interval; gboolean valid; } cases[] = {
    { TRIB_EXPORT_MODE_FULL, TRIB_EXPORT_UNIT_DAY, 0, TRUE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_DAY, 1, TRUE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 3, TRUE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 6, TRUE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 9, TRUE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 12, TRUE },
    /* What the simulator refuses, as the platform does. */
    { TRIB_EXPORT_MODE_FULL, TRIB_EXPORT_UNIT_DAY, 1, FALSE },
    { TRIB_EXPORT_MODE_FULL, TRIB_EXPORT_UNIT_HOUR, 3, FALSE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_DAY, 0, FALSE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_DAY, 3, FALSE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 8, FALSE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 24, FALSE },
    { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 1, FALSE },
  };
  TribExportSchedule schedule = { TRIB_EXPORT_MODE_INCREMENTAL, TRIB_EXPORT_UNIT_HOUR, 3, 1000 * HOUR, 0 };
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(JsonObject) json = NULL;
  TribExportSchedule read;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TribExportSchedule s = { cases[i].mode, cases[i].unit, cases[i].interval, 1000 * HOUR, 0 };
      g_autoptr(GError) local_error = NULL;

      g_assert_cmpint (trib_export_schedule_check (&s, &local_error), ==, cases[i].valid);
      g_assert_true (cases[i].valid == (local_error == NULL));
    }

  /* Only the combinations the platform allows are offered together. */
  for (TribExportFrequency f = 0; f < TRIB_EXPORT_N_FREQUENCIES; f++)
    for (TribExportMode mode = 0; mode < 2; mode++)
      {
        TribExportSchedule s;

        trib_export_schedule_init_frequency (&s, f, mode, 1000 * HOUR);
        g_assert_cmpint (trib_export_frequency_allows (f, mode), ==, trib_export_schedule_check (&s, NULL));
      }

  /* The ticks within a window: from the start, every period, to the end. */
  ticks = trib_export_schedule_ticks (&schedule, 1001 * HOUR, 1010 * HOUR);
  g_assert_cmpuint (ticks->len, ==, 3);
  g_assert_cmpint (g_array_index (ticks, gint64, 0), ==, 1003 * HOUR);
  g_assert_cmpint (g_array_index (ticks, gint64, 2), ==, 1009 * HOUR);
  g_clear_pointer (&ticks, g_array_unref);
  schedule.end = 1006 * HOUR;
  ticks = trib_export_schedule_ticks (&schedule, 0, 2000 * HOUR);
  g_assert_cmpuint (ticks->len, ==, 3);
  g_clear_pointer (&ticks, g_array_unref);
  schedule = (TribExportSchedule) { TRIB_EXPORT_MODE_FULL, TRIB_EXPORT_UNIT_DAY, 0, 1000 * HOUR, 0 };
  ticks = trib_export_schedule_ticks (&schedule, 0, 2000 * HOUR);
  g_assert_cmpuint (ticks->len, ==, 1);

  /* scheduleParams and back. */
  json = trib_export_schedule_to_json (&schedule, "%DATASET_NAME%");
  g_assert_cmpstr (json_object_get_string_member (json, "exportMode"), ==, "DAILY_FULL_EXPORT");
  g_assert_cmpint (json_object_get_int_member (json, "interval"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json, "startTime"), ==, 1000 * HOUR);
  g_assert_true (trib_export_schedule_from_json (json, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read.interval, ==, 0);
  g_assert_cmpint (read.mode, ==, TRIB_EXPORT_MODE_FULL);
  g_assert_cmpint (read.start, ==, 1000 * HOUR);
}

static void
test_payloads (void)
{
  g_autoptr(TribSpecForm) form = s3_form ();
  const char *ids[] = { dataset_id, NULL };
  const char *names[] = { dataset_name, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autoptr(TribFlowPlan) refused = NULL;
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribFlowJournal) journal = NULL;
  g_autoptr(TribFlowRunner) runner = NULL;
  g_autofree char *curl = NULL;
  g_autofree char *body = NULL;
  g_autofree char *flow_id = NULL;
  g_autofree char *journal_text = NULL;
  g_autofree char *preview = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 3, 21, 0, 0);
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *params;
  TribExportDraft draft;

  fill_draft (&draft, "Big orders to S3", form, ids, names);

  /* Refused before anything is planned. */
  draft.schedule.mode = TRIB_EXPORT_MODE_FULL;
  refused = trib_export_plan_new (&draft, &error);
  g_assert_null (refused);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_FAILED);
  g_clear_error (&error);
  draft.schedule.mode = TRIB_EXPORT_MODE_INCREMENTAL;

  plan = trib_export_plan_new (&draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_flow_plan_get_n_steps (plan), ==, 4);
  g_assert_cmpint (trib_flow_step_get_kind (trib_flow_plan_get_step (plan, 0)), ==, TRIB_FLOW_STEP_CREATE_CONNECTION);
  g_assert_cmpint (trib_flow_step_get_kind (trib_flow_plan_get_step (plan, 3)), ==, TRIB_FLOW_STEP_CREATE_FLOW);

  /* The account: its secret is a placeholder. */
  body = trib_flow_step_dup_body_text (trib_flow_plan_get_step (plan, 0));
  g_assert_null (strstr (body, S3_SECRET));
  g_assert_nonnull (strstr (body, "{{secret:s3SecretKey}}"));
  g_assert_nonnull (strstr (body, "\"specName\" : \"Access Key\""));
  g_clear_pointer (&body, g_free);
  body = trib_flow_step_dup_body_text (trib_flow_plan_get_step (plan, 2));
  g_assert_nonnull (strstr (body, "\"bucketName\" : \"luma-exports\""));
  g_assert_nonnull (strstr (body, "\"datasetFileType\" : \"JSON\""));
  g_assert_nonnull (strstr (body, "\"baseConnectionId\" : \"{{step1.id}}\""));
  curl = trib_flow_plan_to_curl (plan, profile);
  g_assert_null (strstr (curl, S3_SECRET));
  g_assert_nonnull (strstr (curl, "/data/foundation/flowservice/connections"));
  g_assert_nonnull (strstr (curl, "FIRST_FULL_THEN_INCREMENTAL"));

  preview = trib_export_folder_preview ("%DATASET_NAME%/%DATETIME(YYYYMMdd_HHmmss)%", &draft, "Luma", time);
  {
    g_autofree char *expected = g_strdup_printf ("luma-exports/exports/plan/%s/20261203_210000/", dataset_name);

    g_assert_cmpstr (preview, ==, expected);
  }
  g_clear_pointer (&preview, g_free);
  preview = trib_export_folder_preview (NULL, &draft, "Luma", time);
  g_assert_true (g_str_has_suffix (preview, "/exportTime=202612032100/"));

  /* Sent through the simulator: what it received is what was shown. */
  journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  runner = trib_flow_runner_new (client, plan, journal);
  trib_test_sim_clear_requests (sim);
  _trib_flow_runner_stop_after (runner, 2);
  g_assert_null (trib_test_run (runner, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (trib_flow_journal_get_path (journal), &journal_text, NULL, NULL));
  g_assert_null (strstr (journal_text, S3_SECRET));
  g_assert_null (strstr (journal_text, "secret0123456789"));
  flow_id = trib_test_resume (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);

  sent = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/flowservice/connections");
  params = json_object_get_object_member (json_object_get_object_member (json_node_get_object (sent), "auth"),
                                          "params");
  g_assert_cmpstr (json_object_get_string_member (params, "s3SecretKey"), ==, S3_SECRET);
  g_clear_pointer (&sent, json_node_unref);
  sent = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/flowservice/flows");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (sent),
                                                                                "targetConnectionIds"), 0),
                   ==, trib_flow_step_get_created_id (trib_flow_plan_get_step (plan, 2)));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (sent),
                                                                        "transformations")), ==, 0);
  g_assert_false (g_file_test (trib_flow_journal_get_path (journal), G_FILE_TEST_EXISTS));
}

/* Every frequency the wizard offers, each with its allowed mode, to an
 * existing account: the simulator takes them all.
 */
static void
test_every_schedule (void)
{
  g_autoptr(TribSpecForm) form = s3_form ();
  const char *ids[] = { dataset_id, NULL };
  const char *names[] = { dataset_name, NULL };
  g_autoptr(TribFlowPlan) first = new_plan ("Account for schedules");
  g_autoptr(TribFlowJournal) first_journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (first));
  g_autoptr(TribFlowRunner) first_runner = trib_flow_runner_new (client, first, first_journal);
  g_autofree char *first_id = NULL;
  g_autoptr(GError) error = NULL;
  const char *account;

  first_id = trib_test_run (first_runner, &error);
  g_assert_no_error (error);
  account = trib_flow_step_get_created_id (trib_flow_plan_get_step (first, 0));

  for (TribExportFrequency f = 0; f < TRIB_EXPORT_N_FREQUENCIES; f++)
    {
      g_autofree char *name = g_strdup_printf ("Schedule %d", f);
      g_autoptr(TribFlowPlan) plan = NULL;
      g_autoptr(TribFlowJournal) journal = NULL;
      g_autoptr(TribFlowRunner) runner = NULL;
      g_autofree char *flow_id = NULL;
      TribExportDraft draft;

      fill_draft (&draft, name, form, ids, names);
      draft.base_connection_id = account;
      trib_export_schedule_init_frequency (&draft.schedule, f,
                                           f == TRIB_EXPORT_ONCE ? TRIB_EXPORT_MODE_FULL : TRIB_EXPORT_MODE_INCREMENTAL,
                                           draft.schedule.start);
      plan = trib_export_plan_new (&draft, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trib_flow_plan_get_n_steps (plan), ==, 3);
      journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
      runner = trib_flow_runner_new (client, plan, journal);
      flow_id = trib_test_run (runner, &error);
      g_assert_no_error (error);
      g_assert_nonnull (flow_id);
    }
}

/* The Data Landing Zone: its authSpec is empty, so the new account is
 * a name and the spec; no bucket, a path.
 */
static void
test_landing_zone (void)
{
  const char *ids[] = { dataset_id, NULL };
  const char *names[] = { dataset_name, NULL };
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autoptr(TribFlowJournal) journal = NULL;
  g_autoptr(TribFlowRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autofree char *flow_id = NULL;
  TribExportDraft draft;

  fill_draft (&draft, "To the landing zone", NULL, ids, names);
  draft.destination = trib_export_destination_lookup ("10440537-2a7b-4583-ac39-ed38d4b848e8");
  draft.new_account_name = "Landing zone";
  draft.bucket = NULL;
  draft.compression = "NONE";
  plan = trib_export_plan_new (&draft, &error);
  g_assert_no_error (error);
  journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  runner = trib_flow_runner_new (client, plan, journal);
  flow_id = trib_test_run (runner, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow_id);

  sent = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/flowservice/connections");
  g_assert_false (json_object_has_member (json_node_get_object (sent), "auth"));
  g_clear_pointer (&sent, json_node_unref);
  sent = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/flowservice/targetConnections");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (sent),
                                                                                 "params"), "path"),
                   ==, "exports/plan");
}

typedef struct
{
  guint connections;
  guint sources;
  guint targets;
  guint flows;
} Count;

static guint
count_named (const char *collection,
             const char *name)
{
  g_autofree char *property = g_strdup_printf ("name==\"%s\"", name);
  g_autofree char *escaped = g_uri_escape_string (property, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/data/foundation/flowservice/%s?limit=100&property=%s", collection,
                                           escaped);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  JsonArray *items;
  guint found = 0;

  /* Sets of this test stay under 100 of a kind; a next page would say so. */
  reply = trib_test_call (client, "GET", path, NULL, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (reply), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (items, i), "name", NULL),
                   name) == 0)
      found++;

  return found;
}

static void
count (TribFlowPlan *plan,
       Count        *c)
{
  *c = (Count) { 0 };
  c->connections = count_named ("connections", trib_flow_step_get_resource_name (trib_flow_plan_get_step (plan, 0)));
  c->sources = count_named ("sourceConnections", trib_flow_step_get_resource_name (trib_flow_plan_get_step (plan, 1)));
  c->targets = count_named ("targetConnections", trib_flow_step_get_resource_name (trib_flow_plan_get_step (plan, 2)));
  c->flows = count_named ("flows", trib_flow_step_get_resource_name (trib_flow_plan_get_step (plan, 3)));
}

static void
add_fault (Fault         fault,
           TribFlowStep *step)
{
  g_autofree char *spec = g_strdup_printf ("{\"path\": \"%s\", \"method\": \"POST\", \"kind\": \"%s\"%s}",
                                           trib_flow_step_get_path (step),
                                           fault == FAULT_LOST_ANSWER ? "perform_drop" : "status",
                                           fault == FAULT_SERVER_ERROR ? ", \"status\": 500" : "");

  trib_test_sim_add_fault (sim, spec);
}

static guint orphans;
static guint duplicates;
static guint cases;

static void
run_case (guint    index,
          Fault    fault,
          gboolean roll_back)
{
  g_autofree char *unique = g_uuid_string_random ();
  g_autoptr(TribFlowPlan) plan = new_plan (unique);
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowRunner) runner = trib_flow_runner_new (client, plan, journal);
  g_autoptr(TribFlowJournal) loaded = NULL;
  g_autoptr(TribFlowPlan) reloaded = NULL;
  g_autoptr(TribFlowRunner) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  TribFlowPlan *used;
  Count c;
  guint want;

  cases++;
  if (fault == FAULT_KILLED_AFTER)
    _trib_flow_runner_stop_after (runner, index);
  else
    add_fault (fault, trib_flow_plan_get_step (plan, index));
  flow_id = trib_test_run (runner, &error);
  trib_test_sim_clear_faults (sim);
  g_clear_object (&runner);
  g_assert_null (flow_id);
  g_assert_nonnull (error);
  g_clear_error (&error);

  loaded = trib_flow_journal_load (trib_flow_journal_get_path (journal), &error);
  g_assert_no_error (error);
  if (fault == FAULT_KILLED_AFTER)
    {
      /* After a restart: the plan from the journal alone. */
      reloaded = trib_flow_journal_dup_plan (loaded, &error);
      g_assert_no_error (error);
      used = reloaded;
    }
  else
    /* The wizard's Resume in the same session: the plan it holds. */
    used = plan;
  fresh = trib_flow_runner_new (client, used, loaded);

  if (roll_back)
    {
      g_auto(GStrv) not_deleted = NULL;

      g_assert_true (trib_test_roll_back (fresh, &not_deleted, &error));
      g_assert_no_error (error);
      g_assert_true (not_deleted == NULL || not_deleted[0] == NULL);
    }
  else
    {
      flow_id = trib_test_resume (fresh, &error);
      g_assert_no_error (error);
      g_assert_nonnull (flow_id);
    }
  g_assert_false (g_file_test (trib_flow_journal_get_path (journal), G_FILE_TEST_EXISTS));

  count (used, &c);
  want = roll_back ? 0 : 1;
  orphans += (c.connections > want ? c.connections - want : 0) * (want == 0);
  orphans += (c.sources > want ? c.sources - want : 0) * (want == 0);
  orphans += (c.targets > want ? c.targets - want : 0) * (want == 0);
  orphans += (c.flows > want ? c.flows - want : 0) * (want == 0);
  duplicates += (c.connections > 1) + (c.sources > 1) + (c.targets > 1) + (c.flows > 1);
  if (!roll_back)
    g_assert_true (c.connections == 1 && c.sources == 1 && c.targets == 1 && c.flows == 1);
}

static void
test_faults (void)
{
  for (guint index = 0; index < 4; index++)
    for (Fault fault = 0; fault < N_FAULTS; fault++)
      for (guint roll_back = 0; roll_back < 2; roll_back++)
        {
          g_test_message ("step %u, %s, then %s", index + 1, fault_names[fault], roll_back ? "roll back" : "resume");
          run_case (index, fault, roll_back);
        }

  printf ("# export fault matrix: %u cases, %u orphans, %u duplicates\n", cases, orphans, duplicates);
  g_assert_cmpuint (cases, ==, 24);
  g_assert_cmpuint (orphans, ==, 0);
  g_assert_cmpuint (duplicates, ==, 0);
}

/* A restart before the new account was made: its secrets are gone with
 * the process, so Resume says so and changes nothing; roll back leaves
 * nothing.
 */
static void
test_restart_without_secrets (void)
{
  g_autoptr(TribFlowPlan) plan = new_plan ("Restarted export");
  g_autoptr(TribFlowJournal) journal = trib_flow_journal_new (journal_dir, trib_flow_plan_get_setup_id (plan));
  g_autoptr(TribFlowRunner) runner = trib_flow_runner_new (client, plan, journal);
  g_autoptr(TribFlowJournal) loaded = NULL;
  g_autoptr(TribFlowPlan) reloaded = NULL;
  g_autoptr(TribFlowRunner) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = NULL;
  Count c;

  add_fault (FAULT_SERVER_ERROR, trib_flow_plan_get_step (plan, 0));
  g_assert_null (trib_test_run (runner, &error));
  trib_test_sim_clear_faults (sim);
  g_clear_error (&error);

  /* The start-up prompt lists it, as it lists a source dataflow's. */
  {
    g_autoptr(GListModel) pending = trib_flow_journal_list_pending (journal_dir, &error);
    gboolean listed = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
      {
        g_autoptr(TribFlowJournal) item = g_list_model_get_item (pending, i);

        listed |= g_strcmp0 (trib_flow_journal_get_setup_id (item), trib_flow_plan_get_setup_id (plan)) == 0 &&
                  g_strcmp0 (trib_flow_journal_get_title (item), "Restarted export") == 0;
      }
    g_assert_true (listed);
  }

  loaded = trib_flow_journal_load (trib_flow_journal_get_path (journal), &error);
  g_assert_no_error (error);
  reloaded = trib_flow_journal_dup_plan (loaded, &error);
  g_assert_no_error (error);
  fresh = trib_flow_runner_new (client, reloaded, loaded);
  flow_id = trib_test_resume (fresh, &error);
  g_assert_null (flow_id);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "secrets"));
  g_clear_error (&error);
  g_assert_true (trib_test_roll_back (fresh, NULL, &error));
  g_assert_no_error (error);
  count (reloaded, &c);
  g_assert_cmpuint (c.connections + c.sources + c.targets + c.flows, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonNode) datasets = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first;
  int status;

  g_test_init (&argc, &argv, NULL);

  journal_dir = g_dir_make_tmp ("export-plan-XXXXXX", NULL);
  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  datasets = trib_test_call (client, "GET", "/data/foundation/flowservice/connectionSpecs/"
                             "23598e46-f560-407b-88d5-ea6207e49db0/configs?outputType=activationDatasets"
                             "&outputField=datasets&start=0&limit=20", NULL, &error);
  g_assert_no_error (error);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (datasets), "items"), 0);
  dataset_id = g_strdup (json_object_get_string_member (first, "id"));
  dataset_name = g_strdup (json_object_get_string_member (first, "name"));

  g_test_add_func ("/tributary/export-plan/schedule", test_schedule);
  g_test_add_func ("/tributary/export-plan/payloads", test_payloads);
  g_test_add_func ("/tributary/export-plan/every-schedule", test_every_schedule);
  g_test_add_func ("/tributary/export-plan/landing-zone", test_landing_zone);
  g_test_add_func ("/tributary/export-plan/faults", test_faults);
  g_test_add_func ("/tributary/export-plan/restart-without-secrets", test_restart_without_secrets);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);
  g_rmdir (journal_dir);
  g_free (journal_dir);
  g_free (dataset_id);
  g_free (dataset_name);

  return status;
}
