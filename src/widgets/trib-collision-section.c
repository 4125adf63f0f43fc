/* trib-collision-section.c
 *
 * One export checked against a scheduled query, as the Schedules page's
 * details and the Schedule… dialog both show it: the 48-hour timeline,
 * its warnings in words and, when an export tick meets a run, a button
 * that moves the export to the nearest clear start.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-collision-section.h"
#include "trib-schedule-timeline.h"

typedef struct
{
  TribFlow *flow;
  gint64 start_ms;
  TribCollisionMoveFunc move;
  gpointer user_data;
} Suggestion;

static void
suggestion_free (gpointer  data,
                 GClosure *closure)
{
  Suggestion *suggestion = data;

  g_clear_object (&suggestion->flow);
  g_free (suggestion);
}

static void
use_suggested_cb (GtkButton  *button,
                  Suggestion *suggestion)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  suggestion->move (button, suggestion->flow, suggestion->start_ms, suggestion->user_data);
}

/**
 * trib_collision_section_new_label:
 * @text: what the label says
 * @css_class: (nullable): its style
 *
 * Returns: (transfer floating): a wrapping, selectable label for the
 *   check's sentences
 */
GtkWidget *
trib_collision_section_new_label (const char *text,
                                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * trib_collision_section_append:
 * @box: where the check goes
 * @runs: (transfer full): the query's runs in the window
 * @report: (transfer full): the check of @flow's ticks against @runs
 * @flow: (nullable): the export checked; %NULL for one not made yet
 *   (the Export Datasets wizard's)
 * @move: called when the user takes the suggested start
 * @user_data: data for @move, which must outlive @box's children
 */
void
trib_collision_section_append (GtkBox                *box,
                               TribCollisionRuns     *runs,
                               TribCollisionReport   *report,
                               TribFlow              *flow,
                               TribCollisionMoveFunc  move,
                               gpointer               user_data)
{
  GtkWidget *widget = trib_schedule_timeline_new ();
  TribScheduleTimeline *timeline = TRIB_SCHEDULE_TIMELINE (widget);
  gint64 suggested_start_ms = report->suggested_start_ms;

  trib_schedule_timeline_set_check (timeline, runs, report);
  gtk_box_append (box, widget);
  gtk_box_append (box, trib_collision_section_new_label (trib_schedule_timeline_get_summary (timeline),
                                                         trib_schedule_timeline_get_n_warnings (timeline) > 0 ?
                                                         "warning" : "dim-label"));

  if (suggested_start_ms >= 0)
    {
      g_autofree char *when = trib_collision_format_time (suggested_start_ms, NULL);
      /* Translators: %s is a day and time in UTC */
      g_autofree char *tooltip = g_strdup_printf (_("Start the export’s ticks from %s"), when);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Use Suggested Time"));
      Suggestion *suggestion = g_new0 (Suggestion, 1);

      suggestion->flow = flow != NULL ? g_object_ref (flow) : NULL;
      suggestion->start_ms = suggested_start_ms;
      suggestion->move = move;
      suggestion->user_data = user_data;
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_data (button, "clicked", G_CALLBACK (use_suggested_cb), suggestion, suggestion_free, 0);
      gtk_box_append (box, button);
    }
}
