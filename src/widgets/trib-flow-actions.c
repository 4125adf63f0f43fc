/* trib-flow-actions.c
 *
 * What can be done to one dataflow (API-NOTES §A8, §A9), as a `flow.`
 * action group a page inserts on the widget that shows the flow:
 * `flow.enable`, `flow.disable`, `flow.run-now` (a `once` flow only),
 * `flow.retrigger` (its last run, failed) and `flow.retrigger-run` ("s",
 * any failed run), `flow.edit-schedule`, `flow.update-mapping` and
 * `flow.delete` (their dialogs). While one is under way the others wait
 * (#TribFlowActions:busy), and the keyboard focus goes back where it was
 * when it ends. Waiting for the platform (#TribFlowActions:requesting)
 * is told apart from a dialog left open, which holds the flow's etag but
 * is the user's to answer, not the app's; each ends in a toast on the
 * widget, and the
 * flow is read again so the page shows it as the platform has it
 * ("flow-changed", or "flow-deleted").
 *
 * Nothing that creates or changes is sent twice on its own: a run
 * started or an action taken whose answer was lost is said as such, and
 * the user decides.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-flow-actions.h"
#include "trib-flow-delete-dialog.h"
#include "trib-flow-mapping-dialog.h"
#include "trib-flow-schedule-dialog.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"
#include "trib-toast.h"

struct _TribFlowActions
{
  GObject parent_instance;

  TribPlatformClient *client;
  TribFlow *flow;
  GSimpleActionGroup *group;
  GtkWidget *widget;          /* weak: where toasts and dialogs go */
  GtkWindow *dialog;          /* weak: the dialog open, for tests */
  GtkWidget *focus;           /* weak: the focus when the action began */
  GCancellable *cancellable;
  const char *retrigger_action; /* retrigger or retrigger-run, as asked */
  gboolean requesting;        /* a request of an action's own on its way */
  gboolean dialog_open;       /* an action's dialog open: its etag */
};

G_DEFINE_FINAL_TYPE (TribFlowActions, trib_flow_actions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FLOW,
  PROP_BUSY,
  PROP_REQUESTING,
  N_PROPS
};

enum {
  FLOW_CHANGED,
  FLOW_DELETED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
last_run_failed (TribFlow *flow)
{
  TribFlowRunState state = trib_flow_get_last_run_state (flow);

  return trib_flow_get_last_run_id (flow) != NULL &&
         (state == TRIB_FLOW_RUN_STATE_FAILED || state == TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS);
}

static void
set_enabled (TribFlowActions *self,
             const char      *name,
             gboolean         enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->group), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update (TribFlowActions *self)
{
  TribFlow *flow = self->flow;
  gboolean idle = flow != NULL && !self->requesting && !self->dialog_open;
  gboolean once = flow != NULL && g_strcmp0 (trib_flow_get_frequency (flow), "once") == 0;
  gboolean enabled = flow != NULL && trib_flow_is_enabled (flow);

  set_enabled (self, "enable", idle && !enabled);
  set_enabled (self, "disable", idle && enabled);
  set_enabled (self, "run-now", idle && once && enabled);
  set_enabled (self, "retrigger", idle && last_run_failed (flow));
  set_enabled (self, "retrigger-run", idle);
  set_enabled (self, "edit-schedule", idle && !once);
  set_enabled (self, "update-mapping", idle && !once && trib_flow_get_mapping_version (flow) >= 0);
  set_enabled (self, "delete", idle);
}

/* The button that began an action, made insensitive while it runs,
 * gives the keyboard focus up to the window; it gets it back at the end,
 * so that the keyboard carries on from it. An item of a menu gives it to
 * the menu's button.
 */
static void
remember_focus (TribFlowActions *self)
{
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *popover = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) : NULL;

  if (popover != NULL)
    focus = gtk_widget_get_parent (popover);
  if (focus != NULL && !gtk_widget_is_ancestor (focus, self->widget))
    focus = NULL;
  g_set_weak_pointer (&self->focus, focus);
}

static void
restore_focus (TribFlowActions *self)
{
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->focus != NULL && (focus == NULL || focus == GTK_WIDGET (root)) &&
      gtk_widget_is_sensitive (self->focus) && gtk_widget_get_mapped (self->focus))
    gtk_widget_grab_focus (self->focus);
  g_clear_weak_pointer (&self->focus);
}

