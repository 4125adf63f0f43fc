/* sim-schema-compose.c
 *
 * What the Schema Registry checks and builds when a schema, a class (an
 * ad hoc one too), a field group or a data type is created.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-schema-registry-private.h"

static gboolean validate_properties (Container   *tenant,
                                     const char  *path,
                                     JsonObject  *owner,
                                     GError     **error);

/* What the registry refuses in a field: a type JSON Schema has not, an
 * object without fields, an array without items, a $ref to nothing.
 */
static gboolean
validate_field (Container   *tenant,
                const char  *path,
                JsonNode    *node,
                GError     **error)
{
  static const char * const types[] = { "string", "integer", "number", "boolean", "object", "array", NULL };
  JsonObject *field;
  const char *type;
  const char *ref;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      registry_set_problem (error, PROBLEM_INVALID, "Field %s must be described by an object.", path);
      return FALSE;
    }
  field = json_node_get_object (node);

  if ((ref = registry_get_string (field, "$ref")) != NULL && ref[0] != '#')
    {
      JsonObject *target = registry_find_any (tenant, ref);

      if (target == NULL)
        {
          registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist (field %s).",
                                ref, path);
          return FALSE;
        }
      if (registry_resource_kind (target) != SIM_XDM_DATA_TYPE)
        {
          registry_set_problem (error, PROBLEM_INVALID, "Field %s refers to %s, which is not a data type.", path,
                                ref);
          return FALSE;
        }
      return TRUE;
    }
  if (ref != NULL)
    return TRUE;

  type = registry_get_string (field, "type");
  if (type == NULL)
    {
      registry_set_problem (error, PROBLEM_INVALID, "Field %s has no type; use one of string, integer, number, "
                            "boolean, object or array.", path);
      return FALSE;
    }
  if (!g_strv_contains (types, type))
    {
      registry_set_problem (error, PROBLEM_INVALID, "Field %s has the type %s, which XDM does not have; use one "
                            "of string, integer, number, boolean, object or array.", path, type);
      return FALSE;
    }

  if (g_str_equal (type, "array"))
    {
      g_autofree char *items_path = g_strconcat (path, "[]", NULL);
      JsonNode *items = json_object_get_member (field, "items");

      if (items == NULL)
        {
          registry_set_problem (error, PROBLEM_INVALID, "Field %s is an array without items.", path);
          return FALSE;
        }
      return validate_field (tenant, items_path, items, error);
    }

  if (g_str_equal (type, "object"))
    {
      JsonNode *values = json_object_get_member (field, "additionalProperties");

      if (values != NULL && JSON_NODE_HOLDS_OBJECT (values))
        {
          g_autofree char *values_path = g_strconcat (path, ".*", NULL);

          return validate_field (tenant, values_path, values, error);
        }
      if (registry_get_object (field, "properties") == NULL)
        {
          registry_set_problem (error, PROBLEM_INVALID, "Field %s is an object without properties.", path);
          return FALSE;
        }
      return validate_properties (tenant, path, field, error);
    }

  return TRUE;
}

static gboolean
validate_properties (Container   *tenant,
                     const char  *path,
                     JsonObject  *owner,
                     GError     **error)
{
  JsonObject *properties = registry_get_object (owner, "properties");
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (properties == NULL)
    {
      if (json_object_has_member (owner, "properties"))
        {
          registry_set_problem (error, PROBLEM_INVALID, "properties of %s must be an object.",
                                path != NULL ? path : "the resource");
          return FALSE;
        }
      return TRUE;
    }

  json_object_iter_init_ordered (&iter, properties);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *field_path = path != NULL ? g_strconcat (path, ".", name, NULL) : g_strdup (name);

      if (!registry_is_valid_field_name (name))
        {
          registry_set_problem (error, PROBLEM_INVALID, "Field name %s is not valid: use letters, digits and "
                                "underscores, not starting with a digit.", field_path);
          return FALSE;
        }
      if (!validate_field (tenant, field_path, node, error))
        return FALSE;
    }

  return TRUE;
}

