/* trib-sandbox.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sandbox"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-sandbox.h"
#include "trib-xdm-json.h"

/* A sandbox as Sandbox Management describes it; immutable once read. */
struct _TribSandbox
{
  GObject parent_instance;

  char *name;
  char *title;
  char *state;
  char *sandbox_type;
  char *region;
  char *created_by;
  char *modified_by;
  GDateTime *created;
  GDateTime *modified;
  guint is_default : 1;
};

G_DEFINE_FINAL_TYPE (TribSandbox, trib_sandbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_STATE,
  PROP_SANDBOX_TYPE,
  PROP_REGION,
  PROP_IS_DEFAULT,
  PROP_IS_PRODUCTION,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_sandbox_finalize (GObject *object)
{
  TribSandbox *self = (TribSandbox *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->sandbox_type, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->modified_by, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (trib_sandbox_parent_class)->finalize (object);
}

static void
trib_sandbox_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribSandbox *self = TRIB_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_SANDBOX_TYPE:
      g_value_set_string (value, self->sandbox_type);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;

    case PROP_IS_PRODUCTION:
      g_value_set_boolean (value, trib_sandbox_get_is_production (self));
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_sandbox_class_init (TribSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_sandbox_finalize;
  object_class->get_property = trib_sandbox_get_property;

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_SANDBOX_TYPE] = g_param_spec_string ("sandbox-type", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_IS_DEFAULT] = g_param_spec_boolean ("is-default", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_IS_PRODUCTION] = g_param_spec_boolean ("is-production", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, READ_ONLY);
#undef READ_ONLY

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_sandbox_init (TribSandbox *self)
{
}

/* json-glib's own getters warn when the member is an object or an
 * array, which is the server's mistake, not ours: read it as absent.
 */
static const char *
get_string (JsonObject *object,
            const char *member,
            const char *default_value)
{
  const char *value = trib_xdm_json_get_string (object, member);

  return value != NULL ? value : default_value;
}

/* Sandbox Management writes "2023-03-14T09:12:44.000+0000", which lacks
 * the colon ISO 8601 wants in the offset.
 */
static GDateTime *
parse_date (JsonObject *object,
            const char *member)
{
  const char *text = get_string (object, member, NULL);
  g_autofree char *fixed = NULL;
  gsize len;

  if (text == NULL)
    return NULL;

  len = strlen (text);
  if (len > 5 && (text[len - 5] == '+' || text[len - 5] == '-') &&
      g_ascii_isdigit (text[len - 1]) && text[len - 3] != ':')
    fixed = g_strdup_printf ("%.*s:%s", (int) (len - 2), text, text + len - 2);

  return g_date_time_new_from_iso8601 (fixed != NULL ? fixed : text, NULL);
}

/**
 * trib_sandbox_new_from_json:
 * @object: one entry of the `sandboxes` array
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the sandbox, or %NULL if @object
 *   has no name
 */
TribSandbox *
trib_sandbox_new_from_json (JsonObject  *object,
                            GError     **error)
{
  TribSandbox *self;
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  name = get_string (object, "name", NULL);
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                           _("Sandbox Management listed a sandbox without a name."));
      return NULL;
    }

  self = g_object_new (TRIB_TYPE_SANDBOX, NULL);
  self->name = g_strdup (name);
  self->title = g_strdup (get_string (object, "title", name));
  self->state = g_strdup (get_string (object, "state", ""));
  self->sandbox_type = g_strdup (get_string (object, "type", ""));
  self->region = g_strdup (get_string (object, "region", ""));
  self->created_by = g_strdup (get_string (object, "createdBy", NULL));
  self->modified_by = g_strdup (get_string (object, "modifiedBy", NULL));
  self->is_default = trib_xdm_json_get_boolean (object, "isDefault");
  self->created = parse_date (object, "createdDate");
  self->modified = parse_date (object, "lastModifiedDate");

  return self;
}

const char *
trib_sandbox_get_name (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->name;
}

const char *
trib_sandbox_get_title (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->title;
}

const char *
trib_sandbox_get_state (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->state;
}

const char *
trib_sandbox_get_sandbox_type (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->sandbox_type;
}

const char *
trib_sandbox_get_region (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->region;
}

gboolean
trib_sandbox_get_is_default (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), FALSE);

  return self->is_default;
}

gboolean
trib_sandbox_get_is_production (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), FALSE);

  return g_strcmp0 (self->sandbox_type, "production") == 0;
}

gboolean
trib_sandbox_get_is_active (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), FALSE);

  return g_strcmp0 (self->state, "active") == 0;
}

/**
 * trib_sandbox_get_created:
 * @self: a #TribSandbox
 *
 * Returns: (transfer none) (nullable): when the sandbox was created
 */
GDateTime *
trib_sandbox_get_created (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->created;
}

/**
 * trib_sandbox_get_modified:
 * @self: a #TribSandbox
 *
 * Returns: (transfer none) (nullable): when the sandbox last changed
 */
GDateTime *
trib_sandbox_get_modified (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->modified;
}

const char *
trib_sandbox_get_created_by (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->created_by;
}

const char *
trib_sandbox_get_modified_by (TribSandbox *self)
{
  g_return_val_if_fail (TRIB_IS_SANDBOX (self), NULL);

  return self->modified_by;
}
