/* trib-xdm-field-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-xdm-field.h"

G_BEGIN_DECLS

/* The strings of one tree, in a few large blocks freed with its last
 * field: a field costs one allocation, not one per string.
 */
typedef struct _TribXdmArena TribXdmArena;

struct _TribXdmField
{
  GObject parent_instance;

  TribXdmArena *arena;    /* holds every string below */
  const char *name;       /* the end of path */
  const char *path;
  const char *title;
  const char *description;
  const char *type_name;  /* in the arena or static */
  const char *format;
  const char *folded;     /* path and title, casefolded, for filtering */
  const char *identity_namespace;
  TribXdmField **children;
  guint n_children;
  TribXdmShape shape;
  guint has_children : 1; /* FALSE for a scalar or an array of scalars */
  guint required : 1;
  guint primary_identity : 1;
  guint visible : 1;
  guint matches : 1;
};

TribXdmArena *_trib_xdm_arena_new    (void);
TribXdmArena *_trib_xdm_arena_ref    (TribXdmArena *arena);
void          _trib_xdm_arena_unref  (TribXdmArena *arena);
char         *_trib_xdm_arena_alloc  (TribXdmArena *arena,
                                      gsize         size);
void          _trib_xdm_arena_shrink (TribXdmArena *arena,
                                      char         *last,
                                      gsize         size);

TribXdmField *_trib_xdm_field_new    (TribXdmArena *arena);

G_END_DECLS
