/* trib-xdm-field.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * TribXdmShape:
 * @TRIB_XDM_SHAPE_SCALAR: a single value
 * @TRIB_XDM_SHAPE_OBJECT: an object of named fields
 * @TRIB_XDM_SHAPE_ARRAY: a list; its children are the fields of its items
 * @TRIB_XDM_SHAPE_MAP: a map from keys the data chooses, such as `identityMap`
 */
typedef enum
{
  TRIB_XDM_SHAPE_SCALAR,
  TRIB_XDM_SHAPE_OBJECT,
  TRIB_XDM_SHAPE_ARRAY,
  TRIB_XDM_SHAPE_MAP,
} TribXdmShape;

#define TRIB_TYPE_XDM_FIELD (trib_xdm_field_get_type ())

G_DECLARE_FINAL_TYPE (TribXdmField, trib_xdm_field, TRIB, XDM_FIELD, GObject)

GListModel   *trib_xdm_field_build_tree              (JsonObject    *resolved_schema,
                                                      JsonNode      *descriptors,
                                                      guint         *n_fields);
GListModel   *trib_xdm_field_build_tree_from_text    (const char    *text,
                                                      gsize          length,
                                                      JsonNode      *descriptors,
                                                      guint         *n_fields);
guint         trib_xdm_field_filter_tree             (GListModel    *roots,
                                                      const char    *needle);

const char   *trib_xdm_field_get_name                (TribXdmField  *self);
const char   *trib_xdm_field_get_path                (TribXdmField  *self);
const char   *trib_xdm_field_get_title               (TribXdmField  *self);
const char   *trib_xdm_field_get_description         (TribXdmField  *self);
const char   *trib_xdm_field_get_type_name           (TribXdmField  *self);
const char   *trib_xdm_field_get_format              (TribXdmField  *self);
TribXdmShape  trib_xdm_field_get_shape               (TribXdmField  *self);
gboolean      trib_xdm_field_get_required            (TribXdmField  *self);
const char   *trib_xdm_field_get_identity_namespace  (TribXdmField  *self);
gboolean      trib_xdm_field_get_primary_identity    (TribXdmField  *self);
GListModel   *trib_xdm_field_get_children            (TribXdmField  *self);
gboolean      trib_xdm_field_get_visible             (TribXdmField  *self);
gboolean      trib_xdm_field_get_matches             (TribXdmField  *self);

G_END_DECLS
