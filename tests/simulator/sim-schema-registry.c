/* sim-schema-registry.c
 *
 * The XDM Schema Registry: listing and looking up classes, field groups,
 * data types, behaviours and schemas in the global and tenant
 * containers, resolving a resource into all its fields (`xed-full`),
 * creating schemas, classes (ad hoc ones too), field groups and data
 * types, deleting them, and the identity descriptors and stats.
 *
 * The global container is one for everybody. Each (org, sandbox) has a
 * tenant container of its own, made on first use from the org's demo
 * content, so what a test creates in one sandbox is absent from the
 * others. Stored resources are never changed, only added and removed,
 * so sandboxes share the demo content instead of copying it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-services.h"
#include "sim-xdm-library.h"

#define BASE_PATH "/data/foundation/schemaregistry"

#define DEFAULT_LIMIT 300
#define MAX_LIMIT 500

/* Resolving follows $refs; real resources never nest this deep, a
 * cycle would.
 */
#define MAX_DEPTH 32

/* How deep a `$id` used as a path may be: https://ns.adobe.com/ and up
 * to this many segments.
 */
#define MAX_ID_SEGMENTS 6

typedef struct
{
  char *tenant_id;          /* NULL for the global container */
  char *org_id;
  GPtrArray *resources;     /* JsonObject, in creation order */
  GHashTable *by_id;        /* $id and meta:altId → JsonObject in resources */
  GPtrArray *descriptors;   /* JsonObject */
  guint serial;             /* makes new ids */
} Container;

typedef struct
{
  SimServer *server;
  Container *global;
  Container *demo;          /* what every sandbox of the demo org starts with */
  GHashTable *tenants;      /* "org\nsandbox" → Container */
} Registry;

static Registry *registry;

typedef enum
{
  PROBLEM_INVALID,
  PROBLEM_NOT_UNIQUE,
  PROBLEM_MISSING_REF,
  PROBLEM_INCOMPATIBLE,
} Problem;

static const struct
{
  const char *code;
  const char *title;
} problems[] = {
  [PROBLEM_INVALID] = { "XDM-1000-400", "Invalid request" },
  [PROBLEM_NOT_UNIQUE] = { "XDM-1521-400", "Title must be unique" },
  [PROBLEM_MISSING_REF] = { "XDM-1008-400", "Referenced resource not found" },
  [PROBLEM_INCOMPATIBLE] = { "XDM-1526-400", "Incompatible field group" },
};

static GQuark problem_quark (void);
G_DEFINE_QUARK (sim-schema-registry-problem, problem)

static void
container_free (Container *container)
{
  g_free (container->tenant_id);
  g_free (container->org_id);
  g_hash_table_unref (container->by_id);
  g_ptr_array_unref (container->resources);
  g_ptr_array_unref (container->descriptors);
  g_free (container);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Container, container_free)

