/* trib-export-wizard.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_EXPORT_WIZARD (trib_export_wizard_get_type ())

G_DECLARE_FINAL_TYPE (TribExportWizard, trib_export_wizard, TRIB, EXPORT_WIZARD, AdwWindow)

TribExportWizard *trib_export_wizard_new          (TribSession        *session,
                                                   const char * const *dataset_ids);
const char       *trib_export_wizard_get_step     (TribExportWizard   *self);
gboolean          trib_export_wizard_get_busy     (TribExportWizard   *self);
const char       *trib_export_wizard_get_problem  (TribExportWizard   *self);
const char       *trib_export_wizard_get_flow_id  (TribExportWizard   *self);

G_END_DECLS
