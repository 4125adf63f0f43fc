/* trib-flow-watcher.c
 *
 * Failing dataflows, watched while the app is open (issue 14, API-NOTES
 * §A8, §F 2): the sandbox's flows whose last run failed
 * (`lastRunDetails.state==failed`), read again every interval while the
 * window is in view, and "flow-failed" when a flow's run that was not
 * failing at the last look has failed (the first look only learns what
 * already fails). The widget layer says when the window is in view
 * (#TribFlowWatcher:active): hidden, nothing is polled.
 *
 * A poll that fails waits twice as long before the next, up to
 * %TRIB_FLOW_WATCHER_MAX_BACKOFF intervals, so that a platform in
 * trouble is not asked more often; the first poll that works goes back
 * to the interval. Only reads are sent: nothing here can act twice.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-watcher"

#include "config.h"

#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-flow-watcher.h"

struct _TribFlowWatcher
{
  GObject parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  TribPagedList *poll_list;
  GListStore *failing;
  GHashTable *known;        /* flow id → its failed last run's id */
  GError *error;
  guint timeout_id;
  guint interval_ms;
  guint delay_ms;
  guint n_errors;
  guint n_polls;
  gint64 last_poll_us;
  gboolean active;
  gboolean learned;         /* the first look is done: what fails since is new */
};

G_DEFINE_FINAL_TYPE (TribFlowWatcher, trib_flow_watcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_ACTIVE,
  PROP_INTERVAL,
  PROP_DELAY,
  PROP_N_FAILING,
  PROP_N_POLLS,
  N_PROPS
};

enum {
  FLOW_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void poll (TribFlowWatcher *self);

static gboolean
poll_timeout_cb (gpointer user_data)
{
  TribFlowWatcher *self = user_data;

  self->timeout_id = 0;
  poll (self);

  return G_SOURCE_REMOVE;
}

/* The next poll, @delay_ms after the last one; none while hidden or
 * while one is under way (its end schedules the next).
 */
static void
schedule_next (TribFlowWatcher *self)
{
  gint64 since_ms;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->active || self->poll_list != NULL)
    return;

  since_ms = self->last_poll_us > 0 ? (g_get_monotonic_time () - self->last_poll_us) / 1000 : G_MAXINT64;
  if (since_ms >= self->delay_ms)
    poll (self);
  else
    self->timeout_id = g_timeout_add ((guint) (self->delay_ms - since_ms), poll_timeout_cb, self);
}

static void
set_delay (TribFlowWatcher *self,
           guint            delay_ms)
{
  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

typedef struct
{
  TribFlowWatcher *self;
  TribFlow *flow;
} Failure;

static void
failure_free (Failure *failure)
{
  g_clear_object (&failure->self);
  g_clear_object (&failure->flow);
  g_free (failure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Failure, failure_free)

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(Failure) failure = user_data;
  g_autoptr(TribFlowRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = trib_flow_service_get_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without its run the failure is still news: said without its errors. */
  if (error != NULL)
    g_debug ("Could not read the failed run of %s: %s", trib_flow_get_id (failure->flow), error->message);

  g_signal_emit (failure->self, signals[FLOW_FAILED], 0, failure->flow, run);
}

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TribFlowWatcher) self = user_data;
  g_autoptr(TribPagedList) list = TRIB_PAGED_LIST (g_object_ref (object));
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GPtrArray) news = NULL;
  guint n_before;
  guint n_items;

  if (!trib_paged_list_load_all_finish (list, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A restart since: its own poll is the one that counts. */
  if (self->poll_list != list)
    return;
  g_clear_object (&self->poll_list);
  self->last_poll_us = g_get_monotonic_time ();

  if (error != NULL)
    {
      g_debug ("Could not read the failing dataflows: %s", error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      self->n_errors++;
      set_delay (self, self->interval_ms * MIN (1u << MIN (self->n_errors, 8u), TRIB_FLOW_WATCHER_MAX_BACKOFF));
      schedule_next (self);
      return;
    }

  g_clear_error (&self->error);
  self->n_errors = 0;
  set_delay (self, self->interval_ms);

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  flows = g_ptr_array_new_with_free_func (g_object_unref);
  news = g_ptr_array_new_with_free_func (g_object_unref);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *id = trib_flow_get_id (flow);
      const char *run_id = trib_flow_get_last_run_id (flow);

      /* The filter is the platform's; the state is checked here too. */
      if (trib_flow_get_last_run_state (flow) != TRIB_FLOW_RUN_STATE_FAILED ||
          g_hash_table_contains (known, id))
        continue;
      if (self->learned && (!g_hash_table_contains (self->known, id) ||
                            g_strcmp0 (g_hash_table_lookup (self->known, id), run_id) != 0))
        g_ptr_array_add (news, g_object_ref (flow));
      g_hash_table_insert (known, g_strdup (id), g_strdup (run_id));
      g_ptr_array_add (flows, g_steal_pointer (&flow));
    }

  g_hash_table_unref (self->known);
  self->known = g_steal_pointer (&known);
  self->learned = TRUE;
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->failing));
  g_list_store_splice (self->failing, 0, n_before, flows->pdata, flows->len);
  if (n_before != flows->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILING]);

  for (guint i = 0; i < news->len; i++)
    {
      TribFlow *flow = g_ptr_array_index (news, i);
      Failure *failure;

      if (trib_flow_get_last_run_id (flow) == NULL)
        {
          g_signal_emit (self, signals[FLOW_FAILED], 0, flow, NULL);
          continue;
        }
      failure = g_new0 (Failure, 1);
      failure->self = g_object_ref (self);
      failure->flow = g_object_ref (flow);
      trib_flow_service_get_run_async (self->client, trib_flow_get_last_run_id (flow), self->cancellable, run_cb,
                                       failure);
    }

  schedule_next (self);
}