static Container *
container_new (const char *tenant_id,
               const char *org_id)
{
  Container *container = g_new0 (Container, 1);

  container->tenant_id = g_strdup (tenant_id);
  container->org_id = g_strdup (org_id);
  container->resources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  container->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  container->descriptors = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  return container;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
array_contains_string (JsonArray  *array,
                       const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_unique (JsonArray  *array,
            const char *value)
{
  if (!array_contains_string (array, value))
    json_array_add_string_element (array, value);
}

static SimXdmKind
resource_kind (JsonObject *resource)
{
  SimXdmKind kind = SIM_XDM_N_KINDS;

  sim_xdm_kind_from_resource (resource, &kind);

  return kind;
}

static void
container_add (Container  *container,
               JsonObject *resource)
{
  g_ptr_array_add (container->resources, json_object_ref (resource));
  g_hash_table_insert (container->by_id, (gpointer) get_string (resource, "$id"), resource);
  g_hash_table_insert (container->by_id, (gpointer) get_string (resource, "meta:altId"), resource);
}

static void
container_remove (Container  *container,
                  JsonObject *resource)
{
  const char *id = get_string (resource, "$id");

  for (guint i = container->descriptors->len; i > 0; i--)
    if (g_strcmp0 (get_string (g_ptr_array_index (container->descriptors, i - 1), "xdm:sourceSchema"),
                   id) == 0)
      g_ptr_array_remove_index (container->descriptors, i - 1);

  g_hash_table_remove (container->by_id, id);
  g_hash_table_remove (container->by_id, get_string (resource, "meta:altId"));
  g_ptr_array_remove (container->resources, resource);
}

static JsonObject *
container_find (Container  *container,
                const char *id)
{
  return id != NULL ? g_hash_table_lookup (container->by_id, id) : NULL;
}

/* A reference may name a resource of either container. */
static JsonObject *
find_any (Container  *tenant,
          const char *id)
{
  JsonObject *resource = container_find (registry->global, id);

  return resource != NULL || tenant == NULL ? resource : container_find (tenant, id);
}

/* "Tributary Demo" has the tenant tributarydemo: the lowercased letters
 * and digits of the org's name.
 */
static char *
tenant_id_for_org (SimOrg *org)
{
  GString *id = g_string_new (NULL);

  for (const char *p = org->name; p != NULL && *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (id, g_ascii_tolower (*p));

  if (id->len == 0)
    g_string_append (id, "tenant");

  return g_string_free (id, FALSE);
}

static SimXdmOwner
owner_for (Container *tenant,
           SimClient *client)
{
  SimXdmOwner owner = {
    tenant->tenant_id,
    tenant->org_id,
    client != NULL ? client->client_id : NULL,
    client != NULL ? client->technical_account_id : NULL,
  };

  return owner;
}

static void
set_problem (GError     **error,
             Problem      problem,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
set_problem (GError     **error,
             Problem      problem,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (problem_quark (), problem, format, args));
  va_end (args);
}

static void
reply_error (SimRequest *request,
             GError     *error)
{
  g_assert (error->domain == problem_quark () && error->code < (int) G_N_ELEMENTS (problems));

  sim_request_reply_problem (request, 400, problems[error->code].code, problems[error->code].title,
                             "%s", error->message);
}

static char *
new_id (Container  *tenant,
        const char *segment,
        const char *title)
{
  g_autofree char *seed = g_strdup_printf ("%s\n%s\n%s\n%u", tenant->org_id, segment, title,
                                           ++tenant->serial);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return g_strdup_printf ("https://ns.adobe.com/%s/%s/%s", tenant->tenant_id, segment, hash);
}

static gboolean
check_title (Container   *tenant,
             JsonObject  *body,
             SimXdmKind   kind,
             GError     **error)
{
  const char *title = get_string (body, "title");
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (stripped[0] == '\0')
    {
      set_problem (error, PROBLEM_INVALID, "title is required and must be a non-empty string.");
      return FALSE;
    }

  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *other = g_ptr_array_index (tenant->resources, i);

      if (resource_kind (other) == kind && g_strcmp0 (get_string (other, "title"), title) == 0)
        {
          set_problem (error, PROBLEM_NOT_UNIQUE,
                       "Title must be unique. An object %s already exists with the same title: %s",
                       get_string (other, "$id"), title);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_valid_field_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || g_ascii_isdigit (name[0]))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

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
      set_problem (error, PROBLEM_INVALID, "Field %s must be described by an object.", path);
      return FALSE;
    }
  field = json_node_get_object (node);

  if ((ref = get_string (field, "$ref")) != NULL && ref[0] != '#')
    {
      JsonObject *target = find_any (tenant, ref);

      if (target == NULL)
        {
          set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist (field %s).",
                       ref, path);
          return FALSE;
        }
      if (resource_kind (target) != SIM_XDM_DATA_TYPE)
        {
          set_problem (error, PROBLEM_INVALID, "Field %s refers to %s, which is not a data type.", path,
                       ref);
          return FALSE;
        }
      return TRUE;
    }
  if (ref != NULL)
    return TRUE;

  type = get_string (field, "type");
  if (type == NULL)
    {
      set_problem (error, PROBLEM_INVALID, "Field %s has no type; use one of string, integer, number, "
                   "boolean, object or array.", path);
      return FALSE;
    }
  if (!g_strv_contains (types, type))
    {
      set_problem (error, PROBLEM_INVALID, "Field %s has the type %s, which XDM does not have; use one "
                   "of string, integer, number, boolean, object or array.", path, type);
      return FALSE;
    }

  if (g_str_equal (type, "array"))
    {
      g_autofree char *items_path = g_strconcat (path, "[]", NULL);
      JsonNode *items = json_object_get_member (field, "items");

      if (items == NULL)
        {
          set_problem (error, PROBLEM_INVALID, "Field %s is an array without items.", path);
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
      if (get_object (field, "properties") == NULL)
        {
          set_problem (error, PROBLEM_INVALID, "Field %s is an object without properties.", path);
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
  JsonObject *properties = get_object (owner, "properties");
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (properties == NULL)
    {
      if (json_object_has_member (owner, "properties"))
        {
          set_problem (error, PROBLEM_INVALID, "properties of %s must be an object.",
                       path != NULL ? path : "the resource");
          return FALSE;
        }
      return TRUE;
    }

  json_object_iter_init_ordered (&iter, properties);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *field_path = path != NULL ? g_strconcat (path, ".", name, NULL) : g_strdup (name);

      if (!is_valid_field_name (name))
        {
          set_problem (error, PROBLEM_INVALID, "Field name %s is not valid: use letters, digits and "
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
  JsonObject *metadata = get_object (body, "meta:registryMetadata");
  g_autofree char *id = NULL;
  gint64 created_ms = g_get_real_time () / 1000;
  gint64 modified_ms = created_ms;

  if (get_string (body, "$id") != NULL)
    id = g_strdup (get_string (body, "$id"));
  else
    id = new_id (tenant, segment, get_string (body, "title"));

  if (metadata != NULL && json_object_has_member (metadata, "repo:createdDate"))
    {
      created_ms = json_object_get_int_member (metadata, "repo:createdDate");
      modified_ms = json_object_get_int_member_with_default (metadata, "repo:lastModifiedDate",
                                                             created_ms);
    }

  return sim_xdm_resource_new (owner, id, kind, get_string (body, "title"),
                               get_string (body, "description"), created_ms, modified_ms);
}

static JsonArray *
all_of_of (JsonObject  *body,
           const char  *what,
           GError     **error)
{
  JsonArray *all_of = get_array (body, "allOf");

  if (all_of == NULL || json_array_get_length (all_of) == 0)
    {
      set_problem (error, PROBLEM_INVALID, "allOf is required: %s.", what);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (all_of, i)))
      {
        set_problem (error, PROBLEM_INVALID, "allOf[%u] must be an object.", i);
        return NULL;
      }

  return all_of;
}

static JsonObject *
compose_schema (Container          *tenant,
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
  const char *meta_class = get_string (body, "meta:class");
  JsonObject *class_resource;
  JsonArray *class_extends;
  JsonArray *all_of;

  if (!check_title (tenant, body, SIM_XDM_SCHEMA, error))
    return NULL;

  if (!(all_of = all_of_of (body, "a schema is composed of one class and field groups, each "
                            "given as {\"$ref\": \"…\"}", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);
      const char *ref = get_string (entry, "$ref");
      JsonObject *target;

      if (ref == NULL)
        {
          set_problem (error, PROBLEM_INVALID, "allOf[%u] of a schema must be a {\"$ref\": \"…\"} to "
                       "a class or a field group.", i);
          return NULL;
        }
      if (!(target = find_any (tenant, ref)))
        {
          set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }

      if (resource_kind (target) == SIM_XDM_CLASS)
        {
          if (!g_ptr_array_find_with_equal_func (classes, ref, g_str_equal, NULL))
            g_ptr_array_add (classes, (gpointer) ref);
        }
      else if (resource_kind (target) == SIM_XDM_FIELD_GROUP)
        {
          if (!g_ptr_array_find_with_equal_func (field_groups, ref, g_str_equal, NULL))
            g_ptr_array_add (field_groups, (gpointer) ref);
        }
      else
        {
          set_problem (error, PROBLEM_INVALID, "%s is a %s resource; a schema's allOf references one "
                       "class and field groups only.", ref, get_string (target, "meta:resourceType"));
          return NULL;
        }

      json_array_add_object_element (stored_all_of, ref_object_new (ref));
      add_unique (refs, ref);
    }

  if (json_object_has_member (body, "meta:class") && meta_class == NULL)
    {
      set_problem (error, PROBLEM_INVALID, "meta:class must be the $id of the schema's class.");
      return NULL;
    }
  if (meta_class != NULL && !g_ptr_array_find_with_equal_func (classes, meta_class, g_str_equal, NULL))
    {
      set_problem (error, PROBLEM_INVALID, "meta:class %s is not a class among the schema's allOf "
                   "references.", meta_class);
      return NULL;
    }
  if (classes->len != 1)
    {
      set_problem (error, PROBLEM_INVALID, "A schema must reference exactly one class in allOf; "
                   "it references %u.", classes->len);
      return NULL;
    }

  class_resource = find_any (tenant, g_ptr_array_index (classes, 0));
  class_extends = get_array (class_resource, "meta:extends");

  /* An empty list, or a behaviour, means any class of that behaviour. */
  for (guint i = 0; i < field_groups->len; i++)
    {
      const char *id = g_ptr_array_index (field_groups, i);
      JsonArray *intended = get_array (find_any (tenant, id), "meta:intendedToExtend");
      gboolean fits = intended == NULL || json_array_get_length (intended) == 0 ||
                      array_contains_string (intended, g_ptr_array_index (classes, 0));

      for (guint j = 0; !fits && class_extends != NULL && j < json_array_get_length (class_extends); j++)
        fits = array_contains_string (intended, json_array_get_string_element (class_extends, j));

      if (!fits)
        {
          set_problem (error, PROBLEM_INCOMPATIBLE, "Field group %s is not compatible with class %s.",
                       id, (const char *) g_ptr_array_index (classes, 0));
          return NULL;
        }
    }

  if (tags_node != NULL &&
      (!JSON_NODE_HOLDS_ARRAY (tags_node) ||
       json_array_get_length (json_node_get_array (tags_node)) >
       (array_contains_string (json_node_get_array (tags_node), "union") ? 1u : 0u)))
    {
      set_problem (error, PROBLEM_INVALID, "meta:immutableTags may only hold \"union\".");
      return NULL;
    }

  /* As the registry does: the class's own bases, the class, the field groups. */
  for (guint i = 0; class_extends != NULL && i < json_array_get_length (class_extends); i++)
    add_unique (extends, json_array_get_string_element (class_extends, i));
  add_unique (extends, g_ptr_array_index (classes, 0));
  for (guint i = 0; i < field_groups->len; i++)
    add_unique (extends, g_ptr_array_index (field_groups, i));

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
  const char *id = get_string (class, "$id");
  g_autofree char *namespace = g_strconcat ("_", strrchr (id, '/') + 1, NULL);
  JsonObject *properties = NULL;
  JsonNode *adhoc;

  for (guint i = 0; i < json_array_get_length (all_of) && properties == NULL; i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);

      if (get_string (entry, "$ref") == NULL && get_object (entry, "properties") != NULL &&
          json_object_has_member (get_object (entry, "properties"), "_adhoc"))
        properties = get_object (entry, "properties");
    }

  if (properties == NULL || !get_object (get_object (properties, "_adhoc"), "properties"))
    {
      set_problem (error, PROBLEM_INVALID, "An ad hoc class must define properties._adhoc, an object "
                   "whose properties are the fields of the data.");
      return FALSE;
    }
  if (json_object_get_size (properties) != 1)
    {
      set_problem (error, PROBLEM_INVALID, "An ad hoc class may only define properties._adhoc.");
      return FALSE;
    }

  adhoc = sim_xdm_deep_copy (json_object_get_member (properties, "_adhoc"));
  json_object_remove_member (properties, "_adhoc");
  json_object_set_member (properties, namespace, adhoc);
  json_object_set_string_member (class, "meta:datasetNamespace", namespace);

  return TRUE;
}

static JsonObject *
compose_class (Container          *tenant,
               const SimXdmOwner  *owner,
               JsonObject         *body,
               GError            **error)
{
  g_autoptr(JsonObject) class = NULL;
  g_autoptr(JsonArray) stored_all_of = json_array_new ();
  g_autoptr(JsonArray) extends = json_array_new ();
  JsonObject *definitions = get_object (body, "definitions");
  const char *behavior = NULL;
  JsonArray *all_of;
  guint n_behaviors = 0;

  if (!check_title (tenant, body, SIM_XDM_CLASS, error))
    return NULL;

  if (!(all_of = all_of_of (body, "a class references one behaviour and defines its fields", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      JsonObject *entry = json_array_get_object_element (all_of, i);
      const char *ref = get_string (entry, "$ref");
      g_autofree char *where = g_strdup_printf ("allOf[%u]", i);
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
          JsonObject *definition = get_object (definitions, ref + strlen ("#/definitions/"));

          if (definition == NULL)
            {
              set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
              return NULL;
            }
          if (!validate_properties (tenant, NULL, definition, error))
            return NULL;
          json_array_add_element (stored_all_of, sim_xdm_deep_copy (json_array_get_element (all_of, i)));
          continue;
        }

      if (!(target = find_any (tenant, ref)))
        {
          set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }
      if (resource_kind (target) != SIM_XDM_BEHAVIOR)
        {
          set_problem (error, PROBLEM_INVALID, "%s is a %s resource; a class's allOf references a "
                       "behaviour (record, time-series or adhoc) and defines fields inline.", ref,
                       get_string (target, "meta:resourceType"));
          return NULL;
        }
      if (behavior == NULL || !g_str_equal (behavior, ref))
        n_behaviors++;
      behavior = ref;
      json_array_add_object_element (stored_all_of, ref_object_new (ref));
      add_unique (extends, ref);
    }

  if (n_behaviors != 1)
    {
      set_problem (error, PROBLEM_INVALID, "A class must reference exactly one behaviour (%s, %s or "
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
static JsonObject *
compose_fields (Container          *tenant,
                const SimXdmOwner  *owner,
                JsonObject         *body,
                SimXdmKind          kind,
                GError            **error)
{
  g_autoptr(JsonObject) resource = NULL;
  g_autoptr(JsonArray) extends = json_array_new ();
  JsonObject *definitions = get_object (body, "definitions");
  JsonArray *intended = get_array (body, "meta:intendedToExtend");
  JsonArray *all_of = get_array (body, "allOf");
  const char *segment = kind == SIM_XDM_FIELD_GROUP ? "mixins" : "datatypes";
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!check_title (tenant, body, kind, error))
    return NULL;

  if (definitions == NULL && get_object (body, "properties") == NULL)
    {
      set_problem (error, PROBLEM_INVALID, "The fields must be given as properties, or as definitions "
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
              set_problem (error, PROBLEM_INVALID, "definitions.%s must be an object.", name);
            return NULL;
          }
    }

  for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
    {
      JsonNode *element = json_array_get_element (all_of, i);
      const char *ref = JSON_NODE_HOLDS_OBJECT (element) ? get_string (json_node_get_object (element), "$ref")
                                                         : NULL;

      if (ref == NULL)
        {
          set_problem (error, PROBLEM_INVALID, "allOf[%u] must be a {\"$ref\": \"…\"}.", i);
          return NULL;
        }
      if (g_str_has_prefix (ref, "#/definitions/"))
        {
          if (get_object (definitions, ref + strlen ("#/definitions/")) == NULL)
            {
              set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
              return NULL;
            }
        }
      else if (find_any (tenant, ref) == NULL)
        {
          set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist.", ref);
          return NULL;
        }
      else if (resource_kind (find_any (tenant, ref)) != SIM_XDM_DATA_TYPE)
        {
          set_problem (error, PROBLEM_INVALID, "%s is not a data type; allOf may only reference "
                       "data types and definitions.", ref);
          return NULL;
        }
      else
        add_unique (extends, ref);
    }

  for (guint i = 0; kind == SIM_XDM_FIELD_GROUP && intended != NULL && i < json_array_get_length (intended); i++)
    {
      const char *class_id = json_array_get_string_element (intended, i);
      JsonObject *class = find_any (tenant, class_id);

      if (class == NULL || (resource_kind (class) != SIM_XDM_CLASS && resource_kind (class) != SIM_XDM_BEHAVIOR))
        {
          set_problem (error, PROBLEM_MISSING_REF, "Referenced resource %s does not exist or is not a "
                       "class (meta:intendedToExtend).", class_id != NULL ? class_id : "(not a string)");
          return NULL;
        }
    }

  resource = new_resource (tenant, owner, body, kind, segment);
  if (definitions != NULL)
    json_object_set_member (resource, "definitions",
                            sim_xdm_deep_copy (json_object_get_member (body, "definitions")));
  if (get_object (body, "properties") != NULL)
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

static void
ensure_library (void)
{
  if (registry->global != NULL)
    return;

  registry->global = container_new (NULL, NULL);
  {
    g_autoptr(GPtrArray) resources = sim_xdm_library_build_global ();

    for (guint i = 0; i < resources->len; i++)
      container_add (registry->global, g_ptr_array_index (resources, i));
  }
}

/* The demo org's content, built once and shared by its sandboxes. It is
 * made with the registry's own checks, so a mistake in it shows at once.
 */
static Container *
demo_content_for (SimOrg     *org,
                  const char *tenant_id)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) descriptors = NULL;
  SimClient *client = org->clients->len > 0 ? g_ptr_array_index (org->clients, 0) : NULL;
  SimXdmOwner owner;

  if (!g_str_equal (tenant_id, SIM_XDM_DEMO_TENANT))
    return NULL;
  if (registry->demo != NULL)
    return registry->demo;

  resources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  descriptors = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  registry->demo = container_new (tenant_id, org->id);
  owner = owner_for (registry->demo, client);

  sim_xdm_library_build_demo (&owner, resources, bodies, descriptors);
  for (guint i = 0; i < resources->len; i++)
    container_add (registry->demo, g_ptr_array_index (resources, i));
  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) schema = compose_schema (registry->demo, &owner, g_ptr_array_index (bodies, i),
                                                     &error);

      g_assert_no_error (error);
      container_add (registry->demo, schema);
    }
  for (guint i = 0; i < descriptors->len; i++)
    g_ptr_array_add (registry->demo->descriptors, json_object_ref (g_ptr_array_index (descriptors, i)));

  return registry->demo;
}

static Container *
tenant_for (SimClient  *client,
            const char *sandbox)
{
  g_autofree char *key = g_strconcat (client->org->id, "\n", sandbox, NULL);
  g_autofree char *tenant_id = NULL;
  Container *tenant;
  Container *demo;

  ensure_library ();

  if ((tenant = g_hash_table_lookup (registry->tenants, key)))
    return tenant;

  tenant_id = tenant_id_for_org (client->org);
  tenant = container_new (tenant_id, client->org->id);
  if ((demo = demo_content_for (client->org, tenant_id)))
    {
      for (guint i = 0; i < demo->resources->len; i++)
        container_add (tenant, g_ptr_array_index (demo->resources, i));
      for (guint i = 0; i < demo->descriptors->len; i++)
        g_ptr_array_add (tenant->descriptors, json_object_ref (g_ptr_array_index (demo->descriptors, i)));
      tenant->serial = demo->serial;
    }
  g_hash_table_insert (registry->tenants, g_steal_pointer (&key), tenant);

  return tenant;
}

/**
 * sim_schema_registry_has_schema:
 * @client: the client asking
 * @sandbox: the sandbox it named
 * @schema_id: a schema's `$id` or `meta:altId`
 *
 * Returns: whether the schema exists in that sandbox's registry
 */
gboolean
sim_schema_registry_has_schema (SimServer  *server,
                                SimClient  *client,
                                const char *sandbox,
                                const char *schema_id)
{
  JsonObject *schema;

  g_return_val_if_fail (registry != NULL && registry->server == server, FALSE);
  g_return_val_if_fail (client != NULL && sandbox != NULL, FALSE);

  schema = find_any (tenant_for (client, sandbox), schema_id);

  return schema != NULL && resource_kind (schema) == SIM_XDM_SCHEMA;
}

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

  if (get_array (target, "required") == NULL)
    json_object_set_array_member (target, "required", json_array_new ());
  into = get_array (target, "required");

  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      JsonNode *element = json_array_get_element (required, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        add_unique (into, json_node_get_string (element));
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
  if (g_strcmp0 (get_string (into, "type"), "array") == 0 && g_strcmp0 (get_string (from, "type"), "array") == 0)
    {
      into = get_object (into, "items");
      from = get_object (from, "items");
    }
  if (get_object (into, "properties") == NULL || get_object (from, "properties") == NULL)
    return;

  json_object_iter_init_ordered (&iter, get_object (from, "properties"));
  while (json_object_iter_next_ordered (&iter, &child, &child_node))
    merge_property (get_object (into, "properties"), child, child_node);
  merge_required (into, get_array (from, "required"));
}

static void
merge_properties (Resolver   *resolver,
                  JsonObject *target,
                  JsonObject *properties)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (get_object (target, "properties") == NULL)
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
      merge_property (get_object (target, "properties"), name, resolved);
    }
}

static void
merge_all_of (Resolver   *resolver,
              JsonObject *target,
              JsonObject *part,
              JsonObject *owner)
{
  JsonArray *all_of = get_array (part, "allOf");

  for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
    {
      JsonNode *element = json_array_get_element (all_of, i);
      JsonObject *entry;
      const char *ref;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = json_node_get_object (element);

      if ((ref = get_string (entry, "$ref")) == NULL)
        merge_part (resolver, target, entry, owner);
      else if (g_str_has_prefix (ref, "#/definitions/"))
        {
          JsonObject *definition = get_object (get_object (owner, "definitions"),
                                               ref + strlen ("#/definitions/"));

          if (definition != NULL)
            merge_part (resolver, target, definition, owner);
        }
      else
        {
          JsonObject *resource = find_any (resolver->tenant, ref);

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
  if ((properties = get_object (part, "properties")))
    merge_properties (resolver, target, properties);
  merge_required (target, get_array (part, "required"));

  resolver->depth--;
}

static JsonObject *
resolve_field (Resolver   *resolver,
               JsonObject *field)
{
  JsonObject *resolved = json_object_new ();
  const char *ref = get_string (field, "$ref");
  JsonObject *data_type = ref != NULL ? find_any (resolver->tenant, ref) : NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (data_type != NULL && resolver->depth < MAX_DEPTH)
    {
      /* The field's own title and description win over the data type's. */
      json_object_set_string_member (resolved, "type", "object");
      json_object_set_string_member (resolved, "meta:xdmType", "object");
      if (get_string (field, "title") == NULL && get_string (data_type, "title") != NULL)
        json_object_set_string_member (resolved, "title", get_string (data_type, "title"));
      if (get_string (field, "description") == NULL && get_string (data_type, "description") != NULL)
        json_object_set_string_member (resolved, "description", get_string (data_type, "description"));
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

static JsonObject *
resolve (Container  *tenant,
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

  if (get_object (merged, "properties") == NULL)
    json_object_set_object_member (merged, "properties", json_object_new ());
  json_object_set_member (resolved, "properties", json_node_ref (json_object_get_member (merged, "properties")));
  if (json_object_has_member (merged, "required"))
    json_object_set_member (resolved, "required", json_node_ref (json_object_get_member (merged, "required")));

  return resolved;
}

/* The -notext and -desc variants drop the text of the resource and of
 * every field: a field named "title" is still a field.
 */
static void
strip_text (JsonObject *schema,
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
              strip_text (json_node_get_object (field), titles, descriptions);
        }
      else if ((g_str_equal (name, "items") || g_str_equal (name, "additionalProperties")) &&
               JSON_NODE_HOLDS_OBJECT (node))
        strip_text (json_node_get_object (node), titles, descriptions);
      else if (g_str_equal (name, "allOf") && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *all_of = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (all_of); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (all_of, i)))
              strip_text (json_array_get_object_element (all_of, i), titles, descriptions);
        }
    }
}

/* Request helpers */

static gboolean
is_global (SimRequest *request)
{
  return g_strcmp0 (sim_request_get_param (request, "container"), "global") == 0;
}

static gboolean
check_container (SimRequest *request)
{
  const char *container = sim_request_get_param (request, "container");

  if (g_strcmp0 (container, "global") != 0 && g_strcmp0 (container, "tenant") != 0)
    {
      sim_request_reply_problem (request, 404, "XDM-1012-404", "Resource Not Found",
                                 "There is no container %s; use global or tenant.", container);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_kind (SimRequest *request,
            SimXdmKind *kind)
{
  const char *segment = sim_request_get_param (request, "kind");

  if (!check_container (request))
    return FALSE;

  /* Behaviours are Adobe's alone. */
  if (!sim_xdm_kind_from_segment (segment, kind) || (*kind == SIM_XDM_BEHAVIOR && !is_global (request)))
    {
      sim_request_reply_problem (request, 404, "XDM-1012-404", "Resource Not Found",
                                 "There are no %s in the %s container.", segment,
                                 sim_request_get_param (request, "container"));
      return FALSE;
    }

  return TRUE;
}

static Container *
request_container (SimRequest *request)
{
  Container *tenant = tenant_for (request->client, request->sandbox);

  return is_global (request) ? registry->global : tenant;
}

/* Global resources are told in the namespace of whoever asks. */
static JsonObject *
dup_for_reply (SimRequest *request,
               JsonObject *resource)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), resource);
  g_autoptr(JsonNode) copy = sim_xdm_deep_copy (node);
  JsonObject *object = json_node_dup_object (copy);

  if (g_strcmp0 (get_string (resource, "meta:containerId"), "global") == 0)
    {
      g_autofree char *namespace = g_strconcat ("_", tenant_for (request->client, request->sandbox)->tenant_id,
                                                NULL);

      json_object_set_string_member (object, "meta:tenantNamespace", namespace);
    }

  return object;
}

/* A copy of @array's pointers that does not own them: g_ptr_array_copy ()
 * would carry over @array's free function without taking references.
 */
static GPtrArray *
borrow_all (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));

  return copy;
}

