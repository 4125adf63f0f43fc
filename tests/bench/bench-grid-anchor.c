/* bench-grid-anchor.c
 *
 * The anchor of bench-grid's stall figures: a bare GtkColumnView (8
 * inscription columns, as our cells are, in a toplevel of its own the
 * size of our grid) over a simple GListModel, to which the changes our
 * grid's model made are replayed at the times they came; and how the
 * benchmark records them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "bench-grid-anchor.h"
#include "trib-ui-test.h"

static const char * const column_names[BENCH_GRID_N_COLUMNS] = {
  "id", "score", "name", "seen", "even", "digest", "ratio", "event_type",
};

void
bench_recording_cb (GListModel     *model,
                    guint           position,
                    guint           removed,
                    guint           added,
                    BenchRecording *recording)
{
  BenchChange change = { g_get_monotonic_time () - recording->started, position, removed, added };

  g_array_append_val (recording->changes, change);
}

/* How many rows the grid had when the longest gap of @probe began. */
guint
bench_recording_rows_at (BenchRecording   *recording,
                         const BenchProbe *probe)
{
  guint n_rows = recording->n_before;

  for (guint i = 0; i < recording->changes->len; i++)
    {
      const BenchChange *change = &g_array_index (recording->changes, BenchChange, i);

      if (recording->started + change->at > probe->max_from)
        break;
      n_rows = n_rows - change->removed + change->added;
    }

  return n_rows;
}

static void
bench_rows_apply (BenchRows         *self,
                  const BenchChange *change)
{
  self->n_rows = self->n_rows - change->removed + change->added;
  if (change->position == 0 && change->added > 0 && change->removed == change->added &&
      change->added == self->n_rows)
    self->reversed = !self->reversed;
  g_list_model_items_changed (G_LIST_MODEL (self), change->position, change->removed, change->added);
}

/* What the query prints for row @id, column @column. */
static char *
anchor_value (guint id,
              guint column)
{
  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", id);
    case 1:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, id * 2.5));
      }
    case 2:
      return g_strdup_printf ("name-%u", id);
    case 3:
      {
        g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
        g_autoptr(GDateTime) seen = g_date_time_add_seconds (start, id);

        return g_date_time_format (seen, "%Y-%m-%d %H:%M:%S+00");
      }
    case 4:
      return g_strdup (id % 2 == 0 ? "t" : "f");
    case 5:
      {
        g_autofree char *text = g_strdup_printf ("%u", id);

        return g_compute_checksum_for_string (G_CHECKSUM_MD5, text, -1);
      }
    case 6:
      return g_strdup_printf ("%.20f", (id % 1000) / 7.0);
    default:
      return id % 10 == 0 ? NULL : g_strdup ("web.webpagedetails.pageViews");
    }
}

static void
anchor_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, bench_grid_cell_new (0, 14, 14));
}

static void
anchor_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  BenchRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = anchor_value (row->id, GPOINTER_TO_UINT (user_data));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text != NULL ? text : "NULL");
}

