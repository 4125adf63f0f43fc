/* trib-accounts-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ACCOUNTS_PAGE (trib_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (TribAccountsPage, trib_accounts_page, TRIB, ACCOUNTS_PAGE, TribSessionPage)

void trib_accounts_page_reload           (TribAccountsPage *self);
void trib_accounts_page_show_account     (TribAccountsPage *self,
                                          const char       *account_id);
void trib_accounts_page_show_credentials (TribAccountsPage *self,
                                          const char       *account_id);

G_END_DECLS
