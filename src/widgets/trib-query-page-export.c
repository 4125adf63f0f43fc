/* trib-query-page-export.c
 *
 * The query page's hand-offs: a result exported to a file, and the
 * connection copied for Python.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-python-snippet.h"
#include "trib-query-page-private.h"
#include "trib-query-service.h"
#include "trib-result-export.h"
#include "trib-result-view.h"

typedef struct
{
  TribQueryPage *self;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_progress_cb (guint64  rows_written,
                    guint64  total_rows,
                    gpointer user_data)
{
  TribQueryPage *self = user_data;
  g_autofree char *status = NULL;

  /* Translators: progress of an export, in rows */
  status = g_strdup_printf (_("Exporting… %llu of %llu rows"),
                            (unsigned long long) rows_written, (unsigned long long) total_rows);
  gtk_label_set_label (self->status_label, status);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  guint64 rows = 0;

  gtk_spinner_set_spinning (data->self->spinner, FALSE);

  if (!trib_result_export_finish (result, &rows, &error))
    message = g_strdup (error->message);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %llu row to %s",
                                            "Exported %llu rows to %s", rows),
                               (unsigned long long) rows, name);

  _trib_query_page_toast (data->self, message);
  _trib_query_page_update_toolbar (data->self);
  export_data_free (data);
}

static void
export_response_cb (TribQueryPage        *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);
  TribResultModel *model = tab != NULL ? trib_run_results_get_model (trib_query_tab_get_results (tab)) : NULL;
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  ExportData *data;

  if (response != GTK_RESPONSE_ACCEPT || model == NULL)
    {
      g_object_unref (chooser);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  gtk_spinner_set_spinning (self->spinner, TRUE);
  trib_result_export_async (model, data->file,
                            g_str_equal (format, "csv") ? TRIB_EXPORT_FORMAT_CSV : TRIB_EXPORT_FORMAT_JSON_LINES,
                            NULL, export_progress_cb, g_object_ref (self), g_object_unref,
                            export_cb, data);
}

void
_trib_query_page_export_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Result"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strconcat ("result.", g_str_equal (format, "csv") ? "csv" : "jsonl", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
endpoint_for_python_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TribQueryPage) self = user_data;
  g_autoptr(TribSqlEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *message = NULL;

  if (!(endpoint = trib_sql_endpoint_provider_get_endpoint_finish (TRIB_SQL_ENDPOINT_PROVIDER (object), result, &error)))
    {
      _trib_query_page_toast (self, error->message);
      return;
    }

  snippet = trib_python_snippet_psycopg2 (endpoint);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), snippet);
  /* Translators: %s is the placeholder in the copied code, <ACCESS_TOKEN> */
  message = g_strdup_printf (_("Copied; paste a fresh access token in place of %s"), TRIB_PYTHON_TOKEN_PLACEHOLDER);
  _trib_query_page_toast (self, message);
}

void
_trib_query_page_copy_python_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  const char *flavour = g_variant_get_string (param, NULL);
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);
  g_autoptr(TribQueryService) service = NULL;
  g_autofree char *database = tab != NULL ? trib_query_tab_dup_database (tab) : NULL;
  g_autofree char *table = NULL;
  g_autofree char *snippet = NULL;

  if (database == NULL)
    {
      _trib_query_page_toast (self, _("Sign in and choose a sandbox first"));
      return;
    }

  if (g_str_equal (flavour, "aepp"))
    {
      table = g_strstrip (g_strdup (trib_query_tab_get_table (tab)));
      snippet = trib_python_snippet_aepp (_trib_query_page_current_sandbox (self), table);
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), snippet);
      _trib_query_page_toast (self, _("Copied; aepp reads the credentials from its config.ini"));
      return;
    }

  /* psycopg2 needs the host and port, which Query Service gives. */
  service = trib_query_service_new (trib_session_page_get_client (TRIB_SESSION_PAGE (self)));
  trib_sql_endpoint_provider_get_endpoint_async (TRIB_SQL_ENDPOINT_PROVIDER (service), database, NULL,
                                                 endpoint_for_python_cb, g_object_ref (self));
}
