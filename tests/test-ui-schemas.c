/* test-ui-schemas.c
 *
 * The schemas page on the demo platform: browse to the 5,000-field
 * schema, filter its tree, copy a path and insert it into the query
 * editor, create a schema (and see the registry refuse a second with
 * the same title, next to the title). A class title arriving changes
 * the rows that name the class, and keeps the list's selection.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-query-page.h"
#include "trib-schema-create-dialog.h"
#include "trib-paged-list.h"
#include "trib-schema-registry.h"
#include "trib-schemas-list-row.h"
#include "trib-schemas-page.h"
#include "trib-session-page.h"
#include "trib-xdm-titles.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"

static const char * const seed_002_field_groups[] = {
  "https://ns.adobe.com/xdm/context/profile-person-details",
  "https://ns.adobe.com/xdm/context/profile-personal-details",
  "https://ns.adobe.com/xdm/context/profile-work-details",
  "https://ns.adobe.com/xdm/context/profile-subscriptions",
  "https://ns.adobe.com/xdm/context/identitymap",
  NULL
};

static gboolean
list_has_title (gpointer data)
{
  GListModel *list = trib_schemas_page_get_list (data);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribXdmResource) resource = g_list_model_get_item (list, i);

      if (g_str_equal (trib_xdm_resource_get_title (resource), "Luma Web Events"))
        return TRUE;
    }

  return FALSE;
}

static guint
position_of (GListModel *list,
             const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribXdmResource) resource = g_list_model_get_item (list, i);

      if (g_str_equal (trib_xdm_resource_get_title (resource), title))
        return i;
    }

  g_assert_not_reached ();
}

/* Picks the entry of @dropdown that reads @label, as the user sees it. */
static void
choose_by_label (GtkDropDown *dropdown,
                 const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (dropdown), item, &value));
      if (g_str_equal (g_value_get_string (&value), label))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  g_assert_not_reached ();
}

typedef struct
{
  TribSchemasPage *page;
  TribXdmKind kind;
  TribXdmContainer container;
} ListedKind;

/* The list holds resources, and all of the wanted kind and origin. */
static gboolean
list_is_of (gpointer data)
{
  ListedKind *wanted = data;
  GListModel *list = trib_schemas_page_get_list (wanted->page);

  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TribXdmResource) resource = g_list_model_get_item (list, i);

      if (trib_xdm_resource_get_kind (resource) != wanted->kind ||
          trib_xdm_resource_get_container (resource) != wanted->container)
        return FALSE;
    }

  return TRUE;
}

static void
test_list_kinds (TribSchemasPage *page)
{
  GtkWidget *box = gtk_widget_get_parent (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL));
  GtkDropDown *kind = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  GtkDropDown *container = GTK_DROP_DOWN (gtk_widget_get_last_child (box));
  ListedKind wanted = { page, TRIB_XDM_KIND_CLASS, TRIB_XDM_CONTAINER_GLOBAL };

  choose_by_label (kind, "Classes");
  choose_by_label (container, "Adobe’s");
  trib_ui_test_iterate_until (list_is_of, &wanted, 30);
  g_assert_cmpuint (position_of (trib_schemas_page_get_list (page), "XDM Individual Profile"), !=,
                    GTK_INVALID_LIST_POSITION);

  wanted.kind = TRIB_XDM_KIND_FIELD_GROUP;
  choose_by_label (kind, "Field Groups");
  trib_ui_test_iterate_until (list_is_of, &wanted, 30);

  wanted = (ListedKind) { page, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT };
  choose_by_label (kind, "Schemas");
  choose_by_label (container, "Yours");
  trib_ui_test_iterate_until (list_is_of, &wanted, 30);
  trib_ui_test_iterate_until (list_has_title, page, 30);
}

static gboolean
filtered_to_page_name (gpointer data)
{
  guint n = g_list_model_get_n_items (trib_schemas_page_get_field_rows (data));

  return n < 40 && trib_ui_test_field_row (data, "web.webPageDetails.name") != GTK_INVALID_LIST_POSITION;
}

