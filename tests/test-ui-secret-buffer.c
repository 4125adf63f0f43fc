/* test-ui-secret-buffer.c
 *
 * The secret field's buffer: what is shown (and read over AT-SPI) is
 * only bullets, while the secret follows every edit a person makes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "trib-secret-buffer.h"

static void
assert_bullets (GtkEntryBuffer *buffer,
                guint           n)
{
  const char *text = gtk_entry_buffer_get_text (buffer);

  g_assert_cmpuint (gtk_entry_buffer_get_length (buffer), ==, n);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_cmpuint (g_utf8_get_char (p), ==, 0x2022);
}

static void
test_edits (void)
{
  g_autoptr(TribSecretBuffer) self = trib_secret_buffer_new ();
  GtkEntryBuffer *buffer = GTK_ENTRY_BUFFER (self);

  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "");

  /* Typing, one character at a time. */
  gtk_entry_buffer_insert_text (buffer, 0, "p", 1);
  gtk_entry_buffer_insert_text (buffer, 1, "8", 1);
  gtk_entry_buffer_insert_text (buffer, 2, "e", 1);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "p8e");
  assert_bullets (buffer, 3);
  g_assert_null (strstr (gtk_entry_buffer_get_text (buffer), "p8e"));

  /* Pasting in the middle, with characters of several bytes. */
  gtk_entry_buffer_insert_text (buffer, 1, "-é€x-", -1);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "p-é€x-8e");
  assert_bullets (buffer, 8);

  /* Backspace, Delete, a selection deleted. */
  gtk_entry_buffer_delete_text (buffer, 7, 1);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "p-é€x-8");
  gtk_entry_buffer_delete_text (buffer, 0, 1);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "-é€x-8");
  gtk_entry_buffer_delete_text (buffer, 1, 3);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "--8");
  assert_bullets (buffer, 3);

  /* Select all and type over it. */
  gtk_entry_buffer_delete_text (buffer, 0, -1);
  gtk_entry_buffer_insert_text (buffer, 0, "new secret", -1);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "new secret");
  assert_bullets (buffer, 10);

  /* Long pastes grow the locked memory. */
  {
    g_autofree char *longer = g_strnfill (1000, 'k');

    gtk_entry_buffer_insert_text (buffer, 10, longer, -1);
    g_assert_cmpuint (strlen (trib_secret_buffer_get_secret (self)), ==, 1010);
    g_assert_true (g_str_has_prefix (trib_secret_buffer_get_secret (self), "new secretkkk"));
    assert_bullets (buffer, 1010);
  }

  trib_secret_buffer_set_secret (self, "from the keyring");
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "from the keyring");
  assert_bullets (buffer, 16);
  trib_secret_buffer_set_secret (self, NULL);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "");
  assert_bullets (buffer, 0);
}

/* Typed through the text widget, as GTK edits it. */
static void
test_text_widget (void)
{
  g_autoptr(TribSecretBuffer) self = trib_secret_buffer_new ();
  GtkWidget *text = g_object_ref_sink (gtk_text_new_with_buffer (GTK_ENTRY_BUFFER (self)));
  int position = 0;

  gtk_editable_insert_text (GTK_EDITABLE (text), "hunter2", -1, &position);
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "hunter2");
  g_assert_null (strstr (gtk_editable_get_text (GTK_EDITABLE (text)), "hunter"));
  gtk_editable_delete_text (GTK_EDITABLE (text), 6, 7);
  gtk_editable_set_text (GTK_EDITABLE (text), "other");
  g_assert_cmpstr (trib_secret_buffer_get_secret (self), ==, "other");
  g_object_unref (text);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret-buffer/edits", test_edits);
  g_test_add_func ("/secret-buffer/text-widget", test_text_widget);

  return g_test_run ();
}
