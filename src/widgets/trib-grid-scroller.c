/* trib-grid-scroller.c
 *
 * Scrolls a grid (the result grid, the datasets list) by whole rows, as
 * a spreadsheet does: its child, a GtkScrolledWindow around the grid's
 * GtkColumnView, scrolls sideways only, and the grid's list holds the
 * rows there is room for (TribGridSlots), which this moves along all the
 * rows. The wheel, the touchpad, the scroll bar beside the rows and the
 * keys that move past the first or last row in sight
 * (trib-grid-scroller-keys.c) all move the slots' offset.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-grid-scroller"

#include "config.h"

#include <math.h>

#include "trib-grid-scroller-private.h"

/* As GtkScrolledWindow: a touchpad's deltas are a few pixels each. */
#define SURFACE_SCROLL_FACTOR 2.5
#define WHEEL_ROWS            3
/* Before the first row is drawn, the rows it has room for are guessed. */
#define GUESSED_ROW_HEIGHT    24
/* Of a flick's speed, what is left after a second: e^-4. */
#define KINETIC_FRICTION      4.0
#define KINETIC_STOP_SPEED    30.0
/* As GtkScrolledWindow's indicators: gone a second after the last move. */
#define INDICATOR_SHOWN_MS    1000

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribGridScroller, trib_grid_scroller, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

static GtkBuildableIface *parent_buildable_iface;

static GtkWidget *
get_column_view (TribGridScroller *self)
{
  if (self->child == NULL)
    return NULL;

  return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->child));
}

/* The GtkListView a GTK 4.8 column view holds its rows in, after its
 * header: the row widgets are its children, in the order of the items.
 */
GtkWidget *
_trib_grid_scroller_get_row_list (TribGridScroller *self)
{
  GtkWidget *column_view = get_column_view (self);

  return column_view != NULL ? gtk_widget_get_last_child (column_view) : NULL;
}

guint
_trib_grid_scroller_get_n_rows (TribGridScroller *self)
{
  if (self->slots == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (trib_grid_slots_get_rows (self->slots)));
}

/* Only when there is somewhere to scroll to, as a scrolled window's
 * automatic bars.
 */
static void
update_scrollbar_visible (TribGridScroller *self)
{
  gtk_widget_set_child_visible (self->scrollbar,
                                self->bar_fits && _trib_grid_scroller_get_n_rows (self) > self->n_in_sight);
}

static void
configure_adjustment (TribGridScroller *self)
{
  guint n_rows = _trib_grid_scroller_get_n_rows (self);
  guint page = MAX (self->n_in_sight, 1);

  self->syncing = TRUE;
  gtk_adjustment_configure (self->adjustment,
                            self->slots != NULL ? trib_grid_slots_get_offset (self->slots) : 0,
                            0, n_rows, 1, MAX (page - 1, 1), MIN (page, n_rows));
  self->syncing = FALSE;
  update_scrollbar_visible (self);
}

/* The row at the top, where the adjustment is: the scroll bar drags
 * through fractions of a row.
 */
static guint
get_top_row (TribGridScroller *self)
{
  return (guint) round (gtk_adjustment_get_value (self->adjustment));
}

/* Configuring may have moved the value back within the rows. */
static void
follow_adjustment (TribGridScroller *self)
{
  if (self->slots != NULL)
    trib_grid_slots_set_offset (self->slots, get_top_row (self));
}

static gboolean
fade_indicator_cb (gpointer user_data)
{
  TribGridScroller *self = user_data;

  if (self->pointer_on_bar)
    return G_SOURCE_CONTINUE;

  self->indicator_source = 0;
  gtk_widget_add_css_class (self->scrollbar, "faded");
  return G_SOURCE_REMOVE;
}

/* The scroll bar shows while the grid moves or the pointer does, as a
 * scrolled window's overlay indicators do, then fades (ui/style.css).
 */
static void
show_indicator (TribGridScroller *self)
{
  g_clear_handle_id (&self->indicator_source, g_source_remove);
  gtk_widget_remove_css_class (self->scrollbar, "faded");
  self->indicator_source = g_timeout_add (INDICATOR_SHOWN_MS, fade_indicator_cb, self);
}