static void
set_state (TribFlowActions *self,
           gboolean         requesting,
           gboolean         dialog_open)
{
  gboolean was_busy = self->requesting || self->dialog_open;
  gboolean busy = requesting || dialog_open;
  gboolean requesting_changed = self->requesting != requesting;

  if (!requesting_changed && self->dialog_open == dialog_open)
    return;
  if (busy && !was_busy)
    remember_focus (self);
  self->requesting = requesting;
  self->dialog_open = dialog_open;
  update (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (busy != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (requesting_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTING]);
  g_object_thaw_notify (G_OBJECT (self));
  if (was_busy && !busy)
    restore_focus (self);
}

static void
set_requesting (TribFlowActions *self,
                gboolean         requesting)
{
  set_state (self, requesting, self->dialog_open);
}

static void
toast (TribFlowActions *self,
       const char      *message)
{
  if (self->widget != NULL)
    trib_toast_show_message (self->widget, message);
}

/* The end of one action: a toast, "finished", and the flow read again. */
typedef struct
{
  TribFlowActions *self;
  char *action;
  char *message;
} Done;

static void
done_free (Done *done)
{
  g_clear_object (&done->self);
  g_free (done->action);
  g_free (done->message);
  g_free (done);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Done, done_free)

static void
finish (TribFlowActions *self,
        const char      *action,
        const GError    *error)
{
  set_requesting (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, action, error);
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Done) done = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  toast (done->self, done->message);
  if (flow != NULL)
    {
      trib_flow_actions_set_flow (done->self, flow);
      g_signal_emit (done->self, signals[FLOW_CHANGED], 0, flow);
    }
  /* The action went through: a failed read is only a stale view. */
  finish (done->self, done->action, NULL);
}

static void
reread (TribFlowActions *self,
        const char      *action,
        char            *message)
{
  Done *done = g_new0 (Done, 1);

  done->self = g_object_ref (self);
  done->action = g_strdup (action);
  done->message = message;
  trib_flow_service_get_flow_async (self->client, trib_flow_get_id (self->flow), self->cancellable, reread_cb, done);
}

static void
fail (TribFlowActions *self,
      const char      *action,
      const GError    *error)
{
  g_autofree char *text = trib_format_error_text (error->message);

  toast (self, text);
  finish (self, action, error);
}

static void
enabled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribFlowActions) self = user_data;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enable = !trib_flow_is_enabled (self->flow);

  etag = trib_flow_service_set_flow_enabled_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (etag == NULL)
    {
      fail (self, enable ? "enable" : "disable", error);
      return;
    }

  reread (self, enable ? "enable" : "disable",
          /* Translators: %s is a dataflow's name */
          enable ? g_strdup_printf (_("Dataflow “%s” enabled"), trib_flow_get_name (self->flow))
                 /* Translators: %s is a dataflow's name */
                 : g_strdup_printf (_("Dataflow “%s” disabled"), trib_flow_get_name (self->flow)));
}

static void
enable_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  TribFlowActions *self = user_data;
  gboolean enable = g_str_equal (g_action_get_name (G_ACTION (action)), "enable");

  set_requesting (self, TRUE);
  trib_flow_service_set_flow_enabled_async (self->client, trib_flow_get_id (self->flow), enable, self->cancellable,
                                            enabled_cb, g_object_ref (self));
}

static void
run_now_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribFlowActions) self = user_data;
  g_autofree char *run_id = NULL;
  g_autoptr(GError) error = NULL;

  run_id = trib_flow_service_run_flow_now_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (run_id == NULL)
    {
      fail (self, "run-now", error);
      return;
    }

  /* Translators: %s is a dataflow's name */
  reread (self, "run-now", g_strdup_printf (_("Dataflow “%s” started"), trib_flow_get_name (self->flow)));
}

/* The window of data read: since the flow's start, until now. */
static void
run_now_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  TribFlowActions *self = user_data;
  g_autoptr(GDateTime) end = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = NULL;

  if (trib_flow_get_start_time (self->flow) > 0)
    start = g_date_time_new_from_unix_utc (trib_flow_get_start_time (self->flow));
  /* Sent in whole seconds: a start in the same second is not before. */
  if (start == NULL || g_date_time_to_unix (start) >= g_date_time_to_unix (end))
    start = g_date_time_add_days (end, -1);

  set_requesting (self, TRUE);
  trib_flow_service_run_flow_now_async (self->client, trib_flow_get_id (self->flow), start, end, self->cancellable,
                                        run_now_cb, g_object_ref (self));
}

