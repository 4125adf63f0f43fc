/* trib-runs-chart.c
 *
 * A flow's runs over time, as bars: the records each run wrote and, on
 * top, those it refused, with a tick at the records it read. Drawn with
 * GtkSnapshot's rectangles only (no cairo, no new dependency), in the
 * style's own colours (`success_color`, `error_color`, the foreground),
 * so that it follows light, dark and high contrast.
 *
 * Ten thousand runs arrive a hundred at a time: each page only appends
 * four numbers per run to an array (pages come newest first, nothing is
 * sorted) and queues a draw. The runs are summed into one bar per few
 * pixels once per change of the runs or of the width, in the first frame
 * after it (a pass over the array, well under a millisecond), not at
 * every frame: a frame that draws the chart again unchanged costs its
 * bars only, however many runs there are.
 *
 * Its accessible description says what it shows in words.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-runs-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-run.h"
#include "trib-format.h"
#include "trib-runs-chart.h"

#define BAR_WIDTH 4       /* px per bar, its gap included */
#define MIN_HEIGHT 96

typedef struct
{
  gint64 started_ms;
  gint64 in;
  gint64 out;
  gint64 failed;
} Point;

typedef struct
{
  gint64 in;
  gint64 out;
  gint64 failed;
} Bar;

struct _TribRunsChart
{
  GtkWidget parent_instance;

  GArray *points;               /* Point, in the order given */
  GArray *bars;                 /* Bar, summed from @points for @bars_width */
  int bars_width;               /* 0: to be summed again */
  gint64 peak;                  /* the tallest bar's records */
  gint64 min_ms;
  gint64 max_ms;
  gint64 total_in;
  gint64 total_out;
  gint64 total_failed;
  guint n_failing;              /* runs with refused records */
  GListModel *runs;
  guint n_seen;                 /* items of @runs read, charted or not */
  char *description;
  guint description_idle;
};

G_DEFINE_FINAL_TYPE (TribRunsChart, trib_runs_chart, GTK_TYPE_WIDGET)

static GdkRGBA
style_color (GtkWidget  *widget,
             const char *name,
             const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (name == NULL)
    gtk_style_context_get_color (context, &color);
  else if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

/* One bar per few pixels, each summing the runs of its stretch of time. */
static void
sum_bars (TribRunsChart *self,
          int            width)
{
  guint n_bars = MAX (1, MIN ((guint) (width / BAR_WIDTH), self->points->len));
  gint64 span = MAX (1, self->max_ms - self->min_ms);
  Bar *bars;

  g_array_set_size (self->bars, 0);
  g_array_set_size (self->bars, n_bars);
  bars = (Bar *) (gpointer) self->bars->data;
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      guint bar = (guint) ((double) (point->started_ms - self->min_ms) / span * (n_bars - 1) + 0.5);

      bar = MIN (bar, n_bars - 1);
      bars[bar].in += point->in;
      bars[bar].out += point->out;
      bars[bar].failed += point->failed;
    }

  self->peak = 1;
  for (guint bar = 0; bar < n_bars; bar++)
    self->peak = MAX (self->peak, MAX (bars[bar].in, bars[bar].out + bars[bar].failed));
  self->bars_width = width;
}

static void
trib_runs_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TribRunsChart *self = TRIB_RUNS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA out_color = style_color (widget, "success_color", "#26a269");
  GdkRGBA failed_color = style_color (widget, "error_color", "#c01c28");
  GdkRGBA fg = style_color (widget, NULL, NULL);
  GdkRGBA axis = fg;
  double usable = height - 2;
  guint n_bars;

  axis.alpha *= 0.3;
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  if (self->points->len == 0 || width < BAR_WIDTH || height < 4)
    return;

  if (self->bars_width != width)
    sum_bars (self, width);

  n_bars = self->bars->len;
  for (guint i = 0; i < n_bars; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      double x = (double) i * width / n_bars;
      double w = MAX (1.0, (double) width / n_bars - 1);
      double out_h = usable * bar->out / self->peak;
      double failed_h = usable * bar->failed / self->peak;
      double in_y = height - 1 - usable * bar->in / self->peak;

      if (out_h > 0)
        gtk_snapshot_append_color (snapshot, &out_color, &GRAPHENE_RECT_INIT (x, height - 1 - out_h, w, out_h));
      if (failed_h > 0)
        gtk_snapshot_append_color (snapshot, &failed_color,
                                   &GRAPHENE_RECT_INIT (x, height - 1 - out_h - MAX (failed_h, 2), w,
                                                        MAX (failed_h, 2)));
      if (bar->in > 0)
        gtk_snapshot_append_color (snapshot, &fg, &GRAPHENE_RECT_INIT (x, in_y, w, 1));
    }
}

static void
trib_runs_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 40 : MIN_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : MIN_HEIGHT;
}

static char *
format_ms (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);

  return utc != NULL ? trib_format_date_time (utc) : g_strdup ("");
}

static gboolean
description_idle_cb (gpointer data)
{
  TribRunsChart *self = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *failed = NULL;

  self->description_idle = 0;
  g_free (self->description);
  if (self->points->len == 0)
    self->description = g_strdup (_("No runs to chart yet."));
  else
    {
      from = format_ms (self->min_ms);
      to = format_ms (self->max_ms);
      in = trib_format_count (self->total_in);
      out = trib_format_count (self->total_out);
      failed = trib_format_count (self->total_failed);
      self->description = g_strdup_printf (
        /* Translators: the chart of a flow's runs, described: how many runs, from when to when, records
         * read, written and refused, and how many runs refused some */
        g_dngettext (GETTEXT_PACKAGE,
                     "Records of %u run from %s to %s: %s read, %s written, %s failed; %u run had failed records.",
                     "Records of %u runs from %s to %s: %s read, %s written, %s failed; %u runs had failed records.",
                     self->points->len),
        self->points->len, from, to, in, out, failed, self->n_failing);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);

  return G_SOURCE_REMOVE;
}

