/* trib-announcer.c
 *
 * What a window says when its state changes on its own (a query ends, a
 * filter matches, a toast shows), for those who do not see it change.
 *
 * GTK 4.8 has no gtk_accessible_announce() (4.14). The closest it has is
 * an object of the status role whose name is the last message: each
 * message changes the name, so AT-SPI sends
 * object:property-change:accessible-name, and a screen reader's "read
 * the status bar" command finds the message. It draws nothing and takes
 * no room.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-announcer"

#include "config.h"

#include "trib-announcer.h"

struct _TribAnnouncer
{
  GtkWidget parent_instance;

  char *message;
};

G_DEFINE_FINAL_TYPE (TribAnnouncer, trib_announcer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_announcer_finalize (GObject *object)
{
  TribAnnouncer *self = TRIB_ANNOUNCER (object);

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (trib_announcer_parent_class)->finalize (object);
}

static void
trib_announcer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribAnnouncer *self = TRIB_ANNOUNCER (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_announcer_class_init (TribAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trib_announcer_finalize;
  object_class->get_property = trib_announcer_get_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "announcer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
trib_announcer_init (TribAnnouncer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
trib_announcer_new (void)
{
  return g_object_new (TRIB_TYPE_ANNOUNCER, NULL);
}

/**
 * trib_announcer_announce:
 * @message: (nullable): what to say, one line of plain text
 *
 * Makes @message the announcer's accessible name. The same message
 * twice is said twice: the name is set again, and GTK sends the change
 * again.
 */
void
trib_announcer_announce (TribAnnouncer *self,
                         const char    *message)
{
  g_return_if_fail (TRIB_IS_ANNOUNCER (self));

  if (message == NULL || message[0] == '\0')
    return;

  g_free (self->message);
  self->message = g_strdup (message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
trib_announcer_get_message (TribAnnouncer *self)
{
  g_return_val_if_fail (TRIB_IS_ANNOUNCER (self), NULL);

  return self->message;
}