void
bench_anchor_init (BenchAnchor *anchor,
                   int          width,
                   int          height)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkMultiSelection *selection;
  GtkWidget *column_view;

  anchor->rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  selection = gtk_multi_selection_new (g_object_ref (anchor->rows));
  column_view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  anchor->column_view = GTK_COLUMN_VIEW (column_view);
  for (guint i = 0; i < BENCH_GRID_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (anchor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (anchor_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (column_names[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (column_view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), column_view);

  anchor->window = gtk_window_new ();
  /* The size of our grid, without a title bar. */
  gtk_window_set_decorated (GTK_WINDOW (anchor->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (anchor->window), width, height);
  gtk_window_set_child (GTK_WINDOW (anchor->window), scrolled);
  gtk_window_present (GTK_WINDOW (anchor->window));
  trib_ui_test_wait_for_mapped (column_view, TRUE);
  trib_ui_test_settle ();
}

typedef struct
{
  BenchAnchor *anchor;
  GArray *changes;
  gint64 started;
  guint next;
} Replay;

/* Each change at the time it came to our grid, in a dispatch of its own. */
static gboolean
replay_cb (gpointer data)
{
  Replay *replay = data;
  const BenchChange *change;

  if (replay->next >= replay->changes->len)
    return G_SOURCE_REMOVE;

  change = &g_array_index (replay->changes, BenchChange, replay->next);
  if (g_get_monotonic_time () - replay->started >= change->at)
    {
      bench_rows_apply (BENCH_ROWS (replay->anchor->rows), change);
      replay->next++;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
replay_done (gpointer data)
{
  Replay *replay = data;

  return replay->next >= replay->changes->len;
}

/* Gives the bare grid @n_rows rows, in their first order, and lets it
 * draw them.
 */
void
bench_anchor_set_rows (BenchAnchor *anchor,
                       guint        n_rows)
{
  BenchChange change = { 0, 0, BENCH_ROWS (anchor->rows)->n_rows, n_rows };

  BENCH_ROWS (anchor->rows)->reversed = FALSE;
  g_clear_pointer (&BENCH_ROWS (anchor->rows)->order, g_free);
  bench_rows_apply (BENCH_ROWS (anchor->rows), &change);
  bench_wait_for_frame (anchor->window);
}

/* Returns: the longest stall replaying @recording on the bare grid, from
 * as many rows as ours had
 */
double
bench_anchor_round (BenchAnchor    *anchor,
                    BenchRecording *recording,
                    guint          *rows_at)
{
  Replay replay = { anchor, recording->changes, 0, 0 };
  BenchProbe probe;
  double stall;
  guint source;

  bench_anchor_set_rows (anchor, recording->n_before);
  bench_probe_start (&probe);
  replay.started = g_get_monotonic_time ();
  source = g_idle_add (replay_cb, &replay);
  bench_run_until (replay_done, &replay, 120);
  g_source_remove (source);
  bench_wait_for_frame (anchor->window);
  stall = bench_probe_stop (&probe);
  *rows_at = bench_recording_rows_at (&(BenchRecording) { recording->changes, replay.started, recording->n_before }, &probe);

  return stall;
}

/* Sorting ------------------------------------------------------------- */

typedef struct
{
  guint n_rows;
  guint column;
  gboolean descending;
  char **keys;
  guint32 *order;
  gboolean done;
} AnchorSort;

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  AnchorSort *sort = data;
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;
  const char *key_x = sort->keys[x];
  const char *key_y = sort->keys[y];
  int cmp;

  /* As the app sorts text: by bytes, NULLs last, ties in arrival order. */
  if (key_x == NULL || key_y == NULL)
    cmp = (key_x == NULL) - (key_y == NULL);
  else
    cmp = strcmp (key_x, key_y);
  if (cmp != 0)
    return sort->descending && key_x != NULL && key_y != NULL ? -cmp : cmp;

  return (x > y) - (x < y);
}

static gboolean
anchor_sorted_cb (gpointer data)
{
  ((AnchorSort *) data)->done = TRUE;

  return G_SOURCE_REMOVE;
}

/* As the app sorts: on a thread of its own, at a lower priority, the
 * window's frames first.
 */
static gpointer
anchor_sort_thread (gpointer data)
{
  AnchorSort *sort = data;

#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  sort->keys = g_new (char *, sort->n_rows);
  sort->order = g_new (guint32, MAX (sort->n_rows, 1));
  for (guint i = 0; i < sort->n_rows; i++)
    {
      sort->keys[i] = anchor_value (i + 1, sort->column);
      sort->order[i] = i;
    }
  g_qsort_with_data (sort->order, sort->n_rows, sizeof (guint32), compare_keys, sort);
  for (guint i = 0; i < sort->n_rows; i++)
    g_free (sort->keys[i]);
  g_clear_pointer (&sort->keys, g_free);

  g_idle_add (anchor_sorted_cb, sort);

  return NULL;
}

static gboolean
anchor_sort_done (gpointer data)
{
  return ((AnchorSort *) data)->done;
}

/**
 * bench_anchor_sort_round:
 * @n_rows: the rows the bare grid has, in their first order, before
 * @column: the column to sort by, as text
 *
 * The cheapest way a bare GtkColumnView shows a new order of all its
 * rows: the order computed on a thread, as ours is, then the grid given
 * a new selection model over rows in that order (GTK 4.8 makes its row
 * widgets anew for them). The cheapest of the ways tried, a million
 * rows, default renderer: a new selection model 0.36–0.89 s; the same
 * selection given the new rows (gtk_multi_selection_set_model) 1.2–3.0 s,
 * an all-rows items-changed on one model 0.6–0.9 s (issue 10).
 *
 * Returns: the longest stall, from asking for the sort to the frame
 *   after the new order is shown
 */
double
bench_anchor_sort_round (BenchAnchor *anchor,
                         guint        n_rows,
                         guint        column,
                         gboolean     descending)
{
  AnchorSort sort = { n_rows, column, descending, NULL, NULL, FALSE };
  GtkSelectionModel *selection;
  BenchRows *sorted;
  BenchProbe probe;
  double stall;

  bench_anchor_set_rows (anchor, n_rows);

  bench_probe_start (&probe);
  g_thread_unref (g_thread_new ("anchor-sort", anchor_sort_thread, &sort));
  bench_run_until (anchor_sort_done, &sort, 120);

  sorted = g_object_new (BENCH_TYPE_ROWS, NULL);
  sorted->n_rows = n_rows;
  sorted->order = g_steal_pointer (&sort.order);
  selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (sorted))));
  gtk_column_view_set_model (anchor->column_view, selection);
  g_object_unref (selection);
  g_set_object (&anchor->rows, G_LIST_MODEL (sorted));
  g_object_unref (sorted);

  bench_wait_for_frame (anchor->window);
  stall = bench_probe_stop (&probe);

  return stall;
}

void
bench_anchor_clear (BenchAnchor *anchor)
{
  if (anchor->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&anchor->window)));
  g_clear_object (&anchor->rows);
}
