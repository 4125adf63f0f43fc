/* trib-history-panel.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-history-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-list-cell.h"
#include "trib-history-panel.h"
#include "trib-tooltip-bin.h"

/* The statements run, newest first, searchable by their text; choosing
 * one emits ::open-entry so the query page can open it in a tab.
 */
struct _TribHistoryPanel
{
  AdwBin parent_instance;

  TribQueryHistory *history;
  GtkFilterListModel *filtered;
  GtkStringFilter *filter;
  gboolean at_top;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (TribHistoryPanel, trib_history_panel, ADW_TYPE_BIN)

enum {
  OPEN_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_stack (TribHistoryPanel *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static GtkAdjustment *
get_vadjustment (TribHistoryPanel *self)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
}

/* Through the list's own action, which moves what it keeps in place
 * too: setting the scroll position before the list has its size would
 * be undone by the list once it has.
 */
static void
scroll_to_newest (TribHistoryPanel *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  self->at_top = TRUE;
}

static void
scrolled_cb (TribHistoryPanel *self)
{
  GtkAdjustment *adjustment = get_vadjustment (self);

  self->at_top = gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);
}

/* The list keeps the row it shows in place when rows come before it;
 * the newest entries come first, and should show if the top showed.
 */
static void
entries_changed_cb (TribHistoryPanel *self,
                    guint             position,
                    guint             removed,
                    guint             added)
{
  if (position == 0 && added > 0 && (self->at_top || !gtk_widget_get_mapped (GTK_WIDGET (self))))
    scroll_to_newest (self);
}

static void
trib_history_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trib_history_panel_parent_class)->map (widget);

  /* Opened, the history shows its newest entries. */
  scroll_to_newest (TRIB_HISTORY_PANEL (widget));
}

static void
search_changed_cb (TribHistoryPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_matches;
  g_autofree char *count = NULL;

  gtk_string_filter_set_search (self->filter, text);

  if (text[0] == '\0')
    return;
  n_matches = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  /* Translators: how many statements of the history match the search */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", n_matches), n_matches);
  trib_a11y_announce (GTK_WIDGET (self), count);
}

static void
activate_cb (TribHistoryPanel *self,
             guint             position)
{
  g_autoptr(TribQueryHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entry != NULL)
    g_signal_emit (self, signals[OPEN_ENTRY], 0, entry);
}

/* The closures of trib-history-row.ui, which are given the row's list
 * item, then the entry.
 */

static char *
history_first_line (GtkListItem           *item,
                    TribQueryHistoryEntry *entry)
{
  char *first_line;

  if (entry == NULL)
    return NULL;

  first_line = g_strdup (trib_query_history_entry_get_sql (entry));
  first_line[strcspn (first_line, "\n")] = '\0';

  return first_line;
}

static char *
history_details (GtkListItem           *item,
                 TribQueryHistoryEntry *entry)
{
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  const char *outcome;

  if (entry == NULL)
    return NULL;

  when = trib_format_date_time (trib_query_history_entry_get_started (entry));
  outcome = trib_query_history_entry_get_outcome (entry);

  if (g_str_equal (outcome, "done"))
    /* Translators: sandbox, date, duration in seconds, row count of a statement in the history */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %.2f s · %llu row",
                                         "%s · %s · %.2f s · %llu rows", trib_query_history_entry_get_n_rows (entry)),
                            trib_query_history_entry_get_sandbox (entry), when,
                            trib_query_history_entry_get_duration_ms (entry) / 1000.0,
                            (unsigned long long) trib_query_history_entry_get_n_rows (entry));
  if (g_str_equal (outcome, "cancelled"))
    /* Translators: sandbox and date of a cancelled statement in the history */
    return g_strdup_printf (_("%s · %s · cancelled"), trib_query_history_entry_get_sandbox (entry), when);

  /* One line for a row; the whole message in its tooltip. */
  message = g_strdup (trib_query_history_entry_get_message (entry));
  g_strdelimit (message, "\r\n\t", ' ');
  /* Translators: sandbox, date and error message of a failed statement in the history */
  return g_strdup_printf (_("%s · %s · failed: %s"), trib_query_history_entry_get_sandbox (entry), when, message);
}

static char *
history_error (GtkListItem           *item,
               TribQueryHistoryEntry *entry)
{
  if (entry == NULL || !g_str_equal (trib_query_history_entry_get_outcome (entry), "failed"))
    return NULL;

  return g_strdup (trib_query_history_entry_get_message (entry));
}

static char *
history_row_name (GtkListItem           *item,
                  TribQueryHistoryEntry *entry)
{
  g_autofree char *first_line = history_first_line (item, entry);
  g_autofree char *details = history_details (item, entry);

  return entry != NULL ? trib_a11y_join_parts (first_line, details, NULL) : NULL;
}

static void
trib_history_panel_dispose (GObject *object)
{
  TribHistoryPanel *self = (TribHistoryPanel *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->history);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_HISTORY_PANEL);

  G_OBJECT_CLASS (trib_history_panel_parent_class)->dispose (object);
}

static void
trib_history_panel_class_init (TribHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_history_panel_dispose;
  widget_class->map = trib_history_panel_map;

  /**
   * TribHistoryPanel::open-entry:
   * @entry: the chosen #TribQueryHistoryEntry
   */
  signals[OPEN_ENTRY] =
    g_signal_new ("open-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TRIB_TYPE_QUERY_HISTORY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TribHistoryPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribHistoryPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, TribHistoryPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
trib_history_panel_init (TribHistoryPanel *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  GtkListItemFactory *factory;
  GtkExpression *sql = gtk_property_expression_new (TRIB_TYPE_QUERY_HISTORY_ENTRY, NULL, "sql");
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));

  self->filter = gtk_string_filter_new (sql);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  /* After the list has heard of the change, so as to have the last word. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_type_ensure (TRIB_TYPE_QUERY_HISTORY_ENTRY);
  g_type_ensure (TRIB_TYPE_LIST_CELL);
  g_type_ensure (TRIB_TYPE_TOOLTIP_BIN);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "history_first_line", G_CALLBACK (history_first_line),
                                           "history_details", G_CALLBACK (history_details),
                                           "history_error", G_CALLBACK (history_error),
                                           "history_row_name", G_CALLBACK (history_row_name),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-history-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (get_vadjustment (self), "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  self->at_top = TRUE;
  update_stack (self);
}

/**
 * trib_history_panel_get_list_view:
 *
 * Returns: (transfer none): the list of entries, for tests
 */
GtkListView *
trib_history_panel_get_list_view (TribHistoryPanel *self)
{
  g_return_val_if_fail (TRIB_IS_HISTORY_PANEL (self), NULL);

  return self->list_view;
}

void
trib_history_panel_set_history (TribHistoryPanel *self,
                                TribQueryHistory *history)
{
  g_return_if_fail (TRIB_IS_HISTORY_PANEL (self));

  if (!g_set_object (&self->history, history))
    return;

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (history));
  update_stack (self);
}
