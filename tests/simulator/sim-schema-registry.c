/* sim-schema-registry.c
 *
 * The XDM Schema Registry's routes: listing and looking up classes, field
 * groups, data types, behaviours and schemas in the global and tenant
 * containers, creating and deleting them, and the identity descriptors
 * and stats.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-schema-registry-private.h"

/* How deep a `$id` used as a path may be: https://ns.adobe.com/ and up
 * to this many segments.
 */
#define MAX_ID_SEGMENTS 6

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
  resource = registry_container_find (registry_request_container (request), *id);

  return resource != NULL && registry_resource_kind (resource) == kind ? resource : NULL;
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
  const char *accept = registry_accept_of (request);
  JsonObject *resource;
  SimXdmKind kind;
  gint64 major;

  if (!registry_check_kind (request, &kind))
    return;

  if (!registry_parse_accept (accept, &format, &version) || version == NULL || !g_strv_contains (formats, format))
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
      reply = registry_resolve (registry_tenant_for (request->client, request->sandbox), resource);
      if (g_strcmp0 (registry_get_string (resource, "meta:containerId"), "global") == 0)
        {
          g_autofree char *namespace = g_strconcat ("_", registry_tenant_for (request->client, request->sandbox)->tenant_id,
                                                    NULL);

          json_object_set_string_member (reply, "meta:tenantNamespace", namespace);
        }
    }
  else
    reply = registry_dup_for_reply (request, resource);

  if (g_str_has_suffix (format, "-notext"))
    registry_strip_text (reply, TRUE, TRUE);
  else if (g_str_has_suffix (format, "-desc"))
    registry_strip_text (reply, TRUE, FALSE);

  registry_reply_object (request, 200, reply);
}

static gboolean
check_tenant_write (SimRequest *request)
{
  if (registry_is_global (request))
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

  if (!registry_check_kind (request, &kind) || !check_tenant_write (request))
    return;

  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "XDM-1000-400", "Invalid request",
                                 "The request body must be a JSON object describing the %s.",
                                 sim_request_get_param (request, "kind"));
      return;
    }
  body = json_node_get_object (request->body);

  tenant = registry_tenant_for (request->client, request->sandbox);
  owner = registry_owner_for (tenant, request->client);

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
      resource = registry_compose_schema (tenant, &owner, body, &error);
      break;
    case SIM_XDM_CLASS:
      resource = registry_compose_class (tenant, &owner, body, &error);
      break;
    case SIM_XDM_FIELD_GROUP:
    case SIM_XDM_DATA_TYPE:
      resource = registry_compose_fields (tenant, &owner, body, kind, &error);
      break;
    case SIM_XDM_BEHAVIOR:
    case SIM_XDM_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (resource == NULL)
    {
      registry_reply_error (request, error);
      return;
    }

  registry_container_add (tenant, resource);
  g_debug ("Created %s %s in %s/%s", sim_xdm_kind_resource_type (kind), registry_get_string (resource, "$id"),
           request->client->org->id, request->sandbox);

  registry_reply_object (request, 201, resource);
}

