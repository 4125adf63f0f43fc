/* fuzz-spec-form.c
 *
 * The forms a connection spec draws (TribSpecForm), from the spec as
 * the platform layer hands it over, then one answer given to every
 * field, checked and built into params. The input is the spec (a whole
 * connection spec with `authSpec` and `sourceSpec`, or a bare JSON
 * Schema), a NUL, and the answer; where the answer has `@SECRET@` the
 * target plants a secret of its own there, which no message may quote.
 *
 * Every field must have a label and a key made of its path, every
 * string UTF-8; the form is whole exactly when its params build, and
 * the params hold no more values than the form has fields.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-spec-form.h"

/* A spec may hold the secret's text itself, in a label or a choice a
 * message names: then only the answer's secret is not checked.
 */
static gboolean spec_quotes_secret;

static void
assert_no_secret (const char *text)
{
  if (!spec_quotes_secret)
    fuzz_assert_no_secret (text);
}

static guint
count_values (JsonObject *params)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint n_values = 0;

  json_object_iter_init (&iter, params);
  while (json_object_iter_next (&iter, &name, &member))
    {
      /* A nested object's values are fields of their own; a given
       * value may be an object too, but counts once at least.
       */
      if (JSON_NODE_HOLDS_OBJECT (member))
        n_values += MAX (count_values (json_node_get_object (member)), 1);
      else
        n_values++;
    }

  return n_values;
}

static void
exercise (TribSpecForm *form,
          const char   *answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) params = NULL;
  guint n_fields = g_list_model_get_n_items (G_LIST_MODEL (form));
  gboolean valid;

  fuzz_assert_utf8 (trib_spec_form_get_problem (form));
  fuzz_assert_utf8 (trib_spec_form_get_label (form));
  g_assert_cmpuint (n_fields, <=, TRIB_SPEC_FORM_MAX_FIELDS);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);
      g_autofree char *joined = g_strjoinv (".", (char **) trib_spec_field_get_path (field));
      const char * const *choices = trib_spec_field_get_choices (field);
      const char *key = trib_spec_field_get_key (field);
      g_autofree char *message = NULL;

      g_assert_cmpstr (key, ==, joined);
      g_assert_true (trib_spec_form_get_field (form, key) == field);
      g_assert_nonnull (trib_spec_field_get_label (field));
      g_assert_cmpuint (strlen (trib_spec_field_get_label (field)), >, 0);
      fuzz_assert_utf8 (trib_spec_field_get_label (field));
      fuzz_assert_utf8 (trib_spec_field_get_help (field));
      fuzz_assert_utf8 (trib_spec_field_get_problem (field));
      fuzz_assert_utf8 (trib_spec_field_get_default_text (field));
      if (trib_spec_field_get_field_type (field) == TRIB_SPEC_FIELD_ENUM)
        g_assert_nonnull (choices);
      for (guint j = 0; choices != NULL && choices[j] != NULL; j++)
        fuzz_assert_utf8 (choices[j]);

      trib_spec_form_set_answer (form, key, answer);
      message = trib_spec_form_check_answer (form, key);
      fuzz_assert_utf8 (message);
      assert_no_secret (message);
    }

  valid = trib_spec_form_validate (form, &error);
  if (error != NULL)
    {
      fuzz_assert_utf8 (error->message);
      assert_no_secret (error->message);
    }
  g_clear_error (&error);

  params = trib_spec_form_build_params (form, &error);
  g_assert_cmpint (params != NULL, ==, valid);
  if (params != NULL)
    g_assert_cmpuint (count_values (params), <=, n_fields);

  trib_spec_form_free_params (g_steal_pointer (&params));
  trib_spec_form_clear_answers (form);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) spec = NULL;
  g_autofree char *answer = NULL;
  const char *parts[2];
  gsize lengths[2];

  fuzz_split (data, size, 2, parts, lengths);

  spec = fuzz_json_parse_reply (parts[0], lengths[0]);
  spec_quotes_secret = fuzz_contains (parts[0], lengths[0], "Pl4nted");
  if (spec == NULL)
    return 0;

  /* An answer is typed into an entry: text, up to a NUL. */
  if (parts[1] != NULL)
    {
      g_autofree char *typed = g_strndup (parts[1], lengths[1]);
      g_auto(GStrv) pieces = g_strsplit (typed, FUZZ_SECRET_MARKER, -1);

      answer = g_strjoinv (FUZZ_PLANTED_SECRET, pieces);
      if (!g_utf8_validate (answer, -1, NULL))
        g_clear_pointer (&answer, g_free);
    }

  if (JSON_NODE_HOLDS_OBJECT (spec) && json_object_has_member (json_node_get_object (spec), "authSpec"))
    {
      JsonObject *object = json_node_get_object (spec);
      JsonNode *id = json_object_get_member (object, "id");
      JsonNode *source = json_object_get_member (object, "sourceSpec");
      const char *spec_id = id != NULL && json_node_get_value_type (id) == G_TYPE_STRING ? json_node_get_string (id) : NULL;
      g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (spec_id, json_object_get_member (object, "authSpec"));

      g_assert_cmpuint (g_list_model_get_n_items (choices), <=, TRIB_SPEC_FORM_MAX_AUTH_TYPES);
      for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, i);

          g_assert_nonnull (trib_spec_form_get_name (form));
          exercise (form, answer);
        }

      if (source != NULL && JSON_NODE_HOLDS_OBJECT (source))
        {
          g_autoptr(TribSpecForm) form = trib_spec_form_new (spec_id, NULL,
                                                             json_object_get_member (json_node_get_object (source), "spec"));

          exercise (form, answer);
        }
    }
  else
    {
      g_autoptr(TribSpecForm) form = trib_spec_form_new (NULL, "fuzz", spec);

      exercise (form, answer);
    }

  return 0;
}