static void
reply_object (SimRequest *request,
              guint       status,
              JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  sim_request_reply_json (request, status, node);
}

static void reply_invalid_query (SimRequest *request,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (2, 3);

static void
reply_invalid_query (SimRequest *request,
                     const char *format,
                     ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sim_request_reply_problem (request, 400, "XDM-1002-400", "Invalid query parameter", "%s", detail);
}

static const char *
accept_of (SimRequest *request)
{
  const char *accept = sim_request_get_header (request, "Accept");

  return accept != NULL ? accept : "";
}

/* Splits "application/vnd.adobe.xed-full+json; version=1" into the
 * format ("xed-full") and the version ("1", or NULL without one).
 */
static gboolean
parse_accept (const char  *accept,
              char       **format,
              char       **version)
{
  g_auto(GStrv) parts = g_strsplit (accept, ";", -1);
  g_autofree char *media = NULL;

  *format = NULL;
  *version = NULL;

  if (parts[0] == NULL)
    return FALSE;

  media = g_ascii_strdown (g_strstrip (parts[0]), -1);
  if (!g_str_has_prefix (media, "application/vnd.adobe.") ||
      !g_str_has_suffix (media, "+json"))
    return FALSE;

  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *parameter = g_strstrip (parts[i]);
      char *equals = strchr (parameter, '=');
      g_autofree char *name = NULL;

      if (equals == NULL)
        return FALSE;
      name = g_strstrip (g_strndup (parameter, equals - parameter));
      if (g_ascii_strcasecmp (name, "version") != 0 || *version != NULL)
        return FALSE;
      *version = g_strstrip (g_strdup (equals + 1));
    }

  *format = g_strndup (media + strlen ("application/vnd.adobe."),
                       strlen (media) - strlen ("application/vnd.adobe.") - strlen ("+json"));

  return TRUE;
}

