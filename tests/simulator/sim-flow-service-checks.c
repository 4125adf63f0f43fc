/* sim-flow-service-checks.c
 *
 * What Flow Service checks in a request: `property=` filters on lists,
 * and auth params against an authSpec's JSON Schema.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-service"

#include "config.h"

#include <string.h>

#include "sim-flow-service-private.h"

/* Property filters */

/* `property=a==1,b!="x,y"`: conditions joined by commas outside quotes. */
GPtrArray *
flow_parse_property (const char *text)
{
  static const char * const ops[] = { "==", "!=", ">=", "<=", ">", "<" };
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  const char *start = text;

  for (const char *p = text; ; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  if (quoted)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      FlowCondition *condition = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (ops) && condition == NULL; j++)
        {
          const char *at = strstr (part, ops[j]);
          g_autofree char *value = NULL;
          gsize length;

          if (at == NULL || at == part)
            continue;
          value = g_strdup (at + strlen (ops[j]));
          length = strlen (value);
          if (length >= 2 && value[0] == '"' && value[length - 1] == '"')
            {
              memmove (value, value + 1, length - 2);
              value[length - 2] = '\0';
            }
          /* The condition and its strings are one block. */
          condition = g_malloc0 (sizeof (FlowCondition) + (at - part) + strlen (ops[j]) + strlen (value) + 3);
          condition->path = (char *) (condition + 1);
          memcpy (condition->path, part, at - part);
          condition->op = condition->path + (at - part) + 1;
          strcpy (condition->op, ops[j]);
          condition->value = condition->op + strlen (ops[j]) + 1;
          strcpy (condition->value, value);
        }
      if (condition == NULL)
        return NULL;
      g_ptr_array_add (conditions, condition);
    }

  return g_steal_pointer (&conditions);
}

static JsonNode *
get_path (JsonObject *object,
          const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (object == NULL || !(node = json_object_get_member (object, segments[i])))
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

static gboolean
matches_one (JsonObject          *object,
             const FlowCondition *condition)
{
  JsonNode *node = get_path (object, condition->path);
  int order;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_str_equal (condition->op, "!=");

  if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double have = json_node_get_double (node);
      double want = g_ascii_strtod (condition->value, NULL);

      order = (have > want) - (have < want);
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    order = g_strcmp0 (json_node_get_boolean (node) ? "true" : "false", condition->value);
  else
    order = g_strcmp0 (json_node_get_string (node), condition->value);

  if (g_str_equal (condition->op, "=="))
    return order == 0;
  if (g_str_equal (condition->op, "!="))
    return order != 0;
  if (g_str_equal (condition->op, ">="))
    return order >= 0;
  if (g_str_equal (condition->op, "<="))
    return order <= 0;
  if (g_str_equal (condition->op, ">"))
    return order > 0;
  return order < 0;
}

gboolean
flow_matches (JsonObject *object,
              GPtrArray  *conditions)
{
  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    if (!matches_one (object, g_ptr_array_index (conditions, i)))
      return FALSE;

  return TRUE;
}

/* Auth specs */

JsonObject *
flow_find_auth_spec (JsonObject *spec,
                     const char *spec_name)
{
  JsonArray *auth_specs = json_object_get_array_member (spec, "authSpec");

  for (guint i = 0; spec_name != NULL && i < json_array_get_length (auth_specs); i++)
    {
      JsonObject *auth_spec = json_array_get_object_element (auth_specs, i);

      if (g_strcmp0 (sim_json_get_string (auth_spec, "name"), spec_name) == 0)
        return auth_spec;
    }

  return NULL;
}

static const char *
type_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "string";
    case G_TYPE_BOOLEAN: return "boolean";
    case G_TYPE_INT64: return "integer";
    default: return "number";
    }
}

static gboolean
has_type (JsonNode   *node,
          const char *type)
{
  const char *actual = type_of (node);

  return g_str_equal (actual, type) || (g_str_equal (type, "number") && g_str_equal (actual, "integer"));
}

static char *
check_object (const char *auth_name,
              JsonObject *schema,
              JsonObject *params,
              const char *prefix,
              guint       depth);

/* JSON Schema draft-07, as much of it as the auth specs use: required,
 * type, pattern, enum, minLength, minimum, maximum and
 * additionalProperties. Messages name the parameter but never echo a
 * value: it may be a secret.
 *
 * Returns: (nullable): %NULL if @params are valid, else why not
 */
char *
flow_check_params (JsonObject *auth_spec,
                   JsonObject *params)
{
  return check_object (sim_json_get_string (auth_spec, "name"), json_object_get_object_member (auth_spec, "spec"),
                       params, "", 0);
}

/* One object of the params against its schema; a parameter nested in
 * an object is named by its path ("requestParameterOverride.scope").
 */
