/* trib-accounts-page-private.h
 *
 * What the accounts page's list (trib-accounts-page.c) and its account's
 * details and changes (trib-accounts-page-detail.c) share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-accounts-page.h"
#include "trib-connection.h"
#include "trib-connection-spec.h"
#include "trib-paged-list.h"
#include "trib-paged-list-view.h"
#include "trib-spec-form.h"

G_BEGIN_DECLS

struct _TribAccountsPage
{
  TribSessionPage parent_instance;

  TribPagedList *list;
  GtkMapListModel *items;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable *specs;            /* spec id → TribConnectionSpec */
  GCancellable *cancellable;    /* the session's or sandbox's calls */
  TribConnection *shown;        /* the account of the details */
  TribSpecForm *form;           /* its credentials */
  GPtrArray *credential_rows;   /* AdwEntryRow, one per field of the form */
  gboolean busy;
  gboolean test_had_focus;      /* the focus goes back to Test after it */
  gboolean focus_credentials; /* shown from a failed run: its credentials first */
  /* After a change read again: the row to select and focus, the account
   * changed or (gone) the one at its place.
   */
  char *reselect_id;
  guint reselect_position;
  gboolean reselect;

  /* Template widgets */
  GtkStack *view_stack;
  GtkSearchEntry *search_entry;
  GtkWidget *more_label;
  TribPagedListView *paged_view;
  GtkStack *results_stack;
  AdwStatusPage *no_results_page;
  GtkListView *list_view;
  GtkLabel *name_label;
  GtkSpinner *detail_spinner;
  AdwActionRow *connector_row;
  AdwActionRow *auth_row;
  AdwActionRow *state_row;
  AdwActionRow *created_row;
  AdwActionRow *id_row;
  GtkButton *test_button;
  GtkButton *explore_button;
  GtkLabel *test_label;
  AdwPreferencesGroup *credentials_group;
  GtkButton *save_button;
};

TribConnection *_trib_accounts_page_get_account   (TribAccountsPage *self);
void            _trib_accounts_page_show_details  (TribAccountsPage *self,
                                                   TribConnection   *connection);
void            _trib_accounts_page_clear_details (TribAccountsPage *self);
void            _trib_accounts_page_update_credentials (TribAccountsPage *self);
void            _trib_accounts_page_test          (TribAccountsPage *self);
void            _trib_accounts_page_set_busy      (TribAccountsPage *self,
                                                   gboolean          busy);
void            _trib_accounts_page_rename        (TribAccountsPage *self);
void            _trib_accounts_page_delete        (TribAccountsPage *self);
void            _trib_accounts_page_patch         (TribAccountsPage *self,
                                                   TribConnection   *connection,
                                                   const char       *name,
                                                   JsonObject       *auth_params,
                                                   GPtrArray        *removed_params);
void            _trib_accounts_page_changed       (TribAccountsPage *self,
                                                   const char       *connection_id);

G_END_DECLS
