/* sim-xdm.c
 *
 * XDM resources in the stored form (`application/vnd.adobe.xed+json`):
 * their kinds, ids and registry metadata, and fields written from a
 * compact description of their path and type.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-xdm-library"

#include "config.h"

#include <string.h>

#include "sim-xdm-library-private.h"

static const char * const resource_types[SIM_XDM_N_KINDS] = {
  [SIM_XDM_SCHEMA] = "schemas",
  [SIM_XDM_CLASS] = "classes",
  [SIM_XDM_FIELD_GROUP] = "mixins",
  [SIM_XDM_DATA_TYPE] = "datatypes",
  [SIM_XDM_BEHAVIOR] = "behaviors",
};

const char *
sim_xdm_kind_resource_type (SimXdmKind kind)
{
  g_return_val_if_fail (kind < SIM_XDM_N_KINDS, NULL);

  return resource_types[kind];
}

/* The path segment of a listing: "mixins" is the old name of field groups. */
gboolean
sim_xdm_kind_from_segment (const char *segment,
                           SimXdmKind *kind)
{
  if (g_strcmp0 (segment, "fieldgroups") == 0)
    segment = "mixins";

  for (guint i = 0; i < SIM_XDM_N_KINDS; i++)
    if (g_strcmp0 (segment, resource_types[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
sim_xdm_kind_from_resource (JsonObject *resource,
                            SimXdmKind *kind)
{
  JsonNode *node = json_object_get_member (resource, "meta:resourceType");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (node), "fieldgroups") != 0 &&
         sim_xdm_kind_from_segment (json_node_get_string (node), kind);
}

/**
 * sim_xdm_alt_id:
 * @id: a `$id` such as `https://ns.adobe.com/xdm/context/profile`
 *
 * Returns: (transfer full): its `meta:altId`, `_xdm.context.profile`
 */
char *
sim_xdm_alt_id (const char *id)
{
  const char *rest = id;
  g_autofree char *dotted = NULL;

  if (g_str_has_prefix (rest, "https://"))
    rest += strlen ("https://");
  else if (g_str_has_prefix (rest, "http://"))
    rest += strlen ("http://");
  if (strchr (rest, '/') != NULL)
    rest = strchr (rest, '/') + 1;

  dotted = g_strdelimit (g_strdup (rest), "/", '.');

  return g_strconcat ("_", dotted, NULL);
}

/**
 * sim_xdm_deep_copy:
 *
 * json_node_copy () shares the objects and arrays it copies; stored
 * resources must not change when a reply made from them does.
 *
 * Returns: (transfer full): a copy of @node sharing nothing with it
 */
JsonNode *
sim_xdm_deep_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonObject) copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (copy, name, sim_xdm_deep_copy (member));

      return json_node_init_object (json_node_alloc (), copy);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(JsonArray) copy = json_array_new ();
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, sim_xdm_deep_copy (json_array_get_element (array, i)));

      return json_node_init_array (json_node_alloc (), copy);
    }

  return json_node_copy (node);
}

JsonObject *
xdm_registry_metadata_new (const SimXdmOwner *owner,
                           const char        *id,
                           gint64             created_ms,
                           gint64             modified_ms)
{
  JsonObject *metadata = json_object_new ();
  g_autofree char *seed = g_strdup_printf ("%s %" G_GINT64_FORMAT, id, modified_ms);
  g_autofree char *etag = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  const char *client_id = owner->client_id != NULL ? owner->client_id : "acp_xdm_globalLibrary";
  const char *user_id = owner->user_id != NULL ? owner->user_id : "acp_xdm_globalLibrary@AdobeID";

  json_object_set_int_member (metadata, "repo:createdDate", created_ms);
  json_object_set_int_member (metadata, "repo:lastModifiedDate", modified_ms);
  json_object_set_string_member (metadata, "xdm:createdClientId", client_id);
  json_object_set_string_member (metadata, "xdm:lastModifiedClientId", client_id);
  json_object_set_string_member (metadata, "xdm:createdUserId", user_id);
  json_object_set_string_member (metadata, "xdm:lastModifiedUserId", user_id);
  json_object_set_string_member (metadata, "eTag", etag);

  return metadata;
}

/**
 * sim_xdm_resource_new:
 * @owner: the tenant, or one with a %NULL tenant_id for the global container
 *
 * Returns: (transfer full): a resource with the members every stored
 *   resource has, in the registry's order; the caller adds the rest
 */
