/* trib-mapping-column-row.c
 *
 * A source column of the Mapping step, laid out by its template
 * (ui/trib-mapping-column-row.ui): its name, its XDM type, and where it
 * goes, as the page describes it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-page"

#include "config.h"

#include "trib-mapping-column-row.h"

struct _TribMappingColumnRow
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *type_label;
  GtkLabel *target_label;
};

G_DEFINE_FINAL_TYPE (TribMappingColumnRow, trib_mapping_column_row, ADW_TYPE_BIN)

static void
trib_mapping_column_row_class_init (TribMappingColumnRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-mapping-column-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TribMappingColumnRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribMappingColumnRow, type_label);
  gtk_widget_class_bind_template_child (widget_class, TribMappingColumnRow, target_label);
}

static void
trib_mapping_column_row_init (TribMappingColumnRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_mapping_column_row_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
trib_mapping_column_row_new (void)
{
  return g_object_new (TRIB_TYPE_MAPPING_COLUMN_ROW, NULL);
}

/**
 * trib_mapping_column_row_show:
 * @self: a #TribMappingColumnRow
 * @column: the source column's name
 * @type: (nullable): its XDM type
 * @goes: what the row says of its target, such as "→ OrderID"
 * @target: (nullable): the target's whole path, for the tooltip
 */
void
trib_mapping_column_row_show (TribMappingColumnRow *self,
                              const char           *column,
                              const char           *type,
                              const char           *goes,
                              const char           *target)
{
  g_return_if_fail (TRIB_IS_MAPPING_COLUMN_ROW (self));

  gtk_label_set_label (self->name_label, column);
  gtk_label_set_label (self->type_label, type);
  gtk_label_set_label (self->target_label, goes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_label), target);
}

/**
 * trib_mapping_column_row_get_column:
 * @self: a #TribMappingColumnRow
 *
 * Returns: (nullable): the column the row shows
 */
const char *
trib_mapping_column_row_get_column (TribMappingColumnRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_COLUMN_ROW (self), NULL);

  return gtk_label_get_label (self->name_label);
}
