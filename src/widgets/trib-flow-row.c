/* trib-flow-row.c
 *
 * A dataflow in the Dataflows list: its name and state; its connector,
 * account and dataset, whose names arrive after the row is drawn
 * (TribFlowNames); its schedule, last run and next run.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-format.h"
#include "trib-flow-row.h"

struct _TribFlowRow
{
  GtkWidget parent_instance;

  TribFlow *flow;
  TribFlowNames *names;
  gulong names_handler;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *state_label;
  GtkLabel *chain_label;
  GtkLabel *runs_label;
};

G_DEFINE_FINAL_TYPE (TribFlowRow, trib_flow_row, GTK_TYPE_WIDGET)

static void
set_state_class (GtkLabel   *label,
                 const char *css_class)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
}

static void
update_chain (TribFlowRow *self)
{
  const char *connector = trib_flow_names_get_connector (self->names, trib_flow_get_source_spec_id (self->flow));
  const char *account = trib_flow_names_get_account (self->names, trib_flow_get_account_id (self->flow));
  const char *dataset = trib_flow_names_get_dataset (self->names, trib_flow_get_dataset_id (self->flow));
  g_autofree char *text = NULL;

  /* A source without an account (the Data Landing Zone) has no name to wait for. */
  if (trib_flow_get_account_id (self->flow) == NULL)
    /* Translators: a dataflow's connector, then the dataset it writes to */
    text = g_strdup_printf (_("%s → %s"), connector != NULL ? connector : "…", dataset != NULL ? dataset : "…");
  else
    /* Translators: a dataflow's connector and account, then the dataset it writes to */
    text = g_strdup_printf (_("%s · %s → %s"), connector != NULL ? connector : "…", account != NULL ? account : "…",
                            dataset != NULL ? dataset : "…");
  gtk_label_set_label (self->chain_label, text);
}

static void
update (TribFlowRow *self)
{
  gint64 now_ms = g_get_real_time () / 1000;
  TribFlowRunState last_state = trib_flow_get_last_run_state (self->flow);
  gint64 last_ms = trib_flow_get_last_run_started_ms (self->flow);
  g_autofree char *schedule = trib_flow_format_schedule (self->flow);
  g_autofree char *next = trib_flow_format_next_run (self->flow, now_ms);
  g_autofree char *last = NULL;
  g_autofree char *runs = NULL;
  const char *css_class = NULL;
  const char *state;

  gtk_label_set_label (self->name_label, trib_flow_get_name (self->flow));

  if (!trib_flow_is_enabled (self->flow))
    {
      state = _("Disabled");
      css_class = "dim-label";
    }
  else if (last_state == TRIB_FLOW_RUN_STATE_FAILED || last_state == TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS)
    state = trib_flow_format_run_state (last_state, &css_class);
  else
    state = _("Enabled");
  gtk_label_set_label (self->state_label, state);
  set_state_class (self->state_label, css_class);

  if (trib_flow_get_last_run_id (self->flow) != NULL)
    {
      g_autofree char *when = last_ms >= 0 ? trib_flow_format_when (last_ms, now_ms) : g_strdup ("");

      /* Translators: how the last run went, then when, as "3 hours ago" */
      last = g_strdup_printf (_("Last run: %s, %s"), trib_flow_format_run_state (last_state, NULL), when);
    }
  else
    last = g_strdup (_("No run yet"));

  /* Translators: a dataflow's schedule, its last run, its next run */
  runs = g_strdup_printf (_("%s · %s · %s"), schedule, last, next);
  gtk_label_set_label (self->runs_label, runs);

  update_chain (self);
}

static void
trib_flow_row_dispose (GObject *object)
{
  TribFlowRow *self = (TribFlowRow *) object;
  GtkWidget *child;

  trib_flow_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_ROW);
  /* The template's root box has no id: the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trib_flow_row_parent_class)->dispose (object);
}

static void
trib_flow_row_class_init (TribFlowRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-flow-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRow, chain_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRow, runs_label);
}

static void
trib_flow_row_init (TribFlowRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trib_flow_row_new (void)
{
  return g_object_new (TRIB_TYPE_FLOW_ROW, NULL);
}

/**
 * trib_flow_row_bind:
 * @names: where the names of its connector, account and dataset come from
 *
 * Shows @flow, and its names as they arrive.
 */
void
trib_flow_row_bind (TribFlowRow   *self,
                    TribFlow      *flow,
                    TribFlowNames *names)
{
  g_return_if_fail (TRIB_IS_FLOW_ROW (self));
  g_return_if_fail (TRIB_IS_FLOW (flow));
  g_return_if_fail (TRIB_IS_FLOW_NAMES (names));

  trib_flow_row_unbind (self);
  self->flow = g_object_ref (flow);
  self->names = g_object_ref (names);
  self->names_handler = g_signal_connect_swapped (names, "changed", G_CALLBACK (update_chain), self);
  update (self);
}

void
trib_flow_row_unbind (TribFlowRow *self)
{
  g_return_if_fail (TRIB_IS_FLOW_ROW (self));

  if (self->names != NULL)
    g_clear_signal_handler (&self->names_handler, self->names);
  g_clear_object (&self->names);
  g_clear_object (&self->flow);
}

/**
 * trib_flow_row_dup_text:
 *
 * Returns: (transfer full): what the row says, line by line, to name it
 *   for assistive technologies
 */
char *
trib_flow_row_dup_text (TribFlowRow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ROW (self), NULL);

  return g_strjoin (", ", gtk_label_get_label (self->name_label), gtk_label_get_label (self->state_label),
                    gtk_label_get_label (self->chain_label), gtk_label_get_label (self->runs_label), NULL);
}
