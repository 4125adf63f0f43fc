/* trib-field-tree.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRIB_TYPE_FIELD_TREE (trib_field_tree_get_type ())

G_DECLARE_FINAL_TYPE (TribFieldTree, trib_field_tree, TRIB, FIELD_TREE, GtkWidget)

void        trib_field_tree_set_fields   (TribFieldTree *self,
                                          GListModel    *roots,
                                          guint          n_fields);
guint       trib_field_tree_get_n_fields (TribFieldTree *self);
void        trib_field_tree_set_filter   (TribFieldTree *self,
                                          const char    *text);
void        trib_field_tree_focus_filter (TribFieldTree *self);
void        trib_field_tree_set_compact  (TribFieldTree *self,
                                          gboolean       compact);
GListModel *trib_field_tree_get_rows     (TribFieldTree *self);

G_END_DECLS
