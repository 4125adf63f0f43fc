/* sim-flow-explore-world.c
 *
 * world/remote-storage.json: the datasets (columns and how their values
 * are made), the accounts Flow Service connections reach (a tree of
 * folders and files, or a database of tables) and the Data Landing
 * Zone's container. A folder may hold thousands of generated files,
 * which exist only as a count until a request names one.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-explore"

#include "config.h"

#include <string.h>

#include "sim-flow-explore-private.h"

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "remote-storage.json: %s: %s", where, what);

  return FALSE;
}

static void
column_free (SimColumn *column)
{
  g_free (column->name);
  g_free (column->type);
  g_free (column->gen);
  g_free (column);
}

static void
entry_free (SimEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->name);
  g_free (entry->format);
  g_free (entry->compression);
  g_strfreev (entry->column_names);
  g_clear_pointer (&entry->columns, g_ptr_array_unref);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_clear_pointer (&entry->generated, entry_free);
  g_free (entry->generate_prefix);
  g_free (entry->generate_suffix);
  g_free (entry);
}

/* Lookups hand out the world's own entries, or a generated file made
 * for the request; only the latter is freed here.
 */
void
sim_entry_release (SimEntry *entry)
{
  if (entry != NULL && entry->transient)
    entry_free (entry);
}

static void
account_free (SimAccount *account)
{
  g_free (account->name);
  g_free (account->spec_id);
  g_clear_pointer (&account->match, json_object_unref);
  g_free (account->prefix);
  g_free (account->database);
  g_clear_pointer (&account->root, entry_free);
  g_clear_pointer (&account->tables, g_ptr_array_unref);
  g_free (account);
}

void
sim_explore_world_free (SimExploreWorld *world)
{
  if (world == NULL)
    return;

  g_clear_pointer (&world->datasets, g_hash_table_unref);
  g_clear_pointer (&world->accounts, g_ptr_array_unref);
  g_clear_pointer (&world->landing_zone, account_free);
  g_free (world->container_ttl);
  g_free (world->storage_account);
  g_free (world);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* json-glib 1.6 has no _with_default for these. */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
load_datasets (SimExploreWorld  *world,
               JsonObject       *object,
               GError          **error)
{
  g_autoptr(GList) names = json_object_get_members (object);
  static const char * const types[] = { "string", "integer", "long", "double", "boolean", "date", "timestamp", NULL };

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, l->data, "a dataset is an array of columns");

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *spec = json_array_get_object_element (array, i);
          SimColumn *column;

          if (spec == NULL || get_string (spec, "name") == NULL || get_string (spec, "gen") == NULL ||
              get_string (spec, "type") == NULL || !g_strv_contains (types, get_string (spec, "type")))
            return invalid (error, l->data, "a column needs a name, a gen and a known type");

          column = g_new0 (SimColumn, 1);
          column->name = g_strdup (get_string (spec, "name"));
          column->type = g_strdup (get_string (spec, "type"));
          column->gen = g_strdup (get_string (spec, "gen"));
          g_ptr_array_add (columns, column);
        }

      g_hash_table_insert (world->datasets, g_strdup (l->data), g_steal_pointer (&columns));
    }

  return TRUE;
}

static SimEntry *load_entry (SimExploreWorld  *world,
                             JsonObject       *object,
                             GError          **error);