JsonObject *
sim_xdm_resource_new (const SimXdmOwner *owner,
                      const char        *id,
                      SimXdmKind         kind,
                      const char        *title,
                      const char        *description,
                      gint64             created_ms,
                      gint64             modified_ms)
{
  JsonObject *resource = json_object_new ();
  g_autofree char *alt_id = sim_xdm_alt_id (id);

  json_object_set_string_member (resource, "$id", id);
  json_object_set_string_member (resource, "meta:altId", alt_id);
  json_object_set_string_member (resource, "meta:resourceType", resource_types[kind]);
  json_object_set_string_member (resource, "version", "1.0");
  json_object_set_string_member (resource, "title", title);
  json_object_set_string_member (resource, "type", "object");
  json_object_set_string_member (resource, "description", description != NULL ? description : "");
  if (owner->tenant_id != NULL)
    json_object_set_string_member (resource, "imsOrg", owner->org_id);
  json_object_set_boolean_member (resource, "meta:extensible", kind != SIM_XDM_SCHEMA);
  json_object_set_boolean_member (resource, "meta:abstract", kind != SIM_XDM_SCHEMA);
  json_object_set_string_member (resource, "meta:xdmType", "object");
  json_object_set_object_member (resource, "meta:registryMetadata",
                                 xdm_registry_metadata_new (owner, id, created_ms, modified_ms));
  json_object_set_string_member (resource, "meta:containerId",
                                 owner->tenant_id != NULL ? "tenant" : "global");
  if (owner->tenant_id != NULL)
    {
      g_autofree char *namespace = g_strconcat ("_", owner->tenant_id, NULL);

      json_object_set_string_member (resource, "meta:tenantNamespace", namespace);
    }

  return resource;
}

JsonArray *
xdm_strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

JsonObject *
xdm_ensure_object (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    json_object_set_object_member (object, member, json_object_new ());

  return json_object_get_object_member (object, member);
}

/* "webPageDetails" reads "Web page details"; acronyms such as URL stay. */
static char *
title_from_name (const char *name)
{
  GString *title = g_string_new (NULL);

  if (name[0] == '_')
    return g_string_free (g_string_append (title, name), FALSE);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (p == name)
        g_string_append_c (title, g_ascii_toupper (*p));
      else if (g_ascii_isupper (*p) && g_ascii_islower (p[-1]))
        {
          g_string_append_c (title, ' ');
          g_string_append_c (title, g_ascii_isupper (p[1]) || p[1] == '\0' ? *p : g_ascii_tolower (*p));
        }
      else
        g_string_append_c (title, *p);
    }

  return g_string_free (title, FALSE);
}

static JsonObject *
object_type_new (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "type", "object");
  json_object_set_string_member (object, "meta:xdmType", "object");

  return object;
}

static JsonObject *type_new (const char *type);

/* identityMap: namespace → the identities in it. */
static JsonObject *
identity_map_new (void)
{
  JsonObject *map = json_object_new ();
  JsonObject *values = json_object_new ();
  JsonObject *identity = object_type_new ();

  sim_xdm_add_field (identity, "id", "string", "Identifier",
                     "Identity of the consumer in the related namespace.");
  sim_xdm_add_field (identity, "authenticatedState", "string{ambiguous,authenticated,loggedOut}",
                     "Authenticated state", "The state this identity is authenticated as.");
  sim_xdm_add_field (identity, "primary", "boolean", "Primary",
                     "Indicates this identity is the preferred identity.");

  json_object_set_string_member (values, "type", "array");
  json_object_set_object_member (values, "items", identity);

  json_object_set_string_member (map, "type", "object");
  json_object_set_string_member (map, "meta:xdmType", "map");
  json_object_set_object_member (map, "additionalProperties", values);

  return map;
}

/* @type is an XDM type (string, int, long, short, byte, number, boolean,
 * date, date-time), or uri or email (strings with that format), or "@"
 * and a data type's $id; "{a,b}" after it lists the allowed values, "[]"
 * makes an array of it, "map<T>" a map of T, and "map<identity>" an
 * identity map.
 */
