/* trib-dataset.c
 *
 * A Catalog dataset, as listed or looked up.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-dataset"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-dataset.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

/* Query Service's name for the dataset's table. */
#define PQS_TABLE_TAG "adobe/pqs/table"

struct _TribDataset
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *schema_id;
  char *table_name;
  char *format;
  GDateTime *created;
  GDateTime *updated;
  char *last_batch_id;
  char *last_batch_status;
  GStrv tag_names;
  GHashTable *tags;   /* name → joined values */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SCHEMA_ID,
  PROP_TABLE_NAME,
  PROP_LAST_BATCH_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribDataset, trib_dataset, G_TYPE_OBJECT)

static void
trib_dataset_finalize (GObject *object)
{
  TribDataset *self = (TribDataset *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->schema_id);
  g_free (self->table_name);
  g_free (self->format);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_free (self->last_batch_id);
  g_free (self->last_batch_status);
  g_strfreev (self->tag_names);
  g_clear_pointer (&self->tags, g_hash_table_unref);

  G_OBJECT_CLASS (trib_dataset_parent_class)->finalize (object);
}

static void
trib_dataset_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribDataset *self = TRIB_DATASET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SCHEMA_ID:
      g_value_set_string (value, self->schema_id);
      break;

    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;

    case PROP_LAST_BATCH_STATUS:
      g_value_set_string (value, self->last_batch_status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_dataset_class_init (TribDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_dataset_finalize;
  object_class->get_property = trib_dataset_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_ID] =
    g_param_spec_string ("schema-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_BATCH_STATUS] =
    g_param_spec_string ("last-batch-status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_dataset_init (TribDataset *self)
{
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
read_tags (TribDataset *self,
           JsonObject  *tags)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GList) members = json_object_get_members (tags);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (tags, name);
      g_autoptr(GString) joined = g_string_new (NULL);

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;

      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          JsonNode *value = json_array_get_element (json_node_get_array (node), i);

          if (json_node_get_value_type (value) != G_TYPE_STRING)
            continue;
          if (joined->len > 0)
            g_string_append (joined, ", ");
          g_string_append (joined, json_node_get_string (value));

          if (i == 0 && g_str_equal (name, PQS_TABLE_TAG))
            self->table_name = g_strdup (json_node_get_string (value));
        }

      g_strv_builder_add (names, name);
      g_hash_table_insert (self->tags, g_strdup (name), g_string_free (g_steal_pointer (&joined), FALSE));
    }

  self->tag_names = g_strv_builder_end (names);
}

/**
 * trib_dataset_new_from_json:
 * @id: the dataset's id, the key Catalog files it under
 * @object: the dataset's object
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL if @object
 *   lacks a name
 */
TribDataset *
trib_dataset_new_from_json (const char  *id,
                            JsonObject  *object,
                            GError     **error)
{
  g_autoptr(TribDataset) self = NULL;
  JsonObject *member;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (TRIB_TYPE_DATASET, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (trib_xdm_json_get_string (object, "name"));
  self->description = g_strdup (trib_xdm_json_get_string (object, "description"));
  self->created = trib_xdm_json_get_epoch_ms (object, "created");
  self->updated = trib_xdm_json_get_epoch_ms (object, "updated");
  self->last_batch_id = g_strdup (trib_xdm_json_get_string (object, "lastBatchId"));
  self->last_batch_status = g_strdup (trib_xdm_json_get_string (object, "lastBatchStatus"));

  if ((member = trib_xdm_json_get_object (object, "schemaRef")))
    self->schema_id = g_strdup (trib_xdm_json_get_string (member, "id"));
  if ((member = trib_xdm_json_get_object (object, "fileDescription")))
    self->format = g_strdup (trib_xdm_json_get_string (member, "format"));

  if ((member = trib_xdm_json_get_object (object, "tags")))
    read_tags (self, member);
  else
    self->tag_names = g_new0 (char *, 1);

  if (self->name == NULL)
    {
      g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                   _("Catalog listed dataset %s without a name."), id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
trib_dataset_get_id (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->id;
}

const char *
trib_dataset_get_name (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->name;
}

const char *
trib_dataset_get_description (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->description;
}

/**
 * trib_dataset_get_schema_id:
 * @self: a #TribDataset
 *
 * Returns: (nullable): the `$id` of the dataset's XDM schema
 */
const char *
trib_dataset_get_schema_id (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->schema_id;
}

/**
 * trib_dataset_get_table_name:
 * @self: a #TribDataset
 *
 * Returns: (nullable): the table that holds the dataset in Data Distiller
 */
const char *
trib_dataset_get_table_name (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->table_name;
}

const char *
trib_dataset_get_format (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->format;
}

/**
 * trib_dataset_get_created:
 * @self: a #TribDataset
 *
 * Returns: (nullable) (transfer none): when the dataset was created
 */
GDateTime *
trib_dataset_get_created (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->created;
}

/**
 * trib_dataset_get_updated:
 * @self: a #TribDataset
 *
 * Returns: (nullable) (transfer none): when the dataset last changed
 */
GDateTime *
trib_dataset_get_updated (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->updated;
}

/**
 * trib_dataset_get_last_batch_id:
 * @self: a #TribDataset
 *
 * Returns: (nullable): the id of the last batch, %NULL if none came yet
 */
const char *
trib_dataset_get_last_batch_id (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->last_batch_id;
}

/**
 * trib_dataset_get_last_batch_status:
 * @self: a #TribDataset
 *
 * Returns: (nullable): Catalog's status of the last batch, such as
 *   `success` or `failed`
 */
const char *
trib_dataset_get_last_batch_status (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return self->last_batch_status;
}

/**
 * trib_dataset_get_profile_enabled:
 * @self: a #TribDataset
 *
 * Returns: whether Real-Time Customer Profile reads the dataset
 */
gboolean
trib_dataset_get_profile_enabled (TribDataset *self)
{
  const char *tag;

  g_return_val_if_fail (TRIB_IS_DATASET (self), FALSE);

  tag = g_hash_table_lookup (self->tags, "unifiedProfile");

  return tag != NULL && strstr (tag, "enabled:true") != NULL;
}

/**
 * trib_dataset_get_tag_names:
 * @self: a #TribDataset
 *
 * Returns: (transfer none): the names of the dataset's tags, in Catalog's order
 */
const char * const *
trib_dataset_get_tag_names (TribDataset *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);

  return (const char * const *) self->tag_names;
}

/**
 * trib_dataset_dup_tag:
 * @self: a #TribDataset
 * @name: a tag name
 *
 * Returns: (transfer full) (nullable): the tag's values, joined with commas
 */
char *
trib_dataset_dup_tag (TribDataset *self,
                      const char  *name)
{
  g_return_val_if_fail (TRIB_IS_DATASET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_strdup (g_hash_table_lookup (self->tags, name));
}