static void
value_changed_cb (TribGridScroller *self)
{
  show_indicator (self);
  if (self->syncing || self->slots == NULL)
    return;

  trib_grid_slots_set_offset (self->slots, get_top_row (self));
}

static void
offset_changed_cb (TribGridScroller *self)
{
  guint offset = trib_grid_slots_get_offset (self->slots);

  if (get_top_row (self) == offset)
    return;

  self->syncing = TRUE;
  gtk_adjustment_set_value (self->adjustment, offset);
  self->syncing = FALSE;
}

static void
rows_changed_cb (TribGridScroller *self)
{
  configure_adjustment (self);
  follow_adjustment (self);
}

/* Rows are added to or taken from the grid's list after the layout that
 * found room for them, not during it, where a change to the list would
 * leave its rows to be laid out again after they were.
 */
static gboolean
set_room_cb (gpointer user_data)
{
  TribGridScroller *self = user_data;

  self->room_source = 0;
  follow_adjustment (self);
  if (self->slots != NULL)
    trib_grid_slots_set_n_slots (self->slots, self->n_in_sight + 1);

  return G_SOURCE_REMOVE;
}

/* The tallest row, separator included, so that as many as are said to
 * be in sight are.
 */
static int
measure_row_height (TribGridScroller *self,
                    GtkWidget        *list)
{
  int height = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (row) && gtk_widget_compute_bounds (row, list, &bounds))
        height = MAX (height, (int) ceilf (bounds.size.height));
    }

  return height > 0 ? height : self->row_height > 0 ? self->row_height : GUESSED_ROW_HEIGHT;
}

static void
find_room (TribGridScroller *self)
{
  GtkWidget *list = _trib_grid_scroller_get_row_list (self);
  guint n_in_sight;

  if (list == NULL)
    return;

  self->row_height = measure_row_height (self, list);
  n_in_sight = MAX (gtk_widget_get_height (list) / self->row_height, 1);
  if (n_in_sight != self->n_in_sight)
    {
      self->n_in_sight = n_in_sight;
      configure_adjustment (self);
    }

  /* One more, for the row partly in sight under the others. */
  if (self->slots != NULL && self->room_source == 0 &&
      (trib_grid_slots_get_n_slots (self->slots) != n_in_sight + 1 ||
       trib_grid_slots_get_offset (self->slots) != get_top_row (self)))
    self->room_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_room_cb, self, NULL);
}

static void
trib_grid_scroller_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TribGridScroller *self = TRIB_GRID_SCROLLER (widget);

  if (self->child != NULL)
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
trib_grid_scroller_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TribGridScroller *self = TRIB_GRID_SCROLLER (widget);
  GtkWidget *column_view;
  GtkWidget *header;
  int bar_width = 0;
  int bar_height = 0;
  int header_height = 0;

  if (self->child == NULL)
    return;

  gtk_widget_allocate (self->child, width, height, baseline, NULL);

  column_view = get_column_view (self);
  header = column_view != NULL ? gtk_widget_get_first_child (column_view) : NULL;
  if (header != NULL && header != _trib_grid_scroller_get_row_list (self))
    header_height = gtk_widget_get_height (header);

  /* Before the scroll bar is laid out, as the adjustment lays it out again. */
  find_room (self);

  /* Over the rows' right edge, as a scrolled window's bars are. */
  gtk_widget_measure (self->scrollbar, GTK_ORIENTATION_HORIZONTAL, -1,
                      &bar_width, NULL, NULL, NULL);
  gtk_widget_measure (self->scrollbar, GTK_ORIENTATION_VERTICAL, bar_width,
                      &bar_height, NULL, NULL, NULL);
  self->bar_fits = height - header_height >= bar_height;
  update_scrollbar_visible (self);
  gtk_widget_allocate (self->scrollbar, bar_width, MAX (height - header_height, bar_height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - bar_width,
                                                                            header_height)));
}