static JsonObject *
type_new (const char *type)
{
  g_autofree char *base = NULL;
  JsonObject *field;
  const char *brace;

  if (g_str_equal (type, "map<identity>"))
    return identity_map_new ();

  if (g_str_has_prefix (type, "map<") && g_str_has_suffix (type, ">"))
    {
      g_autofree char *value_type = g_strndup (type + 4, strlen (type) - 5);

      field = json_object_new ();
      json_object_set_string_member (field, "type", "object");
      json_object_set_string_member (field, "meta:xdmType", "map");
      json_object_set_object_member (field, "additionalProperties", type_new (value_type));
      return field;
    }

  if (g_str_has_suffix (type, "[]"))
    {
      g_autofree char *item_type = g_strndup (type, strlen (type) - 2);

      field = json_object_new ();
      json_object_set_string_member (field, "type", "array");
      json_object_set_object_member (field, "items", type_new (item_type));
      return field;
    }

  if (type[0] == '@')
    {
      field = json_object_new ();
      json_object_set_string_member (field, "$ref", type + 1);
      json_object_set_string_member (field, "type", "object");
      json_object_set_string_member (field, "meta:xdmType", "object");
      return field;
    }

  brace = strchr (type, '{');
  base = brace != NULL ? g_strndup (type, brace - type) : g_strdup (type);
  field = json_object_new ();

  if (g_str_equal (base, "int") || g_str_equal (base, "long") || g_str_equal (base, "short") ||
      g_str_equal (base, "byte"))
    {
      static const struct { const char *name; gint64 min; gint64 max; } ranges[] = {
        { "int", G_MININT32, G_MAXINT32 },
        { "long", G_GINT64_CONSTANT (-9007199254740991), G_GINT64_CONSTANT (9007199254740991) },
        { "short", G_MININT16, G_MAXINT16 },
        { "byte", G_MININT8, G_MAXINT8 },
      };

      json_object_set_string_member (field, "type", "integer");
      json_object_set_string_member (field, "meta:xdmType", base);
      for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
        if (g_str_equal (base, ranges[i].name))
          {
            json_object_set_int_member (field, "minimum", ranges[i].min);
            json_object_set_int_member (field, "maximum", ranges[i].max);
          }
    }
  else if (g_str_equal (base, "number") || g_str_equal (base, "boolean"))
    {
      json_object_set_string_member (field, "type", base);
      json_object_set_string_member (field, "meta:xdmType", base);
    }
  else if (g_str_equal (base, "date") || g_str_equal (base, "date-time"))
    {
      json_object_set_string_member (field, "type", "string");
      json_object_set_string_member (field, "format", base);
      json_object_set_string_member (field, "meta:xdmType", base);
    }
  else if (g_str_equal (base, "uri") || g_str_equal (base, "email"))
    {
      json_object_set_string_member (field, "type", "string");
      json_object_set_string_member (field, "format", g_str_equal (base, "uri") ? "uri-reference" : "email");
      json_object_set_string_member (field, "meta:xdmType", "string");
    }
  else
    {
      g_assert (g_str_equal (base, "string"));
      json_object_set_string_member (field, "type", "string");
      json_object_set_string_member (field, "meta:xdmType", "string");
    }

  if (brace != NULL)
    {
      g_autofree char *list = g_strndup (brace + 1, strlen (brace) - 2);
      g_auto(GStrv) values = g_strsplit (list, ",", -1);

      json_object_set_array_member (field, "enum", xdm_strv_to_array ((const char * const *) values));
    }

  return field;
}

static void
add_required (JsonObject *owner,
              const char *name)
{
  JsonNode *node = json_object_get_member (owner, "required");
  JsonArray *required;

  if (node == NULL)
    json_object_set_array_member (owner, "required", json_array_new ());
  required = json_object_get_array_member (owner, "required");

  for (guint i = 0; i < json_array_get_length (required); i++)
    if (g_strcmp0 (json_array_get_string_element (required, i), name) == 0)
      return;

  json_array_add_string_element (required, name);
}

static void
set_text (JsonObject *field,
          const char *name,
          const char *title,
          const char *description)
{
  g_autofree char *made = title == NULL ? title_from_name (name) : NULL;

  json_object_set_string_member (field, "title", title != NULL ? title : made);
  if (description != NULL)
    json_object_set_string_member (field, "description", description);
}

/**
 * sim_xdm_add_field:
 * @owner: an object schema, which gets a `properties` member if need be
 * @path: dot-separated names; a name may start with "!" (required in
 *   its parent) and end with "[]" (an array of objects)
 * @type: (nullable): see type_new (); %NULL or "object" for an object
 * @title: (nullable): the title, or %NULL to make one from the name
 * @description: (nullable): the description
 *
 * Adds a field, and the objects on its way that are not there yet.
 */
void
sim_xdm_add_field (JsonObject *owner,
                   const char *path,
                   const char *type,
                   const char *title,
                   const char *description)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *segment = segments[i];
      gboolean last = segments[i + 1] == NULL;
      gboolean required = segment[0] == '!';
      JsonObject *properties = xdm_ensure_object (owner, "properties");
      g_autofree char *name = NULL;
      JsonObject *field = NULL;
      gboolean array;

      if (required)
        segment++;
      array = g_str_has_suffix (segment, "[]");
      name = g_strndup (segment, strlen (segment) - (array ? 2 : 0));
      if (required)
        add_required (owner, name);

      if (last && !array && type != NULL && !g_str_equal (type, "object"))
        {
          field = type_new (type);
          set_text (field, name, title, description);
          json_object_set_object_member (properties, name, field);
          return;
        }

      if (json_object_has_member (properties, name))
        field = json_object_get_object_member (properties, name);

      if (field == NULL)
        {
          g_autofree char *made = title_from_name (name);

          if (array)
            {
              field = json_object_new ();
              json_object_set_string_member (field, "type", "array");
              json_object_set_string_member (field, "title", made);
              json_object_set_object_member (field, "items", object_type_new ());
            }
          else
            {
              field = object_type_new ();
              json_object_set_string_member (field, "title", made);
            }
          json_object_set_object_member (properties, name, field);
        }

      if (last)
        set_text (field, name, title, description);

      owner = array ? json_object_get_object_member (field, "items") : field;
    }
}

