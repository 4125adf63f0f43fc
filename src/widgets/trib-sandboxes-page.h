/* trib-sandboxes-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SANDBOXES_PAGE (trib_sandboxes_page_get_type ())

G_DECLARE_FINAL_TYPE (TribSandboxesPage, trib_sandboxes_page, TRIB, SANDBOXES_PAGE, TribSessionPage)

G_END_DECLS
