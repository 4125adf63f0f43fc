/* test-ui-flow-actions.c
 *
 * The dataflow actions and their dialogs, against tributary-sim over
 * HTTP with its clock stopped: each action's request checked; a new
 * schedule checked against the flow spec as in the wizard, then sent
 * with an etag made stale meanwhile (412), explained, and applied again
 * after Reload; a mapping set's versions listed from Data Prep, one
 * chosen and sent (stale etag, Reload); enable, disable,
 * run now (a `once` flow), re-trigger a failed run; delete refused while
 * a run is writing, the platform's reason shown, then done.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-data-prep.h"
#include "trib-flow-actions.h"
#include "trib-flow-delete-dialog.h"
#include "trib-flow-detail.h"
#include "trib-flow-mapping-dialog.h"
#include "trib-flow-schedule-dialog.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-platform-error.h"
#include "trib-test-platform.h"
#include "trib-ui-test.h"

#define FLOWS_PATH "/data/foundation/flowservice/flows"
#define RUNS_PATH "/data/foundation/flowservice/runs"
#define MAPPING_SETS_PATH "/data/foundation/conversion/mappingSets"

#define S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define CLOUD_STORAGE_TO_AEP "9753525b-82c7-4dce-8a9b-5ccfce2b9876"
#define WORLD_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"
#define S004_MAPPING "37409d3017e24a3eb4a2dc21020f7a5b"
#define EXPIRED_FLOW "6e9c4f5a-1b7d-4c8e-8f9a-0b1c2d3e4f5a"

static TribTestSim *sim;
static TribPlatformClient *client;

static TribFlow *
get_flow (const char  *id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_flow_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_flow_finish (trib_test_wait_result (&result), error);
}

/* A flow of its own on the demo S3 account, from the next minute, its
 * mapping version 0 of @mapping_id.
 */
static TribFlow *
create_mapped_flow (const char *frequency,
                    guint       interval,
                    const char *mapping_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) schedule = json_object_new ();
  g_autoptr(JsonArray) transformations = NULL;
  g_autoptr(JsonNode) mapping = NULL;
  g_autofree char *mapping_json = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = trib_test_unique_name ("Actions");
  gint64 now = trib_test_sim_clock (sim, 0, 0);
  TribFlow *flow;

  json_object_set_string_member (data, "format", "parquet");
  json_object_set_string_member (params, "path", "/luma-demo-bucket/orders.parquet");
  trib_flow_service_create_source_connection_async (client, "Source", S3, WORLD_S3_CONNECTION, data, params, NULL,
                                                    trib_test_result_cb, &result);
  source = trib_flow_service_create_source_connection_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  trib_flow_service_create_target_connection_async (client, "Target", ORDERS_DATASET, ORDERS_SCHEMA, NULL,
                                                    trib_test_result_cb, &result);
  target = trib_flow_service_create_target_connection_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  mapping_json = g_strdup_printf ("[{\"name\": \"Mapping\", \"params\": {\"mappingId\": \"%s\", "
                                  "\"mappingVersion\": 0}}]", mapping_id);
  mapping = json_from_string (mapping_json, NULL);
  transformations = json_array_ref (json_node_get_array (mapping));
  json_object_set_int_member (schedule, "startTime", (now / 60000 + 1) * 60);
  json_object_set_string_member (schedule, "frequency", frequency);
  if (interval > 0)
    json_object_set_int_member (schedule, "interval", interval);
  trib_flow_service_create_flow_async (client, name, CLOUD_STORAGE_TO_AEP, source, target, transformations, schedule,
                                       NULL, trib_test_result_cb, &result);
  id = trib_flow_service_create_flow_finish (trib_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);

  flow = get_flow (id, &error);
  g_assert_no_error (error);

  return flow;
}

static TribFlow *
create_flow (const char *frequency,
             guint       interval)
{
  return create_mapped_flow (frequency, interval, S004_MAPPING);
}

/* A mapping set of its own on the Orders schema, in @n_versions
 * versions, version N mapping N + 1 columns.
 */
