/* trib-schedules-page.c
 *
 * The sandbox's scheduled queries (Query Service schedules), newest
 * first, each with its state, when it next runs (local time and UTC) and
 * how its last runs went and how long they took; a row opens its
 * details (trib-schedules-page-detail.c), where it is enabled, disabled,
 * run now, changed, deleted, and let out of quarantine.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedules-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-format.h"
#include "trib-schedules-page-private.h"

G_DEFINE_FINAL_TYPE (TribSchedulesPage, trib_schedules_page, TRIB_TYPE_SESSION_PAGE)

#define N_ROW_RUNS 3

const char *
_trib_schedules_state_text (TribQueryScheduleState state)
{
  switch (state)
    {
    case TRIB_QUERY_SCHEDULE_REGISTERING:
      return _("Registering");
    case TRIB_QUERY_SCHEDULE_ENABLED:
      return _("Enabled");
    case TRIB_QUERY_SCHEDULE_DISABLED:
      return _("Disabled");
    case TRIB_QUERY_SCHEDULE_QUARANTINED:
      return _("Quarantined");
    case TRIB_QUERY_SCHEDULE_UNKNOWN:
    default:
      return _("Unknown state");
    }
}

const char *
_trib_schedules_run_text (TribScheduleRunState state)
{
  switch (state)
    {
    case TRIB_SCHEDULE_RUN_IN_PROGRESS:
      return _("Running");
    case TRIB_SCHEDULE_RUN_SUCCESS:
      return _("Succeeded");
    case TRIB_SCHEDULE_RUN_FAILED:
      return _("Failed");
    case TRIB_SCHEDULE_RUN_UNKNOWN:
    default:
      return _("Unknown state");
    }
}

char *
_trib_schedules_format_duration (gint64 duration_ms)
{
  if (duration_ms < 0)
    return g_strdup ("—");
  if (duration_ms < 60 * 1000)
    /* Translators: a duration in seconds, such as 1.2 s */
    return g_strdup_printf (_("%.1f s"), duration_ms / 1000.0);

  /* Translators: a duration in minutes and seconds, such as 3 min 05 s */
  return g_strdup_printf (_("%d min %02d s"), (int)(duration_ms / 60000), (int)(duration_ms / 1000 % 60));
}

/* Local time, with UTC beside it: the platform's schedules are in UTC. */
char *
_trib_schedules_format_when (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *utc_text = NULL;

  if (time == NULL)
    return g_strdup ("—");

  local = trib_format_to_local (time);
  utc = g_date_time_to_utc (time);
  local_text = g_date_time_format (local, "%a %Y-%m-%d %H:%M");
  utc_text = g_date_time_format (utc, "%H:%M");

  /* Translators: a local time, then its time in UTC */
  return g_strdup_printf (_("%s (%s UTC)"), local_text, utc_text);
}

/* Runs: the newest of a schedule's, read with their tasks */

typedef struct
{
  TribPlatformClient *client;
  char *schedule_id;
  guint n_runs;
  GCancellable *cancellable;
  TribPagedList *list;
  GPtrArray *runs;
  guint pending;
  GError *error;
  TribSchedulesRunsFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} RunsLoad;

/* Runs not read (gone meanwhile) leave gaps, dropped at the end. */
static void
unref_run (gpointer run)
{
  if (run != NULL)
    g_object_unref (run);
}

static void
runs_load_free (RunsLoad *load)
{
  if (load->destroy != NULL)
    load->destroy (load->user_data);
  if (load->list != NULL)
    g_signal_handlers_disconnect_by_data (load->list, load);
  g_clear_object (&load->list);
  g_clear_object (&load->client);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->runs, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_free (load->schedule_id);
  g_free (load);
}

static void
runs_load_finish (RunsLoad *load)
{
  if (!g_cancellable_is_cancelled (load->cancellable))
    {
      /* Gaps (a run gone meanwhile) are dropped. */
      for (guint i = load->runs->len; i > 0; i--)
        if (g_ptr_array_index (load->runs, i - 1) == NULL)
          g_ptr_array_remove_index (load->runs, i - 1);
      load->func (load->runs, load->error, load->user_data);
    }
  runs_load_free (load);
}

typedef struct
{
  RunsLoad *load;
  guint index;
} RunDetail;

