/* trib-list-slot.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRIB_TYPE_LIST_SLOT (trib_list_slot_get_type ())

G_DECLARE_FINAL_TYPE (TribListSlot, trib_list_slot, TRIB, LIST_SLOT, GObject)

TribListSlot *trib_list_slot_new      (gpointer      item);
gpointer      trib_list_slot_get_item (TribListSlot *self);
void          trib_list_slot_set_item (TribListSlot *self,
                                       gpointer      item);

G_END_DECLS
