/* test-spec-form-world.c
 *
 * Every connection spec of the simulator's world draws its forms, and
 * the world's working accounts, typed into them, give back their params.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-redact.h"
#include "trib-spec-form.h"
#include "trib-spec-presets.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonNode *
load_world (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TRIBUTARY_SIM_WORLD"), name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return parse_json (text);
}

/* Answers every required field a made-up value can answer: not those
 * with a pattern, whose valid values the world's accounts give.
 */
static gboolean
answer_required (TribSpecForm *form)
{
  g_autoptr(JsonNode) rows = parse_json ("[{\"dataSetId\": \"5f0e4d7c2a1b3c4d5e6f7a8b\", \"name\": \"Orders\"}]");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);
      const char *key = trib_spec_field_get_key (field);
      double minimum = 1;

      if (!trib_spec_field_get_required (field) || trib_spec_form_get_answer (form, key) != NULL)
        continue;

      switch (trib_spec_field_get_field_type (field))
        {
        case TRIB_SPEC_FIELD_STRING:
          if (trib_spec_field_get_pattern (field) != NULL)
            return FALSE;
          trib_spec_form_set_answer (form, key, "/landing/orders.csv");
          break;
        case TRIB_SPEC_FIELD_INTEGER:
        case TRIB_SPEC_FIELD_NUMBER:
          {
            g_autofree char *text = NULL;

            trib_spec_field_get_minimum (field, &minimum);
            text = g_strdup_printf ("%.0f", minimum);
            trib_spec_form_set_answer (form, key, text);
          }
          break;
        case TRIB_SPEC_FIELD_BOOLEAN:
          trib_spec_form_set_answer (form, key, "true");
          break;
        case TRIB_SPEC_FIELD_ENUM:
          trib_spec_form_set_answer (form, key, trib_spec_field_get_choices (field)[0]);
          break;
        case TRIB_SPEC_FIELD_ARRAY:
          trib_spec_form_set_answer (form, key, "1");
          break;
        case TRIB_SPEC_FIELD_UNSUPPORTED:
        default:
          trib_spec_form_set_value (form, key, rows);
          break;
        }
    }

  return TRUE;
}

static JsonNode *
value_at (JsonObject         *params,
          const char * const *path)
{
  JsonNode *node = NULL;

  for (guint i = 0; path[i] != NULL; i++)
    {
      if (params == NULL || (node = json_object_get_member (params, path[i])) == NULL)
        return NULL;
      params = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

/* Each value in the params has its field's JSON type. */
static void
assert_typed (TribSpecForm *form,
              JsonObject   *params)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);
      JsonNode *value = value_at (params, trib_spec_field_get_path (field));

      if (value == NULL)
        continue;

      switch (trib_spec_field_get_field_type (field))
        {
        case TRIB_SPEC_FIELD_STRING:
          g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_STRING);
          break;
        case TRIB_SPEC_FIELD_INTEGER:
          g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_INT64);
          break;
        case TRIB_SPEC_FIELD_NUMBER:
          g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_DOUBLE);
          break;
        case TRIB_SPEC_FIELD_BOOLEAN:
          g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_BOOLEAN);
          break;
        case TRIB_SPEC_FIELD_ARRAY:
          g_assert_true (JSON_NODE_HOLDS_ARRAY (value));
          break;
        case TRIB_SPEC_FIELD_ENUM:
        case TRIB_SPEC_FIELD_UNSUPPORTED:
        default:
          break;
        }
    }
}

