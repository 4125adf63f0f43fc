/* trib-schedule-timeline.c
 *
 * The collision check drawn: 48 hours in UTC from left to right, the
 * scheduled query's runs as bars (solid to the median length, lighter to
 * the worst, a faint tail for the safety margin), the export's ticks as
 * marks below them, and every tick that meets a run in the error colour
 * with the run outlined. The nearest safe start, when there is one, is
 * drawn as hollow marks. Hours are labelled in UTC, as both platform
 * schedulers count, with the local time under each.
 *
 * Colours are the theme's named colours (accent, error, success, the
 * text colour), so light, dark and high contrast all follow; high
 * contrast makes the light parts opaque. The check's sentences are the
 * accessible description: a screen reader hears every warning.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedule-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "trib-schedule-timeline.h"

#define PAD 12
#define LANE_GAP 8
#define BAR_HEIGHT 18
#define TICK_HEIGHT 22
#define HOUR_MS ((gint64) 60 * 60 * 1000)

struct _TribScheduleTimeline
{
  GtkWidget parent_instance;

  TribCollisionRuns *runs;
  TribCollisionReport *report;
  GTimeZone *zone;
  char *summary;
};

G_DEFINE_FINAL_TYPE (TribScheduleTimeline, trib_schedule_timeline, GTK_TYPE_WIDGET)

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA run;
  GdkRGBA run_worst;
  GdkRGBA margin;
  GdkRGBA error;
  GdkRGBA success;
  gboolean high_contrast;
} Palette;

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const char      *fallback,
        GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
get_palette (TribScheduleTimeline *self,
             Palette              *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  palette->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  gtk_style_context_get_color (context, &palette->fg);
  lookup (context, "accent_bg_color", "#3584e4", &palette->run);
  lookup (context, "error_color", "#c01c28", &palette->error);
  lookup (context, "success_color", "#26a269", &palette->success);

  palette->dim = palette->fg;
  palette->dim.alpha = palette->high_contrast ? 1.0 : 0.7;
  palette->grid = palette->fg;
  palette->grid.alpha = palette->high_contrast ? 0.5 : 0.15;
  palette->run_worst = palette->run;
  palette->run_worst.alpha = palette->high_contrast ? 0.7 : 0.45;
  palette->margin = palette->fg;
  palette->margin.alpha = palette->high_contrast ? 0.35 : 0.12;
}

static float
x_of (TribScheduleTimeline *self,
      gint64                time_ms,
      int                   width)
{
  double share = (double) (time_ms - self->runs->window_start_ms) / TRIB_COLLISION_WINDOW_MS;

  return (float) (PAD + CLAMP (share, 0.0, 1.0) * (width - 2 * PAD));
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
outline (GtkSnapshot           *snapshot,
         const graphene_rect_t *rect,
         float                  width,
         const GdkRGBA         *color)
{
  GskRoundedRect border;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&border, rect, 2);
  gtk_snapshot_append_border (snapshot, &border, widths, colors);
}

/* Hour labels: UTC above, local time below; every 6 hours when there is
 * room, else every 12. Returns the height they take. */
static int
draw_axis (TribScheduleTimeline *self,
           GtkSnapshot          *snapshot,
           PangoLayout          *layout,
           const Palette        *palette,
           int                   width,
           int                   height)
{
  gint64 start = self->runs->window_start_ms;
  gint64 step = width >= 640 ? 6 * HOUR_MS : 12 * HOUR_MS;
  gint64 first = (start + step - 1) / step * step;
  float last_right = -G_MAXFLOAT;
  int line_height;
  int text_width;

  pango_layout_set_text (layout, "00:00", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);

  for (gint64 time = first; time < start + TRIB_COLLISION_WINDOW_MS; time += step)
    {
      float left;
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / 1000);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->zone);
      float x = x_of (self, time, width);
      /* Translators: an hour label of the timeline in UTC, strftime format; the day is shown at midnight */
      g_autofree char *utc_text = g_date_time_format (utc, g_date_time_get_hour (utc) == 0 ? _("%a %H:%M UTC")
                                                                                          : _("%H:%M UTC"));
      /* Translators: the same hour in local time, strftime format */
      g_autofree char *local_text = g_date_time_format (local, _("%H:%M %Z"));
      /* A reader on UTC needs no second line. */
      gboolean local_is_utc = g_date_time_get_utc_offset (local) == 0 &&
                              g_strcmp0 (g_date_time_get_timezone_abbreviation (local), "UTC") == 0;

      gtk_snapshot_append_color (snapshot, palette->high_contrast ? &palette->dim : &palette->grid,
                                 &GRAPHENE_RECT_INIT (x, 2 * line_height + 2, 1, height - 2 * line_height - 2));

      /* Where labels would run into each other, the grid line stays and
       * the label goes. */
      pango_layout_set_text (layout, utc_text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      left = CLAMP (x - text_width / 2.0f, 0, width - text_width);
      if (left < last_right + 8)
        continue;
      last_right = left + text_width;
      draw_text (snapshot, layout, utc_text, left, 0, &palette->fg);
      if (local_is_utc)
        continue;
      pango_layout_set_text (layout, local_text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      draw_text (snapshot, layout, local_text, CLAMP (x - text_width / 2.0f, 0, width - text_width), line_height,
                 &palette->dim);
    }

  return 2 * line_height + 4;
}

