/* trib-connect-dialog-fields.c
 *
 * Connect's fields, one per TribSpecField: the row that asks for it
 * (an entry, a secret entry, a spin button, a switch, a drop-down or a
 * text view, after the field's type), its help, and the spec form's
 * message about the answer, under it, as typed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-connect-dialog-private.h"
#include "trib-entry-row.h"
#include "trib-secret-row.h"

typedef struct
{
  TribSpecForm *form;
  TribSpecField *field;
  TribConnectFieldChanged changed;
  gpointer user_data;
  GtkWidget *input;
  GtkLabel *message;
  /* Messages show once the person typed into the field, or tried. */
  gboolean touched;
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_object (&field->form);
  g_clear_object (&field->field);
  g_free (field);
}

static Field *
get_field (GtkWidget *field_widget)
{
  return g_object_get_data (G_OBJECT (field_widget), "trib-connect-field");
}

void
_trib_connect_field_show_check (GtkWidget    *field_widget,
                                TribSpecForm *form,
                                gboolean      always)
{
  Field *field = get_field (field_widget);
  g_autofree char *message = NULL;

  if (field == NULL)
    return;

  if (always)
    field->touched = TRUE;
  if (field->touched)
    message = trib_spec_form_check_answer (form, trib_spec_field_get_key (field->field));

  gtk_label_set_label (field->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->message), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

GtkWidget *
_trib_connect_field_get_input (GtkWidget *field_widget)
{
  Field *field = get_field (field_widget);

  return field != NULL ? field->input : NULL;
}

static void
answer (Field      *field,
        const char *text)
{
  trib_spec_form_set_answer (field->form, trib_spec_field_get_key (field->field), text);
  field->touched = TRUE;
  field->changed (field->user_data, field->field);
}

static void
editable_changed_cb (GtkEditable *editable,
                     Field       *field)
{
  answer (field, gtk_editable_get_text (editable));
}

static void
secret_changed_cb (TribSecretRow *row,
                   Field         *field)
{
  answer (field, trib_secret_row_get_secret (row));
}

static void
switch_changed_cb (GtkSwitch  *button,
                   GParamSpec *pspec,
                   Field      *field)
{
  answer (field, gtk_switch_get_active (button) ? "true" : "false");
}

static void
combo_changed_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Field       *field)
{
  const char * const *choices = trib_spec_field_get_choices (field->field);
  guint selected = adw_combo_row_get_selected (row);
  guint offset = trib_spec_field_get_required (field->field) ? 0 : 1;

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset || choices == NULL)
    answer (field, "");
  else
    answer (field, choices[selected - offset]);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Field         *field)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  answer (field, text);
}

static GtkWidget *
new_spin (TribSpecField *spec_field,
          const char    *current)
{
  double minimum = -1e15, maximum = 1e15;
  gboolean integer = trib_spec_field_get_field_type (spec_field) == TRIB_SPEC_FIELD_INTEGER;
  GtkWidget *spin;

  trib_spec_field_get_minimum (spec_field, &minimum);
  trib_spec_field_get_maximum (spec_field, &maximum);
  spin = gtk_spin_button_new_with_range (minimum, maximum, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), integer ? 0 : 3);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_entry_set_activates_default (GTK_ENTRY (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);
  /* Left blank, the platform applies its default: the field may stay
   * empty until the person gives a number.
   */
  gtk_editable_set_text (GTK_EDITABLE (spin), current != NULL ? current : "");

  return spin;
}

/**
 * _trib_connect_field_new:
 *
 * Returns: (transfer floating): the field's widget: its row, its help
 *   and its message
 */
