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

#include "trib-a11y.h"
#include "trib-distiller-error.h"
#include "trib-format.h"
#include "trib-run-mark.h"
#include "trib-run-results.h"

/* What the statements of one Run showed: the rows of those that return
 * rows, the command tag and notices of the others, the server's error of
 * a failed one; a list above picks the statement when there are several,
 * each marked with how it went. Its status line says where the selected
 * statement is, refreshed while any still runs.
 */

/* A few times a second: each new text lays out and draws the toolbar
 * again, and ten a second cost the window frames while a million rows
 * arrived, for digits that change faster than anyone reads them.
 */
#define STATUS_PERIOD_MS 250
struct _TribRunResults
{
  AdwBin parent_instance;

  TribScriptRun *script_run;
  GPtrArray *runs;
  GListStore *run_store;
  char *status;
  guint tick_source;
  gboolean running;

  /* Template widgets */
  GtkDropDown *runs_dropdown;
  GtkStack *result_stack;
  TribResultView *result_view;
  AdwStatusPage *running_page;
  GtkSpinner *running_spinner;
  AdwStatusPage *message_page;
  AdwStatusPage *error_page;
  GtkLabel *error_details;
  GtkExpander *libpq_expander;
  GtkLabel *libpq_label;
};

G_DEFINE_FINAL_TYPE (TribRunResults, trib_run_results, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_RUNNING,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_duration (TribDistillerRun *run)
{
  gint64 elapsed_ms = trib_distiller_run_get_elapsed_us (run) / 1000;

  /* Translators: a duration in seconds */
  return g_strdup_printf (_("%.2f s"), elapsed_ms / 1000.0);
}

static char *
describe_run (TribDistillerRun *run)
{
  guint64 n_rows = trib_distiller_run_get_n_rows (run);
  g_autofree char *duration = dup_duration (run);

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
      if (trib_distiller_run_get_started (run) == NULL)
        /* Translators: a statement that failed before it reached the server */
        return g_strdup (_("Could not connect"));
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
update_running_page (TribRunResults   *self,
                     TribDistillerRun *run)
{
  g_autofree char *duration = NULL;

  switch (trib_distiller_run_get_state (run))
    {
    case TRIB_DISTILLER_RUN_QUEUED:
      adw_status_page_set_title (self->running_page, _("Waiting"));
      adw_status_page_set_description (self->running_page, _("The statements before this one run first."));
      break;

    case TRIB_DISTILLER_RUN_CONNECTING:
      adw_status_page_set_title (self->running_page, _("Connecting…"));
      adw_status_page_set_description (self->running_page, NULL);
      break;

    case TRIB_DISTILLER_RUN_RUNNING:
    case TRIB_DISTILLER_RUN_DONE:
    case TRIB_DISTILLER_RUN_FAILED:
    case TRIB_DISTILLER_RUN_CANCELLED:
    case TRIB_DISTILLER_RUN_SKIPPED:
    default:
      duration = dup_duration (run);
      adw_status_page_set_title (self->running_page, _("Running…"));
      adw_status_page_set_description (self->running_page, duration);
      break;
    }
}

static void
update_status (TribRunResults *self)
{
  TribDistillerRun *run = trib_run_results_get_selected_run (self);
  g_autofree char *status = run != NULL ? describe_run (run) : NULL;
  gboolean running = any_running (self);

  if (run != NULL && !trib_distiller_run_get_finished (run))
    update_running_page (self, run);

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
  const char *libpq_text = trib_distiller_error_get_libpq_text (error);

  g_autofree char *description = trib_format_error_text (error->message);
  g_autofree char *shown_detail = trib_format_error_text (detail);
  g_autofree char *shown_hint = trib_format_error_text (hint);

  /* Failing before the statement went out (no endpoint, no connection)
   * says nothing about the statement itself.
   */
  if (trib_distiller_run_get_started (run) == NULL)
    adw_status_page_set_title (self->error_page, _("Could Not Connect"));
  else
    adw_status_page_set_title (self->error_page, _("The Statement Failed"));
  adw_status_page_set_description (self->error_page, description);

  if (detail != NULL)
    g_string_append_printf (details, "%s\n", shown_detail);
  if (hint != NULL)
    /* Translators: the server's hint on how to fix a statement */
    g_string_append_printf (details, _("Hint: %s\n"), shown_hint);
  if (sqlstate != NULL)
    /* Translators: the SQLSTATE error code, such as 42601 */
    g_string_append_printf (details, _("SQLSTATE %s"), sqlstate);
  gtk_label_set_label (self->error_details, g_strstrip (details->str));
  gtk_widget_set_visible (GTK_WIDGET (self->error_details), details->str[0] != '\0');

  /* A failed connection says what to do; libpq's own words, which a
   * search engine or an administrator may want, are one click away.
   */
  gtk_expander_set_expanded (self->libpq_expander, FALSE);
  gtk_label_set_label (self->libpq_label, libpq_text);
  gtk_widget_set_visible (GTK_WIDGET (self->libpq_expander), libpq_text != NULL && libpq_text[0] != '\0');

  gtk_stack_set_visible_child_name (self->result_stack, "error");
}

static void
show_message (TribRunResults   *self,
              TribDistillerRun *run)
{
  const char * const *messages = trib_distiller_run_get_messages (run);
  g_autofree char *joined = messages != NULL ? g_strjoinv ("\n", (char **) messages) : g_strdup ("");
  g_autofree char *description = NULL;
  g_autofree char *shown = NULL;

  switch (trib_distiller_run_get_state (run))
    {
    case TRIB_DISTILLER_RUN_CANCELLED:
      adw_status_page_set_icon_name (self->message_page, "process-stop-symbolic");
      adw_status_page_set_title (self->message_page, _("Cancelled"));
      break;

    case TRIB_DISTILLER_RUN_SKIPPED:
      adw_status_page_set_icon_name (self->message_page, "action-unavailable-symbolic");
      adw_status_page_set_title (self->message_page, _("Not Run"));
      g_clear_pointer (&joined, g_free);
      joined = g_strdup (_("A statement before this one failed or was cancelled, so the script stopped."));
      break;

    case TRIB_DISTILLER_RUN_DONE:
    case TRIB_DISTILLER_RUN_QUEUED:
    case TRIB_DISTILLER_RUN_CONNECTING:
    case TRIB_DISTILLER_RUN_RUNNING:
    case TRIB_DISTILLER_RUN_FAILED:
    default:
      description = describe_run (run);
      adw_status_page_set_icon_name (self->message_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->message_page, description);
      break;
    }

  shown = trib_format_error_text (joined);
  adw_status_page_set_description (self->message_page, joined[0] != '\0' ? shown : NULL);
  gtk_stack_set_visible_child_name (self->result_stack, "message");
}

static void
set_model (TribRunResults  *self,
           TribResultModel *model)
{
  if (trib_result_view_get_model (self->result_view) == model)
    return;

  trib_result_view_set_model (self->result_view, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
show_selected_run (TribRunResults *self)
{
  TribDistillerRun *run = trib_run_results_get_selected_run (self);

  if (run == NULL)
    {
      set_model (self, NULL);
      gtk_stack_set_visible_child_name (self->result_stack, "empty");
    }
  else if (trib_distiller_run_get_model (run) != NULL)
    {
      set_model (self, trib_distiller_run_get_model (run));
      trib_result_view_set_loading (self->result_view, !trib_distiller_run_get_finished (run));
      gtk_stack_set_visible_child_name (self->result_stack, "rows");
    }
  else if (!trib_distiller_run_get_finished (run))
    {
      set_model (self, NULL);
      update_running_page (self, run);
      gtk_stack_set_visible_child_name (self->result_stack, "running");
    }
  else if (trib_distiller_run_get_state (run) == TRIB_DISTILLER_RUN_FAILED)
    {
      set_model (self, NULL);
      show_error (self, run);
    }
  else
    {
      set_model (self, NULL);
      show_message (self, run);
    }

  update_status (self);
}

/* What a screen reader hears of the statement shown, when it starts and
 * when it ends; not of a tab in the background.
 */
static void
announce_state (TribRunResults   *self,
                TribDistillerRun *run)
{
  g_autofree char *status = NULL;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  const GError *error;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  switch (trib_distiller_run_get_state (run))
    {
    case TRIB_DISTILLER_RUN_RUNNING:
      trib_a11y_announce (GTK_WIDGET (self), _("Running…"));
      break;

    case TRIB_DISTILLER_RUN_DONE:
    case TRIB_DISTILLER_RUN_CANCELLED:
      status = describe_run (run);
      trib_a11y_announce (GTK_WIDGET (self), status);
      break;

    case TRIB_DISTILLER_RUN_FAILED:
      status = describe_run (run);
      error = trib_distiller_run_get_error (run);
      line = error != NULL ? trib_format_error_line (error->message) : NULL;
      /* Translators: how long a failed statement ran, then the server's error message */
      message = line != NULL ? g_strdup_printf (_("%s: %s"), status, line) : g_strdup (status);
      trib_a11y_announce (GTK_WIDGET (self), message);
      break;

    case TRIB_DISTILLER_RUN_QUEUED:
    case TRIB_DISTILLER_RUN_CONNECTING:
    case TRIB_DISTILLER_RUN_SKIPPED:
    default:
      break;
    }
}

static void
run_changed_cb (TribRunResults   *self,
                GParamSpec       *pspec,
                TribDistillerRun *run)
{
  if (run == trib_run_results_get_selected_run (self))
    {
      show_selected_run (self);
      if (g_str_equal (pspec->name, "state"))
        announce_state (self, run);
    }
  else
    update_status (self);

  if (self->running && self->tick_source == 0)
    self->tick_source = g_timeout_add (STATUS_PERIOD_MS, tick_cb, self);
}

/* A statement as the drop-down names it (trib-run-results-run*.ui): its
 * number in the script and its first line.
 */
static char *
run_name (GtkListItem *item,
          guint        position,
          const char  *sql)
{
  if (sql == NULL)
    return NULL;

  return g_strdup_printf ("%u. %.*s", position + 1, (int) strcspn (sql, "\n"), sql);
}

static GtkListItemFactory *
create_run_factory (const char *resource)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "run_name", G_CALLBACK (run_name));

  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
}

static void
disconnect_script_run (TribRunResults *self)
{
  if (self->script_run != NULL)
    g_signal_handlers_disconnect_by_data (self->script_run, self);
  g_clear_object (&self->script_run);
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

  disconnect_script_run (self);
  disconnect_runs (self);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  if (self->runs_dropdown != NULL)
    gtk_drop_down_set_model (self->runs_dropdown, NULL);
  g_clear_object (&self->run_store);
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

    case PROP_MODEL:
      g_value_set_object (value, trib_result_view_get_model (self->result_view));
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
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, TRIB_TYPE_RESULT_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-run-results.ui");
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, runs_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, result_stack);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, result_view);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, running_page);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, running_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, message_page);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, error_details);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, libpq_expander);
  gtk_widget_class_bind_template_child (widget_class, TribRunResults, libpq_label);
  gtk_widget_class_bind_template_callback (widget_class, show_selected_run);
}

