/* sim-world.c
 *
 * The simulated platform's data: organisations, their API clients and
 * their sandboxes, read from JSON files and then changed in memory only.
 * The files are checked strictly, because a typo in a demo world would
 * otherwise surface as a puzzling failure in some unrelated test.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-world"

#include "config.h"

#include <stdarg.h>

#include "sim-world.h"

struct _SimWorld
{
  GPtrArray *orgs;        /* SimOrg */
  GPtrArray *sandboxes;   /* JsonObject, in the files' order then creation order */
};

static void
sim_client_free (SimClient *client)
{
  g_free (client->client_id);
  g_free (client->client_secret);
  g_free (client->technical_account_id);
  g_strfreev (client->scopes);
  g_clear_pointer (&client->sandboxes, g_ptr_array_unref);
  g_free (client);
}

static void
sim_org_free (SimOrg *org)
{
  g_free (org->id);
  g_free (org->name);
  g_free (org->region);
  g_clear_pointer (&org->clients, g_ptr_array_unref);
  g_free (org);
}

void
sim_world_free (SimWorld *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->orgs, g_ptr_array_unref);
  g_clear_pointer (&self->sandboxes, g_ptr_array_unref);
  g_free (self);
}

static gboolean invalid (GError     **error,
                         const char  *path,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, message);

  return FALSE;
}

/**
 * sim_json_get_string:
 *
 * Returns: the string @member of @object, or %NULL if it is missing or
 *   not a string
 */
const char *
sim_json_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
require_string (JsonObject  *object,
                const char  *member,
                const char  *path,
                const char  *where,
                const char **value,
                GError     **error)
{
  *value = sim_json_get_string (object, member);

  if (*value == NULL || (*value)[0] == '\0')
    return invalid (error, path, "%s: \"%s\" must be a non-empty string", where, member);

  return TRUE;
}

static JsonArray *
load_array (const char  *dir,
            const char  *basename,
            const char  *member,
            JsonParser  *parser,
            char       **path,
            GError     **error)
{
  JsonNode *root;
  JsonNode *node;

  *path = g_build_filename (dir, basename, NULL);

  if (!json_parser_load_from_file (parser, *path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, *path, "the file must hold a JSON object");
      return NULL;
    }

  node = json_object_get_member (json_node_get_object (root), member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, *path, "the object must have a \"%s\" array", member);
      return NULL;
    }

  return json_node_get_array (node);
}

static GPtrArray *
load_string_list (JsonNode    *node,
                  const char  *path,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, path, "%s must be an array of strings", where);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          invalid (error, path, "%s[%u] must be a string", where, i);
          return NULL;
        }
      g_ptr_array_add (list, g_strdup (json_node_get_string (element)));
    }

  return g_steal_pointer (&list);
}

static SimClient *
load_client (JsonObject  *object,
             SimOrg      *org,
             const char  *path,
             const char  *where,
             GError     **error)
{
  g_autoptr(GPtrArray) scopes = NULL;
  g_autofree char *scopes_where = g_strconcat (where, ".scopes", NULL);
  g_autofree char *sandboxes_where = g_strconcat (where, ".sandboxes", NULL);
  const char *client_id;
  const char *client_secret;
  const char *technical_account_id;
  SimClient *client;

  if (!require_string (object, "client_id", path, where, &client_id, error) ||
      !require_string (object, "client_secret", path, where, &client_secret, error) ||
      !require_string (object, "technical_account_id", path, where, &technical_account_id, error))
    return NULL;

  if (!(scopes = load_string_list (json_object_get_member (object, "scopes"), path, scopes_where,
                                   error)))
    return NULL;

  client = g_new0 (SimClient, 1);
  client->client_id = g_strdup (client_id);
  client->client_secret = g_strdup (client_secret);
  client->technical_account_id = g_strdup (technical_account_id);
  client->scopes = (GStrv) g_ptr_array_free (g_steal_pointer (&scopes), FALSE);
  client->org = org;

  /* An allow-list is optional: most clients see every sandbox of their org. */
  if (json_object_has_member (object, "sandboxes") &&
      !(client->sandboxes = load_string_list (json_object_get_member (object, "sandboxes"),
                                              path, sandboxes_where, error)))
    {
      sim_client_free (client);
      return NULL;
    }

  return client;
}

