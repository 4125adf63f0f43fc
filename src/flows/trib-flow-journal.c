/* trib-flow-journal.c
 *
 * The record of one dataflow setup, written after every step and just
 * before every create is sent, so that whatever stops the setup (a
 * closed window, a lost network, a killed process) leaves a file that
 * says what exists, what may exist, and what is left to do. Written
 * whole to a temporary file and renamed over the old one, so a reader
 * sees the previous record or the next, never half of one.
 *
 * It holds the plan's bodies and the ids the platform gave: no secret
 * is ever in a plan (accounts are made by the Connect dialog and named
 * here by id only).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-journal"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trib-error.h"
#include "trib-flow-journal.h"
#include "trib-flow-plan-private.h"

/* Journals larger than this are not ours. */
#define MAX_JOURNAL_BYTES (4 * 1024 * 1024)

struct _TribFlowJournal
{
  GObject parent_instance;

  char *path;
  char *setup_id;
  char *title;
  char *sandbox;
  GDateTime *updated;
  int sending_step;
  JsonObject *plan;       /* as last read, for trib_flow_journal_dup_plan() */
};

G_DEFINE_FINAL_TYPE (TribFlowJournal, trib_flow_journal, G_TYPE_OBJECT)

static void
trib_flow_journal_finalize (GObject *object)
{
  TribFlowJournal *self = TRIB_FLOW_JOURNAL (object);

  g_free (self->path);
  g_free (self->setup_id);
  g_free (self->title);
  g_free (self->sandbox);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->plan, json_object_unref);

  G_OBJECT_CLASS (trib_flow_journal_parent_class)->finalize (object);
}

static void
trib_flow_journal_class_init (TribFlowJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_journal_finalize;
}

static void
trib_flow_journal_init (TribFlowJournal *self)
{
  self->sending_step = -1;
}

/**
 * trib_flow_journal_get_default_dir:
 *
 * Returns: (transfer full): where setups' journals go:
 *   `$XDG_DATA_HOME/tributary/setups`, or `$TRIBUTARY_SETUPS_DIR` if set
 */
char *
trib_flow_journal_get_default_dir (void)
{
  const char *dir = g_getenv (TRIB_FLOW_JOURNAL_DIR_ENV);

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (g_get_user_data_dir (), "tributary", "setups", NULL);
}

/**
 * trib_flow_journal_new:
 * @dir: (nullable): the directory, or %NULL for
 *   trib_flow_journal_get_default_dir()
 * @setup_id: the setup's id (trib_flow_plan_get_setup_id())
 *
 * A journal for a setup not yet started. Nothing is written until
 * trib_flow_journal_write().
 *
 * Returns: (transfer full): the journal
 */
TribFlowJournal *
trib_flow_journal_new (const char *dir,
                       const char *setup_id)
{
  TribFlowJournal *self;
  g_autofree char *default_dir = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (setup_id != NULL && g_uuid_string_is_valid (setup_id), NULL);

  if (dir == NULL)
    dir = default_dir = trib_flow_journal_get_default_dir ();

  self = g_object_new (TRIB_TYPE_FLOW_JOURNAL, NULL);
  file_name = g_strconcat (setup_id, ".json", NULL);
  self->path = g_build_filename (dir, file_name, NULL);
  self->setup_id = g_strdup (setup_id);

  return self;
}

static gboolean
read_object (TribFlowJournal  *self,
             JsonObject       *object,
             GError          **error)
{
  JsonObject *plan = json_object_has_member (object, "plan") &&
                     JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "plan"))
                       ? json_object_get_object_member (object, "plan") : NULL;
  const char *setup_id = plan != NULL ? json_object_get_string_member_with_default (plan, "setupId", NULL) : NULL;

  if (setup_id == NULL || !g_uuid_string_is_valid (setup_id))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("The interrupted setup’s record is damaged or from another version."));
      return FALSE;
    }

  g_free (self->setup_id);
  self->setup_id = g_strdup (setup_id);
  g_free (self->title);
  self->title = g_strdup (json_object_get_string_member_with_default (plan, "title", NULL));
  g_free (self->sandbox);
  self->sandbox = g_strdup (json_object_get_string_member_with_default (plan, "sandbox", NULL));
  self->sending_step = json_object_get_int_member_with_default (object, "sendingStep", -1);
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = g_date_time_new_from_unix_utc (json_object_get_int_member_with_default (object, "updated", 0));
  g_clear_pointer (&self->plan, json_object_unref);
  self->plan = json_object_ref (plan);

  return TRUE;
}

/**
 * trib_flow_journal_load:
 * @path: a journal's file
 * @error: a location for a #GError
 *
 * Reads a journal an earlier run left. Blocks on the disk: call it from
 * a worker, or at start-up before the window shows.
 *
 * Returns: (transfer full) (nullable): the journal
 */
