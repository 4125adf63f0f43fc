/* trib-query-history.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-history"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-query-history.h"

/* Every statement run, newest first, kept in a JSON Lines file in the
 * user's data directory: a line is appended per statement, and the file
 * is rewritten (atomically) only when it has grown well past what is
 * kept.
 */
#define KEEP_ENTRIES 2000

struct _TribQueryHistory
{
  GObject parent_instance;

  GFile *file;
  GListStore *entries;
  GThreadPool *writer;          /* one thread: appends stay in order */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribQueryHistory, trib_query_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return TRIB_TYPE_QUERY_HISTORY_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TRIB_QUERY_HISTORY (model)->entries));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (TRIB_QUERY_HISTORY (model)->entries), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

typedef struct
{
  GFile *file;
  char *line;
} AppendJob;

static void
append_line (gpointer data,
             gpointer user_data)
{
  AppendJob *job = data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (job->file);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  if (!(stream = g_file_append_to (job->file, G_FILE_CREATE_PRIVATE, NULL, &error)) ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), job->line, strlen (job->line), NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    g_warning ("Could not add to the query history: %s", error->message);

  g_object_unref (job->file);
  g_free (job->line);
  g_free (job);
}

static void
items_changed_cb (TribQueryHistory *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
trib_query_history_dispose (GObject *object)
{
  TribQueryHistory *self = (TribQueryHistory *)object;

  trib_query_history_flush (self);

  G_OBJECT_CLASS (trib_query_history_parent_class)->dispose (object);
}

static void
trib_query_history_finalize (GObject *object)
{
  TribQueryHistory *self = (TribQueryHistory *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (trib_query_history_parent_class)->finalize (object);
}

static void
trib_query_history_class_init (TribQueryHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_query_history_dispose;
  object_class->finalize = trib_query_history_finalize;
}

static void
trib_query_history_init (TribQueryHistory *self)
{
  self->entries = g_list_store_new (TRIB_TYPE_QUERY_HISTORY_ENTRY);
  g_signal_connect_object (self->entries, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * trib_query_history_new:
 * @file: the JSON Lines file to keep the history in
 *
 * Returns: (transfer full): an empty history; load it to read @file
 */
TribQueryHistory *
trib_query_history_new (GFile *file)
{
  TribQueryHistory *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TRIB_TYPE_QUERY_HISTORY, NULL);
  self->file = g_object_ref (file);

  return self;
}

/**
 * trib_query_history_new_default:
 *
 * Returns: (transfer full): the history in the user's data directory
 */
TribQueryHistory *
trib_query_history_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "tributary", "query-history.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return trib_query_history_new (file);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  if (!g_file_load_contents (file, cancellable, &contents, NULL, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_new_error (task, G_IO_ERROR, error->code,
                                 /* Translators: %s is the technical reason */
                                 _("The query history could not be read: %s"), error->message);
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  n_lines = g_strv_length (lines);

  /* Newest last in the file, newest first in the list. A damaged line
   * (an interrupted write) is skipped rather than losing the rest.
   */
  for (guint i = n_lines; i > 0 && entries->len < KEEP_ENTRIES; i--)
    {
      const char *line = lines[i - 1];
      TribQueryHistoryEntry *entry;

      if (line[0] == '\0' || !json_parser_load_from_data (parser, line, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;

      if ((entry = trib_query_history_entry_new_from_json (json_node_get_object (json_parser_get_root (parser)))))
        g_ptr_array_add (entries, entry);
    }

  /* Rewrite once the file holds twice what is kept. */
  if (n_lines > 2 * KEEP_ENTRIES)
    {
      g_autoptr(GString) kept = g_string_new (NULL);

      for (guint i = entries->len; i > 0; i--)
        {
          g_autoptr(JsonNode) node = trib_query_history_entry_to_json (g_ptr_array_index (entries, i - 1));
          g_autofree char *text = json_to_string (node, FALSE);

          g_string_append_printf (kept, "%s\n", text);
        }

      if (!g_file_replace_contents (file, kept->str, kept->len, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                    NULL, cancellable, &error))
        g_warning ("Could not trim the query history: %s", error->message);
    }

  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
}

void
trib_query_history_load_async (TribQueryHistory    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_QUERY_HISTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_query_history_load_async);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
trib_query_history_load_finish (TribQueryHistory  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY (self), FALSE);

  if (!(entries = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  /* Entries added while loading are newer: they stay in front. */
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       entries->pdata, entries->len);

  return TRUE;
}

/**
 * trib_query_history_add:
 * @entry: a statement that ran
 *
 * Puts @entry first and appends it to the file in the background.
 */
void
trib_query_history_add (TribQueryHistory      *self,
                        TribQueryHistoryEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  AppendJob *job;

  g_return_if_fail (TRIB_IS_QUERY_HISTORY (self));
  g_return_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (entry));

  g_list_store_insert (self->entries, 0, entry);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > KEEP_ENTRIES)
    g_list_store_remove (self->entries, KEEP_ENTRIES);

  if (self->writer == NULL)
    self->writer = g_thread_pool_new (append_line, NULL, 1, FALSE, NULL);

  node = trib_query_history_entry_to_json (entry);
  text = json_to_string (node, FALSE);
  job = g_new0 (AppendJob, 1);
  job->file = g_object_ref (self->file);
  job->line = g_strconcat (text, "\n", NULL);
  g_thread_pool_push (self->writer, job, NULL);
}

/**
 * trib_query_history_flush:
 *
 * Waits until every entry added is written; for quitting and tests.
 */
void
trib_query_history_flush (TribQueryHistory *self)
{
  g_return_if_fail (TRIB_IS_QUERY_HISTORY (self));

  if (self->writer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->writer), FALSE, TRUE);
}
