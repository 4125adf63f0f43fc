/* trib-flow-answers-check.c
 *
 * The checks of each page of the dataflow wizard: what the platform
 * would refuse, said before anything is sent, in words that name what
 * to change. The schedule is checked against the flow spec's own
 * `scheduleSpec` (a JSON Schema with if/then/else), so a limit the
 * platform changes is a limit the wizard follows.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-answers"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-plan-private.h"
#include "trib-flow-explore.h"
#include "trib-schema-registry.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
check_source (TribFlowAnswers  *self,
              GError          **error)
{
  TribExploreItemType kind = trib_flow_answers_get_object_kind (self);
  const char *file_type = trib_flow_answers_get_file_type (self);
  const char *delimiter = trib_flow_answers_get_column_delimiter (self);

  if (is_blank (trib_flow_answers_get_sandbox (self)))
    return fail (error, _("Choose the sandbox the dataflow goes in."));
  if (is_blank (trib_flow_answers_get_connection_spec_id (self)))
    return fail (error, _("Choose the source to read from."));
  /* The Data Landing Zone is the one source without an account. */
  if (is_blank (trib_flow_answers_get_base_connection_id (self)) &&
      g_strcmp0 (trib_flow_answers_get_connection_spec_id (self), TRIB_LANDING_ZONE_SPEC_ID) != 0)
    return fail (error, _("Choose the account to read the source with."));
  if (is_blank (trib_flow_answers_get_object_path (self)))
    return fail (error, kind == TRIB_EXPLORE_ITEM_TABLE ? _("Choose the table to read.")
                                                       : _("Choose the file or folder to read."));

  if (kind == TRIB_EXPLORE_ITEM_TABLE)
    {
      if (is_blank (trib_flow_answers_get_delta_column (self)))
        return fail (error, _("Choose the delta column: the column whose value tells which rows are new or "
                              "changed since the last run."));
      if (trib_flow_answers_get_xdm_source (self))
        return fail (error, _("Only Parquet files can already be XDM: a table needs a mapping."));
      return TRUE;
    }

  if (g_strcmp0 (file_type, "delimited") != 0 && g_strcmp0 (file_type, "json") != 0 &&
      g_strcmp0 (file_type, "parquet") != 0)
    return fail (error, _("Choose the files’ format: delimited text, JSON or Parquet."));
  if (g_strcmp0 (file_type, "delimited") == 0 && delimiter != NULL && g_utf8_strlen (delimiter, -1) != 1)
    return fail (error, _("The column delimiter must be a single character."));
  if (trib_flow_answers_get_xdm_source (self) && g_strcmp0 (file_type, "parquet") != 0)
    return fail (error, _("Only Parquet files can already be XDM: choose Parquet, or map the columns."));

  return TRUE;
}

static gboolean
check_columns (TribFlowAnswers  *self,
               GError          **error)
{
  static const char * const types[] = { "string", "integer", "number", "boolean", NULL };
  const char * const *names = trib_flow_answers_get_column_names (self);
  const char * const *column_types = trib_flow_answers_get_column_types (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (names == NULL || names[0] == NULL)
    return fail (error, _("The new class needs at least one field."));

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!trib_schema_registry_is_valid_field_name (names[i]))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       /* Translators: %s is a field name the person typed */
                       _("“%s” cannot be a field name: use letters, digits and underscores, not starting "
                         "with a digit."), names[i]);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) names[i]))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       _("Two fields are named “%s”: give each field its own name."), names[i]);
          return FALSE;
        }
      if (!g_strv_contains (types, column_types[i]))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       _("Choose the type of “%s”: text, whole number, number or true/false."), names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_target (TribFlowAnswers  *self,
              GError          **error)
{
  TribFlowTargetKind kind = trib_flow_answers_get_target_kind (self);

  switch (kind)
    {
    case TRIB_FLOW_TARGET_EXISTING_DATASET:
      if (is_blank (trib_flow_answers_get_dataset_id (self)))
        return fail (error, _("Choose the dataset the data goes to."));
      return TRUE;

    case TRIB_FLOW_TARGET_NEW_DATASET:
      if (is_blank (trib_flow_answers_get_schema_id (self)))
        return fail (error, _("Choose the schema of the new dataset."));
      break;

    case TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS:
      if (is_blank (trib_flow_answers_get_class_id (self)))
        return fail (error, _("Choose the class of the new schema."));
      if (is_blank (trib_flow_answers_get_schema_title (self)))
        return fail (error, _("Give the new schema a title."));
      break;

    case TRIB_FLOW_TARGET_ADHOC_SCHEMA:
      if (is_blank (trib_flow_answers_get_class_title (self)))
        return fail (error, _("Give the new class a title."));
      if (!check_columns (self, error))
        return FALSE;
      if (is_blank (trib_flow_answers_get_schema_title (self)))
        return fail (error, _("Give the new schema a title."));
      break;

    default:
      g_assert_not_reached ();
    }

  if (is_blank (trib_flow_answers_get_dataset_name (self)))
    return fail (error, _("Give the new dataset a name."));

  return TRUE;
}

