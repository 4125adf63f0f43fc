/* trib-result-export.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-result-model.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_EXPORT_FORMAT_CSV,
  TRIB_EXPORT_FORMAT_JSON_LINES,
} TribExportFormat;

/**
 * TribExportProgress:
 * @rows_written: rows on disk so far
 * @total_rows: rows to write
 *
 * Called on the calling thread's main context, a few times a second,
 * never after the export's callback.
 */
typedef void (*TribExportProgress) (guint64  rows_written,
                                    guint64  total_rows,
                                    gpointer user_data);

void     trib_result_export_async  (TribResultModel     *model,
                                    GFile               *file,
                                    TribExportFormat     format,
                                    GCancellable        *cancellable,
                                    TribExportProgress   progress,
                                    gpointer             progress_data,
                                    GDestroyNotify       progress_data_destroy,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean trib_result_export_finish (GAsyncResult        *result,
                                    guint64             *rows_written,
                                    GError             **error);

void     trib_result_export_append_csv_field  (GString    *out,
                                               const char *value,
                                               gsize       length);
void     trib_result_export_append_json_value (GString        *out,
                                               TribColumnKind  kind,
                                               const char     *value,
                                               gsize           length);

G_END_DECLS