static void
trib_run_results_init (TribRunResults *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  g_type_ensure (TRIB_TYPE_DISTILLER_RUN);
  g_type_ensure (TRIB_TYPE_RUN_MARK);
  factory = create_run_factory (APP_RESOURCE_PATH "/trib-run-results-run.ui");
  list_factory = create_run_factory (APP_RESOURCE_PATH "/trib-run-results-run-row.ui");

  g_type_ensure (TRIB_TYPE_RESULT_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Turning only while it shows: a spinner turns on in a page its stack
   * hides, and the window draws a frame for it sixty times a second.
   */
  g_signal_connect (self->running_spinner, "map", G_CALLBACK (gtk_spinner_start), NULL);
  g_signal_connect (self->running_spinner, "unmap", G_CALLBACK (gtk_spinner_stop), NULL);

  self->run_store = g_list_store_new (TRIB_TYPE_DISTILLER_RUN);
  gtk_drop_down_set_factory (self->runs_dropdown, factory);
  gtk_drop_down_set_list_factory (self->runs_dropdown, list_factory);
  gtk_drop_down_set_model (self->runs_dropdown, G_LIST_MODEL (self->run_store));
  trib_a11y_name_dropdown (self->runs_dropdown, _("Statement whose result shows"));
}

/* Shows @runs, the first one selected; follows them as they go on. */
static void
show_runs (TribRunResults *self,
           GPtrArray      *runs)
{
  disconnect_runs (self);
  self->runs = runs != NULL ? g_ptr_array_ref (runs) : NULL;

  g_signal_handlers_block_by_func (self->runs_dropdown, show_selected_run, self);
  g_list_store_splice (self->run_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->run_store)),
                       runs != NULL ? runs->pdata : NULL, runs != NULL ? runs->len : 0);
  gtk_drop_down_set_selected (self->runs_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->runs_dropdown, show_selected_run, self);

  for (guint i = 0; self->runs != NULL && i < self->runs->len; i++)
    {
      TribDistillerRun *run = g_ptr_array_index (self->runs, i);

      g_signal_connect_object (run, "notify::state", G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (run, "notify::model", G_CALLBACK (run_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->runs_dropdown), self->runs != NULL && self->runs->len > 1);
  show_selected_run (self);

  if (self->running && self->tick_source == 0)
    self->tick_source = g_timeout_add (STATUS_PERIOD_MS, tick_cb, self);
}

/* The list of statements opens on the first failure. */
static void
error_index_changed_cb (TribRunResults *self,
                        GParamSpec     *pspec,
                        TribScriptRun  *script_run)
{
  int index = trib_script_run_get_error_index (script_run);

  if (index >= 0)
    gtk_drop_down_set_selected (self->runs_dropdown, index);
}

/**
 * trib_run_results_set_script_run:
 * @self: a #TribRunResults
 * @script_run: (nullable): the Run to show, started
 *
 * Shows the statements of @script_run, the first one selected, and
 * follows them as they go on: the list opens on the first that fails.
 */
void
trib_run_results_set_script_run (TribRunResults *self,
                                 TribScriptRun  *script_run)
{
  g_return_if_fail (TRIB_IS_RUN_RESULTS (self));
  g_return_if_fail (!script_run || TRIB_IS_SCRIPT_RUN (script_run));

  if (self->script_run == script_run)
    return;

  disconnect_script_run (self);
  if (script_run != NULL)
    {
      self->script_run = g_object_ref (script_run);
      g_signal_connect_object (script_run, "notify::error-index",
                               G_CALLBACK (error_index_changed_cb), self, G_CONNECT_SWAPPED);
    }

  show_runs (self, script_run != NULL ? trib_script_run_get_runs (script_run) : NULL);
  if (script_run != NULL)
    error_index_changed_cb (self, NULL, script_run);
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
 * trib_run_results_get_runs_dropdown:
 *
 * Returns: (transfer none): the list that picks a statement, for tests
 */
GtkDropDown *
trib_run_results_get_runs_dropdown (TribRunResults *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), NULL);

  return self->runs_dropdown;
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

/**
 * trib_run_results_get_model:
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
TribResultModel *
trib_run_results_get_model (TribRunResults *self)
{
  g_return_val_if_fail (TRIB_IS_RUN_RESULTS (self), NULL);

  return trib_result_view_get_model (self->result_view);
}
