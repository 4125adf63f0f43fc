/* trib-profile.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-profile.h"
#include "trib-util.h"

/* A profile is one Experience Platform account: everything needed to
 * sign in except the client secret, which lives in the keyring only.
 */
struct _TribProfile
{
  GObject parent_instance;

  char *id;
  char *name;
  char *org_id;
  char *client_id;
  char *technical_account_id;
  char *scopes;
  char *default_sandbox;
  char *last_sandbox;
  char *ims_url;
  char *platform_url;
  guint ephemeral : 1;
};

G_DEFINE_FINAL_TYPE (TribProfile, trib_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORG_ID,
  PROP_CLIENT_ID,
  PROP_TECHNICAL_ACCOUNT_ID,
  PROP_SCOPES,
  PROP_DEFAULT_SANDBOX,
  PROP_LAST_SANDBOX,
  PROP_IMS_URL,
  PROP_PLATFORM_URL,
  PROP_EPHEMERAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (TribProfile *self,
              guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_ORG_ID: return &self->org_id;
    case PROP_CLIENT_ID: return &self->client_id;
    case PROP_TECHNICAL_ACCOUNT_ID: return &self->technical_account_id;
    case PROP_SCOPES: return &self->scopes;
    case PROP_DEFAULT_SANDBOX: return &self->default_sandbox;
    case PROP_LAST_SANDBOX: return &self->last_sandbox;
    case PROP_IMS_URL: return &self->ims_url;
    case PROP_PLATFORM_URL: return &self->platform_url;
    default: return NULL;
    }
}

