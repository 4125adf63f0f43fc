/* sim-xdm-library.c
 *
 * What the Schema Registry holds before anyone creates anything: Adobe's
 * global container (behaviours, the Individual Profile and
 * ExperienceEvent classes, standard field groups and data types, with
 * the members the real ones have), and the demo org's tenant content:
 * the three Luma schemas and their field groups, one of them generated
 * here with thousands of Analytics-style fields, and their identity
 * descriptors. Resources are written in the stored form
 * (`application/vnd.adobe.xed+json`); resolving them is the registry's
 * business.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-xdm-library"

#include "config.h"

#include <string.h>

#include "sim-xdm-library.h"

#define NS "https://ns.adobe.com/"
#define XDM NS "xdm/"

/* Data types the field groups refer to by $ref. */
#define DT_AUDITABLE    XDM "common/auditable"
#define DT_ADDRESS      XDM "common/address"
#define DT_PERSON       XDM "context/person"
#define DT_PERSON_NAME  XDM "context/person-name"
#define DT_EMAIL        XDM "context/emailaddress"
#define DT_PHONE        XDM "context/phonenumber"
#define DT_DEVICE       XDM "context/device"
#define DT_MEASURE      XDM "data/measure"

#define FG_PERSON       XDM "context/profile-person-details"
#define FG_PERSONAL     XDM "context/profile-personal-details"
#define FG_WORK         XDM "context/profile-work-details"
#define FG_SUBSCRIPTION XDM "context/profile-subscriptions"
#define FG_IDENTITYMAP  XDM "context/identitymap"
#define FG_CONSENTS     XDM "mixins/profile-consents"
#define FG_ENVIRONMENT  XDM "context/experienceevent-environment-details"
#define FG_WEB          XDM "context/experienceevent-web"
#define FG_COMMERCE     XDM "context/experienceevent-commerce"
#define FG_MARKETING    XDM "context/experienceevent-marketing"
#define FG_DEVICE       XDM "context/experienceevent-device"
#define FG_PLACE        XDM "context/experienceevent-placecontext"
#define FG_APPLICATION  XDM "context/experienceevent-application"
#define FG_ENDUSERIDS   XDM "context/experienceevent-enduserids"

/* The demo tenant's own resources; fixed, so every run has the same. */
#define DEMO_FG_IDENTIFICATION "/mixins/5e1f0a9b8c7d4e5fa3b2c1d0e9f8a7b6"
#define DEMO_FG_ANALYTICS      "/mixins/7c2d9e4f1a6b4c8d9e0f2a4b6c8d0e1f"
#define DEMO_FG_LOYALTY        "/mixins/3a9b8c7d6e5f40312a4b5c6d7e8f9a0b"
#define DEMO_DT_REWARD         "/datatypes/9f8e7d6c5b4a43219f8e7d6c5b4a3210"
#define DEMO_CLASS_STORE       "/classes/1c2d3e4f5a6b47c8d9e0f1a2b3c4d5e6"

/* 2019-01-01, 2023-06-01 and 2024-02-08 UTC, in epoch ms. */
#define GLOBAL_CREATED_MS  G_GINT64_CONSTANT (1546300800000)
#define GLOBAL_MODIFIED_MS G_GINT64_CONSTANT (1685577600000)
#define DEMO_CREATED_MS    G_GINT64_CONSTANT (1707350400000)
#define DAY_MS             G_GINT64_CONSTANT (86400000)

typedef struct
{
  const char *path;         /* dotted; "!" before a name: required; "[]" after: array of objects */
  const char *type;         /* see type_new () */
  const char *title;        /* NULL: made from the name */
  const char *description;
} Field;

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

static JsonObject *
registry_metadata_new (const SimXdmOwner *owner,
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
                                 registry_metadata_new (owner, id, created_ms, modified_ms));
  json_object_set_string_member (resource, "meta:containerId",
                                 owner->tenant_id != NULL ? "tenant" : "global");
  if (owner->tenant_id != NULL)
    {
      g_autofree char *namespace = g_strconcat ("_", owner->tenant_id, NULL);

      json_object_set_string_member (resource, "meta:tenantNamespace", namespace);
    }

  return resource;
}

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

static JsonObject *
ensure_object (JsonObject *object,
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

      json_object_set_array_member (field, "enum", strv_to_array ((const char * const *) values));
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
      JsonObject *properties = ensure_object (owner, "properties");
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

static void
add_fields (JsonObject  *owner,
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
static void
collect_refs (JsonNode  *node,
              GPtrArray *refs)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_refs (json_array_get_element (array, i), refs);
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
            collect_refs (member, refs);
        }
    }
}

typedef struct
{
  const SimXdmOwner *owner;
  GPtrArray *resources;
  gint64 created_ms;
  gint64 modified_ms;
} Library;

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

static void
add_behavior (Library     *library,
              const char  *id,
              const char  *title,
              const char  *description,
              const Field *fields,
              gsize        n_fields)
{
  JsonObject *behavior = library_add (library, id, SIM_XDM_BEHAVIOR, title, description);

  json_object_set_array_member (behavior, "meta:extends", json_array_new ());
  add_fields (behavior, fields, n_fields);
}

static void
add_data_type (Library     *library,
               const char  *id,
               const char  *title,
               const char  *description,
               const Field *fields,
               gsize        n_fields)
{
  JsonObject *data_type = library_add (library, id, SIM_XDM_DATA_TYPE, title, description);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;

  add_fields (data_type, fields, n_fields);

  node = json_node_init_object (json_node_alloc (), ensure_object (data_type, "properties"));
  collect_refs (node, refs);
  g_ptr_array_add (refs, NULL);
  json_object_set_array_member (data_type, "meta:extends",
                                strv_to_array ((const char * const *) refs->pdata));
}

/* A class or field group keeps its fields under `definitions`, pulled in
 * by allOf after the resources it builds on, as Adobe's do.
 */
static JsonObject *
add_composed (Library            *library,
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

  add_fields (definition, fields, n_fields);
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
                                  strv_to_array (intended_to_extend));

  node = json_node_init_object (json_node_alloc (), definition);
  collect_refs (node, refs);
  g_ptr_array_add (refs, NULL);
  json_object_set_array_member (resource, "meta:extends",
                                strv_to_array ((const char * const *) refs->pdata));

  return resource;
}