static void
run_detail_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RunDetail *detail = user_data;
  RunsLoad *load = detail->load;
  g_autoptr(GError) error = NULL;
  TribScheduleRun *run = trib_query_schedules_get_run_finish (result, &error);

  if (run != NULL)
    g_ptr_array_index (load->runs, detail->index) = run;
  else if (load->error == NULL)
    load->error = g_steal_pointer (&error);
  g_free (detail);

  if (--load->pending == 0)
    runs_load_finish (load);
}

static void
runs_listed_cb (RunsLoad *load)
{
  GListModel *model = G_LIST_MODEL (load->list);
  guint n;

  if (trib_paged_list_get_loading (load->list))
    return;
  /* Older runs than the pages read so far: the platform's next page. */
  if (trib_paged_list_get_error (load->list) == NULL && !trib_paged_list_get_complete (load->list) &&
      g_list_model_get_n_items (model) < load->n_runs)
    {
      trib_paged_list_load_more (load->list);
      if (trib_paged_list_get_loading (load->list))
        return;
    }
  g_signal_handlers_disconnect_by_data (load->list, load);

  if (trib_paged_list_get_error (load->list) != NULL)
    load->error = g_error_copy (trib_paged_list_get_error (load->list));

  /* The list has no durations nor tasks: each run is read. */
  n = MIN (load->n_runs, g_list_model_get_n_items (model));
  g_ptr_array_set_size (load->runs, n);
  if (n == 0)
    {
      runs_load_finish (load);
      return;
    }

  load->pending = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribScheduleRun) listed = g_list_model_get_item (model, i);
      RunDetail *detail = g_new0 (RunDetail, 1);

      detail->load = load;
      detail->index = i;
      trib_query_schedules_get_run_async (load->client, load->schedule_id, trib_schedule_run_get_id (listed),
                                          load->cancellable, run_detail_cb, detail);
    }
}

/**
 * _trib_schedules_load_runs:
 * @n_runs: how many of the newest
 * @func: called with the runs, newest first, and the first error (some
 *   runs may still be there), unless @cancellable was cancelled
 */
void
_trib_schedules_load_runs (TribPlatformClient    *client,
                           const char            *schedule_id,
                           guint                  n_runs,
                           GCancellable          *cancellable,
                           TribSchedulesRunsFunc  func,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  RunsLoad *load = g_new0 (RunsLoad, 1);

  load->client = g_object_ref (client);
  load->schedule_id = g_strdup (schedule_id);
  load->n_runs = n_runs;
  load->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  load->runs = g_ptr_array_new_with_free_func (unref_run);
  load->func = func;
  load->user_data = user_data;
  load->destroy = destroy;
  load->list = trib_query_schedules_list_runs (client, schedule_id);
  g_signal_connect_swapped (load->list, "notify::loading", G_CALLBACK (runs_listed_cb), load);
  runs_listed_cb (load);
}

/* List */

static char *
row_subtitle (TribQuerySchedule *schedule,
              const char        *runs)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = trib_query_schedule_dup_next_run (schedule, now);
  TribQueryScheduleState state = trib_query_schedule_get_state (schedule);
  g_autofree char *when = _trib_schedules_format_when (next);
  GString *subtitle = g_string_new (NULL);

  if (state == TRIB_QUERY_SCHEDULE_ENABLED && next != NULL)
    /* Translators: %s is a local time and its UTC time */
    g_string_printf (subtitle, _("Enabled · next %s"), when);
  else if (state == TRIB_QUERY_SCHEDULE_ENABLED)
    g_string_assign (subtitle, _("Enabled · no run to come"));
  else
    g_string_assign (subtitle, _trib_schedules_state_text (state));
  if (trib_query_schedule_get_output_dataset (schedule) != NULL)
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: %s is the name of the dataset a scheduled query writes */
      g_string_append_printf (subtitle, _("Writes “%s”"), trib_query_schedule_get_output_dataset (schedule));
    }
  if (runs != NULL)
    g_string_append_printf (subtitle, "\n%s", runs);

  return g_string_free (subtitle, FALSE);
}

typedef struct
{
  GWeakRef row;
  TribQuerySchedule *schedule;
} RowRuns;

static void
row_runs_free (gpointer data)
{
  RowRuns *row_runs = data;

  g_weak_ref_clear (&row_runs->row);
  g_object_unref (row_runs->schedule);
  g_free (row_runs);
}