static gboolean
run_collides (TribScheduleTimeline *self,
              guint                 run)
{
  for (guint i = 0; i < self->report->warnings->len; i++)
    if (g_array_index (self->report->warnings, TribCollisionWarning, i).run == run)
      return TRUE;
  return FALSE;
}

static void
draw_runs (TribScheduleTimeline *self,
           GtkSnapshot          *snapshot,
           const Palette        *palette,
           int                   width,
           float                 top)
{
  const GArray *runs = self->runs->runs;

  for (guint i = 0; i < runs->len; i++)
    {
      const TribCollisionRun *run = &g_array_index (runs, TribCollisionRun, i);
      float start = x_of (self, run->start_ms, width);
      /* A run of seconds is still a bar one can see. */
      float median = MAX (x_of (self, run->median_end_ms, width), start + 3);
      float worst = MAX (x_of (self, run->worst_end_ms, width), median);
      float margin = x_of (self, run->worst_end_ms + self->report->margin_ms, width);
      graphene_rect_t whole = GRAPHENE_RECT_INIT (start, top, MAX (worst - start, 3), BAR_HEIGHT);

      gtk_snapshot_append_color (snapshot, &palette->margin,
                                 &GRAPHENE_RECT_INIT (worst, top + BAR_HEIGHT / 4.0f, MAX (margin - worst, 0),
                                                      BAR_HEIGHT / 2.0f));
      gtk_snapshot_append_color (snapshot, &palette->run_worst, &whole);
      gtk_snapshot_append_color (snapshot, &palette->run,
                                 &GRAPHENE_RECT_INIT (start, top, median - start, BAR_HEIGHT));
      if (worst > median)
        outline (snapshot, &whole, 1, &palette->run);
      if (run_collides (self, i))
        {
          graphene_rect_t around = GRAPHENE_RECT_INIT (start - 2, top - 2, MAX (margin - start, 3) + 4,
                                                       BAR_HEIGHT + 4);

          outline (snapshot, &around, 2, &palette->error);
        }
    }
}

static gboolean
tick_collides (TribScheduleTimeline *self,
               gint64                tick)
{
  for (guint i = 0; i < self->report->warnings->len; i++)
    if (g_array_index (self->report->warnings, TribCollisionWarning, i).tick_ms == tick)
      return TRUE;
  return FALSE;
}

static void
draw_tick (GtkSnapshot   *snapshot,
           float          x,
           float          top,
           gboolean       hollow,
           float          line,
           const GdkRGBA *color)
{
  graphene_rect_t head = GRAPHENE_RECT_INIT (x - 4, top, 8, 8);

  if (hollow)
    outline (snapshot, &head, 2, color);
  else
    gtk_snapshot_append_color (snapshot, color, &head);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - line / 2, top + 8, line, TICK_HEIGHT - 8));
}

static void
draw_ticks (TribScheduleTimeline *self,
            GtkSnapshot          *snapshot,
            const Palette        *palette,
            int                   width,
            float                 top)
{
  const TribCollisionReport *report = self->report;

  for (guint i = 0; i < report->ticks->len; i++)
    {
      gint64 tick = g_array_index (report->ticks, gint64, i);
      gboolean collides = tick_collides (self, tick);

      draw_tick (snapshot, x_of (self, tick, width), top, FALSE, collides ? 3 : 2,
                 collides ? &palette->error : &palette->fg);
    }

}

/* The suggested start's ticks, hollow, in a lane of their own: five
 * minutes from the current ones, they would hide them. */
static void
draw_suggested (TribScheduleTimeline *self,
                GtkSnapshot          *snapshot,
                const Palette        *palette,
                int                   width,
                float                 top)
{
  TribCollisionExport moved = self->report->export;
  g_autoptr(GArray) ticks = NULL;

  moved.start_ms = self->report->suggested_start_ms;
  ticks = trib_collision_ticks (&moved, self->runs->window_start_ms);
  for (guint i = 0; i < ticks->len; i++)
    draw_tick (snapshot, x_of (self, g_array_index (ticks, gint64, i), width), top, TRUE, 2, &palette->success);
}

