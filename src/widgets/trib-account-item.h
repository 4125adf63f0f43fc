/* trib-account-item.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "trib-connection.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ACCOUNT_ITEM (trib_account_item_get_type ())

G_DECLARE_FINAL_TYPE (TribAccountItem, trib_account_item, TRIB, ACCOUNT_ITEM, GObject)

TribAccountItem *trib_account_item_new            (TribConnection  *connection,
                                                   const char      *connector);
TribConnection  *trib_account_item_get_connection (TribAccountItem *self);
const char      *trib_account_item_get_name       (TribAccountItem *self);
const char      *trib_account_item_get_connector  (TribAccountItem *self);
const char      *trib_account_item_get_state      (TribAccountItem *self);
const char      *trib_account_item_get_created    (TribAccountItem *self);
char            *trib_account_item_dup_row_name   (TribAccountItem *self);

G_END_DECLS
