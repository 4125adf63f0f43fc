/* trib-dataset-detail.c
 *
 * One dataset's details: the table name to use in SQL, its schema, tags
 * and data usage labels, and its recent batches with their status and
 * record counts. Catalog gives a dataset no row count, so the rows of
 * its recent successful batches stand in for one.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-dataset-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-catalog.h"
#include "trib-dataset-detail.h"
#include "trib-format.h"
#include "trib-keynav.h"

#define N_RECENT_BATCHES 10

/* A batch can carry thousands of errors; rows past these say how many. */
#define MAX_ERRORS_SHOWN 20

struct _TribDatasetDetail
{
  GtkWidget parent_instance;

  TribDataset *dataset;
  GCancellable *cancellable;
  GPtrArray *rows;   /* rows added to the groups */
  guint n_loading;
  guint n_batches;

  /* Template widgets */
  AdwPreferencesGroup *dataset_group;
  AdwActionRow *schema_row;
  AdwPreferencesGroup *tags_group;
  AdwPreferencesGroup *labels_group;
  AdwPreferencesGroup *batches_group;
};

G_DEFINE_FINAL_TYPE (TribDatasetDetail, trib_dataset_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
finish_loading (TribDatasetDetail *self)
{
  g_return_if_fail (self->n_loading > 0);

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
clear_detail_rows (TribDatasetDetail *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (TribDatasetDetail   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  /* Subtitles are identifiers, tables and tags as often as prose. */
  trib_format_without_hyphens (row);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
show_dataset_facts (TribDatasetDetail *self,
                    const char        *schema_title)
{
  TribDataset *dataset = self->dataset;
  const char *table = trib_dataset_get_table_name (dataset);
  const char * const *tags = trib_dataset_get_tag_names (dataset);
  g_autofree char *created = trib_format_date_time (trib_dataset_get_created (dataset));
  g_autofree char *updated = trib_format_date_time (trib_dataset_get_updated (dataset));
  GtkWidget *row;

  row = add_row (self, self->dataset_group, _("Table name in SQL"), table != NULL ? table : _("None"));
  gtk_widget_add_css_class (row, "monospace-subtitle");
  if (table != NULL)
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy Table Name"));
      trib_a11y_set_label (copy, _("Copy Table Name"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "datasets.copy-table");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }
  if (trib_dataset_get_description (dataset) != NULL && trib_dataset_get_description (dataset)[0] != '\0')
    add_row (self, self->dataset_group, _("Description"), trib_dataset_get_description (dataset));
  add_row (self, self->dataset_group, _("ID"), trib_dataset_get_id (dataset));
  add_row (self, self->dataset_group, _("Format"), trib_dataset_get_format (dataset));
  add_row (self, self->dataset_group, _("Created"), created);
  add_row (self, self->dataset_group, _("Updated"), updated);
  add_row (self, self->dataset_group, _("Profile"),
           trib_dataset_get_profile_enabled (dataset) ? _("Enabled for Profile") : _("Not enabled for Profile"));

  trib_dataset_detail_set_schema_title (self, schema_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->schema_row), trib_dataset_get_schema_id (dataset));

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *values = trib_dataset_dup_tag (dataset, tags[i]);

      add_row (self, self->tags_group, tags[i], values);
    }
  if (tags[0] == NULL)
    add_row (self, self->tags_group, _("No tags"), NULL);
}

/* A failed batch's errors, each its code, what went wrong and on which
 * rows, under the batch; the newest failed batch's open.
 */
static GtkWidget *
add_error_row (TribDatasetDetail *self,
               TribBatch         *batch,
               const char        *title,
               const char        *subtitle,
               gboolean           expanded)
{
  GtkWidget *row = adw_expander_row_new ();
  guint n_errors = trib_batch_get_n_errors (batch);
  guint shown = MIN (n_errors, MAX_ERRORS_SHOWN);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), expanded);
  trib_format_without_hyphens (row);

  for (guint i = 0; i < shown; i++)
    {
      const char *code = NULL;
      const char *description = NULL;
      const char *rows = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *line = NULL;
      GtkWidget *error_row = adw_action_row_new ();

      trib_batch_get_error (batch, i, &code, &description, &rows);
      line = description != NULL ? trib_format_error_line (description) : NULL;
      g_string_append (text, line != NULL ? line : _("No description"));
      if (rows != NULL)
        {
          g_autofree char *bounded = trib_format_error_line (rows);

          /* Translators: %s is a row or ranges of rows of the loaded file, such as "3-5, 12" */
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Rows %s"), bounded);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), code != NULL ? code : _("No code"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (error_row), text->str);
      trib_format_without_hyphens (error_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), error_row);
    }
  if (n_errors > shown)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf ("%u", n_errors - shown);
      /* Translators: %s is a number of further errors of a batch */
      g_autofree char *title_more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s more error", "%s more errors",
                                                                  n_errors - shown), count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title_more);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (more), _("The Activity log has the batch’s whole answer."));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
    }

  adw_preferences_group_add (self->batches_group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
batches_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribDatasetDetail) self = user_data;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;
  gboolean any_counted = FALSE;
  gboolean any_errors_shown = FALSE;

  if (!(batches = trib_catalog_list_batches_finish (result, &error)) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  finish_loading (self);
  if (batches == NULL)
    {
      g_autofree char *line = trib_format_error_line (error->message);

      add_row (self, self->batches_group, _("Could not read the batches"), line);
      return;
    }

  self->n_batches = g_list_model_get_n_items (batches);
  for (guint i = 0; i < self->n_batches; i++)
    {
      g_autoptr(TribBatch) batch = g_list_model_get_item (batches, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *created = trib_format_date_time (trib_batch_get_created (batch));
      const char *css_class;
      const char *status = trib_format_batch_status (trib_batch_get_status (batch), &css_class);
      GtkWidget *row;

      g_string_append (subtitle, created);
      if (trib_batch_get_record_count (batch) >= 0)
        {
          g_autofree char *count = trib_format_count (trib_batch_get_record_count (batch));
          /* Translators: %s is a number of records, such as "20,000" */
          g_autofree char *records = g_strdup_printf (_("%s records"), count);

          g_string_append_printf (subtitle, " · %s", records);
          if (g_strcmp0 (trib_batch_get_status (batch), "success") == 0)
            {
              gint64 added = trib_batch_get_record_count (batch);

              /* The server's counts: their sum must not wrap around. */
              total = added > G_MAXINT64 - total ? G_MAXINT64 : total + added;
              any_counted = TRUE;
            }
        }
      if (trib_batch_get_failed_record_count (batch) > 0)
        {
          g_autofree char *count = trib_format_count (trib_batch_get_failed_record_count (batch));
          /* Translators: %s is a number of records, the batch's failedRecordCount */
          g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record failed",
                                                                  "%s records failed",
                                                                  trib_batch_get_failed_record_count (batch)),
                                                     count);

          g_string_append_printf (subtitle, " · %s", failed);
        }

      if (trib_batch_get_n_errors (batch) > 0)
        {
          row = add_error_row (self, batch, status, subtitle->str, !any_errors_shown);
          any_errors_shown = TRUE;
        }
      else
        row = add_row (self, self->batches_group, status, subtitle->str);
      if (css_class != NULL)
        gtk_widget_add_css_class (row, css_class);
    }

  if (self->n_batches == 0)
    add_row (self, self->batches_group, _("No batches yet"), _("No data has been loaded into this dataset."));

  if (any_counted)
    {
      g_autofree char *rows = trib_format_count (total);

      add_row (self, self->dataset_group, _("Rows in recent successful batches"), rows);
    }
}

