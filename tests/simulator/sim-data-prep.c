/* sim-data-prep.c
 *
 * Data Prep's mapping sets under /data/foundation/conversion: create
 * (the current body and the seeds' legacy one), read, list with
 * start+limit, update; validation and preview live in
 * sim-data-prep-check.c. Each sandbox of an organization has its own
 * sets.
 *
 * Errors: data-prep.yaml declares its 400s without a body, so the
 * simulator answers with the platform's common problem shape
 * ({type, title, status, detail, report}) and DPS-40xx-400 codes.
 *
 * PUT bumps `version` [UNV]: every stored version stays readable with
 * ?version=N, which is what a flow's `mappingVersion` points at.
 *
 * A sandbox starts with the world's sets (sim-data-prep-world.c), made
 * when it is first used.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-data-prep"

#include "config.h"

#include <string.h>

#include "sim-clock.h"
#include "sim-data-prep-private.h"

typedef struct
{
  char *id;
  GPtrArray *versions;      /* JsonObject, index = version */
} MappingSet;

typedef struct
{
  GPtrArray *sets;          /* MappingSet, creation order */
  GHashTable *by_id;
} Store;

typedef struct
{
  SimServer *server;
  GHashTable *stores;       /* "org\nsandbox" → Store */
} DataPrep;

static DataPrep *data_prep;

static void
mapping_set_free (MappingSet *set)
{
  g_free (set->id);
  g_ptr_array_unref (set->versions);
  g_free (set);
}

static void
store_free (Store *store)
{
  g_hash_table_unref (store->by_id);
  g_ptr_array_unref (store->sets);
  g_free (store);
}

static void populate_world (Store      *store,
                            SimClient  *client,
                            const char *sandbox);

static Store *
store_for (SimClient  *client,
           const char *sandbox)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", client->org->id, sandbox);
  Store *store = g_hash_table_lookup (data_prep->stores, key);

  if (store == NULL)
    {
      store = g_new0 (Store, 1);
      store->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) mapping_set_free);
      store->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (data_prep->stores, g_steal_pointer (&key), store);
      populate_world (store, client, sandbox);
    }
  return store;
}

static char *
new_hex_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_new (NULL);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (id, *p);
  return g_string_free (id, FALSE);
}

