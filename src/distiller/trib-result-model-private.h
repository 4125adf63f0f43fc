/* trib-result-model-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-result-model.h"

G_BEGIN_DECLS

struct _TribResultModel
{
  GObject parent_instance;

  GArray *columns;            /* ColumnInfo */
  GPtrArray *batches;
  GArray *starts;             /* guint */
  guint n_rows;

  guint32 *order;
  int sort_column;
  gboolean sort_descending;
  guint sort_serial;          /* of the latest sort asked for */

  guint n_pending;            /* arrived after n_rows, not shown yet */
  gboolean deferred;

  GStrv type_names;           /* NULL but for text rows */
};

void _trib_result_model_show_rows         (TribResultModel *self,
                                           guint            n_added);

/* trib-result-model-deferred.c */
void _trib_result_model_install_n_pending (GObjectClass    *object_class,
                                           guint            prop_id);
void _trib_result_model_hold_rows         (TribResultModel *self,
                                           guint            n_added);

G_END_DECLS
