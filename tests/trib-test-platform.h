/* trib-test-platform.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-platform-client.h"
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

G_END_DECLS
