/* trib-schema-registry.c
 *
 * The XDM Schema Registry: listing schemas, classes, field groups and
 * data types, resolving a schema's fields, and creating schemas and
 * ad hoc classes as seeds 002 and 004 do.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schema-registry"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"
#include "trib-xdm-json.h"

#define REGISTRY_PATH "/data/foundation/schemaregistry"
#define ADHOC_BEHAVIOR "https://ns.adobe.com/xdm/data/adhoc"

/* Listing takes an Accept without a version, lookups one with it. */
#define ACCEPT_LIST "application/vnd.adobe.xed+json"
#define ACCEPT_STORED "application/vnd.adobe.xed+json; version=1"
#define ACCEPT_RESOLVED "application/vnd.adobe.xed-full+json; version=1"
#define ACCEPT_DESCRIPTORS "application/vnd.adobe.xdm-v2+json"

static const char *
kind_segment (TribXdmKind kind)
{
  switch (kind)
    {
    case TRIB_XDM_KIND_SCHEMA:
      return "schemas";
    case TRIB_XDM_KIND_CLASS:
      return "classes";
    case TRIB_XDM_KIND_FIELD_GROUP:
      return "fieldgroups";
    case TRIB_XDM_KIND_DATA_TYPE:
      return "datatypes";
    default:
      g_return_val_if_reached ("schemas");
    }
}

static const char *
container_segment (TribXdmContainer container)
{
  return container == TRIB_XDM_CONTAINER_GLOBAL ? "global" : "tenant";
}

#define REGISTRY NC_("platform service", "The Schema Registry")

static gpointer
parse_list_item (JsonObject  *item,
                 const char  *key,
                 TribCall    *call,
                 GError     **error)
{
  return trib_xdm_resource_new_from_json (GPOINTER_TO_INT (trib_call_get_data (call)), item, error);
}

static gpointer
parse_resource (JsonNode  *reply,
                TribCall  *call,
                GError   **error)
{
  TribXdmKind kind = GPOINTER_TO_INT (trib_call_get_data (call));

  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;

  return trib_xdm_resource_new_from_json (kind, json_node_get_object (reply), error);
}

/* _page.next is the start value of the next page, null on the last. */
static const TribPaging list_paging = {
  .style = TRIB_PAGING_START_CURSOR,
  .item_type = trib_xdm_resource_get_type,
  .items = "results",
  .parse_item = parse_list_item,
  .page_size = TRIB_SCHEMA_REGISTRY_PAGE_SIZE,
  .max_page_size = 500,
};

static const TribEndpoint list_endpoint = {
  .service = REGISTRY,
  .what = N_("a list of results"),
  .method = "GET",
  .path = REGISTRY_PATH "/{}/{}?orderby=title",
  .accept = ACCEPT_LIST,
  .idempotent = TRUE,
  .paging = &list_paging,
};

static const TribEndpoint get_endpoint = {
  .service = REGISTRY,
  .what = N_("the resource"),
  .method = "GET",
  .path = REGISTRY_PATH "/{}/{}/{}",
  .accept = ACCEPT_STORED,
  .idempotent = TRUE,
  .parse = parse_resource,
  .free_result = g_object_unref,
};

/* Read straight into the field tree, without a document in between. */
static const TribEndpoint get_resolved_endpoint = {
  .service = REGISTRY,
  .method = "GET",
  .path = REGISTRY_PATH "/{}/{}/{}",
  .accept = ACCEPT_RESOLVED,
  .flags = TRIB_CALL_TEXT,
  .idempotent = TRUE,
};

static const TribEndpoint list_descriptors_endpoint = {
  .service = REGISTRY,
  .method = "GET",
  .path = REGISTRY_PATH "/tenant/descriptors",
  .accept = ACCEPT_DESCRIPTORS,
  .idempotent = TRUE,
};

