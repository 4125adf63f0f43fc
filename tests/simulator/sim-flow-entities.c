/* sim-flow-entities.c
 *
 * Flow Service: source connections and target connections
 * (`POST/GET/DELETE /sourceConnections`, `/targetConnections`), and the
 * mapping sets Data Prep registers for flows to use (the world's, from
 * world/mapping-sets.json).
 *
 * Source connections (API-NOTES §A4): a file source gives `params.path`,
 * optional `params.type` (file|folder) and `params.recursive`, and
 * `data.format` delimited|json|parquet with optional `properties`; a
 * table source gives `data.format: "tabular"` and `params.tableName`.
 * The Data Landing Zone needs no base connection. The legacy form
 * `parquet_xdm` with `data.schema` (S002, S004) is accepted.
 * `recursive` must be a boolean: the docs send `true`, and S002's string
 * `"true"` is among the seed errata (API-NOTES "Seed errata"), so it is
 * refused as a type error, as a schema-checked API would.
 *
 * Target connections (§A5): the Data Lake spec only; the dataset must
 * exist in the Catalog of the sandbox, and `data.schema.id` must be its
 * schema (`1425-400`, the code the platform gives a flow whose dataset
 * and schema differ).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-entities"

#define DLZ_DESTINATION_SPEC "10440537-2a7b-4583-ac39-ed38d4b848e8"

#include "config.h"

#include <string.h>

#include "sim-catalog-private.h"
#include "sim-data-prep-private.h"
#include "sim-flow-private.h"

typedef struct
{
  char *org_id;
  char *sandbox;        /* NULL: any */
  char *id;
  gint64 version;
  char *schema_id;
} MappingEntry;

static struct
{
  GHashTable *entities;  /* "org\nsandbox" → FlowEntities */
  GPtrArray *mappings;   /* MappingEntry */
} flow_entities;

static void
mapping_entry_free (MappingEntry *entry)
{
  g_free (entry->org_id);
  g_free (entry->sandbox);
  g_free (entry->id);
  g_free (entry->schema_id);
  g_free (entry);
}

static void
ensure_mappings (void)
{
  if (flow_entities.mappings != NULL)
    return;

  flow_entities.mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) mapping_entry_free);
}

void
sim_flow_register_mapping (const char *org_id,
                           const char *sandbox,
                           const char *mapping_id,
                           gint64      version,
                           const char *schema_id)
{
  MappingEntry *entry;

  g_return_if_fail (org_id != NULL && mapping_id != NULL && version >= 0);

  ensure_mappings ();
  entry = g_new0 (MappingEntry, 1);
  entry->org_id = g_strdup (org_id);
  entry->sandbox = g_strdup (sandbox);
  entry->id = g_strdup (mapping_id);
  entry->version = version;
  entry->schema_id = g_strdup (schema_id);
  g_ptr_array_add (flow_entities.mappings, entry);
}

gboolean
sim_flow_mapping_exists (SimServer  *server,
                         SimClient  *client,
                         const char *sandbox,
                         const char *mapping_id,
                         gint64      version)
{
  g_return_val_if_fail (client != NULL && sandbox != NULL && mapping_id != NULL, FALSE);

  ensure_mappings ();
  for (guint i = 0; i < flow_entities.mappings->len; i++)
    {
      MappingEntry *entry = g_ptr_array_index (flow_entities.mappings, i);

      if (g_str_equal (entry->org_id, client->org->id) && g_str_equal (entry->id, mapping_id) &&
          entry->version == version && (entry->sandbox == NULL || g_str_equal (entry->sandbox, sandbox)))
        return TRUE;
    }

  return version >= 0 && version <= G_MAXUINT &&
         sim_data_prep_mapping_exists (server, client, sandbox, mapping_id, (guint) version);
}

const char *
sim_flow_mapping_schema (SimServer  *server,
                         SimClient  *client,
                         const char *sandbox,
                         const char *mapping_id,
                         gint64      version)
{
  g_return_val_if_fail (client != NULL && sandbox != NULL && mapping_id != NULL, NULL);

  ensure_mappings ();
  for (guint i = 0; i < flow_entities.mappings->len; i++)
    {
      MappingEntry *entry = g_ptr_array_index (flow_entities.mappings, i);

      if (g_str_equal (entry->org_id, client->org->id) && g_str_equal (entry->id, mapping_id) &&
          entry->version == version && (entry->sandbox == NULL || g_str_equal (entry->sandbox, sandbox)))
        return entry->schema_id;
    }

  if (version < 0 || version > G_MAXUINT)
    return NULL;

  return sim_data_prep_mapping_schema (server, client, sandbox, mapping_id, (guint) version);
}

