/* trib-activity-page-filter.c
 *
 * The Activity page's search and filters: which calls of the log it
 * lists, by words, status, service and method.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-activity-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "trib-activity-page-private.h"

char *
_trib_activity_page_outcome_name (gpointer unused,
                 int      value)
{
  return g_strdup (trib_request_outcome_get_name (value));
}

char *
_trib_activity_page_service_name (gpointer unused,
                 int      value)
{
  return g_strdup (trib_request_service_get_name (value));
}

/* The filters' buttons name their choice in a label that ellipsizes,
 * so the three fit a window 360 pixels wide; their lists show it whole.
 */
static void
filter_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
filter_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     GtkDropDown              *dropdown)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (gtk_expression_evaluate (gtk_drop_down_get_expression (dropdown), gtk_list_item_get_item (item), &value))
    gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), g_value_get_string (&value));
}

void
_trib_activity_page_ellipsize_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (filter_item_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (filter_item_bind_cb), dropdown, 0);
  g_signal_connect_object (list_factory, "setup", G_CALLBACK (filter_item_setup_cb), dropdown, 0);
  g_signal_connect_object (list_factory, "bind", G_CALLBACK (filter_item_bind_cb), dropdown, 0);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

gboolean
_trib_activity_page_filtering (TribActivityPage *self)
{
  return self->search_words != NULL || self->outcome != TRIB_REQUEST_OUTCOME_ANY ||
         self->service != TRIB_REQUEST_SERVICE_ANY || self->method != NULL;
}

/* Whether @record is one the search and filters let through. */
static gboolean
record_matches (gpointer item,
                gpointer user_data)
{
  TribActivityPage *self = user_data;
  TribRequestRecord *record = item;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->outcome != TRIB_REQUEST_OUTCOME_ANY && trib_request_record_get_outcome (record) != self->outcome)
    return FALSE;
  if (self->service != TRIB_REQUEST_SERVICE_ANY && trib_request_record_get_service (record) != self->service)
    return FALSE;
  if (self->method != NULL && g_strcmp0 (trib_request_record_get_method (record), self->method) != 0)
    return FALSE;
  if (self->search_words == NULL)
    return TRUE;

  /* Every word somewhere in the method, URL, service, status or error. */
  haystack = g_strdup_printf ("%s %s %s %u %s", trib_request_record_get_method (record),
                              trib_request_record_get_url (record),
                              trib_request_service_get_name (trib_request_record_get_service (record)),
                              trib_request_record_get_status (record),
                              trib_request_record_get_error_message (record) != NULL ? trib_request_record_get_error_message (record) : "");
  folded = g_utf8_casefold (haystack, -1);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (strstr (folded, self->search_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

void
_trib_activity_page_filters_changed (TribActivityPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  AdwEnumListItem *outcome = gtk_drop_down_get_selected_item (self->outcome_dropdown);
  AdwEnumListItem *service = gtk_drop_down_get_selected_item (self->service_dropdown);
  guint method = gtk_drop_down_get_selected (self->method_dropdown);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->method, g_free);
  g_clear_handle_id (&self->refilter_source, g_source_remove);

  if (g_strstrip (folded)[0] != '\0')
    self->search_words = g_regex_split_simple ("\\s+", folded, 0, 0);
  self->outcome = outcome != NULL ? adw_enum_list_item_get_value (outcome) : TRIB_REQUEST_OUTCOME_ANY;
  self->service = service != NULL ? adw_enum_list_item_get_value (service) : TRIB_REQUEST_SERVICE_ANY;
  /* The first item is “Any Method”; the others are the methods themselves. */
  if (method != 0 && method != GTK_INVALID_LIST_POSITION)
    self->method = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (self->method_dropdown)),
                                                         method));

  if (_trib_activity_page_filtering (self))
    gtk_custom_filter_set_filter_func (self->filter, record_matches, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  _trib_activity_page_update_state (self);
}

void
_trib_activity_page_stop_search (TribActivityPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
refilter_cb (gpointer data)
{
  TribActivityPage *self = data;

  self->refilter_source = 0;
  if (self->outcome != TRIB_REQUEST_OUTCOME_ANY)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      _trib_activity_page_update_state (self);
    }

  return G_SOURCE_REMOVE;
}

/* A call in flight changes its outcome when it ends: a status filter
 * asks again, once for all the calls that ended in one turn.
 */
static void
record_done_cb (TribActivityPage *self)
{
  if (self->outcome != TRIB_REQUEST_OUTCOME_ANY && self->refilter_source == 0)
    self->refilter_source = g_idle_add (refilter_cb, self);
}

void
_trib_activity_page_log_items_changed (TribActivityPage *self,
                      guint             position,
                      guint             removed,
                      guint             added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (self->log), i);

      if (!trib_request_record_get_done (record))
        g_signal_connect_object (record, "notify::done", G_CALLBACK (record_done_cb), self, G_CONNECT_SWAPPED);
    }

  _trib_activity_page_update_state (self);
}

