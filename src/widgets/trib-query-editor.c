/* trib-query-editor.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-a11y-status.h"
#include "trib-keynav.h"
#include "trib-query-editor.h"
#include "trib-sql-completion.h"
#include "trib-sql-splitter.h"

/* One editor tab: Data Distiller SQL with highlighting, line numbers and
 * find and replace; it knows which statement the cursor is in and can
 * point at the place an error was reported.
 */
struct _TribQueryEditor
{
  GtkWidget parent_instance;

  GtkSourceSearchContext *search;
  GtkTextTag *error_tag;
  gboolean marking_error;
  TribSqlCompletion *completion;

  /* Template widgets */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkEntry *replace_entry;
  GtkLabel *matches_label;
  GtkSourceView *view;
};

G_DEFINE_FINAL_TYPE (TribQueryEditor, trib_query_editor, GTK_TYPE_WIDGET)

static GtkSourceBuffer *
get_source_buffer (TribQueryEditor *self)
{
  return GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
}

/* GTK 4.8 crashes when a screen reader reads the formatting of text
 * (Atspi.Text.GetAttributeRun) under a tag with a text colour:
 * gtk_text_buffer_get_run_attributes() in gtk/a11y/gtkatspitextbuffer.c
 * asks such a tag for its write-only "foreground" property where it means
 * "foreground-rgba" ("property 'foreground' of object class 'GtkTextTag'
 * is not readable"), then reads the colour through the pointer that was
 * never set. GTK 4.14 replaced that code (GtkAccessibleText). Which
 * earlier release fixed it we could not pin down, so the check errs on
 * the safe side: before 4.14, while assistive technology is on, the
 * editor highlights with schemes without text colours. No other tag of
 * the editor (errors, search matches, brackets) sets a text colour, nor
 * does the activity page's text view.
 */
static gboolean
needs_plain_scheme (void)
{
  return gtk_check_version (4, 14, 0) != NULL &&
         trib_a11y_status_get_enabled (trib_a11y_status_get_default ());
}

static void
update_style_scheme (TribQueryEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style_manager);
  const char *id;

  if (needs_plain_scheme ())
    id = dark ? "tributary-plain-dark" : "tributary-plain";
  else
    id = dark ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (get_source_buffer (self),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
update_matches (TribQueryEditor *self)
{
  int count = gtk_source_search_context_get_occurrences_count (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;

  if (text[0] != '\0' && count >= 0)
    /* Translators: how many times the searched text occurs */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);

  gtk_label_set_label (self->matches_label, label);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->matches_label)))
    trib_a11y_announce (GTK_WIDGET (self), label);
}

static void
search_changed_cb (TribQueryEditor *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_source_search_settings_set_search_text (settings, text[0] != '\0' ? text : NULL);
}

static void
select_match (TribQueryEditor *self,
              gboolean         forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (get_source_buffer (self));
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->search, &start, &match_start, &match_end, NULL);

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }
}

static void
find_next_cb (TribQueryEditor *self)
{
  select_match (self, TRUE);
}

static void
find_previous_cb (TribQueryEditor *self)
{
  select_match (self, FALSE);
}

static void
replace_cb (TribQueryEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (get_source_buffer (self));
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  GtkTextIter start, end;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (gtk_source_search_context_get_occurrence_position (self->search, &start, &end) > 0)
    gtk_source_search_context_replace (self->search, &start, &end, replacement, -1, &error);
  if (error != NULL)
    g_debug ("Replacing failed: %s", error->message);

  select_match (self, TRUE);
}

static void
replace_all_cb (TribQueryEditor *self)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr(GError) error = NULL;

  gtk_source_search_context_replace_all (self->search, replacement, -1, &error);
  if (error != NULL)
    g_debug ("Replacing failed: %s", error->message);
}

static void
buffer_changed_cb (TribQueryEditor *self)
{
  trib_query_editor_clear_error (self);
}

/* The error tag goes only where the server pointed: text copied with
 * it, then pasted, is not the place of an error.
 */
static void
apply_tag_cb (TribQueryEditor *self,
              GtkTextTag      *tag)
{
  if (tag == self->error_tag && !self->marking_error)
    g_signal_stop_emission_by_name (get_source_buffer (self), "apply-tag");
}

