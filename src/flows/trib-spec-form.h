/* trib-spec-form.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "trib-spec-field.h"

G_BEGIN_DECLS

/* How deep the form follows objects nested in objects, flattening
 * their fields; deeper objects are fields it cannot ask for.
 */
#define TRIB_SPEC_FORM_MAX_DEPTH 4
/* Fields beyond this many are left out, and the form says so. */
#define TRIB_SPEC_FORM_MAX_FIELDS 256
/* Auth types of one connector beyond this many are left out. */
#define TRIB_SPEC_FORM_MAX_AUTH_TYPES 32

#define TRIB_TYPE_SPEC_FORM (trib_spec_form_get_type ())

G_DECLARE_FINAL_TYPE (TribSpecForm, trib_spec_form, TRIB, SPEC_FORM, GObject)

TribSpecForm  *trib_spec_form_new               (const char     *connection_spec_id,
                                                 const char     *name,
                                                 JsonNode       *schema);
GListModel    *trib_spec_form_new_auth_choices  (const char     *connection_spec_id,
                                                 JsonNode       *auth_spec);

const char    *trib_spec_form_get_name          (TribSpecForm   *self);
const char    *trib_spec_form_get_label         (TribSpecForm   *self);
const char    *trib_spec_form_get_auth_type     (TribSpecForm   *self);
const char    *trib_spec_form_get_description   (TribSpecForm   *self);
const char    *trib_spec_form_get_problem       (TribSpecForm   *self);
TribSpecField *trib_spec_form_get_field         (TribSpecForm   *self,
                                                 const char     *key);

void           trib_spec_form_set_answer        (TribSpecForm   *self,
                                                 const char     *key,
                                                 const char     *text);
const char    *trib_spec_form_get_answer        (TribSpecForm   *self,
                                                 const char     *key);
void           trib_spec_form_set_value         (TribSpecForm   *self,
                                                 const char     *key,
                                                 JsonNode       *value);
void           trib_spec_form_clear_answers     (TribSpecForm   *self);

char          *trib_spec_form_check_answer      (TribSpecForm   *self,
                                                 const char     *key);
gboolean       trib_spec_form_validate          (TribSpecForm   *self,
                                                 GError        **error);
JsonObject    *trib_spec_form_build_params      (TribSpecForm   *self,
                                                 GError        **error);
JsonObject    *trib_spec_form_build_some_params (TribSpecForm        *self,
                                                 const char * const  *keys,
                                                 GError             **error);
gboolean       trib_spec_form_is_answered       (TribSpecForm   *self,
                                                 const char     *key);
void           trib_spec_form_free_params       (JsonObject     *params);

G_END_DECLS