static void
set_string (TribProfile *self,
            guint        prop_id,
            const char  *value)
{
  char **field = string_field (self, prop_id);
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_assert (field != NULL);

  if (trib_set_str (field, stripped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
trib_profile_finalize (GObject *object)
{
  TribProfile *self = (TribProfile *)object;

  for (guint i = PROP_ID; i <= PROP_PLATFORM_URL; i++)
    g_clear_pointer (string_field (self, i), g_free);

  G_OBJECT_CLASS (trib_profile_parent_class)->finalize (object);
}

static void
trib_profile_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TribProfile *self = TRIB_PROFILE (object);

  if (prop_id == PROP_EPHEMERAL)
    g_value_set_boolean (value, self->ephemeral);
  else if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_profile_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TribProfile *self = TRIB_PROFILE (object);

  if (prop_id == PROP_EPHEMERAL)
    trib_profile_set_ephemeral (self, g_value_get_boolean (value));
  else if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trib_profile_class_init (TribProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_profile_finalize;
  object_class->get_property = trib_profile_get_property;
  object_class->set_property = trib_profile_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

#define STRING_PROP(ID, NAME, DEFAULT) \
  properties[ID] = g_param_spec_string (NAME, NULL, NULL, DEFAULT, \
                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_NAME, "name", NULL);
  STRING_PROP (PROP_ORG_ID, "org-id", NULL);
  STRING_PROP (PROP_CLIENT_ID, "client-id", NULL);
  STRING_PROP (PROP_TECHNICAL_ACCOUNT_ID, "technical-account-id", NULL);
  STRING_PROP (PROP_SCOPES, "scopes", TRIB_DEFAULT_SCOPES);
  STRING_PROP (PROP_DEFAULT_SANDBOX, "default-sandbox", TRIB_DEFAULT_SANDBOX);
  STRING_PROP (PROP_LAST_SANDBOX, "last-sandbox", NULL);
  STRING_PROP (PROP_IMS_URL, "ims-url", TRIB_DEFAULT_IMS_URL);
  STRING_PROP (PROP_PLATFORM_URL, "platform-url", TRIB_DEFAULT_PLATFORM_URL);
#undef STRING_PROP

  properties[PROP_EPHEMERAL] =
    g_param_spec_boolean ("ephemeral", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_profile_init (TribProfile *self)
{
  self->scopes = g_strdup (TRIB_DEFAULT_SCOPES);
  self->default_sandbox = g_strdup (TRIB_DEFAULT_SANDBOX);
  self->ims_url = g_strdup (TRIB_DEFAULT_IMS_URL);
  self->platform_url = g_strdup (TRIB_DEFAULT_PLATFORM_URL);
}

/**
 * trib_profile_new:
 * @id: (nullable): a stable identifier, or %NULL to generate one
 *
 * Returns: (transfer full): a new profile with Adobe's production hosts
 */
TribProfile *
trib_profile_new (const char *id)
{
  g_autofree char *generated = NULL;

  if (id == NULL)
    id = generated = g_uuid_string_random ();

  return g_object_new (TRIB_TYPE_PROFILE, "id", id, NULL);
}

/**
 * trib_profile_copy:
 * @self: a #TribProfile
 *
 * Returns: (transfer full): a profile with the same id and values, so an
 *   editor can change it and the caller decide whether to keep the change
 */
TribProfile *
trib_profile_copy (TribProfile *self)
{
  TribProfile *copy;

  g_return_val_if_fail (TRIB_IS_PROFILE (self), NULL);

  copy = trib_profile_new (self->id);
  for (guint i = PROP_NAME; i <= PROP_PLATFORM_URL; i++)
    trib_set_str (string_field (copy, i), *string_field (self, i));
  copy->ephemeral = self->ephemeral;

  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                   \
  const char *trib_profile_get_##field (TribProfile *self)               \
  {                                                                     \
    g_return_val_if_fail (TRIB_IS_PROFILE (self), NULL);                \
    return self->field;                                                 \
  }                                                                     \
  void trib_profile_set_##field (TribProfile *self, const char *field)  \
  {                                                                     \
    g_return_if_fail (TRIB_IS_PROFILE (self));                          \
    set_string (self, PROP, field);                                     \
  }

const char *
trib_profile_get_id (TribProfile *self)
{
  g_return_val_if_fail (TRIB_IS_PROFILE (self), NULL);

  return self->id;
}

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (org_id, PROP_ORG_ID)
STRING_ACCESSORS (client_id, PROP_CLIENT_ID)
STRING_ACCESSORS (technical_account_id, PROP_TECHNICAL_ACCOUNT_ID)
STRING_ACCESSORS (scopes, PROP_SCOPES)
STRING_ACCESSORS (default_sandbox, PROP_DEFAULT_SANDBOX)
STRING_ACCESSORS (last_sandbox, PROP_LAST_SANDBOX)
STRING_ACCESSORS (ims_url, PROP_IMS_URL)
STRING_ACCESSORS (platform_url, PROP_PLATFORM_URL)

#undef STRING_ACCESSORS

gboolean
trib_profile_get_ephemeral (TribProfile *self)
{
  g_return_val_if_fail (TRIB_IS_PROFILE (self), FALSE);

  return self->ephemeral;
}

/**
 * trib_profile_set_ephemeral:
 * @self: a #TribProfile
 * @ephemeral: whether the profile lives for this session only
 *
 * Ephemeral profiles (the demo platform, whose port changes every run)
 * are never written to the profile store.
 */
void
trib_profile_set_ephemeral (TribProfile *self,
                            gboolean     ephemeral)
{
  g_return_if_fail (TRIB_IS_PROFILE (self));

  ephemeral = !!ephemeral;
  if (self->ephemeral != ephemeral)
    {
      self->ephemeral = ephemeral;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EPHEMERAL]);
    }
}

/**
 * trib_profile_get_start_sandbox:
 * @self: a #TribProfile
 *
 * Returns: the sandbox to open when signing in: the one used last, else
 *   the profile's default
 */
const char *
trib_profile_get_start_sandbox (TribProfile *self)
{
  g_return_val_if_fail (TRIB_IS_PROFILE (self), NULL);

  if (self->last_sandbox != NULL && self->last_sandbox[0] != '\0')
    return self->last_sandbox;

  return self->default_sandbox;
}

/**
 * trib_profile_validate:
 * @self: a #TribProfile
 * @error: a location for a #GError
 *
 * Checks that every field needed to sign in is filled in, naming the
 * ones that are not.
 *
 * Returns: %TRUE if the profile can be used to sign in
 */
gboolean
trib_profile_validate (TribProfile  *self,
                       GError      **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  struct { const char *value; const char *label; } required[] = {
    /* Translators: the names of profile fields, listed when they are missing */
    { self->org_id, N_("organization ID") },
    { self->client_id, N_("client ID") },
    { self->technical_account_id, N_("technical account ID") },
    { self->scopes, N_("scopes") },
    { self->ims_url, N_("IMS URL") },
    { self->platform_url, N_("platform URL") },
  };
  g_autofree char *joined = NULL;

  g_return_val_if_fail (TRIB_IS_PROFILE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i].value == NULL || required[i].value[0] == '\0')
      g_ptr_array_add (missing, (gpointer) _(required[i].label));

  if (missing->len == 0)
    return TRUE;

  g_ptr_array_add (missing, NULL);
  joined = g_strjoinv (", ", (char **) missing->pdata);
  g_set_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG,
               /* Translators: %s is a list of field names */
               _("These fields are missing: %s"), joined);

  return FALSE;
}
