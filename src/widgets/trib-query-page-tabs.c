/* trib-query-page-tabs.c
 *
 * The query page's tabs: making one, its title, closing one (with Undo),
 * and keeping them all (text and target) in the settings across restarts.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-query-page-private.h"
#include "trib-toast.h"

static void
update_tab_title (AdwTabPage *page)
{
  TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (page));
  g_autofree char *text = trib_query_editor_dup_text (trib_query_tab_get_editor (tab));
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  const char *table = trib_query_tab_get_table (tab);
  char *line = g_strstrip (text);

  GFile *file = trib_query_tab_get_file (tab);

  line[strcspn (line, "\n")] = '\0';
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *path = g_file_get_parse_name (file);

      /* The mark the accessible name reads too (trib_a11y_name_tab_bar()). */
      title = trib_query_tab_get_modified (tab) ? g_strconcat (TRIB_MODIFIED_MARK, name, NULL) : g_strdup (name);
      if (trib_query_tab_get_modified (tab))
        /* Translators: a query tab's tooltip; %s is the file's path */
        tooltip = g_strdup_printf (_("%s, with unsaved changes"), path);
      else
        tooltip = g_steal_pointer (&path);
    }
  else if (g_utf8_strlen (line, -1) > 24)
    title = g_strconcat ((*g_utf8_offset_to_pointer (line, 23) = '\0', line), "…", NULL);
  else
    title = g_strdup (line[0] != '\0' ? line : _("Untitled Query"));

  /* Which database the tab runs on, where it is not the whole sandbox. */
  if (table[0] != '\0')
    {
      /* Translators: a query tab's tooltip; %s is a dataset's table */
      g_autofree char *runs_on = g_strdup_printf (_("Runs on the dataset table %s"), table);
      char *joined = tooltip != NULL ? g_strconcat (tooltip, "\n", runs_on, NULL) : g_strdup (runs_on);

      g_free (tooltip);
      tooltip = joined;
    }

  adw_tab_page_set_title (page, title);
  adw_tab_page_set_tooltip (page, tooltip);
}

static gboolean
save_tabs_cb (gpointer data)
{
  TribQueryPage *self = data;

  self->save_source = 0;
  trib_query_page_save_tabs (self);

  return G_SOURCE_REMOVE;
}

/* Typing saves once it pauses, not at every key: each save copies every
 * tab's text into the settings store.
 */
void
_trib_query_page_queue_save (TribQueryPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (1, save_tabs_cb, self);
}

/**
 * _trib_query_page_add_tab:
 * @text: the tab's SQL
 * @table: (nullable): the dataset table it runs on; %NULL or "" for the
 *   whole sandbox
 *
 * Returns: (transfer none): a new tab, after the others
 */
TribQueryTab *
_trib_query_page_add_tab (TribQueryPage *self,
                          const char    *text,
                          const char    *table)
{
  TribQueryTab *tab = trib_query_tab_new ();
  TribQueryEditor *editor = trib_query_tab_get_editor (tab);
  AdwTabPage *page;

  trib_query_tab_set_session (tab, trib_session_page_get_session (TRIB_SESSION_PAGE (self)));
  trib_query_tab_set_history (tab, self->history);
  trib_query_tab_set_table (tab, table);
  trib_query_editor_set_text (editor, text);

  page = adw_tab_view_append (self->tab_view, GTK_WIDGET (tab));
  update_tab_title (page);
  g_signal_connect_object (trib_query_editor_get_buffer (editor), "changed",
                           G_CALLBACK (update_tab_title), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (tab, "notify::table", G_CALLBACK (update_tab_title), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (tab, "notify::file", G_CALLBACK (update_tab_title), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (tab, "notify::modified", G_CALLBACK (update_tab_title), page, G_CONNECT_SWAPPED);
  g_signal_connect_object (tab, "notify::file", G_CALLBACK (_trib_query_page_queue_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (trib_query_editor_get_buffer (editor), "changed",
                           G_CALLBACK (_trib_query_page_queue_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tab, "notify::table", G_CALLBACK (_trib_query_page_queue_save), self, G_CONNECT_SWAPPED);

  return tab;
}

/* Shows @tab, with the cursor in its editor. */
void
_trib_query_page_select_tab (TribQueryPage *self,
                             TribQueryTab  *tab)
{
  adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (tab)));
  gtk_widget_grab_focus (GTK_WIDGET (tab));
  trib_query_page_save_tabs (self);
}

/**
 * trib_query_page_save_tabs:
 *
 * Keeps the tabs' text and targets in the settings now, rather than once
 * typing pauses.
 */
void
trib_query_page_save_tabs (TribQueryPage *self)
{
  g_autoptr(GStrvBuilder) texts_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) tables_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) files_builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) tables = NULL;
  g_auto(GStrv) files = NULL;
  AdwTabPage *selected;
  int n_pages;

  g_return_if_fail (TRIB_IS_QUERY_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->settings == NULL || self->restoring)
    return;

  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (int i = 0; i < n_pages; i++)
    {
      TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i)));
      g_autofree char *text = trib_query_editor_dup_text (trib_query_tab_get_editor (tab));
      GFile *file = trib_query_tab_get_file (tab);
      g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

      g_strv_builder_add (texts_builder, text);
      g_strv_builder_add (tables_builder, trib_query_tab_get_table (tab));
      g_strv_builder_add (files_builder, uri != NULL ? uri : "");
    }

  texts = g_strv_builder_end (texts_builder);
  tables = g_strv_builder_end (tables_builder);
  files = g_strv_builder_end (files_builder);
  g_settings_set_strv (self->settings, "query-tab-files", (const char * const *) files);
  g_settings_set_strv (self->settings, "query-tabs", (const char * const *) texts);
  g_settings_set_strv (self->settings, "query-tab-tables", (const char * const *) tables);
  selected = adw_tab_view_get_selected_page (self->tab_view);
  g_settings_set_uint (self->settings, "query-tab",
                       selected != NULL ? adw_tab_view_get_page_position (self->tab_view, selected) : 0);
}