static char *
check_object (const char *auth_name,
              JsonObject *schema,
              JsonObject *params,
              const char *prefix,
              guint       depth)
{
  JsonObject *properties = json_object_get_object_member (schema, "properties");
  JsonArray *required = json_object_has_member (schema, "required")
                        ? json_object_get_array_member (schema, "required") : NULL;
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  g_autoptr(GList) names = json_object_get_members (params);

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);
      JsonNode *value = json_object_get_member (params, name);

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        return g_strdup_printf ("The required parameter '%s%s' of the authentication '%s' is missing.",
                                prefix, name, auth_name);
    }

  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *name = g_strconcat (prefix, l->data, NULL);
      JsonNode *value = json_object_get_member (params, l->data);
      JsonObject *property = properties != NULL && json_object_has_member (properties, l->data)
                             ? json_object_get_object_member (properties, l->data) : NULL;
      const char *type;
      const char *pattern;

      if (property == NULL)
        {
          if (additional != NULL && JSON_NODE_HOLDS_VALUE (additional) && !json_node_get_boolean (additional))
            return g_strdup_printf ("'%s' is not a parameter of the authentication '%s'.", name, auth_name);
          continue;
        }

      type = sim_json_get_string (property, "type");
      if (type != NULL && !has_type (value, type))
        return g_strdup_printf ("The parameter '%s' must be of type %s, not %s.", name, type, type_of (value));

      /* Objects in objects: as deep as a schema goes, within reason. */
      if (JSON_NODE_HOLDS_OBJECT (value) && json_object_has_member (property, "properties") && depth < 8)
        {
          g_autofree char *inner = g_strconcat (name, ".", NULL);
          char *problem = check_object (auth_name, property, json_node_get_object (value), inner, depth + 1);

          if (problem != NULL)
            return problem;
        }

      if (json_object_has_member (property, "enum"))
        {
          JsonArray *choices = json_object_get_array_member (property, "enum");
          g_autoptr(GString) list = g_string_new (NULL);
          gboolean found = FALSE;

          for (guint i = 0; i < json_array_get_length (choices); i++)
            {
              JsonNode *choice = json_array_get_element (choices, i);
              g_autofree char *text = json_to_string (choice, FALSE);

              found = found || json_node_equal (choice, value);
              g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", text);
            }
          if (!found)
            return g_strdup_printf ("The parameter '%s' must be one of %s.", name, list->str);
        }

      if (has_type (value, "string"))
        {
          const char *text = json_node_get_string (value);

          if (json_object_has_member (property, "minLength") &&
              (gint64) g_utf8_strlen (text, -1) < json_object_get_int_member (property, "minLength"))
            return g_strdup_printf ("The parameter '%s' must be at least %" G_GINT64_FORMAT " characters long.",
                                    name, json_object_get_int_member (property, "minLength"));

          if ((pattern = sim_json_get_string (property, "pattern")) != NULL &&
              !g_regex_match_simple (pattern, text, 0, 0))
            return g_strdup_printf ("The parameter '%s' does not match the pattern %s.", name, pattern);
        }

      if (has_type (value, "number"))
        {
          double number = json_node_get_double (value);

          if (json_object_has_member (property, "minimum") &&
              number < json_object_get_double_member (property, "minimum"))
            return g_strdup_printf ("The parameter '%s' must be at least %g.", name,
                                    json_object_get_double_member (property, "minimum"));
          if (json_object_has_member (property, "maximum") &&
              number > json_object_get_double_member (property, "maximum"))
            return g_strdup_printf ("The parameter '%s' must be at most %g.", name,
                                    json_object_get_double_member (property, "maximum"));
        }
    }

  return NULL;
}

/* `{items: […]}`, as the spec lookups answer, even for one. */
void
flow_reply_item_list (SimRequest *request,
                      GPtrArray  *objects)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < objects->len; i++)
    json_array_add_object_element (items, json_object_ref (g_ptr_array_index (objects, i)));
  json_object_set_array_member (object, "items", items);
  json_node_take_object (node, object);

  sim_request_reply_json (request, 200, node);
}

/* The objects of @all that the request's `property=` filter keeps. */
void
flow_reply_items (SimRequest *request,
                  JsonArray  *all)
{
  const char *property = sim_request_get_query (request, "property");
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (property != NULL && !(conditions = flow_parse_property (property)))
    {
      sim_flow_service_reply_error (request, "1100-400", "Invalid request",
                                    "The property filter '%s' is not valid: give field==value, field!=value, "
                                    "field>value or field<value, separated by commas.", property);
      return;
    }

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *object = json_array_get_object_element (all, i);

      if (flow_matches (object, conditions))
        g_ptr_array_add (kept, object);
    }

  flow_reply_item_list (request, kept);
}

/* Sets (@value) or removes (%NULL) the parameter at @pointer, a JSON
 * Pointer below /auth/params ("urlParams/path"), its segments unescaped
 * (~1 is "/", ~0 is "~"). A value may go where no object was yet (the
 * docs replace an optional parameter that was never set); a removal
 * needs something there.
 *
 * Returns: %FALSE if there is nothing to remove
 */
gboolean
flow_patch_param (JsonObject *params,
                  const char *pointer,
                  JsonNode   *value)
{
  g_auto(GStrv) segments = g_strsplit (pointer, "/", -1);
  guint n = g_strv_length (segments);
  JsonObject *object = params;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) segment = g_string_new (segments[i]);

      g_string_replace (segment, "~1", "/", 0);
      g_string_replace (segment, "~0", "~", 0);
      g_free (segments[i]);
      segments[i] = g_string_free (g_steal_pointer (&segment), FALSE);
    }

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *member = json_object_get_member (object, segments[i]);

      if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
        {
          if (value == NULL)
            return FALSE;
          json_object_set_object_member (object, segments[i], json_object_new ());
          member = json_object_get_member (object, segments[i]);
        }
      object = json_node_get_object (member);
    }

  if (value == NULL)
    {
      if (!json_object_has_member (object, segments[n - 1]))
        return FALSE;
      json_object_remove_member (object, segments[n - 1]);
    }
  else
    json_object_set_member (object, segments[n - 1], json_node_copy (value));

  return TRUE;
}