static JsonObject *
ref_object_new (const char *ref)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "$ref", ref);
  json_object_set_string_member (object, "type", "object");
  json_object_set_string_member (object, "meta:xdmType", "object");

  return object;
}

/* The demo content comes with its $id and dates; what clients create
 * gets new ones.
 */
static JsonObject *
new_resource (Container         *tenant,
              const SimXdmOwner *owner,
              JsonObject        *body,
              SimXdmKind         kind,
              const char        *segment)
{
  JsonObject *metadata = registry_get_object (body, "meta:registryMetadata");
  g_autofree char *id = NULL;
  gint64 created_ms = g_get_real_time () / 1000;
  gint64 modified_ms = created_ms;

  if (registry_get_string (body, "$id") != NULL)
    id = g_strdup (registry_get_string (body, "$id"));
  else
    id = registry_new_id (tenant, segment, registry_get_string (body, "title"));

  if (metadata != NULL && json_object_has_member (metadata, "repo:createdDate"))
    {
      created_ms = json_object_get_int_member (metadata, "repo:createdDate");
      modified_ms = json_object_get_int_member_with_default (metadata, "repo:lastModifiedDate",
                                                             created_ms);
    }

  return sim_xdm_resource_new (owner, id, kind, registry_get_string (body, "title"),
                               registry_get_string (body, "description"), created_ms, modified_ms);
}

static JsonArray *
all_of_of (JsonObject  *body,
           const char  *what,
           GError     **error)
{
  JsonArray *all_of = registry_get_array (body, "allOf");

  if (all_of == NULL || json_array_get_length (all_of) == 0)
    {
      registry_set_problem (error, PROBLEM_INVALID, "allOf is required: %s.", what);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (all_of, i)))
      {
        registry_set_problem (error, PROBLEM_INVALID, "allOf[%u] must be an object.", i);
        return NULL;
      }

  return all_of;
}

