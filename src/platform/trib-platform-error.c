/* trib-platform-error.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-platform-error"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "trib-platform-error.h"
#include "trib-reply-limits.h"
#include "trib-text-bound.h"

/* The platform answers errors in three shapes, depending on who answers:
 *
 *  - the API gateway: {"error_code": "401013", "message": "Oauth token is not valid"}
 *  - the services (RFC 7807-like): {"type", "title", "status", "detail", "report"}
 *  - IMS: {"error": "invalid_client", "error_description": "invalid client_secret parameter"}
 *
 * and some services still use {"code", "message"}. All become one GError
 * that keeps what the platform said, so the UI can show it verbatim and
 * still decide on the code. What it said is bounded first: a server
 * decides how long its text is, and the whole body stays in the
 * request log anyway.
 */

/* A code or a request id longer than this is not one. */
#define MAX_TOKEN_CHARS 120
typedef struct
{
  guint status;
  char *code;
  char *title;
  char *detail;
  char *request_id;
} TribPlatformErrorPrivate;

static void
trib_platform_error_private_init (TribPlatformErrorPrivate *priv)
{
}

static void
trib_platform_error_private_copy (const TribPlatformErrorPrivate *src,
                                  TribPlatformErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->code = g_strdup (src->code);
  dest->title = g_strdup (src->title);
  dest->detail = g_strdup (src->detail);
  dest->request_id = g_strdup (src->request_id);
}

static void
trib_platform_error_private_clear (TribPlatformErrorPrivate *priv)
{
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->request_id, g_free);
}

G_DEFINE_EXTENDED_ERROR (TribPlatformError, trib_platform_error)

static TribPlatformError
code_for_status (guint status)
{
  switch (status)
    {
    case 400: return TRIB_PLATFORM_ERROR_BAD_REQUEST;
    case 401: return TRIB_PLATFORM_ERROR_UNAUTHORIZED;
    case 403: return TRIB_PLATFORM_ERROR_FORBIDDEN;
    case 404: return TRIB_PLATFORM_ERROR_NOT_FOUND;
    case 409: return TRIB_PLATFORM_ERROR_CONFLICT;
    case 412: return TRIB_PLATFORM_ERROR_STALE;
    case 429: return TRIB_PLATFORM_ERROR_RATE_LIMITED;
    default:
      return status >= 500 && status < 600 ? TRIB_PLATFORM_ERROR_SERVER : TRIB_PLATFORM_ERROR_FAILED;
    }
}

static char *
dup_member_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;

  /* error_code is a string at the gateway but a number in some services. */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

static void
bound (char  **text,
       gsize   max_chars,
       guint   max_lines)
{
  char *bounded;

  if (*text == NULL)
    return;

  bounded = trib_text_bound (*text, -1, max_chars, max_lines);
  g_free (*text);
  *text = bounded;
}

/* Refines the code from what the body says, where the status alone
 * would lump different mistakes together.
 */
static TribPlatformError
refine_code (TribPlatformError  code,
             const char        *error_code,
             const char        *type,
             const char        *detail)
{
  if (g_strcmp0 (error_code, "invalid_client") == 0)
    return detail != NULL && strstr (detail, "client_secret") != NULL
           ? TRIB_PLATFORM_ERROR_INVALID_SECRET
           : TRIB_PLATFORM_ERROR_INVALID_CLIENT;

  if (g_strcmp0 (error_code, "invalid_scope") == 0)
    return TRIB_PLATFORM_ERROR_INVALID_SCOPE;

  /* The gateway's "Profile is not valid": the org ID is not the one the
   * credentials belong to.
   */
  if (g_strcmp0 (error_code, "403025") == 0 || g_strcmp0 (error_code, "403023") == 0)
    return TRIB_PLATFORM_ERROR_UNKNOWN_ORG;

  if (type != NULL && strstr (type, "SMS-1006") != NULL)
    return TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX;

  return code;
}

/**
 * trib_platform_error_new_invalid_response:
 * @service: the service's name as a sentence starts with it, marked with
 *   NC_("platform service", …) and not yet translated: "Catalog",
 *   "The Schema Registry"
 * @what: what its answer lacks, marked with N_(): "the dataset"
 *
 * Returns: (transfer full): a %TRIB_PLATFORM_ERROR_INVALID_RESPONSE error
 *   for an answer that is JSON but not of the shape documented
 */
GError *
trib_platform_error_new_invalid_response (const char *service,
                                          const char *what)
{
  g_return_val_if_fail (service != NULL && what != NULL, NULL);

  return g_error_new (TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                      /* Translators: a service's name, such as “Catalog” or “The Schema
                       * Registry”, then what its answer lacks, such as “the dataset” */
                      _("%s answered without %s."),
                      g_dpgettext2 (GETTEXT_PACKAGE, "platform service", service), _(what));
}