/* Listing: sorting, filtering and paging */

typedef struct
{
  char *name;
  gboolean descending;
} SortKey;

static void
sort_key_clear (SortKey *key)
{
  g_free (key->name);
}

static gboolean
is_date_key (const char *name)
{
  return g_str_equal (name, "created") || g_str_equal (name, "updated") ||
         g_str_equal (name, "repo:createdDate") || g_str_equal (name, "repo:lastModifiedDate");
}

static gint64
date_of (JsonObject *object,
         const char *name)
{
  JsonObject *metadata = get_object (object, "meta:registryMetadata");
  const char *member = g_str_equal (name, "created") || g_str_equal (name, "repo:createdDate")
                       ? "repo:createdDate" : "repo:lastModifiedDate";

  return metadata != NULL ? json_object_get_int_member_with_default (metadata, member, 0) : 0;
}

static char *
sort_value (JsonObject *object,
            const char *name)
{
  if (is_date_key (name))
    return g_strdup_printf ("%" G_GINT64_FORMAT, date_of (object, name));

  return g_strdup (get_string (object, name) ?: "");
}

static int
compare_key (JsonObject    *a,
             JsonObject    *b,
             const SortKey *key)
{
  int result;

  if (is_date_key (key->name))
    {
      gint64 x = date_of (a, key->name);
      gint64 y = date_of (b, key->name);

      result = x < y ? -1 : x > y;
    }
  else
    result = g_strcmp0 (get_string (a, key->name) ?: "", get_string (b, key->name) ?: "");

  return key->descending ? -result : result;
}

