/* trib-mapping-draft-check.c
 *
 * A mapping draft as Data Prep reads it: its mappings, validation, whose verdicts land on
 * the rows they are about, and a preview of the source's sample rows as
 * the dataset would receive them. The sample's text values are sent as
 * the JSON type of their column, so that a whole-number column reaches
 * an integer field as a number. Nothing here is shown: the page asks
 * for text (trib_mapping_preview_row_dup_texts()).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-data-prep.h"
#include "trib-mapping-draft-private.h"
#include "trib-mapping-row-private.h"

/**
 * trib_mapping_draft_dup_mappings:
 * @self: a #TribMappingDraft
 *
 * Rows without a source or a target are left out.
 *
 * Returns: (transfer full) (element-type TribMapping): the mappings, in
 *   the rows' order
 */
GPtrArray *
trib_mapping_draft_dup_mappings (TribMappingDraft *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *mappings;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), NULL);

  rows = _trib_mapping_draft_dup_sent_rows (self);
  mappings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      TribMappingRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (mappings, trib_mapping_new (trib_mapping_row_get_calculated (row)
                                                     ? TRIB_MAPPING_SOURCE_EXPRESSION
                                                     : TRIB_MAPPING_SOURCE_ATTRIBUTE,
                                                   trib_mapping_row_get_source (row),
                                                   trib_mapping_row_get_target (row)));
    }

  return mappings;
}

/**
 * trib_mapping_draft_dup_targets:
 * @self: a #TribMappingDraft
 *
 * Returns: (transfer full): the targets of trib_mapping_draft_dup_mappings(),
 *   in the same order
 */
GStrv
trib_mapping_draft_dup_targets (TribMappingDraft *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), NULL);

  rows = _trib_mapping_draft_dup_sent_rows (self);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, trib_mapping_row_get_target (g_ptr_array_index (rows, i)));

  return g_strv_builder_end (builder);
}

/**
 * trib_mapping_draft_apply_checks:
 * @self: a #TribMappingDraft
 * @checks: (element-type TribMappingCheck): Data Prep's verdicts on
 *   trib_mapping_draft_dup_mappings(), by index
 *
 * Each row sent gets its verdict as its problem (%NULL when it passed).
 * Not a step to undo: the verdict describes the rows, it changes none.
 */
void
trib_mapping_draft_apply_checks (TribMappingDraft *self,
                                 GPtrArray        *checks)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (checks != NULL);

  rows = _trib_mapping_draft_dup_sent_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      TribMappingRow *row = g_ptr_array_index (rows, i);
      TribMappingRowState state = *_trib_mapping_row_peek (row);
      g_autofree char *problem = NULL;

      for (guint c = 0; c < checks->len; c++)
        {
          TribMappingCheck *check = g_ptr_array_index (checks, c);

          if (trib_mapping_check_get_index (check) != i || trib_mapping_check_get_succeeded (check))
            continue;
          problem = g_strjoinv ("\n", (char **) trib_mapping_check_get_problems (check));
          if (problem[0] == '\0')
            {
              g_free (problem);
              problem = g_strdup (_("Data Prep refused this mapping"));
            }
        }

      state.platform_problem = problem;
      _trib_mapping_row_update (row, &state);
    }

  _trib_mapping_draft_check_rows (self);
}

static void
validate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribMappingDraft *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) checks = NULL;
  GError *error = NULL;

  if (!(checks = trib_data_prep_validate_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The rows may have changed while Data Prep was reading them: the
   * verdicts are about the mappings sent, so they are dropped.
   */
  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) == g_list_model_get_n_items (G_LIST_MODEL (self)))
    trib_mapping_draft_apply_checks (self, checks);
  g_task_return_boolean (task, TRUE);
}

/**
 * trib_mapping_draft_validate_async:
 * @self: a #TribMappingDraft
 * @client: the platform client
 * @schema_id: the target schema's `$id`
 * @n_columns: how many source columns
 * @names: (array length=n_columns) (nullable): their names, so that
 *   Data Prep judges sources too
 * @types: (array length=n_columns) (nullable): their types
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the verdicts are on the rows
 * @user_data: for @callback
 */
void
trib_mapping_draft_validate_async (TribMappingDraft     *self,
                                   TribPlatformClient   *client,
                                   const char           *schema_id,
                                   guint                 n_columns,
                                   const char * const   *names,
                                   const TribColumnType *types,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autofree const char **column_names = NULL;
  g_autofree const char **column_types = NULL;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schema_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_mapping_draft_validate_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (self))), NULL);

  if (names != NULL && types != NULL)
    {
      column_names = g_new0 (const char *, n_columns + 1);
      column_types = g_new0 (const char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        {
          column_names[i] = names[i];
          column_types[i] = trib_column_type_to_json (types[i]);
        }
    }

  mappings = trib_mapping_draft_dup_mappings (self);
  trib_data_prep_validate_async (client, schema_id, mappings, column_names, column_types, cancellable,
                                 validate_cb, g_steal_pointer (&task));
}

