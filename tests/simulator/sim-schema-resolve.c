/* sim-schema-resolve.c
 *
 * Resolving a Schema Registry resource into all its fields, as
 * `xed-full` asks, and the -notext and -desc variants.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-schema-registry-private.h"

/* Resolving follows $refs; real resources never nest this deep, a
 * cycle would.
 */
#define MAX_DEPTH 32

/* Resolving: one object with every field of a resource, its class's,
 * its field groups' and the data types they use merged in.
 */

typedef struct
{
  Container *tenant;
  guint depth;
} Resolver;

static JsonObject *resolve_field (Resolver   *resolver,
                                  JsonObject *field);
static void merge_part (Resolver   *resolver,
                        JsonObject *target,
                        JsonObject *part,
                        JsonObject *owner);

static void
merge_required (JsonObject *target,
                JsonArray  *required)
{
  JsonArray *into;

  if (required == NULL || json_array_get_length (required) == 0)
    return;

  if (registry_get_array (target, "required") == NULL)
    json_object_set_array_member (target, "required", json_array_new ());
  into = registry_get_array (target, "required");

  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      JsonNode *element = json_array_get_element (required, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        registry_add_unique (into, json_node_get_string (element));
    }
}

/* Two field groups may both add to one object, as every tenant field
 * group adds to _tenant: their fields are merged, the first one's text
 * kept.
 */
static void
merge_property (JsonObject *properties,
                const char *name,
                JsonNode   *node)
{
  JsonNode *existing = json_object_get_member (properties, name);
  JsonObject *into;
  JsonObject *from;
  JsonObjectIter iter;
  const char *child;
  JsonNode *child_node;

  if (existing == NULL)
    {
      json_object_set_member (properties, name, json_node_ref (node));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (existing) || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  into = json_node_get_object (existing);
  from = json_node_get_object (node);
  if (g_strcmp0 (registry_get_string (into, "type"), "array") == 0 && g_strcmp0 (registry_get_string (from, "type"), "array") == 0)
    {
      into = registry_get_object (into, "items");
      from = registry_get_object (from, "items");
    }
  if (registry_get_object (into, "properties") == NULL || registry_get_object (from, "properties") == NULL)
    return;

  json_object_iter_init_ordered (&iter, registry_get_object (from, "properties"));
  while (json_object_iter_next_ordered (&iter, &child, &child_node))
    merge_property (registry_get_object (into, "properties"), child, child_node);
  merge_required (into, registry_get_array (from, "required"));
}

static void
merge_properties (Resolver   *resolver,
                  JsonObject *target,
                  JsonObject *properties)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (registry_get_object (target, "properties") == NULL)
    json_object_set_object_member (target, "properties", json_object_new ());

  json_object_iter_init_ordered (&iter, properties);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autoptr(JsonObject) field = NULL;
      g_autoptr(JsonNode) resolved = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      field = resolve_field (resolver, json_node_get_object (node));
      resolved = json_node_init_object (json_node_alloc (), field);
      merge_property (registry_get_object (target, "properties"), name, resolved);
    }
}

static void
merge_all_of (Resolver   *resolver,
              JsonObject *target,
              JsonObject *part,
              JsonObject *owner)
{
  JsonArray *all_of = registry_get_array (part, "allOf");

  for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
    {
      JsonNode *element = json_array_get_element (all_of, i);
      JsonObject *entry;
      const char *ref;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = json_node_get_object (element);

      if ((ref = registry_get_string (entry, "$ref")) == NULL)
        merge_part (resolver, target, entry, owner);
      else if (g_str_has_prefix (ref, "#/definitions/"))
        {
          JsonObject *definition = registry_get_object (registry_get_object (owner, "definitions"),
                                                        ref + strlen ("#/definitions/"));

          if (definition != NULL)
            merge_part (resolver, target, definition, owner);
        }
      else
        {
          JsonObject *resource = registry_find_any (resolver->tenant, ref);

          if (resource != NULL)
            merge_part (resolver, target, resource, resource);
        }
    }
}

static void
merge_part (Resolver   *resolver,
            JsonObject *target,
            JsonObject *part,
            JsonObject *owner)
{
  JsonObject *properties;

  if (resolver->depth >= MAX_DEPTH)
    return;
  resolver->depth++;

  merge_all_of (resolver, target, part, owner);
  if ((properties = registry_get_object (part, "properties")))
    merge_properties (resolver, target, properties);
  merge_required (target, registry_get_array (part, "required"));

  resolver->depth--;
}

