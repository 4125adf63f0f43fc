/* trib-list-slot.c
 *
 * One row of a list that holds only the rows in sight (TribGridSlots):
 * it stands for one item, then for another as the list scrolls, and the
 * cells bound to it show the item it stands for at each change.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-list-slot"

#include "config.h"

#include "trib-list-slot.h"

struct _TribListSlot
{
  GObject parent_instance;

  GObject *item;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribListSlot, trib_list_slot, G_TYPE_OBJECT)

static void
trib_list_slot_dispose (GObject *object)
{
  TribListSlot *self = (TribListSlot *) object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (trib_list_slot_parent_class)->dispose (object);
}

static void
trib_list_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribListSlot *self = TRIB_LIST_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_list_slot_class_init (TribListSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_list_slot_dispose;
  object_class->get_property = trib_list_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_list_slot_init (TribListSlot *self)
{
}

/**
 * trib_list_slot_new:
 * @item: (type GObject): the item it stands for first
 */
TribListSlot *
trib_list_slot_new (gpointer item)
{
  TribListSlot *self;

  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  self = g_object_new (TRIB_TYPE_LIST_SLOT, NULL);
  self->item = g_object_ref (item);

  return self;
}

/**
 * trib_list_slot_get_item:
 *
 * Returns: (transfer none) (type GObject): the item it stands for
 */
gpointer
trib_list_slot_get_item (TribListSlot *self)
{
  g_return_val_if_fail (TRIB_IS_LIST_SLOT (self), NULL);

  return self->item;
}

/**
 * trib_list_slot_set_item:
 * @item: (type GObject): the item it stands for now
 */
void
trib_list_slot_set_item (TribListSlot *self,
                         gpointer      item)
{
  g_return_if_fail (TRIB_IS_LIST_SLOT (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