static gboolean
load_data_of (SimExploreWorld  *world,
              SimEntry         *entry,
              JsonObject       *object,
              GError          **error)
{
  const char *dataset = get_string (object, "dataset");
  GPtrArray *columns;
  JsonArray *names;

  if (dataset == NULL || !(columns = g_hash_table_lookup (world->datasets, dataset)))
    return invalid (error, entry->name, "\"dataset\" must name a dataset");

  entry->columns = g_ptr_array_ref (columns);
  entry->rows = (guint) json_object_get_int_member_with_default (object, "rows", 0);
  entry->offset = (guint64) json_object_get_int_member_with_default (object, "offset", 0);
  entry->decimal_comma = json_object_get_boolean_member_with_default (object, "decimalComma", FALSE);

  if ((names = get_array (object, "columnNames")) != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (json_array_get_length (names) != columns->len)
        return invalid (error, entry->name, "\"columnNames\" must name every column of the dataset");
      for (guint i = 0; i < json_array_get_length (names); i++)
        g_strv_builder_add (builder, json_array_get_string_element (names, i));
      entry->column_names = g_strv_builder_end (builder);
    }

  return TRUE;
}

static gboolean
load_file (SimExploreWorld  *world,
           SimEntry         *entry,
           JsonObject       *object,
           GError          **error)
{
  static const char * const formats[] = { "delimited", "json", "parquet", NULL };
  const char *format = get_string (object, "format");
  const char *delimiter = get_string (object, "delimiter");

  if (format == NULL || !g_strv_contains (formats, format))
    return invalid (error, entry->name, "\"format\" must be delimited, json or parquet");
  if (g_str_equal (format, "delimited") && (delimiter == NULL || strlen (delimiter) != 1))
    return invalid (error, entry->name, "a delimited file needs a one-character \"delimiter\"");

  entry->format = g_strdup (format);
  entry->delimiter = delimiter != NULL ? delimiter[0] : '\0';
  entry->compression = g_strdup (get_string (object, "compression"));

  return load_data_of (world, entry, object, error);
}

static gboolean
load_folder (SimExploreWorld  *world,
             SimEntry         *entry,
             JsonObject       *object,
             GError          **error)
{
  JsonObject *generate = get_object (object, "generate");
  JsonArray *children = get_array (object, "children");

  entry->children = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    {
      JsonObject *child_object = json_array_get_object_element (children, i);
      SimEntry *child;

      if (child_object == NULL || !(child = load_entry (world, child_object, error)))
        return child_object != NULL ? FALSE : invalid (error, entry->name, "children are objects");
      g_ptr_array_add (entry->children, child);
    }

  if (generate != NULL)
    {
      entry->generate_count = (guint) json_object_get_int_member_with_default (generate, "count", 0);
      entry->generate_prefix = g_strdup (get_string (generate, "prefix"));
      entry->generate_suffix = g_strdup (get_string (generate, "suffix"));
      if (entry->generate_count == 0 || entry->generate_count > 99999 ||
          entry->generate_prefix == NULL || entry->generate_suffix == NULL)
        return invalid (error, entry->name, "\"generate\" needs a count (1 to 99999), a prefix and a suffix");

      entry->generated = g_new0 (SimEntry, 1);
      entry->generated->type = SIM_ENTRY_FILE;
      entry->generated->name = g_strdup ("generated");
      if (!load_file (world, entry->generated, generate, error))
        return FALSE;
    }

  return TRUE;
}

static SimEntry *
load_entry (SimExploreWorld  *world,
            JsonObject       *object,
            GError          **error)
{
  SimEntry *entry = g_new0 (SimEntry, 1);
  const char *type = get_string (object, "type");
  const char *name = get_string (object, "name");
  gboolean ok;

  entry->name = g_strdup (name != NULL ? name : "?");

  if (name == NULL || strchr (name, '/') != NULL)
    ok = invalid (error, entry->name, "an entry needs a \"name\" without a slash");
  else if (g_strcmp0 (type, "folder") == 0)
    {
      entry->type = SIM_ENTRY_FOLDER;
      ok = load_folder (world, entry, object, error);
    }
  else if (g_strcmp0 (type, "file") == 0)
    {
      entry->type = SIM_ENTRY_FILE;
      ok = load_file (world, entry, object, error);
    }
  else
    ok = invalid (error, entry->name, "\"type\" must be folder or file");

  if (!ok)
    {
      entry_free (entry);
      return NULL;
    }

  return entry;
}