/* Behaviours */

static const Field record_fields[] = {
  { "!_id", "string", "Identifier", "A unique identifier for the record." },
};

static const Field time_series_fields[] = {
  { "!_id", "string", "Identifier",
    "A unique identifier for the time-series event. Two events with the same _id are duplicates." },
  { "!timestamp", "date-time", "Timestamp",
    "The time when the event or observation occurred, formatted according to RFC 3339." },
};

/* Classes */

static const Field profile_fields[] = {
  { "_repo", "object", "Repository", "Metadata the profile repository keeps about the record." },
  { "_repo.createDate", "date-time", "Create date", "When the record was first stored." },
  { "_repo.modifyDate", "date-time", "Modify date", "When the record was last changed." },
  { "profilePictureLink", "uri", "Profile picture link", "A URI pointing to a picture of the individual." },
  { "userAccount", "object", "User account", "The individual's account with the organization." },
  { "userAccount.ID", "string", "Account ID", "The account's identifier." },
  { "userAccount.status", "string{active,inactive,suspended,closed}", "Status", "The account's status." },
  { "userAccount.startDate", "date", "Start date", "When the account was opened." },
};

static const Field event_fields[] = {
  { "eventMergeId", "string", "Event merge ID",
    "An ID to correlate or merge multiple Experience Events that are essentially the same event." },
  { "eventType", "string", "Event type",
    "The primary event type for this time-series record, such as web.webpagedetails.pageViews or "
    "commerce.purchases." },
  { "producedBy", "string{self,system,salesRef,customerRep}", "Produced by",
    "A value describing the producer or origin of the event." },
  { "identityMap", "map<identity>", "Identity map",
    "The identities of the actor, grouped by identity namespace." },
  { "receivedTimestamp", "date-time", "Received timestamp", "When the platform received the event." },
};

/* Data types */

static const Field auditable_fields[] = {
  { "createdByBatchID", "uri", "Created by batch identifier", "The batch that first wrote the record." },
  { "modifiedByBatchID", "uri", "Modified by batch identifier", "The batch that last changed the record." },
  { "repositoryCreatedBy", "string", "Created by user identifier", "Who created the record." },
  { "repositoryLastModifiedBy", "string", "Modified by user identifier", "Who last changed the record." },
};

static const Field person_name_fields[] = {
  { "courtesyTitle", "string", "Courtesy title", "Normally an abbreviation of a persons title, such as Mr., Ms., Dr." },
  { "firstName", "string", "First name", "The personal, or given name." },
  { "middleName", "string", "Middle name", "Middle, alternative, or additional names supplied between the first name and last name." },
  { "lastName", "string", "Last name", "The last name, surname or family name." },
  { "fullName", "string", "Full name", "The full name of the person, in writing order most commonly accepted in the language of the name." },
  { "suffix", "string", "Suffix", "A group of letters provided after a person's name, such as Jr. or III." },
};

static const Field person_fields[] = {
  { "name", "@" DT_PERSON_NAME, "Full name", "The individual's full name." },
  { "birthDate", "date", "Birth date", "The full date a person was born." },
  { "birthDayAndMonth", "string", "Birth day and month", "The day and month a person was born, MM-DD." },
  { "birthYear", "short", "Birth year", "The year a person was born including the century." },
  { "gender", "string{male,female,not_specified,non_specific}", "Gender", "The gender identity of the person." },
  { "maritalStatus", "string{married,single,divorced,widowed,separated,unknown}", "Marital status", NULL },
  { "nationality", "string", "Nationality", "The legal relationship between a person and their state, as an ISO 3166 code." },
  { "numberOfChildren", "int", "Number of children", NULL },
};

static const Field address_fields[] = {
  { "primary", "boolean", "Primary", "Primary address indicator." },
  { "label", "string", "Label", "Free form name of the address." },
  { "street1", "string", "Street 1", "Primary Street level information, apartment number, street number and street name." },
  { "street2", "string", "Street 2", "Optional street information second line." },
  { "street3", "string", "Street 3", "Optional street information third line." },
  { "city", "string", "City", "The name of the city." },
  { "stateProvince", "string", "State or province", "The state, or province portion of the observation." },
  { "postalCode", "string", "Postal code", "The postal code of the location." },
  { "country", "string", "Country", "The name of the government-administered territory." },
  { "countryCode", "string", "Country code", "The two-character ISO 3166-1 alpha-2 code for the country." },
  { "latitude", "number", "Latitude", NULL },
  { "longitude", "number", "Longitude", NULL },
  { "status", "string{active,incomplete,pending_verification,blacklisted,blocked}", "Status", "An indication as to the ability to use the address." },
};

static const Field email_fields[] = {
  { "address", "email", "Address", "The technical address, such as name@domain.com." },
  { "primary", "boolean", "Primary", "Primary email indicator." },
  { "label", "string", "Label", NULL },
  { "status", "string{active,incomplete,pending_verification,blocked}", "Status", "An indication as to the ability to use the email address." },
  { "statusReason", "string", "Status reason", NULL },
  { "type", "string{personal,work,unique}", "Type", NULL },
};

static const Field phone_fields[] = {
  { "number", "string", "Number", "The phone number, which may contain formatting characters." },
  { "primary", "boolean", "Primary", "Primary number indicator." },
  { "countryCode", "string", "Country code", NULL },
  { "extension", "string", "Extension", NULL },
  { "status", "string{active,incomplete,pending_verification,blocked}", "Status", NULL },
  { "validity", "string{consistent,inconsistent,incomplete,invalid,valid}", "Validity", NULL },
};

static const Field device_fields[] = {
  { "typeID", "string", "Type identifier", "An identifier for the device, such as an IDFA or Android ID." },
  { "typeIDService", "string", "Type identifier service", "The namespace of the identifier in typeID." },
  { "manufacturer", "string", "Manufacturer", "The name of the organization that owns the design of the device." },
  { "model", "string", "Model", "The name of the model for the device." },
  { "modelNumber", "string", "Model number", NULL },
  { "type", "string{mobile,tablet,desktop,ereader,gaming,television,settop,mediaplayer,computers,tv screens}", "Type", NULL },
  { "colorDepth", "int", "Color depth", "The number of bits used to display the color of a single pixel." },
  { "screenHeight", "long", "Screen height", "The number of vertical pixels of the device's active display." },
  { "screenWidth", "long", "Screen width", "The number of horizontal pixels of the device's active display." },
  { "screenOrientation", "string{portrait,landscape}", "Screen orientation", NULL },
};

