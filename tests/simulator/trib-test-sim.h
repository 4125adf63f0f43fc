/* trib-test-sim.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * TribTestSim:
 * @base_url: where the platform listens; also the IMS URL
 * @org_id: the demo org
 * @client_id: the demo org's first API client
 * @client_secret: its (demo) secret
 * @technical_account_id: its technical account
 * @scopes: its scopes, comma-separated
 * @sandbox: the demo org's default sandbox
 *
 * A tributary-sim process started for one test, and what its ready
 * line said.
 */
typedef struct
{
  char *base_url;
  char *org_id;
  char *client_id;
  char *client_secret;
  char *technical_account_id;
  char *scopes;
  char *sandbox;

  /*< private >*/
  GSubprocess *process;
  SoupSession *control;
} TribTestSim;

TribTestSim *trib_test_sim_start              (const char * const *extra_args);
void         trib_test_sim_add_fault          (TribTestSim        *sim,
                                               const char         *fault_json);
void         trib_test_sim_clear_faults       (TribTestSim        *sim);
void         trib_test_sim_clear_requests     (TribTestSim        *sim);
guint        trib_test_sim_count_requests     (TribTestSim        *sim,
                                               const char         *method,
                                               const char         *path);
JsonNode    *trib_test_sim_dup_last_body      (TribTestSim        *sim,
                                              const char         *method,
                                              const char         *path);
GStrv        trib_test_sim_dup_sandboxes      (TribTestSim        *sim,
                                               const char         *method,
                                               const char         *path);
void         trib_test_sim_revoke_tokens      (TribTestSim        *sim);
void         trib_test_sim_rotate_query_password (TribTestSim     *sim);
void         trib_test_sim_set_token_lifetime (TribTestSim        *sim,
                                               guint               seconds);
gint64       trib_test_sim_clock              (TribTestSim        *sim,
                                               double              speed,
                                               guint               advance_minutes);
void         trib_test_sim_free               (TribTestSim        *sim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribTestSim, trib_test_sim_free)

G_END_DECLS
