/* sim-flow-explore.c
 *
 * Flow Service's explore and preview, through a base connection or, for
 * the Data Landing Zone, through its connection spec; and the landing
 * zone's container and SAS credentials (Connectors API). What a
 * connection reaches is the account of world/remote-storage.json its
 * credentials open (sim-flow-explore-world.c): wrong credentials reach
 * nothing. Error codes 1460 to 1464 are the simulator's own; the
 * platform documents none for these cases.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-explore"

#include "config.h"

#include <string.h>

#include "sim-flow-explore-private.h"
#include "sim-flow-service-private.h"

#define LANDING_ZONE_PATH "/data/foundation/connectors/landingzone"

#define BAD_PARAMETER "1460-400"
#define UNREADABLE "1461-400"
#define NOT_XDM "1462-400"
#define REFUSED "1463-400"
#define NOT_EXPLORABLE "1464-400"
#define NOT_FOUND "1101-404"

static struct
{
  SimExploreWorld *world;
  GHashTable *sas_tokens;       /* "org\nsandbox" → SAS token */
} explore;

static const char * const compression_types[] = { "bzip2", "gzip", "deflate", "zipDeflate", "tarGzip", "tar", NULL };

static void
bad_parameter (SimRequest *request,
               const char *detail)
{
  sim_flow_service_reply_error (request, BAD_PARAMETER, "Bad request", "%s", detail);
}

/* The query's value, compared without case where the platform's own
 * documents disagree on it (FS: FILE, DELIMITED; the guides: file).
 */
static char *
query_lower (SimRequest *request,
             const char *name)
{
  const char *value = sim_request_get_query (request, name);

  return value != NULL ? g_ascii_strdown (value, -1) : NULL;
}

static void
reply_text (SimRequest *request,
            char       *text)
{
  soup_server_message_set_status (request->message, 200, NULL);
  soup_server_message_set_response (request->message, "application/json", SOUP_MEMORY_TAKE, text, strlen (text));
}

static void
reply_listing (SimRequest *request,
               SimAccount *account,
               const char *object)
{
  g_autofree char *canonical = NULL;
  SimEntry *folder;

  if (account->root == NULL)
    {
      bad_parameter (request, "This connection's source holds tables: explore it with objectType=root or table.");
      return;
    }

  if (!(folder = sim_entry_lookup (account, object, &canonical)))
    {
      sim_flow_service_reply_error (request, NOT_FOUND, "Resource not found", "No folder %s in the source.", object);
      return;
    }
  if (folder->type != SIM_ENTRY_FOLDER)
    {
      sim_entry_release (folder);
      sim_flow_service_reply_error (request, BAD_PARAMETER, "Bad request",
                                    "%s is a file: explore it with objectType=file.", object);
      return;
    }

  reply_text (request, sim_entry_list_children (account, folder, canonical));
}

static void
add_properties (JsonNode   *preview,
                const char *file_type,
                const char *compression,
                char        delimiter)
{
  g_autoptr(JsonObject) properties = json_object_new ();

  json_object_set_string_member (properties, "fileType", file_type);
  if (compression != NULL)
    json_object_set_string_member (properties, "compressionType", compression);
  if (g_str_equal (file_type, "delimited"))
    {
      char text[2] = { delimiter, '\0' };

      json_object_set_string_member (properties, "columnDelimiter", text);
    }
  json_object_set_object_member (json_node_get_object (preview), "properties", g_steal_pointer (&properties));
}