static void
stop_kinetic (TribGridScroller *self)
{
  if (self->kinetic_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
  self->kinetic_tick = 0;
}

static gboolean
scroll_across (TribGridScroller *self,
               double            pixels)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->child);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (scrolled);
  double value = gtk_adjustment_get_value (adjustment);

  gtk_adjustment_set_value (adjustment, value + pixels);

  return gtk_adjustment_get_value (adjustment) != value;
}

/* Returns: whether the grid moved */
static gboolean
scroll_along (TribGridScroller *self,
              double            rows)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  double whole;

  self->scroll_rest += rows;
  whole = trunc (self->scroll_rest);
  self->scroll_rest -= whole;
  if (whole == 0)
    return TRUE;

  gtk_adjustment_set_value (self->adjustment, value + whole);
  if (gtk_adjustment_get_value (self->adjustment) != value)
    return TRUE;

  self->scroll_rest = 0;
  return FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TribGridScroller         *self)
{
  GtkEventController *event_controller = GTK_EVENT_CONTROLLER (controller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (event_controller);
  GtkAdjustment *hadjustment;

  if (self->child == NULL)
    return GDK_EVENT_PROPAGATE;

  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->child));

  stop_kinetic (self);

  if ((state & GDK_SHIFT_MASK) != 0 && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    {
      /* As far as a scrolled window takes it for a wheel's notch. */
      if (dx != 0)
        scroll_across (self, dx * pow (gtk_adjustment_get_page_size (hadjustment), 2.0 / 3.0));
      if (dy != 0)
        scroll_along (self, dy * WHEEL_ROWS);
    }
  else
    {
      if (dx != 0)
        scroll_across (self, dx * SURFACE_SCROLL_FACTOR);
      if (dy != 0)
        scroll_along (self, dy * SURFACE_SCROLL_FACTOR / self->row_height);
    }

  return GDK_EVENT_STOP;
}

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  TribGridScroller *self = TRIB_GRID_SCROLLER (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = (now - self->kinetic_time) / (double) G_USEC_PER_SEC;
  double decay = exp (-KINETIC_FRICTION * seconds);
  gboolean moving = FALSE;

  self->kinetic_time = now;
  for (guint i = 0; i < 2; i++)
    {
      /* The distance the speed covers while it decays over @seconds. */
      double pixels = self->kinetic_speed[i] * (1 - decay) / KINETIC_FRICTION;

      self->kinetic_speed[i] *= decay;
      if (fabs (self->kinetic_speed[i]) < KINETIC_STOP_SPEED)
        {
          self->kinetic_speed[i] = 0;
          continue;
        }
      if (i == 0 ? scroll_across (self, pixels) : scroll_along (self, pixels / self->row_height))
        moving = TRUE;
      else
        self->kinetic_speed[i] = 0;
    }

  if (moving)
    return G_SOURCE_CONTINUE;

  self->kinetic_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
decelerate_cb (GtkEventControllerScroll *controller,
               double                    speed_x,
               double                    speed_y,
               TribGridScroller         *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (gtk_event_controller_scroll_get_unit (controller) != GDK_SCROLL_UNIT_SURFACE || clock == NULL)
    return;

  stop_kinetic (self);
  self->kinetic_speed[0] = speed_x * SURFACE_SCROLL_FACTOR;
  self->kinetic_speed[1] = speed_y * SURFACE_SCROLL_FACTOR;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb,
                                                     NULL, NULL);
}

static void
scrollbar_enter_cb (TribGridScroller *self)
{
  self->pointer_on_bar = TRUE;
  gtk_widget_add_css_class (self->scrollbar, "hovering");
  show_indicator (self);
}

static void
scrollbar_leave_cb (TribGridScroller *self)
{
  self->pointer_on_bar = FALSE;
  gtk_widget_remove_css_class (self->scrollbar, "hovering");
}

static void
trib_grid_scroller_dispose (GObject *object)
{
  TribGridScroller *self = (TribGridScroller *) object;

  stop_kinetic (self);
  g_clear_handle_id (&self->room_source, g_source_remove);
  g_clear_handle_id (&self->indicator_source, g_source_remove);
  trib_grid_scroller_set_slots (self, NULL);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->scrollbar, gtk_widget_unparent);
  g_clear_object (&self->adjustment);

  G_OBJECT_CLASS (trib_grid_scroller_parent_class)->dispose (object);
}

