/* trib-test-bus.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  GSubprocess *bus;
  GSubprocess *keyring;
} TribTestBus;

void trib_test_bus_start         (TribTestBus *fixture);
void trib_test_bus_start_keyring (TribTestBus *fixture);
void trib_test_bus_stop          (TribTestBus *fixture);

G_END_DECLS
