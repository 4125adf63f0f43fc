/* trib-test-pg.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/**
 * TribTestPg:
 * @port: where the server listens on 127.0.0.1, TLS only
 *
 * A throwaway PostgreSQL cluster: its own data directory, a loopback
 * port, a self-signed certificate. Used by the tests, the benchmarks and
 * the simulator's demo mode.
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
} TribTestPg;

TribTestPg *trib_test_pg_start          (GError     **error);
char       *trib_test_pg_admin_conninfo (TribTestPg  *pg,
                                         const char  *database);
gboolean    trib_test_pg_load_demo      (TribTestPg  *pg,
                                         GError     **error);
gboolean    trib_test_pg_ensure_sandbox (const char  *admin_conninfo,
                                         const char  *sandbox,
                                         GError     **error);
PGconn     *trib_test_pg_connect        (const char  *admin_conninfo,
                                         const char  *database,
                                         GError     **error);
gboolean    trib_test_pg_exec           (const char  *admin_conninfo,
                                         const char  *database,
                                         const char  *sql,
                                         GError     **error);
void        trib_test_pg_stop           (TribTestPg  *pg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribTestPg, trib_test_pg_stop)

G_END_DECLS
