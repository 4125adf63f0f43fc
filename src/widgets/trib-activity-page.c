/* trib-activity-page.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-activity-page"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "trib-a11y.h"
#include "trib-activity-page-private.h"
#include "trib-format.h"
#include "trib-json-indent.h"
#include "trib-platform-enums.h"
#include "trib-keynav.h"
#include "trib-list-cell.h"
#include "trib-toast.h"
#include "trib-tooltip-bin.h"

G_DEFINE_FINAL_TYPE (TribActivityPage, trib_activity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The calls made to the platform, so a data engineer can see what the
 * app did, with what bodies, and replay any of it with curl; the search
 * and filters are in trib-activity-page-filter.c.
 */

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

static char *
request_time (GtkListItem       *item,
              TribRequestRecord *record)
{
  return record != NULL ? trib_format_time (trib_request_record_get_started (record)) : NULL;
}

static char *
request_full_time (GtkListItem       *item,
                   TribRequestRecord *record)
{
  return record != NULL ? trib_format_full_date_time (trib_request_record_get_started (record)) : NULL;
}

/* A body for reading: JSON laid out, the rest as it is, both bounded. */
static char *
dup_shown_body (const char *text,
                gboolean   *cut)
{
  if (text[0] == '{' || text[0] == '[')
    return trib_json_indent (text, TRIB_REQUEST_RECORD_MAX_BODY_BYTES, cut);

  *cut = strlen (text) > TRIB_REQUEST_RECORD_MAX_BODY_BYTES;

  return g_utf8_make_valid (text, MIN (strlen (text), TRIB_REQUEST_RECORD_MAX_BODY_BYTES));
}

static char *
dup_cut_note (gsize size)
{
  g_autofree char *kept = g_format_size (TRIB_REQUEST_RECORD_MAX_BODY_BYTES);
  g_autofree char *whole = g_format_size (size);

  /* Translators: two sizes, such as “65.5 kB” and “1.2 MB” */
  return g_strdup_printf (_("Only the first %s of %s are shown, with tokens and secrets hidden."), kept, whole);
}

static void
show_request_body (TribActivityPage  *self,
                   TribRequestRecord *record)
{
  const char *body = trib_request_record_get_body (record);
  gsize size = trib_request_record_get_request_size (record);
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  gboolean cut = FALSE;

  if (body == NULL)
    {
      trib_body_view_set_body (self->request_view, NULL,
                               size == 0 ? _("This call sent no body.")
                                         : _("The body sent is not shown: it is neither JSON nor a form, so its secrets could not be hidden."));
      return;
    }

  shown = dup_shown_body (body, &cut);
  if (cut || trib_request_record_get_body_cut (record))
    note = dup_cut_note (size);
  trib_body_view_set_body (self->request_view, shown, note);
}

static void
show_response_body (TribActivityPage  *self,
                    TribRequestRecord *record)
{
  const char *body = trib_request_record_get_response (record);
  gsize size = trib_request_record_get_response_size (record);
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  gboolean cut = FALSE;

  if (!trib_request_record_get_done (record))
    {
      trib_body_view_set_body (self->response_view, NULL, _("Waiting for the answer…"));
      return;
    }

  if (body == NULL)
    {
      if (trib_request_record_get_status (record) == 0)
        trib_body_view_set_body (self->response_view, NULL, _("No answer came."));
      else if (size == 0)
        trib_body_view_set_body (self->response_view, NULL, _("The answer had no body."));
      else
        trib_body_view_set_body (self->response_view, NULL,
                                 _("The answer is not shown: it is not JSON, so its secrets could not be hidden."));
      return;
    }

  shown = dup_shown_body (body, &cut);
  if (cut || trib_request_record_get_response_cut (record))
    note = dup_cut_note (size);
  trib_body_view_set_body (self->response_view, shown, note);
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

  gtk_stack_set_visible_child_name (self->details_stack, record != NULL ? "details" : "none");

  if (record == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.copy-curl", FALSE);
      gtk_label_set_label (self->detail_title, NULL);
      gtk_text_buffer_set_text (buffer, "", 0);
      trib_body_view_set_body (self->request_view, NULL, NULL);
      trib_body_view_set_body (self->response_view, NULL, NULL);
      return;
    }

  outcome = describe_outcome (record);
  error_text = trib_format_error_text (trib_request_record_get_error_message (record));
  started = trib_format_date_time (trib_request_record_get_started (record));
  curl = trib_request_record_dup_curl (record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.copy-curl", curl != NULL);

  /* Translators: the time a call started, then its status and duration */
  g_string_append_printf (text, _("Sent at %s — %s"), started, outcome);
  g_string_append_printf (text, "\n");
  /* Translators: the service a call went to, such as “Catalog” */
  g_string_append_printf (text, _("Service: %s"), trib_request_service_get_name (trib_request_record_get_service (record)));
  g_string_append_c (text, '\n');
  sent = g_format_size (trib_request_record_get_request_size (record));
  received = g_format_size (trib_request_record_get_response_size (record));
  /* Translators: two sizes, such as “223 bytes” and “1.0 kB” */
  g_string_append_printf (text, _("Sent %s, received %s"), sent, received);
  if (trib_request_record_get_error_message (record) != NULL)
    g_string_append_printf (text, "\n%s", error_text);
  if (curl != NULL)
    g_string_append_printf (text, "\n\n%s\n", curl);
  else
    g_string_append_printf (text, "\n\n%s\n",
                            _("The body sent is too large to copy as a curl command."));

  gtk_label_set_label (self->detail_title, trib_request_record_get_url (record));
  gtk_text_buffer_set_text (buffer, text->str, text->len);

  /* URLs and IDs break where they must, without a hyphen inserted. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "no-hyphens", &start, &end);
  }

  show_request_body (self, record);
  show_response_body (self, record);
}

void
_trib_activity_page_update_state (TribActivityPage *self)
{
  guint n_items = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 || n_items == 0 ? "calls" : "no-match");

  if (_trib_activity_page_filtering (self))
    /* Translators: calls shown of the calls recorded, such as “12 of 240” */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_items);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", n_items), n_items);
  gtk_label_set_label (self->count_label, count);
}

