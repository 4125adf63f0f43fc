/* trib-row-feed.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-row-feed"

#include "config.h"

#include "trib-row-feed.h"

/* Lists the rows of a result in its grid as the grid's frames go, not as
 * the worker's batches come: while the grid is on screen, the model
 * holds the rows that arrive (trib_result_model_set_deferred()) and
 * lists them a few at a time, once a frame.
 *
 * The grid makes a row of cells for each row in sight at the change
 * that brings them (TribGridSlots): a first batch of thousands of rows
 * made a screenful of cells at once, and before the grid held only the
 * rows in sight, GTK 4.8 made 200 rows of them, hundreds of
 * milliseconds without a frame. So while the result is short, each
 * frame lists a few cells' worth of rows, after it is drawn, in a
 * dispatch of their own: made inside the frame, the cells' cost added
 * to the layout and drawing of the rows before them, and the frame came
 * late. After, new rows only lengthen the scrollbar, and all that came
 * are listed at once, a few times a second: each change lays the window
 * out again, and on X11 each layout asks the server for the monitor's
 * work area and waits for its answer, which a busy machine made a stall
 * of its own, sixty times a second.
 */
#define RAMP_ROWS         256
#define CELLS_PER_LISTING 48
#define LIST_PERIOD_MS    250

struct _TribRowFeed
{
  GObject parent_instance;

  GtkWidget *grid;              /* weak */
  TribResultModel *model;
  guint tick_id;
  guint listing_source;
  guint list_source;
};

G_DEFINE_FINAL_TYPE (TribRowFeed, trib_row_feed, G_TYPE_OBJECT)

static gboolean
is_ramping (TribRowFeed *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->model)) < RAMP_ROWS;
}

static guint
rows_per_listing (TribRowFeed *self)
{
  guint n_columns = MAX (trib_result_model_get_n_columns (self->model), 1);

  return MAX (CELLS_PER_LISTING / n_columns, 1);
}

static void pending_cb (TribRowFeed *self);

static gboolean
listing_cb (gpointer user_data)
{
  TribRowFeed *self = user_data;

  self->listing_source = 0;
  trib_result_model_flush (self->model, rows_per_listing (self));

  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *grid,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  TribRowFeed *self = user_data;

  if (trib_result_model_get_n_pending (self->model) > 0 && is_ramping (self))
    {
      /* After this frame's drawing, which has a higher priority. */
      if (self->listing_source == 0)
        self->listing_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, listing_cb, self, NULL);
      return G_SOURCE_CONTINUE;
    }

  self->tick_id = 0;
  pending_cb (self);
  return G_SOURCE_REMOVE;
}

static gboolean
list_cb (gpointer user_data)
{
  TribRowFeed *self = user_data;

  self->list_source = 0;
  trib_result_model_flush (self->model, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static void
stop_ticking (TribRowFeed *self)
{
  if (self->tick_id != 0 && self->grid != NULL)
    gtk_widget_remove_tick_callback (self->grid, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->listing_source, g_source_remove);
  g_clear_handle_id (&self->list_source, g_source_remove);
}

static void
pending_cb (TribRowFeed *self)
{
  if (self->tick_id != 0 || self->listing_source != 0 || self->list_source != 0 || self->grid == NULL ||
      !gtk_widget_get_mapped (self->grid) || trib_result_model_get_n_pending (self->model) == 0)
    return;

  if (is_ramping (self))
    self->tick_id = gtk_widget_add_tick_callback (self->grid, tick_cb, self, NULL);
  else
    self->list_source = g_timeout_add (LIST_PERIOD_MS, list_cb, self);
}

/* Off screen, no frame would come: rows are listed as they arrive. */
static void
follow_mapped (TribRowFeed *self)
{
  gboolean mapped = self->grid != NULL && gtk_widget_get_mapped (self->grid);

  if (self->model == NULL)
    return;

  if (!mapped)
    stop_ticking (self);
  trib_result_model_set_deferred (self->model, mapped);
  if (mapped)
    pending_cb (self);
}

static void
trib_row_feed_dispose (GObject *object)
{
  TribRowFeed *self = (TribRowFeed *) object;

  trib_row_feed_set_model (self, NULL);
  if (self->grid != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->grid, self);
      g_object_remove_weak_pointer (G_OBJECT (self->grid), (gpointer *) &self->grid);
      self->grid = NULL;
    }

  G_OBJECT_CLASS (trib_row_feed_parent_class)->dispose (object);
}

static void
trib_row_feed_class_init (TribRowFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trib_row_feed_dispose;
}

static void
trib_row_feed_init (TribRowFeed *self)
{
}

/**
 * trib_row_feed_new:
 * @grid: the widget that shows the rows, whose frames pace them
 */
TribRowFeed *
trib_row_feed_new (GtkWidget *grid)
{
  TribRowFeed *self;

  g_return_val_if_fail (GTK_IS_WIDGET (grid), NULL);

  self = g_object_new (TRIB_TYPE_ROW_FEED, NULL);
  self->grid = grid;
  g_object_add_weak_pointer (G_OBJECT (grid), (gpointer *) &self->grid);
  g_signal_connect_swapped (grid, "map", G_CALLBACK (follow_mapped), self);
  g_signal_connect_swapped (grid, "unmap", G_CALLBACK (follow_mapped), self);

  return self;
}

/**
 * trib_row_feed_set_model:
 * @model: (nullable): the rows the grid shows
 *
 * Feeds @model's rows to the grid; the model fed before lists all its
 * rows again as they arrive.
 */
void
trib_row_feed_set_model (TribRowFeed     *self,
                         TribResultModel *model)
{
  g_return_if_fail (TRIB_IS_ROW_FEED (self));
  g_return_if_fail (!model || TRIB_IS_RESULT_MODEL (model));

  if (self->model == model)
    return;

  stop_ticking (self);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, pending_cb, self);
      trib_result_model_set_deferred (self->model, FALSE);
    }

  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::n-pending", G_CALLBACK (pending_cb), self, G_CONNECT_SWAPPED);
      follow_mapped (self);
    }
}

/**
 * trib_row_feed_get_model:
 *
 * Returns: (transfer none) (nullable): the rows fed
 */
TribResultModel *
trib_row_feed_get_model (TribRowFeed *self)
{
  g_return_val_if_fail (TRIB_IS_ROW_FEED (self), NULL);

  return self->model;
}
