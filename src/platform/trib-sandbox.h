/* trib-sandbox.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_SANDBOX (trib_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (TribSandbox, trib_sandbox, TRIB, SANDBOX, GObject)

TribSandbox *trib_sandbox_new_from_json      (JsonObject   *object,
                                              GError      **error);
const char  *trib_sandbox_get_name           (TribSandbox  *self);
const char  *trib_sandbox_get_title          (TribSandbox  *self);
const char  *trib_sandbox_get_state          (TribSandbox  *self);
const char  *trib_sandbox_get_sandbox_type   (TribSandbox  *self);
const char  *trib_sandbox_get_region         (TribSandbox  *self);
gboolean     trib_sandbox_get_is_default     (TribSandbox  *self);
gboolean     trib_sandbox_get_is_production  (TribSandbox  *self);
gboolean     trib_sandbox_get_is_active      (TribSandbox  *self);
GDateTime   *trib_sandbox_get_created        (TribSandbox  *self);
GDateTime   *trib_sandbox_get_modified       (TribSandbox  *self);
const char  *trib_sandbox_get_created_by     (TribSandbox  *self);
const char  *trib_sandbox_get_modified_by    (TribSandbox  *self);

G_END_DECLS
