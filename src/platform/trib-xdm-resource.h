/* trib-xdm-resource.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribXdmKind:
 * @TRIB_XDM_KIND_SCHEMA: a schema: a class plus field groups
 * @TRIB_XDM_KIND_CLASS: a class, which sets a schema's behaviour
 * @TRIB_XDM_KIND_FIELD_GROUP: a reusable set of fields for some classes
 * @TRIB_XDM_KIND_DATA_TYPE: a reusable object type
 */
typedef enum
{
  TRIB_XDM_KIND_SCHEMA,
  TRIB_XDM_KIND_CLASS,
  TRIB_XDM_KIND_FIELD_GROUP,
  TRIB_XDM_KIND_DATA_TYPE,
} TribXdmKind;

/**
 * TribXdmContainer:
 * @TRIB_XDM_CONTAINER_TENANT: what the organization made, per sandbox
 * @TRIB_XDM_CONTAINER_GLOBAL: what Adobe provides, everywhere
 */
typedef enum
{
  TRIB_XDM_CONTAINER_TENANT,
  TRIB_XDM_CONTAINER_GLOBAL,
} TribXdmContainer;

/**
 * TribXdmBehavior:
 * @TRIB_XDM_BEHAVIOR_UNKNOWN: the resource does not say
 * @TRIB_XDM_BEHAVIOR_RECORD: attributes of a subject (profiles)
 * @TRIB_XDM_BEHAVIOR_TIME_SERIES: things that happened (events)
 * @TRIB_XDM_BEHAVIOR_ADHOC: fields of one dataset only (raw source data)
 */
typedef enum
{
  TRIB_XDM_BEHAVIOR_UNKNOWN,
  TRIB_XDM_BEHAVIOR_RECORD,
  TRIB_XDM_BEHAVIOR_TIME_SERIES,
  TRIB_XDM_BEHAVIOR_ADHOC,
} TribXdmBehavior;

/**
 * TribXdmFieldType:
 * @TRIB_XDM_FIELD_TYPE_STRING: text
 * @TRIB_XDM_FIELD_TYPE_INTEGER: a whole number of 32 bits
 * @TRIB_XDM_FIELD_TYPE_LONG: a whole number of 53 bits, JSON's safe range
 * @TRIB_XDM_FIELD_TYPE_SHORT: a whole number of 16 bits
 * @TRIB_XDM_FIELD_TYPE_BYTE: a whole number of 8 bits
 * @TRIB_XDM_FIELD_TYPE_NUMBER: any number (a double)
 * @TRIB_XDM_FIELD_TYPE_BOOLEAN: true or false
 * @TRIB_XDM_FIELD_TYPE_DATE: a day, `2026-12-04`
 * @TRIB_XDM_FIELD_TYPE_DATE_TIME: an instant, `2026-12-04T10:00:00Z`
 *
 * XDM's scalar types, which an ad hoc field may have. Each value's nick
 * in its generated #GEnumClass is XDM's name for it; the Schema Registry
 * is sent the JSON Schema XDM spells it with
 * (trib_schema_registry_create_adhoc_class_async()).
 */
typedef enum
{
  TRIB_XDM_FIELD_TYPE_STRING,
  TRIB_XDM_FIELD_TYPE_INTEGER,
  TRIB_XDM_FIELD_TYPE_LONG,
  TRIB_XDM_FIELD_TYPE_SHORT,
  TRIB_XDM_FIELD_TYPE_BYTE,
  TRIB_XDM_FIELD_TYPE_NUMBER,
  TRIB_XDM_FIELD_TYPE_BOOLEAN,
  TRIB_XDM_FIELD_TYPE_DATE,
  TRIB_XDM_FIELD_TYPE_DATE_TIME,
} TribXdmFieldType;

#define TRIB_TYPE_XDM_RESOURCE (trib_xdm_resource_get_type ())

G_DECLARE_FINAL_TYPE (TribXdmResource, trib_xdm_resource, TRIB, XDM_RESOURCE, GObject)

TribXdmResource    *trib_xdm_resource_new_from_json           (TribXdmKind       kind,
                                                               JsonObject       *object,
                                                               GError          **error);
TribXdmKind         trib_xdm_resource_get_kind                (TribXdmResource  *self);
TribXdmContainer    trib_xdm_resource_get_container           (TribXdmResource  *self);
const char         *trib_xdm_resource_get_id                  (TribXdmResource  *self);
const char         *trib_xdm_resource_get_alt_id              (TribXdmResource  *self);
const char         *trib_xdm_resource_get_title               (TribXdmResource  *self);
const char         *trib_xdm_resource_get_description         (TribXdmResource  *self);
const char         *trib_xdm_resource_get_version             (TribXdmResource  *self);
const char         *trib_xdm_resource_get_class_id            (TribXdmResource  *self);
const char * const *trib_xdm_resource_get_field_group_ids     (TribXdmResource  *self);
const char * const *trib_xdm_resource_get_intended_to_extend  (TribXdmResource  *self);
const char         *trib_xdm_resource_get_dataset_namespace   (TribXdmResource  *self);
TribXdmBehavior     trib_xdm_resource_get_behavior            (TribXdmResource  *self);
gboolean            trib_xdm_resource_get_profile_enabled     (TribXdmResource  *self);
GDateTime          *trib_xdm_resource_get_created             (TribXdmResource  *self);
GDateTime          *trib_xdm_resource_get_modified            (TribXdmResource  *self);

TribXdmContainer    trib_xdm_container_for_id                 (const char       *id);

G_END_DECLS
