/* sim-faults.c
 *
 * Faults the tests inject through POST /__sim/faults: the table that
 * decides which request gets one, and the two faults that must bypass
 * libsoup and speak raw HTTP (a reset and a truncated body), since
 * libsoup itself never sends anything that broken.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-faults"

#include "config.h"

#include <string.h>

#include "sim-faults.h"
#include "sim-server.h"

struct _SimFaults
{
  GPtrArray *faults;      /* SimFault, in insertion order */
  guint next_id;
};

static const struct
{
  const char *name;
  SimFaultKind kind;
} kinds[] = {
  { "status", SIM_FAULT_STATUS },
  { "reset", SIM_FAULT_RESET },
  { "delay", SIM_FAULT_DELAY },
  { "truncate", SIM_FAULT_TRUNCATE },
  { "non_json", SIM_FAULT_NON_JSON },
  { "deep_nesting", SIM_FAULT_DEEP_NESTING },
  { "oversized", SIM_FAULT_OVERSIZED },
  { "gzip_bomb", SIM_FAULT_GZIP_BOMB },
  { "trickle", SIM_FAULT_TRICKLE },
  { "stall", SIM_FAULT_STALL },
  { "redirect", SIM_FAULT_REDIRECT },
  { "body", SIM_FAULT_BODY },
  { "perform_drop", SIM_FAULT_PERFORM_DROP },
};

void
sim_fault_free (SimFault *fault)
{
  if (fault == NULL)
    return;

  g_free (fault->path);
  g_free (fault->method);
  g_free (fault->query);
  g_free (fault->retry_after);
  g_free (fault->location);
  g_free (fault->body);
  g_free (fault->content_type);
  g_free (fault);
}

static SimFault *
sim_fault_copy (const SimFault *fault)
{
  SimFault *copy = g_memdup2 (fault, sizeof *fault);

  copy->path = g_strdup (fault->path);
  copy->method = g_strdup (fault->method);
  copy->query = g_strdup (fault->query);
  copy->retry_after = g_strdup (fault->retry_after);
  copy->location = g_strdup (fault->location);
  copy->body = g_strdup (fault->body);
  copy->content_type = g_strdup (fault->content_type);

  return copy;
}

SimFaults *
sim_faults_new (void)
{
  SimFaults *self = g_new0 (SimFaults, 1);

  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_fault_free);
  self->next_id = 1;

  return self;
}

void
sim_faults_free (SimFaults *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_free (self);
}

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gint64       fallback,
         gint64       min,
         gint64       max,
         gint64      *value,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "\"%s\" must be an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                   member, min, max);
      return FALSE;
    }

  *value = json_node_get_int (node);

  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             gboolean    *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "\"%s\" must be true or false",
                   member);
      return FALSE;
    }

  *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "\"%s\" must be a string",
                   member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

/**
 * sim_faults_add:
 * @spec: the fault as JSON, as POST /__sim/faults takes it (README.md)
 *
 * Returns: the fault's id, or 0 with @error saying which field is wrong
 */