static const Field measure_fields[] = {
  { "id", "string", "Unique identifier", "An identifier of this occurrence." },
  { "value", "number", "Value", "The quantifiable value of the measure." },
};

/* Profile field groups */

static const Field person_details_fields[] = {
  { "person", "@" DT_PERSON, "Person", "An individual actor, contact, or owner." },
};

static const Field personal_details_fields[] = {
  { "homeAddress", "@" DT_ADDRESS, "Home address", "The individual's home address." },
  { "personalEmail", "@" DT_EMAIL, "Personal email", "A personal email address." },
  { "mobilePhone", "@" DT_PHONE, "Mobile phone", "The individual's mobile phone number." },
  { "homePhone", "@" DT_PHONE, "Home phone", "The individual's home phone number." },
  { "faxPhone", "@" DT_PHONE, "Fax phone", NULL },
};

static const Field work_details_fields[] = {
  { "workAddress", "@" DT_ADDRESS, "Work address", "The individual's work address." },
  { "workEmail", "@" DT_EMAIL, "Work email", "A work email address." },
  { "workPhone", "@" DT_PHONE, "Work phone", "The individual's work phone number." },
  { "organization", "string", "Organization", "The organization the individual works for." },
  { "jobTitle", "string", "Job title", NULL },
};

static const Field subscription_fields[] = {
  { "subscriptions[]", "object", "Subscriptions", "The individual's subscriptions." },
  { "subscriptions[].ID", "string", "Subscription ID", NULL },
  { "subscriptions[].type", "string", "Type", "The subscription plan." },
  { "subscriptions[].status", "string{active,inactive,paused,cancelled}", "Status", NULL },
  { "subscriptions[].startDate", "date", "Start date", NULL },
  { "subscriptions[].endDate", "date", "End date", NULL },
  { "subscriptions[].autoRenewal", "boolean", "Automatic renewal", NULL },
  { "subscriptions[].paymentTerm", "string{monthly,quarterly,yearly}", "Payment term", NULL },
  { "subscriptions[].paymentAmount", "number", "Payment amount", NULL },
};

static const Field identity_map_fields[] = {
  { "identityMap", "map<identity>", "Identity map",
    "The identities of the individual, grouped by identity namespace." },
};

static const Field consents_fields[] = {
  { "consents", "object", "Consents and preferences", "The individual's consents and preferences." },
  { "consents.collect.val", "string{y,n,p,u}", "Collect", "Whether data may be collected." },
  { "consents.adID.val", "string{y,n,u}", "Advertising ID", NULL },
  { "consents.share.val", "string{y,n,p,u}", "Share", "Whether data may be shared with third parties." },
  { "consents.personalize.content.val", "string{y,n,p,u}", "Content personalization", NULL },
  { "consents.marketing.preferred", "string{email,push,inApp,sms,phone,phyMail,inVehicle,inHome,IoT,social,other,none,unknown}", "Preferred channel", NULL },
  { "consents.marketing.any.val", "string{y,n,p,u}", "Any channel", NULL },
  { "consents.marketing.email.val", "string{y,n,p,u}", "Email", NULL },
  { "consents.marketing.email.reason", "string", "Reason", NULL },
  { "consents.marketing.push.val", "string{y,n,p,u}", "Push", NULL },
  { "consents.marketing.sms.val", "string{y,n,p,u}", "SMS", NULL },
  { "consents.metadata.time", "date-time", "Time", "When the consents were last updated." },
};

/* ExperienceEvent field groups */

static const Field environment_fields[] = {
  { "environment", "object", "Environment", "Information about the surrounding situation the event observation occurred in." },
  { "environment.type", "string{browser,application,iot,external,widget}", "Type", "The type of the application environment." },
  { "environment.browserDetails.userAgent", "string", "User agent", "The HTTP user-agent string of the browser." },
  { "environment.browserDetails.acceptLanguage", "string", "Accept language", NULL },
  { "environment.browserDetails.cookiesEnabled", "boolean", "Cookies enabled", NULL },
  { "environment.browserDetails.javaScriptEnabled", "boolean", "JavaScript enabled", NULL },
  { "environment.browserDetails.javaScriptVersion", "string", "JavaScript version", NULL },
  { "environment.browserDetails.viewportHeight", "int", "Viewport height", "The vertical size of the browser's viewport, in pixels." },
  { "environment.browserDetails.viewportWidth", "int", "Viewport width", "The horizontal size of the browser's viewport, in pixels." },
  { "environment.browserDetails.vendor", "string", "Vendor", NULL },
  { "environment.browserDetails.name", "string", "Name", NULL },
  { "environment.browserDetails.version", "string", "Version", NULL },
  { "environment.operatingSystem", "string", "Operating system", NULL },
  { "environment.operatingSystemVendor", "string", "Operating system vendor", NULL },
  { "environment.operatingSystemVersion", "string", "Operating system version", NULL },
  { "environment.ipV4", "string", "IPv4", "The IPv4 address of the client." },
  { "environment.ipV6", "string", "IPv6", "The IPv6 address of the client." },
  { "environment.connectionType", "string{dialup,isdn,bisdn,dsl,cable,wireless_wifi,mobile,mobile_edge,mobile_2g,mobile_3g,mobile_lte,t1,t3,oc3,lan,modem}", "Connection type", NULL },
  { "environment.carrier", "string", "Mobile network carrier", NULL },
  { "environment.ISP", "string", "Internet service provider", NULL },
  { "environment.domain", "string", "Domain", "The domain of the user's ISP." },
  { "environment.language", "string", "Language", "The language of the environment, as an IETF BCP 47 tag." },
};