static SimAccount *
load_account (SimExploreWorld  *world,
              JsonObject       *object,
              GError          **error)
{
  SimAccount *account = g_new0 (SimAccount, 1);
  JsonArray *root = get_array (object, "root");
  JsonArray *tables = get_array (object, "tables");
  JsonObject *match = get_object (object, "match");

  account->name = g_strdup (get_string (object, "name"));
  account->spec_id = g_strdup (get_string (object, "connectionSpec"));
  account->prefix = g_strdup (get_string (object, "prefix"));
  account->database = g_strdup (get_string (object, "database"));
  account->match = match != NULL ? json_object_ref (match) : NULL;

  if (account->name == NULL || account->spec_id == NULL || (root == NULL) == (tables == NULL) ||
      (root != NULL && account->prefix == NULL))
    {
      invalid (error, account->name != NULL ? account->name : "an account",
               "an account needs a name, a connectionSpec, and a root (with a prefix) or tables");
      account_free (account);
      return NULL;
    }

  if (root != NULL)
    {
      account->root = g_new0 (SimEntry, 1);
      account->root->type = SIM_ENTRY_FOLDER;
      account->root->name = g_strdup ("");
      account->root->children = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
      for (guint i = 0; i < json_array_get_length (root); i++)
        {
          JsonObject *child_object = json_array_get_object_element (root, i);
          SimEntry *child = child_object != NULL ? load_entry (world, child_object, error) : NULL;

          if (child == NULL)
            {
              if (child_object == NULL)
                invalid (error, account->name, "root entries are objects");
              account_free (account);
              return NULL;
            }
          g_ptr_array_add (account->root->children, child);
        }
    }
  else
    {
      account->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
      for (guint i = 0; i < json_array_get_length (tables); i++)
        {
          JsonObject *table_object = json_array_get_object_element (tables, i);
          SimEntry *table = g_new0 (SimEntry, 1);

          table->type = SIM_ENTRY_TABLE;
          g_ptr_array_add (account->tables, table);
          table->name = g_strdup (table_object != NULL ? get_string (table_object, "name") : NULL);
          if (table->name == NULL || !load_data_of (world, table, table_object, error))
            {
              if (table->name == NULL)
                invalid (error, account->name, "a table needs a name");
              account_free (account);
              return NULL;
            }
        }
    }

  return account;
}

/**
 * sim_explore_world_load:
 * @dir: the world's directory
 *
 * Returns: (transfer full): the remote storage of `remote-storage.json`
 */
SimExploreWorld *
sim_explore_world_load (const char  *dir,
                        GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "remote-storage.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  SimExploreWorld *world = g_new0 (SimExploreWorld, 1);
  JsonObject *root;
  JsonObject *datasets;
  JsonObject *landing_zone;
  JsonArray *accounts;

  world->datasets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  world->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);

  if (!json_parser_load_from_file (parser, path, error))
    goto failed;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, "the file", "it must hold an object");
      goto failed;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  datasets = get_object (root, "datasets");
  accounts = get_array (root, "accounts");
  landing_zone = get_object (root, "landingZone");
  if (datasets == NULL || accounts == NULL || landing_zone == NULL)
    {
      invalid (error, "the file", "it needs \"datasets\", \"accounts\" and \"landingZone\"");
      goto failed;
    }

  if (!load_datasets (world, datasets, error))
    goto failed;

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *object = json_array_get_object_element (accounts, i);
      SimAccount *account;

      if (object == NULL)
        {
          invalid (error, "accounts", "each account is an object");
          goto failed;
        }
      if (!(account = load_account (world, object, error)))
        goto failed;
      g_ptr_array_add (world->accounts, account);
    }

  /* The landing zone is an account whose root is its container. */
  {
    g_autoptr(JsonObject) zone = json_object_new ();
    const char *container = get_string (landing_zone, "containerName");
    g_autofree char *prefix = g_strconcat (container != NULL ? container : "", "/", NULL);

    json_object_set_string_member (zone, "name", "Data Landing Zone");
    json_object_set_string_member (zone, "connectionSpec",
                                   get_string (landing_zone, "connectionSpec") != NULL
                                   ? get_string (landing_zone, "connectionSpec") : "");
    json_object_set_string_member (zone, "prefix", prefix);
    if (json_object_has_member (landing_zone, "root"))
      json_object_set_member (zone, "root", json_node_copy (json_object_get_member (landing_zone, "root")));

    world->container_ttl = g_strdup (get_string (landing_zone, "containerTTL"));
    world->storage_account = g_strdup (get_string (landing_zone, "storageAccountName"));
    if (container == NULL || world->container_ttl == NULL || world->storage_account == NULL ||
        !(world->landing_zone = load_account (world, zone, error)))
      {
        if (error == NULL || *error == NULL)
          invalid (error, "landingZone", "it needs a containerName, a containerTTL, a storageAccountName and a root");
        goto failed;
      }
  }

  return world;