/* Creating is never retried: a second try could create a second one. */
static const TribEndpoint create_schema_endpoint = {
  .service = REGISTRY,
  .what = N_("the new resource"),
  .method = "POST",
  .path = REGISTRY_PATH "/tenant/schemas",
  .idempotent = FALSE,
  .parse = parse_resource,
  .free_result = g_object_unref,
};

static const TribEndpoint create_class_endpoint = {
  .service = REGISTRY,
  .what = N_("the new resource"),
  .method = "POST",
  .path = REGISTRY_PATH "/tenant/classes",
  .idempotent = FALSE,
  .parse = parse_resource,
  .free_result = g_object_unref,
};

static const TribEndpoint delete_endpoint = {
  .service = REGISTRY,
  .method = "DELETE",
  .path = REGISTRY_PATH "/{}/{}/{}",
  .idempotent = TRUE,
};

/* A call about one resource, whose container its id tells. */
static TribCall *
resource_call (const TribEndpoint *endpoint,
               TribXdmKind         kind,
               const char         *id)
{
  TribCall *call = trib_call_new (endpoint, container_segment (trib_xdm_container_for_id (id)),
                                  kind_segment (kind), id, NULL);

  trib_call_set_data (call, GINT_TO_POINTER (kind), NULL);

  return call;
}

/* Filters are comma-separated, so a comma the user typed must not split one. */
static char *
title_filter (const char *search)
{
  g_autofree char *pattern = g_regex_escape_string (search, -1);
  g_auto(GStrv) parts = g_strsplit (pattern, ",", -1);
  g_autofree char *joined = g_strjoinv ("\\x2c", parts);

  return g_strconcat ("title~", joined, NULL);
}

/**
 * trib_schema_registry_list:
 * @client: a #TribPlatformClient
 * @kind: what to list
 * @container: the organization's resources, or Adobe's
 * @search: (nullable): only those whose title contains this, ignoring case
 * @compatible_class_id: (nullable): for field groups, only those meant
 *   for this class
 *
 * Lists resources by title, a page at a time as a view scrolls, every
 * page from the sandbox current when the list is made.
 *
 * Returns: (transfer full): a #TribPagedList of #TribXdmResource
 */
TribPagedList *
trib_schema_registry_list (TribPlatformClient *client,
                           TribXdmKind         kind,
                           TribXdmContainer    container,
                           const char         *search,
                           const char         *compatible_class_id)
{
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  if (search != NULL && search[0] != '\0')
    g_ptr_array_add (filters, title_filter (search));
  if (compatible_class_id != NULL)
    g_ptr_array_add (filters, g_strconcat ("meta:intendedToExtend==", compatible_class_id, NULL));
  g_ptr_array_add (filters, NULL);

  call = trib_call_new (&list_endpoint, container_segment (container), kind_segment (kind), NULL);
  trib_call_set_data (call, GINT_TO_POINTER (kind), NULL);
  if (filters->len > 1)
    {
      g_autofree char *filter = g_strjoinv (",", (char **) filters->pdata);

      trib_call_add_query (call, "property", filter);
    }

  return trib_paged_list_new_for_call (client, call);
}

/**
 * trib_schema_registry_get_async:
 * @client: a #TribPlatformClient
 * @sandbox: (nullable): the sandbox @id belongs to, %NULL for the
 *   client's current one
 * @kind: what @id is
 * @id: the resource's `$id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the resource
 * @user_data: data for @callback
 *
 * Looks one resource up, in its stored form.
 */