static MappingSet *
find_set (SimRequest *request)
{
  Store *store = store_for (request->client, request->sandbox);
  const char *id = sim_request_get_param (request, "id");
  MappingSet *set = g_hash_table_lookup (store->by_id, id);

  if (set == NULL)
    sim_request_reply_problem (request, 404, "DPS-4040-404", "Not Found",
                               "No mapping set %s in sandbox %s.", id, request->sandbox);
  return set;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * data_prep_read_body:
 * @body: a mapping set as a request carries it
 * @schema_id: (out): the target schema's id
 * @legacy: (out): whether it is the seeds' legacy form
 *
 * Returns: (transfer full): the mappings in the current form, or %NULL
 *   with @error set when the body is not a mapping set
 */
JsonArray *
data_prep_read_body (JsonObject  *body,
                     const char **schema_id,
                     gboolean    *legacy,
                     GError     **error)
{
  JsonNode *mappings_node = body != NULL ? json_object_get_member (body, "mappings") : NULL;
  g_autoptr(JsonArray) mappings = json_array_new ();
  JsonArray *given;

  *legacy = body != NULL && json_object_has_member (body, "xdmSchema");
  *schema_id = *legacy ? member_string (body, "xdmSchema")
                       : member_string (member_object (member_object (body, "outputSchema"), "schemaRef"), "id");
  if (*schema_id == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The body needs outputSchema.schemaRef.id (or the legacy xdmSchema).");
      return NULL;
    }
  if (mappings_node == NULL || !JSON_NODE_HOLDS_ARRAY (mappings_node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The body needs a mappings array.");
      return NULL;
    }

  given = json_node_get_array (mappings_node);
  for (guint i = 0; i < json_array_get_length (given); i++)
    {
      JsonNode *node = json_array_get_element (given, i);
      JsonObject *in = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *out = json_object_new ();
      const char *source_type = *legacy ? "ATTRIBUTE" : member_string (in, "sourceType");
      const char *source = member_string (in, *legacy ? "sourceAttribute" : "source");
      const char *destination = member_string (in, *legacy ? "destinationXdmPath" : "destination");

      json_object_set_string_member (out, "sourceType", source_type);
      json_object_set_string_member (out, "source", source);
      json_object_set_string_member (out, "destination", destination);
      if (member_string (in, "name") != NULL)
        json_object_set_string_member (out, "name", member_string (in, "name"));
      if (member_string (in, "description") != NULL)
        json_object_set_string_member (out, "description", member_string (in, "description"));
      json_object_set_boolean_member (out, "identity",
                                      in != NULL && json_object_get_boolean_member_with_default (in, "identity", FALSE));
      json_array_add_object_element (mappings, out);
    }
  return g_steal_pointer (&mappings);
}

/* The checks a set must pass to be stored: a known schema, known
 * destinations each mapped once, a known source type, a parsable
 * expression. Returns the schema's paths, or NULL after replying.
 */
static GHashTable *
check_set (SimRequest *request,
           const char *schema_id,
           JsonArray  *mappings)
{
  g_autoptr(JsonObject) resolved = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  resolved = sim_schema_registry_dup_resolved (request->server, request->client, request->sandbox, schema_id);
  if (resolved == NULL)
    {
      sim_request_reply_problem (request, 400, "DPS-4001-400", "Unknown schema",
                                 "No schema %s in sandbox %s.", schema_id, request->sandbox);
      return NULL;
    }
  paths = data_prep_schema_paths (resolved);

  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonObject *mapping = json_array_get_object_element (mappings, i);
      const char *source_type = member_string (mapping, "sourceType");
      const char *source = member_string (mapping, "source");
      const char *destination = member_string (mapping, "destination");
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (source_type, "ATTRIBUTE") != 0 && g_strcmp0 (source_type, "EXPRESSION") != 0 &&
          g_strcmp0 (source_type, "STATIC") != 0)
        {
          sim_request_reply_problem (request, 400, "DPS-4004-400", "Invalid source type",
                                     "Mapping %u: sourceType must be ATTRIBUTE, EXPRESSION or STATIC, not %s.",
                                     i, source_type != NULL ? source_type : "null");
          return NULL;
        }
      if (source == NULL || destination == NULL)
        {
          sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid mapping",
                                     "Mapping %u needs a source and a destination.", i);
          return NULL;
        }
      if (!g_hash_table_contains (paths, destination))
        {
          sim_request_reply_problem (request, 400, "DPS-4002-400", "Invalid destination",
                                     "Mapping %u: %s is not a path of schema %s.", i, destination, schema_id);
          return NULL;
        }
      if (!g_hash_table_add (seen, (gpointer) destination))
        {
          sim_request_reply_problem (request, 400, "DPS-4003-400", "Duplicate destination",
                                     "Mapping %u: %s is already the destination of another mapping.",
                                     i, destination);
          return NULL;
        }
      if (g_str_equal (source_type, "EXPRESSION") && !data_prep_expression_check (source, NULL, &error))
        {
          sim_request_reply_problem (request, 400, "DPS-4005-400", "Invalid expression",
                                     "Mapping %u: %s", i, error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&paths);
}

static const char *
user_of (SimClient *client)
{
  return client->technical_account_id != NULL ? client->technical_account_id : client->client_id;
}

/* The stored form, echoing the legacy names old clients read. */
static JsonObject *
stored_version (const char *id,
                guint       version,
                gint64      created,
                const char *created_by,
                SimClient  *client,
                JsonObject *body,
                const char *schema_id,
                gboolean    legacy,
                JsonArray  *mappings)
{
  JsonObject *stored = json_object_new ();
  JsonObject *output = json_object_new ();
  JsonObject *ref = json_object_new ();
  JsonArray *echoed = json_array_new ();
  gint64 now = g_get_real_time () / 1000;

  json_object_set_string_member (stored, "id", id);
  json_object_set_int_member (stored, "version", version);
  json_object_set_int_member (stored, "createdDate", created);
  json_object_set_int_member (stored, "modifiedDate", now);
  json_object_set_string_member (stored, "createdBy", created_by);
  json_object_set_string_member (stored, "modifiedBy", user_of (client));
  if (member_string (body, "name") != NULL)
    json_object_set_string_member (stored, "name", member_string (body, "name"));
  json_object_set_string_member (ref, "id", schema_id);
  json_object_set_string_member (ref, "contentType", "application/vnd.adobe.xed-full+json;version=1");
  json_object_set_object_member (output, "schemaRef", ref);
  json_object_set_object_member (stored, "outputSchema", output);
  json_object_set_string_member (stored, "xdmSchema", schema_id);
  json_object_set_string_member (stored, "xdmVersion", "1.0");

  for (guint i = 0; i < json_array_get_length (mappings); i++)
    {
      JsonObject *mapping = json_object_ref (json_array_get_object_element (mappings, i));
      g_autofree char *mapping_id = new_hex_id ();

      json_object_set_string_member (mapping, "id", mapping_id);
      json_object_set_int_member (mapping, "version", version);
      json_object_set_int_member (mapping, "createdDate", now);
      json_object_set_int_member (mapping, "modifiedDate", now);
      json_object_set_string_member (mapping, "sourceAttribute", member_string (mapping, "source"));
      json_object_set_string_member (mapping, "destinationXdmPath", member_string (mapping, "destination"));
      if (legacy)
        json_object_set_string_member (mapping, "sourceType", "text/x.schema-path");
      json_array_add_object_element (echoed, mapping);
    }
  json_object_set_array_member (stored, "mappings", echoed);
  return stored;
}

#define DAY_MS ((gint64) 24 * 60 * 60 * 1000)

/* Each version as POST and PUT would have stored it, dated `ageDays`
 * before the clock's now, by the world's `createdBy`.
 */
static void
populate_world (Store      *store,
                SimClient  *client,
                const char *sandbox)
{
  g_autoptr(GPtrArray) sets = data_prep_world_sets (client->org->id, sandbox);
  gint64 now = sim_clock_now_ms ();

  for (guint i = 0; i < sets->len; i++)
    {
      JsonObject *entry = g_ptr_array_index (sets, i);
      JsonArray *versions = json_object_get_array_member (entry, "versions");
      const char *created_by = member_string (entry, "createdBy");
      MappingSet *set = g_new0 (MappingSet, 1);
      gint64 created = 0;

      if (created_by == NULL)
        created_by = user_of (client);
      set->id = g_strdup (member_string (entry, "id"));
      set->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      for (guint n = 0; n < json_array_get_length (versions); n++)
        {
          JsonObject *version = json_array_get_object_element (versions, n);
          g_autoptr(JsonObject) body = json_object_new ();
          g_autoptr(JsonObject) output = json_object_new ();
          g_autoptr(JsonObject) ref = json_object_new ();
          g_autoptr(JsonArray) mappings = NULL;
          gint64 at = now - json_object_get_int_member_with_default (version, "ageDays", 0) * DAY_MS;
          const char *schema_id;
          gboolean legacy;
          JsonObject *stored;
          JsonArray *echoed;

          json_object_set_string_member (body, "name", member_string (entry, "name"));
          json_object_set_string_member (ref, "id", member_string (entry, "schema"));
          json_object_set_object_member (output, "schemaRef", g_steal_pointer (&ref));
          json_object_set_object_member (body, "outputSchema", g_steal_pointer (&output));
          json_object_set_array_member (body, "mappings",
                                        json_array_ref (json_object_get_array_member (version, "mappings")));
          /* Checked when the world was loaded. */
          mappings = data_prep_read_body (body, &schema_id, &legacy, NULL);
          g_assert (mappings != NULL);
          if (n == 0)
            created = at;
          stored = stored_version (set->id, n, created, created_by, client, body, schema_id, legacy, mappings);
          json_object_set_int_member (stored, "modifiedDate", at);
          json_object_set_string_member (stored, "modifiedBy", created_by);
          echoed = json_object_get_array_member (stored, "mappings");
          for (guint m = 0; m < json_array_get_length (echoed); m++)
            {
              JsonObject *mapping = json_array_get_object_element (echoed, m);

              json_object_set_int_member (mapping, "createdDate", at);
              json_object_set_int_member (mapping, "modifiedDate", at);
            }
          g_ptr_array_add (set->versions, stored);
        }
      g_ptr_array_add (store->sets, set);
      g_hash_table_insert (store->by_id, set->id, set);
    }
}

static void
reply_object (SimRequest *request,
              JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  sim_request_reply_json (request, 200, node);
}

static void
reply_summary (SimRequest *request,
               JsonObject *stored)
{
  g_autoptr(JsonObject) summary = json_object_new ();
  const char *members[] = { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    json_object_set_member (summary, members[i], json_node_copy (json_object_get_member (stored, members[i])));
  reply_object (request, summary);
}

static JsonObject *
body_object (SimRequest *request)
{
  if (!sim_request_parse_body (request))
    return NULL;
  if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request",
                                 "The body must be a JSON object.");
      return NULL;
    }
  return json_node_get_object (request->body);
}

