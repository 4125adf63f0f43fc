/* trib-activity-page.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-activity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-activity-page.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-list-cell.h"
#include "trib-toast.h"

/* The calls made to the platform, so a data engineer can see what the
 * app did and replay any of it with curl.
 */
struct _TribActivityPage
{
  AdwBin parent_instance;

  TribRequestLog *log;
  GtkSingleSelection *selection;
  TribRequestRecord *newest_shown;  /* the newest call when it was selected */
  gboolean following;               /* scrolled to the newest call, on top */

  /* Template widgets */
  GtkStack *stack;
  GtkScrolledWindow *list_scroller;
  GtkListView *list_view;
  GtkLabel *detail_title;
  GtkTextView *detail_view;
};

G_DEFINE_FINAL_TYPE (TribActivityPage, trib_activity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_outcome (TribRequestRecord *record)
{
  if (!trib_request_record_get_done (record))
    return g_strdup (_("Waiting…"));

  if (trib_request_record_get_status (record) == 0)
    return g_strdup (_("No answer"));

  /* Translators: an HTTP status and how long the call took */
  return g_strdup_printf (_("%u · %.0f ms"),
                          trib_request_record_get_status (record),
                          trib_request_record_get_duration_ms (record));
}

/* The closures of trib-request-row.ui, which are given the row's list
 * item, then the record and whether it is done (so that they are asked
 * again when it is).
 */

static char *
request_outcome (GtkListItem       *item,
                 TribRequestRecord *record,
                 gboolean           done)
{
  return record != NULL ? describe_outcome (record) : NULL;
}

static char **
request_outcome_classes (GtkListItem       *item,
                         TribRequestRecord *record,
                         gboolean           done)
{
  const char *classes[] = { "numeric", NULL, NULL };
  guint status = record != NULL ? trib_request_record_get_status (record) : 0;

  if (record != NULL && done)
    classes[1] = status >= 200 && status < 300 ? "success" : "error";

  return g_strdupv ((char **) classes);
}

static char *
request_row_name (GtkListItem       *item,
                  TribRequestRecord *record,
                  gboolean           done)
{
  g_autofree char *outcome = NULL;

  if (record == NULL)
    return NULL;

  outcome = describe_outcome (record);

  return trib_a11y_join_parts (trib_request_record_get_method (record), trib_request_record_get_url (record),
                               outcome, NULL);
}

static void
update_detail (TribActivityPage *self)
{
  TribRequestRecord *record = gtk_single_selection_get_selected_item (self->selection);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->detail_view);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *curl = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *started = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *received = NULL;
  g_autofree char *error_text = NULL;
  g_autofree char *answer = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.copy-curl", record != NULL);

  if (record == NULL)
    {
      gtk_label_set_label (self->detail_title, NULL);
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  outcome = describe_outcome (record);
  error_text = trib_format_error_text (trib_request_record_get_error_message (record));
  answer = trib_format_long_text (trib_request_record_get_response (record));
  started = trib_format_date_time (trib_request_record_get_started (record));
  curl = trib_request_record_dup_curl (record);

  /* Translators: the time a call started, then its status and duration */
  g_string_append_printf (text, _("Sent at %s — %s"), started, outcome);
  g_string_append_printf (text, "\n");
  sent = g_format_size (trib_request_record_get_request_size (record));
  received = g_format_size (trib_request_record_get_response_size (record));
  /* Translators: two sizes, such as “223 bytes” and “1.0 kB” */
  g_string_append_printf (text, _("Sent %s, received %s"), sent, received);
  if (trib_request_record_get_error_message (record) != NULL)
    g_string_append_printf (text, "\n%s", error_text);
  g_string_append_printf (text, "\n\n%s\n", curl);
  if (answer != NULL)
    /* Translators: what the server answered, after a heading */
    g_string_append_printf (text, _("\nAnswer:\n%s\n"), answer);

  gtk_label_set_label (self->detail_title, trib_request_record_get_url (record));
  gtk_text_buffer_set_text (buffer, text->str, text->len);

  /* URLs and IDs break where they must, without a hyphen inserted. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "no-hyphens", &start, &end);
  }
}

static void
update_state (TribActivityPage *self)
{
  guint n_items = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
}

/* The newest call, first in the log, selected and in view. */
static void
show_newest (TribActivityPage *self)
{
  if (self->log == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->log)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  g_set_object (&self->newest_shown, gtk_single_selection_get_selected_item (self->selection));
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  self->following = TRUE;
}

static void
log_changed_cb (TribActivityPage *self,
                guint             position,
                guint             removed,
                guint             added)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);

  update_state (self);

  /* Looking at the newest call, the view keeps following new ones (the
   * list would keep the calls in view and let new ones pile up above);
   * the selection does too, unless an older call was chosen.
   */
  if (added == 0 || position != 0 || !self->following || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (selected == NULL || selected == self->newest_shown)
    show_newest (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
scrolled_cb (TribActivityPage *self,
             GtkAdjustment    *adjustment)
{
  self->following = gtk_adjustment_get_value (adjustment) < 1;
}

static void
trib_activity_page_map (GtkWidget *widget)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (widget);
  gboolean following = self->following;
  guint selected;

  GTK_WIDGET_CLASS (trib_activity_page_parent_class)->map (widget);

  /* The list scrolls as it gets its model: that is not the user's doing. */
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  self->following = following;

  /* The page opens on the newest call, unless it was left elsewhere. */
  if (self->following)
    show_newest (self);
  else if ((selected = gtk_single_selection_get_selected (self->selection)) != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

/* Hidden, the list follows no calls: each would cost the view a row
 * made and measured, hundreds of them while a long list is paged in.
 */
static void
trib_activity_page_unmap (GtkWidget *widget)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (widget);
  gboolean following = self->following;

  gtk_list_view_set_model (self->list_view, NULL);
  self->following = following;

  GTK_WIDGET_CLASS (trib_activity_page_parent_class)->unmap (widget);
}

static void
copy_curl_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (widget);
  TribRequestRecord *record = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *curl = NULL;

  if (record == NULL)
    return;

  curl = trib_request_record_dup_curl (record);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), curl);

  trib_toast_show (widget, adw_toast_new (_("Copied; export ACCESS_TOKEN and API_KEY before running it")));
}

