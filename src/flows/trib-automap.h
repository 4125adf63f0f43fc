/* trib-automap.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-column-types.h"
#include "trib-xdm-field.h"

G_BEGIN_DECLS

/**
 * TribAutomapMatch:
 * @column: the index of the source column
 * @field: (transfer none): the target leaf field, owned by the tree
 *
 * One column mapped by trib_automap().
 */
typedef struct
{
  guint column;
  TribXdmField *field;
} TribAutomapMatch;

GArray   *trib_automap                 (GListModel           *roots,
                                        guint                 n_columns,
                                        const char * const   *names,
                                        const TribColumnType *types,
                                        const char * const   *taken_paths);
gboolean  trib_automap_type_compatible (TribColumnType        source,
                                        const char           *target_type,
                                        const char           *target_format);
char     *trib_automap_normalize       (const char           *name,
                                        gssize                length);

G_END_DECLS
