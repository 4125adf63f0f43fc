/* trib-result-batch.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-batch"

#include "config.h"

#include <string.h>

#include "trib-result-batch.h"

/* Rows as they come off the wire, stored column by column: each column
 * is one arena of NUL-terminated values, a table of offsets into it and
 * a bitmap of NULLs. A million rows are a few hundred such batches and
 * no per-cell allocation at all. A batch is filled on the worker thread,
 * sealed, and from then on only read, from any thread.
 */
typedef struct
{
  char *data;
  gsize data_len;
  gsize data_alloc;
  guint32 *offsets;   /* value i starts at offsets[i] */
  guint8 *nulls;      /* bit i set: value i is SQL NULL */
} Column;

struct _TribResultBatch
{
  gatomicrefcount ref_count;
  guint n_columns;
  guint n_rows;
  guint rows_alloc;
  Column *columns;
};

G_DEFINE_BOXED_TYPE (TribResultBatch, trib_result_batch, trib_result_batch_ref, trib_result_batch_unref)

/* A first guess at a value's size; arenas double from there. */
#define GUESSED_VALUE_SIZE 16

TribResultBatch *
trib_result_batch_new (guint n_columns,
                       guint expected_rows)
{
  TribResultBatch *self = g_new0 (TribResultBatch, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_columns = n_columns;
  self->rows_alloc = MAX (expected_rows, 16);
  self->columns = g_new0 (Column, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = &self->columns[i];

      column->data_alloc = (gsize) self->rows_alloc * GUESSED_VALUE_SIZE;
      column->data = g_malloc (column->data_alloc);
      column->offsets = g_new (guint32, self->rows_alloc);
      column->nulls = g_new0 (guint8, (self->rows_alloc + 7) / 8);
    }

  return self;
}

TribResultBatch *
trib_result_batch_ref (TribResultBatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
trib_result_batch_unref (TribResultBatch *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_free (self->columns[i].data);
      g_free (self->columns[i].offsets);
      g_free (self->columns[i].nulls);
    }
  g_free (self->columns);
  g_free (self);
}

static void
grow_rows (TribResultBatch *self)
{
  guint old_bytes = (self->rows_alloc + 7) / 8;
  guint new_bytes;

  self->rows_alloc *= 2;
  new_bytes = (self->rows_alloc + 7) / 8;

  for (guint i = 0; i < self->n_columns; i++)
    {
      Column *column = &self->columns[i];

      column->offsets = g_renew (guint32, column->offsets, self->rows_alloc);
      column->nulls = g_renew (guint8, column->nulls, new_bytes);
      memset (column->nulls + old_bytes, 0, new_bytes - old_bytes);
    }
}

static void
column_append (Column     *column,
               guint       row,
               const char *value,
               gsize       length)
{
  gsize needed;

  if (value == NULL)
    {
      column->nulls[row / 8] |= 1 << (row % 8);
      length = 0;
    }

  needed = column->data_len + length + 1;
  if (needed > column->data_alloc)
    {
      /* Offsets are 32-bit: a batch column stays under 4 GiB, which the
       * worker's row limit per batch guarantees for any real result.
       */
      g_assert (needed <= G_MAXUINT32);
      column->data_alloc = MAX (needed, column->data_alloc * 2);
      column->data = g_realloc (column->data, column->data_alloc);
    }

  column->offsets[row] = column->data_len;
  if (length > 0)
    memcpy (column->data + column->data_len, value, length);
  column->data[column->data_len + length] = '\0';
  column->data_len = needed;
}

/**
 * trib_result_batch_append_row:
 * @values: one value per column, %NULL for SQL NULL
 * @lengths: (nullable): the byte length of each value; with %NULL the
 *   values are NUL-terminated
 */
void
trib_result_batch_append_row (TribResultBatch    *self,
                              const char * const *values,
                              const int          *lengths)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL);

  if (self->n_rows == self->rows_alloc)
    grow_rows (self);

  for (guint i = 0; i < self->n_columns; i++)
    {
      gsize length = 0;

      if (values[i] != NULL)
        length = lengths != NULL ? (gsize) lengths[i] : strlen (values[i]);
      column_append (&self->columns[i], self->n_rows, values[i], length);
    }

  self->n_rows++;
}

/**
 * trib_result_batch_seal:
 *
 * Gives back what the arenas reserved beyond what the rows use, before
 * the batch goes to the main thread to be kept.
 */
void
trib_result_batch_seal (TribResultBatch *self)
{
  guint rows;

  g_return_if_fail (self != NULL);

  /* A slow query sends many small batches; each must cost its rows only. */
  rows = MAX (self->n_rows, 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      Column *column = &self->columns[i];

      column->data_alloc = MAX (column->data_len, 1);
      column->data = g_realloc (column->data, column->data_alloc);
      column->offsets = g_renew (guint32, column->offsets, rows);
      column->nulls = g_renew (guint8, column->nulls, (rows + 7) / 8);
    }
  self->rows_alloc = rows;
}

guint
trib_result_batch_get_n_rows (TribResultBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
trib_result_batch_get_n_columns (TribResultBatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * trib_result_batch_get_value:
 * @length: (out) (optional): the value's length in bytes
 *
 * Returns: (nullable): the NUL-terminated value, or %NULL for SQL NULL
 */
const char *
trib_result_batch_get_value (TribResultBatch *self,
                             guint            row,
                             guint            column,
                             gsize           *length)
{
  const Column *col;
  gsize start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  col = &self->columns[column];
  if (col->nulls[row / 8] & (1 << (row % 8)))
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  start = col->offsets[row];
  end = row + 1 < self->n_rows ? col->offsets[row + 1] : col->data_len;
  if (length != NULL)
    *length = end - start - 1;

  return col->data + start;
}

gsize
trib_result_batch_get_memory_size (TribResultBatch *self)
{
  gsize size;

  g_return_val_if_fail (self != NULL, 0);

  size = sizeof *self + self->n_columns * sizeof (Column);
  for (guint i = 0; i < self->n_columns; i++)
    size += self->columns[i].data_alloc + self->rows_alloc * sizeof (guint32) + (self->rows_alloc + 7) / 8;

  return size;
}