void
trib_schema_registry_get_async (TribPlatformClient  *client,
                                const char          *sandbox,
                                TribXdmKind          kind,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  call = resource_call (&get_endpoint, kind, id);
  if (sandbox != NULL)
    trib_call_set_sandbox (call, sandbox);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_schema_registry_get_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the resource
 */
TribXdmResource *
trib_schema_registry_get_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

typedef struct
{
  char *sandbox;
  GBytes *resolved;     /* the text: read straight into the tree */
  JsonNode *descriptors;
  guint pending;
  GError *error;
  GListModel *fields;
  guint n_fields;
} LoadFields;

static void
load_fields_free (LoadFields *load)
{
  g_clear_pointer (&load->sandbox, g_free);
  g_clear_pointer (&load->resolved, g_bytes_unref);
  g_clear_pointer (&load->descriptors, json_node_unref);
  g_clear_error (&load->error);
  g_clear_object (&load->fields);
  g_free (load);
}

static void
build_tree_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadFields *load = task_data;
  gsize length;
  const char *text = g_bytes_get_data (load->resolved, &length);

  if (!(load->fields = trib_xdm_field_build_tree_from_text (text, length, load->descriptors, &load->n_fields)))
    {
      g_task_return_error (task, trib_platform_error_new_invalid_response (REGISTRY, N_("the schema's fields")));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
field_part_done (GTask *task)
{
  LoadFields *load = g_task_get_task_data (task);

  if (--load->pending > 0)
    return;

  if (load->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&load->error));
      return;
    }

  g_task_run_in_thread (task, build_tree_worker);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadFields *load = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(load->resolved = trib_platform_client_send_finish (result, &error)))
    g_propagate_error (&load->error, error);

  field_part_done (task);
}

static void
descriptors_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadFields *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Without descriptors the fields are still worth showing, unmarked. */
  if (!(load->descriptors = trib_platform_client_send_finish (result, &error)))
    g_debug ("No identity descriptors: %s", error->message);

  field_part_done (task);
}

/**
 * trib_schema_registry_load_fields_async:
 * @client: a #TribPlatformClient
 * @kind: what @id is
 * @id: the resource's `$id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the field tree
 * @user_data: data for @callback
 *
 * Reads the resource resolved into all its fields, and for a tenant
 * schema its identity descriptors, and builds the field tree on a
 * worker thread.
 */
void
trib_schema_registry_load_fields_async (TribPlatformClient  *client,
                                        TribXdmKind          kind,
                                        const char          *id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadFields *load;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_schema_registry_load_fields_async);
  load = g_new0 (LoadFields, 1);
  load->pending = 1;
  g_task_set_task_data (task, load, (GDestroyNotify) load_fields_free);

  /* Both parts in the sandbox of the moment, whatever happens meanwhile. */
  load->sandbox = g_strdup (trib_platform_client_get_sandbox (client));

  call = resource_call (&get_resolved_endpoint, kind, id);
  trib_call_set_sandbox (call, load->sandbox);
  trib_platform_client_send_async (client, call, cancellable, resolved_cb, g_object_ref (task));

  if (kind == TRIB_XDM_KIND_SCHEMA && trib_xdm_container_for_id (id) == TRIB_XDM_CONTAINER_TENANT)
    {
      g_autofree char *filter = g_strconcat ("xdm:sourceSchema==", id, NULL);

      load->pending++;
      call = trib_call_new (&list_descriptors_endpoint, NULL);
      trib_call_add_query (call, "property", filter);
      trib_call_set_sandbox (call, load->sandbox);
      trib_platform_client_send_async (client, call, cancellable, descriptors_cb, g_object_ref (task));
    }
}

/**
 * trib_schema_registry_load_fields_finish:
 * @result: the #GAsyncResult
 * @n_fields: (out) (optional): how many fields there are, at every depth
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the top-level #TribXdmField
 */
GListModel *
trib_schema_registry_load_fields_finish (GAsyncResult  *result,
                                         guint         *n_fields,
                                         GError       **error)
{
  LoadFields *load;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  load = g_task_get_task_data (G_TASK (result));
  if (n_fields != NULL)
    *n_fields = load->n_fields;

  return g_object_ref (load->fields);
}

static void
add_ref (JsonBuilder *builder,
         const char  *id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$ref");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
}

/**
 * trib_schema_registry_create_schema_async:
 * @client: a #TribPlatformClient
 * @title: the schema's title, unique among the sandbox's schemas
 * @description: (nullable): what it describes
 * @class_id: the class it implements
 * @field_group_ids: (nullable): the field groups it adds, each meant for @class_id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new schema
 * @user_data: data for @callback
 *
 * Creates a tenant schema, with the payload of seed 002. Never retried.
 */
