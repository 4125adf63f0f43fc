/* trib-run-results.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-run-results"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-distiller-error.h"
#include "trib-run-results.h"

/* What the statements of one Run showed: the rows of those that return
 * rows, the command tag and notices of the others, the server's error of
 * a failed one; a list above picks the statement when there are several.
 * Its status line says where the selected statement is, refreshed while
 * any still runs.
 */
struct _TribRunResults
{
  AdwBin parent_instance;

  GPtrArray *runs;
  GtkStringList *run_names;
  char *status;
  guint tick_source;
  gboolean running;

  /* Template widgets */
  GtkDropDown *runs_dropdown;
  GtkStack *result_stack;
  TribResultView *result_view;
  AdwStatusPage *message_page;
  AdwStatusPage *error_page;
  GtkLabel *error_details;
};

G_DEFINE_FINAL_TYPE (TribRunResults, trib_run_results, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_run (TribDistillerRun *run)
{
  gint64 elapsed_ms = trib_distiller_run_get_elapsed_us (run) / 1000;
  guint64 n_rows = trib_distiller_run_get_n_rows (run);
  g_autofree char *duration = g_strdup_printf (_("%.2f s"), elapsed_ms / 1000.0);

  switch (trib_distiller_run_get_state (run))
    {
    case TRIB_DISTILLER_RUN_QUEUED:
      return g_strdup (_("Waiting"));

    case TRIB_DISTILLER_RUN_CONNECTING:
      return g_strdup (_("Connecting…"));

    case TRIB_DISTILLER_RUN_RUNNING:
      /* Translators: rows received so far, then the time since the statement started */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Running… %llu row, %s",
                                           "Running… %llu rows, %s", n_rows),
                              (unsigned long long) n_rows, duration);

    case TRIB_DISTILLER_RUN_DONE:
      if (trib_distiller_run_get_model (run) != NULL)
        /* Translators: how many rows a statement returned, then how long it took */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu row in %s",
                                             "%llu rows in %s", n_rows),
                                (unsigned long long) n_rows, duration);
      /* Translators: the server's command tag, such as INSERT 0 5, then how long it took */
      return g_strdup_printf (_("%s in %s"), trib_distiller_run_get_command_status (run), duration);

    case TRIB_DISTILLER_RUN_FAILED:
      /* Translators: how long a failed statement ran */
      return g_strdup_printf (_("Failed after %s"), duration);

    case TRIB_DISTILLER_RUN_CANCELLED:
      return g_strdup (_("Cancelled"));

    case TRIB_DISTILLER_RUN_SKIPPED:
      /* Translators: a statement of a script that never started, as one before it failed */
      return g_strdup (_("Not run"));

    default:
      g_assert_not_reached ();
    }
}

static gboolean
any_running (TribRunResults *self)
{
  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    if (!trib_distiller_run_get_finished (g_ptr_array_index (self->runs, i)))
      return TRUE;

  return FALSE;
}

static void
update_status (TribRunResults *self)
{
  TribDistillerRun *run = trib_run_results_get_selected_run (self);
  g_autofree char *status = run != NULL ? describe_run (run) : NULL;
  gboolean running = any_running (self);

  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_steal_pointer (&status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (running != self->running)
    {
      self->running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static gboolean
tick_cb (gpointer data)
{
  TribRunResults *self = data;

  update_status (self);
  if (self->running)
    return G_SOURCE_CONTINUE;

  self->tick_source = 0;
  return G_SOURCE_REMOVE;
}

static void
show_error (TribRunResults   *self,
            TribDistillerRun *run)
{
  const GError *error = trib_distiller_run_get_error (run);
  g_autoptr(GString) details = g_string_new (NULL);
  const char *sqlstate = trib_distiller_error_get_sqlstate (error);
  const char *detail = trib_distiller_error_get_detail (error);
  const char *hint = trib_distiller_error_get_hint (error);

  adw_status_page_set_description (self->error_page, error->message);

  if (detail != NULL)
    g_string_append_printf (details, "%s\n", detail);
  if (hint != NULL)
    /* Translators: the server's hint on how to fix a statement */
    g_string_append_printf (details, _("Hint: %s\n"), hint);
  if (sqlstate != NULL)
    /* Translators: the SQLSTATE error code, such as 42601 */
    g_string_append_printf (details, _("SQLSTATE %s"), sqlstate);
  gtk_label_set_label (self->error_details, g_strstrip (details->str));

  gtk_stack_set_visible_child_name (self->result_stack, "error");
}

static void
show_selected_run (TribRunResults *self)
{
  TribDistillerRun *run = trib_run_results_get_selected_run (self);

  if (run == NULL)
    {
      trib_result_view_set_model (self->result_view, NULL);
      gtk_stack_set_visible_child_name (self->result_stack, "empty");
    }
  else if (trib_distiller_run_get_model (run) != NULL)
    {
      trib_result_view_set_model (self->result_view, trib_distiller_run_get_model (run));
      gtk_stack_set_visible_child_name (self->result_stack, "rows");
    }
  else if (trib_distiller_run_get_state (run) == TRIB_DISTILLER_RUN_FAILED)
    {
      trib_result_view_set_model (self->result_view, NULL);
      show_error (self, run);
    }
  else if (trib_distiller_run_get_finished (run))
    {
      const char * const *messages = trib_distiller_run_get_messages (run);
      g_autofree char *joined = messages != NULL ? g_strjoinv ("\n", (char **) messages) : g_strdup ("");
      g_autofree char *description = describe_run (run);

      trib_result_view_set_model (self->result_view, NULL);
      adw_status_page_set_title (self->message_page, description);
      adw_status_page_set_description (self->message_page, joined[0] != '\0' ? joined : NULL);
      gtk_stack_set_visible_child_name (self->result_stack, "message");
    }

  update_status (self);
}

static void
run_changed_cb (TribRunResults   *self,
                GParamSpec       *pspec,
                TribDistillerRun *run)
{
  if (run == trib_run_results_get_selected_run (self))
    show_selected_run (self);
  else
    update_status (self);
}

static void
disconnect_runs (TribRunResults *self)
{
  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->runs, i), self);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
}

static void
trib_run_results_dispose (GObject *object)
{
  TribRunResults *self = (TribRunResults *)object;

  disconnect_runs (self);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->runs_dropdown != NULL)
    gtk_drop_down_set_model (self->runs_dropdown, NULL);
  g_clear_object (&self->run_names);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_RUN_RESULTS);

  G_OBJECT_CLASS (trib_run_results_parent_class)->dispose (object);
}

