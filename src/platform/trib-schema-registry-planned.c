/* trib-schema-registry-planned.c
 *
 * The fields of a schema that does not exist yet: a class and the field
 * groups chosen for it, each read resolved, merged as the registry
 * merges a schema's parts (every tenant field group adds to `_tenant`,
 * so objects met twice are merged, the first one's text kept). The
 * dataflow wizard maps onto it before its Create step makes the schema.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schema-registry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-schema-registry.h"

#define REGISTRY NC_("platform service", "The Schema Registry")

static const TribEndpoint get_resolved_endpoint = {
  .service = REGISTRY,
  .what = N_("the resource"),
  .method = "GET",
  .path = "/data/foundation/schemaregistry/{}/{}/{}",
  .accept = "application/vnd.adobe.xed-full+json; version=1",
  .idempotent = TRUE,
};

typedef struct
{
  GPtrArray *parts;     /* JsonNode or NULL, the class first */
  guint pending;
  GError *error;
  GListModel *fields;
  guint n_fields;
} LoadPlanned;

static void
node_unref (gpointer node)
{
  if (node != NULL)
    json_node_unref (node);
}

static void
load_planned_free (LoadPlanned *load)
{
  g_clear_pointer (&load->parts, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_clear_object (&load->fields);
  g_free (load);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static void merge_properties (JsonObject *into,
                              JsonObject *from);

/* @node into @properties under @name: a new field is taken as it is;
 * an object met again takes the other's fields too.
 */
static void
merge_property (JsonObject *properties,
                const char *name,
                JsonNode   *node)
{
  JsonNode *existing = json_object_get_member (properties, name);
  JsonObject *into;
  JsonObject *from;

  if (existing == NULL)
    {
      json_object_set_member (properties, name, json_node_copy (node));
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
  if (get_object (into, "properties") != NULL && get_object (from, "properties") != NULL)
    merge_properties (get_object (into, "properties"), get_object (from, "properties"));
}

static void
merge_properties (JsonObject *into,
                  JsonObject *from)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    merge_property (into, name, node);
}

static void
merge_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoadPlanned *load = task_data;
  g_autoptr(JsonObject) merged = json_object_new ();
  JsonObject *properties = json_object_new ();

  json_object_set_object_member (merged, "properties", properties);
  for (guint i = 0; i < load->parts->len; i++)
    {
      JsonNode *part = g_ptr_array_index (load->parts, i);
      JsonObject *part_properties = part != NULL && JSON_NODE_HOLDS_OBJECT (part)
                                    ? get_object (json_node_get_object (part), "properties") : NULL;

      if (part_properties == NULL)
        {
          g_task_return_error (task, trib_platform_error_new_invalid_response (REGISTRY, N_("the schema's fields")));
          return;
        }
      merge_properties (properties, part_properties);
    }

  load->fields = trib_xdm_field_build_tree (merged, NULL, &load->n_fields);
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GTask *task;
  guint index;
} Part;

static void
part_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Part *part = user_data;
  g_autoptr(GTask) task = part->task;
  LoadPlanned *load = g_task_get_task_data (task);
  GError *error = NULL;
  JsonNode *reply = trib_platform_client_send_finish (result, &error);

  if (reply != NULL)
    g_ptr_array_index (load->parts, part->index) = reply;
  else if (load->error == NULL)
    load->error = error;
  else
    g_error_free (error);
  g_free (part);

  if (--load->pending > 0)
    return;
  if (load->error != NULL)
    g_task_return_error (task, g_steal_pointer (&load->error));
  else
    g_task_run_in_thread (task, merge_worker);
}

static void
send_part (TribPlatformClient *client,
           GTask              *task,
           guint               index,
           TribXdmKind         kind,
           const char         *id)
{
  Part *part = g_new0 (Part, 1);
  TribCall *call = trib_call_new (&get_resolved_endpoint,
                                  trib_xdm_container_for_id (id) == TRIB_XDM_CONTAINER_GLOBAL ? "global" : "tenant",
                                  kind == TRIB_XDM_KIND_CLASS ? "classes" : "fieldgroups", id, NULL);

  part->task = g_object_ref (task);
  part->index = index;
  trib_platform_client_send_async (client, call, g_task_get_cancellable (task), part_cb, part);
}

/**
 * trib_schema_registry_load_planned_fields_async:
 * @client: a #TribPlatformClient
 * @class_id: the class of the schema to be
 * @field_group_ids: (nullable) (array zero-terminated=1): its field groups
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the field tree
 * @user_data: data for @callback
 *
 * Reads the class and each field group resolved, all at once, and
 * builds the tree of the schema they would make, on a worker thread.
 */
void
trib_schema_registry_load_planned_fields_async (TribPlatformClient  *client,
                                                const char          *class_id,
                                                const char * const  *field_group_ids,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadPlanned *load;
  guint n_groups = field_group_ids != NULL ? g_strv_length ((char **) field_group_ids) : 0;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (class_id != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_schema_registry_load_planned_fields_async);
  load = g_new0 (LoadPlanned, 1);
  load->parts = g_ptr_array_new_full (n_groups + 1, node_unref);
  g_ptr_array_set_size (load->parts, n_groups + 1);
  load->pending = n_groups + 1;
  g_task_set_task_data (task, load, (GDestroyNotify) load_planned_free);

  send_part (client, task, 0, TRIB_XDM_KIND_CLASS, class_id);
  for (guint i = 0; i < n_groups; i++)
    send_part (client, task, i + 1, TRIB_XDM_KIND_FIELD_GROUP, field_group_ids[i]);
}

/**
 * trib_schema_registry_load_planned_fields_finish:
 * @result: the #GAsyncResult
 * @n_fields: (out) (optional): how many fields there are, at every depth
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the top-level #TribXdmField
 */
GListModel *
trib_schema_registry_load_planned_fields_finish (GAsyncResult  *result,
                                                 guint         *n_fields,
                                                 GError       **error)
{
  LoadPlanned *load;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  load = g_task_get_task_data (G_TASK (result));
  if (n_fields != NULL)
    *n_fields = load->n_fields;

  return g_object_ref (load->fields);
}