void
trib_schema_registry_create_schema_async (TribPlatformClient  *client,
                                          const char          *title,
                                          const char          *description,
                                          const char          *class_id,
                                          const char * const  *field_group_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (title != NULL);
  g_return_if_fail (class_id != NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description != NULL ? description : "");
  json_builder_set_member_name (builder, "allOf");
  json_builder_begin_array (builder);
  add_ref (builder, class_id);
  for (guint i = 0; field_group_ids != NULL && field_group_ids[i] != NULL; i++)
    add_ref (builder, field_group_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "meta:containerId");
  json_builder_add_string_value (builder, "tenant");
  json_builder_set_member_name (builder, "meta:resourceType");
  json_builder_add_string_value (builder, "schemas");
  json_builder_set_member_name (builder, "meta:xdmType");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "meta:class");
  json_builder_add_string_value (builder, class_id);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&create_schema_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_call_set_data (call, GINT_TO_POINTER (TRIB_XDM_KIND_SCHEMA), NULL);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_schema_registry_create_schema_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new schema
 */
TribXdmResource *
trib_schema_registry_create_schema_finish (GAsyncResult  *result,
                                           GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/* XDM's scalar types as JSON Schema spells them: the whole numbers are
 * JSON's integer within their bounds (a long within JSON's safe range,
 * as the platform's own schemas bound it), dates strings of a format.
 */
static const struct
{
  const char *xdm_type;
  const char *json_type;
  const char *format;
  gint64 minimum;
  gint64 maximum;
} scalar_types[] = {
  { "string", "string", NULL, 0, 0 },
  { "integer", "integer", NULL, G_MININT32, G_MAXINT32 },
  { "long", "integer", NULL, -9007199254740992, 9007199254740991 },
  { "short", "integer", NULL, G_MININT16, G_MAXINT16 },
  { "byte", "integer", NULL, G_MININT8, G_MAXINT8 },
  { "number", "number", NULL, 0, 0 },
  { "boolean", "boolean", NULL, 0, 0 },
  { "date", "string", "date", 0, 0 },
  { "date-time", "string", "date-time", 0, 0 },
};

static void
add_field_type (JsonBuilder *builder,
                const char  *xdm_type)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (scalar_types); i++)
    if (g_strcmp0 (scalar_types[i].xdm_type, xdm_type) == 0)
      break;

  json_builder_begin_object (builder);
  /* Not XDM's: sent as it is, for the registry to say what it thinks. */
  if (i == G_N_ELEMENTS (scalar_types))
    {
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, xdm_type);
      json_builder_end_object (builder);
      return;
    }

  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, scalar_types[i].json_type);
  if (scalar_types[i].format != NULL)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, scalar_types[i].format);
    }
  if (scalar_types[i].minimum != scalar_types[i].maximum)
    {
      json_builder_set_member_name (builder, "minimum");
      json_builder_add_int_value (builder, scalar_types[i].minimum);
      json_builder_set_member_name (builder, "maximum");
      json_builder_add_int_value (builder, scalar_types[i].maximum);
    }
  json_builder_end_object (builder);
}

/**
 * trib_schema_registry_create_adhoc_class_async:
 * @client: a #TribPlatformClient
 * @title: the class's title, unique among the sandbox's classes
 * @description: (nullable): what it describes
 * @fields: (array length=n_fields): the fields of the source data
 * @n_fields: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new class
 * @user_data: data for @callback
 *
 * Creates an ad hoc class, whose fields only one dataset uses, as the
 * protocols source of seed 004 needs for raw data. Never retried.
 */
void
trib_schema_registry_create_adhoc_class_async (TribPlatformClient     *client,
                                               const char             *title,
                                               const char             *description,
                                               const TribXdmFieldSpec *fields,
                                               guint                   n_fields,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (title != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description != NULL ? description : "");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "allOf");
  json_builder_begin_array (builder);
  add_ref (builder, ADHOC_BEHAVIOR);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "_adhoc");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      add_field_type (builder, fields[i].type);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&create_class_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_call_set_data (call, GINT_TO_POINTER (TRIB_XDM_KIND_CLASS), NULL);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_schema_registry_create_adhoc_class_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new class
 */
