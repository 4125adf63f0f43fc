/* test-ui-session-pages.c
 *
 * The pages show the window's session, through the binding of
 * trib-window-pages.ui: a sandbox switch, another session (a profile
 * switch) and a sign-out each reach every page, which reloads.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trib-datasets-page.h"
#include "trib-paged-list.h"
#include "trib-query-page.h"
#include "trib-sandboxes-page.h"
#include "trib-schemas-page.h"
#include "trib-session-page.h"
#include "trib-ui-test.h"

/* A widget of @type, shown or not. */
static GtkWidget *
find_any (GtkWidget *widget,
          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const GType *
page_types (void)
{
  static GType types[5];

  types[0] = TRIB_TYPE_SANDBOXES_PAGE;
  types[1] = TRIB_TYPE_SCHEMAS_PAGE;
  types[2] = TRIB_TYPE_DATASETS_PAGE;
  types[3] = TRIB_TYPE_QUERY_PAGE;
  types[4] = G_TYPE_INVALID;

  return types;
}

static void
assert_pages_show (TribWindow  *window,
                   TribSession *session)
{
  const GType *types = page_types ();

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      GtkWidget *page = find_any (GTK_WIDGET (window), types[i]);

      g_assert_nonnull (page);
      g_assert_true (trib_session_page_get_session (TRIB_SESSION_PAGE (page)) == session);
    }
}

static gboolean
session_loaded (gpointer data)
{
  return !trib_session_get_loading (data) &&
         g_list_model_get_n_items (trib_session_get_sandboxes (data)) > 0;
}

static gboolean
list_changed (gpointer data)
{
  TribDatasetsPage *page = data;
  GListModel *list = trib_datasets_page_get_list (page);

  return list != NULL && list != g_object_get_data (G_OBJECT (page), "test-old-list") &&
         trib_paged_list_get_n_requests (TRIB_PAGED_LIST (list)) > 0 &&
         !trib_paged_list_get_loading (TRIB_PAGED_LIST (list)) &&
         trib_paged_list_get_error (TRIB_PAGED_LIST (list)) == NULL;
}

static void
wait_for_new_list (TribDatasetsPage *page,
                   GListModel       *old)
{
  g_object_set_data (G_OBJECT (page), "test-old-list", old);
  trib_ui_test_iterate_until (list_changed, page, 30);
}

static TribSandbox *
other_sandbox (TribSession *session)
{
  GListModel *sandboxes = trib_session_get_sandboxes (session);

  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (sandbox != trib_session_get_sandbox (session) && trib_sandbox_get_is_active (sandbox))
        return sandbox;
    }

  return NULL;
}

static void
test_session_pages (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(TribSession) other = NULL;
  g_autoptr(GListModel) old_list = NULL;
  TribWindow *window;
  TribSession *session;
  TribDatasetsPage *datasets;
  TribSchemasPage *schemas;
  TribSandbox *sandbox;

  window = trib_ui_test_open_demo (app, 60);
  session = trib_window_get_session (window);
  trib_window_show_page (window, "datasets");
  datasets = TRIB_DATASETS_PAGE (find_any (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE));
  schemas = TRIB_SCHEMAS_PAGE (find_any (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, datasets, 30);
  assert_pages_show (window, session);

  /* A sandbox switch: each list is read again, in the new sandbox. */
  sandbox = other_sandbox (session);
  g_assert_nonnull (sandbox);
  old_list = g_object_ref (trib_datasets_page_get_list (datasets));
  g_object_set_data_full (G_OBJECT (schemas), "test-old-list", g_object_ref (trib_schemas_page_get_list (schemas)),
                          g_object_unref);
  trib_session_set_sandbox (session, sandbox);
  wait_for_new_list (datasets, old_list);
  g_assert_true (trib_schemas_page_get_list (schemas) != g_object_get_data (G_OBJECT (schemas), "test-old-list"));
  assert_pages_show (window, session);

  /* Another session, as a profile switch makes: every page follows. */
  other = trib_session_new (trib_session_get_client (session));
  trib_session_refresh_async (other, NULL, NULL, NULL);
  trib_ui_test_iterate_until (session_loaded, other, 30);
  g_set_object (&old_list, trib_datasets_page_get_list (datasets));
  trib_window_set_session (window, other);
  assert_pages_show (window, other);
  wait_for_new_list (datasets, old_list);

  /* Signed out, the pages show nothing, and list nothing. */
  g_object_ref (session);
  trib_window_set_session (window, NULL);
  assert_pages_show (window, NULL);
  g_assert_null (trib_datasets_page_get_list (datasets));
  g_assert_null (trib_schemas_page_get_list (schemas));

  /* And signed in again, they list again. */
  trib_window_set_session (window, session);
  assert_pages_show (window, session);
  wait_for_new_list (datasets, NULL);
  g_object_unref (session);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/session-pages", test_session_pages);

  return g_test_run ();
}
