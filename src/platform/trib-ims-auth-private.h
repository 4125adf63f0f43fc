/* trib-ims-auth-private.h
 *
 * What the tests reach of TribImsAuth, and the app does not.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-ims-auth.h"

G_BEGIN_DECLS

guint trib_ims_auth_get_n_fetches (TribImsAuth *self);

G_END_DECLS