static void
retrigger_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowActions) self = user_data;
  g_autoptr(TribFlowRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = trib_flow_service_retrigger_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (run == NULL)
    {
      fail (self, self->retrigger_action, error);
      return;
    }

  /* Translators: %s is a dataflow's name */
  reread (self, self->retrigger_action, g_strdup_printf (_("Failed run of “%s” started again"), trib_flow_get_name (self->flow)));
}

static void
retrigger (TribFlowActions *self,
           const char      *action,
           const char      *run_id)
{
  self->retrigger_action = action;
  set_requesting (self, TRUE);
  trib_flow_service_retrigger_run_async (self->client, run_id, self->cancellable, retrigger_cb, g_object_ref (self));
}

static void
retrigger_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  TribFlowActions *self = user_data;

  retrigger (self, "retrigger", trib_flow_get_last_run_id (self->flow));
}

static void
retrigger_run_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  retrigger (user_data, "retrigger-run", g_variant_get_string (param, NULL));
}

static void
dialog_changed_cb (TribFlowActions *self,
                   TribFlow        *flow)
{
  /* Translators: %s is a dataflow's name */
  g_autofree char *message = g_strdup_printf (_("Dataflow “%s” changed"), trib_flow_get_name (flow));

  toast (self, message);
  trib_flow_actions_set_flow (self, flow);
  g_signal_emit (self, signals[FLOW_CHANGED], 0, flow);
}

static void
dialog_destroy_cb (TribFlowActions *self,
                   GtkWidget       *dialog)
{
  set_state (self, self->requesting, FALSE);
}