static void
flow_entities_free (FlowEntities *entities)
{
  g_hash_table_unref (entities->live);
  g_free (entities->sandbox);
  g_hash_table_unref (entities->sources);
  g_hash_table_unref (entities->targets);
  g_hash_table_unref (entities->flows_by_id);
  g_ptr_array_unref (entities->flows);
  g_free (entities);
}

FlowEntities *
flow_get_entities (SimRequest *request)
{
  g_autofree char *key = g_strconcat (request->client->org->id, "\n", request->sandbox, NULL);
  FlowEntities *entities;

  if (flow_entities.entities == NULL)
    flow_entities.entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) flow_entities_free);
  if ((entities = g_hash_table_lookup (flow_entities.entities, key)))
    return entities;

  entities = g_new0 (FlowEntities, 1);
  entities->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  entities->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  entities->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  entities->flows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  entities->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) flow_live_free);
  entities->server = request->server;
  entities->client = request->client;
  entities->sandbox = g_strdup (request->sandbox);
  g_hash_table_insert (flow_entities.entities, g_steal_pointer (&key), entities);

  /* Before anything reads it: the world's flows and their history. */
  entities->populated = TRUE;
  flow_world_populate (entities);

  return entities;
}

/**
 * sim_flow_service_touch:
 *
 * Makes sure the world's flows of @sandbox exist, for services whose
 * data they write (the Catalog's batches).
 */
void
sim_flow_service_touch (SimServer  *server,
                        SimClient  *client,
                        const char *sandbox)
{
  SimRequest request = { 0 };

  request.server = server;
  request.client = client;
  request.sandbox = (char *) sandbox;
  if (client != NULL && sandbox != NULL)
    flow_get_entities (&request);
}

/* The body as sent, with what the platform adds. */
JsonObject *
flow_new_entity (SimRequest *request,
                 JsonObject *body)
{
  JsonObject *entity = flow_copy_object (body);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *etag = flow_new_etag ();
  gint64 now = g_get_real_time () / 1000;

  json_object_set_string_member (entity, "id", id);
  json_object_set_string_member (entity, "etag", etag);
  json_object_set_int_member (entity, "createdAt", now);
  json_object_set_int_member (entity, "updatedAt", now);
  json_object_set_string_member (entity, "createdBy", request->client->technical_account_id);
  json_object_set_string_member (entity, "updatedBy", request->client->technical_account_id);
  json_object_set_string_member (entity, "createdClient", request->client->client_id);
  json_object_set_string_member (entity, "sandboxName", request->sandbox);

  return entity;
}

void
flow_reply_id_etag (SimRequest *request,
                    JsonObject *entity)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", sim_json_get_string (entity, "id"));
  json_object_set_string_member (object, "etag", sim_json_get_string (entity, "etag"));
  json_node_take_object (node, object);
  sim_request_reply_json (request, 201, node);
}

