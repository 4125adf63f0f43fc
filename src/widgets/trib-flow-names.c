/* trib-flow-names.c
 *
 * The names a list of dataflows shows besides the flows' own: connectors,
 * accounts and datasets, and for a flow's detail its mapping set. A flow
 * names them by id only, and two thousand flows share a handful of each,
 * so they are looked up once per sandbox and after the first page of
 * flows is shown: the connectors in one request, the accounts as one
 * list, each dataset or mapping set once however many flows use it.
 * Until a name arrives, the caller shows nothing or the id; "changed"
 * says when to look again.
 *
 * The look-ups a frame's rows ask for leave together, from an idle of low
 * priority: after the frame that shows the first page is drawn, so that
 * the page shows with one request, its own.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-names"

#include "config.h"

#include "trib-catalog.h"
#include "trib-connection.h"
#include "trib-connection-spec.h"
#include "trib-data-prep.h"
#include "trib-flow-names.h"
#include "trib-flow-service.h"

struct _TribFlowNames
{
  GObject parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  GHashTable *connectors;     /* spec id → name */
  GHashTable *accounts;       /* base connection id → name */
  GHashTable *datasets;       /* dataset id → name; "" while asked for */
  TribPagedList *account_list;
  gboolean specs_asked;
  gboolean specs_sent;
  gboolean accounts_asked;
  GPtrArray *datasets_wanted;  /* ids not asked for yet */
  GHashTable *mapping_sets;   /* mapping set id → name; "" while asked for */
  GPtrArray *mapping_sets_wanted;
  guint n_pending;
  guint changed_idle;
  guint send_idle;
};

G_DEFINE_FINAL_TYPE (TribFlowNames, trib_flow_names, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names come in bursts (a page of accounts, three datasets): the rows
 * are told once per burst.
 */
static gboolean
changed_idle_cb (gpointer data)
{
  TribFlowNames *self = data;

  self->changed_idle = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
queue_changed (TribFlowNames *self)
{
  if (self->changed_idle == 0)
    self->changed_idle = g_idle_add (changed_idle_cb, self);
}

static void
specs_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribFlowNames) self = user_data;
  g_autoptr(GListModel) specs = trib_flow_service_list_connection_specs_finish (result, NULL);

  self->n_pending--;
  for (guint i = 0; specs != NULL && i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(TribConnectionSpec) spec = g_list_model_get_item (specs, i);

      g_hash_table_replace (self->connectors, g_strdup (trib_connection_spec_get_id (spec)),
                            g_strdup (trib_connection_spec_get_connector_name (spec)));
    }
  queue_changed (self);
}

static void
accounts_changed_cb (TribFlowNames *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *list)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TribConnection) connection = g_list_model_get_item (list, i);

      g_hash_table_replace (self->accounts, g_strdup (trib_connection_get_id (connection)),
                            g_strdup (trib_connection_get_name (connection)));
    }
  queue_changed (self);
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribFlowNames) self = user_data;

  self->n_pending--;
  trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, NULL);
  queue_changed (self);
}

static void
dataset_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribFlowNames) self = user_data;
  g_autoptr(TribDataset) dataset = trib_catalog_get_dataset_finish (result, NULL);

  self->n_pending--;
  if (dataset != NULL)
    {
      g_hash_table_replace (self->datasets, g_strdup (trib_dataset_get_id (dataset)),
                            g_strdup (trib_dataset_get_name (dataset)));
      queue_changed (self);
    }
}

static void
mapping_set_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TribFlowNames) self = user_data;
  g_autoptr(TribMappingSet) set = trib_data_prep_get_mapping_set_finish (result, NULL);

  self->n_pending--;
  if (set != NULL && trib_mapping_set_get_name (set) != NULL)
    {
      g_hash_table_replace (self->mapping_sets, g_strdup (trib_mapping_set_get_id (set)),
                            g_strdup (trib_mapping_set_get_name (set)));
      queue_changed (self);
    }
}

