/* trib-body-view.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-body-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "trib-a11y-status.h"
#include "trib-body-view.h"
#include "trib-toast.h"

/* A call's request or response body on the Activity page: JSON,
 * highlighted, read-only, with a note above it (cut, or none kept) and
 * Copy. The text it is given is the request log's, redacted already.
 */
struct _TribBodyView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *note_label;
  GtkSourceView *source_view;
  GtkWidget *copy_button;
};

G_DEFINE_FINAL_TYPE (TribBodyView, trib_body_view, ADW_TYPE_BIN)

/* As the query editor does (trib-query-editor.c says why): before GTK
 * 4.14, with assistive technology on, schemes without text colours.
 */
static void
update_style_scheme (TribBodyView *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean plain = gtk_check_version (4, 14, 0) != NULL &&
                   trib_a11y_status_get_enabled (trib_a11y_status_get_default ());
  const char *id;

  if (plain)
    id = dark ? "tributary-plain-dark" : "tributary-plain";
  else
    id = dark ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view))),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribBodyView *self = TRIB_BODY_VIEW (widget);
  g_autofree char *text = trib_body_view_dup_text (self);

  if (text[0] == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  trib_toast_show_message (widget, _("Body copied"));
}

static void
trib_body_view_dispose (GObject *object)
{
  TribBodyView *self = TRIB_BODY_VIEW (object);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_BODY_VIEW);

  G_OBJECT_CLASS (trib_body_view_parent_class)->dispose (object);
}

static void
trib_body_view_class_init (TribBodyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_body_view_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-body-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribBodyView, note_label);
  gtk_widget_class_bind_template_child (widget_class, TribBodyView, source_view);
  gtk_widget_class_bind_template_child (widget_class, TribBodyView, copy_button);

  gtk_widget_class_install_action (widget_class, "body.copy", NULL, copy_action);
}

static void
trib_body_view_init (TribBodyView *self)
{
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  /* A long value breaks where it must, without a hyphen that is not in it. */
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "no-hyphens", "insert-hyphens", FALSE, NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (trib_a11y_status_get_default (), "notify::enabled",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "body.copy", FALSE);
}

/**
 * trib_body_view_set_body:
 * @self: a #TribBodyView
 * @text: (nullable): the body to show, already redacted
 * @note: (nullable): what to say above it: that it was cut, or why
 *   there is none
 */
void
trib_body_view_set_body (TribBodyView *self,
                         const char   *text,
                         const char   *note)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (TRIB_IS_BODY_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  /* A form (IMS's sign-in) is not JSON: highlighted as such it would be all errors. */
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer),
                                  text != NULL && (text[0] == '{' || text[0] == '[')
                                    ? gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "json")
                                    : NULL);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "no-hyphens", &start, &end);
  }
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->source_view), text != NULL);
  gtk_widget_set_visible (self->copy_button, text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "body.copy", text != NULL && text[0] != '\0');
}

const char *
trib_body_view_get_note (TribBodyView *self)
{
  g_return_val_if_fail (TRIB_IS_BODY_VIEW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->note_label)) ? gtk_label_get_label (self->note_label) : NULL;
}

/**
 * trib_body_view_dup_text:
 * @self: a #TribBodyView
 *
 * Returns: (transfer full): the body shown, "" for none
 */
char *
trib_body_view_dup_text (TribBodyView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TRIB_IS_BODY_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
