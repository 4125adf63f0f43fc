/* trib-spec-field.h
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
 * TribSpecFieldType:
 * @TRIB_SPEC_FIELD_STRING: text
 * @TRIB_SPEC_FIELD_INTEGER: a whole number, sent as a JSON integer
 * @TRIB_SPEC_FIELD_NUMBER: a number, sent as a JSON number
 * @TRIB_SPEC_FIELD_BOOLEAN: on or off, answered `true` or `false`
 * @TRIB_SPEC_FIELD_ENUM: one of trib_spec_field_get_choices(), sent
 *   with the type the spec gave it
 * @TRIB_SPEC_FIELD_ARRAY: a list of values of
 *   trib_spec_field_get_item_type(), answered one per line
 * @TRIB_SPEC_FIELD_UNSUPPORTED: a value the form cannot ask a person for
 *   (a list of objects, a free-form object, a `$ref`, an unknown type);
 *   trib_spec_field_get_problem() says why, and the caller may give its
 *   value with trib_spec_form_set_value()
 */
typedef enum
{
  TRIB_SPEC_FIELD_STRING,
  TRIB_SPEC_FIELD_INTEGER,
  TRIB_SPEC_FIELD_NUMBER,
  TRIB_SPEC_FIELD_BOOLEAN,
  TRIB_SPEC_FIELD_ENUM,
  TRIB_SPEC_FIELD_ARRAY,
  TRIB_SPEC_FIELD_UNSUPPORTED,
} TribSpecFieldType;

#define TRIB_TYPE_SPEC_FIELD_TYPE (trib_spec_field_type_get_type ())
GType trib_spec_field_type_get_type (void) G_GNUC_CONST;

#define TRIB_TYPE_SPEC_FIELD (trib_spec_field_get_type ())

G_DECLARE_FINAL_TYPE (TribSpecField, trib_spec_field, TRIB, SPEC_FIELD, GObject)

const char         *trib_spec_field_get_key            (TribSpecField  *self);
const char * const *trib_spec_field_get_path           (TribSpecField  *self);
const char         *trib_spec_field_get_label          (TribSpecField  *self);
const char         *trib_spec_field_get_help           (TribSpecField  *self);
TribSpecFieldType   trib_spec_field_get_field_type     (TribSpecField  *self);
TribSpecFieldType   trib_spec_field_get_item_type      (TribSpecField  *self);
gboolean            trib_spec_field_get_secret         (TribSpecField  *self);
gboolean            trib_spec_field_get_multiline      (TribSpecField  *self);
gboolean            trib_spec_field_get_required       (TribSpecField  *self);
const char * const *trib_spec_field_get_choices        (TribSpecField  *self);
const char         *trib_spec_field_get_default_text   (TribSpecField  *self);
const char         *trib_spec_field_get_pattern        (TribSpecField  *self);
const char         *trib_spec_field_get_pattern_hint   (TribSpecField  *self);
gboolean            trib_spec_field_get_minimum        (TribSpecField  *self,
                                                        double         *minimum);
gboolean            trib_spec_field_get_maximum        (TribSpecField  *self,
                                                        double         *maximum);
int                 trib_spec_field_get_min_length     (TribSpecField  *self);
int                 trib_spec_field_get_max_length     (TribSpecField  *self);
const char         *trib_spec_field_get_problem        (TribSpecField  *self);

char               *trib_spec_field_check              (TribSpecField  *self,
                                                        const char     *text);
JsonNode           *trib_spec_field_to_node            (TribSpecField  *self,
                                                        const char     *text);

G_END_DECLS
