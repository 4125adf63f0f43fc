/* trib-flow-runner.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-runner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-plan-private.h"
#include "trib-flow-runner.h"

struct _TribFlowRunner
{
  GObject parent_instance;

  TribPlatformClient *client;
  TribFlowPlan *plan;
  TribFlowJournal *journal;
  int current_step;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (TribFlowRunner, trib_flow_runner, G_TYPE_OBJECT)

static void
trib_flow_runner_finalize (GObject *object)
{
  TribFlowRunner *self = TRIB_FLOW_RUNNER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->plan);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (trib_flow_runner_parent_class)->finalize (object);
}

static void
trib_flow_runner_class_init (TribFlowRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_runner_finalize;
}

static void
trib_flow_runner_init (TribFlowRunner *self)
{
  self->current_step = -1;
}

TribFlowRunner *
trib_flow_runner_new (TribPlatformClient *client,
                      TribFlowPlan       *plan,
                      TribFlowJournal    *journal)
{
  TribFlowRunner *self = g_object_new (TRIB_TYPE_FLOW_RUNNER, NULL);

  self->client = g_object_ref (client);
  self->plan = g_object_ref (plan);
  self->journal = journal != NULL ? g_object_ref (journal)
                                  : trib_flow_journal_new (NULL, trib_flow_plan_get_setup_id (plan));

  return self;
}
