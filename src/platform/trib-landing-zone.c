/* trib-landing-zone.c
 *
 * The sandbox's Data Landing Zone: its container, how many days files
 * stay in it, and, once asked for, the SAS token that lets anyone
 * holding it write there. The token is a secret: it is kept here only,
 * wiped when the object goes, and never logged (the request log redacts
 * SASToken and SASUri).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-landing-zone"

#include "config.h"

#include "trib-landing-zone.h"
#include "trib-util.h"
#include "trib-xdm-json.h"

struct _TribLandingZone
{
  GObject parent_instance;

  char *container_name;
  int container_ttl_days;
  char *storage_account_name;
  char *sas_token;
  char *sas_uri;
};

G_DEFINE_FINAL_TYPE (TribLandingZone, trib_landing_zone, G_TYPE_OBJECT)

static void
trib_landing_zone_finalize (GObject *object)
{
  TribLandingZone *self = (TribLandingZone *) object;

  g_free (self->container_name);
  g_free (self->storage_account_name);
  trib_secret_free (self->sas_token);
  trib_secret_free (self->sas_uri);

  G_OBJECT_CLASS (trib_landing_zone_parent_class)->finalize (object);
}

static void
trib_landing_zone_class_init (TribLandingZoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_landing_zone_finalize;
}

static void
trib_landing_zone_init (TribLandingZone *self)
{
  self->container_ttl_days = -1;
}

/**
 * trib_landing_zone_new_from_json:
 * @object: `{containerName, containerTTL}` or `{containerName, SASToken,
 *   storageAccountName, SASUri}`
 *
 * Returns: (transfer full) (nullable): the landing zone, or %NULL
 *   without a container name
 */
TribLandingZone *
trib_landing_zone_new_from_json (JsonObject *object)
{
  TribLandingZone *self;
  const char *container = trib_xdm_json_get_string (object, "containerName");
  const char *ttl = trib_xdm_json_get_string (object, "containerTTL");
  JsonNode *ttl_node = json_object_get_member (object, "containerTTL");
  guint64 days;

  if (container == NULL || container[0] == '\0')
    return NULL;

  self = g_object_new (TRIB_TYPE_LANDING_ZONE, NULL);
  self->container_name = g_strdup (container);
  self->storage_account_name = g_strdup (trib_xdm_json_get_string (object, "storageAccountName"));
  self->sas_token = g_strdup (trib_xdm_json_get_string (object, "SASToken"));
  self->sas_uri = g_strdup (trib_xdm_json_get_string (object, "SASUri"));

  /* The guide shows "7", a string; a number would mean the same. */
  if (ttl != NULL && g_ascii_string_to_unsigned (ttl, 10, 0, 3650, &days, NULL))
    self->container_ttl_days = (int) days;
  else if (ttl_node != NULL && json_node_get_value_type (ttl_node) == G_TYPE_INT64 &&
           json_node_get_int (ttl_node) >= 0 && json_node_get_int (ttl_node) <= 3650)
    self->container_ttl_days = (int) json_node_get_int (ttl_node);

  return self;
}

const char *
trib_landing_zone_get_container_name (TribLandingZone *self)
{
  g_return_val_if_fail (TRIB_IS_LANDING_ZONE (self), NULL);

  return self->container_name;
}

/**
 * trib_landing_zone_get_container_ttl_days:
 *
 * Returns: how many days a file stays in the container, or -1 if the
 *   answer did not say
 */
int
trib_landing_zone_get_container_ttl_days (TribLandingZone *self)
{
  g_return_val_if_fail (TRIB_IS_LANDING_ZONE (self), -1);

  return self->container_ttl_days;
}

const char *
trib_landing_zone_get_storage_account_name (TribLandingZone *self)
{
  g_return_val_if_fail (TRIB_IS_LANDING_ZONE (self), NULL);

  return self->storage_account_name;
}

/**
 * trib_landing_zone_get_sas_token:
 *
 * Returns: (nullable): the SAS token, a secret: show it only where the
 *   user asked to, never log it
 */
const char *
trib_landing_zone_get_sas_token (TribLandingZone *self)
{
  g_return_val_if_fail (TRIB_IS_LANDING_ZONE (self), NULL);

  return self->sas_token;
}

/**
 * trib_landing_zone_get_sas_uri:
 *
 * Returns: (nullable): the container's URI with the SAS token, a secret
 *   as the token is
 */
const char *
trib_landing_zone_get_sas_uri (TribLandingZone *self)
{
  g_return_val_if_fail (TRIB_IS_LANDING_ZONE (self), NULL);

  return self->sas_uri;
}
