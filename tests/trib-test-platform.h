/* trib-test-platform.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"
#include "trib-platform-client.h"
#include "trib-session.h"
#include "trib-test-sim.h"

G_BEGIN_DECLS

/* The clients' retry policy: four attempts, a few milliseconds apart. */
extern const TribRetryPolicy trib_test_fast_policy;

TribProfile        *trib_test_platform_profile (TribTestSim   *sim);
TribPlatformClient *trib_test_platform_client  (TribTestSim   *sim,
                                                const char    *secret);
void                trib_test_result_cb        (GObject       *object,
                                                GAsyncResult  *result,
                                                gpointer       user_data);
GAsyncResult       *trib_test_wait_result      (GAsyncResult **result);
TribPlatformClient *trib_test_platform_default_client (TribTestSim *sim);
char               *trib_test_platform_token   (TribPlatformClient *client);

JsonNode           *trib_test_call             (TribPlatformClient  *client,
                                                const char          *method,
                                                const char          *path,
                                                JsonNode            *body,
                                                GError             **error);
GListModel         *trib_test_list_sandboxes   (TribPlatformClient  *client,
                                                guint                page_size,
                                                GError             **error);
void                trib_test_sign_in          (TribPlatformClient  *client);
void                trib_test_session_refresh  (TribSession   *session);
TribSandbox        *trib_test_find_sandbox     (TribSession   *session,
                                                const char    *name);
void                trib_test_wait_for_request (TribTestSim   *sim,
                                                const char    *method,
                                                const char    *path);
char               *trib_test_unique_name      (const char    *prefix);

void                trib_test_wait_first_page  (TribPagedList *list);
void                trib_test_scroll_to_end    (TribPagedList *list);
void                trib_test_load_all         (TribPagedList *list);
gpointer            trib_test_find_by_id       (GListModel    *model,
                                                const char    *id);
void                trib_test_assert_datasets_listed (TribPagedList *list,
                                                      guint          n_expected);

G_END_DECLS
