/* trib-grid-scroller-keys.c
 *
 * The keys that move a grid's focus past the rows in sight (Up, Down,
 * Page Up, Page Down, Home, End): they move the rows, then the focus
 * and the selection as the list's own keys would have.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-grid-scroller"

#include "config.h"

#include "trib-grid-scroller-private.h"

/* Returns: the index of the row widget that has the keyboard's focus,
 * or -1
 */
static int
get_focus_slot (TribGridScroller *self)
{
  GtkWidget *list = _trib_grid_scroller_get_row_list (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int slot = 0;

  if (list == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return -1;

  while (gtk_widget_get_parent (focus) != list)
    focus = gtk_widget_get_parent (focus);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != focus;
       row = gtk_widget_get_next_sibling (row))
    slot++;

  return slot;
}

static GtkWidget *
get_slot_widget (TribGridScroller *self,
                 guint             slot)
{
  GtkWidget *row = gtk_widget_get_first_child (_trib_grid_scroller_get_row_list (self));

  for (guint i = 0; row != NULL && i < slot; i++)
    row = gtk_widget_get_next_sibling (row);

  return row;
}

/* Moves the rows as little as needed from @offset for @row to be wholly
 * in sight. Returns: (nullable): the row of widgets that shows it
 */
static GtkWidget *
bring_into_sight (TribGridScroller *self,
                  guint             row,
                  guint             offset)
{
  guint page = MAX (self->n_in_sight, 1);

  if (row < offset)
    offset = row;
  else if (row >= offset + page)
    offset = row - page + 1;
  gtk_adjustment_set_value (self->adjustment, offset);

  offset = trib_grid_slots_get_offset (self->slots);
  if (row < offset)
    return NULL;

  return get_slot_widget (self, row - offset);
}

/* The keys that move the focus past the rows in sight move the rows,
 * then the focus and the selection as the list's own keys do: Ctrl only
 * moves the focus, Shift extends the selection.
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TribGridScroller      *self)
{
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  guint n_rows = _trib_grid_scroller_get_n_rows (self);
  guint page = MAX (self->n_in_sight, 1);
  int slot;
  guint offset, row, target;
  GtkWidget *target_widget;

  if ((state & ~(GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_LOCK_MASK)) != 0 ||
      self->slots == NULL || n_rows == 0 || (slot = get_focus_slot (self)) < 0)
    return GDK_EVENT_PROPAGATE;

  offset = trib_grid_slots_get_offset (self->slots);
  row = offset + slot;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (slot > 0 || row == 0)
        return GDK_EVENT_PROPAGATE;
      target = row - 1;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if ((guint) slot + 1 < page || row + 1 >= n_rows)
        return GDK_EVENT_PROPAGATE;
      target = row + 1;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = row > page ? row - page : 0;
      offset = offset > page ? offset - page : 0;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = MIN (row + page, n_rows - 1);
      offset += page;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n_rows - 1;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  target_widget = bring_into_sight (self, target, offset);
  if (target_widget == NULL || !gtk_widget_grab_focus (target_widget))
    return GDK_EVENT_STOP;

  offset = trib_grid_slots_get_offset (self->slots);

  if (!control || shift)
    gtk_widget_activate_action (_trib_grid_scroller_get_row_list (self), "list.select-item", "(ubb)",
                                target - offset, control && shift, shift);

  return GDK_EVENT_STOP;
}

void
_trib_grid_scroller_init_keys (TribGridScroller *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  /* Before the list sees them. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * trib_grid_scroller_focus_row:
 * @row: a row of the list, all rows counted
 *
 * Moves the rows as little as needed for @row to be wholly in sight, and
 * gives the keyboard focus to the row of widgets that shows it.
 *
 * Returns: whether that row of widgets has the focus
 */
gboolean
trib_grid_scroller_focus_row (TribGridScroller *self,
                              guint             row)
{
  GtkWidget *widget;

  g_return_val_if_fail (TRIB_IS_GRID_SCROLLER (self), FALSE);

  if (self->slots == NULL || row >= _trib_grid_scroller_get_n_rows (self))
    return FALSE;

  widget = bring_into_sight (self, row, trib_grid_slots_get_offset (self->slots));

  return widget != NULL && gtk_widget_grab_focus (widget);
}