static const Field web_fields[] = {
  { "web", "object", "Web", "Information related to web page and link of the experience event." },
  { "web.webPageDetails", "object", "Web page details", "Details about the web page where the event occurred." },
  { "web.webPageDetails.name", "string", "Name", "The normative name of the page." },
  { "web.webPageDetails.URL", "uri", "URL", "The URL of the page." },
  { "web.webPageDetails.siteSection", "string", "Site section", "The section of the site where the page lives." },
  { "web.webPageDetails.server", "string", "Server", "The name of the server the page came from." },
  { "web.webPageDetails.viewName", "string", "View name", "The name of the view in a single page application." },
  { "web.webPageDetails.isErrorPage", "boolean", "Is error page", NULL },
  { "web.webPageDetails.isHomePage", "boolean", "Is home page", NULL },
  { "web.webPageDetails.pageViews", "@" DT_MEASURE, "Page views", "The page view count." },
  { "web.webPageDetails.publishDate", "date-time", "Publish date", NULL },
  { "web.webReferrer", "object", "Web referrer", "The page or site the visitor came from." },
  { "web.webReferrer.URL", "uri", "URL", "The referrer URL." },
  { "web.webReferrer.type", "string{internal,external,search_engine,email,social,unknown,typed_bookmarked}", "Type", NULL },
  { "web.webInteraction", "object", "Web interaction", "Details of a link click." },
  { "web.webInteraction.URL", "uri", "URL", "The URL of the link." },
  { "web.webInteraction.name", "string", "Name", "The name of the link." },
  { "web.webInteraction.type", "string{download,exit,other}", "Type", NULL },
  { "web.webInteraction.region", "string", "Region", "The region of the page where the link was." },
  { "web.webInteraction.linkClicks", "@" DT_MEASURE, "Link clicks", NULL },
};

static const Field commerce_fields[] = {
  { "commerce", "object", "Commerce", "Commerce-specific data related to the event." },
  { "commerce.order", "object", "Order", "The placed order for one or more products." },
  { "commerce.order.purchaseID", "string", "Purchase ID", "A unique identifier assigned by the seller for this purchase." },
  { "commerce.order.purchaseOrderNumber", "string", "Purchase order number", NULL },
  { "commerce.order.priceTotal", "number", "Price total", "The total price of this order after all discounts and taxes." },
  { "commerce.order.currencyCode", "string", "Currency code", "The ISO 4217 currency code used for the order totals." },
  { "commerce.order.taxAmount", "number", "Tax amount", NULL },
  { "commerce.order.discountAmount", "number", "Discount amount", NULL },
  { "commerce.order.orderType", "string{checkout,instant_purchase}", "Order type", NULL },
  { "commerce.order.lastUpdatedDate", "date-time", "Last updated date", NULL },
  { "commerce.order.payments[]", "object", "Payments", "The payments made for this order." },
  { "commerce.order.payments[].transactionID", "string", "Transaction ID", NULL },
  { "commerce.order.payments[].paymentAmount", "number", "Payment amount", NULL },
  { "commerce.order.payments[].paymentType", "string{cash,credit_card,debit_card,gift_card,check,paypal,wire_transfer,credit_card_reference,other}", "Payment type", NULL },
  { "commerce.order.payments[].currencyCode", "string", "Currency code", NULL },
  { "commerce.shipping", "object", "Shipping", "Shipping details for one or more products." },
  { "commerce.shipping.shippingMethod", "string", "Shipping method", NULL },
  { "commerce.shipping.shippingAmount", "number", "Shipping amount", NULL },
  { "commerce.shipping.address", "@" DT_ADDRESS, "Address", "The address the products are shipped to." },
  { "commerce.purchases", "@" DT_MEASURE, "Purchases", "An order has been accepted." },
  { "commerce.productViews", "@" DT_MEASURE, "Product views", "A product has been viewed." },
  { "commerce.productListAdds", "@" DT_MEASURE, "Product list adds", "A product was added to the cart." },
  { "commerce.productListRemovals", "@" DT_MEASURE, "Product list removals", NULL },
  { "commerce.productListOpens", "@" DT_MEASURE, "Product list opens", NULL },
  { "commerce.productListViews", "@" DT_MEASURE, "Product list views", NULL },
  { "commerce.checkouts", "@" DT_MEASURE, "Checkouts", NULL },
  { "commerce.saveForLaters", "@" DT_MEASURE, "Save for laters", NULL },
  { "productListItems[]", "object", "Product list items", "A list of items representing the products selected by a customer." },
  { "productListItems[].SKU", "string", "SKU", "Stock keeping unit, the unique identifier for a product defined by the vendor." },
  { "productListItems[].name", "string", "Name", "The display name for the product." },
  { "productListItems[].quantity", "int", "Quantity", "The number of units the customer has indicated they require." },
  { "productListItems[].priceTotal", "number", "Price total", "The total price for the product line item." },
  { "productListItems[].currencyCode", "string", "Currency code", NULL },
  { "productListItems[].productAddMethod", "string", "Product add method", NULL },
  { "productListItems[].product", "uri", "Product", "The XID of the product entry." },
  { "productListItems[].productImageUrl", "uri", "Product image URL", NULL },
  { "productListItems[].selectedOptions[]", "object", "Selected options", "The options the customer chose, such as size and colour." },
  { "productListItems[].selectedOptions[].attribute", "string", "Attribute", NULL },
  { "productListItems[].selectedOptions[].value", "string", "Value", NULL },
};

static const Field marketing_fields[] = {
  { "marketing", "object", "Marketing", "Marketing activities that are active with the touchpoint." },
  { "marketing.trackingCode", "string", "Tracking code", "The tracking code of the campaign." },
  { "marketing.campaignGroup", "string", "Campaign group", NULL },
  { "marketing.campaignName", "string", "Campaign name", NULL },
  { "channel", "object", "Channel", "The marketing channel the event came through." },
  { "channel._id", "uri", "Channel identifier", NULL },
  { "channel.mediaType", "string{earned,owned,paid}", "Media type", NULL },
  { "channel.mediaAction", "string{clicks,impressions,opens,views,bounces}", "Media action", NULL },
  { "channel.typeAtSource", "string", "Type at source", NULL },
};

static const Field device_group_fields[] = {
  { "device", "@" DT_DEVICE, "Device", "An identified device, application or device browser instance." },
};