static gboolean
load_orgs (SimWorld    *self,
           const char  *dir,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  JsonArray *orgs;

  if (!(orgs = load_array (dir, "orgs.json", "orgs", parser, &path, error)))
    return FALSE;
  if (json_array_get_length (orgs) == 0)
    return invalid (error, path, "\"orgs\" is empty; the first org is the demo org");

  for (guint i = 0; i < json_array_get_length (orgs); i++)
    {
      JsonNode *node = json_array_get_element (orgs, i);
      g_autofree char *where = g_strdup_printf ("orgs[%u]", i);
      const char *id;
      const char *name;
      const char *region;
      JsonNode *clients;
      SimOrg *org;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, path, "%s must be an object", where);

      if (!require_string (json_node_get_object (node), "id", path, where, &id, error) ||
          !require_string (json_node_get_object (node), "name", path, where, &name, error) ||
          !require_string (json_node_get_object (node), "region", path, where, &region, error))
        return FALSE;
      if (!g_str_has_suffix (id, "@AdobeOrg"))
        return invalid (error, path, "%s: the id \"%s\" must end in @AdobeOrg", where, id);
      if (sim_world_find_org (self, id) != NULL)
        return invalid (error, path, "%s: the id \"%s\" appears twice", where, id);

      clients = json_object_get_member (json_node_get_object (node), "clients");
      if (clients == NULL || !JSON_NODE_HOLDS_ARRAY (clients) ||
          json_array_get_length (json_node_get_array (clients)) == 0)
        return invalid (error, path, "%s: \"clients\" must be a non-empty array", where);

      org = g_new0 (SimOrg, 1);
      org->id = g_strdup (id);
      org->name = g_strdup (name);
      org->region = g_strdup (region);
      org->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_client_free);
      g_ptr_array_add (self->orgs, org);

      for (guint j = 0; j < json_array_get_length (json_node_get_array (clients)); j++)
        {
          JsonNode *client_node = json_array_get_element (json_node_get_array (clients), j);
          g_autofree char *client_where = g_strdup_printf ("%s.clients[%u]", where, j);
          SimClient *client;

          if (!JSON_NODE_HOLDS_OBJECT (client_node))
            return invalid (error, path, "%s must be an object", client_where);
          if (!(client = load_client (json_node_get_object (client_node), org, path, client_where,
                                      error)))
            return FALSE;
          if (sim_world_find_client (self, client->client_id) != NULL)
            {
              invalid (error, path, "%s: client_id \"%s\" appears twice", client_where,
                       client->client_id);
              sim_client_free (client);
              return FALSE;
            }
          g_ptr_array_add (org->clients, client);
        }
    }

  return TRUE;
}

static gboolean
load_sandboxes (SimWorld    *self,
                const char  *dir,
                GError     **error)
{
  static const char * const required[] = {
    "org", "name", "title", "state", "type", "region", "createdDate", "lastModifiedDate",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  JsonArray *sandboxes;

  if (!(sandboxes = load_array (dir, "sandboxes.json", "sandboxes", parser, &path, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sandboxes); i++)
    {
      JsonNode *node = json_array_get_element (sandboxes, i);
      g_autofree char *where = g_strdup_printf ("sandboxes[%u]", i);
      JsonObject *sandbox;
      JsonNode *is_default;
      const char *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, path, "%s must be an object", where);
      sandbox = json_node_get_object (node);

      for (guint j = 0; j < G_N_ELEMENTS (required); j++)
        if (!require_string (sandbox, required[j], path, where, &value, error))
          return FALSE;

      is_default = json_object_get_member (sandbox, "isDefault");
      if (is_default == NULL || !JSON_NODE_HOLDS_VALUE (is_default) ||
          json_node_get_value_type (is_default) != G_TYPE_BOOLEAN)
        return invalid (error, path, "%s: \"isDefault\" must be true or false", where);

      if (sim_world_find_org (self, sim_json_get_string (sandbox, "org")) == NULL)
        return invalid (error, path, "%s: org \"%s\" is not in orgs.json", where,
                        sim_json_get_string (sandbox, "org"));
      if (sim_world_find_sandbox (self, sim_json_get_string (sandbox, "org"), sim_json_get_string (sandbox,
                                                                                 "name")) != NULL)
        return invalid (error, path, "%s: sandbox \"%s\" appears twice in its org", where,
                        sim_json_get_string (sandbox, "name"));
      if (!g_str_equal (sim_json_get_string (sandbox, "type"), "production") &&
          !g_str_equal (sim_json_get_string (sandbox, "type"), "development"))
        return invalid (error, path, "%s: \"type\" must be \"production\" or \"development\"",
                        where);

      g_ptr_array_add (self->sandboxes, json_object_ref (sandbox));
    }

  return TRUE;
}

/* Allow-lists are checked once both files are read, as they join them. */
static gboolean
check_allow_lists (SimWorld    *self,
                   const char  *dir,
                   GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "orgs.json", NULL);

  for (guint i = 0; i < self->orgs->len; i++)
    {
      SimOrg *org = g_ptr_array_index (self->orgs, i);

      for (guint j = 0; j < org->clients->len; j++)
        {
          SimClient *client = g_ptr_array_index (org->clients, j);

          for (guint k = 0; client->sandboxes != NULL && k < client->sandboxes->len; k++)
            {
              const char *name = g_ptr_array_index (client->sandboxes, k);

              if (sim_world_find_sandbox (self, org->id, name) == NULL)
                return invalid (error, path,
                                "client %s may use sandbox \"%s\", which %s does not have",
                                client->client_id, name, org->id);
            }
        }
    }

  return TRUE;
}