/**
 * trib_platform_error_new_from_response:
 * @status: the HTTP status
 * @content_type: (nullable): the Content-Type of the answer
 * @body: (nullable): the answer's body
 * @request_id: (nullable): the x-request-id the platform gave the call
 *
 * Returns: (transfer full): an error in the %TRIB_PLATFORM_ERROR domain
 *   carrying the platform's code, title and detail when the body has them
 */
GError *
trib_platform_error_new_from_response (guint       status,
                                       const char *content_type,
                                       GBytes     *body,
                                       const char *request_id)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *message = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *type = NULL;
  TribPlatformErrorPrivate *priv;
  TribPlatformError error_code = code_for_status (status);
  const char *data = NULL;
  gsize length = 0;
  GError *error;

  if (body != NULL)
    data = g_bytes_get_data (body, &length);

  /* The body was read within the limits already; an error body does not
   * get to be larger than the answers themselves.
   */
  if (length > 0)
    root = trib_json_parse_bounded (data, length, &limits, NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      if (json_object_has_member (object, "error_code"))
        {
          code = dup_member_string (object, "error_code");
          title = dup_member_string (object, "message");
        }
      else if (json_object_has_member (object, "error"))
        {
          code = dup_member_string (object, "error");
          detail = dup_member_string (object, "error_description");
        }
      else
        {
          type = dup_member_string (object, "type");
          title = dup_member_string (object, "title");
          detail = dup_member_string (object, "detail");
          code = dup_member_string (object, "code");
          if (title == NULL)
            title = dup_member_string (object, "message");
          /* Flow Service explains itself in errorMessage and report. */
          if (detail == NULL)
            detail = dup_member_string (object, "errorMessage");
          if (detail == NULL && json_object_has_member (object, "report") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "report")))
            detail = dup_member_string (json_object_get_object_member (object, "report"), "detailed-message");
          if (code == NULL && type != NULL)
            code = g_strdup (strrchr (type, '/') != NULL ? strrchr (type, '/') + 1 : type);
        }

      error_code = refine_code (error_code, code, type, detail);
    }
  else if (length > 0)
    {
      /* A proxy's HTML page or a cut-off body: say what arrived rather
       * than pretend the platform explained itself.
       */
      /* Translators: the second %s is a content type such as “text/html” */
      title = g_strdup_printf (_("The server answered HTTP %u with %s instead of the platform’s JSON; a proxy or firewall may be in the way"),
                               status, content_type != NULL ? content_type : _("a body of unknown type"));
      if (status < 400)
        error_code = TRIB_PLATFORM_ERROR_INVALID_RESPONSE;
    }

  if (title == NULL && detail == NULL)
    title = g_strdup_printf (_("HTTP %u"), status);

  bound (&code, MAX_TOKEN_CHARS, 1);
  bound (&title, TRIB_TEXT_BOUND_MESSAGE_CHARS, 1);
  bound (&detail, TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);

  if (title != NULL && detail != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s: %s", title, detail);

      message = trib_text_bound (joined, -1, TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);
    }
  else
    message = g_strdup (title != NULL ? title : detail);

  error = g_error_new_literal (TRIB_PLATFORM_ERROR, error_code, message);

  priv = trib_platform_error_get_private (error);
  priv->status = status;
  priv->code = g_steal_pointer (&code);
  priv->title = g_steal_pointer (&title);
  priv->detail = g_steal_pointer (&detail);
  priv->request_id = trib_text_bound (request_id, -1, MAX_TOKEN_CHARS, 1);

  return error;
}

static TribPlatformErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != TRIB_PLATFORM_ERROR)
    return NULL;

  return trib_platform_error_get_private (error);
}

/**
 * trib_platform_error_get_status:
 * @error: a #GError
 *
 * Returns: the HTTP status behind @error, or 0 if none
 */
guint
trib_platform_error_get_status (const GError *error)
{
  TribPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->status : 0;
}

/**
 * trib_platform_error_get_code:
 * @error: a #GError
 *
 * Returns: (nullable): the platform's own error code, such as `401013`
 */
const char *
trib_platform_error_get_code (const GError *error)
{
  TribPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->code : NULL;
}

const char *
trib_platform_error_get_title (const GError *error)
{
  TribPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->title : NULL;
}

const char *
trib_platform_error_get_detail (const GError *error)
{
  TribPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->detail : NULL;
}

const char *
trib_platform_error_get_request_id (const GError *error)
{
  TribPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->request_id : NULL;
}
