/* test-ui-config-import.c
 *
 * The profile dialog's Import: its file chooser offers aepp's JSON file
 * beside config.ini, and choosing one fills the form from it, whatever
 * the file is called.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-profile-dialog.h"
#include "trib-secret-row.h"
#include "trib-ui-test.h"

static gboolean
chooser_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, data) != NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile *file;
} Choice;

/* The chooser loads the folder before it can select the file in it. */
static gboolean
file_selected (gpointer data)
{
  Choice *choice = data;
  g_autoptr(GFile) selected = gtk_file_chooser_get_file (choice->chooser);

  return selected != NULL && g_file_equal (selected, choice->file);
}

static gboolean
form_filled (gpointer data)
{
  GtkWidget *row = trib_ui_test_find_row (data, "Client ID");

  return row != NULL && gtk_widget_get_mapped (row) &&
         gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0';
}

static gboolean
offers (GtkFileChooser *chooser,
        guint           position,
        const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  g_autoptr(GtkFilter) filter = g_list_model_get_item (filters, position);
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_assert_nonnull (filter);
  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, "application/octet-stream");

  return gtk_filter_match (filter, info);
}

static const char *
row_text (GtkWidget  *dialog,
          const char *title)
{
  GtkWidget *row = trib_ui_test_find_row (dialog, title);

  g_assert_nonnull (row);

  if (TRIB_IS_SECRET_ROW (row))
    return trib_secret_row_get_secret (TRIB_SECRET_ROW (row));

  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Imports @contents, saved under @name, through the dialog's chooser. */
static GtkWidget *
import (TribApplication *app,
        const char      *name,
        const char      *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("trib-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWindow *chooser;
  Choice choice;

  g_assert_nonnull (dir);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  dialog = GTK_WIDGET (trib_profile_dialog_new (app, NULL));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 720);
  gtk_window_present (GTK_WINDOW (dialog));
  trib_ui_test_settle ();

  g_signal_emit_by_name (trib_ui_test_find_row (dialog, "Import config.ini"), "activated");
  trib_ui_test_iterate_until (chooser_shown, dialog, 30);
  chooser = trib_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (dialog));

  /* The first filter, the one shown, offers both kinds; the last any file. */
  g_assert_true (offers (GTK_FILE_CHOOSER (chooser), 0, "config.ini"));
  g_assert_true (offers (GTK_FILE_CHOOSER (chooser), 0, "config_aep_template.json"));
  g_assert_false (offers (GTK_FILE_CHOOSER (chooser), 0, "photo.png"));
  g_assert_true (offers (GTK_FILE_CHOOSER (chooser), 1, "credentials.txt"));
  if (!offers (GTK_FILE_CHOOSER (chooser), 0, name))
    {
      g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GtkFileFilter) all = g_list_model_get_item (filters, 1);

      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  choice.chooser = GTK_FILE_CHOOSER (chooser);
  choice.file = file;
  trib_ui_test_iterate_until (file_selected, &choice, 30);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  trib_ui_test_iterate_until (form_filled, dialog, 30);

  g_unlink (path);
  g_rmdir (dir);

  return dialog;
}

static void
test_import (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The JSON file aepp writes, as aepp reads it. */
  dialog = import (app, "config_aep.json",
                   "{\n"
                   "    \"org_id\": \"0A1B2C3D4E5F60718293A4B5@AdobeOrg\",\n"
                   "    \"client_id\": \"4f6e2bd1a0c94e2f8d73b9e1c5a07f12\",\n"
                   "    \"secret\": \"p8e-EXAMPLE-not-a-real-secret-000000\",\n"
                   "    \"sandbox-name\": \"dev\",\n"
                   "    \"environment\": \"prod\",\n"
                   "    \"scopes\": \"openid, AdobeID\"\n"
                   "}\n");
  g_assert_cmpstr (row_text (dialog, "Organization ID"), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (row_text (dialog, "Client ID"), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (row_text (dialog, "Client secret"), ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  g_assert_cmpstr (row_text (dialog, "Scopes"), ==, "openid,AdobeID");
  g_assert_cmpstr (row_text (dialog, "Technical account ID"), ==, "");
  trib_ui_test_save_screenshot (dialog, "profile-dialog-imported-json-light.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A config.ini under a name that says nothing, with configparser's
   * ':' and a backslash that stays one.
   */
  dialog = import (app, "credentials.txt",
                   "[Credential]\n"
                   "ims_org_id: 0A1B2C3D4E5F60718293A4B5@AdobeOrg\n"
                   "sandbox_name: dev\n"
                   "client_id: 4f6e2bd1a0c94e2f8d73b9e1c5a07f12\n"
                   "client_secret: p8e-a\\sb\n"
                   "scopes: openid, AdobeID\n"
                   "tech_acct_id: 5B2D41C3@techacct.adobe.com\n");
  g_assert_cmpstr (row_text (dialog, "Client secret"), ==, "p8e-a\\sb");
  g_assert_cmpstr (row_text (dialog, "Technical account ID"), ==, "5B2D41C3@techacct.adobe.com");
  gtk_window_destroy (GTK_WINDOW (dialog));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/config-import", test_import);

  return g_test_run ();
}
