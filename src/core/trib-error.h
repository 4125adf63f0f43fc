/* trib-error.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRIB_ERROR (trib_error_quark ())

/**
 * TribError:
 * @TRIB_ERROR_FAILED: something went wrong that has no better code
 * @TRIB_ERROR_INVALID_CONFIG: a config.ini or profile is missing a key or is malformed
 * @TRIB_ERROR_NO_KEYRING: no Secret Service is reachable on the session bus
 * @TRIB_ERROR_KEYRING_LOCKED: the keyring is locked and the user did not unlock it
 * @TRIB_ERROR_SECRET_NOT_FOUND: the keyring has no secret for this profile
 * @TRIB_ERROR_DEMO_UNAVAILABLE: the local demo platform could not be started
 *
 * Errors of Tributary's own making; errors the platform answers with use
 * #TRIB_PLATFORM_ERROR instead.
 */
typedef enum
{
  TRIB_ERROR_FAILED,
  TRIB_ERROR_INVALID_CONFIG,
  TRIB_ERROR_NO_KEYRING,
  TRIB_ERROR_KEYRING_LOCKED,
  TRIB_ERROR_SECRET_NOT_FOUND,
  TRIB_ERROR_DEMO_UNAVAILABLE,
} TribError;

GQuark trib_error_quark (void);

G_END_DECLS
