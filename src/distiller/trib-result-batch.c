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
 * is one arena of values, each followed by a NUL so that it reads as a C
 * string, and where each value starts. A million rows are a few hundred
 * such batches and no per-cell allocation at all. A batch is filled on
 * the worker thread, sealed (or its rows taken out into a batch of their
 * exact size), and from then on only read, from any thread.
 *
 * Beside its text a cell costs little more than its NUL: where a value
 * starts is a 16-bit offset from its block's start (a 32-bit position per
 * BLOCK_ROWS rows), and a SQL NULL takes no byte at all: it is the value
 * that ends where it starts, while "" still has its NUL. A column whose
 * values are too long for 16-bit offsets within a block is widened to
 * 32-bit ones.
 */
#define BLOCK_ROWS 64

typedef struct
{
  char *data;
  gsize data_len;
  gsize data_alloc;
  guint32 *bases;     /* narrow: block b starts at bases[b] */
  guint16 *starts;    /* narrow: value i starts at bases[i / BLOCK_ROWS] + starts[i] */
  guint32 *wide;      /* wide: value i starts at wide[i] */
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

#define N_BLOCKS(rows) (((rows) + BLOCK_ROWS - 1) / BLOCK_ROWS)

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
      column->bases = g_new (guint32, N_BLOCKS (self->rows_alloc));
      column->starts = g_new (guint16, self->rows_alloc);
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
      g_free (self->columns[i].bases);
      g_free (self->columns[i].starts);
      g_free (self->columns[i].wide);
    }
  g_free (self->columns);
  g_free (self);
}

static void
grow_rows (TribResultBatch *self)
{
  self->rows_alloc *= 2;

  for (guint i = 0; i < self->n_columns; i++)
    {
      Column *column = &self->columns[i];

      if (column->wide != NULL)
        {
          column->wide = g_renew (guint32, column->wide, self->rows_alloc);
        }
      else
        {
          column->bases = g_renew (guint32, column->bases, N_BLOCKS (self->rows_alloc));
          column->starts = g_renew (guint16, column->starts, self->rows_alloc);
        }
    }
}

static inline gsize
column_start (const Column *column,
              guint         row)
{
  if (G_UNLIKELY (column->wide != NULL))
    return column->wide[row];

  return column->bases[row / BLOCK_ROWS] + column->starts[row];
}

/* The first @n_rows values stay where they are; only how their starts
 * are kept changes.
 */
static void
column_widen (Column *column,
              guint   n_rows,
              guint   rows_alloc)
{
  guint32 *wide = g_new (guint32, rows_alloc);

  for (guint row = 0; row < n_rows; row++)
    wide[row] = column_start (column, row);
  column->wide = wide;
  g_clear_pointer (&column->bases, g_free);
  g_clear_pointer (&column->starts, g_free);
}

static void
column_append (Column     *column,
               guint       row,
               guint       rows_alloc,
               const char *value,
               gsize       length)
{
  gsize start = column->data_len;
  gsize needed = value != NULL ? start + length + 1 : start;

  if (needed > column->data_alloc)
    {
      /* Offsets are 32-bit: a batch column stays under 4 GiB, which the
       * worker's row limit per batch guarantees for any real result.
       */
      g_assert (needed <= G_MAXUINT32);
      column->data_alloc = MAX (needed, column->data_alloc * 2);
      column->data = g_realloc (column->data, column->data_alloc);
    }

  if (G_LIKELY (column->wide == NULL))
    {
      if (row % BLOCK_ROWS == 0)
        column->bases[row / BLOCK_ROWS] = start;
      if (G_UNLIKELY (start - column->bases[row / BLOCK_ROWS] > G_MAXUINT16))
        column_widen (column, row, rows_alloc);
    }

  if (G_UNLIKELY (column->wide != NULL))
    column->wide[row] = start;
  else
    column->starts[row] = start - column->bases[row / BLOCK_ROWS];

  if (value != NULL)
    {
      memcpy (column->data + start, value, length);
      column->data[start + length] = '\0';
    }
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
      column_append (&self->columns[i], self->n_rows, self->rows_alloc, values[i], length);
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
      if (column->wide != NULL)
        {
          column->wide = g_renew (guint32, column->wide, rows);
        }
      else
        {
          column->bases = g_renew (guint32, column->bases, N_BLOCKS (rows));
          column->starts = g_renew (guint16, column->starts, rows);
        }
    }
  self->rows_alloc = rows;
}

/**
 * trib_result_batch_take_rows:
 *
 * Moves the rows appended so far into a new batch, sealed, whose arenas
 * are their exact size, and leaves @self empty with its arenas kept for
 * the rows to come. A worker filling one batch this way over a whole
 * result grows its arenas a few times at most, and every batch it sends
 * is one allocation per array, with no spare room and none of the holes
 * that shrinking each in place would leave between them.
 *
 * Returns: (transfer full): the rows, or %NULL if there were none
 */
TribResultBatch *
trib_result_batch_take_rows (TribResultBatch *self)
{
  TribResultBatch *rows;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_rows == 0)
    return NULL;

  rows = g_new0 (TribResultBatch, 1);
  g_atomic_ref_count_init (&rows->ref_count);
  rows->n_columns = self->n_columns;
  rows->n_rows = rows->rows_alloc = self->n_rows;
  rows->columns = g_new0 (Column, self->n_columns);

  for (guint i = 0; i < self->n_columns; i++)
    {
      Column *from = &self->columns[i];
      Column *to = &rows->columns[i];

      to->data_len = from->data_len;
      to->data_alloc = MAX (from->data_len, 1);
      to->data = g_memdup2 (from->data, MAX (from->data_len, 1));
      if (from->wide != NULL)
        {
          to->wide = g_memdup2 (from->wide, self->n_rows * sizeof (guint32));
        }
      else
        {
          to->bases = g_memdup2 (from->bases, N_BLOCKS (self->n_rows) * sizeof (guint32));
          to->starts = g_memdup2 (from->starts, self->n_rows * sizeof (guint16));
        }

      /* The next rows start narrow again, in the arrays kept for them. */
      from->data_len = 0;
      if (from->wide != NULL)
        {
          g_clear_pointer (&from->wide, g_free);
          from->bases = g_new (guint32, N_BLOCKS (self->rows_alloc));
          from->starts = g_new (guint16, self->rows_alloc);
        }
    }
  self->n_rows = 0;

  return rows;
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
  start = column_start (col, row);
  end = row + 1 < self->n_rows ? column_start (col, row + 1) : col->data_len;
  if (end == start)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

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
    {
      const Column *column = &self->columns[i];

      size += column->data_alloc;
      if (column->wide != NULL)
        size += self->rows_alloc * sizeof (guint32);
      else
        size += N_BLOCKS (self->rows_alloc) * sizeof (guint32) + self->rows_alloc * sizeof (guint16);
    }

  return size;
}
