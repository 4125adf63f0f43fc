/* trib-mapping-row-view.c
 *
 * A row of the Mapping step's list of mappings, laid out by its template
 * (ui/trib-mapping-row-view.ui). It shows a TribMappingRow as the page
 * describes it and says what the person did with it through signals:
 * the page, which owns the draft, makes the change, so that every edit
 * goes through the draft's undo history.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-mapping-row-view.h"

struct _TribMappingRowView
{
  AdwBin parent_instance;

  gboolean showing;             /* no signal while the row is being shown */

  /* Template widgets */
  GtkLabel *source_label;
  GtkEntry *expression_entry;
  GtkButton *target_button;
  GtkToggleButton *identity_toggle;
  GtkLabel *problem_label;
};

G_DEFINE_FINAL_TYPE (TribMappingRowView, trib_mapping_row_view, ADW_TYPE_BIN)

enum {
  EXPRESSION_COMMITTED,
  CHOOSE_TARGET,
  IDENTITY_TOGGLED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
expression_activate_cb (TribMappingRowView *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->expression_entry)))
    g_signal_emit (self, signals[EXPRESSION_COMMITTED], 0,
                   gtk_editable_get_text (GTK_EDITABLE (self->expression_entry)));
}

static void
expression_focus_leave_cb (TribMappingRowView *self)
{
  expression_activate_cb (self);
}

static void
target_clicked_cb (TribMappingRowView *self)
{
  g_signal_emit (self, signals[CHOOSE_TARGET], 0, GTK_WIDGET (self->target_button));
}

static void
identity_toggled_cb (TribMappingRowView *self)
{
  if (!self->showing)
    g_signal_emit (self, signals[IDENTITY_TOGGLED], 0, gtk_toggle_button_get_active (self->identity_toggle));
}

static void
remove_clicked_cb (TribMappingRowView *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
trib_mapping_row_view_class_init (TribMappingRowViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * TribMappingRowView::expression-committed:
   * @text: the calculated field's expression as typed
   *
   * Enter, or the focus leaving the expression.
   */
  signals[EXPRESSION_COMMITTED] =
    g_signal_new ("expression-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TribMappingRowView::choose-target:
   * @anchor: the widget a chooser should point at
   */
  signals[CHOOSE_TARGET] =
    g_signal_new ("choose-target", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GTK_TYPE_WIDGET);
  signals[IDENTITY_TOGGLED] =
    g_signal_new ("identity-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-mapping-row-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribMappingRowView, source_label);
  gtk_widget_class_bind_template_child (widget_class, TribMappingRowView, expression_entry);
  gtk_widget_class_bind_template_child (widget_class, TribMappingRowView, target_button);
  gtk_widget_class_bind_template_child (widget_class, TribMappingRowView, identity_toggle);
  gtk_widget_class_bind_template_child (widget_class, TribMappingRowView, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, expression_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, expression_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, identity_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
trib_mapping_row_view_init (TribMappingRowView *self)
{
  GtkLabel *target_label;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The end of a path is what tells fields apart. */
  target_label = GTK_LABEL (gtk_button_get_child (self->target_button));
  gtk_label_set_ellipsize (target_label, PANGO_ELLIPSIZE_START);
  gtk_label_set_width_chars (target_label, 6);
}

/**
 * trib_mapping_row_view_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
trib_mapping_row_view_new (void)
{
  return g_object_new (TRIB_TYPE_MAPPING_ROW_VIEW, NULL);
}

/**
 * trib_mapping_row_view_show:
 * @self: a #TribMappingRowView
 * @row: the mapping to show
 * @shown_target: (nullable): its target as the row shows it, such as the
 *   path below the schema's namespace; %NULL when it has none
 * @target_tooltip: (nullable): what the target's tooltip says: its whole
 *   path and type
 *
 * Shows @row as it is now; called again on each change it notifies (an
 * undo updates rows in place). The target's accessible name is its
 * whole path.
 */
void
trib_mapping_row_view_show (TribMappingRowView *self,
                            TribMappingRow     *row,
                            const char         *shown_target,
                            const char         *target_tooltip)
{
  gboolean calculated = trib_mapping_row_get_calculated (row);
  const char *source = trib_mapping_row_get_source (row);
  const char *target = trib_mapping_row_get_target (row);
  const char *problem = trib_mapping_row_get_problem (row);
  GtkEditable *expression = GTK_EDITABLE (self->expression_entry);

  g_return_if_fail (TRIB_IS_MAPPING_ROW_VIEW (self));

  self->showing = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->source_label), !calculated);
  gtk_widget_set_visible (GTK_WIDGET (self->expression_entry), calculated);
  gtk_label_set_label (self->source_label, calculated ? NULL : source);
  if (calculated && g_strcmp0 (gtk_editable_get_text (expression), source != NULL ? source : "") != 0)
    gtk_editable_set_text (expression, source != NULL ? source : "");

  gtk_button_set_label (self->target_button,
                        target != NULL && shown_target != NULL ? shown_target : _("Choose Field…"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_button),
                               target_tooltip != NULL ? target_tooltip : _("Choose the target field"));
  trib_a11y_set_label (GTK_WIDGET (self->target_button), target != NULL ? target : _("Choose Field…"));

  gtk_toggle_button_set_active (self->identity_toggle, trib_mapping_row_get_identity (row));
  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);

  self->showing = FALSE;
}