GtkWidget *
_trib_connect_field_new (TribSpecForm            *form,
                         TribSpecField           *spec_field,
                         TribConnectFieldChanged  changed,
                         gpointer                 user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *list = gtk_list_box_new ();
  const char *label = trib_spec_field_get_label (spec_field);
  const char *help = trib_spec_field_get_help (spec_field);
  const char *current = trib_spec_form_get_answer (form, trib_spec_field_get_key (spec_field));
  gboolean required = trib_spec_field_get_required (spec_field);
  Field *field = g_new0 (Field, 1);
  GtkWidget *row = NULL;
  GtkWidget *text_view = NULL;
  GtkWidget *help_label = NULL;

  field->form = g_object_ref (form);
  field->field = g_object_ref (spec_field);
  field->changed = changed;
  field->user_data = user_data;
  g_object_set_data_full (G_OBJECT (box), "trib-connect-field", field, field_free);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  switch (trib_spec_field_get_field_type (spec_field))
    {
    case TRIB_SPEC_FIELD_INTEGER:
    case TRIB_SPEC_FIELD_NUMBER:
      row = adw_action_row_new ();
      field->input = new_spin (spec_field, current);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->input);
      g_signal_connect (field->input, "changed", G_CALLBACK (editable_changed_cb), field);
      break;

    case TRIB_SPEC_FIELD_BOOLEAN:
      row = adw_action_row_new ();
      field->input = gtk_switch_new ();
      gtk_widget_set_valign (field->input, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (field->input), g_strcmp0 (current, "true") == 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->input);
      g_signal_connect (field->input, "notify::active", G_CALLBACK (switch_changed_cb), field);
      break;

    case TRIB_SPEC_FIELD_ENUM:
      {
        const char * const *choices = trib_spec_field_get_choices (spec_field);
        g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
        guint selected = 0;

        if (!required)
          /* Translators: an optional choice left to the platform's default */
          gtk_string_list_append (strings, C_("choice", "Not set"));
        for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
          {
            if (g_strcmp0 (current, choices[i]) == 0)
              selected = i + (required ? 0 : 1);
            gtk_string_list_append (strings, choices[i]);
          }

        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        field->input = row;
        g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), field);
        /* A required choice answers with what the drop-down shows. */
        if (required && current == NULL && choices != NULL && choices[0] != NULL)
          trib_spec_form_set_answer (form, trib_spec_field_get_key (spec_field), choices[0]);
      }
      break;

    case TRIB_SPEC_FIELD_ARRAY:
      text_view = gtk_text_view_new ();
      break;

    case TRIB_SPEC_FIELD_UNSUPPORTED:
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), trib_spec_field_get_problem (spec_field));
      field->input = row;
      break;

    case TRIB_SPEC_FIELD_STRING:
    default:
      if (trib_spec_field_get_secret (spec_field))
        {
          row = trib_secret_row_new ();
          field->input = trib_secret_row_get_entry (TRIB_SECRET_ROW (row));
          if (current != NULL)
            trib_secret_row_set_secret (TRIB_SECRET_ROW (row), current);
          g_signal_connect (row, "changed", G_CALLBACK (secret_changed_cb), field);
        }
      else if (trib_spec_field_get_multiline (spec_field))
        text_view = gtk_text_view_new ();
      else
        {
          row = trib_entry_row_new ();
          field->input = trib_entry_row_get_entry (TRIB_ENTRY_ROW (row));
          if (current != NULL)
            gtk_editable_set_text (GTK_EDITABLE (row), current);
          g_signal_connect (field->input, "changed", G_CALLBACK (editable_changed_cb), field);
        }
      break;
    }

  if (text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
      GtkWidget *frame = gtk_frame_new (NULL);

      row = adw_action_row_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_CHAR);
      gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
      gtk_widget_set_size_request (text_view, -1, 80);
      gtk_widget_add_css_class (text_view, "inline");
      gtk_frame_set_child (GTK_FRAME (frame), text_view);
      gtk_widget_set_margin_start (frame, 12);
      gtk_widget_set_margin_end (frame, 12);
      gtk_widget_set_margin_bottom (frame, 12);
      if (current != NULL)
        gtk_text_buffer_set_text (buffer, current, -1);
      g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), field);
      field->input = text_view;
      {
        GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        GtkWidget *list_row = gtk_list_box_row_new ();

        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
        gtk_box_append (GTK_BOX (inner), row);
        gtk_box_append (GTK_BOX (inner), frame);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), inner);
        gtk_list_box_append (GTK_LIST_BOX (list), list_row);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), text_view);
      }
    }
  else
    gtk_list_box_append (GTK_LIST_BOX (list), row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (trib_spec_field_get_field_type (spec_field) != TRIB_SPEC_FIELD_UNSUPPORTED)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), required ? _("Required") : _("Optional"));
  if (field->input != row)
    trib_a11y_set_label (field->input, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED, required, -1);

  if (help != NULL && help[0] != '\0')
    {
      help_label = gtk_label_new (help);
      gtk_label_set_xalign (GTK_LABEL (help_label), 0);
      gtk_label_set_wrap (GTK_LABEL (help_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (help_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_margin_start (help_label, 12);
      gtk_widget_set_margin_end (help_label, 12);
      gtk_widget_add_css_class (help_label, "caption");
      gtk_widget_add_css_class (help_label, "dim-label");
      gtk_box_append (GTK_BOX (box), help_label);
    }

  field->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->message, 0);
  gtk_label_set_wrap (field->message, TRUE);
  gtk_label_set_wrap_mode (field->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (GTK_WIDGET (field->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (field->message), 12);
  gtk_widget_add_css_class (GTK_WIDGET (field->message), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (field->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->message));

  /* A screen reader reads the help, and what is wrong, with the field. */
  if (help_label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    help_label, field->message, NULL, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    field->message, NULL, -1);

  return box;
}

/* The keys of the form's fields that have a value, which the request
 * sends.
 */
GStrv
_trib_connect_answered_keys (TribSpecForm *form)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);

      if (trib_spec_form_is_answered (form, trib_spec_field_get_key (field)))
        g_strv_builder_add (builder, trib_spec_field_get_key (field));
    }

  return g_strv_builder_end (builder);
}

/* The paths of the fields of @synced_keys (sent before) cleared since,
 * for the PATCH to remove them; %NULL if none.
 */
GPtrArray *
_trib_connect_cleared_paths (TribSpecForm       *form,
                             const char * const *synced_keys)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; synced_keys != NULL && synced_keys[i] != NULL; i++)
    {
      TribSpecField *field = trib_spec_form_get_field (form, synced_keys[i]);

      if (field != NULL && !trib_spec_form_is_answered (form, synced_keys[i]))
        g_ptr_array_add (paths, (gpointer) trib_spec_field_get_path (field));
    }

  return paths->len > 0 ? g_steal_pointer (&paths) : NULL;
}
