/* trib-entry-row.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-entry-row"

#include "config.h"

#include "trib-entry-row.h"

/* A text row of a preferences group, for forms read by a screen reader.
 * With libadwaita 1.2 on GTK 4.8, AdwEntryRow's text sends no focus
 * event over AT-SPI: moving into it by Tab is silent. A GtkEntry does
 * send them, so this row holds one, named after the row's title, and is
 * a GtkEditable through it (gtk_editable_get_text() on the row works).
 */
struct _TribEntryRow
{
  AdwActionRow parent_instance;

  GtkEntry *entry;
};

static void trib_entry_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribEntryRow, trib_entry_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, trib_entry_row_editable_init))

static GtkEditable *
trib_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (TRIB_ENTRY_ROW (editable)->entry);
}

static void
trib_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = trib_entry_row_get_delegate;
}

static void
trib_entry_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_entry_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_entry_row_dispose (GObject *object)
{
  TribEntryRow *self = (TribEntryRow *)object;

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;

  G_OBJECT_CLASS (trib_entry_row_parent_class)->dispose (object);
}

/* Forms focus the field in error by its row: the text, not the row,
 * must take it.
 */
static gboolean
trib_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRIB_ENTRY_ROW (widget)->entry));
}

static void
trib_entry_row_class_init (TribEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_entry_row_dispose;
  object_class->set_property = trib_entry_row_set_property;
  object_class->get_property = trib_entry_row_get_property;

  widget_class->grab_focus = trib_entry_row_grab_focus;

  gtk_editable_install_properties (object_class, 1);
}

static void
trib_entry_row_init (TribEntryRow *self)
{
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (self->entry, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-field");
  /* Also names the field after the row's title. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
}

GtkWidget *
trib_entry_row_new (void)
{
  return g_object_new (TRIB_TYPE_ENTRY_ROW, NULL);
}

/**
 * trib_entry_row_get_entry:
 *
 * Returns: (transfer none): the field itself
 */
GtkWidget *
trib_entry_row_get_entry (TribEntryRow *self)
{
  g_return_val_if_fail (TRIB_IS_ENTRY_ROW (self), NULL);

  return GTK_WIDGET (self->entry);
}
