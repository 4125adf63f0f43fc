/* trib-flow-journal.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-flow-plan.h"

G_BEGIN_DECLS

/* Overrides trib_flow_journal_get_default_dir(), for tests. */
#define TRIB_FLOW_JOURNAL_DIR_ENV "TRIBUTARY_SETUPS_DIR"

#define TRIB_TYPE_FLOW_JOURNAL (trib_flow_journal_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowJournal, trib_flow_journal, TRIB, FLOW_JOURNAL, GObject)

char            *trib_flow_journal_get_default_dir (void);
TribFlowJournal *trib_flow_journal_new             (const char       *dir,
                                                    const char       *setup_id);
TribFlowJournal *trib_flow_journal_load            (const char       *path,
                                                    GError          **error);
GListModel      *trib_flow_journal_list_pending    (const char       *dir,
                                                    GError          **error);
const char      *trib_flow_journal_get_path        (TribFlowJournal  *self);
const char      *trib_flow_journal_get_setup_id    (TribFlowJournal  *self);
const char      *trib_flow_journal_get_title       (TribFlowJournal  *self);
const char      *trib_flow_journal_get_sandbox     (TribFlowJournal  *self);
GDateTime       *trib_flow_journal_get_updated     (TribFlowJournal  *self);
int              trib_flow_journal_get_sending_step (TribFlowJournal *self);
TribFlowPlan    *trib_flow_journal_dup_plan        (TribFlowJournal  *self,
                                                    GError          **error);
gboolean         trib_flow_journal_write           (TribFlowJournal  *self,
                                                    TribFlowPlan     *plan,
                                                    int               sending_step,
                                                    GError          **error);
gboolean         trib_flow_journal_delete          (TribFlowJournal  *self,
                                                    GError          **error);

G_END_DECLS