static void
create_cb (SimRequest *request)
{
  JsonObject *body = body_object (request);
  g_autoptr(JsonArray) mappings = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *schema_id;
  gboolean legacy;
  MappingSet *set;
  Store *store;

  if (body == NULL)
    return;
  if (!(mappings = data_prep_read_body (body, &schema_id, &legacy, &error)))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request", "%s", error->message);
      return;
    }
  if (!(paths = check_set (request, schema_id, mappings)))
    return;

  store = store_for (request->client, request->sandbox);
  set = g_new0 (MappingSet, 1);
  set->id = new_hex_id ();
  set->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_ptr_array_add (set->versions,
                   stored_version (set->id, 0, g_get_real_time () / 1000, user_of (request->client),
                                   request->client, body, schema_id, legacy, mappings));
  g_ptr_array_add (store->sets, set);
  g_hash_table_insert (store->by_id, set->id, set);

  reply_summary (request, g_ptr_array_index (set->versions, 0));
}

static void
update_cb (SimRequest *request)
{
  MappingSet *set = find_set (request);
  JsonObject *body = set != NULL ? body_object (request) : NULL;
  g_autoptr(JsonArray) mappings = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first;
  const char *schema_id;
  gboolean legacy;

  if (body == NULL)
    return;
  if (!(mappings = data_prep_read_body (body, &schema_id, &legacy, &error)))
    {
      sim_request_reply_problem (request, 400, "DPS-4000-400", "Invalid request", "%s", error->message);
      return;
    }
  if (!(paths = check_set (request, schema_id, mappings)))
    return;

  first = g_ptr_array_index (set->versions, 0);
  g_ptr_array_add (set->versions,
                   stored_version (set->id, set->versions->len,
                                   json_object_get_int_member (first, "createdDate"),
                                   json_object_get_string_member (first, "createdBy"),
                                   request->client, body, schema_id, legacy, mappings));
  reply_summary (request, g_ptr_array_index (set->versions, set->versions->len - 1));
}