static const Field place_fields[] = {
  { "placeContext", "object", "Place context", "The transient circumstances related to the observation." },
  { "placeContext.localTime", "date-time", "Local time", "The precise time the event was observed in local time." },
  { "placeContext.localTimezoneOffset", "int", "Local time zone offset", "The offset from UTC, in minutes." },
  { "placeContext.geo", "object", "Geo", "The geographic location where the event was observed." },
  { "placeContext.geo.city", "string", "City", NULL },
  { "placeContext.geo.countryCode", "string", "Country code", NULL },
  { "placeContext.geo.stateProvince", "string", "State or province", NULL },
  { "placeContext.geo.postalCode", "string", "Postal code", NULL },
  { "placeContext.geo.dmaID", "int", "DMA ID", "The Nielsen media research designated market area." },
  { "placeContext.geo._schema.latitude", "number", "Latitude", NULL },
  { "placeContext.geo._schema.longitude", "number", "Longitude", NULL },
  { "placeContext.geo._schema.elevation", "number", "Elevation", NULL },
};

static const Field application_fields[] = {
  { "application", "object", "Application", "Details of the application the event came from." },
  { "application.id", "string", "Application identifier", NULL },
  { "application.name", "string", "Name", NULL },
  { "application.version", "string", "Version", NULL },
  { "application.launches", "@" DT_MEASURE, "Launches", NULL },
  { "application.closes", "@" DT_MEASURE, "Closes", NULL },
  { "application.installs", "@" DT_MEASURE, "Installs", NULL },
  { "application.upgrades", "@" DT_MEASURE, "Upgrades", NULL },
  { "application.crashes", "@" DT_MEASURE, "Crashes", NULL },
  { "application.isInstall", "boolean", "Is install", NULL },
  { "application.isLaunch", "boolean", "Is launch", NULL },
  { "application.sessionLength", "int", "Session length", "The length of the session, in seconds." },
};

