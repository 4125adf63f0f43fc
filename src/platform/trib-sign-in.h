/* trib-sign-in.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-secret-store.h"
#include "trib-session.h"

G_BEGIN_DECLS

/**
 * TribSignInState:
 * @TRIB_SIGN_IN_STATE_IDLE: nothing asked yet
 * @TRIB_SIGN_IN_STATE_READING_SECRET: reading the client secret from the keyring
 * @TRIB_SIGN_IN_STATE_CONNECTING: checking the profile and making its client
 * @TRIB_SIGN_IN_STATE_GETTING_TOKEN: asking IMS for an access token
 * @TRIB_SIGN_IN_STATE_LISTING_SANDBOXES: asking the platform for the sandboxes
 * @TRIB_SIGN_IN_STATE_SIGNED_IN: the session is ready
 * @TRIB_SIGN_IN_STATE_FAILED: a step failed; #TribSignIn:failed-at says which
 */
typedef enum
{
  TRIB_SIGN_IN_STATE_IDLE,
  TRIB_SIGN_IN_STATE_READING_SECRET,
  TRIB_SIGN_IN_STATE_CONNECTING,
  TRIB_SIGN_IN_STATE_GETTING_TOKEN,
  TRIB_SIGN_IN_STATE_LISTING_SANDBOXES,
  TRIB_SIGN_IN_STATE_SIGNED_IN,
  TRIB_SIGN_IN_STATE_FAILED,
} TribSignInState;

/**
 * TribSignInFlags:
 * @TRIB_SIGN_IN_NONE: the session is ready once its client is made; its
 *   first call fetches the token
 * @TRIB_SIGN_IN_PROVE: fetch the token, then list the sandboxes, before
 *   saying signed in: a new profile proves itself, and a failure names
 *   the host that refused it
 */
typedef enum /*< flags >*/
{
  TRIB_SIGN_IN_NONE = 0,
  TRIB_SIGN_IN_PROVE = 1 << 0,
} TribSignInFlags;

#define TRIB_TYPE_SIGN_IN (trib_sign_in_get_type ())

G_DECLARE_FINAL_TYPE (TribSignIn, trib_sign_in, TRIB, SIGN_IN, GObject)

TribSignIn      *trib_sign_in_new            (TribSecretStore      *secrets,
                                              TribRequestLog       *log);
TribSignInState  trib_sign_in_get_state      (TribSignIn           *self);
TribSignInState  trib_sign_in_get_failed_at  (TribSignIn           *self);
TribProfile     *trib_sign_in_get_profile    (TribSignIn           *self);
TribSession     *trib_sign_in_get_session    (TribSignIn           *self);
void             trib_sign_in_run_async      (TribSignIn           *self,
                                              TribProfile          *profile,
                                              const char           *client_secret,
                                              TribSignInFlags       flags,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
TribSession     *trib_sign_in_run_finish     (TribSignIn           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void             trib_sign_in_cancel         (TribSignIn           *self);

G_END_DECLS
