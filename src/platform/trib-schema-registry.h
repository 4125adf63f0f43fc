/* trib-schema-registry.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-xdm-field.h"
#include "trib-xdm-resource.h"

G_BEGIN_DECLS

#define TRIB_SCHEMA_REGISTRY_PAGE_SIZE 100

/**
 * TribXdmNameProblem:
 * @TRIB_XDM_NAME_VALID: XDM takes the name
 * @TRIB_XDM_NAME_EMPTY: there is no name
 * @TRIB_XDM_NAME_LEADING_DIGIT: it starts with a digit
 * @TRIB_XDM_NAME_SPACE: it holds a space
 * @TRIB_XDM_NAME_BAD_CHARACTER: it holds something other than ASCII
 *   letters, digits and underscores
 *
 * Why XDM refuses a field name.
 */
typedef enum
{
  TRIB_XDM_NAME_VALID,
  TRIB_XDM_NAME_EMPTY,
  TRIB_XDM_NAME_LEADING_DIGIT,
  TRIB_XDM_NAME_SPACE,
  TRIB_XDM_NAME_BAD_CHARACTER,
} TribXdmNameProblem;

/**
 * TribXdmFieldSpec:
 * @name: the field's name
 * @type: its XDM scalar type, a #TribXdmFieldType nick: `string`,
 *   `integer`, `long`, `short`, `byte`, `number`, `boolean`, `date` or
 *   `date-time`
 *
 * A field of an ad hoc class, as raw source data has it.
 */
typedef struct
{
  const char *name;
  const char *type;
} TribXdmFieldSpec;

TribPagedList   *trib_schema_registry_list                      (TribPlatformClient      *client,
                                                                 TribXdmKind              kind,
                                                                 TribXdmContainer         container,
                                                                 const char              *search,
                                                                 const char              *compatible_class_id);
void             trib_schema_registry_get_async                 (TribPlatformClient      *client,
                                                                 const char              *sandbox,
                                                                 TribXdmKind              kind,
                                                                 const char              *id,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
TribXdmResource *trib_schema_registry_get_finish                (GAsyncResult            *result,
                                                                 GError                 **error);
void             trib_schema_registry_load_fields_async         (TribPlatformClient      *client,
                                                                 TribXdmKind              kind,
                                                                 const char              *id,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
GListModel      *trib_schema_registry_load_fields_finish        (GAsyncResult            *result,
                                                                 guint                   *n_fields,
                                                                 GError                 **error);
void             trib_schema_registry_load_planned_fields_async (TribPlatformClient      *client,
                                                                 const char              *class_id,
                                                                 const char * const      *field_group_ids,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
GListModel      *trib_schema_registry_load_planned_fields_finish (GAsyncResult           *result,
                                                                 guint                   *n_fields,
                                                                 GError                 **error);
void             trib_schema_registry_create_schema_async       (TribPlatformClient      *client,
                                                                 const char              *title,
                                                                 const char              *description,
                                                                 const char              *class_id,
                                                                 const char * const      *field_group_ids,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
TribXdmResource *trib_schema_registry_create_schema_finish      (GAsyncResult            *result,
                                                                 GError                 **error);
void             trib_schema_registry_create_adhoc_class_async  (TribPlatformClient      *client,
                                                                 const char              *title,
                                                                 const char              *description,
                                                                 const TribXdmFieldSpec  *fields,
                                                                 guint                    n_fields,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
TribXdmResource *trib_schema_registry_create_adhoc_class_finish (GAsyncResult            *result,
                                                                 GError                 **error);
void             trib_schema_registry_delete_schema_async       (TribPlatformClient      *client,
                                                                 const char              *id,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);
gboolean         trib_schema_registry_delete_schema_finish      (GAsyncResult            *result,
                                                                 GError                 **error);
void             trib_schema_registry_delete_async              (TribPlatformClient      *client,
                                                                 TribXdmKind              kind,
                                                                 const char              *id,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data);

const char      *trib_schema_registry_find_culprit              (const GError            *error,
                                                                 const char * const      *candidates);
gboolean         trib_schema_registry_is_valid_field_name       (const char              *name);
TribXdmNameProblem trib_schema_registry_check_field_name        (const char              *name,
                                                                 gunichar                *culprit);

G_END_DECLS