/* The tabs as they were left: their text, and their targets where a
 * version that keeps them saved them (the same position in both lists).
 */
void
_trib_query_page_restore_tabs (TribQueryPage *self)
{
  g_auto(GStrv) texts = g_settings_get_strv (self->settings, "query-tabs");
  g_auto(GStrv) tables = g_settings_get_strv (self->settings, "query-tab-tables");
  guint selected = g_settings_get_uint (self->settings, "query-tab");
  g_auto(GStrv) files = g_settings_get_strv (self->settings, "query-tab-files");
  guint n_tables = g_strv_length (tables);
  guint n_files = g_strv_length (files);

  self->restoring = TRUE;
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  for (guint i = 0; texts[i] != NULL; i++)
    {
      TribQueryTab *tab = _trib_query_page_add_tab (self, texts[i], i < n_tables ? tables[i] : NULL);

      /* The file says whether the text kept is a change of it. */
      if (i < n_files && files[i][0] != '\0')
        _trib_query_page_reattach_file (self, tab, files[i]);
    }
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    _trib_query_page_add_tab (self, "", NULL);
  if (selected < (guint) adw_tab_view_get_n_pages (self->tab_view))
    adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, selected));
  self->restoring = FALSE;
}

void
_trib_query_page_new_tab_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);

  _trib_query_page_select_tab (self, _trib_query_page_add_tab (self, "", NULL));
}

void
_trib_query_page_close_tab_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  TribQueryPage *self = TRIB_QUERY_PAGE (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

typedef struct
{
  GWeakRef page;
  char *text;
  char *table;
  int position;
} ClosedTab;

static void
closed_tab_free (gpointer  data,
                 GClosure *closure)
{
  ClosedTab *closed = data;

  g_weak_ref_clear (&closed->page);
  g_free (closed->text);
  g_free (closed->table);
  g_free (closed);
}

static void
reopen_tab_cb (AdwToast  *toast,
               ClosedTab *closed)
{
  g_autoptr(TribQueryPage) self = g_weak_ref_get (&closed->page);
  TribQueryTab *tab;

  if (self == NULL)
    return;

  tab = _trib_query_page_add_tab (self, closed->text, closed->table);
  adw_tab_view_reorder_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (tab)),
                             MIN (closed->position, adw_tab_view_get_n_pages (self->tab_view) - 1));
  _trib_query_page_select_tab (self, tab);
}

/* A closed tab's SQL is not lost to a slip of the keyboard. */
static void
offer_to_reopen (TribQueryPage *self,
                 AdwTabPage    *page)
{
  TribQueryTab *tab = TRIB_QUERY_TAB (adw_tab_page_get_child (page));
  g_autofree char *text = trib_query_editor_dup_text (trib_query_tab_get_editor (tab));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *title = NULL;
  g_autoptr(AdwToast) toast = NULL;
  ClosedTab *closed;

  if (stripped[0] == '\0')
    return;

  /* A toast's title is markup; a tab's title is SQL, such as a < b. */
  /* Translators: %s is the closed query tab's title */
  title = g_markup_printf_escaped (_("“%s” closed"), adw_tab_page_get_title (page));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Undo"));
  closed = g_new0 (ClosedTab, 1);
  g_weak_ref_init (&closed->page, self);
  closed->text = g_steal_pointer (&text);
  closed->table = g_strdup (trib_query_tab_get_table (tab));
  closed->position = adw_tab_view_get_page_position (self->tab_view, page);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (reopen_tab_cb), closed, closed_tab_free, 0);
  trib_toast_show (GTK_WIDGET (self), g_object_ref (toast));
}

gboolean
_trib_query_page_close_page_cb (TribQueryPage *self,
                                AdwTabPage    *page)
{
  /* Restoring replaces every tab; otherwise there is always one to type in. */
  if (self->restoring)
    {
      adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
      return GDK_EVENT_STOP;
    }

  if (trib_query_tab_get_modified (TRIB_QUERY_TAB (adw_tab_page_get_child (page))))
    {
      _trib_query_page_ask_close_tab (self, page);
      return GDK_EVENT_STOP;
    }

  _trib_query_page_finish_close (self, page);

  return GDK_EVENT_STOP;
}

/* Closes @page, whose changes are saved or given up. */
void
_trib_query_page_finish_close (TribQueryPage *self,
                               AdwTabPage    *page)
{
  offer_to_reopen (self, page);
  adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    _trib_query_page_select_tab (self, _trib_query_page_add_tab (self, "", NULL));
  trib_query_page_save_tabs (self);
}