static TribMappingSet *
create_mapping_set (guint n_versions)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = trib_test_unique_name ("Versions");
  TribMappingSet *set;

  g_ptr_array_add (mappings, trib_mapping_new (TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderID", "_id"));
  trib_data_prep_create_mapping_set_async (client, name, ORDERS_SCHEMA, mappings, NULL, trib_test_result_cb, &result);
  set = trib_data_prep_create_mapping_set_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 1; i < n_versions; i++)
    {
      g_autoptr(TribMappingSet) version = NULL;

      g_clear_object (&result);
      trib_data_prep_update_mapping_set_async (client, trib_mapping_set_get_id (set), name, ORDERS_SCHEMA, mappings,
                                               NULL, trib_test_result_cb, &result);
      version = trib_data_prep_update_mapping_set_finish (trib_test_wait_result (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trib_mapping_set_get_version (version), ==, i);
    }

  return set;
}

/* Light, then dark. */
static void
shoot (GtkWidget  *window,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  trib_ui_test_save_screenshot (window, name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
schedule_ready (gpointer data)
{
  return trib_flow_schedule_dialog_get_ready (data);
}

static gboolean
reload_shown (gpointer data)
{
  const char *problem = trib_flow_schedule_dialog_get_problem (data);

  return trib_flow_schedule_dialog_get_ready (data) && problem != NULL && strstr (problem, "Reload") != NULL;
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
changed_cb (GObject   *dialog,
            TribFlow  *flow,
            TribFlow **out)
{
  g_set_object (out, flow);
}

static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* As the user sees it: the button of `dialog.NAME` can be clicked. */
static gboolean
action_enabled (GtkWidget  *widget,
                const char *name)
{
  g_autofree char *action_name = g_strconcat ("dialog.", name, NULL);
  GtkWidget *button = find_actionable (widget, action_name);

  g_assert_nonnull (button);

  return gtk_widget_is_sensitive (button);
}

/* As the wizard: 5 minutes is below the flow spec's minimum; a schedule
 * sent with a stale etag is explained, and Reload applies it again.
 */
static void
test_schedule (void)
{
  g_autoptr(TribFlow) flow = create_flow ("minute", 15);
  g_autoptr(TribFlow) changed = NULL;
  g_autoptr(TribFlow) now = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = g_strconcat (FLOWS_PATH "/", trib_flow_get_id (flow), NULL);
  g_autofree char *etag = NULL;
  TribFlowScheduleDialog *dialog = trib_flow_schedule_dialog_new (client, flow);
  JsonObject *operation;

  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_window_present (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (schedule_ready, dialog, 20);

  /* The flow spec's own limit, said before anything is sent. */
  g_assert_true (trib_flow_schedule_dialog_set_schedule (dialog, "minute", 5));
  g_assert_nonnull (strstr (trib_flow_schedule_dialog_get_problem (dialog), "at least 15"));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  g_assert_true (trib_flow_schedule_dialog_set_schedule (dialog, "hour", 2));
  g_assert_null (trib_flow_schedule_dialog_get_problem (dialog));
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "save"));

  /* Someone renames the flow meanwhile: the dialog's etag is stale. */
  trib_flow_service_update_flow_async (client, flow, "Renamed elsewhere", NULL, 0, -1, NULL, trib_test_result_cb,
                                       &result);
  etag = trib_flow_service_update_flow_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  trib_test_sim_clear_requests (sim);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  trib_ui_test_iterate_until (reload_shown, dialog, 20);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "PATCH", path), ==, 1);
  g_assert_null (changed);
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "reload"));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  shoot (GTK_WIDGET (dialog), "flow-schedule-stale");

  /* Reload: read again, the same schedule sent with the new etag. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.reload", NULL);
  trib_ui_test_iterate_until (is_set, &changed, 20);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "PATCH", path), ==, 2);
  body = trib_test_sim_dup_last_body (sim, "PATCH", path);
  operation = json_array_get_object_element (json_node_get_array (body), 0);
  g_assert_cmpstr (json_object_get_string_member (operation, "path"), ==, "/scheduleParams");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (operation, "value"), "frequency"),
                   ==, "hour");
  g_assert_cmpstr (trib_flow_get_frequency (changed), ==, "hour");
  g_assert_cmpint (trib_flow_get_interval (changed), ==, 2);
  g_assert_cmpstr (trib_flow_get_name (changed), ==, "Renamed elsewhere");
  now = get_flow (trib_flow_get_id (flow), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_flow_get_etag (now), ==, trib_flow_get_etag (changed));
}

static gboolean
mapping_refused (gpointer data)
{
  return trib_flow_mapping_dialog_get_problem (data) != NULL;
}

static gboolean
versions_read (gpointer data)
{
  return !trib_flow_mapping_dialog_get_reading (data);
}

/* The mapping set's versions listed as Data Prep has them, the flow's
 * marked; one chosen from the list is sent. A set that cannot be read
 * is said, with Try Again.
 */
