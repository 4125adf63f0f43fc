/* trib-flow-plan-data.c
 *
 * A plan as data: the placeholders of its bodies filled with the ids
 * earlier steps made, the plan to and from the journal's JSON, and the
 * whole plan as `curl` commands (through TribRequestRecord, so secrets
 * are placeholders exactly as in the request log).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-plan-private.h"
#include "trib-request-record.h"

/* "{{step3.id}}" → 2, "id", FALSE; "{{step4.version:string}}" → 3, "version", TRUE */
static gboolean
parse_placeholder (const char  *text,
                   guint       *index,
                   const char **what,
                   gboolean    *as_string)
{
  const char *p;
  char *end;
  guint64 number;

  if (!g_str_has_prefix (text, "{{step") || !g_str_has_suffix (text, "}}"))
    return FALSE;
  p = text + strlen ("{{step");
  number = g_ascii_strtoull (p, &end, 10);
  if (end == p || number == 0 || number > G_MAXUINT || *end != '.')
    return FALSE;
  *index = number - 1;
  end++;
  if (g_str_equal (end, "id}}"))
    *what = "id", *as_string = TRUE;
  else if (g_str_equal (end, "version}}"))
    *what = "version", *as_string = FALSE;
  else if (g_str_equal (end, "version:string}}"))
    *what = "version", *as_string = TRUE;
  else if (g_str_equal (end, "namespace}}"))
    *what = "namespace", *as_string = TRUE;
  else
    return FALSE;

  return TRUE;
}

static JsonNode *
resolve_value (TribFlowPlan  *self,
               const char    *text,
               GError       **error)
{
  TribFlowStep *step;
  const char *what;
  gboolean as_string;
  guint index;
  int version;

  if (!parse_placeholder (text, &index, &what, &as_string))
    return NULL;

  if (index >= trib_flow_plan_get_n_steps (self) ||
      trib_flow_step_get_created_id (step = trib_flow_plan_get_step (self, index)) == NULL)
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                   /* Translators: %u is the number of a step of the setup */
                   _("Step %u has not made what a later step needs."), index + 1);
      return json_node_new (JSON_NODE_NULL);
    }

  if (g_str_equal (what, "id"))
    return json_node_init_string (json_node_alloc (), trib_flow_step_get_created_id (step));
  if (g_str_equal (what, "namespace"))
    {
      if (_trib_flow_step_get_created_namespace (step) == NULL)
        {
          g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                       _("Step %u has not made what a later step needs."), index + 1);
          return json_node_new (JSON_NODE_NULL);
        }
      return json_node_init_string (json_node_alloc (), _trib_flow_step_get_created_namespace (step));
    }

  version = MAX (_trib_flow_step_get_created_version (step), 0);
  if (as_string)
    {
      g_autofree char *number = g_strdup_printf ("%d", version);

      return json_node_init_string (json_node_alloc (), number);
    }

  return json_node_init_int (json_node_alloc (), version);
}

/* A text with placeholders inside it, such as a mapping's destination
 * "{{step1.namespace}}.OrderID": each is replaced by its text.
 */
static JsonNode *
resolve_within (TribFlowPlan  *self,
                const char    *text,
                GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  const char *open;

  while ((open = strstr (p, "{{step")) != NULL)
    {
      const char *close = strstr (open, "}}");
      g_autofree char *placeholder = NULL;
      g_autoptr(JsonNode) value = NULL;

      if (close == NULL)
        break;
      g_string_append_len (out, p, open - p);
      placeholder = g_strndup (open, close + 2 - open);
      value = resolve_value (self, placeholder, error);
      if (value != NULL && json_node_get_value_type (value) == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (value));
      else if (value != NULL && json_node_get_value_type (value) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        g_string_append (out, placeholder);
      p = close + 2;
    }
  g_string_append (out, p);

  return json_node_init_string (json_node_alloc (), out->str);
}

static JsonNode *
resolve_node (TribFlowPlan  *self,
              JsonNode      *node,
              GError       **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (copy, l->data, resolve_node (self, json_object_get_member (object, l->data), error));

      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, resolve_node (self, json_array_get_element (array, i), error));

      return json_node_init_array (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      JsonNode *resolved;

      if (g_str_has_prefix (text, "{{secret:") && g_str_has_suffix (text, "}}"))
        {
          g_autofree char *key = g_strndup (text + strlen ("{{secret:"), strlen (text) - strlen ("{{secret:}}"));
          const char *secret = _trib_flow_plan_get_secret (self, key);

          if (secret != NULL)
            return json_node_init_string (json_node_alloc (), secret);
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                                 _("The new account’s secrets are kept in memory only, and are gone: roll back, "
                                   "then set up the export again."));
          return json_node_new (JSON_NODE_NULL);
        }

      resolved = resolve_value (self, text, error);

      if (resolved != NULL)
        return resolved;
      if (strstr (text, "{{step") != NULL)
        return resolve_within (self, text, error);
    }

  return json_node_copy (node);
}

