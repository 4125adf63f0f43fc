/* trib-grid-slots.c
 *
 * The rows a grid has room for, as the items of its list: the result
 * grid's, and the datasets list's.
 *
 * A GTK 4.8 list view lays the whole window out again at each step it
 * scrolls: every move of its adjustment queues a resize, which goes up
 * to the window, and then lays out its own rows. In the app's window
 * that made scrolling the grid cost a quarter more than a bare column
 * view. So the grid's list does not scroll: its items are as many slots
 * as rows fit, bound once, and the grid scrolls by whole rows, each slot
 * standing for the row at the offset plus its index (TribGridScroller
 * moves the offset). The cells then only read other values.
 *
 * The datasets list is made this way for another reason: GTK 4.8 keeps
 * 200 rows around the ones in sight, and binds them all again each time
 * the list jumps, as it does when a reader follows its growing end.
 *
 * The result grid's slots are result rows moved along (TribResultRow);
 * any other list's are TribListSlot, each given the item it stands for.
 *
 * The selection is that of the rows, kept by the model below; the slots
 * pass it on, moved by the offset. A range GTK selects from the row it
 * last selected (Shift and a click or an arrow) starts from that row,
 * wherever the grid has scrolled since.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-grid-slots"

#include "config.h"

#include "trib-grid-slots.h"
#include "trib-list-slot.h"
#include "trib-result-row.h"

typedef enum {
  SLOT_KEPT,
  SLOT_MOVED,
  SLOT_OTHER,                   /* cannot stand for that row */
} SlotMove;

typedef struct
{
  GType    (*get_type) (void);
  gpointer (*make)     (gpointer row);
  SlotMove (*move)     (gpointer slot,
                        gpointer row);
} SlotKind;

struct _TribGridSlots
{
  GObject parent_instance;

  const SlotKind *kind;
  GtkSelectionModel *rows;
  GPtrArray *slots;             /* moved along */
  guint n_slots;
  guint offset;
  guint anchor_row;             /* that a range extends from */
  guint anchor_slot;            /* where GTK's list has it */
};

enum {
  PROP_0,
  PROP_OFFSET,
  N_PROPS
};

enum {
  MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void list_model_iface_init      (GListModelInterface         *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribGridSlots, trib_grid_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      selection_model_iface_init))

static gpointer
make_result_slot (gpointer row)
{
  return trib_result_row_new (trib_result_row_get_model (row), trib_result_row_get_position (row));
}

/* Slots of another result are other items, which GTK binds anew. */
static SlotMove
move_result_slot (gpointer slot,
                  gpointer row)
{
  guint position = trib_result_row_get_position (row);

  if (trib_result_row_get_model (slot) != trib_result_row_get_model (row))
    return SLOT_OTHER;
  if (trib_result_row_get_position (slot) == position)
    return SLOT_KEPT;

  trib_result_row_set_position (slot, position);
  return SLOT_MOVED;
}

static const SlotKind result_slots = {
  trib_result_row_get_type, make_result_slot, move_result_slot,
};

static gpointer
make_item_slot (gpointer item)
{
  return trib_list_slot_new (item);
}

static SlotMove
move_item_slot (gpointer slot,
                gpointer item)
{
  if (trib_list_slot_get_item (slot) == item)
    return SLOT_KEPT;

  trib_list_slot_set_item (slot, item);
  return SLOT_MOVED;
}

static const SlotKind item_slots = {
  trib_list_slot_get_type, make_item_slot, move_item_slot,
};

static GType
trib_grid_slots_get_item_type (GListModel *model)
{
  return TRIB_GRID_SLOTS (model)->kind->get_type ();
}

static guint
trib_grid_slots_get_n_items (GListModel *model)
{
  return TRIB_GRID_SLOTS (model)->slots->len;
}

static gpointer
trib_grid_slots_get_item (GListModel *model,
                          guint       position)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);

  if (position >= self->slots->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_grid_slots_get_item_type;
  iface->get_n_items = trib_grid_slots_get_n_items;
  iface->get_item = trib_grid_slots_get_item;
}

static gboolean
trib_grid_slots_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);

  return gtk_selection_model_is_selected (self->rows, self->offset + position);
}

static GtkBitset *
trib_grid_slots_get_selection_in_range (GtkSelectionModel *model,
                                        guint              position,
                                        guint              n_items)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);
  GtkBitset *selected = gtk_selection_model_get_selection_in_range (self->rows,
                                                                    self->offset + position,
                                                                    n_items);

  gtk_bitset_shift_left (selected, self->offset);

  return selected;
}

