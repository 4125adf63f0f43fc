/* trib-query-page-files.c
 *
 * The query page's .sql files: opening one into a tab, saving a tab to
 * its file (or another), the recent files, and asking before closing a
 * tab, or the window, with changes not saved.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-query-page-private.h"

#define N_RECENT 8
#define UTF8_BOM "\xef\xbb\xbf"

static GtkWindow *
get_window (TribQueryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (TribQueryPage *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_display_name (GFile *file)
{
  return g_file_get_basename (file);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/sql",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "tributary %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The tab that has @file, if one has. */
static TribQueryTab *
find_tab_of (TribQueryPage *self,
             GFile         *file)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));
      GFile *tab_file = trib_query_tab_get_file (tab);

      if (tab_file != NULL && g_file_equal (tab_file, file))
        return tab;
    }

  return NULL;
}

/* Loading */

typedef struct
{
  GWeakRef page;
  GWeakRef tab;       /* a restored tab: only whether it is modified */
  GFile *file;
} Load;

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->page);
  g_weak_ref_clear (&load->tab);
  g_clear_object (&load->file);
  g_free (load);
}

/* Returns: (transfer full) (nullable): @contents as text, or NULL with
 * @error set if it is no UTF-8 (a BOM is dropped)
 */
static char *
dup_text (GFile       *file,
          const char  *contents,
          gsize        length,
          GError     **error)
{
  const char *end = NULL;

  if (length >= 3 && memcmp (contents, UTF8_BOM, 3) == 0)
    contents += 3, length -= 3;

  if (!g_utf8_validate (contents, length, &end))
    {
      g_autofree char *name = dup_display_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, %zu a byte offset in it */
                   _("“%s” is not UTF-8 text (at byte %zu). Convert it to UTF-8 to open it here; it was not changed."),
                   name, (gsize) (end - contents));
      return NULL;
    }

  return g_strndup (contents, length);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(TribQueryPage) self = g_weak_ref_get (&load->page);
  g_autoptr(TribQueryTab) restored = g_weak_ref_get (&load->tab);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = dup_display_name (load->file);
  gsize length = 0;
  TribQueryTab *tab;

  if (self == NULL)
    goto out;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error) ||
      !(text = dup_text (load->file, contents, length, &error)))
    {
      g_autofree char *heading = NULL;

      /* A restored tab keeps its text, as a change of a file it cannot read. */
      if (restored != NULL)
        {
          trib_query_tab_set_file (restored, load->file, NULL);
          goto out;
        }

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      show_error (self, heading, error->message);
      goto out;
    }

  if (restored != NULL)
    {
      trib_query_tab_set_file (restored, load->file, text);
      goto out;
    }

  /* Opened twice, it is the same tab. */
  if ((tab = find_tab_of (self, load->file)) == NULL)
    {
      TribQueryTab *current = _trib_query_page_get_current_tab (self);
      g_autofree char *current_text = current != NULL ? trib_query_editor_dup_text (trib_query_tab_get_editor (current)) : NULL;

      /* An empty tab without a file takes it rather than stay beside it. */
      if (current != NULL && trib_query_tab_get_file (current) == NULL && current_text[0] == '\0' &&
          !trib_query_tab_get_running (current))
        {
          tab = current;
          trib_query_editor_set_text (trib_query_tab_get_editor (tab), text);
        }
      else
        tab = _trib_query_page_add_tab (self, text, NULL);
      trib_query_tab_set_file (tab, load->file, text);
    }

  add_recent (load->file);
  _trib_query_page_select_tab (self, tab);

out:
  load_free (load);
}

static void
load (TribQueryPage *self,
      GFile         *file,
      TribQueryTab  *restored)
{
  Load *load = g_new0 (Load, 1);

  g_weak_ref_init (&load->page, self);
  g_weak_ref_init (&load->tab, restored);
  load->file = g_object_ref (file);
  g_file_load_contents_async (file, NULL, loaded_cb, load);
}

/**
 * trib_query_page_open_file:
 * @file: a .sql file
 *
 * Opens @file in a tab (the one it is in already, if it is), once read.
 */
void
trib_query_page_open_file (TribQueryPage *self,
                           GFile         *file)
{
  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  load (self, file, NULL);
}

void
_trib_query_page_reattach_file (TribQueryPage *self,
                                TribQueryTab  *tab,
                                const char    *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  /* Until the file is read, the text kept counts as unchanged. */
  trib_query_tab_set_file (tab, file, NULL);
  gtk_text_buffer_set_modified (trib_query_editor_get_buffer (trib_query_tab_get_editor (tab)), FALSE);
  load (self, file, tab);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) sql = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (sql, _("SQL Files"));
  gtk_file_filter_add_pattern (sql, "*.sql");
  gtk_file_filter_add_pattern (sql, "*.SQL");
  gtk_file_filter_add_mime_type (sql, "application/sql");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, sql);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  TribQueryPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        trib_query_page_open_file (self, file);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

