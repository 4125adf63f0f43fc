/* sim-request.c
 *
 * One request as handlers see it, and the helpers they answer with, so
 * that every answer has the platform's content type and error shapes.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-request"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sim-server-private.h"

#define JSON_CONTENT_TYPE "application/json;charset=utf-8"

static void
sim_request_clear (SimRequest *request)
{
  g_clear_object (&request->message);
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->request_id, g_free);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_clear_pointer (&request->body, json_node_unref);
  g_clear_pointer (&request->sandbox, g_free);
  g_clear_pointer (&request->log_entry, sim_log_entry_unref);
}

SimRequest *
_sim_request_new (SimServer         *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query)
{
  SimRequest *request = g_rc_box_new0 (SimRequest);

  request->server = server;
  request->message = g_object_ref (message);
  request->method = soup_server_message_get_method (message);
  request->path = g_strdup (path);
  request->request_id = g_uuid_string_random ();
  request->query = query != NULL
                   ? g_hash_table_ref (query)
                   : g_hash_table_new (g_str_hash, g_str_equal);
  request->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return request;
}

SimRequest *
sim_request_ref (SimRequest *request)
{
  return g_rc_box_acquire (request);
}

void
sim_request_unref (SimRequest *request)
{
  g_rc_box_release_full (request, (GDestroyNotify) sim_request_clear);
}

const char *
sim_request_get_query (SimRequest *request,
                       const char *name)
{
  return g_hash_table_lookup (request->query, name);
}

/**
 * sim_request_dup_query_all:
 * @name: a query parameter
 *
 * Every value of a parameter that may come more than once, such as the
 * Catalog's `property` conditions, in order (the table keeps the last).
 *
 * Returns: (transfer full): the values, maybe none
 */
GStrv
sim_request_dup_query_all (SimRequest *request,
                           const char *name)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->message));
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (equals == NULL)
        continue;
      key = g_uri_unescape_segment (pairs[i], equals, NULL);
      if (key == NULL || !g_str_equal (key, name))
        continue;
      /* A form's + is a space, as libsoup decodes the table. */
      g_strdelimit (pairs[i], "+", ' ');
      if ((value = g_uri_unescape_string (equals + 1, NULL)) != NULL)
        g_strv_builder_add (values, value);
    }

  return g_strv_builder_end (values);
}

/**
 * sim_request_get_query_int:
 * @fallback: the value when the parameter is absent
 * @problem_code: the service's error code for a bad parameter
 * @problem_title: the title of its problem reply
 * @value: (out): where the value goes
 *
 * Reads an integer query parameter within [@min, @max]. A parameter
 * that is not one gets a 400 problem reply naming it.
 *
 * Returns: %FALSE once the request has been answered with an error
 */
gboolean
sim_request_get_query_int (SimRequest *request,
                           const char *name,
                           gint64      fallback,
                           gint64      min,
                           gint64      max,
                           const char *problem_code,
                           const char *problem_title,
                           gint64     *value)
{
  const char *text = sim_request_get_query (request, name);

  *value = fallback;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      sim_request_reply_problem (request, 400, problem_code, problem_title,
                                 "The %s parameter must be an integer from %" G_GINT64_FORMAT " to %"
                                 G_GINT64_FORMAT ", not '%s'.", name, min, max, text);
      return FALSE;
    }

  return TRUE;
}

const char *
sim_request_get_param (SimRequest *request,
                       const char *name)
{
  return g_hash_table_lookup (request->params, name);
}

const char *
sim_request_get_header (SimRequest *request,
                        const char *name)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);

  return soup_message_headers_get_one (headers, name);
}

/**
 * sim_status_phrase:
 *
 * Returns: the standard reason phrase of @status, including those
 *   libsoup 3.2 does not know, such as 429
 */
const char *
sim_status_phrase (guint status)
{
  switch (status)
    {
    case 425: return "Too Early";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 511: return "Network Authentication Required";
    default: return soup_status_get_phrase (status);
    }
}

void
sim_request_reply_json (SimRequest *request,
                        guint       status,
                        JsonNode   *node)
{
  char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (request->message, status, sim_status_phrase (status));
  soup_server_message_set_response (request->message, JSON_CONTENT_TYPE, SOUP_MEMORY_TAKE, text,
                                    strlen (text));
}

/* Answers a flat JSON object of string members, given as key, value
 * pairs ending with NULL: the shape of the gateway's and IMS's errors.
 */
void
sim_request_reply_strings (SimRequest *request,
                           guint       status,
                           const char *first_key,
                           ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, status, node);
}

/* The API gateway's own shape, used before a request reaches a service. */
void
sim_request_reply_gateway_error (SimRequest *request,
                                 guint       status,
                                 const char *code,
                                 const char *message)
{
  sim_request_reply_strings (request, status, "error_code", code, "message", message, NULL);
}

/* The services' RFC 7807 shape, with the platform's report member. */
void
sim_request_reply_problem (SimRequest *request,
                           guint       status,
                           const char *code,
                           const char *title,
                           const char *detail_format,
                           ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *type = g_strconcat ("http://ns.adobe.com/aep/errors/", code, NULL);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, detail_format);
  detail = g_strdup_vprintf (detail_format, args);
  va_end (args);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, detail);
  json_builder_set_member_name (builder, "report");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x-request-id");
  json_builder_add_string_value (builder, request->request_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, status, node);
}

/**
 * sim_request_parse_body:
 *
 * Parses a JSON body of a POST, PUT or PATCH into @request->body, or
 * answers 415 or 400 as the platform does.
 *
 * Returns: %FALSE if the request was answered with an error
 */
gboolean
sim_request_parse_body (SimRequest *request)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *content_type;
  const char *reason;

  if (request->body != NULL ||
      (!g_str_equal (request->method, "POST") && !g_str_equal (request->method, "PUT") &&
       !g_str_equal (request->method, "PATCH")))
    return TRUE;

  bytes = soup_message_body_flatten (soup_server_message_get_request_body (request->message));
  if (g_bytes_get_size (bytes) == 0)
    return TRUE;

  content_type = sim_request_get_header (request, "Content-Type");
  if (content_type == NULL ||
      g_ascii_strncasecmp (content_type, "application/json", strlen ("application/json")) != 0)
    {
      sim_request_reply_problem (request, 415, "GW-0415-415", "Unsupported Media Type",
                                 "The request body must be application/json, not %s.",
                                 content_type != NULL ? content_type : "untyped");
      return FALSE;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error) ||
      json_parser_get_root (parser) == NULL)
    {
      reason = error != NULL ? error->message : "the body holds no JSON value";
      if (g_str_has_prefix (reason, "<data>:"))
        reason += strlen ("<data>:");
      sim_request_reply_problem (request, 400, "GW-0400-400", "Malformed request body",
                                 "The request body is not valid JSON: %s", reason);
      return FALSE;
    }

  request->body = json_parser_steal_root (parser);
  /* Tests read back the exact payload from /__sim/requests. */
  if (request->log_entry != NULL)
    sim_log_entry_set_body (request->log_entry, request->body);

  return TRUE;
}