TribXdmResource *
trib_schema_registry_create_adhoc_class_finish (GAsyncResult  *result,
                                                GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_schema_registry_delete_schema_async:
 * @client: a #TribPlatformClient
 * @id: a tenant schema's `$id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once it is gone
 * @user_data: data for @callback
 */
void
trib_schema_registry_delete_schema_async (TribPlatformClient  *client,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  trib_platform_client_send_async (client, resource_call (&delete_endpoint, TRIB_XDM_KIND_SCHEMA, id),
                                   cancellable, callback, user_data);
}

gboolean
trib_schema_registry_delete_schema_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}

/**
 * trib_schema_registry_delete_async:
 * @client: a #TribPlatformClient
 * @kind: a tenant resource's kind: a schema, a class…
 * @id: its `$id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once it is gone; finish with
 *   trib_schema_registry_delete_schema_finish()
 * @user_data: data for @callback
 *
 * Deletes a tenant resource no other resource uses (a class only once
 * its schemas are gone).
 */
void
trib_schema_registry_delete_async (TribPlatformClient  *client,
                                   TribXdmKind          kind,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  trib_platform_client_send_async (client, resource_call (&delete_endpoint, kind, id), cancellable, callback,
                                   user_data);
}

/**
 * trib_schema_registry_find_culprit:
 * @error: an error from a create call
 * @candidates: what the user chose: ids, field names, the title
 *
 * The registry's errors name what they refuse; this finds which of the
 * user's choices that is, so a form can mark it.
 *
 * Returns: (nullable): the longest candidate the error mentions
 */
const char *
trib_schema_registry_find_culprit (const GError       *error,
                                   const char * const *candidates)
{
  const char *detail;
  const char *culprit = NULL;

  g_return_val_if_fail (candidates != NULL, NULL);

  if (error == NULL || !(detail = trib_platform_error_get_detail (error)))
    return NULL;

  for (guint i = 0; candidates[i] != NULL; i++)
    if (candidates[i][0] != '\0' && strstr (detail, candidates[i]) != NULL &&
        (culprit == NULL || strlen (candidates[i]) > strlen (culprit)))
      culprit = candidates[i];

  return culprit;
}

/**
 * trib_schema_registry_is_valid_field_name:
 * @name: a field name
 *
 * Returns: whether XDM accepts @name: letters, digits and underscores,
 *   not starting with a digit
 */
gboolean
trib_schema_registry_is_valid_field_name (const char *name)
{
  return trib_schema_registry_check_field_name (name, NULL) == TRIB_XDM_NAME_VALID;
}

/**
 * trib_schema_registry_check_field_name:
 * @name: a field name
 * @culprit: (out) (optional): the first character refused, for
 *   %TRIB_XDM_NAME_BAD_CHARACTER
 *
 * Says which of XDM's rules a field name breaks, the first one met, so
 * that each can be explained on its own.
 *
 * Returns: the rule broken, or %TRIB_XDM_NAME_VALID
 */
TribXdmNameProblem
trib_schema_registry_check_field_name (const char *name,
                                       gunichar   *culprit)
{
  if (culprit != NULL)
    *culprit = 0;
  if (name == NULL || name[0] == '\0')
    return TRIB_XDM_NAME_EMPTY;
  if (g_ascii_isdigit (name[0]))
    return TRIB_XDM_NAME_LEADING_DIGIT;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c < 0x80 && (g_ascii_isalnum (c) || c == '_'))
        continue;
      if (culprit != NULL)
        *culprit = c;
      return c == ' ' ? TRIB_XDM_NAME_SPACE : TRIB_XDM_NAME_BAD_CHARACTER;
    }

  return TRIB_XDM_NAME_VALID;
}
