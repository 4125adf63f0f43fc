/* trib-batch.c
 *
 * A Catalog batch: one load of data into a dataset.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-batch"

#include "config.h"

#include "trib-batch.h"
#include "trib-xdm-json.h"

struct _TribBatch
{
  GObject parent_instance;

  char *id;
  char *status;
  GDateTime *created;
  GDateTime *completed;
  gint64 record_count;
  gint64 failed_record_count;
  char *error_summary;
  GPtrArray *errors;   /* BatchError */
};

typedef struct
{
  char *code;
  char *description;
  char *rows;
} BatchError;

static void
batch_error_free (BatchError *error)
{
  g_free (error->code);
  g_free (error->description);
  g_free (error->rows);
  g_free (error);
}

G_DEFINE_FINAL_TYPE (TribBatch, trib_batch, G_TYPE_OBJECT)

static void
trib_batch_finalize (GObject *object)
{
  TribBatch *self = (TribBatch *) object;

  g_free (self->id);
  g_free (self->status);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->completed, g_date_time_unref);
  g_free (self->error_summary);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (trib_batch_parent_class)->finalize (object);
}

static void
trib_batch_class_init (TribBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_batch_finalize;
}

static void
trib_batch_init (TribBatch *self)
{
  self->record_count = -1;
  self->failed_record_count = -1;
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_error_free);
}

static gint64
get_count (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  /* A count below zero says nothing either; it must not pass for one. */
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    return -1;

  return json_node_get_int (node);
}

/**
 * trib_batch_new_from_json:
 * @id: the key Catalog files the batch under
 * @object: the batch's object
 *
 * Returns: (transfer full): the batch
 */
TribBatch *
trib_batch_new_from_json (const char *id,
                          JsonObject *object)
{
  TribBatch *self;
  JsonArray *errors;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (TRIB_TYPE_BATCH, NULL);
  self->id = g_strdup (id);
  self->status = g_strdup (trib_xdm_json_get_string (object, "status"));
  self->created = trib_xdm_json_get_epoch_ms (object, "created");
  self->completed = trib_xdm_json_get_epoch_ms (object, "completed");
  self->record_count = get_count (object, "recordCount");
  self->failed_record_count = get_count (object, "failedRecordCount");

  /* errors[{code, rows[], description}]: each kept for the details. */
  errors = trib_xdm_json_get_array (object, "errors");
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      g_auto(GStrv) rows = NULL;
      BatchError *error;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      error = g_new0 (BatchError, 1);
      error->code = g_strdup (trib_xdm_json_get_string (json_node_get_object (node), "code"));
      error->description = g_strdup (trib_xdm_json_get_string (json_node_get_object (node), "description"));
      rows = trib_xdm_json_get_strv (json_node_get_object (node), "rows");
      if (rows != NULL && rows[0] != NULL)
        error->rows = g_strjoinv (", ", rows);
      if (error->code == NULL && error->description == NULL)
        {
          batch_error_free (error);
          continue;
        }
      g_ptr_array_add (self->errors, error);
    }

  /* The first error says what went wrong; the rest are usually more of it. */
  if (errors != NULL &&
      json_array_get_length (errors) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (errors, 0)))
    {
      JsonObject *first = json_array_get_object_element (errors, 0);
      const char *code = trib_xdm_json_get_string (first, "code");
      const char *description = trib_xdm_json_get_string (first, "description");

      if (code != NULL && description != NULL)
        self->error_summary = g_strdup_printf ("%s: %s", code, description);
      else
        self->error_summary = g_strdup (description != NULL ? description : code);
    }

  return self;
}

const char *
trib_batch_get_id (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), NULL);

  return self->id;
}

/**
 * trib_batch_get_status:
 * @self: a #TribBatch
 *
 * Returns: (nullable): Catalog's status, such as `success` or `failed`
 */
const char *
trib_batch_get_status (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), NULL);

  return self->status;
}

/**
 * trib_batch_get_created:
 * @self: a #TribBatch
 *
 * Returns: (nullable) (transfer none): when the batch was created
 */
GDateTime *
trib_batch_get_created (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), NULL);

  return self->created;
}

/**
 * trib_batch_get_completed:
 * @self: a #TribBatch
 *
 * Returns: (nullable) (transfer none): when the batch finished
 */
GDateTime *
trib_batch_get_completed (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), NULL);

  return self->completed;
}

/**
 * trib_batch_get_record_count:
 * @self: a #TribBatch
 *
 * Returns: the records the batch loaded, or -1 if Catalog does not say
 */
gint64
trib_batch_get_record_count (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), -1);

  return self->record_count;
}

/**
 * trib_batch_get_failed_record_count:
 * @self: a #TribBatch
 *
 * Returns: the records the batch could not load, or -1 if Catalog does not say
 */
gint64
trib_batch_get_failed_record_count (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), -1);

  return self->failed_record_count;
}

/**
 * trib_batch_get_error_summary:
 * @self: a #TribBatch
 *
 * Returns: (nullable): the first error Catalog recorded, as `CODE: description`
 */
const char *
trib_batch_get_error_summary (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), NULL);

  return self->error_summary;
}

/**
 * trib_batch_get_n_errors:
 * @self: a #TribBatch
 *
 * Returns: how many errors the Catalog recorded for the batch
 */
guint
trib_batch_get_n_errors (TribBatch *self)
{
  g_return_val_if_fail (TRIB_IS_BATCH (self), 0);

  return self->errors->len;
}

/**
 * trib_batch_get_error:
 * @self: a #TribBatch
 * @index: an error's position, below trib_batch_get_n_errors()
 * @code: (out) (optional) (nullable): its code
 * @description: (out) (optional) (nullable): what went wrong
 * @rows: (out) (optional) (nullable): the rows it was met on, as "3-5, 12"
 */
void
trib_batch_get_error (TribBatch   *self,
                      guint        index,
                      const char **code,
                      const char **description,
                      const char **rows)
{
  BatchError *error;

  g_return_if_fail (TRIB_IS_BATCH (self));
  g_return_if_fail (index < self->errors->len);

  error = g_ptr_array_index (self->errors, index);
  if (code != NULL)
    *code = error->code;
  if (description != NULL)
    *description = error->description;
  if (rows != NULL)
    *rows = error->rows;
}
