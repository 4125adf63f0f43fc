/* sim-request-log.c
 *
 * Every platform request the simulator saw, in arrival order, for tests
 * to count: how many times a client retried, whether it repeated a
 * POST, which sandbox it named, and what exactly it sent.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-request-log"

#include "config.h"

#include "sim-request-log.h"

struct _SimRequestLog
{
  GPtrArray *entries;     /* SimLogEntry */
};

/* Entries are shared with the message still being answered, which sets
 * the status once it is known; a clear meanwhile must not free them
 * under its feet.
 */
struct _SimLogEntry
{
  char *method;
  char *path;
  char *query;
  char *sandbox;
  guint status;           /* 0 until answered, and for a reset */
  char *body;             /* the JSON body, if one was read, as text: nothing can change it */
};

static void
sim_log_entry_clear (SimLogEntry *entry)
{
  g_free (entry->method);
  g_free (entry->path);
  g_free (entry->query);
  g_free (entry->sandbox);
  g_free (entry->body);
}

SimLogEntry *
sim_log_entry_ref (SimLogEntry *entry)
{
  return g_rc_box_acquire (entry);
}

void
sim_log_entry_unref (SimLogEntry *entry)
{
  g_rc_box_release_full (entry, (GDestroyNotify) sim_log_entry_clear);
}

void
sim_log_entry_set_status (SimLogEntry *entry,
                          guint        status)
{
  entry->status = status;
}

/**
 * sim_log_entry_set_body:
 * @body: the request's JSON body, as parsed
 *
 * Keeps a copy of @body, so that a test can check the exact payload.
 */
void
sim_log_entry_set_body (SimLogEntry *entry,
                        JsonNode    *body)
{
  g_clear_pointer (&entry->body, g_free);
  if (body != NULL)
    entry->body = json_to_string (body, FALSE);
}

SimRequestLog *
sim_request_log_new (void)
{
  SimRequestLog *self = g_new0 (SimRequestLog, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_log_entry_unref);

  return self;
}

void
sim_request_log_free (SimRequestLog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

/**
 * sim_request_log_append:
 *
 * Returns: (transfer full): the new entry, to set its status on
 */
SimLogEntry *
sim_request_log_append (SimRequestLog *self,
                        const char    *method,
                        const char    *path,
                        const char    *query,
                        const char    *sandbox)
{
  SimLogEntry *entry = g_rc_box_new0 (SimLogEntry);

  entry->method = g_strdup (method);
  entry->path = g_strdup (path);
  entry->query = g_strdup (query);
  entry->sandbox = g_strdup (sandbox);
  g_ptr_array_add (self->entries, entry);

  return sim_log_entry_ref (entry);
}

guint
sim_request_log_clear (SimRequestLog *self)
{
  guint n = self->entries->len;

  g_ptr_array_set_size (self->entries, 0);

  return n;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
sim_request_log_to_json (SimRequestLog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    {
      SimLogEntry *entry = g_ptr_array_index (self->entries, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "method", entry->method);
      add_nullable_string (builder, "path", entry->path);
      add_nullable_string (builder, "query", entry->query);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, entry->status);
      add_nullable_string (builder, "sandbox", entry->sandbox);
      if (entry->body != NULL)
        {
          json_builder_set_member_name (builder, "body");
          json_builder_add_value (builder, json_from_string (entry->body, NULL));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
