/* test-spec-form-sim.c
 *
 * Accounts created from the forms their connectors' specs draw, through
 * tributary-sim, which checks each payload against the spec as the
 * platform does: the specs are fetched over HTTP, the answers typed
 * into the form, the params the form builds sent in `POST /connections`,
 * and the account tested. The world's working accounts must pass; a
 * wrong key the form accepts is the platform's to refuse.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-flow-service.h"
#include "trib-spec-form.h"
#include "trib-test-platform.h"

static TribTestSim *sim;
static TribPlatformClient *client;
static GListModel *specs;

static TribConnectionSpec *
find_spec (const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (specs, i);

      if (g_strcmp0 (trib_connection_spec_get_id (spec), id) == 0)
        return g_steal_pointer (&spec);
    }

  return NULL;
}

static TribSpecForm *
find_form (TribConnectionSpec *spec,
           const char         *auth_name)
{
  JsonObject *json = trib_connection_spec_get_json (spec);
  g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (trib_connection_spec_get_id (spec),
                                                                  json_object_get_member (json, "authSpec"));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, i);

      if (g_strcmp0 (trib_spec_form_get_name (form), auth_name) == 0)
        return g_steal_pointer (&form);
    }

  return NULL;
}

/* Creates the account the form describes; returns its id, or NULL with
 * the platform's error.
 */
static char *
create_account (TribConnectionSpec  *spec,
                TribSpecForm        *form,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *params = trib_spec_form_build_params (form, &local_error);
  g_autofree char *etag = NULL;
  char *id;

  g_assert_no_error (local_error);
  trib_flow_service_create_connection_async (client, "Made from the form", NULL, spec,
                                             trib_spec_form_get_name (form), params, NULL,
                                             trib_test_result_cb, &result);
  /* The request holds what it sends: the params go now. */
  trib_spec_form_free_params (params);

  id = trib_flow_service_create_connection_finish (trib_test_wait_result (&result), &etag, error);
  if (id != NULL)
    g_assert_nonnull (etag);

  return id;
}

static gboolean
test_account (const char  *id,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_test_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_test_connection_finish (trib_test_wait_result (&result), error);
}

static char *
text_of (JsonNode *value)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");

  g_assert_not_reached ();
}

static void
test_working_accounts (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TRIBUTARY_SIM_WORLD"), "connections.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *accounts;
  guint n_created = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  accounts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "remoteAccounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *spec_ids = json_object_get_array_member (account, "connectionSpecs");
      JsonObject *params = json_object_get_object_member (account, "params");

      for (guint j = 0; j < json_array_get_length (spec_ids); j++)
        {
          g_autoptr(TribConnectionSpec) spec = find_spec (json_array_get_string_element (spec_ids, j));
          g_autoptr(TribSpecForm) form = NULL;
          g_autofree char *id = NULL;
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          g_assert_nonnull (spec);
          form = find_form (spec, json_object_get_string_member (account, "specName"));
          g_assert_nonnull (form);
          g_test_message ("%s: %s", trib_connection_spec_get_name (spec), trib_spec_form_get_name (form));

          json_object_iter_init (&iter, params);
          while (json_object_iter_next (&iter, &name, &value))
            {
              g_autofree char *text = text_of (value);

              trib_spec_form_set_answer (form, name, text);
            }
          /* Required by the spec, not checked by the remote account. */
          if (trib_spec_form_get_field (form, "database") != NULL)
            trib_spec_form_set_answer (form, "database", "luma_orders");

          id = create_account (spec, form, &error);
          g_assert_no_error (error);
          g_assert_true (test_account (id, &error));
          g_assert_no_error (error);
          n_created++;
        }
    }

  g_assert_cmpuint (n_created, >=, 5);
}

/* A key of the right form but not the account's: the form lets it
 * through, the platform creates the account and its test fails.
 */
static void
test_wrong_key (void)
{
  g_autoptr(TribConnectionSpec) spec = find_spec ("ecadc60c-7455-4d87-84dc-2a0e293d997b");
  g_autoptr(TribSpecForm) form = find_form (spec, "Access Key");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  guint n_posts;

  /* What the form refuses is never sent. */
  trib_test_sim_clear_requests (sim);
  trib_spec_form_set_answer (form, "s3AccessKey", "akia-wrong");
  trib_spec_form_set_answer (form, "s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  message = trib_spec_form_check_answer (form, "s3AccessKey");
  g_assert_cmpstr (message, ==, "Access key ID must be 16 to 128 capital letters and digits, such as AKIAIOSFODNN7EXAMPLE");
  g_assert_false (trib_spec_form_validate (form, NULL));
  n_posts = trib_test_sim_count_requests (sim, "POST", "/data/foundation/flowservice/connections");
  g_assert_cmpuint (n_posts, ==, 0);

  trib_spec_form_set_answer (form, "s3AccessKey", "AKIAIOSFODNN7EXAMPLE");
  id = create_account (spec, form, &error);
  g_assert_no_error (error);
  g_assert_false (test_account (id, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  trib_flow_service_list_connection_specs_async (client, NULL, NULL, trib_test_result_cb, &result);
  specs = trib_flow_service_list_connection_specs_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  g_test_add_func ("/spec-form-sim/working-accounts", test_working_accounts);
  g_test_add_func ("/spec-form-sim/wrong-key", test_wrong_key);

  status = g_test_run ();

  g_clear_object (&specs);
  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