static void
trib_schedule_timeline_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  TribScheduleTimeline *self = TRIB_SCHEDULE_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  Palette palette;
  int line_height;
  float top;

  if (self->runs == NULL || self->report == NULL || width <= 2 * PAD)
    return;

  get_palette (self, &palette);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_text (layout, "00:00", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);

  top = draw_axis (self, snapshot, layout, &palette, width, height);

  draw_text (snapshot, layout, _("Query runs"), PAD, top, &palette.dim);
  top += line_height + 2;
  draw_runs (self, snapshot, &palette, width, top);
  top += BAR_HEIGHT + LANE_GAP;

  draw_text (snapshot, layout, _("Exports"), PAD, top, &palette.dim);
  top += line_height + 2;
  draw_ticks (self, snapshot, &palette, width, top);
  top += TICK_HEIGHT + LANE_GAP;

  if (self->report->suggested_start_ms >= 0)
    {
      draw_text (snapshot, layout, _("Suggested export start"), PAD, top, &palette.dim);
      top += line_height + 2;
      draw_suggested (self, snapshot, &palette, width, top);
    }
}

static void
trib_schedule_timeline_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "00:00");
      int line_height;

      pango_layout_get_pixel_size (layout, NULL, &line_height);
      /* The suggestions' lane is kept, so that the page does not jump
       * when one comes or goes. */
      *minimum = *natural = 5 * line_height + 4 + 6 + BAR_HEIGHT + 2 * LANE_GAP + 2 * TICK_HEIGHT + 4;
    }
}

static void
style_changed_cb (TribScheduleTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
trib_schedule_timeline_dispose (GObject *object)
{
  TribScheduleTimeline *self = TRIB_SCHEDULE_TIMELINE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  G_OBJECT_CLASS (trib_schedule_timeline_parent_class)->dispose (object);
}

static void
trib_schedule_timeline_finalize (GObject *object)
{
  TribScheduleTimeline *self = TRIB_SCHEDULE_TIMELINE (object);

  g_clear_pointer (&self->report, trib_collision_report_free);
  g_clear_pointer (&self->runs, trib_collision_runs_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (trib_schedule_timeline_parent_class)->finalize (object);
}

static void
trib_schedule_timeline_class_init (TribScheduleTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_schedule_timeline_dispose;
  object_class->finalize = trib_schedule_timeline_finalize;
  widget_class->snapshot = trib_schedule_timeline_snapshot;
  widget_class->measure = trib_schedule_timeline_measure;

  gtk_widget_class_set_css_name (widget_class, "schedule-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trib_schedule_timeline_init (TribScheduleTimeline *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->zone = g_time_zone_new_local ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Query runs and exports over the next 48 hours, in UTC"), -1);
  /* Named colours change with the scheme; the drawing must follow. */
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
}

GtkWidget *
trib_schedule_timeline_new (void)
{
  return g_object_new (TRIB_TYPE_SCHEDULE_TIMELINE, NULL);
}

static void
update_summary (TribScheduleTimeline *self)
{
  g_autoptr(GPtrArray) lines = NULL;

  g_clear_pointer (&self->summary, g_free);
  if (self->report != NULL)
    {
      lines = trib_collision_describe (self->report, self->zone);
      g_ptr_array_add (lines, NULL);
      self->summary = g_strjoinv ("\n", (char **) lines->pdata);
    }

  if (self->summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * trib_schedule_timeline_set_check:
 * @runs: (transfer full) (nullable): the query's runs
 * @report: (transfer full) (nullable): the check of them against an
 *   export; it refers to @runs
 *
 * Shows a check, or nothing with %NULL.
 */
void
trib_schedule_timeline_set_check (TribScheduleTimeline *self,
                                  TribCollisionRuns    *runs,
                                  TribCollisionReport  *report)
{
  g_return_if_fail (TRIB_IS_SCHEDULE_TIMELINE (self));
  g_return_if_fail (report == NULL || report->runs == runs);

  /* The report refers to the runs: let it go first. */
  g_clear_pointer (&self->report, trib_collision_report_free);
  g_clear_pointer (&self->runs, trib_collision_runs_free);
  self->runs = runs;
  self->report = report;

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * trib_schedule_timeline_set_zone:
 * @zone: the zone local times are shown in
 *
 * The local zone by default.
 */
void
trib_schedule_timeline_set_zone (TribScheduleTimeline *self,
                                 GTimeZone            *zone)
{
  g_return_if_fail (TRIB_IS_SCHEDULE_TIMELINE (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * trib_schedule_timeline_get_summary:
 *
 * Returns: (nullable): the check's sentences, one a line, as the
 *   accessible description says them
 */
const char *
trib_schedule_timeline_get_summary (TribScheduleTimeline *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_TIMELINE (self), NULL);
  return self->summary;
}

guint
trib_schedule_timeline_get_n_warnings (TribScheduleTimeline *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_TIMELINE (self), 0);
  return self->report != NULL ? self->report->warnings->len : 0;
}

/**
 * trib_schedule_timeline_get_suggested_start:
 *
 * Returns: the nearest export start clear of the runs, epoch ms, or -1
 *   when the export is clear already or no start is
 */
gint64
trib_schedule_timeline_get_suggested_start (TribScheduleTimeline *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_TIMELINE (self), -1);
  return self->report != NULL ? self->report->suggested_start_ms : -1;
}