/**
 * trib_mapping_draft_validate_finish:
 * @self: a #TribMappingDraft
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: whether Data Prep answered; the rows say what it found
 */
gboolean
trib_mapping_draft_validate_finish (TribMappingDraft  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static JsonNode *
typed_value (const char     *text,
             TribColumnType  type)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  char *end = NULL;

  switch (type)
    {
    case TRIB_COLUMN_INTEGER:
      {
        gint64 value = g_ascii_strtoll (text, &end, 10);

        if (end != text && *end == '\0')
          {
            json_node_set_int (node, value);
            return node;
          }
      }
      break;
    case TRIB_COLUMN_NUMBER:
      {
        double value = g_ascii_strtod (text, &end);

        if (end != text && *end == '\0')
          {
            json_node_set_double (node, value);
            return node;
          }
      }
      break;
    case TRIB_COLUMN_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        {
          json_node_set_boolean (node, g_ascii_strcasecmp (text, "true") == 0);
          return node;
        }
      break;
    case TRIB_COLUMN_STRING:
    case TRIB_COLUMN_DATE:
    case TRIB_COLUMN_DATE_TIME:
    default:
      break;
    }

  json_node_set_string (node, text);
  return node;
}

static JsonArray *
sample_rows (TribExplorePreview   *sample,
             const TribColumnType *types)
{
  guint n_columns = trib_explore_preview_get_n_columns (sample);
  const char * const *names = trib_explore_preview_get_column_names (sample);
  JsonArray *rows = json_array_new ();

  for (guint r = 0; r < trib_explore_preview_get_n_rows (sample); r++)
    {
      const char * const *values = trib_explore_preview_get_row (sample, r);
      JsonObject *object = json_object_new ();

      for (guint c = 0; c < n_columns; c++)
        if (values[c] != NULL)
          json_object_set_member (object, names[c], typed_value (values[c], types[c]));
      json_array_add_object_element (rows, object);
    }

  return rows;
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *rows;
  GError *error = NULL;

  if (!(rows = trib_data_prep_preview_finish (result, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * trib_mapping_draft_preview_async:
 * @self: a #TribMappingDraft
 * @client: the platform client
 * @schema_id: the target schema's `$id`
 * @sample: the source's preview, whose rows are mapped
 * @types: (array): the type of each of @sample's columns
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the mapped rows
 * @user_data: for @callback
 */
void
trib_mapping_draft_preview_async (TribMappingDraft     *self,
                                  TribPlatformClient   *client,
                                  const char           *schema_id,
                                  TribExplorePreview   *sample,
                                  const TribColumnType *types,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(JsonArray) rows = NULL;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schema_id != NULL);
  g_return_if_fail (TRIB_IS_EXPLORE_PREVIEW (sample));
  g_return_if_fail (types != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_mapping_draft_preview_async);

  mappings = trib_mapping_draft_dup_mappings (self);
  rows = sample_rows (sample, types);
  trib_data_prep_preview_async (client, schema_id, mappings, rows, cancellable, preview_cb,
                                g_steal_pointer (&task));
}

/**
 * trib_mapping_draft_preview_finish:
 * @self: a #TribMappingDraft
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TribMappingPreviewRow): the
 *   sample rows as mapped
 */
GPtrArray *
trib_mapping_draft_preview_finish (TribMappingDraft  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_mapping_preview_row_dup_texts:
 * @row: a mapped sample row
 * @paths: (array zero-terminated=1): the target paths to read
 *
 * Text as a grid shows it: strings as they are, numbers and booleans
 * as JSON writes them, objects and arrays as compact JSON, %NULL for
 * nothing.
 *
 * Returns: (transfer full) (element-type utf8): one value per path,
 *   then the row's problems joined by new lines; %NULL elements for
 *   none
 */
GPtrArray *
trib_mapping_preview_row_dup_texts (TribMappingPreviewRow *row,
                                    const char * const    *paths)
{
  guint n_paths = g_strv_length ((GStrv) paths);
  const char * const *problems = trib_mapping_preview_row_get_problems (row);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (texts, n_paths + 1);

  for (guint i = 0; i < n_paths; i++)
    {
      JsonNode *node = trib_mapping_preview_row_get_value (row, paths[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_index (texts, i) = g_strdup (json_node_get_string (node));
      else
        g_ptr_array_index (texts, i) = json_to_string (node, FALSE);
    }

  if (problems != NULL && problems[0] != NULL)
    g_ptr_array_index (texts, n_paths) = g_strjoinv ("\n", (char **) problems);

  return texts;
}
