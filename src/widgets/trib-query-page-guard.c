/* trib-query-page-guard.c
 *
 * The query page in a production sandbox: a banner says so, and
 * statements that write run only once the user says yes to a dialog
 * naming them (trib_sql_find_writes()).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-query-page-private.h"
#include "trib-sql-writes.h"

typedef struct
{
  GWeakRef page;
  GWeakRef tab;
  gboolean script;
  gboolean cancel_first;
} GuardRequest;

static void
guard_request_free (gpointer  data,
                    GClosure *closure)
{
  GuardRequest *request = data;

  g_weak_ref_clear (&request->page);
  g_weak_ref_clear (&request->tab);
  g_free (request);
}

static TribSandbox *
get_production_sandbox (TribQueryPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  TribSandbox *sandbox = session != NULL ? trib_session_get_sandbox (session) : NULL;

  return sandbox != NULL && (trib_sandbox_get_is_production (sandbox) ||
                             g_strcmp0 (trib_sandbox_get_sandbox_type (sandbox), "production") == 0)
         ? sandbox : NULL;
}

/* A production sandbox is unmistakable: a banner above everything. Its
 * line is cut short in a narrow window, the whole of it in its tooltip:
 * wrapped, the label was measured again at every layout of the page, a
 * new row or a sort's cells (bench-grid: a sort's longest stall 20 ms
 * with the wrap, 12 ms without).
 */
void
_trib_query_page_update_production_banner (TribQueryPage *self)
{
  TribSandbox *sandbox = get_production_sandbox (self);
  g_autofree char *label = NULL;

  if (sandbox != NULL)
    /* Translators: %s is a sandbox name; a banner above the query editor */
    label = g_strdup_printf (_("Production sandbox “%s”: statements that change data ask before they run"),
                             trib_sandbox_get_name (sandbox));

  gtk_label_set_label (self->production_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->production_label), label);
  gtk_widget_set_visible (self->production_banner, sandbox != NULL);
}

static void
run_now (TribQueryPage *self,
         TribQueryTab  *tab,
         gboolean       script,
         gboolean       cancel_first)
{
  g_autoptr(GError) error = NULL;

  /* The new statements queue behind the cancelled ones. */
  if (cancel_first)
    trib_query_tab_cancel (tab);

  if (!trib_query_tab_run (tab, script, !self->continue_on_error, &error))
    _trib_query_page_toast (self, error->message);
}

#define SUMMARY_CHARS 60

static void
production_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GuardRequest     *request)
{
  g_autoptr(TribQueryPage) self = g_weak_ref_get (&request->page);
  g_autoptr(TribQueryTab) tab = g_weak_ref_get (&request->tab);
  gboolean script = request->script;
  gboolean cancel_first = request->cancel_first;

  /* Once: closing the dialog after a response answers again. This
   * frees @request.
   */
  g_signal_handlers_disconnect_by_func (dialog, production_response_cb, request);
  if (self != NULL && tab != NULL && g_str_equal (response, "run"))
    run_now (self, tab, script, cancel_first);
}

/* In production, statements that write run once the user says so; the
 * dialog names them. With @cancel_first, what the tab runs is cancelled
 * then too, not before: a No leaves it running.
 */
void
_trib_query_page_run_in_tab (TribQueryPage *self,
                             TribQueryTab  *tab,
                             gboolean       script,
                             gboolean       cancel_first)
{
  TribSandbox *sandbox = get_production_sandbox (self);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(GString) list = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *statements;
  GuardRequest *request;

  if (sandbox == NULL || !(sql = trib_query_tab_dup_sql (tab, script)) ||
      (writes = trib_sql_find_writes (sql, -1))->len == 0)
    {
      run_now (self, tab, script, cancel_first);
      return;
    }

  /* Translators: %s is a sandbox name */
  heading = g_strdup_printf (_("Change Data in Production Sandbox “%s”?"), trib_sandbox_get_name (sandbox));
  list = g_string_new (NULL);
  for (guint i = 0; i < writes->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (writes, i);
      g_autofree char *line = g_strdup (statement->text);
      g_autofree char *summary = NULL;

      g_strdelimit (line, "\n\r\t", ' ');
      if (g_utf8_strlen (line, -1) > SUMMARY_CHARS)
        {
          g_autofree char *start = g_utf8_substring (line, 0, SUMMARY_CHARS);

          summary = g_strconcat (start, "…", NULL);
        }
      /* Its verb, then its start: what it is, and which one. */
      g_string_append_printf (list, "%s• %s: %s", i > 0 ? "\n" : "", trib_sql_write_verb (statement->text, -1),
                              summary != NULL ? summary : line);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                                       g_dngettext (GETTEXT_PACKAGE,
                                                                    "This statement writes to the production sandbox:",
                                                                    "These statements write to the production sandbox:",
                                                                    writes->len)));
  /* The statements as a list, read from its start, not centred. */
  statements = gtk_label_new (list->str);
  gtk_label_set_xalign (GTK_LABEL (statements), 0);
  gtk_label_set_wrap (GTK_LABEL (statements), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (statements), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (statements), TRUE);
  gtk_widget_add_css_class (statements, "monospace");
  adw_message_dialog_set_extra_child (dialog, statements);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "run", _("_Run in Production"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "run", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  request = g_new0 (GuardRequest, 1);
  g_weak_ref_init (&request->page, self);
  g_weak_ref_init (&request->tab, tab);
  request->script = script;
  request->cancel_first = cancel_first;
  g_signal_connect_data (dialog, "response", G_CALLBACK (production_response_cb), request, guard_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