static void
trib_query_editor_dispose (GObject *object)
{
  TribQueryEditor *self = (TribQueryEditor *)object;
  GtkWidget *child;

  g_clear_object (&self->search);
  if (self->completion != NULL)
    gtk_source_completion_remove_provider (gtk_source_view_get_completion (self->view),
                                           GTK_SOURCE_COMPLETION_PROVIDER (self->completion));
  g_clear_object (&self->completion);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_QUERY_EDITOR);

  /* Template children without an id are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trib_query_editor_parent_class)->dispose (object);
}

static gboolean
trib_query_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRIB_QUERY_EDITOR (widget)->view));
}

static void
show_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TribQueryEditor *self = TRIB_QUERY_EDITOR (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Tab indents in the editor: Ctrl+Tab and Ctrl+Shift+Tab leave it, as
 * they leave GTK's own text views, and the search bar with it.
 */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  trib_keynav_leave (widget, g_variant_get_boolean (param) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* GtkSourceView's own Ctrl+Space, made the editor's: one the shortcuts
 * window lists as Tributary's. Only in the text: the search bar's
 * entries keep their keys.
 */
static gboolean
complete_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  TribQueryEditor *self = TRIB_QUERY_EDITOR (widget);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return FALSE;

  gtk_source_completion_show (gtk_source_view_get_completion (self->view));
  return TRUE;
}

static void
add_leave_shortcut (GtkShortcutController *controller,
                    GdkModifierType        modifiers,
                    gboolean               backward)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, modifiers),
                                            gtk_named_action_new ("editor.leave"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (backward));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The sandbox's tables are read for completion once an editor shows,
 * so that they are there by the time they are asked for; not as soon as
 * a window has one: a sandbox of 50,000 datasets is 500 pages, whose
 * requests the page the user is reading would share the connections
 * with.
 */
static void
read_tables (TribQueryEditor *self)
{
  TribSqlNames *names = trib_sql_completion_get_names (self->completion);

  if (names != NULL)
    trib_sql_names_load_tables (names);
}

static void
trib_query_editor_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trib_query_editor_parent_class)->map (widget);

  read_tables (TRIB_QUERY_EDITOR (widget));
}

static void
trib_query_editor_class_init (TribQueryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_query_editor_dispose;
  widget_class->grab_focus = trib_query_editor_grab_focus;
  widget_class->map = trib_query_editor_map;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-query-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TribQueryEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TribQueryEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribQueryEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, TribQueryEditor, matches_label);
  gtk_widget_class_bind_template_child (widget_class, TribQueryEditor, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_cb);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, show_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_install_action (widget_class, "editor.leave", "b", leave_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "queryeditor");
}

static void
trib_query_editor_init (TribQueryEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkEventController *editor_keys;
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Caught before the view: Ctrl+Tab, which it would take for itself,
   * and Ctrl+Space.
   */
  editor_keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (editor_keys, GTK_PHASE_CAPTURE);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (editor_keys), GDK_CONTROL_MASK, FALSE);
  add_leave_shortcut (GTK_SHORTCUT_CONTROLLER (editor_keys), GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (editor_keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (complete_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), editor_keys);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  buffer = get_source_buffer (self);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "tributary-sql"));
  gtk_source_buffer_set_highlight_matching_brackets (buffer, TRUE);
  self->error_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "error",
                                                "underline", PANGO_UNDERLINE_ERROR,
                                                NULL);

  self->search = gtk_source_search_context_new (buffer, NULL);
  g_signal_connect_object (self->search, "notify::occurrences-count",
                           G_CALLBACK (update_matches), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Completion as one types, and on Ctrl+Space (complete_cb). */
  self->completion = trib_sql_completion_new ();
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));
  /* Five rows, GtkSourceView's own and Builder's default: each row is
   * laid out and drawn each time the popup opens, at every word typed
   * (bench-completion: a longest stall of 20–25 ms with ten rows, 14–17
   * with five). Nothing is selected when it opens, GtkSourceView's
   * default: SQL is typed a line at a time, and Return at the end of a
   * line starts the next one rather than replacing the word typed; Down
   * picks a proposal, and Return or Tab takes it. A selected proposal
   * also shows its comment under the list, laid out again at every key
   * (3 to 5 ms more on the longest stall while typing).
   */
  gtk_source_completion_set_page_size (gtk_source_view_get_completion (self->view), 5);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (apply_tag_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (trib_a11y_status_get_default (), "notify::enabled",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);
}

TribQueryEditor *
trib_query_editor_new (void)
{
  return g_object_new (TRIB_TYPE_QUERY_EDITOR, NULL);
}

/**
 * trib_query_editor_set_sql_names:
 * @names: (nullable): the tables and fields of the sandbox statements
 *   run in, for completion
 */
void
trib_query_editor_set_sql_names (TribQueryEditor *self,
                                 TribSqlNames    *names)
{
  g_return_if_fail (TRIB_IS_QUERY_EDITOR (self));

  trib_sql_completion_set_names (self->completion, names);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_tables (self);
}