static int
compare_resources (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GArray *keys = user_data;
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;

  for (guint i = 0; i < keys->len; i++)
    {
      int result = compare_key (x, y, &g_array_index (keys, SortKey, i));

      if (result != 0)
        return result;
    }

  /* Ties in a stable order, so pages neither repeat nor skip. */
  return g_strcmp0 (get_string (x, "$id") ?: get_string (x, "@id"), get_string (y, "$id") ?: get_string (y, "@id"));
}

/* Past @start: strictly after it in the primary order. */
static gboolean
is_after_start (JsonObject    *object,
                const SortKey *key,
                const char    *start)
{
  int result;

  if (is_date_key (key->name))
    {
      gint64 value = date_of (object, key->name);
      gint64 bound = g_ascii_strtoll (start, NULL, 10);

      result = value < bound ? -1 : value > bound;
    }
  else
    result = g_strcmp0 (get_string (object, key->name) ?: "", start);

  return key->descending ? result < 0 : result > 0;
}

typedef enum
{
  FILTER_EXISTS,
  FILTER_ABSENT,
  FILTER_EQUAL,
  FILTER_NOT_EQUAL,
  FILTER_MATCH,
  FILTER_LESS,
  FILTER_LESS_EQUAL,
  FILTER_GREATER,
  FILTER_GREATER_EQUAL,
} FilterOp;

typedef struct
{
  char *name;
  FilterOp op;
  char *value;
  GRegex *regex;
} Filter;

static void
filter_clear (Filter *filter)
{
  g_free (filter->name);
  g_free (filter->value);
  g_clear_pointer (&filter->regex, g_regex_unref);
}

static gboolean
parse_filter (const char  *text,
              Filter      *filter,
              GError     **error)
{
  static const struct { const char *token; FilterOp op; } ops[] = {
    { "==", FILTER_EQUAL }, { "!=", FILTER_NOT_EQUAL }, { "<=", FILTER_LESS_EQUAL },
    { ">=", FILTER_GREATER_EQUAL }, { "~", FILTER_MATCH }, { "<", FILTER_LESS }, { ">", FILTER_GREATER },
  };

  memset (filter, 0, sizeof *filter);

  for (const char *p = text; *p != '\0'; p++)
    for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
      if (g_str_has_prefix (p, ops[i].token) && p > text)
        {
          filter->name = g_strstrip (g_strndup (text, p - text));
          filter->op = ops[i].op;
          filter->value = g_strdup (p + strlen (ops[i].token));
          if (filter->op == FILTER_MATCH &&
              !(filter->regex = g_regex_new (filter->value, G_REGEX_CASELESS, 0, error)))
            return FALSE;
          return TRUE;
        }

  filter->op = text[0] == '!' ? FILTER_ABSENT : FILTER_EXISTS;
  filter->name = g_strstrip (g_strdup (text + (text[0] == '!')));

  return filter->name[0] != '\0';
}

static gboolean
value_matches (JsonNode     *node,
               const Filter *filter)
{
  const char *text;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (value_matches (json_array_get_element (array, i), filter))
          return TRUE;
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = json_node_get_string (node);
  else
    text = NULL;

  switch (filter->op)
    {
    case FILTER_EQUAL:
    case FILTER_NOT_EQUAL:
      if (text != NULL)
        return g_str_equal (text, filter->value);
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return g_str_equal (filter->value, json_node_get_boolean (node) ? "true" : "false");
      return json_node_get_double (node) == g_ascii_strtod (filter->value, NULL);
    case FILTER_MATCH:
      return text != NULL && g_regex_match (filter->regex, text, 0, NULL);
    case FILTER_LESS:
    case FILTER_LESS_EQUAL:
    case FILTER_GREATER:
    case FILTER_GREATER_EQUAL:
      {
        double value = text != NULL ? g_ascii_strtod (text, NULL) : json_node_get_double (node);
        double bound = g_ascii_strtod (filter->value, NULL);

        return filter->op == FILTER_LESS ? value < bound :
               filter->op == FILTER_LESS_EQUAL ? value <= bound :
               filter->op == FILTER_GREATER ? value > bound : value >= bound;
      }
    case FILTER_EXISTS:
    case FILTER_ABSENT:
    default:
      return TRUE;
    }
}

static gboolean
filter_accepts (const Filter *filter,
                JsonObject   *object)
{
  JsonNode *node = json_object_get_member (object, filter->name);

  if (filter->op == FILTER_EXISTS)
    return node != NULL;
  if (filter->op == FILTER_ABSENT)
    return node == NULL;
  if (filter->op == FILTER_NOT_EQUAL)
    {
      Filter equal = *filter;

      equal.op = FILTER_EQUAL;
      return node == NULL || !value_matches (node, &equal);
    }

  return node != NULL && value_matches (node, filter);
}

typedef struct
{
  GArray *keys;             /* SortKey */
  GArray *filters;          /* Filter */
  const char *start;
  gint64 limit;             /* 0: no paging */
  gboolean ordered;
} Listing;

static void
listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->keys, g_array_unref);
  g_clear_pointer (&listing->filters, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listing, listing_clear)

/* Filters are comma-separated; a comma inside a regular expression is
 * written \x2c by clients, so a plain split is right.
 */
