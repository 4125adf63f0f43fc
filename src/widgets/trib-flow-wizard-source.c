/* trib-flow-wizard-source.c
 *
 * The wizard's first step: the object chosen in Explore, how to read it
 * and, for a table, the column that tells which rows are new. The
 * account, the object's columns and the flow spec that takes the source
 * are looked up here, one after the other, while the page is shown.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-connection.h"
#include "trib-flow-service.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-wizard-private.h"
#include "trib-format.h"

static const char * const delimiters[] = { ",", ";", "\t", "|", "~" };
static const char * const compressions[] = { NULL, "gzip", "bzip2", "deflate", "zipDeflate", "tarGzip", "tar" };

static guint
find_string (const char * const *strings,
             guint               n_strings,
             const char         *value)
{
  for (guint i = 0; i < n_strings; i++)
    if (g_strcmp0 (strings[i], value) == 0)
      return i;

  return 0;
}

void
_trib_flow_wizard_write_file_options (TribFlowWizard               *self,
                                      const TribExploreFileOptions *options)
{
  adw_combo_row_set_selected (self->file_type_row, options->file_type);
  adw_combo_row_set_selected (self->delimiter_row,
                              find_string (delimiters, G_N_ELEMENTS (delimiters),
                                           options->column_delimiter != NULL ? options->column_delimiter : ","));
  adw_combo_row_set_selected (self->compression_row,
                              find_string (compressions, G_N_ELEMENTS (compressions), options->compression_type));
}

/**
 * _trib_flow_wizard_get_file_options:
 * @options: (out caller-allocates): its strings are static
 */
void
_trib_flow_wizard_get_file_options (TribFlowWizard         *self,
                                    TribExploreFileOptions *options)
{
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint compression = adw_combo_row_get_selected (self->compression_row);

  options->file_type = MIN (adw_combo_row_get_selected (self->file_type_row), TRIB_EXPLORE_FILE_PARQUET);
  options->column_delimiter = delimiters[MIN (delimiter, G_N_ELEMENTS (delimiters) - 1)];
  options->compression_type = compressions[MIN (compression, G_N_ELEMENTS (compressions) - 1)];
  options->encoding = NULL;
}

/* Parquet that already follows XDM goes in as it is (seed 002's
 * `parquet_xdm`): no mapping step.
 */
gboolean
_trib_flow_wizard_is_xdm (TribFlowWizard *self)
{
  return self->item_type != TRIB_EXPLORE_ITEM_TABLE &&
         adw_combo_row_get_selected (self->file_type_row) == TRIB_EXPLORE_FILE_PARQUET &&
         gtk_switch_get_active (self->xdm_switch);
}

/**
 * _trib_flow_wizard_get_delta_column:
 *
 * Returns: (nullable): the table's column that says which rows changed
 */
const char *
_trib_flow_wizard_get_delta_column (TribFlowWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->delta_row);

  if (self->item_type != TRIB_EXPLORE_ITEM_TABLE || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->delta_columns, selected);
}

const char *
_trib_flow_wizard_check_source (TribFlowWizard *self,
                                gboolean       *refused)
{
  g_autofree char *name = NULL;

  if (self->source_loading > 0)
    return _("Looking up the source…");

  if (self->source_error != NULL)
    {
      *refused = TRUE;
      return self->source_error->message;
    }

  if (self->flow_spec == NULL)
    {
      *refused = TRUE;
      return _("The platform has no dataflow for this kind of source.");
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->flow_name_row))));
  if (name[0] == '\0')
    return _("Give the dataflow a name.");

  return NULL;
}

static void
show_source (TribFlowWizard *self)
{
  g_autofree char *object = NULL;

  switch (self->item_type)
    {
    case TRIB_EXPLORE_ITEM_FOLDER:
      /* Translators: what a dataflow reads; %s is a folder's path */
      object = g_strdup_printf (_("Every file in the folder %s"), self->path);
      break;
    case TRIB_EXPLORE_ITEM_TABLE:
      /* Translators: what a dataflow reads; %s is a table's name */
      object = g_strdup_printf (_("The table %s"), self->path);
      break;
    case TRIB_EXPLORE_ITEM_FILE:
    default:
      /* Translators: what a dataflow reads; %s is a file's path */
      object = g_strdup_printf (_("The file %s"), self->path);
      break;
    }

  adw_action_row_set_subtitle (self->object_row, object);
  gtk_widget_set_visible (GTK_WIDGET (self->format_group), self->item_type != TRIB_EXPLORE_ITEM_TABLE);
  gtk_widget_set_visible (GTK_WIDGET (self->delta_group), self->item_type == TRIB_EXPLORE_ITEM_TABLE);
  adw_action_row_set_subtitle (self->account_row,
                               self->connection_name != NULL ? self->connection_name : "");
}

static void
show_columns (TribFlowWizard *self)
{
  guint n_columns = self->preview != NULL ? trib_explore_preview_get_n_columns (self->preview) : 0;
  const char * const *names = self->preview != NULL ? trib_explore_preview_get_column_names (self->preview) : NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  guint delta = GTK_INVALID_LIST_POSITION;

  gtk_spinner_set_spinning (self->columns_spinner, self->source_loading > 0);
  if (self->preview == NULL)
    {
      adw_action_row_set_subtitle (self->columns_row,
                                   self->item_type == TRIB_EXPLORE_ITEM_FOLDER
                                   ? _("Read from the files at each run")
                                   : self->source_loading > 0 ? _("Reading a preview…") : "");
      return;
    }

  self->filling = TRUE;
  gtk_string_list_splice (self->delta_columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->delta_columns)),
                          NULL);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *xdm_type = trib_explore_preview_get_column_xdm_types (self->preview)[i];

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, names[i]);
      gtk_string_list_append (self->delta_columns, names[i]);

      /* A date-time column is the usual delta column: the first one. */
      if (delta == GTK_INVALID_LIST_POSITION && g_strcmp0 (xdm_type, "date-time") == 0)
        delta = i;
    }
  adw_combo_row_set_selected (self->delta_row, delta);
  self->filling = FALSE;

  {
    g_autofree char *bounded = trib_format_long_text (list->str);

    adw_action_row_set_subtitle (self->columns_row, bounded);
  }
}

