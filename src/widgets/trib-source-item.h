/* trib-source-item.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-connection-spec.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SOURCE_ITEM (trib_source_item_get_type ())

/* The accounts were not counted (yet, or the platform would not say). */
#define TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN G_MAXUINT

G_DECLARE_FINAL_TYPE (TribSourceItem, trib_source_item, TRIB, SOURCE_ITEM, GObject)

TribSourceItem     *trib_source_item_new            (TribConnectionSpec *spec);
TribConnectionSpec *trib_source_item_get_spec       (TribSourceItem     *self);
const char         *trib_source_item_get_name       (TribSourceItem     *self);
const char         *trib_source_item_get_category   (TribSourceItem     *self);
guint               trib_source_item_get_n_accounts (TribSourceItem     *self);
void                trib_source_item_set_n_accounts (TribSourceItem     *self,
                                                     guint               n_accounts);

G_END_DECLS