static gboolean
check_mapping (TribFlowAnswers  *self,
               GError          **error)
{
  GPtrArray *mappings = trib_flow_answers_get_mappings (self);
  g_autoptr(GHashTable) destinations = g_hash_table_new (g_str_hash, g_str_equal);

  if (!trib_flow_answers_needs_mapping (self))
    return TRUE;
  if (mappings->len == 0)
    return fail (error, _("Map at least one source column to a field of the target schema."));

  for (guint i = 0; i < mappings->len; i++)
    {
      TribMapping *mapping = g_ptr_array_index (mappings, i);
      const char *destination = trib_mapping_get_destination (mapping);

      if (is_blank (trib_mapping_get_source (mapping)))
        return fail (error, _("A mapping has no source: pick a column or write an expression."));
      if (is_blank (destination))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       _("“%s” is mapped to no field: pick one in the target schema."),
                       trib_mapping_get_source (mapping));
          return FALSE;
        }
      if (!g_hash_table_add (destinations, (gpointer) destination))
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       _("Two mappings write to “%s”: map each field once."), destination);
          return FALSE;
        }
    }

  return TRUE;
}

/* A small reading of the draft-07 keywords the schedule specs use:
 * `required`, `properties` with `enum`, `const` and `minimum`, `allOf`,
 * `anyOf`, `not` and `if`/`then`/`else`. Returns the first broken rule
 * as @failed_keyword, @failed_name and @failed_limit.
 */
typedef struct
{
  const char *keyword;
  const char *name;
  gint64 limit;
} Broken;

static gboolean fits (JsonObject *schema, JsonObject *value, Broken *broken);

static gboolean
fits_node (JsonNode   *node,
           JsonObject *value,
           Broken     *broken)
{
  return node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || fits (json_node_get_object (node), value, broken);
}

static gboolean
fits (JsonObject *schema,
      JsonObject *value,
      Broken     *broken)
{
  JsonNode *node;

  if ((node = json_object_get_member (schema, "required")) != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *required = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (required); i++)
        {
          const char *name = json_node_get_string (json_array_get_element (required, i));

          if (name != NULL && !json_object_has_member (value, name))
            {
              *broken = (Broken) { "required", name, 0 };
              return FALSE;
            }
        }
    }

  if ((node = json_object_get_member (schema, "properties")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *props = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (props);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *rule = json_object_get_member (props, l->data);
          JsonNode *given = json_object_get_member (value, l->data);
          JsonObject *rules;

          if (given == NULL || !JSON_NODE_HOLDS_OBJECT (rule) || !JSON_NODE_HOLDS_VALUE (given))
            continue;
          rules = json_node_get_object (rule);
          if (json_object_has_member (rules, "const") &&
              !json_node_equal (json_object_get_member (rules, "const"), given))
            {
              *broken = (Broken) { "const", l->data, 0 };
              return FALSE;
            }
          if (json_object_has_member (rules, "enum"))
            {
              JsonArray *choices = json_object_get_array_member (rules, "enum");
              gboolean found = FALSE;

              for (guint i = 0; choices != NULL && i < json_array_get_length (choices) && !found; i++)
                found = json_node_equal (json_array_get_element (choices, i), given);
              if (!found)
                {
                  *broken = (Broken) { "enum", l->data, 0 };
                  return FALSE;
                }
            }
          if (json_object_has_member (rules, "minimum") && json_node_get_value_type (given) == G_TYPE_INT64 &&
              json_node_get_int (given) < json_object_get_int_member (rules, "minimum"))
            {
              *broken = (Broken) { "minimum", l->data, json_object_get_int_member (rules, "minimum") };
              return FALSE;
            }
        }
    }

  if ((node = json_object_get_member (schema, "allOf")) != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *all = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (all); i++)
        if (!fits_node (json_array_get_element (all, i), value, broken))
          return FALSE;
    }

  if ((node = json_object_get_member (schema, "anyOf")) != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *any = json_node_get_array (node);
      gboolean one = json_array_get_length (any) == 0;

      for (guint i = 0; i < json_array_get_length (any) && !one; i++)
        one = fits_node (json_array_get_element (any, i), value, broken);
      if (!one)
        return FALSE;
    }

  if ((node = json_object_get_member (schema, "not")) != NULL)
    {
      Broken ignored;

      if (fits_node (node, value, &ignored))
        {
          *broken = (Broken) { "not", NULL, 0 };
          return FALSE;
        }
    }

  if ((node = json_object_get_member (schema, "if")) != NULL)
    {
      Broken ignored;
      const char *branch = fits_node (node, value, &ignored) ? "then" : "else";

      if (!fits_node (json_object_get_member (schema, branch), value, broken))
        return FALSE;
    }

  return TRUE;
}