static void
source_step_done (TribFlowWizard *self)
{
  self->source_loading--;
  show_columns (self);
  _trib_flow_wizard_update (self);
}

static void
flow_spec_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowSpec) spec = trib_flow_service_find_flow_spec_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (spec == NULL && error != NULL && self->source_error == NULL)
    self->source_error = g_steal_pointer (&error);
  g_set_object (&self->flow_spec, spec);
  source_step_done (self);
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribExplorePreview) preview = trib_flow_explore_preview_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a preview, the flow can still be made on an existing
   * dataset; the ad hoc schema and the delta column need its columns.
   */
  if (preview == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the columns: %s"), error->message);

      adw_action_row_set_subtitle (self->columns_row, message);
    }
  g_set_object (&self->preview, preview);
  /* Done: a later change of options has nothing to cancel. */
  g_clear_object (&self->preview_cancellable);
  source_step_done (self);
}

static void
load_preview (TribFlowWizard *self)
{
  TribPlatformClient *client = trib_session_get_client (self->session);
  TribExploreFileOptions options;

  if (self->item_type == TRIB_EXPLORE_ITEM_FOLDER)
    return;

  /* Latest wins: options changed while a preview ran read it again. */
  if (self->preview_cancellable != NULL && !g_cancellable_is_cancelled (self->preview_cancellable))
    {
      g_cancellable_cancel (self->preview_cancellable);
      self->source_loading--;
    }
  g_set_object (&self->preview_cancellable, g_cancellable_new ());
  g_clear_object (&self->preview);

  self->source_loading++;
  if (self->item_type == TRIB_EXPLORE_ITEM_TABLE)
    {
      trib_flow_explore_get_table_async (client, self->connection_id, self->path, TRUE, self->preview_cancellable,
                                         preview_cb, g_object_ref (self));
      return;
    }

  _trib_flow_wizard_get_file_options (self, &options);
  if (*self->connection_id == '\0')
    trib_flow_explore_landing_zone_preview_async (client, self->path, &options, self->preview_cancellable,
                                                  preview_cb, g_object_ref (self));
  else
    trib_flow_explore_preview_file_async (client, self->connection_id, self->path, &options,
                                          self->preview_cancellable, preview_cb, g_object_ref (self));
}

static void
find_flow_spec (TribFlowWizard *self)
{
  self->source_loading++;
  trib_flow_service_find_flow_spec_async (trib_session_get_client (self->session), NULL, self->connection_spec_id,
                                          self->cancellable, flow_spec_cb, g_object_ref (self));
}

static void
propose_names (TribFlowWizard *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  /* Translators: a new dataflow's proposed name; %s is the file, folder or table read */
  g_autofree char *flow_name = g_strdup_printf (_("%s to Experience Platform"), base);

  if (gtk_editable_get_text (GTK_EDITABLE (self->flow_name_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->flow_name_row), flow_name);
}

static void
connection_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TribFlowWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribConnection) connection = trib_flow_service_get_connection_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (connection == NULL)
    {
      g_clear_error (&self->source_error);
      self->source_error = g_steal_pointer (&error);
    }
  else
    {
      g_free (self->connection_name);
      self->connection_name = g_strdup (trib_connection_get_name (connection));
      g_free (self->connection_spec_id);
      self->connection_spec_id = g_strdup (trib_connection_get_spec_id (connection));
      show_source (self);
      find_flow_spec (self);
    }

  source_step_done (self);
}

void
_trib_flow_wizard_format_changed_cb (TribFlowWizard *self)
{
  gboolean parquet = adw_combo_row_get_selected (self->file_type_row) == TRIB_EXPLORE_FILE_PARQUET;

  gtk_widget_set_visible (GTK_WIDGET (self->xdm_row), parquet);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delimiter_row),
                            adw_combo_row_get_selected (self->file_type_row) == TRIB_EXPLORE_FILE_DELIMITED);
  if (self->filling || self->session == NULL || self->path == NULL)
    return;

  load_preview (self);
  show_columns (self);
  _trib_flow_wizard_update (self);
}

void
_trib_flow_wizard_load_source (TribFlowWizard *self)
{
  g_clear_error (&self->source_error);
  g_clear_object (&self->preview);
  g_clear_object (&self->flow_spec);
  show_source (self);
  propose_names (self);

  /* The Data Landing Zone has no base connection: its spec is known. */
  if (*self->connection_id == '\0')
    {
      g_free (self->connection_name);
      self->connection_name = g_strdup (_("Data Landing Zone"));
      g_free (self->connection_spec_id);
      self->connection_spec_id = g_strdup (TRIB_LANDING_ZONE_SPEC_ID);
      show_source (self);
      find_flow_spec (self);
    }
  else
    {
      self->source_loading++;
      trib_flow_service_get_connection_async (trib_session_get_client (self->session), self->connection_id,
                                              self->cancellable, connection_cb, g_object_ref (self));
    }

  load_preview (self);
  show_columns (self);
}
