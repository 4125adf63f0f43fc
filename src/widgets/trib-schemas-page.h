/* trib-schemas-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SCHEMAS_PAGE (trib_schemas_page_get_type ())

G_DECLARE_FINAL_TYPE (TribSchemasPage, trib_schemas_page, TRIB, SCHEMAS_PAGE, TribSessionPage)

void        trib_schemas_page_reload            (TribSchemasPage *self);
void        trib_schemas_page_show_schema       (TribSchemasPage *self,
                                                 const char      *schema_id);
void        trib_schemas_page_set_field_filter  (TribSchemasPage *self,
                                                 const char      *text);
guint       trib_schemas_page_get_n_fields      (TribSchemasPage *self);
GListModel *trib_schemas_page_get_list          (TribSchemasPage *self);
GListModel *trib_schemas_page_get_field_rows    (TribSchemasPage *self);

G_END_DECLS