/* Reads the file as the options say, which is not always as it is. */
static JsonNode *
read_file (SimRequest  *request,
           SimEntry    *file,
           const char  *object,
           const char  *file_type,
           const char  *compression,
           char         delimiter,
           gboolean     latin1,
           gboolean     preview)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *culprit;

  if (g_strcmp0 (file->compression, compression) != 0)
    {
      if (compression == NULL)
        sim_flow_service_reply_error (request, UNREADABLE, "Cannot read the file",
                                      "%s is not text: it is compressed (%s); give its compressionType.",
                                      object, file->compression);
      else
        sim_flow_service_reply_error (request, UNREADABLE, "Cannot read the file",
                                      "%s is not compressed as %s.", object, compression);
      return NULL;
    }

  if (g_str_equal (file_type, "parquet") != g_str_equal (file->format, "parquet"))
    {
      if (g_str_equal (file_type, "parquet"))
        sim_flow_service_reply_error (request, UNREADABLE, "Cannot read the file",
                                      "%s is not a Parquet file: it does not end with the PAR1 magic number.", object);
      else
        sim_flow_service_reply_error (request, UNREADABLE, "Cannot read the file",
                                      "%s is a Parquet file; it cannot be read as %s text.", object, file_type);
      return NULL;
    }

  if (g_str_equal (file_type, "parquet"))
    result = sim_entry_typed_preview (file, preview);
  else
    {
      g_autofree char *text = sim_entry_render_text (file, SIM_EXPLORE_PREVIEW_ROWS);

      /* UTF-8 read as ISO-8859-1: each byte its own character. */
      if (latin1)
        {
          char *converted = g_convert (text, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);

          g_free (text);
          text = converted;
        }

      if (g_str_equal (file_type, "delimited"))
        result = sim_text_delimited_preview (text, delimiter, preview);
      else if (!(result = sim_text_json_preview (text, preview, &error)))
        {
          sim_flow_service_reply_error (request, UNREADABLE, "Cannot read the file", "%s: %s", object, error->message);
          return NULL;
        }
    }

  if (!g_str_equal (file_type, "delimited") && (culprit = sim_preview_find_non_xdm_name (result)) != NULL)
    {
      sim_flow_service_reply_error (request, NOT_XDM, "File is not XDM compliant",
                                    "%s is not XDM compliant: the field \"%s\" is not a valid XDM field name "
                                    "(letters, digits and underscores, not starting with a digit). "
                                    "JSON and Parquet files must be XDM compliant.", object, culprit);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static void
reply_file (SimRequest *request,
            SimAccount *account,
            const char *object,
            gboolean    landing_zone)
{
  g_autofree char *file_type = query_lower (request, "fileType");
  g_autofree char *encoding = query_lower (request, "encoding");
  g_autofree char *determine = query_lower (request, "determineProperties");
  g_autofree char *preview = query_lower (request, "preview");
  const char *delimiter_text = sim_request_get_query (request, "columnDelimiter");
  const char *compression = sim_request_get_query (request, "compressionType");
  gboolean determined = g_strcmp0 (determine, "true") == 0;
  g_autoptr(JsonNode) result = NULL;
  char delimiter = ',';
  SimEntry *file;

  if (account->root == NULL)
    {
      bad_parameter (request, "This connection's source holds tables: explore it with objectType=root or table.");
      return;
    }
  if (file_type != NULL && determined)
    {
      bad_parameter (request, "Give either fileType or determineProperties=true, not both.");
      return;
    }
  if (file_type == NULL && !determined)
    {
      bad_parameter (request, "Give fileType (delimited, json or parquet) or determineProperties=true: "
                              "without either there is no way to read the file.");
      return;
    }
  if (file_type != NULL && !g_str_equal (file_type, "delimited") && !g_str_equal (file_type, "json") &&
      !g_str_equal (file_type, "parquet"))
    {
      bad_parameter (request, "fileType must be delimited, json or parquet.");
      return;
    }
  if (delimiter_text != NULL)
    {
      if (g_str_equal (delimiter_text, "\\t"))
        delimiter = '\t';
      else if (strlen (delimiter_text) == 1)
        delimiter = delimiter_text[0];
      else
        {
          bad_parameter (request, "columnDelimiter must be a single character.");
          return;
        }
    }
  if (compression != NULL && !g_strv_contains (compression_types, compression))
    {
      bad_parameter (request, "compressionType must be bzip2, gzip, deflate, zipDeflate, tarGzip or tar.");
      return;
    }
  if (encoding != NULL && !g_str_equal (encoding, "utf-8") && !g_str_equal (encoding, "iso-8859-1"))
    {
      bad_parameter (request, "encoding must be UTF-8 or ISO-8859-1.");
      return;
    }

  if (!(file = sim_entry_lookup (account, object, NULL)))
    {
      sim_flow_service_reply_error (request, NOT_FOUND, "Resource not found", "No file %s in the source.", object);
      return;
    }
  if (file->type != SIM_ENTRY_FILE)
    {
      sim_entry_release (file);
      bad_parameter (request, "The object is a folder: explore it with objectType=folder.");
      return;
    }

  if (determined)
    result = read_file (request, file, object, file->format, file->compression, file->delimiter, FALSE,
                        g_strcmp0 (preview, "true") == 0);
  else
    result = read_file (request, file, object, file_type, compression, delimiter,
                        g_strcmp0 (encoding, "iso-8859-1") == 0, g_strcmp0 (preview, "true") == 0);

  if (result != NULL)
    {
      if (determined)
        add_properties (result, file->format, file->compression, file->delimiter);
      else if (landing_zone)
        add_properties (result, file_type, compression, delimiter);
      sim_request_reply_json (request, 200, result);
    }

  sim_entry_release (file);
}

static void
reply_table (SimRequest *request,
             SimAccount *account,
             const char *object)
{
  g_autofree char *preview = query_lower (request, "preview");
  g_autoptr(JsonNode) result = NULL;
  SimEntry *table;

  if (account->tables == NULL)
    {
      bad_parameter (request, "This connection's source holds folders and files: explore it with objectType=root, "
                              "folder or file.");
      return;
    }
  if (!(table = sim_account_find_table (account, object)))
    {
      sim_flow_service_reply_error (request, NOT_FOUND, "Resource not found", "No table %s in the source.", object);
      return;
    }

  result = sim_entry_typed_preview (table, g_strcmp0 (preview, "true") == 0);
  sim_request_reply_json (request, 200, result);
}

static void
explore_account (SimRequest *request,
                 SimAccount *account,
                 gboolean    landing_zone)
{
  g_autofree char *object_type = query_lower (request, "objectType");
  const char *object = sim_request_get_query (request, "object");

  if (object_type == NULL)
    {
      bad_parameter (request, "objectType is required: root, folder, file or table.");
      return;
    }

  if (g_str_equal (object_type, "root"))
    {
      if (account->root == NULL)
        reply_text (request, sim_account_list_tables (account));
      else
        reply_text (request, sim_entry_list_children (account, account->root, account->prefix));
      return;
    }

  if (!g_str_equal (object_type, "folder") && !g_str_equal (object_type, "file") &&
      !g_str_equal (object_type, "table"))
    {
      bad_parameter (request, "objectType must be root, folder, file or table.");
      return;
    }
  if (object == NULL || object[0] == '\0')
    {
      sim_flow_service_reply_error (request, BAD_PARAMETER, "Bad request",
                                    "object is required with objectType=%s: the path to explore.", object_type);
      return;
    }

  if (g_str_equal (object_type, "folder"))
    reply_listing (request, account, object);
  else if (g_str_equal (object_type, "file"))
    reply_file (request, account, object, landing_zone);
  else
    reply_table (request, account, object);
}

static void
connection_explore (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  const char *spec_id = NULL;
  JsonObject *params;
  SimAccount *account;

  params = sim_flow_service_lookup_connection (request->server, request->client, request->sandbox, id, &spec_id);
  if (params == NULL)
    {
      sim_flow_service_reply_error (request, NOT_FOUND, "Resource not found",
                                    "No connection %s in the sandbox %s.", id, request->sandbox);
      return;
    }

  if ((account = sim_explore_world_find_account (explore.world, spec_id, params)) != NULL)
    {
      explore_account (request, account, FALSE);
      return;
    }

  /* The spec is explorable if some account of the world has it. */
  for (guint i = 0; i < explore.world->accounts->len; i++)
    if (g_str_equal (((SimAccount *) g_ptr_array_index (explore.world->accounts, i))->spec_id, spec_id))
      {
        sim_flow_service_reply_error (request, REFUSED, "Cannot connect to the source",
                                      "The source refused the connection's credentials, or could not be reached "
                                      "with them; update them and test the connection.");
        return;
      }

  sim_flow_service_reply_error (request, NOT_EXPLORABLE, "Cannot explore this connection",
                                "Connections of the spec %s have nothing to explore.", spec_id);
}

static void
spec_explore (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");

  if (g_str_equal (id, explore.world->landing_zone->spec_id))
    {
      explore_account (request, explore.world->landing_zone, TRUE);
      return;
    }

  if (sim_flow_service_lookup_spec (id) == NULL)
    sim_flow_service_reply_error (request, NOT_FOUND, "Resource not found", "No connection spec %s.", id);
  else
    sim_flow_service_reply_error (request, NOT_EXPLORABLE, "Cannot explore this connection spec",
                                  "Only the Data Landing Zone is explored through its spec; explore other "
                                  "sources through a base connection.");
}

static gboolean
check_zone_type (SimRequest *request)
{
  const char *type = sim_request_get_query (request, "type");

  if (g_strcmp0 (type, "user_drop_zone") == 0)
    return TRUE;

  bad_parameter (request, type == NULL ? "type is required: user_drop_zone."
                                       : "type must be user_drop_zone.");
  return FALSE;
}

static void
landing_zone (SimRequest *request)
{
  if (!check_zone_type (request))
    return;

  sim_request_reply_strings (request, 200,
                             "containerName", explore.world->landing_zone->name,
                             "containerTTL", explore.world->container_ttl,
                             NULL);
}

/* A SAS token as Azure writes one: a fresh policy id and signature. */
static char *
new_sas_token (void)
{
  g_autofree char *policy = g_uuid_string_random ();
  guint8 signature[32];
  g_autofree char *encoded = NULL;
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < sizeof signature; i++)
    signature[i] = (guint8) g_random_int_range (0, 256);
  encoded = g_base64_encode (signature, sizeof signature);
  escaped = g_uri_escape_string (encoded, NULL, FALSE);

  return g_strdup_printf ("sv=2020-04-08&si=dlz-%s&sr=c&sp=racwdlm&sig=%s", policy, escaped);
}