static void
test_mapping (void)
{
  g_autoptr(TribMappingSet) set = create_mapping_set (3);
  g_autoptr(TribFlow) flow = create_mapped_flow ("hour", 1, trib_mapping_set_get_id (set));
  g_autoptr(TribFlow) changed = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *path = g_strconcat (FLOWS_PATH "/", trib_flow_get_id (flow), NULL);
  g_autofree char *set_path = g_strconcat (MAPPING_SETS_PATH "/", trib_mapping_set_get_id (set), NULL);
  g_autofree char *fault = NULL;
  TribFlowMappingDialog *dialog;
  GPtrArray *rows;
  JsonObject *operation;

  /* The set not found once: said, and read again on Try Again. */
  fault = g_strdup_printf ("{\"path\": \"%s\", \"kind\": \"status\", \"status\": 404}",
                           set_path);
  trib_test_sim_add_fault (sim, fault);
  dialog = trib_flow_mapping_dialog_new (client, flow);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (trib_flow_mapping_dialog_get_reading (dialog));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  trib_ui_test_iterate_until (versions_read, dialog, 30);
  g_assert_nonnull (trib_flow_mapping_dialog_get_problem (dialog));
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "retry"));
  g_assert_cmpuint (trib_flow_mapping_dialog_get_versions (dialog)->len, ==, 0);
  trib_test_sim_clear_faults (sim);

  trib_test_sim_clear_requests (sim);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.retry", NULL);
  trib_ui_test_iterate_until (versions_read, dialog, 20);
  g_assert_null (trib_flow_mapping_dialog_get_problem (dialog));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", set_path), ==, 3);

  /* Newest first, the flow's own marked, the newest proposed. */
  rows = trib_flow_mapping_dialog_get_versions (dialog);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Version 2");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "Version 0");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 1)), "1 mapping"));
  g_assert_true (trib_ui_test_has_label (g_ptr_array_index (rows, 2), "In use", FALSE));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (g_ptr_array_index (rows, 0), "current-mark")));
  g_assert_true (gtk_widget_get_visible (g_object_get_data (g_ptr_array_index (rows, 2), "current-mark")));
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "save"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == g_ptr_array_index (rows, 0));
  shoot (GTK_WIDGET (dialog), "flow-mapping-versions");

  /* Its own version: nothing to send. Version 1: sent. */
  g_assert_true (trib_flow_mapping_dialog_set_version (dialog, 0));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  g_assert_false (trib_flow_mapping_dialog_set_version (dialog, 7));
  g_assert_true (trib_flow_mapping_dialog_set_version (dialog, 1));
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "save"));

  /* Renamed elsewhere meanwhile: the stale etag explained, then Reload
   * sends the version chosen with the new one.
   */
  trib_flow_service_update_flow_async (client, flow, "Renamed elsewhere", NULL, 0, -1, NULL, trib_test_result_cb,
                                       &result);
  etag = trib_flow_service_update_flow_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &changed);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  trib_ui_test_iterate_until (mapping_refused, dialog, 20);
  g_assert_nonnull (strstr (trib_flow_mapping_dialog_get_problem (dialog), "Reload"));
  g_assert_null (changed);
  g_assert_true (action_enabled (GTK_WIDGET (dialog), "reload"));
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.reload", NULL);
  trib_ui_test_iterate_until (is_set, &changed, 20);
  /* The rename, the stale try, the one after Reload. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "PATCH", path), ==, 3);
  g_assert_cmpstr (trib_flow_get_name (changed), ==, "Renamed elsewhere");
  body = trib_test_sim_dup_last_body (sim, "PATCH", path);
  operation = json_array_get_object_element (json_node_get_array (body), 0);
  g_assert_cmpstr (json_object_get_string_member (operation, "path"), ==, "/transformations/0/params/mappingVersion");
  g_assert_cmpint (json_object_get_int_member (operation, "value"), ==, 1);
  g_assert_cmpint (trib_flow_get_mapping_version (changed), ==, 1);
}

/* A `once` flow cannot be given another mapping, whatever is chosen. */
static void
test_mapping_once (void)
{
  g_autoptr(TribFlow) flow = create_flow ("once", 0);
  TribFlowMappingDialog *dialog = trib_flow_mapping_dialog_new (client, flow);

  gtk_window_present (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (mapping_refused, dialog, 20);
  g_assert_nonnull (strstr (trib_flow_mapping_dialog_get_problem (dialog), "runs once"));
  g_assert_false (trib_flow_mapping_dialog_get_reading (dialog));
  g_assert_cmpuint (trib_flow_mapping_dialog_get_versions (dialog)->len, ==, 0);
  g_assert_false (action_enabled (GTK_WIDGET (dialog), "save"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  char *action;
  GError *error;
  gboolean finished;
} Finished;

static void
finished_cb (TribFlowActions *actions,
             const char      *action,
             const GError    *error,
             Finished        *finished)
{
  g_free (finished->action);
  finished->action = g_strdup (action);
  g_clear_error (&finished->error);
  finished->error = error != NULL ? g_error_copy (error) : NULL;
  finished->finished = TRUE;
}

static gboolean
is_finished (gpointer data)
{
  Finished *finished = data;

  return finished->finished;
}

static void
run (TribFlowActions *actions,
     Finished        *finished,
     const char      *name,
     GVariant        *param)
{
  GActionGroup *group = trib_flow_actions_get_action_group (actions);

  g_assert_true (g_action_group_get_action_enabled (group, name));
  finished->finished = FALSE;
  g_action_group_activate_action (group, name, param);
  g_assert_true (trib_flow_actions_get_busy (actions));
  trib_ui_test_iterate_until (is_finished, finished, 20);
  g_assert_cmpstr (finished->action, ==, name);
  g_assert_false (trib_flow_actions_get_busy (actions));
}

static void
test_simple (void)
{
  g_autoptr(TribFlow) flow = create_flow ("hour", 1);
  g_autoptr(TribFlowActions) actions = trib_flow_actions_new (client);
  g_autoptr(TribFlow) expired = NULL;
  g_autoptr(TribFlow) once = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action_path = g_strconcat (FLOWS_PATH "/", trib_flow_get_id (flow), "/action", NULL);
  g_autofree char *run_path = NULL;
  GActionGroup *group = trib_flow_actions_get_action_group (actions);
  GtkWidget *window = gtk_window_new ();
  Finished finished = { 0 };

  trib_flow_actions_install (actions, window);
  g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), &finished);

  /* Nothing to act on yet. */
  g_assert_false (g_action_group_get_action_enabled (group, "disable"));
  trib_flow_actions_set_flow (actions, flow);
  g_assert_false (g_action_group_get_action_enabled (group, "enable"));
  g_assert_false (g_action_group_get_action_enabled (group, "run-now"));
  g_assert_false (g_action_group_get_action_enabled (group, "retrigger"));

  trib_test_sim_clear_requests (sim);
  run (actions, &finished, "disable", NULL);
  g_assert_no_error (finished.error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", action_path), ==, 1);
  g_assert_false (trib_flow_is_enabled (trib_flow_actions_get_flow (actions)));
  g_assert_cmpstr (trib_flow_get_etag (trib_flow_actions_get_flow (actions)), !=, trib_flow_get_etag (flow));
  run (actions, &finished, "enable", NULL);
  g_assert_no_error (finished.error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", action_path), ==, 2);
  g_assert_true (trib_flow_is_enabled (trib_flow_actions_get_flow (actions)));

  /* A `once` flow runs now; the world's expired flow's failed run again. */
  once = create_flow ("once", 0);
  trib_flow_actions_set_flow (actions, once);
  g_assert_false (g_action_group_get_action_enabled (group, "edit-schedule"));
  run (actions, &finished, "run-now", NULL);
  g_assert_no_error (finished.error);
  body = trib_test_sim_dup_last_body (sim, "POST", RUNS_PATH);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "flowId"), ==,
                   trib_flow_get_id (once));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", RUNS_PATH), ==, 1);

  expired = get_flow (EXPIRED_FLOW, &error);
  g_assert_no_error (error);
  trib_flow_actions_set_flow (actions, expired);
  run_path = g_strconcat (RUNS_PATH "/", trib_flow_get_last_run_id (expired), "/action", NULL);
  run (actions, &finished, "retrigger", NULL);
  g_assert_no_error (finished.error);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", run_path), ==, 1);

  /* A run the platform does not know: its refusal, sent once. */
  run (actions, &finished, "retrigger-run",
       g_variant_new_string ("00000000-0000-4000-8000-000000000000"));
  g_assert_error (finished.error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (actions, &finished);
  g_clear_error (&finished.error);
  g_free (finished.action);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
deleted_cb (TribFlowActions *actions,
            const char      *flow_id,
            char           **out)
{
  *out = g_strdup (flow_id);
}

/* Refused while a run writes (the platform's reason shown), then done. */
static void
test_delete (void)
{
  g_autoptr(TribFlow) flow = create_flow ("once", 0);
  g_autoptr(TribFlowActions) actions = trib_flow_actions_new (client);
  g_autoptr(TribFlow) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *path = g_strconcat (FLOWS_PATH "/", trib_flow_get_id (flow), NULL);
  GActionGroup *group = trib_flow_actions_get_action_group (actions);
  GtkWidget *window = gtk_window_new ();
  Finished finished = { 0 };
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  trib_flow_actions_install (actions, window);
  trib_flow_actions_set_flow (actions, flow);
  g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), &finished);
  g_signal_connect (actions, "flow-deleted", G_CALLBACK (deleted_cb), &deleted);

  /* An ad hoc run starts a minute after it is asked for, and lasts more
   * than half a minute: a minute on, it is writing.
   */
  run (actions, &finished, "run-now", NULL);
  trib_test_sim_clock (sim, 0, 1);

  finished.finished = FALSE;
  g_action_group_activate_action (group, "delete", NULL);
  dialog = trib_flow_actions_get_dialog (actions);
  g_assert_true (TRIB_IS_FLOW_DELETE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            trib_flow_get_name (flow)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "dataset"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "connections"));
  shoot (GTK_WIDGET (dialog), "flow-delete-confirm");
  trib_test_sim_clear_requests (sim);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  trib_ui_test_iterate_until (is_finished, &finished, 20);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "DELETE", path), ==, 1);
  g_assert_error (finished.error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_platform_error_get_code (finished.error), ==, "FLOW-1416-400");
  g_assert_null (deleted);
  /* The refusal is shown in a dialog of its own. */
  {
    GtkWindow *refusal = trib_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

    g_assert_nonnull (refusal);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)), "running"));
    gtk_window_destroy (refusal);
  }

  /* The run over, it goes. */
  trib_test_sim_clock (sim, 0, 5);
  finished.finished = FALSE;
  g_action_group_activate_action (group, "delete", NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (trib_flow_actions_get_dialog (actions)), "delete");
  trib_ui_test_iterate_until (is_finished, &finished, 20);
  g_assert_no_error (finished.error);
  g_assert_cmpstr (deleted, ==, trib_flow_get_id (flow));
  gone = get_flow (trib_flow_get_id (flow), &error);
  g_assert_null (gone);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (actions, &finished);
  g_signal_handlers_disconnect_by_data (actions, &deleted);
  g_clear_error (&finished.error);
  g_free (finished.action);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