static void
check_world_form (TribSpecForm *form,
                  guint        *n_built)
{
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("  %s", trib_spec_form_get_name (form) != NULL ? trib_spec_form_get_name (form) : "sourceSpec");
  g_assert_null (trib_spec_form_get_problem (form));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);

      g_assert_cmpuint (strlen (trib_spec_field_get_label (field)), >, 0);
      /* Every pattern of the world is one the presets can explain. */
      if (trib_spec_field_get_pattern (field) != NULL)
        g_assert_nonnull (trib_spec_field_get_pattern_hint (field));
      /* What the form hides as it is typed, the request log hides too. */
      if (trib_spec_field_get_secret (field))
        {
          const char * const *path = trib_spec_field_get_path (field);

          g_assert_true (trib_redact_is_secret_name (path[g_strv_length ((char **) path) - 1]));
        }

      /* A list of datasets is chosen on a page of its own. */
      if (trib_spec_field_get_field_type (field) != TRIB_SPEC_FIELD_UNSUPPORTED)
        g_assert_null (trib_spec_field_get_problem (field));
    }

  if (!answer_required (form))
    return;

  params = trib_spec_form_build_params (form, &error);
  g_assert_no_error (error);
  assert_typed (form, params);
  (*n_built)++;
}

/* A field the spec gives no title is named by a preset, translated,
 * never by its key turned into English words.
 */
static void
assert_named (const char *spec_id,
              JsonObject *schema)
{
  JsonObject *properties;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (schema, "properties"))
    return;
  properties = json_object_get_object_member (schema, "properties");
  names = json_object_get_members (properties);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *property = json_object_get_object_member (properties, l->data);
      TribSpecPreset preset;

      if (!json_object_has_member (property, "title") &&
          !trib_spec_presets_lookup_field (spec_id, l->data, &preset))
        g_error ("%s: no title and no preset for “%s”", spec_id, (const char *) l->data);
      assert_named (spec_id, property);
    }
}

/* Every spec of the simulator's world: each auth type and each
 * sourceSpec give a form, built once its required fields are answered.
 */
static void
test_world_specs (void)
{
  g_autoptr(JsonNode) world = NULL;
  JsonArray *specs;
  guint n_forms = 0;
  guint n_built = 0;

  if (g_getenv ("TRIBUTARY_SIM_WORLD") == NULL)
    {
      g_test_skip ("TRIBUTARY_SIM_WORLD is not set");
      return;
    }

  world = load_world ("connection-specs.json");
  specs = json_object_get_array_member (json_node_get_object (world), "connectionSpecs");
  g_assert_cmpuint (json_array_get_length (specs), >, 0);

  for (guint i = 0; i < json_array_get_length (specs); i++)
    {
      JsonObject *spec = json_array_get_object_element (specs, i);
      const char *id = json_object_get_string_member (spec, "id");
      JsonNode *auth_spec = json_object_get_member (spec, "authSpec");
      JsonNode *source = json_object_get_member (spec, "sourceSpec");
      g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (id, auth_spec);

      g_test_message ("%s (%s)", json_object_get_string_member (spec, "name"), id);
      g_assert_cmpuint (g_list_model_get_n_items (choices), ==,
                        auth_spec != NULL ? json_array_get_length (json_node_get_array (auth_spec)) : 0);

      for (guint j = 0; j < g_list_model_get_n_items (choices); j++)
        {
          g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, j);

          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (form)), >, 0);
          check_world_form (form, &n_built);
          n_forms++;
        }
      for (guint j = 0; auth_spec != NULL && j < json_array_get_length (json_node_get_array (auth_spec)); j++)
        {
          JsonObject *auth = json_array_get_object_element (json_node_get_array (auth_spec), j);

          assert_named (id, json_object_get_object_member (auth, "spec"));
        }

      if (source != NULL)
        {
          g_autoptr(TribSpecForm) form = trib_spec_form_new (
            id, NULL, json_object_get_member (json_node_get_object (source), "spec"));

          check_world_form (form, &n_built);
          assert_named (id, json_object_get_object_member (json_node_get_object (source), "spec"));
          n_forms++;
        }
    }

  g_test_message ("%u forms, %u built from made-up answers", n_forms, n_built);
  g_assert_cmpuint (n_built, >, 0);
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

