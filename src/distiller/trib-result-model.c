/* trib-result-model.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-model"

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "trib-result-model-private.h"
#include "trib-result-row.h"
#include "trib-result-sort.h"

/* The rows of one result as a GListModel. Values live in the column-wise
 * arenas of the batches the worker sent, in arrival order; a row object
 * is only made when a view asks for one. Sorting never moves a value: it
 * computes an order, a permutation from position to arrival index.
 *
 * An item stands for a position, not for the row there: a new order
 * keeps every item, and says "order-changed" rather than that all items
 * changed, so that a view re-reads the rows it shows (a few dozen)
 * instead of dropping and making again every row widget it has, which
 * GTK 4.8 does for an all-rows items-changed (hundreds of milliseconds
 * at a million rows).
 */
typedef struct
{
  char *name;
  guint32 type_oid;
  TribColumnKind kind;
} ColumnInfo;

/* Where values are: shared by the model and its snapshots. */
typedef struct
{
  TribResultBatch **batches;
  const guint *starts;        /* arrival index of each batch's first row */
  guint n_batches;
  const guint32 *order;       /* NULL: arrival order */
} Rows;

struct _TribResultSnapshot
{
  guint n_rows;
  guint n_columns;
  ColumnInfo *columns;
  GPtrArray *batches;
  guint *starts;
  guint32 *order;
};


enum {
  PROP_0,
  PROP_N_PENDING,
  N_PROPS
};