detail_idle (gpointer data)
{
  GtkWidget *spinner = GTK_WIDGET (gtk_widget_get_template_child (data, TRIB_TYPE_FLOW_DETAIL, "spinner"));
  GtkWidget *menu_button = GTK_WIDGET (gtk_widget_get_template_child (data, TRIB_TYPE_FLOW_DETAIL, "menu_button"));

  return !gtk_spinner_get_spinning (GTK_SPINNER (spinner)) && gtk_widget_get_sensitive (menu_button);
}

/* A menu button's focus is its inner button's. */
static gboolean
focus_in (GtkWidget *window,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* While an action is under way the detail's spinner turns and its
 * buttons wait; at the end both come back, and the focus goes back to
 * the button that had it. While a dialog is open the buttons wait too,
 * but nothing is asked of the platform: no spinner.
 */
static void
test_detail_busy (void)
{
  g_autoptr(TribFlow) flow = create_flow ("hour", 1);
  g_autoptr(TribFlowNames) names = trib_flow_names_new (client);
  g_autofree char *fault = NULL;
  GtkWidget *window = gtk_window_new ();
  TribFlowDetail *detail = g_object_new (TRIB_TYPE_FLOW_DETAIL, NULL);
  GtkWidget *spinner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), TRIB_TYPE_FLOW_DETAIL, "spinner"));
  GtkWidget *menu_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (detail), TRIB_TYPE_FLOW_DETAIL,
                                                                      "menu_button"));
  GtkWidget *retrigger = NULL;
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  gtk_window_present (GTK_WINDOW (window));
  trib_flow_detail_show (detail, client, names, flow);
  trib_ui_test_iterate_until (detail_idle, detail, 20);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (trib_flow_detail_get_actions_box (detail)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), "retrigger-button") == 0)
      retrigger = child;
  g_assert_nonnull (retrigger);

  /* The platform slow to answer: the disable is held open. */
  fault = g_strdup_printf ("{\"path\": \"" FLOWS_PATH "/%s/action\", \"kind\": \"delay\", \"delay_ms\": 1500}",
                           trib_flow_get_id (flow));
  trib_test_sim_add_fault (sim, fault);
  gtk_widget_grab_focus (menu_button);
  g_assert_true (focus_in (window, menu_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "flow.disable", NULL));
  trib_ui_test_settle ();
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_get_sensitive (menu_button));
  g_assert_false (gtk_widget_is_sensitive (retrigger));
  g_assert_false (focus_in (window, menu_button));

  trib_ui_test_iterate_until (detail_idle, detail, 20);
  trib_test_sim_clear_faults (sim);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_sensitive (menu_button));
  g_assert_true (focus_in (window, menu_button));
  g_assert_false (trib_flow_is_enabled (trib_flow_detail_get_flow (detail)));

  /* The schedule dialog open, ready, then cancelled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "flow.edit-schedule", NULL));
  dialog = trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_SCHEDULE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  trib_ui_test_iterate_until (schedule_ready, dialog, 20);
  trib_ui_test_settle ();
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_get_sensitive (menu_button));
  g_assert_false (gtk_widget_is_sensitive (retrigger));
  gtk_window_close (dialog);
  trib_ui_test_settle ();
  g_assert_null (trib_ui_test_find_toplevel (TRIB_TYPE_FLOW_SCHEDULE_DIALOG, NULL));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_sensitive (menu_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trib_ui_test_init (&argc, &argv);

  sim = trib_test_sim_start ((const char *[]) { "--clock-speed", "0", NULL });
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/ui/flow-actions/schedule", test_schedule);
  g_test_add_func ("/tributary/ui/flow-actions/mapping", test_mapping);
  g_test_add_func ("/tributary/ui/flow-actions/mapping-once", test_mapping_once);
  g_test_add_func ("/tributary/ui/flow-actions/simple", test_simple);
  g_test_add_func ("/tributary/ui/flow-actions/delete", test_delete);
  g_test_add_func ("/tributary/ui/flow-actions/detail-busy", test_detail_busy);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
