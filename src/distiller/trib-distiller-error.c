/* trib-distiller-error.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-error"

#include "config.h"

#include "trib-distiller-error.h"
#include "trib-text-bound.h"

/* A SQLSTATE is five characters; anything longer is not one. */
#define MAX_SQLSTATE_CHARS 16

typedef struct
{
  char *sqlstate;
  char *detail;
  char *hint;
  guint position;
  TribConnectFailure connect_failure;
  char *libpq_text;
} TribDistillerErrorPrivate;

static void
trib_distiller_error_private_init (TribDistillerErrorPrivate *priv)
{
}

static void
trib_distiller_error_private_copy (const TribDistillerErrorPrivate *src,
                                   TribDistillerErrorPrivate       *dest)
{
  dest->sqlstate = g_strdup (src->sqlstate);
  dest->detail = g_strdup (src->detail);
  dest->hint = g_strdup (src->hint);
  dest->position = src->position;
  dest->connect_failure = src->connect_failure;
  dest->libpq_text = g_strdup (src->libpq_text);
}

static void
trib_distiller_error_private_clear (TribDistillerErrorPrivate *priv)
{
  g_clear_pointer (&priv->sqlstate, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->hint, g_free);
  g_clear_pointer (&priv->libpq_text, g_free);
}

G_DEFINE_EXTENDED_ERROR (TribDistillerError, trib_distiller_error)

/* A run's error is not always ours: one that failed before it connected
 * carries whatever the endpoint provider said (Query Service's
 * TRIB_PLATFORM_ERROR, a cancellation). The generated accessor is
 * critical about those; the getters below answer that they know nothing.
 */
static TribDistillerErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != TRIB_DISTILLER_ERROR)
    return NULL;

  return trib_distiller_error_get_private (error);
}

/**
 * trib_distiller_error_new_from_server:
 * @position: the 1-based character position in the statement the
 *   server pointed at, or 0
 *
 * The server's message, detail and hint are any length a statement
 * makes them (`RAISE EXCEPTION … USING DETAIL = repeat ('x', 5000000)`):
 * each is kept to a readable length, as the app shows them.
 *
 * Returns: (transfer full): an error that keeps what the server said
 */
GError *
trib_distiller_error_new_from_server (TribDistillerError  code,
                                      const char         *message,
                                      const char         *sqlstate,
                                      const char         *detail,
                                      const char         *hint,
                                      guint               position)
{
  g_autofree char *bounded = trib_text_bound (message != NULL ? message : "", -1,
                                              TRIB_TEXT_BOUND_MESSAGE_CHARS,
                                              TRIB_TEXT_BOUND_MESSAGE_LINES);
  GError *error = g_error_new_literal (TRIB_DISTILLER_ERROR, code, bounded);
  TribDistillerErrorPrivate *priv = trib_distiller_error_get_private (error);

  priv->sqlstate = trib_text_bound (sqlstate, -1, MAX_SQLSTATE_CHARS, 1);
  priv->detail = trib_text_bound (detail, -1, TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);
  priv->hint = trib_text_bound (hint, -1, TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);
  priv->position = position;

  return error;
}

/**
 * trib_distiller_error_get_sqlstate:
 * @error: (nullable): any error
 *
 * This and the other getters take an error of any domain; only one of
 * %TRIB_DISTILLER_ERROR has anything to give.
 *
 * Returns: (nullable): the SQLSTATE the server gave
 */
const char *
trib_distiller_error_get_sqlstate (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->sqlstate : NULL;
}

const char *
trib_distiller_error_get_detail (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->detail : NULL;
}

const char *
trib_distiller_error_get_hint (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->hint : NULL;
}

guint
trib_distiller_error_get_position (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->position : 0;
}

/**
 * trib_distiller_error_new_connect:
 * @host: the server's host
 * @database: the database asked for
 * @libpq_text: what libpq said
 *
 * A %TRIB_DISTILLER_ERROR_CONNECT error whose message is a sentence a
 * person can act on (trib_connect_failure_describe()), keeping libpq's
 * own words, bounded, for whoever wants them.
 *
 * Returns: (transfer full): the error
 */
GError *
trib_distiller_error_new_connect (const char *host,
                                  const char *database,
                                  const char *libpq_text)
{
  TribConnectFailure failure = trib_connect_failure_classify (libpq_text);
  g_autofree char *sentence = trib_connect_failure_describe (failure, host, database);
  GError *error = g_error_new_literal (TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_CONNECT, sentence);
  TribDistillerErrorPrivate *priv = trib_distiller_error_get_private (error);

  priv->connect_failure = failure;
  priv->libpq_text = trib_text_bound (libpq_text != NULL ? libpq_text : "", -1,
                                      TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);

  return error;
}

/**
 * trib_distiller_error_get_connect_failure:
 * @error: (nullable): any error
 *
 * Returns: why a connection failed, %TRIB_CONNECT_FAILURE_OTHER for
 *   any other error
 */
TribConnectFailure
trib_distiller_error_get_connect_failure (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->connect_failure : TRIB_CONNECT_FAILURE_OTHER;
}

/**
 * trib_distiller_error_get_libpq_text:
 * @error: (nullable): any error
 *
 * Returns: (nullable): libpq's own words, for a connection that failed
 */
const char *
trib_distiller_error_get_libpq_text (const GError *error)
{
  TribDistillerErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->libpq_text : NULL;
}