/**
 * _trib_flow_answers_build_schedule:
 * @self: a #TribFlowAnswers
 *
 * Returns: (transfer full): the flow's `scheduleParams`, integers as
 *   the `scheduleSpec` types them
 */
JsonObject *
_trib_flow_answers_build_schedule (TribFlowAnswers *self)
{
  JsonObject *params = json_object_new ();
  GDateTime *start = trib_flow_answers_get_start_time (self);

  json_object_set_int_member (params, "startTime", start != NULL ? g_date_time_to_unix (start) : 0);
  json_object_set_string_member (params, "frequency", trib_flow_answers_get_frequency_name (self));
  if (trib_flow_answers_get_frequency (self) != TRIB_FLOW_FREQUENCY_ONCE)
    {
      json_object_set_int_member (params, "interval", trib_flow_answers_get_interval (self));
      json_object_set_boolean_member (params, "backfill", trib_flow_answers_get_backfill (self));
    }

  return params;
}

static gboolean
check_schedule (TribFlowAnswers  *self,
                GError          **error)
{
  TribFlowSpec *flow_spec = trib_flow_answers_get_flow_spec (self);
  JsonObject *schema;
  g_autoptr(JsonObject) params = NULL;
  Broken broken = { NULL, NULL, 0 };

  if (trib_flow_answers_get_start_time (self) == NULL)
    return fail (error, _("Choose when the first run starts."));
  if (flow_spec == NULL || (schema = trib_flow_spec_get_schedule_schema (flow_spec)) == NULL)
    return TRUE;

  params = _trib_flow_answers_build_schedule (self);
  if (fits (schema, params, &broken))
    return TRUE;

  if (g_strcmp0 (broken.keyword, "minimum") == 0 && g_strcmp0 (broken.name, "interval") == 0)
    g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                 /* Translators: %s is a flow spec's name, such as CRMToAEP; the frequency is
                  * once, minute, hour, day or week, as the platform spells it */
                 _("The flow spec %s allows an interval of at least %u with frequency “%s”."),
                 trib_flow_spec_get_name (flow_spec), (guint) CLAMP (broken.limit, 0, G_MAXUINT),
                 trib_flow_answers_get_frequency_name (self));
  else if (g_strcmp0 (broken.name, "frequency") == 0)
    g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("The flow spec %s does not allow frequency “%s”."),
                 trib_flow_spec_get_name (flow_spec), trib_flow_answers_get_frequency_name (self));
  else
    g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                 _("The flow spec %s does not allow this schedule: check the frequency and the interval."),
                 trib_flow_spec_get_name (flow_spec));

  return FALSE;
}

/**
 * trib_flow_answers_check_step:
 * @self: a #TribFlowAnswers
 * @step: the wizard page to check
 * @error: a location for a #GError
 *
 * Checks the answers of one page of the wizard (%TRIB_FLOW_WIZARD_STEP_REVIEW
 * checks them all, and the flow's name). The schedule is checked against
 * #TribFlowAnswers:flow-spec's `scheduleSpec` when it is set.
 *
 * Returns: %TRUE if the page is complete; otherwise %FALSE with @error
 *   (%TRIB_ERROR_FAILED) saying, translated, what to change
 */
gboolean
trib_flow_answers_check_step (TribFlowAnswers     *self,
                              TribFlowWizardStep   step,
                              GError             **error)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (step)
    {
    case TRIB_FLOW_WIZARD_STEP_SOURCE:
      return check_source (self, error);
    case TRIB_FLOW_WIZARD_STEP_TARGET:
      return check_target (self, error);
    case TRIB_FLOW_WIZARD_STEP_MAPPING:
      return check_mapping (self, error);
    case TRIB_FLOW_WIZARD_STEP_SCHEDULE:
      return check_schedule (self, error);
    case TRIB_FLOW_WIZARD_STEP_REVIEW:
      if (!check_source (self, error) || !check_target (self, error) || !check_mapping (self, error) ||
          !check_schedule (self, error))
        return FALSE;
      if (is_blank (trib_flow_answers_get_flow_name (self)))
        return fail (error, _("Give the dataflow a name."));
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}