failed:
  sim_explore_world_free (world);
  return NULL;
}

static gboolean
params_match (JsonObject *match,
              JsonObject *params)
{
  g_autoptr(GList) names = json_object_get_members (match);

  for (const GList *l = names; l != NULL; l = l->next)
    if (params == NULL || g_strcmp0 (get_string (match, l->data), get_string (params, l->data)) != 0)
      return FALSE;

  return TRUE;
}

/**
 * sim_explore_world_find_account:
 * @spec_id: a connection's spec
 * @params: (nullable): its auth params, unmasked
 *
 * Returns: (nullable): the account those params reach, if any
 */
SimAccount *
sim_explore_world_find_account (SimExploreWorld *world,
                                const char      *spec_id,
                                JsonObject      *params)
{
  for (guint i = 0; i < world->accounts->len; i++)
    {
      SimAccount *account = g_ptr_array_index (world->accounts, i);

      if (g_strcmp0 (account->spec_id, spec_id) == 0 &&
          (account->match == NULL || params_match (account->match, params)))
        return account;
    }

  return NULL;
}

static SimEntry *
find_child (SimEntry   *folder,
            const char *name)
{
  for (guint i = 0; folder->children != NULL && i < folder->children->len; i++)
    {
      SimEntry *child = g_ptr_array_index (folder->children, i);

      if (g_str_equal (child->name, name))
        return child;
    }

  if (folder->generated != NULL && g_str_has_prefix (name, folder->generate_prefix) &&
      g_str_has_suffix (name, folder->generate_suffix))
    {
      gsize prefix = strlen (folder->generate_prefix);
      gsize digits = strlen (name) - prefix - strlen (folder->generate_suffix);
      g_autofree char *number = g_strndup (name + prefix, digits);
      guint64 index;
      SimEntry *file;

      if (digits != 5 || !g_ascii_string_to_unsigned (number, 10, 0, folder->generate_count - 1, &index, NULL))
        return NULL;

      file = g_new0 (SimEntry, 1);
      *file = *folder->generated;
      file->transient = TRUE;
      file->name = g_strdup (name);
      file->format = g_strdup (folder->generated->format);
      file->compression = g_strdup (folder->generated->compression);
      file->columns = g_ptr_array_ref (folder->generated->columns);
      file->column_names = g_strdupv (folder->generated->column_names);
      file->offset = folder->generated->offset + index * folder->generated->rows;

      return file;
    }

  return NULL;
}

/**
 * sim_entry_lookup:
 * @path: an object's path as a client sends it, with or without the
 *   account's prefix's slashes and a folder's trailing slash
 * @canonical: (out): the path as listings give it
 *
 * Returns: (nullable): the entry, to sim_entry_release()
 */