JsonObject *
registry_compose_schema (Container          *tenant,
                         const SimXdmOwner  *owner,
                         JsonObject         *body,
                         GError            **error)
{
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  g_autoptr(GPtrArray) field_groups = g_ptr_array_new ();
  g_autoptr(JsonObject) schema = NULL;
  g_autoptr(JsonArray) stored_all_of = json_array_new ();
  g_autoptr(JsonArray) refs = json_array_new ();
  g_autoptr(JsonArray) extends = json_array_new ();
  JsonNode *tags_node = json_object_get_member (body, "meta:immutableTags");
  const char *meta_class = registry_get_string (body, "meta:class");
  JsonObject *class_resource;
  JsonArray *class_extends;
  JsonArray *all_of;

  if (!registry_check_title (tenant, body, SIM_XDM_SCHEMA, error))
    return NULL;

  if (!(all_of = all_of_of (body, "a schema is composed of one class and field groups, each "
                            "given as {\"$ref\": \"…\"}", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);
      const char *ref = registry_get_string (entry, "$ref");
      JsonObject *target;

      if (ref == NULL)
        {
          registry_set_problem (error, PROBLEM_INVALID, "allOf[%u] of a schema must be a {\"$ref\": \"…\"} to "
                                "a class or a field group.", i);
          return NULL;
        }
      if (!(target = registry_find_any (tenant, ref)))
        {
          registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }

      if (registry_resource_kind (target) == SIM_XDM_CLASS)
        {
          if (!g_ptr_array_find_with_equal_func (classes, ref, g_str_equal, NULL))
            g_ptr_array_add (classes, (gpointer) ref);
        }
      else if (registry_resource_kind (target) == SIM_XDM_FIELD_GROUP)
        {
          if (!g_ptr_array_find_with_equal_func (field_groups, ref, g_str_equal, NULL))
            g_ptr_array_add (field_groups, (gpointer) ref);
        }
      else
        {
          registry_set_problem (error, PROBLEM_INVALID, "%s is a %s resource; a schema's allOf references one "
                                "class and field groups only.", ref, registry_get_string (target, "meta:resourceType"));
          return NULL;
        }

      json_array_add_object_element (stored_all_of, ref_object_new (ref));
      registry_add_unique (refs, ref);
    }

  if (json_object_has_member (body, "meta:class") && meta_class == NULL)
    {
      registry_set_problem (error, PROBLEM_INVALID, "meta:class must be the $id of the schema's class.");
      return NULL;
    }
  if (meta_class != NULL && !g_ptr_array_find_with_equal_func (classes, meta_class, g_str_equal, NULL))
    {
      registry_set_problem (error, PROBLEM_INVALID, "meta:class %s is not a class among the schema's allOf "
                            "references.", meta_class);
      return NULL;
    }
  if (classes->len != 1)
    {
      registry_set_problem (error, PROBLEM_INVALID, "A schema must reference exactly one class in allOf; "
                            "it references %u.", classes->len);
      return NULL;
    }

  class_resource = registry_find_any (tenant, g_ptr_array_index (classes, 0));
  class_extends = registry_get_array (class_resource, "meta:extends");

  /* An empty list, or a behaviour, means any class of that behaviour. */
  for (guint i = 0; i < field_groups->len; i++)
    {
      const char *id = g_ptr_array_index (field_groups, i);
      JsonArray *intended = registry_get_array (registry_find_any (tenant, id), "meta:intendedToExtend");
      gboolean fits = intended == NULL || json_array_get_length (intended) == 0 ||
                      registry_array_contains_string (intended, g_ptr_array_index (classes, 0));

      for (guint j = 0; !fits && class_extends != NULL && j < json_array_get_length (class_extends); j++)
        fits = registry_array_contains_string (intended, json_array_get_string_element (class_extends, j));

      if (!fits)
        {
          registry_set_problem (error, PROBLEM_INCOMPATIBLE, "Field group %s is not compatible with class %s.",
                                id, (const char *) g_ptr_array_index (classes, 0));
          return NULL;
        }
    }

  if (tags_node != NULL &&
      (!JSON_NODE_HOLDS_ARRAY (tags_node) ||
       json_array_get_length (json_node_get_array (tags_node)) >
       (registry_array_contains_string (json_node_get_array (tags_node), "union") ? 1u : 0u)))
    {
      registry_set_problem (error, PROBLEM_INVALID, "meta:immutableTags may only hold \"union\".");
      return NULL;
    }

  /* As the registry does: the class's own bases, the class, the field groups. */
  for (guint i = 0; class_extends != NULL && i < json_array_get_length (class_extends); i++)
    registry_add_unique (extends, json_array_get_string_element (class_extends, i));
  registry_add_unique (extends, g_ptr_array_index (classes, 0));
  for (guint i = 0; i < field_groups->len; i++)
    registry_add_unique (extends, g_ptr_array_index (field_groups, i));

  schema = new_resource (tenant, owner, body, SIM_XDM_SCHEMA, "schemas");
  json_object_set_array_member (schema, "allOf", g_steal_pointer (&stored_all_of));
  json_object_set_array_member (schema, "refs", g_steal_pointer (&refs));
  json_object_set_array_member (schema, "meta:extends", g_steal_pointer (&extends));
  json_object_set_string_member (schema, "meta:class", g_ptr_array_index (classes, 0));
  if (tags_node != NULL)
    json_object_set_member (schema, "meta:immutableTags", sim_xdm_deep_copy (tags_node));

  return g_steal_pointer (&schema);
}

/* An ad hoc class's fields live under a namespace of its own, so that
 * datasets of different ad hoc classes never clash: the registry renames
 * `_adhoc` after the class.
 */
static gboolean
make_adhoc (JsonArray   *all_of,
            JsonObject  *class,
            GError     **error)
{
  const char *id = registry_get_string (class, "$id");
  g_autofree char *namespace = g_strconcat ("_", strrchr (id, '/') + 1, NULL);
  JsonObject *properties = NULL;
  JsonNode *adhoc;

  for (guint i = 0; i < json_array_get_length (all_of) && properties == NULL; i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);

      if (registry_get_string (entry, "$ref") == NULL && registry_get_object (entry, "properties") != NULL &&
          json_object_has_member (registry_get_object (entry, "properties"), "_adhoc"))
        properties = registry_get_object (entry, "properties");
    }

  if (properties == NULL || !registry_get_object (registry_get_object (properties, "_adhoc"), "properties"))
    {
      registry_set_problem (error, PROBLEM_INVALID, "An ad hoc class must define properties._adhoc, an object "
                            "whose properties are the fields of the data.");
      return FALSE;
    }
  if (json_object_get_size (properties) != 1)
    {
      registry_set_problem (error, PROBLEM_INVALID, "An ad hoc class may only define properties._adhoc.");
      return FALSE;
    }

  adhoc = sim_xdm_deep_copy (json_object_get_member (properties, "_adhoc"));
  json_object_remove_member (properties, "_adhoc");
  json_object_set_member (properties, namespace, adhoc);
  json_object_set_string_member (class, "meta:datasetNamespace", namespace);

  return TRUE;
}

