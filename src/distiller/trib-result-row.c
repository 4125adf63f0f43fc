/* trib-result-row.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-row"

#include "config.h"

#include "trib-result-row.h"

/* What TribResultModel hands to list views: a position in the model,
 * made when a view asks for it and dropped when it scrolls away. The
 * values stay in the model's arenas. The result grid keeps a few and
 * moves them along as it scrolls (TribGridSlots).
 */
struct _TribResultRow
{
  GObject parent_instance;

  TribResultModel *model;
  guint position;
};

G_DEFINE_FINAL_TYPE (TribResultRow, trib_result_row, G_TYPE_OBJECT)

static void
trib_result_row_finalize (GObject *object)
{
  TribResultRow *self = (TribResultRow *) object;

  g_clear_object (&self->model);

  G_OBJECT_CLASS (trib_result_row_parent_class)->finalize (object);
}

static void
trib_result_row_class_init (TribResultRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_result_row_finalize;
}

static void
trib_result_row_init (TribResultRow *self)
{
}

TribResultRow *
trib_result_row_new (TribResultModel *model,
                     guint            position)
{
  TribResultRow *self;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (model), NULL);

  self = g_object_new (TRIB_TYPE_RESULT_ROW, NULL);
  self->model = g_object_ref (model);
  self->position = position;

  return self;
}

TribResultModel *
trib_result_row_get_model (TribResultRow *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_ROW (self), NULL);

  return self->model;
}

guint
trib_result_row_get_position (TribResultRow *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_ROW (self), 0);

  return self->position;
}

/**
 * trib_result_row_set_position:
 *
 * Makes @self stand for another row of its model.
 */
void
trib_result_row_set_position (TribResultRow *self,
                              guint          position)
{
  g_return_if_fail (TRIB_IS_RESULT_ROW (self));

  self->position = position;
}

const char *
trib_result_row_get_value (TribResultRow *self,
                           guint          column,
                           gsize         *length)
{
  g_return_val_if_fail (TRIB_IS_RESULT_ROW (self), NULL);

  return trib_result_model_get_value (self->model, self->position, column, length);
}
