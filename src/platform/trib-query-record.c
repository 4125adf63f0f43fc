/* trib-query-record.c
 *
 * One query Query Service ran, as `GET /queries` lists it: its SQL, the
 * database it ran in, its state and times.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-record"

#include "config.h"

#include "trib-query-record.h"
#include "trib-xdm-json.h"

struct _TribQueryRecord
{
  GObject parent_instance;

  char *id;
  char *name;
  char *sql;
  char *database;
  char *state;
  char *client;
  GDateTime *created;
  GDateTime *updated;
  gint64 elapsed_ms;
  gint64 row_count;
  char *error;
  char *created_dataset_id;
  gboolean is_ctas;
  gboolean is_insert_into;
};

G_DEFINE_FINAL_TYPE (TribQueryRecord, trib_query_record, G_TYPE_OBJECT)

static void
trib_query_record_finalize (GObject *object)
{
  TribQueryRecord *self = (TribQueryRecord *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->sql);
  g_free (self->database);
  g_free (self->state);
  g_free (self->client);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_free (self->error);
  g_free (self->created_dataset_id);

  G_OBJECT_CLASS (trib_query_record_parent_class)->finalize (object);
}

static void
trib_query_record_class_init (TribQueryRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_query_record_finalize;
}

static void
trib_query_record_init (TribQueryRecord *self)
{
  self->elapsed_ms = -1;
  self->row_count = -1;
}

/* Query Service writes its times in ISO 8601, in UTC. */
static GDateTime *
get_time (JsonObject *object,
          const char *member)
{
  const char *text = trib_xdm_json_get_string (object, member);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static gint64
get_count (JsonObject *object,
           const char *member)
{
  gint64 value;

  return trib_xdm_json_get_int (object, member, &value) && value >= 0 ? value : -1;
}

/**
 * trib_query_record_new_from_json:
 * @object: one of the `queries` of `GET /queries`
 *
 * The SQL and database are in `request` (query-service.yaml's
 * `query_def`), as the query was sent.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL without an id
 */
TribQueryRecord *
trib_query_record_new_from_json (JsonObject *object)
{
  g_autoptr(TribQueryRecord) self = NULL;
  JsonObject *request;
  JsonObject *links;
  JsonObject *created_dataset;
  JsonArray *errors;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_QUERY_RECORD, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->state = g_strdup (trib_xdm_json_get_string (object, "state"));
  self->client = g_strdup (trib_xdm_json_get_string (object, "client"));
  self->created = get_time (object, "created");
  self->updated = get_time (object, "updated");
  self->elapsed_ms = get_count (object, "elapsedTime");
  self->row_count = get_count (object, "rowCount");

  if ((request = trib_xdm_json_get_object (object, "request")))
    {
      self->name = g_strdup (trib_xdm_json_get_string (request, "name"));
      self->sql = g_strdup (trib_xdm_json_get_string (request, "sql"));
      self->database = g_strdup (trib_xdm_json_get_string (request, "dbName"));
    }

  self->is_ctas = trib_xdm_json_get_boolean (object, "isCTAS");
  self->is_insert_into = trib_xdm_json_get_boolean (object, "isInsertInto");
  if ((links = trib_xdm_json_get_object (object, "_links")) &&
      (created_dataset = trib_xdm_json_get_object (links, "created_dataset")))
    self->created_dataset_id = g_strdup (trib_xdm_json_get_string (created_dataset, "id"));

  errors = trib_xdm_json_get_array (object, "errors");
  if (errors != NULL && json_array_get_length (errors) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (errors, 0)))
    self->error = g_strdup (trib_xdm_json_get_string (json_array_get_object_element (errors, 0), "message"));

  return g_steal_pointer (&self);
}

const char *
trib_query_record_get_id (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->id;
}

const char *
trib_query_record_get_name (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->name;
}

const char *
trib_query_record_get_sql (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->sql;
}

const char *
trib_query_record_get_database (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->database;
}

/**
 * trib_query_record_get_state:
 * @self: a #TribQueryRecord
 *
 * Returns: (nullable): `SUBMITTED`, `IN_PROGRESS`, `SUCCESS`, `FAILED`,
 *   `KILLED` or `TIMEOUT`
 */
const char *
trib_query_record_get_state (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->state;
}

const char *
trib_query_record_get_client (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->client;
}

GDateTime *
trib_query_record_get_created (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->created;
}

GDateTime *
trib_query_record_get_updated (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->updated;
}

/**
 * trib_query_record_get_elapsed_ms:
 * @self: a #TribQueryRecord
 *
 * Returns: how long it ran, or -1 if not said
 */
gint64
trib_query_record_get_elapsed_ms (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), -1);

  return self->elapsed_ms;
}

/**
 * trib_query_record_get_row_count:
 * @self: a #TribQueryRecord
 *
 * Returns: the rows it returned or wrote, or -1 if not said
 */
gint64
trib_query_record_get_row_count (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), -1);

  return self->row_count;
}

/**
 * trib_query_record_get_error:
 * @self: a #TribQueryRecord
 *
 * Returns: (nullable): the first error's message, for a failed query
 */
const char *
trib_query_record_get_error (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->error;
}

/**
 * trib_query_record_get_created_dataset_id:
 *
 * Returns: (nullable): the dataset a CTAS made, once it succeeded
 */
const char *
trib_query_record_get_created_dataset_id (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), NULL);

  return self->created_dataset_id;
}

gboolean
trib_query_record_get_is_ctas (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), FALSE);

  return self->is_ctas;
}

gboolean
trib_query_record_get_is_insert_into (TribQueryRecord *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_RECORD (self), FALSE);

  return self->is_insert_into;
}