void
_trib_query_page_open_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open SQL File"), get_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_trib_query_page_open_recent_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  trib_query_page_open_file (TRIB_QUERY_PAGE (widget), file);
}

/* Saving */

typedef struct
{
  TribQueryTab *tab;
  GFile *file;
  char *text;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->tab);
  g_clear_object (&save->file);
  g_free (save->text);
  g_free (save);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribQueryPage *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = dup_display_name (save->file);
      g_autofree char *heading = NULL;

      /* The text stays in the tab, marked as not saved. */
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      show_error (self, heading, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Typing since the save started leaves the tab modified. */
  trib_query_tab_set_file (save->tab, save->file, save->text);
  add_recent (save->file);
  trib_query_page_save_tabs (self);
  g_task_return_boolean (task, TRUE);
}

/* Writes @tab's text to @file: into a temporary file renamed over it
 * once whole, so a failure never leaves half a file.
 */
static void
save_tab_async (TribQueryPage       *self,
                TribQueryTab        *tab,
                GFile               *file,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GBytes) bytes = NULL;
  Save *save = g_new0 (Save, 1);

  g_task_set_source_tag (task, save_tab_async);
  save->tab = g_object_ref (tab);
  save->file = g_object_ref (file);
  save->text = trib_query_editor_dup_text (trib_query_tab_get_editor (tab));
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  bytes = g_bytes_new (save->text, strlen (save->text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       saved_cb, g_steal_pointer (&task));
}

static gboolean
save_tab_finish (TribQueryPage  *self,
                 GAsyncResult   *result,
                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_ignore_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  /* Failures were shown already. */
  save_tab_finish (TRIB_QUERY_PAGE (object), result, NULL);
}

typedef struct
{
  TribQueryTab *tab;
  AdwTabPage *closing;  /* a tab to close once saved, or NULL */
} SaveAs;

static void
save_as_free (SaveAs *save_as)
{
  g_clear_object (&save_as->tab);
  g_clear_object (&save_as->closing);
  g_free (save_as);
}

static void
saved_then_close_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (object);
  g_autoptr(AdwTabPage) page = user_data;

  if (save_tab_finish (self, result, NULL))
    _trib_query_page_finish_close (self, page);
  else
    adw_tab_view_close_page_finish (self->tab_view, page, FALSE);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveAs          *save_as)
{
  TribQueryPage *self = g_object_get_data (G_OBJECT (chooser), "trib-page");
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL && save_as->closing != NULL)
    save_tab_async (self, save_as->tab, file, saved_then_close_cb, g_object_ref (save_as->closing));
  else if (file != NULL)
    save_tab_async (self, save_as->tab, file, saved_ignore_cb, NULL);
  else if (save_as->closing != NULL)
    adw_tab_view_close_page_finish (self->tab_view, save_as->closing, FALSE);

  save_as_free (save_as);
  g_object_unref (chooser);
}

static void
ask_where_to_save (TribQueryPage *self,
                   TribQueryTab  *tab,
                   AdwTabPage    *closing)
{
  GtkFileChooserNative *chooser;
  GFile *file = trib_query_tab_get_file (tab);
  SaveAs *save_as = g_new0 (SaveAs, 1);

  chooser = gtk_file_chooser_native_new (_("Save SQL File"), get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    /* Translators: the file name offered when saving a query tab */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("query.sql"));

  save_as->tab = g_object_ref (tab);
  save_as->closing = closing != NULL ? g_object_ref (closing) : NULL;
  g_object_set_data_full (G_OBJECT (chooser), "trib-page", g_object_ref (self), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), save_as);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_trib_query_page_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  TribQueryTab *tab = _trib_query_page_get_current_tab (self);

  if (tab == NULL)
    return;

  if (trib_query_tab_get_file (tab) != NULL && !g_str_equal (action_name, "query.save-as"))
    save_tab_async (self, tab, trib_query_tab_get_file (tab), saved_ignore_cb, NULL);
  else
    ask_where_to_save (self, tab, NULL);
}

/* Recent files */

static gboolean
is_sql (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return g_str_has_suffix (uri, ".sql") || g_str_has_suffix (uri, ".SQL") ||
         g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/sql") == 0;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *first = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *second = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (first, second);
}