static void
trib_activity_page_dispose (GObject *object)
{
  TribActivityPage *self = (TribActivityPage *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->log);
  g_clear_object (&self->newest_shown);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ACTIVITY_PAGE);

  G_OBJECT_CLASS (trib_activity_page_parent_class)->dispose (object);
}

static void
trib_activity_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_activity_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOG:
      trib_activity_page_set_log (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_activity_page_class_init (TribActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_activity_page_dispose;
  object_class->get_property = trib_activity_page_get_property;
  object_class->set_property = trib_activity_page_set_property;

  widget_class->map = trib_activity_page_map;
  widget_class->unmap = trib_activity_page_unmap;

  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, TRIB_TYPE_REQUEST_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, detail_view);

  gtk_widget_class_install_action (widget_class, "activity.copy-curl", NULL, copy_curl_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activity.copy-curl", NULL);
}

static void
trib_activity_page_init (TribActivityPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));

  g_type_ensure (TRIB_TYPE_REQUEST_RECORD);
  g_type_ensure (TRIB_TYPE_LIST_CELL);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "request_outcome", G_CALLBACK (request_outcome),
                                           "request_outcome_classes", G_CALLBACK (request_outcome_classes),
                                           "request_row_name", G_CALLBACK (request_row_name),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-request-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->following = TRUE;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);

  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->detail_view), "no-hyphens",
                              "insert-hyphens", FALSE, NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->list_scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
  update_detail (self);
}

/**
 * trib_activity_page_get_log:
 * @self: a #TribActivityPage
 *
 * Returns: (transfer none) (nullable): the log shown
 */
TribRequestLog *
trib_activity_page_get_log (TribActivityPage *self)
{
  g_return_val_if_fail (TRIB_IS_ACTIVITY_PAGE (self), NULL);

  return self->log;
}

void
trib_activity_page_set_log (TribActivityPage *self,
                            TribRequestLog   *log)
{
  g_return_if_fail (TRIB_IS_ACTIVITY_PAGE (self));

  if (self->log == log)
    return;

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_func (self->log, log_changed_cb, self);

  g_set_object (&self->log, log);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (log));
  /* After the selection has taken the change in. */
  if (log != NULL)
    g_signal_connect_object (log, "items-changed", G_CALLBACK (log_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  update_state (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_newest (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG]);
}