JsonObject *
registry_compose_class (Container          *tenant,
                        const SimXdmOwner  *owner,
                        JsonObject         *body,
                        GError            **error)
{
  g_autoptr(JsonObject) class = NULL;
  g_autoptr(JsonArray) stored_all_of = json_array_new ();
  g_autoptr(JsonArray) extends = json_array_new ();
  JsonObject *definitions = registry_get_object (body, "definitions");
  const char *behavior = NULL;
  JsonArray *all_of;
  guint n_behaviors = 0;

  if (!registry_check_title (tenant, body, SIM_XDM_CLASS, error))
    return NULL;

  if (!(all_of = all_of_of (body, "a class references one behaviour and defines its fields", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);
      const char *ref = registry_get_string (entry, "$ref");
      JsonObject *target;

      if (ref == NULL)
        {
          if (!validate_properties (tenant, NULL, entry, error))
            return NULL;
          json_array_add_element (stored_all_of, sim_xdm_deep_copy (json_array_get_element (all_of, i)));
          continue;
        }

      if (g_str_has_prefix (ref, "#/definitions/"))
        {
          JsonObject *definition = registry_get_object (definitions, ref + strlen ("#/definitions/"));

          if (definition == NULL)
            {
              registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
              return NULL;
            }
          if (!validate_properties (tenant, NULL, definition, error))
            return NULL;
          json_array_add_element (stored_all_of, sim_xdm_deep_copy (json_array_get_element (all_of, i)));
          continue;
        }

      if (!(target = registry_find_any (tenant, ref)))
        {
          registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }
      if (registry_resource_kind (target) != SIM_XDM_BEHAVIOR)
        {
          registry_set_problem (error, PROBLEM_INVALID, "%s is a %s resource; a class's allOf references a "
                                "behaviour (record, time-series or adhoc) and defines fields inline.", ref,
                                registry_get_string (target, "meta:resourceType"));
          return NULL;
        }
      if (behavior == NULL || !g_str_equal (behavior, ref))
        n_behaviors++;
      behavior = ref;
      json_array_add_object_element (stored_all_of, ref_object_new (ref));
      registry_add_unique (extends, ref);
    }

  if (n_behaviors != 1)
    {
      registry_set_problem (error, PROBLEM_INVALID, "A class must reference exactly one behaviour (%s, %s or "
                            "%s) in allOf; it references %u.", SIM_XDM_RECORD, SIM_XDM_TIME_SERIES,
                            SIM_XDM_ADHOC, n_behaviors);
      return NULL;
    }

  class = new_resource (tenant, owner, body, SIM_XDM_CLASS, "classes");
  if (g_str_equal (behavior, SIM_XDM_ADHOC) && !make_adhoc (stored_all_of, class, error))
    return NULL;

  if (definitions != NULL)
    json_object_set_member (class, "definitions", sim_xdm_deep_copy (json_object_get_member (body, "definitions")));
  json_object_set_array_member (class, "allOf", g_steal_pointer (&stored_all_of));
  json_object_set_array_member (class, "meta:extends", g_steal_pointer (&extends));

  return g_steal_pointer (&class);
}

/* Field groups and data types keep their fields in `properties`, or
 * under `definitions` pulled in by allOf.
 */
JsonObject *
registry_compose_fields (Container          *tenant,
                         const SimXdmOwner  *owner,
                         JsonObject         *body,
                         SimXdmKind          kind,
                         GError            **error)
{
  g_autoptr(JsonObject) resource = NULL;
  g_autoptr(JsonArray) extends = json_array_new ();
  JsonObject *definitions = registry_get_object (body, "definitions");
  JsonArray *intended = registry_get_array (body, "meta:intendedToExtend");
  JsonArray *all_of = registry_get_array (body, "allOf");
  const char *segment = kind == SIM_XDM_FIELD_GROUP ? "mixins" : "datatypes";
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!registry_check_title (tenant, body, kind, error))
    return NULL;

  if (definitions == NULL && registry_get_object (body, "properties") == NULL)
    {
      registry_set_problem (error, PROBLEM_INVALID, "The fields must be given as properties, or as definitions "
                            "that allOf references.");
      return NULL;
    }

  if (!validate_properties (tenant, NULL, body, error))
    return NULL;
  if (definitions != NULL)
    {
      json_object_iter_init_ordered (&iter, definitions);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!JSON_NODE_HOLDS_OBJECT (node) ||
            !validate_properties (tenant, NULL, json_node_get_object (node), error))
          {
            if (error != NULL && *error == NULL)
              registry_set_problem (error, PROBLEM_INVALID, "definitions.%s must be an object.", name);
            return NULL;
          }
    }

  for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
    {
      JsonNode *element = json_array_get_element (all_of, i);
      const char *ref = JSON_NODE_HOLDS_OBJECT (element) ? registry_get_string (json_node_get_object (element), "$ref")
                                                         : NULL;

      if (ref == NULL)
        {
          registry_set_problem (error, PROBLEM_INVALID, "allOf[%u] must be a {\"$ref\": \"…\"}.", i);
          return NULL;
        }
      if (g_str_has_prefix (ref, "#/definitions/"))
        {
          if (registry_get_object (definitions, ref + strlen ("#/definitions/")) == NULL)
            {
              registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
              return NULL;
            }
        }
      else if (registry_find_any (tenant, ref) == NULL)
        {
          registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }
      else if (registry_resource_kind (registry_find_any (tenant, ref)) != SIM_XDM_DATA_TYPE)
        {
          registry_set_problem (error, PROBLEM_INVALID, "%s is not a data type; allOf may only reference "
                                "data types and definitions.", ref);
          return NULL;
        }
      else
        registry_add_unique (extends, ref);
    }

  for (guint i = 0; kind == SIM_XDM_FIELD_GROUP && intended != NULL && i < json_array_get_length (intended); i++)
    {
      const char *class_id = json_array_get_string_element (intended, i);
      JsonObject *class = registry_find_any (tenant, class_id);

      if (class == NULL || (registry_resource_kind (class) != SIM_XDM_CLASS && registry_resource_kind (class) != SIM_XDM_BEHAVIOR))
        {
          registry_set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist or is not a "
                                "class (meta:intendedToExtend).", class_id != NULL ? class_id : "(not a string)");
          return NULL;
        }
    }

  resource = new_resource (tenant, owner, body, kind, segment);
  if (definitions != NULL)
    json_object_set_member (resource, "definitions",
                            sim_xdm_deep_copy (json_object_get_member (body, "definitions")));
  if (registry_get_object (body, "properties") != NULL)
    json_object_set_member (resource, "properties",
                            sim_xdm_deep_copy (json_object_get_member (body, "properties")));
  if (all_of != NULL)
    json_object_set_member (resource, "allOf", sim_xdm_deep_copy (json_object_get_member (body, "allOf")));
  if (kind == SIM_XDM_FIELD_GROUP)
    json_object_set_member (resource, "meta:intendedToExtend",
                            intended != NULL ? sim_xdm_deep_copy (json_object_get_member (body, "meta:intendedToExtend"))
                                             : json_node_init_array (json_node_alloc (), json_array_new ()));
  json_object_set_array_member (resource, "meta:extends", g_steal_pointer (&extends));

  return g_steal_pointer (&resource);
}
