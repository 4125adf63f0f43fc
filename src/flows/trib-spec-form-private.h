/* trib-spec-form-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-spec-form.h"

G_BEGIN_DECLS

struct _TribSpecForm
{
  GObject parent_instance;

  char *connection_spec_id;
  char *name;
  char *label;
  char *auth_type;
  char *description;
  char *problem;
  GPtrArray *fields;            /* TribSpecField, in the order shown */
  GHashTable *by_key;           /* key → TribSpecField, borrowed */
  GHashTable *answers;          /* key → text, overwritten when freed */
  GHashTable *values;           /* key → JsonNode given by the caller */
};

G_END_DECLS