/* The row's last line: each run's outcome and how long it took. */
static void
row_runs_cb (GPtrArray    *runs,
             const GError *error,
             gpointer      user_data)
{
  RowRuns *row_runs = user_data;
  g_autoptr(GtkWidget) row = g_weak_ref_get (&row_runs->row);
  g_autoptr(GString) text = NULL;
  g_autofree char *subtitle = NULL;

  if (row == NULL)
    return;

  if (runs->len == 0)
    text = g_string_new (error != NULL ? _("Its runs could not be read") : _("No runs yet"));
  else
    {
      text = g_string_new (_("Last runs:"));
      for (guint i = 0; i < runs->len; i++)
        {
          TribScheduleRun *run = g_ptr_array_index (runs, i);
          g_autofree char *duration = _trib_schedules_format_duration (trib_schedule_run_get_duration_ms (run));

          g_string_append_printf (text, "%s %s %s", i > 0 ? "," : "",
                                  _trib_schedules_run_text (trib_schedule_run_get_state (run)), duration);
        }
    }

  subtitle = row_subtitle (row_runs->schedule, text->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TribSchedulesPage *self = user_data;
  TribQuerySchedule *schedule = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = row_subtitle (schedule, NULL);
  RowRuns *row_runs;

  gtk_widget_set_name (row, trib_query_schedule_get_id (schedule));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_query_schedule_get_name (schedule) != NULL
                                                            ? trib_query_schedule_get_name (schedule)
                                                            : trib_query_schedule_get_id (schedule));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (trib_query_schedule_get_state (schedule) == TRIB_QUERY_SCHEDULE_QUARANTINED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quarantined"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  row_runs = g_new0 (RowRuns, 1);
  g_weak_ref_init (&row_runs->row, row);
  row_runs->schedule = g_object_ref (schedule);
  _trib_schedules_load_runs (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                             trib_query_schedule_get_id (schedule), N_ROW_RUNS, self->cancellable,
                             row_runs_cb, row_runs, row_runs_free);

  return row;
}

static void
row_activated_cb (TribSchedulesPage *self,
                  GtkListBoxRow     *row)
{
  _trib_schedules_page_show_details (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A list box reads no further pages on its own. */
static void
edge_reached_cb (TribSchedulesPage *self,
                 GtkPositionType    position)
{
  if (position == GTK_POS_BOTTOM && self->list != NULL && !trib_paged_list_get_loading (self->list) &&
      !trib_paged_list_get_complete (self->list))
    trib_paged_list_load_more (self->list);
}

static void
reload_list (TribSchedulesPage *self)
{
  TribSessionPage *page = TRIB_SESSION_PAGE (self);

  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  g_clear_object (&self->list);

  if (trib_session_page_has_sandbox (page))
    self->list = trib_query_schedules_list (trib_session_page_get_client (page));
  self->listed_at = g_get_monotonic_time ();

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->list), self->list != NULL ? create_row : NULL,
                           self, NULL);
  trib_paged_list_view_set_model (self->paged_view, self->list);
}

/* A schedule changed, appeared or went: the list is read again, and the
 * details show it as it is now.
 */
void
_trib_schedules_page_changed (TribSchedulesPage *self,
                              const char        *schedule_id)
{
  reload_list (self);
  if (schedule_id != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") == 0)
    _trib_schedules_page_show_details (self, schedule_id);
}

/**
 * trib_schedules_page_reload:
 * @self: a #TribSchedulesPage
 *
 * Reads the schedules again, and the one shown.
 */
void
trib_schedules_page_reload (TribSchedulesPage *self)
{
  g_return_if_fail (TRIB_IS_SCHEDULES_PAGE (self));

  _trib_schedules_page_changed (self, self->shown != NULL ? trib_query_schedule_get_id (self->shown) : NULL);
}

/**
 * trib_schedules_page_show_schedule:
 * @schedule_id: a schedule's id
 *
 * Shows the details of a schedule, such as one just created.
 */
void
trib_schedules_page_show_schedule (TribSchedulesPage *self,
                                   const char        *schedule_id)
{
  g_return_if_fail (TRIB_IS_SCHEDULES_PAGE (self));
  g_return_if_fail (schedule_id != NULL);

  reload_list (self);
  _trib_schedules_page_show_details (self, schedule_id);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribSchedulesPage *self = TRIB_SCHEDULES_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0)
    return;

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  _trib_schedules_page_clear_details (self);
  /* What was done in the details shows in the list: its last runs. */
  if (g_get_monotonic_time () - self->listed_at > G_USEC_PER_SEC)
    reload_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
enable_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _trib_schedules_page_set_enabled (TRIB_SCHEDULES_PAGE (widget), TRUE);
}

static void
disable_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _trib_schedules_page_set_enabled (TRIB_SCHEDULES_PAGE (widget), FALSE);
}

