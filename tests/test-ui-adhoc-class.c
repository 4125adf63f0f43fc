/* test-ui-adhoc-class.c
 *
 * The ad hoc class dialog, on the demo platform: it offers every XDM
 * scalar type, says under a field why its name is refused (each rule in
 * its own words), and the type chosen for each field (from the
 * TribXdmFieldType drop-down) is the JSON Schema the Schema Registry is
 * sent and the type the new schema's field has.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-adhoc-class-dialog.h"
#include "trib-platform-enums.h"
#include "trib-request-record.h"
#include "trib-schema-registry.h"
#include "trib-ui-test.h"

static void
created_cb (TribAdhocClassDialog  *dialog,
            TribXdmResource       *schema,
            TribXdmResource      **out)
{
  *out = g_object_ref (schema);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static const char *
find_format (GListModel *fields,
             const char *name)
{
  for (guint i = 0; fields != NULL && i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      const char *found;

      if (g_strcmp0 (trib_xdm_field_get_name (field), name) == 0)
        return trib_xdm_field_get_format (field);
      if ((found = find_format (trib_xdm_field_get_children (field), name)) != NULL)
        return found;
    }

  return NULL;
}

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GListModel **out = user_data;

  *out = trib_schema_registry_load_fields_finish (result, NULL, &error);
  g_assert_no_error (error);
}

static const char *
find_type (GListModel *fields,
           const char *name)
{
  for (guint i = 0; fields != NULL && i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      const char *found;

      if (g_strcmp0 (trib_xdm_field_get_name (field), name) == 0)
        return trib_xdm_field_get_type_name (field);
      if ((found = find_type (trib_xdm_field_get_children (field), name)) != NULL)
        return found;
    }

  return NULL;
}

static GtkEditable *
find_entry (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_ENTRY (widget) && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (widget)), text))
    return GTK_EDITABLE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message under the field named @name, if one is shown. */
static const char *
problem_under (GtkWidget  *dialog,
               const char *name)
{
  GtkEditable *entry = find_entry (dialog, name);
  GtkWidget *row = entry != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkLabel *label = row != NULL ? g_object_get_data (G_OBJECT (row), "trib-problem") : NULL;

  g_assert_nonnull (label);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

/* The JSON Schema of field @name in the last class the app created. */
static JsonObject *
sent_field (JsonNode   *body,
            const char *name)
{
  JsonArray *all_of = json_object_get_array_member (json_node_get_object (body), "allOf");

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      JsonObject *part = json_array_get_object_element (all_of, i);

      if (json_object_has_member (part, "properties"))
        {
          JsonObject *adhoc = json_object_get_object_member (json_object_get_object_member (part, "properties"),
                                                             "_adhoc");

          return json_object_get_object_member (json_object_get_object_member (adhoc, "properties"), name);
        }
    }

  return NULL;
}

