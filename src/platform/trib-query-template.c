/* trib-query-template.c
 *
 * A saved query of Query Service (`/query-templates`): what a schedule
 * runs, and what the Query Editor opens.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-template"

#include "config.h"

#include "trib-query-template.h"
#include "trib-xdm-json.h"

struct _TribQueryTemplate
{
  GObject parent_instance;

  char *id;
  char *name;
  char *sql;
  GDateTime *updated;
};

G_DEFINE_FINAL_TYPE (TribQueryTemplate, trib_query_template, G_TYPE_OBJECT)

static void
trib_query_template_finalize (GObject *object)
{
  TribQueryTemplate *self = (TribQueryTemplate *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->sql);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (trib_query_template_parent_class)->finalize (object);
}

static void
trib_query_template_class_init (TribQueryTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_query_template_finalize;
}

static void
trib_query_template_init (TribQueryTemplate *self)
{
}

/**
 * trib_query_template_new_from_json:
 * @object: a template as Query Service answers it
 *
 * Returns: (transfer full) (nullable): the template, or %NULL without an
 *   id or SQL
 */
TribQueryTemplate *
trib_query_template_new_from_json (JsonObject *object)
{
  TribQueryTemplate *self;
  const char *updated;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL || trib_xdm_json_get_string (object, "sql") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_QUERY_TEMPLATE, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->name = g_strdup (trib_xdm_json_get_string (object, "name"));
  self->sql = g_strdup (trib_xdm_json_get_string (object, "sql"));
  updated = trib_xdm_json_get_string (object, "updated");
  self->updated = updated != NULL ? g_date_time_new_from_iso8601 (updated, utc) : NULL;

  return self;
}

const char *
trib_query_template_get_id (TribQueryTemplate *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TEMPLATE (self), NULL);

  return self->id;
}

const char *
trib_query_template_get_name (TribQueryTemplate *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TEMPLATE (self), NULL);

  return self->name;
}

const char *
trib_query_template_get_sql (TribQueryTemplate *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TEMPLATE (self), NULL);

  return self->sql;
}

/**
 * trib_query_template_get_updated:
 *
 * Returns: (transfer none) (nullable): when it last changed
 */
GDateTime *
trib_query_template_get_updated (TribQueryTemplate *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_TEMPLATE (self), NULL);

  return self->updated;
}