guint
sim_faults_add (SimFaults  *self,
                JsonNode   *spec,
                GError    **error)
{
  g_autoptr(SimFault) fault = g_new0 (SimFault, 1);
  JsonObject *object;
  const char *path;
  const char *method;
  const char *query;
  const char *kind;
  const char *retry_after;
  const char *location;
  const char *body;
  const char *content_type;
  gint64 count;
  gint64 status;
  gint64 delay_ms;
  gint64 depth;
  gint64 size;
  gint64 interval_ms;
  gint64 detail_bytes;
  gboolean kind_known = FALSE;

  if (spec == NULL || !JSON_NODE_HOLDS_OBJECT (spec))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "the fault must be a JSON object");
      return 0;
    }
  object = json_node_get_object (spec);

  if (!get_string (object, "path", &path, error) ||
      !get_string (object, "method", &method, error) ||
      !get_string (object, "query", &query, error) ||
      !get_string (object, "kind", &kind, error) ||
      !get_int (object, "count", 1, 1, G_MAXINT32, &count, error) ||
      !get_int (object, "status", 0, 100, 599, &status, error) ||
      !get_int (object, "delay_ms", 1000, 0, 600000, &delay_ms, error) ||
      !get_boolean (object, "connection_close", &fault->connection_close, error) ||
      !get_int (object, "depth", 100000, 1, 10000000, &depth, error) ||
      !get_int (object, "size", 64 * 1024 * 1024 + 1, 1, G_MAXINT32, &size, error) ||
      !get_boolean (object, "chunked", &fault->chunked, error) ||
      !get_int (object, "interval_ms", 1000, 1, 600000, &interval_ms, error) ||
      !get_boolean (object, "headers_first", &fault->headers_first, error) ||
      !get_string (object, "location", &location, error) ||
      !get_int (object, "detail_bytes", 0, 0, G_MAXINT32, &detail_bytes, error) ||
      !get_string (object, "body", &body, error) ||
      !get_string (object, "content_type", &content_type, error))
    return 0;

  /* A number is a natural way to write Retry-After, so take both. */
  if (json_object_has_member (object, "retry_after") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "retry_after")) &&
      json_node_get_value_type (json_object_get_member (object, "retry_after")) == G_TYPE_INT64)
    fault->retry_after = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          json_object_get_int_member (object, "retry_after"));
  else if (!get_string (object, "retry_after", &retry_after, error))
    return 0;
  else
    fault->retry_after = g_strdup (retry_after);

  if (path == NULL || path[0] != '/')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "\"path\" is required and must start with '/'");
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds) && kind != NULL; i++)
    if (g_str_equal (kinds[i].name, kind))
      {
        fault->kind = kinds[i].kind;
        kind_known = TRUE;
      }
  if (!kind_known)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "\"kind\" must be one of status, reset, delay, truncate, non_json, "
                           "deep_nesting, oversized, gzip_bomb, trickle, stall, redirect, body, "
                           "perform_drop");
      return 0;
    }

  if (fault->kind == SIM_FAULT_REDIRECT)
    {
      if (status == 0)
        status = 302;
      if (status < 300 || status > 399 || location == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "a \"redirect\" fault needs a \"location\" and a 3xx \"status\"");
          return 0;
        }
    }
  else if (fault->kind == SIM_FAULT_BODY)
    {
      if (status == 0)
        status = 200;
      if (body == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "a \"body\" fault needs a \"body\"");
          return 0;
        }
    }
  else if (fault->kind == SIM_FAULT_STATUS && status < 400)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "a \"status\" fault needs \"status\" from 400 to 599");
      return 0;
    }

  fault->prefix = g_str_has_suffix (path, "*");
  fault->path = g_strndup (path, strlen (path) - (fault->prefix ? 1 : 0));
  fault->method = method != NULL ? g_ascii_strup (method, -1) : NULL;
  fault->query = g_strdup (query);
  fault->count = count;
  fault->status = status;
  fault->delay_ms = delay_ms;
  fault->depth = depth;
  fault->size = size;
  fault->interval_ms = interval_ms;
  fault->location = g_strdup (location);
  fault->detail_bytes = detail_bytes;
  fault->body = g_strdup (body);
  fault->content_type = g_strdup (content_type != NULL ? content_type : "application/json");
  fault->id = self->next_id++;

  g_ptr_array_add (self->faults, g_steal_pointer (&fault));

  return self->next_id - 1;
}

guint
sim_faults_clear (SimFaults *self)
{
  guint n = self->faults->len;

  g_ptr_array_set_size (self->faults, 0);

  return n;
}

/**
 * sim_faults_take:
 *
 * Finds the first fault matching the request and uses up one of its
 * hits, dropping it when none are left.
 *
 * Returns: (transfer full) (nullable): a copy of the fault that hits
 */
SimFault *
sim_faults_take (SimFaults  *self,
                 const char *method,
                 const char *path,
                 const char *query)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      SimFault *fault = g_ptr_array_index (self->faults, i);
      SimFault *hit;

      if (fault->method != NULL && !g_str_equal (fault->method, method))
        continue;
      if (fault->prefix ? !g_str_has_prefix (path, fault->path) : !g_str_equal (path, fault->path))
        continue;
      if (fault->query != NULL && (query == NULL || strstr (query, fault->query) == NULL))
        continue;

      hit = sim_fault_copy (fault);
      if (--fault->count == 0)
        g_ptr_array_remove_index (self->faults, i);

      return hit;
    }

  return NULL;
}