static JsonNode *
dup_class_body (TribApplication *app)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));

  /* Newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);

      if (g_str_equal (trib_request_record_get_method (record), "POST") &&
          strstr (trib_request_record_get_url (record), "/tenant/classes") != NULL)
        return json_from_string (trib_request_record_get_body (record), NULL);
    }

  return NULL;
}

static void
assert_sent (JsonNode   *body,
             const char *name,
             const char *type,
             const char *format,
             gint64      minimum,
             gint64      maximum)
{
  JsonObject *field = sent_field (body, name);

  g_assert_nonnull (field);
  g_assert_cmpstr (json_object_get_string_member (field, "type"), ==, type);
  g_assert_cmpstr (json_object_get_string_member_with_default (field, "format", NULL), ==, format);
  g_assert_cmpint (json_object_get_int_member_with_default (field, "minimum", 0), ==, minimum);
  g_assert_cmpint (json_object_get_int_member_with_default (field, "maximum", 0), ==, maximum);
}

static void
test_adhoc_field_types (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GListModel) fields = NULL;
  TribAdhocClassDialog *dialog;
  TribPlatformClient *client;
  TribWindow *window;

  window = trib_ui_test_open_demo (app, 60);
  client = trib_session_get_client (trib_window_get_session (window));

  dialog = trib_adhoc_class_dialog_new (client);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  /* It closes itself once the class is made. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &schema);
  trib_adhoc_class_dialog_set_class_title (dialog, "Typed Fields");
  trib_adhoc_class_dialog_add_field (dialog, "visits", "integer");
  trib_adhoc_class_dialog_add_field (dialog, "active", "boolean");
  trib_adhoc_class_dialog_add_field (dialog, "score", "number");
  trib_adhoc_class_dialog_add_field (dialog, "label", "string");
  trib_adhoc_class_dialog_add_field (dialog, "pageViews", "long");
  trib_adhoc_class_dialog_add_field (dialog, "floor", "short");
  trib_adhoc_class_dialog_add_field (dialog, "flags", "byte");
  trib_adhoc_class_dialog_add_field (dialog, "birthDate", "date");
  trib_adhoc_class_dialog_add_field (dialog, "lastSeen", "date-time");

  /* Every XDM scalar type is offered, by XDM's name. */
  {
    GtkDropDown *types = GTK_DROP_DOWN (trib_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, NULL));
    GListModel *model = gtk_drop_down_get_model (types);
    static const char * const expected[] = {
      "string", "integer", "long", "short", "byte", "number", "boolean", "date", "date-time",
    };

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(AdwEnumListItem) item = g_list_model_get_item (model, i);

        g_assert_cmpstr (adw_enum_list_item_get_nick (item), ==, expected[i]);
      }
  }

  /* Each rule a name breaks is said under it, in its own words. */
  trib_adhoc_class_dialog_add_field (dialog, "2nd_visit", "string");
  trib_adhoc_class_dialog_add_field (dialog, "first name", "string");
  trib_adhoc_class_dialog_add_field (dialog, "e-mail", "string");
  trib_adhoc_class_dialog_add_field (dialog, "visits", "integer");
  trib_ui_test_settle ();
  g_assert_cmpstr (problem_under (GTK_WIDGET (dialog), "2nd_visit"), ==, "A field name cannot start with a digit.");
  g_assert_cmpstr (problem_under (GTK_WIDGET (dialog), "first name"), ==,
                   "A field name cannot hold spaces: use an underscore.");
  g_assert_cmpstr (problem_under (GTK_WIDGET (dialog), "e-mail"), ==,
                   "“-” is not allowed: a field name holds only letters without accents, digits and underscores.");
  g_assert_null (problem_under (GTK_WIDGET (dialog), "label"));
  trib_ui_test_resize (GTK_WIDGET (dialog), 560, 900);
  trib_ui_test_settle ();
  trib_ui_test_save_screenshot (GTK_WIDGET (dialog), "adhoc-class-names-narrow-light.png");

  /* Refused, nothing is sent; put right, the messages go. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_settle ();
  g_assert_null (schema);
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "2nd_visit"), "second_visit");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "first name"), "first_name");
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog), "e-mail"), "email");
  g_assert_null (problem_under (GTK_WIDGET (dialog), "second_visit"));
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (gtk_widget_get_ancestor (
                         GTK_WIDGET (find_entry (GTK_WIDGET (dialog), "email")), GTK_TYPE_LIST_BOX_ROW))),
                       gtk_widget_get_ancestor (GTK_WIDGET (find_entry (GTK_WIDGET (dialog), "email")),
                                                GTK_TYPE_LIST_BOX_ROW));
  trib_ui_test_settle ();
  /* The duplicate "visits" remains: the last one is flagged. */
  {
    GtkEditable *duplicate = NULL;
    GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (find_entry (GTK_WIDGET (dialog), "visits")), GTK_TYPE_LIST_BOX);

    for (GtkWidget *row = gtk_widget_get_last_child (list); row != NULL && duplicate == NULL;
         row = gtk_widget_get_prev_sibling (row))
      duplicate = find_entry (row, "visits");
    g_assert_cmpstr (gtk_label_get_label (g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (GTK_WIDGET (duplicate),
                                                                                                 GTK_TYPE_LIST_BOX_ROW)),
                                                             "trib-problem")),
                     ==, "Another field has this name.");
    gtk_editable_set_text (duplicate, "visits_total");
  }
  trib_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (is_set, &schema, 30);

  /* What the registry was sent: XDM's types as JSON Schema. */
  {
    g_autoptr(JsonNode) body = dup_class_body (app);

    g_assert_nonnull (body);
    assert_sent (body, "label", "string", NULL, 0, 0);
    assert_sent (body, "visits", "integer", NULL, G_MININT32, G_MAXINT32);
    assert_sent (body, "pageViews", "integer", NULL, -9007199254740992, 9007199254740991);
    assert_sent (body, "floor", "integer", NULL, -32768, 32767);
    assert_sent (body, "flags", "integer", NULL, -128, 127);
    assert_sent (body, "score", "number", NULL, 0, 0);
    assert_sent (body, "active", "boolean", NULL, 0, 0);
    assert_sent (body, "birthDate", "string", "date", 0, 0);
    assert_sent (body, "lastSeen", "string", "date-time", 0, 0);
  }

  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL,
                                          fields_cb, &fields);
  trib_ui_test_iterate_until (is_set, &fields, 30);
  g_assert_cmpstr (find_type (fields, "visits"), ==, "integer");
  g_assert_cmpstr (find_type (fields, "active"), ==, "boolean");
  g_assert_cmpstr (find_type (fields, "score"), ==, "number");
  g_assert_cmpstr (find_type (fields, "label"), ==, "string");
  g_assert_cmpstr (find_type (fields, "pageViews"), ==, "integer");
  g_assert_cmpstr (find_type (fields, "birthDate"), ==, "string");
  g_assert_cmpstr (find_format (fields, "birthDate"), ==, "date");
  g_assert_cmpstr (find_format (fields, "lastSeen"), ==, "date-time");

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/adhoc-field-types", test_adhoc_field_types);

  return g_test_run ();
}
