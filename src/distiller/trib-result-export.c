/* trib-result-export.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-result-export.h"

/* Writes a result to disk on a thread, from a snapshot so the model may
 * go on growing. The rows go to a hidden file beside the destination,
 * which is renamed over it only once complete: a failed or cancelled
 * export leaves whatever was there before, never half a file.
 */

#define CHUNK_BYTES       (256 * 1024)
#define PROGRESS_INTERVAL 100  /* ms */

typedef struct
{
  gatomicrefcount ref_count;
  TribResultSnapshot *snapshot;
  GFile *file;
  TribExportFormat format;
  gsize rows_written;         /* atomic */
  gint done;                  /* atomic */
  TribExportProgress progress;
  gpointer progress_data;
  GDestroyNotify progress_data_destroy;
  guint progress_source;
} Export;

static Export *
export_ref (Export *export)
{
  g_atomic_ref_count_inc (&export->ref_count);

  return export;
}

static void
export_unref (Export *export)
{
  if (!g_atomic_ref_count_dec (&export->ref_count))
    return;

  g_assert (export->progress_source == 0);
  g_clear_pointer (&export->snapshot, trib_result_snapshot_free);
  g_clear_object (&export->file);
  if (export->progress_data_destroy != NULL)
    export->progress_data_destroy (export->progress_data);
  g_free (export);
}

/**
 * trib_result_export_append_csv_field:
 * @value: (nullable): the value, %NULL for SQL NULL
 *
 * Appends a value as `psql --csv` prints it: quoted only when it holds a
 * comma, a double quote, a line break, or is exactly `\.`; NULL and the
 * empty string both as nothing.
 */
void
trib_result_export_append_csv_field (GString    *out,
                                     const char *value,
                                     gsize       length)
{
  gboolean quote;

  if (value == NULL || length == 0)
    return;

  quote = memchr (value, ',', length) != NULL || memchr (value, '"', length) != NULL ||
          memchr (value, '\n', length) != NULL || memchr (value, '\r', length) != NULL ||
          (length == 2 && value[0] == '\\' && value[1] == '.');
  if (!quote)
    {
      g_string_append_len (out, value, length);
      return;
    }

  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (value[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, value[i]);
    }
  g_string_append_c (out, '"');
}