static void
trib_run_results_finalize (GObject *object)
{
  g_free (TRIB_RUN_RESULTS (object)->status);

  G_OBJECT_CLASS (trib_run_results_parent_class)->finalize (object);
}

static void
trib_run_results_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribRunResults *self = TRIB_RUN_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_run_results_class_init (TribRunResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_run_results_dispose;
  object_class->finalize = trib_run_results_finalize;
  object_class->get_property = trib_run_results_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-run-results.ui");
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, runs_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, result_stack);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, result_view);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, message_page);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, error_details);
  gtk_widget_class_bind_template_callback (widget_class, show_selected_run);
}

static void
trib_run_results_init (TribRunResults *self)
{
  g_type_ensure (TRIB_TYPE_RESULT_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->run_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->runs_dropdown, G_LIST_MODEL (self->run_names));
}

/**
 * trib_run_results_set_runs:
 * @runs: (nullable) (element-type TribDistillerRun): the statements of a
 *   Run, in order
 *
 * Shows @runs, the first one selected; follows them as they go on.
 */
void
trib_run_results_set_runs (TribRunResults *self,
                           GPtrArray      *runs)
{
  g_return_if_fail (TRIB_IS_RUN_RESULTS (self));

  disconnect_runs (self);
  gtk_string_list_splice (self->run_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->run_names)), NULL);
  self->runs = runs != NULL ? g_ptr_array_ref (runs) : NULL;

  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    {
      TribDistillerRun *run = g_ptr_array_index (self->runs, i);
      const char *sql = trib_distiller_run_get_sql (run);
      g_autofree char *first_line = g_strndup (sql, strcspn (sql, "\n"));
      g_autofree char *name = g_strdup_printf ("%u. %s", i + 1, first_line);

      gtk_string_list_append (self->run_names, name);
      g_signal_connect_object (run, "notify::state", G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (run, "notify::model", G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->runs_dropdown), self->runs != NULL && self->runs->len > 1);
  gtk_drop_down_set_selected (self->runs_dropdown, 0);
  show_selected_run (self);

  if (self->running && self->tick_source == 0)
    self->tick_source = g_timeout_add (100, tick_cb, self);
}

/**
 * trib_run_results_select:
 *
 * Shows the result of the statement at @index.
 */
void
trib_run_results_select (TribRunResults *self,
                         guint           index)
{
  g_return_if_fail (TRIB_IS_RUN_RESULTS (self));

  gtk_drop_down_set_selected (self->runs_dropdown, index);
}

/**
 * trib_run_results_get_selected_run:
 *
 * Returns: (transfer none) (nullable): the statement whose result shows
 */
TribDistillerRun *
trib_run_results_get_selected_run (TribRunResults *self)
{
  guint selected;

  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), NULL);

  selected = gtk_drop_down_get_selected (self->runs_dropdown);
  if (self->runs == NULL || selected >= self->runs->len)
    return NULL;

  return g_ptr_array_index (self->runs, selected);
}

TribResultView *
trib_run_results_get_result_view (TribRunResults *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), NULL);

  return self->result_view;
}

/**
 * trib_run_results_get_status:
 *
 * Returns: (nullable): where the selected statement is, for a status line
 */
const char *
trib_run_results_get_status (TribRunResults *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), NULL);

  return self->status;
}

gboolean
trib_run_results_get_running (TribRunResults *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), FALSE);

  return self->running;
}