static void bad_request (SimRequest *request,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
bad_request (SimRequest *request,
             const char *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  sim_flow_service_reply_error (request, "1100-400", "Invalid request", "The request could not be processed. %s",
                                detail);
}

JsonObject *
flow_member_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
flow_member_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

#define member_object flow_member_object

/* What both creates check first: a body, a name, a known spec. */
static JsonObject *
check_common (SimRequest  *request,
              const char **spec_id)
{
  JsonObject *body;
  const char *name;

  if (request->body == NULL)
    {
      sim_flow_service_reply_error (request, "1405-400", "Invalid request",
                                    "The request body is empty. Please provide a body and try again.");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    {
      bad_request (request, "The body must be a JSON object.");
      return NULL;
    }
  body = json_node_get_object (request->body);
  name = sim_json_get_string (body, "name");
  if (name == NULL || strspn (name, " \t\n") == strlen (name))
    {
      bad_request (request, "name is required.");
      return NULL;
    }
  *spec_id = sim_json_get_string (member_object (body, "connectionSpec"), "id");
  if (*spec_id == NULL || sim_flow_service_lookup_spec (*spec_id) == NULL)
    {
      bad_request (request, "connectionSpec.id must be the id of a connection spec; '%s' is not one.",
                   *spec_id != NULL ? *spec_id : "");
      return NULL;
    }

  return body;
}

static gboolean
check_base_connection (SimRequest *request,
                       JsonObject *body,
                       const char *spec_id,
                       gboolean    required)
{
  const char *base_id = sim_json_get_string (body, "baseConnectionId");
  const char *base_spec = NULL;

  if (base_id == NULL)
    {
      if (!required)
        return TRUE;
      bad_request (request, "baseConnectionId is required: the id of the account to read from.");
      return FALSE;
    }
  if (!sim_flow_service_lookup_connection (request->server, request->client, request->sandbox, base_id, &base_spec))
    {
      bad_request (request, "The base connection '%s' does not exist in sandbox '%s'.", base_id, request->sandbox);
      return FALSE;
    }
  if (g_strcmp0 (base_spec, spec_id) != 0)
    {
      bad_request (request, "The base connection '%s' is of connection spec %s, not %s.", base_id, base_spec,
                   spec_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_file_source (const char *spec_id)
{
  JsonObject *attributes = member_object (sim_flow_service_lookup_spec (spec_id), "attributes");

  return g_strcmp0 (sim_json_get_string (attributes, "category"), "Cloud Storage") == 0;
}

static gboolean
check_source_data (SimRequest *request,
                   JsonObject *body,
                   const char *spec_id)
{
  static const char * const file_formats[] = { "delimited", "json", "parquet", NULL };
  JsonObject *data = member_object (body, "data");
  JsonObject *params = member_object (body, "params");
  const char *format = sim_json_get_string (data, "format");
  JsonNode *node;

  if (data == NULL || format == NULL)
    {
      bad_request (request, "data.format is required.");
      return FALSE;
    }
  if (json_object_has_member (data, "properties") && member_object (data, "properties") == NULL)
    {
      bad_request (request, "data.properties must be an object.");
      return FALSE;
    }

  if (!is_file_source (spec_id))
    {
      if (!g_str_equal (format, "tabular"))
        {
          bad_request (request, "data.format must be \"tabular\" for a table source, not \"%s\".", format);
          return FALSE;
        }
      if (sim_json_get_string (params, "tableName") == NULL)
        {
          bad_request (request, "params.tableName is required for a table source.");
          return FALSE;
        }
      return TRUE;
    }

  /* The legacy form: kept working for the old tutorials (S002, S004). */
  if (g_str_equal (format, "parquet_xdm"))
    {
      if (member_object (data, "schema") == NULL)
        {
          bad_request (request, "data.format parquet_xdm needs data.schema.");
          return FALSE;
        }
    }
  else if (!g_strv_contains (file_formats, format))
    {
      bad_request (request, "data.format must be delimited, json or parquet, not \"%s\".", format);
      return FALSE;
    }

  if (sim_json_get_string (params, "path") == NULL)
    {
      bad_request (request, "params.path is required for a file source.");
      return FALSE;
    }
  if (json_object_has_member (params, "type") && g_strcmp0 (sim_json_get_string (params, "type"), "file") != 0 &&
      g_strcmp0 (sim_json_get_string (params, "type"), "folder") != 0)
    {
      bad_request (request, "params.type must be file or folder.");
      return FALSE;
    }
  node = json_object_get_member (params, "recursive");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    {
      bad_request (request, "params.recursive must be a boolean (true or false), not a string.");
      return FALSE;
    }

  return TRUE;
}

static void
create_source_cb (SimRequest *request)
{
  const char *spec_id = NULL;
  JsonObject *body = check_common (request, &spec_id);
  JsonObject *entity;

  if (body == NULL)
    return;
  if (g_str_equal (spec_id, DATA_LAKE_SPEC))
    {
      bad_request (request, "Connection spec %s is a destination, not a source.", spec_id);
      return;
    }
  /* A dataset export reads datasets, through no account. */
  if (g_str_equal (spec_id, EXPORT_SOURCE_SPEC)
      ? !dataset_export_check_source (request, body)
      : (!check_base_connection (request, body, spec_id, !g_str_equal (spec_id, LANDING_ZONE_SPEC)) ||
         !check_source_data (request, body, spec_id)))
    return;

  entity = flow_new_entity (request, body);
  g_hash_table_insert (flow_get_entities (request)->sources, g_strdup (sim_json_get_string (entity, "id")), entity);
  flow_reply_id_etag (request, entity);
}

static void
create_target_cb (SimRequest *request)
{
  const char *spec_id = NULL;
  JsonObject *body = check_common (request, &spec_id);
  const char *schema_id;
  const char *dataset_id;
  Dataset *dataset;
  JsonObject *entity;

  if (body == NULL)
    return;
  if (dataset_export_is_destination (spec_id))
    {
      /* The Data Landing Zone's destination has no account (authSpec []). */
      if (!check_base_connection (request, body, spec_id, !g_str_equal (spec_id, DLZ_DESTINATION_SPEC)) ||
          !dataset_export_check_target (request, body, spec_id))
        return;
      entity = flow_new_entity (request, body);
      g_hash_table_insert (flow_get_entities (request)->targets, g_strdup (sim_json_get_string (entity, "id")),
                           entity);
      flow_reply_id_etag (request, entity);
      return;
    }
  if (!g_str_equal (spec_id, DATA_LAKE_SPEC))
    {
      bad_request (request, "A target connection here must use the Data Lake spec " DATA_LAKE_SPEC ", not %s.",
                   spec_id);
      return;
    }
  if (!check_base_connection (request, body, spec_id, FALSE))
    return;
  schema_id = sim_json_get_string (member_object (member_object (body, "data"), "schema"), "id");
  dataset_id = sim_json_get_string (member_object (body, "params"), "dataSetId");
  if (schema_id == NULL || dataset_id == NULL)
    {
      bad_request (request, "data.schema.id and params.dataSetId are required.");
      return;
    }
  if (!(dataset = g_hash_table_lookup (catalog_get_sandbox (request)->by_id, dataset_id)))
    {
      sim_flow_service_reply_error (request, "2200-500", "Internal error",
                                    "Validation with Catalog failed: dataset '%s' does not exist in sandbox '%s'.",
                                    dataset_id, request->sandbox);
      return;
    }
  if (!g_str_equal (dataset->schema_id, schema_id))
    {
      sim_flow_service_reply_error (request, "1425-400", "Invalid request",
                                    "The schema id '%s' differs from the schema '%s' of dataset '%s'.",
                                    schema_id, dataset->schema_id, dataset_id);
      return;
    }

  entity = flow_new_entity (request, body);
  g_hash_table_insert (flow_get_entities (request)->targets, g_strdup (sim_json_get_string (entity, "id")), entity);
  flow_reply_id_etag (request, entity);
}

/* Calls @func with each org and sandbox's "org\nsandbox" and entities. */
void
flow_foreach_entities (GHFunc   func,
                       gpointer user_data)
{
  if (flow_entities.entities != NULL)
    g_hash_table_foreach (flow_entities.entities, func, user_data);
}

static GHashTable *
table_for (SimRequest *request)
{
  FlowEntities *entities = flow_get_entities (request);

  return strstr (request->path, "/sourceConnections") != NULL ? entities->sources : entities->targets;
}

static void
get_entity_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  JsonObject *entity = g_hash_table_lookup (table_for (request), id);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object;
  JsonArray *items;

  if (entity == NULL)
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "The requested resource is not found. Connection with id '%s' does not exist "
                                    "in sandbox '%s'.", id, request->sandbox);
      return;
    }

  object = json_object_new ();
  items = json_array_new ();
  json_array_add_object_element (items, json_object_ref (entity));
  json_object_set_array_member (object, "items", items);
  json_node_take_object (node, object);
  sim_request_reply_json (request, 200, node);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (sim_json_get_string (*(JsonObject **) a, "id"), sim_json_get_string (*(JsonObject **) b, "id"));
}

/* `GET /sourceConnections` and `/targetConnections`, filtered by
 * `property=`, in one page (what the demo holds fits in one).
 */
static void
list_entities_cb (SimRequest *request)
{
  g_autoptr(GList) values = g_hash_table_get_values (table_for (request));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(JsonArray) all = json_array_new ();

  for (GList *l = values; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_object_element (all, json_object_ref (g_ptr_array_index (sorted, i)));

  flow_reply_items (request, all);
}

static void
delete_entity_cb (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");

  if (!g_hash_table_remove (table_for (request), id))
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "The requested resource is not found. Connection with id '%s' does not exist "
                                    "in sandbox '%s'.", id, request->sandbox);
      return;
    }

  soup_server_message_set_status (request->message, 204, NULL);
}

void
flow_add_entity_routes (SimServer *server)
{
  static const char * const kinds[] = { "/sourceConnections", "/targetConnections" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strconcat (FLOW_SERVICE_PATH, kinds[i], NULL);
      g_autofree char *item = g_strconcat (path, "/{id}", NULL);

      sim_server_add_route (server, "POST", path, SIM_ROUTE_DEFAULT, i == 0 ? create_source_cb : create_target_cb);
      sim_server_add_route (server, "GET", path, SIM_ROUTE_DEFAULT, list_entities_cb);
      sim_server_add_route (server, "GET", item, SIM_ROUTE_DEFAULT, get_entity_cb);
      sim_server_add_route (server, "DELETE", item, SIM_ROUTE_DEFAULT, delete_entity_cb);
    }
}