/* The template with every placeholder filled; %NULL with @error when an
 * earlier step has not made what it names.
 */
JsonNode *
_trib_flow_plan_resolve (TribFlowPlan  *self,
                         JsonNode      *template,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) resolved = NULL;

  if (template == NULL)
    return NULL;

  resolved = resolve_node (self, template, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&resolved);
}

/* A text that is one placeholder (a tie), or the text itself. */
char *
_trib_flow_plan_resolve_string (TribFlowPlan  *self,
                                const char    *text,
                                GError       **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = resolve_value (self, text, error);
  if (node == NULL)
    return g_strdup (text);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

JsonNode *
_trib_flow_plan_to_json (TribFlowPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, TRIB_FLOW_PLAN_FORMAT);
  json_builder_set_member_name (builder, "setupId");
  json_builder_add_string_value (builder, trib_flow_plan_get_setup_id (self));
  json_builder_set_member_name (builder, "sandbox");
  json_builder_add_string_value (builder, trib_flow_plan_get_sandbox (self));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, trib_flow_plan_get_title (self));
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < trib_flow_plan_get_n_steps (self); i++)
    _trib_flow_step_to_json (trib_flow_plan_get_step (self, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * trib_flow_plan_to_curl:
 * @self: a #TribFlowPlan
 * @profile: the account whose platform URL and organization the calls use
 *
 * The whole plan as a shell script of `curl` commands, in order, with
 * `$ACCESS_TOKEN` and `$API_KEY` where the credentials go and
 * `{{stepN.id}}` where an earlier step's answer goes.
 *
 * Returns: (transfer full): the commands
 */
char *
trib_flow_plan_to_curl (TribFlowPlan *self,
                        TribProfile  *profile)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (self), NULL);
  g_return_val_if_fail (TRIB_IS_PROFILE (profile), NULL);

  for (guint i = 0; i < trib_flow_plan_get_n_steps (self); i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self, i);
      g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), trib_flow_step_get_path (step),
                                          NULL);
      g_autoptr(TribRequestRecord) record = trib_request_record_new (trib_flow_step_get_method (step), url);
      g_autofree char *body = NULL;
      g_autofree char *curl = NULL;

      /* The values are never shown: the record puts placeholders there. */
      trib_request_record_add_header (record, "Authorization", "Bearer token");
      trib_request_record_add_header (record, "x-api-key", "key");
      trib_request_record_add_header (record, "x-gw-ims-org-id", trib_profile_get_org_id (profile));
      trib_request_record_add_header (record, "x-sandbox-name", trib_flow_plan_get_sandbox (self));
      if ((body = trib_flow_step_dup_body_text (step)) != NULL)
        {
          trib_request_record_add_header (record, "Content-Type", "application/json");
          trib_request_record_set_body (record, "application/json", body, strlen (body));
        }
      curl = trib_request_record_dup_curl (record);
      /* A body too large for the record has no command: say so, not "(null)". */
      g_string_append_printf (out, "# %u. %s\n%s\n\n", i + 1, trib_flow_step_get_title (step),
                              curl != NULL ? curl : "# …");
    }

  return g_string_free (out, FALSE);
}

TribFlowPlan *
_trib_flow_plan_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(TribFlowPlan) plan = g_object_new (TRIB_TYPE_FLOW_PLAN, NULL);
  JsonNode *steps = json_object_get_member (object, "steps");
  JsonArray *array;

  if (json_object_get_int_member_with_default (object, "format", 0) != TRIB_FLOW_PLAN_FORMAT ||
      json_object_get_string_member_with_default (object, "setupId", NULL) == NULL ||
      steps == NULL || !JSON_NODE_HOLDS_ARRAY (steps))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("The interrupted setup’s record is damaged or from another version."));
      return NULL;
    }

  _trib_flow_plan_set_header (plan, json_object_get_string_member (object, "setupId"),
                              json_object_get_string_member_with_default (object, "sandbox", NULL),
                              json_object_get_string_member_with_default (object, "title", NULL));
  array = json_node_get_array (steps);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      TribFlowStep *step;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !(step = _trib_flow_step_new_from_json (json_node_get_object (node), i, error)))
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                                 _("The interrupted setup’s record is damaged or from another version."));
          return NULL;
        }
      _trib_flow_plan_add_step (plan, step);
    }

  return g_steal_pointer (&plan);
}