void
_trib_query_page_update_recent (TribQueryPage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) sql = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (is_sql (l->data) && gtk_recent_info_exists (l->data))
      g_ptr_array_add (sql, l->data);
  g_ptr_array_sort (sql, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < MIN (sql->len, N_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (sql, i);
      g_autofree char *name = g_strdup (gtk_recent_info_get_display_name (info));
      g_auto(GStrv) parts = g_strsplit (name, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "query.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Closing */

static void
close_tab_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  /* Answered once: closing the dialog after a response answers again. */
  g_autoptr(AdwTabPage) page = g_object_steal_data (G_OBJECT (dialog), "trib-closing");
  TribQueryPage *self = g_object_get_data (G_OBJECT (dialog), "trib-page");
  TribQueryTab *tab;

  if (page == NULL)
    return;

  tab = TRIB_QUERY_TAB (adw_tab_page_get_child (page));

  if (g_str_equal (response, "save"))
    {
      if (trib_query_tab_get_file (tab) != NULL)
        save_tab_async (self, tab, trib_query_tab_get_file (tab), saved_then_close_cb, g_object_ref (page));
      else
        ask_where_to_save (self, tab, page);
    }
  else if (g_str_equal (response, "discard"))
    {
      trib_query_tab_revert (tab);
      _trib_query_page_finish_close (self, page);
    }
  else
    adw_tab_view_close_page_finish (self->tab_view, page, FALSE);
}

static AdwMessageDialog *
new_save_dialog (TribQueryPage *self,
                 const char    *heading,
                 const char    *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "trib-page", g_object_ref (self), g_object_unref);

  return dialog;
}

/* A tab with changes not saved closes once the user says what of them. */
void
_trib_query_page_ask_close_tab (TribQueryPage *self,
                                AdwTabPage    *page)
{
  TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (page));
  g_autofree char *name = dup_display_name (trib_query_tab_get_file (tab));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Discarded, they are lost."), name);
  dialog = new_save_dialog (self, _("Save Changes?"), body);
  g_object_set_data_full (G_OBJECT (dialog), "trib-closing", g_object_ref (page), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (close_tab_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * trib_query_page_get_n_modified:
 *
 * Returns: how many tabs have changes not saved to their files
 */
guint
trib_query_page_get_n_modified (TribQueryPage *self)
{
  guint n_modified = 0;

  g_return_val_if_fail (TRIB_IS_QUERY_PAGE (self), 0);

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    n_modified += trib_query_tab_get_modified (TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i))));

  return n_modified;
}

typedef struct
{
  guint n_pending;
  gboolean failed;
} CloseAll;

static void
saved_for_close_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CloseAll *close_all = g_task_get_task_data (task);

  if (!save_tab_finish (TRIB_QUERY_PAGE (object), result, NULL))
    close_all->failed = TRUE;

  if (--close_all->n_pending == 0)
    g_task_return_boolean (task, !close_all->failed);
}

static void
close_all_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(GTask) task = g_object_steal_data (G_OBJECT (dialog), "trib-task");
  TribQueryPage *self;
  CloseAll *close_all;

  if (task == NULL)
    return;

  self = g_task_get_source_object (task);
  close_all = g_task_get_task_data (task);
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));

      if (!trib_query_tab_get_modified (tab))
        continue;

      if (g_str_equal (response, "save"))
        {
          close_all->n_pending++;
          save_tab_async (self, tab, trib_query_tab_get_file (tab), saved_for_close_cb, g_object_ref (task));
        }
      else if (g_str_equal (response, "discard"))
        trib_query_tab_revert (tab);
    }

  if (close_all->n_pending == 0)
    g_task_return_boolean (task, g_str_equal (response, "discard"));
}

/**
 * trib_query_page_close_async:
 *
 * Before the window closes: asks what to do with the tabs whose changes
 * are not saved, and does it. Finishes with %TRUE when the window may
 * close (nothing to save, saved, or discarded), %FALSE when not
 * (cancelled, or a save failed).
 */
void
trib_query_page_close_async (TribQueryPage       *self,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;
  guint n_modified;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, trib_query_page_close_async);
  g_task_set_task_data (task, g_new0 (CloseAll, 1), g_free);

  if ((n_modified = trib_query_page_get_n_modified (self)) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "This file has changes that are not saved:",
                                    "These files have changes that are not saved:", n_modified));
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));
      g_autofree char *name = NULL;

      if (!trib_query_tab_get_modified (tab))
        continue;
      name = dup_display_name (trib_query_tab_get_file (tab));
      g_string_append_printf (body, "\n%s", name);
    }

  dialog = new_save_dialog (self, _("Save Changes Before Closing?"), body->str);
  g_object_set_data_full (G_OBJECT (dialog), "trib-task", g_steal_pointer (&task), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (close_all_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
trib_query_page_close_finish (TribQueryPage  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
