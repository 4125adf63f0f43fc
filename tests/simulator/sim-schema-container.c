/* sim-schema-container.c
 *
 * The Schema Registry's containers: the global one, and one per (org,
 * sandbox) made on first use from the org's demo content, so what a test
 * creates in one sandbox is absent from the others. Stored resources are
 * never changed, only added and removed, so sandboxes share the demo
 * content instead of copying it. Also the helpers every request of the
 * registry uses.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-schema-registry-private.h"

typedef struct
{
  SimServer *server;
  Container *global;
  Container *demo;          /* what every sandbox of the demo org starts with */
  GHashTable *tenants;      /* "org\nsandbox" → Container */
} Registry;

static Registry *registry;

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

const char *
registry_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
registry_get_object (JsonObject *object,
                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
registry_get_array (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
registry_array_contains_string (JsonArray  *array,
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

void
registry_add_unique (JsonArray  *array,
                     const char *value)
{
  if (!registry_array_contains_string (array, value))
    json_array_add_string_element (array, value);
}

SimXdmKind
registry_resource_kind (JsonObject *resource)
{
  SimXdmKind kind = SIM_XDM_N_KINDS;

  sim_xdm_kind_from_resource (resource, &kind);

  return kind;
}

void
registry_container_add (Container  *container,
                        JsonObject *resource)
{
  g_ptr_array_add (container->resources, json_object_ref (resource));
  g_hash_table_insert (container->by_id, (gpointer) registry_get_string (resource, "$id"), resource);
  g_hash_table_insert (container->by_id, (gpointer) registry_get_string (resource, "meta:altId"), resource);
}

void
registry_container_remove (Container  *container,
                           JsonObject *resource)
{
  const char *id = registry_get_string (resource, "$id");

  for (guint i = container->descriptors->len; i > 0; i--)
    if (g_strcmp0 (registry_get_string (g_ptr_array_index (container->descriptors, i - 1), "xdm:sourceSchema"),
                   id) == 0)
      g_ptr_array_remove_index (container->descriptors, i - 1);

  g_hash_table_remove (container->by_id, id);
  g_hash_table_remove (container->by_id, registry_get_string (resource, "meta:altId"));
  g_ptr_array_remove (container->resources, resource);
}

JsonObject *
registry_container_find (Container  *container,
                         const char *id)
{
  return id != NULL ? g_hash_table_lookup (container->by_id, id) : NULL;
}

/* A reference may name a resource of either container. */
JsonObject *
registry_find_any (Container  *tenant,
                   const char *id)
{
  JsonObject *resource = registry_container_find (registry->global, id);

  return resource != NULL || tenant == NULL ? resource : registry_container_find (tenant, id);
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

SimXdmOwner
registry_owner_for (Container *tenant,
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

void
registry_set_problem (GError     **error,
                      Problem      problem,
                      const char  *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (problem_quark (), problem, format, args));
  va_end (args);
}

void
registry_reply_error (SimRequest *request,
                      GError     *error)
{
  g_assert (error->domain == problem_quark () && error->code < (int) G_N_ELEMENTS (problems));

  sim_request_reply_problem (request, 400, problems[error->code].code, problems[error->code].title,
                             "%s", error->message);
}

char *
registry_new_id (Container  *tenant,
                 const char *segment,
                 const char *title)
{
  g_autofree char *seed = g_strdup_printf ("%s\n%s\n%s\n%u", tenant->org_id, segment, title,
                                           ++tenant->serial);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return g_strdup_printf ("https://ns.adobe.com/%s/%s/%s", tenant->tenant_id, segment, hash);
}

gboolean
registry_check_title (Container   *tenant,
                      JsonObject  *body,
                      SimXdmKind   kind,
                      GError     **error)
{
  const char *title = registry_get_string (body, "title");
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (stripped[0] == '\0')
    {
      registry_set_problem (error, PROBLEM_INVALID, "title is required and must be a non-empty string.");
      return FALSE;
    }

  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *other = g_ptr_array_index (tenant->resources, i);

      if (registry_resource_kind (other) == kind && g_strcmp0 (registry_get_string (other, "title"), title) == 0)
        {
          registry_set_problem (error, PROBLEM_NOT_UNIQUE,
                                "Title must be unique. An object %s already exists with the same title: %s",
                                registry_get_string (other, "$id"), title);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
registry_is_valid_field_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || g_ascii_isdigit (name[0]))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
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
      registry_container_add (registry->global, g_ptr_array_index (resources, i));
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
  owner = registry_owner_for (registry->demo, client);

  sim_xdm_library_build_demo (&owner, resources, bodies, descriptors);
  for (guint i = 0; i < resources->len; i++)
    registry_container_add (registry->demo, g_ptr_array_index (resources, i));
  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) schema = registry_compose_schema (registry->demo, &owner, g_ptr_array_index (bodies, i),
                                                              &error);

      g_assert_no_error (error);
      registry_container_add (registry->demo, schema);
    }
  for (guint i = 0; i < descriptors->len; i++)
    g_ptr_array_add (registry->demo->descriptors, json_object_ref (g_ptr_array_index (descriptors, i)));

  return registry->demo;
}

Container *
registry_tenant_for (SimClient  *client,
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
        registry_container_add (tenant, g_ptr_array_index (demo->resources, i));
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

  schema = registry_find_any (registry_tenant_for (client, sandbox), schema_id);

  return schema != NULL && registry_resource_kind (schema) == SIM_XDM_SCHEMA;
}

/**
 * sim_schema_registry_dup_resolved:
 * @schema_id: a schema's `$id` or `meta:altId`
 *
 * What other services read a schema's fields from, as `xed-full` gives them.
 *
 * Returns: (transfer full) (nullable): the resolved schema, or %NULL
 */
JsonObject *
sim_schema_registry_dup_resolved (SimServer  *server,
                                  SimClient  *client,
                                  const char *sandbox,
                                  const char *schema_id)
{
  Container *tenant;
  JsonObject *schema;

  g_return_val_if_fail (registry != NULL && registry->server == server, NULL);
  g_return_val_if_fail (client != NULL && sandbox != NULL, NULL);

  tenant = registry_tenant_for (client, sandbox);
  schema = registry_find_any (tenant, schema_id);
  if (schema == NULL || registry_resource_kind (schema) != SIM_XDM_SCHEMA)
    return NULL;
  return registry_resolve (tenant, schema);
}
void
registry_init (SimServer *server)
{
  g_return_if_fail (registry == NULL);

  /* Filled on first use, so the simulator starts at once. */
  registry = g_new0 (Registry, 1);
  registry->server = server;
  registry->tenants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) container_free);
}

