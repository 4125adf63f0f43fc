/* trib-request-log.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-request-log"

#include "config.h"

#include "trib-request-log.h"

/* The calls made in this session, newest first, as a GListModel the
 * Activity view binds to. Bounded, so a long session does not grow
 * without end: in records, and in the answers they keep, whose size a
 * server decides.
 */

/* What the records keep of answers, together: with each answer cut at
 * TRIB_REQUEST_RECORD_MAX_BODY_BYTES this only binds a log allowed more
 * records than the usual 500. Older records give theirs up first.
 */
#define MAX_RESPONSE_BYTES (32 * 1024 * 1024)
struct _TribRequestLog
{
  GObject parent_instance;

  GListStore *records;
  guint max_records;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribRequestLog, trib_request_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MAX_RECORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
trib_request_log_get_item_type (GListModel *model)
{
  return TRIB_TYPE_REQUEST_RECORD;
}

static guint
trib_request_log_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TRIB_REQUEST_LOG (model)->records));
}

static gpointer
trib_request_log_get_item (GListModel *model,
                           guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (TRIB_REQUEST_LOG (model)->records), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_request_log_get_item_type;
  iface->get_n_items = trib_request_log_get_n_items;
  iface->get_item = trib_request_log_get_item;
}

static void
records_items_changed_cb (TribRequestLog *self,
                          guint           position,
                          guint           removed,
                          guint           added,
                          GListModel     *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
trim (TribRequestLog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->records));

  gsize kept = 0;

  if (n_items > self->max_records)
    g_list_store_splice (self->records, self->max_records, n_items - self->max_records, NULL, 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->records));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (self->records), i);
      gsize size = trib_request_record_get_response_length (record);

      if (kept + size > MAX_RESPONSE_BYTES)
        trib_request_record_drop_response (record);
      else
        kept += size;
    }
}

static void
trib_request_log_dispose (GObject *object)
{
  TribRequestLog *self = (TribRequestLog *)object;

  g_clear_object (&self->records);

  G_OBJECT_CLASS (trib_request_log_parent_class)->dispose (object);
}

static void
trib_request_log_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribRequestLog *self = TRIB_REQUEST_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_RECORDS:
      g_value_set_uint (value, self->max_records);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_request_log_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribRequestLog *self = TRIB_REQUEST_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_RECORDS:
      trib_request_log_set_max_records (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_request_log_class_init (TribRequestLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_request_log_dispose;
  object_class->get_property = trib_request_log_get_property;
  object_class->set_property = trib_request_log_set_property;

  properties[PROP_MAX_RECORDS] =
    g_param_spec_uint ("max-records", NULL, NULL, 1, G_MAXUINT, 500,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_request_log_init (TribRequestLog *self)
{
  self->max_records = 500;
  self->records = g_list_store_new (TRIB_TYPE_REQUEST_RECORD);
  g_signal_connect_object (self->records, "items-changed",
                           G_CALLBACK (records_items_changed_cb), self, G_CONNECT_SWAPPED);
}

TribRequestLog *
trib_request_log_new (guint max_records)
{
  return g_object_new (TRIB_TYPE_REQUEST_LOG, "max-records", MAX (max_records, 1), NULL);
}

guint
trib_request_log_get_max_records (TribRequestLog *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_LOG (self), 0);

  return self->max_records;
}

void
trib_request_log_set_max_records (TribRequestLog *self,
                                  guint           max_records)
{
  g_return_if_fail (TRIB_IS_REQUEST_LOG (self));
  g_return_if_fail (max_records > 0);

  if (self->max_records != max_records)
    {
      self->max_records = max_records;
      trim (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RECORDS]);
    }
}

/**
 * trib_request_log_add:
 * @self: a #TribRequestLog
 * @record: a call that was just sent
 *
 * Puts @record first and drops the oldest records past the limit.
 */
void
trib_request_log_add (TribRequestLog    *self,
                      TribRequestRecord *record)
{
  g_return_if_fail (TRIB_IS_REQUEST_LOG (self));
  g_return_if_fail (TRIB_IS_REQUEST_RECORD (record));

  g_list_store_insert (self->records, 0, record);
  trim (self);
}

void
trib_request_log_clear (TribRequestLog *self)
{
  g_return_if_fail (TRIB_IS_REQUEST_LOG (self));

  g_list_store_remove_all (self->records);
}
