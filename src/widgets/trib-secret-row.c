/* trib-secret-row.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-secret-row"

#include "config.h"

#include "trib-secret-buffer.h"
#include "trib-secret-row.h"

/* A row of a preferences group for a secret (a client secret, a
 * connector's password). AdwPasswordEntryRow exposes the role "text" and
 * its text in clear over AT-SPI on GTK 4.8, and so do GtkPasswordEntry
 * and a hidden GtkEntry. Here a GtkPasswordEntry (the only widget GTK 4.8
 * gives the role "password text") types into a TribSecretBuffer, whose
 * text is only bullets: whatever reads the field, a screen reader
 * included, gets bullets. There is no way to reveal it: no peek icon, no
 * "Show Text" in the context menu; the secret is read only by
 * trib_secret_row_get_secret().
 */
struct _TribSecretRow
{
  AdwActionRow parent_instance;

  GtkPasswordEntry *entry;
  TribSecretBuffer *buffer;
};

G_DEFINE_FINAL_TYPE (TribSecretRow, trib_secret_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
buffer_changed_cb (TribSecretRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
trib_secret_row_dispose (GObject *object)
{
  TribSecretRow *self = (TribSecretRow *)object;

  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (trib_secret_row_parent_class)->dispose (object);
}

static void
trib_secret_row_class_init (TribSecretRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_secret_row_dispose;

  /**
   * TribSecretRow::changed:
   *
   * The secret was edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trib_secret_row_init (TribSecretRow *self)
{
  GtkEditable *text;

  self->buffer = trib_secret_buffer_new ();
  self->entry = GTK_PASSWORD_ENTRY (gtk_password_entry_new ());
  gtk_password_entry_set_show_peek_icon (self->entry, FALSE);
  /* Replaces the menu holding "Show Text". */
  gtk_password_entry_set_extra_menu (self->entry, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->entry), "misc.toggle-visibility", FALSE);
  g_object_set (self->entry, "activates-default", TRUE, NULL);

  text = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));
  gtk_text_set_buffer (GTK_TEXT (text), GTK_ENTRY_BUFFER (self->buffer));
  gtk_text_set_visibility (GTK_TEXT (text), FALSE);
  g_signal_connect_object (self->buffer, "inserted-text", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "deleted-text", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-field");
  /* Also names the field after the row's title. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
}

GtkWidget *
trib_secret_row_new (void)
{
  return g_object_new (TRIB_TYPE_SECRET_ROW, NULL);
}

/**
 * trib_secret_row_get_secret:
 *
 * Returns: (transfer none): the secret typed, valid until it changes
 */
const char *
trib_secret_row_get_secret (TribSecretRow *self)
{
  g_return_val_if_fail (TRIB_IS_SECRET_ROW (self), NULL);

  return trib_secret_buffer_get_secret (self->buffer);
}

void
trib_secret_row_set_secret (TribSecretRow *self,
                            const char    *secret)
{
  g_return_if_fail (TRIB_IS_SECRET_ROW (self));

  trib_secret_buffer_set_secret (self->buffer, secret);
}

/**
 * trib_secret_row_get_entry:
 *
 * Returns: (transfer none): the field itself, to focus it or mark it
 *   invalid
 */
GtkWidget *
trib_secret_row_get_entry (TribSecretRow *self)
{
  g_return_val_if_fail (TRIB_IS_SECRET_ROW (self), NULL);

  return GTK_WIDGET (self->entry);
}