static void
poll (TribFlowWatcher *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->poll_list != NULL)
    return;

  self->n_polls++;
  self->poll_list = trib_flow_service_list_flows (self->client, "lastRunDetails.state==failed");
  trib_paged_list_load_all_async (self->poll_list, self->cancellable, poll_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POLLS]);
}

static void
trib_flow_watcher_dispose (GObject *object)
{
  TribFlowWatcher *self = (TribFlowWatcher *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->poll_list);

  G_OBJECT_CLASS (trib_flow_watcher_parent_class)->dispose (object);
}

static void
trib_flow_watcher_finalize (GObject *object)
{
  TribFlowWatcher *self = (TribFlowWatcher *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->failing);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trib_flow_watcher_parent_class)->finalize (object);
}

static void
trib_flow_watcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribFlowWatcher *self = TRIB_FLOW_WATCHER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval_ms);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;
    case PROP_N_FAILING:
      g_value_set_uint (value, trib_flow_watcher_get_n_failing (self));
      break;
    case PROP_N_POLLS:
      g_value_set_uint (value, self->n_polls);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_watcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribFlowWatcher *self = TRIB_FLOW_WATCHER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_ACTIVE:
      trib_flow_watcher_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_INTERVAL:
      trib_flow_watcher_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_watcher_class_init (TribFlowWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_flow_watcher_dispose;
  object_class->finalize = trib_flow_watcher_finalize;
  object_class->get_property = trib_flow_watcher_get_property;
  object_class->set_property = trib_flow_watcher_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, TRIB_TYPE_PLATFORM_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TribFlowWatcher:active:
   *
   * Whether the window is in view: only then is the platform asked.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT / TRIB_FLOW_WATCHER_MAX_BACKOFF,
                       TRIB_FLOW_WATCHER_DEFAULT_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TribFlowWatcher:delay:
   *
   * The wait between two polls, in milliseconds: the interval, or more
   * after errors.
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILING] =
    g_param_spec_uint ("n-failing", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_POLLS] =
    g_param_spec_uint ("n-polls", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TribFlowWatcher::flow-failed:
   * @self: the watcher
   * @flow: the flow, as the poll read it
   * @run: (nullable): its failed run, with its errors, if it could be read
   *
   * A flow's new run failed since the last look.
   */
  signals[FLOW_FAILED] =
    g_signal_new ("flow-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  TRIB_TYPE_FLOW, TRIB_TYPE_FLOW_RUN);
}

static void
trib_flow_watcher_init (TribFlowWatcher *self)
{
  self->cancellable = g_cancellable_new ();
  self->failing = g_list_store_new (TRIB_TYPE_FLOW);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->interval_ms = TRIB_FLOW_WATCHER_DEFAULT_INTERVAL_MS;
  self->delay_ms = self->interval_ms;
}

/**
 * trib_flow_watcher_new:
 * @client: the client of the session, on the sandbox to watch
 *
 * Returns: (transfer full): a watcher, inactive until told the window
 *   is in view
 */
TribFlowWatcher *
trib_flow_watcher_new (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return g_object_new (TRIB_TYPE_FLOW_WATCHER, "client", client, NULL);
}

/**
 * trib_flow_watcher_get_client:
 *
 * Returns: (transfer none): its client
 */
TribPlatformClient *
trib_flow_watcher_get_client (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), NULL);

  return self->client;
}