static void
labels_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribDatasetDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) field_labels = NULL;

  if (!trib_catalog_get_labels_finish (result, &labels, &field_labels, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  finish_loading (self);
  if (error != NULL)
    {
      g_autofree char *line = trib_format_error_line (error->message);

      add_row (self, self->labels_group, _("Could not read the labels"), line);
      return;
    }

  if (labels[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", labels);

      add_row (self, self->labels_group, _("Whole dataset"), joined);
    }
  for (guint i = 0; field_labels[i] != NULL; i++)
    add_row (self, self->labels_group, _("Field"), field_labels[i]);
  if (labels[0] == NULL && field_labels[0] == NULL)
    add_row (self, self->labels_group, _("No labels"), NULL);
}


static void
trib_dataset_detail_dispose (GObject *object)
{
  TribDatasetDetail *self = (TribDatasetDetail *) object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_DATASET_DETAIL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trib_dataset_detail_parent_class)->dispose (object);
}

static void
trib_dataset_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribDatasetDetail *self = TRIB_DATASET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, trib_dataset_detail_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_dataset_detail_class_init (TribDatasetDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_dataset_detail_dispose;
  object_class->get_property = trib_dataset_detail_get_property;

  /**
   * TribDatasetDetail:loading:
   *
   * Whether the batches or the labels are still on their way.
   */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tributary/Tributary/trib-dataset-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TribDatasetDetail, dataset_group);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetDetail, schema_row);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetDetail, tags_group);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetDetail, labels_group);
  gtk_widget_class_bind_template_child (widget_class, TribDatasetDetail, batches_group);
}

