/* trib-window-setups.c
 *
 * Dataflow setups an earlier run left unfinished (the window closed,
 * the network dropped, the application killed mid-setup): once the
 * window is signed in, it reads their journals off the main thread and
 * offers to resume the newest, or to roll it back. Either opens the
 * wizard on its Create page, where each step's progress shows.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-journal.h"
#include "trib-flow-wizard.h"
#include "trib-window-private.h"

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *dir = trib_flow_journal_get_default_dir ();
  g_autoptr(GError) error = NULL;
  GListModel *pending = trib_flow_journal_list_pending (dir, &error);

  if (pending == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pending, g_object_unref);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             TribWindow       *self)
{
  TribFlowJournal *journal = g_object_get_data (G_OBJECT (dialog), "trib-journal");
  g_autoptr(GError) error = NULL;
  TribFlowWizard *wizard;
  gboolean roll_back = g_str_equal (response, "roll-back");

  if (!roll_back && !g_str_equal (response, "resume"))
    return;
  if (self->session == NULL)
    return;

  wizard = trib_flow_wizard_new_for_journal (self->session, journal, roll_back, &error);
  if (wizard == NULL)
    {
      trib_window_add_toast (self, error->message);
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (self));
  gtk_window_set_application (GTK_WINDOW (wizard), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TribWindow *self = TRIB_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pending = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(TribFlowJournal) journal = NULL;
  g_autofree char *body = NULL;
  guint n_pending;
  AdwMessageDialog *dialog;

  if (pending == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the unfinished setups: %s", error->message);
      return;
    }

  n_pending = g_list_model_get_n_items (pending);
  if (n_pending == 0 || self->session == NULL)
    return;

  journal = g_list_model_get_item (pending, 0);
  if (n_pending == 1)
    /* Translators: %s is the unfinished setup's title ("Orders to Experience Platform") */
    body = g_strdup_printf (_("Setting up “%s” stopped before it was finished. Resume it where it stopped, or roll "
                              "back to delete what it created?"), trib_flow_journal_get_title (journal));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is the newest unfinished setup's title; %u how many others */
                                         "Setting up “%s” stopped before it was finished, and %u other setup too. "
                                         "Resume the newest where it stopped, or roll back to delete what it created?",
                                         "Setting up “%s” stopped before it was finished, and %u other setups too. "
                                         "Resume the newest where it stopped, or roll back to delete what it created?",
                                         n_pending - 1),
                            trib_flow_journal_get_title (journal), n_pending - 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Unfinished Dataflow Setup"), body));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Later"),
                                    "roll-back", _("_Roll Back"),
                                    "resume", _("_Resume"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "roll-back", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "resume", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "resume");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "trib-journal", g_steal_pointer (&journal), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * trib_window_offer_unfinished_setups:
 * @self: a #TribWindow
 *
 * Reads the journals of the setups left unfinished, and offers to
 * resume or roll back the newest. The window does it once signed in.
 */
void
trib_window_offer_unfinished_setups (TribWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRIB_IS_WINDOW (self));

  task = g_task_new (self, NULL, list_cb, NULL);
  g_task_set_source_tag (task, trib_window_offer_unfinished_setups);
  g_task_run_in_thread (task, list_worker);
}