SimEntry *
sim_entry_lookup (SimAccount  *account,
                  const char  *path,
                  char       **canonical)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GString) built = g_string_new (account->prefix);
  const char *rest = path;
  SimEntry *entry = account->root;
  gboolean in_container = g_strcmp0 (account->prefix, "/") != 0;

  if (entry == NULL)
    return NULL;

  /* The landing zone's paths start with its container's name. */
  while (*rest == '/')
    rest++;
  if (in_container)
    {
      gsize length = strlen (account->prefix) - 1;

      if (strncmp (rest, account->prefix, length) != 0 || (rest[length] != '/' && rest[length] != '\0'))
        return NULL;
      rest += length;
    }

  segments = g_strsplit (rest, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      SimEntry *child;

      if (segments[i][0] == '\0')
        continue;
      if (entry->type != SIM_ENTRY_FOLDER || !(child = find_child (entry, segments[i])))
        {
          sim_entry_release (entry);
          return NULL;
        }
      sim_entry_release (entry);
      entry = child;
      g_string_append (built, segments[i]);
      if (entry->type == SIM_ENTRY_FOLDER)
        g_string_append_c (built, '/');
    }

  if (canonical != NULL)
    *canonical = g_strdup (built->str);

  return entry;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_item (GString    *out,
             const char *type,
             const char *name,
             const char *path,
             gboolean    can_preview)
{
  const char *flag = can_preview ? "true" : "false";

  if (out->len > 1)
    g_string_append_c (out, ',');
  g_string_append_printf (out, "{\"type\":\"%s\",\"name\":", type);
  append_json_string (out, name);
  g_string_append (out, ",\"path\":");
  append_json_string (out, path);
  g_string_append_printf (out, ",\"canPreview\":%s,\"canFetchSchema\":%s}", flag, flag);
}

/**
 * sim_entry_list_children:
 * @folder_path: the folder's canonical path, ending in a slash
 *
 * Written straight as text: a folder of 10,000 files would spend more
 * in a JsonBuilder than the client spends reading it.
 *
 * Returns: (transfer full): the folder's listing as JSON text, every
 *   entry at once, as Flow Service answers it: the platform does not
 *   page it
 */
char *
sim_entry_list_children (SimAccount *account,
                         SimEntry   *folder,
                         const char *folder_path)
{
  GString *out = g_string_new ("[");
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; folder->children != NULL && i < folder->children->len; i++)
    {
      SimEntry *child = g_ptr_array_index (folder->children, i);
      gboolean is_folder = child->type == SIM_ENTRY_FOLDER;

      g_string_printf (path, "%s%s%s", folder_path, child->name, is_folder ? "/" : "");
      append_item (out, is_folder ? "folder" : "file", child->name, path->str, !is_folder);
    }
  for (guint i = 0; folder->generated != NULL && i < folder->generate_count; i++)
    {
      g_string_printf (name, "%s%05u%s", folder->generate_prefix, i, folder->generate_suffix);
      g_string_printf (path, "%s%s", folder_path, name->str);
      append_item (out, "file", name->str, path->str, TRUE);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

static char *
table_path (SimAccount *account,
            SimEntry   *table)
{
  return account->database != NULL ? g_strconcat (account->database, ".", table->name, NULL)
                                   : g_strdup (table->name);
}

char *
sim_account_list_tables (SimAccount *account)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < account->tables->len; i++)
    {
      SimEntry *table = g_ptr_array_index (account->tables, i);
      g_autofree char *path = table_path (account, table);

      append_item (out, "table", table->name, path, TRUE);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

/* A table by its path, or by its bare name where there is a database. */
SimEntry *
sim_account_find_table (SimAccount *account,
                        const char *path)
{
  for (guint i = 0; account->tables != NULL && i < account->tables->len; i++)
    {
      SimEntry *table = g_ptr_array_index (account->tables, i);
      g_autofree char *full = table_path (account, table);

      if (g_str_equal (full, path) || g_str_equal (table->name, path))
        return table;
    }

  return NULL;
}
