/* trib-a11y-status.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-a11y-status"

#include "config.h"

#include "trib-a11y-status.h"

/* Whether assistive technology is on, as the desktop says on the session
 * bus (org.a11y.Status of org.a11y.Bus): a screen reader, or any other
 * client of the accessibility bus, sets IsEnabled or
 * ScreenReaderEnabled. Followed as it changes; FALSE while unknown.
 */
struct _TribA11yStatus
{
  GObject parent_instance;

  GCancellable *cancellable;
  GDBusProxy *proxy;
  gboolean enabled;
};

G_DEFINE_FINAL_TYPE (TribA11yStatus, trib_a11y_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
get_flag (GDBusProxy *proxy,
          const char *name)
{
  g_autoptr(GVariant) value = g_dbus_proxy_get_cached_property (proxy, name);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean (value);
}

static void
update (TribA11yStatus *self)
{
  gboolean enabled = self->proxy != NULL &&
                     (get_flag (self->proxy, "IsEnabled") || get_flag (self->proxy, "ScreenReaderEnabled"));

  if (enabled == self->enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

static void
proxy_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TribA11yStatus) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy;

  if (!(proxy = g_dbus_proxy_new_for_bus_finish (result, &error)))
    {
      /* No session bus (a sandbox without one): no assistive technology
       * can reach us either.
       */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Accessibility status unknown: %s", error->message);
      return;
    }

  self->proxy = proxy;
  g_signal_connect_object (proxy, "g-properties-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (proxy, "notify::g-name-owner", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
trib_a11y_status_dispose (GObject *object)
{
  TribA11yStatus *self = (TribA11yStatus *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->proxy);

  G_OBJECT_CLASS (trib_a11y_status_parent_class)->dispose (object);
}

static void
trib_a11y_status_finalize (GObject *object)
{
  TribA11yStatus *self = (TribA11yStatus *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (trib_a11y_status_parent_class)->finalize (object);
}

static void
trib_a11y_status_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribA11yStatus *self = TRIB_A11Y_STATUS (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_a11y_status_class_init (TribA11yStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_a11y_status_dispose;
  object_class->finalize = trib_a11y_status_finalize;
  object_class->get_property = trib_a11y_status_get_property;

  /**
   * TribA11yStatus:enabled:
   *
   * Whether assistive technology is on.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_a11y_status_init (TribA11yStatus *self)
{
  self->cancellable = g_cancellable_new ();

  /* Not started for us: the desktop runs it when accessibility is on. */
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION, G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START, NULL,
                            "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status",
                            self->cancellable, proxy_ready_cb, g_object_ref (self));
}

/**
 * trib_a11y_status_get_default:
 *
 * Returns: (transfer none): the process's accessibility status
 */
TribA11yStatus *
trib_a11y_status_get_default (void)
{
  static TribA11yStatus *status;

  if (status == NULL)
    status = g_object_new (TRIB_TYPE_A11Y_STATUS, NULL);

  return status;
}

gboolean
trib_a11y_status_get_enabled (TribA11yStatus *self)
{
  g_return_val_if_fail (TRIB_IS_A11Y_STATUS (self), FALSE);

  return self->enabled;
}