static void
append_json_string (GString    *out,
                    const char *value,
                    gsize       length)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = value[i];

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
is_json_number (const char *value,
                gsize       length)
{
  gsize i = 0;

  /* JSON's grammar, stricter than strtod: no NaN, Infinity, leading +
   * or leading zeros.
   */
  if (i < length && value[i] == '-')
    i++;
  if (i < length && value[i] == '0')
    i++;
  else if (i < length && g_ascii_isdigit (value[i]))
    while (i < length && g_ascii_isdigit (value[i]))
      i++;
  else
    return FALSE;
  if (i < length && value[i] == '.')
    {
      if (++i >= length || !g_ascii_isdigit (value[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (value[i]))
        i++;
    }
  if (i < length && (value[i] == 'e' || value[i] == 'E'))
    {
      i++;
      if (i < length && (value[i] == '+' || value[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (value[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (value[i]))
        i++;
    }

  return i == length;
}

/**
 * trib_result_export_append_json_value:
 *
 * Appends a value as JSON: numbers and booleans as such, json and jsonb
 * columns as the documents they hold, NULL as null, the rest as strings.
 */
void
trib_result_export_append_json_value (GString        *out,
                                      TribColumnKind  kind,
                                      const char     *value,
                                      gsize           length)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (kind)
    {
    case TRIB_COLUMN_KIND_INTEGER:
    case TRIB_COLUMN_KIND_FLOAT:
    case TRIB_COLUMN_KIND_NUMERIC:
      if (is_json_number (value, length))
        {
          g_string_append_len (out, value, length);
          return;
        }
      break;

    case TRIB_COLUMN_KIND_BOOLEAN:
      if (length == 1 && (value[0] == 't' || value[0] == 'f'))
        {
          g_string_append (out, value[0] == 't' ? "true" : "false");
          return;
        }
      break;

    case TRIB_COLUMN_KIND_JSON:
      /* Valid JSON has line breaks only between tokens, where a space
       * does as well and keeps the document on its line.
       */
      for (gsize i = 0; i < length; i++)
        g_string_append_c (out, value[i] == '\n' || value[i] == '\r' ? ' ' : value[i]);
      return;

    case TRIB_COLUMN_KIND_TEXT:
    case TRIB_COLUMN_KIND_TIMESTAMP:
    case TRIB_COLUMN_KIND_DATE:
    case TRIB_COLUMN_KIND_ARRAY:
    case TRIB_COLUMN_KIND_STRUCT:
    default:
      break;
    }

  append_json_string (out, value, length);
}

static void
append_row (GString            *out,
            TribResultSnapshot *snapshot,
            TribExportFormat    format,
            guint               position)
{
  guint n_columns = trib_result_snapshot_get_n_columns (snapshot);

  if (format == TRIB_EXPORT_FORMAT_JSON_LINES)
    g_string_append_c (out, '{');

  for (guint column = 0; column < n_columns; column++)
    {
      gsize length = 0;
      const char *value = position == G_MAXUINT ? trib_result_snapshot_get_column_name (snapshot, column)
                                                : trib_result_snapshot_get_value (snapshot, position, column, &length);

      if (position == G_MAXUINT && value != NULL)
        length = strlen (value);

      if (column > 0)
        g_string_append_c (out, ',');

      if (format == TRIB_EXPORT_FORMAT_CSV)
        {
          trib_result_export_append_csv_field (out, value, length);
        }
      else
        {
          const char *name = trib_result_snapshot_get_column_name (snapshot, column);

          append_json_string (out, name, strlen (name));
          g_string_append_c (out, ':');
          trib_result_export_append_json_value (out, trib_result_snapshot_get_column_kind (snapshot, column),
                                                value, length);
        }
    }

  if (format == TRIB_EXPORT_FORMAT_JSON_LINES)
    g_string_append_c (out, '}');
  g_string_append_c (out, '\n');
}

static gboolean
write_rows (Export         *export,
            GOutputStream  *stream,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (CHUNK_BYTES + 4096);
  guint n_rows = trib_result_snapshot_get_n_rows (export->snapshot);

  /* A header line names the columns in CSV, as psql's does. */
  if (export->format == TRIB_EXPORT_FORMAT_CSV)
    append_row (out, export->snapshot, export->format, G_MAXUINT);

  for (guint position = 0; position < n_rows; position++)
    {
      append_row (out, export->snapshot, export->format, position);

      if (out->len >= CHUNK_BYTES || position + 1 == n_rows)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
          g_atomic_pointer_set (&export->rows_written, (gsize) position + 1);
        }
    }

  return out->len == 0 || g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

static GFile *
create_partial_file (GFile              *file,
                     GFileOutputStream **stream,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("Cannot export to “%s”"), basename);
      return NULL;
    }

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) partial = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;

      if ((*stream = g_file_create (partial, G_FILE_CREATE_PRIVATE, cancellable, &local_error)) != NULL)
        return g_steal_pointer (&partial);

      if (attempt >= 10 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (!(partial = create_partial_file (export->file, &stream, cancellable, &error)))
    goto out;

  written = write_rows (export, G_OUTPUT_STREAM (stream), cancellable, &error);
  /* Closing may still fail (a full disk shows here on some filesystems). */
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, written ? &error : NULL) || !written)
    {
      g_file_delete (partial, NULL, NULL);
      goto out;
    }

  if (!g_file_move (partial, export->file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, &error))
    g_file_delete (partial, NULL, NULL);

out:
  g_atomic_int_set (&export->done, TRUE);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
progress_cb (gpointer user_data)
{
  Export *export = user_data;

  if (g_atomic_int_get (&export->done))
    {
      export->progress_source = 0;
      return G_SOURCE_REMOVE;
    }

  export->progress (g_atomic_pointer_get (&export->rows_written),
                    trib_result_snapshot_get_n_rows (export->snapshot), export->progress_data);

  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GTask *inner = G_TASK (result);
  Export *export = g_task_get_task_data (inner);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&export->progress_source, g_source_remove);

  if (!g_task_propagate_boolean (inner, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_memdup2 (&(guint64) { trib_result_snapshot_get_n_rows (export->snapshot) },
                                            sizeof (guint64)),
                           g_free);
}

/**
 * trib_result_export_async:
 * @progress: (nullable): told how far the export is, for long ones
 *
 * Writes the rows @model holds now, in its current order, to @file as
 * CSV (exactly as `psql --csv` would) or as JSON Lines.
 */
void
trib_result_export_async (TribResultModel     *model,
                          GFile               *file,
                          TribExportFormat     format,
                          GCancellable        *cancellable,
                          TribExportProgress   progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_data_destroy,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  Export *export;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (model));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (model, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_result_export_async);

  export = g_new0 (Export, 1);
  g_atomic_ref_count_init (&export->ref_count);
  export->snapshot = trib_result_model_snapshot (model);
  export->file = g_object_ref (file);
  export->format = format;
  export->progress = progress;
  export->progress_data = progress_data;
  export->progress_data_destroy = progress_data_destroy;

  /* The inner task runs the thread; the outer one answers only once the
   * progress ticks have stopped, so none comes after the callback.
   */
  inner = g_task_new (NULL, cancellable, export_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, export, (GDestroyNotify) export_unref);

  if (progress != NULL)
    export->progress_source = g_timeout_add_full (G_PRIORITY_DEFAULT, PROGRESS_INTERVAL, progress_cb,
                                                  export_ref (export), (GDestroyNotify) export_unref);

  g_task_run_in_thread (inner, export_thread);
}

/**
 * trib_result_export_finish:
 * @rows_written: (out) (optional): how many rows the file holds
 */
gboolean
trib_result_export_finish (GAsyncResult  *result,
                           guint64       *rows_written,
                           GError       **error)
{
  g_autofree guint64 *rows = NULL;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trib_result_export_async, FALSE);

  if (!(rows = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (rows_written != NULL)
    *rows_written = *rows;

  return TRUE;
}
