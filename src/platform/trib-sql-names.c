/* trib-sql-names.c
 *
 * The names a sandbox gives SQL, for completion: its tables (from
 * Catalog, read once in the background, a page after the other, and
 * kept sorted by table name as they come, so that a prefix is a binary
 * search whatever their number) and each schema's fields (from the
 * Schema Registry, read once per schema when a statement first looks
 * into a table that follows it). One per sandbox, kept by #TribSession.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-names"

#include "config.h"

#include <string.h>

#include "trib-background.h"
#include "trib-catalog.h"
#include "trib-schema-registry.h"
#include "trib-sql-names.h"

typedef struct
{
  GListModel *roots;       /* NULL while it loads */
  GPtrArray *waiters;      /* GTask */
} Fields;

struct _TribSqlNames
{
  GObject parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;

  TribPagedList *list;
  GPtrArray *tables;       /* TribDataset with a table name, sorted by it; replaced, never changed */
  GPtrArray *arrived;      /* TribDataset come since the last merge began */
  gboolean merging;
  guint generation;        /* of the list, which starts over if it ever shrinks */
  GHashTable *fields;      /* schema id → Fields */
};

enum {
  TABLES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TribSqlNames, trib_sql_names, G_TYPE_OBJECT)

static void
fields_free (Fields *fields)
{
  g_clear_object (&fields->roots);
  g_ptr_array_unref (fields->waiters);
  g_free (fields);
}

static int
compare_tables (gconstpointer a,
                gconstpointer b)
{
  return g_ascii_strcasecmp (trib_dataset_get_table_name (*(TribDataset **) a),
                             trib_dataset_get_table_name (*(TribDataset **) b));
}

/* Up to this many tables, a merge costs the main thread less than a
 * frame's worth of time.
 */
#define INLINE_MERGE_MAX 1000

/* One merge: the tables kept when it started, and those that came since. */
typedef struct
{
  GWeakRef names;
  GPtrArray *kept;
  GPtrArray *arrived;
  GPtrArray *merged;
  guint generation;
} Merge;

static void
merge_free (Merge *merge)
{
  g_weak_ref_clear (&merge->names);
  g_clear_pointer (&merge->kept, g_ptr_array_unref);
  g_clear_pointer (&merge->arrived, g_ptr_array_unref);
  g_clear_pointer (&merge->merged, g_ptr_array_unref);
  g_free (merge);
}

/* The pages' datasets, sorted, merged with those kept into a new array:
 * linear in what is kept, where inserting each would move them all a
 * hundred times.
 */
static GPtrArray *
merge_sorted (GPtrArray *kept,
              GPtrArray *arrived)
{
  GPtrArray *merged = g_ptr_array_new_full (kept->len + arrived->len, g_object_unref);
  guint i = 0, j = 0;

  g_ptr_array_sort (arrived, compare_tables);
  while (i < kept->len || j < arrived->len)
    {
      if (j >= arrived->len ||
          (i < kept->len && compare_tables (&kept->pdata[i], &arrived->pdata[j]) <= 0))
        g_ptr_array_add (merged, g_object_ref (kept->pdata[i++]));
      else
        g_ptr_array_add (merged, g_object_ref (arrived->pdata[j++]));
    }

  return merged;
}

/* Off the main thread, as the kept tables grow to tens of thousands and
 * the pages come many a second while the user types; the kept array is
 * a snapshot nobody changes, which the main thread goes on searching
 * meanwhile.
 */
static void
merge_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Merge *merge = task_data;

  merge->merged = merge_sorted (merge->kept, merge->arrived);
  g_task_return_boolean (task, TRUE);
}

static void merge_arrived (TribSqlNames *self);

static void
merged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Merge *merge = g_task_get_task_data (G_TASK (result));
  g_autoptr(TribSqlNames) self = g_weak_ref_get (&merge->names);

  if (self == NULL)
    return;

  self->merging = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || merge->generation != self->generation)
    {
      merge_arrived (self);
      return;
    }

  g_ptr_array_unref (self->tables);
  self->tables = g_steal_pointer (&merge->merged);
  g_debug ("%u tables%s", self->tables->len, trib_sql_names_get_tables_complete (self) ? ", all" : "");

  /* What came during this merge goes in the next, and is told with it. */
  if (self->arrived->len > 0)
    merge_arrived (self);
  g_signal_emit (self, signals[TABLES_CHANGED], 0);
}