/**
 * sim_world_load:
 * @dir: the directory holding `orgs.json` and `sandboxes.json`
 *
 * Returns: (transfer full) (nullable): the world, or %NULL with @error
 *   naming the file and what is wrong with it
 */
SimWorld *
sim_world_load (const char  *dir,
                GError     **error)
{
  g_autoptr(SimWorld) self = g_new0 (SimWorld, 1);

  self->orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_org_free);
  self->sandboxes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!load_orgs (self, dir, error) ||
      !load_sandboxes (self, dir, error) ||
      !check_allow_lists (self, dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

GPtrArray *
sim_world_get_orgs (SimWorld *self)
{
  return self->orgs;
}

SimOrg *
sim_world_find_org (SimWorld   *self,
                    const char *org_id)
{
  for (guint i = 0; org_id != NULL && i < self->orgs->len; i++)
    {
      SimOrg *org = g_ptr_array_index (self->orgs, i);

      if (g_str_equal (org->id, org_id))
        return org;
    }

  return NULL;
}

SimClient *
sim_world_find_client (SimWorld   *self,
                       const char *client_id)
{
  for (guint i = 0; client_id != NULL && i < self->orgs->len; i++)
    {
      SimOrg *org = g_ptr_array_index (self->orgs, i);

      for (guint j = 0; j < org->clients->len; j++)
        {
          SimClient *client = g_ptr_array_index (org->clients, j);

          if (g_str_equal (client->client_id, client_id))
            return client;
        }
    }

  return NULL;
}

/* Any sandbox of the org, whoever asks. */
JsonObject *
sim_world_find_sandbox (SimWorld   *self,
                        const char *org_id,
                        const char *name)
{
  for (guint i = 0; name != NULL && i < self->sandboxes->len; i++)
    {
      JsonObject *sandbox = g_ptr_array_index (self->sandboxes, i);

      if (g_str_equal (sim_json_get_string (sandbox, "org"), org_id) &&
          g_str_equal (sim_json_get_string (sandbox, "name"), name))
        return sandbox;
    }

  return NULL;
}

static gboolean
client_may_use (SimClient  *client,
                const char *name)
{
  if (client->sandboxes == NULL)
    return TRUE;

  for (guint i = 0; i < client->sandboxes->len; i++)
    if (g_str_equal (g_ptr_array_index (client->sandboxes, i), name))
      return TRUE;

  return FALSE;
}

/* A sandbox of the client's org that this client may use. */
JsonObject *
sim_world_lookup_sandbox (SimWorld   *self,
                          SimClient  *client,
                          const char *name)
{
  if (name == NULL || !client_may_use (client, name))
    return NULL;

  return sim_world_find_sandbox (self, client->org->id, name);
}

/**
 * sim_world_list_sandboxes:
 *
 * Returns: (transfer container): the sandboxes @client may use, in a
 *   stable order
 */
GPtrArray *
sim_world_list_sandboxes (SimWorld  *self,
                          SimClient *client)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->sandboxes->len; i++)
    {
      JsonObject *sandbox = g_ptr_array_index (self->sandboxes, i);

      if (g_str_equal (sim_json_get_string (sandbox, "org"), client->org->id) &&
          client_may_use (client, sim_json_get_string (sandbox, "name")))
        g_ptr_array_add (list, sandbox);
    }

  return list;
}

/* The creator keeps access to what it created even with an allow-list. */
void
sim_world_add_sandbox (SimWorld   *self,
                       SimClient  *creator,
                       JsonObject *sandbox)
{
  g_ptr_array_add (self->sandboxes, json_object_ref (sandbox));

  if (creator->sandboxes != NULL)
    g_ptr_array_add (creator->sandboxes, g_strdup (sim_json_get_string (sandbox, "name")));
}

const char *
sim_world_get_default_sandbox (SimWorld *self,
                               SimOrg   *org)
{
  for (guint i = 0; i < self->sandboxes->len; i++)
    {
      JsonObject *sandbox = g_ptr_array_index (self->sandboxes, i);

      if (g_str_equal (sim_json_get_string (sandbox, "org"), org->id) &&
          json_object_get_boolean_member (sandbox, "isDefault"))
        return sim_json_get_string (sandbox, "name");
    }

  return "prod";
}

gboolean
sim_client_has_scope (SimClient  *client,
                      const char *scope)
{
  return g_strv_contains ((const char * const *) client->scopes, scope);
}

/**
 * sim_sandbox_to_json:
 *
 * Returns: (transfer full): the sandbox as the platform shows it, that
 *   is without the "org" member the world files use to file it
 */
JsonNode *
sim_sandbox_to_json (JsonObject *sandbox)
{
  g_autoptr(GList) members = json_object_get_members (sandbox);
  JsonObject *copy = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "org"))
      json_object_set_member (copy, l->data, json_object_dup_member (sandbox, l->data));

  json_node_take_object (node, copy);

  return node;
}

/* The platform's own date format, e.g. 2023-03-14T09:12:44.000+0000. */
char *
sim_format_date_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d+0000", seconds, g_date_time_get_microsecond (now) / 1000);
}