/* The selection of the list of resources, not the field tree's. */
static GtkSingleSelection *
find_list_selection (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          TRIB_IS_PAGED_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return GTK_SINGLE_SELECTION (model);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = find_list_selection (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static TribXdmResource *
selected_resource (TribSchemasPage *page)
{
  GtkSingleSelection *selection = find_list_selection (GTK_WIDGET (page));

  return selection != NULL ? gtk_single_selection_get_selected_item (selection) : NULL;
}

static gboolean
selected_in_list (gpointer data)
{
  TribSchemasPage *page = data;
  TribXdmResource *selected = selected_resource (page);
  const char *title = g_object_get_data (G_OBJECT (page), "test-wanted-title");

  return selected != NULL && g_strcmp0 (trib_xdm_resource_get_title (selected), title) == 0;
}

/* The row of the list that shows @resource, or %NULL. */
static TribSchemasListRow *
find_list_row (GtkWidget       *widget,
               TribXdmResource *resource)
{
  if (TRIB_IS_SCHEMAS_LIST_ROW (widget) &&
      trib_schemas_list_row_get_resource (TRIB_SCHEMAS_LIST_ROW (widget)) == resource)
    return TRIB_SCHEMAS_LIST_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      TribSchemasListRow *found = find_list_row (child, resource);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
selected_row_names_class (gpointer data)
{
  TribSchemasPage *page = data;
  TribSchemasListRow *row = find_list_row (GTK_WIDGET (page), selected_resource (page));
  const char *wanted = g_object_get_data (G_OBJECT (page), "test-class-title");

  return row != NULL && trib_schemas_list_row_get_subtitle (row) != NULL &&
         strstr (trib_schemas_list_row_get_subtitle (row), wanted) != NULL;
}

static gboolean
class_title_known (gpointer data)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (data));

  return trib_xdm_titles_lookup (trib_session_get_xdm_titles (session), TRIB_XDM_KIND_CLASS,
                                 g_object_get_data (G_OBJECT (data), "test-class-id")) != NULL;
}

/* A class title arriving while a schema is selected: its row says the
 * title, and the list is neither replaced nor unselected.
 */
static void
test_title_arrives (TribSchemasPage *page)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (page));
  TribXdmTitles *titles = trib_session_get_xdm_titles (session);
  GtkSingleSelection *selection = find_list_selection (GTK_WIDGET (page));
  GListModel *list = gtk_single_selection_get_model (selection);
  guint position = position_of (list, "Luma Web Events");
  g_autoptr(TribXdmResource) resource = g_list_model_get_item (list, position);
  const char *class_id = trib_xdm_resource_get_class_id (resource);
  g_autofree char *renamed = NULL;
  g_autofree char *known = NULL;
  TribSchemasListRow *row;

  g_assert_nonnull (class_id);
  gtk_single_selection_set_selected (selection, position);
  trib_ui_test_settle ();
  row = find_list_row (GTK_WIDGET (page), resource);
  g_assert_nonnull (row);

  /* The registry's answer about the class names it in the row. */
  g_object_set_data (G_OBJECT (page), "test-class-id", (gpointer) class_id);
  trib_ui_test_iterate_until (class_title_known, page, 10);
  known = g_strdup (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, class_id));
  g_object_set_data_full (G_OBJECT (page), "test-class-title", g_strdup (known), g_free);
  trib_ui_test_iterate_until (selected_row_names_class, page, 10);

  /* A title that changes (the class renamed meanwhile) changes it again,
   * in the same row of the same list, still selected.
   */
  renamed = g_strdup_printf ("Renamed Class %u", (guint) g_random_int ());
  trib_xdm_titles_remember (titles, class_id, renamed);
  g_object_set_data_full (G_OBJECT (page), "test-class-title", g_strdup (renamed), g_free);
  g_assert_true (selected_row_names_class (page));
  trib_ui_test_settle ();
  g_assert_true (gtk_single_selection_get_model (selection) == list);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_true (find_list_row (GTK_WIDGET (page), resource) == row);
  g_assert_true (selected_row_names_class (page));

  /* The rest of the test knows the class by its real title. */
  trib_xdm_titles_remember (titles, class_id, known);
  g_object_set_data (G_OBJECT (page), "test-class-id", NULL);
}

static GtkWidget *
find_back_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Back to the List") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
use_sandbox (TribWindow *window,
             const char *name)
{
  TribSession *session = trib_window_get_session (window);
  GListModel *sandboxes = trib_session_get_sandboxes (session);

  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_str_equal (trib_sandbox_get_name (sandbox), name))
        trib_session_set_sandbox (session, sandbox);
    }
  g_assert_cmpstr (trib_sandbox_get_name (trib_session_get_sandbox (session)), ==, name);
}

static gboolean
dialog_open (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_SCHEMA_CREATE_DIALOG, NULL) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_SCHEMA_CREATE_DIALOG, NULL) == NULL;
}

static gboolean
class_selectable (gpointer data)
{
  return trib_schema_create_dialog_select_class (data, PROFILE_CLASS);
}

static gboolean
field_groups_shown (gpointer data)
{
  for (guint i = 0; seed_002_field_groups[i] != NULL; i++)
    if (!trib_schema_create_dialog_set_field_group (data, seed_002_field_groups[i], TRUE))
      return FALSE;

  return TRUE;
}

static gboolean
error_shown (gpointer data)
{
  return trib_schema_create_dialog_get_error_text (data) != NULL;
}

static TribSchemaCreateDialog *
fill_seed_002 (TribWindow *window,
               const char *title)
{
  TribSchemaCreateDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE,
                                                                     NULL)),
                              "schemas.new-schema", NULL);
  trib_ui_test_iterate_until (dialog_open, NULL, 10);
  dialog = TRIB_SCHEMA_CREATE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEMA_CREATE_DIALOG, NULL));

  trib_schema_create_dialog_set_title_text (dialog, title);
  trib_ui_test_iterate_until (class_selectable, dialog, 20);
  trib_ui_test_iterate_until (field_groups_shown, dialog, 20);
  trib_ui_test_settle ();

  return dialog;
}

