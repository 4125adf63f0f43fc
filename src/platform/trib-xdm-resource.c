/* trib-xdm-resource.c
 *
 * A schema, class, field group or data type of the Schema Registry, in
 * the stored form (`application/vnd.adobe.xed+json`): what it is made
 * of, not its resolved fields (see trib-xdm-field.c for those).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-xdm-resource"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-xdm-json.h"
#include "trib-xdm-resource.h"

#define GLOBAL_PREFIX "https://ns.adobe.com/xdm/"
#define RECORD_BEHAVIOR GLOBAL_PREFIX "data/record"
#define TIME_SERIES_BEHAVIOR GLOBAL_PREFIX "data/time-series"
#define ADHOC_BEHAVIOR GLOBAL_PREFIX "data/adhoc"

struct _TribXdmResource
{
  GObject parent_instance;

  TribXdmKind kind;
  char *id;
  char *alt_id;
  char *title;
  char *description;
  char *version;
  char *class_id;
  char *dataset_namespace;
  GStrv field_group_ids;
  GStrv intended_to_extend;
  TribXdmBehavior behavior;
  gboolean profile_enabled;
  GDateTime *created;
  GDateTime *modified;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribXdmResource, trib_xdm_resource, G_TYPE_OBJECT)

static void
trib_xdm_resource_finalize (GObject *object)
{
  TribXdmResource *self = (TribXdmResource *) object;

  g_free (self->id);
  g_free (self->alt_id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->version);
  g_free (self->class_id);
  g_free (self->dataset_namespace);
  g_strfreev (self->field_group_ids);
  g_strfreev (self->intended_to_extend);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (trib_xdm_resource_parent_class)->finalize (object);
}

static void
trib_xdm_resource_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribXdmResource *self = TRIB_XDM_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_xdm_resource_class_init (TribXdmResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_xdm_resource_finalize;
  object_class->get_property = trib_xdm_resource_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_xdm_resource_init (TribXdmResource *self)
{
}

/**
 * trib_xdm_container_for_id:
 * @id: a resource's `$id`
 *
 * Returns: the container the resource lives in: Adobe's own ids are
 *   under `https://ns.adobe.com/xdm/`
 */
TribXdmContainer
trib_xdm_container_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, TRIB_XDM_CONTAINER_TENANT);

  return g_str_has_prefix (id, GLOBAL_PREFIX) ? TRIB_XDM_CONTAINER_GLOBAL : TRIB_XDM_CONTAINER_TENANT;
}

static TribXdmBehavior
behavior_from_extends (const char * const *extends)
{
  for (guint i = 0; extends[i] != NULL; i++)
    {
      if (g_str_equal (extends[i], RECORD_BEHAVIOR))
        return TRIB_XDM_BEHAVIOR_RECORD;
      if (g_str_equal (extends[i], TIME_SERIES_BEHAVIOR))
        return TRIB_XDM_BEHAVIOR_TIME_SERIES;
      if (g_str_equal (extends[i], ADHOC_BEHAVIOR))
        return TRIB_XDM_BEHAVIOR_ADHOC;
    }

  return TRIB_XDM_BEHAVIOR_UNKNOWN;
}

/* A schema's allOf lists its class and its field groups by $ref; the
 * class is `meta:class`, so the field groups are the other references
 * that are not behaviours.
 */
static GStrv
field_groups_from_all_of (JsonObject *object,
                          const char *class_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *all_of = trib_xdm_json_get_array (object, "allOf");

  for (guint i = 0; all_of != NULL && i < json_array_get_length (all_of); i++)
    {
      JsonNode *element = json_array_get_element (all_of, i);
      const char *ref;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(ref = trib_xdm_json_get_string (json_node_get_object (element), "$ref")))
        continue;

      if (g_strcmp0 (ref, class_id) == 0 || g_str_has_prefix (ref, GLOBAL_PREFIX "data/"))
        continue;

      g_strv_builder_add (builder, ref);
    }

  return g_strv_builder_end (builder);
}

/**
 * trib_xdm_resource_new_from_json:
 * @kind: what @object is
 * @object: the resource, in the `xed+json` form
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the resource, or %NULL if @object
 *   has no `$id`
 */
