/* trib-explore-view-options.c
 *
 * The explore view's file options: the drop-downs, what they mean, and a
 * first guess from a file's name.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-explore-view-private.h"

/* The drop-downs' entries, in the order of the template's lists. */
static const char * const delimiters[] = { ",", ";", "\t", "|", "~" };
static const char * const compressions[] = { NULL, "gzip", "bzip2", "deflate", "zipDeflate", "tarGzip", "tar" };
static const char * const encodings[] = { "UTF-8", "ISO-8859-1" };

static guint
find_string (const char * const *values,
             guint               n_values,
             const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return 0;
}

char *
_trib_explore_view_describe_file_type (gpointer            item,
                                       TribExploreFileType file_type)
{
  switch (file_type)
    {
    case TRIB_EXPLORE_FILE_JSON:
      return g_strdup (_("JSON"));
    case TRIB_EXPLORE_FILE_PARQUET:
      return g_strdup (_("Parquet"));
    case TRIB_EXPLORE_FILE_DELIMITED:
    default:
      /* Translators: a file type: text in columns (CSV, TSV…) */
      return g_strdup (_("Delimited text"));
    }
}

void
_trib_explore_view_read_options (TribExploreView        *self,
                                 TribExploreFileOptions *options)
{
  AdwEnumListItem *item = gtk_drop_down_get_selected_item (self->file_type_dropdown);
  guint delimiter = gtk_drop_down_get_selected (self->delimiter_dropdown);
  guint compression = gtk_drop_down_get_selected (self->compression_dropdown);
  guint encoding = gtk_drop_down_get_selected (self->encoding_dropdown);

  options->file_type = item != NULL ? adw_enum_list_item_get_value (item) : TRIB_EXPLORE_FILE_DELIMITED;
  options->column_delimiter = delimiters[MIN (delimiter, G_N_ELEMENTS (delimiters) - 1)];
  options->compression_type = compressions[MIN (compression, G_N_ELEMENTS (compressions) - 1)];
  options->encoding = encodings[MIN (encoding, G_N_ELEMENTS (encodings) - 1)];
}

void
_trib_explore_view_write_options (TribExploreView              *self,
                                  const TribExploreFileOptions *options)
{
  AdwEnumListModel *types = ADW_ENUM_LIST_MODEL (gtk_drop_down_get_model (self->file_type_dropdown));

  self->setting_options = TRUE;
  gtk_drop_down_set_selected (self->file_type_dropdown,
                              adw_enum_list_model_find_position (types, options->file_type));
  gtk_drop_down_set_selected (self->delimiter_dropdown,
                              find_string (delimiters, G_N_ELEMENTS (delimiters),
                                           options->column_delimiter != NULL ? options->column_delimiter : ","));
  gtk_drop_down_set_selected (self->compression_dropdown,
                              find_string (compressions, G_N_ELEMENTS (compressions), options->compression_type));
  gtk_drop_down_set_selected (self->encoding_dropdown,
                              find_string (encodings, G_N_ELEMENTS (encodings),
                                           options->encoding != NULL ? options->encoding : "UTF-8"));
  self->setting_options = FALSE;
}

/* A first guess from the file's name; the user corrects it, and the
 * platform says which guess was wrong.
 */
void
_trib_explore_view_guess_options (const char             *name,
                                  TribExploreFileOptions *options)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char *dot;

  *options = (TribExploreFileOptions) { TRIB_EXPLORE_FILE_DELIMITED, ",", NULL, "UTF-8" };

  if (g_str_has_suffix (lower, ".gz"))
    {
      options->compression_type = "gzip";
      lower[strlen (lower) - 3] = '\0';
    }
  else if (g_str_has_suffix (lower, ".bz2"))
    {
      options->compression_type = "bzip2";
      lower[strlen (lower) - 4] = '\0';
    }

  dot = strrchr (lower, '.');
  if (dot == NULL)
    return;
  if (g_str_equal (dot, ".parquet"))
    options->file_type = TRIB_EXPLORE_FILE_PARQUET;
  else if (g_str_equal (dot, ".json") || g_str_equal (dot, ".jsonl"))
    options->file_type = TRIB_EXPLORE_FILE_JSON;
  else if (g_str_equal (dot, ".tsv"))
    options->column_delimiter = "\t";
  else if (g_str_equal (dot, ".psv"))
    options->column_delimiter = "|";
}

void
_trib_explore_view_update_options_sensitivity (TribExploreView *self)
{
  TribExploreFileOptions options;

  _trib_explore_view_read_options (self, &options);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delimiter_dropdown), options.file_type == TRIB_EXPLORE_FILE_DELIMITED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_dropdown), options.file_type == TRIB_EXPLORE_FILE_DELIMITED);
}