enum {
  ORDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribResultModel, trib_result_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

TribColumnKind
trib_column_kind_from_type_oid (guint32 type_oid)
{
  switch (type_oid)
    {
    case 16: /* bool */
      return TRIB_COLUMN_KIND_BOOLEAN;
    case 20: /* int8 */
    case 21: /* int2 */
    case 23: /* int4 */
    case 26: /* oid */
      return TRIB_COLUMN_KIND_INTEGER;
    case 700: /* float4 */
    case 701: /* float8 */
      return TRIB_COLUMN_KIND_FLOAT;
    case 1700: /* numeric */
      return TRIB_COLUMN_KIND_NUMERIC;
    case 1082: /* date */
      return TRIB_COLUMN_KIND_DATE;
    case 1083: /* time */
    case 1114: /* timestamp */
    case 1184: /* timestamptz */
    case 1266: /* timetz */
      return TRIB_COLUMN_KIND_TIMESTAMP;
    case 114:  /* json */
    case 3802: /* jsonb */
      return TRIB_COLUMN_KIND_JSON;
    case 199:  /* json[] */
    case 1000: /* bool[] */
    case 1005: /* int2[] */
    case 1007: /* int4[] */
    case 1009: /* text[] */
    case 1014: /* bpchar[] */
    case 1015: /* varchar[] */
    case 1016: /* int8[] */
    case 1021: /* float4[] */
    case 1022: /* float8[] */
    case 1115: /* timestamp[] */
    case 1182: /* date[] */
    case 1185: /* timestamptz[] */
    case 1231: /* numeric[] */
    case 2287: /* record[] */
    case 2951: /* uuid[] */
    case 3807: /* jsonb[] */
      return TRIB_COLUMN_KIND_ARRAY;
    case 2249: /* record */
      return TRIB_COLUMN_KIND_STRUCT;
    default:
      return TRIB_COLUMN_KIND_TEXT;
    }
}

static const char *
rows_get_value (const Rows *rows,
                guint       index,
                guint       column,
                gsize      *length)
{
  guint low = 0, high = rows->n_batches;

  if (rows->order != NULL)
    index = rows->order[index];

  /* The last batch whose first row is at or before index. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (rows->starts[middle] <= index)
        low = middle;
      else
        high = middle;
    }

  return trib_result_batch_get_value (rows->batches[low], index - rows->starts[low], column, length);
}

static Rows
model_rows (TribResultModel *self)
{
  return (Rows) {
    .batches = (TribResultBatch **) self->batches->pdata,
    .starts = (const guint *) (gpointer) self->starts->data,
    .n_batches = self->batches->len,
    .order = self->order,
  };
}

static void
column_info_clear (gpointer data)
{
  g_free (((ColumnInfo *) data)->name);
}

static GType
trib_result_model_get_item_type (GListModel *model)
{
  return TRIB_TYPE_RESULT_ROW;
}

static guint
trib_result_model_get_n_items (GListModel *model)
{
  return TRIB_RESULT_MODEL (model)->n_rows;
}

static gpointer
trib_result_model_get_item (GListModel *model,
                            guint       position)
{
  TribResultModel *self = TRIB_RESULT_MODEL (model);

  if (position >= self->n_rows)
    return NULL;

  return trib_result_row_new (self, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_result_model_get_item_type;
  iface->get_n_items = trib_result_model_get_n_items;
  iface->get_item = trib_result_model_get_item;
}

static void
trib_result_model_finalize (GObject *object)
{
  TribResultModel *self = (TribResultModel *) object;

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->type_names, g_strfreev);

  G_OBJECT_CLASS (trib_result_model_parent_class)->finalize (object);
}

static void
trib_result_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribResultModel *self = TRIB_RESULT_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_result_model_class_init (TribResultModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_result_model_finalize;
  object_class->get_property = trib_result_model_get_property;

  _trib_result_model_install_n_pending (object_class, PROP_N_PENDING);

  /**
   * TribResultModel::order-changed:
   *
   * The rows are in a new order: the value at each position may have
   * changed, though no item was added or removed.
   */
  signals[ORDER_CHANGED] =
    g_signal_new ("order-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
trib_result_model_init (TribResultModel *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (ColumnInfo));
  g_array_set_clear_func (self->columns, column_info_clear);
  self->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_result_batch_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sort_column = -1;
}

TribResultModel *
trib_result_model_new (void)
{
  return g_object_new (TRIB_TYPE_RESULT_MODEL, NULL);
}

void
trib_result_model_set_columns (TribResultModel    *self,
                               guint               n_columns,
                               const char * const *names,
                               const guint32      *type_oids)
{
  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (self->columns->len == 0);
  g_return_if_fail (n_columns == 0 || names != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      ColumnInfo info = {
        .name = g_strdup (names[i]),
        .type_oid = type_oids != NULL ? type_oids[i] : 0,
      };

      info.kind = trib_column_kind_from_type_oid (info.type_oid);
      g_array_append_val (self->columns, info);
    }
}

/* Lists @n_added more of the rows that arrived. */
void
_trib_result_model_show_rows (TribResultModel *self,
                              guint            n_added)
{
  guint first = self->n_rows;

  self->n_rows += n_added;

  /* A sorted result keeps its sort for the rows it had; rows that come
   * later go after them, as they arrive.
   */
  if (self->order != NULL)
    {
      self->order = g_renew (guint32, self->order, self->n_rows);
      for (guint i = first; i < self->n_rows; i++)
        self->order[i] = i;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n_added);
}

void
trib_result_model_append_batch (TribResultModel *self,
                                TribResultBatch *batch)
{
  guint n_added;
  guint first;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (batch != NULL);
  g_return_if_fail (trib_result_batch_get_n_columns (batch) == self->columns->len);

  if ((n_added = trib_result_batch_get_n_rows (batch)) == 0)
    return;

  first = self->n_rows + self->n_pending;
  g_ptr_array_add (self->batches, trib_result_batch_ref (batch));
  g_array_append_val (self->starts, first);

  if (self->deferred)
    _trib_result_model_hold_rows (self, n_added);
  else
    _trib_result_model_show_rows (self, n_added);
}

guint
trib_result_model_get_n_columns (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  return self->columns->len;
}

const char *
trib_result_model_get_column_name (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, ColumnInfo, column).name;
}

guint32
trib_result_model_get_column_type (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  return g_array_index (self->columns, ColumnInfo, column).type_oid;
}

TribColumnKind
trib_result_model_get_column_kind (TribResultModel *self,
                                   guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), TRIB_COLUMN_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, TRIB_COLUMN_KIND_TEXT);

  return g_array_index (self->columns, ColumnInfo, column).kind;
}

/**
 * trib_result_model_get_value:
 * @position: a position in the model's current order
 * @length: (out) (optional): the value's length in bytes
 *
 * Returns: (nullable): the value, or %NULL for SQL NULL
 */