TribFlowJournal *
trib_flow_journal_load (const char  *path,
                        GError     **error)
{
  g_autoptr(TribFlowJournal) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > MAX_JOURNAL_BYTES || !json_parser_load_from_data (parser, contents, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("The interrupted setup’s record is damaged or from another version."));
      return NULL;
    }

  self = g_object_new (TRIB_TYPE_FLOW_JOURNAL, NULL);
  self->path = g_strdup (path);
  if (!read_object (self, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

static int
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  TribFlowJournal *ja = *(TribFlowJournal **) a;
  TribFlowJournal *jb = *(TribFlowJournal **) b;

  return g_date_time_compare (jb->updated, ja->updated);
}

/**
 * trib_flow_journal_list_pending:
 * @dir: (nullable): the directory, or %NULL for the default
 * @error: a location for a #GError
 *
 * The setups an earlier run left unfinished, newest first, for the
 * start-up *Resume* prompt. A damaged journal is skipped, with a warning
 * in the log. Blocks on the disk.
 *
 * Returns: (transfer full): a #GListModel of #TribFlowJournal, empty
 *   when there is no directory; %NULL with @error if it cannot be read
 */
GListModel *
trib_flow_journal_list_pending (const char  *dir,
                                GError     **error)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GListStore) store = g_list_store_new (TRIB_TYPE_FLOW_JOURNAL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    dir = default_dir = trib_flow_journal_get_default_dir ();

  if (!(handle = g_dir_open (dir, 0, &local_error)))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return G_LIST_MODEL (g_steal_pointer (&store));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) load_error = NULL;
      TribFlowJournal *journal;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!(journal = trib_flow_journal_load (path, &load_error)))
        {
          g_warning ("%s: %s", path, load_error->message);
          continue;
        }
      g_ptr_array_add (found, journal);
    }

  g_ptr_array_sort (found, compare_updated);
  for (guint i = 0; i < found->len; i++)
    g_list_store_append (store, g_ptr_array_index (found, i));

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * trib_flow_journal_get_path:
 * @self: a #TribFlowJournal
 *
 * Returns: its file
 */
const char *
trib_flow_journal_get_path (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  return self->path;
}

/**
 * trib_flow_journal_get_setup_id:
 * @self: a #TribFlowJournal
 *
 * Returns: the setup's id
 */
const char *
trib_flow_journal_get_setup_id (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  return self->setup_id;
}

/**
 * trib_flow_journal_get_title:
 * @self: a #TribFlowJournal
 *
 * Returns: (nullable): the dataflow's name, as last written
 */
const char *
trib_flow_journal_get_title (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  return self->title;
}

/**
 * trib_flow_journal_get_sandbox:
 * @self: a #TribFlowJournal
 *
 * Returns: (nullable): the setup's sandbox, as last written
 */
const char *
trib_flow_journal_get_sandbox (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  return self->sandbox;
}

/**
 * trib_flow_journal_get_updated:
 * @self: a #TribFlowJournal
 *
 * Returns: (nullable) (transfer none): when it was last written
 */
GDateTime *
trib_flow_journal_get_updated (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  return self->updated;
}

/**
 * trib_flow_journal_get_sending_step:
 * @self: a #TribFlowJournal
 *
 * Returns: the step whose create was being sent when it was last
 *   written (whether it reached the platform is unknown), or -1
 */
int
trib_flow_journal_get_sending_step (TribFlowJournal *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), -1);

  return self->sending_step;
}

/**
 * trib_flow_journal_dup_plan:
 * @self: a #TribFlowJournal
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the plan as last written, its
 *   steps in the states they had, for a #TribFlowRunner to resume or
 *   roll back
 */
TribFlowPlan *
trib_flow_journal_dup_plan (TribFlowJournal  *self,
                            GError          **error)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), NULL);

  if (self->plan == NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("The interrupted setup’s record is damaged or from another version."));
      return NULL;
    }

  return _trib_flow_plan_new_from_json (self->plan, error);
}

/**
 * trib_flow_journal_write:
 * @self: a #TribFlowJournal
 * @plan: the plan, in its current states
 * @sending_step: the step about to be sent, or -1 after a step's end
 * @error: a location for a #GError
 *
 * Replaces the journal's file, atomically, creating its directory.
 * Small and local: the runner calls it between steps.
 *
 * Returns: whether it was written
 */
gboolean
trib_flow_journal_write (TribFlowJournal  *self,
                         TribFlowPlan     *plan,
                         int               sending_step,
                         GError          **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) plan_node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gsize length;

  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), FALSE);
  g_return_val_if_fail (TRIB_IS_FLOW_PLAN (plan), FALSE);

  plan_node = _trib_flow_plan_to_json (plan);
  object = json_object_new ();
  json_object_set_int_member (object, "sendingStep", sending_step);
  json_object_set_int_member (object, "updated", g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_member (object, "plan", json_node_ref (plan_node));
  root = json_node_init_object (json_node_alloc (), object);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder for setups’ records: %s"), g_strerror (saved));
      json_object_unref (object);
      return FALSE;
    }
  if (!g_file_set_contents_full (self->path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      json_object_unref (object);
      return FALSE;
    }

  read_object (self, object, NULL);
  json_object_unref (object);

  return TRUE;
}

/**
 * trib_flow_journal_delete:
 * @self: a #TribFlowJournal
 * @error: a location for a #GError
 *
 * Deletes the file, once the setup is finished or rolled back.
 *
 * Returns: whether it is gone (a file already gone counts)
 */
gboolean
trib_flow_journal_delete (TribFlowJournal  *self,
                          GError          **error)
{
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (self), FALSE);

  if (g_unlink (self->path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not delete the setup’s record: %s"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