void
xdm_add_fields (JsonObject  *owner,
                const Field *fields,
                gsize        n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    sim_xdm_add_field (owner, fields[i].path, fields[i].type, fields[i].title,
                       fields[i].description);
}

/* The data types a definition refers to, which the registry lists in
 * `meta:extends` of a field group.
 */
void
xdm_collect_refs (JsonNode  *node,
                  GPtrArray *refs)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        xdm_collect_refs (json_array_get_element (array, i), refs);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (g_str_equal (name, "$ref") && JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING &&
              !g_str_has_prefix (json_node_get_string (member), "#") &&
              !g_ptr_array_find_with_equal_func (refs, json_node_get_string (member), g_str_equal, NULL))
            g_ptr_array_add (refs, (gpointer) json_node_get_string (member));
          else
            xdm_collect_refs (member, refs);
        }
    }
}

static JsonObject *
library_add (Library    *library,
             const char *id,
             SimXdmKind  kind,
             const char *title,
             const char *description)
{
  JsonObject *resource = sim_xdm_resource_new (library->owner, id, kind, title, description,
                                               library->created_ms, library->modified_ms);

  library->created_ms += DAY_MS;
  g_ptr_array_add (library->resources, resource);

  return resource;
}

void
xdm_add_behavior (Library     *library,
                  const char  *id,
                  const char  *title,
                  const char  *description,
                  const Field *fields,
                  gsize        n_fields)
{
  JsonObject *behavior = library_add (library, id, SIM_XDM_BEHAVIOR, title, description);

  json_object_set_array_member (behavior, "meta:extends", json_array_new ());
  xdm_add_fields (behavior, fields, n_fields);
}

void
xdm_add_data_type (Library     *library,
                   const char  *id,
                   const char  *title,
                   const char  *description,
                   const Field *fields,
                   gsize        n_fields)
{
  JsonObject *data_type = library_add (library, id, SIM_XDM_DATA_TYPE, title, description);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;

  xdm_add_fields (data_type, fields, n_fields);

  node = json_node_init_object (json_node_alloc (), xdm_ensure_object (data_type, "properties"));
  xdm_collect_refs (node, refs);
  g_ptr_array_add (refs, NULL);
  json_object_set_array_member (data_type, "meta:extends",
                                xdm_strv_to_array ((const char * const *) refs->pdata));
}

/* A class or field group keeps its fields under `definitions`, pulled in
 * by allOf after the resources it builds on, as Adobe's do.
 */
JsonObject *
xdm_add_composed (Library            *library,
                  const char         *id,
                  SimXdmKind          kind,
                  const char         *title,
                  const char         *description,
                  const char * const *bases,
                  const char * const *intended_to_extend,
                  const char         *definition_name,
                  const Field        *fields,
              gsize               n_fields)
{
  JsonObject *resource = library_add (library, id, kind, title, description);
  g_autoptr(JsonObject) definition = json_object_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *local_ref = g_strconcat ("#/definitions/", definition_name, NULL);
  JsonObject *definitions = json_object_new ();
  JsonArray *all_of = json_array_new ();

  xdm_add_fields (definition, fields, n_fields);
  json_object_set_object_member (definitions, definition_name, json_object_ref (definition));
  json_object_set_object_member (resource, "definitions", definitions);

  for (guint i = 0; bases != NULL && bases[i] != NULL; i++)
    {
      JsonObject *ref = json_object_new ();

      json_object_set_string_member (ref, "$ref", bases[i]);
      json_array_add_object_element (all_of, ref);
      g_ptr_array_add (refs, (gpointer) bases[i]);
    }
  {
    JsonObject *ref = json_object_new ();

    json_object_set_string_member (ref, "$ref", local_ref);
    json_array_add_object_element (all_of, ref);
  }
  json_object_set_array_member (resource, "allOf", all_of);

  if (kind == SIM_XDM_FIELD_GROUP)
    json_object_set_array_member (resource, "meta:intendedToExtend",
                                  xdm_strv_to_array (intended_to_extend));

  node = json_node_init_object (json_node_alloc (), definition);
  xdm_collect_refs (node, refs);
  g_ptr_array_add (refs, NULL);
  json_object_set_array_member (resource, "meta:extends",
                                xdm_strv_to_array ((const char * const *) refs->pdata));

  return resource;
}
