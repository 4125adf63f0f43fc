/* trib-secret-buffer.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-secret-buffer"

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "trib-secret-buffer.h"

/* The text of a secret field as everyone else sees it: one bullet per
 * character. What the text widget shows, copies, and what GTK hands to
 * the accessibility bus (which on GTK 4.8 reads a password entry's text
 * in clear) is that text. The characters typed are kept aside, in memory
 * locked out of swap where the system allows it, and overwritten before
 * it is freed.
 */
#define BULLET "\xe2\x80\xa2" /* U+2022 BULLET */

struct _TribSecretBuffer
{
  GtkEntryBuffer parent_instance;

  char *secret;     /* UTF-8, NUL-terminated */
  gsize length;     /* bytes, without the NUL */
  gsize capacity;   /* bytes allocated */
};

G_DEFINE_FINAL_TYPE (TribSecretBuffer, trib_secret_buffer, GTK_TYPE_ENTRY_BUFFER)

static char *
secret_alloc (gsize size)
{
  char *memory = g_malloc0 (size);

  /* Best effort: without the privilege or under a low limit, still kept
   * only here and wiped.
   */
  (void) mlock (memory, size);

  return memory;
}

static void
secret_free (char  *memory,
             gsize  size)
{
  if (memory == NULL)
    return;

  explicit_bzero (memory, size);
  (void) munlock (memory, size);
  g_free (memory);
}

static void
reserve (TribSecretBuffer *self,
         gsize             length)
{
  gsize capacity = MAX (self->capacity, 64);
  char *memory;

  if (length + 1 <= self->capacity)
    return;

  while (capacity < length + 1)
    capacity *= 2;

  memory = secret_alloc (capacity);
  if (self->secret != NULL)
    memcpy (memory, self->secret, self->length + 1);
  secret_free (self->secret, self->capacity);
  self->secret = memory;
  self->capacity = capacity;
}

static guint
trib_secret_buffer_insert_text (GtkEntryBuffer *buffer,
                                guint           position,
                                const char     *chars,
                                guint           n_chars)
{
  TribSecretBuffer *self = TRIB_SECRET_BUFFER (buffer);
  const char *end = g_utf8_offset_to_pointer (chars, n_chars);
  gsize n_bytes = end - chars;
  GString *bullets;
  char *at;
  guint inserted;

  reserve (self, self->length + n_bytes);
  at = g_utf8_offset_to_pointer (self->secret, MIN (position, g_utf8_strlen (self->secret, -1)));
  memmove (at + n_bytes, at, self->secret + self->length + 1 - at);
  memcpy (at, chars, n_bytes);
  self->length += n_bytes;

  bullets = g_string_sized_new (n_chars * strlen (BULLET));
  for (guint i = 0; i < n_chars; i++)
    g_string_append (bullets, BULLET);
  inserted = GTK_ENTRY_BUFFER_CLASS (trib_secret_buffer_parent_class)->insert_text (buffer, position, bullets->str, n_chars);
  g_string_free (bullets, TRUE);

  return inserted;
}

static guint
trib_secret_buffer_delete_text (GtkEntryBuffer *buffer,
                                guint           position,
                                guint           n_chars)
{
  TribSecretBuffer *self = TRIB_SECRET_BUFFER (buffer);
  glong length = self->secret != NULL ? g_utf8_strlen (self->secret, -1) : 0;

  if (position < length)
    {
      char *start = g_utf8_offset_to_pointer (self->secret, position);
      char *end = g_utf8_offset_to_pointer (self->secret, MIN ((glong) position + n_chars, length));
      gsize tail = self->secret + self->length + 1 - end;

      memmove (start, end, tail);
      self->length -= end - start;
      /* No copy of what was deleted stays behind the new end. */
      explicit_bzero (self->secret + self->length + 1, self->capacity - self->length - 1);
    }

  return GTK_ENTRY_BUFFER_CLASS (trib_secret_buffer_parent_class)->delete_text (buffer, position, n_chars);
}

static void
trib_secret_buffer_finalize (GObject *object)
{
  TribSecretBuffer *self = (TribSecretBuffer *)object;

  secret_free (self->secret, self->capacity);

  G_OBJECT_CLASS (trib_secret_buffer_parent_class)->finalize (object);
}

static void
trib_secret_buffer_class_init (TribSecretBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkEntryBufferClass *buffer_class = GTK_ENTRY_BUFFER_CLASS (klass);

  object_class->finalize = trib_secret_buffer_finalize;
  buffer_class->insert_text = trib_secret_buffer_insert_text;
  buffer_class->delete_text = trib_secret_buffer_delete_text;
}

static void
trib_secret_buffer_init (TribSecretBuffer *self)
{
  reserve (self, 0);
}

TribSecretBuffer *
trib_secret_buffer_new (void)
{
  return g_object_new (TRIB_TYPE_SECRET_BUFFER, NULL);
}

/**
 * trib_secret_buffer_get_secret:
 *
 * Returns: (transfer none): the characters typed, valid until the buffer
 *   changes; never show it, copy it only into memory that is wiped
 */
const char *
trib_secret_buffer_get_secret (TribSecretBuffer *self)
{
  g_return_val_if_fail (TRIB_IS_SECRET_BUFFER (self), NULL);

  return self->secret;
}

void
trib_secret_buffer_set_secret (TribSecretBuffer *self,
                               const char       *secret)
{
  g_return_if_fail (TRIB_IS_SECRET_BUFFER (self));

  gtk_entry_buffer_delete_text (GTK_ENTRY_BUFFER (self), 0, -1);
  if (secret != NULL && secret[0] != '\0')
    gtk_entry_buffer_insert_text (GTK_ENTRY_BUFFER (self), 0, secret, -1);
}
