/* trib-session-page.c
 *
 * What every page of the window over a session shares: the `session`
 * property the window's pages bind to its own, and one signal group on
 * that session, so that a page follows a sign-out, a profile switch or a
 * sandbox switch without the window telling each page.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-session-page"

#include "config.h"

#include "trib-session-page.h"

typedef struct
{
  TribSession *session;
  GSignalGroup *session_signals;
} TribSessionPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TribSessionPage, trib_session_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sandbox_changed_cb (TribSessionPage *self)
{
  TRIB_SESSION_PAGE_GET_CLASS (self)->sandbox_changed (self);
}

static void
trib_session_page_real_session_changed (TribSessionPage *self)
{
}

static void
trib_session_page_real_sandbox_changed (TribSessionPage *self)
{
  TRIB_SESSION_PAGE_GET_CLASS (self)->session_changed (self);
}

static void
trib_session_page_dispose (GObject *object)
{
  TribSessionPage *self = (TribSessionPage *)object;
  TribSessionPagePrivate *priv = trib_session_page_get_instance_private (self);

  if (priv->session_signals != NULL)
    g_signal_group_set_target (priv->session_signals, NULL);
  g_clear_object (&priv->session_signals);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (trib_session_page_parent_class)->dispose (object);
}

static void
trib_session_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribSessionPage *self = TRIB_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, trib_session_page_get_session (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_session_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribSessionPage *self = TRIB_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      trib_session_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_session_page_class_init (TribSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_session_page_dispose;
  object_class->get_property = trib_session_page_get_property;
  object_class->set_property = trib_session_page_set_property;

  klass->session_changed = trib_session_page_real_session_changed;
  klass->sandbox_changed = trib_session_page_real_sandbox_changed;

  /**
   * TribSessionPage:session: (nullable)
   *
   * The signed-in session the page shows; %NULL when signed out.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRIB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_session_page_init (TribSessionPage *self)
{
  TribSessionPagePrivate *priv = trib_session_page_get_instance_private (self);

  priv->session_signals = g_signal_group_new (TRIB_TYPE_SESSION);
  g_signal_group_connect_object (priv->session_signals, "notify::sandbox",
                                 G_CALLBACK (sandbox_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * trib_session_page_get_session:
 * @self: a #TribSessionPage
 *
 * Returns: (transfer none) (nullable): the session the page shows
 */
TribSession *
trib_session_page_get_session (TribSessionPage *self)
{
  TribSessionPagePrivate *priv = trib_session_page_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_SESSION_PAGE (self), NULL);

  return priv->session;
}

/**
 * trib_session_page_set_session:
 * @self: a #TribSessionPage
 * @session: (nullable): the session to show
 */
void
trib_session_page_set_session (TribSessionPage *self,
                               TribSession     *session)
{
  TribSessionPagePrivate *priv = trib_session_page_get_instance_private (self);

  g_return_if_fail (TRIB_IS_SESSION_PAGE (self));
  g_return_if_fail (!session || TRIB_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  g_signal_group_set_target (priv->session_signals, session);
  TRIB_SESSION_PAGE_GET_CLASS (self)->session_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * trib_session_page_get_session_signals:
 * @self: a #TribSessionPage
 *
 * For a page that follows more of its session than the sandbox: its
 * handlers, connected once in its init, follow the session it shows.
 *
 * Returns: (transfer none): the group of signals on the session
 */
GSignalGroup *
trib_session_page_get_session_signals (TribSessionPage *self)
{
  TribSessionPagePrivate *priv = trib_session_page_get_instance_private (self);

  g_return_val_if_fail (TRIB_IS_SESSION_PAGE (self), NULL);

  return priv->session_signals;
}

/**
 * trib_session_page_get_client:
 * @self: a #TribSessionPage
 *
 * Returns: (transfer none) (nullable): the session's client, %NULL
 *   without a session
 */
TribPlatformClient *
trib_session_page_get_client (TribSessionPage *self)
{
  TribSession *session = trib_session_page_get_session (self);

  return session != NULL ? trib_session_get_client (session) : NULL;
}

/**
 * trib_session_page_has_sandbox:
 * @self: a #TribSessionPage
 *
 * Returns: whether there is a session, in a sandbox, to ask the platform
 *   about
 */
gboolean
trib_session_page_has_sandbox (TribSessionPage *self)
{
  TribSession *session = trib_session_page_get_session (self);

  return session != NULL && trib_session_get_sandbox (session) != NULL;
}
