/* trib-test-flow.h
 *
 * The three setups of issue 13 as wizard answers, and synchronous
 * wrappers and counters the flow plan, runner and fault tests share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow-answers.h"
#include "trib-flow-journal.h"
#include "trib-flow-plan.h"
#include "trib-flow-runner.h"
#include "trib-test-platform.h"

G_BEGIN_DECLS

#define TRIB_TEST_S3_SPEC "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define TRIB_TEST_ODATA_SPEC "8e6b41a8-d998-4545-ad7d-c6a9fff406c3"
#define TRIB_TEST_DATABRICKS_SPEC "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define TRIB_TEST_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define TRIB_TEST_DATABRICKS_CONNECTION "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define TRIB_TEST_ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define TRIB_TEST_ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"

/**
 * TribTestSetup:
 * @TRIB_TEST_SETUP_SEED_002: S3 Parquet → new profile schema from class
 *   and field groups → dataset → flow (CloudStorageToAEP, backfill)
 * @TRIB_TEST_SETUP_SEED_004: OData table → ad hoc class and schema →
 *   dataset → mapping set → flow (CRMToAEP, every 15 minutes)
 * @TRIB_TEST_SETUP_DATABRICKS: a Databricks table → a new dataset on an
 *   existing schema → flow with its delta column
 */
typedef enum
{
  TRIB_TEST_SETUP_SEED_002,
  TRIB_TEST_SETUP_SEED_004,
  TRIB_TEST_SETUP_DATABRICKS,
  TRIB_TEST_N_SETUPS,
} TribTestSetup;

/* What a setup made, counted on the platform by the names it gave. */
typedef struct
{
  guint classes;
  guint schemas;
  guint datasets;
  guint mapping_sets;
  guint sources;
  guint targets;
  guint flows;
} TribTestCount;

const char      *trib_test_setup_name      (TribTestSetup        setup);
TribFlowAnswers *trib_test_setup_answers   (TribTestSetup        setup,
                                            const char          *unique);
TribFlowSpec    *trib_test_find_flow_spec  (TribPlatformClient  *client,
                                            TribFlowAnswers     *answers);
TribFlowPlan    *trib_test_setup_plan      (TribPlatformClient  *client,
                                            TribTestSetup        setup,
                                            const char          *unique);
char            *trib_test_run             (TribFlowRunner      *runner,
                                            GError             **error);
char            *trib_test_resume          (TribFlowRunner      *runner,
                                            GError             **error);
gboolean         trib_test_roll_back       (TribFlowRunner      *runner,
                                            GStrv               *not_deleted,
                                            GError             **error);
void             trib_test_count           (TribPlatformClient  *client,
                                            TribFlowPlan        *plan,
                                            TribTestCount       *count);

G_END_DECLS