const char *
trib_result_model_get_value (TribResultModel *self,
                             guint            position,
                             guint            column,
                             gsize           *length)
{
  Rows rows;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (position < self->n_rows, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  rows = model_rows (self);

  return rows_get_value (&rows, position, column, length);
}

gsize
trib_result_model_get_memory_size (TribResultModel *self)
{
  gsize size;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), 0);

  size = sizeof *self + self->columns->len * sizeof (ColumnInfo) + self->starts->len * sizeof (guint) +
         self->batches->len * sizeof (gpointer);
  for (guint i = 0; i < self->batches->len; i++)
    size += trib_result_batch_get_memory_size (g_ptr_array_index (self->batches, i));
  if (self->order != NULL)
    size += self->n_rows * sizeof (guint32);

  return size;
}

static TribResultSnapshot *
snapshot_new (TribResultModel *self,
              gboolean         in_order)
{
  TribResultSnapshot *snapshot = g_new0 (TribResultSnapshot, 1);

  snapshot->n_rows = self->n_rows;
  snapshot->n_columns = self->columns->len;
  snapshot->columns = g_new0 (ColumnInfo, snapshot->n_columns);
  for (guint i = 0; i < snapshot->n_columns; i++)
    {
      snapshot->columns[i] = g_array_index (self->columns, ColumnInfo, i);
      snapshot->columns[i].name = g_strdup (snapshot->columns[i].name);
    }
  snapshot->batches = g_ptr_array_new_full (self->batches->len, (GDestroyNotify) trib_result_batch_unref);
  for (guint i = 0; i < self->batches->len; i++)
    g_ptr_array_add (snapshot->batches, trib_result_batch_ref (g_ptr_array_index (self->batches, i)));
  snapshot->starts = g_memdup2 (self->starts->data, self->starts->len * sizeof (guint));
  if (in_order && self->order != NULL)
    snapshot->order = g_memdup2 (self->order, self->n_rows * sizeof (guint32));

  return snapshot;
}

/**
 * trib_result_model_snapshot:
 *
 * Returns: (transfer full): the rows as they are now, in the model's
 *   order, those still pending after, for a thread
 */
TribResultSnapshot *
trib_result_model_snapshot (TribResultModel *self)
{
  TribResultSnapshot *snapshot;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  snapshot = snapshot_new (self, TRUE);

  /* Rows a view has yet to list are rows of the result all the same. */
  if (self->n_pending > 0)
    {
      guint n_rows = self->n_rows + self->n_pending;

      if (snapshot->order != NULL)
        {
          snapshot->order = g_renew (guint32, snapshot->order, n_rows);
          for (guint i = self->n_rows; i < n_rows; i++)
            snapshot->order[i] = i;
        }
      snapshot->n_rows = n_rows;
    }

  return snapshot;
}

/* Puts @order, the sort of the first @n_sorted rows, in place; rows
 * that came since go after them, as they arrived.
 */
static void
set_order (TribResultModel *self,
           int              column,
           gboolean         descending,
           guint32         *order,
           guint            n_sorted)
{
  self->sort_column = MAX (column, -1);
  self->sort_descending = column >= 0 && descending;
  g_clear_pointer (&self->order, g_free);

  if (order != NULL)
    {
      self->order = g_renew (guint32, order, MAX (self->n_rows, 1));
      for (guint i = n_sorted; i < self->n_rows; i++)
        self->order[i] = i;
    }

  g_signal_emit (self, signals[ORDER_CHANGED], 0);
}

/**
 * trib_result_model_sort:
 * @column: the column to sort by, or -1 for the order rows arrived in
 *
 * Sorts the rows loaded so far, at once: numbers by value, everything
 * else by bytes (the "C" collation), NULLs last, ties in arrival order.
 * A sort still running from trib_result_model_sort_async() is dropped.
 */
void
trib_result_model_sort (TribResultModel *self,
                        int              column,
                        gboolean         descending)
{
  guint32 *order = NULL;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (column < (int) self->columns->len);

  self->sort_serial++;
  if (column >= 0 && self->n_rows > 0)
    {
      g_autoptr(TribResultSnapshot) snapshot = snapshot_new (self, FALSE);

      order = trib_result_sort_order (snapshot, column, descending);
    }

  set_order (self, column, descending, order, self->n_rows);
}

typedef struct
{
  TribResultSnapshot *snapshot;
  int column;
  gboolean descending;
  guint serial;
  guint32 *order;
} SortJob;

static void
sort_job_free (SortJob *job)
{
  g_clear_pointer (&job->snapshot, trib_result_snapshot_free);
  g_free (job->order);
  g_free (job);
}