static void
trib_grid_scroller_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribGridScroller *self = TRIB_GRID_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_grid_scroller_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribGridScroller *self = TRIB_GRID_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      trib_grid_scroller_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_grid_scroller_add_child (GtkBuildable *buildable,
                              GtkBuilder   *builder,
                              GObject      *child,
                              const char   *type)
{
  if (GTK_IS_WIDGET (child))
    trib_grid_scroller_set_child (TRIB_GRID_SCROLLER (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = trib_grid_scroller_add_child;
}

static void
trib_grid_scroller_class_init (TribGridScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_grid_scroller_dispose;
  object_class->get_property = trib_grid_scroller_get_property;
  object_class->set_property = trib_grid_scroller_set_property;

  widget_class->measure = trib_grid_scroller_measure;
  widget_class->size_allocate = trib_grid_scroller_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "gridscroller");
}

static void
trib_grid_scroller_init (TribGridScroller *self)
{
  GtkEventController *controller;

  self->adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 1, 1, 0));
  g_signal_connect_swapped (self->adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);

  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->adjustment);
  gtk_widget_add_css_class (self->scrollbar, "overlay-indicator");
  gtk_widget_add_css_class (self->scrollbar, "faded");
  gtk_widget_set_parent (self->scrollbar, GTK_WIDGET (self));
  /* Thin until the pointer is on it, as a scrolled window's bars are. */
  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (scrollbar_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (scrollbar_leave_cb), self);
  gtk_widget_add_controller (self->scrollbar, controller);

  /* Before the scrolled window and the list see the wheel. */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (show_indicator), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _trib_grid_scroller_init_keys (self);
}

GtkWidget *
trib_grid_scroller_get_child (TribGridScroller *self)
{
  g_return_val_if_fail (TRIB_IS_GRID_SCROLLER (self), NULL);

  return self->child;
}

/**
 * trib_grid_scroller_set_child:
 * @child: a `GtkScrolledWindow` around the grid's `GtkColumnView`
 */
void
trib_grid_scroller_set_child (TribGridScroller *self,
                              GtkWidget        *child)
{
  g_return_if_fail (TRIB_IS_GRID_SCROLLER (self));
  g_return_if_fail (child == NULL || GTK_IS_SCROLLED_WINDOW (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_insert_before (child, GTK_WIDGET (self), self->scrollbar);
      /* The rows are moved here; the list itself never scrolls. */
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (child),
                                      GTK_POLICY_AUTOMATIC, GTK_POLICY_EXTERNAL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/**
 * trib_grid_scroller_set_slots:
 * @slots: (nullable): the items of the grid's list
 */
void
trib_grid_scroller_set_slots (TribGridScroller *self,
                              TribGridSlots    *slots)
{
  g_return_if_fail (TRIB_IS_GRID_SCROLLER (self));

  if (self->slots == slots)
    return;

  if (self->slots != NULL)
    {
      g_signal_handlers_disconnect_by_data (trib_grid_slots_get_rows (self->slots), self);
      g_signal_handlers_disconnect_by_data (self->slots, self);
    }
  g_set_object (&self->slots, slots);
  if (slots != NULL)
    {
      g_signal_connect_object (trib_grid_slots_get_rows (slots), "items-changed",
                               G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (slots, "notify::offset", G_CALLBACK (offset_changed_cb),
                               self, G_CONNECT_SWAPPED);
      trib_grid_slots_set_n_slots (slots, self->n_in_sight + 1);
    }

  configure_adjustment (self);
  follow_adjustment (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * trib_grid_scroller_get_adjustment:
 *
 * Returns: (transfer none): where the grid is scrolled to, in rows
 */
GtkAdjustment *
trib_grid_scroller_get_adjustment (TribGridScroller *self)
{
  g_return_val_if_fail (TRIB_IS_GRID_SCROLLER (self), NULL);

  return self->adjustment;
}