/**
 * trib_query_editor_hide_completion:
 *
 * Closes the completion popup, if open: once the statement runs, its
 * proposals for the last word would only hide the text.
 */
void
trib_query_editor_hide_completion (TribQueryEditor *self)
{
  g_return_if_fail (TRIB_IS_QUERY_EDITOR (self));

  gtk_source_completion_hide (gtk_source_view_get_completion (self->view));
}

/**
 * trib_query_editor_get_completion:
 *
 * Returns: (transfer none): the editor's completion provider
 */
GtkSourceCompletionProvider *
trib_query_editor_get_completion (TribQueryEditor *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_EDITOR (self), NULL);

  return GTK_SOURCE_COMPLETION_PROVIDER (self->completion);
}

/**
 * trib_query_editor_get_buffer:
 *
 * Returns: (transfer none): the editor's text
 */
GtkTextBuffer *
trib_query_editor_get_buffer (TribQueryEditor *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_EDITOR (self), NULL);

  return GTK_TEXT_BUFFER (get_source_buffer (self));
}

char *
trib_query_editor_dup_text (TribQueryEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (TRIB_IS_QUERY_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (get_source_buffer (self)), &start, &end);

  return gtk_text_iter_get_text (&start, &end);
}

void
trib_query_editor_set_text (TribQueryEditor *self,
                            const char      *text)
{
  g_return_if_fail (TRIB_IS_QUERY_EDITOR (self));

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (get_source_buffer (self)), text, -1);
}

/**
 * trib_query_editor_dup_current_statement:
 * @start_offset: (out): the character offset in the buffer where the
 *   returned text starts
 *
 * Returns: (transfer full) (nullable): the selected text, or else the
 *   statement under the cursor; %NULL if there is none
 */
char *
trib_query_editor_dup_current_statement (TribQueryEditor *self,
                                         int             *start_offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, cursor;
  g_autofree char *text = NULL;
  g_autoptr(TribSqlStatement) statement = NULL;
  gsize cursor_bytes;

  g_return_val_if_fail (TRIB_IS_QUERY_EDITOR (self), NULL);

  buffer = GTK_TEXT_BUFFER (get_source_buffer (self));
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      *start_offset = gtk_text_iter_get_offset (&start);
      return gtk_text_iter_get_text (&start, &end);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  cursor_bytes = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&cursor)) - text;

  if (!(statement = trib_sql_statement_at (text, -1, cursor_bytes)))
    return NULL;

  *start_offset = g_utf8_pointer_to_offset (text, text + statement->start);

  return g_strdup (statement->text);
}

/**
 * trib_query_editor_mark_error:
 * @offset: a character offset in the buffer
 *
 * Underlines the word at @offset and puts the cursor there, where the
 * server said the statement went wrong.
 */
void
trib_query_editor_mark_error (TribQueryEditor *self,
                              int              offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (TRIB_IS_QUERY_EDITOR (self));

  buffer = GTK_TEXT_BUFFER (get_source_buffer (self));
  trib_query_editor_clear_error (self);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  end = start;
  while (!gtk_text_iter_is_end (&end) && !g_unichar_isspace (gtk_text_iter_get_char (&end)))
    gtk_text_iter_forward_char (&end);
  if (gtk_text_iter_equal (&start, &end))
    gtk_text_iter_forward_char (&end);

  g_signal_handlers_block_by_func (buffer, buffer_changed_cb, self);
  self->marking_error = TRUE;
  gtk_text_buffer_apply_tag (buffer, self->error_tag, &start, &end);
  self->marking_error = FALSE;
  g_signal_handlers_unblock_by_func (buffer, buffer_changed_cb, self);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start, 0.1, FALSE, 0, 0);
}

/**
 * trib_query_editor_has_error_mark:
 *
 * Returns: whether an error is marked in the text
 */
gboolean
trib_query_editor_has_error_mark (TribQueryEditor *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (TRIB_IS_QUERY_EDITOR (self), FALSE);

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (get_source_buffer (self)), &iter);

  return gtk_text_iter_has_tag (&iter, self->error_tag) || gtk_text_iter_forward_to_tag_toggle (&iter, self->error_tag);
}

void
trib_query_editor_clear_error (TribQueryEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (TRIB_IS_QUERY_EDITOR (self));

  /* Removing a tag that changes how text is drawn lays out again every
   * line it is removed from, marked or not: for a long script, a stall
   * at each keystroke and each Run. The text's tree finds a tag's marks
   * without walking the text.
   */
  if (!trib_query_editor_has_error_mark (self))
    return;

  buffer = GTK_TEXT_BUFFER (get_source_buffer (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
}
