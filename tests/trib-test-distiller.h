/* trib-test-distiller.h
 *
 * What the tests of the distiller layer share: a real PostgreSQL (TLS
 * on) behind tributary-sim's Query Service, and ways to wait for runs.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-distiller-session.h"
#include "trib-platform-client.h"
#include "trib-query-service.h"
#include "trib-test-pg.h"
#include "trib-test-sim.h"

G_BEGIN_DECLS

typedef struct
{
  TribTestPg *pg;
  TribTestSim *sim;
  TribPlatformClient *client;
  TribQueryService *query_service;
} TribTestDistiller;

TribTestDistiller    *trib_test_distiller_start       (void);
void                  trib_test_distiller_stop        (TribTestDistiller    *self);
TribDistillerSession *trib_test_distiller_new_session (TribTestDistiller    *self,
                                                       const char           *database);
void                  trib_test_distiller_terminate   (TribTestDistiller    *self,
                                                       const char           *pid);

void                  trib_test_wait_run              (TribDistillerRun     *run);
void                  trib_test_wait_runs             (GPtrArray            *runs);
void                  trib_test_iterate_while_not     (gboolean            (*predicate) (gpointer),
                                                       gpointer              data);
gboolean              trib_test_run_is_running        (gpointer              run);
gboolean              trib_test_run_is_connecting     (gpointer              run);
TribDistillerRun     *trib_test_run_and_wait          (TribDistillerSession *session,
                                                       const char           *sql);
void                  trib_test_assert_done           (TribDistillerRun     *run);
const char           *trib_test_first_value           (TribDistillerRun     *run);
char                 *trib_test_backend_pid           (TribDistillerSession *session);
gboolean              trib_test_table_exists          (TribDistillerSession *session,
                                                       const char           *table);

G_END_DECLS