TribXdmResource *
trib_xdm_resource_new_from_json (TribXdmKind   kind,
                                 JsonObject   *object,
                                 GError      **error)
{
  g_autoptr(TribXdmResource) self = NULL;
  g_auto(GStrv) extends = NULL;
  g_auto(GStrv) tags = NULL;
  JsonObject *metadata;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (TRIB_TYPE_XDM_RESOURCE, NULL);
  self->kind = kind;
  self->id = g_strdup (trib_xdm_json_get_string (object, "$id"));
  self->alt_id = g_strdup (trib_xdm_json_get_string (object, "meta:altId"));
  self->title = g_strdup (trib_xdm_json_get_string (object, "title"));
  self->description = g_strdup (trib_xdm_json_get_string (object, "description"));
  self->version = g_strdup (trib_xdm_json_get_string (object, "version"));
  self->dataset_namespace = g_strdup (trib_xdm_json_get_string (object, "meta:datasetNamespace"));
  self->intended_to_extend = trib_xdm_json_get_strv (object, "meta:intendedToExtend");

  if (self->id == NULL)
    {
      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                           _("The Schema Registry listed a resource without an id."));
      return NULL;
    }

  if (self->title == NULL)
    self->title = g_strdup (self->id);

  extends = trib_xdm_json_get_strv (object, "meta:extends");
  self->behavior = behavior_from_extends ((const char * const *) extends);

  if (kind == TRIB_XDM_KIND_CLASS)
    self->class_id = g_strdup (self->id);
  else
    self->class_id = g_strdup (trib_xdm_json_get_string (object, "meta:class"));

  if (kind == TRIB_XDM_KIND_SCHEMA)
    self->field_group_ids = field_groups_from_all_of (object, self->class_id);
  else
    self->field_group_ids = g_new0 (char *, 1);

  /* Profile reads a schema once it is part of its class's union. */
  tags = trib_xdm_json_get_strv (object, "meta:immutableTags");
  self->profile_enabled = g_strv_contains ((const char * const *) tags, "union");

  if ((metadata = trib_xdm_json_get_object (object, "meta:registryMetadata")))
    {
      self->created = trib_xdm_json_get_epoch_ms (metadata, "repo:createdDate");
      self->modified = trib_xdm_json_get_epoch_ms (metadata, "repo:lastModifiedDate");
    }

  return g_steal_pointer (&self);
}

TribXdmKind
trib_xdm_resource_get_kind (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), TRIB_XDM_KIND_SCHEMA);

  return self->kind;
}

TribXdmContainer
trib_xdm_resource_get_container (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), TRIB_XDM_CONTAINER_TENANT);

  return trib_xdm_container_for_id (self->id);
}

const char *
trib_xdm_resource_get_id (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->id;
}

/**
 * trib_xdm_resource_get_alt_id:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable): the short id, such as `_xdm.context.profile`
 */
const char *
trib_xdm_resource_get_alt_id (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->alt_id;
}

const char *
trib_xdm_resource_get_title (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->title;
}

/**
 * trib_xdm_resource_get_description:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable): the description
 */
const char *
trib_xdm_resource_get_description (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->description;
}

/**
 * trib_xdm_resource_get_version:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable): the version, such as `1.2`
 */
const char *
trib_xdm_resource_get_version (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->version;
}

/**
 * trib_xdm_resource_get_class_id:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable): a schema's class; a class's own id
 */
const char *
trib_xdm_resource_get_class_id (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->class_id;
}

/**
 * trib_xdm_resource_get_field_group_ids:
 * @self: a #TribXdmResource
 *
 * Returns: (transfer none): a schema's field groups; empty for the rest
 */
const char * const *
trib_xdm_resource_get_field_group_ids (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return (const char * const *) self->field_group_ids;
}

/**
 * trib_xdm_resource_get_intended_to_extend:
 * @self: a #TribXdmResource
 *
 * Returns: (transfer none): the classes a field group may be used with
 */
const char * const *
trib_xdm_resource_get_intended_to_extend (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return (const char * const *) self->intended_to_extend;
}

/**
 * trib_xdm_resource_get_dataset_namespace:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable): where an ad hoc class keeps its fields, such as `_6395cb…`
 */
const char *
trib_xdm_resource_get_dataset_namespace (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->dataset_namespace;
}

TribXdmBehavior
trib_xdm_resource_get_behavior (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), TRIB_XDM_BEHAVIOR_UNKNOWN);

  return self->behavior;
}

gboolean
trib_xdm_resource_get_profile_enabled (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), FALSE);

  return self->profile_enabled;
}

/**
 * trib_xdm_resource_get_created:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable) (transfer none): when it was created
 */
GDateTime *
trib_xdm_resource_get_created (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->created;
}

/**
 * trib_xdm_resource_get_modified:
 * @self: a #TribXdmResource
 *
 * Returns: (nullable) (transfer none): when it last changed
 */
GDateTime *
trib_xdm_resource_get_modified (TribXdmResource *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_RESOURCE (self), NULL);

  return self->modified;
}