static gboolean
parse_listing (SimRequest *request,
               const char *default_order,
               Listing    *listing)
{
  const char *orderby = sim_request_get_query (request, "orderby");
  const char *limit = sim_request_get_query (request, "limit");
  const char *property = sim_request_get_query (request, "property");
  g_auto(GStrv) order = NULL;

  listing->keys = g_array_new (FALSE, TRUE, sizeof (SortKey));
  g_array_set_clear_func (listing->keys, (GDestroyNotify) sort_key_clear);
  listing->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (listing->filters, (GDestroyNotify) filter_clear);
  listing->start = sim_request_get_query (request, "start");
  listing->ordered = orderby != NULL;

  if (orderby == NULL && (limit != NULL || listing->start != NULL))
    {
      reply_invalid_query (request, "The %s parameter cannot be used without an orderby parameter.",
                           limit != NULL ? "limit" : "start");
      return FALSE;
    }

  order = g_strsplit (orderby != NULL ? orderby : default_order, ",", -1);
  for (guint i = 0; order[i] != NULL; i++)
    {
      const char *name = g_strstrip (order[i]);
      SortKey key = { NULL, name[0] == '-' };

      name += name[0] == '-' || name[0] == '+';
      if (name[0] == '\0')
        {
          reply_invalid_query (request, "The orderby parameter '%s' names no property.", orderby);
          return FALSE;
        }
      key.name = g_strdup (name);
      g_array_append_val (listing->keys, key);
    }
  if (listing->keys->len == 0)
    {
      reply_invalid_query (request, "The orderby parameter '%s' names no property.", orderby ?: "");
      return FALSE;
    }

  if (orderby != NULL)
    {
      listing->limit = DEFAULT_LIMIT;
      if (limit != NULL && !g_ascii_string_to_signed (limit, 10, 1, MAX_LIMIT, &listing->limit, NULL))
        {
          reply_invalid_query (request, "The limit parameter must be an integer from 1 to 500, not '%s'.",
                               limit);
          return FALSE;
        }
    }

  if (property != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (property, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          Filter filter;

          if (!parse_filter (parts[i], &filter, &error))
            {
              filter_clear (&filter);
              sim_request_reply_problem (request, 400, "XDM-1002-400", "Invalid query parameter",
                                         "The property filter '%s' is not valid%s%s", parts[i],
                                         error != NULL ? ": " : ".", error != NULL ? error->message : "");
              return FALSE;
            }
          g_array_append_val (listing->filters, filter);
        }
    }

  return TRUE;
}

/* Returns the page of @objects, and sets @next to the start value of
 * the following page, NULL on the last.
 */
static GPtrArray *
apply_listing (Listing    *listing,
               GPtrArray  *objects,
               char      **next)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *page = g_ptr_array_new ();
  const SortKey *primary = &g_array_index (listing->keys, SortKey, 0);

  *next = NULL;

  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);
      gboolean keep = TRUE;

      for (guint j = 0; keep && j < listing->filters->len; j++)
        keep = filter_accepts (&g_array_index (listing->filters, Filter, j), object);
      if (keep && listing->start != NULL)
        keep = is_after_start (object, primary, listing->start);
      if (keep)
        g_ptr_array_add (kept, object);
    }

  g_ptr_array_sort_with_data (kept, compare_resources, listing->keys);

  for (guint i = 0; i < kept->len; i++)
    {
      if (listing->limit > 0 && page->len == listing->limit)
        {
          *next = sort_value (g_ptr_array_index (page, page->len - 1), primary->name);
          break;
        }
      g_ptr_array_add (page, g_ptr_array_index (kept, i));
    }

  return page;
}

static char *
next_href (SimRequest *request,
           const char *next)
{
  GUri *uri = soup_server_message_get_uri (request->message);
  const char *query = g_uri_get_query (uri);
  g_auto(GStrv) parts = g_strsplit (query != NULL ? query : "", "&", -1);
  g_autoptr(GString) href = g_string_new (sim_server_get_base_url (request->server));
  g_autofree char *escaped_path = g_uri_escape_string (request->path, "/:@!$&'()*+,;=", FALSE);
  g_autofree char *escaped = g_uri_escape_string (next, NULL, FALSE);
  char separator = '?';

  g_string_append (href, escaped_path);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && !g_str_has_prefix (parts[i], "start="))
      {
        g_string_append_printf (href, "%c%s", separator, parts[i]);
        separator = '&';
      }
  g_string_append_printf (href, "%cstart=%s", separator, escaped);

  return g_string_free (g_steal_pointer (&href), FALSE);
}

static JsonObject *
page_reply_new (SimRequest *request,
                JsonArray  *results,
                Listing    *listing,
                const char *next,
                const char *global_href)
{
  JsonObject *reply = json_object_new ();
  JsonObject *page = json_object_new ();
  JsonObject *links = json_object_new ();
  g_autoptr(GString) orderby = g_string_new (NULL);

  for (guint i = 0; i < listing->keys->len; i++)
    {
      const SortKey *key = &g_array_index (listing->keys, SortKey, i);

      g_string_append_printf (orderby, "%s%s%s", i > 0 ? "," : "", key->descending ? "-" : "", key->name);
    }

  json_object_set_array_member (reply, "results", json_array_ref (results));
  json_object_set_string_member (page, "orderby", orderby->str);
  if (next != NULL)
    json_object_set_string_member (page, "next", next);
  else
    json_object_set_null_member (page, "next");
  json_object_set_int_member (page, "count", json_array_get_length (results));
  json_object_set_object_member (reply, "_page", page);

  if (next != NULL)
    {
      JsonObject *link = json_object_new ();
      g_autofree char *href = next_href (request, next);

      json_object_set_string_member (link, "href", href);
      json_object_set_object_member (links, "next", link);
    }
  else
    json_object_set_null_member (links, "next");
  if (global_href != NULL)
    {
      JsonObject *link = json_object_new ();
      g_autofree char *href = g_strconcat (sim_server_get_base_url (request->server), global_href, NULL);

      json_object_set_string_member (link, "href", href);
      json_object_set_object_member (links, "global_schemas", link);
    }
  json_object_set_object_member (reply, "_links", links);

  return reply;
}

