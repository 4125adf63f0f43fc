/* trib-distiller-connect.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-distiller-connect"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-distiller-connect.h"

/* libpq says why a connection failed in one string, made of its own
 * words (translated into the user's language when libpq's catalog is
 * installed, as Debian's French one is) and the server's (in the
 * server's language). There is no SQLSTATE to read before a connection
 * exists, so the words are read, in English and in French, the
 * languages Tributary speaks.
 *
 * A host name that resolves to several addresses gives one line per
 * attempt: what a server said outranks a network error, so the kinds
 * are tried from what servers say to what networks do.
 */
typedef struct
{
  TribConnectFailure failure;
  const char *all[3];   /* every one of these, casefolded, NULL-padded */
} Pattern;

static const Pattern patterns[] = {
  { TRIB_CONNECT_FAILURE_NO_DATABASE, { "database \"", "does not exist" } },
  { TRIB_CONNECT_FAILURE_NO_DATABASE, { "la base de données « ", "n'existe pas" } },
  { TRIB_CONNECT_FAILURE_AUTHENTICATION, { "password authentication failed" } },
  { TRIB_CONNECT_FAILURE_AUTHENTICATION, { "authentification par mot de passe échouée" } },
  { TRIB_CONNECT_FAILURE_AUTHENTICATION, { "authentication failed" } },
  { TRIB_CONNECT_FAILURE_AUTHENTICATION, { "échec de l'authentification" } },
  { TRIB_CONNECT_FAILURE_AUTHENTICATION, { "token", "expired" } },
  { TRIB_CONNECT_FAILURE_NO_PASSWORD, { "no password supplied" } },
  { TRIB_CONNECT_FAILURE_NO_ROLE, { "role \"", "does not exist" } },
  { TRIB_CONNECT_FAILURE_NO_ROLE, { "le rôle « ", "n'existe pas" } },
  { TRIB_CONNECT_FAILURE_TOO_MANY, { "too many clients" } },
  { TRIB_CONNECT_FAILURE_TOO_MANY, { "trop de clients" } },
  { TRIB_CONNECT_FAILURE_TOO_MANY, { "remaining connection slots are reserved" } },
  { TRIB_CONNECT_FAILURE_TOO_MANY, { "emplacements de connexions restants sont réservés" } },
  { TRIB_CONNECT_FAILURE_STARTING, { "the database system is starting up" } },
  { TRIB_CONNECT_FAILURE_STARTING, { "the database system is shutting down" } },
  { TRIB_CONNECT_FAILURE_STARTING, { "the database system is in recovery mode" } },
  { TRIB_CONNECT_FAILURE_STARTING, { "le système de bases de données se lance" } },
  { TRIB_CONNECT_FAILURE_STARTING, { "le système de base de données s'arrête" } },
  { TRIB_CONNECT_FAILURE_TLS_REQUIRED, { "server does not support ssl" } },
  { TRIB_CONNECT_FAILURE_TLS_REQUIRED, { "le serveur ne supporte pas ssl" } },
  { TRIB_CONNECT_FAILURE_TLS_REQUIRED, { "no pg_hba.conf entry", "no encryption" } },
  { TRIB_CONNECT_FAILURE_TLS_REQUIRED, { "aucune entrée dans pg_hba.conf", "sans chiffrement" } },
  { TRIB_CONNECT_FAILURE_NOT_POSTGRES, { "invalid response to ssl negotiation" } },
  { TRIB_CONNECT_FAILURE_NOT_POSTGRES, { "réponse invalide à la négociation ssl" } },
  { TRIB_CONNECT_FAILURE_NOT_POSTGRES, { "server closed the connection unexpectedly" } },
  { TRIB_CONNECT_FAILURE_NOT_POSTGRES, { "le serveur a fermé la connexion de façon inattendue" } },
  { TRIB_CONNECT_FAILURE_NOT_POSTGRES, { "expected authentication request from server" } },
  { TRIB_CONNECT_FAILURE_TLS, { "ssl error" } },
  { TRIB_CONNECT_FAILURE_TLS, { "erreur ssl" } },
  { TRIB_CONNECT_FAILURE_TLS, { "ssl syscall error" } },
  { TRIB_CONNECT_FAILURE_TLS, { "certificate" } },
  { TRIB_CONNECT_FAILURE_TLS, { "certificat" } },
  { TRIB_CONNECT_FAILURE_UNKNOWN_HOST, { "could not translate host name" } },
  { TRIB_CONNECT_FAILURE_UNKNOWN_HOST, { "n'a pas pu traduire le nom d'hôte" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "connection refused" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "connexion refusée" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "timeout expired" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "le délai est dépassé" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "connection timed out" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "délai d'attente" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "no route to host" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "aucun chemin d'accès pour atteindre l'hôte" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "network is unreachable" } },
  { TRIB_CONNECT_FAILURE_UNREACHABLE, { "le réseau n'est pas accessible" } },
};