static void
present (TribFlowActions *self,
         GtkWindow       *dialog)
{
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_set_weak_pointer (&self->dialog, dialog);
  /* The flow's etag is the dialog's until it closes: the other actions
   * wait, but nothing is asked of the platform yet.
   */
  set_state (self, self->requesting, TRUE);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
edit_schedule_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  TribFlowActions *self = user_data;
  TribFlowScheduleDialog *dialog = trib_flow_schedule_dialog_new (self->client, self->flow);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_changed_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static void
update_mapping_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  TribFlowActions *self = user_data;
  TribFlowMappingDialog *dialog = trib_flow_mapping_dialog_new (self->client, self->flow);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_changed_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static void
deleted_cb (TribFlowActions *self,
            const char      *flow_id)
{
  /* Translators: %s is a dataflow's name */
  g_autofree char *message = g_strdup_printf (_("Dataflow “%s” deleted"), trib_flow_get_name (self->flow));

  toast (self, message);
  g_signal_emit (self, signals[FLOW_DELETED], 0, flow_id);
  g_signal_emit (self, signals[FINISHED], 0, "delete", NULL);
}

static void
delete_failed_cb (TribFlowActions *self,
                  const GError    *error)
{
  g_signal_emit (self, signals[FINISHED], 0, "delete", error);
}

static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  TribFlowActions *self = user_data;
  GtkRoot *root = self->widget != NULL ? gtk_widget_get_root (self->widget) : NULL;
  TribFlowDeleteDialog *dialog = trib_flow_delete_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              self->client, self->flow);

  g_signal_connect_object (dialog, "deleted", G_CALLBACK (deleted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (delete_failed_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static const GActionEntry entries[] = {
  { "enable", enable_action },
  { "disable", enable_action },
  { "run-now", run_now_action },
  { "retrigger", retrigger_action },
  { "retrigger-run", retrigger_run_action, "s" },
  { "edit-schedule", edit_schedule_action },
  { "update-mapping", update_mapping_action },
  { "delete", delete_action },
};

static void
trib_flow_actions_dispose (GObject *object)
{
  TribFlowActions *self = (TribFlowActions *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->widget);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->focus);

  G_OBJECT_CLASS (trib_flow_actions_parent_class)->dispose (object);
}

static void
trib_flow_actions_finalize (GObject *object)
{
  TribFlowActions *self = (TribFlowActions *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->flow);
  g_clear_object (&self->group);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (trib_flow_actions_parent_class)->finalize (object);
}

static void
trib_flow_actions_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribFlowActions *self = TRIB_FLOW_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      g_value_set_object (value, self->flow);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->requesting || self->dialog_open);
      break;
    case PROP_REQUESTING:
      g_value_set_boolean (value, self->requesting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_actions_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribFlowActions *self = TRIB_FLOW_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      trib_flow_actions_set_flow (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_actions_class_init (TribFlowActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_flow_actions_dispose;
  object_class->finalize = trib_flow_actions_finalize;
  object_class->get_property = trib_flow_actions_get_property;
  object_class->set_property = trib_flow_actions_set_property;

  properties[PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL, TRIB_TYPE_FLOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TribFlowActions:busy:
   *
   * An action is under way, or one of its dialogs open: the others wait.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * TribFlowActions:requesting:
   *
   * An action's own request is on its way: what a spinner shows. A
   * dialog open is not (it shows its own requests).
   */
  properties[PROP_REQUESTING] =
    g_param_spec_boolean ("requesting", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribFlowActions::flow-changed:
   * @flow: the flow as the platform has it after the action
   */
  signals[FLOW_CHANGED] = g_signal_new ("flow-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, TRIB_TYPE_FLOW);
  /**
   * TribFlowActions::flow-deleted:
   * @flow_id: the flow that is gone
   */
  signals[FLOW_DELETED] = g_signal_new ("flow-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TribFlowActions::finished:
   * @action: the action's name, such as `enable`
   * @error: (nullable): why it failed, as the toast said
   *
   * An action without a dialog (or delete) has its answer.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
trib_flow_actions_init (TribFlowActions *self)
{
  self->cancellable = g_cancellable_new ();
  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);
  update (self);
}

/**
 * trib_flow_actions_new:
 * @client: the session's client
 *
 * Returns: (transfer full): the actions, all disabled until a flow is set
 */
TribFlowActions *
trib_flow_actions_new (TribPlatformClient *client)
{
  TribFlowActions *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_ACTIONS, NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * trib_flow_actions_set_client:
 * @self: a #TribFlowActions
 * @client: the client of the session now shown
 */
void
trib_flow_actions_set_client (TribFlowActions    *self,
                              TribPlatformClient *client)
{
  g_return_if_fail (TRIB_IS_FLOW_ACTIONS (self));
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));

  g_set_object (&self->client, client);
}

/**
 * trib_flow_actions_install:
 * @self: a #TribFlowActions
 * @widget: the widget showing the flow
 *
 * Inserts the actions on @widget as `flow.`; toasts and dialogs go to
 * its window.
 */
void
trib_flow_actions_install (TribFlowActions *self,
                           GtkWidget       *widget)
{
  g_return_if_fail (TRIB_IS_FLOW_ACTIONS (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&self->widget, widget);
  gtk_widget_insert_action_group (widget, "flow", G_ACTION_GROUP (self->group));
}

/**
 * trib_flow_actions_get_action_group:
 *
 * Returns: (transfer none): the `flow.` actions
 */
GActionGroup *
trib_flow_actions_get_action_group (TribFlowActions *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ACTIONS (self), NULL);

  return G_ACTION_GROUP (self->group);
}

/**
 * trib_flow_actions_get_flow:
 *
 * Returns: (transfer none) (nullable): the flow acted on
 */
TribFlow *
trib_flow_actions_get_flow (TribFlowActions *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ACTIONS (self), NULL);

  return self->flow;
}

/**
 * trib_flow_actions_set_flow:
 * @self: a #TribFlowActions
 * @flow: (nullable): the flow shown, as last read
 */
void
trib_flow_actions_set_flow (TribFlowActions *self,
                            TribFlow        *flow)
{
  g_return_if_fail (TRIB_IS_FLOW_ACTIONS (self));
  g_return_if_fail (flow == NULL || TRIB_IS_FLOW (flow));

  if (!g_set_object (&self->flow, flow))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW]);
}

gboolean
trib_flow_actions_get_busy (TribFlowActions *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ACTIONS (self), FALSE);

  return self->requesting || self->dialog_open;
}

/**
 * trib_flow_actions_get_requesting:
 *
 * Returns: whether an action's own request is on its way
 */
gboolean
trib_flow_actions_get_requesting (TribFlowActions *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ACTIONS (self), FALSE);

  return self->requesting;
}

/**
 * trib_flow_actions_get_dialog:
 *
 * Returns: (transfer none) (nullable): the action's dialog, while open
 */
GtkWindow *
trib_flow_actions_get_dialog (TribFlowActions *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ACTIONS (self), NULL);

  return self->dialog;
}
