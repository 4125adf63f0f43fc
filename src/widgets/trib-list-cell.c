/* trib-list-cell.c
 *
 * The child of a list item declared in a .ui file, which names the row
 * it is in for assistive technologies: rows are recycled, so its
 * `row-name` is bound (or set at bind) to what the item shows, and the
 * row takes the name whenever it changes, or once the cell is in it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-list-cell"

#include "config.h"

#include "trib-a11y.h"
#include "trib-list-cell.h"

struct _TribListCell
{
  AdwBin parent_instance;

  char *row_name;
};

G_DEFINE_FINAL_TYPE (TribListCell, trib_list_cell, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ROW_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
name_row (TribListCell *self)
{
  GtkWidget *row = trib_a11y_find_row (GTK_WIDGET (self));

  if (row != NULL)
    trib_a11y_set_label (row, self->row_name);
}

static void
trib_list_cell_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trib_list_cell_parent_class)->root (widget);

  name_row (TRIB_LIST_CELL (widget));
}

static void
trib_list_cell_finalize (GObject *object)
{
  TribListCell *self = (TribListCell *)object;

  g_clear_pointer (&self->row_name, g_free);

  G_OBJECT_CLASS (trib_list_cell_parent_class)->finalize (object);
}

static void
trib_list_cell_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribListCell *self = TRIB_LIST_CELL (object);

  switch (prop_id)
    {
    case PROP_ROW_NAME:
      g_value_set_string (value, self->row_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_list_cell_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TribListCell *self = TRIB_LIST_CELL (object);

  switch (prop_id)
    {
    case PROP_ROW_NAME:
      trib_list_cell_set_row_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_list_cell_class_init (TribListCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trib_list_cell_finalize;
  object_class->get_property = trib_list_cell_get_property;
  object_class->set_property = trib_list_cell_set_property;

  widget_class->root = trib_list_cell_root;

  /**
   * TribListCell:row-name: (nullable)
   *
   * The accessible name of the row the cell is in, as a screen reader
   * reads the row; %NULL for none.
   */
  properties[PROP_ROW_NAME] =
    g_param_spec_string ("row-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_list_cell_init (TribListCell *self)
{
}

const char *
trib_list_cell_get_row_name (TribListCell *self)
{
  g_return_val_if_fail (TRIB_IS_LIST_CELL (self), NULL);

  return self->row_name;
}

void
trib_list_cell_set_row_name (TribListCell *self,
                             const char   *row_name)
{
  g_return_if_fail (TRIB_IS_LIST_CELL (self));

  if (g_strcmp0 (self->row_name, row_name) == 0)
    return;

  g_free (self->row_name);
  self->row_name = g_strdup (row_name);

  name_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_NAME]);
}