static JsonObject *
requested_version (SimRequest *request,
                   MappingSet *set)
{
  gint64 version;

  if (!sim_request_get_query_int (request, "version", set->versions->len - 1, 0, G_MAXINT32,
                                  "DPS-4006-400", "Invalid query", &version))
    return NULL;
  if (version >= set->versions->len)
    {
      sim_request_reply_problem (request, 404, "DPS-4041-404", "Not Found",
                                 "Mapping set %s has no version %" G_GINT64_FORMAT ".", set->id, version);
      return NULL;
    }
  return g_ptr_array_index (set->versions, version);
}

static void
get_cb (SimRequest *request)
{
  MappingSet *set = find_set (request);
  JsonObject *stored = set != NULL ? requested_version (request, set) : NULL;

  if (stored != NULL)
    reply_object (request, stored);
}

static void
get_mappings_cb (SimRequest *request)
{
  MappingSet *set = find_set (request);
  JsonObject *stored = set != NULL ? requested_version (request, set) : NULL;
  g_autoptr(JsonNode) node = NULL;

  if (stored == NULL)
    return;
  node = json_node_copy (json_object_get_member (stored, "mappings"));
  sim_request_reply_json (request, 200, node);
}

static gint
compare_created (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;
  gint64 cx = json_object_get_int_member (x, "createdDate"), cy = json_object_get_int_member (y, "createdDate");

  return cx < cy ? -1 : cx > cy;
}

static gint
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a, *y = *(JsonObject **) b;
  gint64 cx = json_object_get_int_member (x, "modifiedDate"), cy = json_object_get_int_member (y, "modifiedDate");

  return cx < cy ? -1 : cx > cy;
}

static void
list_cb (SimRequest *request)
{
  Store *store = store_for (request->client, request->sandbox);
  const char *name = sim_request_get_query (request, "name");
  const char *order = sim_request_get_query (request, "orderBy");
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(JsonObject) reply = json_object_new ();
  JsonObject *page = json_object_new ();
  JsonArray *data = json_array_new ();
  gint64 limit, start;

  /* Both are required here, unlike most services. */
  if (sim_request_get_query (request, "limit") == NULL || sim_request_get_query (request, "start") == NULL)
    {
      sim_request_reply_problem (request, 400, "DPS-4006-400", "Invalid query",
                                 "The limit and start query parameters are required.");
      json_object_unref (page);
      json_array_unref (data);
      return;
    }
  if (!sim_request_get_query_int (request, "limit", 10, 1, 100, "DPS-4006-400", "Invalid query", &limit) ||
      !sim_request_get_query_int (request, "start", 0, 0, G_MAXINT32, "DPS-4006-400", "Invalid query", &start))
    {
      json_object_unref (page);
      json_array_unref (data);
      return;
    }
  if (order != NULL && !g_str_equal (order + (order[0] == '+' || order[0] == '-'), "createdDate") &&
      !g_str_equal (order + (order[0] == '+' || order[0] == '-'), "updatedDate"))
    {
      sim_request_reply_problem (request, 400, "DPS-4006-400", "Invalid query",
                                 "orderBy must be ±createdDate or ±updatedDate, not %s.", order);
      json_object_unref (page);
      json_array_unref (data);
      return;
    }

  for (guint i = 0; i < store->sets->len; i++)
    {
      MappingSet *set = g_ptr_array_index (store->sets, i);
      JsonObject *latest = g_ptr_array_index (set->versions, set->versions->len - 1);

      if (name == NULL || g_strcmp0 (member_string (latest, "name"), name) == 0)
        g_ptr_array_add (matches, latest);
    }
  if (order != NULL)
    {
      g_ptr_array_sort (matches, strstr (order, "updated") != NULL ? compare_updated : compare_created);
      if (order[0] == '-')
        for (guint i = 0; i < matches->len / 2; i++)
          {
            gpointer swap = matches->pdata[i];
            matches->pdata[i] = matches->pdata[matches->len - 1 - i];
            matches->pdata[matches->len - 1 - i] = swap;
          }
    }

  for (gint64 i = start; i < matches->len && i < start + limit; i++)
    json_array_add_object_element (data, json_object_ref (g_ptr_array_index (matches, i)));
  json_object_set_int_member (page, "count", json_array_get_length (data));
  json_object_set_int_member (page, "limit", limit);
  json_object_set_array_member (reply, "data", data);
  json_object_set_object_member (reply, "_page", page);
  reply_object (request, reply);
}

