/* trib-source-item.c
 *
 * One connector of the Sources page's catalog: its spec, and how many
 * accounts the sandbox has for it, which the rows bind to and which
 * changes as accounts are read and saved.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-source-item"

#include "config.h"

#include "trib-source-item.h"

struct _TribSourceItem
{
  GObject parent_instance;

  TribConnectionSpec *spec;
  guint n_accounts;
};

G_DEFINE_FINAL_TYPE (TribSourceItem, trib_source_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SPEC,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_DESCRIPTION,
  PROP_N_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_source_item_finalize (GObject *object)
{
  TribSourceItem *self = (TribSourceItem *)object;

  g_clear_object (&self->spec);

  G_OBJECT_CLASS (trib_source_item_parent_class)->finalize (object);
}

static void
trib_source_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribSourceItem *self = TRIB_SOURCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SPEC:
      g_value_set_object (value, self->spec);
      break;

    case PROP_NAME:
      g_value_set_string (value, trib_source_item_get_name (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, trib_source_item_get_category (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, trib_connection_spec_get_description (self->spec));
      break;

    case PROP_N_ACCOUNTS:
      g_value_set_uint (value, self->n_accounts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_source_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribSourceItem *self = TRIB_SOURCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SPEC:
      self->spec = g_value_dup_object (value);
      break;

    case PROP_N_ACCOUNTS:
      trib_source_item_set_n_accounts (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_source_item_class_init (TribSourceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_source_item_finalize;
  object_class->get_property = trib_source_item_get_property;
  object_class->set_property = trib_source_item_set_property;

  properties[PROP_SPEC] =
    g_param_spec_object ("spec", NULL, NULL, TRIB_TYPE_CONNECTION_SPEC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ACCOUNTS] =
    g_param_spec_uint ("n-accounts", NULL, NULL, 0, G_MAXUINT, TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_source_item_init (TribSourceItem *self)
{
  self->n_accounts = TRIB_SOURCE_ITEM_ACCOUNTS_UNKNOWN;
}

TribSourceItem *
trib_source_item_new (TribConnectionSpec *spec)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (spec), NULL);

  return g_object_new (TRIB_TYPE_SOURCE_ITEM, "spec", spec, NULL);
}

TribConnectionSpec *
trib_source_item_get_spec (TribSourceItem *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_ITEM (self), NULL);

  return self->spec;
}

const char *
trib_source_item_get_name (TribSourceItem *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_ITEM (self), NULL);

  return trib_connection_spec_get_connector_name (self->spec);
}

/**
 * trib_source_item_get_category:
 *
 * Returns: the catalog's category; "" for a connector without one
 */
const char *
trib_source_item_get_category (TribSourceItem *self)
{
  const char *category;

  g_return_val_if_fail (TRIB_IS_SOURCE_ITEM (self), NULL);

  category = trib_connection_spec_get_category (self->spec);

  return category != NULL ? category : "";
}

guint
trib_source_item_get_n_accounts (TribSourceItem *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_ITEM (self), 0);

  return self->n_accounts;
}

void
trib_source_item_set_n_accounts (TribSourceItem *self,
                                 guint           n_accounts)
{
  g_return_if_fail (TRIB_IS_SOURCE_ITEM (self));

  if (self->n_accounts == n_accounts)
    return;

  self->n_accounts = n_accounts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCOUNTS]);
}