static void
test_schemas_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *clipboard = NULL;
  g_autofree char *editor_text = NULL;
  g_autofree char *title = g_strdup_printf ("Sample Demo Profile XDM %u", (guint) g_random_int ());
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribSchemaCreateDialog *dialog;
  TribSchemasPage *page;
  TribQueryPage *query_page;
  GtkWidget *list_view;
  TribWindow *window;
  guint position;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  /* Alt+2 goes to the schemas page, which lists the sandbox's schemas. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  page = TRIB_SCHEMAS_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  trib_ui_test_iterate_until (list_has_title, page, 30);

  /* The list shows each kind of resource, yours or Adobe's, as chosen. */
  test_list_kinds (page);

  /* Activating a schema shows its 5,000 fields. */
  position = position_of (trib_schemas_page_get_list (page), "Luma Web Events");
  list_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", position);
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, page, 30);
  g_assert_cmpuint (trib_schemas_page_get_n_fields (page), >=, 5000);
  test_title_arrives (page);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-wide-light.png");

  /* The filter opens the tree down to the matches. */
  trib_schemas_page_set_field_filter (page, "webPageDetails.name");
  trib_ui_test_iterate_until (filtered_to_page_name, page, 10);
  position = trib_ui_test_field_row (page, "web.webPageDetails.name");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (trib_schemas_page_get_field_rows (page)), position, TRUE);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-filtered-light.png");

  /* Ctrl+C copies the path; Ctrl+I types it into the query editor. */
  gtk_widget_grab_focus (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+c");
  clipboard = trib_ui_test_read_clipboard (GTK_WIDGET (window));
  g_assert_cmpstr (clipboard, ==, "web.webPageDetails.name");

  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+i");
  trib_ui_test_settle ();
  query_page = TRIB_QUERY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (query_page)));
  editor_text = trib_query_editor_dup_text (trib_query_page_get_current_editor (query_page));
  g_assert_nonnull (strstr (editor_text, "web.webPageDetails.name"));

  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  trib_ui_test_settle ();

  /* Another schema shows all its fields: the filter typed for the
   * previous one does not carry over.
   */
  gtk_widget_activate_action (list_view, "list.activate-item", "u",
                              position_of (trib_schemas_page_get_list (page), "Luma CRM Profiles"));
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, page, 30);
  g_assert_cmpuint (trib_schemas_page_get_n_fields (page), <, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (trib_schemas_page_get_field_rows (page)), >, 1);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-wide-dark.png");
  trib_ui_test_resize (GTK_WIDGET (window), 400, 760);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-narrow-light.png");

  /* Narrow, the list is one step back from the fields, and comes first
   * whenever no schema is shown.
   */
  g_signal_emit_by_name (find_back_button (GTK_WIDGET (page)), "clicked");
  trib_ui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (list_view));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-list-narrow-light.png");
  gtk_widget_activate_action (list_view, "list.activate-item", "u",
                              position_of (trib_schemas_page_get_list (page), "Luma Web Events"));
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, page, 30);
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_mapped (list_view));
  g_assert_nonnull (find_back_button (GTK_WIDGET (page)));
  use_sandbox (window, "dev");
  trib_ui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (list_view));
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schemas-dev-narrow-light.png");
  use_sandbox (window, "prod");
  trib_ui_test_iterate_until (list_has_title, page, 30);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_settle ();

  /* An old search in the list does not hide a new schema: it is shown
   * and selected.
   */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "Luma Web");
  trib_ui_test_iterate_until (list_has_title, page, 30);
  g_object_set_data_full (G_OBJECT (page), "test-wanted-title", g_strdup (title), g_free);

  /* Seed 002's schema, chosen from the registry's class and field groups. */
  dialog = fill_seed_002 (window, title);
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schema-create-light.png");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (dialog_closed, NULL, 20);
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, page, 30);
  g_assert_cmpuint (trib_schemas_page_get_n_fields (page), >, 10);
  trib_ui_test_iterate_until (selected_in_list, page, 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (trib_ui_test_find_widget (GTK_WIDGET (page),
                                                                                  GTK_TYPE_SEARCH_ENTRY, NULL))),
                   ==, "");
  trib_ui_test_save_screenshot (GTK_WIDGET (window), "schema-created-wide-light.png");

  /* The same title again: the registry refuses, and the title row says so. */
  dialog = fill_seed_002 (window, title);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (error_shown, dialog, 20);
  g_assert_nonnull (trib_schema_create_dialog_get_culprit_row (dialog));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (trib_schema_create_dialog_get_culprit_row (dialog))),
                   ==, "Title");
  g_assert_true (gtk_widget_has_css_class (trib_schema_create_dialog_get_culprit_row (dialog), "error"));
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schema-create-error-light.png");
  gtk_window_close (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (dialog_closed, NULL, 10);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/schemas-page", test_schemas_page);

  return g_test_run ();
}
