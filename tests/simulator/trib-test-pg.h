/* trib-test-pg.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The login role of the world's demo org, as Data Distiller names it. */
#define TRIB_TEST_PG_DEMO_ROLE "B2C2D9A35F3E4C1A0A495C2B@AdobeOrg"

/**
 * TribTestPg:
 * @port: where the server listens on 127.0.0.1, TLS and passwords only
 *
 * A throwaway PostgreSQL cluster: its own directory, a loopback port, a
 * self-signed certificate, and a Unix socket in the data directory on
 * which the superuser `postgres` needs no password. Used by the tests,
 * the benchmarks and the simulator's demo mode.
 */
typedef struct
{
  guint port;

  /*< private >*/
  char *dir;
  char *data_dir;
  char *bin_dir;
  gboolean as_postgres_user;
  guint uid;
  guint gid;
  GSubprocess *server;
  GSubprocess *watchdog;
} TribTestPg;

TribTestPg *trib_test_pg_start          (GError     **error);
char       *trib_test_pg_admin_conninfo (TribTestPg  *pg,
                                         const char  *database);
gboolean    trib_test_pg_load_demo      (TribTestPg  *pg,
                                         GError     **error);
void        trib_test_pg_stop           (TribTestPg  *pg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribTestPg, trib_test_pg_stop)

G_END_DECLS