static void
merge_arrived (TribSqlNames *self)
{
  g_autoptr(GTask) task = NULL;
  Merge *merge;

  if (self->merging || self->arrived->len == 0)
    return;

  /* The first pages at once: someone may be waiting for them, and a
   * thread would only add its start to their wait.
   */
  if (self->tables->len + self->arrived->len <= INLINE_MERGE_MAX)
    {
      GPtrArray *merged = merge_sorted (self->tables, self->arrived);

      g_ptr_array_unref (self->tables);
      self->tables = merged;
      g_ptr_array_set_size (self->arrived, 0);
      g_signal_emit (self, signals[TABLES_CHANGED], 0);
      return;
    }

  merge = g_new0 (Merge, 1);
  g_weak_ref_init (&merge->names, self);
  merge->kept = g_ptr_array_ref (self->tables);
  merge->arrived = g_steal_pointer (&self->arrived);
  merge->generation = self->generation;
  self->arrived = g_ptr_array_new_with_free_func (g_object_unref);
  self->merging = TRUE;

  /* Not cancellable: the merge is short. Names dropped meanwhile (a
   * switch of sandbox) are not kept alive for it: its result is dropped.
   */
  task = g_task_new (NULL, NULL, merged_cb, NULL);
  g_task_set_source_tag (task, merge_arrived);
  g_task_set_task_data (task, merge, (GDestroyNotify) merge_free);
  trib_background_run_task (task, merge_worker);
}

static void
list_items_changed_cb (TribSqlNames *self,
                       guint         position,
                       guint         removed,
                       guint         added,
                       GListModel   *list)
{
  guint n = g_list_model_get_n_items (list);

  /* The list only grows; were it ever to change otherwise, start over. */
  if (removed > 0)
    {
      g_ptr_array_unref (self->tables);
      self->tables = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_set_size (self->arrived, 0);
      self->generation++;
      position = 0;
      added = n;
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (list, i);

      if (trib_dataset_get_table_name (dataset) != NULL)
        g_ptr_array_add (self->arrived, g_steal_pointer (&dataset));
    }
  merge_arrived (self);

  /* Read on as a view scrolled to the end would: the list asks for more
   * pages, several at once, when its last item is looked at.
   */
  if (n > 0 && !trib_paged_list_get_complete (self->list))
    g_object_unref (g_list_model_get_item (list, n - 1));
}

static void
list_complete_cb (TribSqlNames *self)
{
  /* Otherwise the last merge tells it. */
  if (!self->merging)
    g_signal_emit (self, signals[TABLES_CHANGED], 0);
}

static void
trib_sql_names_dispose (GObject *object)
{
  TribSqlNames *self = (TribSqlNames *)object;

  GHashTableIter iter;
  Fields *fields;

  g_cancellable_cancel (self->cancellable);

  /* Whoever waits for fields is told, before their tasks go. */
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &fields))
    {
      g_autoptr(GPtrArray) waiters = g_steal_pointer (&fields->waiters);

      fields->waiters = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < waiters->len; i++)
        g_task_return_new_error (g_ptr_array_index (waiters, i), G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The sandbox's names are gone");
    }

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      trib_paged_list_cancel (self->list);
    }
  g_clear_object (&self->list);

  G_OBJECT_CLASS (trib_sql_names_parent_class)->dispose (object);
}

