/* trib-background.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void trib_background_run_task (GTask           *task,
                               GTaskThreadFunc  task_func);

G_END_DECLS