static void
trib_dataset_detail_init (TribDatasetDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->dataset_group));
  trib_keynav_single_tab_stop (gtk_widget_get_ancestor (GTK_WIDGET (self->schema_row), ADW_TYPE_PREFERENCES_GROUP));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->tags_group));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->labels_group));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->batches_group));

  trib_format_without_hyphens (GTK_WIDGET (self->schema_row));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * trib_dataset_detail_clear:
 * @self: a #TribDatasetDetail
 *
 * Forgets the dataset shown, and stops reading its batches and labels.
 */
void
trib_dataset_detail_clear (TribDatasetDetail *self)
{
  gboolean was_loading;

  g_return_if_fail (TRIB_IS_DATASET_DETAIL (self));

  was_loading = self->n_loading > 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->dataset);
  self->n_loading = 0;
  self->n_batches = 0;
  clear_detail_rows (self);

  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * trib_dataset_detail_show:
 * @self: a #TribDatasetDetail
 * @client: the client of the dataset's sandbox
 * @dataset: the dataset to show
 * @schema_title: (nullable): the title of its schema, if known
 *
 * Shows what @dataset says of itself at once, then reads its recent
 * batches and its labels.
 */
void
trib_dataset_detail_show (TribDatasetDetail  *self,
                          TribPlatformClient *client,
                          TribDataset        *dataset,
                          const char         *schema_title)
{
  g_return_if_fail (TRIB_IS_DATASET_DETAIL (self));
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (TRIB_IS_DATASET (dataset));

  trib_dataset_detail_clear (self);
  self->dataset = g_object_ref (dataset);
  show_dataset_facts (self, schema_title);

  self->n_loading = 2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  trib_catalog_list_batches_async (client, trib_dataset_get_id (dataset), N_RECENT_BATCHES, self->cancellable,
                                   batches_cb, g_object_ref (self));
  trib_catalog_get_labels_async (client, trib_dataset_get_id (dataset), self->cancellable, labels_cb,
                                 g_object_ref (self));
}

/**
 * trib_dataset_detail_set_schema_title:
 * @self: a #TribDatasetDetail
 * @schema_title: (nullable): the title of the dataset's schema, once known
 */
void
trib_dataset_detail_set_schema_title (TribDatasetDetail *self,
                                      const char        *schema_title)
{
  g_return_if_fail (TRIB_IS_DATASET_DETAIL (self));

  if (self->dataset == NULL)
    return;

  if (schema_title == NULL)
    schema_title = trib_dataset_get_schema_id (self->dataset);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->schema_row),
                                 schema_title != NULL ? schema_title : _("No schema"));
}

/**
 * trib_dataset_detail_get_loading:
 * @self: a #TribDatasetDetail
 *
 * Returns: whether the batches or the labels are still on their way
 */
gboolean
trib_dataset_detail_get_loading (TribDatasetDetail *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET_DETAIL (self), FALSE);

  return self->n_loading > 0;
}

/**
 * trib_dataset_detail_get_n_batches:
 * @self: a #TribDatasetDetail
 *
 * Returns: how many recent batches are shown, once they arrived
 */
guint
trib_dataset_detail_get_n_batches (TribDatasetDetail *self)
{
  g_return_val_if_fail (TRIB_IS_DATASET_DETAIL (self), 0);

  return self->n_batches;
}