static void
trib_sql_names_finalize (GObject *object)
{
  TribSqlNames *self = (TribSqlNames *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->arrived, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (trib_sql_names_parent_class)->finalize (object);
}

static void
trib_sql_names_class_init (TribSqlNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_sql_names_dispose;
  object_class->finalize = trib_sql_names_finalize;

  /**
   * TribSqlNames::tables-changed:
   *
   * More tables came, or all have.
   */
  signals[TABLES_CHANGED] = g_signal_new ("tables-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_sql_names_init (TribSqlNames *self)
{
  self->cancellable = g_cancellable_new ();
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->arrived = g_ptr_array_new_with_free_func (g_object_unref);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fields_free);
}

/**
 * trib_sql_names_new:
 * @client: the client of the sandbox the names are from
 *
 * Returns: (transfer full): names of the client's sandbox of the moment
 */
TribSqlNames *
trib_sql_names_new (TribPlatformClient *client)
{
  TribSqlNames *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_SQL_NAMES, NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * trib_sql_names_load_tables:
 * @self: a #TribSqlNames
 *
 * Starts reading the sandbox's tables, unless that has started already:
 * #TribSqlNames::tables-changed says as they come.
 */
void
trib_sql_names_load_tables (TribSqlNames *self)
{
  g_return_if_fail (TRIB_IS_SQL_NAMES (self));

  if (self->list != NULL)
    return;

  self->list = trib_catalog_list_tables (self->client);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::complete", G_CALLBACK (list_complete_cb), self, G_CONNECT_SWAPPED);
  trib_paged_list_load_more (self->list);
}

/**
 * trib_sql_names_get_tables_complete:
 * @self: a #TribSqlNames
 *
 * Returns: whether all the sandbox's tables have come, and can be found
 */
gboolean
trib_sql_names_get_tables_complete (TribSqlNames *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_NAMES (self), FALSE);

  return self->list != NULL && trib_paged_list_get_complete (self->list) &&
         !self->merging && self->arrived->len == 0;
}

guint
trib_sql_names_get_n_tables (TribSqlNames *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_NAMES (self), 0);

  return self->tables->len;
}

/* The first table not sorted before @prefix. */
static guint
lower_bound (TribSqlNames *self,
             const char   *prefix)
{
  guint low = 0, high = self->tables->len;
  gsize n = strlen (prefix);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const char *table = trib_dataset_get_table_name (self->tables->pdata[middle]);

      if (g_ascii_strncasecmp (table, prefix, n) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * trib_sql_names_find_tables:
 * @self: a #TribSqlNames
 * @prefix: the start of a table name, any case
 * @limit: the most to return
 *
 * Returns: (transfer container) (element-type TribDataset): the datasets
 *   of the tables that have come whose name starts with @prefix, by
 *   table name
 */
GPtrArray *
trib_sql_names_find_tables (TribSqlNames *self,
                            const char   *prefix,
                            guint         limit)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  gsize n;

  g_return_val_if_fail (TRIB_IS_SQL_NAMES (self), found);
  g_return_val_if_fail (prefix != NULL, found);

  n = strlen (prefix);
  for (guint i = lower_bound (self, prefix); i < self->tables->len && found->len < limit; i++)
    {
      TribDataset *dataset = self->tables->pdata[i];

      if (g_ascii_strncasecmp (trib_dataset_get_table_name (dataset), prefix, n) != 0)
        break;
      g_ptr_array_add (found, g_object_ref (dataset));
    }

  return found;
}

/**
 * trib_sql_names_lookup_table:
 * @self: a #TribSqlNames
 * @table: a table name, any case
 *
 * Returns: (transfer none) (nullable): the dataset queried as @table, if
 *   it has come
 */
TribDataset *
trib_sql_names_lookup_table (TribSqlNames *self,
                             const char   *table)
{
  guint i;

  g_return_val_if_fail (TRIB_IS_SQL_NAMES (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  i = lower_bound (self, table);
  if (i < self->tables->len && g_ascii_strcasecmp (trib_dataset_get_table_name (self->tables->pdata[i]), table) == 0)
    return self->tables->pdata[i];

  return NULL;
}

/**
 * trib_sql_names_peek_fields:
 * @self: a #TribSqlNames
 * @schema_id: a schema's `$id`
 *
 * Returns: (transfer none) (nullable): the schema's top-level fields, if
 *   they have been read
 */
GListModel *
trib_sql_names_peek_fields (TribSqlNames *self,
                            const char   *schema_id)
{
  Fields *fields;

  g_return_val_if_fail (TRIB_IS_SQL_NAMES (self), NULL);
  g_return_val_if_fail (schema_id != NULL, NULL);

  fields = g_hash_table_lookup (self->fields, schema_id);

  return fields != NULL ? fields->roots : NULL;
}

typedef struct
{
  GWeakRef names;
  char *schema_id;
} FieldsLoad;

static void
fields_load_free (FieldsLoad *load)
{
  g_weak_ref_clear (&load->names);
  g_free (load->schema_id);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FieldsLoad, fields_load_free)

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FieldsLoad) load = user_data;
  g_autoptr(TribSqlNames) self = g_weak_ref_get (&load->names);
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GPtrArray) waiters = NULL;
  g_autoptr(GError) error = NULL;
  const char *schema_id = load->schema_id;
  Fields *fields;

  roots = trib_schema_registry_load_fields_finish (result, NULL, &error);
  g_debug ("Fields of %s: %s", load->schema_id, roots != NULL ? "read" : error->message);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  fields = g_hash_table_lookup (self->fields, schema_id);
  waiters = g_steal_pointer (&fields->waiters);
  fields->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  if (roots != NULL)
    fields->roots = g_object_ref (roots);
  else
    /* Asked again next time. */
    g_hash_table_remove (self->fields, schema_id);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (roots != NULL)
        g_task_return_pointer (task, g_object_ref (roots), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

/**
 * trib_sql_names_load_fields_async:
 * @self: a #TribSqlNames
 * @schema_id: a schema's `$id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the fields
 * @user_data: data for @callback
 *
 * Reads a schema's fields once: those who ask while it is read wait for
 * the same reply, and those who ask after get it at once.
 */
void
trib_sql_names_load_fields_async (TribSqlNames        *self,
                                  const char          *schema_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fields *fields;

  g_return_if_fail (TRIB_IS_SQL_NAMES (self));
  g_return_if_fail (schema_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_sql_names_load_fields_async);

  if ((fields = g_hash_table_lookup (self->fields, schema_id)) != NULL && fields->roots != NULL)
    {
      g_task_return_pointer (task, g_object_ref (fields->roots), g_object_unref);
      return;
    }

  if (fields == NULL)
    {
      FieldsLoad *load = g_new0 (FieldsLoad, 1);

      fields = g_new0 (Fields, 1);
      fields->waiters = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->fields, g_strdup (schema_id), fields);
      g_weak_ref_init (&load->names, self);
      load->schema_id = g_strdup (schema_id);
      trib_schema_registry_load_fields_async (self->client, TRIB_XDM_KIND_SCHEMA, schema_id, self->cancellable,
                                              fields_cb, load);
    }

  g_ptr_array_add (fields->waiters, g_steal_pointer (&task));
}

/**
 * trib_sql_names_load_fields_finish:
 * @self: a #TribSqlNames
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of the schema's top-level
 *   #TribXdmField
 */
GListModel *
trib_sql_names_load_fields_finish (TribSqlNames  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_sql_names_children_at:
 * @roots: a #GListModel of top-level #TribXdmField
 * @path: a dotted path of field names, any case; empty for @roots
 *
 * Returns: (transfer none) (nullable): the fields of the object (or of
 *   the array's items) at @path, or %NULL if there is none there
 */
GListModel *
trib_sql_names_children_at (GListModel *roots,
                            const char *path)
{
  g_auto(GStrv) names = NULL;
  GListModel *level = roots;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    return roots;

  names = g_strsplit (path, ".", -1);
  for (guint i = 0; names[i] != NULL && level != NULL; i++)
    {
      guint n = g_list_model_get_n_items (level);
      GListModel *next = NULL;

      for (guint j = 0; j < n && next == NULL; j++)
        {
          g_autoptr(TribXdmField) field = g_list_model_get_item (level, j);

          if (g_ascii_strcasecmp (trib_xdm_field_get_name (field), names[i]) == 0)
            {
              next = trib_xdm_field_get_children (field);
              if (next != NULL && g_list_model_get_n_items (next) == 0)
                next = NULL;
            }
        }
      level = next;
    }

  return level;
}