static void
remember_anchor (TribGridSlots *self,
                 guint          position)
{
  self->anchor_slot = position;
  self->anchor_row = self->offset + position;
}

static gboolean
trib_grid_slots_select_item (GtkSelectionModel *model,
                             guint              position,
                             gboolean           unselect_rest)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);

  remember_anchor (self, position);

  return gtk_selection_model_select_item (self->rows, self->offset + position, unselect_rest);
}

static gboolean
trib_grid_slots_unselect_item (GtkSelectionModel *model,
                               guint              position)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);

  remember_anchor (self, position);

  return gtk_selection_model_unselect_item (self->rows, self->offset + position);
}

/* GTK extends a selection from the slot it last selected, which has
 * shown other rows since the grid scrolled: the range runs from the row
 * that was selected there to the row the other end shows.
 */
static void
rows_of_range (TribGridSlots *self,
               guint          position,
               guint          n_items,
               guint         *first,
               guint         *n_rows)
{
  guint last_slot = position + n_items - 1;
  guint other_end;

  if (self->anchor_row == G_MAXUINT || n_items == 0 ||
      (self->anchor_slot != position && self->anchor_slot != last_slot))
    {
      *first = self->offset + position;
      *n_rows = n_items;
      return;
    }

  other_end = self->offset + (self->anchor_slot == position ? last_slot : position);
  *first = MIN (self->anchor_row, other_end);
  *n_rows = MAX (self->anchor_row, other_end) - *first + 1;
}

static gboolean
trib_grid_slots_select_range (GtkSelectionModel *model,
                              guint              position,
                              guint              n_items,
                              gboolean           unselect_rest)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);
  guint first, n_rows;

  rows_of_range (self, position, n_items, &first, &n_rows);

  return gtk_selection_model_select_range (self->rows, first, n_rows, unselect_rest);
}

static gboolean
trib_grid_slots_unselect_range (GtkSelectionModel *model,
                                guint              position,
                                guint              n_items)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);
  guint first, n_rows;

  rows_of_range (self, position, n_items, &first, &n_rows);

  return gtk_selection_model_unselect_range (self->rows, first, n_rows);
}

static gboolean
trib_grid_slots_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (TRIB_GRID_SLOTS (model)->rows);
}

static gboolean
trib_grid_slots_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (TRIB_GRID_SLOTS (model)->rows);
}

static gboolean
trib_grid_slots_set_selection (GtkSelectionModel *model,
                               GtkBitset         *selected,
                               GtkBitset         *mask)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (model);
  g_autoptr(GtkBitset) rows_selected = gtk_bitset_copy (selected);
  g_autoptr(GtkBitset) rows_mask = gtk_bitset_copy (mask);

  gtk_bitset_shift_right (rows_selected, self->offset);
  gtk_bitset_shift_right (rows_mask, self->offset);

  return gtk_selection_model_set_selection (self->rows, rows_selected, rows_mask);
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = trib_grid_slots_is_selected;
  iface->get_selection_in_range = trib_grid_slots_get_selection_in_range;
  iface->select_item = trib_grid_slots_select_item;
  iface->unselect_item = trib_grid_slots_unselect_item;
  iface->select_range = trib_grid_slots_select_range;
  iface->unselect_range = trib_grid_slots_unselect_range;
  iface->select_all = trib_grid_slots_select_all;
  iface->unselect_all = trib_grid_slots_unselect_all;
  iface->set_selection = trib_grid_slots_set_selection;
}

/* Points each slot at the row it now stands for, as many slots as there
 * are rows from the offset on, and says what changed.
 */
static void
update (TribGridSlots *self,
        gboolean       moved)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint old_len = self->slots->len;
  guint new_len;
  guint kept;

  if (self->offset > 0 && self->offset >= n_rows)
    {
      self->offset = n_rows > 0 ? n_rows - 1 : 0;
      moved = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET]);
    }
  new_len = MIN (self->n_slots, n_rows - self->offset);

  for (kept = 0; kept < MIN (old_len, new_len); kept++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows),
                                                      self->offset + kept);
      SlotMove move = self->kind->move (g_ptr_array_index (self->slots, kept), row);

      if (move == SLOT_OTHER)
        break;
      if (move == SLOT_MOVED)
        moved = TRUE;
    }

  g_ptr_array_set_size (self->slots, kept);
  for (guint i = kept; i < new_len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->offset + i);

      g_ptr_array_add (self->slots, self->kind->make (row));
    }

  if (old_len != new_len || kept < old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_len - kept, new_len - kept);
  if (moved && kept > 0)
    {
      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, kept);
      g_signal_emit (self, signals[MOVED], 0);
    }
}

