/* trib-demo-platform.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-demo-platform"

#include "config.h"

#include <signal.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "trib-demo-platform.h"
#include "trib-error.h"
#include "trib-util.h"

/* The demo platform is tributary-sim running on loopback, started as our
 * child. It prints one JSON line with its URL and demo credentials, and
 * exits when our end of its stdin closes, so it never outlives us.
 */
struct _TribDemoPlatform
{
  GObject parent_instance;

  GSubprocess *subprocess;
  TribProfile *profile;
  char *client_secret;
};

G_DEFINE_FINAL_TYPE (TribDemoPlatform, trib_demo_platform, G_TYPE_OBJECT)

static void
trib_demo_platform_dispose (GObject *object)
{
  TribDemoPlatform *self = (TribDemoPlatform *)object;

  trib_demo_platform_stop (self);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (trib_demo_platform_parent_class)->dispose (object);
}

static void
trib_demo_platform_finalize (GObject *object)
{
  TribDemoPlatform *self = (TribDemoPlatform *)object;

  g_clear_pointer (&self->client_secret, trib_secret_free);

  G_OBJECT_CLASS (trib_demo_platform_parent_class)->finalize (object);
}

static void
trib_demo_platform_class_init (TribDemoPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_demo_platform_dispose;
  object_class->finalize = trib_demo_platform_finalize;
}

static void
trib_demo_platform_init (TribDemoPlatform *self)
{
}

static const char *
simulator_path (void)
{
  const char *path = g_getenv ("TRIBUTARY_SIM");

  return path != NULL && path[0] != '\0' ? path : TRIB_SIM_PATH;
}

static gboolean
parse_ready_line (TribDemoPlatform  *self,
                  const char        *line,
                  GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *base_url;
  const char *secret;

  if (line == NULL || !json_parser_load_from_data (parser, line, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_DEMO_UNAVAILABLE,
                           _("The demo platform did not start properly."));
      return FALSE;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  base_url = json_object_get_string_member_with_default (object, "base_url", NULL);
  secret = json_object_get_string_member_with_default (object, "client_secret", NULL);

  if (base_url == NULL || secret == NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_DEMO_UNAVAILABLE,
                           _("The demo platform did not say where it listens."));
      return FALSE;
    }

  self->profile = trib_profile_new ("demo");
  trib_profile_set_ephemeral (self->profile, TRUE);
  trib_profile_set_name (self->profile, _("Demo Platform"));
  trib_profile_set_platform_url (self->profile, base_url);
  trib_profile_set_ims_url (self->profile,
                            json_object_get_string_member_with_default (object, "ims_url", base_url));
  trib_profile_set_org_id (self->profile, json_object_get_string_member_with_default (object, "org_id", NULL));
  trib_profile_set_client_id (self->profile,
                              json_object_get_string_member_with_default (object, "client_id", NULL));
  trib_profile_set_technical_account_id (self->profile,
                                         json_object_get_string_member_with_default (object, "technical_account_id", NULL));
  trib_profile_set_scopes (self->profile,
                           json_object_get_string_member_with_default (object, "scopes", TRIB_DEFAULT_SCOPES));
  trib_profile_set_default_sandbox (self->profile,
                                    json_object_get_string_member_with_default (object, "sandbox", TRIB_DEFAULT_SANDBOX));
  self->client_secret = g_strdup (secret);

  return TRUE;
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  TribDemoPlatform *self = g_task_get_task_data (task);

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);

  if (error != NULL)
    {
      g_task_return_new_error (task, TRIB_ERROR, TRIB_ERROR_DEMO_UNAVAILABLE,
                               /* Translators: %s is the technical reason */
                               _("The demo platform did not start: %s"), error->message);
      return;
    }

  if (!parse_ready_line (self, line, &error))
    {
      trib_demo_platform_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

/**
 * trib_demo_platform_start_async:
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the demo platform listens
 * @user_data: data for @callback
 *
 * Starts tributary-sim with its demo world on a free loopback port.
 */
void
trib_demo_platform_start_async (GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(TribDemoPlatform) self = g_object_new (TRIB_TYPE_DEMO_PLATFORM, NULL);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) stdout_stream = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_demo_platform_start_async);
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  self->subprocess = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                       &error,
                                       simulator_path (), "--port", "0", "--exit-on-stdin-eof",
                                       NULL);
  if (self->subprocess == NULL)
    {
      g_task_return_new_error (task, TRIB_ERROR, TRIB_ERROR_DEMO_UNAVAILABLE,
                               /* Translators: %s is the technical reason */
                               _("The demo platform could not be started: %s"), error->message);
      return;
    }

  stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->subprocess));
  g_data_input_stream_read_line_async (stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       read_line_cb, g_steal_pointer (&task));
}

/**
 * trib_demo_platform_start_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the running demo platform
 */
TribDemoPlatform *
trib_demo_platform_start_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_demo_platform_get_profile:
 * @self: a #TribDemoPlatform
 *
 * Returns: (transfer none): an ephemeral profile for the demo organization
 */
TribProfile *
trib_demo_platform_get_profile (TribDemoPlatform *self)
{
  g_return_val_if_fail (TRIB_IS_DEMO_PLATFORM (self), NULL);

  return self->profile;
}

/**
 * trib_demo_platform_get_client_secret:
 * @self: a #TribDemoPlatform
 *
 * Returns: the demo client's secret, which the simulator made up
 */
const char *
trib_demo_platform_get_client_secret (TribDemoPlatform *self)
{
  g_return_val_if_fail (TRIB_IS_DEMO_PLATFORM (self), NULL);

  return self->client_secret;
}

/**
 * trib_demo_platform_stop:
 * @self: a #TribDemoPlatform
 *
 * Stops the simulator; it is also stopped when @self is disposed.
 */
void
trib_demo_platform_stop (TribDemoPlatform *self)
{
  g_return_if_fail (TRIB_IS_DEMO_PLATFORM (self));

  if (self->subprocess == NULL)
    return;

  g_subprocess_send_signal (self->subprocess, SIGTERM);
  g_clear_object (&self->subprocess);
}
