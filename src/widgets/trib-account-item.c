/* trib-account-item.c
 *
 * One row of the accounts page: a base connection as the row shows it,
 * with its connector's name (from the connector's spec) and its creation
 * date in the user's locale, as properties a .ui row can bind.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-account-item"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-account-item.h"
#include "trib-format.h"

struct _TribAccountItem
{
  GObject parent_instance;

  TribConnection *connection;
  char *connector;
  char *created;
};

G_DEFINE_FINAL_TYPE (TribAccountItem, trib_account_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_ID,
  PROP_NAME,
  PROP_CONNECTOR,
  PROP_STATE,
  PROP_CREATED,
  PROP_ROW_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_account_item_finalize (GObject *object)
{
  TribAccountItem *self = (TribAccountItem *)object;

  g_clear_object (&self->connection);
  g_clear_pointer (&self->connector, g_free);
  g_clear_pointer (&self->created, g_free);

  G_OBJECT_CLASS (trib_account_item_parent_class)->finalize (object);
}

static void
trib_account_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribAccountItem *self = TRIB_ACCOUNT_ITEM (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_ID:
      g_value_set_string (value, trib_connection_get_id (self->connection));
      break;

    case PROP_NAME:
      g_value_set_string (value, trib_account_item_get_name (self));
      break;

    case PROP_CONNECTOR:
      g_value_set_string (value, self->connector);
      break;

    case PROP_STATE:
      g_value_set_string (value, trib_account_item_get_state (self));
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_ROW_NAME:
      g_value_take_string (value, trib_account_item_dup_row_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_account_item_class_init (TribAccountItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_account_item_finalize;
  object_class->get_property = trib_account_item_get_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, TRIB_TYPE_CONNECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTOR] =
    g_param_spec_string ("connector", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_NAME] =
    g_param_spec_string ("row-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_account_item_init (TribAccountItem *self)
{
}

/**
 * trib_account_item_new:
 * @connection: a base connection
 * @connector: (nullable): its connector's name, when its spec is known
 *
 * Returns: (transfer full): a new #TribAccountItem
 */
TribAccountItem *
trib_account_item_new (TribConnection *connection,
                       const char     *connector)
{
  TribAccountItem *self;
  GDateTime *created;

  g_return_val_if_fail (TRIB_IS_CONNECTION (connection), NULL);

  self = g_object_new (TRIB_TYPE_ACCOUNT_ITEM, NULL);
  self->connection = g_object_ref (connection);
  self->connector = g_strdup (connector);
  created = trib_connection_get_created (connection);
  self->created = created != NULL ? trib_format_date (created) : g_strdup ("");

  return self;
}

TribConnection *
trib_account_item_get_connection (TribAccountItem *self)
{
  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  return self->connection;
}

const char *
trib_account_item_get_name (TribAccountItem *self)
{
  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  return trib_connection_get_name (self->connection);
}

/* The spec's name, or until the specs are read, its id. */
const char *
trib_account_item_get_connector (TribAccountItem *self)
{
  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  return self->connector != NULL ? self->connector : trib_connection_get_spec_id (self->connection);
}

/* The platform's states, said in words. */
const char *
trib_account_item_get_state (TribAccountItem *self)
{
  const char *state;

  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  state = trib_connection_get_state (self->connection);
  if (g_strcmp0 (state, "enabled") == 0)
    return _("Enabled");
  if (g_strcmp0 (state, "disabled") == 0)
    return _("Disabled");
  if (g_strcmp0 (state, "initializing") == 0)
    return _("Initializing");

  return state != NULL ? state : "";
}

const char *
trib_account_item_get_created (TribAccountItem *self)
{
  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  return self->created;
}

/**
 * trib_account_item_dup_row_name:
 * @self: a #TribAccountItem
 *
 * Returns: (transfer full): what a screen reader says for the row
 */
char *
trib_account_item_dup_row_name (TribAccountItem *self)
{
  g_return_val_if_fail (TRIB_IS_ACCOUNT_ITEM (self), NULL);

  /* Translators: an account's row: its name, connector, state and the date it was created */
  return g_strdup_printf (_("%s, %s, %s, created %s"), trib_account_item_get_name (self),
                          trib_account_item_get_connector (self), trib_account_item_get_state (self),
                          self->created);
}