static void
reply_credentials (SimRequest *request,
                   gboolean    refresh)
{
  g_autofree char *key = g_strconcat (request->client->org->id, "\n", request->sandbox, NULL);
  const char *container = explore.world->landing_zone->name;
  g_autofree char *uri = NULL;
  const char *token;

  if (refresh || !(token = g_hash_table_lookup (explore.sas_tokens, key)))
    {
      token = new_sas_token ();
      g_hash_table_replace (explore.sas_tokens, g_strdup (key), (char *) token);
    }

  uri = g_strdup_printf ("https://%s.blob.core.windows.net/%s?%s", explore.world->storage_account, container, token);
  sim_request_reply_strings (request, 200,
                             "containerName", container,
                             "SASToken", token,
                             "storageAccountName", explore.world->storage_account,
                             "SASUri", uri,
                             NULL);
}

static void
landing_zone_credentials (SimRequest *request)
{
  if (check_zone_type (request))
    reply_credentials (request, FALSE);
}

static void
landing_zone_refresh (SimRequest *request)
{
  if (!check_zone_type (request))
    return;

  if (g_strcmp0 (sim_request_get_query (request, "action"), "refresh") != 0)
    {
      bad_parameter (request, "action must be refresh.");
      return;
    }

  reply_credentials (request, TRUE);
}