gboolean
trib_flow_watcher_get_active (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), FALSE);

  return self->active;
}

/**
 * trib_flow_watcher_set_active:
 * @self: a #TribFlowWatcher
 * @active: whether the window is mapped and not hidden
 *
 * In view again, it polls at once if the last poll is older than the
 * delay, else when the delay is up.
 */
void
trib_flow_watcher_set_active (TribFlowWatcher *self,
                              gboolean         active)
{
  g_return_if_fail (TRIB_IS_FLOW_WATCHER (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    schedule_next (self);
  else
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

guint
trib_flow_watcher_get_interval (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), 0);

  return self->interval_ms;
}

/**
 * trib_flow_watcher_set_interval:
 * @self: a #TribFlowWatcher
 * @interval_ms: the wait between two polls that work
 */
void
trib_flow_watcher_set_interval (TribFlowWatcher *self,
                                guint            interval_ms)
{
  g_return_if_fail (TRIB_IS_FLOW_WATCHER (self));
  g_return_if_fail (interval_ms > 0);

  if (self->interval_ms == interval_ms)
    return;

  self->interval_ms = interval_ms;
  if (self->n_errors == 0)
    set_delay (self, interval_ms);
  if (self->timeout_id != 0)
    schedule_next (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/* Milliseconds between the last poll and the next. */
guint
trib_flow_watcher_get_delay (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), 0);

  return self->delay_ms;
}

guint
trib_flow_watcher_get_n_failing (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->failing));
}

/**
 * trib_flow_watcher_get_failing:
 *
 * Returns: (transfer none): a #GListModel of the #TribFlow whose last
 *   run failed, as the last poll read them
 */
GListModel *
trib_flow_watcher_get_failing (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), NULL);

  return G_LIST_MODEL (self->failing);
}

gboolean
trib_flow_watcher_is_failing (TribFlowWatcher *self,
                              const char      *flow_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), FALSE);

  return flow_id != NULL && g_hash_table_contains (self->known, flow_id);
}

/* How many polls were sent: the tests count them. */
guint
trib_flow_watcher_get_n_polls (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), 0);

  return self->n_polls;
}

/**
 * trib_flow_watcher_get_error:
 *
 * Returns: (nullable) (transfer none): why the last poll failed
 */
const GError *
trib_flow_watcher_get_error (TribFlowWatcher *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WATCHER (self), NULL);

  return self->error;
}

/**
 * trib_flow_watcher_restart:
 * @self: a #TribFlowWatcher
 *
 * The client's sandbox changed: forgets the flows it knew (the next look
 * only learns what fails there) and, if active, polls at once.
 */
void
trib_flow_watcher_restart (TribFlowWatcher *self)
{
  guint n_before;

  g_return_if_fail (TRIB_IS_FLOW_WATCHER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->poll_list);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  g_hash_table_remove_all (self->known);
  self->learned = FALSE;
  self->n_errors = 0;
  self->last_poll_us = 0;
  g_clear_error (&self->error);
  set_delay (self, self->interval_ms);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (self->failing));
  g_list_store_remove_all (self->failing);
  if (n_before > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILING]);

  schedule_next (self);
}

/**
 * trib_flow_watcher_poll_now:
 * @self: a #TribFlowWatcher
 *
 * Polls now, whether in view or not (after an action on a flow, say),
 * unless a poll is under way.
 */
void
trib_flow_watcher_poll_now (TribFlowWatcher *self)
{
  g_return_if_fail (TRIB_IS_FLOW_WATCHER (self));

  poll (self);
}