static const Field enduserids_fields[] = {
  { "endUserIDs", "object", "End user IDs", "The end user identities used by Adobe solutions." },
  { "endUserIDs._experience", "object", "Adobe Experience Cloud identities", NULL },
  { "endUserIDs._experience.mcid.id", "string", "Experience Cloud ID", NULL },
  { "endUserIDs._experience.mcid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.mcid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
  { "endUserIDs._experience.aaid.id", "string", "Analytics ID", NULL },
  { "endUserIDs._experience.aaid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.aaid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
  { "endUserIDs._experience.emailid.id", "string", "Email ID", NULL },
  { "endUserIDs._experience.emailid.namespace.code", "string", "Namespace code", NULL },
  { "endUserIDs._experience.emailid.authenticatedState", "string{ambiguous,authenticated,loggedOut}", "Authenticated state", NULL },
};

#define ADD_DATA_TYPE(library, id, title, description, fields) \
  add_data_type (library, id, title, description, fields, G_N_ELEMENTS (fields))
#define ADD_FIELD_GROUP(library, id, title, description, intended, name, fields) \
  add_composed (library, id, SIM_XDM_FIELD_GROUP, title, description, NULL, intended, name, \
                fields, G_N_ELEMENTS (fields))

/**
 * sim_xdm_library_build_global:
 *
 * Returns: (transfer full) (element-type JsonObject): Adobe's resources
 */
GPtrArray *
sim_xdm_library_build_global (void)
{
  const SimXdmOwner global = { NULL, NULL, NULL, NULL };
  const char * const profile_only[] = { SIM_XDM_PROFILE, NULL };
  const char * const event_only[] = { SIM_XDM_EVENT, NULL };
  const char * const profile_bases[] = { SIM_XDM_RECORD, DT_AUDITABLE, NULL };
  const char * const event_bases[] = { SIM_XDM_TIME_SERIES, NULL };
  Library library = {
    &global,
    g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref),
    GLOBAL_CREATED_MS,
    GLOBAL_MODIFIED_MS,
  };
  JsonObject *resource;

  add_behavior (&library, SIM_XDM_RECORD, "Record Schema",
                "Describes the behavior of a record: an entity's current state.",
                record_fields, G_N_ELEMENTS (record_fields));
  add_behavior (&library, SIM_XDM_TIME_SERIES, "Time-series Schema",
                "Describes the behavior of time-series data: events that happened at a point in time.",
                time_series_fields, G_N_ELEMENTS (time_series_fields));
  add_behavior (&library, SIM_XDM_ADHOC, "Ad Hoc Schema",
                "Describes data whose fields are namespaced for a single dataset.", NULL, 0);

  ADD_DATA_TYPE (&library, DT_AUDITABLE, "Auditable",
                 "Fields the platform keeps about who created and changed a record.", auditable_fields);
  ADD_DATA_TYPE (&library, DT_PERSON_NAME, "Person name", "Full name of a person.",
                 person_name_fields);
  ADD_DATA_TYPE (&library, DT_PERSON, "Person", "An individual actor, contact, or owner.",
                 person_fields);
  ADD_DATA_TYPE (&library, DT_ADDRESS, "Postal address", "A postal address.", address_fields);
  ADD_DATA_TYPE (&library, DT_EMAIL, "Email address", "A electronic mail address.", email_fields);
  ADD_DATA_TYPE (&library, DT_PHONE, "Phone number", "A phone number.", phone_fields);
  ADD_DATA_TYPE (&library, DT_DEVICE, "Device",
                 "An identified device, application or device browser instance.", device_fields);
  ADD_DATA_TYPE (&library, DT_MEASURE, "Measure", "A quantifiable property of an event.",
                 measure_fields);

  resource = add_composed (&library, SIM_XDM_PROFILE, SIM_XDM_CLASS, "XDM Individual Profile",
                           "A single representation of the attributes and interests of both "
                           "identified and partially-identified individuals.",
                           profile_bases, NULL, "profile", profile_fields,
                           G_N_ELEMENTS (profile_fields));
  json_object_set_string_member (resource, "version", "1.6");
  resource = add_composed (&library, SIM_XDM_EVENT, SIM_XDM_CLASS, "XDM ExperienceEvent",
                           "A time-series record of an event, such as a page view or a purchase, "
                           "together with the context it happened in.",
                           event_bases, NULL, "experienceevent", event_fields,
                           G_N_ELEMENTS (event_fields));
  json_object_set_string_member (resource, "version", "1.7");

  ADD_FIELD_GROUP (&library, FG_PERSON, "Demographic Details",
                   "Basic information about an individual: name, birth date, gender.",
                   profile_only, "person-details", person_details_fields);
  ADD_FIELD_GROUP (&library, FG_PERSONAL, "Personal Contact Details",
                   "Home address, personal email and phone numbers of an individual.",
                   profile_only, "personal-details", personal_details_fields);
  ADD_FIELD_GROUP (&library, FG_WORK, "Professional Details",
                   "Work address, work email and phone of an individual.",
                   profile_only, "work-details", work_details_fields);
  ADD_FIELD_GROUP (&library, FG_SUBSCRIPTION, "Subscription Details",
                   "The subscriptions an individual holds.", profile_only, "subscriptions",
                   subscription_fields);
  ADD_FIELD_GROUP (&library, FG_IDENTITYMAP, "IdentityMap",
                   "The identities of an individual, grouped by namespace.", profile_only,
                   "identitymap", identity_map_fields);
  ADD_FIELD_GROUP (&library, FG_CONSENTS, "Consents and Preferences",
                   "An individual's consents to collect and use data, and marketing preferences.",
                   profile_only, "consents", consents_fields);
  ADD_FIELD_GROUP (&library, FG_ENVIRONMENT, "Environment Details",
                   "Information about the browser, operating system and network of the event.",
                   event_only, "environment-details", environment_fields);
  ADD_FIELD_GROUP (&library, FG_WEB, "Web Details",
                   "Web page, referrer and link details of a web event.", event_only, "web",
                   web_fields);
  ADD_FIELD_GROUP (&library, FG_COMMERCE, "Commerce Details",
                   "Orders, product views, cart actions and the products involved.", event_only,
                   "commerce", commerce_fields);
  ADD_FIELD_GROUP (&library, FG_MARKETING, "Marketing Details",
                   "Campaign and channel details of an event.", event_only, "marketing",
                   marketing_fields);
  ADD_FIELD_GROUP (&library, FG_DEVICE, "Device Details",
                   "The device the event was observed on.", event_only, "device",
                   device_group_fields);
  ADD_FIELD_GROUP (&library, FG_PLACE, "Place Context",
                   "Where and in which time zone the event was observed.", event_only,
                   "placecontext", place_fields);
  ADD_FIELD_GROUP (&library, FG_APPLICATION, "Application Details",
                   "Lifecycle details of a mobile or desktop application.", event_only,
                   "application", application_fields);
  ADD_FIELD_GROUP (&library, FG_ENDUSERIDS, "End User ID Details",
                   "The identities Adobe solutions use for the end user.", event_only,
                   "enduserids", enduserids_fields);

  return library.resources;
}

/* The demo tenant */

static const Field identification_fields[] = {
  { "_tributarydemo.identification", "object", "Identification", "Luma's identifiers of a customer." },
  { "_tributarydemo.identification.core", "object", "Core identifiers", NULL },
  { "_tributarydemo.identification.core.ecid", "string", "ECID", "The Experience Cloud ID of the browser or app." },
  { "_tributarydemo.identification.core.email", "email", "Email", "The email address the customer signed in with." },
  { "_tributarydemo.identification.core.crmId", "string", "CRM ID", "The customer's identifier in Luma's CRM." },
  { "_tributarydemo.identification.core.loyaltyId", "string", "Loyalty ID", NULL },
  { "_tributarydemo.identification.core.phoneNumber", "string", "Phone number", NULL },
};

static const Field loyalty_fields[] = {
  { "_tributarydemo.loyalty", "object", "Loyalty", "Membership of the Luma loyalty programme." },
  { "_tributarydemo.loyalty.loyaltyId", "string", "Loyalty ID", "The member's number." },
  { "_tributarydemo.loyalty.tier", "string{bronze,silver,gold,platinum}", "Tier", NULL },
  { "_tributarydemo.loyalty.points", "long", "Points", "Points available to spend." },
  { "_tributarydemo.loyalty.lifetimePoints", "long", "Lifetime points", NULL },
  { "_tributarydemo.loyalty.memberSince", "date", "Member since", NULL },
  { "_tributarydemo.loyalty.status", "string{active,lapsed,closed}", "Status", NULL },
  { "_tributarydemo.loyalty.lifetimeValue", "number", "Lifetime value", "What the member spent, in US dollars." },
  { "_tributarydemo.loyalty.rewards", "@" NS "tributarydemo" DEMO_DT_REWARD "[]", "Rewards", "The rewards the member redeemed." },
};

static const Field reward_fields[] = {
  { "rewardId", "string", "Reward ID", NULL },
  { "name", "string", "Name", NULL },
  { "pointsCost", "int", "Points cost", NULL },
  { "redeemedAt", "date-time", "Redeemed at", NULL },
  { "storeId", "string", "Store ID", "The store where it was redeemed, if not online." },
};

static const Field store_fields[] = {
  { "_tributarydemo.store", "object", "Store", "A Luma retail store." },
  { "_tributarydemo.store.storeId", "string", "Store ID", NULL },
  { "_tributarydemo.store.name", "string", "Name", NULL },
  { "_tributarydemo.store.address", "@" DT_ADDRESS, "Address", NULL },
  { "_tributarydemo.store.openedOn", "date", "Opened on", NULL },
  { "_tributarydemo.store.floorArea", "number", "Floor area", "In square metres." },
};

/* Luma's Analytics report suite, as the Analytics source connector maps
 * it: thousands of fields, for trees and searches that must cope with
 * real sizes. Generated, since spelling them out would help no one.
 */
static void
add_analytics_fields (JsonObject *definition,
                      const char *tenant_namespace)
{
  g_autofree char *base = g_strconcat (tenant_namespace, ".analytics", NULL);
  g_autofree char *dimensions = g_strconcat (base, ".customDimensions", NULL);
  static const char * const channels[] = {
    "paidSearch", "naturalSearch", "display", "email", "affiliate", "socialNetworks",
    "referringDomains", "directTraffic", "internal", "sessionRefresh", "mobileApp", "videoAds",
  };
  GString *path = g_string_new (NULL);
  char title[64];

#define PATH(...) (g_string_printf (path, __VA_ARGS__), path->str)

  sim_xdm_add_field (definition, PATH ("%s", base), "object", "Analytics",
                     "Fields from Luma's Adobe Analytics report suite.");
  sim_xdm_add_field (definition, PATH ("%s", dimensions), "object", "Custom dimensions",
                     "The report suite's eVars, props, list props, lists and hierarchies.");
  sim_xdm_add_field (definition, PATH ("%s.eVars", dimensions), "object", "eVars",
                     "Conversion variables, which persist beyond the hit they were set on.");
  for (guint i = 1; i <= 250; i++)
    {
      g_snprintf (title, sizeof title, "eVar%u", i);
      sim_xdm_add_field (definition, PATH ("%s.eVars.eVar%u", dimensions, i), "string", title,
                         "Custom conversion variable.");
    }

  sim_xdm_add_field (definition, PATH ("%s.props", dimensions), "object", "Props",
                     "Traffic variables, which only hold for the hit they were set on.");
  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "prop%u", i);
      sim_xdm_add_field (definition, PATH ("%s.props.prop%u", dimensions, i), "string", title,
                         "Custom traffic variable.");
    }

  sim_xdm_add_field (definition, PATH ("%s.listProps", dimensions), "object", "List props", NULL);
  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "List prop %u", i);
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u.delimiter", dimensions, i), "string",
                         "Delimiter", "The character that separated the values.");
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u.values", dimensions, i), "string[]",
                         "Values", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.hierarchies", dimensions), "object", "Hierarchies", NULL);
  for (guint i = 1; i <= 5; i++)
    {
      g_snprintf (title, sizeof title, "Hierarchy %u", i);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u.delimiter", dimensions, i), "string",
                         "Delimiter", NULL);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u.values", dimensions, i), "string[]",
                         "Values", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.lists", dimensions), "object", "Lists", NULL);
  for (guint i = 1; i <= 3; i++)
    {
      g_snprintf (title, sizeof title, "List %u", i);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u.list[].key", dimensions, i), "string",
                         "Key", NULL);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u.list[].value", dimensions, i), "string",
                         "Value", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.events", base), "object", "Events",
                     "The report suite's custom success events.");
  for (guint i = 1; i <= 1000; i++)
    {
      g_snprintf (title, sizeof title, "Event %u", i);
      sim_xdm_add_field (definition, PATH ("%s.events.event%u", base, i), "object", title,
                         "Custom success event.");
      sim_xdm_add_field (definition, PATH ("%s.events.event%u.value", base, i), "number", "Value",
                         "How much the event counts for.");
      sim_xdm_add_field (definition, PATH ("%s.events.event%u.id", base, i), "string", "Unique identifier",
                         "Serialises the event, so a repeat is counted once.");
    }

  /* Classifications describe the eVars' values for reports. */
  sim_xdm_add_field (definition, PATH ("%s.classifications", base), "object", "Classifications", NULL);
  for (guint i = 1; i <= 250; i++)
    {
      g_snprintf (title, sizeof title, "eVar%u classification", i);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u", base, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.category", base, i), "string",
                         "Category", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.subCategory", base, i), "string",
                         "Subcategory", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.owner", base, i), "string",
                         "Owner", NULL);
    }

  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "prop%u classification", i);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u", base, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.category", base, i), "string",
                         "Category", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.subCategory", base, i), "string",
                         "Subcategory", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.owner", base, i), "string",
                         "Owner", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.marketingChannels", base), "object", "Marketing channels",
                     "The channel that got the visit, first and last touch.");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s", base, channels[i]), "object", NULL,
                         NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.detail", base, channels[i]), "string",
                         "Detail", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.firstTouch", base, channels[i]),
                         "boolean", "First touch", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.lastTouch", base, channels[i]),
                         "boolean", "Last touch", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.visits", base, channels[i]), "int",
                         "Visits", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.session", base), "object", "Session", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.visitNumber", base), "int", "Visit number", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.visitPageNumber", base), "int", "Visit page number", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.entryPage", base), "string", "Entry page", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.reportSuite", base), "string", "Report suite", NULL);