static void
run_now_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _trib_schedules_page_run_now (TRIB_SCHEDULES_PAGE (widget));
}

static void
more_runs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _trib_schedules_page_more_runs (TRIB_SCHEDULES_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _trib_schedules_page_edit (TRIB_SCHEDULES_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _trib_schedules_page_delete (TRIB_SCHEDULES_PAGE (widget));
}

/* GObject */

/* Another session or sandbox: nothing of the last one stays. */
static void
trib_schedules_page_session_changed (TribSessionPage *page)
{
  TribSchedulesPage *self = TRIB_SCHEDULES_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  _trib_schedules_page_clear_details (self);
  reload_list (self);
}

/* Schedules change on their own (runs, registering, quarantine) and
 * from the query page: coming back to the page reads them again, unless
 * they were just read.
 */
static void
trib_schedules_page_map (GtkWidget *widget)
{
  TribSchedulesPage *self = TRIB_SCHEDULES_PAGE (widget);

  GTK_WIDGET_CLASS (trib_schedules_page_parent_class)->map (widget);

  if (self->list != NULL && g_get_monotonic_time () - self->listed_at > G_USEC_PER_SEC &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0)
    reload_list (self);
}

static void
trib_schedules_page_dispose (GObject *object)
{
  TribSchedulesPage *self = (TribSchedulesPage *)object;

  g_cancellable_cancel (self->cancellable);
  _trib_schedules_page_clear_details (self);
  if (self->list != NULL)
    trib_paged_list_cancel (self->list);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCHEDULES_PAGE);

  g_clear_object (&self->list);

  G_OBJECT_CLASS (trib_schedules_page_parent_class)->dispose (object);
}

static void
trib_schedules_page_finalize (GObject *object)
{
  TribSchedulesPage *self = (TribSchedulesPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->show_id, g_free);

  G_OBJECT_CLASS (trib_schedules_page_parent_class)->finalize (object);
}

static void
trib_schedules_page_class_init (TribSchedulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_schedules_page_dispose;
  object_class->finalize = trib_schedules_page_finalize;
  page_class->session_changed = trib_schedules_page_session_changed;
  widget_class->map = trib_schedules_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-schedules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, paged_view);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, enable_button);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, disable_button);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, detail_page);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, quarantine_group);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, quarantine_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, cron_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, output_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, sql_label);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, collision_group);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, collision_box);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, runs_status);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, runs_list);
  gtk_widget_class_bind_template_child (widget_class, TribSchedulesPage, more_runs_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);

  gtk_widget_class_install_action (widget_class, "schedules.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "schedules.enable", NULL, enable_action);
  gtk_widget_class_install_action (widget_class, "schedules.disable", NULL, disable_action);
  gtk_widget_class_install_action (widget_class, "schedules.run-now", NULL, run_now_action);
  gtk_widget_class_install_action (widget_class, "schedules.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "schedules.more-runs", NULL, more_runs_action);
  gtk_widget_class_install_action (widget_class, "schedules.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "schedules.back", NULL);
  /* The keypad's key first: a menu shows the action's last one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "schedules.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "schedules.delete", NULL);

  gtk_widget_class_set_css_name (widget_class, "schedulespage");
}

static void
trib_schedules_page_init (TribSchedulesPage *self)
{
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->runs = g_ptr_array_new_with_free_func (g_object_unref);

  trib_paged_list_view_set_empty (self->paged_view, _("No Scheduled Queries"),
                                  _("Schedule a statement from the Query page (Ctrl+Alt+S) to run it every hour, "
                                    "day or week into a dataset."));
  _trib_schedules_page_clear_details (self);
}
