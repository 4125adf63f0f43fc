/* test-ui-schema-create.c
 *
 * The New Schema dialog on the demo platform: it starts from a class
 * with field groups (XDM Individual Profile), searches that class's
 * field groups on the platform, keeps the ones chosen across searches,
 * and sends them with the class to the Schema Registry.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-class-picker.h"
#include "trib-request-record.h"
#include "trib-schema-create-dialog.h"
#include "trib-schemas-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define CONTACT_GROUP "https://ns.adobe.com/xdm/context/profile-personal-details"
#define PERSON_GROUP "https://ns.adobe.com/xdm/context/profile-person-details"

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

/* The dialog chose the profile class by itself. */
static gboolean
profile_chosen (gpointer data)
{
  TribXdmResource *class = trib_class_picker_get_class (data);

  return class != NULL && g_str_equal (trib_xdm_resource_get_id (class), PROFILE_CLASS);
}

static gboolean
group_listed (gpointer data)
{
  TribClassPicker *picker = data;
  const char *id = g_object_get_data (G_OBJECT (picker), "test-group");

  return trib_class_picker_find_field_group_row (picker, id) != NULL;
}

/* The field groups' rows: action rows that carry an id. */
static guint
n_group_rows (GtkWidget *picker)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  trib_ui_test_find_mapped (picker, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    n += g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "trib-id") != NULL;

  return n;
}

static GtkEditable *
find_search (GtkWidget  *root,
             const char *placeholder)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (root, GTK_TYPE_SEARCH_ENTRY, found);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *text = NULL;

      g_object_get (g_ptr_array_index (found, i), "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return g_ptr_array_index (found, i);
    }

  return NULL;
}

static JsonNode *
dup_schema_body (TribApplication *app)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));

  /* Newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);

      if (g_str_equal (trib_request_record_get_method (record), "POST") &&
          strstr (trib_request_record_get_url (record), "/tenant/schemas") != NULL)
        return json_from_string (trib_request_record_get_body (record), NULL);
    }

  return NULL;
}

static void
test_schema_create (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *title = g_strdup_printf ("Contacts %u", (guint) g_random_int ());
  g_autofree char *refs = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribSchemaCreateDialog *dialog;
  TribClassPicker *picker;
  GtkEditable *search;
  TribWindow *window;
  guint n_all;

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_press_keys (GTK_WIDGET (window), "alt+2");
  gtk_widget_activate_action (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE, NULL),
                              "schemas.new-schema", NULL);
  trib_ui_test_iterate_until (dialog_open, NULL, 10);
  dialog = TRIB_SCHEMA_CREATE_DIALOG (trib_ui_test_find_toplevel (TRIB_TYPE_SCHEMA_CREATE_DIALOG, NULL));
  picker = TRIB_CLASS_PICKER (trib_ui_test_find_widget (GTK_WIDGET (dialog), TRIB_TYPE_CLASS_PICKER, NULL));

  /* It starts from a class with field groups, and lists them. */
  trib_ui_test_iterate_until (profile_chosen, picker, 30);
  g_object_set_data (G_OBJECT (picker), "test-group", (gpointer) PERSON_GROUP);
  trib_ui_test_iterate_until (group_listed, picker, 30);
  trib_ui_test_settle ();
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (dialog), "Chosen: XDM Individual Profile", FALSE));
  n_all = n_group_rows (GTK_WIDGET (picker));
  g_assert_cmpuint (n_all, >, 2);
  g_assert_true (trib_class_picker_set_field_group (picker, PERSON_GROUP, TRUE));

  /* Searched on the platform: fewer rows, the one wanted among them. */
  search = find_search (GTK_WIDGET (dialog), "Search field groups");
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "contact");
  g_object_set_data (G_OBJECT (picker), "test-group", (gpointer) CONTACT_GROUP);
  trib_ui_test_iterate_until (group_listed, picker, 30);
  trib_ui_test_settle ();
  g_assert_cmpuint (n_group_rows (GTK_WIDGET (picker)), <, n_all);
  g_assert_null (trib_class_picker_find_field_group_row (picker, PERSON_GROUP));
  g_assert_true (trib_class_picker_set_field_group (picker, CONTACT_GROUP, TRUE));
  trib_schema_create_dialog_set_title_text (dialog, title);
  trib_ui_test_resize (GTK_WIDGET (dialog), 560, 900);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schema-create-search-narrow-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "schema-create-search-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The choice outlived the search: both are sent, with the class. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (dialog_closed, NULL, 30);
  body = dup_schema_body (app);
  g_assert_nonnull (body);
  refs = json_to_string (body, FALSE);
  g_assert_nonnull (strstr (refs, PROFILE_CLASS "\""));
  g_assert_nonnull (strstr (refs, PERSON_GROUP));
  g_assert_nonnull (strstr (refs, CONTACT_GROUP));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/schema-create", test_schema_create);

  return g_test_run ();
}
