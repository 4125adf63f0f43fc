/* trib-util.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; we build against 2.74. */
static inline gboolean
trib_set_str (char       **str_pointer,
              const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* A free function for arrays whose slots stay NULL until filled: GLib
 * 2.74 hands a GPtrArray's NULL slots to its free function too.
 */
static inline void
trib_object_unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Overwrites a secret before freeing it, so it does not linger in the heap. */
static inline void
trib_secret_free (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

G_END_DECLS