#undef PATH
  g_string_free (path, TRUE);
}

static JsonObject *
descriptor_new (const SimXdmOwner *owner,
                const char        *schema_id,
                const char        *pointer,
                const char        *namespace,
                gboolean           primary)
{
  JsonObject *descriptor = json_object_new ();
  g_autofree char *seed = g_strconcat (schema_id, pointer, NULL);
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  json_object_set_string_member (descriptor, "@id", id);
  json_object_set_string_member (descriptor, "@type", "xdm:descriptorIdentity");
  json_object_set_string_member (descriptor, "xdm:sourceSchema", schema_id);
  json_object_set_int_member (descriptor, "xdm:sourceVersion", 1);
  json_object_set_string_member (descriptor, "xdm:sourceProperty", pointer);
  json_object_set_string_member (descriptor, "imsOrg", owner->org_id);
  json_object_set_string_member (descriptor, "version", "1");
  json_object_set_string_member (descriptor, "xdm:namespace", namespace);
  json_object_set_string_member (descriptor, "xdm:property", "xdm:code");
  json_object_set_boolean_member (descriptor, "xdm:isPrimary", primary);
  json_object_set_string_member (descriptor, "meta:containerId", "tenant");
  json_object_set_object_member (descriptor, "meta:registryMetadata",
                                 registry_metadata_new (owner, id, DEMO_CREATED_MS + 40 * DAY_MS,
                                                        DEMO_CREATED_MS + 40 * DAY_MS));

  return descriptor;
}

/**
 * sim_xdm_schema_body_new:
 *
 * Returns: (transfer full): the body that creates such a schema, seed 002's shape
 */
JsonObject *
sim_xdm_schema_body_new (const char         *title,
                         const char         *description,
                         const char         *class_id,
                         const char * const *field_group_ids)
{
  JsonObject *body = json_object_new ();
  JsonArray *all_of = json_array_new ();

  json_object_set_string_member (body, "type", "object");
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "description", description);
  for (gssize i = -1; field_group_ids != NULL && (i < 0 || field_group_ids[i] != NULL); i++)
    {
      JsonObject *ref = json_object_new ();

      json_object_set_string_member (ref, "$ref", i < 0 ? class_id : field_group_ids[i]);
      json_array_add_object_element (all_of, ref);
    }
  json_object_set_array_member (body, "allOf", all_of);
  json_object_set_string_member (body, "meta:containerId", "tenant");
  json_object_set_string_member (body, "meta:resourceType", "schemas");
  json_object_set_string_member (body, "meta:xdmType", "object");
  json_object_set_string_member (body, "meta:class", class_id);

  return body;
}