/**
 * trib_connect_failure_classify:
 * @libpq_message: (nullable): what PQerrorMessage() said
 *
 * Returns: why the connection failed
 */
TribConnectFailure
trib_connect_failure_classify (const char *libpq_message)
{
  g_autofree char *folded = NULL;

  if (libpq_message == NULL || !g_utf8_validate (libpq_message, -1, NULL))
    return TRIB_CONNECT_FAILURE_OTHER;

  folded = g_utf8_casefold (libpq_message, -1);

  /* libpq and the server write apostrophes and quotes plainly; a typographic one is the same word. */
  for (char *p = folded; (p = strstr (p, "’")) != NULL;)
    {
      memmove (p + 1, p + strlen ("’"), strlen (p + strlen ("’")) + 1);
      *p = '\'';
    }

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      gboolean all = TRUE;

      for (guint j = 0; j < G_N_ELEMENTS (patterns[i].all) && patterns[i].all[j] != NULL && all; j++)
        all = strstr (folded, patterns[i].all[j]) != NULL;
      if (all)
        return patterns[i].failure;
    }

  return TRIB_CONNECT_FAILURE_OTHER;
}

/**
 * trib_connect_failure_describe:
 * @failure: why the connection failed
 * @host: the server's host
 * @database: the database asked for, `{sandbox}:{table}` or
 *   `{sandbox}:all` for Data Distiller
 *
 * Returns: (transfer full): a sentence that says what happened and what
 *   to do about it
 */
char *
trib_connect_failure_describe (TribConnectFailure  failure,
                               const char         *host,
                               const char         *database)
{
  const char *colon;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (database != NULL, NULL);

  colon = strchr (database, ':');

  switch (failure)
    {
    case TRIB_CONNECT_FAILURE_NO_DATABASE:
      if (colon != NULL && !g_str_equal (colon + 1, "all"))
        {
          g_autofree char *sandbox = g_strndup (database, colon - database);

          return g_strdup_printf (/* Translators: the first %s is a table name such as luma_web_events, the second a sandbox */
                                  _("Query Service has no dataset with the table name “%s” in the sandbox “%s”. "
                                    "Check the table name, or leave it empty to query the whole sandbox."),
                                  colon + 1, sandbox);
        }
      /* Translators: %s is a database name such as prod:all */
      return g_strdup_printf (_("The server has no database named “%s”. Check the sandbox, then try again."),
                              database);

    case TRIB_CONNECT_FAILURE_AUTHENTICATION:
      return g_strdup (_("The server refused the password, a token from Query Service, even a fresh one: "
                         "the token may have expired, or the account may not be allowed to use Query Service. "
                         "Check the account’s permissions, then try again."));

    case TRIB_CONNECT_FAILURE_NO_PASSWORD:
      return g_strdup (_("The server asked for a password, and Query Service gave no token for it. "
                         "Sign in again, then try again."));

    case TRIB_CONNECT_FAILURE_NO_ROLE:
      return g_strdup (_("The server does not know the user Query Service gave. "
                         "Check that the account may use Query Service, then try again."));

    case TRIB_CONNECT_FAILURE_TOO_MANY:
      return g_strdup (_("The server has no connection to spare. "
                         "Close other connections to it, or try again in a moment."));

    case TRIB_CONNECT_FAILURE_STARTING:
      return g_strdup (_("The server is starting up or shutting down. Try again in a moment."));

    case TRIB_CONNECT_FAILURE_TLS_REQUIRED:
      /* Translators: %s is a host name */
      return g_strdup_printf (_("The server “%s” does not offer an encrypted (TLS) connection, which Tributary "
                                "requires to keep the token and the data private."), host);

    case TRIB_CONNECT_FAILURE_TLS:
      /* Translators: %s is a host name */
      return g_strdup_printf (_("The encrypted (TLS) connection to “%s” could not be set up. "
                                "Check the network, or whether something intercepts it."), host);

    case TRIB_CONNECT_FAILURE_NOT_POSTGRES:
      /* Translators: %s is a host name */
      return g_strdup_printf (_("Something answered at “%s”, but not as a PostgreSQL server: "
                                "a proxy or a firewall may stand in the way."), host);

    case TRIB_CONNECT_FAILURE_UNKNOWN_HOST:
      /* Translators: %s is a host name */
      return g_strdup_printf (_("The server “%s” cannot be found. "
                                "Check the network connection, then try again."), host);

    case TRIB_CONNECT_FAILURE_UNREACHABLE:
      /* Translators: %s is a host name */
      return g_strdup_printf (_("The server “%s” cannot be reached: it refused the connection or did not answer. "
                                "Check the network connection, then try again."), host);

    case TRIB_CONNECT_FAILURE_OTHER:
    default:
      /* Translators: %s is a database name such as prod:all */
      return g_strdup_printf (_("Tributary could not connect to “%s”."), database);
    }
}