/* The world's working accounts, typed into their connectors' forms,
 * give back their params: the values the simulator accepts.
 */
static void
test_world_accounts (void)
{
  g_autoptr(JsonNode) world = NULL;
  g_autoptr(JsonNode) connections = NULL;
  const char *extra[][2] = {
    { "database", "luma_orders" },
  };
  JsonArray *specs;
  JsonArray *accounts;
  guint n_checked = 0;

  if (g_getenv ("TRIBUTARY_SIM_WORLD") == NULL)
    {
      g_test_skip ("TRIBUTARY_SIM_WORLD is not set");
      return;
    }

  world = load_world ("connection-specs.json");
  connections = load_world ("connections.json");
  specs = json_object_get_array_member (json_node_get_object (world), "connectionSpecs");
  accounts = json_object_get_array_member (json_node_get_object (connections), "remoteAccounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *spec_ids = json_object_get_array_member (account, "connectionSpecs");
      JsonObject *expected = json_object_get_object_member (account, "params");
      const char *spec_name = json_object_get_string_member (account, "specName");

      for (guint j = 0; j < json_array_get_length (spec_ids); j++)
        {
          const char *spec_id = json_array_get_string_element (spec_ids, j);
          g_autoptr(TribSpecForm) form = NULL;
          g_autoptr(JsonObject) params = NULL;
          g_autoptr(GError) error = NULL;
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          for (guint k = 0; form == NULL && k < json_array_get_length (specs); k++)
            {
              JsonObject *spec = json_array_get_object_element (specs, k);
              g_autoptr(GListModel) choices = NULL;

              if (g_strcmp0 (json_object_get_string_member (spec, "id"), spec_id) != 0)
                continue;
              choices = trib_spec_form_new_auth_choices (spec_id, json_object_get_member (spec, "authSpec"));
              for (guint l = 0; form == NULL && l < g_list_model_get_n_items (choices); l++)
                {
                  g_autoptr(TribSpecForm) choice = g_list_model_get_item (choices, l);

                  if (g_strcmp0 (trib_spec_form_get_name (choice), spec_name) == 0)
                    form = g_steal_pointer (&choice);
                }
            }

          g_test_message ("%s: %s", spec_id, spec_name);
          g_assert_nonnull (form);

          json_object_iter_init (&iter, expected);
          while (json_object_iter_next (&iter, &name, &value))
            {
              g_autofree char *text = text_of (value);

              trib_spec_form_set_answer (form, name, text);
            }

          /* What the account does not check, the spec may still ask
           * for: the form says so, and the test answers it.
           */
          for (guint k = 0; k < G_N_ELEMENTS (extra); k++)
            {
              g_autofree char *message = NULL;

              if (trib_spec_form_get_field (form, extra[k][0]) == NULL
                  || trib_spec_form_get_answer (form, extra[k][0]) != NULL)
                continue;
              message = trib_spec_form_check_answer (form, extra[k][0]);
              if (message != NULL)
                g_assert_true (g_str_has_suffix (message, " is required"));
              trib_spec_form_set_answer (form, extra[k][0], extra[k][1]);
            }

          params = trib_spec_form_build_params (form, &error);
          g_assert_no_error (error);

          json_object_iter_init (&iter, expected);
          while (json_object_iter_next (&iter, &name, &value))
            g_assert_true (json_node_equal (json_object_get_member (params, name), value));

          /* Anything more is a default of the spec's or an answer above. */
          json_object_iter_init (&iter, params);
          while (json_object_iter_next (&iter, &name, &value))
            if (!json_object_has_member (expected, name) && g_strcmp0 (name, "database") != 0)
              g_assert_nonnull (trib_spec_field_get_default_text (trib_spec_form_get_field (form, name)));

          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spec-form/world-specs", test_world_specs);
  g_test_add_func ("/spec-form/world-accounts", test_world_accounts);

  return g_test_run ();
}