/**
 * sim_flow_explore_register:
 * @world_dir: the directory holding remote-storage.json
 *
 * Returns: %FALSE if the remote storage cannot be loaded
 */
gboolean
sim_flow_explore_register (SimServer   *server,
                           const char  *world_dir,
                           GError     **error)
{
  if (!(explore.world = sim_explore_world_load (world_dir, error)))
    return FALSE;

  /* The landing zone account's name is its container's. */
  g_free (explore.world->landing_zone->name);
  explore.world->landing_zone->name = g_strndup (explore.world->landing_zone->prefix,
                                                 strlen (explore.world->landing_zone->prefix) - 1);
  explore.sas_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connections/{id}/explore", SIM_ROUTE_DEFAULT,
                        connection_explore);
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connectionSpecs/{id}/explore", SIM_ROUTE_DEFAULT,
                        spec_explore);
  sim_server_add_route (server, "GET", LANDING_ZONE_PATH, SIM_ROUTE_DEFAULT, landing_zone);
  sim_server_add_route (server, "GET", LANDING_ZONE_PATH "/credentials", SIM_ROUTE_DEFAULT,
                        landing_zone_credentials);
  sim_server_add_route (server, "POST", LANDING_ZONE_PATH "/credentials", SIM_ROUTE_DEFAULT,
                        landing_zone_refresh);

  return TRUE;
}