/* Request helpers */

gboolean
registry_is_global (SimRequest *request)
{
  return g_strcmp0 (sim_request_get_param (request, "container"), "global") == 0;
}

gboolean
registry_check_container (SimRequest *request)
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

gboolean
registry_check_kind (SimRequest *request,
                     SimXdmKind *kind)
{
  const char *segment = sim_request_get_param (request, "kind");

  if (!registry_check_container (request))
    return FALSE;

  /* Behaviours are Adobe's alone. */
  if (!sim_xdm_kind_from_segment (segment, kind) || (*kind == SIM_XDM_BEHAVIOR && !registry_is_global (request)))
    {
      sim_request_reply_problem (request, 404, "XDM-1012-404", "Resource Not Found",
                                 "There are no %s in the %s container.", segment,
                                 sim_request_get_param (request, "container"));
      return FALSE;
    }

  return TRUE;
}

Container *
registry_request_container (SimRequest *request)
{
  Container *tenant = registry_tenant_for (request->client, request->sandbox);

  return registry_is_global (request) ? registry->global : tenant;
}

/* Global resources are told in the namespace of whoever asks. */
JsonObject *
registry_dup_for_reply (SimRequest *request,
                        JsonObject *resource)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), resource);
  g_autoptr(JsonNode) copy = sim_xdm_deep_copy (node);
  JsonObject *object = json_node_dup_object (copy);

  if (g_strcmp0 (registry_get_string (resource, "meta:containerId"), "global") == 0)
    {
      g_autofree char *namespace = g_strconcat ("_", registry_tenant_for (request->client, request->sandbox)->tenant_id,
                                                NULL);

      json_object_set_string_member (object, "meta:tenantNamespace", namespace);
    }

  return object;
}

/* A copy of @array's pointers that does not own them: g_ptr_array_copy ()
 * would carry over @array's free function without taking references.
 */
GPtrArray *
registry_borrow_all (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));

  return copy;
}

void
registry_reply_object (SimRequest *request,
                       guint       status,
                       JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  sim_request_reply_json (request, status, node);
}

void
registry_reply_invalid_query (SimRequest *request,
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

const char *
registry_accept_of (SimRequest *request)
{
  const char *accept = sim_request_get_header (request, "Accept");

  return accept != NULL ? accept : "";
}

/* Splits "application/vnd.adobe.xed-full+json; version=1" into the
 * format ("xed-full") and the version ("1", or NULL without one).
 */
gboolean
registry_parse_accept (const char  *accept,
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
