/* trib-tooltip-bin.c
 *
 * A bin whose tooltip is its `text`, for what a list's row shows on
 * hover. GTK 4.8's gtk_widget_set_tooltip_text() on a shown widget asks
 * where the pointer is, which on X11 is two round trips to the server
 * (the client pointer, then the pointer's position): a list binding its
 * rows, each with its tooltip, waited on the X server for each row, and
 * opening a folder of 10,000 files stalled the window 130 ms. Here the
 * text is only given when GTK asks for the tooltip. Like a widget's
 * tooltip text, it is also the accessible description of the child.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-tooltip-bin"

#include "config.h"

#include "trib-tooltip-bin.h"

struct _TribTooltipBin
{
  AdwBin parent_instance;

  char *text;
};

G_DEFINE_FINAL_TYPE (TribTooltipBin, trib_tooltip_bin, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
describe_child (TribTooltipBin *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  if (child == NULL)
    return;

  if (self->text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
notify_child_cb (TribTooltipBin *self,
                 GParamSpec     *pspec,
                 gpointer        user_data)
{
  describe_child (self);
}

static gboolean
query_tooltip_cb (TribTooltipBin *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  gpointer        user_data)
{
  if (self->text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);

  return TRUE;
}

static void
trib_tooltip_bin_finalize (GObject *object)
{
  TribTooltipBin *self = (TribTooltipBin *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (trib_tooltip_bin_parent_class)->finalize (object);
}

static void
trib_tooltip_bin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribTooltipBin *self = TRIB_TOOLTIP_BIN (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_tooltip_bin_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribTooltipBin *self = TRIB_TOOLTIP_BIN (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      trib_tooltip_bin_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_tooltip_bin_class_init (TribTooltipBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_tooltip_bin_finalize;
  object_class->get_property = trib_tooltip_bin_get_property;
  object_class->set_property = trib_tooltip_bin_set_property;

  /**
   * TribTooltipBin:text: (nullable)
   *
   * What the tooltip says; %NULL or empty for no tooltip.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_tooltip_bin_init (TribTooltipBin *self)
{
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::child", G_CALLBACK (notify_child_cb), NULL);
}

const char *
trib_tooltip_bin_get_text (TribTooltipBin *self)
{
  g_return_val_if_fail (TRIB_IS_TOOLTIP_BIN (self), NULL);

  return self->text;
}

void
trib_tooltip_bin_set_text (TribTooltipBin *self,
                           const char     *text)
{
  g_return_if_fail (TRIB_IS_TOOLTIP_BIN (self));

  /* As gtk_widget_set_tooltip_text(), empty is none. */
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  /* Only says that there is one: asks the X server nothing. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), self->text != NULL);
  describe_child (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
