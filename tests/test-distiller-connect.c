/* test-distiller-connect.c
 *
 * A failed connection read as a sentence: libpq's real messages (15,
 * English and French, as `psql` printed them against a real server and
 * real networks) each give the kind of failure they are, and each kind
 * a sentence that says what to do.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-distiller-error.h"

typedef struct
{
  const char *message;
  TribConnectFailure failure;
} Case;

static const Case cases[] = {
  { "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  database \"prod:nosuch\" does not exist",
    TRIB_CONNECT_FAILURE_NO_DATABASE },
  { "la connexion au serveur sur « 127.0.0.1 », port 55432 a échoué : FATAL:  database \"prod:nosuch\" does not exist",
    TRIB_CONNECT_FAILURE_NO_DATABASE },
  { "la connexion au serveur sur « 127.0.0.1 », port 55432 a échoué : FATAL:  la base de données « prod:nosuch » n'existe pas",
    TRIB_CONNECT_FAILURE_NO_DATABASE },
  { "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  password authentication failed for user \"tester\"",
    TRIB_CONNECT_FAILURE_AUTHENTICATION },
  { "la connexion au serveur sur « 127.0.0.1 », port 55432 a échoué : FATAL:  authentification par mot de passe "
    "échouée pour l'utilisateur  « tester »",
    TRIB_CONNECT_FAILURE_AUTHENTICATION },
  { "connection to server at \"127.0.0.1\", port 55432 failed: fe_sendauth: no password supplied",
    TRIB_CONNECT_FAILURE_NO_PASSWORD },
  { "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  role \"nobody\" does not exist",
    TRIB_CONNECT_FAILURE_NO_ROLE },
  { "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  sorry, too many clients already",
    TRIB_CONNECT_FAILURE_TOO_MANY },
  { "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  remaining connection slots are reserved "
    "for non-replication superuser connections",
    TRIB_CONNECT_FAILURE_TOO_MANY },
  { "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  the database system is starting up",
    TRIB_CONNECT_FAILURE_STARTING },
  { "connection to server at \"127.0.0.1\", port 55432 failed: server does not support SSL, but SSL was required",
    TRIB_CONNECT_FAILURE_TLS_REQUIRED },
  { "la connexion au serveur sur « 127.0.0.1 », port 55432 a échoué : le serveur ne supporte pas SSL alors que "
    "SSL était réclamé",
    TRIB_CONNECT_FAILURE_TLS_REQUIRED },
  { "connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", "
    "user \"u\", database \"prod:all\", no encryption",
    TRIB_CONNECT_FAILURE_TLS_REQUIRED },
  { "connection to server at \"10.255.255.1\", port 5432 failed: received invalid response to SSL negotiation: H",
    TRIB_CONNECT_FAILURE_NOT_POSTGRES },
  { "la connexion au serveur sur « 10.255.255.1 », port 5432 a échoué : a reçu une réponse invalide à la "
    "négociation SSL : H",
    TRIB_CONNECT_FAILURE_NOT_POSTGRES },
  { "connection to server at \"db.example\" (192.0.2.4), port 80 failed: server closed the connection unexpectedly\n"
    "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.",
    TRIB_CONNECT_FAILURE_NOT_POSTGRES },
  { "connection to server at \"db.example\" (192.0.2.4), port 5432 failed: SSL error: certificate verify failed",
    TRIB_CONNECT_FAILURE_TLS },
  { "could not translate host name \"nohost.invalid\" to address: Name or service not known",
    TRIB_CONNECT_FAILURE_UNKNOWN_HOST },
  { "n'a pas pu traduire le nom d'hôte « nohost.invalid » en adresse : Nom ou service inconnu",
    TRIB_CONNECT_FAILURE_UNKNOWN_HOST },
  { "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
    "\tIs the server running on that host and accepting TCP/IP connections?",
    TRIB_CONNECT_FAILURE_UNREACHABLE },
  { "la connexion au serveur sur « 127.0.0.1 », port 1 a échoué : Connexion refusée\n"
    "\tLe serveur est-il actif sur cet hôte et accepte-t-il les connexions ?",
    TRIB_CONNECT_FAILURE_UNREACHABLE },
  { "connection to server at \"192.0.2.1\", port 5432 failed: timeout expired", TRIB_CONNECT_FAILURE_UNREACHABLE },
  { "la connexion au serveur sur « 192.0.2.1 », port 5432 a échoué : le délai est dépassé",
    TRIB_CONNECT_FAILURE_UNREACHABLE },
  /* Two addresses of one name: what the server said outranks the refusal. */
  { "connection to server at \"localhost\" (::1), port 5432 failed: Connection refused\n"
    "\tIs the server running on that host and accepting TCP/IP connections?\n"
    "connection to server at \"localhost\" (127.0.0.1), port 5432 failed: FATAL:  database \"prod:x\" does not exist",
    TRIB_CONNECT_FAILURE_NO_DATABASE },
  { "something else entirely", TRIB_CONNECT_FAILURE_OTHER },
  { "", TRIB_CONNECT_FAILURE_OTHER },
  { NULL, TRIB_CONNECT_FAILURE_OTHER },
};

static void
test_classify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].message != NULL ? cases[i].message : "(null)");
      g_assert_cmpint (trib_connect_failure_classify (cases[i].message), ==, cases[i].failure);
    }
}

/* Every kind has a sentence of its own, naming what it can. */
static void
test_describe (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *table = trib_connect_failure_describe (TRIB_CONNECT_FAILURE_NO_DATABASE, "h.example",
                                                          "prod:luma_nothing");
  g_autofree char *all = trib_connect_failure_describe (TRIB_CONNECT_FAILURE_NO_DATABASE, "h.example", "prod:all");
  g_autofree char *host = trib_connect_failure_describe (TRIB_CONNECT_FAILURE_UNREACHABLE, "h.example", "prod:all");

  g_assert_nonnull (strstr (table, "“luma_nothing”"));
  g_assert_nonnull (strstr (table, "“prod”"));
  g_assert_nonnull (strstr (all, "“prod:all”"));
  g_assert_nonnull (strstr (host, "“h.example”"));

  for (int failure = TRIB_CONNECT_FAILURE_OTHER; failure <= TRIB_CONNECT_FAILURE_UNREACHABLE; failure++)
    {
      char *sentence = trib_connect_failure_describe (failure, "h.example", "prod:all");

      g_assert_true (g_str_has_suffix (sentence, "."));
      g_assert_false (g_hash_table_contains (seen, sentence));
      g_hash_table_add (seen, sentence);
    }
}

/* The error says the sentence and keeps libpq's words. */
static void
test_error (void)
{
  const char *text = "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"prod:x\" does not exist";
  g_autoptr(GError) error = trib_distiller_error_new_connect ("127.0.0.1", "prod:x", text);
  g_autoptr(GError) copy = g_error_copy (error);

  g_assert_error (error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "“x”"));
  g_assert_cmpint (trib_distiller_error_get_connect_failure (copy), ==, TRIB_CONNECT_FAILURE_NO_DATABASE);
  g_assert_cmpstr (trib_distiller_error_get_libpq_text (copy), ==, text);
  g_assert_null (trib_distiller_error_get_libpq_text (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/distiller/connect/classify", test_classify);
  g_test_add_func ("/tributary/distiller/connect/describe", test_describe);
  g_test_add_func ("/tributary/distiller/connect/error", test_error);

  return g_test_run ();
}
