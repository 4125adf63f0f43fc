/* trib-result-view-filter.c
 *
 * Filtering the rows loaded in the result grid: a search bar over the
 * grid (Ctrl+F there) keeps the rows where some value holds the text,
 * and says how many do.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-result-row.h"
#include "trib-result-view-private.h"

/* Whether @haystack holds @needle (already lower case), ignoring the
 * case of ASCII letters: a million rows are filtered on the main thread
 * a slice at a time, so no copy of a value is made.
 */
static gboolean
holds (const char *haystack,
       gsize       length,
       const char *needle,
       gsize       needle_length)
{
  if (needle_length > length)
    return FALSE;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      gsize j = 0;

      while (j < needle_length && g_ascii_tolower (haystack[i + j]) == needle[j])
        j++;
      if (j == needle_length)
        return TRUE;
    }

  return FALSE;
}

static gboolean
row_matches (gpointer item,
             gpointer user_data)
{
  TribResultView *self = user_data;
  guint position = trib_result_row_get_position (item);
  gsize needle_length = strlen (self->filter_text);
  guint n_columns;

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return FALSE;

  n_columns = trib_result_model_get_n_columns (self->model);
  for (guint i = 0; i < n_columns; i++)
    {
      gsize length = 0;
      const char *value = trib_result_model_get_value (self->model, position, i, &length);

      if (value != NULL && holds (value, length, self->filter_text, needle_length))
        return TRUE;
    }

  return FALSE;
}

static void
update_count (TribResultView *self)
{
  g_autofree char *label = NULL;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_rows = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  if (self->filter_text != NULL && self->model != NULL)
    /* Translators: how many of the loaded rows of a result hold the filter's text */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows", n_rows), n_shown, n_rows);

  if (g_strcmp0 (label, gtk_label_get_label (self->filter_label)) == 0)
    return;

  gtk_label_set_label (self->filter_label, label);
  /* Said once the filter has gone through the rows, not at each slice. */
  if (label != NULL && gtk_filter_list_model_get_pending (self->filter_model) == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self->filter_label)))
    trib_a11y_announce (GTK_WIDGET (self), label);
}

static void
filter_changed_cb (TribResultView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *lower = g_ascii_strdown (text, -1);
  gboolean had_filter = self->filter_text != NULL;

  g_clear_pointer (&self->filter_text, g_free);
  if (lower[0] != '\0')
    self->filter_text = g_steal_pointer (&lower);

  /* No filter at all while the text is empty: rows pass straight on. */
  if (self->filter_text == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (!had_filter)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  update_count (self);
  _trib_result_view_update_empty (self);
}

static void
search_mode_cb (TribResultView *self)
{
  /* A closed filter filters nothing. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribResultView *self = TRIB_RESULT_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* A new order puts other rows at the positions the filter kept. */
void
_trib_result_view_refilter (TribResultView *self)
{
  if (self->filter_text != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * _trib_result_view_get_row_position:
 * @position: a position in the grid
 *
 * Returns: the position in the model of the row the grid shows there
 */
guint
_trib_result_view_get_row_position (TribResultView *self,
                                    guint           position)
{
  g_autoptr(TribResultRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  return row != NULL ? trib_result_row_get_position (row) : G_MAXUINT;
}

void
_trib_result_view_filter_set_model (TribResultView  *self,
                                    TribResultModel *model)
{
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (model));
  update_count (self);
}

void
_trib_result_view_class_init_filter (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, TribResultView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, TribResultView, filter_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);

  gtk_widget_class_install_action (widget_class, "result.filter", NULL, filter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "result.filter", NULL);
}

/* The search bar's own close button is named after its icon. */
static void
name_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
        {
          gtk_widget_set_tooltip_text (child, _("Close the Filter (Escape)"));
          trib_a11y_set_label (child, _("Close the Filter"));
        }
      name_close_button (child);
    }
}

/* Returns: (transfer none): the rows the grid shows, for its selection */
GListModel *
_trib_result_view_init_filter (TribResultView *self)
{
  self->filter = gtk_custom_filter_new (row_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  /* A million rows filter a slice at a time; the count follows. */
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (_trib_result_view_update_empty), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->filter_entry));
  name_close_button (GTK_WIDGET (self->search_bar));

  return G_LIST_MODEL (self->filter_model);
}

void
_trib_result_view_dispose_filter (TribResultView *self)
{
  if (self->filter_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
    }
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->filter_text, g_free);
}

/**
 * trib_result_view_set_filter_text:
 * @text: the text the rows shown hold, or "" for all rows
 *
 * Filters the rows as typing in the filter bar does.
 */
void
trib_result_view_set_filter_text (TribResultView *self,
                                  const char     *text)
{
  g_return_if_fail (TRIB_IS_RESULT_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text != NULL ? text : "");
}

/**
 * trib_result_view_get_n_shown:
 *
 * Returns: how many rows the grid shows, filtered
 */
guint
trib_result_view_get_n_shown (TribResultView *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}