/* A thread of its own, at a lower priority that goes with it: the
 * window's frames, drawn in software on the same cores, come first.
 */
static gpointer
sort_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  SortJob *job = g_task_get_task_data (task);

#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  job->order = trib_result_sort_order (job->snapshot, job->column, job->descending);
  g_task_return_boolean (task, TRUE);

  return NULL;
}

static void
sorted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TribResultModel *self = TRIB_RESULT_MODEL (object);
  g_autoptr(GTask) task = user_data;
  SortJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->serial != self->sort_serial)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "A later sort replaced this one");
      return;
    }

  set_order (self, job->column, job->descending, g_steal_pointer (&job->order),
             trib_result_snapshot_get_n_rows (job->snapshot));
  g_task_return_boolean (task, TRUE);
}

/**
 * trib_result_model_sort_async:
 * @column: the column to sort by, or -1 for the order rows arrived in
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the model is in its new order
 * @user_data: data for @callback
 *
 * Sorts as trib_result_model_sort() does, on a thread: a million rows
 * take longer than a frame. The model keeps its order and takes new
 * rows meanwhile; a later sort replaces this one.
 */
void
trib_result_model_sort_async (TribResultModel     *self,
                              int                  column,
                              gboolean             descending,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) sort_task = NULL;
  SortJob *job;

  g_return_if_fail (TRIB_IS_RESULT_MODEL (self));
  g_return_if_fail (column < (int) self->columns->len);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_result_model_sort_async);

  if (column < 0 || self->n_rows == 0)
    {
      trib_result_model_sort (self, column, descending);
      g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (SortJob, 1);
  job->snapshot = snapshot_new (self, FALSE);
  job->column = column;
  job->descending = descending;
  job->serial = ++self->sort_serial;

  sort_task = g_task_new (self, cancellable, sorted_cb, g_steal_pointer (&task));
  g_task_set_source_tag (sort_task, sort_thread);
  g_task_set_task_data (sort_task, job, (GDestroyNotify) sort_job_free);
  g_thread_unref (g_thread_new ("trib-sort", sort_thread, g_steal_pointer (&sort_task)));
}

/**
 * trib_result_model_sort_finish:
 * @error: a location for a #GError: %G_IO_ERROR_CANCELLED when
 *   cancelled or replaced by a later sort
 *
 * Returns: whether the model is now in the order asked for
 */
gboolean
trib_result_model_sort_finish (TribResultModel  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

int
trib_result_model_get_sort_column (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), -1);

  return self->sort_column;
}

gboolean
trib_result_model_get_sort_descending (TribResultModel *self)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), FALSE);

  return self->sort_descending;
}

guint
trib_result_snapshot_get_n_rows (TribResultSnapshot *snapshot)
{
  return snapshot->n_rows;
}

guint
trib_result_snapshot_get_n_columns (TribResultSnapshot *snapshot)
{
  return snapshot->n_columns;
}

const char *
trib_result_snapshot_get_column_name (TribResultSnapshot *snapshot,
                                      guint               column)
{
  g_return_val_if_fail (column < snapshot->n_columns, NULL);

  return snapshot->columns[column].name;
}

TribColumnKind
trib_result_snapshot_get_column_kind (TribResultSnapshot *snapshot,
                                      guint               column)
{
  g_return_val_if_fail (column < snapshot->n_columns, TRIB_COLUMN_KIND_TEXT);

  return snapshot->columns[column].kind;
}

const char *
trib_result_snapshot_get_value (TribResultSnapshot *snapshot,
                                guint               position,
                                guint               column,
                                gsize              *length)
{
  Rows rows = {
    .batches = (TribResultBatch **) snapshot->batches->pdata,
    .starts = snapshot->starts,
    .n_batches = snapshot->batches->len,
    .order = snapshot->order,
  };

  g_return_val_if_fail (position < snapshot->n_rows, NULL);
  g_return_val_if_fail (column < snapshot->n_columns, NULL);

  return rows_get_value (&rows, position, column, length);
}

void
trib_result_snapshot_free (TribResultSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < snapshot->n_columns; i++)
    g_free (snapshot->columns[i].name);
  g_free (snapshot->columns);
  g_ptr_array_unref (snapshot->batches);
  g_free (snapshot->starts);
  g_free (snapshot->order);
  g_free (snapshot);
}