static gboolean
is_referenced (Container  *tenant,
               const char *id)
{
  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (tenant->resources, i);

      if (g_strcmp0 (registry_get_string (resource, "$id"), id) != 0 &&
          (registry_array_contains_string (registry_get_array (resource, "meta:extends"), id) ||
           registry_array_contains_string (registry_get_array (resource, "refs"), id)))
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

  if (!registry_check_kind (request, &kind) || !check_tenant_write (request))
    return;

  tenant = registry_tenant_for (request->client, request->sandbox);
  if (!(resource = find_requested (request, kind, &id)))
    {
      reply_not_found (request, id, "1");
      return;
    }

  if (is_referenced (tenant, registry_get_string (resource, "$id")))
    {
      sim_request_reply_problem (request, 409, "XDM-1014-409", "Resource in use",
                                 "%s is used by other resources of the registry; delete them first.",
                                 registry_get_string (resource, "$id"));
      return;
    }

  g_debug ("Deleted %s from %s/%s", id, request->client->org->id, request->sandbox);
  registry_container_remove (tenant, resource);
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
  const char *accept = registry_accept_of (request);
  const char *rest;

  if (!registry_parse_accept (accept, &format, &version) || version != NULL || !g_str_has_prefix (format, "xdm"))
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
    return json_node_init_string (json_node_alloc (), registry_get_string (descriptor, "@id"));

  if (g_str_equal (style, "link"))
    {
      g_autofree char *link = g_strconcat ("/tenant/descriptors/", registry_get_string (descriptor, "@id"), NULL);

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

  if (!registry_check_container (request) || !parse_descriptor_accept (request, &paged, &style) ||
      !registry_parse_listing (request, "@id", &listing))
    return;

  /* Descriptors belong to tenants; the global container has none. */
  if (registry_is_global (request))
    descriptors = g_ptr_array_new ();
  else
    descriptors = registry_borrow_all (registry_tenant_for (request->client, request->sandbox)->descriptors);

  if (!paged)
    listing.limit = 0;
  page = registry_apply_listing (&listing, descriptors, &next);

  if (paged)
    {
      g_autoptr(JsonArray) results = json_array_new ();

      for (guint i = 0; i < page->len; i++)
        json_array_add_element (results, descriptor_in_style (g_ptr_array_index (page, i), style));
      reply = registry_page_reply_new (request, results, &listing, next, NULL);
    }
  else
    {
      reply = json_object_new ();
      for (guint i = 0; i < page->len; i++)
        {
          JsonObject *descriptor = g_ptr_array_index (page, i);
          const char *type = registry_get_string (descriptor, "@type");

          if (registry_get_array (reply, type) == NULL)
            json_object_set_array_member (reply, type, json_array_new ());
          json_array_add_element (registry_get_array (reply, type), descriptor_in_style (descriptor, style));
        }
    }

  registry_reply_object (request, 200, reply);
}

static void
get_descriptor_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  GPtrArray *descriptors;

  if (!registry_check_container (request))
    return;

  descriptors = registry_tenant_for (request->client, request->sandbox)->descriptors;
  for (guint i = 0; !registry_is_global (request) && i < descriptors->len; i++)
    if (g_strcmp0 (registry_get_string (g_ptr_array_index (descriptors, i), "@id"), id) == 0)
      {
        registry_reply_object (request, 200, g_ptr_array_index (descriptors, i));
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
  gint64 x = registry_date_of (*(JsonObject **) a, "created");
  gint64 y = registry_date_of (*(JsonObject **) b, "created");

  return x < y ? 1 : x > y ? -1 : 0;
}

static int
compare_updated_desc (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = registry_date_of (*(JsonObject **) a, "updated");
  gint64 y = registry_date_of (*(JsonObject **) b, "updated");

  return x < y ? 1 : x > y ? -1 : 0;
}

static JsonArray *
recent (GPtrArray    *resources,
        GCompareFunc  compare)
{
  g_autoptr(GPtrArray) sorted = registry_borrow_all (resources);
  JsonArray *array = json_array_new ();

  g_ptr_array_sort (sorted, compare);
  for (guint i = 0; i < sorted->len && i < 5; i++)
    {
      JsonObject *summary = registry_summary_new (g_ptr_array_index (sorted, i));

      json_object_set_string_member (summary, "meta:resourceType",
                                     registry_get_string (g_ptr_array_index (sorted, i), "meta:resourceType"));
      json_array_add_object_element (array, summary);
    }

  return array;
}

static void
stats_cb (SimRequest *request)
{
  Container *tenant = registry_tenant_for (request->client, request->sandbox);
  g_autoptr(JsonObject) reply = json_object_new ();
  g_autoptr(GPtrArray) classes = g_ptr_array_new ();
  JsonObject *counts = json_object_new ();
  JsonArray *usage = json_array_new ();
  guint n[SIM_XDM_N_KINDS] = { 0 };
  guint unions = 0;

  for (guint i = 0; i < tenant->resources->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (tenant->resources, i);
      SimXdmKind kind = registry_resource_kind (resource);

      if (kind < SIM_XDM_N_KINDS)
        n[kind]++;
      if (kind == SIM_XDM_SCHEMA && registry_array_contains_string (registry_get_array (resource, "meta:immutableTags"), "union"))
        unions++;
      if (kind == SIM_XDM_SCHEMA &&
          !g_ptr_array_find_with_equal_func (classes, registry_get_string (resource, "meta:class"), g_str_equal, NULL))
        g_ptr_array_add (classes, (gpointer) registry_get_string (resource, "meta:class"));
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
      JsonObject *class = registry_find_any (tenant, class_id);
      JsonObject *item = json_object_new ();
      JsonArray *schemas = json_array_new ();

      for (guint j = 0; j < tenant->resources->len; j++)
        {
          JsonObject *resource = g_ptr_array_index (tenant->resources, j);
          JsonObject *schema;

          if (registry_resource_kind (resource) != SIM_XDM_SCHEMA || g_strcmp0 (registry_get_string (resource, "meta:class"), class_id) != 0)
            continue;
          schema = json_object_new ();
          json_object_set_string_member (schema, "$id", registry_get_string (resource, "$id"));
          json_object_set_string_member (schema, "title", registry_get_string (resource, "title"));
          json_object_set_string_member (schema, "description", registry_get_string (resource, "description") ?: "");
          json_array_add_object_element (schemas, schema);
        }

      json_object_set_string_member (item, "$id", class_id);
      json_object_set_string_member (item, "title", registry_get_string (class, "title") ?: class_id);
      json_object_set_int_member (item, "numberOfSchemas", json_array_get_length (schemas));
      json_object_set_array_member (item, "schemas", schemas);
      json_array_add_object_element (usage, item);
    }
  json_object_set_array_member (reply, "classUsage", usage);

  registry_reply_object (request, 200, reply);
}

static void
add_id_routes (SimServer  *server,
               const char *method,
               SimHandler  handler)
{
  g_autoptr(GString) pattern = g_string_new (BASE_PATH "/{container}/{kind}/{id}");

  sim_server_add_route (server, method, pattern->str, SIM_ROUTE_SANDBOX_DEFAULT_PROD, handler);

  /* The server decodes a percent-encoded `$id` before routing, so
   * https://ns.adobe.com/a/b arrives as segments "https:", "",
   * "ns.adobe.com", "a", "b".
   */
  g_string_assign (pattern, BASE_PATH "/{container}/{kind}/{scheme}//{host}");
  for (guint i = 1; i <= MAX_ID_SEGMENTS; i++)
    {
      g_string_append_printf (pattern, "/{segment%u}", i);
      sim_server_add_route (server, method, pattern->str, SIM_ROUTE_SANDBOX_DEFAULT_PROD, handler);
    }
}

void
sim_schema_registry_register (SimServer *server)
{
  registry_init (server);

  sim_server_add_route (server, "GET", BASE_PATH "/stats", SIM_ROUTE_SANDBOX_DEFAULT_PROD, stats_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/descriptors", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        list_descriptors_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/descriptors/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        get_descriptor_cb);
  sim_server_add_route (server, "GET", BASE_PATH "/{container}/{kind}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, registry_list_cb);
  sim_server_add_route (server, "POST", BASE_PATH "/{container}/{kind}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, create_cb);
  add_id_routes (server, "GET", lookup_cb);
  add_id_routes (server, "DELETE", delete_cb);
}
