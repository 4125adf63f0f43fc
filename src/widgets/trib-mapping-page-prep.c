/* trib-mapping-page-prep.c
 *
 * The Mapping step's Validate and Preview: both go to Data Prep through
 * the draft (no JSON here); Data Prep's verdicts land on the rows, and
 * the mapped sample rows fill the grid as text, one column per target
 * path and one for each row's problems.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-mapping-page-private.h"
#include "trib-result-view.h"

static void
validate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TribMappingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_problems;
  g_autofree char *message = NULL;

  if (!trib_mapping_draft_validate_finish (TRIB_MAPPING_DRAFT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _trib_mapping_page_set_busy (self, FALSE);
      /* Translators: %s is the platform's error message */
      message = g_strdup_printf (_("Could not validate the mapping: %s"), error->message);
      gtk_label_set_label (self->status_label, message);
      trib_a11y_announce (GTK_WIDGET (self), message);
      return;
    }

  _trib_mapping_page_set_busy (self, FALSE);
  n_problems = trib_mapping_draft_get_n_problems (self->draft);
  if (n_problems == 0)
    message = g_strdup (_("Data Prep accepts every mapping"));
  else
    /* Translators: %u is how many mappings have a problem */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mapping has a problem",
                                            "%u mappings have a problem", n_problems), n_problems);
  gtk_label_set_label (self->status_label, message);
  trib_a11y_announce (GTK_WIDGET (self), message);
}

void
_trib_mapping_page_validate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);
  guint n_columns = self->source != NULL ? trib_explore_preview_get_n_columns (self->source) : 0;

  if (!self->loaded || self->busy || self->schema_id == NULL)
    return;

  g_set_object (&self->call_cancellable, g_cancellable_new ());
  _trib_mapping_page_set_busy (self, TRUE);
  trib_mapping_draft_validate_async (self->draft, trib_session_get_client (self->session), self->schema_id,
                                     n_columns,
                                     self->source != NULL ? trib_explore_preview_get_column_names (self->source) : NULL,
                                     self->types, self->call_cancellable, validate_cb, g_object_ref (self));
}

static void
show_preview (TribMappingPage *self,
              GPtrArray       *rows)
{
  g_auto(GStrv) targets = trib_mapping_draft_dup_targets (self->draft);
  guint n_targets = g_strv_length (targets);
  g_autofree const char **names = g_new0 (const char *, n_targets + 2);
  g_autofree const char **types = g_new0 (const char *, n_targets + 2);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree const char * const **cells = g_new0 (const char * const *, MAX (rows->len, 1));
  g_autoptr(TribResultModel) model = NULL;

  for (guint i = 0; i < n_targets; i++)
    {
      gint position = trib_mapping_draft_find_target (self->draft, targets[i]);
      g_autoptr(TribMappingRow) row = g_list_model_get_item (G_LIST_MODEL (self->draft), position);

      /* Below the namespace the page shows once, as the rows do. */
      names[i] = _trib_mapping_page_short_path (self, targets[i]);
      types[i] = trib_mapping_row_get_target_type (row);
    }
  names[n_targets] = _("Problems");
  types[n_targets] = "string";

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row_texts = trib_mapping_preview_row_dup_texts (g_ptr_array_index (rows, r),
                                                                 (const char * const *) targets);

      g_ptr_array_add (texts, row_texts);
      cells[r] = (const char * const *) row_texts->pdata;
    }

  model = trib_result_model_new_from_text_rows (n_targets + 1, names, types, rows->len,
                                                (const char * const * const *) cells);
  trib_result_view_set_model (self->result_view, model);
  gtk_stack_set_visible_child_name (self->preview_stack, "grid");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_stack), TRUE);
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribMappingPage) self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(rows = trib_mapping_draft_preview_finish (TRIB_MAPPING_DRAFT (object), result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _trib_mapping_page_set_busy (self, FALSE);
      adw_status_page_set_description (self->preview_error_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->preview_stack), TRUE);
      return;
    }

  _trib_mapping_page_set_busy (self, FALSE);
  show_preview (self, rows);
  /* Translators: %u is how many sample rows were mapped */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sample row mapped", "%u sample rows mapped",
                                          rows->len), rows->len);
  trib_a11y_announce (GTK_WIDGET (self), message);
}

void
_trib_mapping_page_preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribMappingPage *self = TRIB_MAPPING_PAGE (widget);

  if (!self->loaded || self->busy || self->source == NULL || self->schema_id == NULL)
    return;

  g_set_object (&self->call_cancellable, g_cancellable_new ());
  _trib_mapping_page_set_busy (self, TRUE);
  trib_mapping_draft_preview_async (self->draft, trib_session_get_client (self->session), self->schema_id,
                                    self->source, self->types, self->call_cancellable, preview_cb,
                                    g_object_ref (self));
}