static void
rows_items_changed_cb (TribGridSlots *self,
                       guint          position,
                       guint          removed,
                       guint          added)
{
  /* Rows coming after it leave the row a selection extends from. */
  if (self->anchor_row != G_MAXUINT && position <= self->anchor_row)
    self->anchor_row = G_MAXUINT;

  update (self, FALSE);
}

static void
rows_selection_changed_cb (TribGridSlots *self,
                           guint          position,
                           guint          n_items)
{
  guint first = MAX (position, self->offset);
  guint end = MIN (position + n_items, self->offset + self->slots->len);

  if (first < end)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self),
                                           first - self->offset, end - first);
}

static void
trib_grid_slots_dispose (GObject *object)
{
  TribGridSlots *self = (TribGridSlots *) object;

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (trib_grid_slots_parent_class)->dispose (object);
}

static void
trib_grid_slots_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribGridSlots *self = TRIB_GRID_SLOTS (object);

  switch (prop_id)
    {
    case PROP_OFFSET:
      g_value_set_uint (value, self->offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_grid_slots_class_init (TribGridSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_grid_slots_dispose;
  object_class->get_property = trib_grid_slots_get_property;

  /**
   * TribGridSlots:offset:
   *
   * The row the first slot stands for.
   */
  properties[PROP_OFFSET] =
    g_param_spec_uint ("offset", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribGridSlots::moved:
   *
   * The slots stand for other rows: their cells read them again.
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_grid_slots_init (TribGridSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->anchor_row = G_MAXUINT;
}

static TribGridSlots *
new_slots (GtkSelectionModel *rows,
           const SlotKind    *kind)
{
  TribGridSlots *self = g_object_new (TRIB_TYPE_GRID_SLOTS, NULL);

  self->kind = kind;
  self->rows = g_object_ref (rows);
  g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (rows_items_changed_cb), self);
  g_signal_connect_swapped (rows, "selection-changed",
                            G_CALLBACK (rows_selection_changed_cb), self);

  return self;
}

/**
 * trib_grid_slots_new:
 * @rows: the rows, of `TribResultRow`, and their selection
 *
 * Returns: slots that are `TribResultRow`s, moved along the rows
 */
TribGridSlots *
trib_grid_slots_new (GtkSelectionModel *rows)
{
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (rows), NULL);

  return new_slots (rows, &result_slots);
}

/**
 * trib_grid_slots_new_for_items:
 * @items: the items, and their selection
 *
 * Returns: slots that are `TribListSlot`s, each given the item it
 *   stands for
 */
TribGridSlots *
trib_grid_slots_new_for_items (GtkSelectionModel *items)
{
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (items), NULL);

  return new_slots (items, &item_slots);
}

/**
 * trib_grid_slots_get_rows:
 *
 * Returns: (transfer none): all the rows, and their selection
 */
GtkSelectionModel *
trib_grid_slots_get_rows (TribGridSlots *self)
{
  g_return_val_if_fail (TRIB_IS_GRID_SLOTS (self), NULL);

  return self->rows;
}

guint
trib_grid_slots_get_offset (TribGridSlots *self)
{
  g_return_val_if_fail (TRIB_IS_GRID_SLOTS (self), 0);

  return self->offset;
}

void
trib_grid_slots_set_offset (TribGridSlots *self,
                            guint          offset)
{
  g_return_if_fail (TRIB_IS_GRID_SLOTS (self));

  if (self->offset == offset)
    return;

  self->offset = offset;
  update (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET]);
}

guint
trib_grid_slots_get_n_slots (TribGridSlots *self)
{
  g_return_val_if_fail (TRIB_IS_GRID_SLOTS (self), 0);

  return self->n_slots;
}

/**
 * trib_grid_slots_set_n_slots:
 *
 * Sets how many rows the grid has room for.
 */
void
trib_grid_slots_set_n_slots (TribGridSlots *self,
                             guint          n_slots)
{
  g_return_if_fail (TRIB_IS_GRID_SLOTS (self));

  if (self->n_slots == n_slots)
    return;

  self->n_slots = n_slots;
  update (self, FALSE);
}