/* The newest call, first in the log, selected and in view. */
static void
show_newest (TribActivityPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
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

  _trib_activity_page_update_state (self);

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
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribActivityPage *self = TRIB_ACTIVITY_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
trib_activity_page_dispose (GObject *object)
{
  TribActivityPage *self = (TribActivityPage *)object;

  g_clear_handle_id (&self->refilter_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->log);
  g_clear_object (&self->newest_shown);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_ACTIVITY_PAGE);

  G_OBJECT_CLASS (trib_activity_page_parent_class)->dispose (object);
}

static void
trib_activity_page_finalize (GObject *object)
{
  TribActivityPage *self = (TribActivityPage *)object;

  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->method, g_free);

  G_OBJECT_CLASS (trib_activity_page_parent_class)->finalize (object);
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
  object_class->finalize = trib_activity_page_finalize;
  object_class->get_property = trib_activity_page_get_property;
  object_class->set_property = trib_activity_page_set_property;

  widget_class->map = trib_activity_page_map;
  widget_class->unmap = trib_activity_page_unmap;

  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, TRIB_TYPE_REQUEST_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRIB_TYPE_BODY_VIEW);
  g_type_ensure (TRIB_TYPE_REQUEST_OUTCOME);
  g_type_ensure (TRIB_TYPE_REQUEST_SERVICE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, detail_view);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, request_view);
  gtk_widget_class_bind_template_child (widget_class, TribActivityPage, response_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "filters_changed_cb", G_CALLBACK (_trib_activity_page_filters_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb", G_CALLBACK (_trib_activity_page_stop_search));
  gtk_widget_class_bind_template_callback_full (widget_class, "outcome_name_cb", G_CALLBACK (_trib_activity_page_outcome_name));
  gtk_widget_class_bind_template_callback_full (widget_class, "service_name_cb", G_CALLBACK (_trib_activity_page_service_name));

  gtk_widget_class_install_action (widget_class, "activity.copy-curl", NULL, copy_curl_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activity.copy-curl", NULL);
  gtk_widget_class_install_action (widget_class, "activity.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "activity.find", NULL);
}

static void
trib_activity_page_init (TribActivityPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));
  _trib_activity_page_ellipsize_dropdown (self->outcome_dropdown);
  _trib_activity_page_ellipsize_dropdown (self->service_dropdown);
  _trib_activity_page_ellipsize_dropdown (self->method_dropdown);
  trib_a11y_name_dropdown (self->outcome_dropdown, _("Status"));
  trib_a11y_name_dropdown (self->service_dropdown, _("Service"));
  trib_a11y_name_dropdown (self->method_dropdown, _("Method"));
  trib_a11y_set_label (GTK_WIDGET (self->request_view), _("Request body"));
  trib_a11y_set_label (GTK_WIDGET (self->response_view), _("Response body"));

  g_type_ensure (TRIB_TYPE_REQUEST_RECORD);
  g_type_ensure (TRIB_TYPE_LIST_CELL);
  g_type_ensure (TRIB_TYPE_TOOLTIP_BIN);
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "request_outcome", G_CALLBACK (request_outcome),
                                           "request_outcome_classes", G_CALLBACK (request_outcome_classes),
                                           "request_row_name", G_CALLBACK (request_row_name),
                                           "request_time", G_CALLBACK (request_time),
                                           "request_full_time", G_CALLBACK (request_full_time),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-request-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->following = TRUE;
  self->outcome = TRIB_REQUEST_OUTCOME_ANY;
  self->service = TRIB_REQUEST_SERVICE_ANY;
  /* No function: every call passes, and the filter model passes the log through. */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  /* After the selection has taken the change in. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (log_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_detail), self, G_CONNECT_SWAPPED);

  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->detail_view), "no-hyphens",
                              "insert-hyphens", FALSE, NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->list_scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  _trib_activity_page_update_state (self);
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
    g_signal_handlers_disconnect_by_func (self->log, _trib_activity_page_log_items_changed, self);

  g_set_object (&self->log, log);

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (log));
  if (log != NULL)
    {
      g_signal_connect_object (log, "items-changed", G_CALLBACK (_trib_activity_page_log_items_changed), self, G_CONNECT_SWAPPED);
      _trib_activity_page_log_items_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (log)));
    }

  _trib_activity_page_update_state (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_newest (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG]);
}
