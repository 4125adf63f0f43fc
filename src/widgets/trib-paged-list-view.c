/* trib-paged-list-view.c
 *
 * A list read a page at a time (a TribPagedList), with what shows until
 * it has items: a spinner while the first page comes, the platform's
 * message and Try Again when it failed, or why there is nothing. An error
 * on a later page leaves the items in view and says so in a toast.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-paged-list-view"

#include "config.h"

#include "trib-format.h"
#include "trib-paged-list-view.h"
#include "trib-toast.h"

struct _TribPagedListView
{
  AdwBin parent_instance;

  TribPagedList *model;
  GSignalGroup *model_signals;

  /* Template widgets */
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwStatusPage *empty_page;
  AdwBin *content_bin;
};

G_DEFINE_FINAL_TYPE (TribPagedListView, trib_paged_list_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CONTENT,
  PROP_ERROR_TITLE,
  PROP_EMPTY_ICON_NAME,
  PROP_COMPACT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (TribPagedListView *self)
{
  const char *old_state = gtk_stack_get_visible_child_name (self->stack);
  const GError *error;

  /* Without a list (signed out), what was shown stays until the next. */
  if (self->model == NULL)
    return;

  error = trib_paged_list_get_error (self->model);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (error != NULL)
    {
      g_autofree char *description = trib_format_error_text (error->message);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (trib_paged_list_get_loading (self->model))
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paged-list.retry", error != NULL);

  if (g_strcmp0 (old_state, gtk_stack_get_visible_child_name (self->stack)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Once, when the error comes: the state above is brought up to date at
 * each change of the list, several for one failure.
 */
static void
error_changed_cb (TribPagedListView *self)
{
  const GError *error = self->model != NULL ? trib_paged_list_get_error (self->model) : NULL;

  if (error != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    trib_toast_show_message (GTK_WIDGET (self), error->message);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TribPagedListView *self = TRIB_PAGED_LIST_VIEW (widget);

  if (self->model != NULL)
    trib_paged_list_load_more (self->model);
}

static void
trib_paged_list_view_dispose (GObject *object)
{
  TribPagedListView *self = (TribPagedListView *)object;

  if (self->model_signals != NULL)
    g_signal_group_set_target (self->model_signals, NULL);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_PAGED_LIST_VIEW);

  G_OBJECT_CLASS (trib_paged_list_view_parent_class)->dispose (object);
}

static void
trib_paged_list_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TribPagedListView *self = TRIB_PAGED_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, adw_bin_get_child (self->content_bin));
      break;

    case PROP_ERROR_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->error_page));
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, gtk_widget_has_css_class (GTK_WIDGET (self->empty_page), "compact"));
      break;

    case PROP_STATE:
      g_value_set_string (value, trib_paged_list_view_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_compact (TribPagedListView *self,
             gboolean           compact)
{
  GtkWidget *status_pages[] = { GTK_WIDGET (self->error_page), GTK_WIDGET (self->empty_page) };

  for (guint i = 0; i < G_N_ELEMENTS (status_pages); i++)
    if (compact)
      gtk_widget_add_css_class (status_pages[i], "compact");
    else
      gtk_widget_remove_css_class (status_pages[i], "compact");
}

static void
trib_paged_list_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TribPagedListView *self = TRIB_PAGED_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      trib_paged_list_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_CONTENT:
      adw_bin_set_child (self->content_bin, g_value_get_object (value));
      break;

    case PROP_ERROR_TITLE:
      adw_status_page_set_title (self->error_page, g_value_get_string (value));
      break;

    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;

    case PROP_COMPACT:
      set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_paged_list_view_class_init (TribPagedListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_paged_list_view_dispose;
  object_class->get_property = trib_paged_list_view_get_property;
  object_class->set_property = trib_paged_list_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, TRIB_TYPE_PAGED_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The list widget, which shows the model once it has items. */
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* For a list in a sidebar: smaller status pages. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* `loading`, `error`, `empty` or `list`. */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-paged-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribPagedListView, stack);
  gtk_widget_class_bind_template_child (widget_class, TribPagedListView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribPagedListView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribPagedListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TribPagedListView, content_bin);

  gtk_widget_class_install_action (widget_class, "paged-list.retry", NULL, retry_action);
}

static void
trib_paged_list_view_init (TribPagedListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model_signals = g_signal_group_new (TRIB_TYPE_PAGED_LIST);
  g_signal_group_connect_object (self->model_signals, "notify::loading", G_CALLBACK (update_state), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::error", G_CALLBACK (update_state), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::error", G_CALLBACK (error_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->model_signals, "notify::n-items", G_CALLBACK (update_state), self,
                                 G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "paged-list.retry", FALSE);
}

/**
 * trib_paged_list_view_get_model:
 * @self: a #TribPagedListView
 *
 * Returns: (transfer none) (nullable): the list shown
 */
TribPagedList *
trib_paged_list_view_get_model (TribPagedListView *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST_VIEW (self), NULL);

  return self->model;
}

/**
 * trib_paged_list_view_set_model:
 * @self: a #TribPagedListView
 * @model: (nullable): the list to show; the content shows its items
 *   through its own selection model
 */
void
trib_paged_list_view_set_model (TribPagedListView *self,
                                TribPagedList     *model)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST_VIEW (self));
  g_return_if_fail (!model || TRIB_IS_PAGED_LIST (model));

  if (!g_set_object (&self->model, model))
    return;

  g_signal_group_set_target (self->model_signals, model);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * trib_paged_list_view_set_empty:
 * @self: a #TribPagedListView
 * @title: what the empty list is, a title
 * @description: (nullable): why, or what to do
 *
 * What shows when the list has nothing, as it was asked for (a search
 * that found nothing is not an empty sandbox).
 */
void
trib_paged_list_view_set_empty (TribPagedListView *self,
                                const char        *title,
                                const char        *description)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST_VIEW (self));

  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
}

/**
 * trib_paged_list_view_get_state:
 * @self: a #TribPagedListView
 *
 * Returns: `loading`, `error`, `empty` or `list`
 */
const char *
trib_paged_list_view_get_state (TribPagedListView *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