/**
 * sim_data_prep_mapping_exists:
 * @client: the client asking
 * @sandbox: the sandbox it named
 * @id: a mapping set id
 * @version: the version a flow names
 *
 * What Flow Service's flow checks ask before accepting a Mapping
 * transformation.
 */
gboolean
sim_data_prep_mapping_exists (SimServer  *server,
                              SimClient  *client,
                              const char *sandbox,
                              const char *id,
                              guint       version)
{
  MappingSet *set;

  g_return_val_if_fail (data_prep != NULL && data_prep->server == server, FALSE);
  g_return_val_if_fail (client != NULL && sandbox != NULL, FALSE);

  set = id != NULL ? g_hash_table_lookup (store_for (client, sandbox)->by_id, id) : NULL;
  return set != NULL && version < set->versions->len;
}

/**
 * sim_data_prep_mapping_schema:
 * @client: the client asking
 * @sandbox: the sandbox it named
 * @id: a mapping set id
 * @version: the version a flow names
 *
 * Returns: (nullable): the output schema's `$id` of that version
 */
const char *
sim_data_prep_mapping_schema (SimServer  *server,
                              SimClient  *client,
                              const char *sandbox,
                              const char *id,
                              guint       version)
{
  MappingSet *set;
  JsonObject *stored;

  g_return_val_if_fail (data_prep != NULL && data_prep->server == server, NULL);
  g_return_val_if_fail (client != NULL && sandbox != NULL, NULL);

  set = id != NULL ? g_hash_table_lookup (store_for (client, sandbox)->by_id, id) : NULL;
  if (set == NULL || version >= set->versions->len)
    return NULL;
  stored = g_ptr_array_index (set->versions, version);

  return member_string (member_object (member_object (stored, "outputSchema"), "schemaRef"), "id");
}

gboolean
sim_data_prep_register (SimServer   *server,
                        const char  *world_dir,
                        GError     **error)
{
  g_return_val_if_fail (data_prep == NULL, FALSE);

  if (!data_prep_world_load (world_dir, error))
    return FALSE;

  data_prep = g_new0 (DataPrep, 1);
  data_prep->server = server;
  data_prep->stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) store_free);

  sim_server_add_route (server, "POST", DATA_PREP_PATH "/mappingSets/validate", SIM_ROUTE_DEFAULT, data_prep_validate_cb);
  sim_server_add_route (server, "POST", DATA_PREP_PATH "/mappingSets/preview", SIM_ROUTE_DEFAULT, data_prep_preview_cb);
  sim_server_add_route (server, "POST", DATA_PREP_PATH "/mappingSets", SIM_ROUTE_DEFAULT, create_cb);
  sim_server_add_route (server, "GET", DATA_PREP_PATH "/mappingSets", SIM_ROUTE_DEFAULT, list_cb);
  sim_server_add_route (server, "GET", DATA_PREP_PATH "/mappingSets/{id}", SIM_ROUTE_DEFAULT, get_cb);
  sim_server_add_route (server, "GET", DATA_PREP_PATH "/mappingSets/{id}/mappings", SIM_ROUTE_DEFAULT, get_mappings_cb);
  sim_server_add_route (server, "PUT", DATA_PREP_PATH "/mappingSets/{id}", SIM_ROUTE_DEFAULT, update_cb);

  return TRUE;
}
