/* trib-session-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SESSION_PAGE (trib_session_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (TribSessionPage, trib_session_page, TRIB, SESSION_PAGE, AdwBin)

/**
 * TribSessionPageClass:
 * @session_changed: the page shows another session, or none; called
 *   once the property holds it, before it is notified
 * @sandbox_changed: the session switched sandboxes; by default,
 *   @session_changed
 *
 * A page of the window over the session it shows.
 */
struct _TribSessionPageClass
{
  AdwBinClass parent_class;

  void (*session_changed) (TribSessionPage *self);
  void (*sandbox_changed) (TribSessionPage *self);

  /*< private >*/
  gpointer padding[4];
};

TribSession  *trib_session_page_get_session         (TribSessionPage *self);
void          trib_session_page_set_session         (TribSessionPage *self,
                                                     TribSession     *session);
GSignalGroup *trib_session_page_get_session_signals (TribSessionPage *self);
TribPlatformClient *trib_session_page_get_client    (TribSessionPage *self);
gboolean      trib_session_page_has_sandbox         (TribSessionPage *self);

G_END_DECLS