JsonNode *
sim_faults_to_json (SimFaults *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "faults");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->faults->len; i++)
    {
      SimFault *fault = g_ptr_array_index (self->faults, i);
      g_autofree char *path = g_strconcat (fault->path, fault->prefix ? "*" : "", NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, fault->id);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "method");
      if (fault->method != NULL)
        json_builder_add_string_value (builder, fault->method);
      else
        json_builder_add_null_value (builder);
      if (fault->query != NULL)
        {
          json_builder_set_member_name (builder, "query");
          json_builder_add_string_value (builder, fault->query);
        }
      json_builder_set_member_name (builder, "kind");
      for (guint j = 0; j < G_N_ELEMENTS (kinds); j++)
        if (kinds[j].kind == fault->kind)
          json_builder_add_string_value (builder, kinds[j].name);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, fault->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The peer sees the connection close with no answer at all. */
void
sim_fault_reset_connection (SoupServerMessage *message)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

typedef struct
{
  GIOStream *stream;
  GBytes *data;
} RawWrite;

static void
raw_write_free (RawWrite *raw)
{
  g_clear_object (&raw->stream);
  g_clear_pointer (&raw->data, g_bytes_unref);
  g_free (raw);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawWrite, raw_write_free)

static void
raw_closed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  raw_write_free (user_data);
}

static void
raw_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RawWrite) raw = user_data;
  g_autoptr(GError) error = NULL;
  GIOStream *stream = raw->stream;

  /* The peer may well have hung up already; that is its business. */
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    g_debug ("Truncated answer not sent: %s", error->message);

  g_io_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, raw_closed_cb, g_steal_pointer (&raw));
}

/* Sends the answer the handler prepared, announcing its full length but
 * stopping halfway through the body, then hangs up: what a client sees
 * when a proxy or the network dies mid-answer on a kept-alive connection.
 *
 * With @connection_close the answer also says "Connection: close", and
 * then lenient clients (libsoup among them) take the short body as
 * complete, so the client's JSON parsing gets the cut-off text instead.
 */
void
sim_fault_send_truncated (SoupServerMessage *message,
                          gboolean           connection_close)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *response_body = soup_server_message_get_response_body (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (response_body);
  g_autoptr(GString) text = g_string_new (NULL);
  guint status = soup_server_message_get_status (message);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  RawWrite *raw;

  g_string_append_printf (text, "HTTP/1.1 %u %s\r\n", status, sim_status_phrase (status));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Length") != 0 &&
        g_ascii_strcasecmp (name, "Connection") != 0)
      g_string_append_printf (text, "%s: %s\r\n", name, value);
  g_string_append_printf (text, "Content-Length: %" G_GSIZE_FORMAT "\r\n", length);
  if (connection_close)
    g_string_append (text, "Connection: close\r\n");
  g_string_append (text, "\r\n");
  g_string_append_len (text, data, length / 2);

  raw = g_new0 (RawWrite, 1);
  raw->stream = soup_server_message_steal_connection (message);
  raw->data = g_string_free_to_bytes (g_steal_pointer (&text));

  if (raw->stream == NULL)
    {
      raw_write_free (raw);
      return;
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (raw->stream),
                                   g_bytes_get_data (raw->data, NULL), g_bytes_get_size (raw->data),
                                   G_PRIORITY_DEFAULT, NULL, raw_written_cb, raw);
}

/* Closes the connection after the first bytes of a status line: no
 * answer arrives, yet the client has started reading one. A bare close
 * (sim_fault_reset_connection()) on a kept-alive connection makes
 * libsoup resend the request by itself, which hides the loss from the
 * client, and libsoup 3.2 sometimes crashes on that path.
 */
void
sim_fault_drop_answer (SoupServerMessage *message)
{
  static const char partial[] = "HTTP/1.1 ";
  RawWrite *raw = g_new0 (RawWrite, 1);

  raw->stream = soup_server_message_steal_connection (message);
  raw->data = g_bytes_new_static (partial, strlen (partial));
  if (raw->stream == NULL)
    {
      raw_write_free (raw);
      return;
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (raw->stream),
                                   g_bytes_get_data (raw->data, NULL), g_bytes_get_size (raw->data),
                                   G_PRIORITY_DEFAULT, NULL, raw_written_cb, raw);
}