static JsonObject *
demo_schema_body_new (const char         *id,
                      const char         *title,
                      const char         *description,
                      const char         *class_id,
                      const char * const *field_group_ids,
                      gboolean            profile_enabled,
                      gint64              created_ms)
{
  JsonObject *body = sim_xdm_schema_body_new (title, description, class_id, field_group_ids);
  JsonObject *metadata = json_object_new ();

  json_object_set_string_member (body, "$id", id);
  if (profile_enabled)
    {
      const char * const tags[] = { "union", NULL };

      json_object_set_array_member (body, "meta:immutableTags", strv_to_array (tags));
    }
  json_object_set_int_member (metadata, "repo:createdDate", created_ms);
  json_object_set_int_member (metadata, "repo:lastModifiedDate", created_ms + 30 * DAY_MS);
  json_object_set_object_member (body, "meta:registryMetadata", metadata);

  return body;
}

/**
 * sim_xdm_library_build_demo:
 * @owner: the demo org's tenant
 * @resources: (element-type JsonObject): gets the tenant's field groups,
 *   data types and classes, stored
 * @schema_bodies: (element-type JsonObject): gets the bodies that create
 *   its schemas, with their fixed `$id` and dates
 * @descriptors: (element-type JsonObject): gets their identity descriptors
 */
void
sim_xdm_library_build_demo (const SimXdmOwner *owner,
                            GPtrArray         *resources,
                            GPtrArray         *schema_bodies,
                            GPtrArray         *descriptors)
{
  g_autofree char *prefix = g_strconcat (NS, owner->tenant_id, NULL);
  g_autofree char *identification = g_strconcat (prefix, DEMO_FG_IDENTIFICATION, NULL);
  g_autofree char *analytics = g_strconcat (prefix, DEMO_FG_ANALYTICS, NULL);
  g_autofree char *loyalty = g_strconcat (prefix, DEMO_FG_LOYALTY, NULL);
  g_autofree char *reward = g_strconcat (prefix, DEMO_DT_REWARD, NULL);
  g_autofree char *store = g_strconcat (prefix, DEMO_CLASS_STORE, NULL);
  g_autofree char *namespace = g_strconcat ("_", owner->tenant_id, NULL);
  const char * const both[] = { SIM_XDM_PROFILE, SIM_XDM_EVENT, NULL };
  const char * const event_only[] = { SIM_XDM_EVENT, NULL };
  const char * const profile_only[] = { SIM_XDM_PROFILE, NULL };
  const char * const record[] = { SIM_XDM_RECORD, NULL };
  const char * const web_groups[] = {
    FG_ENVIRONMENT, FG_WEB, FG_COMMERCE, FG_MARKETING, FG_DEVICE, FG_PLACE, FG_APPLICATION,
    FG_ENDUSERIDS, identification, analytics, NULL
  };
  const char * const crm_groups[] = { FG_PERSON, FG_PERSONAL, FG_IDENTITYMAP, loyalty, NULL };
  const char * const order_groups[] = { FG_ENVIRONMENT, FG_COMMERCE, NULL };
  Library library = { owner, resources, DEMO_CREATED_MS, DEMO_CREATED_MS + 20 * DAY_MS };
  JsonObject *resource;
  JsonObject *definition;

  /* The generated tables are written with the demo tenant's namespace;
   * this content is for it alone.
   */
  g_assert (g_str_equal (owner->tenant_id, SIM_XDM_DEMO_TENANT));

  add_data_type (&library, reward, "Luma Reward", "A reward a loyalty member redeemed.",
                 reward_fields, G_N_ELEMENTS (reward_fields));
  ADD_FIELD_GROUP (&library, identification, "Luma Identification",
                   "The identifiers Luma knows a customer by.", both, "identification",
                   identification_fields);
  ADD_FIELD_GROUP (&library, loyalty, "Luma Loyalty",
                   "Membership of the Luma loyalty programme.", profile_only, "loyalty",
                   loyalty_fields);

  resource = add_composed (&library, analytics, SIM_XDM_FIELD_GROUP, "Luma Analytics Report Suite",
                           "Luma's Adobe Analytics variables: eVars, props, list props, "
                           "hierarchies, success events and classifications.",
                           NULL, event_only, "analytics", NULL, 0);
  definition = json_object_get_object_member (json_object_get_object_member (resource, "definitions"),
                                              "analytics");
  add_analytics_fields (definition, namespace);

  add_composed (&library, store, SIM_XDM_CLASS, "Luma Store", "A Luma retail store.", record, NULL,
                "store", store_fields, G_N_ELEMENTS (store_fields));

  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_WEB_EVENTS, "Luma Web Events",
                                         "Every hit on Luma's web site and apps, from the Analytics "
                                         "source connector.",
                                         SIM_XDM_EVENT, web_groups, TRUE, DEMO_CREATED_MS + 10 * DAY_MS));
  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_CRM_PROFILES, "Luma CRM Profiles",
                                         "Luma's customers, from the CRM.", SIM_XDM_PROFILE,
                                         crm_groups, TRUE, DEMO_CREATED_MS + 11 * DAY_MS));
  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_ORDERS, "Luma Orders",
                                         "Orders placed in Luma's stores and web shop.", SIM_XDM_EVENT,
                                         order_groups, FALSE, DEMO_CREATED_MS + 12 * DAY_MS));

  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_WEB_EVENTS,
                                   "/_tributarydemo/identification/core/ecid", "ECID", TRUE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_WEB_EVENTS,
                                   "/_tributarydemo/identification/core/email", "Email", FALSE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_CRM_PROFILES, "/personalEmail/address",
                                   "Email", TRUE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_CRM_PROFILES,
                                   "/_tributarydemo/loyalty/loyaltyId", "LumaLoyalty", FALSE));
}