static JsonObject *
summary_new (JsonObject *resource)
{
  JsonObject *summary = json_object_new ();
  static const char * const members[] = { "$id", "meta:altId", "version", "title" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (get_string (resource, members[i]) != NULL)
      json_object_set_string_member (summary, members[i], get_string (resource, members[i]));

  return summary;
}

static void
list_cb (SimRequest *request)
{
  g_auto(Listing) listing = { 0 };
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  g_autofree char *next = NULL;
  const char *accept = accept_of (request);
  Container *container;
  SimXdmKind kind;
  gboolean ids_only;

  if (!check_kind (request, &kind))
    return;

  if (!parse_accept (accept, &format, &version) || version != NULL ||
      (!g_str_equal (format, "xed-id") && !g_str_equal (format, "xed")))
    {
      sim_request_reply_problem (request, 400, "XDM-1006-400", "Accept header invalid",
                                 "The supplied Accept header is not valid: %s - A valid Accept value "
                                 "should look like application/vnd.adobe.'{xed|xdm'}+json", accept);
      return;
    }
  ids_only = g_str_equal (format, "xed-id");

  if (!parse_listing (request, "title", &listing))
    return;

  container = request_container (request);
  for (guint i = 0; i < container->resources->len; i++)
    if (resource_kind (g_ptr_array_index (container->resources, i)) == kind)
      g_ptr_array_add (resources, g_ptr_array_index (container->resources, i));

  page = apply_listing (&listing, resources, &next);
  for (guint i = 0; i < page->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (page, i);

      if (ids_only)
        json_array_add_object_element (results, summary_new (resource));
      else if (is_global (request))
        json_array_add_object_element (results, dup_for_reply (request, resource));
      else
        json_array_add_object_element (results, json_object_ref (resource));
    }

  reply = page_reply_new (request, results, &listing, next,
                          kind == SIM_XDM_SCHEMA ? BASE_PATH "/global/schemas" : NULL);
  reply_object (request, 200, reply);
}

/* The `$id` of a lookup: a segment of its own, or, as the server hands
 * on a percent-encoded `$id` decoded, the rest of the path.
 */
static char *
requested_id (SimRequest *request)
{
  g_autofree char *prefix = g_strdup_printf (BASE_PATH "/%s/%s/", sim_request_get_param (request, "container"),
                                             sim_request_get_param (request, "kind"));
  const char *rest;
  char *id;

  if (!g_str_has_prefix (request->path, prefix))
    return g_strdup (sim_request_get_param (request, "id"));

  rest = request->path + strlen (prefix);
  id = g_uri_unescape_string (rest, NULL);

  return id != NULL ? id : g_strdup (rest);
}

static JsonObject *
find_requested (SimRequest  *request,
                SimXdmKind   kind,
                char       **id)
{
  JsonObject *resource;

  *id = requested_id (request);
  resource = container_find (request_container (request), *id);

  return resource != NULL && resource_kind (resource) == kind ? resource : NULL;
}

static void
reply_not_found (SimRequest *request,
                 const char *id,
                 const char *version)
{
  sim_request_reply_problem (request, 404, "XDM-1012-404", "Resource Not Found",
                             "Requested resource %s with version %s is not found", id, version);
}

static void
lookup_cb (SimRequest *request)
{
  static const char * const formats[] = {
    "xed", "xed-notext", "xed-full", "xed-full-notext", "xed-full-desc", NULL
  };
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  g_autofree char *id = NULL;
  g_autofree char *major_text = NULL;
  const char *accept = accept_of (request);
  JsonObject *resource;
  SimXdmKind kind;
  gint64 major;

  if (!check_kind (request, &kind))
    return;

  if (!parse_accept (accept, &format, &version) || version == NULL || !g_strv_contains (formats, format))
    {
      sim_request_reply_problem (request, 400, "XDM-1007-400", "Accept header invalid",
                                 "The supplied Accept header is not valid: %s - A valid Accept value "
                                 "should look like application/vnd.adobe.'{xed|xdm'}+json; version=1 "
                                 "(Version should be specified)", accept);
      return;
    }

  resource = find_requested (request, kind, &id);

  /* "1" and "1.0" name the major version; only 1 exists. */
  major_text = g_strndup (version, strcspn (version, "."));
  if (!g_ascii_string_to_signed (major_text, 10, 0, G_MAXINT32, &major, NULL) || major != 1 ||
      resource == NULL)
    {
      reply_not_found (request, id, version);
      return;
    }

  if (g_str_has_prefix (format, "xed-full"))
    {
      reply = resolve (tenant_for (request->client, request->sandbox), resource);
      if (g_strcmp0 (get_string (resource, "meta:containerId"), "global") == 0)
        {
          g_autofree char *namespace = g_strconcat ("_", tenant_for (request->client, request->sandbox)->tenant_id,
                                                    NULL);

          json_object_set_string_member (reply, "meta:tenantNamespace", namespace);
        }
    }
  else
    reply = dup_for_reply (request, resource);

  if (g_str_has_suffix (format, "-notext"))
    strip_text (reply, TRUE, TRUE);
  else if (g_str_has_suffix (format, "-desc"))
    strip_text (reply, TRUE, FALSE);

  reply_object (request, 200, reply);
}

static gboolean
check_tenant_write (SimRequest *request)
{
  if (is_global (request))
    {
      sim_request_reply_problem (request, 403, "XDM-1013-403", "Forbidden",
                                 "The global container holds Adobe's resources; create and change "
                                 "resources in the tenant container.");
      return FALSE;
    }

  return TRUE;
}

static void
create_cb (SimRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) resource = NULL;
  Container *tenant;
  SimXdmOwner owner;
  SimXdmKind kind;
  JsonObject *body;

  if (!check_kind (request, &kind) || !check_tenant_write (request))
    return;

  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "XDM-1000-400", "Invalid request",
                                 "The request body must be a JSON object describing the %s.",
                                 sim_request_get_param (request, "kind"));
      return;
    }
  body = json_node_get_object (request->body);

  tenant = tenant_for (request->client, request->sandbox);
  owner = owner_for (tenant, request->client);

  /* Ids are the registry's to give. */
  if (json_object_has_member (body, "$id"))
    {
      sim_request_reply_problem (request, 400, "XDM-1000-400", "Invalid request",
                                 "$id may not be given; the registry assigns it.");
      return;
    }

  switch (kind)
    {
    case SIM_XDM_SCHEMA:
      resource = compose_schema (tenant, &owner, body, &error);
      break;
    case SIM_XDM_CLASS:
      resource = compose_class (tenant, &owner, body, &error);
      break;
    case SIM_XDM_FIELD_GROUP:
    case SIM_XDM_DATA_TYPE:
      resource = compose_fields (tenant, &owner, body, kind, &error);
      break;
    case SIM_XDM_BEHAVIOR:
    case SIM_XDM_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (resource == NULL)
    {
      reply_error (request, error);
      return;
    }

  container_add (tenant, resource);
  g_debug ("Created %s %s in %s/%s", sim_xdm_kind_resource_type (kind), get_string (resource, "$id"),
           request->client->org->id, request->sandbox);

  reply_object (request, 201, resource);
}

static gboolean
is_referenced (Container  *tenant,
               const char *id)
{
  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (tenant->resources, i);

      if (g_strcmp0 (get_string (resource, "$id"), id) != 0 &&
          (array_contains_string (get_array (resource, "meta:extends"), id) ||
           array_contains_string (get_array (resource, "refs"), id)))
        return TRUE;
    }

  return FALSE;
}

static void
delete_cb (SimRequest *request)
{
  g_autofree char *id = NULL;
  JsonObject *resource;
  Container *tenant;
  SimXdmKind kind;

  if (!check_kind (request, &kind) || !check_tenant_write (request))
    return;

  tenant = tenant_for (request->client, request->sandbox);
  if (!(resource = find_requested (request, kind, &id)))
    {
      reply_not_found (request, id, "1");
      return;
    }

  if (is_referenced (tenant, get_string (resource, "$id")))
    {
      sim_request_reply_problem (request, 409, "XDM-1014-409", "Resource in use",
                                 "%s is used by other resources of the registry; delete them first.",
                                 get_string (resource, "$id"));
      return;
    }

  g_debug ("Deleted %s from %s/%s", id, request->client->org->id, request->sandbox);
  container_remove (tenant, resource);
  soup_server_message_set_status (request->message, 204, NULL);
}

/* Descriptors */

static gboolean
parse_descriptor_accept (SimRequest *request,
                         gboolean   *paged,
                         char      **style)
{
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  const char *accept = accept_of (request);
  const char *rest;

  if (!parse_accept (accept, &format, &version) || version != NULL || !g_str_has_prefix (format, "xdm"))
    goto invalid;

  rest = format + strlen ("xdm");
  *paged = g_str_has_prefix (rest, "-v2");
  rest += *paged ? strlen ("-v2") : 0;
  if (rest[0] != '\0' && !g_str_equal (rest, "-id") && !g_str_equal (rest, "-link"))
    goto invalid;
  *style = g_strdup (rest[0] != '\0' ? rest + 1 : "object");

  return TRUE;

invalid:
  sim_request_reply_problem (request, 400, "XDM-1008-400", "Accept header invalid",
                             "The supplied Accept header is not valid: %s - A valid Accept value "
                             "should look like application/vnd.adobe.xdm-id+json", accept);
  return FALSE;
}

static JsonNode *
descriptor_in_style (JsonObject *descriptor,
                     const char *style)
{
  if (g_str_equal (style, "id"))
    return json_node_init_string (json_node_alloc (), get_string (descriptor, "@id"));

  if (g_str_equal (style, "link"))
    {
      g_autofree char *link = g_strconcat ("/tenant/descriptors/", get_string (descriptor, "@id"), NULL);

      return json_node_init_string (json_node_alloc (), link);
    }

  return json_node_init_object (json_node_alloc (), descriptor);
}

