/* trib-run-mark.c
 *
 * The mark of a statement in the run results' list of statements
 * (trib-run-results-run*.ui): an icon for its state, and a word for
 * those who do not see it, both following the `state` the row binds.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-run-results"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-distiller-run.h"
#include "trib-run-mark.h"

struct _TribRunMark
{
  AdwBin parent_instance;

  GtkWidget *icon;
  guint state;
  const char *label;
};

G_DEFINE_FINAL_TYPE (TribRunMark, trib_run_mark, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_state_mark (TribDistillerRunState   state,
                const char            **icon_name,
                const char            **label,
                const char            **css_class)
{
  *css_class = NULL;

  switch (state)
    {
    case TRIB_DISTILLER_RUN_QUEUED:
      *icon_name = "task-due-symbolic";
      *label = _("Waiting");
      *css_class = "dim-label";
      break;

    case TRIB_DISTILLER_RUN_CONNECTING:
    case TRIB_DISTILLER_RUN_RUNNING:
      *icon_name = "content-loading-symbolic";
      /* Translators: the mark of a statement that is running */
      *label = _("Running");
      break;

    case TRIB_DISTILLER_RUN_DONE:
      *icon_name = "emblem-ok-symbolic";
      /* Translators: the mark of a statement that ran without error */
      *label = _("Succeeded");
      *css_class = "success";
      break;

    case TRIB_DISTILLER_RUN_FAILED:
      *icon_name = "dialog-error-symbolic";
      /* Translators: the mark of a statement that failed */
      *label = _("Failed");
      *css_class = "error";
      break;

    case TRIB_DISTILLER_RUN_CANCELLED:
      *icon_name = "process-stop-symbolic";
      *label = _("Cancelled");
      *css_class = "warning";
      break;

    case TRIB_DISTILLER_RUN_SKIPPED:
      *icon_name = "action-unavailable-symbolic";
      *label = _("Not run");
      *css_class = "dim-label";
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
show_state (TribRunMark *self)
{
  const char *icon_name, *css_class;

  get_state_mark (self->state, &icon_name, &self->label, &css_class);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_widget_set_css_classes (self->icon, (const char *[]) { css_class, NULL });
  gtk_widget_set_tooltip_text (self->icon, self->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
}

static void
trib_run_mark_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TribRunMark *self = TRIB_RUN_MARK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_run_mark_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TribRunMark *self = TRIB_RUN_MARK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      trib_run_mark_set_state (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_run_mark_class_init (TribRunMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = trib_run_mark_get_property;
  object_class->set_property = trib_run_mark_set_property;

  /**
   * TribRunMark:state:
   *
   * The #TribDistillerRunState of the statement marked.
   */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, TRIB_DISTILLER_RUN_SKIPPED, TRIB_DISTILLER_RUN_QUEUED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribRunMark:label:
   *
   * The word for the state, as the icon's tooltip and accessible name.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_run_mark_init (TribRunMark *self)
{
  self->icon = gtk_image_new ();
  adw_bin_set_child (ADW_BIN (self), self->icon);
  self->state = TRIB_DISTILLER_RUN_QUEUED;
  show_state (self);
}

guint
trib_run_mark_get_state (TribRunMark *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_MARK (self), 0);

  return self->state;
}

void
trib_run_mark_set_state (TribRunMark *self,
                         guint        state)
{
  g_return_if_fail (TRIB_IS_RUN_MARK (self));
  g_return_if_fail (state <= TRIB_DISTILLER_RUN_SKIPPED);

  if (self->state == state)
    return;

  self->state = state;
  show_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
trib_run_mark_get_label (TribRunMark *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_MARK (self), NULL);

  return self->label;
}
