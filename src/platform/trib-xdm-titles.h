/* trib-xdm-titles.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-platform-client.h"
#include "trib-xdm-resource.h"

G_BEGIN_DECLS

#define TRIB_TYPE_XDM_TITLES (trib_xdm_titles_get_type ())

G_DECLARE_FINAL_TYPE (TribXdmTitles, trib_xdm_titles, TRIB, XDM_TITLES, GObject)

TribXdmTitles *trib_xdm_titles_new      (TribPlatformClient *client);
const char    *trib_xdm_titles_lookup   (TribXdmTitles      *self,
                                         TribXdmKind         kind,
                                         const char         *id);
void           trib_xdm_titles_remember (TribXdmTitles      *self,
                                         const char         *id,
                                         const char         *title);

G_END_DECLS