static void
changed (TribRunsChart *self)
{
  self->bars_width = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->description_idle == 0)
    self->description_idle = g_idle_add_full (G_PRIORITY_LOW, description_idle_cb, self, NULL);
}

static void
add_point (TribRunsChart *self,
           const Point   *point)
{
  if (self->points->len == 0)
    self->min_ms = self->max_ms = point->started_ms;
  self->min_ms = MIN (self->min_ms, point->started_ms);
  self->max_ms = MAX (self->max_ms, point->started_ms);
  self->total_in += point->in;
  self->total_out += point->out;
  self->total_failed += point->failed;
  if (point->failed > 0)
    self->n_failing++;
  g_array_append_val (self->points, *point);
}

static void
runs_changed_cb (TribRunsChart *self,
                 guint          position,
                 guint          removed,
                 guint          added,
                 GListModel    *runs)
{
  /* A paged list only grows; anything else is read again whole. */
  if (removed > 0 || position != self->n_seen)
    {
      trib_runs_chart_set_runs (self, runs);
      return;
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribFlowRun) run = g_list_model_get_item (runs, i);
      Point point = {
        trib_flow_run_get_started_ms (run),
        MAX (0, trib_flow_run_get_records_in (run)),
        MAX (0, trib_flow_run_get_records_out (run)),
        MAX (0, trib_flow_run_get_records_failed (run)),
      };

      /* Runs not started have no place on the time line yet. */
      if (point.started_ms > 0)
        add_point (self, &point);
    }
  self->n_seen += added;
  changed (self);
}

static void
trib_runs_chart_dispose (GObject *object)
{
  TribRunsChart *self = (TribRunsChart *) object;

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_func (self->runs, runs_changed_cb, self);
  g_clear_object (&self->runs);
  g_clear_handle_id (&self->description_idle, g_source_remove);

  G_OBJECT_CLASS (trib_runs_chart_parent_class)->dispose (object);
}

static void
trib_runs_chart_finalize (GObject *object)
{
  TribRunsChart *self = (TribRunsChart *) object;

  g_array_unref (self->points);
  g_array_unref (self->bars);
  g_free (self->description);

  G_OBJECT_CLASS (trib_runs_chart_parent_class)->finalize (object);
}

static void
trib_runs_chart_class_init (TribRunsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_runs_chart_dispose;
  object_class->finalize = trib_runs_chart_finalize;
  widget_class->snapshot = trib_runs_chart_snapshot;
  widget_class->measure = trib_runs_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "runs-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trib_runs_chart_init (TribRunsChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Records per run"), -1);
  changed (self);
}

GtkWidget *
trib_runs_chart_new (void)
{
  return g_object_new (TRIB_TYPE_RUNS_CHART, NULL);
}

void
trib_runs_chart_clear (TribRunsChart *self)
{
  g_return_if_fail (TRIB_IS_RUNS_CHART (self));

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_func (self->runs, runs_changed_cb, self);
  g_clear_object (&self->runs);
  g_array_set_size (self->points, 0);
  self->n_seen = 0;
  self->total_in = self->total_out = self->total_failed = 0;
  self->n_failing = 0;
  changed (self);
}

/**
 * trib_runs_chart_set_runs:
 * @runs: (nullable): a #GListModel of #TribFlowRun, growing as it pages
 *
 * Charts @runs, and those that come after.
 */
void
trib_runs_chart_set_runs (TribRunsChart *self,
                          GListModel    *runs)
{
  g_autoptr(GListModel) held = runs != NULL ? g_object_ref (runs) : NULL;

  g_return_if_fail (TRIB_IS_RUNS_CHART (self));

  trib_runs_chart_clear (self);
  if (runs == NULL)
    return;

  self->runs = g_steal_pointer (&held);
  g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (runs_changed_cb), self, G_CONNECT_SWAPPED);
  runs_changed_cb (self, 0, 0, g_list_model_get_n_items (self->runs), self->runs);
}

/**
 * trib_runs_chart_add_run:
 *
 * Adds one run's figures, for a chart without a model.
 */
void
trib_runs_chart_add_run (TribRunsChart *self,
                         gint64         started_ms,
                         gint64         records_in,
                         gint64         records_out,
                         gint64         records_failed)
{
  Point point = { started_ms, MAX (0, records_in), MAX (0, records_out), MAX (0, records_failed) };

  g_return_if_fail (TRIB_IS_RUNS_CHART (self));

  add_point (self, &point);
  changed (self);
}

guint
trib_runs_chart_get_n_runs (TribRunsChart *self)
{
  g_return_val_if_fail (TRIB_IS_RUNS_CHART (self), 0);

  return self->points->len;
}

/**
 * trib_runs_chart_get_description:
 *
 * Returns: what the chart shows, in words, as its accessible description
 */
const char *
trib_runs_chart_get_description (TribRunsChart *self)
{
  g_return_val_if_fail (TRIB_IS_RUNS_CHART (self), NULL);

  if (self->description_idle != 0)
    {
      g_clear_handle_id (&self->description_idle, g_source_remove);
      description_idle_cb (self);
    }

  return self->description;
}
