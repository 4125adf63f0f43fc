/* test-ui-adhoc-class.c
 *
 * The ad hoc class dialog, on the demo platform: the type chosen for
 * each field (from the TribXdmFieldType drop-down) is the type the new
 * schema's field has.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "trib-adhoc-class-dialog.h"
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
  trib_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  trib_ui_test_iterate_until (is_set, &schema, 30);

  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL,
                                          fields_cb, &fields);
  trib_ui_test_iterate_until (is_set, &fields, 30);
  g_assert_cmpstr (find_type (fields, "visits"), ==, "integer");
  g_assert_cmpstr (find_type (fields, "active"), ==, "boolean");
  g_assert_cmpstr (find_type (fields, "score"), ==, "number");
  g_assert_cmpstr (find_type (fields, "label"), ==, "string");

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