static gboolean
send_idle_cb (gpointer data)
{
  TribFlowNames *self = data;

  self->send_idle = 0;

  if (self->specs_asked && !self->specs_sent)
    {
      self->specs_sent = TRUE;
      self->n_pending++;
      trib_flow_service_list_connection_specs_async (self->client, NULL, self->cancellable, specs_cb,
                                                     g_object_ref (self));
    }

  if (self->accounts_asked && self->account_list == NULL)
    {
      self->account_list = trib_flow_service_list_connections (self->client, NULL);
      g_signal_connect_object (self->account_list, "items-changed", G_CALLBACK (accounts_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->n_pending++;
      trib_paged_list_load_all_async (self->account_list, self->cancellable, accounts_loaded_cb,
                                      g_object_ref (self));
    }

  for (guint i = 0; i < self->datasets_wanted->len; i++)
    {
      self->n_pending++;
      trib_catalog_get_dataset_async (self->client, g_ptr_array_index (self->datasets_wanted, i), self->cancellable,
                                      dataset_cb, g_object_ref (self));
    }
  g_ptr_array_set_size (self->datasets_wanted, 0);

  for (guint i = 0; i < self->mapping_sets_wanted->len; i++)
    {
      self->n_pending++;
      trib_data_prep_get_mapping_set_async (self->client, g_ptr_array_index (self->mapping_sets_wanted, i), -1,
                                            self->cancellable, mapping_set_cb, g_object_ref (self));
    }
  g_ptr_array_set_size (self->mapping_sets_wanted, 0);

  return G_SOURCE_REMOVE;
}

static void
queue_send (TribFlowNames *self)
{
  if (self->send_idle == 0)
    self->send_idle = g_idle_add_full (G_PRIORITY_LOW, send_idle_cb, self, NULL);
}

static void
trib_flow_names_dispose (GObject *object)
{
  TribFlowNames *self = (TribFlowNames *) object;

  trib_flow_names_cancel (self);
  g_clear_handle_id (&self->changed_idle, g_source_remove);
  g_clear_handle_id (&self->send_idle, g_source_remove);
  g_clear_object (&self->account_list);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (trib_flow_names_parent_class)->dispose (object);
}

static void
trib_flow_names_finalize (GObject *object)
{
  TribFlowNames *self = (TribFlowNames *) object;

  g_hash_table_unref (self->connectors);
  g_hash_table_unref (self->accounts);
  g_hash_table_unref (self->datasets);
  g_ptr_array_unref (self->datasets_wanted);
  g_hash_table_unref (self->mapping_sets);
  g_ptr_array_unref (self->mapping_sets_wanted);

  G_OBJECT_CLASS (trib_flow_names_parent_class)->finalize (object);
}

static void
trib_flow_names_class_init (TribFlowNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_flow_names_dispose;
  object_class->finalize = trib_flow_names_finalize;

  /**
   * TribFlowNames::changed:
   *
   * Names arrived: what shows ids or nothing may show names now.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
trib_flow_names_init (TribFlowNames *self)
{
  self->cancellable = g_cancellable_new ();
  self->connectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->datasets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->datasets_wanted = g_ptr_array_new_with_free_func (g_free);
  self->mapping_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mapping_sets_wanted = g_ptr_array_new_with_free_func (g_free);
}

/* A name by id, from @table, or asked for once through @wanted. */
static const char *
lookup (TribFlowNames *self,
        GHashTable    *table,
        GPtrArray     *wanted,
        const char    *id)
{
  const char *name;

  if (id == NULL)
    return NULL;
  if ((name = g_hash_table_lookup (table, id)))
    return name[0] != '\0' ? name : NULL;

  g_hash_table_insert (table, g_strdup (id), g_strdup (""));
  g_ptr_array_add (wanted, g_strdup (id));
  queue_send (self);

  return NULL;
}

/**
 * trib_flow_names_new:
 * @client: the sandbox's client
 *
 * Returns: (transfer full): a cache of names, for one sandbox
 */
TribFlowNames *
trib_flow_names_new (TribPlatformClient *client)
{
  TribFlowNames *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_NAMES, NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * trib_flow_names_get_connector:
 *
 * Returns: (nullable): the connector's name, or %NULL until it is known
 */
const char *
trib_flow_names_get_connector (TribFlowNames *self,
                               const char    *spec_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_NAMES (self), NULL);

  if (spec_id == NULL)
    return NULL;
  if (!self->specs_asked)
    {
      self->specs_asked = TRUE;
      queue_send (self);
    }

  return g_hash_table_lookup (self->connectors, spec_id);
}

/**
 * trib_flow_names_get_account:
 *
 * Returns: (nullable): the account's name, or %NULL until it is known
 */
const char *
trib_flow_names_get_account (TribFlowNames *self,
                             const char    *account_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_NAMES (self), NULL);

  if (account_id == NULL)
    return NULL;
  if (!self->accounts_asked)
    {
      self->accounts_asked = TRUE;
      queue_send (self);
    }

  return g_hash_table_lookup (self->accounts, account_id);
}

/**
 * trib_flow_names_get_dataset:
 *
 * Returns: (nullable): the dataset's name, or %NULL until it is known
 */
const char *
trib_flow_names_get_dataset (TribFlowNames *self,
                             const char    *dataset_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_NAMES (self), NULL);

  return lookup (self, self->datasets, self->datasets_wanted, dataset_id);
}

/**
 * trib_flow_names_get_mapping_set:
 *
 * Returns: (nullable): the mapping set's name, or %NULL until it is known
 */
const char *
trib_flow_names_get_mapping_set (TribFlowNames *self,
                                 const char    *mapping_set_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_NAMES (self), NULL);

  return lookup (self, self->mapping_sets, self->mapping_sets_wanted, mapping_set_id);
}

/**
 * trib_flow_names_get_n_pending:
 *
 * Returns: how many look-ups are on their way
 */
guint
trib_flow_names_get_n_pending (TribFlowNames *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_NAMES (self), 0);

  return self->n_pending;
}

void
trib_flow_names_cancel (TribFlowNames *self)
{
  g_return_if_fail (TRIB_IS_FLOW_NAMES (self));

  g_cancellable_cancel (self->cancellable);
  if (self->account_list != NULL)
    trib_paged_list_cancel (self->account_list);
}