static void
list_descriptors_cb (SimRequest *request)
{
  g_auto(Listing) listing = { 0 };
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) descriptors = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *style = NULL;
  g_autofree char *next = NULL;
  gboolean paged;

  if (!check_container (request) || !parse_descriptor_accept (request, &paged, &style) ||
      !parse_listing (request, "@id", &listing))
    return;

  /* Descriptors belong to tenants; the global container has none. */
  if (is_global (request))
    descriptors = g_ptr_array_new ();
  else
    descriptors = borrow_all (tenant_for (request->client, request->sandbox)->descriptors);

  if (!paged)
    listing.limit = 0;
  page = apply_listing (&listing, descriptors, &next);

  if (paged)
    {
      g_autoptr(JsonArray) results = json_array_new ();

      for (guint i = 0; i < page->len; i++)
        json_array_add_element (results, descriptor_in_style (g_ptr_array_index (page, i), style));
      reply = page_reply_new (request, results, &listing, next, NULL);
    }
  else
    {
      reply = json_object_new ();
      for (guint i = 0; i < page->len; i++)
        {
          JsonObject *descriptor = g_ptr_array_index (page, i);
          const char *type = get_string (descriptor, "@type");

          if (get_array (reply, type) == NULL)
            json_object_set_array_member (reply, type, json_array_new ());
          json_array_add_element (get_array (reply, type), descriptor_in_style (descriptor, style));
        }
    }

  reply_object (request, 200, reply);
}

static void
get_descriptor_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  GPtrArray *descriptors;

  if (!check_container (request))
    return;

  descriptors = tenant_for (request->client, request->sandbox)->descriptors;
  for (guint i = 0; !is_global (request) && i < descriptors->len; i++)
    if (g_strcmp0 (get_string (g_ptr_array_index (descriptors, i), "@id"), id) == 0)
      {
        reply_object (request, 200, g_ptr_array_index (descriptors, i));
        return;
      }

  sim_request_reply_problem (request, 404, "XDM-1012-404", "Resource Not Found",
                             "Requested descriptor %s is not found", id);
}

/* Stats */

static int
compare_created_desc (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = date_of (*(JsonObject **) a, "created");
  gint64 y = date_of (*(JsonObject **) b, "created");

  return x < y ? 1 : x > y ? -1 : 0;
}

static int
compare_updated_desc (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = date_of (*(JsonObject **) a, "updated");
  gint64 y = date_of (*(JsonObject **) b, "updated");

  return x < y ? 1 : x > y ? -1 : 0;
}

static JsonArray *
recent (GPtrArray    *resources,
        GCompareFunc  compare)
{
  g_autoptr(GPtrArray) sorted = borrow_all (resources);
  JsonArray *array = json_array_new ();

  g_ptr_array_sort (sorted, compare);
  for (guint i = 0; i < sorted->len && i < 5; i++)
    {
      JsonObject *summary = summary_new (g_ptr_array_index (sorted, i));

      json_object_set_string_member (summary, "meta:resourceType",
                                     get_string (g_ptr_array_index (sorted, i), "meta:resourceType"));
      json_array_add_object_element (array, summary);
    }

  return array;
}

static void
stats_cb (SimRequest *request)
{
  Container *tenant = tenant_for (request->client, request->sandbox);
  g_autoptr(JsonObject) reply = json_object_new ();
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *usage = json_array_new ();
  guint n[SIM_XDM_N_KINDS] = { 0 };
  guint unions = 0;

  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (tenant->resources, i);
      SimXdmKind kind = resource_kind (resource);

      if (kind < SIM_XDM_N_KINDS)
        n[kind]++;
      if (kind == SIM_XDM_SCHEMA && array_contains_string (get_array (resource, "meta:immutableTags"), "union"))
        unions++;
      if (kind == SIM_XDM_SCHEMA &&
          !g_ptr_array_find_with_equal_func (classes, get_string (resource, "meta:class"), g_str_equal, NULL))
        g_ptr_array_add (classes, (gpointer) get_string (resource, "meta:class"));
    }

  json_object_set_string_member (reply, "imsOrg", tenant->org_id);
  json_object_set_string_member (reply, "tenantId", tenant->tenant_id);
  json_object_set_int_member (counts, "schemas", n[SIM_XDM_SCHEMA]);
  json_object_set_int_member (counts, "mixins", n[SIM_XDM_FIELD_GROUP]);
  json_object_set_int_member (counts, "datatypes", n[SIM_XDM_DATA_TYPE]);
  json_object_set_int_member (counts, "classes", n[SIM_XDM_CLASS]);
  json_object_set_int_member (counts, "unions", unions);
  json_object_set_object_member (reply, "counts", counts);
  json_object_set_array_member (reply, "recentlyCreatedResources", recent (tenant->resources, compare_created_desc));
  json_object_set_array_member (reply, "recentlyUpdatedResources", recent (tenant->resources, compare_updated_desc));

  for (guint i = 0; i < classes->len; i++)
    {
      const char *class_id = g_ptr_array_index (classes, i);
      JsonObject *class = find_any (tenant, class_id);
      JsonObject *item = json_object_new ();
      JsonArray *schemas = json_array_new ();

      for (guint j = 0; j < tenant->resources->len; j++)
        {
          JsonObject *resource = g_ptr_array_index (tenant->resources, j);
          JsonObject *schema;

          if (resource_kind (resource) != SIM_XDM_SCHEMA || g_strcmp0 (get_string (resource, "meta:class"), class_id) != 0)
            continue;
          schema = json_object_new ();
          json_object_set_string_member (schema, "$id", get_string (resource, "$id"));
          json_object_set_string_member (schema, "title", get_string (resource, "title"));
          json_object_set_string_member (schema, "description", get_string (resource, "description") ?: "");
          json_array_add_object_element (schemas, schema);
        }

      json_object_set_string_member (item, "$id", class_id);
      json_object_set_string_member (item, "title", get_string (class, "title") ?: class_id);
      json_object_set_int_member (item, "numberOfSchemas", json_array_get_length (schemas));
      json_object_set_array_member (item, "schemas", schemas);
      json_array_add_object_element (usage, item);
    }
  json_object_set_array_member (reply, "classUsage", usage);

  reply_object (request, 200, reply);
}

static void
add_id_routes (SimServer  *server,
               const char *method,
               SimHandler  handler)
{
  g_autoptr(GString) pattern = g_string_new (BASE_PATH "/{container}/{kind}/{id}");

  sim_server_add_route (server, method, pattern->str, SIM_ROUTE_DEFAULT, handler);

  /* The server decodes a percent-encoded `$id` before routing, so
   * https://ns.adobe.com/a/b arrives as segments "https:", "",
   * "ns.adobe.com", "a", "b".
   */
  g_string_assign (pattern, BASE_PATH "/{container}/{kind}/{scheme}//{host}");
  for (guint i = 1; i <= MAX_ID_SEGMENTS; i++)
    {
      g_string_append_printf (pattern, "/{segment%u}", i);
      sim_server_add_route (server, method, pattern->str, SIM_ROUTE_DEFAULT, handler);
    }
}

void
sim_schema_registry_register (SimServer *server)
{
  g_return_if_fail (registry == NULL);

  /* Filled on first use, so the simulator starts at once. */
  registry = g_new0 (Registry, 1);
  registry->server = server;
  registry->tenants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) container_free);

  sim_server_add_route (server, "GET", BASE_PATH "/stats", SIM_ROUTE_DEFAULT, stats_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/descriptors", SIM_ROUTE_DEFAULT,
                        list_descriptors_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/descriptors/{id}", SIM_ROUTE_DEFAULT,
                        get_descriptor_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/{kind}", SIM_ROUTE_DEFAULT, list_cb);
  sim_server_add_route (server, "POST", BASE_PATH "/{container}/{kind}", SIM_ROUTE_DEFAULT, create_cb);
  add_id_routes (server, "GET", lookup_cb);
  add_id_routes (server, "DELETE", delete_cb);
}