static JsonObject *
resolve_field (Resolver   *resolver,
               JsonObject *field)
{
  JsonObject *resolved = json_object_new ();
  const char *ref = registry_get_string (field, "$ref");
  JsonObject *data_type = ref != NULL ? registry_find_any (resolver->tenant, ref) : NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (data_type != NULL && resolver->depth < MAX_DEPTH)
    {
      /* The field's own title and description win over the data type's. */
      json_object_set_string_member (resolved, "type", "object");
      json_object_set_string_member (resolved, "meta:xdmType", "object");
      if (registry_get_string (field, "title") == NULL && registry_get_string (data_type, "title") != NULL)
        json_object_set_string_member (resolved, "title", registry_get_string (data_type, "title"));
      if (registry_get_string (field, "description") == NULL && registry_get_string (data_type, "description") != NULL)
        json_object_set_string_member (resolved, "description", registry_get_string (data_type, "description"));
      json_object_set_string_member (resolved, "meta:referencedFrom", ref);
    }

  json_object_iter_init_ordered (&iter, field);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_str_equal (name, "$ref") && data_type != NULL)
        continue;

      if (g_str_equal (name, "properties") && JSON_NODE_HOLDS_OBJECT (node))
        merge_properties (resolver, resolved, json_node_get_object (node));
      else if ((g_str_equal (name, "items") || g_str_equal (name, "additionalProperties")) &&
               JSON_NODE_HOLDS_OBJECT (node))
        {
          resolver->depth++;
          json_object_set_object_member (resolved, name, resolve_field (resolver, json_node_get_object (node)));
          resolver->depth--;
        }
      else if (!json_object_has_member (resolved, name))
        json_object_set_member (resolved, name, sim_xdm_deep_copy (node));
    }

  if (data_type != NULL && resolver->depth < MAX_DEPTH)
    {
      resolver->depth++;
      merge_part (resolver, resolved, data_type, data_type);
      resolver->depth--;
    }

  return resolved;
}

JsonObject *
registry_resolve (Container  *tenant,
                  JsonObject *resource)
{
  Resolver resolver = { tenant, 0 };
  g_autoptr(JsonObject) merged = json_object_new ();
  JsonObject *resolved = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  merge_part (&resolver, merged, resource, resource);

  json_object_iter_init_ordered (&iter, resource);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_str_equal (name, "allOf") && !g_str_equal (name, "definitions") &&
        !g_str_equal (name, "properties") && !g_str_equal (name, "required"))
      json_object_set_member (resolved, name, sim_xdm_deep_copy (node));

  if (registry_get_object (merged, "properties") == NULL)
    json_object_set_object_member (merged, "properties", json_object_new ());
  json_object_set_member (resolved, "properties", json_node_ref (json_object_get_member (merged, "properties")));
  if (json_object_has_member (merged, "required"))
    json_object_set_member (resolved, "required", json_node_ref (json_object_get_member (merged, "required")));

  return resolved;
}

/* The -notext and -desc variants drop the text of the resource and of
 * every field: a field named "title" is still a field.
 */
void
registry_strip_text (JsonObject *schema,
                     gboolean    titles,
                     gboolean    descriptions)
{
  static const char * const nested[] = { "properties", "definitions", "patternProperties", NULL };
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (titles)
    json_object_remove_member (schema, "title");
  if (descriptions)
    json_object_remove_member (schema, "description");

  json_object_iter_init_ordered (&iter, schema);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (nested, name) && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter fields;
          const char *field_name;
          JsonNode *field;

          json_object_iter_init_ordered (&fields, json_node_get_object (node));
          while (json_object_iter_next_ordered (&fields, &field_name, &field))
            if (JSON_NODE_HOLDS_OBJECT (field))
              registry_strip_text (json_node_get_object (field), titles, descriptions);
        }
      else if ((g_str_equal (name, "items") || g_str_equal (name, "additionalProperties")) &&
               JSON_NODE_HOLDS_OBJECT (node))
        registry_strip_text (json_node_get_object (node), titles, descriptions);
      else if (g_str_equal (name, "allOf") && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *all_of = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (all_of); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (all_of, i)))
              registry_strip_text (json_array_get_object_element (all_of, i), titles, descriptions);
        }
    }
}
