/* trib-query-editor.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "trib-sql-names.h"

G_BEGIN_DECLS

#define TRIB_TYPE_QUERY_EDITOR (trib_query_editor_get_type ())

G_DECLARE_FINAL_TYPE (TribQueryEditor, trib_query_editor, TRIB, QUERY_EDITOR, GtkWidget)

TribQueryEditor *trib_query_editor_new                   (void);
void             trib_query_editor_set_sql_names         (TribQueryEditor *self,
                                                          TribSqlNames    *names);
GtkSourceCompletionProvider *trib_query_editor_get_completion (TribQueryEditor *self);
void                         trib_query_editor_hide_completion (TribQueryEditor *self);
GtkTextBuffer   *trib_query_editor_get_buffer            (TribQueryEditor *self);
char            *trib_query_editor_dup_text              (TribQueryEditor *self);
void             trib_query_editor_set_text              (TribQueryEditor *self,
                                                          const char      *text);
char            *trib_query_editor_dup_current_statement (TribQueryEditor *self,
                                                          int             *start_offset);
void             trib_query_editor_mark_error            (TribQueryEditor *self,
                                                          int              offset);
gboolean         trib_query_editor_has_error_mark        (TribQueryEditor *self);
void             trib_query_editor_clear_error           (TribQueryEditor *self);

G_END_DECLS
